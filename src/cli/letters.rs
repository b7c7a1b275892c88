//! `kring letters [PATH...] [--out FILE] [--record]`: the letters to print
//! and post, in one HTML file of A4 pages.

use std::path::PathBuf;

use anyhow::{Context, Result};

use super::{Outcome, Ui, print_stdout};
use crate::check::Workspace;
use crate::edit::record;
use crate::fsutil::{Mode, write_atomic};
use crate::messages::Lang;
use crate::msg;
use crate::render::letters::{Input, Said, letters, page};
use crate::repo::Loaded;
use crate::send::{self, post};

/// Write the letters that go by post into one HTML file to print.
#[derive(Debug, clap::Args)]
#[command(
    long_about = "Writes one HTML file of A4 pages (out/letters-<today>.html by default) with a letter for\n\
                  each message `kring send` leaves for the post: to participants with no email, or with\n\
                  `post = true`. Due is what kring send would send: the invitation, a changed invitation, a\n\
                  cancellation, the plan (not reminders: a letter would come too late; not a plan whose\n\
                  plan.sent is set). A letter holds the sender, the recipient's own name and address where the\n\
                  window of a DL envelope (DIN 680) shows it, the date, and the document. Each letter starts\n\
                  on a new page. Print at 100%, one-sided, and fold in three; docs/post.md has the measures.\n\n\
                  --record writes each letter into its case file's [[sent]] as sent by post today, moves a\n\
                  proposed participant to invited, and sets plan.sent once everyone who took part has the\n\
                  plan. Nothing recorded as sent is printed again unchanged. Cases with rule errors get no\n\
                  letters (exit 1).",
    after_help = "Examples:\n  kring letters                 # out/letters-<today>.html: print, fold, post\n  kring letters --record        # then record them as sent by post\n  kring letters 2026-031-bakker --out /tmp/bakker.html"
)]
pub struct Args {
    /// Case files, folders or case ids (default: the whole repository).
    #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_case))]
    pub paths: Vec<PathBuf>,
    /// The file to write (default: out/letters-<today>.html in the repository).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Record the letters in the case files as sent by post today.
    #[arg(long)]
    pub record: bool,
}

pub fn run(args: Args, ui: &Ui) -> Result<Outcome> {
    let workspace = Workspace::open(&args.paths)?;
    let repo = &workspace.repo;
    let today = ui.today(repo);
    let report = workspace.check(today);
    ui.template_errors(&report.template_errors);
    let (Ok(templates), true) = (&workspace.templates, report.template_errors.is_empty()) else {
        return Ok(Outcome::Failed);
    };
    // What is due is `kring send`'s to say; what goes by post is printed.
    let cases = send::Cases {
        loaded: &workspace.cases,
        diagnostics: &report.diagnostics,
        settings: &repo.settings,
        roster: &workspace.roster,
    };
    let plans = send::plan(
        &cases,
        &send::Options {
            today,
            ..Default::default()
        },
    );
    let wanted = post::wanted(&plans);
    let input = Input {
        cases: &wanted,
        settings: &repo.settings,
        templates,
        today,
    };
    let run = match letters(&input) {
        Ok(run) => run,
        Err(e) => {
            ui.template_errors(std::slice::from_ref(&e));
            return Ok(Outcome::Failed);
        }
    };
    let unreadable: Vec<&Loaded> = workspace.cases.iter().filter(|l| l.case.is_err()).collect();
    ui.unreadable(&unreadable, |file| msg!("letters-unchecked", file = file));
    for said in run.said() {
        match said {
            Said::Warning(message) => ui.warning(message),
            Said::Note(message) => ui.say(message),
        }
    }
    let outcome = if run.unchecked.is_empty() && unreadable.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Problems
    };
    if run.is_empty() {
        ui.say(msg!("letters-none"));
        return Ok(outcome);
    }
    let file = args
        .out
        .unwrap_or_else(|| repo.out_dir().join(format!("letters-{today}.html")));
    if let Some(folder) = file.parent().filter(|f| !f.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)
            .with_context(|| format!("cannot create folder {}", folder.display()))?;
    }
    // The file's title is in the repository's document language.
    let title =
        msg!("letters-title", date = today).in_lang(Lang::of_document(&repo.settings.language));
    let page = page(&run, &repo.settings.language, &title);
    write_atomic(&file, page.as_bytes(), Mode::Private)?;
    print_stdout(&run.listing())?;
    let shown = repo
        .relative(&file)
        .unwrap_or_else(|| file.display().to_string());
    let count = run.letters().count();
    let cases = run.cases.len();
    ui.say(msg!(
        "letters-written",
        file = shown,
        letters = count,
        cases = cases
    ));
    if !args.record {
        return Ok(outcome);
    }
    let mut failed = false;
    for case in &run.cases {
        if let Err(e) = record::apply(&case.path, &post::changes(case, today)) {
            ui.error(msg!(
                "letters-record-failed",
                case = &case.case,
                error = e.to_string()
            ));
            failed = true;
        }
    }
    if failed {
        return Ok(Outcome::Failed);
    }
    ui.say(msg!(
        "letters-recorded",
        letters = count,
        cases = cases,
        date = today
    ));
    Ok(outcome)
}
