//! Markdown to HTML: the rendered Markdown document, by pulldown-cmark,
//! becomes the body of the layout template.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

/// The options every document is parsed with: GFM tables, task lists and
/// strikethrough. Raw HTML is shown as text, never passed through, and
/// dangerous link targets are dropped (see [`safe`]).
fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH
}

/// A Markdown document, parsed once: the text of its first heading (the
/// document's title, if it has one) and, as asked, its HTML fragment and
/// its plain text.
pub struct Converted {
    pub title: Option<String>,
    pub html: Option<String>,
    pub plain: Option<String>,
}

/// A document's HTML fragment and its title, for the documents that need
/// no plain text (the plan, a declaration, a letter by post).
pub struct Body {
    pub html: String,
    pub title: Option<String>,
}

/// [`convert`] for the HTML and the title.
pub fn markdown_to_body(markdown: &str) -> Body {
    let converted = convert(markdown, true, false);
    Body {
        html: converted.html.unwrap_or_default(),
        title: converted.title,
    }
}

/// [`convert`] for the plain text only (a message's text part).
pub fn markdown_to_plain(markdown: &str) -> String {
    convert(markdown, false, true).plain.unwrap_or_default()
}

/// Parses `markdown` once and makes what is asked of it: the HTML fragment
/// (`html`) and the plain text of [`Converted::plain`] (`plain`). An
/// invitation with a calendar file needs both.
///
/// The plain text is for a calendar's DESCRIPTION and a message's text
/// part: headings, paragraphs, table cells and list items as lines,
/// without any Markdown marks (`#`, `**`, `>`, escapes). Lists keep a
/// "- " (or "1. ") before each item, as plain text mail does.
pub fn convert(markdown: &str, html: bool, plain: bool) -> Converted {
    let mut title = Title::default();
    let mut text = plain.then(Plain::default);
    let mut out = html.then(|| String::with_capacity(markdown.len() + markdown.len() / 4));
    // The title and the plain text see the events as parsed, so that raw
    // HTML is left out of them; only the HTML shows it, as text.
    let events = Parser::new_ext(markdown, options())
        .inspect(|event| {
            title.see(event);
            if let Some(text) = text.as_mut() {
                text.see(event);
            }
        })
        .map(safe);
    match out.as_mut() {
        Some(out) => pulldown_cmark::html::push_html(out, events),
        None => events.for_each(drop),
    }
    Converted {
        title: title
            .text
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty()),
        html: out,
        plain: text.map(Plain::finish),
    }
}

