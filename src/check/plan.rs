//! Rules about the plan: agreements, acceptance, and what a plan must hold.

use super::{Context, Findings, at};
use crate::model::{PartKind, Role, Variant, is_blank};
use crate::msg;

/// K401
pub fn agreements_complete(cx: &Context, out: &mut Findings) {
    let Some(plan) = &cx.case.plan else { return };
    for agreement in &plan.get_ref().agreements {
        let agreement = agreement.get_ref();
        if is_blank(Some(agreement.what.get_ref())) {
            out.add(at(&agreement.what), msg!("K401-what"));
        }
        if agreement.who.get_ref().is_empty() {
            out.add(at(&agreement.who), msg!("K401-who"));
        }
    }
}

/// K402
pub fn compulsory_help_accepted(cx: &Context, out: &mut Findings) {
    let case = cx.case;
    let request = case.request.get_ref();
    let Some(compulsory) = request.compulsory.as_ref().filter(|c| *c.get_ref()) else {
        return;
    };
    let Some(acceptor) = &request.acceptor else {
        out.add(at(compulsory), msg!("K402-no-acceptor"));
        return;
    };
    let acceptor_id = acceptor.get_ref().as_str();
    if let Some(p) = cx.participant(acceptor_id) {
        let plan_part = if case.part_kinds().contains(&PartKind::Plan) {
            PartKind::Plan
        } else {
            PartKind::Conversation
        };
        let name = p.name.get_ref();
        let problem = if p.role() != Role::Professional {
            Some(msg!(
                "K402-not-professional",
                name = name,
                role = p.role().as_str()
            ))
        } else if p.declined() {
            Some(msg!("K402-declined", name = name))
        } else if !p.attends(plan_part) {
            Some(msg!("K402-absent", name = name, part = plan_part.as_str()))
        } else {
            None
        };
        if let Some(problem) = problem {
            out.add(at(acceptor), problem);
        }
    }
    let Some(plan) = &case.plan else { return };
    match &plan.get_ref().acceptance {
        None => out.add(at(plan), msg!("K402-no-acceptance", id = acceptor_id)),
        Some(acceptance) => {
            let by = &acceptance.get_ref().by;
            if by.get_ref() != acceptor_id {
                out.add(
                    at(by),
                    msg!("K402-other", by = by.get_ref(), id = acceptor_id),
                );
            }
        }
    }
}

/// K403
pub fn agreements_name_attendees(cx: &Context, out: &mut Findings) {
    let Some(plan) = &cx.case.plan else { return };
    for agreement in &plan.get_ref().agreements {
        let agreement = agreement.get_ref();
        let named = agreement
            .who
            .get_ref()
            .iter()
            .chain(agreement.checks.as_ref());
        for reference in named {
            if let Some(p) = cx.participant(reference.get_ref())
                && p.declined()
            {
                out.add(
                    at(reference),
                    msg!("K403-declined", name = p.name.get_ref()),
                );
            }
        }
    }
}

/// K404
pub fn learning_plan_complete(cx: &Context, out: &mut Findings) {
    if cx.case.variant() != Variant::Learning {
        return;
    }
    let Some(plan) = &cx.case.plan else { return };
    let empty = |list: &Option<Vec<String>>| {
        list.as_ref()
            .is_none_or(|items| items.iter().all(|i| i.trim().is_empty()))
    };
    let missing: Vec<&str> = [
        ("strengths", &plan.get_ref().strengths),
        ("goals", &plan.get_ref().goals),
    ]
    .into_iter()
    .filter(|(_, list)| empty(list))
    .map(|(key, _)| key)
    .collect();
    match missing.as_slice() {
        [] => {}
        [one] => out.add(at(plan), msg!("K404-missing", key = *one)),
        _ => out.add(at(plan), msg!("K404-both")),
    }
}

/// K405
pub fn plan_has_contingency_and_review(cx: &Context, out: &mut Findings) {
    let Some(plan) = &cx.case.plan else { return };
    let p = plan.get_ref();
    match (is_blank(p.contingency.as_deref()), p.review.is_none()) {
        (false, false) => {}
        (true, false) => out.add(at(plan), msg!("K405-contingency")),
        (false, true) => out.add(at(plan), msg!("K405-review")),
        (true, true) => out.add(at(plan), msg!("K405-both")),
    }
}

/// K406
pub fn refusal_has_reason(cx: &Context, out: &mut Findings) {
    let Some(plan) = &cx.case.plan else { return };
    let Some(acceptance) = &plan.get_ref().acceptance else {
        return;
    };
    let acceptance = acceptance.get_ref();
    if !*acceptance.accepted.get_ref() && is_blank(acceptance.reason.as_deref()) {
        out.add(at(&acceptance.accepted), msg!("K406-no-reason"));
    }
}
