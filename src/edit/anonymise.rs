//! Anonymising a closed case file for retention (rule K311): names,
//! contact details, birth dates, addresses and free text give way to
//! neutral labels, while the structure, dates, roles, statuses and counts
//! stay, so that `kring stats` and `kring export` still count the case.
//!
//! The file is edited with toml_edit, so its layout stays; comments stay
//! only where kring's own skeleton wrote them (any other comment may name
//! someone).
//!
//! What changes:
//! - the case id and file name, which usually end in a family name
//!   (`2026-031-bakker` becomes `2026-031`; see [`new_id`]);
//! - participants: `name` becomes "deelnemer 3, familie" ("participant 3,
//!   family" in an English case); `email`, `phone`, `address`, `born`,
//!   `known_as`, `salutation`, `relation` and `needs` go; ids become `p1`, `p2`, … everywhere they are
//!   used (ids like `oma-ria` carry names); what the birth dates told about
//!   minors stays as `request.minors` (a yes or no) when it was not given;
//! - the coordinator: `name` becomes "coördinator"; `id`, `email`, `phone` go;
//! - free text: `title`, `[translations.*]`, `request.wishes`, `conference.address`,
//!   `conference.arrangements`, an agreement's `when` and `support`,
//!   `followup.notes` go; where a rule needs a value, a label stands in:
//!   `request.question`, `conference.location`, `safety.arrangement`,
//!   `plan.contingency`, `plan.acceptance.reason`, an agreement's `what`
//!   ("afspraak 2"), each of `plan.strengths` and `plan.goals`;
//! - the delivery record `[[sent]]` stays, with the new ids in `to`; a
//!   refusal's `answer` goes (a server's answer may quote the address).
//! - the books: the `note` of each `[[time]]` and `[[expense]]` goes; dates,
//!   hours, activities, amounts, kilometres and scores stay;
//! - `follows` keeps the numbers of the earlier case's id, as that case's
//!   own id will (`2026-031-bakker` becomes `2026-031`).

use std::collections::{HashMap, HashSet};

use toml_edit::{Array, ArrayOfTables, Decor, DocumentMut, Item, Table, Value};

use crate::model::{Case, DUTCH_LABELS, ENGLISH_LABELS, Role, Variant};

/// A rewritten case file and what changed in it.
#[derive(Debug)]
pub struct Anonymised {
    pub text: String,
    /// The new case id.
    pub id: String,
    /// One line per change, for `--dry-run`: `participant[2].name: replaced`.
    pub changes: Vec<String>,
}

/// The words of the labels, in the case's language.
struct Words {
    participant: &'static str,
    coordinator: &'static str,
    anonymised: &'static str,
    agreement: &'static str,
    strength: &'static str,
    goal: &'static str,
    dutch: bool,
}

const DUTCH: Words = Words {
    participant: DUTCH_LABELS.participant,
    coordinator: DUTCH_LABELS.coordinator,
    anonymised: "(geanonimiseerd)",
    agreement: "afspraak",
    strength: "sterkte",
    goal: "doel",
    dutch: true,
};

const ENGLISH: Words = Words {
    participant: ENGLISH_LABELS.participant,
    coordinator: ENGLISH_LABELS.coordinator,
    anonymised: "(anonymised)",
    agreement: "agreement",
    strength: "strength",
    goal: "goal",
    dutch: false,
};

impl Words {
    fn role(&self, role: Role) -> &'static str {
        if !self.dutch {
            return role.as_str();
        }
        match role {
            Role::Central => "centraal",
            Role::Family => "familie",
            Role::Friend => "vriend",
            Role::Network => "netwerk",
            Role::Harmed => "gedupeerde",
            Role::Responsible => "veroorzaker",
            Role::Resident => "bewoner",
            Role::Supporter => "steunpersoon",
            Role::Interpreter => "tolk",
            Role::Professional => "professional",
            Role::School => "school",
        }
    }
}

