//! `kring stats` on a small hand-made region (tests/fixtures/stats), with
//! every figure worked out by hand. The region's kring.toml sets
//! followup_days = 30; today is 2026-11-22.
//!
//! The cases (A..J as in their files' comments):
//!
//! | case | variant | received | conference | held? | people | plan | compulsory | accepted | days | follow-up |
//! |---|---|---|---|---|---|---|---|---|---|---|
//! | A 2025-090 | family | 2025-11-20 | 2026-01-10 | yes | 7 (+1 declined) | yes | no | – | 51 | on time (done on due day 02-09) |
//! | B 2026-001 | family | 2026-01-15 | 2026-03-02 | yes | 8 (+1 declined) | yes | yes | yes | 46 | late (due 04-01, done 04-10) |
//! | C 2026-002 | family | 2026-02-01 | 2026-04-20 | yes | 4 | no | yes | no | 78 | overdue (due 05-20) |
//! | D 2026-003 | family | 2026-03-10 | 2026-04-15 | no: cancelled, no plan | | | | | | |
//! | E 2026-004 | family | 2026-09-01 | 2026-12-03 | no: to come | | | | | | |
//! | F 2026-005 | learning | 2026-05-04 | 2026-06-15 | yes | 5 | yes | no | – | 42 | missed (closed without one, due 07-15) |
//! | G 2026-006 | restorative | 2026-10-01 | 2026-11-22 | yes: plan recorded today | 9 | yes | yes | no | 52 | not yet due (12-22) |
//! | H 2026-007 | community | 2026-11-01 | – | no | | | | | | |
//! | I 2026-008 | community | 2026-08-15 | 2026-11-22 | no: today, no plan | | | | | | |
//! | J 2026-009 | community | 2026-06-01 | 2026-07-01 | yes | 11 | yes | no | – | 30 | on time (due 07-31, done 07-20) |
//!
//! Days: A Nov 20→Dec 20 30 + Dec 20→Jan 10 21 = 51; B Jan 15→Feb 15 31 +
//! Feb 15→Mar 2 15 = 46; C Feb 1→Mar 1 28 + 31 + 19 = 78; F May 4→Jun 4 31
//! + 11 = 42; G Oct 1→Nov 1 31 + 21 = 52; J Jun 1→Jul 1 = 30.

use serde_json::{Value, json};

use crate::support::{TODAY, copy_tree, demo_dir, fixture_dir, kring, write};

fn stats(args: &[&str]) -> (Option<i32>, String, String) {
    let output = kring()
        .arg("stats")
        .arg(fixture_dir("stats"))
        .args(["--today", TODAY])
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn stats_json(args: &[&str]) -> Value {
    let (code, stdout, stderr) = stats(&[&["--format", "json"], args].concat());
    assert_eq!(code, Some(0), "{stderr}");
    serde_json::from_str(&stdout).unwrap()
}

fn row<'a>(report: &'a Value, year: i64, variant: &str) -> &'a Value {
    report["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["year"] == year && r["variant"] == variant)
        .unwrap_or_else(|| panic!("no row {year} {variant}"))
}

/// The figures a row should have, from the hand-worked table above.
#[allow(clippy::too_many_arguments)]
fn expect(
    requests: u64,
    held: u64,
    mean: Value,
    median: Value,
    plans: u64,
    compulsory: u64,
    accepted: u64,
    days: Value,
    due: u64,
    on_time: u64,
    overdue: u64,
) -> Value {
    let share = |part: u64, whole: u64| {
        if whole == 0 {
            Value::Null
        } else {
            json!(part as f64 / whole as f64)
        }
    };
    json!({
        "requests": requests,
        "held": held,
        "participants_mean": mean,
        "participants_median": median,
        "plans": plans,
        "plan_share": share(plans, held),
        "compulsory": compulsory,
        "compulsory_share": share(compulsory, held),
        "accepted": accepted,
        "accepted_share": share(accepted, compulsory),
        "days_to_conference_median": days,
        "followups_due": due,
        "followups_on_time": on_time,
        "followup_on_time_share": share(on_time, due),
        "followups_overdue": overdue,
    })
}

