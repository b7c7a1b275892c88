//! The rule table: one row per K-code with its severity. [`Code`] is
//! generated from the same rows, so a code that is not in the table does
//! not compile. A rule's summary (the heading of its section in
//! `docs/rules.md` and `docs/rules.nl.md`) and the help shown under each
//! diagnostic are messages `K205-summary` and `K205-help` of the Fluent
//! resources in `src/messages/`.

use serde::Serialize;

use super::Severity::{self, Error, Warning};
use crate::messages::{Lang, Message};

/// A rule of DESIGN §4.
#[derive(Debug)]
pub struct Rule {
    pub code: Code,
    pub severity: Severity,
}

impl Rule {
    /// One line, as in the heading of its section in the rules reference.
    pub fn summary(&self, lang: Lang) -> String {
        self.code.text("summary").in_lang(lang)
    }

    /// How to fix it, in one line, shown under each diagnostic.
    pub fn help(&self) -> Message {
        self.code.text("help")
    }
}

macro_rules! rules {
    ($($code:ident $severity:ident;)*) => {
        /// A rule's code. Ordered as the codes sort (K001 < K002 < ...).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($code,)*
        }

        /// Every rule, in the order of their codes.
        pub static RULES: &[Rule] = &[
            $(Rule { code: Code::$code, severity: $severity },)*
        ];

        impl Code {
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$code => stringify!($code),)*
                }
            }
        }
    };
}

rules! {
    K001 Error;
    K002 Error;
    K003 Error;
    K004 Error;
    K005 Error;
    K006 Error;
    K007 Warning;
    K008 Warning;
    K101 Error;
    K102 Error;
    K201 Error;
    K202 Error;
    K203 Error;
    K204 Warning;
    K205 Error;
    K206 Warning;
    K207 Warning;
    K208 Error;
    K209 Warning;
    K210 Warning;
    K211 Warning;
    K212 Warning;
    K213 Warning;
    K214 Warning;
    K301 Error;
    K302 Error;
    K303 Error;
    K304 Error;
    K305 Warning;
    K306 Warning;
    K307 Warning;
    K308 Error;
    K309 Warning;
    K310 Warning;
    K311 Warning;
    K401 Error;
    K402 Error;
    K403 Warning;
    K404 Warning;
    K405 Warning;
    K406 Error;
    K501 Error;
    K502 Error;
    K601 Error;
    K602 Error;
    K603 Warning;
    K604 Warning;
    K701 Error;
    K702 Warning;
    K703 Error;
    K704 Error;
    K705 Warning;
}

impl Code {
    /// The code named `text` (case-insensitive), e.g. on the command line.
    pub fn parse(text: &str) -> Option<Code> {
        RULES
            .iter()
            .map(|r| r.code)
            .find(|c| c.as_str().eq_ignore_ascii_case(text))
    }

    /// This code's row of [`RULES`].
    pub fn rule(self) -> &'static Rule {
        // The table lists every code once, in declaration order.
        &RULES[self as usize]
    }

    pub fn severity(self) -> Severity {
        self.rule().severity
    }

    /// The rule's message `K205-<what>`.
    fn text(self, what: &str) -> Message {
        Message::dynamic(format!("{}-{what}", self.as_str()))
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// The rules reference in a language: one `## CODE: summary` section per
/// rule.
fn rules_doc(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!("../../docs/rules.md"),
        Lang::Nl => include_str!("../../docs/rules.nl.md"),
    }
}

/// The section of the rules reference that documents `code`, heading
/// included.
pub fn explanation(code: Code, lang: Lang) -> Option<&'static str> {
    let doc = rules_doc(lang);
    let heading = format!("\n## {code}:");
    let start = doc.find(&heading)? + 1;
    let section = &doc[start..];
    let end = section[1..].find("\n## ").map_or(section.len(), |i| i + 2);
    Some(&section[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_sorted_and_index_the_table() {
        for pair in RULES.windows(2) {
            assert!(
                pair[0].code.as_str() < pair[1].code.as_str(),
                "{} then {}",
                pair[0].code,
                pair[1].code
            );
        }
        for rule in RULES {
            assert_eq!(rule.code.rule().code, rule.code);
            assert_eq!(
                Code::parse(&rule.code.as_str().to_lowercase()),
                Some(rule.code)
            );
        }
        assert_eq!(RULES.len(), 52);
        assert_eq!(Code::parse("K999"), None);
    }

    #[test]
    fn every_rule_has_its_texts_in_both_languages() {
        for lang in Lang::ALL {
            let ids = crate::messages::ids(lang);
            for rule in RULES {
                for what in ["summary", "help"] {
                    let id = format!("{}-{what}", rule.code);
                    assert!(ids.contains(&id), "{id} is not in {}.ftl", lang.as_str());
                }
            }
        }
    }

    /// The rules references and the rule table cannot drift apart.
    #[test]
    fn every_rule_has_its_section_with_the_same_summary_and_severity() {
        let words = [
            (
                Lang::En,
                "Severity",
                ["error", "warning"],
                [
                    "**What it checks.**",
                    "**Why.**",
                    "**Example.**",
                    "**Fix.**",
                ],
            ),
            (
                Lang::Nl,
                "Ernst",
                ["fout", "waarschuwing"],
                [
                    "**Wat het controleert.**",
                    "**Waarom.**",
                    "**Voorbeeld.**",
                    "**Oplossing.**",
                ],
            ),
        ];
        for (lang, severity_word, severities, parts) in words {
            for rule in RULES {
                let section = explanation(rule.code, lang)
                    .unwrap_or_else(|| panic!("no section for {} ({})", rule.code, lang.as_str()));
                let mut lines = section.lines();
                assert_eq!(
                    lines.next(),
                    Some(format!("## {}: {}", rule.code, rule.summary(lang)).as_str())
                );
                let severity = match rule.severity {
                    Severity::Error => severities[0],
                    Severity::Warning => severities[1],
                };
                assert_eq!(
                    lines.find(|l| !l.is_empty()),
                    Some(format!("{severity_word}: {severity}").as_str()),
                    "{} ({})",
                    rule.code,
                    lang.as_str()
                );
                for part in parts {
                    assert!(
                        section.contains(part),
                        "{} ({}) lacks {part}",
                        rule.code,
                        lang.as_str()
                    );
                }
            }
            let doc = rules_doc(lang);
            let sections = doc.lines().filter(|l| l.starts_with("## ")).count();
            assert_eq!(sections, RULES.len(), "one section per rule, no others");
        }
    }
}
