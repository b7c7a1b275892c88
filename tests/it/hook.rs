//! The pre-commit hook, in a real git repository.

use std::path::Path;
use std::process::Command;

use crate::support::{copy_tree, demo_dir, kring, write};

fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .env_remove("GIT_DIR")
        .env_remove("GIT_INDEX_FILE")
        .output()
        .expect("git is installed")
}

/// The demo as a git repository with one commit and the hook installed.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&demo_dir(), dir.path());
    assert!(git(dir.path(), &["init", "-q"]).status.success());
    assert!(git(dir.path(), &["add", "."]).status.success());
    assert!(
        git(dir.path(), &["commit", "-q", "-m", "Start"])
            .status
            .success()
    );
    kring()
        .current_dir(dir.path())
        .args(["hook", "install"])
        .assert()
        .success();
    dir
}

const BROKEN: &str =
    "id = \"2026-099-kapot\"\nvariant = \"family\"\n\n[request]\nreceived = 2026-09-01\n";

#[test]
fn the_hook_stops_a_commit_with_a_broken_case_file() {
    let dir = repository();
    write(dir.path(), "cases/2026/kapot.toml", BROKEN);
    git(dir.path(), &["add", "cases/2026/kapot.toml"]);
    let commit = git(dir.path(), &["commit", "-q", "-m", "Kapot"]);
    assert!(!commit.status.success(), "the commit went through");
    let stderr = String::from_utf8_lossy(&commit.stderr);
    assert!(stderr.contains("error[K201]"), "{stderr}");
    assert!(stderr.contains("commit stopped"), "{stderr}");

    // Fixed in the index, the commit goes through.
    let fixed =
        format!("{BROKEN}\n[[participant]]\nid = \"sam\"\nname = \"Sam\"\nrole = \"central\"\n");
    write(dir.path(), "cases/2026/kapot.toml", &fixed);
    git(dir.path(), &["add", "cases/2026/kapot.toml"]);
    let commit = git(dir.path(), &["commit", "-q", "-m", "Heel"]);
    assert!(
        commit.status.success(),
        "{}",
        String::from_utf8_lossy(&commit.stderr)
    );
}

#[test]
fn the_hook_stops_a_commit_with_an_unformatted_case_file() {
    let dir = repository();
    let fixed =
        format!("{BROKEN}\n[[participant]]\nid = \"sam\"\nname = \"Sam\"\nrole = \"central\"\n");
    write(
        dir.path(),
        "cases/2026/los.toml",
        &fixed.replace("variant = ", "variant="),
    );
    git(dir.path(), &["add", "cases/2026/los.toml"]);
    let commit = git(dir.path(), &["commit", "-q", "-m", "Los"]);
    assert!(!commit.status.success());
    let stderr = String::from_utf8_lossy(&commit.stderr);
    assert!(
        stderr.contains("not formatted: cases/2026/los.toml"),
        "{stderr}"
    );
    kring()
        .current_dir(dir.path())
        .arg("fmt")
        .assert()
        .success();
    git(dir.path(), &["add", "cases/2026/los.toml"]);
    let commit = git(dir.path(), &["commit", "-q", "-m", "Los"]);
    assert!(
        commit.status.success(),
        "{}",
        String::from_utf8_lossy(&commit.stderr)
    );
}

#[test]
fn the_hook_checks_what_is_staged_not_the_working_folder() {
    let dir = repository();
    write(dir.path(), "cases/2026/kapot.toml", BROKEN);
    git(dir.path(), &["add", "cases/2026/kapot.toml"]);
    // The working copy is fixed, but the broken version is staged.
    let fixed =
        format!("{BROKEN}\n[[participant]]\nid = \"sam\"\nname = \"Sam\"\nrole = \"central\"\n");
    write(dir.path(), "cases/2026/kapot.toml", &fixed);
    let commit = git(dir.path(), &["commit", "-q", "-m", "Kapot"]);
    assert!(!commit.status.success());

    // Files outside cases/ and unchanged cases are not its business.
    git(dir.path(), &["reset", "-q"]);
    write(dir.path(), "notes.toml", "this is [not toml");
    git(dir.path(), &["add", "notes.toml"]);
    let commit = git(dir.path(), &["commit", "-q", "-m", "Notes"]);
    assert!(
        commit.status.success(),
        "{}",
        String::from_utf8_lossy(&commit.stderr)
    );
}

#[test]
fn an_existing_hook_is_kept_and_still_runs() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&demo_dir(), dir.path());
    git(dir.path(), &["init", "-q"]);
    let hooks = dir.path().join(".git/hooks");
    std::fs::create_dir_all(&hooks).unwrap();
    let marker = dir.path().join("old-hook-ran");
    let old = format!("#!/bin/sh\ntouch '{}'\n", marker.display());
    std::fs::write(hooks.join("pre-commit"), &old).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(
            hooks.join("pre-commit"),
            std::fs::Permissions::from_mode(0o755),
        )
        .unwrap();
    }
    kring()
        .current_dir(dir.path())
        .args(["hook", "install"])
        .assert()
        .success()
        .stderr(predicates::str::contains("kept your existing hook"));
    assert_eq!(
        std::fs::read_to_string(hooks.join("pre-commit.before-kring")).unwrap(),
        old
    );
    // Installing again updates kring's hook and keeps the old one.
    kring()
        .current_dir(dir.path())
        .args(["hook", "install"])
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(hooks.join("pre-commit.before-kring")).unwrap(),
        old
    );
    git(dir.path(), &["add", "."]);
    let commit = git(dir.path(), &["commit", "-q", "-m", "Start"]);
    assert!(
        commit.status.success(),
        "{}",
        String::from_utf8_lossy(&commit.stderr)
    );
    assert!(marker.exists(), "the old hook ran");

    // A third hook, with both names taken, is refused.
    std::fs::write(hooks.join("pre-commit"), "#!/bin/sh\nexit 0\n").unwrap();
    kring()
        .current_dir(dir.path())
        .args(["hook", "install"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("not replacing either"));
}

