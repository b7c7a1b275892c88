//! `kring render [PATH...]`: write the documents of the cases.

use std::path::PathBuf;

use anyhow::Result;

use super::progress::RenderProgress;
use super::{Outcome, Ui, print_stdout};
use crate::check::Workspace;
use crate::diagnostic::Code;
use crate::msg;
use crate::render::Scope;
use crate::render::build::{Event, Options, build};

/// Render invitations, checklists and plans (Markdown, HTML, calendar files).
#[derive(Debug, clap::Args)]
#[command(
    long_about = "Renders the documents of each case into the output folder (out/ by default):\n\
                  invitations/<participant>.md, .html and .ics for everyone not declined,\n\
                  checklist.md and .html, and plan.md and .html once a plan is recorded.\n\n\
                  Cases with rule errors are reported and skipped (exit 1); the others are still\n\
                  rendered. Files whose content is unchanged are not rewritten, and files kring\n\
                  no longer produces are removed: a declined participant's invitation, and,\n\
                  when the whole repository is rendered, the folder of a case that was deleted or\n\
                  whose id changed. Only files kring writes are removed; links are never followed.",
    after_help = "Examples:\n  kring render\n  kring render cases/2026/2026-014-sam.toml --only invitations\n  kring render --format md,html --out /tmp/preview\n  kring render --check     # in a pre-commit hook or CI: is out/ up to date?"
)]
pub struct Args {
    /// Case files, folders or case ids to render (default: the whole repository).
    #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_case))]
    pub paths: Vec<PathBuf>,
    /// Render only these documents.
    #[arg(long, value_parser = Scope::DOCUMENTS, value_delimiter = ',', value_name = "DOCUMENTS")]
    pub only: Vec<String>,
    /// Which files to write.
    #[arg(long, value_parser = Scope::FORMATS, value_delimiter = ',', value_name = "FORMATS")]
    pub format: Vec<String>,
    /// The output folder (default: `out` in kring.toml, relative to the repository).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Write nothing; list the files that are missing, stale or no longer
    /// produced, and exit 1 if there are any.
    #[arg(long)]
    pub check: bool,
    /// Compare every file with what kring renders, instead of trusting the
    /// output folder's manifest for cases that did not change (after
    /// editing files in out/ by hand).
    #[arg(long, conflicts_with = "check")]
    pub full: bool,
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
    // Files outside the case folder are not rendered; say so (K008).
    if !ui.quiet {
        for stray in &workspace.strays {
            let outside = report
                .diagnostics
                .iter()
                .filter(|d| d.code == Code::K008 && d.file == stray.file.rel);
            ui.diagnostics(outside, stray.file.text.as_deref());
        }
    }
    let out = args.out.clone().unwrap_or_else(|| repo.out_dir());
    let options = Options {
        scope: Scope::named(&args.only, &args.format),
        out: &out,
        root: &repo.root,
        check: args.check,
        full: args.full,
        prune: repo.selects_all(&args.paths),
        today,
    };
    let progress = RenderProgress::new(ui, workspace.cases.len());
    let summary = build(
        &workspace.cases,
        &report.diagnostics,
        &repo.settings,
        templates,
        &options,
        &progress,
    )?;
    progress.finish();

    for event in &summary.events {
        match event {
            Event::Skipped { file, text, errors } => {
                ui.diagnostics(errors, text.as_deref());
                let count = errors.len().max(1);
                let skipped = ui.t(&msg!("render-skipped", file = file, errors = count));
                ui.stderr(&format!("{skipped}\n"));
            }
            Event::Note { case, note } => {
                ui.warning(msg!("render-note", case = case, note = note.clone()))
            }
        }
    }
    if let Some(e) = &summary.template_error {
        ui.template_errors(std::slice::from_ref(e));
        return Ok(Outcome::Failed);
    }
    for failure in &report.io_errors {
        ui.error(msg!("cannot-read", what = failure));
    }
    let changed = summary.missing + summary.stale;
    if args.check {
        let listing = summary.listing.iter();
        print_stdout(
            &listing
                .map(|(s, path)| format!("{}: {path}\n", s.as_str()))
                .collect::<String>(),
        )?;
        ui.say(msg!(
            "render-checked",
            cases = summary.cases,
            unchanged = summary.unchanged,
            missing = summary.missing,
            stale = summary.stale,
            orphans = summary.orphans,
            skipped = summary.skipped
        ));
    } else {
        ui.say(msg!(
            "rendered",
            cases = summary.cases,
            written = changed,
            unchanged = summary.unchanged,
            removed = summary.orphans,
            skipped = summary.skipped
        ));
    }

    Ok(if !report.io_errors.is_empty() {
        Outcome::Failed
    } else if summary.skipped > 0 || (args.check && changed + summary.orphans > 0) {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}
