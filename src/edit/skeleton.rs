//! The commented case file that `kring new` writes: it teaches the format.

use chrono::NaiveDate;

use crate::model::{PLACEHOLDER_NAME, Variant};

/// The examples of free text the skeleton shows, in the case's language,
/// so that an example left in does not land in a letter in another one.
struct Examples {
    arrangements: &'static str,
    relation: &'static str,
    needs: &'static str,
    when: &'static str,
    time_note: &'static str,
    expense_note: &'static str,
}

const DUTCH_EXAMPLES: Examples = Examples {
    arrangements: "koffie en thee",
    relation: "oma",
    needs: "rolstoel",
    when: "elke dinsdag",
    time_note: "huisbezoek",
    expense_note: "koffie en broodjes",
};

const ENGLISH_EXAMPLES: Examples = Examples {
    arrangements: "coffee and tea",
    relation: "grandmother",
    needs: "wheelchair",
    when: "every Tuesday",
    time_note: "home visit",
    expense_note: "coffee and sandwiches",
};

fn examples(language: &str) -> &'static Examples {
    if language == "nl" {
        &DUTCH_EXAMPLES
    } else {
        &ENGLISH_EXAMPLES
    }
}

/// A new case file for `variant`, received on `today`, with examples in
/// `language` (the repository's document language). Its only errors are
/// the placeholders (K006) to fill in; every key of DESIGN §3 is shown, the
/// optional ones commented out. The title is one line of text (the caller
/// refuses control characters).
pub fn skeleton(
    id: &str,
    variant: Variant,
    title: Option<&str>,
    language: &str,
    today: NaiveDate,
) -> String {
    let ex = examples(language);
    let title = match title {
        Some(t) => format!("title = {}  #@title", toml_string(t)),
        None => "# title = \"...\"  #@title".to_string(),
    };
    let mut out = format!(
        r#"# A kring case file: one family group conference.
# Keys marked "optional" may stay commented out until you know them.
# `kring check` says what is wrong or missing; `kring explain K205` explains a rule.

id = "{id}"  #@id
variant = "{variant}"  #@variant
# follows = "..."  #@follows
{title}
# language = "nl"  #@language

[request]
received = {today}  #@request.received
# by = "school"  #@request.by
# question = "..."  #@request.question
# question_agreed = {today}  #@request.question_agreed
# consent = {today}  #@request.consent
# compulsory = false  #@request.compulsory
# acceptor = "..."  #@request.acceptor
# requester = "family"  #@request.requester
# topics = ["parenting"]  #@request.topics
# funder = "..."  #@request.funder
# minors = true  #@request.minors

# [request.wishes]  #@request.wishes
# languages = ["ar"]  #@request.wishes.languages
# gender = "..."  #@request.wishes.gender
# background = "..."  #@request.wishes.background
# religion = "..."  #@request.wishes.religion
# notes = "..."  #@request.wishes.notes

# [coordinator]  #@coordinator
# id = "..."  #@coordinator.id
# name = "..."  #@coordinator.name
# assigned = {today}  #@coordinator.assigned
# email = "..."  #@coordinator.email
# phone = "..."  #@coordinator.phone
# languages = ["nl"]  #@coordinator.languages
# organisation = "..."  #@coordinator.organisation
# independent = true  #@coordinator.independent

# [conference]  #@conference
# date = {today}  #@conference.date
# start = 15:00:00  #@conference.start
# end = 17:00:00  #@conference.end
# location = "..."  #@conference.location
# address = "..."  #@conference.address
# arrangements = ["{arrangements}"]  #@conference.arrangements
# reply_by = {today}  #@conference.reply_by

# [[conference.part]]  #@conference.part
# kind = "information"  #@conference.part.kind
# start = 15:00:00  #@conference.part.start
# end = 15:30:00  #@conference.part.end
"#,
        id = id,
        variant = variant.as_str(),
        title = title,
        today = today.format("%Y-%m-%d"),
        arrangements = ex.arrangements,
    );
    for (participant_id, role, what) in starting_participants(variant) {
        out.push_str(&participant(participant_id, role, what));
    }
    out.push_str(&participant_example(variant, ex));
    out.push_str(&format!(
        r#"
# [safety]  #@safety
# arrangement = "..."  #@safety.arrangement

# [tasks]  #@tasks
# circle = {today}  #@tasks.circle
# practical = {today}  #@tasks.practical
# information = {today}  #@tasks.information
# registration = {today}  #@tasks.registration
# workplan = {today}  #@tasks.workplan

# [plan]  #@plan
# recorded = {today}  #@plan.recorded
# sent = {today}  #@plan.sent
{learning}# contingency = "..."  #@plan.contingency
# review = {today}  #@plan.review
#
# [[plan.agreement]]  #@plan.agreement
# what = "..."  #@plan.agreement.what
# who = ["..."]  #@plan.agreement.who
# when = "{when}"  #@plan.agreement.when
# by = {today}  #@plan.agreement.by
# checks = "..."  #@plan.agreement.checks
# support = "..."  #@plan.agreement.support
#
# [plan.acceptance]  #@plan.acceptance
# by = "..."  #@plan.acceptance.by
# date = {today}  #@plan.acceptance.date
# accepted = true  #@plan.acceptance.accepted
# reason = "..."  #@plan.acceptance.reason

# [followup]  #@followup
# done = {today}  #@followup.done
# contacted = ["..."]  #@followup.contacted
# notes = "..."  #@followup.notes

# [closed]  #@closed
# date = {today}  #@closed.date
# reason = "completed"  #@closed.reason
# stopped = "situation-changed"  #@closed.stopped

# [translations.en]  #@translations
# question = "..."  #@translations.question
# arrangements = ["..."]  #@translations.arrangements

# [[time]]  #@time
# date = {today}  #@time.date
# hours = 1.5  #@time.hours
# activity = "intake"  #@time.activity
# note = "{time_note}"  #@time.note

# [[expense]]  #@expense
# date = {today}  #@expense.date
# kind = "travel"  #@expense.kind
# amount = 12.50  #@expense.amount
# km = 34  #@expense.km
# note = "{expense_note}"  #@expense.note

# [[evaluation]]  #@evaluation
# group = "network"  #@evaluation.group
# meeting = 8  #@evaluation.meeting
# plan = 8  #@evaluation.plan
# coordinator = 8  #@evaluation.coordinator
"#,
        today = today.format("%Y-%m-%d"),
        when = ex.when,
        time_note = ex.time_note,
        expense_note = ex.expense_note,
        learning = if variant == Variant::Learning {
            "# strengths = [\"...\"]  #@plan.strengths\n# goals = [\"...\"]  #@plan.goals\n"
        } else {
            ""
        },
    ));
    align_comments(&describe_keys(&out))
}

