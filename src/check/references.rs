//! K1xx: ids and references inside a case.

use std::collections::HashSet;

use super::{Context, Findings, at};
use crate::model::Spanned;
use crate::msg;

/// K101
pub fn unique_participant_ids(cx: &Context, out: &mut Findings) {
    let mut seen = HashSet::new();
    for p in &cx.case.participants {
        let p = p.get_ref();
        if !seen.insert(p.id()) {
            out.add(at(&p.id), msg!("K101-twice", id = p.id()));
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
                msg!("K102-unknown", key = key, id = reference.get_ref()),
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
