//! Rendering the documents of a case (DESIGN §6): invitations with their
//! calendar files, the coordinator's checklist and the plan, as Markdown
//! and HTML.
//!
//! Rendering is pure: [`render_case`] turns a case into documents (paths
//! and bytes); [`output`] compares them with the output folder and writes
//! what changed.

pub mod build;
pub mod calendar;
pub mod context;
pub mod escape;
pub mod html;
pub mod letters;
pub mod manifest;
pub mod output;
pub mod templates;

use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

pub use templates::{DocumentKind, TemplateError, Templates};

use crate::diagnostic::Diagnostic;
use crate::messages::Message;
use crate::model::Settings;
use crate::model::{Case, Participant, is_valid_id};
use crate::msg;
use context::Views;

/// Which files to produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formats {
    pub md: bool,
    pub html: bool,
    pub ics: bool,
}

impl Formats {
    pub const ALL: Formats = Formats {
        md: true,
        html: true,
        ics: true,
    };

    /// Whether files with this extension are produced.
    pub fn has(&self, extension: &str) -> bool {
        match extension {
            "md" => self.md,
            "html" => self.html,
            "ics" => self.ics,
            _ => false,
        }
    }
}

/// The documents and formats a render covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scope {
    pub invitations: bool,
    pub checklist: bool,
    pub plan: bool,
    pub formats: Formats,
}

impl Scope {
    /// The documents `--only` names.
    pub const DOCUMENTS: [&str; 3] = ["invitations", "checklist", "plan"];
    /// The formats `--format` names.
    pub const FORMATS: [&str; 3] = ["md", "html", "ics"];

    /// The documents and formats named; none named means all.
    pub fn named(documents: &[String], formats: &[String]) -> Scope {
        let pick = |names: &[String], name| names.is_empty() || names.iter().any(|n| n == name);
        Scope {
            invitations: pick(documents, "invitations"),
            checklist: pick(documents, "checklist"),
            plan: pick(documents, "plan"),
            formats: Formats {
                md: pick(formats, "md"),
                html: pick(formats, "html"),
                ics: pick(formats, "ics"),
            },
        }
    }

    pub const ALL: Scope = Scope {
        invitations: true,
        checklist: true,
        plan: true,
        formats: Formats::ALL,
    };
}

/// One file to write, relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// What rendering one case produced.
#[derive(Debug, Default)]
pub struct Rendered {
    pub documents: Vec<Document>,
    /// Things the coordinator should know, such as a language without
    /// templates.
    pub notes: Vec<Message>,
}

/// The key of what every case's documents depend on: this build of kring,
/// the settings, the templates, the scope, and today when a template reads
/// it (see [`manifest`]).
pub fn global_key(
    settings: &Settings,
    templates: &Templates,
    scope: &Scope,
    today: NaiveDate,
) -> manifest::Key {
    let mut key = manifest::KeyBuilder::default();
    key.part(env!("CARGO_PKG_VERSION"));
    // A rebuilt binary may render differently under the same version.
    let exe = std::env::current_exe().and_then(std::fs::metadata);
    key.part(format!(
        "{:?} {:?}",
        exe.as_ref().map(|m| m.len()).ok(),
        exe.as_ref().ok().and_then(|m| m.modified().ok())
    ));
    key.part(format!("{settings:?}"));
    templates.add_to_key(&mut key);
    key.part(format!("{scope:?}"));
    if templates.uses_today() {
        key.part(today.to_string());
    }
    key.finish()
}

/// The key of what only this case's documents depend on: its file, its
/// phase and overdue follow-up (the parts of today that reach the
/// documents) and its open warnings (shown on the checklist).
pub fn case_key(
    file: &crate::repo::SourceFile,
    case: &Case,
    settings: &Settings,
    today: NaiveDate,
    warnings: &[&Diagnostic],
) -> manifest::Key {
    let mut key = manifest::KeyBuilder::default();
    key.part(&file.rel);
    key.part(file.text.as_deref().unwrap_or_default());
    key.part(case.phase(today).as_str());
    key.part([u8::from(
        case.followup_overdue(settings.followup_days, today),
    )]);
    // Who is a child (under 12) is counted on today while the conference
    // has no date, and chooses the letter they get.
    let on = case.conference_date().unwrap_or(today);
    for p in &case.participants {
        key.part([u8::from(p.get_ref().is_child_on(Some(on)))]);
    }
    for w in warnings {
        key.part(w.code.as_str())
            .part(w.line.to_le_bytes())
            .part(w.column.to_le_bytes());
        key.part(w.message.in_lang(crate::messages::Lang::En))
            .part(w.help.in_lang(crate::messages::Lang::En));
    }
    key.finish()
}

