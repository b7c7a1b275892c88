//! The case file as typed data (DESIGN §3).
//!
//! Every table rejects unknown keys. Values that a rule may point at are kept
//! as [`Spanned`] so that a diagnostic can name the line and column.

pub mod checklist;
mod derived;
pub mod roster;
pub mod schema;
mod settings;
mod time;

pub use derived::{Delivery, Phase, add_days};
#[allow(unused_imports)] // used by `kring send` and `kring declare`, which are being built
pub use settings::{Funder, Rates, Security, SendSettings, Settings, Transport};
pub use time::{DATE_WITHOUT_QUOTES, Date, NOT_A_DATE, Time, loose_date};

use schemars::JsonSchema;
use serde::Deserialize;
pub use toml::Spanned;

/// One conference, as read from `cases/**/*.toml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Unique in the repository: a-z, 0-9 and -
    #[schemars(with = "String")]
    #[schemars(pattern(r"^[a-z0-9][a-z0-9-]{0,62}$"))]
    pub id: Spanned<String>,
    /// family | restorative | community | learning
    #[schemars(with = "Variant")]
    pub variant: Spanned<Variant>,
    /// Optional: the id of an earlier case this conference continues
    #[schemars(with = "Option<String>")]
    pub follows: Option<Spanned<String>>,
    /// Optional: the documents' default language (else kring.toml's)
    #[schemars(with = "Option<String>")]
    pub language: Option<Spanned<String>>,
    /// Optional: shown on the documents
    pub title: Option<String>,
    /// The request for a conference
    #[schemars(with = "Request")]
    pub request: Spanned<Request>,
    /// Once a coordinator is assigned
    #[schemars(with = "Option<CaseCoordinator>")]
    pub coordinator: Option<Spanned<CaseCoordinator>>,
    /// Once the conference is planned
    #[schemars(with = "Option<Conference>")]
    pub conference: Option<Spanned<Conference>>,
    /// One per person invited or proposed
    #[serde(default, rename = "participant")]
    #[schemars(with = "Vec<Participant>")]
    pub participants: Vec<Spanned<Participant>>,
    /// Optional: how people who must not meet are kept apart
    #[schemars(with = "Option<Safety>")]
    pub safety: Option<Spanned<Safety>>,
    /// Dates of tasks the file cannot show otherwise
    #[schemars(with = "Option<Tasks>")]
    pub tasks: Option<Spanned<Tasks>>,
    /// At or after the conference: the circle's plan
    #[schemars(with = "Option<Plan>")]
    pub plan: Option<Spanned<Plan>>,
    /// The check four weeks after the conference
    #[schemars(with = "Option<Followup>")]
    pub followup: Option<Spanned<Followup>>,
    /// When the case ends
    #[schemars(with = "Option<Closed>")]
    pub closed: Option<Spanned<Closed>>,
    /// Optional, per document language ("en", ...): the case's own text in that language
    #[serde(default)]
    #[schemars(with = "std::collections::BTreeMap<String, Translation>")]
    pub translations: std::collections::BTreeMap<String, Spanned<Translation>>,
    /// Optional: the coordinator's hours on the case
    #[serde(default, rename = "time")]
    #[schemars(with = "Vec<TimeEntry>")]
    pub time: Vec<Spanned<TimeEntry>>,
    /// Optional: expenses made for the case
    #[serde(default, rename = "expense")]
    #[schemars(with = "Vec<Expense>")]
    pub expenses: Vec<Spanned<Expense>>,
    /// Optional: scores given after the conference
    #[serde(default, rename = "evaluation")]
    #[schemars(with = "Vec<Evaluation>")]
    pub evaluations: Vec<Spanned<Evaluation>>,
    /// Written by `kring send` and `kring letters --record`: what was sent to whom
    #[serde(default)]
    #[schemars(with = "Vec<Sent>")]
    pub sent: Vec<Spanned<Sent>>,
}

