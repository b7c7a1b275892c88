//! The command line: one file per command. The domain does the work; these
//! files parse arguments, print, and choose the exit code.

mod agenda;
mod anonymise;
mod check;
mod completions;
mod declare;
mod explain;
mod export;
mod fmt;
mod hook;
mod init;
mod letters;
mod man;
mod r#match;
mod new;
mod progress;
mod render;
mod report;
mod schema;
mod send;
mod stats;
mod status;
mod templates;

use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::Result;
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use crate::diagnostic::{Diagnostic, HumanRenderer};
use crate::messages::{Lang, Message, OrSay as _};
use crate::model::Variant;
use crate::msg;
use crate::render::TemplateError;
use crate::repo::{Loaded, Repo};

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

/// `kring --version`: the version and the commit it was built from.
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("KRING_COMMIT"),
    ")"
);

#[derive(Debug, Parser)]
#[command(
    name = "kring",
    version = VERSION,
    about = "Checks the case files of family group conferences (Eigen Kracht-conferenties), says what is left to do, and renders the invitations, checklists and plans.",
    long_about = None,
    after_help = "A case repository holds kring.toml and one TOML file per conference under cases/.\n\
                  Commands run anywhere inside it, or on a path given to them.\n\n\
                  Start:   kring init my-cases && cd my-cases && kring new 2026-001-jansen --variant family\n\
                  Daily:   kring check    kring status    kring explain K205\n\
                  Send:    kring render    (documents in out/<case id>/)    kring send --dry-run\n\
                  Region:  kring stats    kring export --anonymised --key-file FILE\n\n\
                  Every command has its own help: kring help render"
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
    #[arg(long, global = true, env = "KRING_TODAY", value_name = "DATE", value_parser = date_arg)]
    pub today: Option<NaiveDate>,
    /// Print less: no summary lines and no warnings.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// The language of kring's messages (else KRING_LANG, kring.toml's
    /// `messages`, the locale, English).
    #[arg(long, global = true, env = "KRING_LANG", value_parser = ["nl", "en"], value_name = "LANG")]
    pub lang: Option<String>,
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
    Init(init::Args),
    New(new::Args),
    Check(check::Args),
    Fmt(fmt::Args),
    Render(render::Args),
    Send(send::Args),
    Letters(letters::Args),
    Status(status::Args),
    Match(r#match::Args),
    Agenda(agenda::Args),
    Stats(stats::Args),
    Report(report::Args),
    Export(export::Args),
    Declare(declare::Args),
    Anonymise(anonymise::Args),
    Explain(explain::Args),
    Schema(schema::Args),
    Templates(templates::Args),
    Hook(hook::Args),
    Completions(completions::Args),
    Man(man::Args),
}

/// Completes case ids (and paths) for the commands that take them, when
/// the shell uses kring's dynamic completion (`source <(COMPLETE=bash kring)`).
pub fn complete_case(current: &std::ffi::OsStr) -> Vec<clap_complete::CompletionCandidate> {
    let prefix = current.to_string_lossy();
    let mut candidates: Vec<clap_complete::CompletionCandidate> = Repo::discover(Path::new("."))
        .map(|repo| repo.case_ids())
        .unwrap_or_default()
        .into_iter()
        .filter(|id| id.starts_with(prefix.as_ref()))
        .map(|id| clap_complete::CompletionCandidate::new(id).help(Some("case".into())))
        .collect();
    use clap_complete::engine::ValueCompleter;
    candidates.extend(clap_complete::engine::PathCompleter::any().complete(current));
    candidates
}

/// The commands in the order of a coordinator's work, for `kring --help`.
const WORKFLOW: &[(&str, &[&str])] = &[
    ("Start a repository and a case", &["init", "new", "match"]),
    (
        "Every day",
        &["check", "status", "agenda", "fmt", "explain"],
    ),
    ("Documents", &["render", "send", "letters", "templates"]),
    (
        "Region and registration",
        &["stats", "report", "export", "declare", "anonymise"],
    ),
    (
        "Editor, git and shell",
        &["schema", "hook", "completions", "man"],
    ),
];

/// The command line, with `kring --help` listing the commands grouped by
/// the coordinator's workflow instead of alphabetically.
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    let base = Cli::command();
    let mut groups = String::new();
    for (heading, names) in WORKFLOW {
        groups.push_str(&format!("{heading}:\n"));
        for name in *names {
            if let Some(sub) = base.find_subcommand(name) {
                let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
                groups.push_str(&format!("  {name:<12} {about}\n"));
            }
        }
        groups.push('\n');
    }
    base.help_template(format!(
        "{{about-with-newline}}\n{{usage-heading}} {{usage}}\n\n{groups}Options:\n{{options}}{{after-help}}"
    ))
}

