//! `kring man [DIR]`: manual pages, one per command.

use std::path::PathBuf;

use crate::messages::OrSay as _;
use anyhow::Result;

use super::{Outcome, Ui};
use crate::fsutil::{Mode, write_atomic};
use crate::msg;

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
            .or_say(|| msg!("cannot-write", file = path.display().to_string()))?;
    }
    let folder = args.dir.display().to_string();
    ui.say(msg!("man-written", pages = pages.len(), folder = folder));
    Ok(Outcome::Clean)
}

/// The page of `command` and of each of its subcommands, as (file name, roff).
fn collect(command: &clap::Command, pages: &mut Vec<(String, Vec<u8>)>) {
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        collect(sub, pages);
    }
    // The footer names kring and its version on every page (clap_mangen's
    // default is the command's own name and version, which subcommands
    // lack).
    let after = command
        .get_after_long_help()
        .or_else(|| command.get_after_help())
        .map(|t| t.to_string());
    let bare = command
        .clone()
        .after_help(None::<&str>)
        .after_long_help(None::<&str>);
    let man = clap_mangen::Man::new(bare)
        .source(format!("kring {}", super::VERSION))
        .manual("kring manual");
    let mut page = Vec::new();
    // Rendering into memory cannot fail.
    if man.render(&mut page).is_ok() {
        let page = with_text_after(&String::from_utf8_lossy(&page), after.as_deref());
        pages.push((man.get_filename(), page.into_bytes()));
    }
}

/// The page with the text shown after the options (examples, the groups
/// of `kring --help`) as a section of its own, line by line, before the
/// version: clap_mangen writes it as running text, which man joins into
/// one paragraph.
fn with_text_after(page: &str, after: Option<&str>) -> String {
    let Some(text) = after else {
        return page.to_string();
    };
    let mut roff = roff::Roff::new();
    let title = if text.starts_with("Example") {
        "EXAMPLES"
    } else {
        "NOTES"
    };
    roff.control("SH", [title]);
    // No-fill: each line stays a line, blank lines stay blank.
    roff.control("nf", []);
    for line in text.lines() {
        roff.text([roff::roman(line)]);
    }
    roff.control("fi", []);
    let section = roff.to_roff();
    match page.find(".SH VERSION") {
        Some(at) => format!("{}{section}{}", &page[..at], &page[at..]),
        None => format!("{page}{section}"),
    }
}
