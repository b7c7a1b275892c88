//! The year on one HTML page (`kring report`): key figures, charts and
//! tables for a regional manager to hand to a municipality, in kring.toml's
//! language. Any figure that rests on fewer than five cases is shown as
//! "< 5", in the text, the tables and the charts alike (see [`MIN_CASES`]).

use chrono::{Datelike, NaiveDate};

use crate::messages::{Lang, Message, text};
use crate::model::Variant;
use crate::msg;
use crate::region::charts::{self, Bar, WITHHELD};
use crate::region::stats::{
    DIMENSIONS, Facts, Filter, GROUPS, Prices, REQUESTERS, Row, STOPPED, Scores, TOPICS, aggregate,
    euros,
};

/// A count, a share or a mean over fewer cases than this is withheld.
pub const MIN_CASES: usize = 5;

/// What the page is made from.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub facts: &'a [Facts],
    pub year: i32,
    pub today: NaiveDate,
    pub lang: Lang,
    pub organisation: Option<&'a str>,
    /// kring.toml's `[rates]`; without them no cost is shown.
    pub prices: Option<Prices>,
}

/// Text for HTML, in an element or in a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// How the page writes its numbers, withholding small ones.
#[derive(Debug, Clone, Copy)]
struct Numbers(Lang);

impl Numbers {
    /// A count, or "< 5" below five (zero included: no count tells whether
    /// there were none or a few).
    fn count(self, n: usize) -> String {
        if n < MIN_CASES {
            WITHHELD.into()
        } else {
            n.to_string()
        }
    }

    /// A whole percentage, or "< 5" when the part or the whole is below five.
    fn share(self, part: usize, whole: usize) -> String {
        if whole < MIN_CASES || part < MIN_CASES {
            return WITHHELD.into();
        }
        format!("{:.0}%", part as f64 * 100.0 / whole as f64)
    }

    /// A mean or median over `n` cases, with one decimal (whole days
    /// without), or "< 5".
    fn mean(self, value: Option<f64>, n: usize) -> String {
        match value {
            Some(v) if n >= MIN_CASES => self.decimal(v),
            _ if n < MIN_CASES => WITHHELD.into(),
            _ => "–".into(),
        }
    }

    /// Days: whole unless a median falls halfway.
    fn days(self, value: Option<f64>, n: usize) -> String {
        match value {
            Some(v) if n >= MIN_CASES && v.fract() == 0.0 => format!("{v:.0}"),
            _ => self.mean(value, n),
        }
    }

    fn decimal(self, value: f64) -> String {
        let text = if value.fract() == 0.0 && value.abs() >= 10.0 {
            format!("{value:.0}")
        } else {
            format!("{value:.1}")
        };
        match self.0 {
            Lang::Nl => text.replace('.', ","),
            Lang::En => text,
        }
    }

    /// A score's mean with its number, `8,1 (12)`, or "< 5".
    fn scores(self, s: Scores) -> String {
        match s.mean() {
            Some(mean) if s.count >= MIN_CASES && s.cases >= MIN_CASES => {
                format!("{} ({})", self.decimal(mean), s.count)
            }
            _ => WITHHELD.into(),
        }
    }

    fn cost(self, row: &Row) -> String {
        match row.cost_per_conference_cents() {
            Some(cents) if row.held >= MIN_CASES => euros(cents, self.0),
            _ if row.held < MIN_CASES => WITHHELD.into(),
            _ => "–".into(),
        }
    }
}

/// A table line's label as a heading: its first letter a capital.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A value for a chart: `None` (withheld) below five cases.
fn shown(value: f64, cases: usize) -> Option<f64> {
    (cases >= MIN_CASES).then_some(value)
}

/// The scores of every group together, per dimension.
fn all_groups(row: &Row, dimension: usize) -> Scores {
    row.scores
        .iter()
        .fold(Scores::default(), |acc, group| Scores {
            sum: acc.sum + group[dimension].sum,
            count: acc.count + group[dimension].count,
            // The groups' cases overlap; the largest is the fewest distinct
            // cases there can be, so a mean is never shown on too few.
            cases: acc.cases.max(group[dimension].cases),
        })
}

/// The bins of the days from request to conference: up to 14, 15–28, ...
const DAY_BINS: [(i64, &str); 6] = [
    (14, "≤ 14"),
    (28, "15–28"),
    (42, "29–42"),
    (56, "43–56"),
    (84, "57–84"),
    (i64::MAX, "≥ 85"),
];

