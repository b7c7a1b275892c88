//! The state of each case (`kring status`): its phase, the next open task
//! of the checklist and the next date that matters; and the open cases per
//! coordinator.

use chrono::NaiveDate;
use serde::Serialize;

use crate::messages::{Lang, text};
use crate::model::roster::Roster;
use crate::model::{Case, Phase, Variant, checklist};
use crate::msg;
use crate::region::{phase_word, variant_word};

/// One coordinator's load.
#[derive(Debug, Serialize)]
pub struct Load<'a> {
    coordinator: Option<String>,
    name: Option<String>,
    open_cases: usize,
    /// The next dates that matter, earliest first.
    next: Vec<NaiveDate>,
    cases: Vec<&'a Row>,
}

#[derive(Debug, Serialize)]
pub struct Row {
    #[serde(skip)]
    pub coordinator: Option<(String, String)>,
    /// Not closed: counts in a coordinator's load.
    #[serde(skip)]
    pub open: bool,
    pub id: String,
    pub variant: Variant,
    pub phase: Phase,
    pub next: Option<&'static str>,
    pub due: Option<NaiveDate>,
    /// How far the invitations went (`kring send`, `kring letters`).
    pub invited: crate::model::Delivery,
    pub file: String,
}

/// One row per case: the open ones by due date (the undated last), then by
/// id; the closed ones last. `cases`
/// pairs each case with its file, relative to the root.
pub fn rows(
    cases: &[(&str, &Case)],
    roster: &Roster,
    followup_days: u32,
    today: NaiveDate,
) -> Vec<Row> {
    let mut rows = Vec::with_capacity(cases.len());
    for (file, case) in cases {
        let phase = case.phase(today);
        rows.push(Row {
            coordinator: roster.coordinator_of(case),
            open: case.is_open(),
            id: case.id().to_string(),
            variant: case.variant(),
            phase,
            next: checklist::tasks(case)
                .iter()
                .find(|t| !t.done)
                .map(|t| t.key),
            due: checklist::due(case, phase, followup_days),
            invited: case.invitations_sent(),
            file: file.to_string(),
        });
    }
    // Open cases first, by due date (the undated last); closed cases after.
    rows.sort_by_cached_key(|r| (!r.open, r.due.is_none(), r.due, r.id.clone()));
    rows
}

/// The open cases per coordinator: roster coordinators first (by id), then
/// names outside the roster, then cases without a coordinator.
pub fn by_coordinator<'a>(rows: &'a [Row], roster: &Roster) -> Vec<Load<'a>> {
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
    for row in rows.iter().filter(|r| r.open) {
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

pub fn load_table(loads: &[Load], lang: Lang) -> String {
    // At least 12 wide, wider for a longer word ("voorbereiding").
    let phase_width = loads
        .iter()
        .flat_map(|load| &load.cases)
        .map(|row| phase_word(row.phase, lang).chars().count())
        .fold(12, usize::max);
    let mut out = String::new();
    for load in loads {
        let who = match (&load.coordinator, &load.name) {
            (Some(id), Some(name)) if id != name => format!("{id} ({name})"),
            (Some(id), _) => id.clone(),
            (None, _) => text(lang, "status-no-coordinator"),
        };
        let next: Vec<String> = load.next.iter().take(3).map(|d| d.to_string()).collect();
        let line = if next.is_empty() {
            msg!("status-load", who = who, open = load.open_cases)
        } else {
            msg!(
                "status-load-next",
                who = who,
                open = load.open_cases,
                next = next.join(", ")
            )
        };
        out.push_str(&(line.in_lang(lang) + "\n"));
        for row in &load.cases {
            out.push_str(&format!(
                "  {:<20} {:<12} {:<phase_width$} {:<26} {}\n",
                row.id,
                variant_word(row.variant.as_str(), lang),
                phase_word(row.phase, lang),
                next_words(row, lang),
                row.due.map_or_else(|| "-".to_string(), |d| d.to_string())
            ));
        }
    }
    out
}

/// The next task in the checklist's words (JSON keeps the key).
fn next_words(row: &Row, lang: Lang) -> String {
    row.next.map_or_else(
        || "-".to_string(),
        |key| checklist::short_title(key, lang).unwrap_or_else(|| key.to_string()),
    )
}

/// "7 of 9; 2 by post", or "-" before any invitation went out or once
/// the case is closed.
fn invited_words(r: &Row, lang: Lang) -> String {
    let d = r.invited;
    if d.sent == 0 || !r.open {
        return "-".to_string();
    }
    crate::msg!(
        "status-invited-count",
        sent = d.sent,
        of = d.of,
        post = d.by_post
    )
    .in_lang(lang)
}

pub fn table(rows: &[Row], lang: Lang) -> String {
    let header = [
        "status-id",
        "status-variant",
        "status-phase",
        "status-next",
        "status-due",
        "status-invited",
    ]
    .map(|id| text(lang, id));
    let cells: Vec<[String; 6]> = rows
        .iter()
        .map(|r| {
            [
                r.id.clone(),
                variant_word(r.variant.as_str(), lang),
                phase_word(r.phase, lang),
                next_words(r, lang),
                r.due.map_or_else(|| "-".to_string(), |d| d.to_string()),
                invited_words(r, lang),
            ]
        })
        .collect();
    let mut widths = header.each_ref().map(|h| h.chars().count());
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
    line(&header.each_ref().map(String::as_str));
    for row in &cells {
        line(&row.iter().map(String::as_str).collect::<Vec<_>>());
    }
    out
}
