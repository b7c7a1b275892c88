//! `kring render [PATH...]`: write the documents of the cases.

use std::collections::HashMap;
use std::path::PathBuf;

use anyhow::Result;
use clap::ValueEnum;

use super::check::plural;
use super::{Outcome, Ui, open_and_load, print_stdout};
use crate::diagnostic::{Diagnostic, HumanRenderer, Severity};
use crate::render::output::{self, FileState};
use crate::render::{Formats, Scope, Templates, render_case};
use crate::repo::slash_path;

/// Render invitations, checklists and plans (Markdown, HTML, calendar files).
#[derive(Debug, clap::Args)]
#[command(
    long_about = "Renders the documents of each case into the output folder (out/ by default):\n\
                  invitations/<participant>.md, .html and .ics for everyone not declined,\n\
                  checklist.md and .html, and plan.md and .html once a plan is recorded.\n\n\
                  Cases with rule errors are reported and skipped (exit 1); the others are still\n\
                  rendered. Files whose content is unchanged are not rewritten, and files kring\n\
                  no longer produces for a case (a declined participant's invitation) are removed.",
    after_help = "Examples:\n  kring render\n  kring render cases/2026/2026-014-sam.toml --only invitations\n  kring render --format md,html --out /tmp/preview\n  kring render --check     # in a pre-commit hook or CI: is out/ up to date?"
)]
pub struct Args {
    /// Case files, folders or case ids to render (default: the whole repository).
    #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_case))]
    pub paths: Vec<PathBuf>,
    /// Render only these documents.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "DOCUMENTS")]
    pub only: Vec<Only>,
    /// Which files to write.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "FORMATS")]
    pub format: Vec<FileFormat>,
    /// The output folder (default: `out` in kring.toml, relative to the repository).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Write nothing; list the files that are missing, stale or no longer
    /// produced, and exit 1 if there are any.
    #[arg(long)]
    pub check: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Only {
    Invitations,
    Checklist,
    Plan,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FileFormat {
    Md,
    Html,
    Ics,
}

impl Args {
    fn scope(&self) -> Scope {
        let only = |o| self.only.is_empty() || self.only.contains(&o);
        let format = |f| self.format.is_empty() || self.format.contains(&f);
        Scope {
            invitations: only(Only::Invitations),
            checklist: only(Only::Checklist),
            plan: only(Only::Plan),
            formats: Formats {
                md: format(FileFormat::Md),
                html: format(FileFormat::Html),
                ics: format(FileFormat::Ics),
            },
        }
    }
}

#[derive(Default)]
struct Tally {
    cases: usize,
    skipped: usize,
    by_state: HashMap<FileState, usize>,
}

pub fn run(args: Args, ui: &Ui) -> Result<Outcome> {
    let (repo, loaded) = open_and_load(&args.paths)?;
    let today = ui.today(&repo);
    let templates = match Templates::load(&repo.root) {
        Ok(t) => t,
        Err(e) => {
            crate::ewriteln!("error: template {e}");
            return Ok(Outcome::Failed);
        }
    };
    let unknown = templates.unknown_variables();
    if !unknown.is_empty() {
        for e in &unknown {
            crate::ewriteln!("error: template {e}");
        }
        return Ok(Outcome::Failed);
    }
    let mut report = crate::check::check(&loaded, &repo.settings, today);
    let roster = crate::roster::Roster::load(&repo);
    crate::check::check_roster(&loaded, &roster, &mut report);
    let out = args.out.clone().unwrap_or_else(|| repo.out_dir());
    let scope = args.scope();
    let renderer = HumanRenderer::new(ui.color);

    let mut by_file: HashMap<&str, Vec<&Diagnostic>> = HashMap::new();
    for d in &report.diagnostics {
        by_file.entry(d.file.as_str()).or_default().push(d);
    }

    // --check only reads; a render takes the output folder for itself.
    let _lock = if args.check {
        None
    } else {
        Some(output::OutputLock::acquire(&out, || {
            ui.note("waiting for another kring render into the same folder to finish")
        })?)
    };
    let mut tally = Tally::default();
    let mut listing = String::new();
    for item in &loaded {
        let diagnostics = by_file.remove(item.file.rel.as_str()).unwrap_or_default();
        let errors: Vec<&Diagnostic> = diagnostics
            .iter()
            .copied()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        let case = match &item.case {
            Ok(case) if errors.is_empty() => case,
            _ => {
                tally.skipped += 1;
                let mut text = String::new();
                for d in &errors {
                    text.push_str(&renderer.render(d, item.file.text.as_deref()));
                    text.push_str("\n\n");
                }
                crate::ewrite!("{text}");
                crate::ewriteln!(
                    "skipped {}: {} (run `kring check` for details)",
                    item.file.rel,
                    plural(errors.len().max(1), "error")
                );
                continue;
            }
        };
        let warnings: Vec<&Diagnostic> = diagnostics
            .iter()
            .copied()
            .filter(|d| d.severity == Severity::Warning)
            .collect();
        let rendered = match render_case(case, &repo.settings, &templates, &scope, today, &warnings)
        {
            Ok(r) => r,
            Err(e) => {
                crate::ewriteln!("error: template {e}");
                return Ok(Outcome::Failed);
            }
        };
        for note in &rendered.notes {
            ui.note(&format!("warning: {}: {note}", case.id()));
        }
        tally.cases += 1;
        let reports = output::compare(&out, case.id(), &rendered.documents, &scope)?;
        if !args.check {
            output::apply(&out, case.id(), &rendered.documents, &reports)?;
        }
        for r in &reports {
            *tally.by_state.entry(r.state).or_default() += 1;
            if args.check && r.state != FileState::Unchanged {
                // As the user knows it: relative to the repository when inside.
                let path = out.join(&r.path);
                let shown = slash_path(path.strip_prefix(&repo.root).unwrap_or(&path));
                listing.push_str(&format!("{}: {shown}\n", r.state.as_str()));
            }
        }
    }
    for failure in &report.io_errors {
        crate::ewriteln!("error: cannot read {failure}");
    }

    let count = |s| tally.by_state.get(&s).copied().unwrap_or(0);
    let changed = count(FileState::Missing) + count(FileState::Stale);
    let orphans = count(FileState::Orphan);
    if args.check {
        print_stdout(&listing)?;
        ui.note(&format!(
            "{}: {} up to date, {} missing, {} stale, {} no longer produced{}",
            plural(tally.cases, "case"),
            plural(count(FileState::Unchanged), "file"),
            count(FileState::Missing),
            count(FileState::Stale),
            orphans,
            skipped_text(tally.skipped),
        ));
    } else {
        ui.note(&format!(
            "rendered {}: {} written, {} unchanged{}{}",
            plural(tally.cases, "case"),
            plural(changed, "file"),
            count(FileState::Unchanged),
            if orphans > 0 {
                format!(", {orphans} removed")
            } else {
                String::new()
            },
            skipped_text(tally.skipped),
        ));
    }

    Ok(if !report.io_errors.is_empty() {
        Outcome::Failed
    } else if tally.skipped > 0 || (args.check && changed + orphans > 0) {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}

fn skipped_text(skipped: usize) -> String {
    if skipped == 0 {
        String::new()
    } else {
        format!(", {skipped} skipped for errors")
    }
}
