//! Puts the commit kring is built from into `kring --version`: from git
//! when building in a clone, else from `KRING_COMMIT` (a source tarball),
//! else "unknown".

use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let output = Command::new("git").args(args).output().ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    (output.status.success() && !text.trim().is_empty()).then(|| text.trim().to_string())
}

fn main() {
    println!("cargo::rerun-if-env-changed=KRING_COMMIT");
    let commit = std::env::var("KRING_COMMIT")
        .ok()
        .filter(|c| !c.is_empty())
        .or_else(|| git(&["rev-parse", "--short=12", "HEAD"]));
    // Build again when HEAD moves: a new commit, or another branch.
    if let Some(dir) = git(&["rev-parse", "--git-dir"]) {
        println!("cargo::rerun-if-changed={dir}/HEAD");
        if let (Some(common), Some(branch)) = (
            git(&["rev-parse", "--git-common-dir"]),
            git(&["symbolic-ref", "-q", "HEAD"]),
        ) {
            println!("cargo::rerun-if-changed={common}/{branch}");
            println!("cargo::rerun-if-changed={common}/packed-refs");
        }
    }
    println!(
        "cargo::rustc-env=KRING_COMMIT={}",
        commit.as_deref().unwrap_or("unknown")
    );
}
