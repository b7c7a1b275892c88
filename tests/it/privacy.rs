//! The statements of docs/privacy.md that are properties of the code.
//! (Contact details and birth dates: tests/it/render.rs and
//! tests/it/properties.rs.)

use std::path::Path;

use crate::support::{TODAY, demo_copy, files_below, kring};

fn rendered_demo() -> tempfile::TempDir {
    let dir = demo_copy();
    kring()
        .args(["render", "--today", TODAY])
        .arg(dir.path())
        .assert()
        .success();
    dir
}

fn documents(dir: &Path, filter: impl Fn(&str) -> bool) -> Vec<(String, String)> {
    let out = dir.join("out");
    files_below(&out)
        .into_iter()
        .filter(|f| filter(f))
        .map(|f| {
            let text = std::fs::read_to_string(out.join(&f)).unwrap();
            // Calendar files fold long lines; read them unfolded.
            let text = text.replace("\r\n ", "");
            (f, text)
        })
        .collect()
}

/// Invitations and calendar files name the others by name and role only:
/// not their relation ("heeft de ruit ingegooid"), not their needs, not
/// the safety arrangement about who must not meet.
#[test]
fn invitations_show_others_by_name_and_role_only() {
    let dir = rendered_demo();
    let secrets = [
        "heeft de ruit ingegooid",
        "buurvrouw en vriendin van Hannah",
        "stopteken",
        "zij-ingang",
        "oma (moeder van Anaïs)",
    ];
    let invitations = documents(dir.path(), |f| f.contains("/invitations/"));
    // De Groot has no coordinator yet, so no letters: 30 invitations, 23 with a date.
    assert_eq!(invitations.len(), 30 * 2 + 23);
    for (file, text) in &invitations {
        for secret in secrets {
            assert!(!text.contains(secret), "{file} shows {secret:?}");
        }
    }
    // A person's own needs appear in their own invitation only, and not in
    // its calendar file, whose description holds times, place and contact.
    for (file, text) in &invitations {
        let own = file.contains("2026-031-bakker/invitations/oma-ria") && !file.ends_with(".ics");
        assert_eq!(
            text.contains("rolstoeltoegankelijke zaal"),
            own,
            "{file}: needs shown to the wrong person"
        );
    }
}

/// The plan goes to everyone: it holds the agreements, not the
/// coordinator's follow-up notes or the safety arrangement.
#[test]
fn the_plan_holds_no_notes_or_safety_arrangement() {
    let dir = rendered_demo();
    let plans = documents(dir.path(), |f| f.contains("plan."));
    assert_eq!(plans.len(), 2);
    for (file, text) in &plans {
        assert!(
            !text.contains("Zoë heeft één keer bij Gerda geslapen"),
            "{file}"
        );
        assert!(!text.contains("06-"), "{file} shows a phone number");
    }
}

/// The checklist is the coordinator's: it may list the safety arrangement
/// and the open warnings, but no contact details or birth dates either.
#[test]
fn the_checklist_is_for_the_coordinator() {
    let dir = rendered_demo();
    let checklist = documents(dir.path(), |f| f == "2026-041-smit/checklist.md");
    let text = &checklist[0].1;
    assert!(
        text.contains("stopteken"),
        "the coordinator sees the arrangement"
    );
    for secret in [
        "hannah.whitfield@example.nl",
        "06-27182818",
        "Brink 40",
        "2008-05-21",
    ] {
        assert!(!text.contains(secret), "checklist shows {secret}");
    }
}

