//! K0xx: the file itself. Loading finds K001, K002 and K005 (turned into
//! diagnostics here), K004 needs every file, and K003 is a case rule.

use std::collections::BTreeMap;

use super::{Context, Findings, at};
use crate::diagnostic::{Code, Diagnostic, LineIndex};
use crate::messages::Message;
use crate::model::{Spanned, is_valid_id};
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
            help.clone().map(Message::text),
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
