//! Canonical formatting of case files (`kring fmt`), with toml_edit so that
//! comments stay where they belong.
//!
//! Keys follow the order of DESIGN §3, tables too (participants and
//! agreements keep their own order), inline tables included, with one blank
//! line before each table. Keys are bare, table headers read `[a.b]`.
//! Strings that fit on one line are written the way toml_edit writes a new
//! value: basic (`"..."`), or literal (`'...'`) when that needs no escapes
//! where a basic string would; never a multi-line string for a single line.
//! Strings holding a line break stay as written. Inline arrays read
//! `["a", "b"]` (at most 80 characters) or take one line per item; an array
//! with comments keeps its lines. `key = value` has one space on each side
//! of `=`. Comments above a key or table move with it, comment lines right
//! below a table's last key stay below it, a comment after a value keeps
//! its column, and the file's opening comment stays on top. Times get
//! their seconds (`15:00` becomes `15:00:00`, TOML 1.0). Formatting
//! never changes what the file means, and formatting twice changes nothing.

use std::fmt::Write as _;

use toml_edit::{Array, DocumentMut, Formatted, InlineTable, Item, RawString, Table, Value};

/// The order of keys and tables, per table path (DESIGN §3).
fn key_order(path: &str) -> &'static [&'static str] {
    match path {
        "" => &[
            "id",
            "variant",
            "follows",
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
            "translations",
            "time",
            "expense",
            "evaluation",
            "sent",
        ],
        "request" => &[
            "received",
            "by",
            "question",
            "question_agreed",
            "consent",
            "compulsory",
            "acceptor",
            "requester",
            "topics",
            "funder",
            "minors",
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
            "reply_by",
            "part",
        ],
        "conference.part" => &["kind", "start", "end"],
        "participant" => &[
            "id",
            "name",
            "known_as",
            "salutation",
            "formal",
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
            "post",
            "avoid",
            "attended",
        ],
        "safety" => &["arrangement"],
        "tasks" => &[
            "circle",
            "practical",
            "information",
            "registration",
            "workplan",
        ],
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
        p if p.starts_with("translations.") => &["title", "question", "arrangements"],
        "followup" => &["done", "contacted", "notes"],
        "closed" => &["date", "reason", "stopped"],
        "time" => &["date", "hours", "activity", "note"],
        "expense" => &["date", "kind", "amount", "km", "note"],
        "evaluation" => &["group", "meeting", "plan", "coordinator"],
        "sent" => &["to", "what", "via", "date", "version", "state", "answer"],
        _ => &[],
    }
}

/// Inline arrays longer than this break into one item per line.
const MAX_INLINE_ARRAY: usize = 80;

