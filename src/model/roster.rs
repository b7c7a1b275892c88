//! The coordinator roster: one TOML file per coordinator under
//! `coordinators/`, for the regional manager who matches a coordinator to a
//! request (`kring match`) and follows everyone's load (`kring status --by
//! coordinator`, `kring agenda`).

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate, Weekday};
use schemars::JsonSchema;
use serde::Deserialize;

use crate::diagnostic::{Diagnostic, LineIndex};
use crate::model::{Case, Date, Spanned, Variant, is_valid_id};
use crate::repo::{MAX_FILE_SIZE, Repo};

/// One coordinator, as read from `coordinators/<id>.toml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Coordinator {
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

impl Coordinator {
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

/// The roster as loaded, with the problems found on the way.
#[derive(Debug, Default)]
pub struct Roster {
    pub coordinators: Vec<Coordinator>,
    /// Files of the roster, relative to the root, by id.
    pub files: BTreeMap<String, String>,
    /// K601 and K602 diagnostics.
    pub diagnostics: Vec<Diagnostic>,
}

impl Roster {
    /// Reads every `*.toml` below the repository's `coordinators/` folder
    /// (hidden entries skipped, links not followed). No folder, no roster.
    pub fn load(repo: &Repo) -> Roster {
        let folder = repo.root.join("coordinators");
        let mut roster = Roster::default();
        if !folder.is_dir() {
            return roster;
        }
        let mut paths: Vec<PathBuf> = walkdir::WalkDir::new(&folder)
            .follow_links(false)
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
            .filter_map(Result::ok)
            .filter(|e| {
                e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "toml")
            })
            .map(|e| e.into_path())
            .collect();
        paths.sort();
        for path in paths {
            let rel = repo
                .relative(&path)
                .unwrap_or_else(|| path.display().to_string());
            roster.read_file(&path, &rel);
        }
        roster
    }

    fn read_file(&mut self, path: &Path, rel: &str) {
        let too_large = std::fs::metadata(path).is_ok_and(|m| m.len() > MAX_FILE_SIZE);
        let text = match std::fs::read(path).map(String::from_utf8) {
            _ if too_large => {
                self.problem(
                    "K601",
                    rel,
                    "",
                    None,
                    "the file is larger than 1 MiB".into(),
                );
                return;
            }
            Ok(Ok(text)) => text,
            Ok(Err(_)) => {
                self.problem("K601", rel, "", None, "the file is not UTF-8".into());
                return;
            }
            Err(e) => {
                self.problem("K601", rel, "", None, format!("cannot read the file: {e}"));
                return;
            }
        };
        let coordinator: Coordinator = match toml::from_str(&text) {
            Ok(c) => c,
            Err(e) => {
                let message = e.message().trim_end().to_string();
                self.problem("K601", rel, &text, e.span(), message);
                return;
            }
        };
        let id = coordinator.id().to_string();
        if !is_valid_id(&id) {
            let message = format!("coordinator id `{id}` must match ^[a-z0-9][a-z0-9-]{{0,62}}$");
            self.problem("K602", rel, &text, Some(coordinator.id.span()), message);
            return;
        }
        if let Some(other) = self.files.get(&id) {
            let message = format!("coordinator id `{id}` is also used by {other}");
            self.problem("K602", rel, &text, Some(coordinator.id.span()), message);
            return;
        }
        self.files.insert(id, rel.to_string());
        self.coordinators.push(coordinator);
    }

    fn problem(
        &mut self,
        code: &'static str,
        rel: &str,
        text: &str,
        span: Option<Range<usize>>,
        message: String,
    ) {
        let lines = LineIndex::new(text);
        self.diagnostics.push(crate::check::diagnostic(
            code, rel, &lines, span, None, message, None,
        ));
    }

    pub fn get(&self, id: &str) -> Option<&Coordinator> {
        self.coordinators.iter().find(|c| c.id() == id)
    }

    /// The roster entry a case's coordinator refers to: by `coordinator.id`,
    /// else by exact name.
    pub fn of_case(&self, case: &Case) -> Option<&Coordinator> {
        let assigned = case.coordinator.as_ref()?.get_ref();
        match &assigned.id {
            Some(id) => self.get(id.get_ref()),
            None => self
                .coordinators
                .iter()
                .find(|c| c.name.trim() == assigned.name.get_ref().trim()),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.coordinators.is_empty() && self.diagnostics.is_empty()
    }
}
