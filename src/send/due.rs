//! What is due to be sent for one case (DESIGN §9.2), derived from the case
//! file and its `[[sent]]` record alone, never from the output folder.
//!
//! Each message has a *version*: a hash of what the message says that
//! matters to its reader. For an invitation, an update, a reminder and a
//! cancellation that is the meeting as this person sees it (date, place,
//! address, their parts with times); for the plan, the plan as the case
//! file holds it. The version is taken from the case's data, not from the
//! rendered document, so that a new build of kring with reworded letters
//! sends nobody an "update", and a reformatted case file (`kring fmt`)
//! changes no version. A message is due when no entry of the record shows
//! it `sent` at that version; nothing is sent twice unchanged.

use chrono::NaiveDate;

use crate::edit::record;
use crate::model::{
    Case, ClosingReason, Participant, SentState, SentWhat, Settings, Status, Via, add_days,
};

/// One message that is due.
#[derive(Debug, Clone)]
pub struct Due<'a> {
    pub participant: &'a Participant,
    pub what: SentWhat,
    pub why: Why,
    /// `Email` with the address, or `Post` (kring letters prints it).
    pub via: Via,
    pub email: Option<String>,
    pub version: String,
    /// The calendar SEQUENCE: how many invitations and updates this person
    /// was sent before.
    pub sequence: u32,
    /// A message of this version was handed over before but its answer was
    /// never recorded (kring was stopped mid-send): it may have arrived.
    pub uncertain: bool,
}

/// Why a message is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// Never sent to this person.
    New,
    /// What it says changed since the version last sent.
    Changed,
    /// The last attempt at this version failed.
    FailedBefore,
    /// The conference is near.
    Soon,
    /// The case was cancelled or withdrawn before its conference.
    Cancelled,
}

impl Why {
    pub fn as_str(self) -> &'static str {
        match self {
            Why::New => "new",
            Why::Changed => "changed",
            Why::FailedBefore => "failed-before",
            Why::Soon => "soon",
            Why::Cancelled => "cancelled",
        }
    }
}

/// Someone a due message cannot reach.
#[derive(Debug, Clone)]
pub struct Unreachable<'a> {
    pub participant: &'a Participant,
    pub what: SentWhat,
    pub reason: Unreach,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreach {
    /// The email address is not an address (K214).
    BadAddress,
    /// Post, but no postal address.
    NoAddress,
}

/// What is due for one case.
#[derive(Debug, Default)]
pub struct CaseDue<'a> {
    pub due: Vec<Due<'a>>,
    pub unreachable: Vec<Unreachable<'a>>,
}

/// The default of `[send] reminder_days`.
pub const REMINDER_DAYS: u32 = 2;

/// Everything due for `case` on `today`. `plan_version` is the version of
/// the case's plan ([`plan_version`]), when it has one. The case must check
/// without errors; the caller makes sure of that.
pub fn due<'a>(
    case: &'a Case,
    settings: &Settings,
    today: NaiveDate,
    plan_version: Option<&str>,
) -> CaseDue<'a> {
    let mut out = CaseDue::default();
    // Nobody signs a letter before a coordinator is assigned.
    if case.coordinator.is_none() {
        return out;
    }
    let date = case.conference_date();
    let closed = case.closed.as_ref().map(|c| c.get_ref());
    let cancelled = closed.is_some_and(|c| {
        matches!(
            c.reason,
            Some(ClosingReason::Cancelled | ClosingReason::Withdrawn)
        )
    });
    let before_the_conference = date.is_none_or(|d| today <= d);
    let reminder_days = settings
        .send
        .as_ref()
        .and_then(|s| s.reminder_days)
        .unwrap_or(REMINDER_DAYS);

    for p in case.participants.iter().map(|p| p.get_ref()) {
        let history = History::of(case, p.id());
        let meeting = meeting_version(case, p);
        if cancelled {
            // Everyone who was told the date hears that it is off.
            if before_the_conference && history.last_invitation.is_some() {
                out.consider(
                    p,
                    SentWhat::Cancellation,
                    &meeting,
                    &history,
                    Why::Cancelled,
                );
            }
            continue;
        }
        if closed.is_some() && plan_version.is_none() {
            continue;
        }
        if closed.is_none() && !p.declined() && before_the_conference {
            match &history.last_invitation {
                None => out.consider(p, SentWhat::Invitation, &meeting, &history, Why::New),
                Some(last) if *last != meeting => {
                    out.consider(p, SentWhat::Update, &meeting, &history, Why::Changed)
                }
                Some(_) => {
                    // The version sent is the version now; an update that
                    // failed or is uncertain is still due.
                    out.consider_again(p, SentWhat::Update, &meeting, &history);
                }
            }
        }
        if closed.is_none()
            && p.status() == Status::Confirmed
            && let Some(d) = date
            && today < d
            && add_days(today, reminder_days).is_some_and(|soon| soon >= d)
        {
            out.consider(p, SentWhat::Reminder, &meeting, &history, Why::Soon);
        }
        if let Some(plan) = plan_version
            && took_part(p)
        {
            let why = if history.sent(SentWhat::Plan).is_some() {
                Why::Changed
            } else {
                Why::New
            };
            out.consider(p, SentWhat::Plan, plan, &history, why);
        }
    }
    out
}

