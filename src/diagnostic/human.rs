//! Diagnostics for people, in the style of rustc (through annotate-snippets).

use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::{Diagnostic, Severity, floor_char_boundary};
use crate::messages::{Lang, text};

/// Renders diagnostics in the style of rustc; `source` gives a file's text by
/// its relative path.
pub struct HumanRenderer {
    renderer: Renderer,
    lang: Lang,
}

impl HumanRenderer {
    pub fn new(color: bool, lang: Lang) -> Self {
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        HumanRenderer { renderer, lang }
    }

    pub fn render(&self, diagnostic: &Diagnostic, source: Option<&str>) -> String {
        let message = diagnostic.message.in_lang(self.lang);
        let help = diagnostic.help.in_lang(self.lang);
        let level = match diagnostic.severity {
            Severity::Error => Level::ERROR.with_name(text(self.lang, "level-error")),
            Severity::Warning => Level::WARNING.with_name(text(self.lang, "level-warning")),
        };
        let title = level
            .primary_title(message.as_str())
            .id(diagnostic.code.as_str());
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
        let help_level = Level::HELP.with_name(text(self.lang, "level-help"));
        group = group.element(help_level.message(help.as_str()));
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
    use crate::diagnostic::Code;

    #[test]
    fn human_form_names_code_place_and_help() {
        let text = "id = \"x\"\nvariant = \"family\"\n";
        let diagnostic = Diagnostic {
            code: Code::K201,
            severity: Severity::Error,
            file: "cases/x.toml".into(),
            line: 2,
            column: 11,
            case: Some("x".into()),
            message: "family case without a central participant".into(),
            help: "add a participant with role = \"central\"".into(),
            span: Some(19..27),
        };
        let out = HumanRenderer::new(false, Lang::En).render(&diagnostic, Some(text));
        assert!(out.starts_with("error[K201]: family case"), "{out}");
        assert!(out.contains("--> cases/x.toml:2:11"), "{out}");
        assert!(out.contains("2 | variant = \"family\""), "{out}");
        assert!(out.contains("^^^^^^^^"), "{out}");
        assert!(out.contains("help: add a participant"), "{out}");
    }

    #[test]
    fn human_form_without_source_still_names_the_file() {
        let diagnostic = Diagnostic {
            code: Code::K005,
            severity: Severity::Error,
            file: "cases/big.toml".into(),
            line: 1,
            column: 1,
            case: None,
            message: "the file is larger than 1 MiB".into(),
            help: Code::K005.rule().help(),
            span: None,
        };
        let out = HumanRenderer::new(false, Lang::En).render(&diagnostic, None);
        assert!(out.contains("--> cases/big.toml:1:1"), "{out}");
    }
}