/// Renders every document of `case` in `scope`. The case must have no rule
/// errors (its ids are valid, its references resolve). `warnings` are the
/// case's open warnings, for the checklist.
pub fn render_case(
    case: &Case,
    settings: &Settings,
    templates: &Templates,
    scope: &Scope,
    today: NaiveDate,
    warnings: &[&Diagnostic],
) -> Result<Rendered, TemplateError> {
    let mut rendered = Rendered::default();
    let case_id = case.id();
    if !is_valid_id(case_id) {
        // Rule K003 stops such a case before it gets here; without a valid
        // id there is no safe folder name.
        rendered
            .notes
            .push(msg!("render-bad-case-id", id = case_id));
        return Ok(rendered);
    }
    let views = Views::new(case, settings, today);
    let case_dir = PathBuf::from(case_id);
    let mut out = Writer {
        templates,
        scope,
        case_id,
        rendered,
    };

    // Letters go out once a coordinator is assigned: before that nobody
    // has asked these people anything, and nobody signs the letter.
    if scope.invitations && case.coordinator.is_some() {
        let mut shared = SharedInvitation::new(case, &views)?;
        // Every calendar file of the conference shares its VTIMEZONE.
        let calendar =
            match &case.conference {
                Some(c) if scope.formats.ics => c.get_ref().date.as_ref().map(|date| {
                    calendar::Calendar::new(settings.timezone.name(), date.get_ref().0)
                }),
                _ => None,
            };
        for participant in case.attendees() {
            if !is_valid_id(participant.id()) {
                continue;
            }
            let lang = language(
                templates,
                DocumentKind::Invitation,
                &[
                    views.language_of(participant),
                    views.case_language(),
                    &settings.language,
                ],
                &mut out.rendered.notes,
                Some(participant.id()),
            );
            let context = shared.context(&views, participant, &lang)?;
            let stem = case_dir.join("invitations").join(participant.id());
            let event = calendar
                .as_ref()
                .and_then(|calendar| Some((calendar, event_times(&views, participant)?)));
            // The calendar's description: the language's calendar.txt, else
            // the invitation itself as plain text.
            let description = match &event {
                Some(_) => templates.calendar(&lang, &context).transpose()?,
                None => None,
            };
            let invitation = out.document_from(
                DocumentKind::Invitation,
                &lang,
                &stem,
                &context,
                event.is_some() && description.is_none(),
            )?;
            if let Some((calendar, times)) = event
                && let Some(ics) = calendar_file(
                    case,
                    participant,
                    times,
                    calendar,
                    invitation.title,
                    description.or(invitation.plain).unwrap_or_default(),
                )
            {
                out.rendered.documents.push(Document {
                    path: stem.with_extension("ics"),
                    bytes: ics.into_bytes(),
                });
            }
        }
    }

    let case_lang = |kind, rendered: &mut Rendered| {
        language(
            templates,
            kind,
            &[views.case_language(), &settings.language],
            &mut rendered.notes,
            None,
        )
    };

    if scope.checklist {
        let lang = case_lang(DocumentKind::Checklist, &mut out.rendered);
        let context = views.checklist(&lang, warnings);
        out.document(
            DocumentKind::Checklist,
            &lang,
            &case_dir.join("checklist"),
            &context,
        )?;
    }

    if scope.plan && case.plan.is_some() {
        let lang = case_lang(DocumentKind::Plan, &mut out.rendered);
        if let Some(context) = views.plan(&lang) {
            out.document(DocumentKind::Plan, &lang, &case_dir.join("plan"), &context)?;
        }
    }
    let mut rendered = out.rendered;
    rendered.documents.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(rendered)
}

/// Renders the documents of one case.
struct Writer<'a> {
    templates: &'a Templates,
    scope: &'a Scope,
    case_id: &'a str,
    rendered: Rendered,
}

/// What a calendar file takes from its invitation: the title (its first
/// heading) and the invitation as plain text, when asked for.
struct Written {
    title: Option<String>,
    plain: Option<String>,
}

