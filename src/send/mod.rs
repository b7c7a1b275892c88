//! `kring send`: the documents reach people by email, and the case file
//! records it (DESIGN §9.2).
//!
//! For each case that checks without errors, [`due`] says what is due from
//! the case file and its `[[sent]]` record. Each message then goes in three
//! steps: a `pending` entry is written to the case file (and synced), the
//! message is handed over, and the entry becomes `sent` or `failed` with
//! the server's answer. A kill between the first and the last step leaves
//! `pending`: the message may have arrived, so it is not sent again unless
//! asked (`--resend-uncertain`). So a kill at any moment sends nothing
//! twice and records nothing as sent that the server did not accept.
//!
//! Nothing here prints: the run reports [`Event`]s to the caller.

pub mod due;
pub mod mail;
pub mod post;
pub mod transport;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use lettre::message::Mailbox;

use crate::diagnostic::{Diagnostic, Severity};
use crate::edit::record::{self, Change, Entry, RecordError};
use crate::model::roster::Roster;
use crate::model::{Case, Participant, SentState, SentWhat, Settings, Via};
use crate::render::{Scope, Templates, calendar, html, render_case};
use crate::repo::Loaded;
pub use due::{Due, Unreach};
pub use transport::{Courier, Handed, Refused, SetupError};

/// What to send in this run.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Only these kinds (all when empty).
    pub only: Vec<SentWhat>,
    /// Only to these participant ids (everyone when empty).
    pub to: Vec<String>,
    /// Send messages whose earlier attempt has no recorded answer.
    pub resend_uncertain: bool,
    pub today: NaiveDate,
    /// At most this many messages a minute (`[send] per_minute`).
    pub per_minute: Option<u32>,
}

/// One thing that happened, for the caller to show.
#[derive(Debug)]
pub enum Event<'a> {
    /// A message that is due (a dry run lists these and stops there).
    Due {
        case: &'a str,
        due: &'a Due<'a>,
    },
    Sent {
        case: &'a str,
        due: &'a Due<'a>,
    },
    /// Written to the outbox; nothing recorded.
    Written {
        case: &'a str,
        due: &'a Due<'a>,
        path: PathBuf,
    },
    /// Not sent: the server refused it (after retries for a transient
    /// answer); recorded as `failed`.
    Failed {
        case: &'a str,
        due: &'a Due<'a>,
        answer: String,
    },
    /// Sent before, answer never recorded; skipped.
    Uncertain {
        case: &'a str,
        due: &'a Due<'a>,
    },
    /// Goes by post: `kring letters` prints it.
    Post {
        case: &'a str,
        due: &'a Due<'a>,
    },
    Unreachable {
        case: &'a str,
        participant: &'a str,
        what: SentWhat,
        reason: Unreach,
    },
    /// The case has errors: nothing is sent for it.
    HasErrors {
        case: &'a str,
        errors: usize,
    },
    /// The case has no sender address.
    NoSender {
        case: &'a str,
    },
    /// The record could not be written: nothing more is sent for the case.
    RecordFailed {
        case: &'a str,
        error: String,
    },
    /// The messages of one case are done: how many went, failed, or were
    /// left as uncertain.
    CaseDone {
        case: &'a str,
        sent: usize,
        written: usize,
        failed: usize,
        uncertain: usize,
    },
    /// A message could not be made (a template error, say).
    NotBuilt {
        case: &'a str,
        participant: &'a str,
        error: String,
    },
}

/// The counts of a run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub cases: usize,
    pub due: usize,
    pub sent: usize,
    pub written: usize,
    pub failed: usize,
    pub uncertain: usize,
    pub post: usize,
    pub unreachable: usize,
    /// Cases skipped for errors, a missing sender or a record that could
    /// not be written.
    pub skipped: usize,
}

impl Summary {
    /// Whether some message that was due did not go.
    pub fn incomplete(&self) -> bool {
        self.failed + self.uncertain + self.unreachable + self.skipped > 0
    }
}

/// The cases of a run, with what the check found.
pub struct Cases<'a> {
    pub loaded: &'a [Loaded],
    pub diagnostics: &'a [Diagnostic],
    pub settings: &'a Settings,
    pub roster: &'a Roster,
}

/// What is due in each case that may send, in file order, with the events
/// of cases that may not. Connects to nothing.
pub fn plan<'a>(cases: &Cases<'a>, options: &Options) -> Vec<CasePlan<'a>> {
    use rayon::prelude::*;
    let mut errors: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for d in cases.diagnostics {
        if d.severity == Severity::Error {
            *errors.entry(d.file.as_str()).or_default() += 1;
        }
    }
    cases
        .loaded
        .par_iter()
        .filter_map(|loaded| {
            let case = loaded.case.as_ref().ok()?;
            let errors = errors.get(loaded.file.rel.as_str()).copied().unwrap_or(0);
            Some(case_plan(loaded, case, errors, cases, options))
        })
        .collect()
}

