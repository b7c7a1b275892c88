//! The case file as typed data (DESIGN §3).
//!
//! Every table rejects unknown keys. Values that a rule may point at are kept
//! as [`Spanned`] so that a diagnostic can name the line and column.

mod derived;
mod time;

pub use derived::{Phase, ROLE_PROFESSIONAL_PARTS, add_days};
pub use time::{Date, Time};

use serde::Deserialize;
pub use toml::Spanned;

/// One conference, as read from `cases/**/*.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub id: Spanned<String>,
    pub variant: Spanned<Variant>,
    pub language: Option<Spanned<String>>,
    pub title: Option<String>,
    pub request: Spanned<Request>,
    pub coordinator: Option<Spanned<Coordinator>>,
    pub conference: Option<Spanned<Conference>>,
    #[serde(default, rename = "participant")]
    pub participants: Vec<Spanned<Participant>>,
    pub safety: Option<Spanned<Safety>>,
    pub tasks: Option<Spanned<Tasks>>,
    pub plan: Option<Spanned<Plan>>,
    pub followup: Option<Spanned<Followup>>,
    pub closed: Option<Spanned<Closed>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Variant {
    Family,
    Restorative,
    Community,
    Learning,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Request {
    pub received: Spanned<Date>,
    pub by: Option<String>,
    pub question: Option<Spanned<String>>,
    pub question_agreed: Option<Spanned<Date>>,
    pub consent: Option<Spanned<Date>>,
    pub compulsory: Option<Spanned<bool>>,
    pub acceptor: Option<Spanned<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coordinator {
    pub name: Spanned<String>,
    pub assigned: Spanned<Date>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub languages: Option<Spanned<Vec<String>>>,
    pub organisation: Option<Spanned<String>>,
    pub independent: Spanned<bool>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conference {
    pub date: Option<Spanned<Date>>,
    pub start: Option<Spanned<Time>>,
    pub end: Option<Spanned<Time>>,
    pub location: Option<Spanned<String>>,
    pub address: Option<String>,
    #[serde(default)]
    pub arrangements: Vec<String>,
    #[serde(default, rename = "part")]
    pub parts: Vec<Spanned<Part>>,
}

/// One part of the conference, as listed under `[[conference.part]]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    pub kind: Spanned<PartKind>,
    pub start: Option<Spanned<Time>>,
    pub end: Option<Spanned<Time>>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, serde::Serialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum PartKind {
    Information,
    FamilyTime,
    Plan,
    Conversation,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub role: Spanned<Role>,
    pub relation: Option<String>,
    pub born: Option<Spanned<Date>>,
    pub language: Option<Spanned<String>>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub organisation: Option<Spanned<String>>,
    pub invited_by: Option<Spanned<String>>,
    pub status: Option<Spanned<Status>>,
    pub prepared: Option<Spanned<Date>>,
    pub parts: Option<Spanned<Vec<PartKind>>>,
    #[serde(default)]
    pub needs: Vec<String>,
    #[serde(default)]
    pub hide_contact: bool,
    #[serde(default)]
    pub avoid: Vec<Spanned<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Central,
    Family,
    Friend,
    Network,
    Harmed,
    Responsible,
    Resident,
    Supporter,
    Interpreter,
    Professional,
    School,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    #[default]
    Proposed,
    Invited,
    Confirmed,
    Declined,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Safety {
    pub arrangement: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tasks {
    pub circle: Option<Spanned<Date>>,
    pub practical: Option<Spanned<Date>>,
    pub information: Option<Spanned<Date>>,
    pub registration: Option<Spanned<Date>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub recorded: Spanned<Date>,
    pub sent: Option<Spanned<Date>>,
    pub strengths: Option<Vec<String>>,
    pub goals: Option<Vec<String>>,
    pub contingency: Option<String>,
    pub review: Option<Spanned<Date>>,
    #[serde(default, rename = "agreement")]
    pub agreements: Vec<Spanned<Agreement>>,
    pub acceptance: Option<Spanned<Acceptance>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    pub what: Spanned<String>,
    pub who: Spanned<Vec<Spanned<String>>>,
    pub when: Option<String>,
    pub by: Option<Spanned<Date>>,
    pub checks: Option<Spanned<String>>,
    pub support: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acceptance {
    pub by: Spanned<String>,
    pub date: Option<Spanned<Date>>,
    pub accepted: Spanned<bool>,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Followup {
    pub done: Option<Spanned<Date>>,
    #[serde(default)]
    pub contacted: Vec<Spanned<String>>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Closed {
    pub date: Option<Spanned<Date>>,
    pub reason: Option<ClosingReason>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClosingReason {
    Completed,
    Cancelled,
    Withdrawn,
}

/// Whether `id` is a valid case or participant identifier:
/// `^[a-z0-9][a-z0-9-]{0,62}$`.
///
/// ```
/// use kring::model::is_valid_id;
/// assert!(is_valid_id("2026-014-sam"));
/// assert!(!is_valid_id("Sam de Vries"));
/// ```
pub fn is_valid_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    let alnum = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    match bytes.split_first() {
        Some((first, rest)) => {
            alnum(first) && rest.len() <= 62 && rest.iter().all(|b| alnum(b) || *b == b'-')
        }
        None => false,
    }
}

/// True when a text value is missing or holds only white space.
pub fn is_blank(text: Option<&str>) -> bool {
    text.is_none_or(|t| t.trim().is_empty())
}

impl Variant {
    pub const ALL: [Variant; 4] = [
        Variant::Family,
        Variant::Restorative,
        Variant::Community,
        Variant::Learning,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Variant::Family => "family",
            Variant::Restorative => "restorative",
            Variant::Community => "community",
            Variant::Learning => "learning",
        }
    }
}

impl std::fmt::Display for Variant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PartKind::Information => "information",
            PartKind::FamilyTime => "family-time",
            PartKind::Plan => "plan",
            PartKind::Conversation => "conversation",
        }
    }
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Central => "central",
            Role::Family => "family",
            Role::Friend => "friend",
            Role::Network => "network",
            Role::Harmed => "harmed",
            Role::Responsible => "responsible",
            Role::Resident => "resident",
            Role::Supporter => "supporter",
            Role::Interpreter => "interpreter",
            Role::Professional => "professional",
            Role::School => "school",
        }
    }

    /// Professionals and school staff inform and accept; they are not the circle.
    pub fn is_professional(self) -> bool {
        matches!(self, Role::Professional | Role::School)
    }
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Proposed => "proposed",
            Status::Invited => "invited",
            Status::Confirmed => "confirmed",
            Status::Declined => "declined",
        }
    }
}

/// Whether a name is a neutral label left by anonymising a closed case
/// ("deelnemer 3", "participant 3, familie") rather than a person's name.
pub fn is_anonymised_label(name: &str) -> bool {
    let name = name.trim().to_lowercase();
    let Some(rest) = ["deelnemer ", "participant "]
        .iter()
        .find_map(|label| name.strip_prefix(label))
    else {
        return false;
    };
    let number = rest.split(',').next().unwrap_or("");
    !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anonymised_labels() {
        assert!(is_anonymised_label("deelnemer 3"));
        assert!(is_anonymised_label("Participant 12, family"));
        assert!(!is_anonymised_label("Deelnemer Jansen"));
        assert!(!is_anonymised_label("Sam de Vries"));
    }

    #[test]
    fn identifiers() {
        for ok in ["a", "0", "2026-014-sam", "oma-ria", &"a".repeat(63)] {
            assert!(is_valid_id(ok), "{ok}");
        }
        for bad in ["", "-a", "A", "sam_x", "zoë", "a b", &"a".repeat(64)] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn blank_text() {
        assert!(is_blank(None));
        assert!(is_blank(Some(" \t\n")));
        assert!(!is_blank(Some(" x ")));
    }
}
