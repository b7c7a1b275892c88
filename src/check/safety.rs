//! Rules about keeping everyone safe: people who must not meet.

use std::collections::BTreeSet;

use super::{Context, Findings, at};
use crate::model::is_blank;
use crate::msg;

/// K501
pub fn avoid_pairs_arranged(cx: &Context, out: &mut Findings) {
    let case = cx.case;
    let arranged = case
        .safety
        .as_ref()
        .is_some_and(|s| !is_blank(s.get_ref().arrangement.as_deref()));
    if arranged {
        return;
    }
    let kinds = case.part_kinds();
    let mut reported = BTreeSet::new();
    for p in case.attendees() {
        for avoided in &p.avoid {
            let Some(other) = cx.participant(avoided.get_ref()) else {
                continue;
            };
            if other.id() == p.id() || other.declined() {
                continue;
            }
            let pair = if p.id() < other.id() {
                (p.id(), other.id())
            } else {
                (other.id(), p.id())
            };
            if !reported.insert(pair) {
                continue;
            }
            let shared: Vec<&str> = kinds
                .iter()
                .filter(|k| p.attends(**k) && other.attends(**k))
                .map(|k| k.as_str())
                .collect();
            if !shared.is_empty() {
                out.add(
                    at(avoided),
                    msg!(
                        "K501-meet",
                        name = p.name.get_ref(),
                        other = other.name.get_ref(),
                        parts = shared.join(", ")
                    ),
                );
            }
        }
    }
}

/// K502
pub fn no_self_avoidance(cx: &Context, out: &mut Findings) {
    for p in &cx.case.participants {
        let p = p.get_ref();
        for avoided in p.avoid.iter().filter(|a| a.get_ref() == p.id()) {
            out.add(
                at(avoided),
                msg!("K502-self", name = p.name.get_ref(), id = p.id()),
            );
        }
    }
}