/// Replaces each `#@path` marker with `# ` and the key's description from
/// the model's doc comments, the same text the JSON Schema carries.
fn describe_keys(text: &str) -> String {
    text.lines()
        .map(|line| match line.split_once("#@") {
            Some((code, path)) => match crate::model::schema::describe(path.trim()) {
                Some(description) => format!("{code}# {description}\n"),
                None => format!("{}\n", code.trim_end()),
            },
            None => format!("{line}\n"),
        })
        .collect()
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
id = "{id}"  #@participant.id
name = "{PLACEHOLDER_NAME}"  #@participant.name
role = "{role}"  #@participant.role
"#
    )
}

fn participant_example(variant: Variant, ex: &Examples) -> String {
    let role = match variant {
        Variant::Community => "resident",
        _ => "family",
    };
    format!(
        r#"
# [[participant]]  #@participant
# id = "oma-ria"  #@participant.id
# name = "..."  #@participant.name
# known_as = "..."  #@participant.known_as
# salutation = "..."  #@participant.salutation
# formal = false  #@participant.formal
# role = "{role}"  #@participant.role
# relation = "{relation}"  #@participant.relation
# born = 1956-04-12  #@participant.born
# language = "nl"  #@participant.language
# email = "..."  #@participant.email
# phone = "..."  #@participant.phone
# address = "..."  #@participant.address
# organisation = "..."  #@participant.organisation
# invited_by = "..."  #@participant.invited_by
# status = "proposed"  #@participant.status
# prepared = 2026-01-01  #@participant.prepared
# parts = ["information", "plan"]  #@participant.parts
# needs = ["{needs}"]  #@participant.needs
# hide_contact = true  #@participant.hide_contact
# post = true  #@participant.post
# avoid = ["..."]  #@participant.avoid
# attended = true  #@participant.attended
"#,
        relation = ex.relation,
        needs = ex.needs,
    )
}

