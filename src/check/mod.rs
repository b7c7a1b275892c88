//! The rules of DESIGN §4 and the one check of a repository that applies
//! them: case files, the roster and the repository's templates.
//!
//! Each rule is one small function in the file of its code series
//! (`files.rs` K0xx, `references.rs` K1xx, `circle.rs` K2xx, `timeline.rs`
//! K3xx, `plan.rs` K4xx, `safety.rs` K5xx, `roster.rs` K6xx), tied to its
//! code in `rules.rs`. Codes, severities, summaries and help are in
//! [`crate::diagnostic::RULES`], the table `kring explain` and
//! `docs/rules.md` follow.

mod books;
mod circle;
mod files;
mod plan;
mod references;
mod roster;
mod rules;
mod safety;
mod templates;
mod timeline;

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, LineIndex, RULES, Severity};
use crate::messages::Message;
use crate::model::roster::Roster;
use crate::model::{Case, Participant, Settings, Spanned, Status};
use crate::render::{TemplateError, Templates};
use crate::repo::git::Staged;
use crate::repo::{Loaded, Repo, RepoError, parse_case_bytes, roster_from};

/// What a case rule sees.
pub struct Context<'a> {
    pub case: &'a Case,
    pub settings: &'a Settings,
    pub today: NaiveDate,
    /// Participants by id (the first, where ids repeat), so that rules on
    /// long lists stay linear.
    by_id: HashMap<&'a str, &'a Participant>,
}

impl<'a> Context<'a> {
    pub fn new(case: &'a Case, settings: &'a Settings, today: NaiveDate) -> Self {
        let mut by_id = HashMap::with_capacity(case.participants.len());
        for p in &case.participants {
            let p = p.get_ref();
            by_id.entry(p.id()).or_insert(p);
        }
        Context {
            case,
            settings,
            today,
            by_id,
        }
    }

    /// The participant with this id.
    pub fn participant(&self, id: &str) -> Option<&'a Participant> {
        self.by_id.get(id).copied()
    }
}

/// What a case rule found: places in the file, each with a message and,
/// where the rule's general help is not enough, its own help.
#[derive(Default)]
pub struct Findings {
    items: Vec<Finding>,
}

struct Finding {
    span: Range<usize>,
    message: Message,
    help: Option<Message>,
}

impl Findings {
    pub fn add(&mut self, span: Range<usize>, message: impl Into<Message>) {
        self.items.push(Finding {
            span,
            message: message.into(),
            help: None,
        });
    }

    /// A finding whose help names what to do in this case.
    pub fn add_with_help(
        &mut self,
        span: Range<usize>,
        message: impl Into<Message>,
        help: impl Into<Message>,
    ) {
        self.items.push(Finding {
            span,
            message: message.into(),
            help: Some(help.into()),
        });
    }
}

/// Everything one check of a repository looks at. Every command that
/// checks (check, render, the git hook, anonymise) fills in all of it, so
/// none can leave a part out.
pub struct Input<'a> {
    pub settings: &'a Settings,
    pub today: NaiveDate,
    /// The case files, loaded (from disk or from git's index).
    pub cases: &'a [Loaded],
    /// Files outside the case folder that look like cases (K008).
    pub strays: &'a [Loaded],
    pub roster: &'a Roster,
    /// The repository's templates, as loaded.
    pub templates: &'a Result<Templates, TemplateError>,
    /// The repository, when `cases` are not all of its cases: K703 reads
    /// the other case ids from it when a `follows` names none of `cases`.
    pub elsewhere: Option<&'a Repo>,
}

/// The parts of a repository one check reads, as owned values: from the
/// working tree ([`Workspace::open`]), or from git's index (the hook).
pub struct Workspace {
    pub repo: Repo,
    pub cases: Vec<Loaded>,
    /// Files outside the case folder that look like cases (K008).
    pub strays: Vec<Loaded>,
    pub roster: Roster,
    pub templates: Result<Templates, TemplateError>,
    /// The case files are some of the repository's, not all of them.
    pub narrowed: bool,
}

impl Workspace {
    /// The repository that holds the first of `paths`, with the case files
    /// narrowed to `paths`, its whole roster and its templates.
    pub fn open(paths: &[PathBuf]) -> Result<Workspace, RepoError> {
        let (repo, cases, strays) = crate::repo::open_and_load_with_strays(paths)?;
        let roster = repo.roster()?;
        let templates = Templates::load(&repo.root);
        let narrowed = !repo.selects_all(paths);
        Ok(Workspace {
            repo,
            cases,
            strays,
            roster,
            templates,
            narrowed,
        })
    }

