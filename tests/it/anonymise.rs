//! `kring anonymise`: retention of closed cases (rule K311).

use std::path::Path;

use predicates::prelude::*;

use crate::support::{TODAY, demo_copy, files_below, kring, read, snapshot};

const BAKKER: &str = "cases/2026/2026-031-bakker.toml";
/// Two years later: well past the retention period of the demo's closed case.
const LATER: &str = "2028-11-22";

/// Every personal value in a case file, found by reading it as TOML: names
/// (and their longer parts), contact details, birth dates, relations, needs,
/// ids and free text.
fn personal_values(text: &str) -> Vec<String> {
    let doc: toml::Table = text.parse().unwrap();
    let mut values = Vec::new();
    // Names, also in parts: "Anaïs" of "Anaïs Bakker-van der Velde".
    let mut names: Vec<String> = Vec::new();
    let mut push = |v: Option<&toml::Value>| match v {
        Some(toml::Value::String(s)) => values.push(s.clone()),
        Some(toml::Value::Datetime(d)) => values.push(d.to_string()),
        Some(toml::Value::Array(list)) => {
            for item in list {
                if let toml::Value::String(s) = item {
                    values.push(s.clone());
                }
            }
        }
        _ => {}
    };
    let table = |key: &str| doc.get(key).and_then(|v| v.as_table());
    push(doc.get("title"));
    if let Some(r) = table("request") {
        push(r.get("question"));
        if let Some(w) = r.get("wishes").and_then(|w| w.as_table()) {
            for v in w.values() {
                push(Some(v));
            }
        }
    }
    if let Some(c) = table("coordinator") {
        for key in ["id", "name", "email", "phone"] {
            push(c.get(key));
        }
        names.extend(c.get("name").and_then(|n| n.as_str()).map(str::to_string));
    }
    if let Some(c) = table("conference") {
        for key in ["location", "address", "arrangements"] {
            push(c.get(key));
        }
    }
    for p in tables(&doc, "participant") {
        for key in [
            "id", "name", "relation", "born", "email", "phone", "address", "needs",
        ] {
            push(p.get(key));
        }
        names.extend(p.get("name").and_then(|n| n.as_str()).map(str::to_string));
    }
    if let Some(s) = table("safety") {
        push(s.get("arrangement"));
    }
    if let Some(plan) = table("plan") {
        for key in ["contingency", "strengths", "goals"] {
            push(plan.get(key));
        }
        for a in tables(plan, "agreement") {
            for key in ["what", "when", "support"] {
                push(a.get(key));
            }
        }
    }
    if let Some(f) = table("followup") {
        push(f.get("notes"));
    }
    // The family name in the case id.
    if let Some(id) = doc.get("id").and_then(|v| v.as_str()) {
        values.extend(
            id.split('-')
                .filter(|part| !part.bytes().all(|b| b.is_ascii_digit()))
                .map(str::to_string),
        );
    }
    let parts: Vec<String> = names
        .iter()
        .flat_map(|v| v.split([' ', '-', ',', '(', ')', '\'']))
        .filter(|part| part.chars().count() > 3)
        .map(str::to_string)
        .collect();
    values.extend(parts);
    values.retain(|v| v.trim().chars().count() > 2);
    values.sort();
    values.dedup();
    values
}

/// The tables of an array of tables (`[[participant]]`), none when absent.
fn tables<'a>(parent: &'a toml::Table, key: &str) -> impl Iterator<Item = &'a toml::Table> {
    parent
        .get(key)
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_table())
}

/// A repository with only the demo's closed case, rendered.
fn bakker_only() -> tempfile::TempDir {
    let dir = demo_copy();
    for file in files_below(&dir.path().join("cases")) {
        if !BAKKER.ends_with(&file) {
            std::fs::remove_file(dir.path().join("cases").join(file)).unwrap();
        }
    }
    // The roster names the coordinator; it is not part of the case.
    std::fs::remove_dir_all(dir.path().join("coordinators")).unwrap();
    kring()
        .args(["render", "-q", "--today", TODAY])
        .arg(dir.path())
        .assert()
        .success();
    dir
}

#[test]
fn no_personal_value_is_left_and_check_still_passes() {
    let dir = bakker_only();
    let original = read(&dir.path().join(BAKKER));
    let values = personal_values(&original);
    assert!(values.len() > 60, "{values:?}");
    kring()
        .current_dir(dir.path())
        .args(["anonymise", "2026-031-bakker", "--today", TODAY])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "anonymised cases/2026/2026-031-bakker.toml → cases/2026/2026-031.toml",
        ))
        .stderr(predicate::str::contains(
            "removed its documents in out/2026-031-bakker/",
        ));

    // Nothing anywhere in the repository, documents included.
    for (file, bytes) in snapshot(dir.path()) {
        let text = String::from_utf8_lossy(&bytes);
        for value in &values {
            assert!(
                !text.contains(value.as_str()),
                "{file} still holds {value:?}"
            );
        }
    }

    // The case checks clean, also long after the retention period.
    let output = kring()
        .args(["check", "--format", "json", "--today", LATER])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["errors"], 0, "{report}");
    assert_eq!(report["warnings"], 0, "{report}");
}

