//! The delivery record in a case file (DESIGN §9.2): `[[sent]]` entries,
//! a `proposed` participant moved to `invited`, `plan.sent`.
//!
//! Written with toml_edit, so the file keeps its layout and comments. Each
//! call reads the file afresh, applies the changes to what it finds and
//! replaces the file only if nobody saved it meanwhile; if someone did, it
//! starts again from their version, so their edit and the record both
//! stay. The file is replaced atomically and synced before `apply`
//! returns: `kring send` relies on a `pending` entry being on disk before
//! it hands a message over.

use std::path::Path;

use chrono::NaiveDate;
use sha2::{Digest, Sha256};
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, value};

use crate::fsutil::{Replaced, replace_if_unchanged};
use crate::model::{SentState, SentWhat, Via};

/// One `[[sent]]` entry as [`apply`] writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub to: String,
    pub what: SentWhat,
    pub via: Via,
    pub date: NaiveDate,
    pub version: String,
    pub state: SentState,
    pub answer: Option<String>,
}

/// One change to a case file's record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A new `[[sent]]` entry at the end of the record.
    Add(Entry),
    /// The last `pending` entry for this participant, message and version
    /// gets its outcome (`sent` or `failed`, with the server's answer).
    /// Nothing happens if there is none (someone removed it by hand).
    Settle {
        to: String,
        what: SentWhat,
        version: String,
        state: SentState,
        answer: Option<String>,
    },
    /// A participant whose invitation went out: `proposed` (or no status)
    /// becomes `invited`; any other status stays.
    Invited { participant: String },
    /// The plan reached everyone who took part: `plan.sent`, if not set.
    PlanSent { date: NaiveDate },
}

#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    /// The file is no longer TOML (an edit in progress, say); nothing was
    /// written.
    #[error("{path} is no longer valid TOML: {message}")]
    NotToml { path: String, message: String },
    #[error("cannot write {path}: {source}")]
    Write { path: String, source: anyhow::Error },
    /// The file kept changing under us.
    #[error("{path} changed {tries} times while kring was writing to it")]
    Busy { path: String, tries: u32 },
}

/// How often [`apply`] starts again when the file changed meanwhile.
const TRIES: u32 = 20;

/// Applies `changes` to the case file at `path`, atomically, keeping an
/// edit saved meanwhile.
pub fn apply(path: &Path, changes: &[Change]) -> Result<(), RecordError> {
    let shown = || path.display().to_string();
    for _ in 0..TRIES {
        let before = std::fs::read(path).map_err(|source| RecordError::Read {
            path: shown(),
            source,
        })?;
        let text = String::from_utf8_lossy(&before);
        let mut doc: DocumentMut =
            text.parse()
                .map_err(|e: toml_edit::TomlError| RecordError::NotToml {
                    path: shown(),
                    message: e.message().to_string(),
                })?;
        for change in changes {
            change_document(&mut doc, change);
        }
        let after = doc.to_string();
        match replace_if_unchanged(path, &before, after.as_bytes()) {
            Ok(Replaced::Written) => return Ok(()),
            Ok(Replaced::ChangedMeanwhile) => continue,
            Err(source) => {
                return Err(RecordError::Write {
                    path: shown(),
                    source,
                });
            }
        }
    }
    Err(RecordError::Busy {
        path: shown(),
        tries: TRIES,
    })
}

/// Applies one change to a parsed case file.
pub fn change_document(doc: &mut DocumentMut, change: &Change) {
    match change {
        Change::Add(entry) => add(doc, entry),
        Change::Settle {
            to,
            what,
            version,
            state,
            answer,
        } => settle(doc, to, *what, version, *state, answer.as_deref()),
        Change::Invited { participant } => invited(doc, participant),
        Change::PlanSent { date } => plan_sent(doc, *date),
    }
}

fn add(doc: &mut DocumentMut, entry: &Entry) {
    let root = doc.as_table_mut();
    if !root.get("sent").is_some_and(Item::is_array_of_tables) {
        // An empty `sent = []` (or nothing) becomes the array of tables.
        root.remove("sent");
        root.insert("sent", Item::ArrayOfTables(ArrayOfTables::new()));
    }
    let mut table = Table::new();
    table.insert("to", value(entry.to.as_str()));
    table.insert("what", value(what_str(entry.what)));
    table.insert("via", value(via_str(entry.via)));
    table.insert("date", value(toml_date(entry.date)));
    table.insert("version", value(entry.version.as_str()));
    table.insert("state", value(state_str(entry.state)));
    if let Some(answer) = &entry.answer {
        table.insert("answer", value(one_line(answer)));
    }
    if let Some(Item::ArrayOfTables(array)) = root.get_mut("sent") {
        array.push(table);
    }
}