/// What all invitations of a case have in common, made into template
/// values once: the common part of the context (per language) and each
/// attendee as one of the `others`. An invitation's context is then these
/// values (shared, not copied) and its addressee's own.
struct SharedInvitation<'a> {
    common: std::collections::HashMap<String, tera::Context>,
    people: Vec<(&'a str, tera::Value)>,
}

impl<'a> SharedInvitation<'a> {
    fn new(case: &'a Case, views: &Views<'_>) -> Result<Self, TemplateError> {
        let people = case
            .attendees()
            .map(|p| Ok((p.id(), tera_value(&views.person(p))?)))
            .collect::<Result<_, TemplateError>>()?;
        Ok(SharedInvitation {
            common: std::collections::HashMap::new(),
            people,
        })
    }

    /// The context of `participant`'s invitation in `lang`: the same as
    /// that of [`Views::invitation`], made faster.
    fn context(
        &mut self,
        views: &Views<'_>,
        participant: &Participant,
        lang: &str,
    ) -> Result<tera::Context, TemplateError> {
        let mut context = match self.common.get(lang) {
            Some(common) => common.clone(),
            None => {
                let common = tera_context(&views.common(lang))?;
                self.common.insert(lang.to_string(), common.clone());
                common
            }
        };
        context.insert_value(
            "participant",
            tera_value(&views.addressee(participant, lang))?,
        );
        let others: Vec<tera::Value> = self
            .people
            .iter()
            .filter(|(id, _)| *id != participant.id())
            .map(|(_, value)| value.clone())
            .collect();
        context.insert_value("others", tera::Value::from(others));
        Ok(context)
    }
}

impl Writer<'_> {
    /// Renders `kind` in `lang` from `context` and adds its Markdown and
    /// HTML forms (as the scope asks) at `stem`.
    fn document<T: Serialize>(
        &mut self,
        kind: DocumentKind,
        lang: &str,
        stem: &std::path::Path,
        context: &T,
    ) -> Result<(), TemplateError> {
        self.document_from(kind, lang, stem, &tera_context(context)?, false)?;
        Ok(())
    }

    /// [`Writer::document`] from a context made already; `plain` asks for
    /// what a calendar file needs of the document as well.
    fn document_from(
        &mut self,
        kind: DocumentKind,
        lang: &str,
        stem: &std::path::Path,
        context: &tera::Context,
        plain: bool,
    ) -> Result<Written, TemplateError> {
        let markdown = self.templates.markdown(kind, lang, context)?;
        let html = self.scope.formats.html;
        // One parse of the Markdown serves both the HTML and the calendar.
        let converted = (html || plain).then(|| html::convert(&markdown, html, plain));
        if let Some(body) = converted.as_ref().and_then(|c| c.html.as_deref()) {
            let title = converted.as_ref().and_then(|c| c.title.as_deref());
            let context = LayoutContext {
                lang,
                kind: kind.as_str(),
                case_id: self.case_id,
                title: title.unwrap_or(self.case_id),
                body,
            };
            let page = self.templates.layout(&tera_context(&context)?)?;
            self.rendered.documents.push(Document {
                path: stem.with_extension("html"),
                bytes: page.into_bytes(),
            });
        }
        if self.scope.formats.md {
            self.rendered.documents.push(Document {
                path: stem.with_extension("md"),
                bytes: markdown.into_bytes(),
            });
        }
        Ok(match converted {
            Some(c) => Written {
                title: c.title,
                plain: c.plain,
            },
            None => Written {
                title: None,
                plain: None,
            },
        })
    }
}

/// The declaration of `kring declare` as Markdown and, when `html`, as an
/// HTML page in the layout of every document (kind `declaration`).
/// `declaration` is what the template sees as `declaration`.
pub fn declaration<T: Serialize>(
    templates: &Templates,
    lang: &str,
    declaration: &T,
    html: bool,
) -> Result<(String, Option<String>), TemplateError> {
    let mut context = tera::Context::new();
    context.insert("lang", lang);
    context.insert("declaration", &tera_value(declaration)?);
    let markdown = templates.declaration(lang, &context)?;
    let page = if html {
        let body = html::markdown_to_body(&markdown);
        let layout = LayoutContext {
            lang,
            kind: "declaration",
            case_id: "",
            title: body.title.as_deref().unwrap_or_default(),
            body: &body.html,
        };
        Some(templates.layout(&tera_context(&layout)?)?)
    } else {
        None
    };
    Ok((markdown, page))
}

