//! The rule table: one row per K-code.

use super::{Context, Findings, dates, people, plan, roles, safety};
use crate::diagnostic::Severity::{self, Error, Warning};

/// A rule of DESIGN §4. Rules without a `check` are found while loading
/// (K001, K002, K005, K601, K602), across files (K004), or by comparing
/// cases with the roster (K603, K604, in `check_roster`).
pub struct Rule {
    pub code: &'static str,
    pub severity: Severity,
    /// One line, as in the heading of its section in `docs/rules.md`.
    pub summary: &'static str,
    /// How to fix it, in one line, shown under each diagnostic.
    pub help: &'static str,
    pub check: Option<fn(&Context, &mut Findings)>,
}

const fn def(
    code: &'static str,
    severity: Severity,
    summary: &'static str,
    help: &'static str,
    check: Option<fn(&Context, &mut Findings)>,
) -> Rule {
    Rule {
        code,
        severity,
        summary,
        help,
        check,
    }
}

pub static RULES: &[Rule] = &[
    def(
        "K001",
        Error,
        "the file is not valid TOML",
        "fix the TOML syntax at the marked place",
        None,
    ),
    def(
        "K002",
        Error,
        "a key is missing, unknown, of the wrong type or has an unknown value",
        "see `kring new` or docs/design.md for the keys a case file takes",
        None,
    ),
    def(
        "K003",
        Error,
        "an id does not match the identifier pattern",
        "use lowercase letters, digits and `-`, starting with a letter or digit, at most 63 characters",
        Some(people::ids_match_pattern),
    ),
    def(
        "K004",
        Error,
        "two files share a case id",
        "give each case its own id; the file name does not matter, the `id` does",
        None,
    ),
    def(
        "K005",
        Error,
        "the file is not UTF-8 or is larger than 1 MiB",
        "a case file is plain UTF-8 text well under 1 MiB; split off attachments",
        None,
    ),
    def(
        "K101",
        Error,
        "two participants share an id",
        "give every participant of the case its own id",
        Some(people::unique_participant_ids),
    ),
    def(
        "K102",
        Error,
        "a reference names no participant of the case",
        "use the `id` of a participant listed in this case",
        Some(people::references_resolve),
    ),
    def(
        "K201",
        Error,
        "a family or learning case has no central participant",
        "add a participant with role = \"central\": the person the plan is for",
        Some(roles::has_central),
    ),
    def(
        "K202",
        Error,
        "a restorative case lacks a harmed or a responsible participant",
        "add participants with role = \"harmed\" and role = \"responsible\"",
        Some(roles::restorative_sides),
    ),
    def(
        "K203",
        Error,
        "a learning case has no school participant",
        "add the mentor or another teacher with role = \"school\"",
        Some(roles::has_school),
    ),
    def(
        "K204",
        Warning,
        "the pupil's age is outside 4 to 19 or unknown",
        "set the pupil's `born` date; learning conferences are for pupils aged 4 to 19",
        Some(roles::pupil_age),
    ),
    def(
        "K205",
        Error,
        "a professional attends family time",
        "remove \"family-time\" from this participant's `parts`: family time is for the circle alone",
        Some(roles::family_time_without_professionals),
    ),
    def(
        "K206",
        Warning,
        "an invited participant cannot be reached",
        "add an `email`, `phone` or `address` for this participant",
        Some(people::invited_can_be_reached),
    ),
    def(
        "K207",
        Warning,
        "the conference is near and a participant is not prepared",
        "prepare this participant and record the date in `prepared`",
        Some(people::prepared_in_time),
    ),
    def(
        "K208",
        Error,
        "the coordinator is not independent",
        "assign a coordinator with no tie to any deciding or helping agency in this case",
        Some(people::coordinator_independent),
    ),
    def(
        "K209",
        Warning,
        "a participant's language is not covered",
        "add the language to the coordinator's `languages`, or add an interpreter",
        Some(people::languages_covered),
    ),
    def(
        "K210",
        Warning,
        "in a learning case, someone else than the pupil invited a participant",
        "in a learning conference the pupil decides who is invited: set `invited_by` to the pupil",
        Some(roles::pupil_invites),
    ),
    def(
        "K211",
        Warning,
        "the circle has fewer than 3 people",
        "widen the circle: ask everyone who else can help, and add them as participants",
        Some(roles::circle_is_wide),
    ),
    def(
        "K301",
        Error,
        "dates are out of order",
        "correct the date: the steps of a conference follow each other in time",
        Some(dates::dates_in_order),
    ),
    def(
        "K302",
        Error,
        "conference times are inconsistent",
        "make every part start after the previous one ends, within the conference's start and end",
        Some(dates::times_consistent),
    ),
    def(
        "K303",
        Error,
        "a learning conference lasts more than 2 hours",
        "plan a learning conference of at most two hours",
        Some(dates::learning_within_two_hours),
    ),
    def(
        "K304",
        Error,
        "a participant is invited before the question is written down",
        "write the question in `request.question` before inviting anyone",
        Some(people::question_before_invitation),
    ),
    def(
        "K305",
        Warning,
        "the conference is past and no plan is recorded",
        "record the plan in a [plan] table, or close the case with [closed]",
        Some(dates::plan_recorded_after_conference),
    ),
    def(
        "K306",
        Warning,
        "the plan was not sent within 2 days",
        "send the plan to all participants and record the date in `plan.sent`",
        Some(dates::plan_sent_in_time),
    ),
    def(
        "K307",
        Warning,
        "the follow-up is overdue",
        "ask a few participants how the plan is going and record it in [followup]",
        Some(dates::followup_on_time),
    ),
    def(
        "K308",
        Error,
        "a plan is recorded but the conference has no date",
        "set `conference.date`",
        Some(dates::plan_has_conference_date),
    ),
    def(
        "K309",
        Warning,
        "the conference has a date but no location",
        "set `conference.location`",
        Some(dates::conference_has_location),
    ),
    def(
        "K310",
        Warning,
        "a participant is invited before consent is recorded",
        "record in `request.consent` the date the person(s) concerned agreed to the conference",
        Some(people::consent_before_invitation),
    ),
    def(
        "K311",
        Warning,
        "a closed case keeps personal data past the retention period",
        "anonymise the case: replace names, contact details and birth dates",
        Some(dates::retention),
    ),
    def(
        "K401",
        Error,
        "an agreement has no what or no who",
        "say what is agreed in `what` and who does it in `who`",
        Some(plan::agreements_complete),
    ),
    def(
        "K402",
        Error,
        "compulsory help without an accepting professional or acceptance",
        "name the professional who accepts the plan in `request.acceptor` and record [plan.acceptance]",
        Some(plan::compulsory_help_accepted),
    ),
    def(
        "K403",
        Warning,
        "an agreement names a participant who declined",
        "agree this with someone who takes part",
        Some(plan::agreements_name_attendees),
    ),
    def(
        "K404",
        Warning,
        "a learning plan has no strengths or no goals",
        "record what the pupil is good at in `strengths` and wants to learn in `goals`",
        Some(plan::learning_plan_complete),
    ),
    def(
        "K405",
        Warning,
        "a plan has no contingency or no review date",
        "record what the circle does if things go differently (`contingency`) and when it looks back (`review`)",
        Some(plan::plan_has_contingency_and_review),
    ),
    def(
        "K406",
        Error,
        "a plan was not accepted and no reason is given",
        "record why the plan was not accepted in `plan.acceptance.reason`",
        Some(plan::refusal_has_reason),
    ),
    def(
        "K501",
        Error,
        "people who must not meet attend the same part without a safety arrangement",
        "describe in [safety] arrangement how they are kept apart, or change their `parts`",
        Some(safety::avoid_pairs_arranged),
    ),
    def(
        "K502",
        Error,
        "a participant avoids itself",
        "remove the participant's own id from its `avoid` list",
        Some(safety::no_self_avoidance),
    ),
    // The roster (coordinators/): found while loading it, or by comparing
    // cases with it (see `roster_rules`).
    def(
        "K601",
        Error,
        "a coordinator file is not valid",
        "fix the TOML or the key at the marked place; `kring schema --roster` lists the keys",
        None,
    ),
    def(
        "K602",
        Error,
        "a coordinator id is not valid or is used twice",
        "give every coordinator file its own id of a-z, 0-9 and -",
        None,
    ),
    def(
        "K603",
        Warning,
        "a case's coordinator is not in the roster",
        "set `coordinator.id` to the id of a file in coordinators/, or add the coordinator",
        None,
    ),
    def(
        "K604",
        Warning,
        "a case's coordinator is not trained for its variant",
        "assign a coordinator with the training the variant needs, or record the training",
        None,
    ),
];

