//! Letters by post (DESIGN §9.2, `kring letters`): one HTML file of A4
//! pages with a letter for each participant who gets their documents on
//! paper, the address placed in the window of a DL envelope
//! (docs/post.md gives the measures).
//!
//! Who gets post: a participant not declined who has no email, or whose
//! `post = true`. What goes by post is what `kring send` sends by email:
//!
//! - the **invitation**, while the case checks without errors, has a
//!   coordinator, is open, has no plan yet and its conference (if dated)
//!   is today or later; again, as an **update**, when the invitation a
//!   participant was last sent has changed;
//! - the **plan**, once recorded and until `plan.sent` is set, to everyone
//!   who took part (`attended`, else not declined).
//!
//! A letter recorded in `[[sent]]` as sent by post with the version it
//! would have now is not printed again. A letter holds its recipient's own
//! name and address and the document they would get by email; no one
//! else's address.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::context::{ContactView, Views};
use super::{DocumentKind, SharedInvitation, TemplateError, Templates, html, language};
use crate::diagnostic::{Diagnostic, Severity};
use crate::messages::Message;
use crate::model::{Case, Participant, SentState, SentWhat, Settings, Via, is_blank, is_valid_id};
use crate::msg;
use crate::repo::Loaded;

/// The print stylesheet of the letters: A4 pages without printer margins,
/// the address in the envelope's window (docs/post.md).
const STYLE: &str = include_str!("letters.css");

/// At most this many address lines, the name included (PostNL: 3 to 6).
pub const MAX_ADDRESS_LINES: usize = 6;

/// What a letter run works on.
pub struct Input<'a> {
    pub cases: &'a [Loaded],
    /// The check of these cases: a case with an error gets no letters.
    pub diagnostics: &'a [Diagnostic],
    pub settings: &'a Settings,
    pub templates: &'a Templates,
    /// The letters' date, and the day the invitations' conference must not
    /// be before.
    pub today: NaiveDate,
    /// The version of a document as it is sent (the hash `[[sent]]`
    /// records): `edit::record::version`.
    pub version: fn(&str) -> String,
}

/// The letters due, and why others are not.
#[derive(Debug, Default)]
pub struct Run {
    /// Cases with at least one letter, in the order given.
    pub cases: Vec<CaseLetters>,
    pub skipped: Vec<Skipped>,
    /// Case files left out because they do not check without errors.
    pub unchecked: Vec<String>,
    /// Things to know, per case: a language without templates.
    pub notes: Vec<(String, String)>,
}

/// The letters of one case.
#[derive(Debug)]
pub struct CaseLetters {
    pub case: String,
    /// The case file, where `--record` writes.
    pub path: PathBuf,
    pub letters: Vec<Letter>,
    /// Once these letters are sent, everyone who took part has been sent
    /// the plan (by email or post): `plan.sent` may be set.
    pub plan_complete: bool,
}

/// One letter: one document to one participant.
#[derive(Debug)]
pub struct Letter {
    /// The participant's id.
    pub to: String,
    pub name: String,
    /// `invitation`, `update` or `plan`.
    pub what: SentWhat,
    /// The version of the document (its Markdown), for `[[sent]]`.
    pub version: String,
    /// The document's language.
    pub lang: String,
    /// The letter as HTML: one `<article>`.
    html: String,
}

/// A letter that is not printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub case: String,
    pub to: String,
    pub what: SentWhat,
    pub why: Why,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// The participant gets post but has no address.
    NoAddress,
    /// The address has more lines than fit in the window.
    LongAddress { lines: usize },
    /// This version was sent by post already, on this day.
    AlreadySent { date: NaiveDate },
}

impl Run {
    pub fn letters(&self) -> impl Iterator<Item = &Letter> {
        self.cases.iter().flat_map(|c| c.letters.iter())
    }

    pub fn is_empty(&self) -> bool {
        self.cases.is_empty()
    }