/// The page.
pub fn html(input: &Input) -> Result<String, String> {
    let lang = input.lang;
    let t = |id: &'static str| escape(&text(lang, id));
    let label = |id: String| escape(&Message::dynamic(id).in_lang(lang));
    let num = Numbers(lang);
    let rows = aggregate(
        input.facts,
        Filter {
            year: Some(input.year),
            prices: input.prices,
            ..Filter::default()
        },
    );
    let Some(all) = rows.last() else {
        return Err("no rows".into());
    };
    let held: Vec<_> = input
        .facts
        .iter()
        .filter_map(|f| f.held.as_ref())
        .filter(|h| h.date.year() == input.year)
        .collect();

    let mut page = String::new();
    let title = msg!("report-title", year = input.year).in_lang(lang);
    page.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n<header>\n<h1>{}</h1>\n",
        lang.as_str(),
        escape(&title),
        escape(&title)
    ));
    if let Some(organisation) = input.organisation {
        page.push_str(&format!("<p class=\"org\">{}</p>\n", escape(organisation)));
    }
    page.push_str(&format!(
        "<p>{}</p>\n<p class=\"note\">{}</p>\n</header>\n",
        escape(&msg!("report-as-of", date = input.today).in_lang(lang)),
        t("report-small")
    ));

    // Key figures.
    let mut key = vec![
        (num.count(all.requests), t("stats-requests")),
        (num.count(all.held), t("stats-held")),
        (num.share(all.plans, all.held), t("stats-plans")),
        (
            num.mean(all.attendees_mean, all.held),
            t("figures-attendees-mean"),
        ),
        (num.share(all.minors, all.minors_known), t("figures-minors")),
        (
            num.days(all.days_to_conference_median, all.held),
            t("stats-days-median"),
        ),
        (
            num.days(all.days_to_conference_min.map(|d| d as f64), all.held),
            t("figures-days-shortest"),
        ),
    ];
    for (d, dimension) in DIMENSIONS.iter().enumerate() {
        let s = all_groups(all, d);
        key.push((
            // Withheld below five scores or five cases alike.
            num.mean(s.mean(), s.count.min(s.cases)),
            label(format!("report-score-{dimension}")),
        ));
    }
    key.push((
        num.mean(all.hours_per_conference(), all.held),
        t("figures-hours"),
    ));
    if all.cost_cents.is_some() {
        key.push((num.cost(all), t("figures-cost")));
    }
    key.push((num.count(all.stopped), t("figures-stopped")));
    page.push_str(&format!(
        "<section>\n<h2>{}</h2>\n<dl class=\"key\">\n",
        t("report-key-figures")
    ));
    for (value, name) in key {
        page.push_str(&format!(
            "<div><dt>{name}</dt><dd>{}</dd></div>\n",
            escape(&value)
        ));
    }
    page.push_str("</dl>\n</section>\n");

    // Charts.
    let months = text(lang, "report-months");
    let mut per_month = [0usize; 12];
    for h in &held {
        per_month[h.date.month0() as usize] += 1;
    }
    let month_bars: Vec<Bar> = months
        .split_whitespace()
        .zip(per_month)
        .map(|(name, n)| Bar {
            label: name.to_string(),
            value: shown(n as f64, n),
            colour: 0,
        })
        .collect();
    let topic_bars: Vec<Bar> = TOPICS
        .iter()
        .zip(all.topics)
        .map(|((_, name), n)| Bar {
            label: Message::dynamic(format!("figures-topic-{name}")).in_lang(lang),
            value: shown(n as f64, n),
            colour: 0,
        })
        .collect();
    let mut score_bars = Vec::new();
    for (g, (_, group)) in GROUPS.iter().enumerate() {
        for (d, dimension) in DIMENSIONS.iter().enumerate() {
            let s = all.scores[g][d];
            score_bars.push(Bar {
                label: format!(
                    "{} · {}",
                    Message::dynamic(format!("figures-group-{group}")).in_lang(lang),
                    Message::dynamic(format!("figures-score-{dimension}")).in_lang(lang)
                ),
                value: s.mean().and_then(|m| shown(m, s.count.min(s.cases))),
                colour: d,
            });
        }
    }
    let mut per_bin = [0usize; DAY_BINS.len()];
    for h in &held {
        let bin = DAY_BINS
            .iter()
            .position(|(upto, _)| h.days_to_conference <= *upto)
            .unwrap_or(DAY_BINS.len() - 1);
        per_bin[bin] += 1;
    }
    let day_bars: Vec<Bar> = DAY_BINS
        .iter()
        .zip(per_bin)
        .map(|((_, name), n)| Bar {
            label: (*name).to_string(),
            value: shown(n as f64, n),
            colour: 0,
        })
        .collect();
    let variant_bars: Vec<Bar> = rows
        .iter()
        .zip(Variant::ALL)
        .map(|(row, variant)| Bar {
            label: Message::dynamic(format!("figures-variant-{}", variant.as_str())).in_lang(lang),
            value: shown(row.held as f64, row.held),
            colour: 0,
        })
        .collect();
    let charts = [
        (
            "report-per-month",
            charts::columns(&text(lang, "report-per-month"), &month_bars, 5.0)?,
        ),
        (
            "report-topics",
            charts::rows(&text(lang, "report-topics"), &topic_bars, None)?,
        ),
        (
            "report-scores",
            charts::rows(&text(lang, "report-scores"), &score_bars, Some(10.0))?,
        ),
        (
            "report-days",
            charts::columns(&text(lang, "report-days"), &day_bars, 5.0)?,
        ),
        (
            "report-variants",
            charts::columns(&text(lang, "report-variants"), &variant_bars, 5.0)?,
        ),
    ];
    for (id, svg) in charts {
        page.push_str(&format!(
            "<section class=\"chart\">\n<h2>{}</h2>\n<figure>\n{svg}</figure>\n</section>\n",
            t(id)
        ));
    }

    // Tables.
    page.push_str(&format!("<section>\n<h2>{}</h2>\n", t("report-by-variant")));
    page.push_str("<div class=\"scroll\"><table>\n<thead><tr><th></th>");
    for variant in Variant::ALL {
        page.push_str(&format!(
            "<th scope=\"col\">{}</th>",
            label(format!("figures-variant-{}", variant.as_str()))
        ));
    }
    page.push_str(&format!(
        "<th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
        t("figures-all")
    ));
    type Cell = Box<dyn Fn(&Row) -> String>;
    let mut lines: Vec<(String, Cell)> = vec![
        (
            t("stats-requests"),
            Box::new(move |r| num.count(r.requests)),
        ),
        (t("stats-held"), Box::new(move |r| num.count(r.held))),
        (
            t("stats-plans"),
            Box::new(move |r| num.share(r.plans, r.held)),
        ),
        (
            t("stats-compulsory"),
            Box::new(move |r| num.share(r.compulsory, r.held)),
        ),
        (
            t("stats-accepted"),
            Box::new(move |r| num.share(r.accepted, r.compulsory)),
        ),
        (
            t("stats-participants-mean"),
            Box::new(move |r| num.mean(r.participants_mean, r.held)),
        ),
        (
            t("figures-attendees-mean"),
            Box::new(move |r| num.mean(r.attendees_mean, r.held)),
        ),
        (
            t("figures-minors"),
            Box::new(move |r| num.share(r.minors, r.minors_known)),
        ),
        (
            t("stats-days-median"),
            Box::new(move |r| num.days(r.days_to_conference_median, r.held)),
        ),
        (
            t("figures-days-shortest"),
            Box::new(move |r| num.days(r.days_to_conference_min.map(|d| d as f64), r.held)),
        ),
        (
            t("stats-followups-on-time"),
            Box::new(move |r| num.share(r.followups_on_time, r.followups_due)),
        ),
        (
            t("figures-hours"),
            Box::new(move |r| num.mean(r.hours_per_conference(), r.held)),
        ),
    ];
    if all.cost_cents.is_some() {
        lines.push((t("figures-cost"), Box::new(move |r| num.cost(r))));
    }
    lines.push((
        t("figures-stopped"),
        Box::new(move |r| num.count(r.stopped)),
    ));
    for (name, cell) in &lines {
        page.push_str(&format!("<tr><th scope=\"row\">{}</th>", name.trim()));
        for row in &rows {
            page.push_str(&format!("<td>{}</td>", escape(&cell(row))));
        }
        page.push_str("</tr>\n");
    }
    page.push_str("</tbody>\n</table></div>\n</section>\n");

    let mut list = |heading: String, columns: &[String], body: Vec<Vec<String>>| {
        let heading = capitalised(&heading);
        page.push_str(&format!(
            "<section>\n<h2>{heading}</h2>\n<div class=\"scroll\"><table>\n<thead><tr><th></th>"
        ));
        for column in columns {
            page.push_str(&format!("<th scope=\"col\">{column}</th>"));
        }
        page.push_str("</tr></thead>\n<tbody>\n");
        for cells in body {
            let mut cells = cells.into_iter();
            let head = cells.next().unwrap_or_default();
            page.push_str(&format!("<tr><th scope=\"row\">{head}</th>"));
            for cell in cells {
                page.push_str(&format!("<td>{}</td>", escape(&cell)));
            }
            page.push_str("</tr>\n");
        }
        page.push_str("</tbody>\n</table></div>\n</section>\n");
    };
    let number = t("report-number");
    let share = t("report-share");
    let mut requesters: Vec<Vec<String>> = REQUESTERS
        .iter()
        .zip(all.requesters)
        .map(|((_, name), n)| vec![label(format!("figures-requester-{name}")), num.count(n)])
        .collect();
    requesters.push(vec![
        t("figures-not-recorded"),
        num.count(all.requesters[REQUESTERS.len()]),
    ]);
    list(
        t("figures-requesters"),
        std::slice::from_ref(&number),
        requesters,
    );
    let topics = TOPICS
        .iter()
        .zip(all.topics)
        .map(|((_, name), n)| {
            vec![
                label(format!("figures-topic-{name}")),
                num.count(n),
                num.share(n, all.held),
            ]
        })
        .collect();
    list(t("report-topics"), &[number.clone(), share], topics);
    let scores = GROUPS
        .iter()
        .zip(&all.scores)
        .map(|((_, group), s)| {
            let mut cells = vec![label(format!("figures-group-{group}"))];
            cells.extend(s.iter().map(|&s| num.scores(s)));
            cells
        })
        .collect();
    let dimensions: Vec<String> = DIMENSIONS
        .iter()
        .map(|d| label(format!("figures-score-{d}")))
        .collect();
    list(t("report-scores-table"), &dimensions, scores);
    let mut stopped: Vec<Vec<String>> = STOPPED
        .iter()
        .zip(all.stopped_reasons)
        .map(|((_, name), n)| vec![label(format!("figures-stopped-{name}")), num.count(n)])
        .collect();
    stopped.push(vec![
        t("figures-not-recorded"),
        num.count(all.stopped_reasons[STOPPED.len()]),
    ]);
    list(t("figures-stopped"), &[number], stopped);

    page.push_str(&format!(
        "<footer><p>{}</p></footer>\n</main>\n</body>\n</html>\n",
        t("report-footer")
    ));
    Ok(page)
}

