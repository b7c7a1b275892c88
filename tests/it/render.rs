//! `kring render`: which files appear, what they may and may not contain,
//! and how the output folder is kept in step with the cases.

use std::path::Path;

use predicates::prelude::*;

use crate::support::{TODAY, demo_copy, files_below, kring, read, visible_text, write};

fn render(root: &Path) -> assert_cmd::assert::Assert {
    kring()
        .arg("render")
        .arg(root)
        .args(["--today", TODAY])
        .assert()
}

/// `kring render --check` on `root`.
fn render_check(root: &Path) -> assert_cmd::Command {
    let mut command = kring();
    command
        .args(["render", "--check", "--today", TODAY])
        .arg(root);
    command
}

#[test]
fn the_demo_renders_every_document_once() {
    let dir = demo_copy();
    render(dir.path())
        .success()
        .stderr(predicate::str::contains(
            "rendered 5 cases: 95 files written, 0 unchanged",
        ));
    let files = files_below(&dir.path().join("out"));

    // Every case has a checklist; plans only where one is recorded.
    for case in [
        "2026-031-bakker",
        "2026-038-yildiz",
        "2026-041-smit",
        "2026-044-wilgenhof",
        "2026-047-de-groot",
    ] {
        for ext in ["md", "html"] {
            assert!(files.contains(&format!("{case}/checklist.{ext}")), "{case}");
        }
        let has_plan = files.contains(&format!("{case}/plan.md"));
        assert_eq!(has_plan, case == "2026-031-bakker", "{case}");
    }
    // Marco Smit declined: no invitation.
    assert!(!files.iter().any(|f| f.contains("vader-kevin")));
    assert!(files.contains(&"2026-041-smit/invitations/hannah.ics".to_string()));
    // Hannah's documents are in English, the others in Dutch.
    let hannah = read(&dir.path().join("out/2026-041-smit/invitations/hannah.md"));
    assert!(hannah.starts_with("# Invitation"), "{hannah}");
    let html = read(&dir.path().join("out/2026-041-smit/invitations/hannah.html"));
    assert!(html.contains("<html lang=\"en\">"));
    let kevin = read(&dir.path().join("out/2026-041-smit/invitations/kevin.html"));
    assert!(kevin.contains("<html lang=\"nl\">"));
    assert!(kevin.contains("<title>Uitnodiging: herstelgerichte Eigen Kracht-conferentie</title>"));

    // Nothing changes the second time, and --check agrees.
    let before: Vec<_> = files
        .iter()
        .map(|f| {
            std::fs::metadata(dir.path().join("out").join(f))
                .unwrap()
                .modified()
                .unwrap()
        })
        .collect();
    render(dir.path())
        .success()
        .stderr(predicate::str::contains("0 files written, 95 unchanged"));
    let after: Vec<_> = files
        .iter()
        .map(|f| {
            std::fs::metadata(dir.path().join("out").join(f))
                .unwrap()
                .modified()
                .unwrap()
        })
        .collect();
    assert_eq!(before, after, "unchanged files are not rewritten");
    render_check(dir.path()).assert().success().stdout("");
}

