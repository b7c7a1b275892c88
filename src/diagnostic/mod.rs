//! Diagnostics: what a rule found, where, and how to show it.
//!
//! The human form follows rustc and cargo (through annotate-snippets); the
//! JSON form is the stable contract of DESIGN §5.

use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    /// Relative to the repository root, `/`-separated.
    pub file: String,
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    /// The case id, when it could be read.
    pub case: Option<String>,
    pub message: String,
    #[serde(skip)]
    pub help: Option<String>,
    /// Byte range in the file's text, when there is text to point into.
    #[serde(skip)]
    pub span: Option<Range<usize>>,
}

impl Diagnostic {
    /// Orders diagnostics by file, line, column and code (DESIGN §5).
    pub fn sort_key(&self) -> (&str, usize, usize, &str) {
        (&self.file, self.line, self.column, self.code)
    }
}

/// Where each line of a text starts, to turn byte offsets into lines and
/// columns without rescanning the text for every diagnostic.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// Line and column (both 1-based, the column in characters) of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.starts.partition_point(|&start| start <= offset);
        let line_start = self.starts[line - 1];
        let column = self.text[line_start..offset].chars().count() + 1;
        (line, column)
    }
}

/// Line and column of one offset; see [`LineIndex`] for many.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).line_column(offset)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The counts and diagnostics of one `kring check`, as printed by `--format json`.
#[derive(Debug, Serialize)]
pub struct JsonReport<'a> {
    pub version: u32,
    pub files: usize,
    pub cases: usize,
    pub errors: usize,
    pub warnings: usize,
    pub diagnostics: &'a [Diagnostic],
}

/// Renders diagnostics in the style of rustc; `source` gives a file's text by
/// its relative path.
pub struct HumanRenderer {
    renderer: Renderer,
}

impl HumanRenderer {
    pub fn new(color: bool) -> Self {
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        HumanRenderer { renderer }
    }

    pub fn render(&self, diagnostic: &Diagnostic, source: Option<&str>) -> String {
        let level = match diagnostic.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let title = level
            .primary_title(diagnostic.message.as_str())
            .id(diagnostic.code);
        let mut group: Group<'_> = match (source, &diagnostic.span) {
            (Some(text), Some(span)) => {
                let (excerpt, first_line, local) = excerpt(text, span.clone(), diagnostic.line);
                title.element(
                    Snippet::source(excerpt)
                        .line_start(first_line)
                        .path(diagnostic.file.as_str())
                        .annotation(AnnotationKind::Primary.span(local)),
                )
            }
            _ => title.element(
                Origin::path(diagnostic.file.as_str())
                    .line(diagnostic.line)
                    .char_column(diagnostic.column),
            ),
        };
        if let Some(help) = &diagnostic.help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        self.renderer.render(&[group])
    }
}

/// How much of a long line or a long span is shown around the place.
const EXCERPT_CONTEXT: usize = 80;
const EXCERPT_MAX: usize = 4 * 1024;

/// The lines that hold `span`, with the first line's number and the span
/// relative to the excerpt. A very long line or span is cut to a window
/// around its start, which keeps rendering cheap on hostile files.
fn excerpt(text: &str, span: Range<usize>, line: usize) -> (&str, usize, Range<usize>) {
    let start = floor_char_boundary(text, span.start.min(text.len()));
    let end = floor_char_boundary(text, span.end.clamp(start, text.len()));
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    if line_end - line_start <= EXCERPT_MAX {
        return (
            &text[line_start..line_end],
            line,
            start - line_start..end - line_start,
        );
    }
    let first_line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let from = floor_char_boundary(text, start.saturating_sub(EXCERPT_CONTEXT).max(line_start));
    let to = floor_char_boundary(
        text,
        (start + 2 * EXCERPT_CONTEXT).min(first_line_end).max(start),
    );
    let mark_end = end.min(to);
    (&text[from..to], line, start - from..mark_end - from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let text = "a = 1\nnaam = \"Zoë\" x\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        let x = text.find(" x").unwrap() + 1;
        assert_eq!(line_column(text, x), (2, 14));
        assert_eq!(line_column(text, 10_000), (3, 1));
    }

    #[test]
    fn human_form_names_code_place_and_help() {
        let text = "id = \"x\"\nvariant = \"family\"\n";
        let diagnostic = Diagnostic {
            code: "K201",
            severity: Severity::Error,
            file: "cases/x.toml".into(),
            line: 2,
            column: 11,
            case: Some("x".into()),
            message: "family case without a central participant".into(),
            help: Some("add a participant with role = \"central\"".into()),
            span: Some(19..27),
        };
        let out = HumanRenderer::new(false).render(&diagnostic, Some(text));
        assert!(out.starts_with("error[K201]: family case"), "{out}");
        assert!(out.contains("--> cases/x.toml:2:11"), "{out}");
        assert!(out.contains("2 | variant = \"family\""), "{out}");
        assert!(out.contains("^^^^^^^^"), "{out}");
        assert!(out.contains("help: add a participant"), "{out}");
    }

    #[test]
    fn human_form_without_source_still_names_the_file() {
        let diagnostic = Diagnostic {
            code: "K005",
            severity: Severity::Error,
            file: "cases/big.toml".into(),
            line: 1,
            column: 1,
            case: None,
            message: "the file is larger than 1 MiB".into(),
            help: None,
            span: None,
        };
        let out = HumanRenderer::new(false).render(&diagnostic, None);
        assert!(out.contains("--> cases/big.toml:1:1"), "{out}");
    }
}
