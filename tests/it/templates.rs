//! `kring templates list|export`, and `kring check` on a repository's own
//! templates.

use predicates::prelude::*;

use crate::support::{TODAY, demo_copy, files_below, kring, write};

#[test]
fn export_copies_the_built_ins_and_never_overwrites_an_edit() {
    let dir = demo_copy();
    kring()
        .current_dir(dir.path())
        .args(["templates", "export", "--lang", "nl"])
        .assert()
        .success()
        .stderr(predicate::str::contains("4 templates written"));
    assert_eq!(
        files_below(&dir.path().join("templates")),
        [
            "layout.html",
            "nl/checklist.md",
            "nl/invitation.md",
            "nl/plan.md"
        ]
    );

    // An exported copy renders exactly like the built-in template.
    let reference = demo_copy();
    for root in [dir.path(), reference.path()] {
        kring()
            .args(["render", "--today", TODAY])
            .arg(root)
            .assert()
            .success();
    }
    let out = files_below(&dir.path().join("out"));
    assert_eq!(out, files_below(&reference.path().join("out")));
    for file in &out {
        assert_eq!(
            std::fs::read(dir.path().join("out").join(file)).unwrap(),
            std::fs::read(reference.path().join("out").join(file)).unwrap(),
            "{file}"
        );
    }

    // An edited template is kept; the others are left as they are.
    let edited = dir.path().join("templates/nl/plan.md");
    std::fs::write(&edited, "# Ons plan\n").unwrap();
    kring()
        .current_dir(dir.path())
        .args(["templates", "export"])
        .assert()
        .success()
        .stderr(predicate::str::contains("kept"))
        .stderr(predicate::str::contains(
            "3 templates written, 3 already the same, 1 kept as edited",
        ));
    assert_eq!(std::fs::read_to_string(&edited).unwrap(), "# Ons plan\n");

    kring()
        .current_dir(dir.path())
        .args(["templates", "export", "--lang", "fy"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a built-in language"));
}

#[test]
fn list_shows_what_the_repository_replaces_and_adds() {
    let dir = demo_copy();
    write(dir.path(), "templates/nl/plan.md", "# Plan\n");
    write(dir.path(), "templates/fy/invitation.md", "# Útnoeging\n");
    let output = kring()
        .current_dir(dir.path())
        .args(["templates", "list"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.starts_with("LANGUAGE  TEMPLATE       SOURCE\n"),
        "{text}"
    );
    assert!(
        text.contains("fy        invitation.md  templates/fy/invitation.md\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "nl        plan.md        templates/nl/plan.md (replaces the built-in one)\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("nl        invitation.md  built-in\n"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 1 + 7 + 1);
}

#[test]
fn check_reports_a_broken_template_with_file_and_line() {
    let dir = demo_copy();
    kring()
        .args(["check", "--today", TODAY])
        .arg(dir.path())
        .assert()
        .success();

    write(
        dir.path(),
        "templates/nl/invitation.md",
        "# Uitnodiging\n\nBeste {{ partcipant.name }},\n",
    );
    kring()
        .args(["check", "--today", TODAY])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: template templates/nl/invitation.md:3:10: `partcipant` is not a variable",
        ));

    write(
        dir.path(),
        "templates/nl/invitation.md",
        "# Uitnodiging\n\n{% for p in others %}{{ p.name }}\n",
    );
    kring()
        .args(["check", "--today", TODAY, "--format", "json"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: template templates/nl/invitation.md:",
        ));
}