#[test]
fn check_names_the_stale_files_after_an_edit() {
    let dir = demo_copy();
    render(dir.path()).success();
    let case = dir.path().join("cases/2026/2026-038-yildiz.toml");
    let text = read(&case).replace(
        "Het Lindenhof College, mediatheek",
        "Het Lindenhof College, aula",
    );
    std::fs::write(&case, text).unwrap();

    let output = render_check(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    // Every invitation (md, html, ics) and the checklist mention the place.
    assert!(
        stdout.contains("stale: out/2026-038-yildiz/invitations/ayse.md\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("stale: out/2026-038-yildiz/invitations/ayse.ics\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("stale: out/2026-038-yildiz/checklist.html\n"),
        "{stdout}"
    );
    assert!(!stdout.contains("2026-041-smit"), "{stdout}");
    assert_eq!(stdout.lines().count(), 6 * 3 + 2, "{stdout}");
    // --check wrote nothing.
    let ayse = read(&dir.path().join("out/2026-038-yildiz/invitations/ayse.md"));
    assert!(ayse.contains("mediatheek"));

    render(dir.path())
        .success()
        .stderr(predicate::str::contains("20 files written, 75 unchanged"));
    render_check(dir.path()).assert().success();
}

#[test]
fn a_participant_who_declines_loses_the_invitation() {
    let dir = demo_copy();
    render(dir.path()).success();
    let invitation = dir.path().join("out/2026-038-yildiz/invitations/noor.html");
    assert!(invitation.is_file());
    let case = dir.path().join("cases/2026/2026-038-yildiz.toml");
    let text = read(&case).replace(
        "relation = \"beste vriendin\"\nphone = \"06-55667788\"\ninvited_by = \"ayse\"\nstatus = \"invited\"",
        "relation = \"beste vriendin\"\nphone = \"06-55667788\"\ninvited_by = \"ayse\"\nstatus = \"declined\"",
    );
    std::fs::write(&case, text).unwrap();
    let output = render_check(dir.path()).output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("orphan: out/2026-038-yildiz/invitations/noor.html"),
        "{stdout}"
    );
    render(dir.path())
        .success()
        .stderr(predicate::str::contains("3 removed"));
    assert!(!invitation.exists());
    // Files kring does not produce are left alone.
    write(dir.path(), "out/2026-038-yildiz/notes.txt", "mine");
    render(dir.path()).success();
    assert!(dir.path().join("out/2026-038-yildiz/notes.txt").is_file());
}

#[test]
fn cases_with_errors_are_skipped_and_the_rest_rendered() {
    let dir = demo_copy();
    write(
        dir.path(),
        "cases/2026/kapot.toml",
        "id = \"2026-099-kapot\"\nvariant = \"family\"\n[request]\nreceived = 2026-09-01\n[[participant]]\nid = \"x\"\nname = \"X\"\nrole = \"friend\"\n",
    );
    render(dir.path())
        .code(1)
        .stderr(predicate::str::contains("error[K201]"))
        .stderr(predicate::str::contains("skipped cases/2026/kapot.toml"))
        .stderr(predicate::str::contains("rendered 5 cases"))
        .stderr(predicate::str::contains("1 skipped for errors"));
    assert!(!dir.path().join("out/2026-099-kapot").exists());
    assert!(
        dir.path()
            .join("out/2026-038-yildiz/checklist.md")
            .is_file()
    );
}

#[test]
fn only_and_format_narrow_the_output() {
    let dir = demo_copy();
    kring()
        .args([
            "render",
            "--only",
            "plan,checklist",
            "--format",
            "md",
            "--today",
            TODAY,
        ])
        .arg(dir.path())
        .assert()
        .success();
    let files = files_below(&dir.path().join("out"));
    assert_eq!(files.len(), 6, "{files:?}");
    assert!(
        files
            .iter()
            .all(|f| f.ends_with(".md") && !f.contains("invitations"))
    );

    let elsewhere = tempfile::tempdir().unwrap();
    kring()
        .args([
            "render",
            "--only",
            "invitations",
            "--format",
            "ics",
            "--today",
            TODAY,
        ])
        .arg(dir.path())
        .arg("--out")
        .arg(elsewhere.path())
        .assert()
        .success();
    let files = files_below(elsewhere.path());
    assert!(
        !files.is_empty() && files.iter().all(|f| f.ends_with(".ics")),
        "{files:?}"
    );
    // A narrowed render does not remove the other documents.
    assert_eq!(files_below(&dir.path().join("out")).len(), 6);
}

const HOSTILE_NAME: &str = r#"Jan <script>x</script> *vet* [klik](javascript:y) & "Piet""#;

fn hostile_case() -> String {
    format!(
        r##"id = "2026-060-test"
variant = "family"
title = "{{{{ case.id }}}} {{% if true %}}evaluated{{% endif %}}"
[request]
received = 2026-09-01
question = "# Wat is **nodig**? <b>nu</b> | {{{{ 7 * 7 }}}}"
question_agreed = 2026-09-05
consent = 2026-09-02
[coordinator]
name = "Fatima El Amrani"
assigned = 2026-09-03
email = "f.elamrani@example.org"
independent = true
[conference]
date = 2026-12-10
start = 15:00:00
end = 17:00:00
location = "Buurthuis <De Linde> | zaal [1]"
address = "Lindelaan 4, 8011 AB Zwolle"
arrangements = ["koffie & thee", "- geen lijst", "1. geen lijst"]
[[participant]]
id = "jan"
name = '''{HOSTILE_NAME}'''
role = "central"
born = 2001-02-03
email = "jan.geheim@example.nl"
phone = "06-11111111"
address = "Geheimstraat 1, 1111 AA Ergens"
status = "confirmed"
prepared = 2026-09-10
[[participant]]
id = "oma"
name = "Ömer ı İ ß 家族 `code` ~~weg~~"
role = "family"
born = 1950-06-07
email = "oma.prive@example.nl"
phone = "06-22222222"
address = "Omaweg 2, 2222 BB Elders"
status = "confirmed"
prepared = 2026-09-10
[[participant]]
id = "buur"
name = "Piet_de_Buur"
role = "network"
phone = "06-33333333"
hide_contact = true
status = "invited"
prepared = 2026-09-10
[[participant]]
id = "coach"
name = "Samira Ouali"
role = "professional"
email = "s.ouali@example.org"
organisation = "Wijkteam <Zuid>"
status = "confirmed"
prepared = 2026-09-10
"##
    )
}

#[test]
fn names_print_literally_and_never_become_markup() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "kring.toml", "");
    write(dir.path(), "cases/test.toml", &hostile_case());
    render(dir.path()).success();
    let out = dir.path().join("out/2026-060-test");
    for file in [
        "invitations/oma",
        "invitations/coach",
        "invitations/jan",
        "checklist",
    ] {
        let html = read(&out.join(format!("{file}.html")));
        assert!(!html.contains("<script"), "{file}: {html}");
        assert!(!html.contains("href="), "{file}: no document has links");
        assert!(!html.contains("<b>"), "{file}");
        assert!(!html.contains("<del>"), "{file}");
        let text = visible_text(&html);
        assert!(text.contains(HOSTILE_NAME), "{file}: {text}");
        assert!(text.contains("Ömer ı İ ß 家族 `code` ~~weg~~"), "{file}");
        assert!(text.contains("Piet_de_Buur"), "{file}");
        assert!(
            text.contains("# Wat is **nodig**? <b>nu</b> | {{ 7 * 7 }}"),
            "{file}"
        );
        let markdown = read(&out.join(format!("{file}.md")));
        assert!(
            markdown.contains(r"Jan \<script\>x\</script\> \*vet\* \[klik\](javascript:y) & "),
            "{file}"
        );
    }
    let checklist = visible_text(&read(&out.join("checklist.html")));
    assert!(
        checklist.contains("{{ case.id }} {% if true %}evaluated{% endif %}"),
        "{checklist}"
    );
    let invitation = visible_text(&read(&out.join("invitations/oma.html")));
    assert!(
        invitation.contains("Buurthuis <De Linde> | zaal [1]"),
        "{invitation}"
    );
    assert!(invitation.contains("- geen lijst"), "{invitation}");
    assert!(invitation.contains("1. geen lijst"), "{invitation}");
    assert!(invitation.contains("koffie & thee"), "{invitation}");
}