    /// What the coordinator should hear, in order: cases left out, language
    /// fallbacks, letters not printed and why (those without an address
    /// one line per case and document).
    pub fn said(&self) -> Vec<Said> {
        let mut said: Vec<Said> = self
            .unchecked
            .iter()
            .map(|file| Said::Warning(msg!("letters-unchecked", file = file)))
            .collect();
        for (case, note) in &self.notes {
            said.push(Said::Warning(msg!("render-note", case = case, note = note)));
        }
        let mut missing: Vec<(&str, SentWhat, Vec<String>)> = Vec::new();
        for s in self.skipped.iter().filter(|s| s.why == Why::NoAddress) {
            let id = format!("`{}`", s.to);
            match missing.last_mut() {
                Some((case, what, ids)) if *case == s.case && *what == s.what => ids.push(id),
                _ => missing.push((&s.case, s.what, vec![id])),
            }
        }
        for (case, what, ids) in missing {
            said.push(Said::Warning(msg!(
                "letters-no-address",
                case = case,
                count = ids.len(),
                participants = ids.join(", "),
                what = what_name(what)
            )));
        }
        for s in &self.skipped {
            let (case, participant, what) = (&s.case, &s.to, what_name(s.what));
            said.push(match s.why {
                Why::NoAddress => continue,
                Why::LongAddress { lines } => Said::Warning(msg!(
                    "letters-long-address",
                    case = case,
                    participant = participant,
                    what = what,
                    lines = lines
                )),
                Why::AlreadySent { date } => Said::Note(msg!(
                    "letters-already-sent",
                    case = case,
                    participant = participant,
                    what = what,
                    date = date
                )),
            });
        }
        said
    }

    /// One line per letter: case, participant, document, language, name,
    /// separated by tabs.
    pub fn listing(&self) -> String {
        let mut out = String::new();
        for case in &self.cases {
            for l in &case.letters {
                let what = what_name(l.what);
                out.push_str(&format!(
                    "{}\t{}\t{what}\t{}\t{}\n",
                    case.case, l.to, l.lang, l.name
                ));
            }
        }
        out
    }
}

/// Something to tell the coordinator about a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Said {
    Warning(Message),
    Note(Message),
}

/// A document's name as `[[sent]]` writes it.
pub fn what_name(what: SentWhat) -> &'static str {
    match what {
        SentWhat::Invitation => "invitation",
        SentWhat::Update => "update",
        SentWhat::Reminder => "reminder",
        SentWhat::Plan => "plan",
        SentWhat::Cancellation => "cancellation",
    }
}

/// Finds the letters due in `input.cases` and renders them.
pub fn letters(input: &Input) -> Result<Run, TemplateError> {
    let mut run = Run::default();
    for item in input.cases {
        let has_error = input
            .diagnostics
            .iter()
            .any(|d| d.file == item.file.rel && d.severity == Severity::Error);
        let case = match &item.case {
            Ok(case) if !has_error && is_valid_id(case.id()) => case,
            _ => {
                run.unchecked.push(item.file.rel.clone());
                continue;
            }
        };
        let mut notes = Vec::new();
        let mut found = CaseLetters {
            case: case.id().to_string(),
            path: item.file.path.clone(),
            letters: Vec::new(),
            plan_complete: false,
        };
        let mut letters_of = Letters {
            input,
            case,
            views: Views::new(case, input.settings, input.today),
            notes: &mut notes,
            skipped: &mut run.skipped,
            out: &mut found.letters,
        };
        letters_of.invitations()?;
        found.plan_complete = letters_of.plans()?;
        run.notes
            .extend(notes.into_iter().map(|n| (case.id().to_string(), n)));
        if !found.letters.is_empty() {
            run.cases.push(found);
        }
    }
    Ok(run)
}

/// Whether this participant's documents go by post: no email, or `post`.
pub fn gets_post(p: &Participant) -> bool {
    p.post || is_blank(p.email.as_deref())
}

/// Whether the participant took part in the conference, for the plan:
/// `attended`, else not declined.
pub fn took_part(p: &Participant) -> bool {
    p.attended.unwrap_or(!p.declined())
}

/// Whether the case's invitations are due: it has a coordinator, is open,
/// has no plan yet, and its conference (if dated) is not over.
pub fn invitations_due(case: &Case, today: NaiveDate) -> bool {
    case.coordinator.is_some()
        && case.is_open()
        && case.plan.is_none()
        && case.conference_date().is_none_or(|date| date >= today)
}

/// The lines of an address as written: one per line or comma, spaces
/// inside a line kept (PostNL puts two between postcode and town).
pub fn address_lines(address: &str) -> Vec<String> {
    address
        .split(['\n', ','])
        .map(|line| line.trim().replace('\t', " "))
        .filter(|line| !line.is_empty())
        .collect()
}

/// The letters of one case.
struct Letters<'a, 'r> {
    input: &'a Input<'a>,
    case: &'a Case,
    views: Views<'a>,
    notes: &'r mut Vec<String>,
    skipped: &'r mut Vec<Skipped>,
    out: &'r mut Vec<Letter>,
}

