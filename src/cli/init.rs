//! `kring init [DIR]`: a new case repository.

use std::path::PathBuf;

use anyhow::Result;

use super::{Outcome, Ui};
use crate::msg;
use crate::repo::init::init;

/// Create a new case repository: kring.toml, cases/, templates/, .gitignore.
#[derive(Debug, clap::Args)]
#[command(
    long_about = "Creates a case repository in DIR (default: the current folder): kring.toml with every\n\
                  setting explained, an empty cases/ folder, templates/README.md, a .gitignore that\n\
                  keeps the rendered documents (out/) out of git, and editor support: the JSON Schemas\n\
                  in .kring/ and a .taplo.toml that ties them to the files. Refuses if kring.toml exists.",
    after_help = "Example:\n  kring init regio-oost && cd regio-oost && git init"
)]
pub struct Args {
    /// The folder for the repository; created if needed.
    pub dir: Option<PathBuf>,
}

pub fn run(args: Args, ui: &Ui) -> Result<Outcome> {
    let dir = args.dir.unwrap_or_else(|| PathBuf::from("."));
    let created = init(&dir)?;
    let folder = dir.display().to_string();
    ui.say(msg!("init-created", folder = folder.as_str()));
    if !created.inside_git {
        ui.say(msg!("init-git", folder = folder));
    }
    ui.say(msg!("init-next"));
    Ok(Outcome::Clean)
}