#[test]
fn no_document_shows_a_participants_contact_details_or_birth_date() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "kring.toml", "");
    write(dir.path(), "cases/test.toml", &hostile_case());
    render(dir.path()).success();
    let private = [
        "jan.geheim@example.nl",
        "06-11111111",
        "Geheimstraat",
        "2001-02-03",
        "oma.prive@example.nl",
        "06-22222222",
        "Omaweg",
        "1950-06-07",
        "06-33333333",
        "s.ouali@example.org",
        "3 februari 2001",
        "7 juni 1950",
    ];
    let out = dir.path().join("out");
    let files = files_below(&out);
    assert_eq!(files.len(), 4 * 3 + 2, "{files:?}");
    for file in files {
        let text = read(&out.join(&file));
        for secret in private {
            assert!(!text.contains(secret), "{file} shows {secret}");
        }
        // The coordinator's own contact details are there to be used.
        if file.contains("invitations/") && !file.ends_with(".ics") {
            assert!(text.contains("f.elamrani@example.org"), "{file}");
        }
    }
}

#[test]
fn a_repository_template_overrides_the_built_in_one() {
    let dir = demo_copy();
    write(
        dir.path(),
        "templates/nl/checklist.md",
        "# Eigen lijst voor {{ case.id }}\n\n{% for t in tasks %}{{ t.key }} {% endfor %}\n",
    );
    write(
        dir.path(),
        "templates/fy/invitation.md",
        "# Útnoeging\n\nHoi {{ participant.name }}!\n",
    );
    // A case with a coordinator: only those have invitations.
    let case = dir.path().join("cases/2026/2026-044-wilgenhof.toml");
    let text = read(&case).replace(
        "variant = \"community\"",
        "variant = \"community\"\nlanguage = \"fy\"",
    );
    std::fs::write(&case, text).unwrap();
    render(dir.path())
        .success()
        .stderr(predicate::str::contains(
            "no checklist template for language `fy`; the checklist is in `nl`",
        ));
    let checklist = read(&dir.path().join("out/2026-038-yildiz/checklist.md"));
    assert_eq!(
        checklist,
        "# Eigen lijst voor 2026-038-yildiz\n\ninventory consent chosen informed circle question practical professionals information conference sent workplan follow-up registration \n"
    );
    let invitations = files_below(&dir.path().join("out/2026-044-wilgenhof/invitations"));
    let first = invitations.iter().find(|f| f.ends_with(".md")).unwrap();
    let text = read(
        &dir.path()
            .join("out/2026-044-wilgenhof/invitations")
            .join(first),
    );
    assert!(text.starts_with("# Útnoeging\n\nHoi "), "{text}");
    let html = read(
        &dir.path()
            .join("out/2026-044-wilgenhof/invitations")
            .join(first.replace(".md", ".html")),
    );
    assert!(html.contains("<html lang=\"fy\">"));
}

