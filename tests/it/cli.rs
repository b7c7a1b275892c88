//! The commands as a coordinator uses them: init, new, check, status, explain.

use predicates::prelude::*;

use crate::support::{TODAY, demo_dir, kring, write};

const WARNING_ONLY: &str = r#"id = "2026-050-visser"
variant = "community"
[request]
received = 2026-09-01
question = "Hoe maken we het plein weer van iedereen?"
consent = 2026-09-02
[[participant]]
id = "bewoner"
name = "Jürgen Visser"
role = "resident"
status = "invited"
"#;

fn json(output: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("no JSON ({e}): {}", String::from_utf8_lossy(&output.stdout)))
}

#[test]
fn init_creates_a_repository_and_refuses_to_do_it_twice() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("regio");
    kring()
        .arg("init")
        .arg(&root)
        .assert()
        .success()
        .stderr(predicate::str::contains("git init"));
    for file in [
        "kring.toml",
        "cases/.gitkeep",
        "templates/README.md",
        ".gitignore",
    ] {
        assert!(root.join(file).is_file(), "{file}");
    }
    let gitignore = std::fs::read_to_string(root.join(".gitignore")).unwrap();
    assert!(gitignore.lines().any(|l| l == "out/"), "{gitignore}");
    assert!(gitignore.lines().any(|l| l == "outbox/"), "{gitignore}");
    let settings = std::fs::read_to_string(root.join("kring.toml")).unwrap();
    kring()
        .arg("init")
        .arg(&root)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already holds a kring.toml"));
    assert_eq!(
        std::fs::read_to_string(root.join("kring.toml")).unwrap(),
        settings
    );
    kring().arg("check").arg(&root).assert().success();
}

#[test]
fn new_writes_a_skeleton_whose_only_errors_are_its_placeholders_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    kring().arg("init").arg(root).assert().success();
    for (id, variant) in [
        ("2026-001-sam", "learning"),
        ("2026-002-jansen", "family"),
        ("2026-003-plein", "community"),
        ("2026-004-fiets", "restorative"),
    ] {
        kring()
            .current_dir(root)
            .args(["new", id, "--variant", variant, "--today", TODAY])
            .assert()
            .success()
            .stderr(predicate::str::contains(format!("cases/{id}.toml")));
        let text = std::fs::read_to_string(root.join(format!("cases/{id}.toml"))).unwrap();
        assert!(text.contains(&format!("variant = \"{variant}\"")));
        assert!(text.contains("# [plan]"), "teaches the plan table");
    }
    let output = kring()
        .current_dir(root)
        .args(["check", "--format", "json", "--today", TODAY])
        .output()
        .unwrap();
    let report = json(&output);
    // The names `kring new` cannot know are placeholders that K006 finds
    // (learning 2, family 1, community 0, restorative 2), and nothing else.
    assert_eq!(report["errors"], 5, "{report:#}");
    let codes: Vec<_> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect();
    assert!(codes.iter().all(|c| c == "K006"), "{report:#}");
    assert_eq!(report["cases"], 4);
    assert_eq!(output.status.code(), Some(1));

    let path = root.join("cases/2026-001-sam.toml");
    std::fs::write(&path, "# edited by hand\n").unwrap();
    kring()
        .current_dir(root)
        .args(["new", "2026-001-sam", "--variant", "family"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "# edited by hand\n"
    );
}

