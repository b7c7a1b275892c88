//! Every shape problem of a case file in one run (K002).
//!
//! serde stops at the first problem. So each problem found is set right in
//! a copy of the parsed table (an unknown key removed, an unknown value or a
//! value of the wrong type replaced by one of the right kind, a missing key
//! added), and the copy is read again, until it reads or nothing more can be
//! set right. The problems are then given in file order.

use std::borrow::Cow;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, Deserializer};

use crate::messages::Message;
use crate::model::Case;
use crate::model::loose_date;
use crate::msg;

/// At most this many problems per file: a file that is not a case file at
/// all would give one per key.
const MAX_PROBLEMS: usize = 50;

/// How much text the search may read again, in all: a small case file can
/// be read again a few hundred times, a hostile file of 1 MiB a few times,
/// so that no file costs more than a few readings of the largest.
const REREAD_BYTES: usize = 8 << 20;

/// Readings of the table left for one file.
struct Budget(usize);

impl Budget {
    fn for_text(text: &str) -> Budget {
        Budget((REREAD_BYTES / text.len().max(1)).clamp(4, 400))
    }

    /// Reads the table as a case; `None` once the budget is spent.
    fn read(&mut self, table: &Spanned<DeTable<'_>>) -> Option<Result<(), toml::de::Error>> {
        self.0 = self.0.checked_sub(1)?;
        Some(read(table))
    }
}

/// One shape problem: what is wrong, where, and, where kring can tell, how
/// to set it right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShapeProblem {
    pub message: Message,
    pub span: Option<Range<usize>>,
    pub help: Option<Message>,
}

/// The shape problems of `table` (parsed from `text`), the first of which
/// is `first`.
pub(super) fn problems(
    text: &str,
    mut table: Spanned<DeTable<'_>>,
    first: toml::de::Error,
) -> Vec<ShapeProblem> {
    let mut problems = Vec::new();
    let mut budget = Budget::for_text(text);
    let mut error = first;
    loop {
        problems.push(describe(text, &table, &error));
        if problems.len() >= MAX_PROBLEMS || !repair(&mut table, &error, &mut budget) {
            break;
        }
        match budget.read(&table) {
            None | Some(Ok(())) => break,
            Some(Err(next)) if same(&next, &error) => break,
            Some(Err(next)) => error = next,
        }
    }
    problems.sort_by_key(|p| p.span.as_ref().map_or(0, |s| s.start));
    problems.dedup();
    problems
}

fn read(table: &Spanned<DeTable<'_>>) -> Result<(), toml::de::Error> {
    Case::deserialize(Deserializer::from(table.clone())).map(|_| ())
}

fn same(a: &toml::de::Error, b: &toml::de::Error) -> bool {
    a.span() == b.span() && a.message() == b.message()
}

/// The names in backquotes of a serde message: ``unknown field `titel`,
/// expected one of `title`, `id` `` gives `titel`, `title`, `id`.
fn quoted(message: &str) -> Vec<&str> {
    message.split('`').skip(1).step_by(2).collect()
}

/// A problem in the words of a case file, with a "did you mean" or the
/// right form of a date where kring can tell.
fn describe(text: &str, table: &Spanned<DeTable<'_>>, error: &toml::de::Error) -> ShapeProblem {
    let message = shape_message(error.message());
    let names = quoted(error.message());
    let help = if error.message().starts_with("unknown field")
        || error.message().starts_with("unknown variant")
    {
        names
            .split_first()
            .and_then(|(wrong, expected)| did_you_mean(wrong, expected))
            .map(|right| msg!("did-you-mean", name = right))
    } else {
        error
            .span()
            .and_then(|span| entry_at(table.get_ref(), &span))
            .and_then(|(key, value)| match value {
                DeValue::String(written) => {
                    let date = loose_date(&written)?;
                    Some(msg!("write-date", key = key, date = date))
                }
                _ => None,
            })
    };
    // The span of a bad value inside the text, for the source line; a
    // missing key points at its table (the whole file: its start).
    let span = error.span().filter(|s| s.end <= text.len());
    ShapeProblem {
        message,
        span,
        help,
    }
}

