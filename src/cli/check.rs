//! `kring check [PATH...]`: validate case files against the rules.

use std::path::PathBuf;

use anyhow::Result;

use super::{Format, Outcome, Ui, print_stdout};
use crate::check::Workspace;
use crate::diagnostic::{JsonReport, Severity};
use crate::msg;

/// Check case files against the method's rules.
#[derive(Debug, clap::Args)]
#[command(
    long_about = "Checks case files against the method's rules (K-codes) and reports every problem found.\n\
                  Errors make the command fail (exit 1); warnings do not, unless --deny-warnings.\n\
                  The repository's own templates (templates/) are checked too: a syntax error or an\n\
                  unknown variable is reported with its file and line (exit 2).",
    after_help = "Examples:\n  kring check\n  kring check cases/2026 --format json\n  kring check --today 2026-10-01 --deny-warnings"
)]
pub struct Args {
    /// Case files, folders or case ids to check (default: the whole repository).
    #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_case))]
    pub paths: Vec<PathBuf>,
    /// `human` diagnostics on stderr, or one JSON object on stdout.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Fail on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
}

pub fn run(args: Args, ui: &Ui) -> Result<Outcome> {
    let workspace = Workspace::open(&args.paths)?;
    let report = workspace.check(ui.today(&workspace.repo));
    let errors = report.count(Severity::Error);
    let warnings = report.count(Severity::Warning);

    match args.format {
        Format::Json => {
            let json = JsonReport {
                version: 1,
                files: report.files,
                cases: report.cases,
                errors,
                warnings,
                diagnostics: report.diagnostics.iter().map(|d| d.json(ui.lang)).collect(),
            };
            print_stdout(&(serde_json::to_string(&json)? + "\n"))?;
        }
        Format::Human => {
            let sources = workspace.sources();
            let renderer = ui.renderer();
            let mut text = String::new();
            for d in &report.diagnostics {
                if ui.quiet && d.severity == Severity::Warning {
                    continue;
                }
                text.push_str(&renderer.render(d, sources.get(d.file.as_str()).copied()));
                text.push_str("\n\n");
            }
            ui.stderr(&text);
            if report.files == 0 {
                let folder = workspace.repo.cases_dir().display().to_string();
                ui.warning(msg!("no-case-files", folder = folder));
            } else if errors + warnings > 0 || ui.interactive {
                ui.say(msg!(
                    "checked",
                    files = report.files,
                    cases = report.cases,
                    errors = errors,
                    warnings = warnings
                ));
            }
        }
    }
    for failure in &report.io_errors {
        ui.error(msg!("cannot-read", what = failure));
    }
    ui.template_errors(&report.template_errors);
    Ok(
        if !report.io_errors.is_empty() || !report.template_errors.is_empty() {
            Outcome::Failed
        } else if errors > 0 || (args.deny_warnings && warnings > 0) {
            Outcome::Problems
        } else {
            Outcome::Clean
        },
    )
}