fn settle(
    doc: &mut DocumentMut,
    to: &str,
    what: SentWhat,
    version: &str,
    state: SentState,
    answer: Option<&str>,
) {
    let Some(Item::ArrayOfTables(array)) = doc.as_table_mut().get_mut("sent") else {
        return;
    };
    let is = |t: &Table, key: &str, want: &str| t.get(key).and_then(Item::as_str) == Some(want);
    let found = (0..array.len()).rev().find(|&i| {
        array.get(i).is_some_and(|t| {
            is(t, "to", to)
                && is(t, "what", what_str(what))
                && is(t, "version", version)
                && is(t, "state", "pending")
        })
    });
    if let Some(table) = found.and_then(|i| array.get_mut(i)) {
        table.insert("state", value(state_str(state)));
        match answer {
            Some(answer) => {
                table.insert("answer", value(one_line(answer)));
            }
            None => {
                table.remove("answer");
            }
        }
    }
}

fn invited(doc: &mut DocumentMut, participant: &str) {
    let Some(Item::ArrayOfTables(people)) = doc.as_table_mut().get_mut("participant") else {
        return;
    };
    let Some(person) = people
        .iter_mut()
        .find(|t| t.get("id").and_then(Item::as_str) == Some(participant))
    else {
        return;
    };
    match person.get("status").and_then(Item::as_str) {
        None => {
            // Placed after the keys that come before it in the canonical
            // order is `kring fmt`'s job; at the end it is still correct.
            person.insert("status", value("invited"));
        }
        Some("proposed") => {
            if let Some(item) = person.get_mut("status")
                && let Some(v) = item.as_value_mut()
            {
                let decor = v.decor().clone();
                *v = "invited".into();
                *v.decor_mut() = decor;
            }
        }
        Some(_) => {}
    }
}

fn plan_sent(doc: &mut DocumentMut, date: NaiveDate) {
    let Some(plan) = doc
        .as_table_mut()
        .get_mut("plan")
        .and_then(Item::as_table_like_mut)
    else {
        return;
    };
    if plan.get("sent").is_none() {
        plan.insert("sent", value(toml_date(date)));
    }
}

/// The version of a document as sent: the first 16 hex digits of its
/// SHA-256.
pub fn version(document: &str) -> String {
    let digest = Sha256::digest(document.as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

fn toml_date(date: NaiveDate) -> toml_edit::Datetime {
    use chrono::Datelike;
    toml_edit::Datetime {
        date: Some(toml_edit::Date {
            // NaiveDate's year fits: case dates are checked to be 4 digits.
            year: u16::try_from(date.year()).unwrap_or(0),
            month: date.month() as u8,
            day: date.day() as u8,
        }),
        time: None,
        offset: None,
    }
}

/// A server's answer on one line, without control characters, at most
/// 300 characters: it goes into a case file.
fn one_line(answer: &str) -> String {
    let cleaned: String = answer
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    words.join(" ").chars().take(300).collect()
}

pub fn what_str(what: SentWhat) -> &'static str {
    match what {
        SentWhat::Invitation => "invitation",
        SentWhat::Update => "update",
        SentWhat::Reminder => "reminder",
        SentWhat::Plan => "plan",
        SentWhat::Cancellation => "cancellation",
    }
}

pub fn via_str(via: Via) -> &'static str {
    match via {
        Via::Email => "email",
        Via::Post => "post",
    }
}

