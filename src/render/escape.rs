//! Escaping case values for the Markdown they are printed into.
//!
//! The template engine calls [`markdown`] on every `{{ value }}` in a `.md`
//! template, so a name like `*Jan* [x](y) <b>` prints literally and never
//! becomes emphasis, a link or HTML. HTML escaping is the engine's own.

use std::io::Write;

/// Escapes `input` so that CommonMark (with the GFM table, task list and
/// strikethrough extensions) shows it as the same text, wherever in a line
/// it lands.
///
/// Only characters that can start markup get a backslash, so that the
/// Markdown stays readable: `f.elamrani@example.org` stays as it is, `a*b`
/// becomes `a\*b`. A line break in a value becomes a space: values are
/// printed inside paragraphs, list items and table cells, where a line break
/// would end the block. Control characters are dropped.
pub fn markdown(input: &str, out: &mut dyn Write) -> std::io::Result<()> {
    if is_plain(input) {
        return out.write_all(input.as_bytes());
    }
    let mut at_start = true;
    let mut chars = input.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => {
                write!(out, "\\{c}")?;
            }
            // `!` only matters before `[`, which may follow in the template.
            '!' if chars.peek().is_none() => out.write_all(b"\\!")?,
            // Leading blanks would make an indented code block.
            ' ' | '\t' if at_start => continue,
            '&' if starts_entity(&input[i..]) => out.write_all(b"\\&")?,
            // Block markers only count at the start of a line; a value may
            // land there, so its first character is treated as if it did.
            '#' | '-' | '+' | '=' if at_start => write!(out, "\\{c}")?,
            '0'..='9' if at_start => {
                // "1." or "1)" would start an ordered list.
                out.write_all(c.encode_utf8(&mut [0; 4]).as_bytes())?;
                while let Some(&(_, d)) = chars.peek() {
                    if !d.is_ascii_digit() {
                        break;
                    }
                    chars.next();
                    out.write_all(&[d as u8])?;
                }
                if let Some(&(_, d @ ('.' | ')'))) = chars.peek() {
                    chars.next();
                    write!(out, "\\{d}")?;
                }
            }
            '\r' | '\n' => {
                if chars.peek().is_some_and(|&(_, d)| c == '\r' && d == '\n') {
                    chars.next();
                }
                out.write_all(b" ")?;
            }
            '\t' => out.write_all(b" ")?,
            c if c.is_control() => {}
            c => out.write_all(c.encode_utf8(&mut [0; 4]).as_bytes())?,
        }
        at_start = false;
    }
    Ok(())
}

/// Whether `text` (starting with `&`) reads as an HTML entity such as
/// `&amp;`, `&#38;` or `&#x26;`, which CommonMark would decode.
fn starts_entity(text: &str) -> bool {
    let rest = &text[1..];
    let Some(end) = rest.find(';') else {
        return false;
    };
    let body = &rest[..end];
    if let Some(number) = body.strip_prefix('#') {
        let (digits, radix) = match number.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16),
            None => (number, 10),
        };
        !digits.is_empty() && digits.chars().all(|c| c.is_digit(radix))
    } else {
        !body.is_empty() && body.chars().all(|c| c.is_ascii_alphanumeric())
    }
}

/// Whether [`markdown`] leaves `input` as it is: most values (names,
/// places, dates) are, and are then written in one piece.
fn is_plain(input: &str) -> bool {
    let mut chars = input.chars();
    let first_is_plain = chars
        .next()
        .is_none_or(|c| !matches!(c, ' ' | '#' | '-' | '+' | '=' | '0'..='9'));
    first_is_plain
        && input.chars().all(|c| {
            !c.is_control()
                && !matches!(
                    c,
                    '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '!' | '&'
                )
        })
}

/// [`markdown`] into a `String`.
/// Text for HTML content and quoted attribute values: `&`, `<`, `>` and
/// both quotes as entities (the letters by post, a message's own page).
pub fn html(text: &str) -> String {
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
pub fn markdown_string(input: &str) -> String {
    let mut out = Vec::with_capacity(input.len() + 8);
    // Writing into a Vec cannot fail.
    let _ = markdown(input, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use comrak::{Options, markdown_to_html};

    /// The text a CommonMark renderer shows for `md`, with tags removed and
    /// entities decoded.
    fn shown(md: &str) -> String {
        let mut options = Options::default();
        options.extension.table = true;
        options.extension.tasklist = true;
        options.extension.strikethrough = true;
        let html = markdown_to_html(md, &options);
        let mut text = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        text.trim()
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&amp;", "&")
    }

    fn html(md: &str) -> String {
        let mut options = Options::default();
        options.extension.table = true;
        options.extension.tasklist = true;
        options.extension.strikethrough = true;
        markdown_to_html(md, &options)
    }

    const NASTY: &[&str] = &[
        "Jan <script>x</script> *vet* [klik](javascript:y) & \"Piet\"",
        "# kop",
        "- lijst",
        "+ lijst",
        "1. lijst",
        "12) lijst",
        "> citaat",
        "===",
        "`code`",
        "~~weg~~",
        "a | b | c",
        "&amp; &#38; &#x26; & ; &x",
        "_nadruk_ __sterk__ **sterk**",
        "![beeld](x.png)",
        "<https://example.org>",
        "[ ] taak",
        "\\* backslash",
        "regel\neen\r\ntwee",
        "Fatima El Amrani — ğüşıö 家族",
        "{{ name }} {% if x %}",
        "Welkom!",
        "    ingesprongen",
        "www.example.org",
    ];

    #[test]
    fn values_print_literally_in_a_paragraph() {
        for value in NASTY {
            let md = markdown_string(value);
            let expected = value.replace("\r\n", " ").replace('\n', " ");
            assert_eq!(shown(&md), expected.trim(), "value {value:?} as {md:?}");
        }
    }

    #[test]
    fn values_print_literally_in_list_items_and_table_cells() {
        for value in NASTY {
            let md = markdown_string(value);
            let expected = value.replace("\r\n", " ").replace('\n', " ");
            let item = format!("- {md}\n");
            assert_eq!(shown(&item), expected.trim(), "list item {value:?}");
            let table = format!("| a |\n|---|\n| {md} |\n");
            assert_eq!(
                shown(&table).trim_start_matches('a').trim(),
                expected.trim(),
                "table cell {value:?}"
            );
            let rendered = html(&table);
            assert_eq!(
                rendered.matches("<td>").count(),
                1,
                "one cell for {value:?}"
            );
        }
    }

    #[test]
    fn no_markup_comes_from_a_value() {
        for value in NASTY {
            let rendered = html(&format!("Beste {},\n", markdown_string(value)));
            assert!(!rendered.contains("<script"), "{rendered}");
            assert!(!rendered.contains("<a "), "{rendered}");
            assert!(!rendered.contains("<em>"), "{rendered}");
            assert!(!rendered.contains("<strong>"), "{rendered}");
            assert!(!rendered.contains("<code>"), "{rendered}");
            assert!(!rendered.contains("<del>"), "{rendered}");
            assert!(!rendered.contains("<img"), "{rendered}");
        }
    }

    #[test]
    fn ordinary_text_stays_readable() {
        for value in [
            "Fatima El Amrani",
            "f.elamrani@example.org",
            "06-12345678",
            "Lindelaan 4, 8011 AB Zwolle",
            "koffie en thee (met koek)",
            "Ömer Yıldız",
        ] {
            assert_eq!(markdown_string(value), value);
        }
    }

    #[test]
    fn control_characters_are_dropped() {
        assert_eq!(markdown_string("a\u{0}b\u{7}c\td"), "abc d");
    }
}
