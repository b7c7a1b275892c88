//! `kring explain CODE`: a rule's documentation, from docs/rules.md.

use anyhow::{Result, bail};

use super::{Outcome, Ui, print_stdout};
use crate::diagnostic::{Code, RULES, explanation};
use crate::msg;

/// Show the documentation of a rule, e.g. `kring explain K205`.
#[derive(Debug, clap::Args)]
#[command(
    long_about = "Prints a rule's documentation from docs/rules.md: what it checks, why the method asks\n\
                  it, an example and the fix. --list prints every rule with its severity and summary.",
    after_help = "Examples:\n  kring explain K205\n  kring explain --list"
)]
pub struct Args {
    /// A rule code such as K205.
    #[arg(required_unless_present = "list", add = clap_complete::ArgValueCompleter::new(complete_code))]
    pub code: Option<String>,
    /// List every rule with its severity and summary.
    #[arg(long, conflicts_with = "code")]
    pub list: bool,
}

pub fn run(args: Args, ui: &Ui) -> Result<Outcome> {
    let Some(code) = args.code else {
        let list: String = RULES
            .iter()
            .map(|r| {
                format!(
                    "{}  {:<7}  {}\n",
                    r.code,
                    r.severity.as_str(),
                    r.summary(ui.lang)
                )
            })
            .collect();
        print_stdout(&list)?;
        return Ok(Outcome::Clean);
    };
    let Some(rule) = Code::parse(code.trim()).map(Code::rule) else {
        bail!(ui.t(&msg!("explain-unknown", code = code.as_str())));
    };
    match explanation(rule.code, ui.lang) {
        Some(text) => print_stdout(&format!("{}\n", text.trim_end()))?,
        None => print_stdout(&format!("{}: {}\n", rule.code, rule.summary(ui.lang)))?,
    }
    Ok(Outcome::Clean)
}

/// Completes rule codes (`kring explain K2<TAB>`), each with its summary.
fn complete_code(current: &std::ffi::OsStr) -> Vec<clap_complete::CompletionCandidate> {
    let prefix = current.to_string_lossy().to_uppercase();
    RULES
        .iter()
        .filter(|r| r.code.as_str().starts_with(&prefix))
        .map(|r| {
            let summary = r.summary(crate::messages::Lang::En);
            clap_complete::CompletionCandidate::new(r.code.as_str()).help(Some(summary.into()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn rule_codes_complete() {
        let codes: Vec<String> = super::complete_code("k60".as_ref())
            .iter()
            .map(|c| c.get_value().to_string_lossy().into_owned())
            .collect();
        assert_eq!(codes, ["K601", "K602", "K603", "K604"]);
    }
}