impl<'a> Letters<'a, '_> {
    fn invitations(&mut self) -> Result<(), TemplateError> {
        if !invitations_due(self.case, self.input.today) {
            return Ok(());
        }
        let mut shared = SharedInvitation::new(self.case, &self.views)?;
        for p in self.case.attendees() {
            if !gets_post(p) || !is_valid_id(p.id()) {
                continue;
            }
            let lang = self.language(DocumentKind::Invitation, p);
            let context = shared.context(&self.views, p, &lang)?;
            let markdown =
                self.input
                    .templates
                    .markdown(DocumentKind::Invitation, &lang, &context)?;
            let version = (self.input.version)(&markdown);
            // Sent before in another version: this one is an update.
            let changed = self.records(p).any(|(what, _, (v, _))| {
                matches!(what, SentWhat::Invitation | SentWhat::Update) && v != version
            });
            let what = if changed {
                SentWhat::Update
            } else {
                SentWhat::Invitation
            };
            self.letter(p, what, &lang, &markdown, version);
        }
        Ok(())
    }

    /// The plan letters; whether everyone who took part has then been sent
    /// the plan.
    fn plans(&mut self) -> Result<bool, TemplateError> {
        let due = self.case.plan.is_some() && self.case.plan_sent().is_none();
        if !due {
            return Ok(false);
        }
        let before = self.out.len();
        let people: Vec<&Participant> = self
            .case
            .participants
            .iter()
            .map(|p| p.get_ref())
            .filter(|p| took_part(p))
            .collect();
        for p in &people {
            if !gets_post(p) || !is_valid_id(p.id()) {
                continue;
            }
            let lang = self.language(DocumentKind::Plan, p);
            let Some(context) = self.views.plan(&lang) else {
                continue;
            };
            let markdown = self.input.templates.markdown(
                DocumentKind::Plan,
                &lang,
                &super::tera_context(&context)?,
            )?;
            let version = (self.input.version)(&markdown);
            self.letter(p, SentWhat::Plan, &lang, &markdown, version);
        }
        let sent = |p: &Participant| {
            self.out[before..]
                .iter()
                .any(|l| l.to == p.id() && l.what == SentWhat::Plan)
                || self.records(p).any(|(what, _, _)| what == SentWhat::Plan)
        };
        Ok(self.out.len() > before && !people.is_empty() && people.iter().all(|p| sent(p)))
    }

    /// The document language of `p`'s letter: theirs, else the case's,
    /// else the repository's, as far as there are templates.
    fn language(&mut self, kind: DocumentKind, p: &Participant) -> String {
        language(
            self.input.templates,
            kind,
            &[
                self.views.language_of(p),
                self.views.case_language(),
                &self.input.settings.language,
            ],
            self.notes,
            &format!("the {} letter of `{}`", kind.as_str(), p.id()),
        )
    }

    /// `p`'s records of documents sent (by any way): what, how, which
    /// version and when.
    fn records(
        &self,
        p: &'a Participant,
    ) -> impl Iterator<Item = (SentWhat, Via, (&'a str, NaiveDate))> + 'a {
        self.case
            .sent
            .iter()
            .map(|s| s.get_ref())
            .filter(move |s| s.to.get_ref() == p.id() && *s.state.get_ref() == SentState::Sent)
            .map(|s| {
                (
                    *s.what.get_ref(),
                    *s.via.get_ref(),
                    (s.version.as_str(), s.date.get_ref().0),
                )
            })
    }

    /// Adds the letter of `markdown` to `p`, unless it cannot or need not
    /// be sent.
    fn letter(
        &mut self,
        p: &Participant,
        what: SentWhat,
        lang: &str,
        markdown: &str,
        version: String,
    ) {
        let kinds: &[SentWhat] = match what {
            SentWhat::Plan => &[SentWhat::Plan],
            _ => &[SentWhat::Invitation, SentWhat::Update],
        };
        let posted = self
            .records(p)
            .filter(|(w, via, (v, _))| kinds.contains(w) && *via == Via::Post && *v == version)
            .map(|(w, _, (_, date))| (date, w))
            .max();
        let skip = |why| Skipped {
            case: self.case.id().to_string(),
            to: p.id().to_string(),
            what,
            why,
        };
        if let Some((date, what)) = posted {
            self.skipped.push(Skipped {
                what,
                ..skip(Why::AlreadySent { date })
            });
            return;
        }
        let mut lines = vec![p.name.get_ref().trim().to_string()];
        lines.extend(address_lines(p.address.as_deref().unwrap_or_default()));
        if lines.len() < 2 {
            self.skipped.push(skip(Why::NoAddress));
            return;
        }
        if lines.len() > MAX_ADDRESS_LINES {
            self.skipped
                .push(skip(Why::LongAddress { lines: lines.len() }));
            return;
        }
        let common = self.views.common(lang);
        let body = html::markdown_to_body(markdown);
        let date = self
            .input
            .today
            .format_localized("%-d %B %Y", super::templates::locale(lang))
            .to_string();
        let html = sheet(&Sheet {
            lang,
            what,
            contact: &common.contact,
            recipient: &lines,
            date: &date,
            body: &body.html,
        });
        self.out.push(Letter {
            to: p.id().to_string(),
            name: p.name.get_ref().clone(),
            what,
            version,
            lang: lang.to_string(),
            html,
        });
    }
}

/// What one letter's page shows.
struct Sheet<'a> {
    lang: &'a str,
    what: SentWhat,
    contact: &'a ContactView,
    /// The recipient's name, then their address lines.
    recipient: &'a [String],
    date: &'a str,
    /// The document, as HTML from comrak.
    body: &'a str,
}

