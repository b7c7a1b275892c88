//! What the last render wrote, so that the next one can skip the cases
//! whose inputs have not changed.
//!
//! The manifest (`out/.kring.manifest`) holds one key for everything that
//! applies to all cases (kring's build, the settings, the templates, the
//! documents and formats asked for, and today when a template reads it) and,
//! per case, a key over what only that case's documents depend on (its
//! file, its phase, its open warnings), the modification times of its
//! folders and its number of files. A case whose key and folder times match
//! is not rendered, compared or written again.
//!
//! The manifest is trusted only as far as it can be:
//! - a render deletes it before it writes anything and writes a new one at
//!   the end, so an interrupted render leaves none (the next run compares
//!   every file);
//! - it names the boot of the machine that wrote it: the documents are
//!   written without waiting for the disk, so after a restart (a power cut)
//!   the manifest is ignored;
//! - a file added, removed or renamed in a case's folders changes the
//!   folder's time; a file edited in place does not, which `render --check`
//!   and `render --full` find.
//!
//! A missing, unreadable or malformed manifest is the same as none.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::Path;
use std::time::UNIX_EPOCH;

use anyhow::Result;
use xxhash_rust::xxh3::Xxh3;

use crate::fsutil::write_atomic_derived;
use crate::messages::OrSay as _;
use crate::msg;

/// The manifest's name in the output folder.
pub const MANIFEST_FILE: &str = ".kring.manifest";

const HEADER: &str = "kring manifest 1";

/// A 128-bit digest of some inputs.
pub type Key = u128;

/// Builds a [`Key`]. Each part is length-prefixed, so that ("ab", "c") and
/// ("a", "bc") differ.
pub struct KeyBuilder(Xxh3);

impl Default for KeyBuilder {
    fn default() -> Self {
        KeyBuilder(Xxh3::new())
    }
}

impl KeyBuilder {
    pub fn part(&mut self, bytes: impl AsRef<[u8]>) -> &mut Self {
        let bytes = bytes.as_ref();
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }

    pub fn finish(&self) -> Key {
        self.0.digest128()
    }
}

/// One case as the last render left it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub key: Key,
    /// The modification times of `<case id>/` and `<case id>/invitations/`.
    pub folders: FolderTimes,
    /// How many documents the case has.
    pub files: usize,
}

/// Modification times in nanoseconds since 1970, 0 for a folder that is not
/// there.
pub type FolderTimes = [i128; 2];

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Manifest {
    pub global: Key,
    pub entries: HashMap<String, Entry>,
}

impl Manifest {
    pub fn new(global: Key) -> Manifest {
        Manifest {
            global,
            entries: HashMap::new(),
        }
    }

    /// The manifest in `out`, if there is one this boot of the machine can
    /// trust.
    pub fn load(out: &Path) -> Option<Manifest> {
        let text = fs::read_to_string(out.join(MANIFEST_FILE)).ok()?;
        Manifest::parse(&text, &boot_id()?)
    }

    fn parse(text: &str, boot: &str) -> Option<Manifest> {
        let mut lines = text.lines();
        if lines.next()? != HEADER || lines.next()?.strip_prefix("boot ")? != boot {
            return None;
        }
        let global = Key::from_str_radix(lines.next()?.strip_prefix("global ")?, 16).ok()?;
        let mut manifest = Manifest::new(global);
        // The last line counts the entries, so that a cut-off file is
        // not mistaken for a shorter one.
        let mut ended = false;
        for line in lines {
            if ended {
                return None;
            }
            if let Some(count) = line.strip_prefix("end ") {
                ended = count.parse::<usize>().ok()? == manifest.entries.len();
                if !ended {
                    return None;
                }
                continue;
            }
            let mut fields = line.split(' ');
            let mut next = || fields.next();
            let id = next()?;
            let entry = Entry {
                key: Key::from_str_radix(next()?, 16).ok()?,
                folders: [next()?.parse().ok()?, next()?.parse().ok()?],
                files: next()?.parse().ok()?,
            };
            if next().is_some() || !crate::model::is_valid_id(id) {
                return None;
            }
            manifest.entries.insert(id.to_string(), entry);
        }
        ended.then_some(manifest)
    }