#[test]
fn a_broken_user_template_is_reported_with_file_and_line() {
    let dir = demo_copy();
    write(
        dir.path(),
        "templates/en/plan.md",
        "# Plan\n\nText\n{{ plan | no_such_filter }}\n",
    );
    render(dir.path())
        .code(2)
        .stderr(predicate::str::contains(
            "error: template templates/en/plan.md:4:",
        ))
        .stderr(predicate::str::contains("no_such_filter"));
    write(
        dir.path(),
        "templates/en/plan.md",
        "# Plan\n\n{{ plan.nothing_here }}\n",
    );
    write(
        dir.path(),
        "templates/nl/plan.md",
        "# Plan\n\n{{ plan.nothing_here }}\n",
    );
    render(dir.path())
        .code(2)
        .stderr(predicate::str::contains(
            "error: template templates/nl/plan.md:3:",
        ))
        .stderr(predicate::str::contains("nothing_here"));
}

#[cfg(unix)]
#[test]
fn links_in_the_output_folder_are_not_followed() {
    let dir = demo_copy();
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("out")).unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("out/2026-038-yildiz")).unwrap();
    render(dir.path())
        .code(2)
        .stderr(predicate::str::contains("is a symbolic link"));
    assert!(files_below(elsewhere.path()).is_empty());

    // A link where a document belongs is replaced by the document, and
    // its target is left untouched.
    std::fs::remove_file(dir.path().join("out/2026-038-yildiz")).unwrap();
    let target = elsewhere.path().join("keep.md");
    std::fs::write(&target, "keep").unwrap();
    std::fs::create_dir_all(dir.path().join("out/2026-041-smit")).unwrap();
    // The first render may have written this case's folder (cases render
    // in parallel) before it stopped.
    let _ = std::fs::remove_file(dir.path().join("out/2026-041-smit/checklist.md"));
    std::os::unix::fs::symlink(&target, dir.path().join("out/2026-041-smit/checklist.md")).unwrap();
    render(dir.path()).success();
    assert_eq!(read(&target), "keep");
    let checklist = dir.path().join("out/2026-041-smit/checklist.md");
    assert!(
        !std::fs::symlink_metadata(&checklist)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn temporary_files_of_an_interrupted_render_are_cleaned_up() {
    let dir = demo_copy();
    render(dir.path()).success();
    let leftover = dir
        .path()
        .join("out/2026-041-smit/invitations/.kring-AbC123.tmp");
    std::fs::write(&leftover, "half a fi").unwrap();
    render(dir.path()).success();
    assert!(!leftover.exists());
}

#[test]
fn output_is_deterministic() {
    let one = demo_copy();
    let two = demo_copy();
    render(one.path()).success();
    render(two.path()).success();
    let files = files_below(&one.path().join("out"));
    assert_eq!(files, files_below(&two.path().join("out")));
    for file in files {
        assert_eq!(
            std::fs::read(one.path().join("out").join(&file)).unwrap(),
            std::fs::read(two.path().join("out").join(&file)).unwrap(),
            "{file}"
        );
    }
}

#[test]
fn every_calendar_file_parses_back_with_its_uid_times_and_zone() {
    use icalendar::parser::{read_calendar, unfold};
    let dir = demo_copy();
    render(dir.path()).success();
    let out = dir.path().join("out");
    let calendars: Vec<String> = files_below(&out)
        .into_iter()
        .filter(|f| f.ends_with(".ics"))
        .collect();
    // Only where the conference has a date: not for the two cases still in preparation.
    assert_eq!(calendars.len(), 23);
    // The demo's conferences: date, start, end.
    let conferences = [
        ("2026-031-bakker", "20260919", "100000", "133000"),
        ("2026-038-yildiz", "20270210", "143000", "161500"),
        ("2026-041-smit", "20270309", "190000", "213000"),
    ];
    for file in calendars {
        let (case, rest) = file.split_once("/invitations/").unwrap();
        let participant = rest.strip_suffix(".ics").unwrap();
        let text = read(&out.join(&file));
        let unfolded = unfold(&text);
        let calendar = read_calendar(&unfolded).unwrap_or_else(|e| panic!("{file}: {e}"));
        let zone = calendar
            .components
            .iter()
            .find(|c| c.name == "VTIMEZONE")
            .unwrap_or_else(|| panic!("{file}: no VTIMEZONE"));
        assert_eq!(
            zone.find_prop("TZID").unwrap().val.as_str(),
            "Europe/Amsterdam"
        );
        let events: Vec<_> = calendar
            .components
            .iter()
            .filter(|c| c.name == "VEVENT")
            .collect();
        assert_eq!(events.len(), 1, "{file}");
        let event = events[0];
        // Calendar programs show DESCRIPTION as it is: plain text.
        let description = event.find_prop("DESCRIPTION").unwrap().val.as_str();
        for mark in ["# ", "**", "\\n> ", "\\*"] {
            assert!(
                !description.contains(mark),
                "{file}: {mark:?} in {description}"
            );
        }
        assert_eq!(
            event.find_prop("UID").unwrap().val.as_str(),
            format!("{case}.{participant}@kring")
        );
        let (_, date, start, end) = conferences.iter().find(|c| c.0 == case).unwrap();
        for (name, bound) in [("DTSTART", start), ("DTEND", end)] {
            let property = event.find_prop(name).unwrap();
            let tzid = property.params.iter().find(|p| p.key == "TZID").unwrap();
            assert_eq!(
                tzid.val.as_ref().unwrap().as_str(),
                "Europe/Amsterdam",
                "{file}"
            );
            let value = property.val.as_str();
            assert!(value.starts_with(&format!("{date}T")), "{file}: {value}");
            // Professionals come later or leave earlier; nobody is outside
            // the conference's hours.
            let time = &value[9..];
            if name == "DTSTART" {
                assert!(time >= *bound, "{file}: {value}");
            } else {
                assert!(time <= *bound, "{file}: {value}");
            }
        }
    }
    // Zoë's family attends all three parts; the youth protector too
    // (information and plan span the whole morning).
    let zoe = read(&out.join("2026-031-bakker/invitations/zoe.ics"));
    assert!(
        zoe.contains("DTSTART;TZID=Europe/Amsterdam:20260919T100000\r\n"),
        "{zoe}"
    );
    assert!(
        zoe.contains("DTEND;TZID=Europe/Amsterdam:20260919T133000\r\n"),
        "{zoe}"
    );
}

/// `kring render` on `root` with another today.
fn render_on(root: &Path, today: &str) -> assert_cmd::assert::Assert {
    kring()
        .arg("render")
        .arg(root)
        .args(["--today", today])
        .assert()
}

#[test]
fn an_unchanged_case_is_not_rendered_again() {
    let dir = demo_copy();
    render(dir.path())
        .success()
        .stderr(predicate::str::contains("95 files written, 0 unchanged"));
    let manifest = read(&dir.path().join("out/.kring.manifest"));
    assert!(
        manifest.starts_with("kring manifest 1\nboot "),
        "{manifest}"
    );
    assert_eq!(manifest.lines().count(), 3 + 5 + 1, "{manifest}");

    // A file edited in place is not noticed without reading every file...
    let ayse = dir.path().join("out/2026-038-yildiz/invitations/ayse.md");
    let rendered = read(&ayse);
    std::fs::write(&ayse, rendered.replace("Ayşe", "Ayse")).unwrap();
    render(dir.path())
        .success()
        .stderr(predicate::str::contains("0 files written, 95 unchanged"));
    // ...but --check reads them all, and --full repairs it.
    render_check(dir.path())
        .assert()
        .code(1)
        .stdout("stale: out/2026-038-yildiz/invitations/ayse.md\n");
    kring()
        .args(["render", "--full", "--today", TODAY])
        .arg(dir.path())
        .assert()
        .success()
        .stderr(predicate::str::contains("1 file written, 94 unchanged"));
    assert_eq!(read(&ayse), rendered);

    // A removed file changes its folder: that case is compared again.
    std::fs::remove_file(&ayse).unwrap();
    render(dir.path())
        .success()
        .stderr(predicate::str::contains("1 file written, 94 unchanged"));
    assert_eq!(read(&ayse), rendered);
}

#[test]
fn an_edit_renders_only_its_case_again() {
    let dir = demo_copy();
    render(dir.path()).success();
    let case = dir.path().join("cases/2026/2026-038-yildiz.toml");
    let text = read(&case).replace("mediatheek", "aula");
    std::fs::write(&case, text).unwrap();
    render(dir.path())
        .success()
        .stderr(predicate::str::contains("20 files written, 75 unchanged"));
    render_check(dir.path()).assert().success();
}

#[test]
fn a_damaged_or_missing_manifest_is_rebuilt() {
    let dir = demo_copy();
    render(dir.path()).success();
    let manifest = dir.path().join("out/.kring.manifest");
    let good = read(&manifest);
    for damaged in [
        "not a manifest".to_string(),
        good.replace("kring manifest 1", "kring manifest 9"),
        good.replace("boot ", "boot other-"),
        good[..good.len() / 2].to_string(),
    ] {
        std::fs::write(&manifest, &damaged).unwrap();
        render(dir.path())
            .success()
            .stderr(predicate::str::contains("0 files written, 95 unchanged"));
        let rebuilt = read(&manifest);
        assert_eq!(rebuilt.lines().count(), good.lines().count());
        assert!(rebuilt.starts_with("kring manifest 1\nboot "));
    }
    std::fs::remove_file(&manifest).unwrap();
    render(dir.path()).success();
    assert!(manifest.exists());
}

#[test]
fn a_new_template_or_another_scope_renders_again() {
    let dir = demo_copy();
    render(dir.path()).success();
    write(
        dir.path(),
        "templates/nl/checklist.md",
        "# Lijst voor {{ case.id }}\n",
    );
    // Every Dutch checklist, md and html: four cases are in Dutch.
    render(dir.path())
        .success()
        .stderr(predicate::str::contains("10 files written, 85 unchanged"));
    // A narrower render does not trust the full render's manifest.
    kring()
        .args(["render", "--only", "checklist", "--today", TODAY])
        .arg(dir.path())
        .assert()
        .success()
        .stderr(predicate::str::contains("0 files written, 10 unchanged"));
    render_check(dir.path()).assert().success();
}

#[test]
fn today_reaches_the_documents_only_through_the_phase() {
    let dir = demo_copy();
    render(dir.path()).success();
    // A day later nothing changes phase in the demo: nothing to render.
    render_on(dir.path(), "2026-11-23")
        .success()
        .stderr(predicate::str::contains("0 files written, 95 unchanged"));
    render_check(dir.path()).assert().success();
    // A template that reads today is rendered again on another day.
    write(dir.path(), "templates/nl/plan.md", "# Plan, {{ today }}\n");
    render_on(dir.path(), "2026-11-23").success();
    render_on(dir.path(), "2026-11-24")
        .success()
        .stderr(predicate::str::contains("2 files written, 93 unchanged"));
    assert!(read(&dir.path().join("out/2026-031-bakker/plan.md")).contains("2026-11-24"));
}

/// DESIGN §9.1: an English letter carries the case's English words; a
/// coordinator without phone or email signs with the organisation's
/// `[contact]`; a case without a coordinator has no letters yet.
#[test]
fn letters_carry_translations_and_a_way_to_reach_someone() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "kring.toml",
        "organisation = \"Regio Test\"\n[contact]\nphone = \"050-7654321\"\n",
    );
    let case = |id: &str, coordinator: &str| {
        format!(
            "id = \"{id}\"\nvariant = \"family\"\n\
             [request]\nreceived = 2026-09-01\nquestion = \"Wat is er nodig?\"\nconsent = 2026-09-02\n\
             {coordinator}\
             [conference]\nlocation = \"Buurthuis\"\narrangements = [\"koffie\"]\n\
             [[participant]]\nid = \"sam\"\nname = \"Sam de Vries\"\nrole = \"central\"\n\
             [[participant]]\nid = \"emma\"\nname = \"Emma Walker\"\nrole = \"family\"\nlanguage = \"en\"\n\
             [translations.en]\nquestion = \"What is needed?\"\narrangements = [\"coffee\"]\n"
        )
    };
    write(
        dir.path(),
        "cases/a.toml",
        &case(
            "2026-001-a",
            "[coordinator]\nname = \"Ina Bos\"\nassigned = 2026-09-03\nindependent = true\n",
        ),
    );
    write(dir.path(), "cases/b.toml", &case("2026-002-b", ""));
    render(dir.path()).success();
    let out = dir.path().join("out");
    let emma = read(&out.join("2026-001-a/invitations/emma.md"));
    assert!(emma.contains("> What is needed?"), "{emma}");
    assert!(
        emma.contains("- coffee") && !emma.contains("koffie"),
        "{emma}"
    );
    assert!(emma.contains("You can contact Regio Test:"), "{emma}");
    assert!(emma.contains("- Phone: 050-7654321"), "{emma}");
    assert!(emma.contains("- **Date:** not fixed yet"), "{emma}");
    assert!(emma.contains("- **Place:** Buurthuis"), "{emma}");
    let sam = read(&out.join("2026-001-a/invitations/sam.md"));
    assert!(sam.contains("> Wat is er nodig?"), "{sam}");
    assert!(sam.contains("Regio Test"), "the organisation signs: {sam}");
    assert!(!out.join("2026-002-b/invitations").exists());
    assert!(out.join("2026-002-b/checklist.md").exists());
}

