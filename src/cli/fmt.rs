//! `kring fmt [PATH...] [--check]`: canonical formatting of case files.

use std::path::PathBuf;

use anyhow::Result;

use super::{Outcome, Ui, print_stdout};
use crate::diagnostic::line_column;
use crate::fsutil::{Replaced, replace_if_unchanged};
use crate::messages::Lang;
use crate::msg;
use crate::repo::open_and_load;
use crate::repo::{LoadError, max_file_size_text};

/// Format case files canonically (key order of the design, comments kept).
#[derive(Debug, clap::Args)]
#[command(
    long_about = "Formats case files the same way everywhere, so that diffs show only real changes: keys\n\
                  and tables in the order of the case file format, participants and agreements in their\n\
                  own order, one blank line before each table, \"basic\" strings, arrays as [\"a\", \"b\"]\n\
                  (one item per line when long). Comments stay with their key. The meaning never\n\
                  changes, and formatting twice changes nothing.\n\n\
                  A file that is not valid TOML or has the wrong shape (K001, K002, K005) is left alone\n\
                  and reported (exit 1). A file that cannot be read, or that is saved by someone else\n\
                  while kring formats it, is not written (exit 2). --check writes nothing, lists the\n\
                  files that would change on stdout and exits 1 if there are any.",
    after_help = "Examples:\n  kring fmt\n  kring fmt cases/2026/2026-014-sam.toml\n  kring fmt --check     # in CI or a pre-commit hook"
)]
pub struct Args {
    /// Case files, folders or case ids (default: the whole repository).
    #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_case))]
    pub paths: Vec<PathBuf>,
    /// Write nothing; list the files that would change and exit 1 if any.
    #[arg(long)]
    pub check: bool,
}

pub fn run(args: Args, ui: &Ui) -> Result<Outcome> {
    let (_repo, loaded) = open_and_load(&args.paths)?;
    let (mut changed, mut unchanged, mut refused, mut failed) = (0, 0, 0, 0);
    let mut listing = String::new();
    for item in &loaded {
        let rel = &item.file.rel;
        let text = match (&item.case, &item.file.text) {
            (Ok(_), Some(text)) => text,
            (Err(LoadError::Io(e)), _) => {
                ui.error(msg!("cannot-read", what = format!("{rel}: {e}")));
                failed += 1;
                continue;
            }
            (Err(error), text) => {
                let reason = refusal(error, text.as_deref(), ui.lang);
                ui.error(msg!("fmt-refused", file = rel, reason = reason));
                refused += 1;
                continue;
            }
            (Ok(_), None) => continue,
        };
        let formatted = match crate::edit::format::format(text) {
            Ok(f) => f,
            Err(e) => {
                let message = e.message().lines().next().unwrap_or_default();
                ui.error(msg!("fmt-not-toml", file = rel, message = message));
                refused += 1;
                continue;
            }
        };
        if formatted == *text {
            unchanged += 1;
            continue;
        }
        changed += 1;
        if args.check {
            listing.push_str(rel);
            listing.push('\n');
            continue;
        }
        // An editor may have saved the file since we read it: never write
        // over an edit we did not see.
        match replace_if_unchanged(&item.file.path, text.as_bytes(), formatted.as_bytes()) {
            Ok(Replaced::Written) => {}
            Ok(Replaced::ChangedMeanwhile) => {
                ui.error(msg!("fmt-changed", file = rel));
                failed += 1;
            }
            Err(e) => {
                ui.error(format!("{e:#}"));
                failed += 1;
            }
        }
    }
    let files = changed + unchanged;
    if args.check {
        print_stdout(&listing)?;
        ui.say(msg!(
            "fmt-checked",
            files = files,
            changed = changed,
            unchanged = unchanged,
            refused = refused
        ));
    } else {
        ui.say(msg!(
            "formatted",
            files = files,
            changed = changed,
            unchanged = unchanged,
            refused = refused
        ));
    }
    Ok(if failed > 0 {
        Outcome::Failed
    } else if refused > 0 || (args.check && changed > 0) {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}

/// Why a file is left alone, in one line: its K-code, what is wrong and
/// where. `kring check` tells the whole story.
fn refusal(error: &LoadError, text: Option<&str>, lang: Lang) -> String {
    let at = |span: &Option<std::ops::Range<usize>>| match (span, text) {
        (Some(span), Some(text)) => format!(" on line {}", line_column(text, span.start).0),
        _ => String::new(),
    };
    let first_line = |message: &str| {
        message
            .lines()
            .next()
            .unwrap_or_default()
            .trim()
            .to_string()
    };
    match error {
        LoadError::Syntax { message, span, .. } => {
            format!("K001{}: invalid TOML: {}", at(span), first_line(message))
        }
        LoadError::Shape(problems) => match problems.first() {
            Some(p) => format!(
                "K002{}: {}",
                at(&p.span),
                first_line(&p.message.in_lang(lang))
            ),
            None => "K002".to_string(),
        },
        LoadError::TooLarge(size) => {
            format!("K005: {size} bytes, larger than {}", max_file_size_text())
        }
        LoadError::NotUtf8 { line, .. } => format!("K005 on line {line}: not valid UTF-8"),
        LoadError::Io(e) => e.to_string(),
    }
}