/// Anonymises `text`, the file `case` was read from. `language` is the
/// case's document language; `taken` says whether a case id is used by
/// another case of the repository.
pub fn anonymise(
    text: &str,
    case: &Case,
    language: &str,
    taken: impl Fn(&str) -> bool,
) -> Result<Anonymised, toml_edit::TomlError> {
    let mut doc: DocumentMut = text.parse()?;
    let words = if language == "en" { &ENGLISH } else { &DUTCH };
    let mut changes = Vec::new();
    let mut change = |path: String, what: &str| changes.push(format!("{path}: {what}"));

    // Participant ids, in order: p1, p2, ...
    let ids: HashMap<String, String> = case
        .participants
        .iter()
        .enumerate()
        .map(|(i, p)| (p.get_ref().id().to_string(), format!("p{}", i + 1)))
        .collect();

    let id = new_id(case.id(), &taken);
    if id != case.id() {
        set_text(doc.as_table_mut(), "id", &id);
        change("id".into(), &format!("{} → {id}", case.id()));
    }
    remove(doc.as_table_mut(), "title", "title", &mut change);
    // The case's own text in other languages: the question, the title and
    // the arrangements again, so all of it goes.
    remove(
        doc.as_table_mut(),
        "translations",
        "translations",
        &mut change,
    );

    if let Some(request) = table(doc.as_table_mut(), "request") {
        replace(
            request,
            "question",
            words.anonymised,
            "request.question",
            &mut change,
        );
        remove(request, "wishes", "request.wishes", &mut change);
        // `born` goes below; the registration's "minors involved" that it
        // gave stays, as a yes or no.
        if let (None, Some(minors)) = (case.request.get_ref().minors, case.minors()) {
            request.insert("minors", toml_edit::value(minors));
            change(
                "request.minors".into(),
                &format!("{minors} (from the birth dates)"),
            );
        }
        rename(request, "acceptor", &ids, "request.acceptor", &mut change);
        let by_participant = request
            .get("by")
            .and_then(Item::as_str)
            .is_some_and(|by| ids.contains_key(by));
        if by_participant {
            rename(request, "by", &ids, "request.by", &mut change);
        } else {
            remove(request, "by", "request.by", &mut change);
        }
    }

    if let Some(coordinator) = table(doc.as_table_mut(), "coordinator") {
        replace(
            coordinator,
            "name",
            words.coordinator,
            "coordinator.name",
            &mut change,
        );
        for key in ["id", "email", "phone"] {
            remove(coordinator, key, &format!("coordinator.{key}"), &mut change);
        }
    }

    if let Some(conference) = table(doc.as_table_mut(), "conference") {
        replace(
            conference,
            "location",
            words.anonymised,
            "conference.location",
            &mut change,
        );
        for key in ["address", "arrangements"] {
            remove(conference, key, &format!("conference.{key}"), &mut change);
        }
    }

    if let Some(participants) = tables(doc.as_table_mut(), "participant") {
        for (i, (p, table)) in case
            .participants
            .iter()
            .zip(participants.iter_mut())
            .enumerate()
        {
            let path = format!("participant[{}]", i + 1);
            let label = format!(
                "{} {}, {}",
                words.participant,
                i + 1,
                words.role(p.get_ref().role())
            );
            replace(table, "name", &label, &format!("{path}.name"), &mut change);
            rename(table, "id", &ids, &format!("{path}.id"), &mut change);
            for key in [
                "known_as",
                "salutation",
                "relation",
                "born",
                "email",
                "phone",
                "address",
                "needs",
            ] {
                remove(table, key, &format!("{path}.{key}"), &mut change);
            }
            rename(
                table,
                "invited_by",
                &ids,
                &format!("{path}.invited_by"),
                &mut change,
            );
            rename_all(table, "avoid", &ids, &format!("{path}.avoid"), &mut change);
        }
    }

    if let Some(safety) = table(doc.as_table_mut(), "safety") {
        replace(
            safety,
            "arrangement",
            words.anonymised,
            "safety.arrangement",
            &mut change,
        );
    }

    if let Some(plan) = table(doc.as_table_mut(), "plan") {
        replace(
            plan,
            "contingency",
            words.anonymised,
            "plan.contingency",
            &mut change,
        );
        for (key, word) in [("strengths", words.strength), ("goals", words.goal)] {
            if let Some(list) = plan.get_mut(key).and_then(Item::as_array_mut) {
                let mut numbered = Array::new();
                for n in 1..=list.len() {
                    numbered.push(format!("{word} {n}"));
                }
                *list = numbered;
                change(format!("plan.{key}"), "replaced");
            }
        }
        if let Some(agreements) = tables(plan, "agreement") {
            for (j, agreement) in agreements.iter_mut().enumerate() {
                let path = format!("plan.agreement[{}]", j + 1);
                let label = format!("{} {}", words.agreement, j + 1);
                replace(
                    agreement,
                    "what",
                    &label,
                    &format!("{path}.what"),
                    &mut change,
                );
                for key in ["when", "support"] {
                    remove(agreement, key, &format!("{path}.{key}"), &mut change);
                }
                rename_all(agreement, "who", &ids, &format!("{path}.who"), &mut change);
                rename(
                    agreement,
                    "checks",
                    &ids,
                    &format!("{path}.checks"),
                    &mut change,
                );
            }
        }
        if let Some(acceptance) = table(plan, "acceptance") {
            rename(acceptance, "by", &ids, "plan.acceptance.by", &mut change);
            replace(
                acceptance,
                "reason",
                words.anonymised,
                "plan.acceptance.reason",
                &mut change,
            );
        }
    }

    if let Some(followup) = table(doc.as_table_mut(), "followup") {
        rename_all(
            followup,
            "contacted",
            &ids,
            "followup.contacted",
            &mut change,
        );
        remove(followup, "notes", "followup.notes", &mut change);
    }

    // The delivery record stays (what went to whom, when, and how), with
    // the participants' new ids; a server's answer may quote an address.
    if let Some(sent) = tables(doc.as_table_mut(), "sent") {
        for (i, entry) in sent.iter_mut().enumerate() {
            let path = format!("sent[{}]", i + 1);
            rename(entry, "to", &ids, &format!("{path}.to"), &mut change);
            remove(entry, "answer", &format!("{path}.answer"), &mut change);
        }
    }
    // The books: hours, amounts, kilometres and scores stay (the region
    // counts them); what was done or bought, in the coordinator's words, goes.
    for (key, kind) in [("time", "time"), ("expense", "expense")] {
        if let Some(entries) = tables(doc.as_table_mut(), key) {
            for (i, entry) in entries.iter_mut().enumerate() {
                remove(
                    entry,
                    "note",
                    &format!("{kind}[{}].note", i + 1),
                    &mut change,
                );
            }
        }
    }
    // The earlier case's id ends in a family name as this one's does; it
    // keeps its numbers, as the id of that case will (K703 finds it so).
    if let Some(follows) = case.follows.as_ref().map(|f| f.get_ref()) {
        let shortened = new_id(follows, |_| false);
        if shortened != *follows {
            set_text(doc.as_table_mut(), "follows", &shortened);
            change("follows".into(), &format!("{follows} → {shortened}"));
        }
    }

    let comments = skeleton_comments();
    let mut dropped = 0;
    scrub_table(doc.as_table_mut(), &comments, &mut dropped);
    let trailing = doc.trailing().as_str().unwrap_or_default().to_string();
    doc.set_trailing(scrub_text(&trailing, &comments, &mut dropped));
    if dropped > 0 {
        changes.push(format!("comments: {dropped} removed"));
    }
    Ok(Anonymised {
        text: doc.to_string(),
        id,
        changes,
    })
}

