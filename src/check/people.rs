//! Rules about participants and the coordinator: ids, references, reachability,
//! preparation, independence, language, invitations.

use std::collections::HashSet;

use chrono::Days;

use super::{Context, Findings, at};
use crate::model::{Participant, Spanned, Status, is_blank, is_valid_id};

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

/// K101
pub fn unique_participant_ids(cx: &Context, out: &mut Findings) {
    let mut seen = HashSet::new();
    for p in &cx.case.participants {
        let p = p.get_ref();
        if !seen.insert(p.id()) {
            out.add(
                at(&p.id),
                format!("participant id `{}` is used twice in this case", p.id()),
            );
        }
    }
}

/// K102
pub fn references_resolve(cx: &Context, out: &mut Findings) {
    let case = cx.case;
    let mut check = |reference: &Spanned<String>, key: &str| {
        if cx.participant(reference.get_ref()).is_none() {
            out.add(
                at(reference),
                format!(
                    "`{key}` names `{}`, who is not a participant of this case",
                    reference.get_ref()
                ),
            );
        }
    };
    for p in &case.participants {
        let p = p.get_ref();
        if let Some(by) = &p.invited_by {
            check(by, "invited_by");
        }
        for avoided in &p.avoid {
            check(avoided, "avoid");
        }
    }
    if let Some(acceptor) = &case.request.get_ref().acceptor {
        check(acceptor, "request.acceptor");
    }
    if let Some(plan) = &case.plan {
        let plan = plan.get_ref();
        for agreement in &plan.agreements {
            let agreement = agreement.get_ref();
            for who in agreement.who.get_ref() {
                check(who, "plan.agreement.who");
            }
            if let Some(checks) = &agreement.checks {
                check(checks, "plan.agreement.checks");
            }
        }
        if let Some(acceptance) = &plan.acceptance {
            check(&acceptance.get_ref().by, "plan.acceptance.by");
        }
    }
    if let Some(followup) = &case.followup {
        for contacted in &followup.get_ref().contacted {
            check(contacted, "followup.contacted");
        }
    }
}

/// Participants who were invited or confirmed, with their `status` value.
fn invited<'a>(cx: &Context<'a>) -> impl Iterator<Item = (&'a Participant, &'a Spanned<Status>)> {
    cx.case.participants.iter().filter_map(|p| {
        let p = p.get_ref();
        let status = p.status.as_ref()?;
        p.is_invited().then_some((p, status))
    })
}

/// "Sam de Vries is invited"
fn is_invited_text(p: &Participant, status: &Spanned<Status>) -> String {
    format!("{} is {}", p.name.get_ref(), status.get_ref().as_str())
}

/// K206
pub fn invited_can_be_reached(cx: &Context, out: &mut Findings) {
    // An anonymised participant's contact details are gone on purpose.
    let unreachable =
        |p: &Participant| !p.has_contact() && !crate::model::is_anonymised_label(p.name.get_ref());
    for (p, status) in invited(cx).filter(|(p, _)| unreachable(p)) {
        out.add(
            at(status),
            format!(
                "{} but has no email, phone or address",
                is_invited_text(p, status)
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
                format!(
                    "{} has not been prepared, and the conference is on {date}",
                    p.name.get_ref()
                ),
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
        out.add(
            at(&coordinator.independent),
            "the coordinator has not declared independence (`independent` is not true)",
        );
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
                format!(
                    "{} works for `{}`, the coordinator's own organisation",
                    p.name.get_ref(),
                    org.get_ref().trim()
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
            format!(
                "{} speaks `{language}`, which the coordinator does not ({}), and no interpreter takes part",
                p.name.get_ref(),
                spoken.join(", ")
            ),
        );
    }
}

/// K304
pub fn question_before_invitation(cx: &Context, out: &mut Findings) {
    let question = cx.case.request.get_ref().question.as_ref();
    if !is_blank(question.map(|q| q.get_ref().as_str())) {
        return;
    }
    for (p, status) in invited(cx) {
        out.add(
            at(status),
            format!(
                "{}, but the request has no question yet",
                is_invited_text(p, status)
            ),
        );
    }
}

/// K310
pub fn consent_before_invitation(cx: &Context, out: &mut Findings) {
    if cx.case.request.get_ref().consent.is_some() {
        return;
    }
    for (p, status) in invited(cx) {
        out.add(
            at(status),
            format!(
                "{}, but no consent to the conference is recorded",
                is_invited_text(p, status)
            ),
        );
    }
}