#[test]
fn structure_dates_roles_and_counts_stay() {
    let dir = bakker_only();
    let before: toml::Table = read(&dir.path().join(BAKKER)).parse().unwrap();
    kring()
        .current_dir(dir.path())
        .args(["anonymise", "2026-031-bakker", "--today", TODAY])
        .assert()
        .success();
    let after: toml::Table = read(&dir.path().join("cases/2026/2026-031.toml"))
        .parse()
        .unwrap();
    let people = |doc: &toml::Table| -> Vec<(String, String, String)> {
        doc["participant"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                let field = |k: &str| p.get(k).map(|v| v.to_string()).unwrap_or_default();
                (field("role"), field("status"), field("prepared"))
            })
            .collect()
    };
    assert_eq!(people(&before), people(&after));
    for table in ["conference", "followup", "closed"] {
        for key in ["date", "done", "start", "end", "reason"] {
            assert_eq!(
                before[table].get(key),
                after[table].get(key),
                "{table}.{key}"
            );
        }
    }
    let agreements = |doc: &toml::Table| doc["plan"]["agreement"].as_array().unwrap().len();
    assert_eq!(agreements(&before), agreements(&after));
    assert_eq!(before["plan"]["recorded"], after["plan"]["recorded"]);
    assert_eq!(
        before["plan"]["acceptance"]["accepted"],
        after["plan"]["acceptance"]["accepted"]
    );
    assert_eq!(
        before["request"]["compulsory"],
        after["request"]["compulsory"]
    );
    // The acceptor is still the professional who accepted.
    let acceptor = after["request"]["acceptor"].as_str().unwrap();
    assert_eq!(after["plan"]["acceptance"]["by"].as_str(), Some(acceptor));
}

#[test]
fn stats_count_the_same_before_and_after() {
    let dir = demo_copy();
    let stats = |dir: &Path| {
        kring()
            .args(["stats", "--format", "json", "--today", TODAY])
            .arg(dir)
            .output()
            .unwrap()
            .stdout
    };
    let before = stats(dir.path());
    kring()
        .current_dir(dir.path())
        .args(["anonymise", "2026-031-bakker", "--today", TODAY])
        .assert()
        .success();
    assert_eq!(
        String::from_utf8(stats(dir.path())).unwrap(),
        String::from_utf8(before).unwrap()
    );
}

#[test]
fn open_cases_are_refused_and_left_alone() {
    let dir = demo_copy();
    let before = snapshot(dir.path());
    kring()
        .current_dir(dir.path())
        .args([
            "anonymise",
            "2026-041-smit",
            "2026-038-yildiz",
            "--today",
            TODAY,
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "cases/2026/2026-041-smit.toml: not anonymised: the case is not closed",
        ));
    assert!(snapshot(dir.path()) == before);
}

#[test]
fn dry_run_shows_and_writes_nothing_and_a_second_run_changes_nothing() {
    let dir = demo_copy();
    let before = snapshot(dir.path());
    kring()
        .current_dir(dir.path())
        .args([
            "anonymise",
            "2026-031-bakker",
            "--dry-run",
            "--today",
            TODAY,
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "  id: 2026-031-bakker → 2026-031\n",
        ))
        .stdout(predicate::str::contains(
            "  participant[2].email: removed\n",
        ));
    assert!(snapshot(dir.path()) == before);

    kring()
        .current_dir(dir.path())
        .args(["anonymise", "2026-031-bakker", "--today", TODAY])
        .assert()
        .success();
    let once = snapshot(dir.path());
    kring()
        .current_dir(dir.path())
        .args(["anonymise", "2026-031", "--today", TODAY])
        .assert()
        .success()
        .stderr(predicate::str::contains("already anonymised"));
    assert!(snapshot(dir.path()) == once);
}

#[test]
fn a_closed_learning_case_anonymises_cleanly() {
    let dir = demo_copy();
    let path = dir.path().join("cases/2026/2026-038-yildiz.toml");
    let text = read(&path) + "\n[closed]\ndate = 2027-03-01\nreason = \"cancelled\"\n";
    std::fs::write(&path, &text).unwrap();
    kring()
        .current_dir(dir.path())
        .args(["anonymise", "2026-038-yildiz", "--today", LATER])
        .assert()
        .success();
    let new = dir.path().join("cases/2026/2026-038.toml");
    let anonymised = read(&new);
    for value in personal_values(&text) {
        assert!(!anonymised.contains(&value), "{value:?} is left");
    }
    assert!(anonymised.contains("name = \"deelnemer 1, centraal\""));
    kring()
        .args(["check", "--today", LATER])
        .arg(&new)
        .assert()
        .success()
        .stderr(predicate::str::contains("K204").not())
        .stderr(predicate::str::contains("K311").not());
}
