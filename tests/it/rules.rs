//! Every K-code has a fixture that triggers it, and this test sees it there.
//!
//! A fixture is a small case repository in `tests/fixtures/rules/<CODE>/`.
//! Each line where a diagnostic must point carries a comment
//! `# expect: K205` (several codes: `# expect: K205 K501`). The test runs
//! `kring check --format json` on the fixture and asserts that the
//! diagnostics are exactly the expected ones: code, file and line.

use std::collections::BTreeSet;
use std::path::Path;

use crate::support::{TODAY, fixture_dir, kring};

/// (file relative to the fixture, line, code)
type Expectation = (String, usize, String);

fn expectations(root: &Path) -> BTreeSet<Expectation> {
    let mut expected = BTreeSet::new();
    // The whole fixture: a case file outside cases/ is reported too (K008).
    for entry in walkdir::WalkDir::new(root) {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() || entry.path().extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let bytes = std::fs::read(entry.path()).unwrap();
        for (index, line) in String::from_utf8_lossy(&bytes).lines().enumerate() {
            if let Some((_, codes)) = line.split_once("# expect:") {
                for code in codes.split_whitespace() {
                    expected.insert((rel.clone(), index + 1, code.to_string()));
                }
            }
        }
    }
    expected
}

fn check_fixture(code: &str) {
    let root = fixture_dir("rules").join(code);
    let expected = expectations(&root);
    assert!(
        expected.iter().any(|(_, _, c)| c == code),
        "fixture {code} expects no {code}"
    );
    let output = kring()
        .args(["check", "--format", "json", "--today", TODAY])
        .arg(&root)
        .output()
        .unwrap();
    // The same diagnostics in Dutch: codes, places and severities.
    let dutch = kring()
        .args([
            "check", "--format", "json", "--lang", "nl", "--today", TODAY,
        ])
        .arg(&root)
        .output()
        .unwrap();
    let places = |stdout: &[u8]| -> Vec<(String, u64, u64, String, String)> {
        let json: serde_json::Value = serde_json::from_slice(stdout).unwrap_or_default();
        json["diagnostics"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|d| {
                let text = |key: &str| d[key].as_str().unwrap_or_default().to_string();
                let number = |key: &str| d[key].as_u64().unwrap_or_default();
                (
                    text("file"),
                    number("line"),
                    number("column"),
                    text("code"),
                    text("severity"),
                )
            })
            .collect()
    };
    assert_eq!(
        places(&output.stdout),
        places(&dutch.stdout),
        "{code}: Dutch differs"
    );
    assert_eq!(
        output.status.code(),
        dutch.status.code(),
        "{code}: Dutch exit code"
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "{code}: no JSON on stdout ({e}): {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let diagnostics = json["diagnostics"].as_array().unwrap();
    let actual: BTreeSet<Expectation> = diagnostics
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap() as usize,
                d["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        actual, expected,
        "{code}: diagnostics differ from the `# expect:` comments\n{json:#}"
    );

    let rule = kring::Code::parse(code).unwrap().rule();
    for d in diagnostics.iter().filter(|d| d["code"] == code) {
        assert_eq!(d["severity"], rule.severity.as_str(), "{code}: severity");
        assert!(d["column"].as_u64().unwrap() >= 1, "{code}: column");
    }
    let has_error = diagnostics.iter().any(|d| d["severity"] == "error");
    let expected_exit = if has_error { 1 } else { 0 };
    assert_eq!(
        output.status.code(),
        Some(expected_exit),
        "{code}: exit code"
    );
    assert_eq!(
        json["errors"].as_u64().unwrap() as usize,
        diagnostics
            .iter()
            .filter(|d| d["severity"] == "error")
            .count()
    );
}

macro_rules! fixtures {
    ($($name:ident => $code:literal),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                check_fixture($code);
            }
        )*

        /// Every rule in the table has a fixture listed above.
        #[test]
        fn every_rule_has_a_fixture() {
            let listed: BTreeSet<&str> = [$($code),*].into_iter().collect();
            let mut missing: Vec<&str> = kring::RULES
                .iter()
                .map(|r| r.code.as_str())
                .filter(|c| !listed.contains(c))
                .collect();
            // K005's files are made by tests/it/bad_input.rs (a 1 MiB file is not committed).
            missing.retain(|c| *c != "K005");
            assert!(missing.is_empty(), "rules without a fixture: {missing:?}");
        }
    };
}

fixtures! {
    k001_invalid_toml => "K001",
    k002_wrong_shape => "K002",
    k003_invalid_id => "K003",
    k004_duplicate_case_id => "K004",
    k006_placeholder => "K006",
    k007_file_name_is_not_the_id => "K007",
    k008_case_file_outside_the_case_folder => "K008",
    k101_duplicate_participant_id => "K101",
    k102_dangling_reference => "K102",
    k201_no_central => "K201",
    k202_restorative_sides => "K202",
    k203_no_school => "K203",
    k204_pupil_age => "K204",
    k205_professional_in_family_time => "K205",
    k206_unreachable => "K206",
    k207_not_prepared => "K207",
    k208_not_independent => "K208",
    k209_language_not_covered => "K209",
    k210_invited_by_other_than_pupil => "K210",
    k211_narrow_circle => "K211",
    k212_translation_missing => "K212",
    k213_child_without_supporter => "K213",
    k214_email_not_an_address => "K214",
    k301_dates_out_of_order => "K301",
    k302_times_inconsistent => "K302",
    k303_learning_too_long => "K303",
    k304_invited_without_question => "K304",
    k305_no_plan_after_conference => "K305",
    k306_plan_sent_late => "K306",
    k307_followup_overdue => "K307",
    k308_plan_without_date => "K308",
    k309_no_location => "K309",
    k310_invited_without_consent => "K310",
    k311_retention => "K311",
    k401_incomplete_agreement => "K401",
    k402_compulsory_acceptance => "K402",
    k403_agreement_names_declined => "K403",
    k404_learning_plan => "K404",
    k405_contingency_and_review => "K405",
    k406_refusal_without_reason => "K406",
    k501_avoid_pair => "K501",
    k502_avoids_itself => "K502",
    k601_coordinator_file_invalid => "K601",
    k602_coordinator_id => "K602",
    k603_coordinator_not_in_roster => "K603",
    k604_coordinator_not_trained => "K604",
    k701_books_out_of_range => "K701",
    k702_registration_incomplete => "K702",
    k703_follows_an_unknown_case => "K703",
    k704_unknown_funder => "K704",
    k705_books_outside_the_case => "K705",
}
