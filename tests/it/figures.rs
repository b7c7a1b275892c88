//! The registration's figures of `kring stats` (DESIGN §9.3) on a small
//! hand-made region (tests/fixtures/figures), every one worked out by hand.
//! kring.toml has `[rates]` hour 64.25, km 0.23, conference 100; today is
//! 2026-11-22.
//!
//! | case | variant | received | conference | days | requester | topics | funder | coordinator | minors | attendees (participants) | hours | km without amount | amounts |
//! |---|---|---|---|---|---|---|---|---|---|---|---|---|---|
//! | A 101 | family | 01-05 | 02-04 | 30 | professional | parenting, debt | zwolle | anouk-visser | yes (born 2012) | 3 (4): one `attended = false` | 10.5 | 40 | 30.00 |
//! | B 102 | family | 02-10 | 03-02 | 20 | family | parenting | zwolle | anouk-visser | no (given) | 4 (4): 1 declined | 8 | | |
//! | C 103 | family | 03-01 | 04-30 | 60 | school | school, parenting | kampen | bram-de-vries | yes (15) | 3 (3) | 12.25 | (20, with an amount) | 45.50 + 12.00 |
//! | D 104 | restorative | 04-01 | 05-06 | 35 | person | harm | – | bram-de-vries | no (an adult) | 2 (2) | 6 | 100 | |
//! | E 105 | community | 05-01 | 06-10 | 40 | other | neighbourhood, conflict | kampen | Carla Smit (no id) | not known | 3 (3) | | | |
//! | F 106 | family | 06-01 | 07-01 | 30 | professional | debt | zwolle | anouk-visser | yes (given) | 4 (4) | 5 | | |
//! | G 107 | family | 07-01 | – closed 08-15, network-too-small | | professional | parenting | zwolle | anouk-visser | | | | | |
//! | H 108 | learning | 08-01 | – closed 09-01, no reason | | – | | – | – | | | | | |
//! | I 109 | family | 10-01 | 12-10, to come | | family | | kampen | – | | | | | |
//!
//! Days: A Jan 5→Feb 4 = 26 + 4 = 30; B Feb 10→Mar 2 = 18 + 2 = 20; C Mar 1
//! →Apr 30 = 31 + 29 = 60; D Apr 1→May 6 = 30 + 5 = 35; E May 1→Jun 10 = 31
//! + 9 = 40; F Jun 1→Jul 1 = 30.
//!
//! Cost in cents (hours in hundredths × 6425 / 100, rounded half away from
//! zero; km in hundredths × 23 / 100; amounts; 10000 fee):
//! A 1050 × 6425 = 67462.5 → 67463, + 4000 × 23 / 100 = 920, + 3000, + 10000
//! = 81383. B 800 × 6425 / 100 = 51400 + 10000 = 61400. C 1225 × 6425 / 100
//! = 78706.25 → 78706, + 4550 + 1200 + 10000 = 94456. D 38550 + 2300 + 10000
//! = 50850. E 10000. F 32125 + 10000 = 42125. All: 340214; family (A, B, C,
//! F): 279364.
//!
//! Scores (F's meeting score 11 is outside 1–10 and left out):
//! central-minor meeting A 8, C 6; plan A 7, F 6; coordinator A 9, C 7, F 8.
//! central-adult B 9, 8, 9. network A 7/7/8, D 9/9/10 and 8/9/9.
//! professional C 8/8/8.

use serde_json::{Value, json};

use crate::support::{TODAY, copy_tree, fixture_dir, kring};

fn run(dir: &std::path::Path, args: &[&str]) -> (Option<i32>, String, String) {
    let output = kring()
        .arg("stats")
        .arg(dir)
        .args(["--today", TODAY])
        .args(args)
        .env("KRING_LANG", "en")
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn json_of(dir: &std::path::Path, args: &[&str]) -> Value {
    let (code, stdout, stderr) = run(dir, &[&["--format", "json"], args].concat());
    assert_eq!(code, Some(0), "{stderr}");
    serde_json::from_str(&stdout).unwrap()
}

fn region(args: &[&str]) -> Value {
    json_of(&fixture_dir("figures"), args)
}

fn row<'a>(report: &'a Value, key: &str, group: Value) -> &'a Value {
    report["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["year"] == 2026 && r[key] == group)
        .unwrap_or_else(|| panic!("no row {key} = {group}"))
}

fn close(value: &Value, expected: f64) {
    let v = value
        .as_f64()
        .unwrap_or_else(|| panic!("{value} is no number"));
    assert!((v - expected).abs() < 1e-9, "{v} is not {expected}");
}