#[test]
fn outside_git_the_hook_says_how_to_start() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "kring.toml", "");
    kring()
        .current_dir(dir.path())
        .args(["hook", "install"])
        .env("GIT_CEILING_DIRECTORIES", dir.path().parent().unwrap())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("git init"));
}

#[test]
fn the_hook_checks_staged_coordinator_files_and_templates() {
    let dir = repository();
    let entry = "coordinators/joost-wolters.toml";
    let text = std::fs::read_to_string(dir.path().join(entry)).unwrap();
    write(dir.path(), entry, &format!("{text}kleur = \"blauw\"\n"));
    git(dir.path(), &["add", entry]);
    let commit = git(dir.path(), &["commit", "-q", "-m", "Roster"]);
    assert!(!commit.status.success(), "the commit went through");
    let stderr = String::from_utf8_lossy(&commit.stderr);
    assert!(stderr.contains("error[K601]"), "{stderr}");
    assert!(stderr.contains(entry), "{stderr}");

    // The roster as committed again; now a template with a typo.
    git(dir.path(), &["checkout", "HEAD", "--", entry]);
    write(dir.path(), "templates/nl/plan.md", "{{ p.naam }}\n");
    git(dir.path(), &["add", "templates/nl/plan.md"]);
    let commit = git(dir.path(), &["commit", "-q", "-m", "Template"]);
    assert!(!commit.status.success(), "the commit went through");
    let stderr = String::from_utf8_lossy(&commit.stderr);
    assert!(
        stderr.contains("error: template templates/nl/plan.md:1"),
        "{stderr}"
    );

    write(dir.path(), "templates/nl/plan.md", "# {{ case.id }}\n");
    git(dir.path(), &["add", "templates/nl/plan.md"]);
    let commit = git(dir.path(), &["commit", "-q", "-m", "Template"]);
    assert!(
        commit.status.success(),
        "{}",
        String::from_utf8_lossy(&commit.stderr)
    );
}

/// A case file outside cases/ would pass every check unseen (K008): the
/// hook stops it, as `kring check` reports it.
#[test]
fn the_hook_stops_a_case_file_outside_the_case_folder() {
    let dir = repository();
    let misspelt = BROKEN.replace("\"family\"", "\"famly\"");
    for place in ["2026-099-kapot.toml", "templates/2026-099-kapot.toml"] {
        write(dir.path(), place, &misspelt);
        git(dir.path(), &["add", place]);
        let commit = git(dir.path(), &["commit", "-q", "-m", "Ergens"]);
        assert!(!commit.status.success(), "{place}: the commit went through");
        let stderr = String::from_utf8_lossy(&commit.stderr);
        assert!(stderr.contains("warning[K008]"), "{stderr}");
        assert!(stderr.contains(place), "{stderr}");
        git(dir.path(), &["rm", "-q", "--cached", place]);
        std::fs::remove_file(dir.path().join(place)).unwrap();
    }
    // Other TOML files go through.
    write(dir.path(), "notes.toml", "title = \"notes\"\n");
    git(dir.path(), &["add", "notes.toml"]);
    let commit = git(dir.path(), &["commit", "-q", "-m", "Notes"]);
    assert!(commit.status.success());
}

/// `.pre-commit-hooks.yaml`: the pre-commit framework runs `entry` in the
/// repository with the changes staged, as git runs kring's own hook.
#[test]
fn the_pre_commit_framework_hook_runs_the_staged_check() {
    let manifest = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml"),
    )
    .unwrap();
    let field = |key: &str| {
        manifest
            .lines()
            .find_map(|l| {
                l.trim_start_matches([' ', '-'])
                    .strip_prefix(&format!("{key}: "))
            })
            .unwrap_or_else(|| panic!("no {key}"))
            .to_string()
    };
    assert_eq!(field("id"), "kring-check");
    assert_eq!(field("language"), "system");
    assert_eq!(field("pass_filenames"), "false");
    let entry = field("entry");
    let mut words = entry.split_whitespace();
    assert_eq!(words.next(), Some("kring"));
    let args: Vec<&str> = words.collect();

    let dir = repository();
    write(dir.path(), "cases/2026/kapot.toml", BROKEN);
    git(dir.path(), &["add", "cases/2026/kapot.toml"]);
    kring()
        .current_dir(dir.path())
        .args(&args)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("error[K201]"));
    git(
        dir.path(),
        &["rm", "-q", "--cached", "cases/2026/kapot.toml"],
    );
    kring()
        .current_dir(dir.path())
        .args(&args)
        .assert()
        .success();
}
