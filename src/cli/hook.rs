//! `kring hook install`: a git pre-commit hook that checks the staged case
//! files, and `kring hook pre-commit`, which the hook runs.
//!
//! The hook reads the staged contents (the index, not the working tree) of
//! the case files a commit adds or changes, in one `git cat-file --batch`
//! call, so its time depends on the commit, not on the repository's size.

use std::collections::HashSet;
use std::path::Path;

use anyhow::Result;

use super::{Outcome, Ui};
use crate::check::Workspace;
use crate::diagnostic::Code;
use crate::diagnostic::Severity;
use crate::msg;
use crate::repo::Repo;
use crate::repo::git::{install_hook, staged};

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

pub fn run(args: Args, ui: &Ui) -> Result<Outcome> {
    let repo = Repo::discover(Path::new("."))?;
    match args.action {
        Action::Install => install(&repo, ui),
        Action::PreCommit => pre_commit(repo, ui),
    }
}

fn install(repo: &Repo, ui: &Ui) -> Result<Outcome> {
    let installed = install_hook(repo)?;
    if let Some(previous) = &installed.kept {
        let previous = previous.display().to_string();
        ui.say(msg!("hook-kept", file = previous));
    }
    ui.say(msg!(
        "hook-installed",
        file = installed.hook.display().to_string()
    ));
    Ok(Outcome::Clean)
}

fn pre_commit(repo: Repo, ui: &Ui) -> Result<Outcome> {
    let staged = staged(&repo)?;
    if staged.cases.is_empty()
        && staged.strays.is_empty()
        && staged.changed_roster.is_empty()
        && !staged.templates_changed
    {
        return Ok(Outcome::Clean);
    }
    let templates_changed = staged.templates_changed;
    let mut files: HashSet<String> = staged.cases.iter().map(|(rel, _)| rel.clone()).collect();
    files.extend(staged.changed_roster.iter().cloned());
    files.extend(staged.strays.iter().map(|(rel, _)| rel.clone()));
    let workspace = Workspace::staged(repo, staged)?;
    let report = workspace.check(ui.today(&workspace.repo));
    let renderer = ui.renderer();
    let sources = workspace.sources();
    let mut problems = 0;
    // Only what this commit changes: errors in the files it adds or
    // changes, and template errors when it touches a template. A case file
    // outside the case folder (K008, a warning for `kring check`) stops the
    // commit too: nothing would ever check it.
    for d in report.diagnostics.iter().filter(|d| {
        (d.severity == Severity::Error || d.code == Code::K008) && files.contains(&d.file)
    }) {
        let source = sources.get(d.file.as_str()).copied();
        ui.stderr(&format!("{}\n\n", renderer.render(d, source)));
        problems += 1;
    }
    if templates_changed {
        ui.template_errors(&report.template_errors);
        problems += report.template_errors.len();
    }
    let mut unformatted = Vec::new();
    for item in &workspace.cases {
        if let (Ok(_), Some(text)) = (&item.case, &item.file.text)
            && crate::edit::format::format(text).is_ok_and(|formatted| formatted != *text)
        {
            unformatted.push(item.file.rel.as_str());
        }
    }
    if !unformatted.is_empty() {
        let files = unformatted.join(", ");
        let args = unformatted.join(" ");
        let text = ui.t(&msg!("hook-unformatted", files = files, args = args));
        ui.stderr(&format!("{text}\n"));
    }
    if problems > 0 || !unformatted.is_empty() {
        let problems = problems + unformatted.len();
        let text = ui.t(&msg!("hook-stopped", problems = problems));
        ui.stderr(&format!("{text}\n"));
        return Ok(Outcome::Problems);
    }
    Ok(Outcome::Clean)
}
