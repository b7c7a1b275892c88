//! `kring report --year YYYY [--out FILE] [PATH...]`: the year on one HTML
//! page, with figures over fewer than five cases withheld.

use std::path::PathBuf;

use anyhow::{Result, anyhow};

use super::{Outcome, Ui};
use crate::fsutil::{Mode, write_atomic};
use crate::messages::Lang;
use crate::msg;
use crate::region::report::{Input, html};
use crate::region::stats::{Prices, facts};
use crate::repo::{open_and_load, readable};

/// The year on one HTML page for a municipality: key figures, charts, tables.
#[derive(Debug, clap::Args)]
#[command(
    long_about = "Writes the year's figures as one HTML page that a regional manager can hand to a\n\
                  municipality: the key figures first (requests, conferences held, the share that reached a\n\
                  plan, attendees, the share with minors, days from request to conference, mean scores,\n\
                  hours and cost per conference), then charts (conferences per month, topics, scores per\n\
                  group, days from request to conference, variants) as inline SVG, then the tables of\n\
                  `kring stats` for the year.\n\n\
                  The page is in kring.toml's `language` (nl or en), reads on a phone and prints on A4. Any\n\
                  figure that rests on fewer than five cases is shown as \"< 5\": counts below five, and\n\
                  shares and means over fewer than five cases (a share also when its part is below five).\n\
                  The charts leave such bars out and say \"< 5\" instead. The page names no case, person or\n\
                  coordinator. It is written atomically, by default to out/report-YYYY.html (0600).\n\
                  The figures are those of `kring stats` (docs/stats.md).",
    after_help = "Examples:\n  kring report --year 2026\n  kring report --year 2026 --out jaarcijfers-2026.html --today 2026-12-31"
)]
pub struct Args {
    /// Case files or folders (default: the whole repository).
    pub paths: Vec<PathBuf>,
    /// The year to report (YYYY).
    #[arg(long, value_name = "YYYY", value_parser = clap::value_parser!(i32).range(1..=9999))]
    pub year: i32,
    /// Write the page here (default: out/report-YYYY.html in the repository).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

pub fn run(args: Args, ui: &Ui) -> Result<Outcome> {
    let (repo, loaded) = open_and_load(&args.paths)?;
    let today = ui.today(&repo);
    let (cases, unreadable) = readable(&loaded);
    ui.unreadable(&unreadable, |file| {
        msg!("unreadable-not-counted", file = file)
    });
    let all: Vec<_> = cases
        .iter()
        .map(|(_, case)| facts(case, repo.settings.followup_days, today))
        .collect();
    let page = html(&Input {
        facts: &all,
        year: args.year,
        today,
        lang: Lang::of_document(&repo.settings.language),
        organisation: repo.settings.organisation.as_deref(),
        prices: Prices::of(&repo.settings),
    })
    .map_err(|e| anyhow!("cannot draw the report: {e}"))?;
    let path = args.out.unwrap_or_else(|| {
        repo.root
            .join(&repo.settings.out)
            .join(format!("report-{}.html", args.year))
    });
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)?;
    }
    write_atomic(&path, page.as_bytes(), Mode::Private)?;
    ui.say(msg!("report-written", file = path.display().to_string()));
    Ok(if unreadable.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Problems
    })
}