/// Whether a participant took part in the conference: `attended`, else not
/// declined (DESIGN §9.1).
pub fn took_part(p: &Participant) -> bool {
    p.attended.unwrap_or(!p.declined())
}

/// How a participant is reached: by post when they ask for it or have no
/// email address, else by email.
pub fn via(p: &Participant) -> Via {
    if p.post || crate::model::is_blank(p.email()) {
        Via::Post
    } else {
        Via::Email
    }
}

/// Whether `email` is an address a message can go to.
pub fn is_address(email: &str) -> bool {
    email.trim().parse::<lettre::Address>().is_ok()
}

impl<'a> CaseDue<'a> {
    /// Adds `what` at `version` unless the record shows it sent at that
    /// version already.
    fn consider(
        &mut self,
        p: &'a Participant,
        what: SentWhat,
        version: &str,
        history: &History,
        why: Why,
    ) {
        let attempt = history.attempt(what, version);
        if attempt == Some(SentState::Sent) {
            return;
        }
        let why = if attempt == Some(SentState::Failed) {
            Why::FailedBefore
        } else {
            why
        };
        self.push(
            p,
            what,
            version,
            history,
            why,
            attempt == Some(SentState::Pending),
        );
    }

    /// An invitation or update sent before at this version: due only if the
    /// last attempt at an update of it failed or is uncertain.
    fn consider_again(
        &mut self,
        p: &'a Participant,
        what: SentWhat,
        version: &str,
        history: &History,
    ) {
        match history.attempt(what, version) {
            Some(SentState::Failed) => {
                self.push(p, what, version, history, Why::FailedBefore, false)
            }
            Some(SentState::Pending) => self.push(p, what, version, history, Why::Changed, true),
            _ => {}
        }
    }

    fn push(
        &mut self,
        p: &'a Participant,
        what: SentWhat,
        version: &str,
        history: &History,
        why: Why,
        uncertain: bool,
    ) {
        let via = via(p);
        let email = p.email().map(str::trim).map(str::to_string);
        match via {
            Via::Email if !email.as_deref().is_some_and(is_address) => {
                self.unreachable.push(Unreachable {
                    participant: p,
                    what,
                    reason: Unreach::BadAddress,
                });
                return;
            }
            Via::Post if crate::model::is_blank(p.address.as_deref()) => {
                self.unreachable.push(Unreachable {
                    participant: p,
                    what,
                    reason: Unreach::NoAddress,
                });
                return;
            }
            _ => {}
        }
        self.due.push(Due {
            participant: p,
            what,
            why,
            via,
            email: (via == Via::Email).then_some(email).flatten(),
            version: version.to_string(),
            sequence: history.invitations_sent,
            uncertain,
        });
    }
}

/// One participant's part of the record.
struct History<'a> {
    entries: Vec<&'a crate::model::Sent>,
    /// The version of the last invitation or update sent.
    last_invitation: Option<String>,
    invitations_sent: u32,
}

