//! `kring fmt`: canonical, idempotent, meaning-preserving, and careful
//! with files it cannot read.

mod support;

use std::path::Path;

use predicates::prelude::*;
use support::{demo_copy, demo_dir, files_below, fixture_dir, kring, write};

fn same_meaning(a: &str, b: &str) -> bool {
    let a: toml::Value = toml::from_str(a).unwrap();
    let b: toml::Value = toml::from_str(b).unwrap();
    a == b
}

/// Every case file of the demo and of the rule fixtures that is TOML.
fn case_files() -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for root in [demo_dir(), fixture_dir("rules"), fixture_dir("render")] {
        for file in files_below(&root) {
            if file.ends_with(".toml") && file.contains("cases/") {
                files.push(root.join(file));
            }
        }
    }
    files
}

#[test]
fn formatting_is_idempotent_and_keeps_the_meaning() {
    let mut count = 0;
    for path in case_files() {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        if toml::from_str::<toml::Value>(&text).is_err() {
            continue;
        }
        let once = kring::fmt::format(&text).unwrap();
        let twice = kring::fmt::format(&once).unwrap();
        assert_eq!(once, twice, "{}: not idempotent", path.display());
        assert!(
            same_meaning(&text, &once),
            "{}: meaning changed",
            path.display()
        );
        count += 1;
    }
    assert!(count > 45, "{count}");
}

#[test]
fn the_demo_and_new_files_are_already_formatted() {
    kring()
        .args(["fmt", "--check"])
        .arg(demo_dir())
        .assert()
        .success()
        .stdout("");
    let dir = tempfile::tempdir().unwrap();
    kring().arg("init").arg(dir.path()).assert().success();
    for (id, variant) in [
        ("2026-001-a", "family"),
        ("2026-002-b", "learning"),
        ("2026-003-c", "restorative"),
        ("2026-004-d", "community"),
    ] {
        kring()
            .current_dir(dir.path())
            .args(["new", id, "--variant", variant, "--title", "Plan \"Sam\""])
            .assert()
            .success();
    }
    kring()
        .current_dir(dir.path())
        .args(["fmt", "--check"])
        .assert()
        .success()
        .stdout("");
}

const MESSY: &str = r#"# Zaak Jansen
# aangemaakt door Fatima

title='Leerplan'
variant   =    "family"
id="2026-070-jansen"   # de id

[[participant]]
role="central"
name = 'Sam Jansen'
id = "sam"
needs = [ "rolstoel" , "tolk",]
[request]
question = """Hoe verder?"""
received=2026-09-01


# wie coördineert
[coordinator]
independent=true
name="Fatima"
assigned=2026-09-02
[[participant]]
name = "Oma"   # oma van Sam
id = "oma"
role = "family"
avoid = [
  "sam", # toch niet
]
"#;

const TIDY: &str = r#"# Zaak Jansen
# aangemaakt door Fatima

id = "2026-070-jansen"   # de id
variant = "family"
title = "Leerplan"

[request]
received = 2026-09-01
question = "Hoe verder?"

# wie coördineert
[coordinator]
name = "Fatima"
assigned = 2026-09-02
independent = true

[[participant]]
id = "sam"
name = "Sam Jansen"
role = "central"
needs = ["rolstoel", "tolk"]

[[participant]]
id = "oma"
name = "Oma"   # oma van Sam
role = "family"
avoid = [
  "sam", # toch niet
]
"#;

#[test]
fn a_messy_file_becomes_canonical() {
    assert_eq!(kring::fmt::format(MESSY).unwrap(), TIDY);
    assert!(same_meaning(MESSY, TIDY));
}

#[test]
fn check_lists_what_would_change_and_fmt_changes_it() {
    let dir = demo_copy();
    write(dir.path(), "cases/2026/messy.toml", MESSY);
    let output = kring()
        .current_dir(dir.path())
        .args(["fmt", "--check"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "cases/2026/messy.toml\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("cases/2026/messy.toml")).unwrap(),
        MESSY,
        "--check writes nothing"
    );
    kring()
        .current_dir(dir.path())
        .arg("fmt")
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "formatted 6 files: 1 changed, 5 unchanged",
        ));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("cases/2026/messy.toml")).unwrap(),
        TIDY
    );
    kring()
        .current_dir(dir.path())
        .args(["fmt", "--check"])
        .assert()
        .success();
}

#[test]
fn files_with_shape_errors_are_left_alone() {
    let dir = demo_copy();
    let broken = "id = \"2026-071-kapot\"\nvariant = \"family\"\n[request]\nreceived=2026-09-01\n[[participant]\n";
    let wrong = "id = \"2026-072-fout\"\nvariant = \"famly\"\n[request]\nreceived=2026-09-01\n";
    write(dir.path(), "cases/kapot.toml", broken);
    write(dir.path(), "cases/fout.toml", wrong);
    kring()
        .current_dir(dir.path())
        .arg("fmt")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cases/kapot.toml: not formatted"))
        .stderr(predicate::str::contains("cases/fout.toml: not formatted"));
    let read = |rel: &str| std::fs::read_to_string(Path::new(dir.path()).join(rel)).unwrap();
    assert_eq!(read("cases/kapot.toml"), broken);
    assert_eq!(read("cases/fout.toml"), wrong);
}

/// Inputs the fuzzer found (tests/fixtures/fuzz/): formatting them is
/// idempotent and keeps their meaning.
#[test]
fn fuzz_findings_stay_fixed() {
    let dir = fixture_dir("fuzz");
    let mut count = 0;
    for file in files_below(&dir) {
        let text = String::from_utf8_lossy(&std::fs::read(dir.join(&file)).unwrap()).into_owned();
        let Ok(once) = kring::fmt::format(&text) else {
            continue;
        };
        assert_eq!(kring::fmt::format(&once).unwrap(), once, "{file}");
        if toml::from_str::<toml::Value>(&text).is_ok() {
            assert!(same_meaning(&text, &once), "{file}");
        }
        count += 1;
    }
    assert!(count >= 1);
}