    /// The repository's next commit as staged: its changed case files, and
    /// the roster and templates as they are in git's index.
    pub fn staged(repo: Repo, staged: Staged) -> anyhow::Result<Workspace> {
        let cases = staged
            .cases
            .into_iter()
            .map(|(rel, bytes)| parse_case_bytes(&rel, bytes))
            .collect();
        let strays = staged
            .strays
            .into_iter()
            .map(|(rel, bytes)| parse_case_bytes(&rel, bytes))
            .collect();
        let roster = roster_from(staged.roster);
        // The templates as staged, laid out as a repository's folder.
        let folder = tempfile::tempdir()?;
        for (rel, bytes) in &staged.templates {
            let path = folder.path().join("templates").join(rel);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(&path, bytes)?;
        }
        let templates = Templates::load(folder.path());
        Ok(Workspace {
            repo,
            cases,
            strays,
            roster,
            templates,
            narrowed: true,
        })
    }

    /// The text of each file a diagnostic may point into (case files, case
    /// files outside the case folder, and roster files that did not load),
    /// by its relative path.
    pub fn sources(&self) -> HashMap<&str, &str> {
        let cases = self
            .cases
            .iter()
            .chain(&self.strays)
            .filter_map(|l| Some((l.file.rel.as_str(), l.file.text.as_deref()?)));
        let roster = self
            .roster
            .problems
            .iter()
            .filter_map(|p| Some((p.file.as_str(), p.text.as_deref()?)));
        cases.chain(roster).collect()
    }

    /// What the check of [`repository`] finds here.
    pub fn check(&self, today: NaiveDate) -> Report {
        repository(&self.input(today))
    }

    pub fn input(&self, today: NaiveDate) -> Input<'_> {
        Input {
            settings: &self.repo.settings,
            today,
            cases: &self.cases,
            strays: &self.strays,
            roster: &self.roster,
            templates: &self.templates,
            elsewhere: self.narrowed.then_some(&self.repo),
        }
    }
}

/// The outcome of checking a set of files.
#[derive(Debug, Default)]
pub struct Report {
    /// Sorted by file, line, column and code.
    pub diagnostics: Vec<Diagnostic>,
    pub files: usize,
    pub cases: usize,
    /// Files that could not be read at all (exit code 2).
    pub io_errors: Vec<String>,
    /// Problems in the repository's templates: syntax, unknown filters,
    /// variables no document provides (exit code 2).
    pub template_errors: Vec<TemplateError>,
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// The one check of a repository: the case rules on every file, case ids
/// across files, the roster and the cases against it, and the templates.
pub fn repository(input: &Input) -> Report {
    let mut report = files_of(input);
    report.template_errors = match input.templates {
        Ok(templates) => {
            let mut errors = templates.unknown_variables();
            let failed = templates::sample_renders(templates, input.settings, &errors);
            errors.extend(failed);
            errors
        }
        Err(error) => vec![error.clone()],
    };
    report
}

/// Everything [`repository`] checks that depends on the files: the case
/// rules, case ids across files, the roster and the cases against it, the
/// files outside the case folder. Not the templates, which no case file
/// changes: `kring anonymise` checks each result with this, so the
/// templates are not rendered again for every case it rewrites.
pub fn files_of(input: &Input) -> Report {
    let mut report = cases(input.cases, input.settings, input.today);
    roster::check(input.cases, input.roster, &mut report.diagnostics);
    books::follows_known(input.cases, input.elsewhere, &mut report.diagnostics);
    files::outside_case_folder(input.strays, &input.settings.cases, &mut report.diagnostics);
    report
        .diagnostics
        .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    report
}

/// The case rules alone, on every loaded file, and case ids across files.
/// Commands use [`repository`]; this is for tests and the fuzz target.
pub fn cases(loaded: &[Loaded], settings: &Settings, today: NaiveDate) -> Report {
    let mut report = Report {
        files: loaded.len(),
        ..Report::default()
    };
    // Each file on its own, in parallel; then together, in order.
    let per_file: Vec<FileReport> = loaded
        .par_iter()
        .map(|file| check_file(file, settings, today))
        .collect();
    for file in per_file {
        report.cases += usize::from(file.is_case);
        report.diagnostics.extend(file.diagnostics);
        report.io_errors.extend(file.io_error);
    }
    files::duplicate_case_ids(loaded, &mut report.diagnostics);
    files::names_match_ids(loaded, &mut report.diagnostics);
    report
        .diagnostics
        .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    report
}

/// What checking one file found.
#[derive(Default)]
struct FileReport {
    is_case: bool,
    diagnostics: Vec<Diagnostic>,
    io_error: Option<String>,
}

fn check_file(file: &Loaded, settings: &Settings, today: NaiveDate) -> FileReport {
    let mut report = FileReport::default();
    let case = match &file.case {
        Ok(case) => case,
        Err(error) => {
            match files::load_error(file, error) {
                Ok(diagnostics) => report.diagnostics.extend(diagnostics),
                Err(io_error) => report.io_error = Some(io_error),
            }
            return report;
        }
    };
    let lines = LineIndex::new(file.file.text.as_deref().unwrap_or(""));
    let case_id = Some(case.id().to_string());
    let cx = Context::new(case, settings, today);
    for rule in RULES {
        let Some(check) = rules::case_rule(rule.code) else {
            continue;
        };
        let mut findings = Findings::default();
        check(&cx, &mut findings);
        for f in findings.items {
            report.diagnostics.push(Diagnostic::new(
                rule.code,
                &file.file.rel,
                &lines,
                Some(f.span),
                case_id.clone(),
                f.message,
                f.help,
            ));
        }
    }
    report.is_case = true;
    report
}

/// Participants who were invited or confirmed, with their `status` value.
fn invited<'a>(cx: &Context<'a>) -> impl Iterator<Item = (&'a Participant, &'a Spanned<Status>)> {
    cx.case.participants.iter().filter_map(|p| {
        let p = p.get_ref();
        let status = p.status.as_ref()?;
        p.is_invited().then_some((p, status))
    })
}