#[test]
fn the_documents_of_a_deleted_case_are_removed() {
    let dir = demo_copy();
    render(dir.path()).success();
    let folder = dir.path().join("out/2026-038-yildiz");
    let documents = files_below(&folder).len();
    assert!(documents > 5);
    std::fs::remove_file(dir.path().join("cases/2026/2026-038-yildiz.toml")).unwrap();

    let output = render_check(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("orphan: out/2026-038-yildiz/invitations/ayse.html"),
        "{stdout}"
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(&format!("{documents} no longer produced")),
        "{stderr}"
    );

    render(dir.path())
        .success()
        .stderr(predicate::str::contains(format!("{documents} removed")));
    assert!(!folder.exists());
    render_check(dir.path()).assert().success();
}

#[test]
fn a_changed_id_takes_the_old_folder_away() {
    let dir = demo_copy();
    render(dir.path()).success();
    let case = dir.path().join("cases/2026/2026-038-yildiz.toml");
    std::fs::write(
        &case,
        read(&case).replace("id = \"2026-038-yildiz\"", "id = \"2026-038-yilmaz\""),
    )
    .unwrap();
    render(dir.path()).success();
    assert!(!dir.path().join("out/2026-038-yildiz").exists());
    assert!(
        dir.path()
            .join("out/2026-038-yilmaz/checklist.md")
            .is_file()
    );
}

