//! Properties of rendering, for generated valid cases (proptest): it
//! succeeds, it is deterministic, no invitation shows anyone's contact
//! details or birth date, and every name, whatever its characters, prints
//! literally in the HTML and in the Markdown as a CommonMark renderer
//! (comrak, independent of the pulldown-cmark kring uses) shows it.

use chrono::NaiveDate;
use kring::Severity;
use kring::{Scope, Templates, render_case};
use kring::{Settings, parse_case};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

use crate::support::visible_text;

const VARIANTS: [&str; 4] = ["family", "restorative", "community", "learning"];

/// A name: letters from several scripts, spaces and Markdown/HTML
/// metacharacters; no digits, so that no name can contain a phone number,
/// a street number or a birth year.
fn name() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        r#"[A-Za-zÀ-ÿıİşğØæß家族عليάλφα *_\[\]()<>&"'#|`~!{}%+.=\\/:;?@^$-]{1,16}"#,
    )
    .unwrap()
    .prop_map(|s| s.trim().to_string())
    .prop_filter("not blank", |s| !s.is_empty())
}

#[derive(Debug, Clone)]
struct Person {
    id: String,
    name: String,
    role: &'static str,
    email: String,
    phone: String,
    address: String,
    born: NaiveDate,
}

fn case_strategy() -> impl Strategy<Value = (usize, Vec<String>, Vec<u8>)> {
    (
        0..4usize,
        prop::collection::vec(name(), 3..10),
        prop::collection::vec(0..4u8, 10),
    )
}

/// A valid case file of `variant` with these names.
fn case_text(variant: &str, names: &[String], roles: &[u8]) -> (String, Vec<Person>) {
    let circle = ["family", "friend", "network", "supporter"];
    let mut people = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let role = match (variant, i) {
            ("family" | "learning", 0) => "central",
            ("restorative", 0) => "harmed",
            ("restorative", 1) => "responsible",
            ("community", _) if i < 3 => "resident",
            ("learning", 1) => "school",
            (_, 2) => "professional",
            _ => circle[usize::from(roles[i % roles.len()]) % circle.len()],
        };
        people.push(Person {
            id: format!("p{i}"),
            name: name.clone(),
            role,
            email: format!("p{i}.geheim@mail.example"),
            phone: format!("06-9{i:07}"),
            address: format!("Geheimweg {}, 1234 AB Ergens", 100 + i),
            born: NaiveDate::from_ymd_opt(1930 + i as i32 * 3, 1 + i as u32 % 12, 7).unwrap(),
        });
    }
    if variant == "learning" {
        // The pupil is 13 at the conference.
        people[0].born = NaiveDate::from_ymd_opt(2013, 5, 7).unwrap();
    }
    let quote = |s: &str| toml::Value::String(s.to_string()).to_string();
    let end = if variant == "learning" {
        "16:30:00"
    } else {
        "17:00:00"
    };
    let mut text = format!(
        "id = \"2026-100-prop\"\nvariant = \"{variant}\"\n\n[request]\nreceived = 2026-09-01\n\
         question = \"Wat is er nodig?\"\nquestion_agreed = 2026-09-05\nconsent = 2026-09-02\n\n\
         [coordinator]\nname = \"Fatima El Amrani\"\nassigned = 2026-09-03\n\
         email = \"f.elamrani@example.org\"\nindependent = true\n\n\
         [conference]\ndate = 2027-03-10\nstart = 15:00:00\nend = {end}\nlocation = \"Buurthuis\"\n"
    );
    for p in &people {
        text.push_str(&format!(
            "\n[[participant]]\nid = \"{}\"\nname = {}\nrole = \"{}\"\nemail = \"{}\"\nphone = \"{}\"\n\
             address = {}\nborn = {}\nstatus = \"confirmed\"\nprepared = 2026-10-01\n",
            p.id,
            quote(&p.name),
            p.role,
            p.email,
            p.phone,
            quote(&p.address),
            p.born
        ));
        if p.role == "professional" {
            text.push_str("organisation = \"Wijkteam\"\n");
        }
    }
    (text, people)
}

