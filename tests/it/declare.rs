//! `kring declare`: each coordinator's month, with totals known to the cent
//! from the hand-made fixture `tests/fixtures/declare/`.

use std::path::Path;

use crate::support::{TODAY, copy_tree, fixture_dir, kring, read, write};

/// Runs `kring declare` on `repo`, writing into `out`.
fn declare(repo: &Path, out: &Path, args: &[&str]) -> std::process::Output {
    kring()
        .arg("declare")
        .arg(repo)
        .args(["--today", TODAY, "--out"])
        .arg(out)
        .args(args)
        .output()
        .unwrap()
}

/// The CSV rows of a declaration as (case, column, value), for the columns asked.
fn cells(csv: &str, columns: &[&str]) -> Vec<Vec<String>> {
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    lines
        .map(|line| {
            let fields: Vec<&str> = line.split(',').collect();
            columns
                .iter()
                .map(|c| fields[header.iter().position(|h| h == c).unwrap()].to_string())
                .collect()
        })
        .collect()
}

#[test]
fn the_totals_are_exact_to_the_cent() {
    let out = tempfile::tempdir().unwrap();
    let output = declare(&fixture_dir("declare"), out.path(), &["--month", "2026-10"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let anna = read(&out.path().join("declaration-2026-10-anna-visser.csv"));
    let columns = [
        "case",
        "hours_intake",
        "hours_preparation",
        "hours",
        "hours_amount",
        "km",
        "km_amount",
        "expense_travel",
        "expense_venue",
        "expense_food",
        "expense_other",
        "conference",
        "fee",
        "total",
    ];
    // Case A, October only (3 hours of 30 September are not in it):
    // hours 1.25 + 2.5 + 1.005 (written so: 1.01) = 4.76 at 47.50 = 226.10;
    // 33 km at 0.195 = 6.435 → 6.44 (the 20 km of the train ticket are
    // not paid again); food 42.505 → 42.51; travel 12.40; fee 125.00;
    // 226.10 + 6.44 + 12.40 + 42.51 + 125.00 = 412.45.
    // Case B: venue 80, other 0.1 + 0.2 = 0.30 (not 0.30000000000000004).
    assert_eq!(
        cells(&anna, &columns),
        [
            [
                "2026-101-a",
                "1.25",
                "3.51",
                "4.76",
                "226.10",
                "33.00",
                "6.44",
                "12.40",
                "0.00",
                "42.51",
                "0.00",
                "2026-10-12",
                "125.00",
                "412.45"
            ],
            [
                "2026-102-b",
                "0.00",
                "0.00",
                "0.00",
                "0.00",
                "0.00",
                "0.00",
                "0.00",
                "80.00",
                "0.00",
                "0.30",
                "",
                "",
                "80.30"
            ],
        ]
    );
    // Anna's roster languages start with nl: her declaration is Dutch, and
    // its total is the sum of the case lines, 412.45 + 80.30.
    let md = read(&out.path().join("declaration-2026-10-anna-visser.md"));
    assert!(
        md.starts_with("# Declaratie oktober 2026: Anna Visser"),
        "{md}"
    );
    assert!(md.contains("| **Te betalen** | | **€ 492,75** |"), "{md}");
    assert!(md.contains("| Kilometers | 33,00 | € 6,44 |"), "{md}");
    assert!(!md.contains("september"), "{md}");
    let html = read(&out.path().join("declaration-2026-10-anna-visser.html"));
    assert!(html.contains("<main class=\"document declaration\">"));
    assert!(html.contains("€ 492,75"));

    // Ben has no roster file: his name is the key, kring.toml's language
    // (en) his declaration's. 0.1 + 0.1 + 0.1 hours = 0.30, at 47.50 = 14.25.
    let ben = read(&out.path().join("declaration-2026-10-ben-de-wit.csv"));
    assert_eq!(
        cells(&ben, &["coordinator", "hours", "hours_amount", "total"]),
        [["Ben de Wit", "0.30", "14.25", "14.25"]]
    );
    let md = read(&out.path().join("declaration-2026-10-ben-de-wit.md"));
    assert!(
        md.starts_with("# Declaration for October 2026: Ben de Wit"),
        "{md}"
    );
    assert!(md.contains("| **To be paid** | | **€14.25** |"), "{md}");
    // Notes never reach a declaration.
    for file in std::fs::read_dir(out.path()).unwrap() {
        let text = read(&file.unwrap().path());
        assert!(!text.contains("Deventer") && !text.contains("September"));
    }
}

#[test]
fn one_coordinator_and_one_format() {
    let out = tempfile::tempdir().unwrap();
    let args = [
        "--month",
        "2026-10",
        "--coordinator",
        "Ben de Wit",
        "--format",
        "md",
    ];
    let output = declare(&fixture_dir("declare"), out.path(), &args);
    assert!(output.status.success());
    let mut names: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    assert_eq!(names, ["declaration-2026-10-ben-de-wit.md"]);
}

#[test]
fn a_missing_rate_shows_the_hours_without_an_amount() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture_dir("declare"), dir.path());
    let settings = read(&dir.path().join("kring.toml")).replace("hour = 47.50\n", "");
    write(dir.path(), "kring.toml", &settings);
    let out = tempfile::tempdir().unwrap();
    let output = declare(dir.path(), out.path(), &["--month", "2026-10"]);
    assert!(output.status.success());
    let ben = read(&out.path().join("declaration-2026-10-ben-de-wit.csv"));
    assert_eq!(
        cells(&ben, &["hours", "hours_amount", "total"]),
        [["0.30", "", "0.00"]]
    );
    let md = read(&out.path().join("declaration-2026-10-ben-de-wit.md"));
    assert!(
        md.contains("| **Hours in all** | **0.30** | no rate |"),
        "{md}"
    );
    assert!(md.contains("kring.toml has no rate for hours"), "{md}");
    // Anna: 412.45 - 226.10 + 80.30 = 266.65 without her hours.
    let anna = read(&out.path().join("declaration-2026-10-anna-visser.md"));
    assert!(anna.contains("**€ 266,65**"), "{anna}");
    assert!(anna.contains("geen tarief voor uren"), "{anna}");
}

