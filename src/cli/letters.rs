//! `kring letters [PATH...] [--out FILE] [--record]`: the letters to print
//! and post, in one HTML file of A4 pages.

use std::path::PathBuf;

use anyhow::{Context, Result};
use chrono::NaiveDate;

use super::{Outcome, Ui, print_stdout};
use crate::check::Workspace;
use crate::edit::record::{self, Change, Entry};
use crate::fsutil::{Mode, write_atomic};
use crate::messages::Lang;
use crate::model::{SentState, SentWhat, Via};
use crate::msg;
use crate::render::letters::{CaseLetters, Input, Run, Said, letters, page};

/// Write the letters that go by post into one HTML file to print.
#[derive(Debug, clap::Args)]
#[command(
    long_about = "Writes one HTML file of A4 pages (out/letters-<today>.html by default) with a letter for\n\
                  each participant who gets post: not declined, and no email or `post = true`. A letter\n\
                  holds the sender, the recipient's own name and address where the window of a DL envelope\n\
                  (DIN 680) shows it, the date, and the document: the invitation (while the case is\n\
                  prepared; again when it changed) or the plan (once recorded, to everyone who took part,\n\
                  until plan.sent is set). Each letter starts on a new page. Print at 100% (no fitting to\n\
                  the page), one-sided, and fold in three; docs/post.md has the measures.\n\n\
                  --record writes each letter into its case file's [[sent]] as sent by post today, moves a\n\
                  proposed participant to invited, and sets plan.sent once everyone who took part has been\n\
                  sent the plan. A letter recorded with the same version is not printed again. Cases with\n\
                  rule errors get no letters (exit 1).",
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
    let run = letters(&Input {
        cases: &workspace.cases,
        diagnostics: &report.diagnostics,
        settings: &repo.settings,
        templates,
        today,
        version: record::version,
    });
    let run = match run {
        Ok(run) => run,
        Err(e) => {
            ui.template_errors(std::slice::from_ref(&e));
            return Ok(Outcome::Failed);
        }
    };
    tell(&run, ui);
    if run.is_empty() {
        ui.say(msg!("letters-none"));
        return Ok(outcome(&run));
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
    write_atomic(
        &file,
        page(&run, &repo.settings.language, &title).as_bytes(),
        Mode::Private,
    )?;
    print_stdout(&run.listing())?;
    let shown = repo
        .relative(&file)
        .unwrap_or_else(|| file.display().to_string());
    let count = run.letters().count();
    ui.say(msg!(
        "letters-written",
        file = shown,
        letters = count,
        cases = run.cases.len()
    ));
    if !args.record {
        return Ok(outcome(&run));
    }
    let mut failed = false;
    for case in &run.cases {
        if let Err(e) = record::apply(&case.path, &changes(case, today)) {
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
        cases = run.cases.len(),
        date = today
    ));
    Ok(outcome(&run))
}

/// The record of a case's letters: each sent by post today, a proposed
/// participant invited, and `plan.sent` once everyone has the plan.
fn changes(case: &CaseLetters, today: NaiveDate) -> Vec<Change> {
    let mut changes = Vec::new();
    for l in &case.letters {
        changes.push(Change::Add(Entry {
            to: l.to.clone(),
            what: l.what,
            via: Via::Post,
            date: today,
            version: l.version.clone(),
            state: SentState::Sent,
            answer: None,
        }));
        if l.what != SentWhat::Plan {
            changes.push(Change::Invited {
                participant: l.to.clone(),
            });
        }
    }
    if case.plan_complete {
        changes.push(Change::PlanSent { date: today });
    }
    changes
}

/// Says which letters are not printed and why, and which cases were left out.
fn tell(run: &Run, ui: &Ui) {
    for said in run.said() {
        match said {
            Said::Warning(message) => ui.warning(message),
            Said::Note(message) => ui.say(message),
        }
    }
}

/// 1 when a case was left out for its errors, else 0.
fn outcome(run: &Run) -> Outcome {
    if run.unchecked.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Problems
    }
}
