//! `kring man [DIR]`: manual pages, one per command.

use std::path::PathBuf;

use anyhow::{Context, Result};

use super::{Outcome, Ui};
use crate::fsutil::{Mode, write_atomic};

/// Write manual pages, one per command.
#[derive(Debug, clap::Args)]
#[command(
    long_about = "Writes one manual page (roff) per command into DIR, default ./man: kring.1,\n\
                  kring-check.1, kring-render.1 and so on. Existing pages are replaced atomically.",
    after_help = "Example:\n  kring man ~/.local/share/man/man1 && man kring-check"
)]
pub struct Args {
    /// The folder for the pages (created if needed).
    #[arg(default_value = "man")]
    pub dir: PathBuf,
}

pub fn run(args: Args, ui: &Ui) -> Result<Outcome> {
    let mut command = super::command().disable_help_subcommand(true);
    command.build();
    let mut pages = Vec::new();
    collect(&command, &mut pages);
    for (name, page) in &pages {
        let path = args.dir.join(name);
        write_atomic(&path, page, Mode::Public)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    ui.note(&format!(
        "wrote {} manual pages to {}",
        pages.len(),
        args.dir.display()
    ));
    Ok(Outcome::Clean)
}

/// The page of `command` and of each of its subcommands, as (file name, roff).
fn collect(command: &clap::Command, pages: &mut Vec<(String, Vec<u8>)>) {
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        collect(sub, pages);
    }
    let man = clap_mangen::Man::new(command.clone());
    let mut page = Vec::new();
    // Rendering into memory cannot fail.
    if man.render(&mut page).is_ok() {
        pages.push((man.get_filename(), page));
    }
}
