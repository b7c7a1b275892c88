//! The regional office's views over many cases: the agenda, matching a
//! coordinator to a request, statistics, the anonymised export and the
//! coordinators' declarations.

pub mod agenda;
pub mod charts;
pub mod declare;
pub mod export;
pub mod matching;
pub mod report;
pub mod stats;
pub mod status;

use crate::messages::{Lang, text};
use crate::model::Phase;
use crate::msg;

/// A phase in the reader's words, for the human tables (JSON and CSV keep
/// [`Phase::as_str`]).
pub fn phase_word(phase: Phase, lang: Lang) -> String {
    match phase {
        Phase::Request => text(lang, "phase-request"),
        Phase::Preparation => text(lang, "phase-preparation"),
        Phase::Scheduled => text(lang, "phase-scheduled"),
        Phase::Plan => text(lang, "phase-plan"),
        Phase::FollowUp => text(lang, "phase-follow-up"),
        Phase::Closed => text(lang, "phase-closed"),
    }
}

/// A variant's name (`Variant::as_str`, or `all` for every variant) in the
/// reader's words, for the human tables.
pub fn variant_word(name: &str, lang: Lang) -> String {
    match name {
        "family" => text(lang, "variant-family"),
        "restorative" => text(lang, "variant-restorative"),
        "community" => text(lang, "variant-community"),
        "learning" => text(lang, "variant-learning"),
        "all" => text(lang, "variant-all"),
        other => other.to_string(),
    }
}

/// A header row, then one row per item, for `--format csv`.
pub fn csv_text<R: serde::Serialize>(columns: &[&str], rows: &[R]) -> anyhow::Result<String> {
    use crate::messages::OrSay as _;
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    writer.write_record(columns)?;
    for row in rows {
        writer.serialize(row)?;
    }
    let bytes = writer.into_inner().or_say(|| msg!("cannot-write-csv"))?;
    Ok(String::from_utf8(bytes)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Variant;

    /// Every variant has its words in both languages (the English ones are
    /// the keys), and so has every phase.
    #[test]
    fn variants_and_phases_have_words() {
        for variant in Variant::ALL {
            assert_eq!(variant_word(variant.as_str(), Lang::En), variant.as_str());
            let dutch = variant_word(variant.as_str(), Lang::Nl);
            assert!(!dutch.starts_with("variant-"), "{dutch}");
        }
        assert_eq!(variant_word("all", Lang::Nl), "alle");
        let phases = [
            Phase::Request,
            Phase::Preparation,
            Phase::Scheduled,
            Phase::Plan,
            Phase::FollowUp,
            Phase::Closed,
        ];
        for phase in phases {
            assert_eq!(phase_word(phase, Lang::En), phase.as_str());
            assert!(!phase_word(phase, Lang::Nl).starts_with("phase-"));
        }
        assert_eq!(phase_word(Phase::Preparation, Lang::Nl), "voorbereiding");
    }
}
