//! `kring stats [PATH...]`: figures per year and variant for the regional
//! manager, as a table, JSON or CSV.

use std::path::PathBuf;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use super::{Outcome, Ui, csv_text, open_and_load, print_stdout, readable_cases};
use crate::model::Variant;
use crate::region::stats::{COLUMNS, Filter, Row, aggregate, facts};

/// Figures per year and variant: conferences held, plans, acceptance, follow-ups.
#[derive(Debug, clap::Args)]
#[command(
    long_about = "Counts, per year and variant (and for all variants together), the requests received and\n\
                  the conferences held, with the participants per conference (mean and median), the share\n\
                  that reached a recorded plan, the share with compulsory help and of those the share whose\n\
                  plan was accepted, the median days from request to conference, the share of follow-ups done\n\
                  on time and the open follow-ups overdue today.\n\n\
                  A request counts in the year it was received; a conference and all its figures in the year\n\
                  of its date. Held: the conference date is before today, or a plan is recorded; a case closed\n\
                  as cancelled or withdrawn without a plan is not held. Participants: everyone not declined.\n\
                  Follow-up on time: done by conference date + followup_days. Overdue: as rule K307.\n\
                  The numbers come only from the case files and today (--today). The table shows shares as\n\
                  percentages with their counts; JSON and CSV as fractions, empty (null) where there is\n\
                  nothing to divide by. The exact definitions are in docs/stats.md.",
    after_help = "Examples:\n  kring stats\n  kring stats --year 2026 --variant learning\n  kring stats --format csv > stats-2026.csv\n  kring stats --format json --today 2026-12-31"
)]
pub struct Args {
    /// Case files or folders (default: the whole repository).
    pub paths: Vec<PathBuf>,
    /// Only this year (YYYY).
    #[arg(long, value_name = "YYYY", value_parser = clap::value_parser!(i32).range(1..=9999))]
    pub year: Option<i32>,
    /// Only this variant (and no all-variants row).
    #[arg(long, value_parser = variant_parser())]
    pub variant: Option<Variant>,
    /// A table for people, JSON or CSV for programs and spreadsheets.
    #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
    pub format: StatsFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatsFormat {
    Table,
    Json,
    Csv,
}

/// Accepts the variants by name, as the case files spell them.
pub fn variant_parser() -> impl clap::builder::TypedValueParser<Value = Variant> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(Variant::ALL.map(Variant::as_str)).map(|name| {
        Variant::ALL
            .into_iter()
            .find(|v| v.as_str() == name)
            .unwrap_or(Variant::Family)
    })
}

/// `kring stats --format json`.
#[derive(Debug, Serialize)]
struct Report<'a> {
    version: u32,
    today: NaiveDate,
    /// Case files that could not be read and are not counted.
    unreadable: usize,
    rows: &'a [Row],
}

pub fn run(args: Args, ui: &Ui) -> Result<Outcome> {
    let (repo, loaded) = open_and_load(&args.paths)?;
    let today = ui.today(&repo);
    let (cases, unreadable) = readable_cases(&loaded, " and is not counted");
    let all: Vec<_> = cases
        .iter()
        .map(|(_, case)| facts(case, repo.settings.followup_days, today))
        .collect();
    let rows = aggregate(
        &all,
        Filter {
            year: args.year,
            variant: args.variant,
        },
    );
    match args.format {
        StatsFormat::Table => print_stdout(&table(&rows, today))?,
        StatsFormat::Json => {
            let report = Report {
                version: 1,
                today,
                unreadable,
                rows: &rows,
            };
            print_stdout(&(serde_json::to_string(&report)? + "\n"))?;
        }
        StatsFormat::Csv => print_stdout(&csv_text(&COLUMNS, &rows)?)?,
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

const NONE: &str = "–";

/// One block per year: a line per figure, a column per variant.
fn table(rows: &[Row], today: NaiveDate) -> String {
    type Cell = fn(&Row) -> String;
    let figures: [(&str, Cell); 10] = [
        ("requests received", |r| r.requests.to_string()),
        ("conferences held", |r| r.held.to_string()),
        ("participants per conference, mean", |r| {
            r.participants_mean
                .map_or(NONE.into(), |m| format!("{m:.1}"))
        }),
        ("participants per conference, median", |r| {
            number(r.participants_median)
        }),
        ("reached a recorded plan", |r| percent(r.plans, r.held)),
        ("compulsory help", |r| percent(r.compulsory, r.held)),
        ("  of which plan accepted", |r| {
            percent(r.accepted, r.compulsory)
        }),
        ("days from request to conference, median", |r| {
            number(r.days_to_conference_median)
        }),
        ("follow-ups done on time", |r| {
            percent(r.followups_on_time, r.followups_due)
        }),
        ("follow-ups overdue today", |r| {
            r.followups_overdue.to_string()
        }),
    ];
    let label_width = figures
        .iter()
        .map(|(label, _)| label.chars().count())
        .max()
        .unwrap_or(0);
    let column = |row: &Row| -> Vec<String> {
        let mut cells = vec![row.variant.to_string()];
        cells.extend(figures.iter().map(|(_, cell)| cell(row)));
        cells
    };
    // Every year has the same columns; one width per column keeps the
    // years' blocks aligned.
    let columns_per_year = rows
        .iter()
        .take_while(|r| r.year == rows[0].year)
        .count()
        .max(1);
    let mut widths = vec![0; columns_per_year];
    for (i, row) in rows.iter().enumerate() {
        let width = column(row)
            .iter()
            .map(|s| s.chars().count())
            .max()
            .unwrap_or(0);
        widths[i % columns_per_year] = widths[i % columns_per_year].max(width);
    }
    let mut out = format!("As of {today}.\n");
    for year_rows in rows.chunks(columns_per_year) {
        let columns: Vec<Vec<String>> = year_rows.iter().map(column).collect();
        let year = year_rows[0].year.to_string();
        let labels = std::iter::once(year.as_str()).chain(figures.iter().map(|(l, _)| *l));
        out.push('\n');
        for (line, label) in labels.enumerate() {
            let mut text = format!("{label:<label_width$}");
            for (cells, width) in columns.iter().zip(&widths) {
                text.push_str(&format!("  {:>width$}", cells[line]));
            }
            out.push_str(text.trim_end());
            out.push('\n');
        }
    }
    out
}

/// A median or other figure: whole numbers without decimals.
fn number(value: Option<f64>) -> String {
    match value {
        None => NONE.into(),
        Some(v) if v.fract() == 0.0 => format!("{v:.0}"),
        Some(v) => format!("{v:.1}"),
    }
}

/// `67% (2/3)`, or a dash when there is nothing to divide by.
fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        return NONE.into();
    }
    let percent = (part as f64 * 100.0 / whole as f64).round();
    format!("{percent:.0}% ({part}/{whole})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_and_numbers_for_people() {
        assert_eq!(percent(2, 3), "67% (2/3)");
        assert_eq!(percent(1, 8), "13% (1/8)");
        assert_eq!(percent(0, 0), "–");
        assert_eq!(number(Some(48.5)), "48.5");
        assert_eq!(number(Some(7.0)), "7");
        assert_eq!(number(None), "–");
    }

    #[test]
    fn csv_has_a_header_also_without_rows() {
        let rows: &[Row] = &[];
        assert_eq!(
            crate::cli::csv_text(&COLUMNS, rows).unwrap(),
            COLUMNS.join(",") + "\n"
        );
    }
}
