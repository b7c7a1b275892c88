//! Diagnostics: what a rule found, where, and how to show it.
//!
//! The rule table ([`rules`]) gives every K-code its severity and help; the
//! human form ([`human`]) follows rustc and cargo; the JSON form is the
//! stable contract of DESIGN §5.

mod human;
mod rules;

pub use human::HumanRenderer;
pub use rules::{Code, RULES, Rule, explanation};

use std::ops::Range;

use serde::Serialize;

use crate::messages::{Lang, Message};

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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    /// Relative to the repository root, `/`-separated.
    pub file: String,
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    /// The case id, when it could be read.
    pub case: Option<String>,
    pub message: Message,
    pub help: Message,
    /// Byte range in the file's text, when there is text to point into.
    pub span: Option<Range<usize>>,
}

/// A diagnostic as `kring check --format json` prints it (DESIGN §5), its
/// message in the user's language.
#[derive(Debug, Serialize)]
pub struct JsonDiagnostic<'a> {
    pub code: Code,
    pub severity: Severity,
    pub file: &'a str,
    pub line: usize,
    pub column: usize,
    pub case: Option<&'a str>,
    pub message: String,
}

impl Diagnostic {
    /// Orders diagnostics by file, line, column and code (DESIGN §5).
    pub fn sort_key(&self) -> (&str, usize, usize, Code) {
        (&self.file, self.line, self.column, self.code)
    }

    /// The JSON form, in `lang`.
    pub fn json(&self, lang: Lang) -> JsonDiagnostic<'_> {
        JsonDiagnostic {
            code: self.code,
            severity: self.severity,
            file: &self.file,
            line: self.line,
            column: self.column,
            case: self.case.as_deref(),
            message: self.message.in_lang(lang),
        }
    }

    /// A diagnostic of rule `code` at `span` in `file`, with the rule's
    /// severity and, unless `help` is given, the rule's help.
    pub fn new(
        code: Code,
        file: &str,
        lines: &LineIndex,
        span: Option<Range<usize>>,
        case: Option<String>,
        message: impl Into<Message>,
        help: Option<Message>,
    ) -> Diagnostic {
        let rule = code.rule();
        let (line, column) = span.as_ref().map_or((1, 1), |s| lines.line_column(s.start));
        Diagnostic {
            code,
            severity: rule.severity,
            file: file.to_string(),
            line,
            column,
            case,
            message: message.into(),
            help: help.unwrap_or_else(|| rule.help()),
            span,
        }
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

pub(crate) fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
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
    pub diagnostics: Vec<JsonDiagnostic<'a>>,
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
}
