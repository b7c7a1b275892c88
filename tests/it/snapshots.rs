//! Snapshots of every document the demo renders, in Dutch and in English.
//! A change to a template or to the rendering shows up here as a diff to
//! review like code (`cargo insta review`, or INSTA_UPDATE=always).

use kring::Case;
use kring::Severity;
use kring::check_cases;
use kring::{Formats, Scope, Templates, render_case};
use kring::{Repo, load_case};

use crate::support::{TODAY, demo_dir, fixture_dir};

/// Renders every demo case with all documents in `lang`, and snapshots
/// each file. `formats` picks which files.
fn snapshot_demo(lang: &str, formats: Formats, only_first_invitation: bool) {
    snapshot_repo(&demo_dir(), lang, formats, only_first_invitation, "");
}

/// Renders every case of the repository at `root` in `lang` and snapshots
/// each file, named `snapshots__<prefix><lang>__<path>`.
fn snapshot_repo(
    root: &std::path::Path,
    lang: &str,
    formats: Formats,
    only_first_invitation: bool,
    prefix: &str,
) {
    // The snapshot files keep the place and the names they had when this
    // file was the test crate `snapshots`: in tests/snapshots/, not beside
    // this file, and prefixed `snapshots__` rather than with this module's
    // path (`it__snapshots__`).
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    let _settings = settings.bind_to_scope();

    let repo = Repo::discover(root).unwrap();
    let loaded: Vec<_> = repo
        .case_files(&[])
        .unwrap()
        .iter()
        .map(load_case)
        .collect();
    let today = TODAY.parse().unwrap();
    let report = check_cases(&loaded, &repo.settings, today);
    let templates = Templates::builtin().unwrap();
    let scope = Scope {
        formats,
        ..Scope::ALL
    };
    let mut count = 0;
    for item in &loaded {
        let mut case: Case = item.case.as_ref().unwrap().clone();
        case.language = Some(toml::Spanned::new(0..0, lang.to_string()));
        for participant in &mut case.participants {
            participant.get_mut().language = None;
        }
        let warnings: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.file == item.file.rel && d.severity == Severity::Warning)
            .collect();
        let rendered =
            render_case(&case, &repo.settings, &templates, &scope, today, &warnings).unwrap();
        assert!(rendered.notes.is_empty(), "{:?}", rendered.notes);
        // The first invitation's files, in every format asked (its .html
        // and its .ics).
        let mut first_invitation: Option<std::path::PathBuf> = None;
        for document in rendered.documents {
            let path = document.path.to_string_lossy().replace('\\', "/");
            if path.contains("/invitations/") && only_first_invitation {
                let stem = document.path.with_extension("");
                if *first_invitation.get_or_insert_with(|| stem.clone()) != stem {
                    continue;
                }
            }
            let name = format!("snapshots__{prefix}{lang}__{}", path.replace('/', "__"));
            let text = String::from_utf8(document.bytes).unwrap();
            insta::assert_snapshot!(name, text);
            count += 1;
        }
    }
    assert!(count > 0);
}

#[test]
fn markdown_in_dutch() {
    snapshot_demo("nl", Formats { md: true, ..NONE }, false);
}

#[test]
fn markdown_in_english() {
    snapshot_demo("en", Formats { md: true, ..NONE }, false);
}

/// HTML and calendar files follow from the Markdown; one invitation per
/// case is enough to see the layout and the calendar change.
#[test]
fn html_and_calendar_files() {
    snapshot_demo(
        "nl",
        Formats {
            html: true,
            ics: true,
            ..NONE
        },
        true,
    );
    snapshot_demo(
        "en",
        Formats {
            html: true,
            ics: true,
            ..NONE
        },
        true,
    );
}

/// The demo has one plan, of a family case; these show a learning plan
/// (strengths, goals) and a plan the accepting professional turned down,
/// with a checklist that lists open warnings.
#[test]
fn learning_and_rejected_plans() {
    for lang in ["nl", "en"] {
        let formats = Formats { md: true, ..NONE };
        snapshot_repo(&fixture_dir("render"), lang, formats, true, "fixture__");
    }
}

/// Every invitation of tests/fixtures/readers: a child and a child's
/// sibling, a formal grandfather, a supporter, an acceptor, a professional
/// who comes only to the plan, a pupil under 8 and the mentor, residents;
/// compulsory help, a place without a date, neither, the organisation's
/// contact instead of the coordinator's.
#[test]
fn every_reader_in_both_languages() {
    for lang in ["nl", "en"] {
        let formats = Formats { md: true, ..NONE };
        snapshot_repo(&fixture_dir("readers"), lang, formats, false, "readers__");
    }
}

const NONE: Formats = Formats {
    md: false,
    html: false,
    ics: false,
};
