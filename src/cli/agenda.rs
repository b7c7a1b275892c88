//! `kring agenda`: what happens in the coming days, as a table, JSON or a
//! calendar feed.

use std::path::PathBuf;

use anyhow::Result;
use chrono::NaiveDate;

use super::{Format, Outcome, Ui, print_stdout};
use crate::fsutil::{Mode, write_atomic};
use crate::msg;
use crate::region::agenda::{agenda, without_names};
use crate::render::calendar::{FeedEvent, feed};
use crate::repo::open_and_load;

/// What happens in the coming days: conferences, preparations, plans, follow-ups.
#[derive(Debug, clap::Args)]
#[command(
    long_about = "Lists what happens in the coming days across the repository: conferences; participants\n\
                  not yet prepared when the conference is a week or less away; plans to send (within\n\
                  two days of the conference); follow-ups due four weeks after the conference; and the\n\
                  circles' own reviews. Work that is already overdue is listed on the first day.\n\
                  --ics writes the same as a calendar file a calendar program can subscribe to.\n\n\
                  The agenda holds case ids (often with a surname) and the names of people still to\n\
                  prepare. Keep the feed where only you can read it, or write it with --no-names: case\n\
                  ids shortened to their number, no person's name.",
    after_help = "Examples:\n  kring agenda\n  kring agenda --days 30 --coordinator selin-kaya\n  kring agenda --ics ~/agenda/kring.ics     # subscribe to it in your calendar\n  kring agenda --ics ~/agenda/kring.ics --no-names"
)]
pub struct Args {
    /// The first day (default: today).
    #[arg(long, value_name = "DATE", value_parser = super::date_arg)]
    pub from: Option<NaiveDate>,
    /// How many days.
    #[arg(long, default_value_t = 14)]
    pub days: u32,
    /// Only the cases of this coordinator (roster id, or name).
    #[arg(long, value_name = "ID")]
    pub coordinator: Option<String>,
    /// A table for people, or a JSON array for programs.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Also write the agenda as an iCalendar file.
    #[arg(long, value_name = "FILE")]
    pub ics: Option<PathBuf>,
    /// No person's name anywhere: case ids shortened to their number
    /// (2026-014), no coordinator, the people still to prepare counted, not
    /// named. For a feed in a shared or online calendar.
    #[arg(long)]
    pub no_names: bool,
}

pub fn run(args: Args, ui: &Ui) -> Result<Outcome> {
    let (repo, loaded) = open_and_load(&[])?;
    let from = args.from.unwrap_or_else(|| ui.today(&repo));
    let roster = repo.roster()?;
    let cases: Vec<_> = loaded.iter().filter_map(|l| l.case.as_ref().ok()).collect();
    let mut items = agenda(
        &cases,
        &roster,
        repo.settings.followup_days,
        from,
        args.days,
        ui.lang,
    );
    if let Some(who) = &args.coordinator {
        items.retain(|i| i.coordinator.as_deref() == Some(who.as_str()));
    }
    if args.no_names {
        without_names(&mut items);
    }

    match args.format {
        Format::Json => print_stdout(&(serde_json::to_string(&items)? + "\n"))?,
        Format::Human => {
            let mut text = String::new();
            let width = items.iter().map(|i| i.case.len()).max().unwrap_or(4);
            for item in &items {
                let mut what = item.what.clone();
                if let Some((start, end)) = item.times {
                    what = format!("{}-{} {what}", start.format("%H:%M"), end.format("%H:%M"));
                }
                let overdue = if item.overdue {
                    ui.t(&msg!("agenda-overdue"))
                } else {
                    String::new()
                };
                text.push_str(&format!(
                    "{}  {:<12}  {:<width$}  {:<22}  {overdue}{what}\n",
                    item.date,
                    ui.t(&msg!("agenda-kind", kind = item.kind)),
                    item.case,
                    item.coordinator.as_deref().unwrap_or("-"),
                ));
            }
            if items.is_empty() {
                ui.say(msg!("agenda-empty", from = from, days = args.days));
            }
            print_stdout(&text)?;
        }
    }

    if let Some(path) = &args.ics {
        // Shortened ids (--no-names) may meet: each event keeps its own UID.
        let mut uids = std::collections::HashSet::new();
        let events: Vec<FeedEvent> = items
            .iter()
            .map(|item| FeedEvent {
                uid: {
                    let base =
                        format!("{}.{}.{}", item.case, item.kind, item.date.format("%Y%m%d"));
                    let mut uid = format!("{base}@kring");
                    let mut n = 1;
                    while !uids.insert(uid.clone()) {
                        n += 1;
                        uid = format!("{base}.{n}@kring");
                    }
                    uid
                },
                date: item.date,
                times: item.times,
                summary: format!(
                    "{}{}: {}",
                    if item.overdue { "OVERDUE " } else { "" },
                    item.case,
                    item.kind
                ),
                location: item.location.as_deref(),
                description: item.what.clone(),
            })
            .collect();
        let name = match &args.coordinator {
            Some(who) if !args.no_names => format!("kring agenda: {who}"),
            _ => "kring agenda".to_string(),
        };
        write_atomic(
            path,
            feed(&events, repo.settings.timezone.name(), &name).as_bytes(),
            Mode::Private,
        )?;
        let file = path.display().to_string();
        ui.say(msg!("agenda-written", file = file, events = events.len()));
    }
    Ok(Outcome::Clean)
}
