//! kring's own voice: every message it prints, in Dutch and English, from
//! the Fluent resources `nl.ftl` and `en.ftl` beside this file, embedded in
//! the binary.
//!
//! A [`Message`] is an id with its arguments; it becomes text only when it
//! is shown, in the language of whoever reads it ([`Lang`]): the
//! coordinator's for the terminal and JSON, a document's for the warnings
//! in a checklist.

use std::borrow::Cow;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The languages kring speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    Nl,
    #[default]
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// The language of a tag or locale: `nl`, `nl_NL.UTF-8` and `nl-BE`
    /// are Dutch, `en` and `en_GB` English; others are not known.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase();
        let base = tag.split(['_', '-', '.', '@']).next().unwrap_or("");
        match base {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of a document language (`nl`, `en`, `de`, ...): Dutch
    /// for Dutch, English for every other.
    pub fn of_document(language: &str) -> Lang {
        Lang::from_tag(language).unwrap_or(Lang::En)
    }

    fn source(self) -> &'static str {
        match self {
            Lang::Nl => include_str!("nl.ftl"),
            Lang::En => include_str!("en.ftl"),
        }
    }
}

/// One Fluent bundle per language, built on first use.
static BUNDLES: LazyLock<[FluentBundle<FluentResource>; 2]> =
    LazyLock::new(|| Lang::ALL.map(bundle));

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let tag = lang.as_str().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    // Terminals and plain-text files do not want Unicode isolation marks
    // around each argument.
    bundle.set_use_isolating(false);
    let resource =
        FluentResource::try_new(lang.source().to_string()).unwrap_or_else(|(resource, _)| resource);
    // A message given twice keeps its first form; the tests hold the
    // resources free of such errors.
    let _ = bundle.add_resource(resource);
    bundle
}

fn bundle_of(lang: Lang) -> &'static FluentBundle<FluentResource> {
    &BUNDLES[lang as usize]
}

/// A value given to a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Number(i64),
    /// A message of its own, said in the same language.
    Message(Box<Message>),
}

