//! `kring completions SHELL`: a completion script on stdout.

use anyhow::Result;
use clap_complete::Shell;

use super::{Outcome, Ui, print_stdout};

/// Print a shell completion script (bash, zsh, fish, powershell, elvish).
#[derive(Debug, clap::Args)]
#[command(
    long_about = "Prints a completion script for the shell (commands, options and their values). Install\n\
                  it where your shell looks for completions.\n\n\
                  To complete case ids too (kring render 2026-0<TAB>), let kring answer the shell\n\
                  instead: put `source <(COMPLETE=bash kring)` in ~/.bashrc (zsh: `source <(COMPLETE=zsh\n\
                  kring)` in ~/.zshrc; fish: `COMPLETE=fish kring | source` in config.fish).",
    after_help = "Examples:\n  kring completions bash > ~/.local/share/bash-completion/completions/kring\n  kring completions zsh > ~/.zfunc/_kring\n  kring completions fish > ~/.config/fish/completions/kring.fish"
)]
pub struct Args {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: Shell,
}

pub fn run(args: Args, _ui: &Ui) -> Result<Outcome> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut super::command(), "kring", &mut script);
    print_stdout(&String::from_utf8_lossy(&script))?;
    Ok(Outcome::Clean)
}
