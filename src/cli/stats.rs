//! `kring stats [PATH...]`: figures per year and variant for the regional
//! manager, as a table, JSON or CSV.

use std::path::PathBuf;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use super::{Outcome, Ui, print_stdout};
use crate::model::Variant;
use crate::msg;
use crate::region::csv_text;
use crate::region::stats::{By, Filter, Prices, Row, aggregate, columns, facts, table};
use crate::repo::{open_and_load, readable};

/// Figures per year and variant (or funder, coordinator): conferences, plans, follow-ups, topics, scores, cost.
#[derive(Debug, clap::Args)]
#[command(
    long_about = "Counts, per year and variant (and for all variants together), the requests received and\n\
                  the conferences held, with the participants per conference (mean and median), the share\n\
                  that reached a recorded plan, the share with compulsory help and of those the share whose\n\
                  plan was accepted, the median days from request to conference, the share of follow-ups done\n\
                  on time and the open follow-ups overdue today. From the registration (DESIGN 9.3): requests\n\
                  by requester, topics, the share with minors, attendees, mean scores per group, the shortest\n\
                  days to a conference, cases closed without one by reason, and hours and cost per conference\n\
                  held (with kring.toml's [rates]; without [rates] no cost). --by groups the rows of each year\n\
                  by variant (default), funder or coordinator.\n\n\
                  A request counts in the year it was received; a conference and all its figures in the year\n\
                  of its date. Held: the conference date is before today, or a plan is recorded; a case closed\n\
                  as cancelled or withdrawn without a plan is not held. Participants: everyone not declined.\n\
                  Follow-up on time: done by conference date + followup_days. Overdue: as rule K307.\n\
                  The numbers come only from the case files and today (--today). The table shows shares as\n\
                  percentages with their counts; JSON and CSV as fractions, empty (null) where there is\n\
                  nothing to divide by. The exact definitions are in docs/stats.md.",
    after_help = "Examples:\n  kring stats\n  kring stats --year 2026 --variant learning\n  kring stats --year 2026 --by funder\n  kring stats --format csv > stats-2026.csv\n  kring stats --format json --today 2026-12-31"
)]
pub struct Args {
    /// Case files or folders (default: the whole repository).
    pub paths: Vec<PathBuf>,
    /// Only this year (YYYY).
    #[arg(long, value_name = "YYYY", value_parser = clap::value_parser!(i32).range(1..=9999))]
    pub year: Option<i32>,
    /// Only this variant (and no all-variants row).
    #[arg(long, value_parser = super::variant_parser())]
    pub variant: Option<Variant>,
    /// A table for people, JSON or CSV for programs and spreadsheets.
    #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
    pub format: StatsFormat,
    /// The groups of each year: variants, funders (`request.funder`) or coordinators.
    #[arg(long, value_enum, default_value_t = GroupBy::Variant)]
    pub by: GroupBy,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GroupBy {
    Variant,
    Funder,
    Coordinator,
}

impl From<GroupBy> for By {
    fn from(by: GroupBy) -> By {
        match by {
            GroupBy::Variant => By::Variant,
            GroupBy::Funder => By::Funder,
            GroupBy::Coordinator => By::Coordinator,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatsFormat {
    Table,
    Json,
    Csv,
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
    let (cases, unreadable) = readable(&loaded);
    ui.unreadable(&unreadable, |file| {
        msg!("unreadable-not-counted", file = file)
    });
    let unreadable = unreadable.len();
    let all: Vec<_> = cases
        .iter()
        .map(|(_, case)| facts(case, repo.settings.followup_days, today))
        .collect();
    let rows = aggregate(
        &all,
        Filter {
            year: args.year,
            variant: args.variant,
            by: args.by.into(),
            prices: Prices::of(&repo.settings),
        },
    );
    match args.format {
        StatsFormat::Table => print_stdout(&table(&rows, today, ui.lang))?,
        StatsFormat::Json => {
            let report = Report {
                version: 1,
                today,
                unreadable,
                rows: &rows,
            };
            print_stdout(&(serde_json::to_string(&report)? + "\n"))?;
        }
        StatsFormat::Csv => print_stdout(&csv_text(&columns(args.by.into()), &rows)?)?,
    }
    if rows.is_empty() && unreadable == 0 {
        ui.say(msg!("no-cases"));
    }
    Ok(if unreadable > 0 {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_has_a_header_also_without_rows() {
        let rows: &[Row] = &[];
        let header = columns(By::Funder);
        assert_eq!(csv_text(&header, rows).unwrap(), header.join(",") + "\n");
        assert_eq!(header[..3], ["year", "funder", "requests"]);
    }
}