/// One letter as an `<article>`: the sender at the top, the recipient in
/// the window, the sender's contact and the date beside it, the document
/// below the first fold.
fn sheet(s: &Sheet) -> String {
    let mut out = String::new();
    let kind = match s.what {
        SentWhat::Plan => "plan",
        _ => "invitation",
    };
    out.push_str(&format!(
        "<article class=\"letter {kind}\" lang=\"{}\">\n<div class=\"head\">\n\
         <div class=\"fold upper\"></div><div class=\"fold lower\"></div>\n",
        escape(s.lang)
    ));
    let c = s.contact;
    let letterhead = c.organisation.as_deref().or(c.name.as_deref());
    if let Some(name) = letterhead.filter(|n| !n.trim().is_empty()) {
        out.push_str(&format!(
            "<p class=\"letterhead\">{}</p>\n",
            escape(name.trim())
        ));
    }
    out.push_str("<p class=\"recipient\">");
    out.push_str(
        &s.recipient
            .iter()
            .map(|l| escape(l))
            .collect::<Vec<_>>()
            .join("<br>"),
    );
    out.push_str("</p>\n<div class=\"sender\">\n<address>");
    let mut lines: Vec<String> = Vec::new();
    if letterhead != c.name.as_deref()
        && let Some(name) = c.name.as_deref().filter(|n| !n.trim().is_empty())
    {
        lines.push(format!("<strong>{}</strong>", escape(name.trim())));
    }
    for value in [&c.phone, &c.email, &c.website].into_iter().flatten() {
        if !value.trim().is_empty() {
            lines.push(escape(value.trim()));
        }
    }
    if let Some(address) = &c.address {
        lines.extend(address_lines(address).iter().map(|l| escape(l)));
    }
    out.push_str(&lines.join("<br>"));
    out.push_str("</address>\n");
    out.push_str(&format!(
        "<p class=\"date\">{}</p>\n</div>\n</div>\n",
        escape(s.date)
    ));
    out.push_str("<div class=\"document\">\n");
    out.push_str(s.body);
    out.push_str("</div>\n</article>\n");
    out
}

/// The whole file: every letter, each on its own pages. `lang` is the
/// page's language (each letter has its own) and `title` its title.
pub fn page(run: &Run, lang: &str, title: &str) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"kring\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n\
         </head>\n<body>\n",
        escape(lang),
        escape(title)
    );
    for letter in run.letters() {
        out.push_str(&letter.html);
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// Text for HTML content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_split_into_lines() {
        assert_eq!(
            address_lines("Populierenstraat 18, 8021 KL  ZWOLLE"),
            ["Populierenstraat 18", "8021 KL  ZWOLLE"]
        );
        assert_eq!(
            address_lines("t.a.v. Ria\nHogenkampsweg 3,\n\n8017 EA Zwolle ,"),
            ["t.a.v. Ria", "Hogenkampsweg 3", "8017 EA Zwolle"]
        );
        assert!(address_lines(" , \n").is_empty());
    }

    #[test]
    fn values_cannot_become_markup() {
        assert_eq!(
            escape("<b>Jan</b> & \"Piet\" 'x'"),
            "&lt;b&gt;Jan&lt;/b&gt; &amp; &quot;Piet&quot; &#39;x&#39;"
        );
    }
}
