//! Canonical formatting of case files (`kring fmt`), with toml_edit so that
//! comments stay where they belong.
//!
//! Keys follow the order of DESIGN §3, tables too (participants and
//! agreements keep their own order), with one blank line before each table.
//! Strings become basic strings (`"..."`) unless they span lines; inline
//! arrays read `["a", "b"]` and break one item per line when long. `key =
//! value` has one space on each side of `=`. Comments before a key or table
//! move with it; trailing comments keep their column. Formatting never
//! changes what the file means, and formatting twice changes nothing.

use toml_edit::{Array, DocumentMut, Item, RawString, Table, Value};

/// The order of keys and tables, per table path (DESIGN §3).
fn key_order(path: &str) -> &'static [&'static str] {
    match path {
        "" => &[
            "id",
            "variant",
            "language",
            "title",
            "request",
            "coordinator",
            "conference",
            "participant",
            "safety",
            "tasks",
            "plan",
            "followup",
            "closed",
        ],
        "request" => &[
            "received",
            "by",
            "question",
            "question_agreed",
            "consent",
            "compulsory",
            "acceptor",
            "wishes",
        ],
        "request.wishes" => &["languages", "gender", "background", "religion", "notes"],
        "coordinator" => &[
            "id",
            "name",
            "assigned",
            "email",
            "phone",
            "languages",
            "organisation",
            "independent",
        ],
        "conference" => &[
            "date",
            "start",
            "end",
            "location",
            "address",
            "arrangements",
            "part",
        ],
        "conference.part" => &["kind", "start", "end"],
        "participant" => &[
            "id",
            "name",
            "role",
            "relation",
            "born",
            "language",
            "email",
            "phone",
            "address",
            "organisation",
            "invited_by",
            "status",
            "prepared",
            "parts",
            "needs",
            "hide_contact",
            "avoid",
        ],
        "safety" => &["arrangement"],
        "tasks" => &["circle", "practical", "information", "registration"],
        "plan" => &[
            "recorded",
            "sent",
            "strengths",
            "goals",
            "contingency",
            "review",
            "agreement",
            "acceptance",
        ],
        "plan.agreement" => &["what", "who", "when", "by", "checks", "support"],
        "plan.acceptance" => &["by", "date", "accepted", "reason"],
        "followup" => &["done", "contacted", "notes"],
        "closed" => &["date", "reason"],
        _ => &[],
    }
}

/// Inline arrays longer than this break into one item per line.
const MAX_INLINE_ARRAY: usize = 80;