/// What `layout.html` receives.
#[derive(Serialize)]
struct LayoutContext<'a> {
    lang: &'a str,
    /// `invitation`, `checklist`, `plan` or `declaration`.
    kind: &'a str,
    case_id: &'a str,
    /// The text of the document's first heading.
    title: &'a str,
    /// The document as HTML; print it with `{{ body | safe }}`.
    body: &'a str,
}

fn tera_value<T: Serialize>(value: &T) -> Result<tera::Value, TemplateError> {
    tera::Value::try_from_serializable(value).map_err(context_error)
}

fn tera_context<T: Serialize>(value: &T) -> Result<tera::Context, TemplateError> {
    tera::Context::from_serialize(value).map_err(context_error)
}

/// A value that could not become template data.
fn context_error(e: tera::Error) -> TemplateError {
    TemplateError {
        template: "context".to_string(),
        line: None,
        column: None,
        message: e.to_string(),
    }
}

/// The first of `wanted` that has a template for `kind`, else the built-in
/// `nl`. A fallback is noted, with the participant whose invitation it is.
fn language(
    templates: &Templates,
    kind: DocumentKind,
    wanted: &[&str],
    notes: &mut Vec<Message>,
    participant: Option<&str>,
) -> String {
    let chosen = wanted
        .iter()
        .copied()
        .find(|lang| templates.has(kind, lang))
        .unwrap_or("nl");
    if wanted.first().is_some_and(|first| *first != chosen) {
        notes.push(msg!(
            "render-no-template",
            kind = kind.as_str(),
            wanted = wanted[0],
            participant = participant.unwrap_or_default(),
            chosen = chosen
        ));
    }
    chosen.to_string()
}

/// The start and end of `participant`'s own parts, when both are known
/// and make a span: the times of their calendar file.
fn event_times(
    views: &Views<'_>,
    participant: &Participant,
) -> Option<(chrono::NaiveTime, chrono::NaiveTime)> {
    let (start, end) = views.own_times(participant);
    let (start, end) = (start?, end?);
    (start < end).then_some((start, end))
}

/// The calendar file for one invitation, when the conference has a date;
/// `times` are those of [`event_times`], `title` the invitation's first
/// heading, `description` plain text.
fn calendar_file(
    case: &Case,
    participant: &Participant,
    (start, end): (chrono::NaiveTime, chrono::NaiveTime),
    calendar: &calendar::Calendar,
    title: Option<String>,
    description: String,
) -> Option<String> {
    let conference = case.conference.as_ref()?.get_ref();
    let date = conference.date.as_ref()?.get_ref().0;
    let location = [
        conference.location.as_ref().map(|l| l.get_ref().as_str()),
        conference.address.as_deref(),
    ]
    .into_iter()
    .flatten()
    .map(str::trim)
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(", ");
    let summary = title.unwrap_or_else(|| case.id().to_string());
    let uid = format!("{}.{}@kring", case.id(), participant.id());
    let event = calendar::Event {
        uid: &uid,
        date,
        start,
        end,
        stamp: date,
        summary: &summary,
        location: (!location.is_empty()).then_some(location.as_str()),
        description: &description,
    };
    Some(calendar.with_event(&event))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shared invitation values give each invitation exactly the
    /// context `Views::invitation` describes (and docs/templates.md lists).
    #[test]
    fn shared_invitation_contexts_equal_the_described_ones() {
        let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/demo");
        let repo = crate::repo::Repo::discover(&demo).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let mut compared = 0;
        for file in repo.case_files(&[]).unwrap() {
            let loaded = crate::repo::load_case(&file);
            let case = loaded.case.unwrap();
            let views = Views::new(&case, &repo.settings, today);
            let mut shared = SharedInvitation::new(&case, &views).unwrap();
            for p in case.attendees() {
                for lang in ["nl", "en"] {
                    let fast = shared.context(&views, p, lang).unwrap();
                    let described = tera_context(&views.invitation(p, lang)).unwrap();
                    assert!(fast == described, "{} {} {lang}", case.id(), p.id());
                    compared += 1;
                }
            }
        }
        assert!(compared > 40, "{compared}");
    }
}
