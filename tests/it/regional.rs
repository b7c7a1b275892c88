//! The regional manager's desk on the demo and its roster: kring match,
//! kring agenda (with its calendar feed) and kring status --by coordinator,
//! with answers worked out by hand.

use serde_json::Value;

use crate::support::{TODAY, demo_copy, demo_dir, kring, personal_values_in};

fn json(args: &[&str], dir: &std::path::Path) -> Value {
    let output = kring()
        .current_dir(dir)
        .args(args)
        .args(["--today", TODAY, "--format", "json"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn ids(list: &Value) -> Vec<(String, i64)> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap().to_string(),
                c["score"].as_i64().unwrap_or(0),
            )
        })
        .collect()
}

/// De Groot: a family conference without a date; the family wishes a man
/// who speaks German. The GP practice that asked for it rules out Joost.
#[test]
fn match_ranks_by_wishes_and_load_and_excludes_ties() {
    let ranking = json(&["match", "2026-047-de-groot"], &demo_dir());
    let expected = [
        ("karim-haddou", 5),          // +3 de, +2 man, no open cases
        ("ruud-van-dam", 2),          // +2 man
        ("pieter-jan-oosterveld", 1), // +2 man, -1 one open case
        ("hanneke-postma", 0),        // her case is closed
        ("selin-kaya", -1),
        ("wendy-kuipers", -1),
    ];
    let got = ids(&ranking["candidates"]);
    let expected: Vec<(String, i64)> = expected.iter().map(|(i, s)| (i.to_string(), *s)).collect();
    assert_eq!(got, expected);
    let excluded = &ranking["excluded"][0];
    assert_eq!(excluded["id"], "joost-wolters");
    assert_eq!(
        excluded["reasons"][0],
        "tied to Huisartsenpraktijk Van Rijn, which takes part"
    );
    let karim = &ranking["candidates"][0]["reasons"];
    assert_eq!(karim[0], "+3 speaks de, as the family wishes");
}

/// Smit: a restorative conference on Tuesday 9 March 2027 needs part 2 of
/// the training; Ruud only works Fridays and Saturdays.
#[test]
fn match_applies_training_and_availability() {
    let ranking = json(&["match", "2026-041-smit"], &demo_dir());
    let excluded: Vec<(String, Vec<String>)> = ranking["excluded"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let reasons = e["reasons"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_str().unwrap().to_string())
                .collect();
            (e["id"].as_str().unwrap().to_string(), reasons)
        })
        .collect();
    assert_eq!(
        excluded,
        [
            (
                "joost-wolters".to_string(),
                vec!["not trained for a restorative conference".to_string()]
            ),
            (
                "ruud-van-dam".to_string(),
                vec![
                    "not trained for a restorative conference".to_string(),
                    "not available on 2027-03-09".to_string()
                ]
            ),
            (
                "selin-kaya".to_string(),
                vec!["not trained for a restorative conference".to_string()]
            ),
        ]
    );
    // Hannah's documents are in English: coordinators without English lose 3.
    let candidates = ids(&ranking["candidates"]);
    assert_eq!(candidates[0], ("hanneke-postma".to_string(), 0));
    assert!(candidates.contains(&("wendy-kuipers".to_string(), -4)));
}

