//! Markdown to HTML: the rendered Markdown document, by comrak, becomes the
//! body of the layout template.

use std::fmt::Write as _;

use comrak::nodes::NodeValue;
use comrak::{Arena, Options, format_html, parse_document};

/// The options every document is rendered with: GFM tables, task lists and
/// strikethrough; raw HTML is shown as text, never passed through, and
/// dangerous link targets are dropped.
fn options() -> Options<'static> {
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.tasklist = true;
    options.extension.strikethrough = true;
    options.render.r#unsafe = false;
    options.render.escape = true;
    options
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
/// invitation with a calendar file needs both, and parsing is the larger
/// part of the work.
pub fn convert(markdown: &str, html: bool, plain: bool) -> Converted {
    let options = options();
    let arena = Arena::new();
    let root = parse_document(&arena, markdown, &options);
    let title = root
        .descendants()
        .find(|node| matches!(node.data().value, NodeValue::Heading(_)))
        .map(|heading| heading.collect_text().trim().to_string())
        .filter(|title| !title.is_empty());
    let html = html.then(|| {
        let mut html = String::with_capacity(markdown.len() + markdown.len() / 4);
        // Formatting into a String cannot fail.
        let _ = format_html(root, &options, &mut html);
        html
    });
    // The plain text is for a calendar's DESCRIPTION: headings, paragraphs
    // and list items as lines, without any Markdown marks (`#`, `**`, `>`,
    // escapes). Lists keep a "- " before each item, as plain text mail
    // does.
    let plain = plain.then(|| {
        let mut blocks = Vec::new();
        plain_blocks(root, &mut blocks);
        blocks.join("\n\n")
    });
    Converted { title, html, plain }
}

fn plain_blocks<'a>(node: &'a comrak::nodes::AstNode<'a>, out: &mut Vec<String>) {
    for child in node.children() {
        match &child.data().value {
            NodeValue::Heading(_) | NodeValue::Paragraph | NodeValue::TableCell => {
                let mut line = String::new();
                plain_inline(child, &mut line);
                let line = line.trim();
                if !line.is_empty() {
                    out.push(line.to_string());
                }
            }
            NodeValue::List(list) => {
                let mut items = String::new();
                let mut inner = Vec::new();
                for (n, item) in child.children().enumerate() {
                    if n > 0 {
                        items.push('\n');
                    }
                    match list.list_type {
                        comrak::nodes::ListType::Ordered => {
                            // Writing into a String cannot fail.
                            let _ = write!(items, "{}. ", list.start + n);
                        }
                        comrak::nodes::ListType::Bullet => items.push_str("- "),
                    }
                    inner.clear();
                    plain_blocks(item, &mut inner);
                    items.push_str(&inner.join(" "));
                }
                out.push(items);
            }
            NodeValue::ThematicBreak => {}
            _ => plain_blocks(child, out),
        }
    }
}

fn plain_inline<'a>(node: &'a comrak::nodes::AstNode<'a>, out: &mut String) {
    for child in node.children() {
        match &child.data().value {
            NodeValue::Text(text) => out.push_str(text),
            NodeValue::Code(code) => out.push_str(&code.literal),
            NodeValue::SoftBreak => out.push(' '),
            NodeValue::LineBreak => out.push('\n'),
            _ => plain_inline(child, out),
        }
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
    }

    #[test]
    fn dangerous_links_are_dropped() {
        let body = markdown_to_body("[klik](javascript:alert(1))\n");
        assert!(!body.html.contains("javascript:"), "{}", body.html);
    }

    #[test]
    fn tables_and_task_lists() {
        let body = markdown_to_body("| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] klaar\n- [ ] open\n");
        assert!(body.html.contains("<table>"));
        assert!(body.html.contains("checked=\"\""));
        assert_eq!(body.title, None);
    }
}
