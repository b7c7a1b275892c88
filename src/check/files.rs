//! K0xx: the file itself. Loading finds K001, K002 and K005 (turned into
//! diagnostics here), K004 needs every file, and K003 is a case rule.

use std::collections::BTreeMap;

use super::{Context, Findings, at};
use crate::diagnostic::{Code, Diagnostic, LineIndex};
use crate::model::{Spanned, is_placeholder, is_valid_id};
use crate::msg;
use crate::repo::{LoadError, Loaded, max_file_size_text};

/// K001, K002 and K005: why a file did not load, as diagnostics (K002: one
/// per shape problem); or, for a file that could not be read at all, the
/// error to report (exit code 2).
pub(super) fn load_error(file: &Loaded, error: &LoadError) -> Result<Vec<Diagnostic>, String> {
    let lines = LineIndex::new(file.file.text.as_deref().unwrap_or(""));
    let case_id = file.id.as_ref().map(|id| id.get_ref().clone());
    let diagnostic = |code, span, message, help| {
        Diagnostic::new(
            code,
            &file.file.rel,
            &lines,
            span,
            case_id.clone(),
            message,
            help,
        )
    };
    Ok(match error {
        LoadError::Io(e) => return Err(format!("{}: {e}", file.file.rel)),
        LoadError::TooLarge(size) => vec![diagnostic(
            Code::K005,
            None,
            msg!("K005-large", size = *size, limit = max_file_size_text()),
            None,
        )],
        LoadError::NotUtf8 { line, column } => {
            let mut d = diagnostic(
                Code::K005,
                None,
                msg!("K005-utf8", line = *line),
                Some(msg!("K005-utf8-help")),
            );
            (d.line, d.column) = (*line, *column);
            vec![d]
        }
        LoadError::Syntax {
            message,
            span,
            help,
        } => vec![diagnostic(
            Code::K001,
            span.clone(),
            msg!("K001-syntax", message = message.trim_end()),
            help.clone(),
        )],
        LoadError::Shape(problems) => problems
            .iter()
            .map(|p| {
                diagnostic(
                    Code::K002,
                    p.span.clone(),
                    p.message.clone(),
                    p.help.clone(),
                )
            })
            .collect(),
    })
}

/// K004: every file whose case id another file uses too.
pub(super) fn duplicate_case_ids(loaded: &[Loaded], out: &mut Vec<Diagnostic>) {
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
            out.push(Diagnostic::new(
                Code::K004,
                &file.file.rel,
                &lines,
                Some(span.span()),
                Some(id.to_string()),
                msg!("K004-twice", id = id, others = others.join(", ")),
                None,
            ));
        }
    }
}

/// K007: a case file not named `<id>.toml`. (`kring new` names files so,
/// and people and tools look for a case by that name.)
pub(super) fn names_match_ids(loaded: &[Loaded], out: &mut Vec<Diagnostic>) {
    for file in loaded {
        let Some(id) = &file.id else { continue };
        let name = file.file.rel.rsplit('/').next().unwrap_or(&file.file.rel);
        if name.strip_suffix(".toml") == Some(id.get_ref().as_str()) {
            continue;
        }
        let lines = LineIndex::new(file.file.text.as_deref().unwrap_or(""));
        out.push(Diagnostic::new(
            Code::K007,
            &file.file.rel,
            &lines,
            Some(id.span()),
            Some(id.get_ref().clone()),
            msg!("K007-name", name = name, id = id.get_ref()),
            None,
        ));
    }
}

/// K008: a file that looks like a case (or was named as one) outside the
/// case folder. It is reported, never checked or rendered: check, render
/// and the git hook keep to the same files.
pub(super) fn outside_case_folder(strays: &[Loaded], cases: &str, out: &mut Vec<Diagnostic>) {
    for file in strays {
        let lines = LineIndex::new(file.file.text.as_deref().unwrap_or(""));
        let case_id = file.id.as_ref().map(|id| id.get_ref().clone());
        out.push(Diagnostic::new(
            Code::K008,
            &file.file.rel,
            &lines,
            file.id.as_ref().map(|id| id.span()),
            case_id,
            msg!("K008-outside", folder = cases),
            None,
        ));
    }
}

/// K003
pub fn ids_match_pattern(cx: &Context, out: &mut Findings) {
    let case = cx.case;
    if !is_valid_id(case.id()) {
        out.add(at(&case.id), msg!("K003-case", id = case.id()));
    }
    for p in &case.participants {
        let p = p.get_ref();
        if !is_valid_id(p.id()) {
            out.add(at(&p.id), msg!("K003-participant", id = p.id()));
        }
    }
}