/// The status as a message argument: `invited` or `confirmed`.
fn status_arg(status: &Spanned<Status>) -> &'static str {
    status.get_ref().as_str()
}

/// The span of a spanned value.
fn at<T>(value: &Spanned<T>) -> Range<usize> {
    value.span()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repo::parse_case;

    const BASE: &str = "id = \"c\"\nvariant = \"community\"\n[request]\nreceived = 2026-09-01\n";

    /// (code, line) of every diagnostic for one case text.
    fn found(extra: &str) -> Vec<(&'static str, usize)> {
        let loaded = parse_case("cases/c.toml", &format!("{BASE}{extra}"));
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        cases(&[loaded], &Settings::default(), today)
            .diagnostics
            .iter()
            .map(|d| (d.code.as_str(), d.line))
            .collect()
    }

    #[test]
    fn a_date_is_compared_with_the_nearest_present_date_before_it() {
        let coordinator =
            "[coordinator]\nname = \"F\"\nassigned = 2026-08-01\nindependent = true\n";
        // assigned < received: one K301 at `assigned` (line 7), nothing for the absent dates.
        assert_eq!(found(coordinator), [("K301", 7)]);
        let closed = "[closed]\ndate = 2026-08-15\nreason = \"withdrawn\"\n";
        assert_eq!(found(closed), [("K301", 6)]);
    }

    #[test]
    fn overlapping_and_misordered_parts() {
        let parts = concat!(
            "[conference]\nstart = 15:00:00\nend = 17:00:00\n",
            "[[conference.part]]\nkind = \"family-time\"\nstart = 15:00:00\nend = 16:00:00\n",
            "[[conference.part]]\nkind = \"information\"\nstart = 15:30:00\nend = 17:30:00\n",
        );
        let mut got = found(parts);
        got.sort();
        // information after family-time (kind, line 13), starts before the
        // previous part ends (line 14), ends after the conference (line 15).
        assert_eq!(got, [("K302", 13), ("K302", 14), ("K302", 15)]);
    }

    #[test]
    fn declined_people_do_not_meet_anyone() {
        let people = concat!(
            "[[participant]]\nid = \"a\"\nname = \"A\"\nrole = \"resident\"\navoid = [\"b\"]\n",
            "[[participant]]\nid = \"b\"\nname = \"B\"\nrole = \"resident\"\nstatus = \"declined\"\n",
        );
        assert_eq!(found(people), []);
        assert_eq!(
            found(&people.replace("status = \"declined\"\n", "")),
            [("K501", 9)]
        );
    }
}
