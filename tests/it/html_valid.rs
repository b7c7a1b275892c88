//! Every HTML page the demo and the readers' fixture render, the letters
//! of `kring letters` and the year's report (`kring report`) are valid
//! HTML5, as judged by the Nu HTML
//! Checker (`vnu.jar`, the W3C validator's engine).
//!
//! The checker runs on Java. It is taken from `VNU_JAR` if set, else from
//! `target/vnu/`, where this test installs the npm package `vnu-jar` when
//! it is missing (`.ci/run` installs Java and the package beforehand).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{TODAY, copy_tree, demo_copy, files_below, fixture_dir, kring, write};

fn vnu_jar() -> PathBuf {
    if let Some(jar) = std::env::var_os("VNU_JAR") {
        return PathBuf::from(jar);
    }
    let prefix = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/vnu");
    let jar = prefix.join("node_modules/vnu-jar/build/dist/vnu.jar");
    if !jar.is_file() {
        let status = Command::new("npm")
            .args(["install", "--silent", "--no-save", "--prefix"])
            .arg(&prefix)
            .arg("vnu-jar")
            .status()
            .expect("npm is needed to install the Nu HTML checker (vnu-jar); see .ci/run");
        assert!(status.success(), "npm install vnu-jar failed");
    }
    jar
}

#[test]
fn the_demo_html_passes_the_nu_checker() {
    let dir = demo_copy();
    let readers = tempfile::tempdir().unwrap();
    copy_tree(&fixture_dir("readers"), readers.path());
    kring()
        .args(["render", "--format", "html", "--today", TODAY])
        .arg(readers.path())
        .assert()
        .success();
    kring()
        .args(["render", "--format", "html", "--today", TODAY])
        .arg(dir.path())
        .assert()
        .success();
    let out = dir.path().join("out");
    let pages: Vec<PathBuf> = files_below(&out)
        .iter()
        .filter(|f| f.ends_with(".html"))
        .map(|f| out.join(f))
        .collect();
    assert_eq!(pages.len(), 36, "every HTML page of the demo");
    let readers_out = readers.path().join("out");
    let reader_pages: Vec<PathBuf> = files_below(&readers_out)
        .iter()
        .filter(|f| f.ends_with(".html"))
        .map(|f| readers_out.join(f))
        .collect();
    assert!(reader_pages.len() > 10, "{reader_pages:?}");
    // The letters to print: the demo's, and the letters fixture's (both
    // kinds of document, two languages, a sender without contact).
    let fixture = tempfile::tempdir().unwrap();
    copy_tree(&fixture_dir("letters"), fixture.path());
    let mut letters = Vec::new();
    for root in [dir.path(), fixture.path()] {
        let file = root.join("letters.html");
        kring()
            .args(["letters", "--today", TODAY, "--out"])
            .arg(&file)
            .arg(root)
            .assert()
            .success();
        letters.push(file);
    }
    let pages: Vec<PathBuf> = pages
        .into_iter()
        .chain(reader_pages)
        .chain(letters)
        .collect();

    nu_check(&pages);
}

/// The year's report (`kring report`) of the figures fixture, with four
/// more conferences in March so that the charts have bars as well as
/// withheld ones, in Dutch and in English.
#[test]
fn the_report_passes_the_nu_checker() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture_dir("figures"), dir.path());
    for i in 1..=4 {
        write(
            dir.path(),
            &format!("cases/2026/2026-11{i}-extra.toml"),
            &format!(
                "id = \"2026-11{i}-extra\"\nvariant = \"family\"\n[request]\nreceived = 2026-02-0{i}\n\
                 [conference]\ndate = 2026-03-1{i}\n[plan]\nrecorded = 2026-03-1{i}\n"
            ),
        );
    }
    let mut pages = Vec::new();
    for lang in ["nl", "en"] {
        let settings = dir.path().join("kring.toml");
        let text = std::fs::read_to_string(&settings).unwrap();
        let text = text.replace("language = \"nl\"", &format!("language = \"{lang}\""));
        std::fs::write(&settings, text).unwrap();
        let page = dir.path().join(format!("report-{lang}.html"));
        kring()
            .args(["report", "--year", "2026", "--today", TODAY, "--out"])
            .arg(&page)
            .arg(dir.path())
            .assert()
            .success();
        pages.push(page);
    }
    nu_check(&pages);
}

fn nu_check(pages: &[PathBuf]) {
    let output = Command::new("java")
        .arg("-jar")
        .arg(vnu_jar())
        .args(["--format", "gnu"])
        .args(pages)
        .output()
        .expect("Java is needed to run the Nu HTML checker; see .ci/run");
    let report = String::from_utf8_lossy(&output.stderr);
    // `info:` lines are advice (self-closing tags such as `<br />`); errors and
    // warnings are not allowed.
    let problems: Vec<&str> = report
        .lines()
        .filter(|line| line.contains(": error") || line.contains(": warning"))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(output.status.success(), "{report}");
}