#[test]
fn new_refuses_invalid_and_taken_ids() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "kring.toml", "");
    write(root, "cases/2026/oud.toml", WARNING_ONLY);
    kring()
        .current_dir(root)
        .args(["new", "Sam_1", "--variant", "family"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a valid case id"));
    kring()
        .current_dir(root.join("cases/2026"))
        .args(["new", "2026-050-visser", "--variant", "family"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "already used by cases/2026/oud.toml",
        ));
    kring()
        .current_dir(root)
        .args(["new", "x", "--variant", "picnic"])
        .assert()
        .code(2);
    assert!(!root.join("cases/x.toml").exists());
}

#[test]
fn explain_prints_the_rule_documentation() {
    kring()
        .args(["explain", "K205"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "## K205: a professional attends family time",
        ))
        .stdout(predicate::str::contains("**Fix.**"))
        .stdout(predicate::str::contains("## K206").not());
    kring().args(["explain", "k502"]).assert().success();
    kring()
        .args(["explain", "K999"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no rule `K999`"));
    let list = kring().args(["explain", "--list"]).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&list.stdout).lines().count(),
        kring::RULES.len()
    );
}

#[test]
fn warnings_pass_unless_denied_and_quiet_hides_them() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "kring.toml", "");
    write(root, "cases/2026-050-visser.toml", WARNING_ONLY);
    kring()
        .args(["check", "--today", TODAY])
        .arg(root)
        .assert()
        .success()
        .stderr(predicate::str::contains("warning[K206]"))
        .stderr(predicate::str::contains(
            "--> cases/2026-050-visser.toml:11:10",
        ))
        .stderr(predicate::str::contains("0 errors, 1 warning"));
    kring()
        .args(["check", "--deny-warnings", "--today", TODAY])
        .arg(root)
        .assert()
        .code(1);
    kring()
        .args(["check", "--quiet", "--today", TODAY])
        .arg(root)
        .assert()
        .success()
        .stderr("");
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "kring.toml", "");
    write(root, "cases/2026-050-visser.toml", WARNING_ONLY);
    let plain = kring()
        .args(["check", "--today", TODAY])
        .arg(root)
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&plain.stderr).contains('\x1b'));
    let coloured = kring()
        .args(["check", "--color", "always", "--today", TODAY])
        .arg(root)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&coloured.stderr).contains("\x1b["));
}

#[test]
fn the_repository_is_found_from_a_subfolder_and_paths_narrow_the_check() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "kring.toml", "cases = \"dossiers\"\n");
    write(root, "dossiers/2025/oud.toml", "id = \"oud\"\n");
    write(
        root,
        "dossiers/2026/nieuw.toml",
        "id = \"nieuw\"\nvariant = \"family\"\n[request\n",
    );
    write(root, "dossiers/.verborgen/x.toml", "kapot");
    write(root, "dossiers/2026/notities.txt", "geen toml");
    let output = kring()
        .current_dir(root.join("dossiers/2026"))
        .args(["check", "--format", "json", "--today", TODAY])
        .output()
        .unwrap();
    let report = json(&output);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        report["files"], 2,
        "hidden folders and other files are skipped"
    );
    let found: Vec<(&str, &str)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["file"].as_str().unwrap(), d["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        // `variant` and `request` are missing: both are reported.
        [
            ("dossiers/2025/oud.toml", "K002"),
            ("dossiers/2025/oud.toml", "K002"),
            ("dossiers/2026/nieuw.toml", "K001")
        ]
    );
    assert_eq!(report["diagnostics"][0]["case"], "oud");
    assert_eq!(report["diagnostics"][2]["case"], serde_json::Value::Null);

    let output = kring()
        .current_dir(root)
        .args(["check", "--format", "json", "dossiers/2025"])
        .output()
        .unwrap();
    assert_eq!(json(&output)["files"], 1);
}

#[test]
fn a_bad_settings_file_or_a_missing_path_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "kring.toml", "taal = \"nl\"\n");
    kring()
        .arg("check")
        .arg(root)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("kring.toml").and(predicate::str::contains("taal")));
    kring()
        .args(["check", "/nonexistent/kring"])
        .assert()
        .code(2);
    kring().args(["check", "--bogus"]).assert().code(2);
    kring()
        .args(["check", "--today", "12-10-2026"])
        .assert()
        .code(2);
}

