//! `kring render [PATH...]`: write the documents of the cases.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::ValueEnum;
use rayon::prelude::*;

use super::check::plural;
use super::progress::Progress;
use super::{Outcome, Ui, open_and_load, print_stdout};
use crate::diagnostic::{Diagnostic, HumanRenderer, Severity};
use crate::model::is_valid_id;
use crate::render::manifest::{self, Entry, Manifest};
use crate::render::output::{self, FileState};
use crate::render::{Formats, Scope, TemplateError, Templates, render_case};
use crate::repo::{Loaded, slash_path};

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
    /// Compare every file with what kring renders, instead of trusting the
    /// output folder's manifest for cases that did not change (after
    /// editing files in out/ by hand).
    #[arg(long, conflicts_with = "check")]
    pub full: bool,
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

/// What became of one case.
enum CaseOutcome {
    /// Not rendered: rule errors, reported in `text`.
    Skipped {
        text: String,
    },
    Rendered(Box<RenderedCase>),
    /// A template failed on this case.
    TemplateFailed(TemplateError),
}

struct RenderedCase {
    id: String,
    notes: Vec<String>,
    by_state: [usize; 4],
    /// `--check`: one line per file that is not up to date.
    listing: String,
    /// For the manifest, when the case's files were written (or found) in
    /// full.
    entry: Option<Entry>,
}

/// What every case's render shares.
struct Job<'a> {
    args: &'a Args,
    settings: &'a crate::model::Settings,
    templates: &'a Templates,
    scope: Scope,
    today: chrono::NaiveDate,
    out: &'a Path,
    root: &'a Path,
    renderer: &'a HumanRenderer,
    /// The previous render's manifest, when it may be trusted for this one.
    manifest: Option<&'a Manifest>,
}

const STATES: [FileState; 4] = [
    FileState::Unchanged,
    FileState::Missing,
    FileState::Stale,
    FileState::Orphan,
];

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
    let roster = crate::model::roster::Roster::load(&repo);
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
    let global = crate::render::global_key(&repo.settings, &templates, &scope, today);
    let previous = if args.check {
        None
    } else {
        Manifest::load(&out).filter(|m| m.global == global)
    };
    if !args.check {
        // From here until the new manifest is written, the folder may
        // differ from any manifest.
        Manifest::remove(&out)?;
        output::remove_leftovers(&out)?;
    }
    let job = Job {
        args: &args,
        settings: &repo.settings,
        templates: &templates,
        scope,
        today,
        out: &out,
        root: &repo.root,
        renderer: &renderer,
        manifest: previous.as_ref().filter(|_| !args.full),
    };
    let progress = Progress::new(ui, loaded.len(), "rendering");
    let outcomes: Vec<Result<CaseOutcome>> = loaded
        .par_iter()
        .map(|item| {
            let diagnostics = by_file.get(item.file.rel.as_str());
            let outcome = job.case(item, diagnostics.map_or(&[][..], Vec::as_slice));
            progress.inc();
            outcome
        })
        .collect();
    progress.finish();

    let mut tally = Tally::default();
    let mut listing = String::new();
    let mut manifest = previous.unwrap_or_else(|| Manifest::new(global));
    for (item, outcome) in loaded.iter().zip(outcomes) {
        if let Some(id) = &item.id {
            // Rendered below with a new entry, or not rendered: the old
            // entry no longer describes the folder.
            manifest.entries.remove(id.get_ref());
        }
        match outcome? {
            CaseOutcome::Skipped { text } => {
                tally.skipped += 1;
                crate::ewrite!("{text}");
            }
            CaseOutcome::TemplateFailed(e) => {
                crate::ewriteln!("error: template {e}");
                return Ok(Outcome::Failed);
            }
            CaseOutcome::Rendered(case) => {
                for note in &case.notes {
                    ui.note(&format!("warning: {}: {note}", case.id));
                }
                tally.cases += 1;
                for (state, n) in STATES.iter().zip(case.by_state) {
                    *tally.by_state.entry(*state).or_default() += n;
                }
                listing.push_str(&case.listing);
                if let Some(entry) = case.entry {
                    manifest.entries.insert(case.id, entry);
                }
            }
        }
    }
    for failure in &report.io_errors {
        crate::ewriteln!("error: cannot read {failure}");
    }
    if !args.check {
        manifest.save(&out)?;
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

impl Job<'_> {
    /// Renders one case and brings its folder up to date (or, under
    /// `--check`, compares it).
    fn case(&self, item: &Loaded, diagnostics: &[&Diagnostic]) -> Result<CaseOutcome> {
        let errors: Vec<&Diagnostic> = diagnostics
            .iter()
            .copied()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        let case = match &item.case {
            Ok(case) if errors.is_empty() => case,
            _ => {
                let mut text = String::new();
                for d in &errors {
                    text.push_str(&self.renderer.render(d, item.file.text.as_deref()));
                    text.push_str("\n\n");
                }
                text.push_str(&format!(
                    "skipped {}: {} (run `kring check` for details)\n",
                    item.file.rel,
                    plural(errors.len().max(1), "error")
                ));
                return Ok(CaseOutcome::Skipped { text });
            }
        };
        let warnings: Vec<&Diagnostic> = diagnostics
            .iter()
            .copied()
            .filter(|d| d.severity == Severity::Warning)
            .collect();
        let id = case.id();
        let key = crate::render::case_key(&item.file, case, self.settings, self.today, &warnings);
        if let Some(entry) = self.manifest.and_then(|m| m.entries.get(id))
            && entry.key == key
            && entry.folders == manifest::folder_times(self.out, id)
        {
            let mut by_state = [0; 4];
            by_state[0] = entry.files;
            return Ok(CaseOutcome::Rendered(Box::new(RenderedCase {
                id: id.to_string(),
                notes: Vec::new(),
                by_state,
                listing: String::new(),
                entry: Some(*entry),
            })));
        }

        let rendered = match render_case(
            case,
            self.settings,
            self.templates,
            &self.scope,
            self.today,
            &warnings,
        ) {
            Ok(r) => r,
            Err(e) => return Ok(CaseOutcome::TemplateFailed(e)),
        };
        let reports = if self.args.check {
            output::compare(self.out, id, &rendered.documents, &self.scope)?
        } else if !is_valid_id(id) {
            Vec::new()
        } else if output::is_new_case(self.out, id)? {
            output::write_new_case(self.out, id, &rendered.documents)?
        } else {
            let reports = output::compare(self.out, id, &rendered.documents, &self.scope)?;
            output::apply(self.out, id, &rendered.documents, &reports)?;
            reports
        };
        let mut by_state = [0; 4];
        let mut listing = String::new();
        for r in &reports {
            by_state[STATES.iter().position(|s| *s == r.state).unwrap_or(0)] += 1;
            if self.args.check && r.state != FileState::Unchanged {
                // As the user knows it: relative to the repository when inside.
                let path = self.out.join(&r.path);
                let shown = slash_path(path.strip_prefix(self.root).unwrap_or(&path));
                listing.push_str(&format!("{}: {shown}\n", r.state.as_str()));
            }
        }
        let entry = (!self.args.check && is_valid_id(id)).then(|| Entry {
            key,
            folders: manifest::folder_times(self.out, id),
            files: rendered.documents.len(),
        });
        Ok(CaseOutcome::Rendered(Box::new(RenderedCase {
            id: id.to_string(),
            notes: rendered.notes,
            by_state,
            listing,
            entry,
        })))
    }
}

fn skipped_text(skipped: usize) -> String {
    if skipped == 0 {
        String::new()
    } else {
        format!(", {skipped} skipped for errors")
    }
}