/// The case id without the parts that may be a name: `2026-031-bakker`
/// becomes `2026-031`. An id that keeps nothing, or whose shortened form
/// another case uses, gets `-anoniem`, `-anoniem-2`, … after what is left.
/// An id of digits and dashes only stays as it is.
pub fn new_id(id: &str, taken: impl Fn(&str) -> bool) -> String {
    let kept: Vec<&str> = id
        .split('-')
        .take_while(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    let base = kept.join("-");
    if base == id {
        return base;
    }
    if !base.is_empty() && !taken(&base) {
        return base;
    }
    let stem = if base.is_empty() {
        "anoniem".to_string()
    } else {
        format!("{base}-anoniem")
    };
    (1..)
        .map(|n| {
            if n == 1 {
                stem.clone()
            } else {
                format!("{stem}-{n}")
            }
        })
        .find(|candidate| !taken(candidate))
        .unwrap_or(stem)
}

/// Whether a case file holds nothing [`anonymise`] would change.
pub fn is_anonymised(case: &Case) -> bool {
    let coordinator = case.coordinator.as_ref().is_none_or(|c| {
        let c = c.get_ref();
        c.id.is_none()
            && c.email.is_none()
            && c.phone.is_none()
            && crate::model::is_anonymised_coordinator(c.name.get_ref())
    });
    let participants = case.participants.iter().enumerate().all(|(i, p)| {
        let p = p.get_ref();
        crate::model::is_anonymised_label(p.name.get_ref())
            && p.id() == format!("p{}", i + 1)
            && p.email.is_none()
            && p.phone.is_none()
            && p.address.is_none()
            && p.born.is_none()
            && p.relation.is_none()
            && p.needs.is_empty()
            && p.known_as.is_none()
            && p.salutation.is_none()
    });
    let record = case.sent.iter().all(|s| s.get_ref().answer.is_none());
    let books = case.time.iter().all(|t| t.get_ref().note.is_none())
        && case.expenses.iter().all(|e| e.get_ref().note.is_none());
    let follows = case
        .follows
        .as_ref()
        .is_none_or(|f| new_id(f.get_ref(), |_| false) == *f.get_ref());
    coordinator
        && participants
        && record
        && books
        && follows
        && case.title.is_none()
        && case.translations.is_empty()
}

fn table<'t>(parent: &'t mut Table, key: &str) -> Option<&'t mut Table> {
    parent.get_mut(key).and_then(Item::as_table_mut)
}

