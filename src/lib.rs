//! kring: checks the case files of family group conferences and says what is left to do.
//!
//! The domain (`model`, `check`, `repo`) knows nothing about the terminal;
//! `cli` turns it into commands.

pub mod check;
pub mod checklist;
pub mod cli;
pub mod diagnostic;
pub mod fmt;
pub mod fsutil;
pub mod model;
pub mod render;
pub mod repo;
pub mod schema;
pub mod skeleton;