#[test]
fn errors_in_a_case_hold_back_that_coordinators_declaration() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture_dir("declare"), dir.path());
    let path = dir.path().join("cases/2026-103-c.toml");
    let text = read(&path).replacen("hours = 0.1\n", "hours = 25\n", 1);
    write(dir.path(), "cases/2026-103-c.toml", &text);
    let out = tempfile::tempdir().unwrap();
    let output = declare(dir.path(), out.path(), &["--month", "2026-10"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("K701"), "{stderr}");
    assert!(stderr.contains("no declaration for Ben de Wit"), "{stderr}");
    assert!(
        out.path()
            .join("declaration-2026-10-anna-visser.md")
            .exists()
    );
    assert!(
        !out.path()
            .join("declaration-2026-10-ben-de-wit.md")
            .exists()
    );
}

#[test]
fn a_month_must_be_a_month_and_an_empty_one_writes_nothing() {
    let out = tempfile::tempdir().unwrap();
    for bad in ["2026-13", "oktober", "2026-1"] {
        let output = declare(&fixture_dir("declare"), out.path(), &["--month", bad]);
        assert_eq!(output.status.code(), Some(2), "{bad}");
        assert!(String::from_utf8_lossy(&output.stderr).contains("YYYY-MM"));
    }
    let output = declare(&fixture_dir("declare"), out.path(), &["--month", "2025-10"]);
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("nothing to declare for 2025-10"));
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
}

#[test]
fn the_demo_declares_september_for_hanneke() {
    let out = tempfile::tempdir().unwrap();
    let output = declare(
        &crate::support::demo_dir(),
        out.path(),
        &["--month", "2026-09", "--format", "csv"],
    );
    assert!(output.status.success());
    let csv = read(&out.path().join("declaration-2026-09-hanneke-postma.csv"));
    // 14.50 h at 47.50 = 688.75; 38 km at 0.23 = 8.74; venue 85.00, food
    // 62.40, childcare 45.00; the conference of 19 September, 125.00.
    assert_eq!(
        cells(
            &csv,
            &["case", "hours", "hours_amount", "km_amount", "fee", "total"]
        ),
        [[
            "2026-031-bakker",
            "14.50",
            "688.75",
            "8.74",
            "125.00",
            "1014.89"
        ]]
    );
}
