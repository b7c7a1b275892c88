//! Writing files so that a reader never sees half of one.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;

/// What went wrong with a file or folder: the path, and the system's error
/// as the source. `cli` says it in the user's language.
#[derive(Debug, thiserror::Error)]
pub enum FsError {
    #[error("cannot write {}", .0.display())]
    Write(PathBuf, #[source] std::io::Error),
    #[error("cannot read {}", .0.display())]
    Read(PathBuf, #[source] std::io::Error),
    #[error("cannot set the mode of {}", .0.display())]
    Mode(PathBuf, #[source] std::io::Error),
    #[error("cannot create folder {}", .0.display())]
    CreateFolder(PathBuf, #[source] std::io::Error),
    #[error("cannot create a temporary file in {}", .0.display())]
    TempFile(PathBuf, #[source] std::io::Error),
    #[error("{} already exists; not overwriting it", .0.display())]
    Exists(PathBuf),
}

/// `map_err(on(FsError::Write, path))`: the error of `path`.
fn on<E: Into<std::io::Error>>(
    kind: fn(PathBuf, std::io::Error) -> FsError,
    path: &Path,
) -> impl FnOnce(E) -> FsError {
    move |e| kind(path.to_path_buf(), e.into())
}

/// Temporary files are named `.kring-XXXXXX.tmp`, so that a later run can
/// recognise and remove what an interrupted one left behind.
pub const TEMP_PREFIX: &str = ".kring-";
pub const TEMP_SUFFIX: &str = ".tmp";

/// Who may read a file kring writes (DESIGN §9.5). A file that is
/// replaced keeps its own mode, whatever is asked for here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// 0600: files with personal data (case files, documents, letters,
    /// exports, the agenda feed).
    Private,
    /// 0644: files without (kring.toml, .gitignore, schemas, templates).
    Public,
    /// Exactly these permission bits (a file's own, carried to its copy).
    Bits(u32),
}

impl Mode {
    /// The mode `path` has now, or `Private` if it cannot be read.
    pub fn of(path: &Path) -> Mode {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            if let Ok(meta) = std::fs::metadata(path) {
                return Mode::Bits(meta.permissions().mode() & 0o7777);
            }
        }
        let _ = path;
        Mode::Private
    }

    #[cfg(unix)]
    fn bits(self) -> u32 {
        match self {
            Mode::Private => 0o600,
            Mode::Public => 0o644,
            Mode::Bits(bits) => bits,
        }
    }
}

/// Gives the temporary file for `path` the mode `path` has, if it exists
/// as a plain file, else `mode`.
fn set_mode(temp: &tempfile::NamedTempFile, path: &Path, mode: Mode) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = match std::fs::symlink_metadata(path) {
            Ok(meta) if meta.file_type().is_file() => meta.permissions().mode() & 0o7777,
            _ => mode.bits(),
        };
        temp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(on(FsError::Mode, path))?;
    }
    let _ = (temp, path, mode);
    Ok(())
}

/// Writes `contents` to `path` through a temporary file in the same folder
/// and a rename, so that `path` holds either its old or its new contents.
/// A new file gets `mode`; an existing one keeps its own.
pub fn write_atomic(path: &Path, contents: &[u8], mode: Mode) -> Result<()> {
    let mut temp = temp_beside(path)?;
    set_mode(&temp, path, mode)?;
    temp.write_all(contents)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(on(FsError::Write, path))?;
    temp.persist(path).map_err(on(FsError::Write, path))?;
    Ok(())
}

/// Like [`write_atomic`], but without waiting for the disk: for files kring
/// can make again from the case files (the output folder). A reader still
/// sees the old or the new contents, never half; after a power cut the
/// file may be older or empty, which the next render repairs (its
/// manifest is not trusted across a restart of the machine).
pub fn write_atomic_derived(path: &Path, contents: &[u8]) -> Result<()> {
    let mut temp = temp_beside(path)?;
    temp.write_all(contents).map_err(on(FsError::Write, path))?;
    temp.persist(path).map_err(on(FsError::Write, path))?;
    Ok(())
}

/// Like [`write_atomic`], but fails if `path` exists, also when it appears
/// while we write.
pub fn create_new_atomic(path: &Path, contents: &[u8], mode: Mode) -> Result<()> {
    let mut temp = temp_beside(path)?;
    set_mode(&temp, path, mode)?;
    temp.write_all(contents)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(on(FsError::Write, path))?;
    temp.persist_noclobber(path).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            FsError::Exists(path.to_path_buf())
        } else {
            FsError::Write(path.to_path_buf(), e.error)
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
/// an edit saved while we worked is never overwritten. The file keeps its
/// mode.
pub fn replace_if_unchanged(path: &Path, expected: &[u8], contents: &[u8]) -> Result<Replaced> {
    let mut temp = temp_beside(path)?;
    set_mode(&temp, path, Mode::Private)?;
    temp.write_all(contents)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(on(FsError::Write, path))?;
    let now = std::fs::read(path).map_err(on(FsError::Read, path))?;
    if now != expected {
        return Ok(Replaced::ChangedMeanwhile);
    }
    temp.persist(path).map_err(on(FsError::Write, path))?;
    Ok(Replaced::Written)
}

fn temp_beside(path: &Path) -> Result<tempfile::NamedTempFile> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(folder).map_err(on(FsError::CreateFolder, folder))?;
    tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(folder)
        .map_err(on(FsError::TempFile, folder))
        .map_err(Into::into)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn new_files_get_their_mode_and_replaced_ones_keep_theirs() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let (private, public) = (dir.path().join("case.toml"), dir.path().join("kring.toml"));
        create_new_atomic(&private, b"a", Mode::Private).unwrap();
        write_atomic(&public, b"a", Mode::Public).unwrap();
        assert_eq!((mode(&private), mode(&public)), (0o600, 0o644));
        std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o640)).unwrap();
        replace_if_unchanged(&private, b"a", b"b").unwrap();
        write_atomic(&public, b"b", Mode::Private).unwrap();
        assert_eq!((mode(&private), mode(&public)), (0o640, 0o644));
    }

    #[test]
    fn creates_and_refuses_to_clobber() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b.toml");
        create_new_atomic(&path, b"one", Mode::Private).unwrap();
        let err = create_new_atomic(&path, b"two", Mode::Private).unwrap_err();
        assert!(err.to_string().contains("already exists"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        write_atomic(&path, b"three", Mode::Private).unwrap();
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
