//! The anonymised export (`kring export --anonymised`): one row per case
//! for a registration, without anything that names or reaches a person.
//!
//! A row holds a pseudonym instead of the case id, months instead of dates,
//! counts instead of participants, and an age band instead of a birth date.
//! No free text, no names, no contact details, no ids.

use std::io::Read;
use std::path::Path;

use anyhow::{Result, bail};
use chrono::NaiveDate;
use hmac::{Hmac, KeyInit, Mac};
use serde::Serialize;
use sha2::Sha256;

use std::collections::HashMap;

use crate::messages::{Failure, Message, OrSay as _};
use crate::model::{
    Case, ClosingReason, EvaluationGroup, Requester, Role, Settings, Stopped, Variant,
};
use crate::msg;
use crate::region::declare::{Hundredths, hours_and_cost};
use crate::region::stats::{self, FollowUp};

/// Keys shorter than this are refused: a short secret can be guessed, and
/// then every pseudonym can be traced back to its case id.
pub const MIN_KEY_BYTES: usize = 16;

/// The secret the pseudonyms are made with. Never printed.
pub struct Key(Vec<u8>);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum KeyError {
    #[error(
        "the key is {0} bytes long; it must be at least {MIN_KEY_BYTES} (make one with `head -c 32 /dev/urandom | base64`)"
    )]
    TooShort(usize),
}

impl Key {
    /// A key from the secret's bytes; white space around it (the line
    /// break at the end of a key file) is not part of it.
    pub fn new(secret: &[u8]) -> Result<Key, KeyError> {
        let secret = secret.trim_ascii();
        if secret.len() < MIN_KEY_BYTES {
            return Err(KeyError::TooShort(secret.len()));
        }
        Ok(Key(secret.to_vec()))
    }
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(..)")
    }
}

/// The first 16 hex digits of HMAC-SHA256(key, case id): the same for the
/// same key and id, unrelated for another key, and without the key no way
/// back to the id.
pub fn pseudonym(key: &Key, case_id: &str) -> String {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&key.0) else {
        // HMAC takes keys of any length; this cannot happen.
        return String::new();
    };
    mac.update(case_id.as_bytes());
    mac.finalize()
        .into_bytes()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

const KEY_ENV: &str = "KRING_EXPORT_KEY";
const KEY_FILE_ENV: &str = "KRING_EXPORT_KEY_FILE";

/// A key file is a line of text; anything this large is something else.
const MAX_KEY_FILE: u64 = 64 * 1024;

/// An error whose message ends with the steps to make a key
/// (`export-make-a-key`, as its `help`).
fn with_steps(message: Message) -> Failure {
    Failure::new(message.arg("help", msg!("export-make-a-key")))
}

impl Key {
    /// The key: `--key-file`, else `KRING_EXPORT_KEY`, else
    /// `KRING_EXPORT_KEY_FILE`. A key file inside the repository at `root`
    /// is refused.
    pub fn from_sources(key_file: Option<&Path>, root: &Path) -> Result<Key> {
        let from_env = |name| std::env::var_os(name).filter(|v| !v.is_empty());
        let secret = if let Some(path) = key_file {
            read_key_file(path, root)?
        } else if let Some(secret) = from_env(KEY_ENV) {
            secret.as_encoded_bytes().to_vec()
        } else if let Some(path) = from_env(KEY_FILE_ENV) {
            read_key_file(Path::new(&path), root)?
        } else {
            bail!(with_steps(msg!("export-no-key")));
        };
        Key::new(&secret).map_err(|KeyError::TooShort(length)| {
            Failure::new(msg!(
                "export-key-too-short",
                length = length,
                least = MIN_KEY_BYTES
            ))
            .into()
        })
    }
}

fn read_key_file(path: &Path, root: &Path) -> Result<Vec<u8>> {
    let full = match path.canonicalize() {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let folder = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or_else(String::new, |p| format!("mkdir -p {} && ", p.display()));
            bail!(Failure::new(msg!(
                "export-key-missing",
                file = path.display().to_string(),
                mkdir = folder
            )));
        }
        other => {
            other.or_say(|| msg!("export-key-unreadable", file = path.display().to_string()))?
        }
    };
    if full.starts_with(root) {
        bail!(Failure::new(msg!(
            "export-key-inside",
            file = path.display().to_string()
        )));
    }
    let mut secret = Vec::new();
    std::fs::File::open(&full)
        .and_then(|f| f.take(MAX_KEY_FILE + 1).read_to_end(&mut secret))
        .or_say(|| msg!("export-key-unreadable", file = path.display().to_string()))?;
    if secret.len() as u64 > MAX_KEY_FILE {
        bail!(with_steps(msg!(
            "export-key-too-large",
            file = path.display().to_string()
        )));
    }
    Ok(secret)
}

