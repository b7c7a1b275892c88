//! `kring anonymise CASE... [--dry-run]`: retention (rule K311).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use super::check::plural;
use super::{Outcome, Ui, open_and_load, print_stdout};
use crate::edit::anonymise::{anonymise, is_anonymised};
use crate::diagnostic::Severity;
use crate::fsutil::{Replaced, create_new_atomic, replace_if_unchanged};
use crate::model::Case;
use crate::repo::{Loaded, Repo, parse_case};

/// Replace the personal data of closed cases by neutral labels (retention, K311).
#[derive(Debug, clap::Args)]
#[command(
    long_about = "Rewrites closed case files for retention (rule K311): names become labels such as\n\
                  \"deelnemer 3, familie\", participant ids become p1, p2, ...; contact details, birth\n\
                  dates, addresses, relations, needs and free text are removed or replaced by a label.\n\
                  Dates, roles, statuses, parts and counts stay, so kring stats and kring export still\n\
                  count the case. The case id and file name lose the parts that may be a name\n\
                  (2026-031-bakker becomes 2026-031), and the case's rendered documents in out/ are\n\
                  removed. Comments stay only where kring's own skeleton wrote them.\n\n\
                  Cases that are not closed, or have errors, are refused (exit 1) and left alone. The\n\
                  result must pass kring check without errors and without K311, or nothing is written.\n\
                  Every write is atomic; a file saved by someone else meanwhile is not overwritten.",
    after_help = "Examples:\n  kring anonymise 2026-031-bakker --dry-run     # show what would change\n  kring anonymise 2026-031-bakker\n  kring check --format json | jq -r '.diagnostics[] | select(.code == \"K311\") | .file' | xargs kring anonymise"
)]
pub struct Args {
    /// Case files, folders or case ids.
    #[arg(required = true, add = clap_complete::ArgValueCompleter::new(super::complete_case))]
    pub cases: Vec<PathBuf>,
    /// Write nothing; show what would change in each case.
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(args: Args, ui: &Ui) -> Result<Outcome> {
    let (repo, loaded) = open_and_load(&args.cases)?;
    let today = ui.today(&repo);
    let mut ids: HashSet<String> = repo.case_ids().into_iter().collect();
    let (mut done, mut already, mut refused) = (0, 0, 0);
    let mut listing = String::new();
    for item in &loaded {
        let rel = &item.file.rel;
        let (case, text) = match (&item.case, &item.file.text) {
            (Ok(case), Some(text)) => (case, text),
            _ => {
                crate::ewriteln!(
                    "error: {rel}: not anonymised: the file has errors (run kring check)"
                );
                refused += 1;
                continue;
            }
        };
        if !case.is_closed() {
            crate::ewriteln!(
                "error: {rel}: not anonymised: the case is not closed (record the follow-up or a [closed] table first)"
            );
            refused += 1;
            continue;
        }
        if is_anonymised(case) {
            ui.note(&format!("{rel}: already anonymised"));
            already += 1;
            continue;
        }
        match anonymise_one(&repo, item, case, text, &ids, today, args.dry_run)? {
            Ok(result) => {
                if args.dry_run {
                    listing.push_str(&format!("{rel}:\n"));
                    for change in &result.changes {
                        listing.push_str(&format!("  {change}\n"));
                    }
                } else {
                    ui.note(&format!(
                        "anonymised {rel}{}: {}",
                        if result.new_rel != *rel {
                            format!(" → {}", result.new_rel)
                        } else {
                            String::new()
                        },
                        plural(result.changes.len(), "change")
                    ));
                    if result.removed_documents {
                        ui.note(&format!("removed its documents in out/{}/", case.id()));
                    }
                }
                ids.remove(case.id());
                ids.insert(result.id);
                done += 1;
            }
            Err(reason) => {
                crate::ewriteln!("error: {rel}: not anonymised: {reason}");
                refused += 1;
            }
        }
    }
    if args.dry_run {
        print_stdout(&listing)?;
    }
    ui.note(&format!(
        "{} {}, {} already anonymised, {} refused",
        plural(done, "case"),
        if args.dry_run {
            "would be anonymised"
        } else {
            "anonymised"
        },
        already,
        refused
    ));
    Ok(if refused > 0 {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}

struct Done {
    id: String,
    new_rel: String,
    changes: Vec<String>,
    removed_documents: bool,
}

/// Anonymises one case: `Ok(Err(reason))` when it is refused.
fn anonymise_one(
    repo: &Repo,
    item: &Loaded,
    case: &Case,
    text: &str,
    ids: &HashSet<String>,
    today: chrono::NaiveDate,
    dry_run: bool,
) -> Result<Result<Done, String>> {
    let language = case
        .language
        .as_ref()
        .map_or(repo.settings.language.as_str(), |l| l.get_ref().as_str());
    let old_id = case.id();
    let result = match anonymise(text, case, language, |id| id != old_id && ids.contains(id)) {
        Ok(result) => result,
        Err(e) => return Ok(Err(format!("cannot edit the file: {}", e.message().trim()))),
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
        return Ok(Err(format!(
            "the result does not load ({e:?}); this is a bug in kring"
        )));
    }
    let report = crate::check::check(std::slice::from_ref(&checked), &repo.settings, today);
    let wrong: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error || d.code == "K311")
        .map(|d| d.code)
        .collect();
    if !wrong.is_empty() {
        return Ok(Err(format!(
            "the result would not pass kring check ({}); this is a bug in kring",
            wrong.join(", ")
        )));
    }
    if let Some(left) = personal_values(case).find(|v| result.text.contains(v.as_str())) {
        return Ok(Err(format!(
            "the result still holds \"{left}\"; this is a bug in kring"
        )));
    }
    let mut done = Done {
        id: result.id.clone(),
        new_rel,
        changes: result.changes,
        removed_documents: false,
    };
    if dry_run {
        return Ok(Ok(done));
    }

    if new_path == *path {
        match replace_if_unchanged(path, text.as_bytes(), result.text.as_bytes())? {
            Replaced::Written => {}
            Replaced::ChangedMeanwhile => {
                return Ok(Err("the file changed while kring worked on it".into()));
            }
        }
    } else {
        // The new file first; the old one goes only once the new one is
        // on disk and the old one still holds what was anonymised.
        create_new_atomic(&new_path, result.text.as_bytes())?;
        let now = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        if now != text.as_bytes() {
            std::fs::remove_file(&new_path)
                .with_context(|| format!("cannot remove {}", new_path.display()))?;
            return Ok(Err("the file changed while kring worked on it".into()));
        }
        std::fs::remove_file(path).with_context(|| format!("cannot remove {}", path.display()))?;
    }
    done.removed_documents = remove_documents(&repo.out_dir(), case.id())?;
    Ok(Ok(done))
}

/// The values [`anonymise`] must not leave behind: names and contact
/// details, as they stand in the file.
fn personal_values(case: &Case) -> impl Iterator<Item = String> + '_ {
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
            p.email.clone(),
            p.phone.clone(),
            p.address.clone(),
            p.born.as_ref().map(|b| b.get_ref().0.to_string()),
        ]
    });
    coordinator
        .chain(participants)
        .flatten()
        .filter(|v| v.trim().chars().count() > 2 && !crate::model::is_anonymised_coordinator(v))
        .filter(|v| !crate::model::is_anonymised_label(v))
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
    removed.with_context(|| format!("cannot remove {}", folder.display()))?;
    Ok(true)
}