/// A serde message as one of kring's: an unknown key or value, a missing
/// key, a date; any other in the parser's own words.
pub(super) fn shape_message(message: &str) -> Message {
    let names = quoted(message);
    let expected = || {
        names
            .get(1..)
            .unwrap_or_default()
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let first = names.first().copied().unwrap_or_default();
    if message.starts_with("unknown field") {
        msg!("unknown-key", key = first, expected = expected())
    } else if message.starts_with("unknown variant") {
        msg!("unknown-value", value = first, expected = expected())
    } else if message.starts_with("missing field") {
        msg!("missing-key", key = first)
    } else if let Some(date) = message.strip_prefix(crate::model::DATE_WITHOUT_QUOTES) {
        msg!("date-quotes", date = date.trim())
    } else if let Some(found) = message.strip_prefix(crate::model::NOT_A_DATE) {
        msg!("not-a-date", found = found.trim())
    } else {
        Message::text(super::load::in_toml_words(message))
    }
}

/// Dutch words coordinators write for the file's own (English) keys and
/// values.
const DUTCH: &[(&str, &str)] = &[
    ("titel", "title"),
    ("taal", "language"),
    ("aanvraag", "request"),
    ("vraag", "question"),
    ("coordinator", "coordinator"),
    ("coördinator", "coordinator"),
    ("conferentie", "conference"),
    ("datum", "date"),
    ("locatie", "location"),
    ("plaats", "location"),
    ("adres", "address"),
    ("deelnemer", "participant"),
    ("naam", "name"),
    ("rol", "role"),
    ("relatie", "relation"),
    ("geboren", "born"),
    ("telefoon", "phone"),
    ("voorbereid", "prepared"),
    ("veiligheid", "safety"),
    ("taken", "tasks"),
    ("afspraak", "agreement"),
    ("familie", "family"),
    ("gezin", "family"),
    ("herstel", "restorative"),
    ("buurt", "community"),
    ("wijk", "community"),
    ("leren", "learning"),
    ("centraal", "central"),
    ("vriend", "friend"),
    ("netwerk", "network"),
    ("gedupeerde", "harmed"),
    ("slachtoffer", "harmed"),
    ("veroorzaker", "responsible"),
    ("dader", "responsible"),
    ("bewoner", "resident"),
    ("steunfiguur", "supporter"),
    ("steunpersoon", "supporter"),
    ("tolk", "interpreter"),
    ("voorgesteld", "proposed"),
    ("uitgenodigd", "invited"),
    ("bevestigd", "confirmed"),
    ("afgemeld", "declined"),
    ("afgezegd", "declined"),
    ("informatie", "information"),
    ("familietijd", "family-time"),
    ("eigen-tijd", "family-time"),
    ("gesprek", "conversation"),
    ("afgerond", "completed"),
    ("geannuleerd", "cancelled"),
    ("ingetrokken", "withdrawn"),
];

/// The closest of `expected` to `wrong`, if it is close enough to be what
/// was meant, or its English word when `wrong` is the Dutch one.
pub fn did_you_mean<'a>(wrong: &str, expected: &[&'a str]) -> Option<&'a str> {
    let normal = |s: &str| s.to_lowercase().replace(['_', ' '], "-");
    let wrong = normal(wrong);
    if let Some((_, english)) = DUTCH.iter().find(|(dutch, _)| *dutch == wrong)
        && let Some(found) = expected.iter().find(|e| **e == *english)
    {
        return Some(found);
    }
    expected
        .iter()
        .map(|candidate| (strsim::jaro_winkler(&wrong, &normal(candidate)), *candidate))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// The key and value whose value has exactly `span`.
