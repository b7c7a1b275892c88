//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The date every test runs on, so results do not depend on the clock.
pub const TODAY: &str = "2026-11-22";

/// The kring binary, with no colour and no KRING_TODAY from the environment.
pub fn kring() -> Command {
    let mut cmd = Command::cargo_bin("kring").unwrap();
    cmd.env_remove("KRING_TODAY").env("NO_COLOR", "1");
    cmd
}

pub fn fixture_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn demo_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/demo")
}