#[test]
fn today_comes_from_the_flag_or_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "kring.toml", "");
    write(
        root,
        "cases/c.toml",
        "id = \"c\"\nvariant = \"community\"\n[request]\nreceived = 2026-09-01\n\
         [coordinator]\nname = \"Anaïs\"\nassigned = 2026-09-02\nindependent = true\n\
         [conference]\ndate = 2026-10-12\n",
    );
    let phase = |today: Option<&str>, env: Option<&str>| {
        let mut cmd = kring();
        cmd.args(["status", "--format", "json"]).arg(root);
        if let Some(t) = today {
            cmd.args(["--today", t]);
        }
        if let Some(e) = env {
            cmd.env("KRING_TODAY", e);
        }
        json(&cmd.output().unwrap())[0]["phase"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(phase(Some("2026-10-01"), None), "scheduled");
    assert_eq!(phase(None, Some("2026-10-13")), "plan");
    assert_eq!(
        phase(Some("2026-10-01"), Some("2026-10-13")),
        "scheduled",
        "the flag wins"
    );
}

#[test]
fn demo_checks_clean() {
    kring()
        .args(["check", "--today", TODAY])
        .arg(demo_dir())
        .assert()
        .success()
        .stdout("")
        .stderr("");
    let output = kring()
        .args(["check", "--format", "json", "--today", TODAY])
        .arg(demo_dir())
        .output()
        .unwrap();
    let report = json(&output);
    assert_eq!(report["diagnostics"], serde_json::json!([]), "{report:#}");
    assert_eq!(report["cases"], 5);
}

#[test]
fn demo_status_shows_open_cases_by_due_date_and_closed_ones_last() {
    let output = kring()
        .args(["status", "--format", "json", "--today", TODAY])
        .arg(demo_dir())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let rows = json(&output);
    let got: Vec<(&str, &str, &str)> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap(),
                r["phase"].as_str().unwrap(),
                r["due"].as_str().unwrap_or("-"),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("2026-038-yildiz", "scheduled", "2027-02-10"),
            ("2026-041-smit", "scheduled", "2027-03-09"),
            ("2026-044-wilgenhof", "preparation", "-"),
            ("2026-047-de-groot", "request", "-"),
            ("2026-031-bakker", "closed", "-"),
        ]
    );
    for row in rows.as_array().unwrap() {
        let keys: Vec<&str> = row
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            ["due", "file", "id", "invited", "next", "phase", "variant"],
            "exactly these keys"
        );
    }
    // JSON names the task by its key.
    assert_eq!(rows[0]["next"], "practical");
    assert_eq!(rows[1]["next"], "informed");
    assert_eq!(
        rows[4]["next"],
        serde_json::Value::Null,
        "a closed case with every task done"
    );
    assert_eq!(rows[0]["file"], "cases/2026/2026-038-yildiz.toml");

    // Later, the same cases move on.
    let later = kring()
        .args(["status", "--format", "json", "--today", "2027-02-12"])
        .arg(demo_dir())
        .output()
        .unwrap();
    let later = json(&later);
    assert_eq!(later[0]["id"], "2026-038-yildiz");
    assert_eq!(later[0]["phase"], "plan");
    assert_eq!(later[0]["due"], "2027-02-12");

    let table = kring()
        .args(["status", "--today", TODAY])
        .arg(demo_dir())
        .output()
        .unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(table.starts_with("ID "), "{table}");
    assert!(
        table.contains("2026-041-smit       restorative  scheduled    inform everyone"),
        "{table}"
    );
    // The table speaks the checklist's words, not its keys.
    assert!(table.contains("arrange the practical side"), "{table}");
    assert!(!table.contains("informed"), "{table}");
    assert!(
        table
            .trim_end()
            .lines()
            .last()
            .unwrap()
            .starts_with("2026-031-bakker")
    );
}

