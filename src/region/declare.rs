//! The declaration (`kring declare --month YYYY-MM`): per coordinator, what
//! they hand in to be paid for one month, case by case: hours by activity,
//! kilometres, expenses by kind and the fixed fee for each conference held
//! that month, with the totals at the rates of kring.toml.
//!
//! Amounts are exact to the cent. Each entry's value is read as the decimal
//! the file holds (the shortest text of the number, `42.505`, not its binary
//! approximation) and rounded once, half away from zero: euros to whole
//! cents, hours and kilometres to hundredths, rates to hundredths of a cent.
//! Everything after that is integer arithmetic; no float is ever summed. An
//! amount at a rate (hours × the hourly rate) is rounded to the cent per
//! case, and the totals are the sums of the case lines, so that the lines a
//! coordinator hands in add up to the total the office pays.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Serialize, Serializer};

use crate::model::roster::Roster;
use crate::model::{
    Activity, Case, ExpenseKind, Rates, Settings, Variant, is_anonymised_coordinator,
};

/// The languages a declaration can be written in.
pub const LANGUAGES: [&str; 2] = ["nl", "en"];

/// A calendar month, `YYYY-MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    /// `2026-11`; anything else is `None`.
    pub fn parse(text: &str) -> Option<Month> {
        let (year, month) = text.split_once('-')?;
        let ok = year.len() == 4 && month.len() == 2;
        let (year, month) = (year.parse().ok()?, month.parse().ok()?);
        (ok && NaiveDate::from_ymd_opt(year, month, 1).is_some()).then_some(Month { year, month })
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        date.year() == self.year && date.month() == self.month
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A number with two decimals held as an integer: cents of a euro, or
/// hundredths of an hour or a kilometre. Shown as `1234.56`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hundredths(pub i64);

impl Hundredths {
    fn add(self, other: Hundredths) -> Hundredths {
        Hundredths(self.0.saturating_add(other.0))
    }
}

impl fmt::Display for Hundredths {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let n = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", n / 100, n % 100)
    }
}

impl Serialize for Hundredths {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Values larger than this are held at it, so that no sum can overflow
/// (a thousand billion euros; K701 and common sense catch such input).
const LIMIT: i128 = 100_000_000_000_000;

/// `value` as an integer count of `1 / 10^places`, from the decimal text of
/// the number, rounded half away from zero; `None` for nan and infinity.
pub fn fixed(value: f64, places: u32) -> Option<i64> {
    if !value.is_finite() {
        return None;
    }
    // Display gives the shortest text that reads back as the same number,
    // never with an exponent: what the file said.
    let text = value.abs().to_string();
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut n: i128 = 0;
    for digit in whole.bytes().chain(
        fraction
            .bytes()
            .chain(std::iter::repeat(b'0'))
            .take(places as usize),
    ) {
        n = (n * 10 + i128::from(digit - b'0')).min(LIMIT * 10_000);
    }
    if fraction
        .as_bytes()
        .get(places as usize)
        .is_some_and(|d| *d >= b'5')
    {
        n += 1;
    }
    let n = n.min(LIMIT) as i64;
    Some(if value < 0.0 { -n } else { n })
}

fn hundredths(value: f64) -> Hundredths {
    Hundredths(fixed(value, 2).unwrap_or(0))
}

/// `quantity` (hundredths) at `rate` (ten-thousandths of a euro), in cents,
/// rounded half away from zero.
fn at_rate(quantity: Hundredths, rate: i64) -> Hundredths {
    let n = i128::from(quantity.0) * i128::from(rate);
    let cents = (n.abs() + 5_000) / 10_000;
    let cents = cents.min(LIMIT) as i64;
    Hundredths(if n < 0 { -cents } else { cents })
}

/// The rates of kring.toml in ten-thousandths of a euro (so that 0.195 a
/// kilometre is kept exactly).
#[derive(Debug, Clone, Copy, Default)]
struct ExactRates {
    hour: Option<i64>,
    km: Option<i64>,
    conference: Option<i64>,
}

impl ExactRates {
    fn of(rates: Option<&Rates>) -> ExactRates {
        let exact = |rate: Option<f64>| rate.and_then(|r| fixed(r, 4));
        rates.map_or_else(ExactRates::default, |r| ExactRates {
            hour: exact(r.hour),
            km: exact(r.km),
            conference: exact(r.conference),
        })
    }
}

/// Hours spent on one activity.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ActivityHours {
    pub activity: Activity,
    pub hours: Hundredths,
}

