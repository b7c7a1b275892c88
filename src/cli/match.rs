//! `kring match CASE`: rank the roster's coordinators for a case.

use std::path::PathBuf;

use anyhow::{Result, bail};

use super::{Format, Outcome, Ui, print_stdout};
use crate::msg;
use crate::region::matching::rank;
use crate::repo::open_and_load;

/// Rank the coordinators of the roster for a case, with the reasons.
#[derive(Debug, clap::Args)]
#[command(
    long_about = "Ranks the coordinators in coordinators/ for a case. First the conditions: no tie with an\n\
                  organisation that takes part or asked for the conference, the training the variant\n\
                  needs (part2 for restorative and community), available on the conference date. Then\n\
                  a score, each point with its reason: +3 per language the family wishes that the\n\
                  coordinator speaks, -3 per participant's language they do not speak, +2 per wish on\n\
                  gender, background or religion that fits, -1 per open case, -5 per conference of\n\
                  theirs on the same day. Ties go to fewer open cases.",
    after_help = "Examples:\n  kring match 2026-047-de-groot\n  kring match cases/2026/2026-047-de-groot.toml --format json"
)]
pub struct Args {
    /// The case: its file or its id.
    #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_case))]
    pub case: PathBuf,
    /// A table for people, or JSON.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

pub fn run(args: Args, ui: &Ui) -> Result<Outcome> {
    let (repo, loaded) = open_and_load(std::slice::from_ref(&args.case))?;
    let Some(item) = loaded.first() else {
        bail!(ui.t(&msg!(
            "match-no-case",
            case = args.case.display().to_string()
        )));
    };
    let Ok(case) = &item.case else {
        bail!(ui.t(&msg!("match-unreadable", file = &item.file.rel)));
    };
    let roster = repo.roster()?;
    if roster.coordinators.is_empty() {
        bail!(ui.t(&msg!("match-no-roster")));
    }
    let (_, all) = open_and_load(&[repo.cases_dir()])?;
    let cases: Vec<_> = all.iter().filter_map(|l| l.case.as_ref().ok()).collect();
    let ranking = rank(case, &roster, &cases, &repo.settings.language, ui.lang);

    match args.format {
        Format::Json => print_stdout(&(serde_json::to_string(&ranking)? + "\n"))?,
        Format::Human => {
            let mut text = ui.t(&msg!("match-heading", case = &ranking.case)) + "\n\n";
            let width = ranking
                .candidates
                .iter()
                .map(|c| c.id.len())
                .max()
                .unwrap_or(0);
            for (i, c) in ranking.candidates.iter().enumerate() {
                text.push_str(&format!(
                    "{:>2}. {:<width$}  {:>+3}  {}\n",
                    i + 1,
                    c.id,
                    c.score,
                    c.name
                ));
                for reason in &c.reasons {
                    text.push_str(&format!("    {:width$}       {reason}\n", ""));
                }
            }
            if ranking.candidates.is_empty() {
                text.push_str(&(ui.t(&msg!("match-none")) + "\n"));
            }
            if !ranking.excluded.is_empty() {
                text.push_str(&format!("\n{}\n", ui.t(&msg!("match-excluded"))));
                for e in &ranking.excluded {
                    text.push_str(&format!(
                        "    {} ({}): {}\n",
                        e.id,
                        e.name,
                        e.reasons.join("; ")
                    ));
                }
            }
            print_stdout(&text)?;
        }
    }
    Ok(Outcome::Clean)
}