#[cfg(unix)]
#[test]
fn symbolic_links_are_not_followed() {
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "elders.toml", "id = 3\n");
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "kring.toml", "");
    write(root, "cases/2026-050-visser.toml", WARNING_ONLY);
    std::os::unix::fs::symlink(
        outside.path().join("elders.toml"),
        root.join("cases/link.toml"),
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.path(), root.join("cases/map")).unwrap();
    let output = kring()
        .args(["check", "--format", "json", "--today", TODAY])
        .arg(root)
        .output()
        .unwrap();
    assert_eq!(json(&output)["files"], 1, "only the real file is read");
    kring()
        .args(["check"])
        .arg(root.join("cases/link.toml"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("symbolic link"));
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = kring().args(["completions", shell]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{shell}");
        let script = String::from_utf8(output.stdout).unwrap();
        for word in ["kring", "check", "status", "today", "deny-warnings"] {
            assert!(script.contains(word), "{shell} script lacks {word}");
        }
    }
    kring().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn man_writes_one_page_per_command() {
    let dir = tempfile::tempdir().unwrap();
    kring().arg("man").arg(dir.path()).assert().success();
    let mut pages: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    assert_eq!(
        pages,
        [
            "kring-agenda.1",
            "kring-anonymise.1",
            "kring-check.1",
            "kring-completions.1",
            "kring-declare.1",
            "kring-explain.1",
            "kring-export.1",
            "kring-fmt.1",
            "kring-hook-install.1",
            "kring-hook-pre-commit.1",
            "kring-hook.1",
            "kring-init.1",
            "kring-letters.1",
            "kring-man.1",
            "kring-match.1",
            "kring-new.1",
            "kring-render.1",
            "kring-report.1",
            "kring-schema.1",
            "kring-send.1",
            "kring-stats.1",
            "kring-status.1",
            "kring-templates-export.1",
            "kring-templates-list.1",
            "kring-templates.1",
            "kring.1"
        ]
    );
    let check = std::fs::read_to_string(dir.path().join("kring-check.1")).unwrap();
    assert!(
        check.starts_with(".ie") || check.contains(".TH kring-check"),
        "{check}"
    );
    assert!(check.contains("deny\\-warnings"), "{check}");
}

#[test]
fn a_case_id_stands_for_its_file() {
    let demo = demo_dir();
    let out = tempfile::tempdir().unwrap();
    kring()
        .current_dir(&demo)
        .args(["render", "2026-041-smit", "--today", TODAY, "--out"])
        .arg(out.path())
        .assert()
        .success()
        .stderr(predicate::str::contains("rendered 1 case"));
    assert!(out.path().join("2026-041-smit/checklist.md").is_file());
    kring()
        .current_dir(&demo)
        .args([
            "check",
            "2026-038-yildiz",
            "--today",
            TODAY,
            "--format",
            "json",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"files\":1"));
    kring()
        .current_dir(&demo)
        .args(["check", "2026-999-niemand"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no such file, folder or case id"));
}

#[test]
fn case_ids_complete_in_the_shell() {
    let demo = demo_dir();
    let output = kring()
        .current_dir(&demo)
        .env("COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", "2")
        .env("_CLAP_COMPLETE_COMP_TYPE", "9")
        .env("_CLAP_COMPLETE_SPACE", "true")
        .env("_CLAP_IFS", "\n")
        .args(["--", "kring", "render", "2026-04"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let candidates = String::from_utf8(output.stdout).unwrap();
    let mut lines: Vec<&str> = candidates.lines().collect();
    lines.sort();
    assert_eq!(
        lines,
        ["2026-041-smit", "2026-044-wilgenhof", "2026-047-de-groot"]
    );
    // The registration script itself, for `source <(COMPLETE=bash kring)`.
    kring()
        .env("COMPLETE", "bash")
        .assert()
        .success()
        .stdout(predicate::str::contains("_clap_complete_kring"));
}

/// A reader that leaves early (`kring check 2>&1 | head -1`) is no reason
/// to crash: kring finishes with its own exit code.
#[test]
fn a_closed_pipe_on_stdout_or_stderr_is_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "kring.toml", "");
    write(dir.path(), "cases/x.toml", "id = \"x\"\n");
    for stream in ["stdout", "stderr"] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin!("kring"));
        command
            .current_dir(dir.path())
            .args(["check", "--format", "json"]);
        if stream == "stdout" {
            command.stdout(writer);
        } else {
            command.stderr(writer);
        }
        let status = command.status().unwrap();
        assert_eq!(status.code(), Some(1), "{stream} closed");
    }
}

/// `--quiet` leaves out warnings, also those about files that cannot be
/// read; the exit code still says so.
#[test]
fn quiet_silences_the_unreadable_file_warnings_of_status_stats_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "kring.toml", "");
    write(root, "cases/2026-050-visser.toml", WARNING_ONLY);
    write(
        root,
        "cases/kapot.toml",
        "id = \"kapot\"\nvariant = \"famly\"\n",
    );
    let key = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(key.path(), "0123456789abcdef0123").unwrap();
    for command in [
        vec!["status"],
        vec!["stats"],
        vec!["export", "--anonymised", "--key-file"],
    ] {
        let mut loud = kring();
        loud.args(&command);
        if command[0] == "export" {
            loud.arg(key.path());
        }
        loud.args(["--today", TODAY])
            .arg(root)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(
                "warning: cases/kapot.toml cannot be read",
            ));
        let mut quiet = kring();
        quiet.args(&command);
        if command[0] == "export" {
            quiet.arg(key.path());
        }
        quiet
            .args(["--quiet", "--today", TODAY])
            .arg(root)
            .assert()
            .code(1)
            .stderr("");
    }
}