#[test]
fn pruning_leaves_what_kring_did_not_write() {
    let dir = demo_copy();
    render(dir.path()).success();
    write(dir.path(), "out/2026-038-yildiz/notes.txt", "mine");
    write(
        dir.path(),
        "out/2026-038-yildiz/invitations/brief.docx",
        "mine",
    );
    write(dir.path(), "out/overview/2026-038-yildiz.md", "mine");
    std::fs::remove_file(dir.path().join("cases/2026/2026-038-yildiz.toml")).unwrap();
    render(dir.path()).success();
    let left = files_below(&dir.path().join("out/2026-038-yildiz"));
    assert_eq!(left, ["invitations/brief.docx", "notes.txt"]);
    assert!(dir.path().join("out/overview/2026-038-yildiz.md").is_file());
}

#[test]
fn a_render_of_some_cases_removes_no_other_folder() {
    let dir = demo_copy();
    render(dir.path()).success();
    kring()
        .args(["render", "--today", TODAY])
        .arg(dir.path().join("cases/2026/2026-041-smit.toml"))
        .assert()
        .success();
    assert!(
        dir.path()
            .join("out/2026-038-yildiz/checklist.md")
            .is_file()
    );
}

#[test]
fn a_case_file_that_does_not_parse_keeps_its_documents() {
    let dir = demo_copy();
    render(dir.path()).success();
    let case = dir.path().join("cases/2026/2026-038-yildiz.toml");
    std::fs::write(&case, "id = \n").unwrap();
    render(dir.path()).code(1);
    assert!(
        dir.path()
            .join("out/2026-038-yildiz/checklist.md")
            .is_file()
    );
}

