//! K3xx: dates and times: their order, durations, what is due, and what may
//! only happen after something else (a question, consent).

use std::ops::Range;

use chrono::{NaiveDate, TimeDelta};

use super::{Context, Findings, at, invited, is_invited_text};
use crate::model::{Date, PartKind, Spanned, Variant, add_days, is_blank};

/// Days after the conference within which the plan should reach everyone.
const PLAN_SENT_WITHIN_DAYS: u32 = 2;

/// K301
pub fn dates_in_order(cx: &Context, out: &mut Findings) {
    let case = cx.case;
    let request = case.request.get_ref();
    let conference = case.conference.as_ref().map(|c| c.get_ref());
    let plan = case.plan.as_ref().map(|p| p.get_ref());
    let chain: [(&str, Option<&Spanned<Date>>); 8] = [
        ("request.received", Some(&request.received)),
        (
            "coordinator.assigned",
            case.coordinator.as_ref().map(|c| &c.get_ref().assigned),
        ),
        ("request.question_agreed", request.question_agreed.as_ref()),
        ("conference.date", conference.and_then(|c| c.date.as_ref())),
        ("plan.recorded", plan.map(|p| &p.recorded)),
        ("plan.sent", plan.and_then(|p| p.sent.as_ref())),
        (
            "followup.done",
            case.followup
                .as_ref()
                .and_then(|f| f.get_ref().done.as_ref()),
        ),
        (
            "closed.date",
            case.closed.as_ref().and_then(|c| c.get_ref().date.as_ref()),
        ),
    ];
    let mut previous: Option<(&str, &Spanned<Date>)> = None;
    for (key, date) in chain {
        let Some(date) = date else { continue };
        if let Some((before_key, before)) = previous
            && date.get_ref() < before.get_ref()
        {
            out.add(
                at(date),
                format!(
                    "`{key}` ({}) is before `{before_key}` ({})",
                    date.get_ref(),
                    before.get_ref()
                ),
            );
        }
        previous = Some((key, date));
    }
    if let Some(consent) = &request.consent
        && consent.get_ref() < request.received.get_ref()
    {
        out.add(
            at(consent),
            format!(
                "`request.consent` ({}) is before `request.received` ({})",
                consent.get_ref(),
                request.received.get_ref()
            ),
        );
    }
    if let Some(date) = conference.and_then(|c| c.date.as_ref()) {
        if let Some(reply_by) = conference.and_then(|c| c.reply_by.as_ref())
            && reply_by.get_ref() > date.get_ref()
        {
            out.add(
                at(reply_by),
                format!(
                    "`conference.reply_by` ({}) is after `conference.date` ({})",
                    reply_by.get_ref(),
                    date.get_ref()
                ),
            );
        }
        for p in &case.participants {
            let p = p.get_ref();
            if let Some(prepared) = &p.prepared
                && prepared.get_ref() > date.get_ref()
            {
                out.add(
                    at(prepared),
                    format!(
                        "{} was prepared on {}, after the conference on {}",
                        p.name.get_ref(),
                        prepared.get_ref(),
                        date.get_ref()
                    ),
                );
            }
        }
    }
}

/// K302
pub fn times_consistent(cx: &Context, out: &mut Findings) {
    let Some(conference) = &cx.case.conference else {
        return;
    };
    let conference = conference.get_ref();
    let start = conference.start.as_ref().map(|t| *t.get_ref());
    let end = conference.end.as_ref().map(|t| *t.get_ref());
    if let (Some(s), Some(e), Some(end_span)) = (start, end, &conference.end)
        && e <= s
    {
        out.add(
            at(end_span),
            format!("the conference ends at {e}, not after its start at {s}"),
        );
    }
    let mut last_rank: Option<(usize, PartKind)> = None;
    let mut previous_end: Option<crate::model::Time> = None;
    for part in &conference.parts {
        let part = part.get_ref();
        let kind = *part.kind.get_ref();
        let part_start = part.start.as_ref().map(|t| *t.get_ref());
        let part_end = part.end.as_ref().map(|t| *t.get_ref());
        if let Some(rank) = classic_rank(kind) {
            if let Some((last, last_kind)) = last_rank
                && rank <= last
            {
                let message = if rank == last {
                    format!("the part `{}` is listed twice", kind.as_str())
                } else {
                    format!(
                        "the part `{}` is listed after `{}`; parts go information, family-time, plan",
                        kind.as_str(),
                        last_kind.as_str()
                    )
                };
                out.add(at(&part.kind), message);
            }
            last_rank = Some((rank, kind));
        }
        if let (Some(s), Some(e), Some(span)) = (part_start, part_end, &part.end)
            && e <= s
        {
            out.add(
                at(span),
                format!(
                    "the part `{}` ends at {e}, not after its start at {s}",
                    kind.as_str()
                ),
            );
        }
        if let (Some(s), Some(cs), Some(span)) = (part_start, start, &part.start)
            && s < cs
        {
            out.add(
                at(span),
                format!(
                    "the part `{}` starts at {s}, before the conference starts at {cs}",
                    kind.as_str()
                ),
            );
        }
        if let (Some(e), Some(ce), Some(span)) = (part_end, end, &part.end)
            && e > ce
        {
            out.add(
                at(span),
                format!(
                    "the part `{}` ends at {e}, after the conference ends at {ce}",
                    kind.as_str()
                ),
            );
        }
        if let (Some(s), Some(pe), Some(span)) = (part_start, previous_end, &part.start)
            && s < pe
        {
            out.add(
                at(span),
                format!(
                    "the part `{}` starts at {s}, before the previous part ends at {pe}",
                    kind.as_str()
                ),
            );
        }
        previous_end = part_end.or(part_start);
    }
}

