//! Crash safety: `kring render`, `kring fmt` and `kring new` killed with
//! SIGKILL at random moments never leave a half-written file, and the next
//! run cleans up and finishes.
#![cfg(unix)]

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use rand::{RngExt, SeedableRng, rngs::StdRng};

use crate::support::{TODAY, copy_tree, demo_dir, files_below, kring, snapshot, write};

/// A repository of `copies` × the demo's three scheduled or closed cases,
/// with new ids.
fn large_repository(copies: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "kring.toml", "");
    let demo = demo_dir().join("cases/2026");
    for name in ["2026-031-bakker", "2026-038-yildiz", "2026-041-smit"] {
        let text = std::fs::read_to_string(demo.join(format!("{name}.toml"))).unwrap();
        for i in 0..copies {
            let id = format!("{name}-{i:04}");
            let copy = text.replace(&format!("id = \"{name}\""), &format!("id = \"{id}\""));
            write(dir.path(), &format!("cases/{i:04}/{id}.toml"), &copy);
        }
    }
    dir
}

/// A temporary file, or a file in a temporary folder (a new case's
/// documents are written into one, which is then renamed).
fn is_temporary(file: &str) -> bool {
    file.split('/')
        .any(|name| name.starts_with(".kring-") && name.ends_with(".tmp"))
}

fn render_into(root: &Path, out: &Path) {
    kring()
        .args(["render", "-q", "--today", TODAY])
        .arg(root)
        .arg("--out")
        .arg(out)
        .assert()
        .success();
}

/// Starts `kring args`, kills it after `delay`, and says whether it was
/// still running then.
fn kill_after(root: &Path, args: &[&str], delay: Duration) -> bool {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("kring"))
        .current_dir(root)
        .args(args)
        .env("KRING_TODAY", TODAY)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(delay);
    let running = child.try_wait().unwrap().is_none();
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    running
}

#[test]
fn a_killed_render_leaves_only_whole_files() {
    let repo = large_repository(25);
    let references = tempfile::tempdir().unwrap();
    let before = references.path().join("before");
    let after = references.path().join("after");
    render_into(repo.path(), &before);

    // How long a render from scratch takes here, to kill within it.
    let started = Instant::now();
    render_into(repo.path(), &references.path().join("timing"));
    let full = started.elapsed().max(Duration::from_millis(50));

    let mut rng = StdRng::seed_from_u64(7);
    let out = repo.path().join("out");
    let mut kills = 0;
    let mut old = snapshot(&before);
    let mut new = old.clone();
    for round in 0..30 {
        if round == 15 {
            // Halfway, the cases change: files may now hold the old or the
            // new version, never anything else.
            for i in 0..25 {
                let path = repo
                    .path()
                    .join(format!("cases/{i:04}/2026-041-smit-{i:04}.toml"));
                let text = std::fs::read_to_string(&path).unwrap();
                std::fs::write(&path, text.replace("zaal 1\"", "zaal 3\"")).unwrap();
            }
            render_into(repo.path(), &after);
            old = snapshot(&out);
            new = snapshot(&after);
        }
        // Every other round starts from an empty folder, so that the
        // render has real work to be killed in.
        if round % 2 == 0 && round != 15 {
            let _ = std::fs::remove_dir_all(&out);
        }
        let delay = full.mul_f64(rng.random_range(0.0..0.9));
        if kill_after(repo.path(), &["render", "-q"], delay) {
            kills += 1;
        }
        for (file, bytes) in snapshot(&out) {
            if is_temporary(&file) || file == ".kring.lock" {
                continue;
            }
            let whole = new.get(&file) == Some(&bytes) || old.get(&file) == Some(&bytes);
            assert!(
                whole,
                "round {round}: {file} is neither the old nor the new version"
            );
        }
    }
    eprintln!("killed kring render {kills} times mid-run");
    assert!(kills >= 10, "only {kills} kills hit a running render");

    // The next render finishes the work and leaves no temporary file.
    render_into(repo.path(), &out);
    let finished = snapshot(&out);
    assert!(finished.keys().all(|f| !is_temporary(f)));
    let mut expected = snapshot(&after);
    expected.remove(".kring.lock");
    let got: BTreeMap<_, _> = finished
        .into_iter()
        .filter(|(f, _)| f != ".kring.lock")
        .collect();
    assert_eq!(got.len(), expected.len());
    assert!(got == expected, "the final render differs from a clean one");
}