/// The figures of a row that were there before issue 17 (the registration's
/// are in tests/it/figures.rs).
fn figures(row: &Value) -> Value {
    let keys = expect(0, 0, json!(0), json!(0), 0, 0, 0, json!(0), 0, 0, 0);
    let object = row.as_object().unwrap();
    let kept: serde_json::Map<String, Value> = keys
        .as_object()
        .unwrap()
        .keys()
        .map(|k| (k.clone(), object[k].clone()))
        .collect();
    Value::Object(kept)
}

#[test]
fn every_figure_of_the_region_by_hand() {
    let report = stats_json(&[]);
    assert_eq!(report["version"], 1);
    assert_eq!(report["today"], TODAY);
    assert_eq!(report["unreadable"], 0);
    let order: Vec<(i64, &str)> = report["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["year"].as_i64().unwrap(), r["variant"].as_str().unwrap()))
        .collect();
    let variants = ["family", "restorative", "community", "learning", "all"];
    let expected_order: Vec<(i64, &str)> = [2025, 2026]
        .iter()
        .flat_map(|&y| variants.iter().map(move |&v| (y, v)))
        .collect();
    assert_eq!(
        order, expected_order,
        "years ascending, variants fixed, total last"
    );

    let null = Value::Null;
    // 2025: only A's request (A's conference counts in 2026).
    let only_a_request = expect(
        1,
        0,
        null.clone(),
        null.clone(),
        0,
        0,
        0,
        null.clone(),
        0,
        0,
        0,
    );
    assert_eq!(figures(row(&report, 2025, "family")), only_a_request);
    assert_eq!(figures(row(&report, 2025, "all")), only_a_request);
    let nothing = expect(
        0,
        0,
        null.clone(),
        null.clone(),
        0,
        0,
        0,
        null.clone(),
        0,
        0,
        0,
    );
    assert_eq!(figures(row(&report, 2025, "learning")), nothing);

    // Family 2026: requests B, C, D, E = 4; held A, B, C = 3 (D cancelled,
    // E to come). People 7, 8, 4: mean 19/3, median 7. Plans A, B = 2/3.
    // Compulsory B, C = 2/3; accepted B = 1/2 (C has no plan). Days 46, 51,
    // 78: median 51. Follow-ups due A, B, C; on time A = 1/3; overdue C = 1.
    assert_eq!(
        figures(row(&report, 2026, "family")),
        expect(
            4,
            3,
            json!(19.0 / 3.0),
            json!(7.0),
            2,
            2,
            1,
            json!(51.0),
            3,
            1,
            1
        )
    );
    // Restorative 2026: G only. Follow-up not yet due: no share.
    assert_eq!(
        figures(row(&report, 2026, "restorative")),
        expect(1, 1, json!(9.0), json!(9.0), 1, 1, 0, json!(52.0), 0, 0, 0)
    );
    // Community 2026: requests H, I, J = 3; held J only (I is today
    // without a plan).
    assert_eq!(
        figures(row(&report, 2026, "community")),
        expect(
            3,
            1,
            json!(11.0),
            json!(11.0),
            1,
            0,
            0,
            json!(30.0),
            1,
            1,
            0
        )
    );
    // Learning 2026: F; closed without a follow-up after its due date: due,
    // not on time, not overdue.
    assert_eq!(
        figures(row(&report, 2026, "learning")),
        expect(1, 1, json!(5.0), json!(5.0), 1, 0, 0, json!(42.0), 1, 0, 0)
    );
    // All 2026: requests 4 + 1 + 3 + 1 = 9; held A, B, C, F, G, J = 6.
    // People 7, 8, 4, 5, 9, 11: sum 44, mean 44/6; sorted 4 5 7 8 9 11,
    // median (7 + 8) / 2 = 7.5. Plans A, B, F, G, J = 5/6. Compulsory B, C,
    // G = 3/6, accepted B = 1/3. Days 30 42 46 51 52 78: median (46 + 51) / 2
    // = 48.5. Follow-ups due A, B, C, F, J = 5 (G not yet), on time A, J =
    // 2/5. Overdue C = 1.
    assert_eq!(
        figures(row(&report, 2026, "all")),
        expect(
            9,
            6,
            json!(44.0 / 6.0),
            json!(7.5),
            5,
            3,
            1,
            json!(48.5),
            5,
            2,
            1
        )
    );
}

#[test]
fn the_table_shows_percentages_with_counts_and_dashes() {
    let (code, table, _) = stats(&[]);
    assert_eq!(code, Some(0));
    assert!(table.starts_with("As of 2026-11-22.\n"), "{table}");
    let line = |label: &str, year_block: usize| -> String {
        table
            .split("\n\n")
            .nth(year_block + 1)
            .unwrap()
            .lines()
            .find(|l| l.starts_with(label))
            .unwrap_or_else(|| panic!("no {label} in {table}"))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(
        line("2026", 1),
        "2026 family restorative community learning all"
    );
    assert_eq!(
        line("participants per conference, mean", 1),
        "participants per conference, mean 6.3 9.0 11.0 5.0 7.3"
    );
    assert_eq!(
        line("participants per conference, median", 1),
        "participants per conference, median 7 9 11 5 7.5"
    );
    assert_eq!(
        line("reached a recorded plan", 1),
        "reached a recorded plan 67% (2/3) 100% (1/1) 100% (1/1) 100% (1/1) 83% (5/6)"
    );
    assert_eq!(
        line("  of which plan accepted", 1),
        "of which plan accepted 50% (1/2) 0% (0/1) – – 33% (1/3)"
    );
    assert_eq!(
        line("days from request to conference, median", 1),
        "days from request to conference, median 51 52 30 42 48.5"
    );
    assert_eq!(
        line("follow-ups done on time", 1),
        "follow-ups done on time 33% (1/3) – 100% (1/1) 0% (0/1) 40% (2/5)"
    );
    assert_eq!(
        line("follow-ups overdue today", 1),
        "follow-ups overdue today 1 0 0 0 1"
    );
    assert_eq!(
        line("reached a recorded plan", 0),
        "reached a recorded plan – – – – –"
    );
    assert!(!table.contains("NaN"), "{table}");
}

#[test]
fn year_and_variant_filters() {
    let only_2025 = stats_json(&["--year", "2025"]);
    let years: Vec<&Value> = only_2025["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["year"])
        .collect();
    assert_eq!(years, vec![&json!(2025); 5]);

    // A year without cases still has its rows, all empty.
    let empty = stats_json(&["--year", "2030"]);
    assert_eq!(empty["rows"].as_array().unwrap().len(), 5);
    assert_eq!(row(&empty, 2030, "all")["held"], 0);
    assert_eq!(row(&empty, 2030, "all")["participants_median"], Value::Null);

    // One variant: its rows only, no total.
    let family = stats_json(&["--variant", "family"]);
    let groups: Vec<(i64, &str)> = family["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["year"].as_i64().unwrap(), r["variant"].as_str().unwrap()))
        .collect();
    assert_eq!(groups, vec![(2025, "family"), (2026, "family")]);
    assert_eq!(row(&family, 2026, "family")["held"], 3);

    let both = stats_json(&["--year", "2026", "--variant", "community"]);
    assert_eq!(both["rows"].as_array().unwrap().len(), 1);
    assert_eq!(row(&both, 2026, "community")["requests"], 3);

    let (code, _, stderr) = stats(&["--variant", "buurt"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("family, restorative, community, learning"),
        "{stderr}"
    );
    let (code, _, _) = stats(&["--year", "twenty"]);
    assert_eq!(code, Some(2));
}

#[test]
fn csv_has_a_header_and_one_row_per_group() {
    let (code, csv, _) = stats(&["--format", "csv"]);
    assert_eq!(code, Some(0));
    let lines: Vec<&str> = csv.lines().collect();
    // The keys from before issue 17 come first, in their order.
    assert!(
        lines[0].starts_with(
            "year,variant,requests,held,participants_mean,participants_median,plans,plan_share,\
             compulsory,compulsory_share,accepted,accepted_share,days_to_conference_median,\
             followups_due,followups_on_time,followup_on_time_share,followups_overdue,"
        ),
        "{}",
        lines[0]
    );
    assert_eq!(lines.len(), 1 + 10, "two years of five groups");
    // 2025 family: a request, nothing held: empty fields, not NaN or 0.
    assert!(
        lines[1].starts_with("2025,family,1,0,,,0,,0,,0,,,0,0,,0,"),
        "{}",
        lines[1]
    );
    let width = lines[0].split(',').count();
    assert!(lines.iter().all(|l| l.split(',').count() == width));
    // 2026 all, as worked out above; shares as fractions.
    let all_2026: Vec<&str> = lines[10].split(',').collect();
    assert_eq!(all_2026[..4], ["2026", "all", "9", "6"]);
    let number = |i: usize| all_2026[i].parse::<f64>().unwrap();
    assert!((number(4) - 44.0 / 6.0).abs() < 1e-9);
    assert_eq!(number(5), 7.5);
    assert!((number(7) - 5.0 / 6.0).abs() < 1e-9);
    assert_eq!(number(9), 0.5);
    assert!((number(11) - 1.0 / 3.0).abs() < 1e-9);
    assert_eq!(number(12), 48.5);
    assert_eq!(number(15), 0.4);
    assert_eq!(all_2026[16], "1");
}

/// Held and overdue move with today: on the due date (2026-05-20) C's
/// follow-up is not yet overdue, the day after it is, and on its conference
/// day without a plan it is not held yet. KRING_TODAY works like --today.
#[test]
fn held_and_overdue_depend_on_today() {
    let at = |today: &str| -> Value {
        let output = kring()
            .arg("stats")
            .arg(fixture_dir("stats"))
            .args(["--format", "json", "--year", "2026", "--variant", "family"])
            .env("KRING_TODAY", today)
            .output()
            .unwrap();
        serde_json::from_slice(&output.stdout).unwrap()
    };
    assert_eq!(
        row(&at("2026-05-20"), 2026, "family")["followups_overdue"],
        0
    );
    assert_eq!(
        row(&at("2026-05-21"), 2026, "family")["followups_overdue"],
        1
    );
    // On 2026-04-20: A and B held, C (that day, no plan) not yet.
    assert_eq!(row(&at("2026-04-20"), 2026, "family")["held"], 2);
    assert_eq!(row(&at("2026-04-21"), 2026, "family")["held"], 3);
}

/// "Overdue" is the same condition as rule K307.
#[test]
fn overdue_follow_ups_are_the_k307_warnings() {
    let output = kring()
        .arg("check")
        .arg(fixture_dir("stats"))
        .args(["--today", TODAY, "--format", "json"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let k307 = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "K307")
        .count();
    let overdue: u64 = stats_json(&[])["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["variant"] == "all")
        .map(|r| r["followups_overdue"].as_u64().unwrap())
        .sum();
    assert_eq!(k307 as u64, overdue);
    assert_eq!(overdue, 1);
}

/// A file that cannot be read is named and makes the exit code 1; the
/// other cases are still counted.
#[test]
fn an_unreadable_case_is_reported_and_the_rest_still_counted() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture_dir("stats"), dir.path());
    write(
        dir.path(),
        "cases/2026/kapot.toml",
        "id = \"2026-099-kapot\nvariant = \n",
    );
    let output = kring()
        .arg("stats")
        .arg(dir.path())
        .args(["--today", TODAY, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("cases/2026/kapot.toml cannot be read"),
        "{stderr}"
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["unreadable"], 1);
    assert_eq!(row(&report, 2026, "all")["held"], 6);
    assert_eq!(row(&report, 2026, "all")["requests"], 9);
}

#[test]
fn an_empty_repository_says_so() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "kring.toml", "");
    let output = kring()
        .arg("stats")
        .arg(dir.path())
        .args(["--today", TODAY])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "As of 2026-11-22.\n"
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("no cases found"));
}

/// The demo region: one conference held (Bakker, 8 taking part, compulsory
/// and accepted, 2026-08-10 → 2026-09-19 = 21 + 19 = 40 days, follow-up on
/// 2026-10-16, due 2026-10-17), five requests in 2026.
#[test]
fn the_demo_region() {
    let output = kring()
        .arg("stats")
        .arg(demo_dir())
        .args(["--today", TODAY, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        figures(row(&report, 2026, "all")),
        expect(5, 1, json!(9.0), json!(9.0), 1, 1, 1, json!(40.0), 1, 1, 0)
    );
}
