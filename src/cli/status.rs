//! `kring status [PATH...]`: one row per case.

use std::path::PathBuf;

use anyhow::Result;

use super::{Format, Outcome, Ui, print_stdout};
use crate::model::Case;
use crate::msg;
use crate::region::status::{by_coordinator, load_table, rows, table};
use crate::repo::{open_and_load, readable};

/// One row per case: phase, next task and due date.
#[derive(Debug, clap::Args)]
#[command(
    long_about = "Shows one row per case: its variant, its phase (request, preparation, scheduled, plan,\n\
                  follow-up, closed), the next open task of the coordinator's checklist and the next date\n\
                  that matters. Sorted by that date.",
    after_help = "Examples:\n  kring status\n  kring status --format json\n  kring status --today 2026-12-01\n  kring status --by coordinator     # each coordinator's open cases and next dates"
)]
pub struct Args {
    /// Case files or folders (default: the whole repository).
    pub paths: Vec<PathBuf>,
    /// A table for people, or a JSON array for programs.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Group the open cases: per coordinator (roster id, else name), with
    /// every roster coordinator listed, also those without open cases.
    #[arg(long, value_enum, value_name = "GROUP")]
    pub by: Option<GroupBy>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GroupBy {
    Coordinator,
}

pub fn run(args: Args, ui: &Ui) -> Result<Outcome> {
    let (repo, loaded) = open_and_load(&args.paths)?;
    let today = ui.today(&repo);
    let roster = repo.roster()?;
    let (cases, unreadable) = readable(&loaded);
    ui.unreadable(&unreadable, |file| msg!("unreadable", file = file));
    let cases: Vec<(&str, &Case)> = cases
        .iter()
        .map(|(file, case)| (file.file.rel.as_str(), *case))
        .collect();
    let rows = rows(&cases, &roster, repo.settings.followup_days, today);
    match (args.by, args.format) {
        (Some(GroupBy::Coordinator), format) => {
            let loads = by_coordinator(&rows, &roster);
            match format {
                Format::Json => print_stdout(&(serde_json::to_string(&loads)? + "\n"))?,
                Format::Human => print_stdout(&load_table(&loads, ui.lang))?,
            }
        }
        (None, Format::Json) => print_stdout(&(serde_json::to_string(&rows)? + "\n"))?,
        (None, Format::Human) => print_stdout(&table(&rows, ui.lang))?,
    }
    if rows.is_empty() && unreadable.is_empty() {
        ui.say(msg!("no-cases"));
    }
    Ok(if unreadable.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Problems
    })
}