/// One case in the export. The field names are the CSV header and the JSON
/// keys; absent values are empty in CSV and null in JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    pub pseudonym: String,
    pub variant: Variant,
    /// `request.received` as YYYY-MM.
    pub request_month: String,
    pub conference_month: Option<String>,
    pub plan_month: Option<String>,
    pub followup_month: Option<String>,
    /// `closed.date` as YYYY-MM.
    pub closed_month: Option<String>,
    pub participants_central: usize,
    pub participants_family: usize,
    pub participants_friend: usize,
    pub participants_network: usize,
    pub participants_harmed: usize,
    pub participants_responsible: usize,
    pub participants_resident: usize,
    pub participants_supporter: usize,
    pub participants_interpreter: usize,
    pub participants_professional: usize,
    pub participants_school: usize,
    /// Participants who declined, every role.
    pub declined: usize,
    /// The first central participant's age band on the conference date.
    pub central_age_band: Option<&'static str>,
    /// As `kring stats` counts it.
    pub held: bool,
    pub compulsory: bool,
    pub plan_recorded: bool,
    /// Only for compulsory help with a recorded plan and an acceptance.
    pub accepted: Option<bool>,
    /// Only for a held conference whose follow-up is done or past due.
    pub followup_on_time: Option<bool>,
    pub closing_reason: Option<ClosingReason>,
    /// Why a case closed without a conference (`closed.stopped`).
    pub stopped: Option<Stopped>,
    pub requester: Option<Requester>,
    /// `request.topics`, separated by `;`, in the order of the file.
    pub topics: String,
    /// `request.funder` when it is a key of kring.toml's `[funders]`; free
    /// text is left out (it may name someone).
    pub funder: Option<String>,
    /// Minors involved: `request.minors`, else from the participants' ages
    /// (as `kring stats` counts them); empty when not known.
    pub minors: Option<bool>,
    /// For a held conference: the participants who came: `attended` where
    /// the file records it, else those who did not decline.
    pub attendees: Option<usize>,
    /// The number of `[[evaluation]]`s.
    pub evaluations: usize,
    /// Per group and score: the mean of the scores given, to one decimal.
    pub score_central_minor_meeting: Option<String>,
    pub score_central_minor_plan: Option<String>,
    pub score_central_minor_coordinator: Option<String>,
    pub score_central_adult_meeting: Option<String>,
    pub score_central_adult_plan: Option<String>,
    pub score_central_adult_coordinator: Option<String>,
    pub score_network_meeting: Option<String>,
    pub score_network_plan: Option<String>,
    pub score_network_coordinator: Option<String>,
    pub score_professional_meeting: Option<String>,
    pub score_professional_plan: Option<String>,
    pub score_professional_coordinator: Option<String>,
    /// All `[[time]]` hours.
    pub hours: Hundredths,
    /// Euros: expenses, and hours, kilometres and the fee at the rates
    /// kring.toml has (as `kring declare` counts them, over all months).
    pub cost: Hundredths,
    /// The pseudonym of the case this one `follows`.
    pub follows: Option<String>,
}

/// The row's keys, in order: the CSV header (also when there are no rows).
pub const COLUMNS: [&str; 48] = [
    "pseudonym",
    "variant",
    "request_month",
    "conference_month",
    "plan_month",
    "followup_month",
    "closed_month",
    "participants_central",
    "participants_family",
    "participants_friend",
    "participants_network",
    "participants_harmed",
    "participants_responsible",
    "participants_resident",
    "participants_supporter",
    "participants_interpreter",
    "participants_professional",
    "participants_school",
    "declined",
    "central_age_band",
    "held",
    "compulsory",
    "plan_recorded",
    "accepted",
    "followup_on_time",
    "closing_reason",
    "stopped",
    "requester",
    "topics",
    "funder",
    "minors",
    "attendees",
    "evaluations",
    "score_central_minor_meeting",
    "score_central_minor_plan",
    "score_central_minor_coordinator",
    "score_central_adult_meeting",
    "score_central_adult_plan",
    "score_central_adult_coordinator",
    "score_network_meeting",
    "score_network_plan",
    "score_network_coordinator",
    "score_professional_meeting",
    "score_professional_plan",
    "score_professional_coordinator",
    "hours",
    "cost",
    "follows",
];

