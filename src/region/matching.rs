//! Matching coordinators to a case (`kring match`): hard conditions first,
//! then a score whose every point has a reason a regional manager can read.
//!
//! Conditions: no tie with an organisation that takes part or asked for the
//! conference (independence); the training the variant needs; available on
//! the conference date, if there is one. Score: +3 for each language the
//! family wishes that the coordinator speaks; −3 for each language of the
//! participants they do not speak; +2 for each of the family's wishes on
//! gender, background and religion that fits; −1 for each open case they
//! have; −5 for each of their conferences on the same day.

use serde::Serialize;

use crate::messages::Lang;
use crate::model::roster::{Roster, RosterEntry};
use crate::model::{Case, is_blank};
use crate::msg;

/// One coordinator's place in the ranking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Candidate {
    pub id: String,
    pub name: String,
    pub score: i32,
    /// Why, one line per point scored or lost.
    pub reasons: Vec<String>,
    /// Open cases they coordinate now.
    pub open_cases: usize,
}

/// A coordinator who does not meet a condition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Excluded {
    pub id: String,
    pub name: String,
    pub reasons: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ranking {
    pub case: String,
    /// Best first: by score, then fewer open cases, then id.
    pub candidates: Vec<Candidate>,
    pub excluded: Vec<Excluded>,
}

/// Ranks the roster for `case`. `cases` are all cases of the repository
/// (for each coordinator's load and conference days); `default_language`
/// is the repository's document language.
pub fn rank(
    case: &Case,
    roster: &Roster,
    cases: &[&Case],
    default_language: &str,
    lang: Lang,
) -> Ranking {
    let say = |m: crate::messages::Message| m.in_lang(lang);
    let mut candidates = Vec::new();
    let mut excluded = Vec::new();
    let organisations = organisations(case);
    let needed = participant_languages(case, default_language);
    let wishes = case.request.get_ref().wishes.clone().unwrap_or_default();
    // Each other case with its coordinator's roster id, looked up once.
    let others: Vec<(&str, &Case)> = cases
        .iter()
        .filter(|c| c.id() != case.id())
        .filter_map(|c| Some((roster.of_case(c)?.id(), *c)))
        .collect();

    for coordinator in &roster.coordinators {
        let mut out = Vec::new();
        if let Some(tie) = coordinator.tie_with(organisations.iter().map(String::as_str)) {
            out.push(say(msg!("match-tied", organisation = tie)));
        }
        if !coordinator.trained_for(case.variant()) {
            out.push(say(msg!(
                "match-not-trained",
                variant = case.variant().as_str()
            )));
        }
        if let Some(date) = case.conference_date()
            && !coordinator.available_on(date)
        {
            out.push(say(msg!("match-not-available", date = date.to_string())));
        }
        if !out.is_empty() {
            excluded.push(Excluded {
                id: coordinator.id().to_string(),
                name: coordinator.name.clone(),
                reasons: out,
            });
            continue;
        }
        candidates.push(score(coordinator, case, &others, &needed, &wishes, lang));
    }
    candidates.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then(a.open_cases.cmp(&b.open_cases))
            .then(a.id.cmp(&b.id))
    });
    Ranking {
        case: case.id().to_string(),
        candidates,
        excluded,
    }
}

fn score(
    coordinator: &RosterEntry,
    case: &Case,
    others: &[(&str, &Case)],
    needed: &[String],
    wishes: &crate::model::Wishes,
    lang: Lang,
) -> Candidate {
    let say = |m: crate::messages::Message| m.in_lang(lang);
    let speaks = coordinator.languages();
    let mut score = 0;
    let mut reasons = Vec::new();
    for lang in &wishes.languages {
        if speaks.contains(&lang.as_str()) {
            score += 3;
            reasons.push(say(msg!("match-speaks", language = lang.as_str())));
        }
    }
    for lang in needed {
        if !speaks.contains(&lang.as_str()) {
            score -= 3;
            reasons.push(say(msg!("match-does-not-speak", language = lang.as_str())));
        }
    }
    let fits = |wish: &Option<String>, has: &Option<String>| -> Option<String> {
        let wish = wish.as_deref().filter(|w| !is_blank(Some(w)))?;
        let has = has.as_deref()?;
        let (w, h) = (wish.trim().to_lowercase(), has.trim().to_lowercase());
        (w == h || h.contains(&w) || w.contains(&h)).then(|| wish.trim().to_string())
    };
    for (what, wish, has) in [
        ("gender", &wishes.gender, &coordinator.gender),
        ("background", &wishes.background, &coordinator.background),
        ("religion", &wishes.religion, &coordinator.religion),
    ] {
        if let Some(wish) = fits(wish, has) {
            score += 2;
            reasons.push(say(msg!("match-wish", what = what, wish = wish)));
        }
    }

    let theirs: Vec<&Case> = others
        .iter()
        .filter(|(id, _)| *id == coordinator.id())
        .map(|(_, c)| *c)
        .collect();
    let open = theirs.iter().filter(|c| c.is_open()).count();
    if open > 0 {
        score -= open as i32;
        reasons.push(say(msg!("match-open-cases", open = open)));
    } else {
        reasons.push(say(msg!("match-no-open-cases")));
    }
    if let Some(date) = case.conference_date() {
        let same_day = theirs
            .iter()
            .filter(|c| c.conference_date() == Some(date))
            .count();
        if same_day > 0 {
            score -= 5 * same_day as i32;
            reasons.push(say(msg!(
                "match-same-day",
                points = 5 * same_day,
                date = date.to_string()
            )));
        }
    }
    Candidate {
        id: coordinator.id().to_string(),
        name: coordinator.name.clone(),
        score,
        reasons,
        open_cases: open,
    }
}

/// The organisations that take part in or asked for the conference.
fn organisations(case: &Case) -> Vec<String> {
    let mut list: Vec<String> = case
        .attendees()
        .filter_map(|p| p.organisation.as_ref().map(|o| o.get_ref().clone()))
        .collect();
    if let Some(by) = &case.request.get_ref().by {
        list.push(by.clone());
    }
    list
}

/// The document languages of the participants who take part, each once.
fn participant_languages(case: &Case, default_language: &str) -> Vec<String> {
    let mut langs: Vec<String> = case
        .attendees()
        .map(|p| case.language_of(p, default_language).to_string())
        .collect();
    langs.sort();
    langs.dedup();
    langs
}