/// `[translations.<lang>]`: the case's own words in another document
/// language. A key left out falls back to the case's own text.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    /// Optional: the title in this language
    pub title: Option<String>,
    /// Optional: the question in this language
    pub question: Option<String>,
    /// Optional: the practical arrangements in this language
    pub arrangements: Option<Vec<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Variant {
    Family,
    Restorative,
    Community,
    Learning,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Request {
    /// The date the request came in
    #[schemars(with = "Date")]
    pub received: Spanned<Date>,
    /// Optional: who asked (a participant id, or free text)
    pub by: Option<String>,
    /// The question the circle makes a plan for; needed before anyone is invited
    #[schemars(with = "Option<String>")]
    pub question: Option<Spanned<String>>,
    /// Optional: the date the question was agreed with the requester(s)
    #[schemars(with = "Option<Date>")]
    pub question_agreed: Option<Spanned<Date>>,
    /// The date the person(s) concerned agreed to a conference (it is voluntary)
    #[schemars(with = "Option<Date>")]
    pub consent: Option<Spanned<Date>>,
    /// Optional: help is compulsory (child protection, probation)
    #[schemars(with = "Option<bool>")]
    pub compulsory: Option<Spanned<bool>>,
    /// When compulsory: id of the professional participant who accepts the plan
    #[schemars(with = "Option<String>")]
    pub acceptor: Option<Spanned<String>>,
    /// Optional: what the family wishes of a coordinator, in their words
    pub wishes: Option<Wishes>,
    /// Optional: who asked for the conference: person | family | school | professional | other
    #[schemars(with = "Option<Requester>")]
    pub requester: Option<Spanned<Requester>>,
    /// Optional: what the conference is about, one or more of: elderly | parenting | divorce | domestic-violence | child-protection | disability | harm | homelessness | illness | mental-health | addiction | eviction | debt | work | school | neighbourhood | conflict | other
    #[serde(default)]
    #[schemars(with = "Vec<Topic>")]
    pub topics: Vec<Spanned<Topic>>,
    /// Optional: who pays: a key of kring.toml `[funders]`, or free text without it
    #[schemars(with = "Option<String>")]
    pub funder: Option<Spanned<String>>,
    /// Optional: minors are involved (default: derived from the participants' `born`)
    pub minors: Option<bool>,
}

/// What the family wishes of the coordinator (for `kring match`).
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Wishes {
    /// Optional: languages the coordinator should speak
    #[serde(default)]
    pub languages: Vec<String>,
    /// Optional: the coordinator's gender, as the family wishes it
    pub gender: Option<String>,
    /// Optional: cultural background
    pub background: Option<String>,
    /// Optional: religion or belief
    pub religion: Option<String>,
    /// Optional: anything else, free text
    pub notes: Option<String>,
}

/// The case's `[coordinator]` table: who was assigned (the roster's own
/// entry is a [`roster::RosterEntry`]).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Coordinator")]
pub struct CaseCoordinator {
    /// Optional: the coordinator's id in the roster (coordinators/)
    #[schemars(with = "Option<String>")]
    pub id: Option<Spanned<String>>,
    /// The coordinator's name
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// The date the coordinator was assigned
    #[schemars(with = "Date")]
    pub assigned: Spanned<Date>,
    /// Optional: the coordinator's email address
    pub email: Option<String>,
    /// Optional: the coordinator's phone number
    pub phone: Option<String>,
    /// Optional: languages the coordinator speaks (default ["nl"])
    #[schemars(with = "Option<Vec<String>>")]
    pub languages: Option<Spanned<Vec<String>>>,
    /// Optional: the coordinator's own organisation
    #[schemars(with = "Option<String>")]
    pub organisation: Option<Spanned<String>>,
    /// The coordinator declares no tie to any deciding or helping agency
    #[schemars(with = "bool")]
    pub independent: Spanned<bool>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Conference {
    /// The date of the conference
    #[schemars(with = "Option<Date>")]
    pub date: Option<Spanned<Date>>,
    /// When the conference starts
    #[schemars(with = "Option<Time>")]
    pub start: Option<Spanned<Time>>,
    /// When the conference ends
    #[schemars(with = "Option<Time>")]
    pub end: Option<Spanned<Time>>,
    /// The place, e.g. "Buurthuis De Kern, zaal 2"
    #[schemars(with = "Option<String>")]
    pub location: Option<Spanned<String>>,
    /// Optional: street, postcode and town
    pub address: Option<String>,
    /// Optional: food, drink, childcare, ...
    #[serde(default)]
    pub arrangements: Vec<String>,
    /// Optional: invitations ask for an answer before this date
    #[schemars(with = "Option<Date>")]
    pub reply_by: Option<Spanned<Date>>,
    /// Optional: the parts, with times (default: by variant)
    #[serde(default, rename = "part")]
    #[schemars(with = "Vec<Part>")]
    pub parts: Vec<Spanned<Part>>,
}

/// One part of the conference, as listed under `[[conference.part]]`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// information | family-time | plan | conversation
    #[schemars(with = "PartKind")]
    pub kind: Spanned<PartKind>,
    /// Optional: when this part starts, within the conference, in order
    #[schemars(with = "Option<Time>")]
    pub start: Option<Spanned<Time>>,
    /// Optional: when this part ends
    #[schemars(with = "Option<Time>")]
    pub end: Option<Spanned<Time>>,
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Deserialize,
    serde::Serialize,
    JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum PartKind {
    Information,
    FamilyTime,
    Plan,
    Conversation,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    /// Unique in the case: a-z, 0-9 and -
    #[schemars(with = "String")]
    #[schemars(pattern(r"^[a-z0-9][a-z0-9-]{0,62}$"))]
    pub id: Spanned<String>,
    /// The person's full name
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// Optional: the name the person goes by; greetings and running text use it (default: the first word of `name`)
    #[schemars(with = "Option<String>")]
    pub known_as: Option<Spanned<String>>,
    /// Optional: addressed with "u" (true) or "je" (false); default true for professional, school and interpreter
    pub formal: Option<bool>,
    /// Optional: the greeting of a formal letter, e.g. "mevrouw Bakker"
    #[schemars(with = "Option<String>")]
    pub salutation: Option<Spanned<String>>,
    /// central | family | friend | network | harmed | responsible | resident | supporter | interpreter | professional | school
    #[schemars(with = "Role")]
    pub role: Spanned<Role>,
    /// Optional: relation to the central person
    pub relation: Option<String>,
    /// Optional: date of birth (needed for the learning age check)
    #[schemars(with = "Option<Date>")]
    pub born: Option<Spanned<Date>>,
    /// Optional: this person's documents' language (else the case's)
    #[schemars(with = "Option<String>")]
    pub language: Option<Spanned<String>>,
    /// Optional: email address
    #[schemars(with = "Option<String>")]
    pub email: Option<Spanned<String>>,
    /// Optional: phone number
    pub phone: Option<String>,
    /// Optional: postal address
    pub address: Option<String>,
    /// Optional: the organisation a professional works for
    #[schemars(with = "Option<String>")]
    pub organisation: Option<Spanned<String>>,
    /// Optional: participant id of whoever proposed this person
    #[schemars(with = "Option<String>")]
    pub invited_by: Option<Spanned<String>>,
    /// proposed (default) | invited | confirmed | declined
    #[schemars(with = "Option<Status>")]
    pub status: Option<Spanned<Status>>,
    /// Optional: the date the coordinator prepared this person
    #[schemars(with = "Option<Date>")]
    pub prepared: Option<Spanned<Date>>,
    /// Optional: the parts this person attends (else the role's default)
    #[schemars(with = "Option<Vec<PartKind>>")]
    pub parts: Option<Spanned<Vec<PartKind>>>,
    /// Optional: what this person needs to take part (wheelchair, childcare, ...)
    #[serde(default)]
    pub needs: Vec<String>,
    /// Optional: never show this person's contact details to others
    #[serde(default)]
    pub hide_contact: bool,
    /// Optional: ids of people this person must not meet
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub avoid: Vec<Spanned<String>>,
    /// Optional, after the conference: whether this person came (the plan lists those who came)
    pub attended: Option<bool>,
    /// Optional: send this person's documents by post, even if an email is known
    #[serde(default)]
    pub post: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, serde::Serialize, JsonSchema)]
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

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize, serde::Serialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    #[default]
    Proposed,
    Invited,
    Confirmed,
    Declined,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Safety {
    /// How people who must not meet (`avoid`) are kept apart
    pub arrangement: Option<String>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tasks {
    /// Everyone was asked who else can help
    #[schemars(with = "Option<Date>")]
    pub circle: Option<Spanned<Date>>,
    /// Place, food and drink, childcare arranged
    #[schemars(with = "Option<Date>")]
    pub practical: Option<Spanned<Date>>,
    /// The professionals' information is ready for part 1
    #[schemars(with = "Option<Date>")]
    pub information: Option<Spanned<Date>>,
    /// The conference is registered
    #[schemars(with = "Option<Date>")]
    pub registration: Option<Spanned<Date>>,
    /// Learning: the pupil and the mentor made their work plan from the results
    #[schemars(with = "Option<Date>")]
    pub workplan: Option<Spanned<Date>>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The date the plan was written down
    #[schemars(with = "Date")]
    pub recorded: Spanned<Date>,
    /// The date it was sent to all participants
    #[schemars(with = "Option<Date>")]
    pub sent: Option<Spanned<Date>>,
    /// Learning: what the pupil is good at
    pub strengths: Option<Vec<String>>,
    /// Learning: what the pupil wants to learn
    pub goals: Option<Vec<String>>,
    /// What the circle does if things go differently
    pub contingency: Option<String>,
    /// When the circle itself looks back on the plan
    #[schemars(with = "Option<Date>")]
    pub review: Option<Spanned<Date>>,
    /// One per agreement
    #[serde(default, rename = "agreement")]
    #[schemars(with = "Vec<Agreement>")]
    pub agreements: Vec<Spanned<Agreement>>,
    /// When help is compulsory: the acceptor accepts the plan or not
    #[schemars(with = "Option<Acceptance>")]
    pub acceptance: Option<Spanned<Acceptance>>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    /// What is agreed
    #[schemars(with = "String")]
    pub what: Spanned<String>,
    /// Participant ids of who does it
    #[schemars(with = "Vec<String>")]
    pub who: Spanned<Vec<Spanned<String>>>,
    /// Optional free text, e.g. "elke dinsdag"
    pub when: Option<String>,
    /// Optional deadline
    #[schemars(with = "Option<Date>")]
    pub by: Option<Spanned<Date>>,
    /// Optional: participant id of who keeps an eye on it
    #[schemars(with = "Option<String>")]
    pub checks: Option<Spanned<String>>,
    /// Optional: professional support this agreement asks for
    pub support: Option<String>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Acceptance {
    /// The acceptor's participant id
    #[schemars(with = "String")]
    pub by: Spanned<String>,
    /// The date of the decision
    #[schemars(with = "Option<Date>")]
    pub date: Option<Spanned<Date>>,
    /// Whether the plan is accepted
    #[schemars(with = "bool")]
    pub accepted: Spanned<bool>,
    /// Needed when accepted = false
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Followup {
    /// The date of the follow-up
    #[schemars(with = "Option<Date>")]
    pub done: Option<Spanned<Date>>,
    /// Participant ids of who was asked how the plan goes
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub contacted: Vec<Spanned<String>>,
    /// Optional: what they said
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Closed {
    /// The date the case closed
    #[schemars(with = "Option<Date>")]
    pub date: Option<Spanned<Date>>,
    /// completed | cancelled | withdrawn
    pub reason: Option<ClosingReason>,
    /// Optional, when closed without a conference: plan-already-made | situation-changed | network-too-small | not-voluntary | other
    #[schemars(with = "Option<Stopped>")]
    pub stopped: Option<Spanned<Stopped>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ClosingReason {
    Completed,
    Cancelled,
    Withdrawn,
}

/// Who asked for the conference (`request.requester`).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Deserialize,
    serde::Serialize,
    JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Requester {
    Person,
    Family,
    School,
    Professional,
    Other,
}

/// What a conference is about (`request.topics`, DESIGN §9.3).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Deserialize,
    serde::Serialize,
    JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Topic {
    Elderly,
    Parenting,
    Divorce,
    DomesticViolence,
    ChildProtection,
    Disability,
    Harm,
    Homelessness,
    Illness,
    MentalHealth,
    Addiction,
    Eviction,
    Debt,
    Work,
    School,
    Neighbourhood,
    Conflict,
    Other,
}

/// Why preparation stopped without a conference (`closed.stopped`).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Deserialize,
    serde::Serialize,
    JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Stopped {
    PlanAlreadyMade,
    SituationChanged,
    NetworkTooSmall,
    NotVoluntary,
    Other,
}

/// One `[[time]]` entry: the coordinator's hours on the case.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TimeEntry {
    /// The day the work was done
    #[schemars(with = "Date")]
    pub date: Spanned<Date>,
    /// Hours, e.g. 1.5 (above 0, at most 24)
    #[schemars(with = "f64")]
    pub hours: Spanned<f64>,
    /// intake | preparation | conference | follow-up | travel | other
    #[schemars(with = "Activity")]
    pub activity: Spanned<Activity>,
    /// Optional: what was done (never exported)
    pub note: Option<String>,
}

/// What the coordinator's hours were spent on.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Deserialize,
    serde::Serialize,
    JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Activity {
    Intake,
    Preparation,
    Conference,
    FollowUp,
    Travel,
    Other,
}

/// One `[[expense]]` entry.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Expense {
    /// The day of the expense
    #[schemars(with = "Date")]
    pub date: Spanned<Date>,
    /// travel | venue | food | childcare | interpreter | other
    #[schemars(with = "ExpenseKind")]
    pub kind: Spanned<ExpenseKind>,
    /// Euros, e.g. 42.50; for travel it may be left out when `km` is given
    #[schemars(with = "Option<f64>")]
    pub amount: Option<Spanned<f64>>,
    /// Optional, for travel: kilometres driven
    #[schemars(with = "Option<f64>")]
    pub km: Option<Spanned<f64>>,
    /// Optional: what it was for (never exported)
    pub note: Option<String>,
}

/// The kind of an expense.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Deserialize,
    serde::Serialize,
    JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum ExpenseKind {
    Travel,
    Venue,
    Food,
    Childcare,
    Interpreter,
    Other,
}

/// One `[[evaluation]]`: scores from 1 to 10 given after the conference.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    /// central-minor | central-adult | network | professional
    #[schemars(with = "EvaluationGroup")]
    pub group: Spanned<EvaluationGroup>,
    /// Optional: the score for the meeting (1 to 10)
    #[schemars(with = "Option<i64>")]
    pub meeting: Option<Spanned<i64>>,
    /// Optional: the score for the plan (1 to 10)
    #[schemars(with = "Option<i64>")]
    pub plan: Option<Spanned<i64>>,
    /// Optional: the score for the coordinator (1 to 10)
    #[schemars(with = "Option<i64>")]
    pub coordinator: Option<Spanned<i64>>,
}

/// Who gave an evaluation.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Deserialize,
    serde::Serialize,
    JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum EvaluationGroup {
    CentralMinor,
    CentralAdult,
    Network,
    Professional,
}

/// One `[[sent]]` record entry (DESIGN §9.2): a document handed over for
/// delivery to one participant.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sent {
    /// The participant's id
    #[schemars(with = "String")]
    pub to: Spanned<String>,
    /// invitation | update | reminder | plan | cancellation
    #[schemars(with = "SentWhat")]
    pub what: Spanned<SentWhat>,
    /// email | post
    #[schemars(with = "Via")]
    pub via: Spanned<Via>,
    /// The day it was sent
    #[schemars(with = "Date")]
    pub date: Spanned<Date>,
    /// A hash of the document sent
    pub version: String,
    /// pending | sent | failed
    #[schemars(with = "SentState")]
    pub state: Spanned<SentState>,
    /// Optional: the server's answer when it failed
    pub answer: Option<String>,
}

/// What kind of message a `[[sent]]` entry records.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Deserialize,
    serde::Serialize,
    JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum SentWhat {
    Invitation,
    Update,
    Reminder,
    Plan,
    Cancellation,
}

/// How a document went out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Via {
    Email,
    Post,
}

/// Where a sent message stands: `pending` before it is handed over, then
/// `sent` or `failed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SentState {
    Pending,
    Sent,
    Failed,
}