/// `kring check`, `render` and the hook see the same files: a case file
/// outside cases/ is reported (K008), not checked, not rendered, also when
/// named.
#[test]
fn a_case_file_outside_the_case_folder_is_reported_not_checked() {
    let dir = crate::support::demo_copy();
    let text = crate::support::read(&dir.path().join("cases/2026/2026-038-yildiz.toml"))
        .replace("id = \"2026-038-yildiz\"", "id = \"2026-099-los\"")
        .replace("variant = \"learning\"", "variant = \"famly\"");
    for place in [
        "2026-099-los.toml",
        "case/2026-099-los.toml",
        "templates/2026-099-los.toml",
    ] {
        crate::support::write(dir.path(), place, &text);
        let output = kring()
            .current_dir(dir.path())
            .args([
                "check",
                "--format",
                "json",
                "--today",
                crate::support::TODAY,
            ])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{place}");
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let codes: Vec<(&str, &str)> = json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (d["code"].as_str().unwrap(), d["file"].as_str().unwrap()))
            .collect();
        assert_eq!(codes, [("K008", place)], "{place}");

        // Named, it is reported the same way, and not rendered.
        kring()
            .current_dir(dir.path())
            .args(["check", place])
            .assert()
            .success()
            .stderr(predicate::str::contains("warning[K008]"))
            .stderr(predicate::str::contains("K002").not());
        kring()
            .current_dir(dir.path())
            .args(["render", place])
            .assert()
            .success()
            .stderr(predicate::str::contains("warning[K008]"));
        assert!(!dir.path().join("out/2026-099-los").exists());
        std::fs::remove_file(dir.path().join(place)).unwrap();
    }
}

/// K007: a file not named after its id is reported, and found by its id
/// and by its name.
#[test]
fn a_case_file_named_otherwise_is_found_by_id_and_by_name() {
    let dir = crate::support::demo_copy();
    let cases = dir.path().join("cases/2026");
    std::fs::rename(cases.join("2026-038-yildiz.toml"), cases.join("ayse.toml")).unwrap();
    kring()
        .current_dir(dir.path())
        .args(["check", "--today", crate::support::TODAY])
        .assert()
        .success()
        .stderr(predicate::str::contains("warning[K007]"))
        .stderr(predicate::str::contains("name it `2026-038-yildiz.toml`"));
    for name in ["2026-038-yildiz", "ayse", "ayse.toml"] {
        let _ = std::fs::remove_dir_all(dir.path().join("out"));
        kring()
            .current_dir(dir.path())
            .args(["render", name, "--today", crate::support::TODAY])
            .assert()
            .success();
        assert!(
            dir.path()
                .join("out/2026-038-yildiz/checklist.md")
                .is_file(),
            "{name}"
        );
    }
}

/// In kring.1 the groups of `kring --help` (Start, Daily, Send, Region)
/// stay one per line, and every page's footer names kring's version, not
/// the command's name.
#[test]
fn man_pages_keep_their_lines_and_name_the_version() {
    let dir = tempfile::tempdir().unwrap();
    kring().arg("man").arg(dir.path()).assert().success();
    let version = String::from_utf8(kring().arg("--version").output().unwrap().stdout).unwrap();
    let version = version.trim().strip_prefix("kring ").unwrap().to_string();
    assert!(version.starts_with(env!("CARGO_PKG_VERSION")), "{version}");
    assert!(version.contains("(commit "), "{version}");
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        let page = std::fs::read_to_string(&path).unwrap();
        let title = page.lines().find(|l| l.starts_with(".TH ")).unwrap();
        assert!(
            title.contains(&format!("\"kring {}\"", version.replace('-', "\\-"))),
            "{}: {title}",
            path.display()
        );
    }
    let main = std::fs::read_to_string(dir.path().join("kring.1")).unwrap();
    let notes = &main[main.find(".SH NOTES").expect("a NOTES section")..];
    assert!(notes.lines().nth(1) == Some(".nf"), "{notes}");
    for group in ["Start:", "Daily:", "Send:", "Region:"] {
        assert!(
            notes.lines().any(|l| l.starts_with(group)),
            "{group}: {notes}"
        );
    }
    let check = std::fs::read_to_string(dir.path().join("kring-check.1")).unwrap();
    assert!(check.contains(".SH EXAMPLES\n.nf\n"), "{check}");

    // As man shows it, where man is installed: one group per line.
    let shown = std::process::Command::new("man")
        .arg("-l")
        .arg(dir.path().join("kring.1"))
        .env("MANWIDTH", "200")
        .env("MANPAGER", "cat")
        .output();
    if let Some(shown) = shown.ok().filter(|o| o.status.success()) {
        let text = String::from_utf8_lossy(&shown.stdout);
        let daily = text.lines().find(|l| l.contains("Daily:")).unwrap();
        assert!(
            !daily.contains("Start:") && !daily.contains("Send:"),
            "{text}"
        );
    }
}

