//! Rules about the plan: agreements, acceptance, and what a plan must hold.

use super::{Context, Findings, at};
use crate::model::{PartKind, Role, Variant, is_blank};

/// K401
pub fn agreements_complete(cx: &Context, out: &mut Findings) {
    let Some(plan) = &cx.case.plan else { return };
    for agreement in &plan.get_ref().agreements {
        let agreement = agreement.get_ref();
        if is_blank(Some(agreement.what.get_ref())) {
            out.add(
                at(&agreement.what),
                "this agreement does not say what is agreed",
            );
        }
        if agreement.who.get_ref().is_empty() {
            out.add(
                at(&agreement.who),
                "this agreement does not say who does it",
            );
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
        out.add(
            at(compulsory),
            "help is compulsory, but no `request.acceptor` is named to accept the plan",
        );
        return;
    };
    let acceptor_id = acceptor.get_ref().as_str();
    if let Some(p) = cx.participant(acceptor_id) {
        let plan_part = if case.part_kinds().contains(&PartKind::Plan) {
            PartKind::Plan
        } else {
            PartKind::Conversation
        };
        let problem = if p.role() != Role::Professional {
            Some(format!(
                "is a {} participant, not a professional",
                p.role().as_str()
            ))
        } else if p.declined() {
            Some("has declined".to_string())
        } else if !p.attends(plan_part) {
            Some(format!("does not attend the `{}` part", plan_part.as_str()))
        } else {
            None
        };
        if let Some(problem) = problem {
            out.add(
                at(acceptor),
                format!("the acceptor {} {problem}", p.name.get_ref()),
            );
        }
    }
    let Some(plan) = &case.plan else { return };
    match &plan.get_ref().acceptance {
        None => out.add(
            at(plan),
            format!("help is compulsory, but the plan has no [plan.acceptance] by `{acceptor_id}`"),
        ),
        Some(acceptance) => {
            let by = &acceptance.get_ref().by;
            if by.get_ref() != acceptor_id {
                out.add(
                    at(by),
                    format!(
                        "the plan was accepted by `{}`, not by the acceptor `{acceptor_id}`",
                        by.get_ref()
                    ),
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
                    format!(
                        "this agreement names {}, who declined to take part",
                        p.name.get_ref()
                    ),
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
    if !missing.is_empty() {
        out.add(
            at(plan),
            format!("the learning plan has no `{}`", missing.join("` and no `")),
        );
    }
}

/// K405
pub fn plan_has_contingency_and_review(cx: &Context, out: &mut Findings) {
    let Some(plan) = &cx.case.plan else { return };
    let p = plan.get_ref();
    let mut missing = Vec::new();
    if is_blank(p.contingency.as_deref()) {
        missing.push("`contingency` (what happens if things go differently)");
    }
    if p.review.is_none() {
        missing.push("`review` date");
    }
    if !missing.is_empty() {
        out.add(
            at(plan),
            format!("the plan has no {}", missing.join(" and no ")),
        );
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
        out.add(
            at(&acceptance.accepted),
            "the plan was not accepted, and no `reason` is given",
        );
    }
}