fn classic_rank(kind: PartKind) -> Option<usize> {
    [PartKind::Information, PartKind::FamilyTime, PartKind::Plan]
        .iter()
        .position(|k| *k == kind)
}

/// K303
pub fn learning_within_two_hours(cx: &Context, out: &mut Findings) {
    if cx.case.variant() != Variant::Learning {
        return;
    }
    let Some(conference) = &cx.case.conference else {
        return;
    };
    let conference = conference.get_ref();
    if let (Some(start), Some(end)) = (&conference.start, &conference.end) {
        let length = end.get_ref().0 - start.get_ref().0;
        if length > TimeDelta::hours(2) {
            out.add(
                at(end),
                format!(
                    "the conference lasts {} h {:02} min ({} to {}); a learning conference takes at most 2 hours",
                    length.num_hours(),
                    length.num_minutes() % 60,
                    start.get_ref(),
                    end.get_ref()
                ),
            );
        }
    }
}

fn conference_date_span(cx: &Context) -> Option<(NaiveDate, Range<usize>)> {
    let date = cx.case.conference.as_ref()?.get_ref().date.as_ref()?;
    Some((date.get_ref().0, at(date)))
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

/// K305
pub fn plan_recorded_after_conference(cx: &Context, out: &mut Findings) {
    let Some((date, span)) = conference_date_span(cx) else {
        return;
    };
    if date < cx.today && cx.case.plan.is_none() && cx.case.closed.is_none() {
        out.add(
            span,
            format!("the conference was on {date} and no plan is recorded"),
        );
    }
}

/// K306
pub fn plan_sent_in_time(cx: &Context, out: &mut Findings) {
    let Some((date, span)) = conference_date_span(cx) else {
        return;
    };
    let Some(deadline) = add_days(date, PLAN_SENT_WITHIN_DAYS) else {
        return;
    };
    let sent = cx
        .case
        .plan
        .as_ref()
        .and_then(|p| p.get_ref().sent.as_ref());
    match sent {
        Some(sent) if sent.get_ref().0 > deadline => out.add(
            at(sent),
            format!(
                "the plan was sent on {}, more than {PLAN_SENT_WITHIN_DAYS} days after the conference on {date}",
                sent.get_ref()
            ),
        ),
        None if !cx.case.is_closed() && cx.today > deadline => out.add(
            span,
            format!("the conference was on {date} and the plan has not been sent yet"),
        ),
        _ => {}
    }
}

/// K307
pub fn followup_on_time(cx: &Context, out: &mut Findings) {
    let Some((_, span)) = conference_date_span(cx) else {
        return;
    };
    let Some(due) = cx.case.followup_due(cx.settings.followup_days) else {
        return;
    };
    if cx.today > due && !cx.case.is_closed() {
        out.add(
            span,
            format!("the follow-up was due on {due} and is not recorded as done"),
        );
    }
}

/// K308
pub fn plan_has_conference_date(cx: &Context, out: &mut Findings) {
    if let Some(plan) = &cx.case.plan
        && cx.case.conference_date().is_none()
    {
        out.add(
            at(plan),
            "a plan is recorded, but the conference has no date",
        );
    }
}

/// K309
pub fn conference_has_location(cx: &Context, out: &mut Findings) {
    let Some(conference) = &cx.case.conference else {
        return;
    };
    let conference = conference.get_ref();
    let Some(date) = &conference.date else {
        return;
    };
    if is_blank(conference.location.as_ref().map(|l| l.get_ref().as_str())) {
        let span = conference.location.as_ref().map_or_else(|| at(date), at);
        out.add(
            span,
            format!(
                "the conference is on {} but has no location",
                date.get_ref()
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

/// K311
pub fn retention(cx: &Context, out: &mut Findings) {
    let case = cx.case;
    let Some(closing) = case.closing_date() else {
        return;
    };
    let Some(keep_until) = add_days(closing, cx.settings.retention_days) else {
        return;
    };
    if cx.today <= keep_until || !holds_names(cx) {
        return;
    }
    let span = match (&case.closed, &case.followup) {
        (Some(closed), _) => at(closed),
        (None, Some(followup)) => at(followup),
        (None, None) => at(&case.id),
    };
    out.add(
        span,
        format!(
            "the case closed on {closing}; its personal data could be kept until {keep_until} (retention_days = {})",
            cx.settings.retention_days
        ),
    );
}

/// Whether the case still holds a name that is not an anonymised label.
fn holds_names(cx: &Context) -> bool {
    let coordinator_named = cx.case.coordinator.as_ref().is_some_and(|c| {
        let name = c.get_ref().name.get_ref();
        !name.trim().is_empty() && !crate::model::is_anonymised_coordinator(name)
    });
    coordinator_named
        || cx
            .case
            .participants
            .iter()
            .any(|p| !crate::model::is_anonymised_label(p.get_ref().name.get_ref()))
}
