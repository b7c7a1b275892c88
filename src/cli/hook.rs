//! `kring hook install`: a git pre-commit hook that checks the staged case
//! files, and `kring hook pre-commit`, which the hook runs.
//!
//! The hook reads the staged contents (the index, not the working tree) of
//! the case files a commit adds or changes, in one `git cat-file --batch`
//! call, so its time depends on the commit, not on the repository's size.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};

use super::check::plural;
use super::{Outcome, Ui};
use crate::diagnostic::{HumanRenderer, Severity};
use crate::fsutil::write_atomic;
use crate::repo::{Loaded, Repo, parse_case_bytes};

/// Install the git pre-commit hook that checks staged case files.
#[derive(Debug, clap::Args)]
#[command(
    long_about = "Git integration. `kring hook install` writes a pre-commit hook into the repository's\n\
                  git hooks folder. Before each commit it checks the staged case files (as staged, not\n\
                  as in the working folder) with the rules and stops the commit when a file has\n\
                  errors or is not formatted (kring fmt). An existing pre-commit hook is kept: it is\n\
                  renamed to pre-commit.before-kring and still runs first.",
    after_help = "Examples:\n  kring hook install\n  git commit            # the hook runs kring hook pre-commit\n  git commit --no-verify   # skip it once"
)]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Install the pre-commit hook (again: updates it).
    Install,
    /// What the hook runs: check the staged case files; exit 1 stops the commit.
    PreCommit,
}

/// The first line after the shebang marks a hook as kring's.
const MARKER: &str = "# kring pre-commit hook";
const PREVIOUS: &str = "pre-commit.before-kring";

pub fn run(args: Args, ui: &Ui) -> Result<Outcome> {
    let repo = Repo::discover(Path::new("."))?;
    match args.action {
        Action::Install => install(&repo, ui),
        Action::PreCommit => pre_commit(&repo, ui),
    }
}

fn install(repo: &Repo, ui: &Ui) -> Result<Outcome> {
    let hooks = git_path(&repo.root, "hooks")?;
    let hook = hooks.join("pre-commit");
    let previous = hooks.join(PREVIOUS);
    let ours = std::fs::read_to_string(&hook)
        .is_ok_and(|text| text.lines().nth(1).is_some_and(|l| l.starts_with(MARKER)));
    if std::fs::symlink_metadata(&hook).is_ok() && !ours {
        if std::fs::symlink_metadata(&previous).is_ok() {
            bail!(
                "{} exists and is not kring's, and {} is taken too; not replacing either",
                hook.display(),
                previous.display()
            );
        }
        std::fs::rename(&hook, &previous)
            .with_context(|| format!("cannot move {} aside", hook.display()))?;
        ui.note(&format!(
            "kept your existing hook as {}; it still runs before kring's",
            previous.display()
        ));
    }
    let exe = std::env::current_exe().ok();
    let script = hook_script(exe.as_deref());
    write_atomic(&hook, script.as_bytes())?;
    make_executable(&hook)?;
    ui.note(&format!("installed {}", hook.display()));
    Ok(Outcome::Clean)
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
    std::fs::set_permissions(path, permissions)
        .with_context(|| format!("cannot make {} executable", path.display()))
}

#[cfg(not(unix))]
fn make_executable(_: &Path) -> Result<()> {
    Ok(())
}

fn pre_commit(repo: &Repo, ui: &Ui) -> Result<Outcome> {
    let top = PathBuf::from(git(&repo.root, &["rev-parse", "--show-toplevel"])?.trim_end());
    let staged = git(
        &repo.root,
        &[
            "diff",
            "--cached",
            "--name-only",
            "-z",
            "--diff-filter=ACMR",
        ],
    )?;
    let cases_dir = repo.cases_dir();
    let mut files = Vec::new();
    for name in staged.split('\0').filter(|n| !n.is_empty()) {
        let path = top.join(name);
        let Ok(inside) = path.strip_prefix(&cases_dir) else {
            continue;
        };
        let hidden = inside
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
        if !hidden && name.ends_with(".toml") {
            let rel = repo.relative(&path).unwrap_or_else(|| name.to_string());
            files.push((name.to_string(), rel));
        }
    }
    if files.is_empty() {
        return Ok(Outcome::Clean);
    }

    let contents = staged_contents(&top, files.iter().map(|(name, _)| name.as_str()))?;
    let loaded: Vec<Loaded> = files
        .iter()
        .zip(contents)
        .map(|((_, rel), bytes)| parse_case_bytes(rel, bytes))
        .collect();
    let today = ui.today(repo);
    let report = crate::check::check(&loaded, &repo.settings, today);
    let renderer = HumanRenderer::new(ui.color);
    let mut errors = 0;
    for d in report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
    {
        let source = loaded
            .iter()
            .find(|l| l.file.rel == d.file)
            .and_then(|l| l.file.text.as_deref());
        crate::ewriteln!("{}\n", renderer.render(d, source));
        errors += 1;
    }
    let mut unformatted = Vec::new();
    for item in &loaded {
        if let (Ok(_), Some(text)) = (&item.case, &item.file.text)
            && crate::edit::format::format(text).is_ok_and(|formatted| formatted != *text)
        {
            unformatted.push(item.file.rel.as_str());
        }
    }
    if !unformatted.is_empty() {
        crate::ewriteln!(
            "kring: not formatted: {}\n  run `kring fmt {}` and stage the result",
            unformatted.join(", "),
            unformatted.join(" ")
        );
    }
    if errors > 0 || !unformatted.is_empty() {
        let errors = errors + unformatted.len();
        crate::ewriteln!(
            "kring: commit stopped: {} in the staged case files (kring check, kring fmt; git commit --no-verify skips this)",
            plural(errors, "problem")
        );
        return Ok(Outcome::Problems);
    }
    Ok(Outcome::Clean)
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
        .context("cannot run git")?;
    let mut stdin = child.stdin.take().context("no stdin for git")?;
    let requests: String = names.iter().map(|n| format!(":{n}\n")).collect();
    // Write from a thread: git answers while we still write.
    let writer = std::thread::spawn(move || stdin.write_all(requests.as_bytes()));
    let mut out = BufReader::new(child.stdout.take().context("no stdout from git")?);
    let mut contents = Vec::with_capacity(names.len());
    for name in &names {
        let mut header = String::new();
        out.read_line(&mut header)?;
        let size: usize = header
            .split_whitespace()
            .nth(2)
            .and_then(|s| s.parse().ok())
            .with_context(|| format!("git cannot show the staged {name}: {}", header.trim()))?;
        let mut bytes = vec![0; size];
        out.read_exact(&mut bytes)?;
        let mut newline = [0; 1];
        out.read_exact(&mut newline)?;
        contents.push(bytes);
    }
    writer
        .join()
        .map_err(|_| anyhow::anyhow!("writing to git failed"))??;
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
        .context("cannot run git; is it installed?")?;
    if !output.status.success() {
        let message = String::from_utf8_lossy(&output.stderr);
        if message.contains("not a git repository") {
            bail!(
                "{} is not in a git repository; start one with `git init`",
                dir.display()
            );
        }
        bail!("git {} failed: {}", args.join(" "), message.trim());
    }
    String::from_utf8(output.stdout).context("git printed something that is not UTF-8")
}