fn tables<'t>(parent: &'t mut Table, key: &str) -> Option<&'t mut ArrayOfTables> {
    parent.get_mut(key).and_then(Item::as_array_of_tables_mut)
}

/// Sets a string value, keeping the decor (spacing, a kept comment).
fn set_text(table: &mut Table, key: &str, text: &str) {
    if let Some(Item::Value(value)) = table.get_mut(key) {
        let decor = value.decor().clone();
        *value = Value::from(text);
        *value.decor_mut() = decor;
    }
}

fn replace(
    table: &mut Table,
    key: &str,
    text: &str,
    path: &str,
    change: &mut impl FnMut(String, &str),
) {
    if table
        .get(key)
        .and_then(Item::as_str)
        .is_some_and(|old| old != text)
    {
        set_text(table, key, text);
        change(path.to_string(), "replaced");
    }
}

fn remove(table: &mut Table, key: &str, path: &str, change: &mut impl FnMut(String, &str)) {
    if table.remove(key).is_some() {
        change(path.to_string(), "removed");
    }
}

fn rename(
    table: &mut Table,
    key: &str,
    ids: &HashMap<String, String>,
    path: &str,
    change: &mut impl FnMut(String, &str),
) {
    let Some(new) = table
        .get(key)
        .and_then(Item::as_str)
        .and_then(|old| ids.get(old))
    else {
        return;
    };
    let new = new.clone();
    if table.get(key).and_then(Item::as_str) != Some(new.as_str()) {
        set_text(table, key, &new);
        change(path.to_string(), &format!("→ {new}"));
    }
}

fn rename_all(
    table: &mut Table,
    key: &str,
    ids: &HashMap<String, String>,
    path: &str,
    change: &mut impl FnMut(String, &str),
) {
    let Some(list) = table.get_mut(key).and_then(Item::as_array_mut) else {
        return;
    };
    let mut renamed = false;
    for value in list.iter_mut() {
        if let Some(new) = value.as_str().and_then(|old| ids.get(old))
            && value.as_str() != Some(new.as_str())
        {
            let decor = value.decor().clone();
            *value = Value::from(new.as_str());
            *value.decor_mut() = decor;
            renamed = true;
        }
    }
    if renamed {
        change(path.to_string(), "ids renamed");
    }
}

/// The comment lines kring's skeletons write, for every variant and for
/// the languages whose examples they show.
fn skeleton_comments() -> HashSet<String> {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
    let mut keep = HashSet::new();
    for variant in Variant::ALL {
        for lang in ["nl", "en"] {
            let text = crate::edit::skeleton::skeleton("x", variant, None, lang, today);
            keep.extend(
                text.lines()
                    .map(str::trim)
                    .filter(|l| l.starts_with('#'))
                    .map(str::to_string),
            );
        }
    }
    keep
}

/// White space and comments with only the skeleton's comment lines left.
fn scrub_text(text: &str, keep: &HashSet<String>, dropped: &mut usize) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.starts_with('#') && !keep.contains(trimmed) {
            *dropped += 1;
            continue;
        }
        out.push_str(line);
    }
    out
}

