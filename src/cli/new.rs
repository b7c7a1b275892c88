//! `kring new ID --variant V`: a new case file from a commented skeleton.

use std::path::Path;

use anyhow::{Result, bail};

use super::{Outcome, Ui};
use crate::edit::skeleton::skeleton;
use crate::fsutil::{Mode, create_new_atomic};
use crate::model::{Variant, is_valid_id};
use crate::repo::{Repo, load_case};

/// Create a new case file from a commented skeleton.
#[derive(Debug, clap::Args)]
#[command(
    long_about = "Writes cases/ID.toml: a case file with every key explained in a comment, the optional\n\
                  ones commented out, and the participants the variant needs. It checks without errors.\n\
                  Never overwrites a file, and refuses an id that another case already uses.",
    after_help = "Examples:\n  kring new 2026-014-sam --variant learning --title \"Leerplan Sam\"\n  kring new 2026-015-jansen --variant family"
)]
pub struct Args {
    /// The case id: lowercase letters, digits and `-`, e.g. 2026-014-sam.
    pub id: String,
    /// The kind of conference.
    #[arg(long, value_parser = super::variant_parser())]
    pub variant: Variant,
    /// A title for the documents.
    #[arg(long)]
    pub title: Option<String>,
}

pub fn run(args: Args, ui: &Ui) -> Result<Outcome> {
    if !is_valid_id(&args.id) {
        bail!(
            "`{}` is not a valid case id: use lowercase letters, digits and `-` (at most 63), e.g. 2026-014-sam",
            args.id
        );
    }
    if let Some(title) = &args.title
        && title.chars().any(char::is_control)
    {
        bail!("a title is one line of text, without tabs or line breaks");
    }
    let variant = args.variant;
    let repo = Repo::discover(Path::new("."))?;
    for file in repo.case_files(&[])? {
        let loaded = load_case(&file);
        if loaded.id.is_some_and(|id| id.get_ref() == &args.id) {
            bail!("case id `{}` is already used by {}", args.id, file.rel);
        }
    }
    let path = repo.cases_dir().join(format!("{}.toml", args.id));
    let today = ui.today(&repo);
    let text = skeleton(&args.id, variant, args.title.as_deref(), today);
    create_new_atomic(&path, text.as_bytes(), Mode::Private)?;
    let shown = repo
        .relative(&path)
        .unwrap_or_else(|| path.display().to_string());
    ui.note(&format!(
        "created {shown}; fill it in, then run `kring check`"
    ));
    Ok(Outcome::Clean)
}