/// Expenses of one kind.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct KindAmount {
    pub kind: ExpenseKind,
    pub amount: Hundredths,
}

/// One case's part of a declaration.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CaseLine {
    pub id: String,
    pub variant: Variant,
    /// By activity, in the order of [`Activity`]; only those with hours.
    pub hours: Vec<ActivityHours>,
    pub hours_total: Hundredths,
    /// The hours at the hourly rate; `None` without one.
    pub hours_amount: Option<Hundredths>,
    /// Kilometres of travel expenses without an amount, paid at the km rate.
    pub km: Hundredths,
    pub km_amount: Option<Hundredths>,
    /// By kind, in the order of [`ExpenseKind`]; only those with an amount.
    pub expenses: Vec<KindAmount>,
    pub expenses_total: Hundredths,
    /// The date of the conference held this month, if one was.
    pub conference: Option<String>,
    /// Its fixed fee; `None` without a conference or without a rate.
    pub fee: Option<Hundredths>,
    /// Everything with an amount.
    pub total: Hundredths,
}

/// The totals of a declaration: the sums of its case lines.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Totals {
    pub hours: Vec<ActivityHours>,
    pub hours_total: Hundredths,
    pub hours_amount: Option<Hundredths>,
    pub km: Hundredths,
    pub km_amount: Option<Hundredths>,
    pub expenses: Vec<KindAmount>,
    pub expenses_total: Hundredths,
    pub conferences: usize,
    pub fees: Option<Hundredths>,
    pub total: Hundredths,
}

/// The rates used, as shown (euros); `None` where kring.toml has none.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ShownRates {
    pub hour: Option<String>,
    pub km: Option<String>,
    pub conference: Option<String>,
}

/// One coordinator's declaration for one month.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Declaration {
    /// `2026-11`.
    pub month: String,
    /// The roster id, else the name as the cases give it.
    pub coordinator: String,
    pub name: String,
    /// The language it is written in (`nl` or `en`).
    pub lang: String,
    pub organisation: Option<String>,
    pub rates: ShownRates,
    /// The rates that are missing although something is declared at them:
    /// `hour`, `km`, `conference`.
    pub missing_rates: Vec<&'static str>,
    /// By case id.
    pub cases: Vec<CaseLine>,
    pub totals: Totals,
}

/// A rate in ten-thousandths of a euro as euros: `0.195`, `47.50`.
fn shown_rate(rate: Option<i64>) -> Option<String> {
    rate.map(|r| {
        let cents = Hundredths(r / 100);
        match r % 100 {
            0 => cents.to_string(),
            rest => format!("{cents}{:02}", rest.abs())
                .trim_end_matches('0')
                .to_string(),
        }
    })
}

const ACTIVITIES: [Activity; 6] = [
    Activity::Intake,
    Activity::Preparation,
    Activity::Conference,
    Activity::FollowUp,
    Activity::Travel,
    Activity::Other,
];

const KINDS: [ExpenseKind; 6] = [
    ExpenseKind::Travel,
    ExpenseKind::Venue,
    ExpenseKind::Food,
    ExpenseKind::Childcare,
    ExpenseKind::Interpreter,
    ExpenseKind::Other,
];

/// Who declares a case: the roster id, else the name; `None` without a
/// coordinator or once `kring anonymise` removed them.
pub fn declarer(case: &Case) -> Option<(&str, &str)> {
    let c = case.coordinator.as_ref()?.get_ref();
    let name = c.name.get_ref().as_str();
    match &c.id {
        Some(id) => Some((id.get_ref().as_str(), name)),
        None if is_anonymised_coordinator(name) => None,
        None => Some((name, name)),
    }
}

/// Whether `case` has anything to declare in `month`.
pub fn has_entries(case: &Case, month: Month, today: NaiveDate) -> bool {
    case.time
        .iter()
        .any(|t| month.contains(t.get_ref().date.get_ref().0))
        || case
            .expenses
            .iter()
            .any(|e| month.contains(e.get_ref().date.get_ref().0))
        || case
            .held_conference(today)
            .is_some_and(|d| month.contains(d))
}

