//! Diagnostics that help: every shape problem of a file at once, in file
//! order, with "did you mean" and the right form of a date.

use predicates::prelude::*;

use crate::support::{TODAY, kring, write};

/// A case file with five different mistakes.
pub const FIVE_MISTAKES: &str = r#"id = "2026-050-visser"
variant = "famly"
titel = "Plan voor Noor"

[request]
received = "2026-10-12"
consent = 2026-10-13

[[participant]]
id = "noor"
name = "Noor Visser"
role = "central"
status = "uitgenodigd"
parts = ["family_time"]
"#;

#[test]
fn every_shape_problem_at_once_in_file_order_with_help() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "kring.toml", "");
    write(dir.path(), "cases/2026-050-visser.toml", FIVE_MISTAKES);
    let output = kring()
        .args(["check", "--format", "json", "--today", TODAY])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let found: Vec<(u64, &str)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["line"].as_u64().unwrap(), d["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        [
            (2, "K002"),
            (3, "K002"),
            (6, "K002"),
            (13, "K002"),
            (14, "K002")
        ]
    );

    let human = kring()
        .args(["check", "--today", TODAY])
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&human.stderr);
    for help in [
        "help: did you mean `family`?",
        "help: did you mean `title`?",
        "help: write `received = 2026-10-12`",
        "help: did you mean `family-time`?",
        "help: did you mean `invited`?",
    ] {
        assert!(stderr.contains(help), "{help} missing in:\n{stderr}");
    }
    // A date error speaks of dates only.
    let date = stderr
        .lines()
        .find(|l| l.contains("without quotes"))
        .unwrap();
    assert!(!date.contains("time"), "{date}");
}

#[test]
fn a_date_in_another_form_is_shown_in_the_right_one() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "kring.toml", "");
    write(
        dir.path(),
        "cases/x.toml",
        "id = \"x\"\nvariant = \"family\"\n[request]\nreceived = 12-10-2026\n",
    );
    kring()
        .args(["check", "--today", TODAY])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error[K001]"))
        .stderr(predicate::str::contains(
            "help: a date is written as year-month-day: `received = 2026-10-12`",
        ));
    kring()
        .args(["check", "--today", "01-12-2026"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("year-month-day: 2026-12-01"))
        .stderr(predicate::str::contains("trailing").not());
}

#[test]
fn a_second_table_points_at_the_first() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "kring.toml", "");
    write(
        dir.path(),
        "cases/x.toml",
        "id = \"x\"\nvariant = \"family\"\n[request]\nreceived = 2026-10-12\n[tasks]\ncircle = 2026-10-13\n\n[tasks]\npractical = 2026-10-14\n",
    );
    kring()
        .args(["check", "--today", TODAY])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("[tasks] is already on line 5"));
}

#[test]
fn a_latin_1_file_is_reported_at_its_first_bad_byte() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "kring.toml", "");
    let mut bytes = b"id = \"x\"\nvariant = \"family\"\ntitle = \"Zo".to_vec();
    bytes.push(0xeb); // ë in Latin-1
    bytes.extend_from_slice(b"\"\n");
    std::fs::create_dir_all(dir.path().join("cases")).unwrap();
    std::fs::write(dir.path().join("cases/x.toml"), bytes).unwrap();
    kring()
        .args(["check", "--today", TODAY])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--> cases/x.toml:3:12"));
}

#[test]
fn a_roster_file_shows_its_line_and_says_unknown_key() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "kring.toml", "");
    write(dir.path(), "cases/.gitkeep", "");
    write(
        dir.path(),
        "coordinators/fatima.toml",
        "id = \"fatima\"\nname = \"Fatima\"\nkleur = \"blauw\"\n",
    );
    kring()
        .args(["check", "--today", TODAY])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error[K601]: unknown key `kleur`"))
        .stderr(predicate::str::contains("3 | kleur = \"blauw\""));
}