/// Whether `id` is a valid case or participant identifier:
/// `^[a-z0-9][a-z0-9-]{0,62}$`.
///
/// ```
/// use kring::is_valid_id;
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

/// The name `kring new` writes for each participant it starts a case with.
pub const PLACEHOLDER_NAME: &str = "TODO: full name";

/// The value `kring new` shows for free text in its commented examples.
pub const PLACEHOLDER: &str = "...";

/// Whether a value still holds a placeholder that `kring new` wrote (K006):
/// `...`, or text starting with `TODO`.
pub fn is_placeholder(text: &str) -> bool {
    let text = text.trim();
    text == PLACEHOLDER || text.starts_with("TODO")
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

impl std::str::FromStr for Variant {
    type Err = String;

    /// A variant by its name, as case files spell it.
    fn from_str(name: &str) -> Result<Variant, String> {
        Variant::ALL
            .into_iter()
            .find(|v| v.as_str() == name)
            .ok_or_else(|| format!("unknown variant `{name}`"))
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
    /// Every role, in the order of DESIGN §3's table.
    pub const ALL: [Role; 11] = [
        Role::Central,
        Role::Family,
        Role::Friend,
        Role::Network,
        Role::Harmed,
        Role::Responsible,
        Role::Resident,
        Role::Supporter,
        Role::Interpreter,
        Role::Professional,
        Role::School,
    ];

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

/// The words `kring anonymise` writes in place of names.
pub struct Labels {
    /// "deelnemer 3, familie"
    pub participant: &'static str,
    /// The coordinator's name, as a whole.
    pub coordinator: &'static str,
}

pub const DUTCH_LABELS: Labels = Labels {
    participant: "deelnemer",
    coordinator: "coördinator",
};

pub const ENGLISH_LABELS: Labels = Labels {
    participant: "participant",
    coordinator: "coordinator",
};

const LABELS: [&Labels; 2] = [&DUTCH_LABELS, &ENGLISH_LABELS];

/// Whether a name is a neutral label left by anonymising a closed case
/// ("deelnemer 3", "participant 3, familie") rather than a person's name.
pub fn is_anonymised_label(name: &str) -> bool {
    let name = name.trim().to_lowercase();
    let Some(rest) = LABELS
        .iter()
        .find_map(|labels| name.strip_prefix(labels.participant)?.strip_prefix(' '))
    else {
        return false;
    };
    let number = rest.split(',').next().unwrap_or("");
    !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a coordinator's name is the label left by anonymising a closed
/// case: "coördinator" or "coordinator".
pub fn is_anonymised_coordinator(name: &str) -> bool {
    let name = name.trim().to_lowercase();
    LABELS.iter().any(|labels| labels.coordinator == name)
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
