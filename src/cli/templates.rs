//! `kring templates list` and `kring templates export`: see which templates
//! a repository uses, and copy the built-in ones out for editing.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use super::{Outcome, Ui, print_stdout};
use crate::fsutil::{Mode, create_new_atomic};
use crate::msg;
use crate::render::templates::{BUILTIN, LAYOUT, Origin, Templates};
use crate::repo::{Repo, slash_path};

/// List the document templates, or copy the built-in ones out for editing.
#[derive(Debug, clap::Args)]
#[command(
    long_about = "Lists the document templates a repository uses, or copies the built-in ones into its\n\
                  templates/ folder to edit them. A file in templates/ replaces the built-in template with\n\
                  the same path; a new folder (templates/fy/) adds a language. See docs/templates.md.",
    after_help = "Examples:\n  kring templates list\n  kring templates export --language nl\n  $EDITOR templates/nl/invitation.md && kring check && kring render"
)]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// List every template, per language, and whether it is built in or the repository's own.
    List {
        /// The case repository (default: the one around the current folder).
        #[arg(long, value_name = "DIR")]
        repo: Option<PathBuf>,
    },
    /// Copy the built-in templates into templates/ for editing; never overwrites an existing file.
    Export {
        /// Only the templates of this document language (and the layout).
        /// (`--lang` is the language of kring's own messages.)
        #[arg(long = "language", value_name = "LANG")]
        language: Option<String>,
        /// Where to write (default: templates/ in the repository).
        dir: Option<PathBuf>,
    },
}

pub fn run(args: Args, ui: &Ui) -> Result<Outcome> {
    match args.action {
        Action::List { repo } => list(repo.as_deref(), ui),
        Action::Export { language, dir } => export(language.as_deref(), dir, ui),
    }
}

fn list(start: Option<&Path>, ui: &Ui) -> Result<Outcome> {
    let repo = Repo::discover(start.unwrap_or(Path::new(".")))?;
    let templates = match Templates::load(&repo.root) {
        Ok(t) => t,
        Err(e) => {
            ui.template_errors(std::slice::from_ref(&e));
            return Ok(Outcome::Failed);
        }
    };
    let mut rows = vec![(
        "LANGUAGE".to_string(),
        "TEMPLATE".to_string(),
        "SOURCE".to_string(),
    )];
    for (name, origin) in templates.origins() {
        let (lang, file) = name.split_once('/').unwrap_or(("-", name.as_str()));
        let builtin = BUILTIN.iter().any(|(n, _)| n == name);
        let source = match origin {
            Origin::BuiltIn => "built-in".to_string(),
            Origin::File(path) if builtin => {
                format!("{} (replaces the built-in one)", slash_path(path))
            }
            Origin::File(path) => slash_path(path),
        };
        rows.push((lang.to_string(), file.to_string(), source));
    }
    let width = |pick: fn(&(String, String, String)) -> &String| {
        rows.iter()
            .map(|r| pick(r).chars().count())
            .max()
            .unwrap_or(0)
    };
    let (w1, w2) = (width(|r| &r.0), width(|r| &r.1));
    let mut text = String::new();
    for (lang, file, source) in &rows {
        text.push_str(&format!("{lang:<w1$}  {file:<w2$}  {source}\n"));
    }
    print_stdout(&text)?;
    Ok(Outcome::Clean)
}

fn export(lang: Option<&str>, dir: Option<PathBuf>, ui: &Ui) -> Result<Outcome> {
    let target = match dir {
        Some(dir) => dir,
        None => Repo::discover(Path::new("."))?.root.join("templates"),
    };
    let chosen: Vec<&(&str, &str)> = BUILTIN
        .iter()
        .filter(|(name, _)| match lang {
            Some(lang) => *name == LAYOUT || name.starts_with(&format!("{lang}/")),
            None => true,
        })
        .collect();
    if let Some(lang) = lang
        && chosen.len() == 1
    {
        let folder = target.display().to_string();
        bail!(ui.t(&msg!(
            "templates-unknown-language",
            lang = lang,
            folder = folder
        )));
    }

    let (mut written, mut same, mut kept) = (0, 0, Vec::new());
    for (name, text) in chosen {
        let path = target.join(name);
        match std::fs::read(&path) {
            Ok(existing) if existing == text.as_bytes() => same += 1,
            Ok(_) => kept.push(path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                create_new_atomic(&path, text.as_bytes(), Mode::Public)?;
                written += 1;
            }
            Err(e) => {
                return Err(
                    anyhow::Error::new(e).context(format!("cannot read {}", path.display()))
                );
            }
        }
    }
    for path in &kept {
        ui.say(msg!("templates-kept", file = path.display().to_string()));
    }
    ui.say(msg!(
        "templates-exported",
        folder = target.display().to_string(),
        written = written,
        same = same,
        kept = kept.len()
    ));
    Ok(Outcome::Clean)
}
