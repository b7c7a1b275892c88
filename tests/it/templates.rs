//! `kring templates list|export`, and `kring check` on a repository's own
//! templates.

use predicates::prelude::*;

use crate::support::{TODAY, demo_copy, files_below, kring, write};

#[test]
fn export_copies_the_built_ins_and_never_overwrites_an_edit() {
    let dir = demo_copy();
    kring()
        .current_dir(dir.path())
        .args(["templates", "export", "--language", "nl"])
        .assert()
        .success()
        .stderr(predicate::str::contains("6 templates written"));
    assert_eq!(
        files_below(&dir.path().join("templates")),
        [
            "layout.html",
            "nl/calendar.txt",
            "nl/checklist.md",
            "nl/declaration.md",
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
            "5 templates written, 5 already the same, 1 kept as edited",
        ));
    assert_eq!(std::fs::read_to_string(&edited).unwrap(), "# Ons plan\n");

    kring()
        .current_dir(dir.path())
        .args(["templates", "export", "--language", "fy"])
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
        text.starts_with("LANGUAGE  TEMPLATE        SOURCE\n"),
        "{text}"
    );
    assert!(
        text.contains("fy        invitation.md   templates/fy/invitation.md\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "nl        plan.md         templates/nl/plan.md (replaces the built-in one)\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("nl        invitation.md   built-in\n"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 1 + 11 + 1);
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

/// An attribute typo passes the check of variable names (`p` is known,
/// `naam` is not looked at); `check` finds it by rendering the template on
/// sample cases, before `render` fails on a real one.
#[test]
fn check_renders_the_repositorys_templates_and_finds_attribute_typos() {
    let dir = demo_copy();
    kring()
        .current_dir(dir.path())
        .args(["templates", "export", "-q"])
        .assert()
        .success();
    // The built-ins, as the repository's own copies, check clean.
    kring()
        .args(["check", "--today", TODAY])
        .arg(dir.path())
        .assert()
        .success();

    let cases = [
        // (template, line to break, from, to)
        ("nl/invitation.md", "{{ p.name }}", "{{ p.naam }}"),
        ("en/plan.md", "{{ ag.what }}", "{{ ag.wat }}"),
        ("en/checklist.md", "{{ c.location", "{{ c.locatie"),
    ];
    for (template, from, to) in cases {
        let path = dir.path().join("templates").join(template);
        let original = std::fs::read_to_string(&path).unwrap();
        let line = original
            .lines()
            .position(|l| l.contains(from))
            .map(|i| i + 1);
        let Some(line) = line else {
            panic!("{template} has no {from}")
        };
        std::fs::write(&path, original.replacen(from, to, 1)).unwrap();
        let output = kring()
            .args(["check", "--today", TODAY])
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{template}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        let field = to.split(['.', ' ']).nth(2).unwrap();
        assert!(
            stderr.contains(&format!("error: template templates/{template}:{line}:"))
                && stderr.contains(&format!("`{field}`")),
            "{template}: {stderr}"
        );
        std::fs::write(&path, original).unwrap();
    }

    // A language the repository adds is tried too.
    let plan = std::fs::read_to_string(dir.path().join("templates/en/plan.md")).unwrap();
    write(
        dir.path(),
        "templates/de/plan.md",
        &plan.replacen("{{ ag.what }}", "{{ ag.wat }}", 1),
    );
    for kind in ["invitation", "checklist"] {
        let text =
            std::fs::read_to_string(dir.path().join(format!("templates/en/{kind}.md"))).unwrap();
        write(dir.path(), &format!("templates/de/{kind}.md"), &text);
    }
    kring()
        .args(["check", "--today", TODAY])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: template templates/de/plan.md:",
        ));
}

/// A calendar file describes the participant's parts, the place and the
/// contact, from `<lang>/calendar.txt`; a language with an invitation
/// template but no calendar.txt describes it with the invitation itself,
/// as plain text.
#[test]
fn the_calendar_description_comes_from_calendar_txt_else_the_invitation() {
    let dir = demo_copy();
    let case = dir.path().join("cases/2026/2026-031-bakker.toml");
    let text = std::fs::read_to_string(&case).unwrap();
    let text = text.replacen(
        "id = \"buurvrouw\"\n",
        "id = \"buurvrouw\"\nlanguage = \"fy\"\n",
        1,
    );
    std::fs::write(&case, text).unwrap();
    write(
        dir.path(),
        "templates/fy/invitation.md",
        "# Útnoeging\n\nDoch mei, **{{ participant.known_as }}**.\n",
    );
    write(
        dir.path(),
        "templates/nl/calendar.txt",
        "Voor {{ participant.known_as }}: {% for part in participant.parts_detail %}{{ part.kind }} {% endfor %}\n\n\n",
    );
    kring()
        .args(["render", "--today", TODAY])
        .arg(dir.path())
        .assert()
        .success();
    let description = |who: &str| {
        let path = dir
            .path()
            .join(format!("out/2026-031-bakker/invitations/{who}.ics"));
        let unfolded = crate::support::read(&path).replace("\r\n ", "");
        unfolded
            .lines()
            .find_map(|line| line.strip_prefix("DESCRIPTION:"))
            .unwrap()
            .to_string()
    };
    // The repository's own nl/calendar.txt, its empty lines at the end gone.
    assert_eq!(
        description("oma-ria"),
        "Voor oma Ria: information family-time plan"
    );
    // No fy/calendar.txt: the fy invitation as plain text.
    assert_eq!(
        description("buurvrouw"),
        "Útnoeging\\n\\nDoch mei\\, Gerda."
    );
}
