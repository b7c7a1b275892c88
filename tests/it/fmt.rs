//! `kring fmt`: canonical, idempotent, meaning-preserving, and careful
//! with files it cannot read.

use std::path::Path;

use predicates::prelude::*;

use crate::support::{demo_copy, demo_dir, files_below, fixture_dir, kring, write};

fn same_meaning(a: &str, b: &str) -> bool {
    let a: toml::Value = toml::from_str(a).unwrap();
    let b: toml::Value = toml::from_str(b).unwrap();
    a == b
}

/// What the rules say about a text, without positions: the codes and
/// messages `kring check` would print, sorted.
fn findings(text: &str) -> Vec<(String, String)> {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let loaded = kring::parse_case("cases/x.toml", text);
    let report = kring::check_cases(&[loaded], &Default::default(), today);
    let mut found: Vec<(String, String)> = report
        .diagnostics
        .into_iter()
        .map(|d| (d.code.to_string(), d.message.in_lang(kring::Lang::En)))
        .collect();
    found.sort();
    found
}

/// Every line of `before` that is only a comment is in `after` as often.
fn comments_kept(before: &str, after: &str) -> Result<(), String> {
    let comments = |text: &str| -> Vec<String> {
        text.lines()
            .map(str::trim)
            .filter(|l| l.starts_with('#'))
            .map(str::to_string)
            .collect()
    };
    let mut rest = comments(after);
    for line in comments(before) {
        match rest.iter().position(|l| *l == line) {
            Some(i) => {
                rest.remove(i);
            }
            None => return Err(format!("comment lost: {line}")),
        }
    }
    Ok(())
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
        let once = kring::format(&text).unwrap();
        let twice = kring::format(&once).unwrap();
        assert_eq!(once, twice, "{}: not idempotent", path.display());
        assert!(
            same_meaning(&text, &once),
            "{}: meaning changed",
            path.display()
        );
        assert_eq!(
            findings(&text),
            findings(&once),
            "{}: the rules see it differently",
            path.display()
        );
        if let Err(e) = comments_kept(&text, &once) {
            panic!("{}: {e}", path.display());
        }
        count += 1;
    }
    assert!(count > 45, "{count}");
}

/// The same through the binary, on copies: every file that loads is
/// written as the library formats it, every other file is left as it was,
/// and a second run finds nothing to change.
#[test]
fn the_binary_formats_copies_of_the_demo_and_every_fixture() {
    let dir = tempfile::tempdir().unwrap();
    kring().arg("init").arg(dir.path()).assert().success();
    let mut originals = Vec::new();
    for (n, path) in case_files().into_iter().enumerate() {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let rel = format!("cases/{n:03}-{name}");
        std::fs::write(dir.path().join(&rel), &bytes).unwrap();
        originals.push((rel, bytes));
    }
    let refused = originals
        .iter()
        .filter(|(rel, bytes)| kring::parse_case_bytes(rel, bytes.clone()).case.is_err())
        .count();
    assert!(
        refused >= 5,
        "the K001/K002 fixtures are among them: {refused}"
    );
    kring()
        .current_dir(dir.path())
        .arg("fmt")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "{refused} files left alone for errors"
        )));
    for (rel, before) in &originals {
        let after = std::fs::read(dir.path().join(rel)).unwrap();
        let loaded = kring::parse_case_bytes(rel, before.clone());
        match (&loaded.case, &loaded.file.text) {
            (Ok(_), Some(text)) => {
                let after = String::from_utf8(after).unwrap();
                assert_eq!(after, kring::format(text).unwrap(), "{rel}");
                assert!(same_meaning(text, &after), "{rel}");
            }
            _ => assert_eq!(&after, before, "{rel}: refused, so untouched"),
        }
    }
    kring()
        .current_dir(dir.path())
        .args(["fmt", "--check"])
        .assert()
        .code(1)
        .stdout("");
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
        ("2026-005-e", "family"),
    ] {
        kring()
            .current_dir(dir.path())
            .args(["new", id, "--variant", variant, "--title"])
            .arg(if id.ends_with("-e") {
                "Plan 'Sam' \"de Vries\""
            } else {
                "Plan \"Sam\""
            })
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
    assert_eq!(kring::format(MESSY).unwrap(), TIDY);
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
        .stderr(predicate::str::contains(
            "error: cases/kapot.toml: not formatted: K001 on line 5: invalid TOML: ",
        ))
        .stderr(predicate::str::contains(
            "error: cases/fout.toml: not formatted: K002 on line 2: unknown value `famly`",
        ))
        .stderr(predicate::str::contains("(run kring check)"))
        .stderr(predicate::str::contains(
            "formatted 5 files: 0 changed, 5 unchanged; 2 files left alone for errors",
        ));
    let read = |rel: &str| std::fs::read_to_string(Path::new(dir.path()).join(rel)).unwrap();
    assert_eq!(read("cases/kapot.toml"), broken);
    assert_eq!(read("cases/fout.toml"), wrong);
    kring()
        .current_dir(dir.path())
        .args(["fmt", "--check"])
        .assert()
        .code(1)
        .stdout("");
}