pub fn state_str(state: SentState) -> &'static str {
    match state {
        SentState::Pending => "pending",
        SentState::Sent => "sent",
        SentState::Failed => "failed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CASE: &str = r#"# Mijn zaak
id = "2026-001-test"
variant = "family"

[[participant]]
id = "moeder"   # de moeder
name = "Anna Jansen"
status = "proposed" # nog niet gevraagd

[[participant]]
id = "oom"
name = "Kees Jansen"

[plan]
recorded = 2026-10-01
"#;

    fn entry(to: &str, state: SentState) -> Entry {
        Entry {
            to: to.into(),
            what: SentWhat::Invitation,
            via: Via::Email,
            date: NaiveDate::from_ymd_opt(2026, 9, 5).unwrap(),
            version: "3f2a9c81d0e4b7a6".into(),
            state,
            answer: None,
        }
    }

    fn applied(text: &str, changes: &[Change]) -> String {
        let mut doc: DocumentMut = text.parse().unwrap();
        for c in changes {
            change_document(&mut doc, c);
        }
        doc.to_string()
    }

    #[test]
    fn adds_entries_and_keeps_comments() {
        let out = applied(CASE, &[Change::Add(entry("moeder", SentState::Pending))]);
        assert!(out.starts_with(CASE), "{out}");
        assert!(out.ends_with(
            "\n[[sent]]\nto = \"moeder\"\nwhat = \"invitation\"\nvia = \"email\"\ndate = 2026-09-05\nversion = \"3f2a9c81d0e4b7a6\"\nstate = \"pending\"\n"
        ), "{out}");
        #[derive(serde::Deserialize)]
        struct Record {
            sent: Vec<crate::model::Sent>,
        }
        let record: Record = toml::from_str(&out).unwrap();
        assert_eq!(record.sent.len(), 1);
    }

    #[test]
    fn settles_the_pending_entry_only() {
        let out = applied(
            CASE,
            &[
                Change::Add(entry("moeder", SentState::Sent)),
                Change::Add(entry("moeder", SentState::Pending)),
                Change::Settle {
                    to: "moeder".into(),
                    what: SentWhat::Invitation,
                    version: "3f2a9c81d0e4b7a6".into(),
                    state: SentState::Failed,
                    answer: Some("550 5.1.1\r\nBcc: x@example.org user unknown".into()),
                },
            ],
        );
        let doc: DocumentMut = out.parse().unwrap();
        let sent = doc["sent"].as_array_of_tables().unwrap();
        let states: Vec<_> = sent.iter().map(|t| t["state"].as_str().unwrap()).collect();
        assert_eq!(states, ["sent", "failed"]);
        assert_eq!(
            sent.get(1).unwrap()["answer"].as_str(),
            Some("550 5.1.1 Bcc: x@example.org user unknown")
        );
    }

    #[test]
    fn moves_proposed_to_invited_and_keeps_other_statuses() {
        let out = applied(
            CASE,
            &[
                Change::Invited {
                    participant: "moeder".into(),
                },
                Change::Invited {
                    participant: "oom".into(),
                },
            ],
        );
        assert!(
            out.contains("status = \"invited\" # nog niet gevraagd"),
            "{out}"
        );
        assert!(
            out.contains("name = \"Kees Jansen\"\nstatus = \"invited\"\n"),
            "{out}"
        );
        let confirmed = CASE.replace("\"proposed\"", "\"confirmed\"");
        let out = applied(
            &confirmed,
            &[Change::Invited {
                participant: "moeder".into(),
            }],
        );
        assert!(out.contains("status = \"confirmed\""), "{out}");
    }

    #[test]
    fn plan_sent_is_set_once() {
        let date = NaiveDate::from_ymd_opt(2026, 10, 2).unwrap();
        let out = applied(CASE, &[Change::PlanSent { date }]);
        assert!(
            out.contains("recorded = 2026-10-01\nsent = 2026-10-02\n"),
            "{out}"
        );
        let later = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
        assert_eq!(applied(&out, &[Change::PlanSent { date: later }]), out);
    }

    #[test]
    fn apply_writes_the_file_and_fails_on_broken_toml() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("case.toml");
        std::fs::write(&path, CASE).unwrap();
        apply(&path, &[Change::Add(entry("oom", SentState::Sent))]).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("to = \"oom\""));
        std::fs::write(&path, "id = \n").unwrap();
        let err = apply(&path, &[Change::Add(entry("oom", SentState::Sent))]).unwrap_err();
        assert!(matches!(err, RecordError::NotToml { .. }), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "id = \n");
    }

    #[test]
    fn versions_are_16_hex_digits() {
        let v = version("hallo");
        assert_eq!(v.len(), 16);
        assert!(v.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(v, version("hallo!"));
    }
}
