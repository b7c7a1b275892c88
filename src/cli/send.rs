//! `kring send [PATH...]`: mail what is due and record it in the case files.

use std::path::PathBuf;

use anyhow::Result;

use super::{Outcome, Ui, print_stdout};
use crate::check::Workspace;
use crate::messages::Message;
use crate::model::{SentWhat, Transport, Via};
use crate::msg;
use crate::send::{self, Cases, Courier, Event, Options, SetupError, Unreach};

/// Email invitations, updates, reminders, the plan and cancellations.
#[derive(Debug, clap::Args)]
#[command(
    long_about = "Sends what is due, by email, one message per person, and records each message\n\
                  in the case file ([[sent]]): invitations to everyone not declined, an update when\n\
                  the date, times, parts or place changed since the invitation was sent, a reminder\n\
                  a few days before the conference to those who confirmed, the plan to everyone who\n\
                  took part, and a cancellation when a case is cancelled or withdrawn. What is due\n\
                  comes from the case file, never from out/. Nothing unchanged is sent twice.\n\n\
                  The transport is [send] in kring.toml: outbox (the default: .eml files in outbox/\n\
                  to look at first; nothing is sent or recorded), smtp, or sendmail. The SMTP\n\
                  password comes from KRING_SMTP_PASSWORD or KRING_SMTP_PASSWORD_FILE only.\n\
                  People who get post are listed; `kring letters` prints their letters.",
    after_help = "Examples:\n  kring send --dry-run\n  kring send cases/2026/2026-014-sam.toml --only invitations\n  kring send --to moeder --to oma\n  kring send --resend-uncertain"
)]
pub struct Args {
    /// Case files, folders or case ids (default: the whole repository).
    #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_case))]
    pub paths: Vec<PathBuf>,
    /// Send only these kinds of message.
    #[arg(long, value_delimiter = ',', value_enum, value_name = "KINDS")]
    pub only: Vec<Kind>,
    /// Send only to these participants (ids).
    #[arg(long, value_name = "PARTICIPANT")]
    pub to: Vec<String>,
    /// List every message that would go, and connect to nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Also send messages that were handed over before but whose answer
    /// was never recorded (kring was stopped while sending): they may
    /// arrive twice.
    #[arg(long)]
    pub resend_uncertain: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    Invitations,
    Updates,
    Reminders,
    Plan,
    Cancellations,
}

impl Kind {
    fn what(self) -> SentWhat {
        match self {
            Kind::Invitations => SentWhat::Invitation,
            Kind::Updates => SentWhat::Update,
            Kind::Reminders => SentWhat::Reminder,
            Kind::Plan => SentWhat::Plan,
            Kind::Cancellations => SentWhat::Cancellation,
        }
    }
}

