//! One message for one recipient (DESIGN §9.2), built with lettre's MIME
//! builder: never Cc or Bcc, From the coordinator, the subject in the
//! recipient's language, `multipart/alternative` with a plain-text part,
//! the HTML document and, for an invitation, an update or a cancellation,
//! the calendar part (`text/calendar; method=REQUEST` or `CANCEL`).
//!
//! Header values are lettre's to encode: a name with a line break or
//! `Bcc:` in it is written as an encoded word (RFC 2047) and stays a name.

use lettre::Message;
use lettre::message::header::ContentType;
use lettre::message::{Mailbox, MultiPart, SinglePart};

use crate::messages::{Lang, Message as Text};
use crate::model::SentWhat;
use crate::msg;
use crate::render::escape::html as escape;

/// What goes into one message.
pub struct Letter<'a> {
    pub what: SentWhat,
    /// The recipient's document language (`nl`, `en`, ...).
    pub lang: &'a str,
    pub formal: bool,
    /// The recipient's name as the letter greets them.
    pub known_as: &'a str,
    /// The document's own title (its first heading).
    pub title: &'a str,
    /// The document as Markdown (the plain-text part is made from it).
    pub markdown: &'a str,
    /// The document as an HTML page.
    pub html: &'a str,
    /// The scheduling calendar file, for invitations, updates and
    /// cancellations when the conference has a date and times.
    pub calendar: Option<String>,
    /// The date of the conference, as the letter says it, when known.
    pub date: Option<String>,
    /// The coordinator's name, for the cancellation.
    pub coordinator: &'a str,
}

/// Why a message could not be built.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct BuildError(String);

/// The language of kring's own words in a message: Dutch for a Dutch
/// letter, else English.
pub fn words(lang: &str) -> Lang {
    if lang == "nl" { Lang::Nl } else { Lang::En }
}

/// The subject: the document's title, with a word before it for an
/// update, a reminder or a cancellation.
pub fn subject(letter: &Letter<'_>) -> String {
    let lang = words(letter.lang);
    let title = one_line(letter.title);
    match letter.what {
        SentWhat::Invitation | SentWhat::Plan => title,
        SentWhat::Update => msg!("mail-subject-update", title = title).in_lang(lang),
        SentWhat::Reminder => msg!("mail-subject-reminder", title = title).in_lang(lang),
        SentWhat::Cancellation => msg!("mail-subject-cancellation", title = title).in_lang(lang),
    }
}

/// The words above the document: none for an invitation or the plan, a
/// short paragraph for an update or a reminder, the whole message for a
/// cancellation.
fn preface(letter: &Letter<'_>) -> Option<String> {
    let lang = words(letter.lang);
    let formal = if letter.formal { "yes" } else { "no" };
    let date = letter.date.clone().unwrap_or_else(|| "none".into());
    let text: Text = match letter.what {
        SentWhat::Invitation | SentWhat::Plan => return None,
        SentWhat::Update => msg!("mail-update", formal = formal),
        SentWhat::Reminder => msg!("mail-reminder", formal = formal, date = date.as_str()),
        SentWhat::Cancellation => msg!(
            "mail-cancellation",
            formal = formal,
            name = letter.known_as,
            date = date.as_str(),
            coordinator = letter.coordinator
        ),
    };
    Some(text.in_lang(lang))
}

/// Builds the message from `from` to `to`.
pub fn build(from: Mailbox, to: Mailbox, letter: &Letter<'_>) -> Result<Message, BuildError> {
    let preface = preface(letter);
    let document = crate::render::html::markdown_to_plain(letter.markdown);
    let (plain, html) = match (&preface, letter.what) {
        (Some(preface), SentWhat::Cancellation) => (
            format!("{preface}\n"),
            html_page(letter.lang, letter.title, preface),
        ),
        (Some(preface), _) => (
            format!("{preface}\n\n{document}"),
            with_preface(letter.html, preface),
        ),
        (None, _) => (document, letter.html.to_string()),
    };
    let mut parts = MultiPart::alternative()
        .singlepart(SinglePart::plain(plain))
        .singlepart(SinglePart::html(html));
    if let Some(calendar) = &letter.calendar {
        let method = if letter.what == SentWhat::Cancellation {
            "CANCEL"
        } else {
            "REQUEST"
        };
        let kind = ContentType::parse(&format!("text/calendar; charset=utf-8; method={method}"))
            .map_err(|e| BuildError(e.to_string()))?;
        parts = parts.singlepart(
            SinglePart::builder()
                .content_type(kind)
                .body(calendar.clone()),
        );
    }
    Message::builder()
        .from(from)
        .to(to)
        .subject(subject(letter))
        .date_now()
        .user_agent(format!("kring {}", env!("CARGO_PKG_VERSION")))
        .multipart(parts)
        .map_err(|e| BuildError(e.to_string()))
}

