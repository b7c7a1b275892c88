//! The rules of DESIGN §4 and the run that applies them to loaded files.
//!
//! Each rule is one small function, registered with its code, severity and
//! summary in [`RULES`]; `kring explain` and `docs/rules.md` use the same table.

mod dates;
mod people;
mod plan;
mod roles;
mod rules;
mod safety;

pub use rules::{RULES, Rule, explanation, rule};

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, LineIndex, Severity};
use crate::model::{Case, Participant, Spanned};
use crate::model::Settings;
use crate::repo::{LoadError, Loaded};

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
    message: String,
    help: Option<String>,
}

impl Findings {
    pub fn add(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.items.push(Finding {
            span,
            message: message.into(),
            help: None,
        });
    }

    pub fn add_with_help(
        &mut self,
        span: Range<usize>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        self.items.push(Finding {
            span,
            message: message.into(),
            help: Some(help.into()),
        });
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
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// Checks every loaded file and, across files, that case ids are unique.
pub fn check(loaded: &[Loaded], settings: &Settings, today: NaiveDate) -> Report {
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
    duplicate_case_ids(loaded, &mut report.diagnostics);
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
    let case_id = file.id.as_ref().map(|id| id.get_ref().clone());
    let lines = LineIndex::new(file.file.text.as_deref().unwrap_or(""));
    let mut emit =
        |code: &'static str, span: Option<Range<usize>>, message: String, help: Option<String>| {
            report.diagnostics.push(diagnostic(
                code,
                &file.file.rel,
                &lines,
                span,
                case_id.clone(),
                message,
                help,
            ));
        };
    match &file.case {
        Ok(case) => {
            let cx = Context::new(case, settings, today);
            for rule in RULES {
                let Some(check) = rule.check else { continue };
                let mut findings = Findings::default();
                check(&cx, &mut findings);
                for f in findings.items {
                    emit(rule.code, Some(f.span), f.message, f.help);
                }
            }
            report.is_case = true;
        }
        Err(LoadError::Io(e)) => report.io_error = Some(format!("{}: {e}", file.file.rel)),
        Err(LoadError::TooLarge(size)) => emit(
            "K005",
            None,
            format!("the file is {size} bytes, larger than the limit of 1 MiB"),
            None,
        ),
        Err(LoadError::NotUtf8 { line }) => emit(
            "K005",
            None,
            format!("the file is not valid UTF-8 (first bad byte on line {line})"),
            Some("save the file as UTF-8 in your editor".into()),
        ),
        Err(LoadError::Syntax { message, span }) => emit(
            "K001",
            span.clone(),
            format!("invalid TOML: {}", message.trim_end()),
            None,
        ),
        Err(LoadError::Shape { message, span }) => {
            emit("K002", span.clone(), message.trim_end().to_string(), None)
        }
    }
    report
}

/// Adds the roster's own problems (K601, K602) and the rules that compare
/// cases with it (K603, K604) to a report.
pub fn check_roster(loaded: &[Loaded], roster: &crate::model::roster::Roster, report: &mut Report) {
    report
        .diagnostics
        .extend(roster.diagnostics.iter().cloned());
    if roster.coordinators.is_empty() {
        return;
    }
    for file in loaded {
        let Ok(case) = &file.case else { continue };
        let Some(assigned) = &case.coordinator else {
            continue;
        };
        let assigned_ref = assigned.get_ref();
        if assigned_ref.id.is_none()
            && crate::model::is_anonymised_coordinator(assigned_ref.name.get_ref())
        {
            // `kring anonymise` removed the name and roster id on purpose.
            continue;
        }
        let span = assigned_ref
            .id
            .as_ref()
            .map_or_else(|| assigned_ref.name.span(), |id| id.span());
        let (code, message) = match roster.of_case(case) {
            None => {
                let what = match &assigned_ref.id {
                    Some(id) => format!("coordinator id `{}`", id.get_ref()),
                    None => format!("coordinator \"{}\"", assigned_ref.name.get_ref()),
                };
                (
                    "K603",
                    format!("{what} is not in the roster (coordinators/)"),
                )
            }
            Some(coordinator) if !coordinator.trained_for(case.variant()) => (
                "K604",
                format!(
                    "{} has not done the training part a {} conference needs ({})",
                    coordinator.name,
                    case.variant().as_str(),
                    crate::model::roster::Training::needed_for(case.variant()).as_str()
                ),
            ),
            Some(_) => continue,
        };
        let lines = LineIndex::new(file.file.text.as_deref().unwrap_or(""));
        report.diagnostics.push(diagnostic(
            code,
            &file.file.rel,
            &lines,
            Some(span),
            Some(case.id().to_string()),
            message,
            None,
        ));
    }
    report
        .diagnostics
        .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}

/// K004: every file whose case id another file uses too.
fn duplicate_case_ids(loaded: &[Loaded], out: &mut Vec<Diagnostic>) {
    let mut by_id: BTreeMap<&str, Vec<(&Loaded, &Spanned<String>)>> = BTreeMap::new();
    for file in loaded {
        if let Some(id) = &file.id {
            by_id.entry(id.get_ref()).or_default().push((file, id));
        }
    }
    for (id, files) in by_id.into_iter().filter(|(_, files)| files.len() > 1) {
        for (file, span) in &files {
            let lines = LineIndex::new(file.file.text.as_deref().unwrap_or(""));
            let others: Vec<&str> = files
                .iter()
                .filter(|(other, _)| !std::ptr::eq(*other, *file))
                .map(|(other, _)| other.file.rel.as_str())
                .collect();
            out.push(diagnostic(
                "K004",
                &file.file.rel,
                &lines,
                Some(span.span()),
                Some(id.to_string()),
                format!("case id `{id}` is also used by {}", others.join(", ")),
                None,
            ));
        }
    }
}

/// A diagnostic of rule `code` at `span` in `file`, with the rule's
/// severity and help.
pub(crate) fn diagnostic(
    code: &'static str,
    file: &str,
    lines: &LineIndex,
    span: Option<Range<usize>>,
    case: Option<String>,
    message: String,
    help: Option<String>,
) -> Diagnostic {
    let rule = rule(code).expect("every emitted code is in the rule table");
    let (line, column) = span.as_ref().map_or((1, 1), |s| lines.line_column(s.start));
    Diagnostic {
        code: rule.code,
        severity: rule.severity,
        file: file.to_string(),
        line,
        column,
        case,
        message,
        help: help.or_else(|| Some(rule.help.to_string())),
        span,
    }
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
        check(&[loaded], &Settings::default(), today)
            .diagnostics
            .iter()
            .map(|d| (d.code, d.line))
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
