//! K6xx: the coordinator roster (`coordinators/`), and each case's
//! coordinator against it.

use crate::diagnostic::{Code, Diagnostic, LineIndex};
use crate::model::is_anonymised_coordinator;
use crate::model::roster::{Roster, RosterProblemKind, Training};
use crate::msg;
use crate::repo::Loaded;

/// Adds the roster's own problems (K601, K602) and the rules that compare
/// cases with it (K603, K604).
pub(super) fn check(cases: &[Loaded], roster: &Roster, out: &mut Vec<Diagnostic>) {
    for problem in &roster.problems {
        let lines = LineIndex::new(problem.text.as_deref().unwrap_or(""));
        let (code, span, message) = match &problem.kind {
            RosterProblemKind::Invalid { message, span } => {
                (Code::K601, span.clone(), message.clone())
            }
            RosterProblemKind::BadId { id, span } => (
                Code::K602,
                Some(span.clone()),
                msg!("K602-pattern", id = id),
            ),
            RosterProblemKind::DuplicateId { id, span, other } => (
                Code::K602,
                Some(span.clone()),
                msg!("K602-twice", id = id, other = other),
            ),
        };
        out.push(Diagnostic::new(
            code,
            &problem.file,
            &lines,
            span,
            None,
            message,
            None,
        ));
    }
    if roster.coordinators.is_empty() {
        return;
    }
    for file in cases {
        let Ok(case) = &file.case else { continue };
        let Some(assigned) = &case.coordinator else {
            continue;
        };
        let assigned = assigned.get_ref();
        if assigned.id.is_none() && is_anonymised_coordinator(assigned.name.get_ref()) {
            // `kring anonymise` removed the name and roster id on purpose.
            continue;
        }
        let span = assigned
            .id
            .as_ref()
            .map_or_else(|| assigned.name.span(), |id| id.span());
        let (code, message) = match roster.of_case(case) {
            None => {
                let message = match &assigned.id {
                    Some(id) => msg!("K603-id", id = id.get_ref()),
                    None => msg!("K603-name", name = assigned.name.get_ref()),
                };
                (Code::K603, message)
            }
            Some(entry) if !entry.trained_for(case.variant()) => (
                Code::K604,
                msg!(
                    "K604-training",
                    name = &entry.name,
                    variant = case.variant().as_str(),
                    training = Training::needed_for(case.variant()).as_str()
                ),
            ),
            Some(_) => continue,
        };
        let lines = LineIndex::new(file.file.text.as_deref().unwrap_or(""));
        out.push(Diagnostic::new(
            code,
            &file.file.rel,
            &lines,
            Some(span),
            Some(case.id().to_string()),
            message,
            None,
        ));
    }
}