#[test]
fn the_registration_figures_of_the_region_by_hand() {
    let report = region(&[]);
    let all = row(&report, "variant", json!("all"));
    assert_eq!(all["requests"], 9);
    assert_eq!(all["held"], 6);
    // Requesters: A, F, G professional; B, I family; C school; D person;
    // E other; H none.
    for (key, n) in [
        ("requester_person", 1),
        ("requester_family", 2),
        ("requester_school", 1),
        ("requester_professional", 3),
        ("requester_other", 1),
        ("requester_unknown", 1),
    ] {
        assert_eq!(all[key], n, "{key}");
    }
    // Attendees 3 + 4 + 3 + 2 + 3 + 4 = 19 over 6; participants 20.
    close(&all["attendees_mean"], 19.0 / 6.0);
    close(&all["participants_mean"], 20.0 / 6.0);
    // Minors: A, C, F of the known A, B, C, D, F (E has no born).
    assert_eq!(
        (all["minors"].clone(), all["minors_known"].clone()),
        (json!(3), json!(5))
    );
    close(&all["minors_share"], 0.6);
    // Days 20 30 30 35 40 60.
    close(&all["days_to_conference_min"], 20.0);
    close(&all["days_to_conference_median"], 32.5);
    // Topics of the six held conferences (G's parenting does not count).
    assert_eq!(all["topic_parenting"], 3);
    close(&all["topic_parenting_share"], 0.5);
    assert_eq!(all["topic_debt"], 2);
    close(&all["topic_debt_share"], 2.0 / 6.0);
    for topic in ["school", "harm", "neighbourhood", "conflict"] {
        assert_eq!(all[format!("topic_{topic}")], 1, "{topic}");
    }
    assert_eq!(all["topic_elderly"], 0);
    close(&all["topic_elderly_share"], 0.0);
    assert_eq!(all["topics_unknown"], 0);
    // Scores.
    let score = |key: &str, mean: f64, n: u64| {
        close(&all[format!("score_{key}_mean")], mean);
        assert_eq!(all[format!("score_{key}_scores")], n, "{key}");
    };
    score("central_minor_meeting", 7.0, 2);
    score("central_minor_plan", 6.5, 2);
    score("central_minor_coordinator", 8.0, 3);
    score("central_adult_meeting", 9.0, 1);
    score("network_meeting", 8.0, 3);
    score("network_plan", 25.0 / 3.0, 3);
    score("network_coordinator", 9.0, 3);
    score("professional_plan", 8.0, 1);
    assert_eq!(all["score_professional_meeting_scores"], 1);
    // Stopped: G (network too small) and H (no reason), in their closing year.
    assert_eq!(all["stopped"], 2);
    assert_eq!(all["stopped_network_too_small"], 1);
    assert_eq!(all["stopped_unknown"], 1);
    assert_eq!(all["stopped_plan_already_made"], 0);
    // Hours 10.5 + 8 + 12.25 + 6 + 0 + 5 = 41.75; cost as in the comment.
    close(&all["hours"], 41.75);
    close(&all["hours_per_conference"], 41.75 / 6.0);
    assert_eq!(all["cost_cents"], 340_214);
    assert_eq!(
        all["cost_per_conference_cents"], 56_702,
        "340214 / 6 = 56702.3"
    );

    let family = row(&report, "variant", json!("family"));
    assert_eq!(
        (family["requests"].clone(), family["held"].clone()),
        (json!(6), json!(4))
    );
    assert_eq!(family["cost_cents"], 279_364);
    assert_eq!(family["cost_per_conference_cents"], 69_841);
    close(&family["attendees_mean"], 14.0 / 4.0);
    assert_eq!(family["stopped"], 1);
    let learning = row(&report, "variant", json!("learning"));
    assert_eq!(learning["held"], 0);
    assert_eq!(learning["stopped_unknown"], 1);
    assert_eq!(learning["attendees_mean"], Value::Null);
    assert_eq!(learning["cost_per_conference_cents"], Value::Null);
    assert_eq!(learning["cost_cents"], 0, "nothing held, nothing spent");
    assert_eq!(learning["minors_share"], Value::Null);
}

