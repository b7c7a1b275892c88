//! The regional office's views over many cases: the agenda, matching a
//! coordinator to a request, statistics and the anonymised export.

pub mod agenda;
pub mod charts;
pub mod export;
pub mod matching;
pub mod report;
pub mod stats;
pub mod status;

/// A header row, then one row per item, for `--format csv`.
pub fn csv_text<R: serde::Serialize>(columns: &[&str], rows: &[R]) -> anyhow::Result<String> {
    use anyhow::Context as _;
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    writer.write_record(columns)?;
    for row in rows {
        writer.serialize(row)?;
    }
    let bytes = writer.into_inner().context("cannot write CSV")?;
    Ok(String::from_utf8(bytes)?)
}