fn entry_at<'i>(table: &DeTable<'i>, span: &Range<usize>) -> Option<(String, DeValue<'i>)> {
    for (key, value) in table.iter() {
        if value.span() == *span {
            return Some((key.get_ref().to_string(), value.get_ref().clone()));
        }
        let found = match value.get_ref() {
            DeValue::Table(inner) => entry_at(inner, span),
            DeValue::Array(items) => items.iter().find_map(|item| match item.get_ref() {
                DeValue::Table(inner) => entry_at(inner, span),
                DeValue::String(_) if item.span() == *span => {
                    Some((key.get_ref().to_string(), item.get_ref().clone()))
                }
                _ => None,
            }),
            _ => None,
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// Sets the problem of `error` right in `table`; false when it cannot.
fn repair(table: &mut Spanned<DeTable<'_>>, error: &toml::de::Error, budget: &mut Budget) -> bool {
    let Some(span) = error.span() else {
        return false;
    };
    let message = error.message();
    let names = quoted(message);
    if message.starts_with("unknown field") {
        return remove_key(table.get_mut(), &span);
    }
    if message.starts_with("missing field") {
        let Some(key) = names.first() else {
            return false;
        };
        return add_key(table, &span, key, budget);
    }
    if message.starts_with("unknown variant")
        && let Some(first) = names.get(1)
    {
        let value = Spanned::new(span.clone(), DeValue::String(Cow::Owned(first.to_string())));
        return replace_value(table.get_mut(), &span, &mut |slot| *slot = value.clone());
    }
    // A value of the wrong type: the first stand-in that reads.
    for candidate in STAND_INS {
        let mut trial = table.clone();
        let value = stand_in(candidate, &span);
        if !replace_value(trial.get_mut(), &span, &mut |slot| *slot = value.clone()) {
            return false;
        }
        match budget.read(&trial) {
            None => return false,
            Some(Err(e)) if e.span() == Some(span.clone()) => {}
            Some(_) => {
                *table = trial;
                return true;
            }
        }
    }
    false
}

/// Values of each kind a case file's keys take, to stand in for a wrong one.
const STAND_INS: [&str; 7] = ["\"x\"", "2000-01-01", "00:00:00", "false", "0", "[]", "{}"];

fn stand_in(toml: &'static str, span: &Range<usize>) -> Spanned<DeValue<'static>> {
    let value = DeValue::parse(toml).map_or(DeValue::Boolean(false), Spanned::into_inner);
    Spanned::new(span.clone(), value)
}

/// Removes the key whose name has `span`, at any depth.
fn remove_key(table: &mut DeTable<'_>, span: &Range<usize>) -> bool {
    let named = table.iter().find(|(key, _)| key.span() == *span);
    if let Some(key) = named.map(|(key, _)| key.clone()) {
        table.remove(&key);
        return true;
    }
    table.iter_mut().any(|(_, value)| match value.get_mut() {
        DeValue::Table(inner) => remove_key(inner, span),
        DeValue::Array(items) => items.iter_mut().any(|item| match item.get_mut() {
            DeValue::Table(inner) => remove_key(inner, span),
            _ => false,
        }),
        _ => false,
    })
}

/// Calls `set` on the value (or array item) that has `span`, at any depth.
fn replace_value(
    table: &mut DeTable<'_>,
    span: &Range<usize>,
    set: &mut dyn FnMut(&mut Spanned<DeValue<'_>>),
) -> bool {
    for (_, value) in table.iter_mut() {
        if value.span() == *span {
            set(value);
            return true;
        }
        let found = match value.get_mut() {
            DeValue::Table(inner) => replace_value(inner, span, set),
            DeValue::Array(items) => items.iter_mut().any(|item| {
                if item.span() == *span {
                    set(item);
                    return true;
                }
                match item.get_mut() {
                    DeValue::Table(inner) => replace_value(inner, span, set),
                    _ => false,
                }
            }),
            _ => false,
        };
        if found {
            return true;
        }
    }
    false
}

/// The span given to an added key's value, to tell errors about it apart.
const ADDED: Range<usize> = usize::MAX - 1..usize::MAX;

/// Adds `key` with the first stand-in that reads to the table that has
/// `span` (the whole file for a key missing at the top).
fn add_key(
    table: &mut Spanned<DeTable<'_>>,
    span: &Range<usize>,
    key: &str,
    budget: &mut Budget,
) -> bool {
    let mut candidates: Vec<Spanned<DeValue<'static>>> =
        STAND_INS.iter().map(|c| stand_in(c, &ADDED)).collect();
    let mut i = 0;
    while let Some(value) = candidates.get(i).cloned() {
        i += 1;
        let mut trial = table.clone();
        let name = Spanned::new(span.clone(), Cow::Owned(key.to_string()));
        let root = span.start == 0 && span.end <= 1 || trial.span() == *span;
        let inner = if root {
            Some(trial.get_mut())
        } else {
            table_with_span(trial.get_mut(), span)
        };
        let Some(inner) = inner else {
            return false;
        };
        inner.insert(name, value);
        match budget.read(&trial) {
            None => return false,
            Some(Err(e)) if e.span() == Some(ADDED) => {
                // An enum: its first value stands in.
                if e.message().starts_with("unknown variant")
                    && let Some(first) = quoted(e.message()).get(1)
                {
                    let text = DeValue::String(Cow::Owned(first.to_string()));
                    candidates.insert(i, Spanned::new(ADDED, text));
                }
            }
            Some(Err(e))
                if e.span() == Some(span.clone()) && quoted(e.message()).first() == Some(&key) => {}
            Some(_) => {
                *table = trial;
                return true;
            }
        }
    }
    false
}

/// One step from a table to a table inside it.
enum Step {
    Key(String),
    Item(String, usize),
}

/// The steps from `table` to the table inside it that has `span`.
fn path_to(table: &DeTable<'_>, span: &Range<usize>) -> Option<Vec<Step>> {
    for (key, value) in table.iter() {
        let name = key.get_ref().to_string();
        match value.get_ref() {
            DeValue::Table(_) if value.span() == *span => return Some(vec![Step::Key(name)]),
            DeValue::Table(inner) => {
                if let Some(mut rest) = path_to(inner, span) {
                    rest.insert(0, Step::Key(name));
                    return Some(rest);
                }
            }
            DeValue::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let DeValue::Table(inner) = item.get_ref() else {
                        continue;
                    };
                    if item.span() == *span {
                        return Some(vec![Step::Item(name, i)]);
                    }
                    if let Some(mut rest) = path_to(inner, span) {
                        rest.insert(0, Step::Item(name.clone(), i));
                        return Some(rest);
                    }
                }
            }
            _ => {}
        }
    }
    None
}

fn table_with_span<'t, 'i>(
    table: &'t mut DeTable<'i>,
    span: &Range<usize>,
) -> Option<&'t mut DeTable<'i>> {
    let mut here = table;
    for step in path_to(here, span)? {
        let value = match &step {
            Step::Key(key) | Step::Item(key, _) => here.get_mut(key.as_str())?,
        };
        let value = match (step, value.get_mut()) {
            (Step::Item(_, i), DeValue::Array(items)) => items.get_mut(i)?.get_mut(),
            (Step::Key(_), value) => value,
            _ => return None,
        };
        let DeValue::Table(inner) = value else {
            return None;
        };
        here = inner;
    }
    Some(here)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "id = \"x\"\nvariant = \"family\"\n[request]\nreceived = 2026-09-01\n";

    /// (line, message, help) of every shape problem of `text`.
    fn found(text: &str) -> Vec<(usize, String, Option<String>)> {
        let table = DeTable::parse(text).unwrap();
        let first = read(&table).unwrap_err();
        problems(text, table, first)
            .into_iter()
            .map(|p| {
                let start = p.span.as_ref().map_or(0, |s| s.start);
                let line = text[..start].matches('\n').count() + 1;
                let lang = crate::messages::Lang::En;
                (
                    line,
                    p.message.in_lang(lang),
                    p.help.map(|h| h.in_lang(lang)),
                )
            })
            .collect()
    }

    #[test]
    fn every_problem_of_a_participant_in_file_order() {
        let text = format!(
            "{BASE}[[participant]]\nid = \"a\"\nname = \"A\"\nrole = \"family\"\n\
             status = \"uitgenodigd\"\nparts = [\"family_time\"]\n"
        );
        let got = found(&text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, 9);
        assert!(
            got[0].1.starts_with("unknown value `uitgenodigd`"),
            "{got:?}"
        );
        assert_eq!(got[1].0, 10);
        assert_eq!(got[1].2.as_deref(), Some("did you mean `family-time`?"));
    }

    #[test]
    fn an_unknown_key_and_a_quoted_required_date() {
        let text = "id = \"x\"\nvariant = \"famly\"\ntitel = \"T\"\n[request]\nreceived = \"2026-12-01\"\n";
        let got = found(text);
        let lines: Vec<usize> = got.iter().map(|g| g.0).collect();
        assert_eq!(lines, [2, 3, 5], "{got:?}");
        assert_eq!(got[0].2.as_deref(), Some("did you mean `family`?"));
        assert_eq!(got[1].2.as_deref(), Some("did you mean `title`?"));
        assert!(got[2].1.contains("without quotes"), "{got:?}");
        assert!(!got[2].1.contains("time"), "{got:?}");
        assert_eq!(got[2].2.as_deref(), Some("write `received = 2026-12-01`"));
    }

    #[test]
    fn missing_keys_are_found_and_reading_goes_on() {
        let text = "id = \"x\"\n[request]\nreceived = 2026-09-01\n[coordinator]\nname = \"F\"\nkleur = 1\n";
        let got = found(text);
        let messages: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
        assert!(messages.contains(&"missing key `variant`"), "{got:?}");
        assert!(
            messages
                .iter()
                .any(|m| m.starts_with("missing key `assigned`")),
            "{got:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.starts_with("unknown key `kleur`")),
            "{got:?}"
        );
    }

    #[test]
    fn suggestions_only_when_close() {
        assert_eq!(
            did_you_mean("famly", &["family", "learning"]),
            Some("family")
        );
        assert_eq!(did_you_mean("titel", &["title", "id"]), Some("title"));
        assert_eq!(did_you_mean("kleur", &["title", "id", "variant"]), None);
        let status = ["proposed", "invited", "confirmed", "declined"];
        assert_eq!(did_you_mean("uitgenodigd", &status), Some("invited"));
        assert_eq!(did_you_mean("Naam", &["id", "name"]), Some("name"));
        // A Dutch word whose English is not allowed here suggests nothing.
        assert_eq!(did_you_mean("datum", &["id", "name"]), None);
    }
}