/// A TOML basic string with the needed escapes.
fn toml_string(text: &str) -> String {
    // Spelled as `kring fmt` spells it, so a new file is already formatted.
    crate::edit::format::toml_string(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PLACEHOLDER;
    use crate::repo::parse_case;

    #[test]
    fn every_variant_parses_and_its_only_errors_are_the_placeholders() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        for variant in Variant::ALL {
            let text = skeleton("2026-001-test", variant, Some("Plan \"Sam\""), "nl", today);
            let loaded = parse_case("cases/x.toml", &text);
            let report = crate::check::cases(&[loaded], &Default::default(), today);
            let errors: Vec<_> = report
                .diagnostics
                .iter()
                .filter(|d| d.severity == crate::diagnostic::Severity::Error)
                .filter(|d| d.code != crate::diagnostic::Code::K006)
                .collect();
            assert!(errors.is_empty(), "{variant}: {errors:?}\n{text}");
            let placeholders = report
                .diagnostics
                .iter()
                .filter(|d| d.code == crate::diagnostic::Code::K006)
                .count();
            let names = text.matches(PLACEHOLDER_NAME).count();
            assert_eq!(placeholders, names, "{variant}: every placeholder is found");
            assert_eq!(report.cases, 1, "{variant}");
        }
    }

    #[test]
    fn every_key_is_described_from_the_model() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        for variant in Variant::ALL {
            let text = skeleton("x", variant, None, "nl", today);
            assert!(!text.contains("#@"), "{text}");
            assert!(text.contains(&format!("\"{PLACEHOLDER}\"")));
            let question = text
                .lines()
                .find(|l| l.starts_with("# question ="))
                .unwrap();
            let expected = crate::model::schema::describe("request.question").unwrap();
            assert!(question.ends_with(&format!("# {expected}")), "{question}");
            for marker in ["# phone =", "# address =", "# hide_contact =", "# avoid ="] {
                assert!(text.contains(marker), "{marker}");
            }
        }
    }

    #[test]
    fn comments_form_one_column_and_a_title_cannot_break_out() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let title = "Plan  # \"Sam\" = 'x' [y]";
        let text = skeleton("x", Variant::Family, Some(title), "nl", today);
        let line = text.lines().find(|l| l.starts_with("title")).unwrap();
        assert!(
            line.ends_with("  # Optional: shown on the documents"),
            "{line}"
        );
        let received = text.lines().find(|l| l.starts_with("received")).unwrap();
        assert_eq!(received.find('#'), Some(COMMENT_COLUMN));
        let case: crate::model::Case = toml::from_str(&text).unwrap();
        assert_eq!(case.title.as_deref(), Some(title));
    }

    #[test]
    fn examples_are_in_the_case_language() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let dutch = skeleton("x", Variant::Family, None, "nl", today);
        assert!(dutch.contains("needs = [\"rolstoel\"]"), "{dutch}");
        assert!(!dutch.contains("\"wheelchair\"") && !dutch.contains("\"grandmother\""));
        let english = skeleton("x", Variant::Family, None, "en", today);
        assert!(english.contains("needs = [\"wheelchair\"]"));
        assert!(!english.contains("\"koffie"));
    }
}
