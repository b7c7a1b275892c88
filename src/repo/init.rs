//! A new case repository (`kring init`): kring.toml with every setting
//! explained, cases/, templates/README.md, a .gitignore that keeps out/ out
//! of git, and the JSON Schemas with a .taplo.toml for editors.

use std::path::Path;

use anyhow::{Result, bail};

use super::SETTINGS_FILE;
use crate::fsutil::{Mode, create_new_atomic, write_atomic};
use crate::messages::Failure;
use crate::msg;

/// What [`init`] found about the new repository.
pub struct Created {
    /// The folder is already inside a git work tree.
    pub inside_git: bool,
}

const SETTINGS: &str = r#"# kring repository settings. Every key is optional; the values shown are the defaults.

# organisation = "Eigen Kracht Centrale"   # shown on the documents
# language = "nl"                # default document language (nl and en are built in)
# timezone = "Europe/Amsterdam"  # IANA time zone of the conferences
# cases = "cases"                # folder with one TOML file per conference
# out = "out"                    # folder for rendered documents (keep it out of git)
# followup_days = 28             # the follow-up is due this many days after the conference
# retention_days = 365           # how long a closed case may keep personal data
# messages = "nl"                # the language of kring's messages for the team (nl or en; default: your locale)

# [rates]                        # what coordinators are paid, in euros (`kring declare`)
# hour = 47.50                   # per hour worked
# km = 0.23                      # per kilometre travelled
# conference = 125.00            # a fixed fee per conference held
#
# [funders.gemeente-zwolle]      # who pays for conferences: a case's `request.funder` names the key
# name = "Gemeente Zwolle"
"#;

const TEMPLATES_README: &str = r#"# Templates

kring renders invitations, checklists and plans from built-in templates in Dutch (nl) and
English (en). To change one, put a file with the same relative path here, for example
`templates/nl/invitation.md` or `templates/layout.html`; it replaces the built-in one for
this repository. A new language is a new folder (`templates/de/...`).
"#;

/// Creates a case repository in `dir`; refuses if it holds a kring.toml.
pub fn init(dir: &Path) -> Result<Created> {
    if dir.join(SETTINGS_FILE).exists() {
        bail!(Failure::new(msg!(
            "init-exists",
            folder = dir.display().to_string()
        )));
    }
    create_new_atomic(&dir.join(SETTINGS_FILE), SETTINGS.as_bytes(), Mode::Public)?;
    std::fs::create_dir_all(dir.join("cases"))?;
    let keep = dir.join("cases/.gitkeep");
    if !keep.exists() {
        create_new_atomic(&keep, b"", Mode::Public)?;
    }
    let readme = dir.join("templates/README.md");
    if !readme.exists() {
        create_new_atomic(&readme, TEMPLATES_README.as_bytes(), Mode::Public)?;
    }
    ignore_output(&dir.join(".gitignore"))?;
    write_editor_support(dir)?;

    Ok(Created {
        inside_git: inside_git(dir),
    })
}

/// The JSON Schemas in `.kring/` and a `.taplo.toml` that ties them to the
/// case files and kring.toml, so that editors validate and complete. An
/// existing `.taplo.toml` is left alone.
fn write_editor_support(dir: &Path) -> Result<()> {
    for (file, schema) in crate::model::schema::files() {
        write_atomic(
            &dir.join(file),
            crate::model::schema::to_text(&schema).as_bytes(),
            Mode::Public,
        )?;
    }
    let taplo = dir.join(".taplo.toml");
    if !taplo.exists() {
        create_new_atomic(&taplo, TAPLO.as_bytes(), Mode::Public)?;
    }
    Ok(())
}

const TAPLO: &str = r#"# Editor support (taplo, Even Better TOML): validate and complete the case
# files and kring.toml against the schemas kring wrote into .kring/.
# After an upgrade, refresh them: `kring schema > .kring/case.schema.json`,
# `kring schema --settings > .kring/settings.schema.json` and
# `kring schema --roster > .kring/coordinator.schema.json`.

include = ["kring.toml", "cases/**/*.toml", "coordinators/**/*.toml"]

[[rule]]
include = ["cases/**/*.toml"]
[rule.schema]
path = ".kring/case.schema.json"

[[rule]]
include = ["kring.toml"]
[rule.schema]
path = ".kring/settings.schema.json"

[[rule]]
include = ["coordinators/**/*.toml"]
[rule.schema]
path = ".kring/coordinator.schema.json"
"#;

/// What `.gitignore` must keep out of git: the rendered documents and the
/// messages `kring send` leaves in the outbox for review.
const IGNORED: &[(&str, &str)] = &[
    (
        "out",
        "# rendered documents hold personal data: never commit them\nout/\n",
    ),
    (
        "outbox",
        "# messages kring send wrote for review hold personal data too\noutbox/\n",
    ),
];

/// Adds `out/` and `outbox/` to `.gitignore`, keeping whatever it already
/// holds.
fn ignore_output(path: &Path) -> Result<()> {
    let existing = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e.into()),
    };
    let mut text = existing.clone();
    for (folder, lines) in IGNORED {
        let listed = existing.lines().any(|l| {
            let l = l.trim().trim_start_matches('/');
            l == *folder || l.strip_suffix('/') == Some(folder)
        });
        if !listed {
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            text.push_str(lines);
        }
    }
    if text == existing {
        return Ok(());
    }
    write_atomic(path, text.as_bytes(), Mode::Public)
}

fn inside_git(dir: &Path) -> bool {
    dir.canonicalize()
        .map(|d| d.ancestors().any(|a| a.join(".git").exists()))
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `kring init` wrote a rule for the roster's schema but not the schema
    /// itself, so `taplo check` failed as soon as coordinators/ existed.
    #[test]
    fn every_schema_the_taplo_file_names_is_written() {
        let written: Vec<&str> = crate::model::schema::files()
            .iter()
            .map(|(file, _)| *file)
            .collect();
        let named: Vec<&str> = TAPLO
            .lines()
            .filter_map(|l| l.strip_prefix("path = \""))
            .filter_map(|l| l.strip_suffix('"'))
            .collect();
        assert_eq!(named, written);
    }
}
