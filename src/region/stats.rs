//! Figures for the regional manager (`kring stats`): first the facts of one
//! case, then their sum per year and group (variant, funder or
//! coordinator). The definitions are in `docs/stats.md`; change them
//! together.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use serde::ser::SerializeStruct;

use crate::messages::{Lang, Message, text};
use crate::model::{
    Case, ClosingReason, EvaluationGroup, Requester, Settings, Stopped, Topic, Variant,
};
use crate::msg;

/// The requesters in the order of the figures (DESIGN §9.3).
pub const REQUESTERS: [(Requester, &str); 5] = [
    (Requester::Person, "person"),
    (Requester::Family, "family"),
    (Requester::School, "school"),
    (Requester::Professional, "professional"),
    (Requester::Other, "other"),
];

/// The topics in the order of DESIGN §9.3.
pub const TOPICS: [(Topic, &str); 18] = [
    (Topic::Elderly, "elderly"),
    (Topic::Parenting, "parenting"),
    (Topic::Divorce, "divorce"),
    (Topic::DomesticViolence, "domestic-violence"),
    (Topic::ChildProtection, "child-protection"),
    (Topic::Disability, "disability"),
    (Topic::Harm, "harm"),
    (Topic::Homelessness, "homelessness"),
    (Topic::Illness, "illness"),
    (Topic::MentalHealth, "mental-health"),
    (Topic::Addiction, "addiction"),
    (Topic::Eviction, "eviction"),
    (Topic::Debt, "debt"),
    (Topic::Work, "work"),
    (Topic::School, "school"),
    (Topic::Neighbourhood, "neighbourhood"),
    (Topic::Conflict, "conflict"),
    (Topic::Other, "other"),
];

/// Why a case stopped without a conference, in the order of DESIGN §9.3.
pub const STOPPED: [(Stopped, &str); 5] = [
    (Stopped::PlanAlreadyMade, "plan-already-made"),
    (Stopped::SituationChanged, "situation-changed"),
    (Stopped::NetworkTooSmall, "network-too-small"),
    (Stopped::NotVoluntary, "not-voluntary"),
    (Stopped::Other, "other"),
];

/// Who gave evaluation scores, in the order of DESIGN §9.3.
pub const GROUPS: [(EvaluationGroup, &str); 4] = [
    (EvaluationGroup::CentralMinor, "central-minor"),
    (EvaluationGroup::CentralAdult, "central-adult"),
    (EvaluationGroup::Network, "network"),
    (EvaluationGroup::Professional, "professional"),
];

/// What a score is given for.
pub const DIMENSIONS: [&str; 3] = ["meeting", "plan", "coordinator"];

fn index_of<T: PartialEq + Copy>(table: &[(T, &str)], value: T) -> usize {
    table.iter().position(|(v, _)| *v == value).unwrap_or(0)
}

/// What one case contributes to the figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    pub variant: Variant,
    /// `request.received`: the request counts in this date's year.
    pub received: NaiveDate,
    /// `request.requester`, counted with the request.
    pub requester: Option<Requester>,
    /// `request.funder`, for `--by funder`.
    pub funder: Option<String>,
    /// The coordinator's roster id, else their name, for `--by coordinator`.
    pub coordinator: Option<String>,
    /// Present when the conference counts as held.
    pub held: Option<Held>,
    /// Present when the case was closed without a held conference.
    pub stopped: Option<StoppedCase>,
}

/// A conference that took place (see [`facts`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Held {
    /// The conference date: the conference and its figures count in its year.
    pub date: NaiveDate,
    /// Participants who did not decline, every role.
    pub participants: usize,
    /// Participants who came: see [`attendees`].
    pub attendees: usize,
    pub plan: bool,
    pub compulsory: bool,
    /// Compulsory help and `plan.acceptance.accepted = true`.
    pub accepted: bool,
    /// Days from `request.received` to the conference date.
    pub days_to_conference: i64,
    pub followup: FollowUp,
    /// The topics, each once, in the order of [`TOPICS`].
    pub topics: Vec<Topic>,
    /// Minors involved: see [`minors`]; `None` when not known.
    pub minors: Option<bool>,
    /// The scores from 1 to 10: (group, dimension, score) by the indexes
    /// of [`GROUPS`] and [`DIMENSIONS`].
    pub scores: Vec<(usize, usize, i64)>,
    pub costs: Costs,
}

/// A case closed without a held conference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoppedCase {
    /// The year of `closed.date`, else of `request.received`.
    pub year: i32,
    /// `closed.stopped`.
    pub reason: Option<Stopped>,
}

/// Where a held conference's follow-up stands, today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUp {
    /// Not done, and today is not past the due date.
    NotDue,
    /// Done on or before the due date.
    OnTime,
    /// Done after the due date.
    Late,
    /// Not done, past the due date, and the case is closed without it.
    Missed,
    /// Not done, past the due date, case open: K307.
    Overdue,
}

impl FollowUp {
    /// Whether it counts in the "on time" share's denominator.
    pub fn is_due(self) -> bool {
        self != FollowUp::NotDue
    }
}

/// Whether a case was closed as cancelled or withdrawn.
fn called_off(case: &Case) -> bool {
    case.closed.as_ref().is_some_and(|c| {
        matches!(
            c.get_ref().reason,
            Some(ClosingReason::Cancelled | ClosingReason::Withdrawn)
        )
    })
}

/// The facts of one case as of `today`.
///
/// A conference is *held* when it has a date and that date is before today
/// or a plan is recorded; a case closed as cancelled or withdrawn without a
/// plan is not held.
pub fn facts(case: &Case, followup_days: u32, today: NaiveDate) -> Facts {
    let request = case.request.get_ref();
    let received = request.received.get_ref().0;
    let plan = case.plan.as_ref().map(|p| p.get_ref());
    let held = case.conference_date().and_then(|date| {
        let took_place = date < today || plan.is_some();
        if !took_place || (plan.is_none() && called_off(case)) {
            return None;
        }
        let compulsory = case.is_compulsory();
        let accepted = compulsory
            && plan
                .and_then(|p| p.acceptance.as_ref())
                .is_some_and(|a| *a.get_ref().accepted.get_ref());
        Some(Held {
            date,
            participants: case.attendees().count(),
            attendees: attendees(case),
            plan: plan.is_some(),
            compulsory,
            accepted,
            days_to_conference: (date - received).num_days(),
            followup: followup(case, followup_days, today),
            topics: topics(case),
            minors: minors(case),
            scores: scores(case),
            costs: Costs::of(case),
        })
    });
    let stopped = match (&held, &case.closed) {
        (None, Some(closed)) => {
            let closed = closed.get_ref();
            let date = closed.date.as_ref().map_or(received, |d| d.get_ref().0);
            Some(StoppedCase {
                year: date.year(),
                reason: closed.stopped.as_ref().map(|s| *s.get_ref()),
            })
        }
        _ => None,
    };
    let coordinator = case.coordinator.as_ref().map(|c| {
        let c = c.get_ref();
        c.id.as_ref().unwrap_or(&c.name).get_ref().clone()
    });
    Facts {
        variant: case.variant(),
        received,
        requester: request.requester.as_ref().map(|r| *r.get_ref()),
        funder: request.funder.as_ref().map(|f| f.get_ref().clone()),
        coordinator,
        held,
        stopped,
    }
}

