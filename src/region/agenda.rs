//! What happens in the coming days across the repository (`kring agenda`):
//! conferences, preparations not done while the conference is near, plans
//! not sent, follow-ups due or overdue, and the circles' own reviews.

use chrono::{NaiveDate, NaiveTime};
use serde::Serialize;

use crate::messages::Lang;
use crate::model::roster::Roster;
use crate::model::{Case, add_days};
use crate::msg;

/// How many days before the conference everyone should be prepared (as in
/// rule K207).
const PREPARE_BEFORE: u32 = 7;
/// The plan goes out within two days (rule K306).
const PLAN_WITHIN: u32 = 2;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    pub date: NaiveDate,
    /// `conference`, `prepare`, `plan`, `follow-up` or `review`.
    pub kind: &'static str,
    pub case: String,
    /// The roster id of the case's coordinator, else their name, else null.
    pub coordinator: Option<String>,
    pub what: String,
    /// Was due before the agenda's first day.
    pub overdue: bool,
    #[serde(skip)]
    pub times: Option<(NaiveTime, NaiveTime)>,
    #[serde(skip)]
    pub location: Option<String>,
    /// `what` without anyone's name, where `what` names people.
    #[serde(skip)]
    pub what_without_names: Option<String>,
}

/// The items without a person's name (`kring agenda --no-names`): case ids
/// shortened to their number (`2026-014-sam` becomes `2026-014`), no
/// coordinator, and the people still to prepare counted, not named.
pub fn without_names(items: &mut [Item]) {
    for item in items {
        item.case = case_number(&item.case);
        item.coordinator = None;
        if let Some(what) = item.what_without_names.take() {
            item.what = what;
        }
    }
}

/// A case id's number: its leading parts of digits (`2026-014-sam` gives
/// `2026-014`). An id without one (`jansen`) gives `case`, which names no
/// one.
pub fn case_number(id: &str) -> String {
    let digits: Vec<&str> = id
        .split('-')
        .take_while(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    if digits.is_empty() {
        "case".to_string()
    } else {
        digits.join("-")
    }
}

/// The agenda from `from` for `days` days, sorted by date, kind and case.
/// Overdue work appears on the first day.
pub fn agenda(
    cases: &[&Case],
    roster: &Roster,
    followup_days: u32,
    from: NaiveDate,
    days: u32,
    lang: Lang,
) -> Vec<Item> {
    let due_by = |what: &str, due: NaiveDate| {
        msg!("agenda-due", what = what, due = due.to_string()).in_lang(lang)
    };
    let until = add_days(from, days).unwrap_or(NaiveDate::MAX);
    let in_window = |d: NaiveDate| from <= d && d < until;
    let mut items = Vec::new();
    for case in cases {
        let coordinator = roster.coordinator_of(case).map(|(key, _)| key);
        let mut case_items: Vec<Item> = Vec::new();
        let mut prepare_without_names = None;
        let mut add = |date: NaiveDate, kind, what: String, overdue| {
            case_items.push(Item {
                date,
                kind,
                case: case.id().to_string(),
                coordinator: coordinator.clone(),
                what,
                overdue,
                times: None,
                location: None,
                what_without_names: None,
            });
        };
        let conference = case.conference.as_ref().map(|c| c.get_ref());
        let date = case.conference_date();
        let closed = case.is_closed();

        if let (Some(date), Some(c)) = (date, conference)
            && in_window(date)
        {
            let location = c.location.as_ref().map(|l| l.get_ref().clone());
            let times = c
                .start
                .as_ref()
                .zip(c.end.as_ref())
                .map(|(s, e)| (s.get_ref().0, e.get_ref().0));
            let variant = match lang {
                Lang::En => case.variant().as_str().to_string(),
                _ => super::variant_word(case.variant().as_str(), lang),
            };
            let mut what = msg!(
                "agenda-conference",
                variant = variant,
                location = location.clone().unwrap_or_else(|| "none".into())
            )
            .in_lang(lang);
            // How far the invitations went, from the [[sent]] record.
            let invited = case.invitations_sent();
            if invited.sent > 0 {
                what.push_str(
                    &msg!(
                        "agenda-invited",
                        sent = invited.sent,
                        of = invited.of,
                        post = invited.by_post
                    )
                    .in_lang(lang),
                );
            }
            items.push(Item {
                date,
                kind: "conference",
                case: case.id().to_string(),
                coordinator: coordinator.clone(),
                what,
                overdue: false,
                times,
                location,
                what_without_names: None,
            });
        }

        if let Some(date) = date
            && !closed
            && date >= from
        {
            let unprepared: Vec<&str> = case
                .attendees()
                .filter(|p| p.prepared.is_none())
                .map(|p| p.name.get_ref().as_str())
                .collect();
            let by = date
                .checked_sub_days(chrono::Days::new(u64::from(PREPARE_BEFORE)))
                .unwrap_or(date);
            if !unprepared.is_empty() && by < until {
                let prepare = |people: String| {
                    msg!("agenda-prepare", date = date.to_string(), people = people).in_lang(lang)
                };
                add(
                    by.max(from),
                    "prepare",
                    prepare(unprepared.join(", ")),
                    false,
                );
                let people = msg!("agenda-people", count = unprepared.len()).in_lang(lang);
                prepare_without_names = Some(prepare(people));
            }
        }

        if let Some(date) = date
            && !closed
            && case.plan_sent().is_none()
            && date < until
        {
            let due = add_days(date, PLAN_WITHIN).unwrap_or(date);
            let what = if case.plan.is_some() {
                msg!("agenda-send-plan").in_lang(lang)
            } else {
                msg!("agenda-record-plan").in_lang(lang)
            };
            if due < from {
                add(from, "plan", due_by(&what, due), true);
            } else if in_window(due) {
                add(due, "plan", what, false);
            }
        }

        if !closed
            && case.followup_done().is_none()
            && let Some(due) = case.followup_due(followup_days)
            && date.is_some_and(|d| d < until)
        {
            let what = msg!("agenda-followup").in_lang(lang);
            if due < from {
                add(from, "follow-up", due_by(&what, due), true);
            } else if in_window(due) {
                add(due, "follow-up", what, false);
            }
        }

        if let Some(review) = case
            .plan
            .as_ref()
            .and_then(|p| p.get_ref().review.as_ref())
            .map(|r| r.get_ref().0)
            && in_window(review)
        {
            add(review, "review", msg!("agenda-review").in_lang(lang), false);
        }
        for item in case_items.iter_mut().filter(|i| i.kind == "prepare") {
            item.what_without_names = prepare_without_names.clone();
        }
        items.extend(case_items);
    }
    let order = |kind: &str| {
        ["follow-up", "plan", "prepare", "conference", "review"]
            .iter()
            .position(|k| *k == kind)
            .unwrap_or(9)
    };
    items.sort_by(|a, b| (a.date, order(a.kind), &a.case).cmp(&(b.date, order(b.kind), &b.case)));
    items
}