/// A conference on a day the coordinator already has one costs 5 points.
#[test]
fn match_counts_conferences_on_the_same_day() {
    let dir = demo_copy();
    let case = dir.path().join("cases/2026/2026-047-de-groot.toml");
    let text = std::fs::read_to_string(&case).unwrap().replace(
        "[[participant]]\nid = \"henk\"",
        "[conference]\ndate = 2027-03-09\n\n[[participant]]\nid = \"henk\"",
    );
    std::fs::write(&case, text).unwrap();
    let ranking = json(&["match", "2026-047-de-groot"], dir.path());
    let pj = ranking["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "pieter-jan-oosterveld")
        .unwrap();
    assert_eq!(pj["score"], 2 - 1 - 5);
    assert!(
        pj["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "-5 has another conference on 2027-03-09")
    );
}

#[test]
fn agenda_lists_the_coming_days_and_writes_a_feed() {
    let dir = demo_copy();
    let feed = dir.path().join("agenda.ics");
    let output = kring()
        .current_dir(dir.path())
        .args([
            "agenda",
            "--from",
            "2027-01-30",
            "--days",
            "60",
            "--format",
            "json",
            "--ics",
        ])
        .arg(&feed)
        .output()
        .unwrap();
    assert!(output.status.success());
    let items: Value = serde_json::from_slice(&output.stdout).unwrap();
    let got: Vec<(String, String, String, bool)> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["date"].as_str().unwrap().to_string(),
                i["kind"].as_str().unwrap().to_string(),
                i["case"].as_str().unwrap().to_string(),
                i["overdue"].as_bool().unwrap(),
            )
        })
        .collect();
    let expected = [
        ("2027-02-10", "conference", "2026-038-yildiz"),
        ("2027-02-12", "plan", "2026-038-yildiz"),
        ("2027-03-02", "prepare", "2026-041-smit"),
        ("2027-03-09", "conference", "2026-041-smit"),
        ("2027-03-10", "follow-up", "2026-038-yildiz"),
        ("2027-03-11", "plan", "2026-041-smit"),
    ];
    let expected: Vec<_> = expected
        .iter()
        .map(|(d, k, c)| (d.to_string(), k.to_string(), c.to_string(), false))
        .collect();
    assert_eq!(got, expected);

    // The feed parses back with one event per item and stable ids.
    let text = std::fs::read_to_string(&feed).unwrap();
    let unfolded = icalendar::parser::unfold(&text);
    let calendar = icalendar::parser::read_calendar(&unfolded).unwrap();
    let events: Vec<_> = calendar
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    assert_eq!(events.len(), 6);
    let uids: Vec<&str> = events
        .iter()
        .map(|e| e.find_prop("UID").unwrap().val.as_str())
        .collect();
    assert_eq!(uids[0], "2026-038-yildiz.conference.20270210@kring");
    let conference = events[0];
    let start = conference.find_prop("DTSTART").unwrap();
    assert_eq!(start.val.as_str(), "20270210T143000");
    assert!(start.params.iter().any(|p| p.key == "TZID"));
    let plan = events[1].find_prop("DTSTART").unwrap();
    assert_eq!(plan.val.as_str(), "20270212");
    assert!(
        plan.params
            .iter()
            .any(|p| p.key == "VALUE" && p.val.as_ref().unwrap().as_str() == "DATE")
    );

    // Later, the overdue work is on the first day; per coordinator too.
    let items = json(
        &[
            "agenda",
            "--from",
            "2027-04-01",
            "--days",
            "7",
            "--coordinator",
            "selin-kaya",
        ],
        dir.path(),
    );
    let overdue: Vec<(&str, bool)> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["kind"].as_str().unwrap(), i["overdue"].as_bool().unwrap()))
        .collect();
    assert_eq!(overdue, [("follow-up", true), ("plan", true)]);
}

#[test]
fn status_by_coordinator_shows_each_load() {
    let loads = json(&["status", "--by", "coordinator"], &demo_dir());
    let got: Vec<(Option<String>, u64)> = loads
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["coordinator"].as_str().map(str::to_string),
                l["open_cases"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected = [
        (Some("hanneke-postma"), 0),
        (Some("joost-wolters"), 0),
        (Some("karim-haddou"), 0),
        (Some("pieter-jan-oosterveld"), 1),
        (Some("ruud-van-dam"), 0),
        (Some("selin-kaya"), 1),
        (Some("wendy-kuipers"), 1),
        (None, 1),
    ];
    let expected: Vec<_> = expected
        .iter()
        .map(|(c, n)| (c.map(str::to_string), *n))
        .collect();
    assert_eq!(got, expected);
    assert_eq!(loads[5]["next"][0], "2027-02-10");
}

/// `--no-names`: the feed (and the table and JSON) hold no person's name:
/// case ids shortened to their number, no coordinator, the people still to
/// prepare counted.
#[test]
fn agenda_without_names_holds_no_persons_name() {
    let dir = demo_copy();
    let feed = dir.path().join("agenda.ics");
    let args = [
        "agenda",
        "--from",
        "2027-01-30",
        "--days",
        "60",
        "--no-names",
    ];
    let output = kring()
        .current_dir(dir.path())
        .args(args)
        .args(["--format", "json", "--ics"])
        .arg(&feed)
        .output()
        .unwrap();
    assert!(output.status.success());
    let items: Value = serde_json::from_slice(&output.stdout).unwrap();
    let cases: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["case"].as_str().unwrap())
        .collect();
    assert_eq!(
        cases,
        [
            "2026-038", "2026-038", "2026-041", "2026-041", "2026-038", "2026-041"
        ]
    );
    let prepare = &items[2];
    assert_eq!(
        prepare["what"],
        "prepare before the conference on 2027-03-09: 2 people"
    );
    let table = kring().current_dir(dir.path()).args(args).output().unwrap();
    let ics = std::fs::read_to_string(&feed).unwrap();
    let everything = format!("{ics}\n{items}\n{}", String::from_utf8_lossy(&table.stdout));
    // Names from the case files and the roster, surnames in ids included;
    // the meeting's place stays (the coordinator must get there), and so
    // does an organisation named in it (a school).
    let mut names = personal_values_in(dir.path(), &["location", "organisation"]);
    for entry in std::fs::read_dir(dir.path().join("coordinators")).unwrap() {
        let path = entry.unwrap().path();
        names.push(path.file_stem().unwrap().to_string_lossy().to_string());
    }
    let leaked: Vec<&String> = names
        .iter()
        .filter(|name| everything.contains(name.as_str()))
        .collect();
    assert!(leaked.is_empty(), "{leaked:?}");
    assert!(
        ics.contains("UID:2026-038.conference.20270210@kring"),
        "{ics}"
    );
    assert!(
        ics.contains("X-WR-CALNAME:kring agenda\r\n") || !ics.contains("X-WR-CALNAME"),
        "{ics}"
    );
}
