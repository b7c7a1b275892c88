//! K2xx: who takes part, by variant and role, and whether they can: reached,
//! prepared, understood, and met by an independent coordinator.

use std::collections::HashSet;

use chrono::Days;

use super::{Context, Findings, at, invited, status_arg};
use crate::model::{PartKind, Participant, Role, Variant};
use crate::msg;

fn has_role(cx: &Context, role: Role) -> bool {
    cx.case
        .participants
        .iter()
        .any(|p| p.get_ref().role() == role)
}

/// K201
pub fn has_central(cx: &Context, out: &mut Findings) {
    let variant = cx.case.variant();
    if matches!(variant, Variant::Family | Variant::Learning) && !has_role(cx, Role::Central) {
        out.add(
            at(&cx.case.variant),
            msg!("K201-no-central", variant = variant.as_str()),
        );
    }
}

/// K202
pub fn restorative_sides(cx: &Context, out: &mut Findings) {
    if cx.case.variant() != Variant::Restorative {
        return;
    }
    let missing: Vec<&str> = [Role::Harmed, Role::Responsible]
        .into_iter()
        .filter(|role| !has_role(cx, *role))
        .map(Role::as_str)
        .collect();
    if !missing.is_empty() {
        out.add(
            at(&cx.case.variant),
            match missing.as_slice() {
                [one] => msg!("K202-missing", role = *one),
                _ => msg!("K202-both"),
            },
        );
    }
}

/// K203
pub fn has_school(cx: &Context, out: &mut Findings) {
    if cx.case.variant() == Variant::Learning && !has_role(cx, Role::School) {
        out.add(at(&cx.case.variant), msg!("K203-no-school"));
    }
}

/// K204
pub fn pupil_age(cx: &Context, out: &mut Findings) {
    if cx.case.variant() != Variant::Learning {
        return;
    }
    let on = cx.case.conference_date().unwrap_or(cx.today);
    for p in &cx.case.participants {
        let p = p.get_ref();
        // An anonymised pupil's birth date is gone on purpose.
        if p.role() != Role::Central || crate::model::is_anonymised_label(p.name.get_ref()) {
            continue;
        }
        match &p.born {
            None => out.add(at(&p.id), msg!("K204-no-born", name = p.name.get_ref())),
            Some(born) => {
                let age = on.years_since(born.get_ref().0);
                if !age.is_some_and(|age| (4..=19).contains(&age)) {
                    let name = p.name.get_ref();
                    let message = match age {
                        Some(age) => msg!("K204-age", name = name, age = age, date = on),
                        None => msg!("K204-unborn", name = name, date = on),
                    };
                    out.add(at(born), message);
                }
            }
        }
    }
}

/// K205
pub fn family_time_without_professionals(cx: &Context, out: &mut Findings) {
    if !cx.case.part_kinds().contains(&PartKind::FamilyTime) {
        return;
    }
    for p in &cx.case.participants {
        let p = p.get_ref();
        if p.role().is_professional() && p.attends(PartKind::FamilyTime) {
            let span = p.parts.as_ref().map_or_else(|| at(&p.role), at);
            out.add(
                span,
                msg!(
                    "K205-family-time",
                    name = p.name.get_ref(),
                    role = p.role().as_str()
                ),
            );
        }
    }
}

/// K210
pub fn pupil_invites(cx: &Context, out: &mut Findings) {
    if cx.case.variant() != Variant::Learning {
        return;
    }
    let pupils: HashSet<&str> = cx
        .case
        .participants
        .iter()
        .map(|p| p.get_ref())
        .filter(|p| p.role() == Role::Central)
        .map(|p| p.id())
        .collect();
    for p in &cx.case.participants {
        let p = p.get_ref();
        if matches!(p.role(), Role::Central | Role::School) {
            continue;
        }
        if let Some(by) = &p.invited_by
            && !pupils.contains(by.get_ref().as_str())
        {
            out.add(
                at(by),
                msg!(
                    "K210-invited-by",
                    name = p.name.get_ref(),
                    by = by.get_ref()
                ),
            );
        }
    }
}

/// K211
pub fn circle_is_wide(cx: &Context, out: &mut Findings) {
    let Some(date) = cx
        .case
        .conference
        .as_ref()
        .and_then(|c| c.get_ref().date.as_ref())
    else {
        return;
    };
    let circle = cx
        .case
        .attendees()
        .filter(|p| !p.role().is_professional())
        .count();
    if circle < 3 {
        out.add(at(date), msg!("K211-small", people = circle));
    }
}

/// K206
pub fn invited_can_be_reached(cx: &Context, out: &mut Findings) {
    // An anonymised participant's contact details are gone on purpose.
    let unreachable =
        |p: &Participant| !p.has_contact() && !crate::model::is_anonymised_label(p.name.get_ref());
    for (p, status) in invited(cx).filter(|(p, _)| unreachable(p)) {
        out.add(
            at(status),
            msg!(
                "K206-unreachable",
                name = p.name.get_ref(),
                status = status_arg(status)
            ),
        );
    }
}