fn followup(case: &Case, followup_days: u32, today: NaiveDate) -> FollowUp {
    let Some(due) = case.followup_due(followup_days) else {
        return FollowUp::NotDue;
    };
    match case.followup_done() {
        Some(done) if done <= due => FollowUp::OnTime,
        Some(_) => FollowUp::Late,
        None if today <= due => FollowUp::NotDue,
        None if case.is_closed() => FollowUp::Missed,
        None => FollowUp::Overdue,
    }
}

/// The participants who came to the conference: each participant's
/// `attended` where it is given, else whether they did not decline.
pub fn attendees(case: &Case) -> usize {
    case.participants
        .iter()
        .map(|p| p.get_ref())
        .filter(|p| p.attended.unwrap_or(!p.declined()))
        .count()
}

/// Whether minors are involved: see [`Case::minors`] (the model keeps it,
/// so that anonymising a case can keep the figure when `born` goes).
pub fn minors(case: &Case) -> Option<bool> {
    case.minors()
}

fn topics(case: &Case) -> Vec<Topic> {
    let listed: Vec<Topic> = case
        .request
        .get_ref()
        .topics
        .iter()
        .map(|t| *t.get_ref())
        .collect();
    TOPICS
        .iter()
        .map(|(t, _)| *t)
        .filter(|t| listed.contains(t))
        .collect()
}

/// Every score from 1 to 10; one outside (K701) is left out.
fn scores(case: &Case) -> Vec<(usize, usize, i64)> {
    let mut out = Vec::new();
    for evaluation in &case.evaluations {
        let e = evaluation.get_ref();
        let group = index_of(&GROUPS, *e.group.get_ref());
        for (dimension, score) in [&e.meeting, &e.plan, &e.coordinator].iter().enumerate() {
            if let Some(score) = score.as_ref().map(|s| *s.get_ref())
                && (1..=10).contains(&score)
            {
                out.push((group, dimension, score));
            }
        }
    }
    out
}

/// What a case cost, in whole units so that sums are exact: hundredths of
/// an hour, hundredths of a kilometre and cents. Each entry is rounded to
/// those units before anything is added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Costs {
    /// Every `[[time]]` entry's hours.
    pub centi_hours: i64,
    /// The `km` of the expenses without an `amount`: paid at `rates.km`.
    pub centi_km: i64,
    /// The `amount` of every expense that has one.
    pub expense_cents: i64,
}

/// `value × 100`, rounded, as a whole number (NaN counts as 0; the
/// infinities saturate).
fn hundredths(value: f64) -> i64 {
    (value * 100.0).round() as i64
}

impl Costs {
    pub fn of(case: &Case) -> Costs {
        let mut costs = Costs::default();
        for entry in &case.time {
            let hours = hundredths(*entry.get_ref().hours.get_ref());
            costs.centi_hours = costs.centi_hours.saturating_add(hours);
        }
        for expense in &case.expenses {
            let e = expense.get_ref();
            match (&e.amount, &e.km) {
                (Some(amount), _) => {
                    let cents = hundredths(*amount.get_ref());
                    costs.expense_cents = costs.expense_cents.saturating_add(cents);
                }
                (None, Some(km)) => {
                    let km = hundredths(*km.get_ref());
                    costs.centi_km = costs.centi_km.saturating_add(km);
                }
                (None, None) => {}
            }
        }
        costs
    }

    /// The cost in cents of one held conference at `prices`: hours × the
    /// hour rate + kilometres × the km rate (each rounded to the cent,
    /// halves away from zero) + the expenses + the fixed fee.
    pub fn cents(self, prices: Prices) -> i64 {
        let priced = |units: i64, rate: i64| -> i64 {
            let product = i128::from(units) * i128::from(rate);
            let rounded = (product + product.signum() * 50) / 100;
            i64::try_from(rounded).unwrap_or(if rounded < 0 { i64::MIN } else { i64::MAX })
        };
        priced(self.centi_hours, prices.hour_cents)
            .saturating_add(priced(self.centi_km, prices.km_cents))
            .saturating_add(self.expense_cents)
            .saturating_add(prices.conference_cents)
    }
}

/// kring.toml's `[rates]` in cents. A rate left out of `[rates]` is 0:
/// that part is not paid.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prices {
    pub hour_cents: i64,
    pub km_cents: i64,
    pub conference_cents: i64,
}

impl Prices {
    /// The rates, or `None` without a `[rates]` table: then no cost is
    /// computed at all, rather than one that leaves the hours out.
    pub fn of(settings: &Settings) -> Option<Prices> {
        let rates = settings.rates.as_ref()?;
        let cents = |rate: Option<f64>| rate.map_or(0, hundredths);
        Some(Prices {
            hour_cents: cents(rates.hour),
            km_cents: cents(rates.km),
            conference_cents: cents(rates.conference),
        })
    }
}

/// What the rows are grouped by, within each year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum By {
    #[default]
    Variant,
    Funder,
    Coordinator,
}

impl By {
    /// The key of the group in JSON and CSV.
    pub fn key(self) -> &'static str {
        match self {
            By::Variant => "variant",
            By::Funder => "funder",
            By::Coordinator => "coordinator",
        }
    }
}

/// The sum of some scores.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    pub sum: i64,
    pub count: usize,
    /// From how many cases the scores come (the report withholds a mean
    /// that rests on fewer than five cases, however many scores it has).
    pub cases: usize,
}

impl Scores {
    pub fn mean(self) -> Option<f64> {
        (self.count > 0).then(|| self.sum as f64 / self.count as f64)
    }
}