/// The text a CommonMark reader shows for `markdown`.
fn commonmark_text(markdown: &str) -> String {
    use comrak::nodes::{AstNode, NodeValue};
    use comrak::{Arena, Options, parse_document};

    fn walk<'a>(node: &'a AstNode<'a>, markdown: &str, text: &mut String) {
        let value = &node.data().value;
        match value {
            NodeValue::Text(t) => text.push_str(t),
            NodeValue::Code(code) => text.push_str(&code.literal),
            NodeValue::SoftBreak | NodeValue::LineBreak => text.push('\n'),
            NodeValue::HtmlBlock(html) => {
                panic!(
                    "a value became HTML in the Markdown: {:?}\n{markdown}",
                    html.literal
                )
            }
            NodeValue::HtmlInline(html) => {
                panic!("a value became HTML in the Markdown: {html:?}\n{markdown}")
            }
            _ => {
                for child in node.children() {
                    walk(child, markdown, text);
                }
                text.push('\n');
            }
        }
    }

    let mut options = Options::default();
    options.extension.table = true;
    options.extension.tasklist = true;
    let arena = Arena::new();
    let mut text = String::new();
    walk(
        parse_document(&arena, markdown, &options),
        markdown,
        &mut text,
    );
    text
}

proptest! {
    // Seeds of past failures are in properties.proptest-regressions beside
    // this file. proptest's default would look in
    // tests/proptest-regressions/properties.txt, as main.rs is in this folder.
    #![proptest_config(ProptestConfig {
        cases: 48,
        failure_persistence: Some(Box::new(
            FileFailurePersistence::WithSource("proptest-regressions"),
        )),
        ..ProptestConfig::default()
    })]

    #[test]
    fn rendering_keeps_names_literal_and_details_private((v, names, roles) in case_strategy()) {
        let variant = VARIANTS[v];
        let (text, people) = case_text(variant, &names, &roles);
        let loaded = parse_case("cases/prop.toml", &text);
        let settings = Settings::default();
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let report = kring::check_cases(std::slice::from_ref(&loaded), &settings, today);
        let errors: Vec<_> = report.diagnostics.iter().filter(|d| d.severity == Severity::Error).collect();
        prop_assert!(errors.is_empty(), "the generator made an invalid case: {errors:?}\n{text}");
        let case = loaded.case.as_ref().unwrap();
        let templates = Templates::builtin().unwrap();
        let rendered = render_case(case, &settings, &templates, &Scope::ALL, today, &[]).unwrap();
        let again = render_case(case, &settings, &templates, &Scope::ALL, today, &[]).unwrap();
        prop_assert_eq!(&rendered.documents, &again.documents, "rendering is deterministic");

        for document in &rendered.documents {
            let path = document.path.to_string_lossy().to_string();
            let content = String::from_utf8(document.bytes.clone()).unwrap();
            if !path.contains("/invitations/") {
                continue;
            }
            for p in &people {
                prop_assert!(!content.contains(&p.email), "{path} shows {}", p.email);
                prop_assert!(!content.contains(&p.phone), "{path} shows {}", p.phone);
                prop_assert!(!content.contains("Geheimweg"), "{path} shows an address");
                let year = p.born.format("%Y").to_string();
                if variant != "learning" || p.id != "p0" {
                    prop_assert!(!content.contains(&year), "{path} shows birth year {year}");
                }
            }
            let shown = if path.ends_with(".html") {
                visible_text(&content)
            } else if path.ends_with(".md") {
                commonmark_text(&content)
            } else {
                continue;
            };
            for p in &people {
                prop_assert!(shown.contains(&p.name), "{path} lacks {:?}:\n{shown}", p.name);
            }
        }
    }
}
