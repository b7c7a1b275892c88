//! The commented case file that `kring new` writes: it teaches the format.

use chrono::NaiveDate;

use crate::model::Variant;

/// A new case file for `variant`, received on `today`. It checks without
/// errors; every key of DESIGN §3 is shown, the optional ones commented out.
/// The title is one line of text (the caller refuses control characters).
pub fn skeleton(id: &str, variant: Variant, title: Option<&str>, today: NaiveDate) -> String {
    let title = match title {
        Some(t) => format!(
            "title = {}             # shown on the documents",
            toml_string(t)
        ),
        None => "# title = \"...\"              # optional: shown on the documents".to_string(),
    };
    let mut out = format!(
        r#"# A kring case file: one family group conference.
# Keys marked "optional" may stay commented out until you know them.
# `kring check` says what is wrong or missing; `kring explain K205` explains a rule.

id = "{id}"      # unique in the repository: a-z, 0-9 and -
variant = "{variant}"     # family | restorative | community | learning
{title}
# language = "nl"              # optional: the documents' default language (else kring.toml's)

[request]
received = {today}         # the date the request came in
# by = "school"                # optional: who asked (a participant id, or free text)
# question = "..."             # the question the circle makes a plan for; needed before anyone is invited
# question_agreed = {today}  # optional: the date the question was agreed with the requester(s)
# consent = {today}          # the date the person(s) concerned agreed to a conference (it is voluntary)
# compulsory = false           # optional: help is compulsory (child protection, probation)
# acceptor = "..."             # when compulsory: id of the professional participant who accepts the plan

# [coordinator]                # once a coordinator is assigned
# name = "..."                 # the coordinator's name
# assigned = {today}         # the date the coordinator was assigned
# email = "..."                # optional; also phone = "..."
# languages = ["nl"]           # optional: languages the coordinator speaks (default ["nl"])
# organisation = "..."         # optional: the coordinator's own organisation
# independent = true           # the coordinator declares no tie to any deciding or helping agency

# [conference]                 # once the conference is planned
# date = {today}
# start = 15:00:00
# end = 17:00:00
# location = "..."             # the place, e.g. "Buurthuis De Kern, zaal 2"
# address = "..."              # optional: street, postcode and town
# arrangements = ["koffie en thee"]  # optional: food, drink, childcare, ...

# [[conference.part]]          # optional: the parts, with times (default: {parts})
# kind = "information"         # information | family-time | plan | conversation
# start = 15:00:00             # optional times, within the conference, in order
# end = 15:30:00
"#,
        id = id,
        variant = variant.as_str(),
        title = title,
        today = today.format("%Y-%m-%d"),
        parts = variant
            .default_parts()
            .iter()
            .map(|k| k.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    );
    for (participant_id, role, what) in starting_participants(variant) {
        out.push_str(&participant(participant_id, role, what));
    }
    out.push_str(&participant_example(variant));
    out.push_str(&format!(
        r#"
# [safety]                     # optional
# arrangement = "..."          # how people who must not meet (`avoid`) are kept apart

# [tasks]                      # dates of tasks the file cannot show otherwise
# circle = {today}           # everyone was asked who else can help
# practical = {today}        # place, food and drink, childcare arranged
# information = {today}      # the professionals' information is ready for part 1
# registration = {today}     # the conference is registered

# [plan]                       # at or after the conference: the circle's plan
# recorded = {today}         # the date the plan was written down
# sent = {today}             # the date it was sent to all participants
{learning}# contingency = "..."          # what the circle does if things go differently
# review = {today}           # when the circle itself looks back on the plan
#
# [[plan.agreement]]           # one per agreement
# what = "..."                 # what is agreed
# who = ["..."]                # participant ids of who does it
# when = "elke dinsdag"        # optional free text
# by = {today}               # optional deadline
# checks = "..."               # optional: participant id of who keeps an eye on it
# support = "..."              # optional: professional support this agreement asks for
#
# [plan.acceptance]            # when help is compulsory
# by = "..."                   # the acceptor's participant id
# date = {today}
# accepted = true
# reason = "..."               # needed when accepted = false

# [followup]                   # the check four weeks after the conference
# done = {today}
# contacted = ["..."]          # participant ids of who was asked how the plan goes
# notes = "..."

# [closed]                     # when the case ends
# date = {today}
# reason = "completed"         # completed | cancelled | withdrawn
"#,
        today = today.format("%Y-%m-%d"),
        learning = if variant == Variant::Learning {
            "# strengths = [\"...\"]          # what the pupil is good at\n# goals = [\"...\"]              # what the pupil wants to learn\n"
        } else {
            ""
        },
    ));
    align_comments(&out)
}

/// The column where trailing comments start, so that they read as one column.
const COMMENT_COLUMN: usize = 32;

/// Puts every trailing comment (`value   # what it means`) at [`COMMENT_COLUMN`].
fn align_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for line in text.lines() {
        match line.rfind("  # ") {
            Some(at) if !line[..at].trim().is_empty() => {
                let code = line[..at].trim_end();
                let width = COMMENT_COLUMN.max(code.chars().count() + 2);
                out.push_str(&format!("{code:<width$}{}", line[at..].trim_start()));
            }
            _ => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// The participants a case of this variant cannot be without (K201 to K203).
fn starting_participants(
    variant: Variant,
) -> &'static [(&'static str, &'static str, &'static str)] {
    match variant {
        Variant::Family => &[("central", "central", "the person the plan is for")],
        Variant::Learning => &[
            ("pupil", "central", "the pupil; they decide who is invited"),
            (
                "mentor",
                "school",
                "the mentor or another teacher: always there",
            ),
        ],
        Variant::Restorative => &[
            ("harmed", "harmed", "someone who was harmed"),
            ("responsible", "responsible", "someone who caused the harm"),
        ],
        Variant::Community => &[],
    }
}

fn participant(id: &str, role: &str, what: &str) -> String {
    format!(
        r#"
[[participant]]                # {what}
id = "{id}"                    # unique in the case: a-z, 0-9 and -
name = "TODO: full name"
role = "{role}"
"#
    )
}

fn participant_example(variant: Variant) -> String {
    let role = match variant {
        Variant::Community => "resident",
        _ => "family",
    };
    format!(
        r#"
# [[participant]]              # one table per person; copy it for each
# id = "oma-ria"               # unique in the case: a-z, 0-9 and -
# name = "..."
# role = "{role}"               # central | family | friend | network | harmed | responsible | resident
#                              # | supporter | interpreter | professional | school
# relation = "grandmother"     # optional: relation to the central person
# born = 1956-04-12            # optional (needed for a pupil's age in a learning case)
# language = "nl"              # optional: this person's documents' language
# email = "..."                # optional; also phone = "..." and address = "..."
# organisation = "..."         # optional: for professionals
# invited_by = "..."           # optional: id of who proposed this person
# status = "proposed"          # proposed | invited | confirmed | declined
# prepared = 2026-01-01        # optional: the date you prepared this person
# parts = ["information", "plan"]  # optional: overrides the role's default parts
# needs = ["wheelchair"]       # optional free text
# hide_contact = true          # optional: never show this person's contact details to others
# avoid = ["..."]              # optional: ids of people this person must not meet
"#
    )
}

/// A TOML basic string with the needed escapes.
fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repo::parse_case;

    #[test]
    fn every_variant_parses_and_has_no_errors() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        for variant in Variant::ALL {
            let text = skeleton("2026-001-test", variant, Some("Plan \"Sam\""), today);
            let loaded = parse_case("cases/x.toml", &text);
            let report = crate::check::check(&[loaded], &Default::default(), today);
            let errors: Vec<_> = report
                .diagnostics
                .iter()
                .filter(|d| d.severity == crate::diagnostic::Severity::Error)
                .collect();
            assert!(errors.is_empty(), "{variant}: {errors:?}\n{text}");
            assert_eq!(report.cases, 1, "{variant}");
        }
    }

    #[test]
    fn comments_form_one_column_and_a_title_cannot_break_out() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let title = "Plan  # \"Sam\" = 'x' [y]";
        let text = skeleton("x", Variant::Family, Some(title), today);
        let line = text.lines().find(|l| l.starts_with("title")).unwrap();
        assert!(line.ends_with("  # shown on the documents"), "{line}");
        let received = text.lines().find(|l| l.starts_with("received")).unwrap();
        assert_eq!(received.find('#'), Some(COMMENT_COLUMN));
        let case: crate::model::Case = toml::from_str(&text).unwrap();
        assert_eq!(case.title.as_deref(), Some(title));
    }
}