/// The mean of the scores given by `group` for one question (`pick`), to
/// one decimal, rounded half away from zero, in integers.
fn mean_score(
    case: &Case,
    group: EvaluationGroup,
    pick: fn(&crate::model::Evaluation) -> Option<i64>,
) -> Option<String> {
    let scores: Vec<i64> = case
        .evaluations
        .iter()
        .map(|e| e.get_ref())
        .filter(|e| *e.group.get_ref() == group)
        .filter_map(pick)
        .collect();
    let n = i64::try_from(scores.len()).ok().filter(|n| *n > 0)?;
    let sum: i64 = scores.iter().fold(0i64, |s, x| s.saturating_add(*x));
    let tenths = (sum.saturating_mul(20) / n + sum.signum()) / 2;
    Some(format!("{}.{}", tenths / 10, (tenths % 10).abs()))
}

/// The case ids `follows` values resolve to, as K703 finds them: the id
/// itself, or across `kring anonymise`'s shortening (`2026-031-bakker` and
/// `2026-031`), so that the pseudonym is the one the earlier case's row has.
pub struct Followed {
    ids: HashMap<String, String>,
}

impl Followed {
    pub fn of<'a>(cases: impl IntoIterator<Item = &'a Case>) -> Followed {
        let mut ids = HashMap::new();
        for case in cases {
            let id = case.id().to_string();
            ids.entry(numbers_of(&id)).or_insert_with(|| id.clone());
            ids.insert(id.clone(), id);
        }
        Followed { ids }
    }

    fn resolve<'a>(&'a self, follows: &'a str) -> &'a str {
        self.ids
            .get(follows)
            .or_else(|| self.ids.get(&numbers_of(follows)))
            .map_or(follows, String::as_str)
    }
}

fn numbers_of(id: &str) -> String {
    id.split('-')
        .take_while(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
        .collect::<Vec<_>>()
        .join("-")
}

/// Age bands: the first whose lower bound the age reaches, from the top.
const AGE_BANDS: [(u32, &str); 6] = [
    (65, "65+"),
    (24, "24-64"),
    (18, "18-23"),
    (12, "12-17"),
    (4, "4-11"),
    (0, "0-3"),
];

/// The age band of someone born on `born`, on `on`; `None` before birth.
pub fn age_band(born: NaiveDate, on: NaiveDate) -> Option<&'static str> {
    let age = on.years_since(born)?;
    AGE_BANDS
        .iter()
        .find(|(from, _)| age >= *from)
        .map(|(_, band)| *band)
}

fn month(date: NaiveDate) -> String {
    date.format("%Y-%m").to_string()
}

