//! Letters by post (DESIGN §9.2, `kring letters`): one HTML file of A4
//! pages with a letter for each message that goes by post, the address
//! placed in the window of a DL envelope (docs/post.md gives the
//! measures).
//!
//! What goes by post is decided where `kring send` decides what goes by
//! email (`send::due`, through `send::post`): this module is given, per
//! case, the letters due and the ones that cannot go, and renders them. A
//! letter holds its recipient's own name and address and the document
//! they would get by email (an invitation, the changed invitation with a
//! word above it, a cancellation, the plan), in their language; no one
//! else's address.

use std::path::Path;

use chrono::NaiveDate;

use super::context::{ContactView, Views};
use super::escape::html as escape;
use super::{DocumentKind, SharedInvitation, TemplateError, Templates, html, language};
use crate::messages::{Lang, Message};
use crate::model::{Case, Participant, SentWhat, Settings, is_valid_id};
use crate::msg;

/// The print stylesheet of the letters: A4 pages without printer margins,
/// the address in the envelope's window (docs/post.md).
const STYLE: &str = include_str!("letters.css");

/// At most this many address lines, the name included (PostNL: 3 to 6).
pub const MAX_ADDRESS_LINES: usize = 6;

/// What a letter run works on.
pub struct Input<'a> {
    pub cases: &'a [Wanted<'a>],
    pub settings: &'a Settings,
    pub templates: &'a Templates,
    /// The letters' date.
    pub today: NaiveDate,
}

/// What one case has to go by post.
pub struct Wanted<'a> {
    pub case: &'a Case,
    /// The case file, as shown (relative to the repository).
    pub file: &'a str,
    /// The case file on disk, where `--record` writes.
    pub path: &'a Path,
    /// The case has rule errors: nothing goes.
    pub errors: bool,
    pub letters: Vec<Post<'a>>,
    /// Messages due by post that do not go, and why.
    pub skipped: Vec<(&'a Participant, SentWhat, Why)>,
    /// Once these letters are sent, nobody who took part still waits for
    /// the plan: `plan.sent` may be set.
    pub plan_complete: bool,
}

/// One message due by post.
pub struct Post<'a> {
    pub participant: &'a Participant,
    pub what: SentWhat,
    /// The version `[[sent]]` records (`send::due`).
    pub version: String,
}

/// The letters to print, and why others are not.
#[derive(Debug, Default)]
pub struct Run {
    /// Cases with at least one letter, in the order given.
    pub cases: Vec<CaseLetters>,
    /// Letters not printed: case, participant, document, why.
    pub skipped: Vec<(String, String, SentWhat, Why)>,
    /// Case files left out because they do not check without errors.
    pub unchecked: Vec<String>,
    /// Things to know, per case: a language without templates.
    pub notes: Vec<(String, crate::messages::Message)>,
}

/// The letters of one case.
#[derive(Debug)]
pub struct CaseLetters {
    pub case: String,
    /// The case file, where `--record` writes.
    pub path: std::path::PathBuf,
    pub letters: Vec<Letter>,
    /// Everyone who took part has the plan once these are sent.
    pub plan_complete: bool,
}

/// One letter: one document to one participant.
#[derive(Debug)]
pub struct Letter {
    /// The participant's id.
    pub to: String,
    pub name: String,
    pub what: SentWhat,
    pub version: String,
    /// The document's language.
    pub lang: String,
    /// The letter as HTML: one `<article>`.
    html: String,
}

/// Why a message due by post is not printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// The participant gets post but has no address.
    NoAddress,
    /// The address has more lines than fit in the window.
    LongAddress { lines: usize },
    /// `plan.sent` says the plan went to everyone already.
    PlanSent { date: NaiveDate },
    /// Reminders go by email only: a letter would come too late.
    Reminder,
}

impl Run {
    pub fn letters(&self) -> impl Iterator<Item = &Letter> {
        self.cases.iter().flat_map(|c| c.letters.iter())
    }

    pub fn is_empty(&self) -> bool {
        self.cases.is_empty()
    }

