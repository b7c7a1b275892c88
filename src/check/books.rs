//! K7xx: the region's books: hours, expenses, scores and the registration
//! of a case (DESIGN §9.3).

use std::collections::HashSet;

use super::{Context, Findings, at};
use crate::diagnostic::{Code, Diagnostic, LineIndex};
use crate::model::{ExpenseKind, Spanned, add_days};
use crate::msg;
use crate::repo::{Loaded, Repo};

/// How long after `closed.date` hours and expenses may still be booked
/// (K705): the last visit, the bill of the venue.
pub const DAYS_AFTER_CLOSING: u32 = 60;

/// K701
pub fn books_in_range(cx: &Context, out: &mut Findings) {
    for entry in &cx.case.time {
        let hours = &entry.get_ref().hours;
        let h = *hours.get_ref();
        if !(h.is_finite() && h > 0.0 && h <= 24.0) {
            out.add(at(hours), msg!("K701-hours", hours = h.to_string()));
        }
    }
    for expense in &cx.case.expenses {
        let expense = expense.get_ref();
        for (value, key) in [(&expense.amount, "amount"), (&expense.km, "km")] {
            let Some(value) = value else { continue };
            let v = *value.get_ref();
            if !(v.is_finite() && v >= 0.0) {
                out.add(
                    at(value),
                    msg!("K701-negative", key = key, value = v.to_string()),
                );
            }
        }
        let travel_with_km = *expense.kind.get_ref() == ExpenseKind::Travel && expense.km.is_some();
        if expense.amount.is_none() && !travel_with_km {
            out.add(at(&expense.kind), msg!("K701-no-amount"));
        }
    }
    for evaluation in &cx.case.evaluations {
        let evaluation = evaluation.get_ref();
        for (score, key) in [
            (&evaluation.meeting, "meeting"),
            (&evaluation.plan, "plan"),
            (&evaluation.coordinator, "coordinator"),
        ] {
            let Some(score) = score else { continue };
            if !(1..=10).contains(score.get_ref()) {
                out.add(
                    at(score),
                    msg!("K701-score", key = key, score = *score.get_ref()),
                );
            }
        }
    }
}

/// K702
pub fn registration_complete(cx: &Context, out: &mut Findings) {
    let case = cx.case;
    if !case.is_closed() || case.held_conference(cx.today).is_none() {
        return;
    }
    let request = case.request.get_ref();
    let missing = match (request.requester.is_none(), request.topics.is_empty()) {
        (true, true) => "both",
        (true, false) => "requester",
        (false, true) => "topics",
        (false, false) => return,
    };
    out.add(case.request.span(), msg!("K702-missing", missing = missing));
}

/// K704
pub fn funder_known(cx: &Context, out: &mut Findings) {
    let funders = &cx.settings.funders;
    let Some(funder) = &cx.case.request.get_ref().funder else {
        return;
    };
    if funders.is_empty() || funders.contains_key(funder.get_ref()) {
        return;
    }
    let keys: Vec<&str> = funders.keys().map(String::as_str).collect();
    out.add(
        at(funder),
        msg!(
            "K704-unknown",
            funder = funder.get_ref(),
            keys = keys.join(", ")
        ),
    );
}

/// K705
pub fn books_within_the_case(cx: &Context, out: &mut Findings) {
    let case = cx.case;
    let received = case.request.get_ref().received.get_ref().0;
    let closed = case
        .closed
        .as_ref()
        .and_then(|c| c.get_ref().date.as_ref())
        .map(|d| d.get_ref().0);
    let last = closed.and_then(|c| add_days(c, DAYS_AFTER_CLOSING));
    let dates = case
        .time
        .iter()
        .map(|t| &t.get_ref().date)
        .chain(case.expenses.iter().map(|e| &e.get_ref().date));
    for date in dates {
        let day = date.get_ref().0;
        if day < received {
            out.add(
                at(date),
                msg!(
                    "K705-before",
                    date = day.to_string(),
                    received = received.to_string()
                ),
            );
        } else if let (Some(closed), Some(last)) = (closed, last)
            && day > last
        {
            out.add(
                at(date),
                msg!(
                    "K705-after",
                    date = day.to_string(),
                    closed = closed.to_string(),
                    days = DAYS_AFTER_CLOSING
                ),
            );
        }
    }
}

/// The shortened form `kring anonymise` gives a case id: its leading
/// numbers (`2026-031-bakker` becomes `2026-031`).
fn numbers_of(id: &str) -> String {
    id.split('-')
        .take_while(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
        .collect::<Vec<_>>()
        .join("-")
}

/// K703: `follows` names no case of the repository. The cases checked are
/// `loaded`; when they are not all of the repository's, `elsewhere` is the
/// repository, whose other case ids are read only if a `follows` is not
/// found among the loaded ones.
///
/// Anonymising shortens ids (`2026-031-bakker` becomes `2026-031`), and
/// the followed case and the following one are anonymised on their own
/// days; so a `follows` also resolves when its shortened form is a case id
/// (the followed case was anonymised first), or when it is a shortened form
/// itself and a case id shortens to it (this case was anonymised first).
pub(super) fn follows_known(
    loaded: &[Loaded],
    elsewhere: Option<&Repo>,
    out: &mut Vec<Diagnostic>,
) {
    let follows: Vec<(&Loaded, &Spanned<String>)> = loaded
        .iter()
        .filter_map(|file| Some((file, file.case.as_ref().ok()?.follows.as_ref()?)))
        .collect();
    if follows.is_empty() {
        return;
    }
    let mut ids: HashSet<String> = loaded
        .iter()
        .filter_map(|file| Some(file.id.as_ref()?.get_ref().clone()))
        .collect();
    let mut shortened: Option<HashSet<String>> = None;
    let mut read_elsewhere = elsewhere.is_none();
    for (file, follows) in follows {
        let target = follows.get_ref();
        let known = |ids: &HashSet<String>, shortened: &mut Option<HashSet<String>>| {
            if ids.contains(target) || ids.contains(&numbers_of(target)) {
                return true;
            }
            *target == numbers_of(target)
                && shortened
                    .get_or_insert_with(|| ids.iter().map(|id| numbers_of(id)).collect())
                    .contains(target)
        };
        let itself = file.id.as_ref().is_some_and(|id| id.get_ref() == target);
        let mut found = !itself && known(&ids, &mut shortened);
        if !found && !itself && !read_elsewhere {
            read_elsewhere = true;
            if let Some(repo) = elsewhere {
                ids.extend(repo.case_ids());
                shortened = None;
                found = known(&ids, &mut shortened);
            }
        }
        if found {
            continue;
        }
        let lines = LineIndex::new(file.file.text.as_deref().unwrap_or(""));
        out.push(Diagnostic::new(
            Code::K703,
            &file.file.rel,
            &lines,
            Some(follows.span()),
            file.id.as_ref().map(|id| id.get_ref().clone()),
            if itself {
                msg!("K703-itself")
            } else {
                msg!("K703-unknown", id = target)
            },
            None,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortened_ids_keep_the_leading_numbers() {
        assert_eq!(numbers_of("2026-031-bakker"), "2026-031");
        assert_eq!(numbers_of("2026-031"), "2026-031");
        assert_eq!(numbers_of("bakker"), "");
    }
}
