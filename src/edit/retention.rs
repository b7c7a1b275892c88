//! Anonymising case files in the repository (`kring anonymise`): each
//! result is checked before anything is written, the file is swapped in two
//! atomic steps, and the case's documents in `out/` go with its names.

use std::collections::HashSet;
use std::path::Path;

use anyhow::Result;
use chrono::NaiveDate;

use super::anonymise::{anonymise, is_anonymised};
use crate::check::{Input, Workspace, files_of};
use crate::diagnostic::{Code, Severity};
use crate::fsutil::{Mode, Replaced, create_new_atomic, replace_if_unchanged};
use crate::messages::OrSay as _;
use crate::model::{Case, is_anonymised_coordinator, is_anonymised_label};
use crate::msg;
use crate::repo::{Loaded, parse_case};

/// What became of one case file.
#[derive(Debug)]
pub enum Outcome {
    /// Anonymised (or, in a dry run, would be).
    Done(Done),
    /// Nothing left to anonymise.
    Already,
    /// Left alone, and why.
    Refused(String),
}

#[derive(Debug)]
pub struct Done {
    /// The new case id.
    pub id: String,
    /// The new file, relative to the root (the old one when unchanged).
    pub new_rel: String,
    /// One line per change: `participant[2].name: replaced`.
    pub changes: Vec<String>,
    /// Whether `out/<old id>/` was removed.
    pub removed_documents: bool,
}

/// Anonymises the workspace's case files one by one; `Err` only for an I/O
/// failure that stops the run.
pub fn anonymise_all(
    workspace: &Workspace,
    today: NaiveDate,
    dry_run: bool,
) -> Result<Vec<(&Loaded, Outcome)>> {
    // Ids in use, kept up to date as cases get new ids in this run.
    let mut ids: HashSet<String> = workspace.repo.case_ids().into_iter().collect();
    let mut outcomes = Vec::with_capacity(workspace.cases.len());
    for item in &workspace.cases {
        let outcome = one(workspace, item, &ids, today, dry_run)?;
        if let (Outcome::Done(done), Some(id)) = (&outcome, &item.id) {
            ids.remove(id.get_ref());
            ids.insert(done.id.clone());
        }
        outcomes.push((item, outcome));
    }
    Ok(outcomes)
}

fn one(
    workspace: &Workspace,
    item: &Loaded,
    ids: &HashSet<String>,
    today: NaiveDate,
    dry_run: bool,
) -> Result<Outcome> {
    let refuse = |reason: &str| Ok(Outcome::Refused(reason.to_string()));
    let (case, text) = match (&item.case, &item.file.text) {
        (Ok(case), Some(text)) => (case, text),
        _ => return refuse("the file has errors (run kring check)"),
    };
    if !case.is_closed() {
        return refuse("the case is not closed (record the follow-up or a [closed] table first)");
    }
    if is_anonymised(case) {
        return Ok(Outcome::Already);
    }
    let repo = &workspace.repo;
    let language = case
        .language
        .as_ref()
        .map_or(repo.settings.language.as_str(), |l| l.get_ref().as_str());
    let old_id = case.id();
    let result = match anonymise(text, case, language, |id| id != old_id && ids.contains(id)) {
        Ok(result) => result,
        Err(e) => {
            return refuse(&format!("cannot edit the file: {}", e.message().trim()));
        }
    };
    let path = &item.file.path;
    let new_path = path.with_file_name(format!("{}.toml", result.id));
    let new_rel = repo
        .relative(&new_path)
        .unwrap_or_else(|| new_path.display().to_string());

    // The result must check clean of errors and of K311, and must not hold
    // any of the names and details it replaced.
    let checked = parse_case(&new_rel, &result.text);
    if let Err(e) = &checked.case {
        return refuse(&format!(
            "the result does not load ({e:?}); this is a bug in kring"
        ));
    }
    let report = files_of(&Input {
        cases: std::slice::from_ref(&checked),
        strays: &[],
        elsewhere: Some(&workspace.repo),
        ..workspace.input(today)
    });
    let wrong: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.file == new_rel)
        .filter(|d| d.severity == Severity::Error || d.code == Code::K311)
        .map(|d| d.code.as_str())
        .collect();
    if !wrong.is_empty() {
        return refuse(&format!(
            "the result would not pass kring check ({}); this is a bug in kring",
            wrong.join(", ")
        ));
    }
    if let Some(left) = personal_values(case).find(|v| result.text.contains(v.as_str())) {
        return refuse(&format!(
            "the result still holds \"{left}\"; this is a bug in kring"
        ));
    }
    let mut done = Done {
        id: result.id.clone(),
        new_rel,
        changes: result.changes,
        removed_documents: false,
    };
    if dry_run {
        return Ok(Outcome::Done(done));
    }

    if new_path == *path {
        match replace_if_unchanged(path, text.as_bytes(), result.text.as_bytes())? {
            Replaced::Written => {}
            Replaced::ChangedMeanwhile => {
                return refuse("the file changed while kring worked on it");
            }
        }
    } else {
        // The new file first; the old one goes only once the new one is
        // on disk and the old one still holds what was anonymised.
        create_new_atomic(&new_path, result.text.as_bytes(), Mode::of(path))?;
        let now = std::fs::read(path)
            .or_say(|| msg!("cannot-read", what = path.display().to_string()))?;
        if now != text.as_bytes() {
            std::fs::remove_file(&new_path)
                .or_say(|| msg!("cannot-remove", file = new_path.display().to_string()))?;
            return refuse("the file changed while kring worked on it");
        }
        std::fs::remove_file(path)
            .or_say(|| msg!("cannot-remove", file = path.display().to_string()))?;
    }
    done.removed_documents = remove_documents(&repo.out_dir(), case.id())?;
    Ok(Outcome::Done(done))
}

/// The values [`anonymise`] must not leave behind: names and contact
/// details, as they stand in the file.
pub fn personal_values(case: &Case) -> impl Iterator<Item = String> + '_ {
    let coordinator = case.coordinator.iter().flat_map(|c| {
        let c = c.get_ref();
        [
            Some(c.name.get_ref().clone()),
            c.email.clone(),
            c.phone.clone(),
        ]
    });
    let participants = case.participants.iter().flat_map(|p| {
        let p = p.get_ref();
        [
            Some(p.name.get_ref().clone()),
            p.known_as.as_ref().map(|k| k.get_ref().clone()),
            p.salutation.as_ref().map(|s| s.get_ref().clone()),
            p.email().map(str::to_string),
            p.phone.clone(),
            p.address.clone(),
            p.born.as_ref().map(|b| b.get_ref().0.to_string()),
        ]
    });
    coordinator
        .chain(participants)
        .flatten()
        .filter(|v| v.trim().chars().count() > 2 && !is_anonymised_coordinator(v))
        .filter(|v| !is_anonymised_label(v))
}

/// Removes `out/<case id>/`, the case's rendered documents, which hold the
/// names. A link is removed, not followed.
fn remove_documents(out: &Path, case_id: &str) -> Result<bool> {
    let folder = out.join(case_id);
    let removed = match std::fs::symlink_metadata(&folder) {
        Err(_) => return Ok(false),
        Ok(meta) if meta.is_dir() => std::fs::remove_dir_all(&folder),
        Ok(_) => std::fs::remove_file(&folder),
    };
    removed.or_say(|| msg!("cannot-remove", file = folder.display().to_string()))?;
    Ok(true)
}