/// A file that is not UTF-8 or too large (K005) is refused too.
#[test]
fn files_kring_cannot_read_as_text_are_left_alone() {
    let dir = demo_copy();
    let latin1 = b"id = \"2026-073-caf\xe9\"\nvariant = \"family\"\n".to_vec();
    let large = format!(
        "id = \"2026-074-groot\"\nvariant = \"family\"\n# {}\n",
        "x".repeat(kring::MAX_FILE_SIZE as usize)
    );
    std::fs::write(dir.path().join("cases/latin1.toml"), &latin1).unwrap();
    std::fs::write(dir.path().join("cases/groot.toml"), &large).unwrap();
    kring()
        .current_dir(dir.path())
        .arg("fmt")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "error: cases/latin1.toml: not formatted: K005 on line 1: not valid UTF-8 (run kring check)",
        ))
        .stderr(predicate::str::contains(
            "error: cases/groot.toml: not formatted: K005: ",
        ));
    assert_eq!(
        std::fs::read(dir.path().join("cases/latin1.toml")).unwrap(),
        latin1
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("cases/groot.toml")).unwrap(),
        large
    );
}

/// Quoting, spacing, line ends and blank lines all take the one canonical
/// form; inline tables follow the key order too. A string with line breaks
/// stays as written.
const ODD: &str = concat!(
    "# Zaak Visser\r\n\r\n\r\n",
    "\"id\" = 'x-1'   \r\n",
    "variant=\"family\"\r\n",
    "language = \"caf\\u00e9\"\r\n",
    "title = '''Plan \"Sam\" en Sam's'''\r\n",
    "\r\n[ request ]\r\n\r\n\r\n",
    "received = 2026-09-01\r\n",
    "question = '''\r\nTwee\r\nregels'''\r\n",
    "\r\n\r\n\r\n[ conference ]  # gepland\r\n",
    "part = [ { end = 15:30:00 , kind = 'information' } , ]\r\n",
    "arrangements = [\"koffie en thee voor iedereen\", \"kinderopvang in lokaal 3\", \"een tolk Arabisch\"]\r\n",
);

const ODD_TIDY: &str = concat!(
    "# Zaak Visser\n\n",
    "id = \"x-1\"\n",
    "variant = \"family\"\n",
    "language = \"café\"\n",
    "title = \"Plan \\\"Sam\\\" en Sam's\"\n",
    "\n[request]\n",
    "received = 2026-09-01\n",
    "question = '''\r\nTwee\r\nregels'''\n",
    "\n[conference]  # gepland\n",
    "arrangements = [\n",
    "  \"koffie en thee voor iedereen\",\n",
    "  \"kinderopvang in lokaal 3\",\n",
    "  \"een tolk Arabisch\",\n",
    "]\n",
    "part = [{ kind = \"information\", end = 15:30:00 }]\n",
);

#[test]
fn odd_spelling_becomes_canonical() {
    let tidy = kring::format(ODD).unwrap();
    assert_eq!(tidy, ODD_TIDY);
    assert_eq!(kring::format(&tidy).unwrap(), tidy);
    assert!(same_meaning(ODD, &tidy));
}

/// Inputs the fuzzer found (tests/fixtures/fuzz/): formatting them is
/// idempotent and keeps their meaning.
#[test]
fn fuzz_findings_stay_fixed() {
    let dir = fixture_dir("fuzz");
    let mut count = 0;
    for file in files_below(&dir) {
        let text = String::from_utf8_lossy(&std::fs::read(dir.join(&file)).unwrap()).into_owned();
        let Ok(once) = kring::format(&text) else {
            continue;
        };
        assert_eq!(kring::format(&once).unwrap(), once, "{file}");
        if toml::from_str::<toml::Value>(&text).is_ok() {
            assert!(same_meaning(&text, &once), "{file}");
        }
        count += 1;
    }
    assert!(count >= 1);
}