/// A text value of a case file with the key it is under and where it is.
type Value<'a> = (&'static str, &'a str, std::ops::Range<usize>);

fn spanned<'a>(values: &mut Vec<Value<'a>>, key: &'static str, value: Option<&'a Spanned<String>>) {
    if let Some(v) = value {
        values.push((key, v.get_ref().as_str(), at(v)));
    }
}

/// K006
pub fn no_placeholders(cx: &Context, out: &mut Findings) {
    let case = cx.case;
    // Each value with the span to point at: its own where the model keeps
    // one, else its table's.
    let mut values: Vec<Value> = Vec::new();
    let request = case.request.get_ref();
    spanned(&mut values, "request.question", request.question.as_ref());
    spanned(&mut values, "request.acceptor", request.acceptor.as_ref());
    if let Some(c) = &case.coordinator {
        let c = c.get_ref();
        spanned(&mut values, "coordinator.name", Some(&c.name));
        spanned(&mut values, "coordinator.id", c.id.as_ref());
        spanned(
            &mut values,
            "coordinator.organisation",
            c.organisation.as_ref(),
        );
    }
    if let Some(c) = &case.conference {
        spanned(
            &mut values,
            "conference.location",
            c.get_ref().location.as_ref(),
        );
    }
    for p in &case.participants {
        let table = at(p);
        let p = p.get_ref();
        spanned(&mut values, "name", Some(&p.name));
        spanned(&mut values, "known_as", p.known_as.as_ref());
        spanned(&mut values, "salutation", p.salutation.as_ref());
        spanned(&mut values, "organisation", p.organisation.as_ref());
        spanned(&mut values, "invited_by", p.invited_by.as_ref());
        spanned(&mut values, "email", p.email.as_ref());
        for (key, value) in [
            ("relation", &p.relation),
            ("phone", &p.phone),
            ("address", &p.address),
        ] {
            if let Some(v) = value {
                values.push((key, v.as_str(), table.clone()));
            }
        }
        for v in &p.needs {
            values.push(("needs", v.as_str(), table.clone()));
        }
        for v in &p.avoid {
            values.push(("avoid", v.get_ref().as_str(), at(v)));
        }
    }
    let mut table = |key: &'static str, span: std::ops::Range<usize>, texts: Vec<&str>| {
        for text in texts {
            if is_placeholder(text) {
                out.add(
                    span.clone(),
                    msg!("K006-placeholder", key = key, text = text.trim()),
                );
            }
        }
    };
    for (key, text, span) in values {
        table(key, span, vec![text]);
    }
    if let Some(t) = &case.title {
        table("title", at(&case.id), vec![t.as_str()]);
    }
    if let Some(c) = &case.conference {
        let texts = c.get_ref();
        let mut all: Vec<&str> = texts.arrangements.iter().map(String::as_str).collect();
        all.extend(texts.address.as_deref());
        table("conference", at(c), all);
    }
    if let Some(s) = &case.safety {
        table(
            "safety.arrangement",
            at(s),
            s.get_ref().arrangement.iter().map(String::as_str).collect(),
        );
    }
    if let Some(plan) = &case.plan {
        let span = at(plan);
        let plan = plan.get_ref();
        let mut all: Vec<&str> = plan.contingency.iter().map(String::as_str).collect();
        all.extend(plan.strengths.iter().flatten().map(String::as_str));
        all.extend(plan.goals.iter().flatten().map(String::as_str));
        table("plan", span, all);
        for a in &plan.agreements {
            let span = at(a);
            let a = a.get_ref();
            let mut all = vec![a.what.get_ref().as_str()];
            all.extend(a.who.get_ref().iter().map(|w| w.get_ref().as_str()));
            all.extend(a.support.as_deref());
            all.extend(a.checks.as_ref().map(|c| c.get_ref().as_str()));
            table("plan.agreement", span, all);
        }
    }
    for tr in case.translations.values() {
        let span = at(tr);
        let tr = tr.get_ref();
        let mut all: Vec<&str> = tr.question.iter().map(String::as_str).collect();
        all.extend(tr.title.as_deref());
        all.extend(tr.arrangements.iter().flatten().map(String::as_str));
        table("translations", span, all);
    }
}
