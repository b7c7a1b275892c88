//! The letters by post (`kring letters`): the messages [`due`] says go by
//! post, handed to `render::letters` to print, and their record.
//!
//! Two things differ from email: a reminder is not posted (it would arrive
//! on the day or after; PostNL delivers in one or two working days), and a
//! plan whose `plan.sent` is set is not posted again (the plan went to
//! everyone before `[[sent]]` recorded it).
//!
//! [`due`]: super::due

use chrono::NaiveDate;

use super::CasePlan;
use super::due::Unreach;
use crate::edit::record::{Change, Entry};
use crate::model::{SentState, SentWhat, Via};
use crate::render::letters::{CaseLetters, Post, Wanted, Why};

/// What each case has to go by post.
pub fn wanted<'a>(plans: &'a [CasePlan<'a>]) -> Vec<Wanted<'a>> {
    plans.iter().map(wanted_of).collect()
}

fn wanted_of<'a>(plan: &'a CasePlan<'a>) -> Wanted<'a> {
    let plan_sent = plan.case.plan_sent();
    let mut wanted = Wanted {
        case: plan.case,
        file: &plan.loaded.file.rel,
        path: &plan.loaded.file.path,
        errors: plan.errors > 0,
        letters: Vec::new(),
        skipped: Vec::new(),
        plan_complete: false,
    };
    for d in plan.due.due.iter().filter(|d| d.via == Via::Post) {
        match (d.what, plan_sent) {
            (SentWhat::Reminder, _) => wanted.skipped.push((d.participant, d.what, Why::Reminder)),
            (SentWhat::Plan, Some(date)) => {
                wanted
                    .skipped
                    .push((d.participant, d.what, Why::PlanSent { date }))
            }
            _ => wanted.letters.push(Post {
                participant: d.participant,
                what: d.what,
                version: d.version.clone(),
            }),
        }
    }
    for u in &plan.due.unreachable {
        let posted_before = u.what == SentWhat::Plan && plan_sent.is_some();
        if u.reason == Unreach::NoAddress && u.what != SentWhat::Reminder && !posted_before {
            wanted.skipped.push((u.participant, u.what, Why::NoAddress));
        }
    }
    // The plan is sent to all once the last who wait for it get it by post.
    let by_post = wanted.letters.iter().any(|l| l.what == SentWhat::Plan);
    let by_email = plan
        .due
        .due
        .iter()
        .any(|d| d.what == SentWhat::Plan && d.via == Via::Email);
    let unreachable = plan
        .due
        .unreachable
        .iter()
        .any(|u| u.what == SentWhat::Plan);
    wanted.plan_complete = by_post && !by_email && !unreachable && plan_sent.is_none();
    wanted
}

/// The record of a case's letters: each sent by post today, a proposed
/// participant invited, and `plan.sent` once everyone has the plan.
pub fn changes(case: &CaseLetters, today: NaiveDate) -> Vec<Change> {
    let mut changes = Vec::new();
    for l in &case.letters {
        changes.push(Change::Add(Entry {
            to: l.to.clone(),
            what: l.what,
            via: Via::Post,
            date: today,
            version: l.version.clone(),
            state: SentState::Sent,
            answer: None,
        }));
        if matches!(l.what, SentWhat::Invitation | SentWhat::Update) {
            changes.push(Change::Invited {
                participant: l.to.clone(),
            });
        }
    }
    if case.plan_complete {
        changes.push(Change::PlanSent { date: today });
    }
    changes
}
