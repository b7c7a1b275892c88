//! The rule table: one row per K-code, with its severity, the summary that
//! heads its section in `docs/rules.md`, and the help shown under each
//! diagnostic. [`Code`] is generated from the same rows, so a code that is
//! not in the table does not compile.

use serde::Serialize;

use super::Severity::{self, Error, Warning};

/// A rule of DESIGN §4.
#[derive(Debug)]
pub struct Rule {
    pub code: Code,
    pub severity: Severity,
    /// One line, as in the heading of its section in `docs/rules.md`.
    pub summary: &'static str,
    /// How to fix it, in one line, shown under each diagnostic.
    pub help: &'static str,
}

macro_rules! rules {
    ($($code:ident $severity:ident $summary:literal $help:literal;)*) => {
        /// A rule's code. Ordered as the codes sort (K001 < K002 < ...).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($code,)*
        }

        /// Every rule, in the order of their codes.
        pub static RULES: &[Rule] = &[
            $(Rule { code: Code::$code, severity: $severity, summary: $summary, help: $help },)*
        ];

        impl Code {
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$code => stringify!($code),)*
                }
            }
        }
    };
}

rules! {
    K001 Error
        "the file is not valid TOML"
        "fix the TOML syntax at the marked place";
    K002 Error
        "a key is missing, unknown, of the wrong type or has an unknown value"
        "see `kring new` or docs/design.md for the keys a case file takes";
    K003 Error
        "an id does not match the identifier pattern"
        "use lowercase letters, digits and `-`, starting with a letter or digit, at most 63 characters";
    K004 Error
        "two files share a case id"
        "give each case its own id; the file name does not matter, the `id` does";
    K005 Error
        "the file is not UTF-8 or is larger than 1 MiB"
        "a case file is plain UTF-8 text well under 1 MiB; split off attachments";
    K007 Warning
        "a case file's name is not its id"
        "rename the file to `<id>.toml`, so that people and tools find the case by its id";
    K008 Warning
        "a case file lies outside the case folder"
        "move the file into the case folder (as `<id>.toml`), or remove it: kring does not check or render it where it is";
    K101 Error
        "two participants share an id"
        "give every participant of the case its own id";
    K102 Error
        "a reference names no participant of the case"
        "use the `id` of a participant listed in this case";
    K201 Error
        "a family or learning case has no central participant"
        "add a participant with role = \"central\": the person the plan is for";
    K202 Error
        "a restorative case lacks a harmed or a responsible participant"
        "add participants with role = \"harmed\" and role = \"responsible\"";
    K203 Error
        "a learning case has no school participant"
        "add the mentor or another teacher with role = \"school\"";
    K204 Warning
        "the pupil's age is outside 4 to 19 or unknown"
        "set the pupil's `born` date; learning conferences are for pupils aged 4 to 19";
    K205 Error
        "a professional attends family time"
        "remove \"family-time\" from this participant's `parts`: family time is for the circle alone";
    K206 Warning
        "an invited participant cannot be reached"
        "add an `email`, `phone` or `address` for this participant";
    K207 Warning
        "the conference is near and a participant is not prepared"
        "prepare this participant and record the date in `prepared`";
    K208 Error
        "the coordinator is not independent"
        "assign a coordinator with no tie to any deciding or helping agency in this case";
    K209 Warning
        "a participant's language is not covered"
        "add the language to the coordinator's `languages`, or add an interpreter";
    K210 Warning
        "in a learning case, someone else than the pupil invited a participant"
        "in a learning conference the pupil decides who is invited: set `invited_by` to the pupil";
    K211 Warning
        "the circle has fewer than 3 people"
        "widen the circle: ask everyone who else can help, and add them as participants";
    K301 Error
        "dates are out of order"
        "correct the date: the steps of a conference follow each other in time";
    K302 Error
        "conference times are inconsistent"
        "make every part start after the previous one ends, within the conference's start and end";
    K303 Error
        "a learning conference lasts more than 2 hours"
        "plan a learning conference of at most two hours";
    K304 Error
        "a participant is invited before the question is written down"
        "write the question in `request.question` before inviting anyone";
    K305 Warning
        "the conference is past and no plan is recorded"
        "record the plan in a [plan] table, or close the case with [closed]";
    K306 Warning
        "the plan was not sent within 2 days"
        "send the plan to all participants and record the date in `plan.sent`";
    K307 Warning
        "the follow-up is overdue"
        "ask a few participants how the plan is going and record it in [followup]";
    K308 Error
        "a plan is recorded but the conference has no date"
        "set `conference.date`";
    K309 Warning
        "the conference has a date but no location"
        "set `conference.location`";
    K310 Warning
        "a participant is invited before consent is recorded"
        "record in `request.consent` the date the person(s) concerned agreed to the conference";
    K311 Warning
        "a closed case keeps personal data past the retention period"
        "anonymise the case: replace names, contact details and birth dates";
    K401 Error
        "an agreement has no what or no who"
        "say what is agreed in `what` and who does it in `who`";
    K402 Error
        "compulsory help without an accepting professional or acceptance"
        "name the professional who accepts the plan in `request.acceptor` and record [plan.acceptance]";
    K403 Warning
        "an agreement names a participant who declined"
        "agree this with someone who takes part";
    K404 Warning
        "a learning plan has no strengths or no goals"
        "record what the pupil is good at in `strengths` and wants to learn in `goals`";
    K405 Warning
        "a plan has no contingency or no review date"
        "record what the circle does if things go differently (`contingency`) and when it looks back (`review`)";
    K406 Error
        "a plan was not accepted and no reason is given"
        "record why the plan was not accepted in `plan.acceptance.reason`";
    K501 Error
        "people who must not meet attend the same part without a safety arrangement"
        "describe in [safety] arrangement how they are kept apart, or change their `parts`";
    K502 Error
        "a participant avoids itself"
        "remove the participant's own id from its `avoid` list";
    K601 Error
        "a coordinator file is not valid"
        "fix the TOML or the key at the marked place; `kring schema --roster` lists the keys";
    K602 Error
        "a coordinator id is not valid or is used twice"
        "give every coordinator file its own id of a-z, 0-9 and -";
    K603 Warning
        "a case's coordinator is not in the roster"
        "set `coordinator.id` to the id of a file in coordinators/, or add the coordinator";
    K604 Warning
        "a case's coordinator is not trained for its variant"
        "assign a coordinator with the training the variant needs, or record the training";
}

