//! What a template sees: views of a case built for one document.
//!
//! Privacy is decided here, not in the templates: no view carries anyone's
//! email, phone, address or birth date, so no template (built-in or a
//! user's) can print them. The coordinator's own contact details are the
//! only ones a document shows. `docs/templates.md` lists every field.

use chrono::{NaiveDate, NaiveTime};
use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::model::Settings;
use crate::model::checklist::{self, Task};
use crate::model::{Case, Part, PartKind, Participant, Role, Spanned, Time};

/// The case as every document sees it.
#[derive(Debug, Clone, Serialize)]
pub struct CaseView {
    pub id: String,
    pub variant: &'static str,
    pub title: Option<String>,
    /// The case's document language (its own, else the repository's).
    pub language: String,
    /// The question; in a document in another language than the case's,
    /// its `[translations.<lang>]` text where there is one (also `title`).
    pub question: Option<String>,
    pub compulsory: bool,
    /// The repository's `organisation` setting: the sender of the letters.
    pub organisation: Option<String>,
    pub received: NaiveDate,
    /// When the person(s) concerned agreed to a conference.
    pub consent: Option<NaiveDate>,
    /// By when the coordinator needs the professionals' information
    /// (`tasks.information`).
    pub information_by: Option<NaiveDate>,
}