// kring's own voice in Dutch (DESIGN §9.4): the messages that were English
// only, each seen once in a Dutch run.

/// Runs kring with `--lang nl` and gives its exit code and stderr.
fn dutch(args: &[&str], path: &std::path::Path) -> (Option<i32>, String) {
    let output = kring()
        .args(["--lang", "nl", "--today", TODAY])
        .args(args)
        .arg(path)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (output.status.code(), stderr)
}

#[test]
fn init_refuses_a_second_time_in_dutch() {
    let dir = tempfile::tempdir().unwrap();
    kring().arg("init").arg(dir.path()).assert().success();
    let (code, stderr) = dutch(&["init"], dir.path());
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("staat al een kring.toml; kring verandert die niet"),
        "{stderr}"
    );
}

#[test]
fn a_reply_date_after_the_conference_is_told_in_dutch() {
    let root = crate::support::fixture_dir("rules").join("K301");
    let output = kring()
        .args([
            "check", "--format", "json", "--lang", "nl", "--today", TODAY,
        ])
        .arg(&root)
        .output()
        .unwrap();
    let messages: Vec<String> = json(&output)["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap_or_default().to_string())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("`conference.reply_by` (2026-09-25) ligt na `conference.date`")),
        "{messages:#?}"
    );
}

#[test]
fn a_language_without_templates_is_noted_in_dutch() {
    let repo = crate::support::demo_copy();
    let case = repo.path().join("cases/2026/2026-041-smit.toml");
    let text = std::fs::read_to_string(&case).unwrap();
    assert!(text.contains("\nlanguage = \"en\"\n"));
    std::fs::write(
        &case,
        text.replace("\nlanguage = \"en\"\n", "\nlanguage = \"de\"\n"),
    )
    .unwrap();
    let (code, stderr) = dutch(&["render"], repo.path());
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains(
            "waarschuwing: 2026-041-smit: er is geen sjabloon voor de uitnodiging in de taal `de`; \
             de uitnodiging van `hannah` is daarom in de taal `nl`"
        ),
        "{stderr}"
    );
}

#[test]
fn status_names_phases_and_variants_in_dutch() {
    let output = kring()
        .args(["status", "--lang", "nl", "--today", TODAY])
        .arg(demo_dir())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout
        .lines()
        .find(|l| l.starts_with("2026-044-wilgenhof"))
        .unwrap_or_default();
    assert!(line.contains("buurt"), "{stdout}");
    assert!(line.contains("voorbereiding"), "{stdout}");
    assert!(stdout.starts_with("ID "), "{stdout}");
    assert!(stdout.contains("FASE"), "{stdout}");
    // JSON keeps its keys.
    let rows = json(
        &kring()
            .args([
                "status", "--format", "json", "--lang", "nl", "--today", TODAY,
            ])
            .arg(demo_dir())
            .output()
            .unwrap(),
    );
    assert!(
        rows.as_array()
            .unwrap()
            .iter()
            .any(|r| r["phase"] == "preparation")
    );
}

#[test]
fn the_steps_to_make_an_export_key_are_in_dutch() {
    let output = kring()
        .env_remove("KRING_EXPORT_KEY")
        .env_remove("KRING_EXPORT_KEY_FILE")
        .args(["export", "--anonymised", "--lang", "nl"])
        .arg(crate::support::fixture_dir("stats"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("fout: er is geen sleutel voor de pseudoniemen; maak er één keer een"),
        "{stderr}"
    );
    // The command to copy stays the same in every language.
    assert!(
        stderr.contains(
            "\n  mkdir -p ~/.config/kring && (umask 077; head -c 32 /dev/urandom | base64 > ~/.config/kring/export.key)\n"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("Gebruik bij elke export dezelfde sleutel."),
        "{stderr}"
    );
}
