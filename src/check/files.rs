//! K0xx: the file itself. Loading finds K001, K002 and K005 (turned into
//! diagnostics here), K004 needs every file, and K003 is a case rule.

use std::collections::BTreeMap;

use super::{Context, Findings, at};
use crate::diagnostic::{Code, Diagnostic, LineIndex};
use crate::model::{Spanned, is_valid_id};
use crate::repo::{LoadError, Loaded, max_file_size_text};

/// K001, K002 and K005: why a file did not load, as a diagnostic; or, for a
/// file that could not be read at all, the error to report (exit code 2).
pub(super) fn load_error(file: &Loaded, error: &LoadError) -> Result<Diagnostic, String> {
    let (code, span, message, help) = match error {
        LoadError::Io(e) => return Err(format!("{}: {e}", file.file.rel)),
        LoadError::TooLarge(size) => (
            Code::K005,
            None,
            format!(
                "the file is {size} bytes, larger than the limit of {}",
                max_file_size_text()
            ),
            None,
        ),
        LoadError::NotUtf8 { line } => (
            Code::K005,
            None,
            format!("the file is not valid UTF-8 (first bad byte on line {line})"),
            Some("save the file as UTF-8 in your editor".into()),
        ),
        LoadError::Syntax { message, span } => (
            Code::K001,
            span.clone(),
            format!("invalid TOML: {}", message.trim_end()),
            None,
        ),
        LoadError::Shape { message, span } => (
            Code::K002,
            span.clone(),
            message.trim_end().to_string(),
            None,
        ),
    };
    let lines = LineIndex::new(file.file.text.as_deref().unwrap_or(""));
    let case_id = file.id.as_ref().map(|id| id.get_ref().clone());
    Ok(Diagnostic::new(
        code,
        &file.file.rel,
        &lines,
        span,
        case_id,
        message,
        help,
    ))
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
                format!("case id `{id}` is also used by {}", others.join(", ")),
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
            format!(
                "the file is named `{name}` but its id is `{}`; name it `{}.toml`",
                id.get_ref(),
                id.get_ref()
            ),
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
            format!(
                "this file is outside the case folder `{cases}/`, so kring does not check or render it"
            ),
            None,
        ));
    }
}

/// K003
pub fn ids_match_pattern(cx: &Context, out: &mut Findings) {
    let case = cx.case;
    if !is_valid_id(case.id()) {
        out.add(
            at(&case.id),
            format!("case id `{}` is not a valid identifier", case.id()),
        );
    }
    for p in &case.participants {
        let p = p.get_ref();
        if !is_valid_id(p.id()) {
            out.add(
                at(&p.id),
                format!("participant id `{}` is not a valid identifier", p.id()),
            );
        }
    }
}