/// The HTML document with the preface as its first paragraph, right after
/// `<body>` (the layout has one); at the top if it has none.
fn with_preface(page: &str, preface: &str) -> String {
    let paragraph = format!(
        "<p class=\"preface\"><strong>{}</strong></p>\n",
        escape(preface)
    );
    match page.find("<main") {
        Some(at) => match page[at..].find('>') {
            Some(end) => {
                let at = at + end + 1;
                format!("{}\n{paragraph}{}", &page[..at], &page[at..])
            }
            None => format!("{paragraph}{page}"),
        },
        None => match page.find("<body>") {
            Some(at) => {
                let at = at + "<body>".len();
                format!("{}\n{paragraph}{}", &page[..at], &page[at..])
            }
            None => format!("{paragraph}{page}"),
        },
    }
}

/// A small HTML page for a message that has no document of its own.
fn html_page(lang: &str, title: &str, text: &str) -> String {
    let paragraphs: String = text
        .split("\n\n")
        .map(|p| format!("<p>{}</p>\n", escape(p.trim()).replace('\n', "<br>\n")))
        .collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n</head>\n<body>\n{paragraphs}</body>\n</html>\n",
        escape(lang),
        escape(title)
    )
}

/// Text for a header value: one line, without control characters. lettre
/// encodes the rest (RFC 2047); a line break it would refuse (it panics
/// writing a name that holds one), so none reaches it.
pub fn one_line(text: &str) -> String {
    let visible: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    visible.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A mailbox whose name is safe to write: see [`one_line`].
pub fn mailbox(name: &str, address: lettre::Address) -> Mailbox {
    let name = one_line(name);
    Mailbox::new((!name.is_empty()).then_some(name), address)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letter(what: SentWhat) -> Letter<'static> {
        Letter {
            what,
            lang: "nl",
            formal: false,
            known_as: "Anaïs",
            title: "Uitnodiging voor de bijeenkomst over Sam",
            markdown: "# Uitnodiging\n\nBeste **Anaïs**,\n",
            html: "<!DOCTYPE html>\n<html lang=\"nl\">\n<body>\n<main>\n<h1>Uitnodiging</h1>\n</main>\n</body>\n</html>\n",
            calendar: None,
            date: Some("zaterdag 10 oktober 2026".into()),
            coordinator: "Fatima El Amrani",
        }
    }

    fn mailbox(name: &str, email: &str) -> Mailbox {
        super::mailbox(name, email.parse().unwrap())
    }

    #[test]
    fn a_name_cannot_add_a_header() {
        let message = build(
            mailbox("Fatima El Amrani", "f@example.org"),
            mailbox("Jan\r\nBcc: x@example.org", "jan@example.org"),
            &letter(SentWhat::Invitation),
        )
        .unwrap();
        let text = String::from_utf8(message.formatted()).unwrap();
        let headers = text.split("\r\n\r\n").next().unwrap();
        assert!(
            !headers
                .lines()
                .any(|l| l.to_ascii_lowercase().starts_with("bcc:")),
            "{headers}"
        );
        assert_eq!(message.envelope().to().len(), 1);
    }

    #[test]
    fn updates_say_so_in_the_subject_and_above_the_letter() {
        let l = letter(SentWhat::Update);
        assert!(subject(&l).contains("Uitnodiging voor de bijeenkomst over Sam"));
        assert_ne!(subject(&l), l.title);
        let message = build(
            mailbox("Fatima", "f@example.org"),
            mailbox("Anaïs", "a@example.org"),
            &l,
        )
        .unwrap();
        let text = String::from_utf8_lossy(&message.formatted()).to_string();
        assert!(text.contains("multipart/alternative"), "{text}");
        assert!(
            with_preface(l.html, "Let op")
                .contains("<main>\n<p class=\"preface\"><strong>Let op</strong></p>")
        );
    }

    #[test]
    fn the_calendar_part_has_its_method() {
        let mut l = letter(SentWhat::Cancellation);
        l.calendar = Some("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".into());
        let message = build(
            mailbox("Fatima", "f@example.org"),
            mailbox("Anaïs", "a@example.org"),
            &l,
        )
        .unwrap();
        let text = String::from_utf8_lossy(&message.formatted()).to_string();
        assert!(text.contains("method=CANCEL"), "{text}");
    }
}