impl Code {
    /// The code named `text` (case-insensitive), e.g. on the command line.
    pub fn parse(text: &str) -> Option<Code> {
        RULES
            .iter()
            .map(|r| r.code)
            .find(|c| c.as_str().eq_ignore_ascii_case(text))
    }

    /// This code's row of [`RULES`].
    pub fn rule(self) -> &'static Rule {
        // The table lists every code once, in declaration order.
        &RULES[self as usize]
    }

    pub fn severity(self) -> Severity {
        self.rule().severity
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// `docs/rules.md`, one `## CODE: summary` section per rule.
const RULES_DOC: &str = include_str!("../../docs/rules.md");

/// The section of `docs/rules.md` that documents `code`, heading included.
pub fn explanation(code: Code) -> Option<&'static str> {
    let heading = format!("\n## {code}:");
    let start = RULES_DOC.find(&heading)? + 1;
    let section = &RULES_DOC[start..];
    let end = section[1..].find("\n## ").map_or(section.len(), |i| i + 2);
    Some(&section[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_sorted_and_index_the_table() {
        for pair in RULES.windows(2) {
            assert!(
                pair[0].code.as_str() < pair[1].code.as_str(),
                "{} then {}",
                pair[0].code,
                pair[1].code
            );
        }
        for rule in RULES {
            assert_eq!(rule.code.rule().code, rule.code);
            assert_eq!(
                Code::parse(&rule.code.as_str().to_lowercase()),
                Some(rule.code)
            );
        }
        assert_eq!(RULES.len(), 43);
        assert_eq!(Code::parse("K999"), None);
    }

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
