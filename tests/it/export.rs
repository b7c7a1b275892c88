//! `kring export --anonymised`: no personal value of any case file reaches
//! the output; pseudonyms follow the key; the key is handled with care.

use std::path::Path;

use serde_json::Value;

use crate::support::{TODAY, copy_tree, demo_dir, fixture_dir, kring, personal_values_in, write};

const KEY: &str = "dGVzdHNsZXV0ZWwtdm9vci1rcmluZy1leHBvcnQ=";
const OTHER_KEY: &str = "een-heel-andere-sleutel-van-32-bytes";

/// Runs `kring export --anonymised` on `repo` with `key` in the environment.
fn export(repo: &Path, key: &str, args: &[&str]) -> std::process::Output {
    kring()
        .env_remove("KRING_EXPORT_KEY_FILE")
        .env("KRING_EXPORT_KEY", key)
        .arg("export")
        .arg("--anonymised")
        .arg(repo)
        .args(["--today", TODAY])
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &std::process::Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// Whether `text` holds a full date (YYYY-MM-DD) anywhere.
fn holds_a_full_date(text: &str) -> bool {
    let digit = |b: &u8| b.is_ascii_digit();
    text.as_bytes().windows(10).any(|w| {
        w[..4].iter().all(digit)
            && w[4] == b'-'
            && w[5..7].iter().all(digit)
            && w[7] == b'-'
            && w[8..].iter().all(digit)
    })
}

fn assert_nothing_personal(output: &str, values: &[String], what: &str) {
    for value in values {
        assert!(
            !output.contains(value.as_str()),
            "{what} holds the personal value {value:?}:\n{output}"
        );
    }
    assert!(
        !holds_a_full_date(output),
        "{what} holds a full date:\n{output}"
    );
}

#[test]
fn no_personal_value_of_the_demo_or_the_fixtures_reaches_the_export() {
    for repo in [demo_dir(), fixture_dir("stats")] {
        let values = personal_values_in(&repo, &[]);
        assert!(values.len() > 100, "only {} values found", values.len());
        for must in [
            "Zoë Bakker",
            "Zoë",
            "Bakker",
            "2016-04-03",
            "zelf",
            "2026-031-bakker",
            "oma-ria",
        ] {
            if repo == demo_dir() {
                assert!(values.iter().any(|v| v == must), "{must} not gathered");
            }
        }
        for format in ["csv", "json"] {
            let output = stdout(&export(&repo, KEY, &["--format", format]));
            assert_nothing_personal(&output, &values, &format!("{} {format}", repo.display()));
        }
        // The figures are no more personal than the export.
        for format in ["table", "json", "csv"] {
            let output = kring()
                .arg("stats")
                .arg(&repo)
                .args(["--today", TODAY, "--format", format])
                .output()
                .unwrap();
            let text = String::from_utf8(output.stdout).unwrap();
            for value in &values {
                assert!(!text.contains(value.as_str()), "stats {format}: {value:?}");
            }
        }
    }
}

/// Case B of the fixture region (2026-001-de-boer), column by column.
#[test]
fn a_row_by_hand() {
    let output = stdout(&export(&fixture_dir("stats"), KEY, &["--format", "json"]));
    let report: Value = serde_json::from_str(&output).unwrap();
    assert_eq!(report["version"], 1);
    let cases = report["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 10);
    let pseudonyms: Vec<&str> = cases
        .iter()
        .map(|c| c["pseudonym"].as_str().unwrap())
        .collect();
    let mut sorted = pseudonyms.clone();
    sorted.sort_unstable();
    assert_eq!(pseudonyms, sorted, "sorted by pseudonym");
    assert!(
        pseudonyms
            .iter()
            .all(|p| p.len() == 16 && p.bytes().all(|b| b.is_ascii_hexdigit()))
    );

    // B: compulsory, held on 2026-03-02 with a plan, accepted; follow-up
    // late (due 2026-04-01, done 2026-04-10); not closed. Noah, born
    // 2012-05-01, is 13 on 2026-03-02. 8 taking part: central, family x4
    // (vader, oma, oom, tante), friend, network, professional; the mother
    // declined.
    let b = cases
        .iter()
        .find(|c| c["request_month"] == "2026-01")
        .unwrap();
    let mut expected = serde_json::json!({
        "pseudonym": b["pseudonym"],
        "variant": "family",
        "request_month": "2026-01",
        "conference_month": "2026-03",
        "plan_month": "2026-03",
        "followup_month": "2026-04",
        "closed_month": null,
        "participants_central": 1,
        "participants_family": 4,
        "participants_friend": 1,
        "participants_network": 1,
        "participants_harmed": 0,
        "participants_responsible": 0,
        "participants_resident": 0,
        "participants_supporter": 0,
        "participants_interpreter": 0,
        "participants_professional": 1,
        "participants_school": 0,
        "declined": 1,
        "central_age_band": "12-17",
        "held": true,
        "compulsory": true,
        "plan_recorded": true,
        "accepted": true,
        "followup_on_time": false,
        "closing_reason": null,
    });
    // The books: none recorded in this fixture (see tests/it/books.rs).
    let books = serde_json::json!({
        "stopped": null,
        "requester": null,
        "topics": "",
        "funder": null,
        "minors": true,
        "attendees": 8,
        "evaluations": 0,
        "score_central_minor_meeting": null,
        "score_central_minor_plan": null,
        "score_central_minor_coordinator": null,
        "score_central_adult_meeting": null,
        "score_central_adult_plan": null,
        "score_central_adult_coordinator": null,
        "score_network_meeting": null,
        "score_network_plan": null,
        "score_network_coordinator": null,
        "score_professional_meeting": null,
        "score_professional_plan": null,
        "score_professional_coordinator": null,
        "hours": "0.00",
        "cost": "0.00",
        "follows": null,
    });
    let (Some(all), Value::Object(books)) = (expected.as_object_mut(), books) else {
        unreachable!()
    };
    all.extend(books);
    assert_eq!(b, &expected);

    // D: cancelled, not held: no follow-up verdict, no acceptance.
    let d = cases
        .iter()
        .find(|c| c["request_month"] == "2026-03")
        .unwrap();
    assert_eq!(d["held"], false);
    assert_eq!(d["followup_on_time"], Value::Null);
    assert_eq!(d["closing_reason"], "cancelled");
    assert_eq!(d["closed_month"], "2026-04");
    assert_eq!(
        d["central_age_band"], "24-64",
        "Lotte, born 1990, on 2026-04-15"
    );
}

#[test]
fn csv_has_the_header_and_one_row_per_case() {
    let output = stdout(&export(&fixture_dir("stats"), KEY, &[]));
    let lines: Vec<&str> = output.lines().collect();
    assert_eq!(
        lines[0],
        "pseudonym,variant,request_month,conference_month,plan_month,followup_month,closed_month,\
         participants_central,participants_family,participants_friend,participants_network,\
         participants_harmed,participants_responsible,participants_resident,participants_supporter,\
         participants_interpreter,participants_professional,participants_school,declined,\
         central_age_band,held,compulsory,plan_recorded,accepted,followup_on_time,closing_reason,\
         stopped,requester,topics,funder,minors,attendees,evaluations,\
         score_central_minor_meeting,score_central_minor_plan,score_central_minor_coordinator,\
         score_central_adult_meeting,score_central_adult_plan,score_central_adult_coordinator,\
         score_network_meeting,score_network_plan,score_network_coordinator,\
         score_professional_meeting,score_professional_plan,score_professional_coordinator,\
         hours,cost,follows"
    );
    assert_eq!(lines.len(), 11);
    // H: a request only; absent values are empty fields.
    let h = lines
        .iter()
        .find(|l| l.contains(",community,2026-11,"))
        .unwrap();
    assert_eq!(
        h.split_once(',').unwrap().1,
        "community,2026-11,,,,,0,0,0,0,0,0,1,0,0,0,0,0,,false,false,false,,,,,,,,,,0,,,,,,,,,,,,,0.00,0.00,"
    );
}

#[test]
fn pseudonyms_follow_the_key() {
    let repo = fixture_dir("stats");
    let first = stdout(&export(&repo, KEY, &[]));
    let again = stdout(&export(&repo, KEY, &[]));
    assert_eq!(first, again, "the same key gives the same export");
    let other = stdout(&export(&repo, OTHER_KEY, &[]));
    let pseudonyms = |csv: &str| -> Vec<String> {
        csv.lines()
            .skip(1)
            .map(|l| l.split(',').next().unwrap().to_string())
            .collect()
    };
    for p in pseudonyms(&other) {
        assert!(!pseudonyms(&first).contains(&p), "{p} under both keys");
    }

    // A key file with a line break at the end holds the same key.
    let dir = tempfile::tempdir().unwrap();
    let key_file = dir.path().join("export.key");
    std::fs::write(&key_file, format!("{KEY}\n")).unwrap();
    for (flag, env) in [(true, false), (false, true)] {
        let mut cmd = kring();
        cmd.env_remove("KRING_EXPORT_KEY")
            .env_remove("KRING_EXPORT_KEY_FILE")
            .args(["export", "--anonymised", "--today", TODAY])
            .arg(&repo);
        if flag {
            cmd.arg("--key-file").arg(&key_file);
        }
        if env {
            cmd.env("KRING_EXPORT_KEY_FILE", &key_file);
        }
        assert_eq!(stdout(&cmd.output().unwrap()), first);
    }
}

#[test]
fn a_missing_or_short_key_is_refused_with_a_way_to_make_one() {
    let output = kring()
        .env_remove("KRING_EXPORT_KEY")
        .env_remove("KRING_EXPORT_KEY_FILE")
        .args(["export", "--anonymised"])
        .arg(fixture_dir("stats"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no key for the pseudonyms"), "{stderr}");
    assert!(
        stderr.contains("head -c 32 /dev/urandom | base64"),
        "{stderr}"
    );
    assert!(stderr.contains("--key-file"), "{stderr}");

    let output = export(&fixture_dir("stats"), "fifteen-bytes!!", &[]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("15 bytes long; it must be at least 16"),
        "{stderr}"
    );
}

#[test]
fn a_key_file_inside_the_repository_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture_dir("stats"), dir.path());
    write(dir.path(), "export.key", &format!("{KEY}\n"));
    for key_file in ["export.key", "cases/../export.key"] {
        let output = kring()
            .env_remove("KRING_EXPORT_KEY")
            .env_remove("KRING_EXPORT_KEY_FILE")
            .current_dir(dir.path())
            .args(["export", "--anonymised", "--key-file", key_file])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        assert!(output.stdout.is_empty());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("inside the case repository"), "{stderr}");
    }
}

#[test]
fn without_anonymised_there_is_no_export() {
    let output = kring()
        .env("KRING_EXPORT_KEY", KEY)
        .arg("export")
        .arg(fixture_dir("stats"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("add --anonymised"), "{stderr}");
}

#[test]
fn out_writes_the_file_and_nothing_on_stdout() {
    let repo = fixture_dir("stats");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("registratie/2026.json");
    let output = export(
        &repo,
        KEY,
        &["--format", "json", "--out", file.to_str().unwrap()],
    );
    assert!(stdout(&output).is_empty());
    let written = std::fs::read_to_string(&file).unwrap();
    assert_eq!(written, stdout(&export(&repo, KEY, &["--format", "json"])));
    assert!(String::from_utf8_lossy(&output.stderr).contains("exported 10 cases"));
    // Written through a temporary file: nothing else left in the folder.
    assert_eq!(
        std::fs::read_dir(file.parent().unwrap()).unwrap().count(),
        1
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "readable by its owner only");
    }
}

#[test]
fn an_unreadable_case_is_reported_and_the_rest_exported() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture_dir("stats"), dir.path());
    write(dir.path(), "cases/kapot.toml", "id = [\n");
    let output = export(dir.path(), KEY, &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cases/kapot.toml cannot be read"));
    assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), 11);
}