/// Removing the documents of deleted cases, killed at random moments:
/// every file left is a whole document, nothing outside `out/` is
/// touched, and the next render finishes the removal.
#[test]
fn a_killed_prune_is_finished_by_the_next_render() {
    let repo = large_repository(15);
    let out = repo.path().join("out");
    render_into(repo.path(), &out);
    let full_out = tempfile::tempdir().unwrap();
    copy_tree(&out, full_out.path());
    let before = snapshot(&out);
    // A file outside `out/` that a link inside it points at.
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("checklist.md"), "keep").unwrap();
    // Two thirds of the cases are deleted.
    for i in 0..15 {
        if i % 3 != 0 {
            std::fs::remove_dir_all(repo.path().join(format!("cases/{i:04}"))).unwrap();
        }
    }
    let reference = tempfile::tempdir().unwrap();
    render_into(repo.path(), reference.path());
    let expected = snapshot(reference.path());

    let restore = || {
        let _ = std::fs::remove_dir_all(&out);
        copy_tree(full_out.path(), &out);
        std::os::unix::fs::symlink(outside.path(), out.join("2026-999-link")).unwrap();
    };
    restore();
    let started = Instant::now();
    render_into(repo.path(), &out);
    let full = started.elapsed().max(Duration::from_millis(30));

    let mut rng = StdRng::seed_from_u64(5);
    let mut kills = 0;
    for round in 0..12 {
        restore();
        let delay = full.mul_f64(rng.random_range(0.0..1.0));
        if kill_after(repo.path(), &["render", "-q"], delay) {
            kills += 1;
        }
        for (file, bytes) in snapshot(&out) {
            if is_temporary(&file) || file.starts_with(".kring") {
                continue;
            }
            assert!(
                before.get(&file) == Some(&bytes),
                "round {round}: {file} is not a whole document"
            );
        }
        render_into(repo.path(), &out);
        let mut got = snapshot(&out);
        got.remove(".kring.lock");
        let mut want = expected.clone();
        want.remove(".kring.lock");
        assert!(got == want, "round {round}: the rerun did not finish");
        assert_eq!(
            std::fs::read_to_string(outside.path().join("checklist.md")).unwrap(),
            "keep"
        );
    }
    eprintln!("killed kring render {kills} times while pruning");
    assert!(kills >= 4, "only {kills} kills hit a running render");
}

#[test]
fn a_killed_fmt_leaves_each_file_old_or_new() {
    let repo = large_repository(40);
    // Unformatted: no blank line before the tables.
    let mut originals = BTreeMap::new();
    for file in files_below(&repo.path().join("cases")) {
        let path = repo.path().join("cases").join(&file);
        let text = std::fs::read_to_string(&path)
            .unwrap()
            .replace("\n\n[", "\n[");
        std::fs::write(&path, &text).unwrap();
        let formatted = kring::format(&text).unwrap();
        assert_ne!(formatted, text);
        originals.insert(file, (text, formatted));
    }
    let started = Instant::now();
    let copy = tempfile::tempdir().unwrap();
    copy_tree(repo.path(), copy.path());
    kring()
        .current_dir(copy.path())
        .args(["fmt", "-q"])
        .assert()
        .success();
    let full = started.elapsed().max(Duration::from_millis(20));

    let mut rng = StdRng::seed_from_u64(11);
    let mut kills = 0;
    for round in 0..25 {
        let delay = full.mul_f64(rng.random_range(0.0..1.0));
        if kill_after(repo.path(), &["fmt", "-q"], delay) {
            kills += 1;
        }
        for (file, (old, new)) in &originals {
            let now = std::fs::read_to_string(repo.path().join("cases").join(file)).unwrap();
            assert!(
                now == *old || now == *new,
                "round {round}: {file} is half written"
            );
        }
        // Back to unformatted for the next round.
        for (file, (old, _)) in &originals {
            std::fs::write(repo.path().join("cases").join(file), old).unwrap();
        }
    }
    eprintln!("killed kring fmt {kills} times mid-run");
    assert!(kills >= 5, "only {kills} kills hit a running fmt");
}

#[test]
fn a_killed_new_writes_a_whole_file_or_none() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "kring.toml", "");
    std::fs::create_dir_all(dir.path().join("cases")).unwrap();
    let mut rng = StdRng::seed_from_u64(3);
    for round in 0..20 {
        let id = format!("2026-{round:03}-test");
        let delay = Duration::from_micros(rng.random_range(0..4000));
        kill_after(
            dir.path(),
            &["new", &id, "--variant", "family", "-q"],
            delay,
        );
        let path = dir.path().join(format!("cases/{id}.toml"));
        if path.exists() {
            let text = std::fs::read_to_string(&path).unwrap();
            let case: Result<toml::Value, _> = toml::from_str(&text);
            assert!(
                case.is_ok() && text.ends_with('\n'),
                "round {round}: half a file"
            );
        }
    }
}

/// Two (here four) renders of the same repository at once: they take
/// turns on the output folder's lock, all succeed, and the result is a
/// clean render.
#[test]
fn concurrent_renders_do_not_corrupt_anything() {
    let repo = large_repository(10);
    let reference = tempfile::tempdir().unwrap();
    render_into(repo.path(), reference.path());
    let children: Vec<_> = (0..4)
        .map(|_| {
            std::process::Command::new(assert_cmd::cargo::cargo_bin!("kring"))
                .args(["render", "--today", TODAY])
                .arg(repo.path())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut waited = 0;
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        if String::from_utf8_lossy(&output.stderr).contains("waiting for another kring render") {
            waited += 1;
        }
    }
    eprintln!("{waited} of 4 renders waited for the lock");
    let mut got = snapshot(&repo.path().join("out"));
    got.remove(".kring.lock");
    let mut expected = snapshot(reference.path());
    expected.remove(".kring.lock");
    assert!(got.keys().all(|f| !is_temporary(f)));
    assert!(
        got == expected,
        "concurrent renders differ from a clean render"
    );
}
