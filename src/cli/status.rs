//! `kring status [PATH...]`: one row per case.

use std::path::PathBuf;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use super::{Format, Outcome, Ui, open_and_load, print_stdout, readable_cases};
use crate::model::checklist;
use crate::model::{Phase, Variant};

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

/// One coordinator's load.
#[derive(Debug, Serialize)]
struct Load<'a> {
    coordinator: Option<String>,
    name: Option<String>,
    open_cases: usize,
    /// The next dates that matter, earliest first.
    next: Vec<NaiveDate>,
    cases: Vec<&'a Row>,
}

#[derive(Debug, Serialize)]
struct Row {
    #[serde(skip)]
    coordinator: Option<(String, String)>,
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
    let roster = crate::model::roster::Roster::load(&repo);
    let (cases, unreadable) = readable_cases(&loaded, "");
    let mut rows = Vec::with_capacity(cases.len());
    for (file, case) in cases {
        let phase = case.phase(today);
        let coordinator = match roster.of_case(case) {
            Some(c) => Some((c.id().to_string(), c.name.clone())),
            None => case.coordinator.as_ref().map(|c| {
                let name = c.get_ref().name.get_ref().clone();
                (name.clone(), name)
            }),
        };
        rows.push(Row {
            coordinator,
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
    // By due date, the undated last; then by id.
    rows.sort_by(|a, b| (a.due.is_none(), a.due, &a.id).cmp(&(b.due.is_none(), b.due, &b.id)));

    match (args.by, args.format) {
        (Some(GroupBy::Coordinator), format) => {
            let loads = by_coordinator(&rows, &roster);
            match format {
                Format::Json => print_stdout(&(serde_json::to_string(&loads)? + "\n"))?,
                Format::Human => print_stdout(&load_table(&loads))?,
            }
        }
        (None, Format::Json) => print_stdout(&(serde_json::to_string(&rows)? + "\n"))?,
        (None, Format::Human) => print_stdout(&table(&rows))?,
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

/// The open cases per coordinator: roster coordinators first (by id), then
/// names outside the roster, then cases without a coordinator.
fn by_coordinator<'a>(rows: &'a [Row], roster: &crate::model::roster::Roster) -> Vec<Load<'a>> {
    let mut loads: Vec<Load> = roster
        .coordinators
        .iter()
        .map(|c| Load {
            coordinator: Some(c.id().to_string()),
            name: Some(c.name.clone()),
            open_cases: 0,
            next: Vec::new(),
            cases: Vec::new(),
        })
        .collect();
    for row in rows.iter().filter(|r| r.phase != Phase::Closed) {
        let key = row.coordinator.as_ref().map(|(id, _)| id.clone());
        let index = match loads.iter().position(|l| l.coordinator == key) {
            Some(i) => i,
            None => {
                loads.push(Load {
                    coordinator: key,
                    name: row.coordinator.as_ref().map(|(_, name)| name.clone()),
                    open_cases: 0,
                    next: Vec::new(),
                    cases: Vec::new(),
                });
                loads.len() - 1
            }
        };
        let load = &mut loads[index];
        load.open_cases += 1;
        load.cases.push(row);
        if let Some(due) = row.due {
            load.next.push(due);
        }
    }
    for load in &mut loads {
        load.next.sort();
    }
    loads
}

fn load_table(loads: &[Load]) -> String {
    let mut out = String::new();
    for load in loads {
        let who = match (&load.coordinator, &load.name) {
            (Some(id), Some(name)) if id != name => format!("{id} ({name})"),
            (Some(id), _) => id.clone(),
            (None, _) => "no coordinator yet".to_string(),
        };
        let next: Vec<String> = load.next.iter().take(3).map(|d| d.to_string()).collect();
        out.push_str(&format!(
            "{who}: {} open{}\n",
            load.open_cases,
            if next.is_empty() {
                String::new()
            } else {
                format!(", next {}", next.join(", "))
            }
        ));
        for row in &load.cases {
            out.push_str(&format!(
                "  {:<20} {:<12} {:<12} {:<14} {}\n",
                row.id,
                row.variant.as_str(),
                row.phase.as_str(),
                row.next.unwrap_or("-"),
                row.due.map_or_else(|| "-".to_string(), |d| d.to_string())
            ));
        }
    }
    out
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
