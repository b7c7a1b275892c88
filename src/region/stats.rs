//! Figures for the regional manager (`kring stats`): first the facts of one
//! case, then their sum per year and variant. The definitions are in
//! `docs/stats.md`; change them together.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::messages::{Lang, text};
use crate::model::{Case, ClosingReason, Variant};
use crate::msg;

/// What one case contributes to the figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    pub variant: Variant,
    /// `request.received`: the request counts in this date's year.
    pub received: NaiveDate,
    /// Present when the conference counts as held.
    pub held: Option<Held>,
}

/// A conference that took place (see [`facts`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Held {
    /// The conference date: the conference and its figures count in its year.
    pub date: NaiveDate,
    /// Participants who did not decline, every role.
    pub participants: usize,
    pub plan: bool,
    pub compulsory: bool,
    /// Compulsory help and `plan.acceptance.accepted = true`.
    pub accepted: bool,
    /// Days from `request.received` to the conference date.
    pub days_to_conference: i64,
    pub followup: FollowUp,
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
    let received = case.request.get_ref().received.get_ref().0;
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
            plan: plan.is_some(),
            compulsory,
            accepted,
            days_to_conference: (date - received).num_days(),
            followup: followup(case, followup_days, today),
        })
    });
    Facts {
        variant: case.variant(),
        received,
        held,
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

/// The figures of one year and one variant (or all variants).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub year: i32,
    /// A variant's name, or `all`.
    pub variant: &'static str,
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
}

/// The rows' keys, in order: the CSV header (also when there are no rows).
pub const COLUMNS: [&str; 17] = [
    "year",
    "variant",
    "requests",
    "held",
    "participants_mean",
    "participants_median",
    "plans",
    "plan_share",
    "compulsory",
    "compulsory_share",
    "accepted",
    "accepted_share",
    "days_to_conference_median",
    "followups_due",
    "followups_on_time",
    "followup_on_time_share",
    "followups_overdue",
];

/// Which rows to make.
#[derive(Debug, Clone, Copy, Default)]
pub struct Filter {
    /// Only this year (its rows are shown even when empty).
    pub year: Option<i32>,
    /// Only this variant, and then no all-variants row.
    pub variant: Option<Variant>,
}

/// The rows: per year (ascending), one per variant in the fixed order,
/// then the all-variants row. Without a year filter, the years are those in
/// which a request came in or a conference was held.
pub fn aggregate(facts: &[Facts], filter: Filter) -> Vec<Row> {
    let facts: Vec<&Facts> = facts
        .iter()
        .filter(|f| filter.variant.is_none_or(|v| f.variant == v))
        .collect();
    let years: Vec<i32> = match filter.year {
        Some(year) => vec![year],
        None => {
            let mut years: Vec<i32> = facts
                .iter()
                .flat_map(|f| {
                    [
                        Some(f.received.year()),
                        f.held.as_ref().map(|h| h.date.year()),
                    ]
                })
                .flatten()
                .collect();
            years.sort_unstable();
            years.dedup();
            years
        }
    };
    let variants: Vec<Variant> = match filter.variant {
        Some(v) => vec![v],
        None => Variant::ALL.to_vec(),
    };
    let mut rows = Vec::new();
    for year in years {
        for &variant in &variants {
            let group: Vec<&Facts> = facts
                .iter()
                .copied()
                .filter(|f| f.variant == variant)
                .collect();
            rows.push(row(year, variant.as_str(), &group));
        }
        if filter.variant.is_none() {
            rows.push(row(year, "all", &facts));
        }
    }
    rows
}

fn row(year: i32, variant: &'static str, facts: &[&Facts]) -> Row {
    let requests = facts.iter().filter(|f| f.received.year() == year).count();
    let held: Vec<&Held> = facts
        .iter()
        .filter_map(|f| f.held.as_ref())
        .filter(|h| h.date.year() == year)
        .collect();
    let count = |test: fn(&Held) -> bool| held.iter().filter(|h| test(h)).count();
    let participants: Vec<i64> = held
        .iter()
        .map(|h| i64::try_from(h.participants).unwrap_or(i64::MAX))
        .collect();
    let plans = count(|h| h.plan);
    let compulsory = count(|h| h.compulsory);
    let accepted = count(|h| h.accepted);
    let followups_due = count(|h| h.followup.is_due());
    let followups_on_time = count(|h| h.followup == FollowUp::OnTime);
    Row {
        year,
        variant,
        requests,
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

/// The table of `kring stats`: one block per year: a line per figure, a column per variant.
pub fn table(rows: &[Row], today: NaiveDate, lang: Lang) -> String {
    type Cell = fn(&Row) -> String;
    let figures: [(&'static str, Cell); 10] = [
        ("stats-requests", |r| r.requests.to_string()),
        ("stats-held", |r| r.held.to_string()),
        ("stats-participants-mean", |r| {
            r.participants_mean
                .map_or(NONE.into(), |m| format!("{m:.1}"))
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
    // The figures' labels in `lang`; "  of which" lines keep their indent.
    let labels: Vec<String> = figures.iter().map(|(id, _)| text(lang, id)).collect();
    let label_width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let column = |row: &Row| -> Vec<String> {
        let mut cells = vec![super::variant_word(row.variant, lang)];
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
        let labels = std::iter::once(year.as_str()).chain(labels.iter().map(String::as_str));
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
                variant: None,
            },
        );
        assert_eq!(rows.len(), 5);
        let all = &rows[4];
        assert_eq!((all.variant, all.requests, all.held), ("all", 0, 0));
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
                .find(|r| r.year == year && r.variant == variant)
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
                year: None,
                variant: Some(Variant::Family),
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
                variant: None,
            },
        )[0];
        let json = serde_json::to_value(row).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut sorted = COLUMNS.to_vec();
        sorted.sort_unstable();
        let mut keys_sorted = keys.clone();
        keys_sorted.sort_unstable();
        assert_eq!(keys_sorted, sorted);
        // serde_json keeps struct order only with preserve_order; compare
        // the order through csv instead.
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.serialize(row).unwrap();
        let text = String::from_utf8(writer.into_inner().unwrap()).unwrap();
        assert_eq!(text.lines().next().unwrap(), COLUMNS.join(","));
    }
}
