//! The region's books (DESIGN §9.3) across commands: `follows` found by a
//! narrowed check, the books in the anonymised export without their notes,
//! and anonymising the books.

use std::path::Path;

use serde_json::Value;

use crate::support::{TODAY, copy_tree, demo_copy, fixture_dir, kring, read, write};

const KEY: &str = "dGVzdHNsZXV0ZWwtdm9vci1rcmluZy1leHBvcnQ=";

fn codes(repo: &Path, args: &[&str]) -> Vec<String> {
    let output = kring()
        .current_dir(repo)
        .args(["check", "--format", "json", "--today", TODAY])
        .args(args)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_narrowed_check_finds_the_followed_case_elsewhere() {
    let repo = fixture_dir("rules").join("K703");
    assert_eq!(
        codes(&repo, &["cases/2026-093-b.toml"]),
        Vec::<String>::new()
    );
    assert_eq!(codes(&repo, &["cases/2026-097.toml"]), Vec::<String>::new());
    assert_eq!(codes(&repo, &["cases/2026-093-c.toml"]), ["K703"]);
}

fn export(repo: &Path) -> Vec<Value> {
    let output = kring()
        .env_remove("KRING_EXPORT_KEY_FILE")
        .env("KRING_EXPORT_KEY", KEY)
        .args([
            "export",
            "--anonymised",
            "--format",
            "json",
            "--today",
            TODAY,
        ])
        .arg(repo)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    json["cases"].as_array().unwrap().clone()
}

/// A demo copy whose notes hold words found nowhere else, and a second case
/// that follows the closed one.
fn demo_with_notes() -> tempfile::TempDir {
    let dir = demo_copy();
    let bakker = dir.path().join("cases/2026/2026-031-bakker.toml");
    let text = read(&bakker)
        .replacen(
            "note = \"huisbezoek Anaïs en Zoë\"",
            "note = \"Xylofoonvergadering\"",
            1,
        )
        .replacen(
            "note = \"soep, broodjes",
            "note = \"Quetzalsoep, broodjes",
            1,
        );
    write(dir.path(), "cases/2026/2026-031-bakker.toml", &text);
    let later = read(&dir.path().join("cases/2026/2026-047-de-groot.toml")).replacen(
        "variant = \"family\"\n",
        "variant = \"family\"\nfollows = \"2026-031-bakker\"\n",
        1,
    );
    write(dir.path(), "cases/2026/2026-047-de-groot.toml", &later);
    dir
}

#[test]
fn the_export_holds_the_books_but_never_their_notes() {
    let dir = demo_with_notes();
    let rows = export(dir.path());
    let text = serde_json::to_string(&rows).unwrap();
    for word in ["Xylofoon", "Quetzal", "huisbezoek", "broodjes", "Zoë"] {
        assert!(!text.contains(word), "{word} in the export");
    }
    let bakker = rows.iter().find(|r| r["evaluations"] == 5).unwrap();
    assert_eq!(bakker["hours"], "26.50");
    // 26.50 h at 47.50 = 1258.75; 84 km at 0.23 = 19.32; 192.40 of
    // expenses; the fee 125.00.
    assert_eq!(bakker["cost"], "1595.47");
    assert_eq!(bakker["requester"], "professional");
    assert_eq!(bakker["topics"], "child-protection;parenting;debt");
    assert_eq!(bakker["funder"], "gemeente-zwolle");
    assert_eq!(bakker["minors"], true);
    // Network: meetings 8 and 9, plans 8 and 7; one coordinator score, 8.
    assert_eq!(bakker["score_network_meeting"], "8.5");
    assert_eq!(bakker["score_network_plan"], "7.5");
    assert_eq!(bakker["score_network_coordinator"], "8.0");
    assert_eq!(bakker["score_central_minor_plan"], "9.0");
    // The later case follows it under the same pseudonym.
    let later = rows.iter().find(|r| r["follows"].is_string()).unwrap();
    assert_eq!(later["follows"], bakker["pseudonym"]);
}

#[test]
fn a_funder_of_free_text_is_not_exported() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture_dir("rules").join("K704"), dir.path());
    write(
        dir.path(),
        "kring.toml",
        "# no [funders]: funder is free text\n",
    );
    let case = read(&dir.path().join("cases/2026-094-b.toml")).replace(
        "funder = \"gemeente-kampen\"  # expect: K704",
        "funder = \"Oom Kees betaalt\"",
    );
    write(dir.path(), "cases/2026-094-b.toml", &case);
    let rows = export(dir.path());
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| r["funder"].is_null()), "{rows:?}");
}

#[test]
fn anonymising_keeps_the_figures_and_drops_the_notes() {
    let dir = demo_with_notes();
    kring()
        .current_dir(dir.path())
        .args(["anonymise", "2026-031-bakker", "--today", "2028-01-01"])
        .assert()
        .success();
    let text = read(&dir.path().join("cases/2026/2026-031.toml"));
    assert!(!text.contains("Xylofoon") && !text.contains("Quetzal") && !text.contains("note ="));
    assert_eq!(text.matches("[[time]]").count(), 16);
    assert!(text.contains("hours = 4.5") && text.contains("amount = 62.40"));
    assert!(text.contains("group = \"central-minor\"\nmeeting = 8"));
    // The later case still finds the one it follows, now 2026-031; and it
    // shortens its own `follows` when it is anonymised in turn.
    assert!(!codes(dir.path(), &[]).contains(&"K703".to_string()));
    let later = dir.path().join("cases/2026/2026-047-de-groot.toml");
    let closed = read(&later) + "\n[closed]\ndate = 2026-11-21\nreason = \"withdrawn\"\n";
    std::fs::write(&later, closed).unwrap();
    kring()
        .current_dir(dir.path())
        .args(["anonymise", "2026-047-de-groot", "--today", "2028-01-01"])
        .assert()
        .success();
    let text = read(&dir.path().join("cases/2026/2026-047.toml"));
    assert!(text.contains("follows = \"2026-031\""), "{text}");
    assert!(!codes(dir.path(), &[]).contains(&"K703".to_string()));
}