fn case_line(case: &Case, month: Month, rates: ExactRates, today: NaiveDate) -> CaseLine {
    line_within(case, |date| month.contains(date), rates, today)
}

/// A case's hours and cost over its whole course: the hours of all its
/// entries, and their amount with the expenses and the fee as a declaration
/// would count them (at the rates kring.toml has; a missing rate adds
/// nothing). For `kring export --anonymised`.
pub fn hours_and_cost(
    case: &Case,
    settings: &Settings,
    today: NaiveDate,
) -> (Hundredths, Hundredths) {
    let line = line_within(
        case,
        |_| true,
        ExactRates::of(settings.rates.as_ref()),
        today,
    );
    (line.hours_total, line.total)
}

fn line_within(
    case: &Case,
    within: impl Fn(NaiveDate) -> bool,
    rates: ExactRates,
    today: NaiveDate,
) -> CaseLine {
    let mut hours: BTreeMap<Activity, Hundredths> = BTreeMap::new();
    for t in &case.time {
        let t = t.get_ref();
        if within(t.date.get_ref().0) {
            let sum = hours.entry(*t.activity.get_ref()).or_default();
            *sum = sum.add(hundredths(*t.hours.get_ref()));
        }
    }
    let mut km = Hundredths::default();
    let mut kinds: BTreeMap<ExpenseKind, Hundredths> = BTreeMap::new();
    for e in &case.expenses {
        let e = e.get_ref();
        if !within(e.date.get_ref().0) {
            continue;
        }
        match (&e.amount, &e.km) {
            // An amount is what it cost (a train ticket, parking); its km
            // are not paid again.
            (Some(amount), _) => {
                let sum = kinds.entry(*e.kind.get_ref()).or_default();
                *sum = sum.add(hundredths(*amount.get_ref()));
            }
            (None, Some(distance)) => km = km.add(hundredths(*distance.get_ref())),
            (None, None) => {}
        }
    }
    let hours: Vec<ActivityHours> = ACTIVITIES
        .iter()
        .filter_map(|a| {
            Some(ActivityHours {
                activity: *a,
                hours: *hours.get(a)?,
            })
        })
        .collect();
    let hours_total = hours
        .iter()
        .fold(Hundredths::default(), |s, h| s.add(h.hours));
    let expenses: Vec<KindAmount> = KINDS
        .iter()
        .filter_map(|k| {
            Some(KindAmount {
                kind: *k,
                amount: *kinds.get(k)?,
            })
        })
        .collect();
    let expenses_total = expenses
        .iter()
        .fold(Hundredths::default(), |s, e| s.add(e.amount));
    let held = case.held_conference(today).filter(|d| within(*d));
    let hours_amount = rates.hour.map(|r| at_rate(hours_total, r));
    let km_amount = rates.km.map(|r| at_rate(km, r));
    let fee = held
        .and(rates.conference)
        .map(|r| at_rate(Hundredths(100), r));
    let total = [hours_amount, km_amount, fee]
        .into_iter()
        .flatten()
        .fold(expenses_total, Hundredths::add);
    CaseLine {
        id: case.id().to_string(),
        variant: case.variant(),
        hours,
        hours_total,
        hours_amount,
        km,
        km_amount,
        expenses,
        expenses_total,
        conference: held.map(|d| d.to_string()),
        fee,
        total,
    }
}

fn totals(cases: &[CaseLine]) -> Totals {
    let mut t = Totals::default();
    let add_opt = |a: Option<Hundredths>, b: Option<Hundredths>| match (a, b) {
        (Some(a), Some(b)) => Some(a.add(b)),
        (a, b) => a.or(b),
    };
    let mut hours: BTreeMap<Activity, Hundredths> = BTreeMap::new();
    let mut kinds: BTreeMap<ExpenseKind, Hundredths> = BTreeMap::new();
    for c in cases {
        for h in &c.hours {
            let sum = hours.entry(h.activity).or_default();
            *sum = sum.add(h.hours);
        }
        for e in &c.expenses {
            let sum = kinds.entry(e.kind).or_default();
            *sum = sum.add(e.amount);
        }
        t.hours_total = t.hours_total.add(c.hours_total);
        t.hours_amount = add_opt(t.hours_amount, c.hours_amount);
        t.km = t.km.add(c.km);
        t.km_amount = add_opt(t.km_amount, c.km_amount);
        t.expenses_total = t.expenses_total.add(c.expenses_total);
        t.conferences += usize::from(c.conference.is_some());
        t.fees = add_opt(t.fees, c.fee);
        t.total = t.total.add(c.total);
    }
    t.hours = hours
        .into_iter()
        .map(|(activity, hours)| ActivityHours { activity, hours })
        .collect();
    t.expenses = kinds
        .into_iter()
        .map(|(kind, amount)| KindAmount { kind, amount })
        .collect();
    t
}

