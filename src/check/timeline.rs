//! K3xx: dates and times: their order, durations, what is due, and what may
//! only happen after something else (a question, consent).

use std::ops::Range;

use chrono::{NaiveDate, TimeDelta};

use super::{Context, Findings, at, invited, status_arg};
use crate::model::{Date, PartKind, Spanned, Variant, add_days, is_blank};
use crate::msg;

/// Days after the conference within which the plan should reach everyone.
const PLAN_SENT_WITHIN_DAYS: u32 = 2;

/// K301
pub fn dates_in_order(cx: &Context, out: &mut Findings) {
    let case = cx.case;
    let request = case.request.get_ref();
    let conference = case.conference.as_ref().map(|c| c.get_ref());
    let plan = case.plan.as_ref().map(|p| p.get_ref());
    // A conference called off before it was held keeps its planned date
    // (the cancellation message names it); the case may close before it.
    let called_off = plan.is_none()
        && case.closed.as_ref().is_some_and(|c| {
            matches!(
                c.get_ref().reason,
                Some(
                    crate::model::ClosingReason::Cancelled | crate::model::ClosingReason::Withdrawn
                )
            )
        });
    let chain: [(&str, Option<&Spanned<Date>>); 8] = [
        ("request.received", Some(&request.received)),
        (
            "coordinator.assigned",
            case.coordinator.as_ref().map(|c| &c.get_ref().assigned),
        ),
        ("request.question_agreed", request.question_agreed.as_ref()),
        (
            "conference.date",
            conference
                .and_then(|c| c.date.as_ref())
                .filter(|_| !called_off),
        ),
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
                msg!(
                    "K301-before",
                    key = key,
                    date = date.get_ref().0,
                    other = before_key,
                    other_date = before.get_ref().0
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
            msg!(
                "K301-before",
                key = "request.consent",
                date = consent.get_ref().0,
                other = "request.received",
                other_date = request.received.get_ref().0
            ),
        );
    }
    if let Some(date) = conference.and_then(|c| c.date.as_ref()) {
        if let Some(reply_by) = conference.and_then(|c| c.reply_by.as_ref())
            && reply_by.get_ref() > date.get_ref()
        {
            out.add(
                at(reply_by),
                msg!(
                    "K301-reply-by",
                    date = reply_by.get_ref().0,
                    conference = date.get_ref().0
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
                    msg!(
                        "K301-prepared",
                        name = p.name.get_ref(),
                        date = prepared.get_ref().0,
                        conference = date.get_ref().0
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
            msg!(
                "K302-conference-end",
                end = e.to_string(),
                start = s.to_string()
            ),
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
                    msg!("K302-twice", part = kind.as_str())
                } else {
                    msg!(
                        "K302-order",
                        part = kind.as_str(),
                        previous = last_kind.as_str()
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
                msg!(
                    "K302-part-end",
                    part = kind.as_str(),
                    end = e.to_string(),
                    start = s.to_string()
                ),
            );
        }
        if let (Some(s), Some(cs), Some(span)) = (part_start, start, &part.start)
            && s < cs
        {
            out.add(
                at(span),
                msg!(
                    "K302-part-early",
                    part = kind.as_str(),
                    start = s.to_string(),
                    conference = cs.to_string()
                ),
            );
        }
        if let (Some(e), Some(ce), Some(span)) = (part_end, end, &part.end)
            && e > ce
        {
            out.add(
                at(span),
                msg!(
                    "K302-part-late",
                    part = kind.as_str(),
                    end = e.to_string(),
                    conference = ce.to_string()
                ),
            );
        }
        if let (Some(s), Some(pe), Some(span)) = (part_start, previous_end, &part.start)
            && s < pe
        {
            out.add(
                at(span),
                msg!(
                    "K302-overlap",
                    part = kind.as_str(),
                    start = s.to_string(),
                    previous = pe.to_string()
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
                msg!(
                    "K303-long",
                    hours = length.num_hours().unsigned_abs(),
                    minutes = format!("{:02}", length.num_minutes() % 60),
                    start = start.get_ref().to_string(),
                    end = end.get_ref().to_string()
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
            msg!(
                "K304-no-question",
                name = p.name.get_ref(),
                status = status_arg(status)
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
        out.add(span, msg!("K305-no-plan", date = date));
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
            msg!(
                "K306-late",
                sent = sent.get_ref().0,
                days = PLAN_SENT_WITHIN_DAYS,
                date = date
            ),
        ),
        None if !cx.case.is_closed() && cx.today > deadline => {
            out.add(span, msg!("K306-not-sent", date = date))
        }
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
        out.add(span, msg!("K307-overdue", due = due));
    }
}

/// K308
pub fn plan_has_conference_date(cx: &Context, out: &mut Findings) {
    if let Some(plan) = &cx.case.plan
        && cx.case.conference_date().is_none()
    {
        out.add(at(plan), msg!("K308-no-date"));
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
        out.add(span, msg!("K309-no-location", date = date.get_ref().0));
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
            msg!(
                "K310-no-consent",
                name = p.name.get_ref(),
                status = status_arg(status)
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
    out.add_with_help(
        span,
        msg!(
            "K311-kept",
            closed = closing,
            until = keep_until,
            days = cx.settings.retention_days
        ),
        msg!("K311-anonymise", id = case.id()),
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