/// An event made safe to write as HTML: raw HTML becomes text (shown, not
/// interpreted), and a link or image whose target could run code or read
/// local files gets an empty target, as comrak and cmark-gfm do.
fn safe(event: Event<'_>) -> Event<'_> {
    match event {
        Event::Html(html) | Event::InlineHtml(html) => Event::Text(html),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) if dangerous(&dest_url) => Event::Start(Tag::Link {
            link_type,
            dest_url: CowStr::Borrowed(""),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) if dangerous(&dest_url) => Event::Start(Tag::Image {
            link_type,
            dest_url: CowStr::Borrowed(""),
            title,
            id,
        }),
        event => event,
    }
}

/// Whether a link target is a `javascript:`, `vbscript:`, `file:` or
/// `data:` URL (other than a PNG, GIF, JPEG or WebP image), in any case.
fn dangerous(url: &str) -> bool {
    let url = url.trim_start();
    let starts = |prefix: &str| {
        url.len() >= prefix.len()
            && url.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
    };
    if starts("data:") {
        return ![
            "data:image/png",
            "data:image/gif",
            "data:image/jpeg",
            "data:image/webp",
        ]
        .iter()
        .any(|image| starts(image));
    }
    starts("javascript:") || starts("vbscript:") || starts("file:")
}

/// The text of the first heading: its text and code, line breaks as
/// spaces.
#[derive(Default)]
struct Title {
    /// The heading's text so far, from its start.
    text: Option<String>,
    /// Inside the first heading.
    open: bool,
}

impl Title {
    fn see(&mut self, event: &Event<'_>) {
        match event {
            Event::Start(Tag::Heading { .. }) if self.text.is_none() => {
                self.text = Some(String::new());
                self.open = true;
            }
            Event::End(TagEnd::Heading(_)) => self.open = false,
            Event::Text(t) | Event::Code(t) if self.open => {
                if let Some(text) = self.text.as_mut() {
                    text.push_str(t);
                }
            }
            Event::SoftBreak | Event::HardBreak if self.open => {
                if let Some(text) = self.text.as_mut() {
                    text.push(' ');
                }
            }
            _ => {}
        }
    }
}

/// The plain text of a document, made from its events: a line of text
/// for each heading, paragraph and table cell; a list as one block, an
/// item a line; blocks apart by an empty line.
#[derive(Default)]
struct Plain {
    blocks: Vec<String>,
    stack: Vec<Frame>,
}

enum Frame {
    /// A list: the number of its next item (ordered lists) and its lines.
    List { next: Option<u64>, lines: String },
    /// A list item: the blocks inside it, joined by a space at its end.
    Item(Vec<String>),
    /// The text of a heading, paragraph or table cell; `implicit` for the
    /// text of a tight list's item, which has no paragraph of its own.
    Text { text: String, implicit: bool },
    /// Any other block (quote, table, row, code, raw HTML): its text, if
    /// any, is in the blocks inside it; code and raw HTML are left out.
    Other,
}

impl Plain {
    fn see(&mut self, event: &Event<'_>) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph | Tag::Heading { .. } | Tag::TableCell => {
                    self.close_implicit();
                    self.stack.push(Frame::Text {
                        text: String::new(),
                        implicit: false,
                    });
                }
                Tag::List(start) => {
                    self.close_implicit();
                    self.stack.push(Frame::List {
                        next: *start,
                        lines: String::new(),
                    });
                }
                Tag::Item => self.stack.push(Frame::Item(Vec::new())),
                Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::HtmlBlock
                | Tag::Table(_)
                | Tag::TableHead
                | Tag::TableRow
                | Tag::FootnoteDefinition(_)
                | Tag::DefinitionList
                | Tag::DefinitionListTitle
                | Tag::DefinitionListDefinition
                | Tag::MetadataBlock(_) => {
                    self.close_implicit();
                    self.stack.push(Frame::Other);
                }
                // Inline marks (emphasis, links, images…) only wrap text.
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell => self.close_text(),
                TagEnd::Item => {
                    self.close_implicit();
                    if let Some(Frame::Item(blocks)) = self.stack.pop()
                        && let Some(Frame::List { next, lines }) = self.stack.last_mut()
                    {
                        if !lines.is_empty() {
                            lines.push('\n');
                        }
                        match next {
                            Some(n) => {
                                lines.push_str(&n.to_string());
                                lines.push_str(". ");
                                *n += 1;
                            }
                            None => lines.push_str("- "),
                        }
                        lines.push_str(&blocks.join(" "));
                    }
                }
                TagEnd::List(_) => {
                    if let Some(Frame::List { lines, .. }) = self.stack.pop() {
                        self.emit(lines);
                    }
                }
                TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::HtmlBlock
                | TagEnd::Table
                | TagEnd::TableHead
                | TagEnd::TableRow
                | TagEnd::FootnoteDefinition
                | TagEnd::DefinitionList
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition
                | TagEnd::MetadataBlock(_) => {
                    self.close_implicit();
                    self.stack.pop();
                }
                _ => {}
            },
            Event::Text(t) | Event::Code(t) => self.push(t),
            Event::SoftBreak => self.push(" "),
            Event::HardBreak => self.push("\n"),
            _ => {}
        }
    }

    /// Adds inline text to the open heading, paragraph or cell, or to the
    /// item of a tight list; text anywhere else (code, raw HTML) is left
    /// out.
    fn push(&mut self, t: &str) {
        match self.stack.last_mut() {
            Some(Frame::Text { text, .. }) => text.push_str(t),
            Some(Frame::Item(_)) => self.stack.push(Frame::Text {
                text: t.to_string(),
                implicit: true,
            }),
            _ => {}
        }
    }

    fn close_implicit(&mut self) {
        if let Some(Frame::Text { implicit: true, .. }) = self.stack.last() {
            self.close_text();
        }
    }

    fn close_text(&mut self) {
        if let Some(Frame::Text { text, .. }) = self.stack.pop() {
            let line = text.trim();
            if !line.is_empty() {
                self.emit(line.to_string());
            }
        }
    }

    /// Adds a block to the innermost open item, else to the document.
    fn emit(&mut self, block: String) {
        match self.stack.iter_mut().rev().find_map(|frame| match frame {
            Frame::Item(blocks) => Some(blocks),
            _ => None,
        }) {
            Some(blocks) => blocks.push(block),
            None => self.blocks.push(block),
        }
    }

    fn finish(mut self) -> String {
        self.close_implicit();
        self.blocks.join("\n\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The HTML fragment and title of `markdown`.
    fn markdown_to_body(markdown: &str) -> Body {
        let converted = convert(markdown, true, false);
        Body {
            html: converted.html.unwrap_or_default(),
            title: converted.title,
        }
    }

    struct Body {
        html: String,
        title: Option<String>,
    }

    #[test]
    fn one_parse_gives_what_is_asked() {
        let markdown = "# Uitnodiging\n\nHoi **Sam**\n";
        let both = convert(markdown, true, true);
        assert_eq!(both.title.as_deref(), Some("Uitnodiging"));
        assert_eq!(both.plain.as_deref(), Some("Uitnodiging\n\nHoi Sam"));
        assert_eq!(
            both.html.as_deref(),
            Some("<h1>Uitnodiging</h1>\n<p>Hoi <strong>Sam</strong></p>\n")
        );
        let title_only = convert(markdown, false, false);
        assert_eq!(title_only.title, both.title);
        assert_eq!((title_only.html, title_only.plain), (None, None));
    }

    #[test]
    fn plain_text_has_no_markdown_marks() {
        let plain = convert(
            "# Uitnodiging\n\n- **Datum:** zaterdag\n- **Plaats:** De Kern \\*2\\*\n\n> Wat is er nodig?\n\nMet vriendelijke groet,\n\nSelin  \nCoördinator\n",
            false,
            true,
        )
        .plain;
        assert_eq!(
            plain.as_deref(),
            Some(
                "Uitnodiging\n\n- Datum: zaterdag\n- Plaats: De Kern *2*\n\nWat is er nodig?\n\nMet vriendelijke groet,\n\nSelin\nCoördinator"
            )
        );
    }

    #[test]
    fn the_first_heading_is_the_title() {
        let body = markdown_to_body("Intro\n\n# Uitnodiging voor *Sam*\n\n## Later\n");
        assert_eq!(body.title.as_deref(), Some("Uitnodiging voor Sam"));
        assert!(body.html.contains("<h1>Uitnodiging voor <em>Sam</em></h1>"));
    }

    #[test]
    fn raw_html_is_shown_not_passed_through() {
        let body = markdown_to_body("<script>alert(1)</script>\n\nText <b>bold</b>\n");
        assert!(!body.html.contains("<script"), "{}", body.html);
        assert!(!body.html.contains("<b>"), "{}", body.html);
        assert!(body.html.contains("&lt;b&gt;"), "{}", body.html);
        let plain =
            markdown_to_plain("# Kop <i>x</i>\n\n<script>alert(1)</script>\n\nText <b>bold</b>\n");
        assert_eq!(plain, "Kop x\n\nText bold");
        let title = convert("# Kop <i>x</i>\n", false, false).title;
        assert_eq!(title.as_deref(), Some("Kop x"));
    }

    #[test]
    fn dangerous_links_are_dropped() {
        let body = markdown_to_body("[klik](javascript:alert(1))\n");
        assert!(!body.html.contains("javascript:"), "{}", body.html);
    }

    #[test]
    fn dangerous_targets_in_any_case_but_images_stay() {
        assert!(dangerous("JavaScript:alert(1)"));
        assert!(dangerous("  vbscript:x"));
        assert!(dangerous("file:///etc/passwd"));
        assert!(dangerous("data:text/html,<script>"));
        assert!(!dangerous("data:image/png;base64,AAAA"));
        assert!(!dangerous("https://example.org/javascript:"));
        assert!(!dangerous("mailto:coordinator@example.org"));
        let body = markdown_to_body("![x](DATA:text/html,x) [y](FILE:/etc)\n");
        assert_eq!(body.html.matches("=\"\"").count(), 2, "{}", body.html);
    }

    #[test]
    fn plain_text_of_lists_tables_and_quotes() {
        let plain = markdown_to_plain(
            "1. een\n2. twee\n   - a\n   - b\n\n| Wie | Wat |\n|---|---|\n| Sam | `koffie` |\n\n> Let op:\n> morgen\n\n- los\n\n  en verder\n- [x] klaar\n\n```\ncode\n```\n",
        );
        assert_eq!(
            plain,
            "1. een\n2. twee - a\n- b\n\nWie\n\nWat\n\nSam\n\nkoffie\n\nLet op: morgen\n\n- los en verder\n- klaar"
        );
    }

    #[test]
    fn tables_and_task_lists() {
        let body = markdown_to_body("| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] klaar\n- [ ] open\n");
        assert!(body.html.contains("<table>"));
        assert!(body.html.contains("checked=\"\""));
        assert_eq!(body.title, None);
    }
}