    fn to_text(&self, boot: &str) -> String {
        let mut ids: Vec<&String> = self.entries.keys().collect();
        ids.sort();
        let mut text = format!("{HEADER}\nboot {boot}\nglobal {:032x}\n", self.global);
        for id in ids {
            let e = &self.entries[id];
            text.push_str(&format!(
                "{id} {:032x} {} {} {}\n",
                e.key, e.folders[0], e.folders[1], e.files
            ));
        }
        text.push_str(&format!("end {}\n", self.entries.len()));
        text
    }

    /// Writes the manifest into `out` (atomically). Without a boot id to
    /// name, nothing is written: a manifest could not be trusted later.
    pub fn save(&self, out: &Path) -> Result<()> {
        let Some(boot) = boot_id() else {
            return Ok(());
        };
        write_atomic_derived(&out.join(MANIFEST_FILE), self.to_text(&boot).as_bytes())
    }

    /// Removes the manifest from `out`, before a render changes anything.
    pub fn remove(out: &Path) -> Result<()> {
        let path = out.join(MANIFEST_FILE);
        match fs::remove_file(&path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => {
                Err(e).or_say(|| msg!("cannot-remove", file = path.display().to_string()))
            }
            _ => Ok(()),
        }
    }
}

/// The modification times of a case's two folders.
pub fn folder_times(out: &Path, case_id: &str) -> FolderTimes {
    let case_dir = out.join(case_id);
    [modified(&case_dir), modified(&case_dir.join("invitations"))]
}

fn modified(path: &Path) -> i128 {
    fs::symlink_metadata(path)
        .ok()
        .filter(|m| m.is_dir())
        .and_then(|m| m.modified().ok())
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i128)
}

/// This boot of the machine (Linux); none elsewhere, where no manifest is
/// kept.
fn boot_id() -> Option<String> {
    let id = fs::read_to_string("/proc/sys/kernel/random/boot_id").ok()?;
    let id = id.trim();
    (!id.is_empty() && !id.contains(char::is_whitespace)).then(|| id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Manifest {
        let mut m = Manifest::new(0xfeed_u128 << 64 | 7);
        m.entries.insert(
            "2026-014-sam".into(),
            Entry {
                key: 42,
                folders: [1_700_000_000_123_456_789, 0],
                files: 9,
            },
        );
        m
    }

    #[test]
    fn round_trips() {
        let m = sample();
        assert_eq!(Manifest::parse(&m.to_text("boot-a"), "boot-a"), Some(m));
    }

    #[test]
    fn another_boot_or_damage_means_no_manifest() {
        let text = sample().to_text("boot-a");
        assert_eq!(Manifest::parse(&text, "boot-b"), None);
        for damaged in [
            text.replace("kring manifest 1", "kring manifest 2"),
            text.replace(" 9\n", " nine\n"),
            text.replace(" 9\n", " 9 extra\n"),
            text.replace("2026-014-sam", "Sam"),
            text[..text.len() - 4].to_string() + "\n",
            text.replace("end 1\n", ""),
            text.replace("end 1\n", "end 2\n"),
            text.clone() + "extra\n",
            String::new(),
        ] {
            assert_eq!(Manifest::parse(&damaged, "boot-a"), None, "{damaged}");
        }
    }

    #[test]
    fn keys_separate_their_parts() {
        let a = KeyBuilder::default().part("ab").part("c").finish();
        let b = KeyBuilder::default().part("a").part("bc").finish();
        assert_ne!(a, b);
        assert_eq!(a, KeyBuilder::default().part("ab").part("c").finish());
    }
}