impl<'a> History<'a> {
    fn of(case: &'a Case, id: &str) -> History<'a> {
        let entries: Vec<_> = case
            .sent
            .iter()
            .map(|s| s.get_ref())
            .filter(|s| s.to.get_ref() == id)
            .collect();
        let invitations = entries.iter().filter(|s| {
            matches!(s.what.get_ref(), SentWhat::Invitation | SentWhat::Update)
                && *s.state.get_ref() == SentState::Sent
        });
        History {
            last_invitation: invitations.clone().next_back().map(|s| s.version.clone()),
            invitations_sent: u32::try_from(invitations.count()).unwrap_or(u32::MAX),
            entries,
        }
    }

    /// The last entry sent of this kind.
    fn sent(&self, what: SentWhat) -> Option<&crate::model::Sent> {
        self.entries
            .iter()
            .rev()
            .find(|s| *s.what.get_ref() == what && *s.state.get_ref() == SentState::Sent)
            .copied()
    }

    /// Where the attempts at `what` in `version` stand: `Sent` if any was
    /// sent, else the state of the last one. Invitations and updates count
    /// as one kind: an update is the invitation sent again.
    fn attempt(&self, what: SentWhat, version: &str) -> Option<SentState> {
        let same_kind = |w: SentWhat| match what {
            SentWhat::Invitation | SentWhat::Update => {
                matches!(w, SentWhat::Invitation | SentWhat::Update)
            }
            _ => w == what,
        };
        let attempts = self
            .entries
            .iter()
            .filter(|s| same_kind(*s.what.get_ref()) && s.version == version);
        let mut last = None;
        for s in attempts {
            if *s.state.get_ref() == SentState::Sent {
                return Some(SentState::Sent);
            }
            last = Some(*s.state.get_ref());
        }
        last
    }
}

/// The version of the meeting as `p` sees it: date, place, address, and
/// their own parts with times.
pub fn meeting_version(case: &Case, p: &Participant) -> String {
    let mut facts = String::new();
    if let Some(c) = &case.conference {
        let c = c.get_ref();
        let time = |t: &Option<crate::model::Spanned<crate::model::Time>>| {
            t.as_ref()
                .map(|t| t.get_ref().0.to_string())
                .unwrap_or_default()
        };
        facts.push_str(&format!(
            "date={}\nstart={}\nend={}\nlocation={}\naddress={}\n",
            c.date
                .as_ref()
                .map(|d| d.get_ref().0.to_string())
                .unwrap_or_default(),
            time(&c.start),
            time(&c.end),
            c.location
                .as_ref()
                .map(|l| l.get_ref().trim())
                .unwrap_or_default(),
            c.address.as_deref().map(str::trim).unwrap_or_default(),
        ));
        for part in c.parts.iter().map(|part| part.get_ref()) {
            if p.attends(*part.kind.get_ref()) {
                facts.push_str(&format!(
                    "part={:?} {}-{}\n",
                    part.kind.get_ref(),
                    time(&part.start),
                    time(&part.end)
                ));
            }
        }
    }
    for kind in case.part_kinds() {
        if p.attends(kind) {
            facts.push_str(&format!("attends={kind:?}\n"));
        }
    }
    record::version(&facts)
}

/// The version of the plan: its table in the case file, written out again
/// in one canonical form, so that layout and comments do not count.
pub fn plan_version(case_text: &str) -> Option<String> {
    let table: toml::Table = toml::from_str(case_text).ok()?;
    let plan = table.get("plan")?;
    Some(record::version(&plan.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CASE: &str = r#"
id = "2026-001-test"
variant = "family"

[request]
received = 2026-09-01
question = "Hoe zorgen we voor Sam?"
consent = 2026-09-02

[coordinator]
name = "Fatima El Amrani"
assigned = 2026-09-03
email = "f.elamrani@example.org"
independent = true

[conference]
date = 2026-10-10
start = 14:00
end = 18:00
location = "Buurthuis De Kern"

[[participant]]
id = "sam"
name = "Sam de Vries"
role = "central"
email = "sam@example.org"
status = "confirmed"

[[participant]]
id = "oma"
name = "Truus de Vries"
role = "family"
address = "Dorpsstraat 1, 1234 AB Ergens"

[[participant]]
id = "oom"
name = "Kees de Vries"
role = "family"
email = "kees at example"

[[participant]]
id = "tante"
name = "Ria de Vries"
role = "family"
email = "ria@example.org"
status = "declined"
"#;

    fn case(extra: &str) -> (Case, String) {
        let text = format!("{CASE}{extra}");
        (toml::from_str(&text).unwrap(), text)
    }

    fn day(d: &str) -> NaiveDate {
        d.parse().unwrap()
    }

    fn listed(due: &CaseDue<'_>) -> Vec<String> {
        due.due
            .iter()
            .map(|d| {
                format!(
                    "{} {} {} {:?}{}",
                    d.participant.id(),
                    record::what_str(d.what),
                    d.why.as_str(),
                    d.via,
                    if d.uncertain { " uncertain" } else { "" }
                )
            })
            .collect()
    }

    fn sent(to: &str, what: &str, version: &str, state: &str) -> String {
        format!(
            "\n[[sent]]\nto = \"{to}\"\nwhat = \"{what}\"\nvia = \"email\"\ndate = 2026-09-05\nversion = \"{version}\"\nstate = \"{state}\"\n"
        )
    }

    #[test]
    fn new_invitations_by_email_and_post_and_a_bad_address() {
        let (case, _) = case("");
        let settings = Settings::default();
        let due = due(&case, &settings, day("2026-09-05"), None);
        assert_eq!(
            listed(&due),
            ["sam invitation new Email", "oma invitation new Post"]
        );
        assert_eq!(due.unreachable.len(), 1);
        assert_eq!(due.unreachable[0].participant.id(), "oom");
        assert_eq!(due.unreachable[0].reason, Unreach::BadAddress);
    }

    #[test]
    fn nothing_unchanged_twice_and_an_update_when_the_meeting_changes() {
        let (plain, _) = case("");
        let version = meeting_version(&plain, plain.participant("sam").unwrap());
        let (case1, _) = case(&sent("sam", "invitation", &version, "sent"));
        let settings = Settings::default();
        let due1 = due(&case1, &settings, day("2026-09-05"), None);
        assert!(
            !listed(&due1).iter().any(|l| l.starts_with("sam")),
            "{:?}",
            listed(&due1)
        );

        let moved = format!("{CASE}{}", sent("sam", "invitation", &version, "sent"))
            .replace("start = 14:00", "start = 15:00");
        let moved: Case = toml::from_str(&moved).unwrap();
        let due2 = due(&moved, &settings, day("2026-09-05"), None);
        assert!(listed(&due2).contains(&"sam update changed Email".to_string()));
        let update = due2
            .due
            .iter()
            .find(|d| d.participant.id() == "sam")
            .unwrap();
        assert_eq!(update.sequence, 1);
    }

    #[test]
    fn pending_is_uncertain_and_failed_is_due_again() {
        let (plain, _) = case("");
        let version = meeting_version(&plain, plain.participant("sam").unwrap());
        let settings = Settings::default();
        let (pending, _) = case(&sent("sam", "invitation", &version, "pending"));
        let d = due(&pending, &settings, day("2026-09-05"), None);
        assert!(listed(&d).contains(&"sam invitation new Email uncertain".to_string()));
        let (failed, _) = case(&sent("sam", "invitation", &version, "failed"));
        let d = due(&failed, &settings, day("2026-09-05"), None);
        assert!(listed(&d).contains(&"sam invitation failed-before Email".to_string()));
    }

    #[test]
    fn reminders_go_to_the_confirmed_in_the_last_days() {
        let (plain, _) = case("");
        let settings = Settings::default();
        let version = meeting_version(&plain, plain.participant("sam").unwrap());
        let (case, _) = case(&sent("sam", "invitation", &version, "sent"));
        let reminders = |today: &str| {
            listed(&due(&case, &settings, day(today), None))
                .into_iter()
                .filter(|l| l.contains("reminder"))
                .collect::<Vec<_>>()
        };
        assert!(reminders("2026-10-07").is_empty());
        assert_eq!(reminders("2026-10-08"), ["sam reminder soon Email"]);
        assert_eq!(reminders("2026-10-09"), ["sam reminder soon Email"]);
        assert!(reminders("2026-10-10").is_empty());
    }

    #[test]
    fn the_plan_goes_to_who_took_part_and_cancellations_to_who_was_invited() {
        let (with_plan, text) = case("\n[plan]\nrecorded = 2026-10-10\n");
        let plan = plan_version(&text).unwrap();
        let settings = Settings::default();
        let d = due(&with_plan, &settings, day("2026-10-12"), Some(&plan));
        let plans: Vec<_> = listed(&d)
            .into_iter()
            .filter(|l| l.contains(" plan "))
            .collect();
        assert_eq!(plans, ["sam plan new Email", "oma plan new Post"]);

        let (plain, _) = case("");
        let version = meeting_version(&plain, plain.participant("sam").unwrap());
        let (cancelled, _) = case(&format!(
            "{}\n[closed]\ndate = 2026-09-20\nreason = \"cancelled\"\n",
            sent("sam", "invitation", &version, "sent")
        ));
        let d = due(&cancelled, &settings, day("2026-09-21"), None);
        assert_eq!(listed(&d), ["sam cancellation cancelled Email"]);
        assert_eq!(d.due[0].sequence, 1);
    }

    #[test]
    fn the_plan_version_ignores_layout() {
        let a = plan_version("id = \"x\"\n[plan]\nrecorded = 2026-10-10 # ok\n").unwrap();
        let b = plan_version("id = \"x\"\n\n[plan]\nrecorded   =   2026-10-10\n").unwrap();
        assert_eq!(a, b);
    }
}
