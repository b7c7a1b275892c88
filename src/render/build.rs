//! A render of many cases into the output folder: take the folder's lock,
//! decide which cases the previous render's manifest still describes,
//! render and write the others in parallel, and tally what happened.
//!
//! It prints nothing: what the person at the terminal should see comes back
//! in [`Summary`], in case order.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use anyhow::Result;
use rayon::prelude::*;

use super::manifest::{self, Entry, Manifest};
use super::output::{self, FileState};
use super::{Scope, TemplateError, Templates, case_key, global_key, render_case};
use crate::diagnostic::{Diagnostic, Severity};
use crate::messages::Message;
use crate::model::{Settings, is_valid_id};
use crate::repo::{Loaded, slash_path};

/// What a render is asked to do.
pub struct Options<'a> {
    pub scope: Scope,
    /// The output folder.
    pub out: &'a Path,
    /// The repository root: the listing shows paths relative to it.
    pub root: &'a Path,
    /// Write nothing; only compare (`render --check`).
    pub check: bool,
    /// Compare every case, not trusting the manifest (`render --full`).
    pub full: bool,
    /// The cases are the whole repository: the folders in `out` of cases
    /// that are no longer in it are removed (or, under `check`, counted).
    pub prune: bool,
    pub today: chrono::NaiveDate,
}

/// The hooks through which a render tells about itself while it runs.
pub trait Progress: Sync {
    /// Another render holds the output folder; this one waits.
    fn waiting(&self);
    /// One more case done.
    fn case_done(&self);
}

/// What a render did, in case order.
#[derive(Debug, Default)]
pub struct Summary {
    /// Cases rendered (or, under `check`, compared).
    pub cases: usize,
    /// Cases not rendered because of rule errors.
    pub skipped: usize,
    /// Files by state: unchanged, missing (written), stale (rewritten),
    /// orphan (removed).
    pub unchanged: usize,
    pub missing: usize,
    pub stale: usize,
    pub orphans: usize,
    /// Under `check`: each file that is not up to date, with its path
    /// relative to the repository root (when inside it), `/`-separated.
    pub listing: Vec<(FileState, String)>,
    pub events: Vec<Event>,
    /// A template failed on a case; nothing after that case is reported.
    pub template_error: Option<TemplateError>,
}

/// Something the coordinator should hear about one case.
#[derive(Debug)]
pub enum Event {
    /// Not rendered because of these errors (empty when the file did not
    /// load without a diagnostic saying why); `text` is the file's text.
    Skipped {
        file: String,
        text: Option<String>,
        errors: Vec<Diagnostic>,
    },
    /// Rendered, with something to know, such as a language without
    /// templates.
    Note { case: String, note: Message },
}

/// What became of one case.
enum CaseOutcome {
    Skipped(Vec<Diagnostic>),
    Rendered(Box<RenderedCase>),
    TemplateFailed(TemplateError),
}

struct RenderedCase {
    id: String,
    notes: Vec<Message>,
    by_state: [usize; 4],
    listing: Vec<(FileState, String)>,
    /// For the manifest, when the case's files were written (or found) in
    /// full.
    entry: Option<Entry>,
}

const STATES: [FileState; 4] = [
    FileState::Unchanged,
    FileState::Missing,
    FileState::Stale,
    FileState::Orphan,
];

/// Renders the loaded cases in which `diagnostics` (the check of these
/// cases) have no errors.
pub fn build(
    cases: &[Loaded],
    diagnostics: &[Diagnostic],
    settings: &Settings,
    templates: &Templates,
    options: &Options,
    progress: &dyn Progress,
) -> Result<Summary> {
    let mut by_file: HashMap<&str, Vec<&Diagnostic>> = HashMap::new();
    for d in diagnostics {
        by_file.entry(d.file.as_str()).or_default().push(d);
    }
    let out = options.out;
    // --check only reads; a render takes the output folder for itself.
    let _lock = if options.check {
        None
    } else {
        Some(output::OutputLock::acquire(out, || progress.waiting())?)
    };
    let global = global_key(settings, templates, &options.scope, options.today);
    let previous = if options.check {
        None
    } else {
        Manifest::load(out).filter(|m| m.global == global)
    };
    if !options.check {
        // From here until the new manifest is written, the folder may
        // differ from any manifest.
        Manifest::remove(out)?;
        output::remove_leftovers(out)?;
    }
    let job = Job {
        options,
        settings,
        templates,
        manifest: previous.as_ref().filter(|_| !options.full),
    };
    let outcomes: Vec<Result<CaseOutcome>> = cases
        .par_iter()
        .map(|item| {
            let diagnostics = by_file.get(item.file.rel.as_str());
            let outcome = job.case(item, diagnostics.map_or(&[][..], Vec::as_slice));
            progress.case_done();
            outcome
        })
        .collect();

    let mut summary = Summary::default();
    let mut manifest = previous.unwrap_or_else(|| Manifest::new(global));
    for (item, outcome) in cases.iter().zip(outcomes) {
        if let Some(id) = &item.id {
            // Rendered below with a new entry, or not rendered: the old
            // entry no longer describes the folder.
            manifest.entries.remove(id.get_ref());
        }
        match outcome? {
            CaseOutcome::Skipped(errors) => {
                summary.skipped += 1;
                summary.events.push(Event::Skipped {
                    file: item.file.rel.clone(),
                    text: item.file.text.clone(),
                    errors,
                });
            }
            CaseOutcome::TemplateFailed(e) => {
                summary.template_error = Some(e);
                return Ok(summary);
            }
            CaseOutcome::Rendered(case) => {
                for note in case.notes {
                    summary.events.push(Event::Note {
                        case: case.id.clone(),
                        note,
                    });
                }
                summary.cases += 1;
                let [unchanged, missing, stale, orphans] = case.by_state;
                summary.unchanged += unchanged;
                summary.missing += missing;
                summary.stale += stale;
                summary.orphans += orphans;
                summary.listing.extend(case.listing);
                if let Some(entry) = case.entry {
                    manifest.entries.insert(case.id, entry);
                }
            }
        }
    }
    if options.prune {
        prune(cases, out, options, &mut manifest, &mut summary)?;
    }
    if !options.check {
        manifest.save(out)?;
    }
    Ok(summary)
}

