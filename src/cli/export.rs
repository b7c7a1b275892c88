//! `kring export --anonymised [PATH...]`: one row per case, without names,
//! for a registration.

use std::path::PathBuf;

use anyhow::{Result, bail};
use serde::Serialize;

use super::{Outcome, Ui, print_stdout};
use crate::fsutil::{Mode, write_atomic};
use crate::msg;
use crate::region::csv_text;
use crate::region::export::{COLUMNS, Key, Row, rows};
use crate::repo::{open_and_load, readable};

/// One anonymised row per case (pseudonym, months, counts) for a registration.
#[derive(Debug, clap::Args)]
#[command(
    long_about = "Writes one row per case for the registration, without anything that names or reaches a\n\
                  person: a pseudonym instead of the case id (HMAC-SHA256 of the id with your secret key, 16\n\
                  hex digits), the variant, months instead of dates (request received, conference, plan\n\
                  recorded, follow-up done, closed), the number of participants per role and of those who\n\
                  declined, the central person's age band on the conference date, whether help was\n\
                  compulsory, held, planned and accepted, whether the follow-up was on time, and the closing\n\
                  reason. No names, contact details, birth dates, free text, organisations or ids.\n\n\
                  The same key gives the same pseudonyms in every export; without the key they cannot be\n\
                  traced back. The key comes from --key-file, else KRING_EXPORT_KEY (the key itself), else\n\
                  KRING_EXPORT_KEY_FILE. It must be at least 16 bytes, and a key file must not lie inside the\n\
                  case repository (it would end up in git). --anonymised is required: there is no other\n\
                  export. Rows are sorted by pseudonym.",
    after_help = "Examples:\n  head -c 32 /dev/urandom | base64 > ~/.config/kring/export.key   # once\n  kring export --anonymised --key-file ~/.config/kring/export.key --out registratie-2026.csv\n  KRING_EXPORT_KEY_FILE=~/.config/kring/export.key kring export --anonymised --format json"
)]
pub struct Args {
    /// Case files or folders (default: the whole repository).
    pub paths: Vec<PathBuf>,
    /// Required: the export holds no names, only pseudonyms, months and counts.
    #[arg(long)]
    pub anonymised: bool,
    /// CSV with a header row, or one JSON object.
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
    pub format: ExportFormat,
    /// Write to this file (atomically) instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// The file that holds the secret key for the pseudonyms.
    #[arg(long, value_name = "PATH")]
    pub key_file: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
}

/// `kring export --anonymised --format json`.
#[derive(Debug, Serialize)]
struct Report<'a> {
    version: u32,
    cases: &'a [Row],
}

pub fn run(args: Args, ui: &Ui) -> Result<Outcome> {
    if !args.anonymised {
        bail!(ui.t(&msg!("export-anonymised-only")));
    }
    let (repo, loaded) = open_and_load(&args.paths)?;
    let key = Key::from_sources(args.key_file.as_deref(), &repo.root)?;
    let today = ui.today(&repo);
    let (cases, unreadable) = readable(&loaded);
    ui.unreadable(&unreadable, |file| {
        msg!("unreadable-not-exported", file = file)
    });
    let unreadable = unreadable.len();
    let cases: Vec<_> = cases.into_iter().map(|(_, case)| case).collect();
    let rows = rows(&cases, &key, &repo.settings, today);
    let text = match args.format {
        ExportFormat::Csv => csv_text(&COLUMNS, &rows)?,
        ExportFormat::Json => {
            serde_json::to_string(&Report {
                version: 1,
                cases: &rows,
            })? + "\n"
        }
    };
    match &args.out {
        Some(path) => {
            write_atomic(path, text.as_bytes(), Mode::Private)?;
            let file = path.display().to_string();
            ui.say(msg!("exported", cases = rows.len(), file = file));
        }
        None => print_stdout(&text)?,
    }
    Ok(if unreadable > 0 {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}