/// The rule with this code (case-insensitive).
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_sorted() {
        for pair in RULES.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} then {}",
                pair[0].code,
                pair[1].code
            );
        }
        assert_eq!(RULES.len(), 41);
    }

    #[test]
    fn only_load_and_cross_file_rules_lack_a_check() {
        let without: Vec<_> = RULES
            .iter()
            .filter(|r| r.check.is_none())
            .map(|r| r.code)
            .collect();
        // Found while loading, across files, or against the roster.
        assert_eq!(
            without,
            [
                "K001", "K002", "K004", "K005", "K601", "K602", "K603", "K604"
            ]
        );
    }
}

/// `docs/rules.md`, one `## CODE: summary` section per rule.
const RULES_DOC: &str = include_str!("../../docs/rules.md");

/// The section of `docs/rules.md` that documents `code`, heading included.
pub fn explanation(code: &str) -> Option<&'static str> {
    let heading = format!("\n## {code}:");
    let start = RULES_DOC.find(&heading)? + 1;
    let section = &RULES_DOC[start..];
    let end = section[1..].find("\n## ").map_or(section.len(), |i| i + 2);
    Some(&section[..end])
}

#[cfg(test)]
mod doc_tests {
    use super::*;

    /// docs/rules.md and the rule table cannot drift apart.
    #[test]
    fn every_rule_has_its_section_with_the_same_summary_and_severity() {
        for rule in RULES {
            let section =
                explanation(rule.code).unwrap_or_else(|| panic!("no section for {}", rule.code));
            let mut lines = section.lines();
            assert_eq!(
                lines.next(),
                Some(format!("## {}: {}", rule.code, rule.summary).as_str())
            );
            assert_eq!(
                lines.find(|l| !l.is_empty()),
                Some(format!("Severity: {}", rule.severity.as_str()).as_str())
            );
            for part in [
                "**What it checks.**",
                "**Why.**",
                "**Example.**",
                "**Fix.**",
            ] {
                assert!(section.contains(part), "{} lacks {part}", rule.code);
            }
        }
        let sections = RULES_DOC.lines().filter(|l| l.starts_with("## ")).count();
        assert_eq!(sections, RULES.len(), "one section per rule, no others");
    }
}
