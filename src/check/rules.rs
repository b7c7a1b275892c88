//! Which function checks which rule. Rules without one are found while
//! loading (K001, K002, K005, K601, K602), from the file's name or place
//! (K007, K008), across files (K004), or by
//! comparing cases with the roster (K603, K604), or against the other
//! cases of the repository (K703, `books.rs`); see `files.rs` and
//! `roster.rs`. The match is exhaustive: a new code does not compile until
//! it is given a check here, or `None`.

use super::{Context, Findings, books, circle, files, plan, references, safety, timeline};
use crate::diagnostic::Code::{self, *};

/// A rule on one case: adds what it finds.
pub type CaseRule = fn(&Context, &mut Findings);

/// The case rule that finds `code`, if one does.
pub fn case_rule(code: Code) -> Option<CaseRule> {
    match code {
        K001 => None,
        K002 => None,
        K003 => Some(files::ids_match_pattern),
        K004 => None,
        K005 => None,
        K006 => Some(files::no_placeholders),
        K007 => None,
        K008 => None,
        K101 => Some(references::unique_participant_ids),
        K102 => Some(references::references_resolve),
        K201 => Some(circle::has_central),
        K202 => Some(circle::restorative_sides),
        K203 => Some(circle::has_school),
        K204 => Some(circle::pupil_age),
        K205 => Some(circle::family_time_without_professionals),
        K206 => Some(circle::invited_can_be_reached),
        K207 => Some(circle::prepared_in_time),
        K208 => Some(circle::coordinator_independent),
        K209 => Some(circle::languages_covered),
        K210 => Some(circle::pupil_invites),
        K211 => Some(circle::circle_is_wide),
        K212 => Some(circle::translations_present),
        K213 => Some(circle::child_has_supporter),
        K214 => Some(circle::emails_are_addresses),
        K301 => Some(timeline::dates_in_order),
        K302 => Some(timeline::times_consistent),
        K303 => Some(timeline::learning_within_two_hours),
        K304 => Some(timeline::question_before_invitation),
        K305 => Some(timeline::plan_recorded_after_conference),
        K306 => Some(timeline::plan_sent_in_time),
        K307 => Some(timeline::followup_on_time),
        K308 => Some(timeline::plan_has_conference_date),
        K309 => Some(timeline::conference_has_location),
        K310 => Some(timeline::consent_before_invitation),
        K311 => Some(timeline::retention),
        K401 => Some(plan::agreements_complete),
        K402 => Some(plan::compulsory_help_accepted),
        K403 => Some(plan::agreements_name_attendees),
        K404 => Some(plan::learning_plan_complete),
        K405 => Some(plan::plan_has_contingency_and_review),
        K406 => Some(plan::refusal_has_reason),
        K501 => Some(safety::avoid_pairs_arranged),
        K502 => Some(safety::no_self_avoidance),
        K601 => None,
        K602 => None,
        K603 => None,
        K604 => None,
        K701 => Some(books::books_in_range),
        K702 => Some(books::registration_complete),
        K703 => None,
        K704 => Some(books::funder_known),
        K705 => Some(books::books_within_the_case),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::RULES;

    #[test]
    fn only_load_cross_file_and_roster_rules_lack_a_case_rule() {
        let without: Vec<_> = RULES
            .iter()
            .filter(|r| case_rule(r.code).is_none())
            .map(|r| r.code.as_str())
            .collect();
        assert_eq!(
            without,
            [
                "K001", "K002", "K004", "K005", "K007", "K008", "K601", "K602", "K603", "K604",
                "K703"
            ]
        );
    }
}
