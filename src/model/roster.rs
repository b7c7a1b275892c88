//! The coordinator roster: one TOML file per coordinator under
//! `coordinators/`, for the regional manager who matches a coordinator to a
//! request (`kring match`) and follows everyone's load (`kring status --by
//! coordinator`, `kring agenda`).

use std::collections::BTreeMap;
use std::ops::Range;

use chrono::{Datelike, NaiveDate, Weekday};
use schemars::JsonSchema;
use serde::Deserialize;

use crate::messages::Message;
use crate::model::{Case, Date, Spanned, Variant};

/// One coordinator, as read from `coordinators/<id>.toml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Coordinator")]
pub struct RosterEntry {
    /// Unique in the roster: a-z, 0-9 and -; a case refers to it as `coordinator.id`
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// The coordinator's name
    pub name: String,
    /// Optional: email address
    pub email: Option<String>,
    /// Optional: phone number
    pub phone: Option<String>,
    /// Languages the coordinator speaks (default ["nl"])
    #[serde(default)]
    pub languages: Vec<String>,
    /// Optional: gender, as the coordinator describes it
    pub gender: Option<String>,
    /// Optional: year of birth
    pub born: Option<i32>,
    /// Optional: cultural background, free text
    pub background: Option<String>,
    /// Optional: religion or belief, free text
    pub religion: Option<String>,
    /// Optional: the region the coordinator works in
    pub region: Option<String>,
    /// Parts of the coordinator training done: part1 (all conferences), part2 (restorative and community too)
    #[serde(default)]
    pub training: Vec<Training>,
    /// Optional: the weekdays the coordinator works (default: every day)
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub weekdays: Vec<Day>,
    /// Optional: periods the coordinator is away
    #[serde(default)]
    pub away: Vec<Period>,
    /// Optional: organisations the coordinator must not work with (a tie that breaks independence)
    #[serde(default)]
    pub ties: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Training {
    Part1,
    Part2,
}

impl Training {
    /// The part of the training a conference of this variant needs:
    /// restorative and community conferences ask for the second.
    pub fn needed_for(variant: Variant) -> Training {
        match variant {
            Variant::Restorative | Variant::Community => Training::Part2,
            Variant::Family | Variant::Learning => Training::Part1,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Training::Part1 => "part1",
            Training::Part2 => "part2",
        }
    }
}

/// A weekday by its English name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day(pub Weekday);

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        let day = match name.as_str() {
            "monday" => Weekday::Mon,
            "tuesday" => Weekday::Tue,
            "wednesday" => Weekday::Wed,
            "thursday" => Weekday::Thu,
            "friday" => Weekday::Fri,
            "saturday" => Weekday::Sat,
            "sunday" => Weekday::Sun,
            _ => {
                return Err(serde::de::Error::custom(format!(
                    "unknown weekday `{name}`, expected monday, tuesday, ..., sunday"
                )));
            }
        };
        Ok(Day(day))
    }
}

/// A period away, both dates included.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First day away
    pub from: Date,
    /// Last day away
    pub to: Date,
}

impl RosterEntry {
    pub fn id(&self) -> &str {
        self.id.get_ref()
    }

    /// The languages spoken: `["nl"]` when none are listed.
    pub fn languages(&self) -> Vec<&str> {
        if self.languages.is_empty() {
            vec!["nl"]
        } else {
            self.languages.iter().map(String::as_str).collect()
        }
    }

    /// Whether the training covers conferences of this variant.
    pub fn trained_for(&self, variant: Variant) -> bool {
        self.training.contains(&Training::needed_for(variant))
    }

    /// Whether the coordinator works on `date`: one of their weekdays, and
    /// not away.
    pub fn available_on(&self, date: NaiveDate) -> bool {
        let weekday_ok =
            self.weekdays.is_empty() || self.weekdays.iter().any(|d| d.0 == date.weekday());
        let away = self.away.iter().any(|p| p.from.0 <= date && date <= p.to.0);
        weekday_ok && !away
    }

    /// The tie this coordinator has with one of `organisations`, if any
    /// (compared without case and surrounding blanks).
    pub fn tie_with<'a>(&self, organisations: impl IntoIterator<Item = &'a str>) -> Option<String> {
        let ties: Vec<String> = self.ties.iter().map(|t| t.trim().to_lowercase()).collect();
        organisations
            .into_iter()
            .find(|o| ties.contains(&o.trim().to_lowercase()))
            .map(str::to_string)
    }
}

/// The roster as loaded, with the files that did not load (K601, K602).
#[derive(Debug, Default)]
pub struct Roster {
    pub coordinators: Vec<RosterEntry>,
    /// Files of the roster, relative to the root, by id.
    pub files: BTreeMap<String, String>,
    /// The files that are not part of it, and why.
    pub problems: Vec<RosterProblem>,
}

/// A roster file that could not be taken into the roster.
#[derive(Debug)]
pub struct RosterProblem {
    /// Relative to the repository root.
    pub file: String,
    /// The file's text, when it could be read (to point into).
    pub text: Option<String>,
    pub kind: RosterProblemKind,
}

#[derive(Debug)]
pub enum RosterProblemKind {
    /// Not readable, not UTF-8, too large, not TOML, or the wrong keys (K601).
    Invalid {
        message: Message,
        span: Option<Range<usize>>,
    },
    /// The id does not match the identifier pattern (K602).
    BadId { id: String, span: Range<usize> },
    /// Another file has the same id (K602).
    DuplicateId {
        id: String,
        span: Range<usize>,
        other: String,
    },
}

impl Roster {
    pub fn get(&self, id: &str) -> Option<&RosterEntry> {
        self.coordinators.iter().find(|c| c.id() == id)
    }

    /// The roster entry a case's coordinator refers to: by `coordinator.id`,
    /// else by exact name.
    pub fn of_case(&self, case: &Case) -> Option<&RosterEntry> {
        let assigned = case.coordinator.as_ref()?.get_ref();
        match &assigned.id {
            Some(id) => self.get(id.get_ref()),
            None => self
                .coordinators
                .iter()
                .find(|c| c.name.trim() == assigned.name.get_ref().trim()),
        }
    }

    /// Who coordinates a case, as the regional views group cases: the
    /// roster id and name, else (outside the roster) the name twice.
    pub fn coordinator_of(&self, case: &Case) -> Option<(String, String)> {
        match self.of_case(case) {
            Some(entry) => Some((entry.id().to_string(), entry.name.clone())),
            None => case.coordinator.as_ref().map(|c| {
                let name = c.get_ref().name.get_ref().clone();
                (name.clone(), name)
            }),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.coordinators.is_empty() && self.problems.is_empty()
    }
}