/// The language of a coordinator's declaration: the first of their roster
/// languages a declaration can be written in, else kring.toml's, else English.
fn language(roster: &Roster, coordinator: &str, settings: &Settings) -> String {
    let listed = roster
        .get(coordinator)
        .map(|entry| entry.languages.clone())
        .unwrap_or_default();
    listed
        .iter()
        .map(String::as_str)
        .chain([settings.language.as_str()])
        .find(|l| LANGUAGES.contains(l))
        .unwrap_or("en")
        .to_string()
}

/// The declarations for `month`, one per coordinator with anything to
/// declare (only `only`, when given: a roster id or a name), sorted by
/// coordinator.
pub fn declarations<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    roster: &Roster,
    settings: &Settings,
    month: Month,
    only: Option<&str>,
    today: NaiveDate,
) -> Vec<Declaration> {
    let rates = ExactRates::of(settings.rates.as_ref());
    let mut by_coordinator: BTreeMap<&str, (&str, Vec<CaseLine>)> = BTreeMap::new();
    for case in cases {
        let Some((key, name)) = declarer(case) else {
            continue;
        };
        if only.is_some_and(|o| o != key) || !has_entries(case, month, today) {
            continue;
        }
        let entry = by_coordinator.entry(key).or_insert((name, Vec::new()));
        entry.1.push(case_line(case, month, rates, today));
    }
    by_coordinator
        .into_iter()
        .map(|(key, (name, mut cases))| {
            cases.sort_by(|a, b| a.id.cmp(&b.id));
            let mut totals = totals(&cases);
            // With a rate, nothing at it is 0.00, not "no rate".
            if rates.conference.is_some() {
                totals.fees = Some(totals.fees.unwrap_or_default());
            }
            let mut missing_rates = Vec::new();
            if rates.hour.is_none() && totals.hours_total.0 != 0 {
                missing_rates.push("hour");
            }
            if rates.km.is_none() && totals.km.0 != 0 {
                missing_rates.push("km");
            }
            if rates.conference.is_none() && totals.conferences > 0 {
                missing_rates.push("conference");
            }
            let name = roster.get(key).map_or(name, |entry| entry.name.as_str());
            Declaration {
                month: month.to_string(),
                coordinator: key.to_string(),
                name: name.to_string(),
                lang: language(roster, key, settings),
                organisation: settings.organisation.clone(),
                rates: ShownRates {
                    hour: shown_rate(rates.hour),
                    km: shown_rate(rates.km),
                    conference: shown_rate(rates.conference),
                },
                missing_rates,
                cases,
                totals,
            }
        })
        .collect()
}

/// One CSV row: a case of a declaration. The columns are [`COLUMNS`].
#[derive(Debug, Serialize)]
pub struct CsvRow<'a> {
    month: &'a str,
    coordinator: &'a str,
    case: &'a str,
    variant: Variant,
    hours_intake: Hundredths,
    hours_preparation: Hundredths,
    hours_conference: Hundredths,
    hours_follow_up: Hundredths,
    hours_travel: Hundredths,
    hours_other: Hundredths,
    hours: Hundredths,
    hours_amount: Option<Hundredths>,
    km: Hundredths,
    km_amount: Option<Hundredths>,
    expense_travel: Hundredths,
    expense_venue: Hundredths,
    expense_food: Hundredths,
    expense_childcare: Hundredths,
    expense_interpreter: Hundredths,
    expense_other: Hundredths,
    conference: Option<&'a str>,
    fee: Option<Hundredths>,
    total: Hundredths,
}