/// Formats a case file. Fails only when `text` is not TOML.
pub fn format(text: &str) -> Result<String, toml_edit::TomlError> {
    let mut doc: DocumentMut = text.parse()?;
    let header = take_file_header(doc.as_table_mut());
    let tails = take_tails(&mut doc);

    let mut numbering = Numbering::default();
    format_table(doc.as_table_mut(), "", &mut numbering);
    put_tails(&mut doc, tails, &numbering);

    // The file's own header comment stays on top, whatever comes first
    // now; the first item gets no blank line above it.
    let own = first_prefix(doc.as_table_mut()).unwrap_or_default();
    let own = own.trim_start_matches('\n');
    let text = match header {
        Some(h) => format!("{h}\n\n{own}"),
        None => own.to_string(),
    };
    set_first_prefix(doc.as_table_mut(), text);

    // Comment lines at the end: one newline after them, no blank lines.
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

/// New positions for the tables, in canonical order, and what each table
/// header's position was.
#[derive(Default)]
struct Numbering {
    last: isize,
    /// (old position, new position) of every table with a header.
    moved: Vec<(isize, isize)>,
}

impl Numbering {
    fn place(&mut self, table: &mut Table) {
        self.last += 1;
        if let Some(old) = table.position().filter(|_| !table.is_implicit()) {
            self.moved.push((old, self.last));
        }
        table.set_position(Some(self.last));
    }
}

/// Comment lines right below the last key of a table (`owner`, by its
/// position) or of the top level (`None`), followed by a blank line or the
/// end of the file: keys commented out, as in the skeleton of `kring new`.
/// They stay below those keys wherever the tables move.
struct Tail {
    owner: Option<isize>,
    text: String,
}

/// The positions of the tables that have a header line, in order.
fn header_positions(root: &mut Table) -> Vec<isize> {
    let mut positions = Vec::new();
    visit_tables(root, &mut |table| {
        if let Some(p) = table.position()
            && !table.is_implicit()
            && !table.is_dotted()
        {
            positions.push(p);
        }
    });
    positions.sort_unstable();
    positions
}

/// Takes the tails off the table headers (and the end of the file) that
/// follow them.
fn take_tails(doc: &mut DocumentMut) -> Vec<Tail> {
    let positions = header_positions(doc.as_table_mut());
    let mut tails = Vec::new();
    visit_tables(doc.as_table_mut(), &mut |table| {
        let Some(p) = table.position() else { return };
        if table.is_implicit() || table.is_dotted() {
            return;
        }
        let decor = table.decor_mut();
        let prefix = normalise_comments(
            decor
                .prefix()
                .and_then(RawString::as_str)
                .unwrap_or_default(),
        );
        if prefix.starts_with('\n') {
            return;
        }
        if let Some(at) = prefix.find("\n\n") {
            let i = positions.partition_point(|&q| q < p);
            let owner = i.checked_sub(1).map(|i| positions[i]);
            tails.push(Tail {
                owner,
                text: prefix[..=at].to_string(),
            });
            decor.set_prefix(prefix[at + 1..].to_string());
        }
    });
    let trailing = normalise_comments(doc.trailing().as_str().unwrap_or_default());
    if trailing.contains('#') {
        tails.push(Tail {
            owner: positions.last().copied(),
            text: trailing,
        });
        doc.set_trailing("");
    }
    tails
}

/// Puts each tail back right below its keys: before the table header that
/// now follows them, or at the end of the file.
fn put_tails(doc: &mut DocumentMut, tails: Vec<Tail>, numbering: &Numbering) {
    let positions = header_positions(doc.as_table_mut());
    for tail in tails {
        let owner = tail.owner.and_then(|old| {
            numbering
                .moved
                .iter()
                .find(|(o, _)| *o == old)
                .map(|(_, new)| *new)
        });
        let next = match owner {
            Some(new) => positions.iter().find(|&&p| p > new).copied(),
            None => positions.first().copied(),
        };
        let Some(next) = next else {
            let trailing = doc.trailing().as_str().unwrap_or_default().to_string();
            doc.set_trailing(format!("{}{trailing}", tail.text));
            continue;
        };
        let mut text = Some(tail.text);
        visit_tables(doc.as_table_mut(), &mut |table| {
            if table.position() == Some(next)
                && !table.is_implicit()
                && !table.is_dotted()
                && let Some(text) = text.take()
            {
                let decor = table.decor_mut();
                let prefix = decor
                    .prefix()
                    .and_then(RawString::as_str)
                    .unwrap_or_default();
                decor.set_prefix(format!("{text}{prefix}"));
            }
        });
    }
}

/// Sorts, spaces and re-encodes one table and everything below it, and
/// numbers its sub-tables in document order.
fn format_table(table: &mut Table, path: &str, numbering: &mut Numbering) {
    let order = key_order(path);
    let rank = |key: &str| order.iter().position(|k| *k == key).unwrap_or(order.len());
    table.sort_values_by(|a, _, b, _| rank(a.get()).cmp(&rank(b.get())));

    let keys: Vec<String> = table.iter().map(|(k, _)| k.to_string()).collect();
    for key in &keys {
        let is_value = table.get(key).is_some_and(Item::is_value);
        if let Some(mut key_mut) = table.key_mut(key) {
            // The key's own comments (the lines above it) survive; its
            // spelling (`"id"`, `request . by`) becomes the plain one.
            let prefix = key_mut
                .leaf_decor()
                .prefix()
                .and_then(RawString::as_str)
                .map(normalise_comments);
            key_mut.fmt();
            let decor = key_mut.leaf_decor_mut();
            if is_value {
                decor.set_prefix(prefix.unwrap_or_default());
                decor.set_suffix(" ");
            } else if let Some(prefix) = prefix.filter(|p| p.contains('#')) {
                decor.set_prefix(prefix);
            }
        }
        let child = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        match table.get_mut(key) {
            Some(Item::Value(value)) => format_value(value, &child),
            // `request.received = ...`: keys of a table, written in its parent.
            Some(Item::Table(sub)) if sub.is_dotted() => format_table(sub, &child, numbering),
            Some(Item::Table(sub)) => {
                numbering.place(sub);
                format_header(sub);
                format_table(sub, &child, numbering);
            }
            Some(Item::ArrayOfTables(array)) => {
                for sub in array.iter_mut() {
                    numbering.place(sub);
                    format_header(sub);
                    format_table(sub, &child, numbering);
                }
            }
            _ => {}
        }
    }
    // No blank line between a table's header and its first key.
    if !path.is_empty() && !table.is_dotted() {
        let first = table
            .iter()
            .find(|(_, item)| item.is_value())
            .map(|(k, _)| k.to_string());
        if let Some(mut key) = first.and_then(|k| table.key_mut(&k)) {
            let decor = key.leaf_decor_mut();
            let prefix = decor
                .prefix()
                .and_then(RawString::as_str)
                .unwrap_or_default()
                .trim_start_matches('\n')
                .to_string();
            decor.set_prefix(prefix);
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

/// A value after `key =`: one space before it, its trailing comment kept.
/// `path` names the table an inline table stands for (`conference.part`).
fn format_value(value: &mut Value, path: &str) {
    let suffix = value
        .decor()
        .suffix()
        .and_then(RawString::as_str)
        .unwrap_or_default()
        .trim_end()
        .to_string();
    format_contents(value, path);
    let decor = value.decor_mut();
    decor.set_prefix(" ");
    decor.set_suffix(suffix);
}

/// The value itself, its surrounding decor left alone.
fn format_contents(value: &mut Value, path: &str) {
    match value {
        Value::String(s) => reencode(s),
        Value::Array(array) => format_array(array, path),
        Value::InlineTable(table) => format_inline_table(table, path),
        Value::Datetime(datetime) => with_seconds(datetime),
        _ => {}
    }
}

/// Writes a time as `15:00:00`, not `15:00`: seconds may be left out in
/// TOML 1.1, which kring reads, but not in TOML 1.0, which most editors
/// (taplo among them) still speak.
fn with_seconds(datetime: &mut Formatted<toml_edit::Datetime>) {
    let mut value = *datetime.value();
    let Some(time) = value.time.as_mut().filter(|t| t.second.is_none()) else {
        return;
    };
    time.second = Some(0);
    let mut fresh = Formatted::new(value);
    *fresh.decor_mut() = datetime.decor().clone();
    *datetime = fresh;
}

/// How `kring fmt` writes a string value: text on one line as toml_edit
/// writes a new value (basic, or literal when that avoids escapes), but
/// never as a multi-line string; text with line breaks as toml_edit's
/// multi-line string. Whoever writes case files (`kring new`) can use it to
/// write them formatted already.
pub fn toml_string(text: &str) -> String {
    let repr = Formatted::new(text.to_string()).display_repr().into_owned();
    let multi_line = repr.starts_with("\"\"\"") || repr.starts_with("'''");
    if multi_line && !text.contains('\n') {
        basic_string(text)
    } else {
        repr
    }
}

/// Re-spells a string of one line with [`toml_string`]. A string that
/// holds a line break stays as it was written.
fn reencode(s: &mut Formatted<String>) {
    if s.value().contains('\n') {
        return;
    }
    if let Ok(Value::String(mut fresh)) = toml_string(s.value()).parse::<Value>() {
        *fresh.decor_mut() = s.decor().clone();
        *s = fresh;
    }
}

/// A TOML basic string (`"..."`) of one-line text, with the escapes it
/// needs.
fn basic_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether a piece of decor holds a comment.
fn has_comment(raw: Option<&RawString>) -> bool {
    raw.and_then(RawString::as_str)
        .is_some_and(|s| s.contains('#'))
}

/// `["a", "b"]` on one line when it fits and holds no comments, else one
/// item per line. An array with comments keeps its layout; only its items
/// are re-encoded and its lines lose trailing blanks.
fn format_array(array: &mut Array, path: &str) {
    let has_comments = array
        .iter()
        .any(|v| has_comment(v.decor().prefix()) || has_comment(v.decor().suffix()))
        || has_comment(Some(array.trailing()));
    if has_comments {
        for value in array.iter_mut() {
            format_contents(value, path);
            let decor = value.decor_mut();
            let prefix = decor
                .prefix()
                .and_then(RawString::as_str)
                .map(trim_line_ends);
            // Blanks before a comma go; a comment or line break stays.
            let suffix = decor.suffix().and_then(RawString::as_str).map(|s| {
                if s.contains(['#', '\n']) {
                    trim_line_ends(s)
                } else {
                    String::new()
                }
            });
            if let Some(prefix) = prefix {
                decor.set_prefix(prefix);
            }
            if let Some(suffix) = suffix {
                decor.set_suffix(suffix);
            }
        }
        let trailing = array.trailing().as_str().map(trim_line_ends);
        if let Some(trailing) = trailing {
            array.set_trailing(trailing);
        }
        return;
    }
    for value in array.iter_mut() {
        format_value(value, path);
    }
    // `[` and `]`, the items, and `, ` between them.
    let one_line: usize = array
        .iter()
        .map(|v| v.to_string().trim().chars().count() + 2)
        .sum::<usize>()
        .max(2);
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

/// `{ a = 1, b = 2 }` with its keys in the order of the table it stands
/// for. An inline table with comments (TOML 1.1) keeps its layout; only its
/// values are re-encoded.
fn format_inline_table(table: &mut InlineTable, path: &str) {
    let keys: Vec<String> = table.iter().map(|(k, _)| k.to_string()).collect();
    let has_comments = has_comment(Some(table.trailing()))
        || keys.iter().any(|k| {
            table.key(k).is_some_and(|key| {
                [key.leaf_decor(), key.dotted_decor()]
                    .into_iter()
                    .any(|d| has_comment(d.prefix()) || has_comment(d.suffix()))
            }) || table
                .get(k)
                .is_some_and(|v| has_comment(v.decor().prefix()) || has_comment(v.decor().suffix()))
        });
    let child = |key: &str| {
        if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        }
    };
    if has_comments {
        for key in &keys {
            if let Some(value) = table.get_mut(key) {
                format_contents(value, &child(key));
            }
        }
        return;
    }
    let order = key_order(path);
    let rank = |key: &str| order.iter().position(|k| *k == key).unwrap_or(order.len());
    table.sort_values_by(|a, _, b, _| rank(a.get()).cmp(&rank(b.get())));
    for key in &keys {
        if let Some(mut key_mut) = table.key_mut(key) {
            key_mut.fmt();
        }
        if let Some(value) = table.get_mut(key) {
            format_contents(value, &child(key));
        }
    }
    table.fmt();
    table.set_trailing_comma(false);
    table.set_trailing("");
}

/// Text without blanks at the end of its lines.
fn trim_line_ends(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        match line.strip_suffix('\n') {
            Some(content) => {
                out.push_str(content.trim_end());
                out.push('\n');
            }
            None => out.push_str(line),
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Formats, and checks that formatting again changes nothing and that
    /// the meaning stayed.
    fn fmt(text: &str) -> String {
        let once = format(text).unwrap();
        assert_eq!(format(&once).unwrap(), once, "not idempotent:\n{once}");
        let before: toml::Value = toml::from_str(text).unwrap();
        let after: toml::Value = toml::from_str(&once).unwrap();
        assert_eq!(before, after, "meaning changed:\n{once}");
        once
    }

    /// Each table's properties in the JSON Schema of a case file, by path.
    fn schema_tables() -> Vec<(String, Vec<String>)> {
        fn object<'a>(
            root: &'a serde_json::Value,
            node: &'a serde_json::Value,
        ) -> Option<&'a serde_json::Value> {
            if node.get("properties").is_some() {
                return Some(node);
            }
            if let Some(reference) = node.get("$ref").and_then(|r| r.as_str()) {
                let name = reference.rsplit('/').next()?;
                let found = root.get("definitions").and_then(|d| d.get(name))?;
                return object(root, found);
            }
            if let Some(items) = node.get("items") {
                return object(root, items);
            }
            for branch in ["anyOf", "allOf", "oneOf"] {
                for node in node
                    .get(branch)
                    .and_then(|b| b.as_array())
                    .into_iter()
                    .flatten()
                {
                    if let Some(found) = object(root, node) {
                        return Some(found);
                    }
                }
            }
            None
        }
        fn walk(
            root: &serde_json::Value,
            node: &serde_json::Value,
            path: &str,
            out: &mut Vec<(String, Vec<String>)>,
        ) {
            let Some(properties) = node.get("properties").and_then(|p| p.as_object()) else {
                return;
            };
            out.push((path.to_string(), properties.keys().cloned().collect()));
            for (key, property) in properties {
                if let Some(sub) = object(root, property) {
                    let child = if path.is_empty() {
                        key.clone()
                    } else {
                        format!("{path}.{key}")
                    };
                    walk(root, sub, &child, out);
                }
            }
        }
        let root = crate::model::schema::case();
        let mut out = Vec::new();
        walk(&root, &root, "", &mut out);
        out
    }

    /// A key the model gains must get its place here too, else `kring fmt`
    /// puts it last in its table.
    #[test]
    fn the_key_order_knows_every_key_of_the_case_file() {
        let tables = schema_tables();
        assert!(tables.len() >= 10, "{tables:?}");
        for (path, keys) in tables {
            let order = key_order(&path);
            for key in keys {
                assert!(
                    order.contains(&key.as_str()),
                    "`{path}` has key `{key}`: add it to key_order in src/fmt.rs, in the order of DESIGN §3"
                );
            }
        }
    }

    /// `15:00` is TOML 1.1; editors that speak TOML 1.0 (taplo) reject it.
    #[test]
    fn times_get_their_seconds() {
        let text = "id = \"x\"\n\n[conference]\nstart = 15:00 # begin\nend = 17:30:15\n\n\
                    [[conference.part]]\nkind = \"plan\"\nstart = 16:05\n";
        let once = format(text).unwrap();
        assert_eq!(
            once,
            "id = \"x\"\n\n[conference]\nstart = 15:00:00 # begin\nend = 17:30:15\n\n\
             [[conference.part]]\nkind = \"plan\"\nstart = 16:05:00\n"
        );
        assert_eq!(format(&once).unwrap(), once);
    }

    #[test]
    fn keys_and_tables_take_the_order_of_the_design() {
        let text = "title = \"T\"\nlanguage = \"nl\"\nvariant = \"family\"\nid = \"x\"\n\
                    [closed]\nreason = \"completed\"\ndate = 2026-12-01\n\
                    [[participant]]\nrole = \"central\"\nid = \"b\"\nname = \"B\"\n\
                    [request]\nquestion = \"Q\"\nreceived = 2026-09-01\n\
                    [[participant]]\nname = \"A\"\nid = \"a\"\nrole = \"family\"\n\
                    [[conference.part]]\nend = 15:30:00\nkind = \"information\"\n\
                    [conference]\nstart = 15:00:00\ndate = 2026-10-12\n";
        assert_eq!(
            fmt(text),
            "id = \"x\"\nvariant = \"family\"\nlanguage = \"nl\"\ntitle = \"T\"\n\n\
             [request]\nreceived = 2026-09-01\nquestion = \"Q\"\n\n\
             [conference]\ndate = 2026-10-12\nstart = 15:00:00\n\n\
             [[conference.part]]\nkind = \"information\"\nend = 15:30:00\n\n\
             [[participant]]\nid = \"b\"\nname = \"B\"\nrole = \"central\"\n\n\
             [[participant]]\nid = \"a\"\nname = \"A\"\nrole = \"family\"\n\n\
             [closed]\ndate = 2026-12-01\nreason = \"completed\"\n"
        );
    }

    #[test]
    fn plan_agreements_keep_their_order_and_acceptance_follows() {
        let text = "id = \"x\"\n[plan.acceptance]\naccepted = true\nby = \"j\"\n\
                    [[plan.agreement]]\nwho = [\"b\"]\nwhat = \"second? no, first\"\n\
                    [[plan.agreement]]\nwhat = \"then this\"\nwho = [\"a\"]\n\
                    [plan]\nrecorded = 2026-10-12\n";
        assert_eq!(
            fmt(text),
            "id = \"x\"\n\n[plan]\nrecorded = 2026-10-12\n\n\
             [[plan.agreement]]\nwhat = \"second? no, first\"\nwho = [\"b\"]\n\n\
             [[plan.agreement]]\nwhat = \"then this\"\nwho = [\"a\"]\n\n\
             [plan.acceptance]\nby = \"j\"\naccepted = true\n"
        );
    }

    #[test]
    fn strings_become_basic_unless_a_literal_avoids_escapes() {
        let text = "a = 'plain'\nb = \"\"\"triple\"\"\"\nc = \"caf\\u00e9\"\n\
                    d = 'Plan \"Sam\"'\ne = '''both \" and ''''\nf = 'C:\\pad'\n\
                    g = '''C:\\it's'''\nh = \"tab\\there\"\n";
        assert_eq!(
            fmt(text),
            "a = \"plain\"\nb = \"triple\"\nc = \"café\"\n\
             d = 'Plan \"Sam\"'\ne = \"both \\\" and '\"\nf = 'C:\\pad'\n\
             g = \"C:\\\\it's\"\nh = \"tab\\there\"\n"
        );
    }

    #[test]
    fn toml_string_spells_values_as_fmt_does() {
        let cases = [
            ("plain", "\"plain\""),
            ("Plan \"Sam\"", "'Plan \"Sam\"'"),
            ("Plan 'x' \"y\"", "\"Plan 'x' \\\"y\\\"\""),
            ("C:\\it's", "\"C:\\\\it's\""),
            ("bel\u{7}", "\"bel\\u0007\""),
            ("two\nlines", "\"\"\"\ntwo\nlines\"\"\""),
        ];
        for (text, spelled) in cases {
            assert_eq!(toml_string(text), spelled, "{text:?}");
            let value: toml::Value = toml::from_str(&format!("a = {spelled}")).unwrap();
            assert_eq!(value["a"].as_str(), Some(text));
            if !text.contains('\n') {
                let line = format!("a = {spelled}\n");
                assert_eq!(fmt(&line), line);
            }
        }
    }

    #[test]
    fn strings_with_line_breaks_stay_as_written() {
        let text =
            "a = \"\"\"\nline one\nline two\n\"\"\"\nb = '''\nraw \\n\n'''\nc = \"one\\ntwo\"\n";
        assert_eq!(fmt(text), text);
    }

    #[test]
    fn arrays_fit_on_one_line_or_take_one_line_per_item() {
        let long = format!("[\"{}\", \"{}\"]", "x".repeat(40), "y".repeat(40));
        let text = format!("a = [ 'nl' ,\"ar\", ]\nb = [\n  \"one\"\n]\nc = [ ]\nd = {long}\n");
        assert_eq!(
            fmt(&text),
            format!(
                "a = [\"nl\", \"ar\"]\nb = [\"one\"]\nc = []\nd = [\n  \"{}\",\n  \"{}\",\n]\n",
                "x".repeat(40),
                "y".repeat(40)
            )
        );
        // Exactly 80 characters still fit.
        let fits = format!("a = [\"{}\", \"{}\"]\n", "x".repeat(36), "y".repeat(36));
        assert_eq!(fmt(&fits), fits);
        let over = format!("a = [\"{}\", \"{}\"]\n", "x".repeat(36), "y".repeat(37));
        assert!(
            fmt(&over).starts_with("a = [\n  \"x"),
            "81 characters break"
        );
    }

    #[test]
    fn arrays_with_comments_keep_their_lines() {
        let text = "a = [\n  'one', # the first   \n  \"two\"  ,\n  # more later\n]\n";
        assert_eq!(
            fmt(text),
            "a = [\n  \"one\", # the first\n  \"two\",\n  # more later\n]\n"
        );
    }

    #[test]
    fn inline_tables_are_sorted_and_spaced() {
        let text = "[plan]\nacceptance = {accepted=true,by='j' , date = 2026-10-12}\n\
                    [conference]\npart = [{end = 15:30:00, kind = \"plan\"}]\n";
        assert_eq!(
            fmt(text),
            "[conference]\npart = [{ kind = \"plan\", end = 15:30:00 }]\n\n\
             [plan]\nacceptance = { by = \"j\", date = 2026-10-12, accepted = true }\n"
        );
    }

    #[test]
    fn keys_and_headers_are_spelled_plainly() {
        let text = "\"id\"   =  \"x\"\nrequest . received=2026-09-01\n\
                    [ \"coordinator\" ]\nname= \"F\"\n[[ participant ]]\nid = \"a\"\n";
        assert_eq!(
            fmt(text),
            "id = \"x\"\nrequest.received = 2026-09-01\n\n\
             [coordinator]\nname = \"F\"\n\n[[participant]]\nid = \"a\"\n"
        );
    }

    #[test]
    fn blank_lines_trailing_blanks_and_the_last_newline() {
        let text = "\n\n\nid = \"x\"   \n\n\n\nvariant = \"family\"\t\n[request]\n\n\n\
                    received = 2026-09-01\n\n\n\n\n[coordinator]   \n\n\nname = \"F\"";
        assert_eq!(
            fmt(text),
            "id = \"x\"\n\nvariant = \"family\"\n\n[request]\nreceived = 2026-09-01\n\n\
             [coordinator]\nname = \"F\"\n"
        );
    }

    #[test]
    fn comments_move_with_their_key_and_the_header_stays_on_top() {
        let text = "# The file's header.\n# Two lines.\n\n\
                    # about the variant\nvariant = \"family\"  # trailing\n\
                    id = \"x\"\n\n\
                    # about the coordinator\n[coordinator]  # after the header\n\
                    # about the name\nname = \"F\"\n\n\
                    # the request comes first\n[request]\nreceived = 2026-09-01\n\
                    # by = \"school\"\n";
        assert_eq!(
            fmt(text),
            "# The file's header.\n# Two lines.\n\n\
             id = \"x\"\n\
             # about the variant\nvariant = \"family\"  # trailing\n\n\
             # the request comes first\n[request]\nreceived = 2026-09-01\n\
             # by = \"school\"\n\n\
             # about the coordinator\n[coordinator]  # after the header\n\
             # about the name\nname = \"F\"\n"
        );
    }

    #[test]
    fn comments_below_the_last_key_stay_below_it() {
        let text = "id = \"x\"\n# language = \"nl\"\n\n\
                    [coordinator]\nname = \"F\"\n# email = \"...\"\n\n\
                    # about the plan\n[plan]\nrecorded = 2026-10-12\n# sent = 2026-10-13\n\n\
                    [request]\nreceived = 2026-09-01\n# by = \"school\"\n\n# [closed]\n";
        assert_eq!(
            fmt(text),
            "id = \"x\"\n# language = \"nl\"\n\n\
             [request]\nreceived = 2026-09-01\n# by = \"school\"\n\n# [closed]\n\n\
             [coordinator]\nname = \"F\"\n# email = \"...\"\n\n\
             # about the plan\n[plan]\nrecorded = 2026-10-12\n# sent = 2026-10-13\n"
        );
    }

    #[test]
    fn a_formatted_file_stays_as_it_is() {
        let text = "# Header.\n\nid = \"x\"  # the id\nvariant = \"family\"\n\n\
                    [request]\nreceived = 2026-09-01\nquestion = \"Q\"\n\n\
                    [[participant]]\nid = \"a\"\nname = \"A\"\nrole = \"central\"\nneeds = [\"rolstoel\"]\n";
        assert_eq!(fmt(text), text);
    }

    #[test]
    fn text_that_is_not_toml_is_an_error() {
        assert!(format("id = \n").is_err());
        assert!(format("[a\n").is_err());
    }
}