/// The figures of one year and one group (or all groups).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub year: i32,
    pub by: By,
    /// The group's name (a variant, a funder key, a coordinator), `all`,
    /// or `None` for the cases without a funder or coordinator.
    pub group: Option<String>,
    pub requests: usize,
    pub held: usize,
    pub participants_mean: Option<f64>,
    pub participants_median: Option<f64>,
    pub plans: usize,
    pub plan_share: Option<f64>,
    pub compulsory: usize,
    pub compulsory_share: Option<f64>,
    pub accepted: usize,
    pub accepted_share: Option<f64>,
    pub days_to_conference_median: Option<f64>,
    pub followups_due: usize,
    pub followups_on_time: usize,
    pub followup_on_time_share: Option<f64>,
    pub followups_overdue: usize,
    /// Requests per requester of [`REQUESTERS`], then those without one.
    pub requesters: [usize; 6],
    pub attendees_mean: Option<f64>,
    pub minors: usize,
    pub minors_known: usize,
    pub days_to_conference_min: Option<i64>,
    /// Held conferences per topic of [`TOPICS`].
    pub topics: [usize; 18],
    /// Held conferences without topics.
    pub topics_unknown: usize,
    /// Per group of [`GROUPS`], per dimension of [`DIMENSIONS`].
    pub scores: [[Scores; 3]; 4],
    /// Cases closed without a conference.
    pub stopped: usize,
    /// Of those, per reason of [`STOPPED`], then those without one.
    pub stopped_reasons: [usize; 6],
    pub centi_hours: i64,
    /// `None` without `[rates]` in kring.toml.
    pub cost_cents: Option<i64>,
}

/// One value of a row, as JSON and CSV show it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Count(usize),
    Cents(Option<i64>),
    Number(Option<f64>),
    Text(Option<String>),
    Year(i32),
}

impl Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Count(n) => s.serialize_u64(*n as u64),
            Value::Cents(c) => c.serialize(s),
            Value::Number(n) => n.serialize(s),
            Value::Text(t) => t.serialize(s),
            Value::Year(y) => s.serialize_i32(*y),
        }
    }
}

const REQUESTER_KEYS: [&str; 6] = [
    "requester_person",
    "requester_family",
    "requester_school",
    "requester_professional",
    "requester_other",
    "requester_unknown",
];

const TOPIC_KEYS: [[&str; 2]; 18] = [
    ["topic_elderly", "topic_elderly_share"],
    ["topic_parenting", "topic_parenting_share"],
    ["topic_divorce", "topic_divorce_share"],
    ["topic_domestic_violence", "topic_domestic_violence_share"],
    ["topic_child_protection", "topic_child_protection_share"],
    ["topic_disability", "topic_disability_share"],
    ["topic_harm", "topic_harm_share"],
    ["topic_homelessness", "topic_homelessness_share"],
    ["topic_illness", "topic_illness_share"],
    ["topic_mental_health", "topic_mental_health_share"],
    ["topic_addiction", "topic_addiction_share"],
    ["topic_eviction", "topic_eviction_share"],
    ["topic_debt", "topic_debt_share"],
    ["topic_work", "topic_work_share"],
    ["topic_school", "topic_school_share"],
    ["topic_neighbourhood", "topic_neighbourhood_share"],
    ["topic_conflict", "topic_conflict_share"],
    ["topic_other", "topic_other_share"],
];

/// `score_<group>_<dimension>_mean` and `_scores` (their number).
const SCORE_KEYS: [[[&str; 2]; 3]; 4] = [
    [
        [
            "score_central_minor_meeting_mean",
            "score_central_minor_meeting_scores",
        ],
        [
            "score_central_minor_plan_mean",
            "score_central_minor_plan_scores",
        ],
        [
            "score_central_minor_coordinator_mean",
            "score_central_minor_coordinator_scores",
        ],
    ],
    [
        [
            "score_central_adult_meeting_mean",
            "score_central_adult_meeting_scores",
        ],
        [
            "score_central_adult_plan_mean",
            "score_central_adult_plan_scores",
        ],
        [
            "score_central_adult_coordinator_mean",
            "score_central_adult_coordinator_scores",
        ],
    ],
    [
        ["score_network_meeting_mean", "score_network_meeting_scores"],
        ["score_network_plan_mean", "score_network_plan_scores"],
        [
            "score_network_coordinator_mean",
            "score_network_coordinator_scores",
        ],
    ],
    [
        [
            "score_professional_meeting_mean",
            "score_professional_meeting_scores",
        ],
        [
            "score_professional_plan_mean",
            "score_professional_plan_scores",
        ],
        [
            "score_professional_coordinator_mean",
            "score_professional_coordinator_scores",
        ],
    ],
];

const STOPPED_KEYS: [&str; 6] = [
    "stopped_plan_already_made",
    "stopped_situation_changed",
    "stopped_network_too_small",
    "stopped_not_voluntary",
    "stopped_other",
    "stopped_unknown",
];

impl Row {
    pub fn minors_share(&self) -> Option<f64> {
        share(self.minors, self.minors_known)
    }

    /// Hours per held conference.
    pub fn hours_per_conference(&self) -> Option<f64> {
        (self.held > 0).then(|| self.centi_hours as f64 / 100.0 / self.held as f64)
    }

    /// Cost per held conference, in cents, rounded half away from zero.
    pub fn cost_per_conference_cents(&self) -> Option<i64> {
        let held = i64::try_from(self.held).ok().filter(|&h| h > 0)?;
        let cost = self.cost_cents?;
        Some((cost + cost.signum() * held / 2) / held)
    }