#[cfg(unix)]
#[test]
fn pruning_never_follows_a_link() {
    let dir = demo_copy();
    render(dir.path()).success();
    let home = tempfile::tempdir().unwrap();
    write(home.path(), "checklist.md", "keep");
    write(home.path(), "invitations/ayse.md", "keep");
    write(home.path(), "2026-001-x/checklist.md", "keep");
    let out = dir.path().join("out");
    // A link named like a case, a linked invitations folder in a case that
    // is gone, and a linked document.
    std::os::unix::fs::symlink(home.path(), out.join("2026-099-link")).unwrap();
    std::os::unix::fs::symlink(home.path(), out.join("x")).unwrap();
    write(dir.path(), "out/2026-098-gone/plan.md", "old");
    std::os::unix::fs::symlink(
        home.path().join("invitations"),
        out.join("2026-098-gone/invitations"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        home.path().join("checklist.md"),
        out.join("2026-098-gone/checklist.md"),
    )
    .unwrap();
    render(dir.path()).success();
    assert_eq!(
        files_below(home.path()),
        [
            "2026-001-x/checklist.md",
            "checklist.md",
            "invitations/ayse.md"
        ]
    );
    assert!(!out.join("2026-098-gone/plan.md").exists());
    assert!(std::fs::symlink_metadata(out.join("2026-099-link")).is_ok());
    assert!(std::fs::symlink_metadata(out.join("2026-098-gone/checklist.md")).is_ok());
}
