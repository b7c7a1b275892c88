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

#[cfg(test)]
mod tests {
    use super::*;

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