#[test]
fn rows_by_funder_and_by_coordinator() {
    let by_funder = region(&["--by", "funder"]);
    let groups: Vec<&Value> = by_funder["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["funder"])
        .collect();
    assert_eq!(
        groups,
        [
            &json!("kampen"),
            &json!("zwolle"),
            &Value::Null,
            &json!("all")
        ]
    );
    assert!(by_funder["rows"][0].get("variant").is_none());
    // zwolle: A, B, F held, G stopped; kampen: C, E held, I to come; none:
    // D held, H stopped.
    let zwolle = row(&by_funder, "funder", json!("zwolle"));
    assert_eq!(
        (zwolle["requests"].clone(), zwolle["held"].clone()),
        (json!(4), json!(3))
    );
    assert_eq!(zwolle["stopped"], 1);
    assert_eq!(zwolle["cost_cents"], 81_383 + 61_400 + 42_125);
    let kampen = row(&by_funder, "funder", json!("kampen"));
    assert_eq!(
        (kampen["requests"].clone(), kampen["held"].clone()),
        (json!(3), json!(2))
    );
    let none = row(&by_funder, "funder", Value::Null);
    assert_eq!(
        (none["requests"].clone(), none["held"].clone()),
        (json!(2), json!(1))
    );
    assert_eq!(row(&by_funder, "funder", json!("all"))["held"], 6);

    let by_coordinator = region(&["--by", "coordinator"]);
    let groups: Vec<&Value> = by_coordinator["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["coordinator"])
        .collect();
    assert_eq!(
        groups,
        [
            &json!("Carla Smit"),
            &json!("anouk-visser"),
            &json!("bram-de-vries"),
            &Value::Null,
            &json!("all")
        ],
        "roster id, else the name; byte order; none last"
    );
    let bram = row(&by_coordinator, "coordinator", json!("bram-de-vries"));
    assert_eq!(bram["held"], 2);
    close(&bram["days_to_conference_median"], 47.5);

    // --variant still filters; with --by funder the all row stays.
    let family_by_funder = region(&["--by", "funder", "--variant", "family"]);
    assert_eq!(row(&family_by_funder, "funder", json!("all"))["held"], 4);
    assert!(
        family_by_funder["rows"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["funder"] != Value::Null),
        "no family case without a funder"
    );
}

#[test]
fn csv_and_table_show_the_same_figures() {
    let dir = fixture_dir("figures");
    let (code, csv, _) = run(&dir, &["--format", "csv", "--by", "funder"]);
    assert_eq!(code, Some(0));
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(header[..3], ["year", "funder", "requests"]);
    let json = region(&["--by", "funder"]);
    let keys: Vec<&String> = json["rows"][0].as_object().unwrap().keys().collect();
    assert_eq!(header.len(), keys.len());
    for key in keys {
        assert!(header.contains(&key.as_str()), "{key} not in the CSV");
    }
    let none: Vec<&str> = lines.nth(2).unwrap().split(',').collect();
    assert_eq!(
        none[..4],
        ["2026", "", "2", "1"],
        "no funder: an empty field"
    );
    let at = |key: &str| header.iter().position(|h| *h == key).unwrap();
    assert_eq!(none[at("cost_cents")], "50850");
    assert_eq!(none[at("minors_share")], "0.0");

    let (_, table, _) = run(&dir, &[]);
    let line = |label: &str| -> String {
        table
            .lines()
            .find(|l| l.starts_with(label))
            .unwrap_or_else(|| panic!("no {label} in {table}"))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(
        line("attendees per conference, mean"),
        "attendees per conference, mean 3.5 2.0 3.0 – 3.2"
    );
    assert_eq!(
        line("minors involved"),
        "minors involved 75% (3/4) 0% (0/1) – – 60% (3/5)"
    );
    assert_eq!(
        line("days from request to conference, shortest"),
        "days from request to conference, shortest 20 35 40 – 20"
    );
    assert_eq!(
        line("cost per conference held, mean"),
        "cost per conference held, mean €698.41 €508.50 €100.00 – €567.02"
    );
    assert_eq!(
        line("  central person (minor), plan"),
        "central person (minor), plan 6.5 (2) – – – 6.5 (2)"
    );
    assert_eq!(
        line("  parenting"),
        "parenting 75% (3/4) 0% (0/1) 0% (0/1) – 50% (3/6)"
    );
    assert_eq!(
        line("  the network was too small"),
        "the network was too small 1 0 0 0 1"
    );
    assert!(!table.contains("elderly"), "topics nobody has are left out");
    let (_, dutch, _) = run(&dir, &["--lang", "nl"]);
    assert!(dutch.contains("  schulden "), "{dutch}");
    assert!(dutch.contains("€ 567,02"), "{dutch}");
}

/// Without `[rates]` there is no cost; with `[rates]`, a rate left out is 0.
#[test]
fn missing_rates() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture_dir("figures"), dir.path());
    let settings = dir.path().join("kring.toml");
    let text = std::fs::read_to_string(&settings).unwrap();
    let without = text.replace("[rates]\nhour = 64.25\nkm = 0.23\nconference = 100\n", "");
    assert_ne!(text, without);
    std::fs::write(&settings, &without).unwrap();
    let all = row(&json_of(dir.path(), &[]), "variant", json!("all")).clone();
    assert_eq!(all["cost_cents"], Value::Null);
    assert_eq!(all["cost_per_conference_cents"], Value::Null);
    close(&all["hours"], 41.75);
    let (_, table, _) = run(dir.path(), &[]);
    assert!(!table.contains("cost per conference"), "{table}");

    // Only a fixed fee: six conferences × €100 + the amounts 30 + 45.50 + 12.
    std::fs::write(&settings, format!("{without}\n[rates]\nconference = 100\n")).unwrap();
    let all = row(&json_of(dir.path(), &[]), "variant", json!("all")).clone();
    assert_eq!(all["cost_cents"], 60_000 + 3_000 + 4_550 + 1_200);
}