    /// The row's keys and values in the order of JSON and CSV.
    pub fn fields(&self) -> Vec<(&'static str, Value)> {
        use Value::{Cents, Count, Number};
        let mut out = vec![
            ("year", Value::Year(self.year)),
            (self.by.key(), Value::Text(self.group.clone())),
            ("requests", Count(self.requests)),
            ("held", Count(self.held)),
            ("participants_mean", Number(self.participants_mean)),
            ("participants_median", Number(self.participants_median)),
            ("plans", Count(self.plans)),
            ("plan_share", Number(self.plan_share)),
            ("compulsory", Count(self.compulsory)),
            ("compulsory_share", Number(self.compulsory_share)),
            ("accepted", Count(self.accepted)),
            ("accepted_share", Number(self.accepted_share)),
            (
                "days_to_conference_median",
                Number(self.days_to_conference_median),
            ),
            ("followups_due", Count(self.followups_due)),
            ("followups_on_time", Count(self.followups_on_time)),
            (
                "followup_on_time_share",
                Number(self.followup_on_time_share),
            ),
            ("followups_overdue", Count(self.followups_overdue)),
        ];
        for (key, n) in REQUESTER_KEYS.iter().zip(self.requesters) {
            out.push((key, Count(n)));
        }
        out.push(("attendees_mean", Number(self.attendees_mean)));
        out.push(("minors", Count(self.minors)));
        out.push(("minors_known", Count(self.minors_known)));
        out.push(("minors_share", Number(self.minors_share())));
        out.push((
            "days_to_conference_min",
            Number(self.days_to_conference_min.map(|d| d as f64)),
        ));
        for ([count, share_key], n) in TOPIC_KEYS.iter().zip(self.topics) {
            out.push((count, Count(n)));
            out.push((share_key, Number(share(n, self.held))));
        }
        out.push(("topics_unknown", Count(self.topics_unknown)));
        for (keys, scores) in SCORE_KEYS.iter().zip(&self.scores) {
            for ([mean_key, count_key], s) in keys.iter().zip(scores) {
                out.push((mean_key, Number(s.mean())));
                out.push((count_key, Count(s.count)));
            }
        }
        out.push(("stopped", Count(self.stopped)));
        for (key, n) in STOPPED_KEYS.iter().zip(self.stopped_reasons) {
            out.push((key, Count(n)));
        }
        out.push(("hours", Number(Some(self.centi_hours as f64 / 100.0))));
        out.push(("hours_per_conference", Number(self.hours_per_conference())));
        out.push(("cost_cents", Cents(self.cost_cents)));
        out.push((
            "cost_per_conference_cents",
            Cents(self.cost_per_conference_cents()),
        ));
        out
    }
}

impl Serialize for Row {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let fields = self.fields();
        let mut state = s.serialize_struct("Row", fields.len())?;
        for (key, value) in &fields {
            state.serialize_field(key, value)?;
        }
        state.end()
    }
}

/// The rows' keys, in order: the CSV header (also when there are no rows).
pub fn columns(by: By) -> Vec<&'static str> {
    row(0, by, Some(String::new()), &Bucket::default(), None)
        .fields()
        .into_iter()
        .map(|(key, _)| key)
        .collect()
}

/// Which rows to make.
#[derive(Debug, Clone, Copy, Default)]
pub struct Filter {
    /// Only this year (its rows are shown even when empty).
    pub year: Option<i32>,
    /// Only this variant, and then no all-variants row (with `By::Variant`).
    pub variant: Option<Variant>,
    /// The groups of each year.
    pub by: By,
    /// The rates for the cost; `None`: no cost.
    pub prices: Option<Prices>,
}

/// What counts of one year in one group.
#[derive(Debug, Default)]
struct Bucket<'a> {
    requests: usize,
    requesters: [usize; 6],
    held: Vec<&'a Held>,
    stopped: [usize; 6],
}

impl<'a> Bucket<'a> {
    fn add(&mut self, facts: &'a Facts, year: i32) {
        if facts.received.year() == year {
            self.requests += 1;
            let i = facts
                .requester
                .map_or(REQUESTERS.len(), |r| index_of(&REQUESTERS, r));
            self.requesters[i] += 1;
        }
        if let Some(held) = facts.held.as_ref().filter(|h| h.date.year() == year) {
            self.held.push(held);
        }
        if let Some(stopped) = facts.stopped.filter(|s| s.year == year) {
            let i = stopped
                .reason
                .map_or(STOPPED.len(), |r| index_of(&STOPPED, r));
            self.stopped[i] += 1;
        }
    }
}

/// The years a case counts in: of its request, its held conference and
/// its closing without one.
fn years_of(facts: &Facts) -> impl Iterator<Item = i32> {
    [
        Some(facts.received.year()),
        facts.held.as_ref().map(|h| h.date.year()),
        facts.stopped.map(|s| s.year),
    ]
    .into_iter()
    .flatten()
}

fn group_of(facts: &Facts, by: By) -> Option<String> {
    match by {
        By::Variant => Some(facts.variant.as_str().to_string()),
        By::Funder => facts.funder.clone(),
        By::Coordinator => facts.coordinator.clone(),
    }
}

/// The rows: per year (ascending), one per group, then the all-groups row.
/// Without a year filter, the years are those in which a request came in,
/// a conference was held or a case closed without one. The groups are the
/// variants in their fixed order, or the funders or coordinators of the
/// cases counted in those years in alphabetical order, the cases without
/// one last.
pub fn aggregate(facts: &[Facts], filter: Filter) -> Vec<Row> {
    let facts: Vec<&Facts> = facts
        .iter()
        .filter(|f| filter.variant.is_none_or(|v| f.variant == v))
        .collect();
    let years: Vec<i32> = match filter.year {
        Some(year) => vec![year],
        None => {
            let mut years: Vec<i32> = facts.iter().flat_map(|f| years_of(f)).collect();
            years.sort_unstable();
            years.dedup();
            years
        }
    };
    let groups: Vec<Option<String>> = match (filter.by, filter.variant) {
        (By::Variant, Some(v)) => vec![Some(v.as_str().to_string())],
        (By::Variant, None) => Variant::ALL
            .iter()
            .map(|v| Some(v.as_str().to_string()))
            .collect(),
        (by, _) => {
            let mut groups: Vec<Option<String>> = facts
                .iter()
                .filter(|f| years_of(f).any(|y| years.contains(&y)))
                .map(|f| group_of(f, by))
                .collect();
            // Named groups alphabetically, then the cases without one.
            groups.sort_unstable_by(|a, b| (a.is_none(), a).cmp(&(b.is_none(), b)));
            groups.dedup();
            groups
        }
    };
    let all_row = !(filter.by == By::Variant && filter.variant.is_some());
    let index: Vec<usize> = facts
        .iter()
        .map(|f| {
            let group = group_of(f, filter.by);
            groups
                .iter()
                .position(|g| *g == group)
                .unwrap_or(usize::MAX)
        })
        .collect();
    let mut rows = Vec::new();
    for year in years {
        let mut buckets: Vec<Bucket> = groups.iter().map(|_| Bucket::default()).collect();
        let mut all = Bucket::default();
        for (f, &i) in facts.iter().zip(&index) {
            if let Some(bucket) = buckets.get_mut(i) {
                bucket.add(f, year);
            }
            all.add(f, year);
        }
        for (group, bucket) in groups.iter().zip(&buckets) {
            rows.push(row(year, filter.by, group.clone(), bucket, filter.prices));
        }
        if all_row {
            rows.push(row(
                year,
                filter.by,
                Some("all".into()),
                &all,
                filter.prices,
            ));
        }
    }
    rows
}