/// K207
pub fn prepared_in_time(cx: &Context, out: &mut Findings) {
    let Some(date) = cx.case.conference_date() else {
        return;
    };
    let near = cx
        .today
        .checked_add_days(Days::new(7))
        .is_none_or(|limit| date <= limit);
    if !near {
        return;
    }
    for p in &cx.case.participants {
        let p = p.get_ref();
        if !p.declined() && p.prepared.is_none() {
            out.add(
                at(&p.id),
                msg!("K207-unprepared", name = p.name.get_ref(), date = date),
            );
        }
    }
}

/// K208
pub fn coordinator_independent(cx: &Context, out: &mut Findings) {
    let Some(coordinator) = &cx.case.coordinator else {
        return;
    };
    let coordinator = coordinator.get_ref();
    if !*coordinator.independent.get_ref() {
        out.add(at(&coordinator.independent), msg!("K208-not-declared"));
    }
    let Some(own) = &coordinator.organisation else {
        return;
    };
    let own_key = own.get_ref().trim().to_lowercase();
    if own_key.is_empty() {
        return;
    }
    for p in &cx.case.participants {
        let p = p.get_ref();
        if let Some(org) = &p.organisation
            && org.get_ref().trim().to_lowercase() == own_key
        {
            out.add(
                at(org),
                msg!(
                    "K208-same-organisation",
                    name = p.name.get_ref(),
                    organisation = org.get_ref().trim()
                ),
            );
        }
    }
}

/// K209
pub fn languages_covered(cx: &Context, out: &mut Findings) {
    let case = cx.case;
    let Some(spoken) = case.coordinator_languages() else {
        return;
    };
    if case
        .attendees()
        .any(|p| p.role() == crate::model::Role::Interpreter)
    {
        return;
    }
    for p in case.attendees() {
        let language = case.language_of(p, &cx.settings.language);
        if spoken.contains(&language) {
            continue;
        }
        let span = p
            .language
            .as_ref()
            .or(case.language.as_ref())
            .map_or_else(|| at(&p.id), at);
        out.add(
            span,
            msg!(
                "K209-language",
                name = p.name.get_ref(),
                language = language,
                spoken = spoken.join(", ")
            ),
        );
    }
}

/// K212
pub fn translations_present(cx: &Context, out: &mut Findings) {
    let case = cx.case;
    let has_text = case
        .request
        .get_ref()
        .question
        .as_ref()
        .is_some_and(|q| !q.get_ref().trim().is_empty())
        || case
            .conference
            .as_ref()
            .is_some_and(|c| !c.get_ref().arrangements.is_empty());
    if !has_text {
        return;
    }
    let own = case
        .language
        .as_ref()
        .map_or(cx.settings.language.as_str(), |l| l.get_ref().as_str());
    let mut reported = HashSet::new();
    for p in case.attendees() {
        let language = case.language_of(p, &cx.settings.language);
        if language == own || case.translations.contains_key(language) || !reported.insert(language)
        {
            continue;
        }
        let span = p.language.as_ref().map_or_else(|| at(&p.id), at);
        out.add(
            span,
            msg!(
                "K212-translation",
                name = p.name.get_ref(),
                language = language
            ),
        );
    }
}

/// Words a relation starts with when the person is a parent (of the
/// central person, whom a child in the circle usually shares).
const PARENT_WORDS: &[&str] = &[
    "moeder",
    "vader",
    "ouder",
    "mama",
    "papa",
    "pleegmoeder",
    "pleegvader",
    "pleegouder",
    "stiefmoeder",
    "stiefvader",
    "mother",
    "father",
    "parent",
    "mum",
    "mom",
    "dad",
    "stepmother",
    "stepfather",
];

fn is_parent(p: &Participant) -> bool {
    p.relation.as_deref().is_some_and(|r| {
        let first = r
            .split(|c: char| !c.is_alphabetic())
            .find(|w| !w.is_empty())
            .unwrap_or("")
            .to_lowercase();
        PARENT_WORDS.contains(&first.as_str())
    })
}

/// K213
pub fn child_has_supporter(cx: &Context, out: &mut Findings) {
    let case = cx.case;
    if case.attendees().any(|p| p.role() == Role::Supporter) {
        return;
    }
    let on = case.conference_date().unwrap_or(cx.today);
    for p in case.attendees() {
        if !p.is_child_on(Some(on)) {
            continue;
        }
        let Some(by) = &p.invited_by else { continue };
        let Some(inviter) = cx.participant(by.get_ref()) else {
            continue;
        };
        if inviter.id() == p.id() || inviter.role() == Role::Central || is_parent(inviter) {
            continue;
        }
        out.add(
            at(by),
            msg!(
                "K213-child",
                name = p.name.get_ref(),
                by = inviter.name.get_ref()
            ),
        );
    }
}

/// K214
pub fn emails_are_addresses(cx: &Context, out: &mut Findings) {
    for p in &cx.case.participants {
        let p = p.get_ref();
        // As for K206: an anonymised participant's details are gone on purpose.
        let Some(email) = p
            .email
            .as_ref()
            .filter(|_| !crate::model::is_anonymised_label(p.name.get_ref()))
        else {
            continue;
        };
        let text = email.get_ref().trim();
        // An empty address is no address; K206 says when someone cannot
        // be reached at all.
        if !text.is_empty() && text.parse::<lettre::Address>().is_err() {
            out.add(at(email), msg!("K214-address", email = text));
        }
    }
}