fn scrub_decor(decor: &mut Decor, keep: &HashSet<String>, dropped: &mut usize) {
    if let Some(prefix) = decor.prefix().and_then(|r| r.as_str()) {
        let clean = scrub_text(prefix, keep, dropped);
        decor.set_prefix(clean);
    }
    if let Some(suffix) = decor.suffix().and_then(|r| r.as_str()) {
        let clean = scrub_text(suffix, keep, dropped);
        decor.set_suffix(clean);
    }
}

fn scrub_table(table: &mut Table, keep: &HashSet<String>, dropped: &mut usize) {
    scrub_decor(table.decor_mut(), keep, dropped);
    let keys: Vec<String> = table.iter().map(|(k, _)| k.to_string()).collect();
    for key in keys {
        if let Some(mut k) = table.key_mut(&key) {
            scrub_decor(k.leaf_decor_mut(), keep, dropped);
        }
        match table.get_mut(&key) {
            Some(Item::Table(t)) => scrub_table(t, keep, dropped),
            Some(Item::ArrayOfTables(list)) => {
                for t in list.iter_mut() {
                    scrub_table(t, keep, dropped);
                }
            }
            Some(Item::Value(v)) => scrub_value(v, keep, dropped),
            _ => {}
        }
    }
}

fn scrub_value(value: &mut Value, keep: &HashSet<String>, dropped: &mut usize) {
    scrub_decor(value.decor_mut(), keep, dropped);
    match value {
        Value::Array(list) => {
            for item in list.iter_mut() {
                scrub_value(item, keep, dropped);
            }
            let trailing = list.trailing().as_str().unwrap_or_default().to_string();
            list.set_trailing(scrub_text(&trailing, keep, dropped));
        }
        Value::InlineTable(t) => {
            let keys: Vec<String> = t.iter().map(|(k, _)| k.to_string()).collect();
            for key in keys {
                if let Some(mut k) = t.key_mut(&key) {
                    scrub_decor(k.leaf_decor_mut(), keep, dropped);
                }
                if let Some(v) = t.get_mut(&key) {
                    scrub_value(v, keep, dropped);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_lose_the_parts_that_may_be_names() {
        let none = |_: &str| false;
        assert_eq!(new_id("2026-031-bakker", none), "2026-031");
        assert_eq!(new_id("2026-031-van-der-berg", none), "2026-031");
        assert_eq!(new_id("2026-031", none), "2026-031");
        assert_eq!(new_id("bakker", none), "anoniem");
        let taken = |id: &str| id == "2026-031" || id == "2026-031-anoniem";
        assert_eq!(new_id("2026-031-bakker", taken), "2026-031-anoniem-2");
        assert!(crate::model::is_valid_id(&new_id("zoe-2026", none)));
    }

    #[test]
    fn the_record_keeps_its_entries_with_the_new_ids() {
        let text = r#"id = "2026-031-bakker"
variant = "family"

[request]
received = 2026-09-01

[[participant]]
id = "moeder"
name = "Anaïs Bakker"
role = "central"

[[participant]]
id = "oma-ria"
name = "Ria van 't Hof"
role = "family"

[closed]
date = 2026-10-01
reason = "completed"

[[sent]]
to = "oma-ria"
what = "invitation"
via = "email"
date = 2026-09-05
version = "3f2a9c81d0e4b7a6"
state = "failed"
answer = "550 5.1.1 <ria.vanthof@example.nl>: user unknown"
"#;
        let case: Case = toml::from_str(text).unwrap();
        let out = anonymise(text, &case, "nl", |_| false).unwrap();
        assert!(
            out.text
                .contains("[[sent]]\nto = \"p2\"\nwhat = \"invitation\""),
            "{}",
            out.text
        );
        assert!(!out.text.contains("ria.vanthof"), "{}", out.text);
        assert!(
            out.changes.contains(&"sent[1].answer: removed".to_string()),
            "{:?}",
            out.changes
        );
        let after: Case = toml::from_str(&out.text).unwrap();
        assert!(is_anonymised(&after));
        assert!(!is_anonymised(&case));
    }

    #[test]
    fn only_skeleton_comments_stay() {
        let keep: HashSet<String> = ["# kept".to_string()].into();
        let mut dropped = 0;
        let text = "\n# kept\n# Oma Ria belt elke week\n  # kept\n";
        assert_eq!(
            scrub_text(text, &keep, &mut dropped),
            "\n# kept\n  # kept\n"
        );
        assert_eq!(dropped, 1);
    }
}