/// What one case will send.
pub struct CasePlan<'a> {
    pub loaded: &'a Loaded,
    pub case: &'a Case,
    /// Errors in the case (nothing is sent then).
    pub errors: usize,
    pub due: due::CaseDue<'a>,
    /// How many people the plan is still due to, before `--to` and
    /// `--only` narrowed the run.
    pub plans_due: usize,
    pub from: Option<Mailbox>,
}

fn case_plan<'a>(
    loaded: &'a Loaded,
    case: &'a Case,
    errors: usize,
    cases: &Cases<'a>,
    options: &Options,
) -> CasePlan<'a> {
    let plan_version = case
        .plan
        .as_ref()
        .and_then(|_| due::plan_version(loaded.file.text.as_deref().unwrap_or_default()));
    let mut found = if errors == 0 {
        due::due(case, cases.settings, options.today, plan_version.as_deref())
    } else {
        due::CaseDue::default()
    };
    let wanted = |p: &Participant, what: SentWhat| {
        (options.only.is_empty() || options.only.contains(&what))
            && (options.to.is_empty() || options.to.iter().any(|t| t == p.id()))
    };
    // Before narrowing: `plan.sent` is set only when the plan reached
    // everyone who took part, not just those this run sends to.
    let plans_due = found
        .due
        .iter()
        .filter(|d| d.what == SentWhat::Plan)
        .count()
        + found
            .unreachable
            .iter()
            .filter(|u| u.what == SentWhat::Plan)
            .count();
    found.due.retain(|d| wanted(d.participant, d.what));
    found.unreachable.retain(|u| wanted(u.participant, u.what));
    CasePlan {
        loaded,
        case,
        errors,
        due: found,
        plans_due,
        from: sender(case, cases.settings, cases.roster),
    }
}

/// The From of a case's messages: `[send] from`, else the coordinator's
/// email (the case's, else the roster's), with the coordinator's name.
fn sender(case: &Case, settings: &Settings, roster: &Roster) -> Option<Mailbox> {
    let coordinator = case.coordinator.as_ref()?.get_ref();
    let email = settings
        .send
        .as_ref()
        .and_then(|s| s.from.clone())
        .or_else(|| coordinator.email.clone())
        .or_else(|| roster.of_case(case).and_then(|r| r.email.clone()))?;
    let address = email.trim().parse().ok()?;
    Some(mail::mailbox(coordinator.name.get_ref(), address))
}

/// Lists what is due without sending: one [`Event::Due`] (or `Post`,
/// `Uncertain`, `Unreachable`, `HasErrors`) per message.
pub fn dry_run<'a>(plans: &'a [CasePlan<'a>], report: &mut dyn FnMut(Event<'_>)) -> Summary {
    let mut summary = Summary::default();
    for plan in plans {
        let case = plan.case.id();
        if !announce(plan, &mut summary, report) {
            continue;
        }
        for d in &plan.due.due {
            summary.due += 1;
            match d.via {
                Via::Post => summary.post += 1,
                Via::Email if d.uncertain => summary.uncertain += 1,
                Via::Email => {}
            }
            report(Event::Due { case, due: d });
        }
    }
    summary
}

/// Reports the case's errors, missing sender and unreachable people;
/// false when nothing can be sent for it.
fn announce(plan: &CasePlan<'_>, summary: &mut Summary, report: &mut dyn FnMut(Event<'_>)) -> bool {
    let case = plan.case.id();
    if plan.errors > 0 {
        summary.skipped += 1;
        report(Event::HasErrors {
            case,
            errors: plan.errors,
        });
        return false;
    }
    if plan.due.due.is_empty() && plan.due.unreachable.is_empty() {
        return false;
    }
    summary.cases += 1;
    for u in &plan.due.unreachable {
        // Someone with neither email nor postal address is the
        // coordinator's to reach in person; not a failure of the run.
        if u.reason == Unreach::BadAddress {
            summary.unreachable += 1;
        }
        report(Event::Unreachable {
            case,
            participant: u.participant.id(),
            what: u.what,
            reason: u.reason,
        });
    }
    if plan.from.is_none() && plan.due.due.iter().any(|d| d.via == Via::Email) {
        // The letters by post can still go; the email ones cannot.
        summary.skipped += 1;
        report(Event::NoSender { case });
    }
    true
}

/// How often a transient refusal is tried again, and the first wait
/// (doubled each time; `KRING_SEND_RETRY_MS` sets it, for tests).
const RETRIES: u32 = 3;

fn first_wait() -> Duration {
    let ms = std::env::var("KRING_SEND_RETRY_MS")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .unwrap_or(2000);
    Duration::from_millis(ms)
}

