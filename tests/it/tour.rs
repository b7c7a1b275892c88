//! The README's tour, line by line, as a new user runs it: in a fresh
//! folder, with a fresh home, kring on the PATH, and an "editor" that fills
//! in the new case file the way a coordinator would.

use std::path::Path;

use crate::support::{TODAY, demo_dir, read};

/// The lines of the first `sh` block under "## A tour" in README.md.
fn tour_lines() -> Vec<String> {
    let readme = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"));
    let tour = &readme[readme.find("## A tour").expect("README has a tour")..];
    let block = &tour[tour.find("```sh\n").unwrap() + 6..];
    let block = &block[..block.find("```").unwrap()];
    block
        .lines()
        .map(str::to_string)
        .filter(|l| !l.trim().is_empty())
        .collect()
}

#[test]
fn every_line_of_the_readme_tour_works() {
    let lines = tour_lines();
    assert!(lines.len() >= 15, "{lines:?}");
    let work = tempfile::tempdir().unwrap();
    let home = work.path().join("home");
    std::fs::create_dir_all(&home).unwrap();

    // The editor step: the coordinator fills in the case (here: the demo's
    // learning case, as Sam's).
    let filled = read(&demo_dir().join("cases/2026/2026-038-yildiz.toml"))
        .replace("id = \"2026-038-yildiz\"", "id = \"2026-014-sam\"")
        .replace("id = \"selin-kaya\"", "id = \"anouk-visser\"");
    let filled_path = work.path().join("filled.toml");
    std::fs::write(&filled_path, filled).unwrap();
    let editor = work.path().join("editor.sh");
    std::fs::write(
        &editor,
        format!("#!/bin/sh\ncp '{}' \"$1\"\n", filled_path.display()),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    // One shell, so that `cd` carries over; the exit code of each line.
    let mut script = String::from("set -u\n");
    for (i, line) in lines.iter().enumerate() {
        script.push_str(&format!("{line}\necho \"__exit {i} $?\"\n"));
    }
    let kring = assert_cmd::cargo::cargo_bin!("kring");
    let path = format!(
        "{}:{}",
        kring.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let output = std::process::Command::new("bash")
        .arg("-c")
        .arg(&script)
        .current_dir(work.path())
        .env("HOME", &home)
        .env("PATH", path)
        .env("EDITOR", &editor)
        .env("KRING_TODAY", TODAY)
        .env_remove("KRING_EXPORT_KEY")
        .env_remove("KRING_EXPORT_KEY_FILE")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    for (i, line) in lines.iter().enumerate() {
        let code = stdout
            .lines()
            .find_map(|l| l.strip_prefix(&format!("__exit {i} ")))
            .unwrap_or_else(|| panic!("line {i} did not run: {line}\n{stderr}"));
        // A line may fail only where the tour says it does.
        let expected = if line.contains("refused (exit 1)") {
            "1"
        } else {
            "0"
        };
        assert_eq!(
            code, expected,
            "`{line}` exited {code}\nstdout:\n{stdout}\nstderr:\n{stderr}"
        );
    }

    let repo = work.path().join("regio-oost");
    for made in [
        "cases/2026-014-sam.toml",
        "coordinators/anouk-visser.toml",
        "out/2026-014-sam/checklist.md",
        "out/2026-014-sam/invitations/ayse.ics",
        "templates/nl/invitation.md",
        ".git/hooks/pre-commit",
    ] {
        assert!(repo.join(made).is_file(), "{made}");
    }
    for made in [
        "agenda/kring.ics",
        "registratie.csv",
        "jaarcijfers-2026.html",
        ".local/share/man/man1/kring.1",
    ] {
        assert!(home.join(made).is_file(), "~/{made}");
    }
    assert!(
        stdout.contains("anouk-visser"),
        "match ranks the roster:\n{stdout}"
    );
    assert!(stderr.contains("not closed"), "{stderr}");
}