/// Formats a case file. Fails only when `text` is not TOML.
pub fn format(text: &str) -> Result<String, toml_edit::TomlError> {
    let mut doc: DocumentMut = text.parse()?;
    let header = take_file_header(doc.as_table_mut());

    let mut position = 0;
    format_table(doc.as_table_mut(), "", &mut position);

    // The file's own header comment stays on top, whatever comes first
    // now; the first item gets no blank line above it.
    let own = first_prefix(doc.as_table_mut()).unwrap_or_default();
    let own = own.trim_start_matches('\n');
    let text = match header {
        Some(h) => format!("{h}\n\n{own}"),
        None => own.to_string(),
    };
    set_first_prefix(doc.as_table_mut(), text);

    // Comments after the last item (keys commented out) stay as they are.
    let trailing = normalise_comments(doc.trailing().as_str().unwrap_or_default());
    let trailing = trailing.trim_end_matches('\n');
    doc.set_trailing(if trailing.trim().is_empty() {
        String::new()
    } else {
        format!("{trailing}\n")
    });
    let mut out = doc.to_string();
    while out.ends_with("\n\n") {
        out.pop();
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

/// Sorts, spaces and re-encodes one table and everything below it, and
/// numbers its sub-tables in document order.
fn format_table(table: &mut Table, path: &str, position: &mut isize) {
    let order = key_order(path);
    let rank = |key: &str| order.iter().position(|k| *k == key).unwrap_or(order.len());
    table.sort_values_by(|a, _, b, _| rank(a.get()).cmp(&rank(b.get())));

    let keys: Vec<String> = table.iter().map(|(k, _)| k.to_string()).collect();
    for key in &keys {
        let is_value = table.get(key).is_some_and(Item::is_value);
        if is_value && let Some(mut key_mut) = table.key_mut(key) {
            let decor = key_mut.leaf_decor_mut();
            let prefix = decor
                .prefix()
                .and_then(RawString::as_str)
                .unwrap_or_default();
            let prefix = normalise_comments(prefix);
            decor.set_prefix(prefix);
            decor.set_suffix(" ");
        }
        let child = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        match table.get_mut(key) {
            Some(Item::Value(value)) => format_value(value),
            Some(Item::Table(sub)) => {
                *position += 1;
                sub.set_position(Some(*position));
                format_header(sub);
                format_table(sub, &child, position);
            }
            Some(Item::ArrayOfTables(array)) => {
                for sub in array.iter_mut() {
                    *position += 1;
                    sub.set_position(Some(*position));
                    format_header(sub);
                    format_table(sub, &child, position);
                }
            }
            _ => {}
        }
    }
}

/// A blank line before a table header, its comments kept. Comment lines
/// right after the previous key (keys commented out, as in the skeleton of
/// `kring new`) stay there when a blank line follows them.
fn format_header(table: &mut Table) {
    let decor = table.decor_mut();
    let prefix = decor
        .prefix()
        .and_then(RawString::as_str)
        .unwrap_or_default();
    let comments = normalise_comments(prefix);
    let comments = if comments.starts_with('\n') || comments.contains("\n\n") {
        comments
    } else {
        format!("\n{comments}")
    };
    decor.set_prefix(comments);
    let suffix = decor
        .suffix()
        .and_then(RawString::as_str)
        .unwrap_or_default();
    decor.set_suffix(suffix.trim_end().to_string());
}

fn format_value(value: &mut Value) {
    let suffix = value
        .decor()
        .suffix()
        .and_then(RawString::as_str)
        .unwrap_or_default()
        .trim_end()
        .to_string();
    match value {
        Value::String(s) => {
            let text = s.value().clone();
            let literal = s
                .as_repr()
                .and_then(|r| r.as_raw().as_str())
                .is_some_and(|raw| raw.starts_with('\''));
            let multi_line = s
                .as_repr()
                .and_then(|r| r.as_raw().as_str())
                .is_some_and(|raw| raw.starts_with("\"\"\"") || raw.starts_with("'''"));
            if (literal || multi_line) && !text.contains('\n') {
                *s = toml_edit::Formatted::new(text);
            }
        }
        Value::Array(array) => format_array(array),
        _ => {}
    }
    let decor = value.decor_mut();
    decor.set_prefix(" ");
    decor.set_suffix(suffix);
}

/// `["a", "b"]` on one line when it fits and holds no comments, else one
/// item per line.
fn format_array(array: &mut Array) {
    let has_comments = array.iter().any(|v| {
        [v.decor().prefix(), v.decor().suffix()]
            .into_iter()
            .flatten()
            .any(|raw| raw.as_str().is_some_and(|s| s.contains('#')))
    }) || array.trailing().as_str().is_some_and(|s| s.contains('#'));
    if has_comments {
        return;
    }
    for value in array.iter_mut() {
        format_value(value);
    }
    let one_line: usize = array
        .iter()
        .map(|v| v.to_string().trim().len() + 2)
        .sum::<usize>()
        + 2;
    let multi_line = one_line > MAX_INLINE_ARRAY;
    let count = array.len();
    for (i, value) in array.iter_mut().enumerate() {
        let decor = value.decor_mut();
        if multi_line {
            decor.set_prefix("\n  ");
        } else {
            decor.set_prefix(if i == 0 { "" } else { " " });
        }
        decor.set_suffix("");
    }
    array.set_trailing_comma(multi_line && count > 0);
    array.set_trailing(if multi_line { "\n" } else { "" });
}

/// Comment lines as they are (without trailing blanks), with runs of
/// blank lines cut to one.
fn normalise_comments(text: &str) -> String {
    let mut out = String::new();
    let mut blank = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end();
        if content.is_empty() {
            blank += 1;
            if blank <= 1 && line.ends_with('\n') {
                out.push('\n');
            }
        } else {
            blank = 0;
            out.push_str(content.trim_start());
            if line.ends_with('\n') {
                out.push('\n');
            }
        }
    }
    out
}

/// The file's header comment: the comment lines before the first item up
/// to the last blank line, taken off that item. Comment lines directly
/// above the first key belong to that key and move with it.
fn take_file_header(root: &mut Table) -> Option<String> {
    let prefix = normalise_comments(&first_prefix(root)?);
    let text = prefix.trim_start_matches('\n');
    let at = text.rfind("\n\n")?;
    let (header, own) = (text[..at].to_string(), text[at + 2..].to_string());
    set_first_prefix(root, own);
    (!header.trim().is_empty()).then_some(header)
}

/// The comment text before whatever the document shows first: its first
/// key (keys come before tables), else its first table header.
fn first_prefix(root: &mut Table) -> Option<String> {
    let mut found = None;
    with_first(root, &mut |prefix| found = Some(prefix.to_string()));
    found
}

fn set_first_prefix(root: &mut Table, prefix: String) {
    let mut prefix = Some(prefix);
    with_first_mut(root, &mut |decor| {
        if let Some(p) = prefix.take() {
            decor.set_prefix(p);
        }
    });
}

fn with_first(root: &mut Table, f: &mut dyn FnMut(&str)) {
    with_first_mut(root, &mut |decor| {
        f(decor
            .prefix()
            .and_then(RawString::as_str)
            .unwrap_or_default())
    });
}

/// Calls `f` with the decor of the first key, or of the first table
/// header when the document has no top-level keys.
fn with_first_mut(root: &mut Table, f: &mut dyn FnMut(&mut toml_edit::Decor)) {
    let first_key = root
        .iter()
        .find(|(_, item)| item.is_value())
        .map(|(k, _)| k.to_string());
    if let Some(key) = first_key {
        if let Some(mut key_mut) = root.key_mut(&key) {
            f(key_mut.leaf_decor_mut());
        }
        return;
    }
    // Implicit tables (the `plan` of a lone `[[plan.agreement]]`) have no
    // header line, so their decor is never printed: skip them.
    let mut lowest = None;
    visit_tables(root, &mut |table| {
        if let Some(p) = table.position()
            && !table.is_implicit()
            && lowest.is_none_or(|l| p < l)
        {
            lowest = Some(p);
        }
    });
    visit_tables(root, &mut |table| {
        if lowest.is_some() && table.position() == lowest && !table.is_implicit() {
            f(table.decor_mut());
        }
    });
}

fn visit_tables(table: &mut Table, f: &mut dyn FnMut(&mut Table)) {
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(sub) => {
                f(sub);
                visit_tables(sub, f);
            }
            Item::ArrayOfTables(array) => {
                for sub in array.iter_mut() {
                    f(sub);
                    visit_tables(sub, f);
                }
            }
            _ => {}
        }
    }
}