/// A key file that is not there gets the same step-by-step help as no key,
/// with the path given, not just "No such file or directory".
#[test]
fn a_missing_key_file_says_how_to_make_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kring/export.key");
    let output = kring()
        .env_remove("KRING_EXPORT_KEY")
        .env_remove("KRING_EXPORT_KEY_FILE")
        .args(["export", "--anonymised", "--key-file"])
        .arg(&path)
        .arg(fixture_dir("stats"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let shown = path.display().to_string();
    assert!(
        stderr.contains(&format!("the key file {shown} does not exist")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "(umask 077; head -c 32 /dev/urandom | base64 > {shown})"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("mkdir -p"), "{stderr}");
    assert!(!stderr.contains("No such file"), "{stderr}");

    // Following the help works.
    let made = std::process::Command::new("sh")
        .arg("-c")
        .arg(
            stderr
                .lines()
                .find(|l| l.contains("umask 077"))
                .unwrap()
                .trim(),
        )
        .status()
        .unwrap();
    assert!(made.success());
    kring()
        .env_remove("KRING_EXPORT_KEY")
        .env_remove("KRING_EXPORT_KEY_FILE")
        .args(["export", "--anonymised", "--key-file"])
        .arg(&path)
        .arg(fixture_dir("stats"))
        .assert()
        .success();
}
