//! The regional office's views over many cases: the agenda, matching a
//! coordinator to a request, statistics and the anonymised export.

pub mod agenda;
pub mod export;
pub mod matching;
pub mod stats;