/// The CSV header.
pub const COLUMNS: [&str; 23] = [
    "month",
    "coordinator",
    "case",
    "variant",
    "hours_intake",
    "hours_preparation",
    "hours_conference",
    "hours_follow_up",
    "hours_travel",
    "hours_other",
    "hours",
    "hours_amount",
    "km",
    "km_amount",
    "expense_travel",
    "expense_venue",
    "expense_food",
    "expense_childcare",
    "expense_interpreter",
    "expense_other",
    "conference",
    "fee",
    "total",
];

/// The declaration's rows for CSV: one per case (the totals are their sums).
pub fn csv_rows(d: &Declaration) -> Vec<CsvRow<'_>> {
    d.cases
        .iter()
        .map(|c| {
            let h = |a: Activity| {
                c.hours
                    .iter()
                    .find(|x| x.activity == a)
                    .map_or_else(Hundredths::default, |x| x.hours)
            };
            let e = |k: ExpenseKind| {
                c.expenses
                    .iter()
                    .find(|x| x.kind == k)
                    .map_or_else(Hundredths::default, |x| x.amount)
            };
            CsvRow {
                month: &d.month,
                coordinator: &d.coordinator,
                case: &c.id,
                variant: c.variant,
                hours_intake: h(Activity::Intake),
                hours_preparation: h(Activity::Preparation),
                hours_conference: h(Activity::Conference),
                hours_follow_up: h(Activity::FollowUp),
                hours_travel: h(Activity::Travel),
                hours_other: h(Activity::Other),
                hours: c.hours_total,
                hours_amount: c.hours_amount,
                km: c.km,
                km_amount: c.km_amount,
                expense_travel: e(ExpenseKind::Travel),
                expense_venue: e(ExpenseKind::Venue),
                expense_food: e(ExpenseKind::Food),
                expense_childcare: e(ExpenseKind::Childcare),
                expense_interpreter: e(ExpenseKind::Interpreter),
                expense_other: e(ExpenseKind::Other),
                conference: c.conference.as_deref(),
                fee: c.fee,
                total: c.total,
            }
        })
        .collect()
}

/// A file name for a coordinator's key: `hanneke-postma`, or a name made
/// into one (`Fatima El Amrani` becomes `fatima-el-amrani`).
pub fn file_stem(month: &str, coordinator: &str) -> String {
    let mut slug = String::new();
    for c in coordinator.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-');
    let slug = if slug.is_empty() { "coordinator" } else { slug };
    format!("declaration-{month}-{slug}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_read_as_written_and_rounded_half_away_from_zero() {
        assert_eq!(fixed(42.5, 2), Some(4250));
        assert_eq!(fixed(1.005, 2), Some(101), "1.005 is written, not 1.00499…");
        assert_eq!(fixed(1.004, 2), Some(100));
        assert_eq!(fixed(-2.345, 2), Some(-235));
        assert_eq!(fixed(0.1 + 0.2, 2), Some(30));
        assert_eq!(fixed(0.195, 4), Some(1950));
        assert_eq!(fixed(f64::NAN, 2), None);
        assert_eq!(fixed(1e300, 2), Some(LIMIT as i64));
    }

    #[test]
    fn amounts_at_a_rate_round_to_the_cent() {
        // 1.25 h at 47.50 = 59.375 → 59.38
        assert_eq!(at_rate(Hundredths(125), 475_000), Hundredths(5938));
        // 33 km at 0.195 = 6.435 → 6.44
        assert_eq!(at_rate(Hundredths(3300), 1950), Hundredths(644));
        assert_eq!(Hundredths(-5).to_string(), "-0.05");
        assert_eq!(Hundredths(123456).to_string(), "1234.56");
        assert_eq!(shown_rate(Some(1950)).as_deref(), Some("0.195"));
        assert_eq!(shown_rate(Some(475_000)).as_deref(), Some("47.50"));
    }

    #[test]
    fn months_and_file_names() {
        assert_eq!(
            Month::parse("2026-11").map(|m| m.to_string()).as_deref(),
            Some("2026-11")
        );
        for bad in ["2026-13", "2026-1", "26-11", "2026/11", "", "2026-11-01"] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
        assert_eq!(
            file_stem("2026-11", "Fatima El Amrani"),
            "declaration-2026-11-fatima-el-amrani"
        );
        assert_eq!(
            file_stem("2026-11", "../.."),
            "declaration-2026-11-coordinator"
        );
    }
}