/// Removes (or, under `check`, lists) the documents of cases no longer in
/// the repository: deleted, or with another id now. A file whose id could
/// not be read keeps the folder named like the file, so a typo while
/// editing does not take a case's documents away.
fn prune(
    cases: &[Loaded],
    out: &Path,
    options: &Options,
    manifest: &mut Manifest,
    summary: &mut Summary,
) -> Result<()> {
    let keep: HashSet<&str> = cases
        .iter()
        .filter_map(|item| match &item.id {
            Some(id) => Some(id.get_ref().as_str()),
            None => item.file.path.file_stem().and_then(|s| s.to_str()),
        })
        .collect();
    manifest.entries.retain(|id, _| keep.contains(id.as_str()));
    for id in output::abandoned_cases(out, &keep)? {
        let files = output::abandoned_files(out, &id)?;
        summary.orphans += files.len();
        if options.check {
            for file in &files {
                let path = out.join(file);
                let shown = path.strip_prefix(options.root).unwrap_or(&path);
                summary.listing.push((FileState::Orphan, slash_path(shown)));
            }
        } else {
            output::remove_abandoned(out, &id, &files)?;
        }
    }
    Ok(())
}

/// What every case's render shares.
struct Job<'a> {
    options: &'a Options<'a>,
    settings: &'a Settings,
    templates: &'a Templates,
    /// The previous render's manifest, when it may be trusted for this one.
    manifest: Option<&'a Manifest>,
}

impl Job<'_> {
    /// Renders one case and brings its folder up to date (or, under
    /// `check`, compares it).
    fn case(&self, item: &Loaded, diagnostics: &[&Diagnostic]) -> Result<CaseOutcome> {
        let of = |severity| {
            diagnostics
                .iter()
                .copied()
                .filter(move |d| d.severity == severity)
        };
        let case = match &item.case {
            Ok(case) if of(Severity::Error).next().is_none() => case,
            _ => return Ok(CaseOutcome::Skipped(of(Severity::Error).cloned().collect())),
        };
        let warnings: Vec<&Diagnostic> = of(Severity::Warning).collect();
        let (out, today) = (self.options.out, self.options.today);
        let id = case.id();
        let key = case_key(&item.file, case, self.settings, today, &warnings);
        if let Some(entry) = self.manifest.and_then(|m| m.entries.get(id))
            && entry.key == key
            && entry.folders == manifest::folder_times(out, id)
        {
            return Ok(CaseOutcome::Rendered(Box::new(RenderedCase {
                id: id.to_string(),
                notes: Vec::new(),
                by_state: [entry.files, 0, 0, 0],
                listing: Vec::new(),
                entry: Some(*entry),
            })));
        }

        let scope = &self.options.scope;
        let rendered =
            match render_case(case, self.settings, self.templates, scope, today, &warnings) {
                Ok(r) => r,
                Err(e) => return Ok(CaseOutcome::TemplateFailed(e)),
            };
        let check = self.options.check;
        let reports = if check {
            output::compare(out, id, &rendered.documents, scope)?
        } else if !is_valid_id(id) {
            Vec::new()
        } else if output::is_new_case(out, id)? {
            output::write_new_case(out, id, &rendered.documents)?
        } else {
            let reports = output::compare(out, id, &rendered.documents, scope)?;
            output::apply(out, id, &rendered.documents, &reports)?;
            reports
        };
        let mut by_state = [0; 4];
        let mut listing = Vec::new();
        for r in reports {
            by_state[STATES.iter().position(|s| *s == r.state).unwrap_or(0)] += 1;
            if check && r.state != FileState::Unchanged {
                let path = out.join(&r.path);
                let root = self.options.root;
                listing.push((
                    r.state,
                    slash_path(path.strip_prefix(root).unwrap_or(&path)),
                ));
            }
        }
        let entry = (!check && is_valid_id(id)).then(|| Entry {
            key,
            folders: manifest::folder_times(out, id),
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