/// How a reader reaches someone about the letter: the coordinator's phone
/// and email, else the organisation's `[contact]` from kring.toml.
#[derive(Debug, Clone, Serialize)]
pub struct ContactView {
    /// The coordinator's name, when one is assigned.
    pub name: Option<String>,
    pub organisation: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// The organisation's address and website (never the coordinator's own).
    pub address: Option<String>,
    pub website: Option<String>,
    /// Whether the details are the coordinator's own.
    pub coordinator: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct CoordinatorView {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub organisation: Option<String>,
}

/// One part of the conference. Times are `"15:00"`, or null when the case
/// file gives none.
#[derive(Debug, Clone, Serialize)]
pub struct PartView {
    pub kind: &'static str,
    pub start: Option<String>,
    pub end: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConferenceView {
    pub date: Option<NaiveDate>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub location: Option<String>,
    pub address: Option<String>,
    /// The arrangements; translated like `case.question`.
    pub arrangements: Vec<String>,
    /// Invitations ask for an answer before this date.
    pub reply_by: Option<NaiveDate>,
    /// The parts in order: the listed ones, else the variant's default.
    pub parts: Vec<PartView>,
    /// Whether the circle has family time alone.
    pub has_family_time: bool,
}

/// A participant as others may see them: no contact details, no birth date.
#[derive(Debug, Clone, Serialize)]
pub struct PersonView {
    pub id: String,
    /// The full name.
    pub name: String,
    /// The name the person goes by (`known_as`, else the first word of the name).
    pub known_as: String,
    pub role: &'static str,
    /// The relation to the central person, as the case file has it (the
    /// checklist shows it).
    pub relation: Option<String>,
    /// What letters and the plan show others: the relation up to its first
    /// bracket, comma, colon, semicolon or "en"/"and", so that details
    /// written after it stay with the coordinator; none for "zelf"/"self".
    pub relation_short: Option<String>,
    pub organisation: Option<String>,
    pub status: &'static str,
    /// The kinds of the parts this person attends, in conference order.
    pub parts: Vec<&'static str>,
    pub central: bool,
    /// A professional or school participant.
    pub professional: bool,
    /// The professional who accepts the plan (compulsory help).
    pub acceptor: bool,
    /// Under 12 on the conference date (else today), from `born`.
    pub child: bool,
    /// After the conference: whether they came, when the file says.
    pub attended: Option<bool>,
}

/// The person an invitation is addressed to.
#[derive(Debug, Clone, Serialize)]
pub struct AddresseeView {
    #[serde(flatten)]
    pub person: PersonView,
    /// The parts this person attends, with times.
    pub parts_detail: Vec<PartView>,
    /// When this person's first part starts and last part ends.
    pub start: Option<String>,
    pub end: Option<String>,
    /// Whether this person attends family time; false for professionals,
    /// who leave during it.
    pub attends_family_time: bool,
    pub needs: Vec<String>,
    /// The name of whoever proposed this person, if known.
    pub invited_by: Option<String>,
    /// The relation of whoever proposed this person, if known.
    pub invited_by_relation: Option<String>,
    /// The document language.
    pub language: String,
    /// Addressed with "u" (true) or "je" (false).
    pub formal: bool,
    /// The greeting of a formal letter ("mevrouw Bakker"), if given.
    pub salutation: Option<String>,
    /// A pupil under 8: a parent reads the letter with them.
    pub young: bool,
    /// Named in an avoid pair (either side): arrangements were made so
    /// that everyone is safe. Never who or what.
    pub safety: bool,
    /// For an interpreter: the people (as they are known) whose documents
    /// are in another language than the case's.
    pub interprets_for: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AgreementView {
    pub what: String,
    /// The people who do it, by the names they go by.
    pub who: Vec<String>,
    pub when: Option<String>,
    pub by: Option<NaiveDate>,
    /// Who keeps an eye on it, by the name they go by.
    pub checks: Option<String>,
    pub support: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AcceptanceView {
    /// Name of the accepting professional.
    pub by: String,
    pub organisation: Option<String>,
    pub date: Option<NaiveDate>,
    pub accepted: bool,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanView {
    pub recorded: NaiveDate,
    pub sent: Option<NaiveDate>,
    pub strengths: Vec<String>,
    pub goals: Vec<String>,
    pub contingency: Option<String>,
    pub review: Option<NaiveDate>,
    pub agreements: Vec<AgreementView>,
    pub acceptance: Option<AcceptanceView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FollowupView {
    pub due: Option<NaiveDate>,
    pub done: Option<NaiveDate>,
    /// The due date has passed (before today) and no follow-up is recorded.
    pub overdue: bool,
    /// Names of the people asked.
    pub contacted: Vec<String>,
}

/// A warning from `kring check`, for the checklist.
#[derive(Debug, Clone, Serialize)]
pub struct WarningView {
    pub code: &'static str,
    pub line: usize,
    pub message: String,
}

/// A participant on the coordinator's checklist.
#[derive(Debug, Clone, Serialize)]
pub struct ChecklistPerson {
    #[serde(flatten)]
    pub person: PersonView,
    pub prepared: Option<NaiveDate>,
    pub language: String,
    pub needs: Vec<String>,
    /// Names of the people this person must not meet.
    pub avoid: Vec<String>,
    /// What was sent to this person (`[[sent]]`), in order.
    pub sent: Vec<SentView>,
}

/// One entry of the delivery record, for the checklist.
#[derive(Debug, Clone, Serialize)]
pub struct SentView {
    /// invitation | update | reminder | plan | cancellation
    pub what: crate::model::SentWhat,
    /// email | post
    pub via: crate::model::Via,
    pub date: NaiveDate,
    /// pending | sent | failed
    pub state: crate::model::SentState,
}

/// What every document receives.
#[derive(Debug, Clone, Serialize)]
pub struct Common {
    /// The document's language.
    pub lang: String,
    pub today: NaiveDate,
    pub case: CaseView,
    pub coordinator: Option<CoordinatorView>,
    pub conference: Option<ConferenceView>,
    /// The names of the central participants (not declined): the people
    /// the plan is for.
    pub central: Vec<String>,
    /// The same people by the names they go by, for running text.
    pub central_known: Vec<String>,
    /// The professional who accepts the plan, when help is compulsory.
    pub acceptor: Option<PersonView>,
    /// How to reach someone about the letter.
    pub contact: ContactView,
}

/// What one invitation receives, as one value: the shape the templates
/// document. Renders build it faster, in pieces (`SharedInvitation`); a test
/// holds the two equal.
#[cfg(test)]
#[derive(Debug, Clone, Serialize)]
pub struct InvitationContext {
    #[serde(flatten)]
    pub common: Common,
    pub participant: AddresseeView,
    /// Everyone else not declined, in the case file's order.
    pub others: Vec<PersonView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChecklistContext {
    #[serde(flatten)]
    pub common: Common,
    pub phase: &'static str,
    /// The next date that matters (as in `kring status`).
    pub due: Option<NaiveDate>,
    pub tasks: Vec<Task>,
    /// Every participant, declined ones included.
    pub participants: Vec<ChecklistPerson>,
    pub warnings: Vec<WarningView>,
    pub followup: FollowupView,
    pub safety: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanContext {
    #[serde(flatten)]
    pub common: Common,
    pub plan: PlanView,
    /// Who took part: those marked `attended = true`, and those not
    /// declined and not marked `attended = false`.
    pub participants: Vec<PersonView>,
    pub followup: FollowupView,
}

/// Builds the views of one case.
pub struct Views<'a> {
    case: &'a Case,
    settings: &'a Settings,
    today: NaiveDate,
    kinds: Vec<PartKind>,
}

impl<'a> Views<'a> {
    pub fn new(case: &'a Case, settings: &'a Settings, today: NaiveDate) -> Self {
        Views {
            case,
            settings,
            today,
            kinds: case.part_kinds(),
        }
    }

    /// The case's own document language.
    pub fn case_language(&self) -> &'a str {
        self.case
            .language
            .as_ref()
            .map_or(self.settings.language.as_str(), |l| l.get_ref().as_str())
    }

    /// The participant's document language (before any fallback).
    pub fn language_of(&self, participant: &'a Participant) -> &'a str {
        self.case
            .language_of(participant, self.settings.language.as_str())
    }

    pub fn common(&self, lang: &str) -> Common {
        let case = self.case;
        let request = case.request.get_ref();
        let translation = (lang != self.case_language())
            .then(|| case.translations.get(lang))
            .flatten()
            .map(|t| t.get_ref());
        let coordinator = case.coordinator.as_ref().map(|c| c.get_ref());
        let own = coordinator.filter(|c| {
            !crate::model::is_blank(c.phone.as_deref())
                || !crate::model::is_blank(c.email.as_deref())
        });
        let organisation = self.settings.contact.as_ref();
        let contact = ContactView {
            name: coordinator.map(|c| c.name.get_ref().clone()),
            organisation: self.settings.organisation.clone(),
            phone: match own {
                Some(c) => c.phone.clone(),
                None => organisation.and_then(|o| o.phone.clone()),
            },
            email: match own {
                Some(c) => c.email.clone(),
                None => organisation.and_then(|o| o.email.clone()),
            },
            address: own
                .is_none()
                .then(|| organisation.and_then(|o| o.address.clone()))
                .flatten(),
            website: organisation.and_then(|o| o.website.clone()),
            coordinator: own.is_some(),
        };
        Common {
            lang: lang.to_string(),
            today: self.today,
            case: CaseView {
                id: case.id().to_string(),
                variant: case.variant().as_str(),
                title: translation
                    .and_then(|t| t.title.clone())
                    .or_else(|| case.title.clone()),
                language: self.case_language().to_string(),
                question: translation
                    .and_then(|t| t.question.clone())
                    .or_else(|| request.question.as_ref().map(|q| q.get_ref().clone())),
                compulsory: case.is_compulsory(),
                organisation: self.settings.organisation.clone(),
                received: request.received.get_ref().0,
                consent: request.consent.as_ref().map(|d| d.get_ref().0),
                information_by: case
                    .tasks
                    .as_ref()
                    .and_then(|t| t.get_ref().information.as_ref())
                    .map(|d| d.get_ref().0),
            },
            coordinator: case.coordinator.as_ref().map(|c| {
                let c = c.get_ref();
                CoordinatorView {
                    name: c.name.get_ref().clone(),
                    email: c.email.clone(),
                    phone: c.phone.clone(),
                    organisation: c.organisation.as_ref().map(|o| o.get_ref().clone()),
                }
            }),
            conference: case.conference.as_ref().map(|c| {
                let c = c.get_ref();
                ConferenceView {
                    date: c.date.as_ref().map(|d| d.get_ref().0),
                    start: c.start.as_ref().map(|t| clock(t.get_ref())),
                    end: c.end.as_ref().map(|t| clock(t.get_ref())),
                    location: c.location.as_ref().map(|l| l.get_ref().clone()),
                    address: c.address.clone(),
                    arrangements: translation
                        .and_then(|t| t.arrangements.clone())
                        .unwrap_or_else(|| c.arrangements.clone()),
                    reply_by: c.reply_by.as_ref().map(|d| d.get_ref().0),
                    parts: self.parts(),
                    has_family_time: self.kinds.contains(&PartKind::FamilyTime),
                }
            }),
            central: case
                .attendees()
                .filter(|p| p.role() == Role::Central)
                .map(|p| p.name.get_ref().clone())
                .collect(),
            central_known: case
                .attendees()
                .filter(|p| p.role() == Role::Central)
                .map(|p| p.known_as().to_string())
                .collect(),
            acceptor: case
                .is_compulsory()
                .then_some(request.acceptor.as_ref())
                .flatten()
                .and_then(|a| case.participant(a.get_ref()))
                .map(|p| self.person(p)),
            contact,
        }
    }

    /// The conference's parts with their times.
    fn parts(&self) -> Vec<PartView> {
        self.kinded_parts()
            .into_iter()
            .map(|(_, part)| part)
            .collect()
    }

    fn kinded_parts(&self) -> Vec<(PartKind, PartView)> {
        let listed = self
            .case
            .conference
            .as_ref()
            .map(|c| c.get_ref().parts.as_slice())
            .unwrap_or_default();
        if listed.is_empty() {
            return self
                .kinds
                .iter()
                .map(|kind| {
                    let view = PartView {
                        kind: kind.as_str(),
                        start: None,
                        end: None,
                    };
                    (*kind, view)
                })
                .collect();
        }
        listed
            .iter()
            .map(|p| {
                let p = p.get_ref();
                let kind = *p.kind.get_ref();
                let view = PartView {
                    kind: kind.as_str(),
                    start: p.start.as_ref().map(|t| clock(t.get_ref())),
                    end: p.end.as_ref().map(|t| clock(t.get_ref())),
                };
                (kind, view)
            })
            .collect()
    }

    pub fn person(&self, p: &Participant) -> PersonView {
        let acceptor = self.case.is_compulsory()
            && self
                .case
                .request
                .get_ref()
                .acceptor
                .as_ref()
                .is_some_and(|a| a.get_ref() == p.id());
        PersonView {
            id: p.id().to_string(),
            name: p.name.get_ref().clone(),
            known_as: p.known_as().to_string(),
            role: p.role().as_str(),
            relation: p.relation.clone(),
            relation_short: p.relation.as_deref().and_then(relation_short),
            organisation: p.organisation.as_ref().map(|o| o.get_ref().clone()),
            status: p.status().as_str(),
            parts: self
                .kinds
                .iter()
                .filter(|k| p.attends(**k))
                .map(|k| k.as_str())
                .collect(),
            central: p.role() == Role::Central,
            professional: p.role().is_professional(),
            acceptor,
            child: p.is_child_on(Some(self.on())),
            attended: p.attended,
        }
    }

    /// The day ages are counted on: the conference date, else today.
    fn on(&self) -> NaiveDate {
        self.case.conference_date().unwrap_or(self.today)
    }

    /// This participant's own parts with their times.
    pub fn own_parts(&self, p: &Participant) -> Vec<PartView> {
        self.kinded_parts()
            .into_iter()
            .filter(|(kind, _)| p.attends(*kind))
            .map(|(_, part)| part)
            .collect()
    }

    /// When this participant's first part starts and last part ends; the
    /// conference's own start or end where that part has no time.
    pub fn own_times(&self, p: &Participant) -> (Option<NaiveTime>, Option<NaiveTime>) {
        let conference = self.case.conference.as_ref().map(|c| c.get_ref());
        let time = |t: &Option<Spanned<Time>>| t.as_ref().map(|t| t.get_ref().0);
        let listed = conference.map(|c| c.parts.as_slice()).unwrap_or_default();
        let own: Vec<&Part> = listed
            .iter()
            .map(|part| part.get_ref())
            .filter(|part| p.attends(*part.kind.get_ref()))
            .collect();
        let start = own
            .first()
            .and_then(|part| time(&part.start))
            .or_else(|| conference.and_then(|c| time(&c.start)));
        let end = own
            .last()
            .and_then(|part| time(&part.end))
            .or_else(|| conference.and_then(|c| time(&c.end)));
        (start, end)
    }

    #[cfg(test)]
    pub fn invitation(&self, p: &'a Participant, lang: &str) -> InvitationContext {
        InvitationContext {
            common: self.common(lang),
            participant: self.addressee(p, lang),
            others: self
                .case
                .attendees()
                .filter(|o| o.id() != p.id())
                .map(|o| self.person(o))
                .collect(),
        }
    }

    /// The invitation's addressee.
    pub fn addressee(&self, p: &'a Participant, lang: &str) -> AddresseeView {
        let (start, end) = self.own_times(p);
        let inviter = p
            .invited_by
            .as_ref()
            .and_then(|id| self.case.participant(id.get_ref()))
            .filter(|by| by.id() != p.id());
        AddresseeView {
            person: self.person(p),
            parts_detail: self.own_parts(p),
            start: start.map(|t| clock(&Time(t))),
            end: end.map(|t| clock(&Time(t))),
            attends_family_time: p.attends(PartKind::FamilyTime),
            needs: p.needs.clone(),
            invited_by: inviter.map(|by| {
                if by.role() == Role::Central {
                    by.known_as().to_string()
                } else {
                    by.name.get_ref().clone()
                }
            }),
            invited_by_relation: inviter.and_then(|by| by.relation.clone()),
            language: lang.to_string(),
            formal: p.is_formal(),
            salutation: p
                .salutation
                .as_ref()
                .map(|s| s.get_ref().trim().to_string())
                .filter(|s| !s.is_empty()),
            young: p.age_on(self.on()).is_some_and(|age| age < 8),
            safety: !p.avoid.is_empty()
                || self
                    .case
                    .attendees()
                    .any(|o| o.avoid.iter().any(|a| a.get_ref() == p.id())),
            interprets_for: if p.role() == Role::Interpreter {
                let own = self.case_language();
                self.case
                    .attendees()
                    .filter(|o| o.id() != p.id() && o.role() != Role::Interpreter)
                    .filter(|o| self.language_of(o) != own)
                    .map(|o| o.known_as().to_string())
                    .collect()
            } else {
                Vec::new()
            },
        }
    }

    pub fn checklist(&self, lang: &str, diagnostics: &[&Diagnostic]) -> ChecklistContext {
        let case = self.case;
        let phase = case.phase(self.today);
        ChecklistContext {
            common: self.common(lang),
            phase: phase.as_str(),
            due: checklist::due(case, phase, self.settings.followup_days),
            tasks: checklist::tasks(case),
            participants: case
                .participants
                .iter()
                .map(|p| {
                    let p = p.get_ref();
                    ChecklistPerson {
                        person: self.person(p),
                        prepared: p.prepared.as_ref().map(|d| d.get_ref().0),
                        language: self.language_of(p).to_string(),
                        needs: p.needs.clone(),
                        avoid: p
                            .avoid
                            .iter()
                            .map(|a| {
                                self.case.participant(a.get_ref()).map_or_else(
                                    || a.get_ref().clone(),
                                    |o| o.name.get_ref().clone(),
                                )
                            })
                            .collect(),
                        sent: self
                            .case
                            .sent
                            .iter()
                            .map(|s| s.get_ref())
                            .filter(|s| s.to.get_ref() == p.id())
                            .map(|s| SentView {
                                what: *s.what.get_ref(),
                                via: *s.via.get_ref(),
                                date: s.date.get_ref().0,
                                state: *s.state.get_ref(),
                            })
                            .collect(),
                    }
                })
                .collect(),
            warnings: diagnostics
                .iter()
                .map(|d| WarningView {
                    code: d.code.as_str(),
                    line: d.line,
                    message: d.message.in_lang(crate::messages::Lang::of_document(lang)),
                })
                .collect(),
            followup: self.followup(),
            safety: case
                .safety
                .as_ref()
                .and_then(|s| s.get_ref().arrangement.clone()),
        }
    }

    /// The plan's context, when a plan is recorded.
    pub fn plan(&self, lang: &str) -> Option<PlanContext> {
        let plan = self.case.plan.as_ref()?.get_ref();
        let name = |id: &str| {
            self.case
                .participant(id)
                .map_or_else(|| id.to_string(), |p| p.name.get_ref().clone())
        };
        let known = |id: &str| {
            self.case
                .participant(id)
                .map_or_else(|| id.to_string(), |p| p.known_as().to_string())
        };
        Some(PlanContext {
            common: self.common(lang),
            plan: PlanView {
                recorded: plan.recorded.get_ref().0,
                sent: plan.sent.as_ref().map(|d| d.get_ref().0),
                strengths: plan.strengths.clone().unwrap_or_default(),
                goals: plan.goals.clone().unwrap_or_default(),
                contingency: plan.contingency.clone(),
                review: plan.review.as_ref().map(|d| d.get_ref().0),
                agreements: plan
                    .agreements
                    .iter()
                    .map(|a| {
                        let a = a.get_ref();
                        AgreementView {
                            what: a.what.get_ref().clone(),
                            who: a
                                .who
                                .get_ref()
                                .iter()
                                .map(|id| known(id.get_ref()))
                                .collect(),
                            when: a.when.clone(),
                            by: a.by.as_ref().map(|d| d.get_ref().0),
                            checks: a.checks.as_ref().map(|id| known(id.get_ref())),
                            support: a.support.clone(),
                        }
                    })
                    .collect(),
                acceptance: plan.acceptance.as_ref().map(|a| {
                    let a = a.get_ref();
                    let by = self.case.participant(a.by.get_ref());
                    AcceptanceView {
                        by: name(a.by.get_ref()),
                        organisation: by
                            .and_then(|p| p.organisation.as_ref())
                            .map(|o| o.get_ref().clone()),
                        date: a.date.as_ref().map(|d| d.get_ref().0),
                        accepted: *a.accepted.get_ref(),
                        reason: a.reason.clone(),
                    }
                }),
            },
            participants: self
                .case
                .participants
                .iter()
                .map(|p| p.get_ref())
                .filter(|p| p.attended.unwrap_or(!p.declined()))
                .map(|p| self.person(p))
                .collect(),
            followup: self.followup(),
        })
    }

    fn followup(&self) -> FollowupView {
        let followup = self.case.followup.as_ref().map(|f| f.get_ref());
        FollowupView {
            due: self.case.followup_due(self.settings.followup_days),
            done: self.case.followup_done(),
            overdue: self
                .case
                .followup_overdue(self.settings.followup_days, self.today),
            contacted: followup
                .map(|f| {
                    f.contacted
                        .iter()
                        .map(|id| {
                            self.case
                                .participant(id.get_ref())
                                .map_or_else(|| id.get_ref().clone(), |p| p.name.get_ref().clone())
                        })
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}

/// The head of a relation that others may read: "oma (moeder van Anaïs)"
/// is "oma", "buurvrouw en vriendin van Hannah" is "buurvrouw".
pub fn relation_short(relation: &str) -> Option<String> {
    let cut = relation
        .find(['(', ',', ';', ':'])
        .unwrap_or(relation.len());
    let mut head = &relation[..cut];
    for word in [" en ", " and "] {
        if let Some(at) = head.find(word) {
            head = &head[..at];
        }
    }
    let head = head.trim();
    let own = ["zelf", "self"]
        .iter()
        .any(|w| head.eq_ignore_ascii_case(w));
    (!head.is_empty() && !own).then(|| head.to_string())
}

/// `15:00`: a time as people write it.
fn clock(time: &Time) -> String {
    time.0.format("%H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::relation_short;

    #[test]
    fn others_read_only_the_head_of_a_relation() {
        assert_eq!(
            relation_short("oma (moeder van Anaïs)").as_deref(),
            Some("oma")
        );
        assert_eq!(
            relation_short("buurvrouw en vriendin van Hannah").as_deref(),
            Some("buurvrouw")
        );
        assert_eq!(
            relation_short("moeder van Kevin").as_deref(),
            Some("moeder van Kevin")
        );
        assert_eq!(
            relation_short("bewoner nr. 3, voorzitter").as_deref(),
            Some("bewoner nr. 3")
        );
        assert_eq!(relation_short("zelf"), None);
        assert_eq!(relation_short(" (x)"), None);
    }
}