impl From<Message> for Arg {
    fn from(message: Message) -> Arg {
        Arg::Message(Box::new(message))
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_string())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Arg {
        Arg::Text(text.clone())
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<i32> for Arg {
    fn from(n: i32) -> Arg {
        Arg::Number(i64::from(n))
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Number(n)
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Number(i64::from(n))
    }
}

impl From<u64> for Arg {
    fn from(n: u64) -> Arg {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<chrono::NaiveDate> for Arg {
    fn from(date: chrono::NaiveDate) -> Arg {
        Arg::Text(date.format("%Y-%m-%d").to_string())
    }
}

/// Something to say: a message id of the resources with its arguments, or
/// (for text that comes from elsewhere, such as a parser's own words) the
/// text itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    kind: Kind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    Id {
        id: Cow<'static, str>,
        args: Vec<(&'static str, Arg)>,
    },
    Text(String),
}

impl Message {
    pub fn new(id: &'static str) -> Message {
        Message {
            kind: Kind::Id {
                id: Cow::Borrowed(id),
                args: Vec::new(),
            },
        }
    }

    /// A message whose id is made at run time (`K205-help`); a test holds
    /// every such id to both resources.
    pub fn dynamic(id: String) -> Message {
        Message {
            kind: Kind::Id {
                id: Cow::Owned(id),
                args: Vec::new(),
            },
        }
    }

    /// Text that is not one of kring's messages: shown as it is, in every
    /// language.
    pub fn text(text: impl Into<String>) -> Message {
        Message {
            kind: Kind::Text(text.into()),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        if let Kind::Id { args, .. } = &mut self.kind {
            args.push((name, value.into()));
        }
        self
    }

    /// The message's id, when it is one of kring's.
    pub fn id(&self) -> Option<&str> {
        match &self.kind {
            Kind::Id { id, .. } => Some(id),
            Kind::Text(_) => None,
        }
    }

    /// The message in `lang`. A message the resources lack is shown by its
    /// id (the tests hold every id to both resources).
    pub fn in_lang(&self, lang: Lang) -> String {
        let (id, args) = match &self.kind {
            Kind::Text(text) => return text.clone(),
            Kind::Id { id, args } => (id.as_ref(), args),
        };
        let bundle = bundle_of(lang);
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(text) => fluent_args.set(*name, FluentValue::from(text.as_str())),
                Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
                Arg::Message(m) => fluent_args.set(*name, FluentValue::from(m.in_lang(lang))),
            }
        }
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }
}

impl From<String> for Message {
    fn from(text: String) -> Message {
        Message::text(text)
    }
}

impl From<&String> for Message {
    fn from(text: &String) -> Message {
        Message::text(text.clone())
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Message {
        Message::text(text)
    }
}

/// An error in kring's own words: a [`Message`], with the error it
/// happened on (if any) as its source. `cli` shows it in the reader's
/// language; anywhere else (its `Display`) it is English.
#[derive(Debug)]
pub struct Failure {
    pub message: Message,
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

impl Failure {
    pub fn new(message: Message) -> Failure {
        Failure {
            message,
            source: None,
        }
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message.in_lang(Lang::En))
    }
}

impl std::error::Error for Failure {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// Puts kring's words on an error, as anyhow's `with_context` does with
/// text: `fs::read(path).or_say(|| msg!("cannot-read", what = ...))`.
pub trait OrSay<T> {
    fn or_say(self, message: impl FnOnce() -> Message) -> anyhow::Result<T>;
}

impl<T, E: Into<anyhow::Error>> OrSay<T> for Result<T, E> {
    fn or_say(self, message: impl FnOnce() -> Message) -> anyhow::Result<T> {
        self.map_err(|e| {
            anyhow::Error::new(Failure {
                message: message(),
                source: Some(e.into().into()),
            })
        })
    }
}

impl<T> OrSay<T> for Option<T> {
    fn or_say(self, message: impl FnOnce() -> Message) -> anyhow::Result<T> {
        self.ok_or_else(|| anyhow::Error::new(Failure::new(message())))
    }
}

/// A message by id with named arguments:
/// `msg!("checked", files = 3, cases = 2)`.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::Message::new($id)$(.arg(stringify!($name), $value))*
    };
}

/// The text of message `id` in `lang`, without arguments.
pub fn text(lang: Lang, id: &'static str) -> String {
    Message::new(id).in_lang(lang)
}

/// Every message id of a resource, for the tests.
#[cfg(test)]
pub fn ids(lang: Lang) -> Vec<String> {
    let resource = match FluentResource::try_new(lang.source().to_string()) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("{}.ftl: {errors:?}", lang.as_str()),
    };
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_the_same_messages_and_parse_cleanly() {
        let nl = ids(Lang::Nl);
        let en = ids(Lang::En);
        let only = |a: &[String], b: &[String]| -> Vec<String> {
            a.iter().filter(|id| !b.contains(id)).cloned().collect()
        };
        assert!(
            only(&nl, &en).is_empty(),
            "only in nl.ftl: {:?}",
            only(&nl, &en)
        );
        assert!(
            only(&en, &nl).is_empty(),
            "only in en.ftl: {:?}",
            only(&en, &nl)
        );
        let mut sorted = en.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), en.len(), "an id is given twice in en.ftl");
        for lang in Lang::ALL {
            let mut b = FluentBundle::new_concurrent(vec![lang.as_str().parse().unwrap()]);
            let resource = FluentResource::try_new(lang.source().to_string()).unwrap();
            assert!(b.add_resource(resource).is_ok(), "{}", lang.as_str());
        }
    }

    #[test]
    fn every_id_the_code_asks_for_exists() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let en = ids(Lang::En);
        let mut missing = Vec::new();
        for entry in walkdir::WalkDir::new(&src) {
            let entry = entry.unwrap();
            if entry.path().extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap();
            for pattern in ["msg!(\"", "Message::new(\"", "text(lang, \"", "ui.say(\""] {
                for rest in text.split(pattern).skip(1) {
                    let id = rest.split('"').next().unwrap_or("");
                    if !en.iter().any(|known| known == id) {
                        missing.push(format!("{}: {id}", entry.path().display()));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "ids in neither resource: {missing:#?}");
    }

    #[test]
    fn languages_from_flags_and_locales() {
        assert_eq!(Lang::from_tag("nl"), Some(Lang::Nl));
        assert_eq!(Lang::from_tag("nl_NL.UTF-8"), Some(Lang::Nl));
        assert_eq!(Lang::from_tag("nl-BE"), Some(Lang::Nl));
        assert_eq!(Lang::from_tag("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_tag("C.UTF-8"), None);
        assert_eq!(Lang::of_document("de"), Lang::En);
    }

    #[test]
    fn plurals_and_arguments() {
        let checked = |files: usize, errors: usize| {
            msg!(
                "checked",
                files = files,
                cases = files,
                errors = errors,
                warnings = 0usize
            )
        };
        assert_eq!(
            checked(1, 1).in_lang(Lang::En),
            "checked 1 file (1 case): 1 error, 0 warnings"
        );
        assert_eq!(
            checked(3, 2).in_lang(Lang::Nl),
            "3 bestanden gecontroleerd (3 zaken): 2 fouten, 0 waarschuwingen"
        );
        assert_eq!(Message::text("as is").in_lang(Lang::Nl), "as is");
    }
}