/// Sends what `plans` hold, case by case, reporting every message.
pub fn send<'a>(
    plans: &'a [CasePlan<'a>],
    settings: &Settings,
    templates: &Templates,
    courier: &Courier,
    options: &Options,
    report: &mut dyn FnMut(Event<'_>),
) -> Summary {
    let mut summary = Summary::default();
    let mut pace = Pace::new(options.per_minute);
    let records = !matches!(courier, Courier::Outbox(_));
    for plan in plans {
        if !announce(plan, &mut summary, report) {
            continue;
        }
        let case = plan.case.id();
        let documents = match Documents::of(plan.case, settings, templates, options.today) {
            Ok(d) => d,
            Err(error) => {
                summary.skipped += 1;
                report(Event::NotBuilt {
                    case,
                    participant: "",
                    error,
                });
                continue;
            }
        };
        let mut plans_sent = 0;
        let before = summary;
        for d in &plan.due.due {
            summary.due += 1;
            if d.via == Via::Post {
                summary.post += 1;
                report(Event::Post { case, due: d });
                continue;
            }
            if d.uncertain && !options.resend_uncertain {
                summary.uncertain += 1;
                report(Event::Uncertain { case, due: d });
                continue;
            }
            // Without a sender no email goes (reported above).
            let Some(from) = &plan.from else { continue };
            let message = match documents.message(plan.case, settings, d, from) {
                Ok(m) => m,
                Err(error) => {
                    summary.failed += 1;
                    report(Event::NotBuilt {
                        case,
                        participant: d.participant.id(),
                        error,
                    });
                    continue;
                }
            };
            let path = &plan.loaded.file.path;
            if records
                && let Err(e) = record::apply(
                    path,
                    &[Change::Add(entry(
                        d,
                        options.today,
                        SentState::Pending,
                        None,
                    ))],
                )
            {
                summary.skipped += 1;
                report(Event::RecordFailed {
                    case,
                    error: e.to_string(),
                });
                break;
            }
            pace.wait();
            let name = format!(
                "{case}--{}--{}--{}",
                d.participant.id(),
                record::what_str(d.what),
                d.version
            );
            let outcome = hand_with_retries(courier, &message, &name);
            let (state, answer) = match &outcome {
                Ok(Handed::Accepted(answer)) => (SentState::Sent, Some(answer.clone())),
                Ok(Handed::Written(_)) => (SentState::Sent, None),
                Err(refused) => (SentState::Failed, Some(refused.answer().to_string())),
            };
            if records {
                let mut changes = vec![Change::Settle {
                    to: d.participant.id().to_string(),
                    what: d.what,
                    version: d.version.clone(),
                    state,
                    // The record keeps the server's answer only when it
                    // refused; an accepted message needs none.
                    answer: (state == SentState::Failed)
                        .then(|| answer.clone().unwrap_or_default()),
                }];
                if state == SentState::Sent {
                    if matches!(d.what, SentWhat::Invitation | SentWhat::Update) {
                        changes.push(Change::Invited {
                            participant: d.participant.id().to_string(),
                        });
                    }
                    if d.what == SentWhat::Plan {
                        plans_sent += 1;
                    }
                }
                if d.what == SentWhat::Plan && plans_sent == plan.plans_due {
                    changes.push(Change::PlanSent {
                        date: options.today,
                    });
                }
                if let Err(e) = record::apply(path, &changes) {
                    // The message went (or not) but the record could not
                    // say so: its entry stays `pending`, reported as
                    // uncertain by the next run.
                    summary.skipped += 1;
                    report(Event::RecordFailed {
                        case,
                        error: record_error(&e),
                    });
                    break;
                }
            }
            match outcome {
                Ok(Handed::Accepted(_)) => {
                    summary.sent += 1;
                    report(Event::Sent { case, due: d });
                }
                Ok(Handed::Written(path)) => {
                    summary.written += 1;
                    report(Event::Written { case, due: d, path });
                }
                Err(refused) => {
                    summary.failed += 1;
                    report(Event::Failed {
                        case,
                        due: d,
                        answer: refused.answer().to_string(),
                    });
                }
            }
        }
        report(Event::CaseDone {
            case,
            sent: summary.sent - before.sent,
            written: summary.written - before.written,
            failed: summary.failed - before.failed,
            uncertain: summary.uncertain - before.uncertain,
        });
    }
    summary
}

fn record_error(e: &RecordError) -> String {
    e.to_string()
}

fn entry(d: &Due<'_>, today: NaiveDate, state: SentState, answer: Option<String>) -> Entry {
    Entry {
        to: d.participant.id().to_string(),
        what: d.what,
        via: d.via,
        date: today,
        version: d.version.clone(),
        state,
        answer,
    }
}

