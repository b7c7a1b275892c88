//! Arbitrary bytes as a case file, through everything kring does with one:
//! load, check, format, and render every document (in memory).
#![no_main]

use std::sync::LazyLock;

use chrono::NaiveDate;
use kring::Severity;
use kring::{Scope, Templates, render_case};
use kring::{Settings, parse_case_bytes};
use libfuzzer_sys::fuzz_target;

static TEMPLATES: LazyLock<Templates> =
    LazyLock::new(|| Templates::builtin().expect("the built-in templates parse"));
static SETTINGS: LazyLock<Settings> = LazyLock::new(Settings::default);

fuzz_target!(|data: &[u8]| {
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let loaded = parse_case_bytes("cases/fuzz.toml", data.to_vec());
    let report = kring::check_cases(std::slice::from_ref(&loaded), &SETTINGS, today);
    if let Some(text) = &loaded.file.text {
        if let Ok(formatted) = kring::format(text) {
            // Formatting is idempotent and keeps the meaning.
            let again = kring::format(&formatted).expect("formatted text parses");
            assert_eq!(again, formatted, "fmt is not idempotent");
            let before: Result<toml::Value, _> = toml::from_str(text);
            let after: Result<toml::Value, _> = toml::from_str(&formatted);
            if let (Ok(before), Ok(after)) = (before, after) {
                assert_eq!(before, after, "fmt changed the meaning");
            }
        }
    }
    if let Ok(case) = &loaded.case {
        let warnings: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .collect();
        // Render also cases with rule errors: it must not panic on them.
        let rendered = render_case(case, &SETTINGS, &TEMPLATES, &Scope::ALL, today, &warnings);
        if let Ok(rendered) = rendered {
            for document in &rendered.documents {
                let path = document.path.to_string_lossy();
                assert!(!path.contains(".."), "{path}");
            }
        }
    }
});
