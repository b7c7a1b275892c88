//! `kring declare --month YYYY-MM [--coordinator ID] [--format md,html,csv]
//! [--out DIR] [PATH...]`: each coordinator's declaration for a month.

use std::collections::BTreeSet;
use std::path::PathBuf;

use anyhow::{Result, bail};

use super::{Outcome, Ui};
use crate::check;
use crate::diagnostic::Severity;
use crate::fsutil::{Mode, write_atomic};
use crate::msg;
use crate::region::csv_text;
use crate::region::declare::{
    COLUMNS, Month, csv_rows, declarations, declarer, file_stem, has_entries,
};
use crate::render::Templates;
use crate::repo::{Loaded, open_and_load};

/// Each coordinator's declaration for a month: hours, kilometres, expenses, fees.
#[derive(Debug, clap::Args)]
#[command(
    long_about = "Writes, per coordinator, what they hand in to be paid for one month: per case (id and\n\
                  variant) the hours by activity, the kilometres, the expenses by kind and the fixed fee\n\
                  for a conference held that month, then the totals at the rates of kring.toml ([rates]).\n\
                  A coordinator is their roster id, else their name as the case gives it. Each declaration\n\
                  is in the coordinator's language (the first of their roster languages that kring writes,\n\
                  else kring.toml's). Amounts are exact to the cent. Without a rate, the hours (or\n\
                  kilometres, or conferences) are shown without an amount, and the declaration says so.\n\n\
                  The cases declared are checked first: a coordinator whose cases have rule errors gets\n\
                  no declaration until they are fixed (exit 1). Files are written atomically, readable by\n\
                  you only, into out/declarations/ (or --out), named declaration-<month>-<coordinator>.",
    after_help = "Examples:\n  kring declare --month 2026-11\n  kring declare --month 2026-11 --coordinator hanneke-postma --format md\n  kring declare --month 2026-11 --format csv --out ~/declaraties"
)]
pub struct Args {
    /// Case files or folders (default: the whole repository).
    #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_case))]
    pub paths: Vec<PathBuf>,
    /// The month, as YYYY-MM.
    #[arg(long, value_name = "YYYY-MM")]
    pub month: String,
    /// Only this coordinator: a roster id, or a name as the cases give it.
    #[arg(long, value_name = "ID")]
    pub coordinator: Option<String>,
    /// Which files to write.
    #[arg(long, value_delimiter = ',', value_name = "FORMATS", default_value = "md,html,csv",
          value_parser = ["md", "html", "csv"])]
    pub format: Vec<String>,
    /// The folder to write to (default: out/declarations/).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

pub fn run(args: Args, ui: &Ui) -> Result<Outcome> {
    let Some(month) = Month::parse(&args.month) else {
        bail!(
            "`{}` is not a month; give it as YYYY-MM, e.g. 2026-11",
            args.month
        );
    };
    let (repo, loaded) = open_and_load(&args.paths)?;
    let roster = repo.roster()?;
    let today = ui.today(&repo);
    let templates = match Templates::load(&repo.root) {
        Ok(templates) => templates,
        Err(error) => {
            ui.template_errors(&[error]);
            return Ok(Outcome::Failed);
        }
    };
    let unreadable: Vec<&Loaded> = loaded.iter().filter(|l| l.case.is_err()).collect();
    ui.unreadable(&unreadable, |file| {
        msg!("unreadable-not-declared", file = file)
    });
    let mut outcome = if unreadable.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Problems
    };

    // The cases declared are checked: a wrong amount is a wrong payment.
    let only = args.coordinator.as_deref();
    let declared: Vec<Loaded> = loaded
        .into_iter()
        .filter(|l| {
            l.case.as_ref().is_ok_and(|case| {
                declarer(case).is_some_and(|(key, _)| only.is_none_or(|o| o == key))
                    && has_entries(case, month, today)
            })
        })
        .collect();
    let report = check::cases(&declared, &repo.settings, today);
    let mut refused = BTreeSet::new();
    for file in &declared {
        let errors: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.file == file.file.rel && d.severity == Severity::Error)
            .collect();
        if let (false, Ok(case)) = (errors.is_empty(), &file.case) {
            ui.diagnostics(errors, file.file.text.as_deref());
            refused.extend(declarer(case).map(|(key, _)| key.to_string()));
        }
    }
    let cases = declared.iter().filter_map(|l| l.case.as_ref().ok());
    let all = declarations(cases, &roster, &repo.settings, month, only, today);
    if all.is_empty() && refused.is_empty() {
        let month = month.to_string();
        ui.say(match only {
            Some(who) => msg!("declare-nothing-for", month = month, coordinator = who),
            None => msg!("declare-nothing", month = month),
        });
        return Ok(outcome);
    }
    let folder = args
        .out
        .clone()
        .unwrap_or_else(|| repo.out_dir().join("declarations"));
    let wants = |format: &str| args.format.iter().any(|f| f == format);
    let mut written = 0usize;
    for declaration in &all {
        if refused.contains(&declaration.coordinator) {
            let who = declaration.coordinator.clone();
            ui.error(msg!("declare-refused", coordinator = who));
            outcome = Outcome::Problems;
            continue;
        }
        let stem = folder.join(file_stem(&declaration.month, &declaration.coordinator));
        let mut files: Vec<(&str, String)> = Vec::new();
        if wants("md") || wants("html") {
            let (markdown, html) = crate::render::declaration(
                &templates,
                &declaration.lang,
                declaration,
                wants("html"),
            )?;
            if wants("md") {
                files.push(("md", markdown));
            }
            files.extend(html.map(|page| ("html", page)));
        }
        if wants("csv") {
            files.push(("csv", csv_text(&COLUMNS, &csv_rows(declaration))?));
        }
        for (extension, text) in files {
            write_atomic(
                &stem.with_extension(extension),
                text.as_bytes(),
                Mode::Private,
            )?;
            written += 1;
        }
    }
    let shown = folder.display().to_string();
    ui.say(msg!(
        "declare-written",
        files = written,
        coordinators = all.len().saturating_sub(refused.len()),
        folder = shown
    ));
    Ok(outcome)
}