/// Hands a message over, trying a transient refusal again after 2, 4 and
/// 8 seconds.
fn hand_with_retries(
    courier: &Courier,
    message: &lettre::Message,
    name: &str,
) -> Result<Handed, Refused> {
    let mut wait = first_wait();
    let mut tries = 0;
    loop {
        match courier.hand(message, name) {
            Err(Refused::Transient(answer)) if tries < RETRIES => {
                let _ = answer;
                tries += 1;
                std::thread::sleep(wait);
                wait = wait.saturating_mul(2);
            }
            other => return other,
        }
    }
}

/// Keeps to at most `per_minute` messages a minute.
struct Pace {
    gap: Option<Duration>,
    next: Option<Instant>,
}

impl Pace {
    fn new(per_minute: Option<u32>) -> Pace {
        Pace {
            gap: per_minute
                .filter(|n| *n > 0)
                .map(|n| Duration::from_secs(60) / n),
            next: None,
        }
    }

    fn wait(&mut self) {
        let Some(gap) = self.gap else { return };
        let now = Instant::now();
        if let Some(next) = self.next
            && next > now
        {
            std::thread::sleep(next - now);
        }
        self.next = Some(Instant::now() + gap);
    }
}

/// The name a message greets its reader with, as the letters do: the
/// `salutation` of a formal letter ("mevrouw Bakker"), else the full name
/// when formal, else the name the person goes by.
pub fn greeting(p: &Participant) -> String {
    match &p.salutation {
        Some(s) if p.is_formal() && !s.get_ref().trim().is_empty() => {
            s.get_ref().trim().to_string()
        }
        _ if p.is_formal() => p.name.get_ref().trim().to_string(),
        _ => p.known_as().to_string(),
    }
}

/// The rendered documents of one case, for its messages.
struct Documents {
    rendered: Vec<crate::render::Document>,
}

impl Documents {
    fn of(
        case: &Case,
        settings: &Settings,
        templates: &Templates,
        today: NaiveDate,
    ) -> Result<Documents, String> {
        let scope = Scope::named(
            &["invitations".into(), "plan".into()],
            &["md".into(), "html".into(), "ics".into()],
        );
        let rendered = render_case(case, settings, templates, &scope, today, &[])
            .map_err(|e| e.to_string())?;
        Ok(Documents {
            rendered: rendered.documents,
        })
    }

    fn text(&self, path: &Path) -> Option<&str> {
        self.rendered
            .iter()
            .find(|d| d.path == path)
            .and_then(|d| std::str::from_utf8(&d.bytes).ok())
    }

    /// The message `d` describes.
    fn message(
        &self,
        case: &Case,
        settings: &Settings,
        d: &Due<'_>,
        from: &Mailbox,
    ) -> Result<lettre::Message, String> {
        let p = d.participant;
        let folder = PathBuf::from(case.id());
        let stem = match d.what {
            SentWhat::Plan => folder.join("plan"),
            _ => folder.join("invitations").join(p.id()),
        };
        let markdown = self.text(&stem.with_extension("md"));
        let page = self.text(&stem.with_extension("html"));
        let (markdown, page) = match (markdown, page) {
            (Some(m), Some(h)) => (m, h),
            // A cancellation to someone who has since declined has no
            // invitation of their own: the message says it all.
            _ if d.what == SentWhat::Cancellation => ("", ""),
            _ => return Err(format!("no document for `{}`", p.id())),
        };
        let title = html::markdown_to_body(markdown)
            .title
            .unwrap_or_else(|| case.id().to_string());
        let email = d.email.as_deref().unwrap_or_default();
        let to = mail::mailbox(
            p.name.get_ref(),
            email
                .parse()
                .map_err(|e: lettre::address::AddressError| e.to_string())?,
        );
        let calendar = match d.what {
            SentWhat::Invitation | SentWhat::Update | SentWhat::Cancellation => {
                self.text(&stem.with_extension("ics")).and_then(|ics| {
                    let organizer_email = from.email.to_string();
                    calendar::scheduled(
                        ics,
                        &calendar::Schedule {
                            cancel: d.what == SentWhat::Cancellation,
                            sequence: d.sequence,
                            organizer: (from.name.as_deref().unwrap_or_default(), &organizer_email),
                            attendee: (p.name.get_ref().trim(), email),
                            stamp: chrono::Utc::now().naive_utc(),
                        },
                    )
                })
            }
            _ => None,
        };
        let lang = case.language_of(p, &settings.language).to_string();
        let date = case
            .conference_date()
            .map(|date| crate::render::templates::long_date(date, &lang));
        let letter = mail::Letter {
            what: d.what,
            lang: &lang,
            formal: p.is_formal(),
            known_as: &greeting(p),
            title: &title,
            markdown,
            html: page,
            calendar,
            date,
            coordinator: from.name.as_deref().unwrap_or_default(),
        };
        mail::build(from.clone(), to, &letter).map_err(|e| e.to_string())
    }
}
