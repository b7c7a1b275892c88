//! Writing files so that a reader never sees half of one.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

/// Temporary files are named `.kring-XXXXXX.tmp`, so that a later run can
/// recognise and remove what an interrupted one left behind.
pub const TEMP_PREFIX: &str = ".kring-";
pub const TEMP_SUFFIX: &str = ".tmp";

/// Writes `contents` to `path` through a temporary file in the same folder
/// and a rename, so that `path` holds either its old or its new contents.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    let mut temp = temp_beside(path)?;
    temp.write_all(contents)
        .and_then(|()| temp.as_file().sync_all())
        .with_context(|| format!("cannot write {}", path.display()))?;
    temp.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// Like [`write_atomic`], but without waiting for the disk: for files kring
/// can make again from the case files (the output folder). A reader still
/// sees the old or the new contents, never half; after a power cut the
/// file may be older or empty, which the next render repairs (its
/// manifest is not trusted across a restart of the machine).
pub fn write_atomic_derived(path: &Path, contents: &[u8]) -> Result<()> {
    let mut temp = temp_beside(path)?;
    temp.write_all(contents)
        .with_context(|| format!("cannot write {}", path.display()))?;
    temp.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// Like [`write_atomic`], but fails if `path` exists, also when it appears
/// while we write.
pub fn create_new_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    let mut temp = temp_beside(path)?;
    temp.write_all(contents)
        .and_then(|()| temp.as_file().sync_all())
        .with_context(|| format!("cannot write {}", path.display()))?;
    temp.persist_noclobber(path).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            anyhow::anyhow!("{} already exists; not overwriting it", path.display())
        } else {
            anyhow::Error::new(e.error).context(format!("cannot write {}", path.display()))
        }
    })?;
    Ok(())
}

/// What [`replace_if_unchanged`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replaced {
    Written,
    /// The file no longer held `expected`: someone (an editor) changed it
    /// since it was read. Nothing was written.
    ChangedMeanwhile,
}

/// Replaces `path` with `contents` only if it still holds `expected`, the
/// bytes the new contents were made from. The new contents are written to
/// a temporary file first; the check happens right before the rename, so
/// an edit saved while we worked is never overwritten.
pub fn replace_if_unchanged(path: &Path, expected: &[u8], contents: &[u8]) -> Result<Replaced> {
    let mut temp = temp_beside(path)?;
    temp.write_all(contents)
        .and_then(|()| temp.as_file().sync_all())
        .with_context(|| format!("cannot write {}", path.display()))?;
    let now = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    if now != expected {
        return Ok(Replaced::ChangedMeanwhile);
    }
    temp.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(Replaced::Written)
}

fn temp_beside(path: &Path) -> Result<tempfile::NamedTempFile> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(folder)
        .with_context(|| format!("cannot create folder {}", folder.display()))?;
    tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(folder)
        .with_context(|| format!("cannot create a temporary file in {}", folder.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creates_and_refuses_to_clobber() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b.toml");
        create_new_atomic(&path, b"one").unwrap();
        let err = create_new_atomic(&path, b"two").unwrap_err();
        assert!(err.to_string().contains("already exists"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        write_atomic(&path, b"three").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"three");
        let leftovers = std::fs::read_dir(path.parent().unwrap()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary files left behind");
    }

    #[test]
    fn an_edit_made_meanwhile_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("case.toml");
        std::fs::write(&path, "old").unwrap();
        assert_eq!(
            replace_if_unchanged(&path, b"old", b"new").unwrap(),
            Replaced::Written
        );
        assert_eq!(std::fs::read(&path).unwrap(), b"new");

        // An editor saved the file after we read "new".
        std::fs::write(&path, "edited").unwrap();
        assert_eq!(
            replace_if_unchanged(&path, b"new", b"formatted").unwrap(),
            Replaced::ChangedMeanwhile
        );
        assert_eq!(std::fs::read(&path).unwrap(), b"edited");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
