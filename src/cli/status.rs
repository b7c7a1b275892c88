//! `kring status [PATH...]`: one row per case.

use std::path::PathBuf;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use super::{Format, Outcome, Ui, open_and_load, print_stdout};
use crate::checklist;
use crate::model::{Phase, Variant};

/// One row per case: phase, next task and due date.
#[derive(Debug, clap::Args)]
#[command(
    long_about = "Shows one row per case: its variant, its phase (request, preparation, scheduled, plan,\n\
                  follow-up, closed), the next open task of the coordinator's checklist and the next date\n\
                  that matters. Sorted by that date.",
    after_help = "Examples:\n  kring status\n  kring status --format json\n  kring status --today 2026-12-01"
)]
pub struct Args {
    /// Case files or folders (default: the whole repository).
    pub paths: Vec<PathBuf>,
    /// A table for people, or a JSON array for programs.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, Serialize)]
struct Row {
    id: String,
    variant: Variant,
    phase: Phase,
    next: Option<&'static str>,
    due: Option<NaiveDate>,
    file: String,
}

pub fn run(args: Args, ui: &Ui) -> Result<Outcome> {
    let (repo, loaded) = open_and_load(&args.paths)?;
    let today = ui.today(&repo);
    let mut rows = Vec::new();
    let mut unreadable = 0;
    for file in &loaded {
        match &file.case {
            Ok(case) => {
                let phase = case.phase(today);
                rows.push(Row {
                    id: case.id().to_string(),
                    variant: case.variant(),
                    phase,
                    next: checklist::tasks(case)
                        .iter()
                        .find(|t| !t.done)
                        .map(|t| t.key),
                    due: checklist::due(case, phase, repo.settings.followup_days),
                    file: file.file.rel.clone(),
                });
            }
            Err(_) => {
                unreadable += 1;
                crate::ewriteln!(
                    "warning: {} cannot be read; run `kring check` to see why",
                    file.file.rel
                );
            }
        }
    }
    // By due date, the undated last; then by id.
    rows.sort_by(|a, b| (a.due.is_none(), a.due, &a.id).cmp(&(b.due.is_none(), b.due, &b.id)));

    match args.format {
        Format::Json => print_stdout(&(serde_json::to_string(&rows)? + "\n"))?,
        Format::Human => print_stdout(&table(&rows))?,
    }
    if rows.is_empty() && unreadable == 0 {
        ui.note("no cases found");
    }
    Ok(if unreadable > 0 {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}

fn table(rows: &[Row]) -> String {
    let header = ["ID", "VARIANT", "PHASE", "NEXT", "DUE"];
    let cells: Vec<[String; 5]> = rows
        .iter()
        .map(|r| {
            [
                r.id.clone(),
                r.variant.as_str().to_string(),
                r.phase.as_str().to_string(),
                r.next.unwrap_or("-").to_string(),
                r.due.map_or_else(|| "-".to_string(), |d| d.to_string()),
            ]
        })
        .collect();
    let mut widths = header.map(|h| h.chars().count());
    for row in &cells {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let mut line = |row: &[&str]| {
        let padded: Vec<String> = row
            .iter()
            .zip(widths)
            .map(|(cell, w)| format!("{cell:<w$}"))
            .collect();
        out.push_str(padded.join("  ").trim_end());
        out.push('\n');
    };
    line(&header);
    for row in &cells {
        line(&row.iter().map(String::as_str).collect::<Vec<_>>());
    }
    out
}