fn row(year: i32, by: By, group: Option<String>, bucket: &Bucket, prices: Option<Prices>) -> Row {
    let held = &bucket.held;
    let count = |test: fn(&Held) -> bool| held.iter().filter(|h| test(h)).count();
    let whole = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    let participants: Vec<i64> = held.iter().map(|h| whole(h.participants)).collect();
    let attendees: Vec<i64> = held.iter().map(|h| whole(h.attendees)).collect();
    let plans = count(|h| h.plan);
    let compulsory = count(|h| h.compulsory);
    let accepted = count(|h| h.accepted);
    let followups_due = count(|h| h.followup.is_due());
    let followups_on_time = count(|h| h.followup == FollowUp::OnTime);
    let mut topics = [0; 18];
    let mut scores = [[Scores::default(); 3]; 4];
    let mut centi_hours: i64 = 0;
    let mut cost_cents: i64 = 0;
    for h in held {
        for &topic in &h.topics {
            topics[index_of(&TOPICS, topic)] += 1;
        }
        let mut from_this_case = [[false; 3]; 4];
        for &(group, dimension, score) in &h.scores {
            let s = &mut scores[group][dimension];
            s.sum += score;
            s.count += 1;
            from_this_case[group][dimension] = true;
        }
        for (group, dimensions) in from_this_case.iter().enumerate() {
            for (dimension, scored) in dimensions.iter().enumerate() {
                if *scored {
                    scores[group][dimension].cases += 1;
                }
            }
        }
        centi_hours = centi_hours.saturating_add(h.costs.centi_hours);
        if let Some(prices) = prices {
            cost_cents = cost_cents.saturating_add(h.costs.cents(prices));
        }
    }
    Row {
        year,
        by,
        group,
        requests: bucket.requests,
        held: held.len(),
        participants_mean: mean(&participants),
        participants_median: median(participants),
        plans,
        plan_share: share(plans, held.len()),
        compulsory,
        compulsory_share: share(compulsory, held.len()),
        accepted,
        accepted_share: share(accepted, compulsory),
        days_to_conference_median: median(held.iter().map(|h| h.days_to_conference).collect()),
        followups_due,
        followups_on_time,
        followup_on_time_share: share(followups_on_time, followups_due),
        followups_overdue: count(|h| h.followup == FollowUp::Overdue),
        requesters: bucket.requesters,
        attendees_mean: mean(&attendees),
        minors: count(|h| h.minors == Some(true)),
        minors_known: count(|h| h.minors.is_some()),
        days_to_conference_min: held.iter().map(|h| h.days_to_conference).min(),
        topics,
        topics_unknown: count(|h| h.topics.is_empty()),
        scores,
        stopped: bucket.stopped.iter().sum(),
        stopped_reasons: bucket.stopped,
        centi_hours,
        cost_cents: prices.map(|_| cost_cents),
    }
}