/// Runs a parsed command line; an error that stops the command is printed
/// here, in the user's words for `error:`, and is exit code 2.
pub fn run(cli: Cli) -> Outcome {
    let ui = Ui::new(&cli.global);
    run_command(cli.command, &ui).unwrap_or_else(|error| {
        ui.error(error_text(&error, &ui));
        Outcome::Failed
    })
}

/// An error as anyhow's `{:#}` writes it (`outer: cause: cause`), each
/// part that is kring's own (a [`Failure`](crate::messages::Failure), a
/// file that cannot be written, a repository that cannot be read or found)
/// in the user's language.
fn error_text(error: &anyhow::Error, ui: &Ui) -> String {
    use crate::fsutil::FsError;
    use crate::messages::Failure;
    use crate::repo::RepoError;
    let part = |cause: &(dyn std::error::Error + 'static)| {
        if let Some(failure) = cause.downcast_ref::<Failure>() {
            return ui.t(&failure.message);
        }
        if let Some(fs) = cause.downcast_ref::<FsError>() {
            // The system's error follows as the next part.
            return ui.t(&match fs {
                FsError::Write(path, _) => msg!("cannot-write", file = path.display().to_string()),
                FsError::Read(path, _) => msg!("cannot-read", what = path.display().to_string()),
                FsError::Mode(path, _) => {
                    msg!("cannot-set-mode", file = path.display().to_string())
                }
                FsError::CreateFolder(path, _) => {
                    msg!("cannot-create-folder", folder = path.display().to_string())
                }
                FsError::TempFile(path, _) => {
                    msg!("cannot-make-temp-file", folder = path.display().to_string())
                }
                FsError::Exists(path) => msg!("already-exists", file = path.display().to_string()),
            });
        }
        let Some(repo) = cause.downcast_ref::<RepoError>() else {
            return cause.to_string();
        };
        ui.t(&match repo {
            // The source follows as the next part.
            RepoError::Io { path, .. } => msg!("cannot-read", what = path),
            RepoError::Settings { path, message } => {
                msg!("repo-settings", file = path, message = message)
            }
            RepoError::NotFound(what) => msg!("repo-not-found", what = what),
            RepoError::Link(what) => msg!("repo-link", what = what),
            RepoError::TwoRoots(a, b) => msg!("repo-two-roots", first = a, second = b),
        })
    };
    error.chain().map(part).collect::<Vec<_>>().join(": ")
}

fn run_command(command: Command, ui: &Ui) -> Result<Outcome> {
    match command {
        Command::Init(args) => init::run(args, ui),
        Command::New(args) => new::run(args, ui),
        Command::Check(args) => check::run(args, ui),
        Command::Fmt(args) => fmt::run(args, ui),
        Command::Render(args) => render::run(args, ui),
        Command::Send(args) => send::run(args, ui),
        Command::Letters(args) => letters::run(args, ui),
        Command::Status(args) => status::run(args, ui),
        Command::Match(args) => r#match::run(args, ui),
        Command::Agenda(args) => agenda::run(args, ui),
        Command::Stats(args) => stats::run(args, ui),
        Command::Report(args) => report::run(args, ui),
        Command::Export(args) => export::run(args, ui),
        Command::Declare(args) => declare::run(args, ui),
        Command::Anonymise(args) => anonymise::run(args, ui),
        Command::Explain(args) => explain::run(args, ui),
        Command::Schema(args) => schema::run(args, ui),
        Command::Templates(args) => templates::run(args, ui),
        Command::Hook(args) => hook::run(args, ui),
        Command::Completions(args) => completions::run(args, ui),
        Command::Man(args) => man::run(args, ui),
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
    /// The language of kring's own messages.
    pub lang: Lang,
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
            lang: message_language(global.lang.as_deref()),
        }
    }

    /// A message in the user's language.
    pub fn t(&self, message: &Message) -> String {
        message.in_lang(self.lang)
    }

    /// A note (see [`Ui::note`]) from the resources.
    pub fn say(&self, message: Message) {
        self.note(&self.t(&message));
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
            ewriteln!("{text}");
        }
    }

    /// `warning: ...` on stderr, unless quiet.
    pub fn warning(&self, message: impl Into<Message>) {
        let text = self.t(&message.into());
        self.note(&self.t(&msg!("prefix-warning", text = text)));
    }

    /// `error: ...` on stderr, also when quiet.
    pub fn error(&self, message: impl Into<Message>) {
        let text = self.t(&message.into());
        ewriteln!("{}", self.t(&msg!("prefix-error", text = text)));
    }

    /// Each template problem as an `error:` line.
    pub fn template_errors(&self, errors: &[TemplateError]) {
        for error in errors {
            self.error(msg!("template-error", error = error.to_string()));
        }
    }

    /// Text on stderr as it is (rendered diagnostics), also when quiet.
    pub fn stderr(&self, text: &str) {
        ewrite!("{text}");
    }

    /// Diagnostics of one file, in the style of rustc, each followed by a
    /// blank line; also when quiet.
    pub fn diagnostics<'d>(
        &self,
        diagnostics: impl IntoIterator<Item = &'d Diagnostic>,
        source: Option<&str>,
    ) {
        let renderer = self.renderer();
        let mut text = String::new();
        for d in diagnostics {
            text.push_str(&renderer.render(d, source));
            text.push_str("\n\n");
        }
        self.stderr(&text);
    }

    /// Diagnostics in the style of rustc, in this terminal's colours and
    /// the user's language.
    pub fn renderer(&self) -> HumanRenderer {
        HumanRenderer::new(self.color, self.lang)
    }

    /// Names each case file that did not load (`warning: <file> cannot be
    /// read<consequence>; run `kring check` to see why`).
    pub fn unreadable(&self, files: &[&Loaded], message: fn(&str) -> Message) {
        for file in files {
            self.warning(message(&file.file.rel));
        }
    }
}