/// Rendered documents and rewritten case files are readable by their
/// owner only.
#[cfg(unix)]
#[test]
fn files_kring_writes_are_private_to_their_owner() {
    use std::os::unix::fs::PermissionsExt;
    let dir = rendered_demo();
    let out = dir.path().join("out");
    for file in files_below(&out) {
        if file == ".kring.lock" {
            continue;
        }
        let mode = std::fs::metadata(out.join(&file))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "{file} is readable by others: {mode:o}");
    }
    kring()
        .current_dir(dir.path())
        .args(["new", "2026-090-nieuw", "--variant", "family"])
        .assert()
        .success();
    let mode = std::fs::metadata(dir.path().join("cases/2026-090-nieuw.toml"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(
        mode & 0o077,
        0,
        "a new case file is readable by others: {mode:o}"
    );
}

/// `kring init` keeps the rendered documents out of git.
#[test]
fn init_keeps_documents_out_of_git() {
    let dir = tempfile::tempdir().unwrap();
    kring().arg("init").arg(dir.path()).assert().success();
    let ignore = std::fs::read_to_string(dir.path().join(".gitignore")).unwrap();
    assert!(ignore.lines().any(|l| l == "out/"));
}

/// Files with personal data are 0600, the others 0644 (DESIGN §9.5); `fmt`
/// and `anonymise` keep the mode a file has.
#[cfg(unix)]
#[test]
fn files_get_the_mode_their_contents_need() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    kring().arg("init").arg(root).assert().success();
    for public in [
        "kring.toml",
        ".gitignore",
        ".taplo.toml",
        "templates/README.md",
        ".kring/case.schema.json",
        ".kring/settings.schema.json",
        "cases/.gitkeep",
    ] {
        assert_eq!(mode(&root.join(public)), 0o644, "{public}");
    }
    kring()
        .current_dir(root)
        .args(["new", "2026-001-sam", "--variant", "family", "-q"])
        .assert()
        .success();
    let case = root.join("cases/2026-001-sam.toml");
    assert_eq!(mode(&case), 0o600);

    // A case file someone made 0640 for a colleague stays 0640 after fmt.
    std::fs::set_permissions(&case, std::fs::Permissions::from_mode(0o640)).unwrap();
    let messy = std::fs::read_to_string(&case)
        .unwrap()
        .replace("\n\n[", "\n[");
    std::fs::write(&case, &messy).unwrap();
    kring()
        .current_dir(root)
        .args(["fmt", "-q"])
        .assert()
        .success();
    assert_ne!(std::fs::read_to_string(&case).unwrap(), messy, "fmt wrote");
    assert_eq!(mode(&case), 0o640);

    // Documents hold personal data.
    let demo = rendered_demo();
    for file in files_below(&demo.path().join("out")) {
        assert_eq!(mode(&demo.path().join("out").join(&file)), 0o600, "{file}");
    }
}

#[cfg(unix)]
#[test]
fn anonymise_keeps_the_mode_of_the_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = demo_copy();
    let case = dir.path().join("cases/2026/2026-031-bakker.toml");
    std::fs::set_permissions(&case, std::fs::Permissions::from_mode(0o640)).unwrap();
    kring()
        .current_dir(dir.path())
        .args(["anonymise", "2026-031-bakker", "-q", "--today", TODAY])
        .assert()
        .success();
    let anonymised = dir.path().join("cases/2026/2026-031.toml");
    let mode = std::fs::metadata(&anonymised).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

/// A letter shows its recipient's own name and address and no one else's:
/// no other participant's address line, and no participant's email, phone
/// or birth date (docs/post.md).
#[test]
fn letters_show_only_their_recipients_address() {
    let dir = tempfile::tempdir().unwrap();
    crate::support::copy_tree(&crate::support::fixture_dir("letters"), dir.path());
    kring()
        .current_dir(dir.path())
        .args(["letters", "--today", TODAY, "--out", "letters.html"])
        .assert()
        .success();
    let html = std::fs::read_to_string(dir.path().join("letters.html")).unwrap();
    let mut people = Vec::new();
    for file in files_below(&dir.path().join("cases")) {
        let text = std::fs::read_to_string(dir.path().join("cases").join(file)).unwrap();
        let case: toml::Table = toml::from_str(&text).unwrap();
        for p in case["participant"].as_array().unwrap() {
            let field = |key: &str| {
                p.get(key)
                    .map(|v| v.as_str().map_or(v.to_string(), str::to_string))
            };
            let lines: Vec<String> = field("address")
                .unwrap_or_default()
                .split(['\n', ','])
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty())
                .collect();
            let details: Vec<String> = ["email", "phone", "born"]
                .iter()
                .filter_map(|k| field(k))
                .collect();
            people.push((field("name").unwrap(), lines, details));
        }
    }
    let letters: Vec<&str> = html.split("<article").skip(1).collect();
    assert_eq!(letters.len(), 6);
    for letter in letters {
        let recipient = letter.split("<p class=\"recipient\">").nth(1).unwrap();
        let recipient = recipient.split("</p>").next().unwrap();
        let own: Vec<&str> = recipient.split("<br>").collect();
        let name = own[0];
        for (other, lines, details) in &people {
            for line in lines.iter().filter(|l| !own.contains(&l.as_str())) {
                assert!(
                    !letter.contains(line.as_str()),
                    "{name}'s letter shows {other}'s {line:?}"
                );
            }
            for detail in details {
                assert!(
                    !letter.contains(detail.as_str()),
                    "{name}'s letter shows {other}'s {detail:?}"
                );
            }
        }
        assert_eq!(
            letter.matches(recipient).count(),
            1,
            "{name}: the address once, in the window"
        );
    }
}
