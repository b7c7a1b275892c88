//! `kring schema [--settings | --roster]`: the JSON Schema of case files,
//! of kring.toml or of the roster's coordinator files, for editors.

use anyhow::Result;

use super::{Outcome, Ui, print_stdout};
use crate::model::schema;

/// Print the JSON Schema of case files (or of kring.toml, or of the roster) for editors.
#[derive(Debug, clap::Args)]
#[command(
    long_about = "Prints the JSON Schema (draft-07) of a case file, with --settings of kring.toml, or\n\
                  with --roster of a coordinator file (coordinators/*.toml).\n\
                  Every key has the description that `kring new` writes as a comment. Editors that\n\
                  read JSON Schemas for TOML (taplo, Even Better TOML in VS Code) then validate and\n\
                  complete case files while you type; `kring init` sets this up in .kring/ and\n\
                  .taplo.toml.",
    after_help = "Examples:\n  kring schema > .kring/case.schema.json\n  kring schema --settings > .kring/settings.schema.json\n  kring schema --roster > .kring/coordinator.schema.json"
)]
pub struct Args {
    /// The schema of kring.toml instead of a case file.
    #[arg(long, conflicts_with = "roster")]
    pub settings: bool,
    /// The schema of a coordinator file of the roster (coordinators/*.toml).
    #[arg(long)]
    pub roster: bool,
}

pub fn run(args: Args, _ui: &Ui) -> Result<Outcome> {
    let value = if args.settings {
        schema::settings()
    } else if args.roster {
        schema::roster()
    } else {
        schema::case()
    };
    print_stdout(&schema::to_text(&value))?;
    Ok(Outcome::Clean)
}
