//! The command line: one file per command. The domain does the work; these
//! files parse arguments, print, and choose the exit code.

mod check;
mod completions;
mod explain;
mod hook;
mod init;
mod man;
mod new;
mod render;
mod schema;
mod status;
mod templates;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use crate::repo::{Loaded, Repo, load_case};

/// What a command found: everything fine, or problems in the case files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit code 0.
    Clean,
    /// Exit code 1: rule errors (or warnings under `--deny-warnings`).
    Problems,
    /// Exit code 2: files that could not be read.
    Failed,
}

#[derive(Debug, Parser)]
#[command(
    name = "kring",
    version,
    about = "Checks the case files of family group conferences (Eigen Kracht-conferenties) and says what is left to do.",
    long_about = None,
    after_help = "A case repository holds kring.toml and one TOML file per conference under cases/.\n\
                  Commands run anywhere inside it, or on a path given to them.\n\n\
                  Start:   kring init my-cases && cd my-cases && kring new 2026-001-jansen --variant family\n\
                  Daily:   kring check    kring status    kring explain K205"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, clap::Args)]
pub struct GlobalArgs {
    /// Treat this date (YYYY-MM-DD) as today, for reproducible results.
    #[arg(long, global = true, env = "KRING_TODAY", value_name = "DATE")]
    pub today: Option<NaiveDate>,
    /// Print less: no summary lines and no warnings.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// When to colour the output.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Output for people, or data for programs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    #[default]
    Human,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new case repository: kring.toml, cases/, templates/, .gitignore.
    Init(init::Args),
    /// Create a new case file from a commented skeleton.
    New(new::Args),
    /// Check case files against the method's rules.
    Check(check::Args),
    /// Render invitations, checklists and plans (Markdown, HTML, calendar files).
    Render(render::Args),
    /// One row per case: phase, next task and due date.
    Status(status::Args),
    /// Show the documentation of a rule, e.g. `kring explain K205`.
    Explain(explain::Args),
    /// Print the JSON Schema of case files (or of kring.toml) for editors.
    Schema(schema::Args),
    /// List the document templates, or copy the built-in ones out for editing.
    Templates(templates::Args),
    /// Install the git pre-commit hook that checks staged case files.
    Hook(hook::Args),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions(completions::Args),
    /// Write manual pages, one per command.
    Man(man::Args),
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<Outcome> {
    let ui = Ui::new(&cli.global);
    match cli.command {
        Command::Init(args) => init::run(args, &ui),
        Command::New(args) => new::run(args, &ui),
        Command::Check(args) => check::run(args, &ui),
        Command::Render(args) => render::run(args, &ui),
        Command::Status(args) => status::run(args, &ui),
        Command::Explain(args) => explain::run(args, &ui),
        Command::Schema(args) => schema::run(args, &ui),
        Command::Templates(args) => templates::run(args, &ui),
        Command::Hook(args) => hook::run(args, &ui),
        Command::Completions(args) => completions::run(args, &ui),
        Command::Man(args) => man::run(args, &ui),
    }
}

/// How to talk to the person at the terminal.
pub struct Ui {
    pub quiet: bool,
    /// Whether a person is reading stderr (a terminal).
    pub interactive: bool,
    /// Colour on stderr.
    pub color: bool,
    pub today: Option<NaiveDate>,
}

impl Ui {
    fn new(global: &GlobalArgs) -> Ui {
        let interactive = std::io::stderr().is_terminal();
        let color = match global.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => interactive && std::env::var_os("NO_COLOR").is_none(),
        };
        Ui {
            quiet: global.quiet,
            interactive,
            color,
            today: global.today,
        }
    }

    /// `--today`, else the date now in the repository's time zone.
    pub fn today(&self, repo: &Repo) -> NaiveDate {
        self.today.unwrap_or_else(|| {
            chrono::Utc::now()
                .with_timezone(&repo.settings.timezone)
                .date_naive()
        })
    }

    /// A line on stderr, unless quiet.
    pub fn note(&self, text: &str) {
        if !self.quiet {
            eprintln!("{text}");
        }
    }
}

/// Writes to stdout; a closed pipe (`kring status | head`) is not an error.
pub fn print_stdout(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to standard output"),
    }
}

/// The repository that holds the first path (or the current folder), and
/// its case files narrowed to `paths`, loaded.
pub fn open_and_load(paths: &[PathBuf]) -> Result<(Repo, Vec<Loaded>)> {
    let start = paths.first().map_or(Path::new("."), PathBuf::as_path);
    let repo = Repo::discover(start)?;
    for other in paths.iter().skip(1) {
        let root = Repo::discover(other)?.root;
        if root != repo.root {
            return Err(crate::repo::RepoError::TwoRoots(
                start.display().to_string(),
                other.display().to_string(),
            )
            .into());
        }
    }
    let files = repo.case_files(paths)?;
    let loaded = files.iter().map(load_case).collect();
    Ok((repo, loaded))
}