/// `part / whole`, or `None` for an empty whole (never NaN).
pub fn share(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// The arithmetic mean, or `None` for no values.
pub fn mean(values: &[i64]) -> Option<f64> {
    (!values.is_empty())
        .then(|| values.iter().map(|&v| v as f64).sum::<f64>() / values.len() as f64)
}

/// The middle value; for an even count the mean of the two middle values;
/// `None` for no values.
pub fn median(mut values: Vec<i64>) -> Option<f64> {
    values.sort_unstable();
    let middle = values.len() / 2;
    match values.len() {
        0 => None,
        n if n % 2 == 1 => Some(values[middle] as f64),
        _ => Some((values[middle - 1] as f64 + values[middle] as f64) / 2.0),
    }
}

const NONE: &str = "–";

/// A line of the table: its label and what it shows of a row (nothing for
/// a heading).
type Line = (String, Box<dyn Fn(&Row) -> String>);

/// A sub-line's label, under a heading.
fn sub(label: String) -> String {
    format!("  {label}")
}

/// The figures of the table, in order: the first ten as before issue 17,
/// then the registration's. Lines for a topic, a score or a reason that no
/// row has are left out.
fn lines(rows: &[Row], lang: Lang) -> Vec<Line> {
    type Cell = fn(&Row) -> String;
    let first: [(&'static str, Cell); 10] = [
        ("stats-requests", |r| r.requests.to_string()),
        ("stats-held", |r| r.held.to_string()),
        ("stats-participants-mean", |r| {
            one_decimal(r.participants_mean)
        }),
        ("stats-participants-median", |r| {
            number(r.participants_median)
        }),
        ("stats-plans", |r| percent(r.plans, r.held)),
        ("stats-compulsory", |r| percent(r.compulsory, r.held)),
        ("stats-accepted", |r| percent(r.accepted, r.compulsory)),
        ("stats-days-median", |r| number(r.days_to_conference_median)),
        ("stats-followups-on-time", |r| {
            percent(r.followups_on_time, r.followups_due)
        }),
        ("stats-followups-overdue", |r| {
            r.followups_overdue.to_string()
        }),
    ];
    let mut lines: Vec<Line> = first
        .into_iter()
        .map(|(id, cell)| {
            (
                text(lang, id),
                Box::new(cell) as Box<dyn Fn(&Row) -> String>,
            )
        })
        .collect();
    let heading = |id: &'static str| -> Line { (text(lang, id), Box::new(|_| String::new())) };
    let label = |id: String| Message::dynamic(id).in_lang(lang);
    lines.push((
        text(lang, "figures-attendees-mean"),
        Box::new(|r| one_decimal(r.attendees_mean)),
    ));
    lines.push((
        text(lang, "figures-minors"),
        Box::new(|r| percent(r.minors, r.minors_known)),
    ));
    lines.push((
        text(lang, "figures-days-shortest"),
        Box::new(|r| number(r.days_to_conference_min.map(|d| d as f64))),
    ));
    lines.push((
        text(lang, "figures-hours"),
        Box::new(|r| one_decimal(r.hours_per_conference())),
    ));
    if rows.iter().any(|r| r.cost_cents.is_some()) {
        lines.push((
            text(lang, "figures-cost"),
            Box::new(move |r| {
                r.cost_per_conference_cents()
                    .map_or(NONE.into(), |c| euros(c, lang))
            }),
        ));
    }
    lines.push(heading("figures-requesters"));
    for (i, (_, name)) in REQUESTERS.iter().enumerate() {
        lines.push((
            sub(label(format!("figures-requester-{name}"))),
            Box::new(move |r| r.requesters[i].to_string()),
        ));
    }
    lines.push((
        sub(text(lang, "figures-not-recorded")),
        Box::new(|r| r.requesters[REQUESTERS.len()].to_string()),
    ));
    lines.push(heading("figures-topics"));
    for (i, (_, name)) in TOPICS.iter().enumerate() {
        if rows.iter().any(|r| r.topics[i] > 0) {
            lines.push((
                sub(label(format!("figures-topic-{name}"))),
                Box::new(move |r| percent(r.topics[i], r.held)),
            ));
        }
    }
    lines.push((
        sub(text(lang, "figures-not-recorded")),
        Box::new(|r| percent(r.topics_unknown, r.held)),
    ));
    // The scores' heading only when some group has scores.
    if rows
        .iter()
        .any(|r| r.scores.iter().flatten().any(|s| s.count > 0))
    {
        lines.push(heading("figures-scores"));
    }
    for (g, (_, group)) in GROUPS.iter().enumerate() {
        for (d, dimension) in DIMENSIONS.iter().enumerate() {
            if rows.iter().any(|r| r.scores[g][d].count > 0) {
                let name = format!(
                    "{}, {}",
                    label(format!("figures-group-{group}")),
                    label(format!("figures-score-{dimension}"))
                );
                lines.push((
                    sub(name),
                    Box::new(move |r| {
                        let s = r.scores[g][d];
                        match s.mean() {
                            None => NONE.into(),
                            Some(m) => format!("{m:.1} ({})", s.count),
                        }
                    }),
                ));
            }
        }
    }
    lines.push((
        text(lang, "figures-stopped"),
        Box::new(|r| r.stopped.to_string()),
    ));
    for (i, (_, name)) in STOPPED.iter().enumerate() {
        if rows.iter().any(|r| r.stopped_reasons[i] > 0) {
            lines.push((
                sub(label(format!("figures-stopped-{name}"))),
                Box::new(move |r| r.stopped_reasons[i].to_string()),
            ));
        }
    }
    if rows.iter().any(|r| r.stopped_reasons[STOPPED.len()] > 0) {
        lines.push((
            sub(text(lang, "figures-not-recorded")),
            Box::new(|r| r.stopped_reasons[STOPPED.len()].to_string()),
        ));
    }
    lines
}

/// The table of `kring stats`: one block per year: a line per figure, a column per group.
pub fn table(rows: &[Row], today: NaiveDate, lang: Lang) -> String {
    let figures = lines(rows, lang);
    let label_width = figures
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0);
    let column = |row: &Row| -> Vec<String> {
        let mut cells = vec![match row.group.as_deref() {
            // The variant rows in the reader's words; funder keys and
            // coordinator ids as they are.
            Some(group) if group.parse::<crate::model::Variant>().is_ok() || group == "all" => {
                super::variant_word(group, lang)
            }
            Some(group) => group.to_string(),
            None => NONE.into(),
        }];
        cells.extend(figures.iter().map(|(_, cell)| cell(row)));
        cells
    };
    // Every year has the same columns; one width per column keeps the
    // years' blocks aligned.
    let columns_per_year = rows
        .iter()
        .take_while(|r| r.year == rows[0].year)
        .count()
        .max(1);
    let mut widths = vec![0; columns_per_year];
    for (i, row) in rows.iter().enumerate() {
        let width = column(row)
            .iter()
            .map(|s| s.chars().count())
            .max()
            .unwrap_or(0);
        widths[i % columns_per_year] = widths[i % columns_per_year].max(width);
    }
    let mut out = msg!("stats-as-of", date = today).in_lang(lang) + "\n";
    for year_rows in rows.chunks(columns_per_year) {
        let columns: Vec<Vec<String>> = year_rows.iter().map(column).collect();
        let year = year_rows[0].year.to_string();
        let labels = std::iter::once(year.as_str()).chain(figures.iter().map(|(l, _)| l.as_str()));
        out.push('\n');
        for (line, label) in labels.enumerate() {
            let mut text = format!("{label:<label_width$}");
            for (cells, width) in columns.iter().zip(&widths) {
                text.push_str(&format!("  {:>width$}", cells[line]));
            }
            out.push_str(text.trim_end());
            out.push('\n');
        }
    }
    out
}

/// A mean with one decimal, or a dash.
fn one_decimal(value: Option<f64>) -> String {
    value.map_or(NONE.into(), |m| format!("{m:.1}"))
}

/// Cents as euros with two decimals and the language's separators:
/// `€ 1.234,50` in Dutch, `€1,234.50` in English.
pub fn euros(cents: i64, lang: Lang) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let cents = cents.unsigned_abs();
    let whole = (cents / 100).to_string();
    let (thousands, decimal, prefix) = match lang {
        Lang::Nl => ('.', ',', "€ "),
        Lang::En => (',', '.', "€"),
    };
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(thousands);
        }
        grouped.push(digit);
    }
    format!("{sign}{prefix}{grouped}{decimal}{:02}", cents % 100)
}

/// A median or other figure: whole numbers without decimals.
fn number(value: Option<f64>) -> String {
    match value {
        None => NONE.into(),
        Some(v) if v.fract() == 0.0 => format!("{v:.0}"),
        Some(v) => format!("{v:.1}"),
    }
}

