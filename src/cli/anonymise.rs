//! `kring anonymise CASE... [--dry-run]`: retention (rule K311).

use std::path::PathBuf;

use anyhow::Result;

use super::{Outcome, Ui, print_stdout};
use crate::check::Workspace;
use crate::edit::retention::{Outcome as Anonymised, anonymise_all};
use crate::msg;

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
    let workspace = Workspace::open(&args.cases)?;
    let today = ui.today(&workspace.repo);
    let (mut done, mut already, mut refused) = (0, 0, 0);
    let mut listing = String::new();
    for (item, outcome) in anonymise_all(&workspace, today, args.dry_run)? {
        let rel = &item.file.rel;
        match outcome {
            Anonymised::Done(result) if args.dry_run => {
                listing.push_str(&format!("{rel}:\n"));
                for change in &result.changes {
                    listing.push_str(&format!("  {change}\n"));
                }
                done += 1;
            }
            Anonymised::Done(result) => {
                let changes = result.changes.len();
                if result.new_rel != *rel {
                    let to = &result.new_rel;
                    ui.say(msg!(
                        "anonymised-renamed",
                        file = rel,
                        to = to,
                        changes = changes
                    ));
                } else {
                    ui.say(msg!("anonymised", file = rel, changes = changes));
                }
                if let (true, Some(id)) = (result.removed_documents, &item.id) {
                    ui.say(msg!("anonymised-documents", id = id.get_ref()));
                }
                done += 1;
            }
            Anonymised::Already => {
                ui.say(msg!("anonymised-already", file = rel));
                already += 1;
            }
            Anonymised::Refused(reason) => {
                ui.error(msg!("anonymised-refused", file = rel, reason = reason));
                refused += 1;
            }
        }
    }
    if args.dry_run {
        print_stdout(&listing)?;
    }
    let summary = if args.dry_run {
        msg!(
            "anonymise-dry-run-summary",
            done = done,
            already = already,
            refused = refused
        )
    } else {
        msg!(
            "anonymise-summary",
            done = done,
            already = already,
            refused = refused
        )
    };
    ui.say(summary);
    Ok(if refused > 0 {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}