pub fn run(args: Args, ui: &Ui) -> Result<Outcome> {
    let workspace = Workspace::open(&args.paths)?;
    let repo = &workspace.repo;
    let today = ui.today(repo);
    let report = workspace.check(today);
    for failure in &report.io_errors {
        ui.error(msg!("cannot-read", what = failure));
    }
    let settings = repo.settings.send.as_ref();
    let options = Options {
        only: args.only.iter().map(|k| k.what()).collect(),
        to: args.to.clone(),
        resend_uncertain: args.resend_uncertain,
        today,
        per_minute: settings.and_then(|s| s.per_minute),
    };
    let cases = Cases {
        loaded: &workspace.cases,
        diagnostics: &report.diagnostics,
        settings: &repo.settings,
        roster: &workspace.roster,
    };
    let plans = send::plan(&cases, &options);
    let mut listing = Vec::new();
    let mut show = |event: Event<'_>| show(ui, repo, event, &mut listing);

    let summary = if args.dry_run {
        let summary = send::dry_run(&plans, &mut show);
        print_stdout(&table(&listing))?;
        ui.say(msg!(
            "send-dry-run",
            messages = summary.due,
            cases = summary.cases,
            post = summary.post
        ));
        summary
    } else {
        let Ok(templates) = &workspace.templates else {
            ui.template_errors(&report.template_errors);
            return Ok(Outcome::Failed);
        };
        let courier = match Courier::new(settings, &repo.root) {
            Ok(c) => c,
            Err(e) => {
                ui.error(setup_message(&e));
                return Ok(Outcome::Failed);
            }
        };
        std::fs::create_dir_all(repo.out_dir())?;
        let _lock =
            crate::render::output::OutputLock::acquire_file(&repo.out_dir().join(LOCK), || {
                ui.say(msg!("send-waiting"))
            })?;
        let summary = send::send(
            &plans,
            &repo.settings,
            templates,
            &courier,
            &options,
            &mut show,
        );
        let outbox = Courier::transport(settings) == Transport::Outbox;
        if let Courier::Outbox(folder) = &courier
            && outbox
        {
            ui.say(msg!(
                "send-outbox",
                messages = summary.written,
                folder = repo
                    .relative(folder)
                    .unwrap_or_else(|| folder.display().to_string())
            ));
        } else {
            ui.say(msg!(
                "send-summary",
                sent = summary.sent,
                failed = summary.failed,
                uncertain = summary.uncertain,
                post = summary.post
            ));
        }
        summary
    };
    Ok(if !report.io_errors.is_empty() {
        Outcome::Failed
    } else if summary.incomplete() && !args.dry_run {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}

/// The lock file that keeps two sends in one repository apart, in the
/// output folder (git-ignored).
const LOCK: &str = ".kring-send.lock";

/// Shows one event: a line of the dry run's table, or a line on stderr.
fn show(ui: &Ui, repo: &crate::repo::Repo, event: Event<'_>, listing: &mut Vec<[String; 5]>) {
    let what = |w: SentWhat| ui.t(&msg!("send-what", what = crate::edit::record::what_str(w)));
    let name = |d: &send::Due<'_>| d.participant.id().to_string();
    match event {
        Event::Due { case, due } => {
            let address = match (due.via, &due.email) {
                (Via::Email, Some(email)) => email.clone(),
                _ => ui.t(&msg!("send-by-post")),
            };
            let why = if due.uncertain {
                "uncertain"
            } else {
                due.why.as_str()
            };
            listing.push([
                case.to_string(),
                name(due),
                address,
                what(due.what),
                ui.t(&msg!("send-why", why = why)),
            ]);
        }
        Event::Sent { case, due, .. } => ui.say(msg!(
            "send-sent",
            case = case,
            participant = name(due),
            what = what(due.what),
            address = due.email.clone().unwrap_or_default()
        )),
        Event::Written { case, due, path } => ui.say(msg!(
            "send-written",
            case = case,
            participant = name(due),
            what = what(due.what),
            file = repo
                .relative(&path)
                .unwrap_or_else(|| path.display().to_string())
        )),
        Event::CaseDone {
            case,
            sent,
            written,
            failed,
            uncertain,
        } => ui.say(msg!(
            "send-case-done",
            case = case,
            sent = sent,
            written = written,
            failed = failed,
            uncertain = uncertain
        )),
        Event::Failed { case, due, answer } => ui.warning(msg!(
            "send-failed",
            case = case,
            participant = name(due),
            what = what(due.what),
            answer = answer
        )),
        Event::Uncertain { case, due } => ui.warning(msg!(
            "send-uncertain",
            case = case,
            participant = name(due),
            what = what(due.what)
        )),
        Event::Post { case, due } => ui.say(msg!(
            "send-post",
            case = case,
            participant = name(due),
            what = what(due.what)
        )),
        Event::Unreachable {
            case,
            participant,
            what: w,
            reason: Unreach::BadAddress,
        } => ui.warning(msg!(
            "send-unreachable",
            case = case,
            participant = participant,
            what = what(w),
            reason = "bad-address"
        )),
        Event::Unreachable {
            case,
            participant,
            what: w,
            reason: Unreach::NoAddress,
        } => ui.say(msg!(
            "send-unreachable",
            case = case,
            participant = participant,
            what = what(w),
            reason = "no-address"
        )),
        Event::HasErrors { case, errors } => {
            ui.warning(msg!("send-case-errors", case = case, errors = errors))
        }
        Event::NoSender { case } => ui.warning(msg!("send-no-sender", case = case)),
        Event::RecordFailed { case, error } => {
            ui.error(msg!("send-record-failed", case = case, error = error))
        }
        Event::NotBuilt {
            case,
            participant,
            error,
        } => ui.error(msg!(
            "send-not-built",
            case = case,
            participant = participant,
            error = error
        )),
    }
}

/// The dry run's lines, in aligned columns.
fn table(rows: &[[String; 5]]) -> String {
    let mut widths = [0; 5];
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i + 1 < row.len() {
                line.push_str(&format!("{cell:<w$}  ", w = widths[i]));
            } else {
                line.push_str(cell);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn setup_message(e: &SetupError) -> Message {
    match e {
        SetupError::NoHost => msg!("send-no-host"),
        SetupError::PlainNotLoopback(host) => msg!("send-plain-not-loopback", host = host),
        SetupError::NoPassword => msg!("send-no-password"),
        SetupError::PasswordInRepository(file) => msg!("send-password-in-repository", file = file),
        SetupError::PasswordFile(file, err) => {
            msg!("send-password-file", file = file, error = err.to_string())
        }
        SetupError::CaFile(file, err) => msg!("send-ca-file", file = file, error = err),
        SetupError::Tls(host, err) => msg!("send-tls", host = host, error = err),
    }
}