/// Readable from 320 px up, and on A4.
const STYLE: &str = "\
:root { color: #222; background: #fff; font-family: system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif; line-height: 1.45; }
body { margin: 0; }
main { max-width: 56rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
h1 { font-size: 1.8rem; margin: 0.5rem 0 0.25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 0.75rem; border-bottom: 2px solid #1f5a96; padding-bottom: 0.2rem; }
.org { font-size: 1.1rem; margin: 0; }
.note { font-size: 0.9rem; color: #555; }
.key { display: grid; grid-template-columns: repeat(auto-fill, minmax(10.5rem, 1fr)); gap: 0.6rem; margin: 0; }
.key div { border: 1px solid #ccd; border-radius: 6px; padding: 0.5rem 0.7rem; display: flex; flex-direction: column-reverse; justify-content: flex-end; }
.key dt { font-size: 0.85rem; color: #444; }
.key dd { margin: 0; font-size: 1.5rem; font-weight: 600; color: #1f5a96; }
figure { margin: 0; }
figure svg { display: block; width: 100%; max-width: 42rem; height: auto; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
th, td { padding: 0.3rem 0.5rem; border-bottom: 1px solid #ddd; }
thead th { text-align: right; border-bottom: 2px solid #999; }
tbody th { text-align: left; font-weight: normal; }
td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
footer { margin-top: 2.5rem; font-size: 0.85rem; color: #555; }
@media print {
  @page { size: A4; margin: 15mm; }
  :root { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  section.chart, table, .key div, tr { break-inside: avoid; }
  .scroll { overflow: visible; }
  figure svg { max-height: 120mm; }
}
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_numbers_are_withheld() {
        let num = Numbers(Lang::Nl);
        assert_eq!(num.count(0), "< 5");
        assert_eq!(num.count(4), "< 5");
        assert_eq!(num.count(5), "5");
        assert_eq!(num.share(5, 10), "50%");
        assert_eq!(num.share(4, 10), "< 5", "a part of four");
        assert_eq!(num.share(4, 4), "< 5", "a whole of four");
        assert_eq!(num.mean(Some(7.25), 4), "< 5");
        assert_eq!(num.mean(Some(7.26), 5), "7,3");
        assert_eq!(num.mean(Some(32.0), 6), "32");
        assert_eq!(Numbers(Lang::En).mean(Some(7.26), 5), "7.3");
        assert_eq!(num.days(Some(32.0), 5), "32");
        assert_eq!(num.days(Some(8.0), 5), "8");
        assert_eq!(num.days(Some(32.5), 5), "32,5");
        assert_eq!(num.days(Some(8.0), 4), "< 5");
        let few = Scores {
            sum: 36,
            count: 4,
            cases: 4,
        };
        assert_eq!(num.scores(few), "< 5");
        let enough = Scores {
            sum: 41,
            count: 5,
            cases: 5,
        };
        let one_case = Scores {
            sum: 41,
            count: 5,
            cases: 1,
        };
        assert_eq!(num.scores(one_case), "< 5", "five scores from one family");
        assert_eq!(num.scores(enough), "8,2 (5)");
    }

    #[test]
    fn html_is_escaped() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn day_bins_cover_every_number() {
        for days in [-3, 0, 14, 15, 84, 85, i64::MAX] {
            assert!(DAY_BINS.iter().any(|(upto, _)| days <= *upto), "{days}");
        }
    }
}
