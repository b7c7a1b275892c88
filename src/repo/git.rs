//! Reading from git: the staged contents of the files a commit adds or
//! changes, for the pre-commit hook. One `git cat-file --batch` call reads
//! them all, so the hook's time depends on the commit, not on the
//! repository's size.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Result, bail};

use super::{Repo, is_roster_file};
use crate::fsutil::{Mode, write_atomic};
use crate::messages::{Failure, OrSay as _};
use crate::msg;

/// The files of a commit, as staged (in git's index).
#[derive(Debug, Default)]
pub struct Staged {
    /// Case files the commit adds or changes: path relative to the
    /// repository root, and the staged bytes.
    pub cases: Vec<(String, Vec<u8>)>,
    /// Changed `*.toml` files outside the case folder that look like
    /// cases (K008), as staged.
    pub strays: Vec<(String, Vec<u8>)>,
    /// Every roster file in the index, so that cases are compared with the
    /// roster as committed; `changed_roster` names those the commit touches.
    pub roster: Vec<(String, Vec<u8>)>,
    pub changed_roster: Vec<String>,
    /// Every template file in the index (`templates/...`, relative to the
    /// templates folder), and whether the commit touches any.
    pub templates: Vec<(PathBuf, Vec<u8>)>,
    pub templates_changed: bool,
}

/// The staged files of the repository's next commit.
pub fn staged(repo: &Repo) -> Result<Staged> {
    let top = PathBuf::from(git(&repo.root, &["rev-parse", "--show-toplevel"])?.trim_end());
    let changed = git(
        &repo.root,
        &[
            "diff",
            "--cached",
            "--name-only",
            "-z",
            "--diff-filter=ACMR",
        ],
    )?;
    let in_index = git(&repo.root, &["ls-files", "--cached", "-z"])?;
    let cases_dir = repo.cases_dir();
    let templates_dir = repo.root.join("templates");
    // (name relative to the top of the work tree, relative to the root)
    let mut cases = Vec::new();
    let mut maybe_strays = Vec::new();
    let mut changed_roster = Vec::new();
    let mut templates_changed = false;
    for name in changed.split('\0').filter(|n| !n.is_empty()) {
        let path = top.join(name);
        let rel = repo.relative(&path).unwrap_or_else(|| name.to_string());
        if path.starts_with(&cases_dir) {
            if repo.is_case_path(&path) {
                cases.push((name.to_string(), rel));
            }
        } else if is_roster_file(&rel) {
            changed_roster.push(rel);
        } else {
            if path.starts_with(&templates_dir) {
                templates_changed = true;
            }
            // A case file in the wrong place (K008), as `kring check` finds it.
            let hidden = rel.split('/').any(|part| part.starts_with('.'));
            let outside = path.starts_with(repo.out_dir()) || repo.relative(&path).is_none();
            if name.ends_with(".toml") && rel != super::SETTINGS_FILE && !hidden && !outside {
                maybe_strays.push((name.to_string(), rel));
            }
        }
    }
    let mut roster = Vec::new();
    let mut templates = Vec::new();
    for name in in_index.split('\0').filter(|n| !n.is_empty()) {
        let path = top.join(name);
        let rel = repo.relative(&path).unwrap_or_else(|| name.to_string());
        if is_roster_file(&rel) {
            roster.push((name.to_string(), rel));
        } else if let Ok(inside) = path.strip_prefix(&templates_dir) {
            templates.push((name.to_string(), inside.to_path_buf()));
        }
    }
    let names = cases
        .iter()
        .chain(&maybe_strays)
        .map(|(name, _)| name)
        .chain(roster.iter().map(|(name, _)| name))
        .chain(templates.iter().map(|(name, _)| name))
        .map(String::as_str);
    let mut contents = staged_contents(&top, names)?.into_iter();
    let mut next = || contents.next().unwrap_or_default();
    let cases = cases.into_iter().map(|(_, rel)| (rel, next())).collect();
    let strays = maybe_strays
        .into_iter()
        .map(|(_, rel)| (rel, next()))
        .filter(|(_, bytes)| super::looks_like_a_case(bytes))
        .collect();
    let roster = roster.into_iter().map(|(_, rel)| (rel, next())).collect();
    let templates = templates
        .into_iter()
        .map(|(_, rel)| (rel, next()))
        .collect();
    Ok(Staged {
        cases,
        strays,
        roster,
        changed_roster,
        templates,
        templates_changed,
    })
}

/// The first line after the shebang marks a hook as kring's.
const MARKER: &str = "# kring pre-commit hook";
const PREVIOUS: &str = "pre-commit.before-kring";

/// Where [`install_hook`] put the hook, and where it moved a hook that was
/// there before (which the new one runs first).
pub struct Installed {
    pub hook: PathBuf,
    pub kept: Option<PathBuf>,
}

