//! kring's integration tests: one test binary, one module per area.
//!
//! One binary links kring and the dev-dependencies once instead of once
//! per file. Run one area with `cargo test --test it render::`.
//! Fixtures are in `tests/fixtures/`, insta snapshots in `tests/snapshots/`.

mod support;

mod anonymise;
mod bad_input;
mod books;
mod cli;
mod crash;
mod declare;
mod diagnostics;
mod export;
mod figures;
mod fmt;
mod hook;
mod html_valid;
mod layers;
mod letters;
mod privacy;
mod properties;
mod regional;
mod render;
mod report;
mod rules;
mod schema;
mod send;
mod smtp;
mod snapshots;
mod stats;
mod taplo;
mod templates;
mod tour;