/// One case's row as of `today`.
pub fn row(
    case: &Case,
    key: &Key,
    settings: &Settings,
    followed: &Followed,
    today: NaiveDate,
) -> Row {
    let facts = stats::facts(case, settings.followup_days, today);
    let plan = case.plan.as_ref().map(|p| p.get_ref());
    let closed = case.closed.as_ref().map(|c| c.get_ref());
    let count = |role: Role| case.attendees().filter(|p| p.role() == role).count();
    let [
        central,
        family,
        friend,
        network,
        harmed,
        responsible,
        resident,
        supporter,
        interpreter,
        professional,
        school,
    ] = Role::ALL.map(count);
    let central_person = case
        .participants
        .iter()
        .map(|p| p.get_ref())
        .find(|p| p.role() == Role::Central);
    let central_age_band = match (
        central_person.and_then(|p| p.born.as_ref()),
        case.conference_date(),
    ) {
        (Some(born), Some(date)) => age_band(born.get_ref().0, date),
        _ => None,
    };
    let compulsory = case.is_compulsory();
    let accepted = plan
        .filter(|_| compulsory)
        .and_then(|p| p.acceptance.as_ref())
        .map(|a| *a.get_ref().accepted.get_ref());
    let request = case.request.get_ref();
    let (hours, cost) = hours_and_cost(case, settings, today);
    use EvaluationGroup as G;
    let score = |group, pick| mean_score(case, group, pick);
    let meeting = |e: &crate::model::Evaluation| e.meeting.as_ref().map(|s| *s.get_ref());
    let plan_score = |e: &crate::model::Evaluation| e.plan.as_ref().map(|s| *s.get_ref());
    let coordinator = |e: &crate::model::Evaluation| e.coordinator.as_ref().map(|s| *s.get_ref());
    let followup_on_time = facts.held.as_ref().and_then(|h| match h.followup {
        FollowUp::NotDue => None,
        FollowUp::OnTime => Some(true),
        FollowUp::Late | FollowUp::Missed | FollowUp::Overdue => Some(false),
    });
    Row {
        pseudonym: pseudonym(key, case.id()),
        variant: case.variant(),
        request_month: month(facts.received),
        conference_month: case.conference_date().map(month),
        plan_month: plan.map(|p| month(p.recorded.get_ref().0)),
        followup_month: case.followup_done().map(month),
        closed_month: closed
            .and_then(|c| c.date.as_ref())
            .map(|d| month(d.get_ref().0)),
        participants_central: central,
        participants_family: family,
        participants_friend: friend,
        participants_network: network,
        participants_harmed: harmed,
        participants_responsible: responsible,
        participants_resident: resident,
        participants_supporter: supporter,
        participants_interpreter: interpreter,
        participants_professional: professional,
        participants_school: school,
        declined: case
            .participants
            .iter()
            .filter(|p| p.get_ref().declined())
            .count(),
        central_age_band,
        held: facts.held.is_some(),
        compulsory,
        plan_recorded: plan.is_some(),
        accepted,
        followup_on_time,
        closing_reason: closed.and_then(|c| c.reason),
        stopped: closed
            .and_then(|c| c.stopped.as_ref())
            .map(|s| *s.get_ref()),
        requester: request.requester.as_ref().map(|r| *r.get_ref()),
        topics: request
            .topics
            .iter()
            .map(|t| serde_plain(t.get_ref()))
            .collect::<Vec<_>>()
            .join(";"),
        funder: request
            .funder
            .as_ref()
            .map(|f| f.get_ref())
            .filter(|f| settings.funders.contains_key(*f))
            .cloned(),
        minors: case.minors(),
        attendees: facts.held.as_ref().map(|_| {
            let came = |p: &crate::model::Participant| p.attended.unwrap_or(!p.declined());
            case.participants
                .iter()
                .filter(|p| came(p.get_ref()))
                .count()
        }),
        evaluations: case.evaluations.len(),
        score_central_minor_meeting: score(G::CentralMinor, meeting),
        score_central_minor_plan: score(G::CentralMinor, plan_score),
        score_central_minor_coordinator: score(G::CentralMinor, coordinator),
        score_central_adult_meeting: score(G::CentralAdult, meeting),
        score_central_adult_plan: score(G::CentralAdult, plan_score),
        score_central_adult_coordinator: score(G::CentralAdult, coordinator),
        score_network_meeting: score(G::Network, meeting),
        score_network_plan: score(G::Network, plan_score),
        score_network_coordinator: score(G::Network, coordinator),
        score_professional_meeting: score(G::Professional, meeting),
        score_professional_plan: score(G::Professional, plan_score),
        score_professional_coordinator: score(G::Professional, coordinator),
        hours,
        cost,
        follows: case
            .follows
            .as_ref()
            .map(|f| pseudonym(key, followed.resolve(f.get_ref()))),
    }
}

