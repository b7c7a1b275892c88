//! `kring anonymise`: retention of closed cases (rule K311).

use std::path::Path;

use predicates::prelude::*;

use crate::support::{TODAY, demo_copy, files_below, kring, read, snapshot};

const BAKKER: &str = "cases/2026/2026-031-bakker.toml";
/// Two years later: well past the retention period of the demo's closed case.
const LATER: &str = "2028-11-22";

/// Professionals' organisations stay: rule K208 compares them with the
/// coordinator's, and they name institutions, not the family.
const KEPT: &[&str] = &["organisation"];

fn personal_values(text: &str) -> Vec<String> {
    crate::support::personal_values(text, KEPT)
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