/// Writes kring's pre-commit hook into the repository's git hooks folder;
/// a hook that is not kring's is moved aside and still runs first.
pub fn install_hook(repo: &Repo) -> Result<Installed> {
    let hooks = git_path(&repo.root, "hooks")?;
    let hook = hooks.join("pre-commit");
    let previous = hooks.join(PREVIOUS);
    let ours = std::fs::read_to_string(&hook)
        .is_ok_and(|text| text.lines().nth(1).is_some_and(|l| l.starts_with(MARKER)));
    let mut kept = None;
    if std::fs::symlink_metadata(&hook).is_ok() && !ours {
        if std::fs::symlink_metadata(&previous).is_ok() {
            bail!(Failure::new(msg!(
                "git-hook-taken",
                hook = hook.display().to_string(),
                previous = previous.display().to_string()
            )));
        }
        std::fs::rename(&hook, &previous)
            .or_say(|| msg!("git-cannot-move", file = hook.display().to_string()))?;
        kept = Some(previous.clone());
    }
    let exe = std::env::current_exe().ok();
    let script = hook_script(exe.as_deref());
    write_atomic(&hook, script.as_bytes(), Mode::Public)?;
    make_executable(&hook)?;
    Ok(Installed { hook, kept })
}

fn hook_script(exe: Option<&Path>) -> String {
    let exe = exe
        .and_then(Path::to_str)
        .filter(|p| !p.contains(['\'', '\n']))
        .unwrap_or("kring");
    format!(
        "#!/bin/sh\n\
         {MARKER}: checks the staged case files. Installed by `kring hook install`;\n\
         # skip it once with `git commit --no-verify`, remove this file to stop it.\n\
         hooks=$(dirname \"$0\")\n\
         if [ -x \"$hooks/{PREVIOUS}\" ]; then\n\
         \x20 \"$hooks/{PREVIOUS}\" \"$@\" || exit $?\n\
         fi\n\
         kring='{exe}'\n\
         [ -x \"$kring\" ] || kring=kring\n\
         exec \"$kring\" hook pre-commit\n"
    )
}

#[cfg(unix)]
fn make_executable(path: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mut permissions = std::fs::metadata(path)?.permissions();
    permissions.set_mode(0o755);
    std::fs::set_permissions(path, permissions).or_say(|| {
        msg!(
            "git-cannot-make-executable",
            file = path.display().to_string()
        )
    })
}

#[cfg(not(unix))]
fn make_executable(_: &Path) -> Result<()> {
    Ok(())
}

/// The staged contents of `names` (paths relative to the top of the work
/// tree), read in one `git cat-file --batch` run.
fn staged_contents<'a>(top: &Path, names: impl Iterator<Item = &'a str>) -> Result<Vec<Vec<u8>>> {
    let names: Vec<&str> = names.collect();
    let mut child = Command::new("git")
        .current_dir(top)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .or_say(|| msg!("git-cannot-run"))?;
    let mut stdin = child.stdin.take().or_say(|| msg!("git-no-pipe"))?;
    let requests: String = names.iter().map(|n| format!(":{n}\n")).collect();
    // Write from a thread: git answers while we still write.
    let writer = std::thread::spawn(move || stdin.write_all(requests.as_bytes()));
    let mut out = BufReader::new(child.stdout.take().or_say(|| msg!("git-no-pipe"))?);
    let mut contents = Vec::with_capacity(names.len());
    for name in &names {
        let mut header = String::new();
        out.read_line(&mut header)?;
        let size: usize = header
            .split_whitespace()
            .nth(2)
            .and_then(|s| s.parse().ok())
            .or_say(|| msg!("git-cannot-show", file = *name, answer = header.trim()))?;
        let mut bytes = vec![0; size];
        out.read_exact(&mut bytes)?;
        let mut newline = [0; 1];
        out.read_exact(&mut newline)?;
        contents.push(bytes);
    }
    writer
        .join()
        .map_err(|_| Failure::new(msg!("git-write-failed")))??;
    child.wait()?;
    Ok(contents)
}

/// `git rev-parse --git-path <what>`, absolute.
fn git_path(root: &Path, what: &str) -> Result<PathBuf> {
    let path = PathBuf::from(git(root, &["rev-parse", "--git-path", what])?.trim_end());
    Ok(if path.is_absolute() {
        path
    } else {
        root.join(path)
    })
}

fn git(dir: &Path, args: &[&str]) -> Result<String> {
    let output = Command::new("git")
        .current_dir(dir)
        .args(args)
        .output()
        .or_say(|| msg!("git-not-installed"))?;
    if !output.status.success() {
        let message = String::from_utf8_lossy(&output.stderr);
        if message.contains("not a git repository") {
            bail!(Failure::new(msg!(
                "git-not-a-repository",
                folder = dir.display().to_string()
            )));
        }
        bail!(Failure::new(msg!(
            "git-failed",
            command = args.join(" "),
            message = message.trim()
        )));
    }
    String::from_utf8(output.stdout).or_say(|| msg!("git-not-utf8"))
}