/// An enum's word in the file (`domestic-violence`).
fn serde_plain<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The rows of all cases, sorted by pseudonym, so that the order says
/// nothing about the case ids or files.
pub fn rows(cases: &[&Case], key: &Key, settings: &Settings, today: NaiveDate) -> Vec<Row> {
    let followed = Followed::of(cases.iter().copied());
    let mut rows: Vec<Row> = cases
        .iter()
        .map(|case| row(case, key, settings, &followed, today))
        .collect();
    rows.sort_by(|a, b| a.pseudonym.cmp(&b.pseudonym));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn key(secret: &str) -> Key {
        Key::new(secret.as_bytes()).unwrap()
    }

    const CASE: &str = r#"
id = "2026-014-sam"
variant = "learning"
[request]
received = 2026-09-01
question = "Wat heeft Sam nodig?"
compulsory = true
acceptor = "jb"
[conference]
date = 2026-10-12
[[participant]]
id = "sam"
name = "Sam de Vries"
role = "central"
born = 2014-10-13
email = "sam@example.nl"
[[participant]]
id = "jb"
name = "Jet Bos"
role = "professional"
[[participant]]
id = "oma"
name = "Oma Ria"
role = "family"
[[participant]]
id = "opa"
name = "Opa Kees"
role = "family"
status = "declined"
[plan]
recorded = 2026-10-12
[plan.acceptance]
by = "jb"
accepted = false
reason = "Te weinig toezicht"
[followup]
done = 2026-11-20
notes = "Gaat goed"
"#;

    #[test]
    fn pseudonyms_are_stable_per_key_and_differ_between_keys() {
        let a = key("0123456789abcdef");
        let b = key("fedcba9876543210");
        let p = pseudonym(&a, "2026-014-sam");
        assert_eq!(p.len(), 16);
        assert!(p.bytes().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(p, pseudonym(&key("0123456789abcdef\n"), "2026-014-sam"));
        assert_ne!(p, pseudonym(&b, "2026-014-sam"));
        assert_ne!(p, pseudonym(&a, "2026-015-sam"));
        // An independent HMAC-SHA256 gives the same digits:
        // printf '2026-014-sam' | openssl dgst -sha256 -hmac 0123456789abcdef
        assert_eq!(p, "0c01c7b5238bc798");
    }

    #[test]
    fn short_keys_are_refused_and_keys_never_print() {
        assert_eq!(Key::new(b"  short \n").unwrap_err(), KeyError::TooShort(5));
        assert!(Key::new(&[7u8; 16]).is_ok());
        assert_eq!(format!("{:?}", key("0123456789abcdef")), "Key(..)");
    }

    #[test]
    fn age_bands() {
        let on = day("2026-10-12");
        assert_eq!(
            age_band(day("2014-10-13"), on),
            Some("4-11"),
            "11, turns 12 tomorrow"
        );
        assert_eq!(age_band(day("2014-10-12"), on), Some("12-17"));
        assert_eq!(age_band(day("2026-10-12"), on), Some("0-3"));
        assert_eq!(age_band(day("2008-10-12"), on), Some("18-23"));
        assert_eq!(age_band(day("2002-10-13"), on), Some("18-23"));
        assert_eq!(age_band(day("2002-10-12"), on), Some("24-64"));
        assert_eq!(age_band(day("1961-10-12"), on), Some("65+"));
        assert_eq!(age_band(day("2026-10-13"), on), None, "not born yet");
    }

    #[test]
    fn a_row_holds_months_counts_and_flags_only() {
        let case: Case = toml::from_str(CASE).unwrap();
        let k = key("0123456789abcdef");
        let row = row(
            &case,
            &k,
            &Settings::default(),
            &Followed::of([&case]),
            day("2026-11-22"),
        );
        assert_eq!(row.pseudonym, pseudonym(&k, "2026-014-sam"));
        assert_eq!(row.request_month, "2026-09");
        assert_eq!(row.conference_month.as_deref(), Some("2026-10"));
        assert_eq!(row.plan_month.as_deref(), Some("2026-10"));
        assert_eq!(row.followup_month.as_deref(), Some("2026-11"));
        assert_eq!(row.closed_month, None);
        assert_eq!(
            (
                row.participants_central,
                row.participants_family,
                row.participants_professional
            ),
            (1, 1, 1)
        );
        assert_eq!(row.declined, 1);
        assert_eq!(row.central_age_band, Some("4-11"));
        assert!(row.held && row.compulsory && row.plan_recorded);
        assert_eq!(row.accepted, Some(false));
        assert_eq!(
            row.followup_on_time,
            Some(false),
            "due 2026-11-09, done 2026-11-20"
        );
        let json = serde_json::to_string(&row).unwrap();
        for secret in [
            "Sam", "Vries", "Bos", "Ria", "Kees", "example", "2014", "Gaat", "weinig", "2026-014",
        ] {
            assert!(!json.contains(secret), "{secret} in {json}");
        }
    }

    #[test]
    fn columns_are_the_rows_keys_in_order() {
        let case: Case = toml::from_str(CASE).unwrap();
        let row = row(
            &case,
            &key("0123456789abcdef"),
            &Settings::default(),
            &Followed::of([&case]),
            day("2026-11-22"),
        );
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.serialize(&row).unwrap();
        let text = String::from_utf8(writer.into_inner().unwrap()).unwrap();
        assert_eq!(text.lines().next().unwrap(), COLUMNS.join(","));
    }
}
