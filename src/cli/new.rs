//! `kring new ID --variant V`: a new case file from a commented skeleton;
//! `kring new ID --coordinator`: a new roster file.

use std::path::Path;

use anyhow::{Result, bail};

use super::{Outcome, Ui};
use crate::edit::coordinator::coordinator_skeleton;
use crate::edit::skeleton::skeleton;
use crate::fsutil::{Mode, create_new_atomic};
use crate::model::{Variant, is_valid_id};
use crate::msg;
use crate::repo::{ROSTER_DIR, Repo, load_case};

/// Create a new case file from a commented skeleton.
#[derive(Debug, clap::Args)]
#[command(
    long_about = "Writes cases/ID.toml: a case file with every key explained in a comment, the optional\n\
                  ones commented out, and the participants the variant needs. Its only errors are the names to fill in (K006).\n\
                  Never overwrites a file, and refuses an id that another case already uses.\n\n\
                  With --coordinator, writes coordinators/ID.toml instead: a coordinator of the roster\n\
                  that `kring match` ranks for a case, with every key explained.",
    after_help = "Examples:\n  kring new 2026-014-sam --variant learning --title \"Leerplan Sam\"\n  kring new 2026-015-jansen --variant family\n  kring new anouk-visser --coordinator --name \"Anouk Visser\""
)]
pub struct Args {
    /// The case id: lowercase letters, digits and `-`, e.g. 2026-014-sam
    /// (with --coordinator: the coordinator's id, e.g. anouk-visser).
    pub id: String,
    /// The kind of conference.
    #[arg(long, value_parser = super::variant_parser(), required_unless_present = "coordinator")]
    pub variant: Option<Variant>,
    /// A title for the documents.
    #[arg(long, conflicts_with = "coordinator")]
    pub title: Option<String>,
    /// Write a coordinator of the roster (coordinators/ID.toml), not a case.
    #[arg(long, conflicts_with = "variant")]
    pub coordinator: bool,
    /// With --coordinator: the coordinator's name.
    #[arg(long, requires = "coordinator")]
    pub name: Option<String>,
}

/// `kring new ID --coordinator`: coordinators/ID.toml.
fn new_coordinator(args: &Args, ui: &Ui) -> Result<Outcome> {
    if !is_valid_id(&args.id) {
        bail!(ui.t(&msg!("new-bad-coordinator-id", id = &args.id)));
    }
    if let Some(name) = &args.name
        && name.chars().any(char::is_control)
    {
        bail!(ui.t(&msg!("new-bad-name")));
    }
    let repo = Repo::discover(Path::new("."))?;
    let roster = repo.roster()?;
    if let Some(c) = roster.coordinators.iter().find(|c| c.id() == args.id) {
        bail!(ui.t(&msg!(
            "new-coordinator-taken",
            id = &args.id,
            name = &c.name
        )));
    }
    let path = repo.root.join(ROSTER_DIR).join(format!("{}.toml", args.id));
    let text = coordinator_skeleton(&args.id, args.name.as_deref());
    create_new_atomic(&path, text.as_bytes(), Mode::Private)?;
    let shown = repo
        .relative(&path)
        .unwrap_or_else(|| path.display().to_string());
    ui.say(msg!("new-coordinator-created", file = shown));
    Ok(Outcome::Clean)
}

pub fn run(args: Args, ui: &Ui) -> Result<Outcome> {
    let Some(variant) = args.variant else {
        return new_coordinator(&args, ui);
    };
    if !is_valid_id(&args.id) {
        bail!(ui.t(&msg!("new-bad-case-id", id = &args.id)));
    }
    if let Some(title) = &args.title
        && title.chars().any(char::is_control)
    {
        bail!(ui.t(&msg!("new-bad-title")));
    }
    let repo = Repo::discover(Path::new("."))?;
    for file in repo.case_files(&[])? {
        let loaded = load_case(&file);
        if loaded.id.is_some_and(|id| id.get_ref() == &args.id) {
            bail!(ui.t(&msg!("new-case-taken", id = &args.id, file = &file.rel)));
        }
    }
    let path = repo.cases_dir().join(format!("{}.toml", args.id));
    let today = ui.today(&repo);
    let text = skeleton(
        &args.id,
        variant,
        args.title.as_deref(),
        &repo.settings.language,
        today,
    );
    create_new_atomic(&path, text.as_bytes(), Mode::Private)?;
    let shown = repo
        .relative(&path)
        .unwrap_or_else(|| path.display().to_string());
    ui.say(msg!("new-case-created", file = shown));
    Ok(Outcome::Clean)
}
