//! Editors agree with kring: the schemas `kring init` writes, judged by the
//! real taplo CLI (the engine of Even Better TOML), flag what kring flags
//! and name the key; what `kring fmt` and `kring new` write is TOML 1.0.
//!
//! taplo is taken from `TAPLO` if set, else from `target/taplo/`, where this
//! test installs the npm package `@taplo/cli` when it is missing (`.ci/run`
//! installs it beforehand).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{copy_tree, demo_dir, kring, read, write};

/// The taplo binary, installed once for all the tests of this module: two
/// tests installing it at once would run a half-written file ("Text file
/// busy").
fn taplo() -> PathBuf {
    static TAPLO: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    TAPLO.get_or_init(install_taplo).clone()
}

fn install_taplo() -> PathBuf {
    if let Some(taplo) = std::env::var_os("TAPLO") {
        return PathBuf::from(taplo);
    }
    let prefix = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/taplo");
    let bin = prefix.join("node_modules/.bin/taplo");
    if !bin.is_file() {
        let status = Command::new("npm")
            .args(["install", "--silent", "--no-save", "--prefix"])
            .arg(&prefix)
            .arg("@taplo/cli@0.7")
            .status()
            .expect("npm is needed to install taplo (@taplo/cli); see .ci/run");
        assert!(status.success(), "npm install @taplo/cli failed");
    }
    bin
}

/// `taplo check` in `dir`: success, and what it said.
fn taplo_check(dir: &Path) -> (bool, String) {
    let output = Command::new(taplo())
        .current_dir(dir)
        .args(["check", "--no-auto-config"])
        .arg("--config")
        .arg(dir.join(".taplo.toml"))
        .env("RUST_LOG", "warn")
        .output()
        .expect("taplo runs");
    let said = String::from_utf8_lossy(&output.stdout).to_string()
        + &String::from_utf8_lossy(&output.stderr);
    (output.status.success(), said)
}

/// A copy of the demo with the editor support `kring init` writes.
fn demo_with_editor_support() -> tempfile::TempDir {
    let fresh = tempfile::tempdir().unwrap();
    kring()
        .arg("init")
        .arg(fresh.path())
        .arg("-q")
        .assert()
        .success();
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&demo_dir(), dir.path());
    std::fs::copy(
        fresh.path().join(".taplo.toml"),
        dir.path().join(".taplo.toml"),
    )
    .unwrap();
    copy_tree(&fresh.path().join(".kring"), &dir.path().join(".kring"));
    dir
}

const CASE: &str = "cases/2026/2026-031-bakker.toml";

#[test]
fn the_demo_passes_taplo() {
    let dir = demo_with_editor_support();
    let (ok, said) = taplo_check(dir.path());
    assert!(ok, "{said}");
}

#[test]
fn taplo_flags_a_misspelt_variant_an_unknown_key_and_a_wrong_type() {
    let cases = [
        ("variant = \"family\"", "variant = \"famly\"", "\"famly\""),
        // An unknown key inside an optional table is named, not lost in
        // "is not valid under any of the schemas listed in the 'anyOf' keyword".
        (
            "[coordinator]",
            "[request.wishes]\nlanguage = [\"ar\"]\n\n[coordinator]",
            "('language' was unexpected)",
        ),
        (
            "compulsory = true",
            "compulsory = \"ja\"",
            "\"ja\" is not of type \"boolean\"",
        ),
    ];
    for (from, to, expected) in cases {
        let dir = demo_with_editor_support();
        let path = dir.path().join(CASE);
        let text = read(&path);
        assert!(text.contains(from), "{from}");
        write(dir.path(), CASE, &text.replacen(from, to, 1));
        let (ok, said) = taplo_check(dir.path());
        assert!(!ok, "taplo accepted {to}");
        assert!(said.contains(expected), "{to}: {said}");
        assert!(!said.contains("anyOf"), "{to}: {said}");
    }
}

/// `start = 15:00` is TOML 1.1: kring reads it, taplo (TOML 1.0) does not.
/// After `kring fmt` taplo accepts the file; a new file already is.
#[test]
fn fmt_and_new_write_times_every_editor_reads() {
    let dir = demo_with_editor_support();
    let path = dir.path().join(CASE);
    let text = read(&path);
    assert!(text.contains(":00:00"));
    write(dir.path(), CASE, &text.replace(":00:00", ":00"));
    let (ok, _) = taplo_check(dir.path());
    assert!(!ok, "taplo reads 15:00 now: this test can go");
    kring()
        .current_dir(dir.path())
        .args(["fmt", "-q", CASE])
        .assert()
        .success();
    assert_eq!(read(&path), text);
    let (ok, said) = taplo_check(dir.path());
    assert!(ok, "{said}");

    for variant in ["family", "restorative", "community", "learning"] {
        kring()
            .current_dir(dir.path())
            .args([
                "new",
                &format!("2026-200-{variant}"),
                "--variant",
                variant,
                "-q",
            ])
            .assert()
            .success();
    }
    let (ok, said) = taplo_check(dir.path());
    assert!(ok, "{said}");
}
