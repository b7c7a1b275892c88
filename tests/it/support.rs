//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The date every test runs on, so results do not depend on the clock.
pub const TODAY: &str = "2026-11-22";

/// The kring binary, with no colour and no KRING_TODAY from the environment.
pub fn kring() -> Command {
    let mut cmd = Command::cargo_bin("kring").unwrap();
    cmd.env_remove("KRING_TODAY").env("NO_COLOR", "1");
    // English unless a test asks for Dutch, whatever the machine's locale.
    for name in ["KRING_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(name);
    }
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

/// Copies a folder tree (files and folders only) into `to`.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else if entry.file_type().is_file() {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A copy of the demo repository in a temporary folder, without `out/`.
pub fn demo_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&demo_dir(), dir.path());
    let _ = std::fs::remove_dir_all(dir.path().join("out"));
    dir
}

/// Writes `text` to `root/rel`, creating folders.
pub fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Every file below `dir`, relative and `/`-separated, sorted; without
/// the output folder's lock file, which is not a document.
pub fn files_below(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        // kring's own bookkeeping in the output folder: its lock and manifest.
        .filter(|e| {
            e.file_type().is_file()
                && e.file_name() != ".kring.lock"
                && e.file_name() != ".kring.manifest"
        })
        .map(|e| {
            e.path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    files.sort();
    files
}

/// A file's text; a test fails with the path when it cannot be read.
pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every file below `dir` (as [`files_below`] lists them) with its bytes.
pub fn snapshot(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    files_below(dir)
        .into_iter()
        .map(|f| {
            let bytes = std::fs::read(dir.join(&f)).unwrap();
            (f, bytes)
        })
        .collect()
}

/// The text a reader sees in an HTML page: tags removed, entities decoded.
pub fn visible_text(html: &str) -> String {
    let body = html.split("<body>").nth(1).unwrap_or(html);
    let mut text = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Keys whose values are the format's own words, not a person's data; and
/// `funder`, which names an organisation that pays (a key of kring.toml's
/// `[funders]` where it has some).
const NOT_PERSONAL: [&str; 13] = [
    "variant",
    "role",
    "status",
    "kind",
    "language",
    "languages",
    "parts",
    "requester",
    "topics",
    "activity",
    "group",
    "stopped",
    "funder",
];

/// Dutch name particles: part of many names, identifying no one.
const PARTICLES: [&str; 8] = ["van", "de", "der", "den", "het", "ten", "ter", "op"];

/// Every personal value in a case file, read with the toml crate (not
/// kring's own parser): each string except the format's own words and the
/// values of the keys in `kept`; each part of a name longer than 2
/// characters (not a particle such as "van"); each part of the case id that
/// is not a number (a family name); and each birth date.
pub fn personal_values(text: &str, kept: &[&str]) -> Vec<String> {
    fn walk(value: &toml::Value, key: &str, parent: &str, kept: &[&str], found: &mut Vec<String>) {
        match value {
            toml::Value::String(text) => {
                let enumerated = NOT_PERSONAL.contains(&key)
                    || kept.contains(&key)
                    || (parent == "closed" && key == "reason");
                if !enumerated {
                    found.push(text.clone());
                }
                if key == "name" {
                    found.extend(
                        text.split(|c: char| c.is_whitespace() || "-',()".contains(c))
                            .filter(|part| part.chars().count() > 2)
                            .filter(|part| !PARTICLES.contains(&part.to_lowercase().as_str()))
                            .map(str::to_string),
                    );
                }
                if key == "id" && parent.is_empty() {
                    found.extend(
                        text.split('-')
                            .filter(|part| !part.bytes().all(|b| b.is_ascii_digit()))
                            .map(str::to_string),
                    );
                }
            }
            toml::Value::Datetime(date) if key == "born" => found.push(date.to_string()),
            toml::Value::Array(items) => {
                for item in items {
                    walk(item, key, parent, kept, found);
                }
            }
            toml::Value::Table(table) => {
                for (k, v) in table {
                    walk(v, k, key, kept, found);
                }
            }
            _ => {}
        }
    }
    let value: toml::Value = toml::from_str(text).unwrap();
    let mut found = Vec::new();
    walk(&value, "", "", kept, &mut found);
    found.retain(|v| v.trim().chars().count() > 2);
    found.sort();
    found.dedup();
    found
}

/// [`personal_values`] of every case file of the repository at `repo`.
pub fn personal_values_in(repo: &Path, kept: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(repo.join("cases")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "toml") {
            found.extend(personal_values(&read(entry.path()), kept));
        }
    }
    found.sort();
    found.dedup();
    found
}
