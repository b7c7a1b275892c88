//! Markdown to HTML: the rendered Markdown document, by comrak, becomes the
//! body of the layout template.

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

/// A Markdown document as an HTML fragment, with the text of its first
/// heading (the document's title, if it has one).
pub struct Body {
    pub html: String,
    pub title: Option<String>,
}

pub fn markdown_to_body(markdown: &str) -> Body {
    let options = options();
    let arena = Arena::new();
    let root = parse_document(&arena, markdown, &options);
    let title = root
        .descendants()
        .find(|node| matches!(node.data().value, NodeValue::Heading(_)))
        .map(|heading| heading.collect_text().trim().to_string())
        .filter(|title| !title.is_empty());
    let mut html = String::new();
    // Formatting into a String cannot fail.
    let _ = format_html(root, &options, &mut html);
    Body { html, title }
}

/// A Markdown document as plain text, for a calendar's DESCRIPTION:
/// headings, paragraphs and list items as lines, without any Markdown
/// marks (`#`, `**`, `>`, escapes). Lists keep a "- " before each item,
/// as plain text mail does.
pub fn markdown_to_plain(markdown: &str) -> String {
    let options = options();
    let arena = Arena::new();
    let root = parse_document(&arena, markdown, &options);
    let mut blocks = Vec::new();
    plain_blocks(root, "", &mut blocks);
    blocks.join("\n\n")
}

fn plain_blocks<'a>(node: &'a comrak::nodes::AstNode<'a>, prefix: &str, out: &mut Vec<String>) {
    for child in node.children() {
        let value = child.data().value.clone();
        match value {
            NodeValue::Heading(_) | NodeValue::Paragraph | NodeValue::TableCell => {
                let mut line = String::new();
                plain_inline(child, &mut line);
                let line = line.trim().to_string();
                if !line.is_empty() {
                    out.push(format!("{prefix}{line}"));
                }
            }
            NodeValue::List(list) => {
                let mut items = Vec::new();
                for (n, item) in child.children().enumerate() {
                    let mark = match list.list_type {
                        comrak::nodes::ListType::Ordered => format!("{}. ", list.start + n),
                        comrak::nodes::ListType::Bullet => "- ".to_string(),
                    };
                    let mut inner = Vec::new();
                    plain_blocks(item, "", &mut inner);
                    items.push(format!("{prefix}{mark}{}", inner.join(" ")));
                }
                out.push(items.join("\n"));
            }
            NodeValue::ThematicBreak => {}
            _ => plain_blocks(child, prefix, out),
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

    #[test]
    fn plain_text_has_no_markdown_marks() {
        let plain = markdown_to_plain(
            "# Uitnodiging\n\n- **Datum:** zaterdag\n- **Plaats:** De Kern \\*2\\*\n\n> Wat is er nodig?\n\nMet vriendelijke groet,\n\nSelin  \nCoördinator\n",
        );
        assert_eq!(
            plain,
            "Uitnodiging\n\n- Datum: zaterdag\n- Plaats: De Kern *2*\n\nWat is er nodig?\n\nMet vriendelijke groet,\n\nSelin\nCoördinator"
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