    /// What the coordinator should hear, in order: cases left out, language
    /// fallbacks, then the letters not printed and why, one line for the
    /// participants of a case with the same document and reason.
    pub fn said(&self) -> Vec<Said> {
        let mut said: Vec<Said> = self
            .unchecked
            .iter()
            .map(|file| Said::Warning(msg!("letters-unchecked", file = file)))
            .collect();
        for (case, note) in &self.notes {
            said.push(Said::Warning(msg!(
                "render-note",
                case = case,
                note = note.clone()
            )));
        }
        let mut groups: Vec<(&str, SentWhat, Why, Vec<String>)> = Vec::new();
        for (case, to, what, why) in &self.skipped {
            let id = format!("`{to}`");
            match groups.last_mut() {
                Some((c, w, y, ids)) if c == case && w == what && y == why => ids.push(id),
                _ => groups.push((case, *what, *why, vec![id])),
            }
        }
        for (case, what, why, ids) in groups {
            let (count, participants, what) = (ids.len(), ids.join(", "), what_name(what));
            said.push(match why {
                Why::NoAddress => Said::Warning(msg!(
                    "letters-no-address",
                    case = case,
                    count = count,
                    participants = participants,
                    what = what
                )),
                Why::LongAddress { lines } => Said::Warning(msg!(
                    "letters-long-address",
                    case = case,
                    participant = participants,
                    what = what,
                    lines = lines
                )),
                Why::PlanSent { date } => {
                    Said::Note(msg!("letters-plan-sent", case = case, date = date))
                }
                Why::Reminder => Said::Note(msg!(
                    "letters-no-reminder",
                    case = case,
                    count = count,
                    participants = participants
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

/// Renders the letters `input` asks for.
pub fn letters(input: &Input) -> Result<Run, TemplateError> {
    let mut run = Run::default();
    for wanted in input.cases {
        let case = wanted.case;
        if wanted.errors || !is_valid_id(case.id()) {
            run.unchecked.push(wanted.file.to_string());
            continue;
        }
        let id = case.id().to_string();
        for (p, what, why) in &wanted.skipped {
            run.skipped
                .push((id.clone(), p.id().to_string(), *what, *why));
        }
        let mut found = CaseLetters {
            case: id.clone(),
            path: wanted.path.to_path_buf(),
            letters: Vec::new(),
            plan_complete: wanted.plan_complete,
        };
        let views = Views::new(case, input.settings, input.today);
        let mut shared: Option<SharedInvitation> = None;
        let mut notes = Vec::new();
        for post in &wanted.letters {
            let p = post.participant;
            if !is_valid_id(p.id()) {
                continue;
            }
            let mut lines = vec![p.name.get_ref().trim().to_string()];
            lines.extend(address_lines(p.address.as_deref().unwrap_or_default()));
            if lines.len() < 2 {
                // An address of commas only.
                run.skipped
                    .push((id.clone(), p.id().to_string(), post.what, Why::NoAddress));
                found.plan_complete &= post.what != SentWhat::Plan;
                continue;
            }
            if lines.len() > MAX_ADDRESS_LINES {
                let why = Why::LongAddress { lines: lines.len() };
                run.skipped
                    .push((id.clone(), p.id().to_string(), post.what, why));
                found.plan_complete &= post.what != SentWhat::Plan;
                continue;
            }
            let kind = match post.what {
                SentWhat::Plan => DocumentKind::Plan,
                _ => DocumentKind::Invitation,
            };
            let lang = language(
                input.templates,
                kind,
                &[
                    views.language_of(p),
                    views.case_language(),
                    &input.settings.language,
                ],
                &mut notes,
                Some(p.id()),
            );
            let body = match post.what {
                SentWhat::Plan => {
                    let Some(context) = views.plan(&lang) else {
                        continue;
                    };
                    let context = super::tera_context(&context)?;
                    let markdown = input.templates.markdown(kind, &lang, &context)?;
                    html::markdown_to_body(&markdown).html
                }
                SentWhat::Cancellation => paragraphs(&preface(case, p, post.what, &lang)),
                _ => {
                    let shared = match &mut shared {
                        Some(shared) => shared,
                        None => shared.insert(SharedInvitation::new(case, &views)?),
                    };
                    let context = shared.context(&views, p, &lang)?;
                    let markdown = input.templates.markdown(kind, &lang, &context)?;
                    let body = html::markdown_to_body(&markdown).html;
                    match post.what {
                        SentWhat::Invitation => body,
                        _ => format!(
                            "<p class=\"preface\"><strong>{}</strong></p>\n{body}",
                            escape(&preface(case, p, post.what, &lang))
                        ),
                    }
                }
            };
            let date = input
                .today
                .format_localized("%-d %B %Y", super::templates::locale(&lang))
                .to_string();
            let html = sheet(&Sheet {
                lang: &lang,
                what: post.what,
                contact: &views.common(&lang).contact,
                recipient: &lines,
                date: &date,
                body: &body,
            });
            found.letters.push(Letter {
                to: p.id().to_string(),
                name: p.name.get_ref().clone(),
                what: post.what,
                version: post.version.clone(),
                lang,
                html,
            });
        }
        run.notes.extend(notes.into_iter().map(|n| (id.clone(), n)));
        if !found.letters.is_empty() {
            run.cases.push(found);
        }
    }
    Ok(run)
}

/// The words an update, a reminder or a cancellation opens with: the same
/// as the email's (`send::mail`), in the letter's language.
fn preface(case: &Case, p: &Participant, what: SentWhat, lang: &str) -> String {
    let formal = if p.is_formal() { "yes" } else { "no" };
    let date = case.conference_date().map_or_else(
        || "none".to_string(),
        |d| super::templates::long_date(d, lang),
    );
    let coordinator = case
        .coordinator
        .as_ref()
        .map(|c| c.get_ref().name.get_ref().trim().to_string())
        .unwrap_or_default();
    let message = match what {
        SentWhat::Cancellation => msg!(
            "mail-cancellation",
            formal = formal,
            name = p.known_as(),
            date = date,
            coordinator = coordinator
        ),
        SentWhat::Reminder => msg!("mail-reminder", formal = formal, date = date),
        _ => msg!("mail-update", formal = formal),
    };
    message.in_lang(Lang::of_document(lang))
}

/// Plain text as HTML paragraphs: a blank line between paragraphs, a line
/// break inside one.
fn paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let lines: Vec<String> = p.lines().map(|l| escape(l.trim())).collect();
            format!("<p>{}</p>\n", lines.join("<br>"))
        })
        .collect()
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

/// What one letter's page shows.
struct Sheet<'a> {
    lang: &'a str,
    what: SentWhat,
    contact: &'a ContactView,
    /// The recipient's name, then their address lines.
    recipient: &'a [String],
    date: &'a str,
    /// The document, as HTML (render::html).
    body: &'a str,
}

/// One letter as an `<article>`: the sender at the top, the recipient in
/// the window, the sender's contact and the date beside it, the document
/// below the first fold.
fn sheet(s: &Sheet) -> String {
    let mut out = String::new();
    let kind = what_name(s.what);
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
