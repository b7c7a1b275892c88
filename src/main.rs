use std::process::ExitCode;

use clap::FromArgMatches;
use kring::cli::{Cli, Outcome, command, run};

fn main() -> ExitCode {
    // `COMPLETE=bash kring` prints a completion script that completes case
    // ids too; the shell then calls kring back with COMPLETE set.
    clap_complete::CompleteEnv::with_factory(command).complete();
    let cli = match Cli::from_arg_matches(&command().get_matches()) {
        Ok(cli) => cli,
        Err(error) => error.exit(),
    };
    match run(cli) {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Problems) => ExitCode::from(1),
        Ok(Outcome::Failed) => ExitCode::from(2),
        Err(error) => {
            kring::ewriteln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}