/// `67% (2/3)`, or a dash when there is nothing to divide by.
fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        return NONE.into();
    }
    let percent = (part as f64 * 100.0 / whole as f64).round();
    format!("{percent:.0}% ({part}/{whole})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_and_numbers_for_people() {
        assert_eq!(percent(2, 3), "67% (2/3)");
        assert_eq!(percent(1, 8), "13% (1/8)");
        assert_eq!(percent(0, 0), "–");
        assert_eq!(number(Some(48.5)), "48.5");
        assert_eq!(number(Some(7.0)), "7");
        assert_eq!(number(None), "–");
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn case(variant: &str, received: &str, extra: &str) -> Case {
        let src = format!(
            "id = \"c\"\nvariant = \"{variant}\"\n[request]\nreceived = {received}\n{extra}"
        );
        toml::from_str(&src).expect("test case parses")
    }

    const PEOPLE: &str = "[[participant]]\nid = \"a\"\nname = \"A\"\nrole = \"central\"\n\
        [[participant]]\nid = \"b\"\nname = \"B\"\nrole = \"professional\"\n\
        [[participant]]\nid = \"c\"\nname = \"C\"\nrole = \"family\"\nstatus = \"declined\"\n";

    #[test]
    fn medians_of_odd_even_and_no_values() {
        assert_eq!(median(vec![5, 1, 3]), Some(3.0));
        assert_eq!(median(vec![4, 1, 3, 10]), Some(3.5));
        assert_eq!(median(vec![7]), Some(7.0));
        assert_eq!(median(Vec::new()), None);
        assert_eq!(mean(&[1, 2]), Some(1.5));
        assert_eq!(mean(&[]), None);
        assert_eq!(share(1, 3), Some(1.0 / 3.0));
        assert_eq!(share(0, 0), None);
    }

    #[test]
    fn held_means_a_past_date_or_a_plan_but_not_called_off() {
        let today = day("2026-11-22");
        let held = |extra: &str| facts(&case("family", "2026-09-01", extra), 28, today).held;
        assert!(held("").is_none(), "no conference date");
        assert!(held("[conference]\ndate = 2026-11-21\n").is_some());
        assert!(held("[conference]\ndate = 2026-11-22\n").is_none(), "today");
        let today_with_plan = "[conference]\ndate = 2026-11-22\n[plan]\nrecorded = 2026-11-22\n";
        assert!(held(today_with_plan).is_some());
        let cancelled = "[conference]\ndate = 2026-10-01\n[closed]\nreason = \"cancelled\"\n";
        assert!(held(cancelled).is_none());
        let withdrawn = "[conference]\ndate = 2026-10-01\n[closed]\nreason = \"withdrawn\"\n";
        assert!(held(withdrawn).is_none());
        let cancelled_after_plan = "[conference]\ndate = 2026-10-01\n[plan]\nrecorded = 2026-10-01\n\
                                    [closed]\nreason = \"cancelled\"\n";
        assert!(held(cancelled_after_plan).is_some());
        let completed = "[conference]\ndate = 2026-10-01\n[closed]\nreason = \"completed\"\n";
        assert!(held(completed).is_some());
    }

    #[test]
    fn facts_of_a_held_conference() {
        let c = case(
            "family",
            "2026-09-01",
            &format!(
                "compulsory = true\n[conference]\ndate = 2026-10-01\n{PEOPLE}\
                 [plan]\nrecorded = 2026-10-01\n\
                 [plan.acceptance]\nby = \"b\"\naccepted = true\n"
            ),
        );
        let held = facts(&c, 28, day("2026-11-22")).held.unwrap();
        assert_eq!(held.participants, 2, "the declined one does not count");
        assert!(held.plan && held.compulsory && held.accepted);
        assert_eq!(held.days_to_conference, 30);
        assert_eq!(held.followup, FollowUp::Overdue, "due 2026-10-29");
    }

    #[test]
    fn follow_up_states() {
        let at = |extra: &str, today: &str| {
            let c = case(
                "family",
                "2026-09-01",
                &format!("[conference]\ndate = 2026-10-01\n{extra}"),
            );
            facts(&c, 28, day(today)).held.map(|h| h.followup)
        };
        // Due 2026-10-29.
        assert_eq!(at("", "2026-10-29"), Some(FollowUp::NotDue));
        assert_eq!(at("", "2026-10-30"), Some(FollowUp::Overdue));
        let done = |d: &str| format!("[followup]\ndone = {d}\n");
        assert_eq!(
            at(&done("2026-10-29"), "2026-10-02"),
            Some(FollowUp::OnTime)
        );
        assert_eq!(at(&done("2026-10-30"), "2026-11-22"), Some(FollowUp::Late));
        let closed = "[closed]\nreason = \"completed\"\n";
        assert_eq!(at(closed, "2026-10-30"), Some(FollowUp::Missed));
        assert_eq!(at(closed, "2026-10-20"), Some(FollowUp::NotDue));
    }

    #[test]
    fn an_empty_group_has_no_figures_rather_than_nan() {
        let rows = aggregate(
            &[],
            Filter {
                year: Some(2026),
                ..Filter::default()
            },
        );
        assert_eq!(rows.len(), 5);
        let all = &rows[4];
        assert_eq!(
            (all.group.as_deref(), all.requests, all.held),
            (Some("all"), 0, 0)
        );
        for value in [
            all.participants_mean,
            all.participants_median,
            all.plan_share,
            all.compulsory_share,
            all.accepted_share,
            all.days_to_conference_median,
            all.followup_on_time_share,
        ] {
            assert_eq!(value, None);
        }
        let json = serde_json::to_value(all).unwrap();
        assert_eq!(json["participants_mean"], serde_json::Value::Null);
    }

    #[test]
    fn requests_and_conferences_count_in_their_own_years() {
        let today = day("2026-11-22");
        let c = case(
            "learning",
            "2025-12-15",
            &format!("[conference]\ndate = 2026-01-20\n{PEOPLE}"),
        );
        let f = facts(&c, 28, today);
        let rows = aggregate(std::slice::from_ref(&f), Filter::default());
        let find = |year, variant| {
            rows.iter()
                .find(|r| r.year == year && r.group.as_deref() == Some(variant))
                .unwrap()
        };
        assert_eq!(
            (find(2025, "learning").requests, find(2025, "learning").held),
            (1, 0)
        );
        assert_eq!(
            (find(2026, "learning").requests, find(2026, "learning").held),
            (0, 1)
        );
        assert_eq!(find(2026, "all").held, 1);
        assert_eq!(find(2026, "family").held, 0);
        assert_eq!(find(2026, "learning").days_to_conference_median, Some(36.0));
        assert_eq!(rows.len(), 10, "two years of four variants and a total");

        let only = aggregate(
            &[f],
            Filter {
                variant: Some(Variant::Family),
                ..Filter::default()
            },
        );
        assert!(only.is_empty(), "no family cases, no years");
    }

    #[test]
    fn columns_are_the_rows_keys_in_order() {
        let row = &aggregate(
            &[],
            Filter {
                year: Some(2026),
                ..Filter::default()
            },
        )[0];
        let json = serde_json::to_value(row).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let columns = columns(By::Variant);
        assert_eq!(columns[..4], ["year", "variant", "requests", "held"]);
        let mut sorted = columns.clone();
        sorted.sort_unstable();
        let mut keys_sorted = keys.clone();
        keys_sorted.sort_unstable();
        assert_eq!(keys_sorted, sorted);
        // serde_json keeps struct order only with preserve_order; compare
        // the order through csv instead.
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.serialize(row).unwrap();
        let text = String::from_utf8(writer.into_inner().unwrap()).unwrap();
        assert_eq!(text.lines().next().unwrap(), columns.join(","));
    }

    #[test]
    fn attendees_are_those_who_came_else_who_did_not_decline() {
        let people = "[[participant]]\nid = \"a\"\nname = \"A\"\nrole = \"central\"\nattended = false\n\
            [[participant]]\nid = \"b\"\nname = \"B\"\nrole = \"family\"\nstatus = \"declined\"\nattended = true\n\
            [[participant]]\nid = \"c\"\nname = \"C\"\nrole = \"family\"\n\
            [[participant]]\nid = \"d\"\nname = \"D\"\nrole = \"family\"\nstatus = \"declined\"\n";
        // a: said not to have come; b: declined, but came; c: no `attended`,
        // not declined; d: declined, no `attended`.
        assert_eq!(attendees(&case("family", "2026-09-01", people)), 2);
    }

    #[test]
    fn minors_are_given_or_derived_from_born_on_the_conference_date() {
        let person = |born: &str| {
            format!(
                "[[participant]]\nid = \"p\"\nname = \"P\"\nrole = \"central\"\nborn = {born}\n"
            )
        };
        let at = |extra: &str| minors(&case("family", "2026-01-10", extra));
        let conference = "[conference]\ndate = 2026-09-01\n";
        // 18 on 2026-09-01, still 17 on the request date.
        assert_eq!(
            at(&format!("{conference}{}", person("2008-09-01"))),
            Some(false)
        );
        assert_eq!(
            at(&person("2008-09-01")),
            Some(true),
            "no conference: request date"
        );
        assert_eq!(
            at(&format!("{conference}{}", person("2008-09-02"))),
            Some(true)
        );
        assert_eq!(at(PEOPLE), None, "nobody has a born");
        assert_eq!(
            at(&format!("minors = false\n{}", person("2020-01-01"))),
            Some(false)
        );
        assert_eq!(at("minors = true\n"), Some(true));
    }

    #[test]
    fn costs_are_summed_in_whole_cents() {
        let c = case(
            "family",
            "2026-09-01",
            "[[time]]\ndate = 2026-09-02\nhours = 0.1\nactivity = \"intake\"\n\
             [[time]]\ndate = 2026-09-03\nhours = 0.2\nactivity = \"preparation\"\n\
             [[expense]]\ndate = 2026-09-03\nkind = \"travel\"\nkm = 33.3\n\
             [[expense]]\ndate = 2026-09-03\nkind = \"travel\"\nkm = 10\namount = 4.5\n\
             [[expense]]\ndate = 2026-09-04\nkind = \"food\"\namount = 0.1\n\
             [[expense]]\ndate = 2026-09-04\nkind = \"food\"\namount = 0.2\n",
        );
        let costs = Costs::of(&c);
        // 0.1 + 0.2 is not 0.3 in floating point; in hundredths it is 30.
        assert_eq!(
            costs,
            Costs {
                centi_hours: 30,
                centi_km: 3330,
                expense_cents: 480
            }
        );
        let prices = Prices {
            hour_cents: 6_425,
            km_cents: 23,
            conference_cents: 15_000,
        };
        // 0.30 h × €64.25 = €19.275 → 1928; 33.3 km × €0.23 = €7.659 → 766.
        assert_eq!(costs.cents(prices), 1_928 + 766 + 480 + 15_000);
        assert_eq!(Costs::default().cents(Prices::default()), 0);
        let settings: Settings = toml::from_str("[rates]\nhour = 64.25\n").unwrap();
        assert_eq!(
            Prices::of(&settings),
            Some(Prices {
                hour_cents: 6_425,
                ..Prices::default()
            })
        );
        assert_eq!(Prices::of(&Settings::default()), None);
    }

    #[test]
    fn money_reads_as_euros() {
        assert_eq!(euros(123_456, Lang::Nl), "€ 1.234,56");
        assert_eq!(euros(123_456, Lang::En), "€1,234.56");
        assert_eq!(euros(5, Lang::En), "€0.05");
        assert_eq!(euros(-100_000_000, Lang::Nl), "-€ 1.000.000,00");
    }

    #[test]
    fn every_label_of_a_category_exists_in_both_languages() {
        let mut ids: Vec<String> = Vec::new();
        ids.extend(
            REQUESTERS
                .iter()
                .map(|(_, n)| format!("figures-requester-{n}")),
        );
        ids.extend(TOPICS.iter().map(|(_, n)| format!("figures-topic-{n}")));
        ids.extend(STOPPED.iter().map(|(_, n)| format!("figures-stopped-{n}")));
        ids.extend(GROUPS.iter().map(|(_, n)| format!("figures-group-{n}")));
        ids.extend(DIMENSIONS.iter().map(|n| format!("figures-score-{n}")));
        for lang in Lang::ALL {
            let known = crate::messages::ids(lang);
            for id in &ids {
                assert!(known.contains(id), "{id} is not in {}.ftl", lang.as_str());
            }
        }
        // The tables name every value of the model's enums.
        let names = |json: String| json.trim_matches('"').to_string();
        for (topic, name) in TOPICS {
            assert_eq!(names(serde_json::to_string(&topic).unwrap()), name);
        }
        for (requester, name) in REQUESTERS {
            assert_eq!(names(serde_json::to_string(&requester).unwrap()), name);
        }
        for (stopped, name) in STOPPED {
            assert_eq!(names(serde_json::to_string(&stopped).unwrap()), name);
        }
        for (group, name) in GROUPS {
            assert_eq!(names(serde_json::to_string(&group).unwrap()), name);
        }
    }

    #[test]
    fn rows_by_funder_sort_the_named_first_and_add_up_in_all() {
        let today = day("2026-11-22");
        let with = |funder: &str| {
            let extra = format!("{funder}[conference]\ndate = 2026-10-01\n");
            facts(&case("family", "2026-09-01", &extra), 28, today)
        };
        let all = [
            with("funder = \"zwolle\"\n"),
            with(""),
            with("funder = \"deventer\"\n"),
            with("funder = \"zwolle\"\n"),
        ];
        let rows = aggregate(
            &all,
            Filter {
                by: By::Funder,
                ..Filter::default()
            },
        );
        let groups: Vec<(Option<&str>, usize)> =
            rows.iter().map(|r| (r.group.as_deref(), r.held)).collect();
        assert_eq!(
            groups,
            [
                (Some("deventer"), 1),
                (Some("zwolle"), 2),
                (None, 1),
                (Some("all"), 4)
            ]
        );
        let json = serde_json::to_value(&rows[2]).unwrap();
        assert_eq!(json["funder"], serde_json::Value::Null);
        assert!(json.get("variant").is_none());
    }
}
