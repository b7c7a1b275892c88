//! Reading the coordinator roster (`coordinators/*.toml`) with the same walk
//! and the same size and UTF-8 limits as the case files.

use super::load::{LoadError, max_file_size_text, read_text};
use super::{CasePath, Repo, RepoError};
use crate::messages::Message;
use crate::model::is_valid_id;
use crate::model::roster::{Roster, RosterEntry, RosterProblem, RosterProblemKind};
use crate::msg;

/// The roster's folder, relative to the repository root.
pub const ROSTER_DIR: &str = "coordinators";

impl Repo {
    /// The roster files: every `*.toml` below `coordinators/`, sorted.
    pub fn roster_files(&self) -> Result<Vec<CasePath>, RepoError> {
        let mut files = Vec::new();
        self.walk(&self.root.join(ROSTER_DIR), &mut files)?;
        files.sort();
        Ok(files)
    }

    /// Reads the roster. No folder, no roster; a folder that cannot be
    /// walked is an error.
    pub fn roster(&self) -> Result<Roster, RepoError> {
        let mut roster = Roster::default();
        for file in self.roster_files()? {
            let text = read_text(&file.path);
            add_file(&mut roster, &file.rel, text);
        }
        Ok(roster)
    }
}

/// A roster from files already in memory (the staged files of a commit),
/// each with its relative path.
pub fn roster_from(files: Vec<(String, Vec<u8>)>) -> Roster {
    let mut roster = Roster::default();
    for (rel, bytes) in files {
        add_file(&mut roster, &rel, super::load::text_of_bytes(bytes));
    }
    roster
}

/// Takes one file into the roster, or records why it is not.
fn add_file(roster: &mut Roster, rel: &str, text: Result<String, LoadError>) {
    let invalid = |message: Message, text: Option<String>, span| RosterProblem {
        file: rel.to_string(),
        text,
        kind: RosterProblemKind::Invalid { message, span },
    };
    let text = match text {
        Ok(text) => text,
        Err(error) => {
            let message = match error {
                LoadError::Io(e) => msg!("K601-unreadable", error = e.to_string()),
                LoadError::TooLarge(_) => msg!("K601-large", limit = max_file_size_text()),
                LoadError::NotUtf8 { .. } => msg!("K601-utf8"),
                LoadError::Syntax { message, .. } => Message::text(message),
                LoadError::Shape(problems) => problems
                    .into_iter()
                    .next()
                    .map_or_else(|| msg!("K601-shape"), |p| p.message),
            };
            roster.problems.push(invalid(message, None, None));
            return;
        }
    };
    let entry: RosterEntry = match toml::from_str(&text) {
        Ok(entry) => entry,
        Err(e) => {
            let message = super::shape::shape_message(e.message());
            let span = e.span();
            roster.problems.push(invalid(message, Some(text), span));
            return;
        }
    };
    let id = entry.id().to_string();
    let span = entry.id.span();
    let kind = if !is_valid_id(&id) {
        RosterProblemKind::BadId { id, span }
    } else if let Some(other) = roster.files.get(&id) {
        RosterProblemKind::DuplicateId {
            id,
            span,
            other: other.clone(),
        }
    } else {
        roster.files.insert(id, rel.to_string());
        roster.coordinators.push(entry);
        return;
    };
    roster.problems.push(RosterProblem {
        file: rel.to_string(),
        text: Some(text),
        kind,
    });
}

/// Whether `path` (relative to the root, `/`-separated) is a roster file.
pub fn is_roster_file(rel: &str) -> bool {
    let Some(inside) = rel
        .strip_prefix(ROSTER_DIR)
        .and_then(|r| r.strip_prefix('/'))
    else {
        return false;
    };
    inside.ends_with(".toml") && !inside.split('/').any(|part| part.starts_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roster_files_are_toml_below_the_folder_and_not_hidden() {
        assert!(is_roster_file("coordinators/selin.toml"));
        assert!(is_roster_file("coordinators/oost/selin.toml"));
        assert!(!is_roster_file("coordinators/.old/selin.toml"));
        assert!(!is_roster_file("coordinators/readme.md"));
        assert!(!is_roster_file("coordinatorsx/selin.toml"));
        assert!(!is_roster_file("cases/selin.toml"));
    }

    #[test]
    fn problems_are_recorded_and_the_rest_loads() {
        let file = |rel: &str, text: &str| (rel.to_string(), text.as_bytes().to_vec());
        let roster = roster_from(vec![
            file("coordinators/a.toml", "id = \"a\"\nname = \"A\"\n"),
            file("coordinators/b.toml", "id = \"a\"\nname = \"B\"\n"),
            file("coordinators/c.toml", "id = \"C!\"\nname = \"C\"\n"),
            file("coordinators/d.toml", "id = \"d\"\nnaam = \"D\"\n"),
            ("coordinators/e.toml".into(), vec![0xff, 0xfe]),
        ]);
        assert_eq!(roster.coordinators.len(), 1);
        let kinds: Vec<&str> = roster
            .problems
            .iter()
            .map(|p| match p.kind {
                RosterProblemKind::Invalid { .. } => "invalid",
                RosterProblemKind::BadId { .. } => "bad id",
                RosterProblemKind::DuplicateId { .. } => "duplicate",
            })
            .collect();
        assert_eq!(kinds, ["duplicate", "bad id", "invalid", "invalid"]);
    }
}
