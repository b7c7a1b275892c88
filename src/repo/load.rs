//! Reading one case file into the typed model.

use std::io::Read;
use std::ops::Range;
use std::path::PathBuf;

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, Deserializer};

use super::CasePath;
use super::shape::ShapeProblem;
use crate::model::Case;

/// Case, roster and template files larger than this are refused (K005).
pub const MAX_FILE_SIZE: u64 = 1 << 20;

/// [`MAX_FILE_SIZE`] as people read it: "1 MiB".
pub fn max_file_size_text() -> String {
    format!("{} MiB", MAX_FILE_SIZE >> 20)
}

/// A case file's path and, once read, its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub rel: String,
    /// `None` when the file could not be read as text.
    pub text: Option<String>,
}

/// Why a file did not become a [`Case`].
#[derive(Debug)]
pub enum LoadError {
    Io(std::io::Error),
    TooLarge(u64),
    /// Not UTF-8; the line and column (1-based, the column in characters
    /// of the valid text before it) of the first bad byte.
    NotUtf8 {
        line: usize,
        column: usize,
    },
    /// Not valid TOML (K001), with how to set it right where kring can tell.
    Syntax {
        message: String,
        span: Option<Range<usize>>,
        help: Option<crate::messages::Message>,
    },
    /// Valid TOML of the wrong shape (K002): every problem, in file order.
    Shape(Vec<ShapeProblem>),
}

/// One case file after loading.
#[derive(Debug)]
pub struct Loaded {
    pub file: SourceFile,
    /// The case id with its span, whenever the file is TOML with a string `id`,
    /// even if the rest of the file has the wrong shape.
    pub id: Option<Spanned<String>>,
    pub case: Result<Case, LoadError>,
}

/// Reads and parses one case file. Never panics, whatever the bytes.
pub fn load_case(case_path: &CasePath) -> Loaded {
    let mut file = SourceFile {
        path: case_path.path.clone(),
        rel: case_path.rel.clone(),
        text: None,
    };
    let text = match read_text(&case_path.path) {
        Ok(text) => text,
        Err(error) => {
            return Loaded {
                file,
                id: None,
                case: Err(error),
            };
        }
    };
    let (id, case) = parse(&text);
    file.text = Some(text);
    Loaded { file, id, case }
}

/// Loads a case from bytes already in memory; `rel` names it in diagnostics.
pub fn parse_case_bytes(rel: &str, bytes: Vec<u8>) -> Loaded {
    let mut file = SourceFile {
        path: PathBuf::from(rel),
        rel: rel.to_string(),
        text: None,
    };
    match text_of_bytes(bytes) {
        Ok(text) => {
            let (id, case) = parse(&text);
            file.text = Some(text);
            Loaded { file, id, case }
        }
        Err(error) => Loaded {
            file,
            id: None,
            case: Err(error),
        },
    }
}

/// Loads a case from text already in memory; `rel` names it in diagnostics.
pub fn parse_case(rel: &str, text: &str) -> Loaded {
    parse_case_bytes(rel, text.as_bytes().to_vec())
}

/// The text of a file's bytes already in memory, within the limits.
pub(super) fn text_of_bytes(bytes: Vec<u8>) -> Result<String, LoadError> {
    let size = bytes.len() as u64;
    if size > MAX_FILE_SIZE {
        return Err(LoadError::TooLarge(size));
    }
    decode(bytes)
}

/// A file's text: at most [`MAX_FILE_SIZE`] bytes of UTF-8.
pub(super) fn read_text(path: &std::path::Path) -> Result<String, LoadError> {
    let handle = std::fs::File::open(path).map_err(LoadError::Io)?;
    let mut bytes = Vec::new();
    // Read one byte past the limit, so a file that grows while we look is
    // still caught without reading all of it.
    handle
        .take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(LoadError::Io)?;
    if bytes.len() as u64 > MAX_FILE_SIZE {
        let size = std::fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        return Err(LoadError::TooLarge(size));
    }
    decode(bytes)
}

fn decode(bytes: Vec<u8>) -> Result<String, LoadError> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&valid[line_start..])
            .chars()
            .count()
            + 1;
        LoadError::NotUtf8 { line, column }
    })
}

/// Parses case text: first the TOML syntax, then the shape.
pub fn parse(text: &str) -> (Option<Spanned<String>>, Result<Case, LoadError>) {
    let table = match DeTable::parse(text) {
        Ok(table) => table,
        Err(e) => {
            let error = LoadError::Syntax {
                message: e.message().to_string(),
                help: syntax_help(text, e.span()),
                span: e.span(),
            };
            return (None, Err(error));
        }
    };
    let id = table.get_ref().iter().find_map(|(key, value)| {
        match (key.get_ref().as_ref(), value.get_ref()) {
            ("id", DeValue::String(id)) => Some(Spanned::new(value.span(), id.to_string())),
            _ => None,
        }
    });
    let case = Case::deserialize(Deserializer::from(table)).map_err(|first| {
        // Parsed again, only for a file with problems: valid files are
        // read once.
        match DeTable::parse(text) {
            Ok(table) => LoadError::Shape(super::shape::problems(text, table, first)),
            Err(_) => LoadError::Shape(vec![ShapeProblem {
                message: super::shape::shape_message(first.message()),
                span: first.span(),
                help: None,
            }]),
        }
    });
    (id, case)
}

/// How to set a syntax error right, where the text shows what was meant: a
/// date in another form (`12-10-2026`), or a table given twice.
fn syntax_help(text: &str, span: Option<Range<usize>>) -> Option<crate::messages::Message> {
    let span = span?;
    let line_start = text[..span.start.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line_end = text[line_start..]
        .find('\n')
        .map_or(text.len(), |i| line_start + i);
    let line = &text[line_start..line_end];
    if let Some((key, value)) = line.split_once('=') {
        let value = value.split('#').next().unwrap_or("").trim();
        if let Some(date) = crate::model::loose_date(value) {
            return Some(crate::msg!(
                "syntax-date-form",
                key = key.trim(),
                date = date.format("%Y-%m-%d").to_string()
            ));
        }
    }
    let header = line.trim();
    if header.starts_with('[') && !header.starts_with("[[") {
        let first = text[..line_start]
            .lines()
            .position(|l| l.trim() == header)?;
        return Some(crate::msg!(
            "syntax-table-twice",
            header = header,
            line = first + 1
        ));
    }
    None
}

/// serde speaks of fields and variants; a case file has keys and values.
pub(super) fn in_toml_words(message: &str) -> String {
    message
        .trim_end()
        .replace("unknown field", "unknown key")
        .replace("missing field", "missing key")
        .replace("unknown variant", "unknown value")
        .replace(
            "expected a TOML datetime",
            "expected a date like 2026-10-12 or a time like 15:00:00, without quotes",
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_and_shape_errors_are_told_apart() {
        let (_, case) = parse("id = \"x\n");
        assert!(matches!(case, Err(LoadError::Syntax { .. })));
        let (id, case) = parse("id = \"x\"\nvariant = \"family\"\nkleur = 1\n");
        assert_eq!(id.map(|i| i.into_inner()).as_deref(), Some("x"));
        let Err(LoadError::Shape(problems)) = case else {
            panic!("expected a shape error");
        };
        // Both problems at once, in file order: `request` is missing (at
        // the start) and `kleur` is unknown.
        assert_eq!(problems.len(), 2, "{problems:?}");
        let text = |i: usize| problems[i].message.in_lang(crate::messages::Lang::En);
        assert!(text(0).contains("request"), "{problems:?}");
        assert!(text(1).contains("kleur"), "{problems:?}");
    }
}