/// Writes to stdout; a closed pipe (`kring status | head`) is not an error.
pub fn print_stdout(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.or_say(|| msg!("cannot-write-stdout")),
    }
}

/// The language of kring's messages: `--lang` (or `KRING_LANG`, which clap
/// reads into it), else the `messages` of the kring.toml that holds the
/// current folder, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the
/// first that is set), else English.
fn message_language(flag: Option<&str>) -> Lang {
    if let Some(lang) = flag.and_then(Lang::from_tag) {
        return lang;
    }
    let team = Repo::discover(Path::new("."))
        .ok()
        .and_then(|repo| repo.settings.messages)
        .and_then(|tag| Lang::from_tag(&tag));
    if let Some(lang) = team {
        return lang;
    }
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .and_then(|value| Lang::from_tag(&value))
        .unwrap_or(Lang::En)
}

/// A date on the command line: year-month-day; another form is answered
/// with the right one.
pub fn date_arg(text: &str) -> Result<NaiveDate, String> {
    let text = text.trim();
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Ok(date);
    }
    // clap calls this before `--lang` is read: the language comes from the
    // command line as it stands, then as everywhere else.
    let lang = early_language();
    Err(match crate::model::loose_date(text) {
        Some(date) => msg!("date-arg-form", date = date.format("%Y-%m-%d").to_string()),
        None => msg!("date-arg-not-a-date"),
    }
    .in_lang(lang))
}

/// The language of messages before clap has parsed the command line:
/// `--lang X` or `--lang=X` among the arguments, else `KRING_LANG`, else
/// kring.toml and the locale ([`message_language`]).
fn early_language() -> Lang {
    let args: Vec<String> = std::env::args().collect();
    let flag = args
        .iter()
        .position(|a| a == "--lang")
        .and_then(|i| args.get(i + 1).cloned())
        .or_else(|| {
            args.iter()
                .find_map(|a| a.strip_prefix("--lang=").map(str::to_string))
        })
        .or_else(|| std::env::var("KRING_LANG").ok());
    message_language(flag.as_deref())
}

/// Accepts the variants by name, as the case files spell them, and lists
/// them in `--help`.
pub fn variant_parser() -> impl clap::builder::TypedValueParser<Value = Variant> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(Variant::ALL.map(Variant::as_str))
        .try_map(|name| name.parse::<Variant>())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command, also the nested ones, teaches: a summary, a longer
    /// description and an example.
    #[test]
    fn every_command_has_help_that_teaches() {
        fn visit(command: &clap::Command, path: &str) {
            for sub in command.get_subcommands() {
                let name = format!("{path} {}", sub.get_name());
                assert!(sub.get_about().is_some(), "{name}: no summary");
                if sub.has_subcommands() {
                    visit(sub, &name);
                }
                if sub.get_name() == "help" || command.get_name() != "kring" {
                    continue;
                }
                assert!(sub.get_long_about().is_some(), "{name}: no description");
                let after = sub
                    .get_after_help()
                    .map(|h| h.to_string())
                    .unwrap_or_default();
                assert!(after.contains("Example"), "{name}: no example");
            }
        }
        visit(&command(), "kring");
    }

    #[test]
    fn help_groups_every_command() {
        use clap::CommandFactory;
        let grouped: Vec<&str> = WORKFLOW
            .iter()
            .flat_map(|(_, names)| names.iter().copied())
            .collect();
        for sub in Cli::command().get_subcommands() {
            assert!(
                grouped.contains(&sub.get_name()),
                "{} is in no group",
                sub.get_name()
            );
        }
        let help = command().render_help().to_string();
        assert!(help.contains("Every day:\n  check"), "{help}");
    }
}
