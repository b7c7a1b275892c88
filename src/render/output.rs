//! Bringing the output folder in line with the rendered documents.
//!
//! Each file is written atomically (a temporary file beside it, then a
//! rename) and only when its bytes change. Files kring wrote before for a
//! case but no longer produces (the invitation of someone who has since
//! declined) are removed, so that a batch mailing cannot pick them up. No
//! symbolic link inside the output folder is followed: kring refuses to
//! write through one.

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use super::{Document, Scope};
use crate::fsutil::{TEMP_PREFIX, TEMP_SUFFIX, write_atomic_derived};
use crate::messages::{Failure, OrSay as _};
use crate::msg;

/// The lock file that keeps two renders into the same output folder from
/// running at once.
pub const LOCK_FILE: &str = ".kring.lock";

/// Holds the output folder's lock until dropped. A second `kring render`
/// into the same folder waits for the first: both would write the same
/// bytes, but one's clean-up of temporary files could remove the other's
/// file while it is being written.
pub struct OutputLock {
    _file: fs::File,
}

impl OutputLock {
    /// Takes the lock, calling `waiting` once if another process holds it.
    pub fn acquire(out: &Path, waiting: impl FnOnce()) -> Result<OutputLock> {
        fs::create_dir_all(out)
            .or_say(|| msg!("cannot-create-folder", folder = out.display().to_string()))?;
        OutputLock::acquire_file(&out.join(LOCK_FILE), waiting)
    }

    /// The same lock on another file of an existing folder: one `kring
    /// send` at a time per repository. The file is never removed
    /// (removing it would let two runs lock two different files).
    pub fn acquire_file(path: &Path, waiting: impl FnOnce()) -> Result<OutputLock> {
        let path = path.to_path_buf();
        if fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            bail!(Failure::new(msg!(
                "lock-is-link",
                file = path.display().to_string()
            )));
        }
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .or_say(|| msg!("cannot-open", file = path.display().to_string()))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                waiting();
                file.lock()
                    .or_say(|| msg!("cannot-lock", file = path.display().to_string()))?;
            }
            Err(fs::TryLockError::Error(e)) => {
                return Err(e).or_say(|| msg!("cannot-lock", file = path.display().to_string()));
            }
        }
        Ok(OutputLock { _file: file })
    }
}

/// How a file in the output folder compares with what kring renders now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FileState {
    Unchanged,
    /// Not there yet.
    Missing,
    /// There, with other bytes.
    Stale,
    /// There, but no longer rendered.
    Orphan,
}

impl FileState {
    pub fn as_str(self) -> &'static str {
        match self {
            FileState::Unchanged => "unchanged",
            FileState::Missing => "missing",
            FileState::Stale => "stale",
            FileState::Orphan => "orphan",
        }
    }
}

/// One file's state, by its path under the output folder.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FileReport {
    pub path: PathBuf,
    pub state: FileState,
}

/// Compares a case's rendered documents with the output folder, without
/// changing anything. `documents` are relative to `out`, all below
/// `<case id>/`.
pub fn compare(
    out: &Path,
    case_id: &str,
    documents: &[Document],
    scope: &Scope,
) -> Result<Vec<FileReport>> {
    let case_dir = out.join(case_id);
    refuse_link(&case_dir)?;
    refuse_link(&case_dir.join("invitations"))?;

    let mut reports = Vec::with_capacity(documents.len());
    let mut expected = BTreeSet::new();
    for document in documents {
        let path = out.join(&document.path);
        expected.insert(document.path.clone());
        let state = match fs::symlink_metadata(&path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => FileState::Missing,
            Err(e) => {
                return Err(e).or_say(|| msg!("cannot-read", what = path.display().to_string()));
            }
            // A link where a document belongs is replaced, never followed.
            Ok(meta) if !meta.file_type().is_file() => FileState::Stale,
            Ok(meta) if meta.len() != document.bytes.len() as u64 => FileState::Stale,
            Ok(_) => {
                let existing = fs::read(&path)
                    .or_say(|| msg!("cannot-read", what = path.display().to_string()))?;
                if existing == document.bytes {
                    FileState::Unchanged
                } else {
                    FileState::Stale
                }
            }
        };
        reports.push(FileReport {
            path: document.path.clone(),
            state,
        });
    }

    for path in produced_files(out, case_id, scope)? {
        if !expected.contains(&path) {
            reports.push(FileReport {
                path,
                state: FileState::Orphan,
            });
        }
    }
    Ok(reports)
}

/// Writes what [`compare`] found missing or stale, removes orphans and
/// temporary files an interrupted run left behind.
pub fn apply(
    out: &Path,
    case_id: &str,
    documents: &[Document],
    reports: &[FileReport],
) -> Result<()> {
    for report in reports {
        let path = out.join(&report.path);
        match report.state {
            FileState::Unchanged => {}
            FileState::Missing | FileState::Stale => {
                let document = documents
                    .iter()
                    .find(|d| d.path == report.path)
                    .or_say(|| msg!("internal-no-document"))?;
                if let Some(parent) = path.parent() {
                    create_folder(out, parent)?;
                }
                write_atomic_derived(&path, &document.bytes)?;
            }
            FileState::Orphan => remove(&path)?,
        }
    }
    let case_dir = out.join(case_id);
    for dir in [case_dir.join("invitations"), case_dir] {
        for leftover in temporary_files(&dir)? {
            remove(&leftover)?;
        }
    }
    Ok(())
}

/// Whether the case has no folder in `out` yet (then [`write_new_case`]
/// applies).
pub fn is_new_case(out: &Path, case_id: &str) -> Result<bool> {
    let path = out.join(case_id);
    match fs::symlink_metadata(&path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(true),
        Err(e) => Err(e).or_say(|| msg!("cannot-read", what = path.display().to_string())),
        Ok(_) => Ok(false),
    }
}

/// Writes the documents of a case that has no folder in `out` yet: all of
/// them into a temporary folder beside, which is then renamed to
/// `<case id>/`. A reader sees the case's folder complete or not at all,
/// at the cost of one rename per case instead of one per file. Returns the
/// reports (every file missing before).
pub fn write_new_case(
    out: &Path,
    case_id: &str,
    documents: &[Document],
) -> Result<Vec<FileReport>> {
    fs::create_dir_all(out)
        .or_say(|| msg!("cannot-create-folder", folder = out.display().to_string()))?;
    let temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempdir_in(out)
        .or_say(|| {
            msg!(
                "cannot-make-temp-folder",
                folder = out.display().to_string()
            )
        })?;
    let mut made = BTreeSet::new();
    let mut reports = Vec::with_capacity(documents.len());
    for document in documents {
        let inside = document
            .path
            .strip_prefix(case_id)
            .or_say(|| msg!("internal-outside-case"))?;
        let path = temp.path().join(inside);
        if let Some(parent) = path.parent()
            && made.insert(parent.to_path_buf())
        {
            fs::create_dir_all(parent).or_say(|| {
                msg!(
                    "cannot-create-folder",
                    folder = parent.display().to_string()
                )
            })?;
        }
        write_new(&path, &document.bytes)?;
        reports.push(FileReport {
            path: document.path.clone(),
            state: FileState::Missing,
        });
    }
    let target = out.join(case_id);
    // Not `persist`-like overwriting: if the folder appeared meanwhile,
    // renaming onto it fails (it is not empty) or replaces an empty one.
    let temp = temp.keep();
    if let Err(e) = fs::rename(&temp, &target) {
        let _ = fs::remove_dir_all(&temp);
        return Err(e).or_say(|| msg!("cannot-write", file = target.display().to_string()));
    }
    Ok(reports)
}

/// Creates a file readable by its owner only, like every file kring writes
/// (the documents hold personal data).
fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
        .open(path)
        .and_then(|mut f| f.write_all(bytes))
        .or_say(|| msg!("cannot-write", file = path.display().to_string()))
}

/// Removes the temporary folders and files an interrupted render left at
/// the top of `out`.
pub fn remove_leftovers(out: &Path) -> Result<()> {
    let entries = match fs::read_dir(out) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        other => other.or_say(|| msg!("cannot-read-folder", folder = out.display().to_string()))?,
    };
    for entry in entries {
        let entry =
            entry.or_say(|| msg!("cannot-read-folder", folder = out.display().to_string()))?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let path = entry.path();
        let result = match entry.file_type() {
            Ok(t) if t.is_dir() => fs::remove_dir_all(&path),
            _ => fs::remove_file(&path),
        };
        match result {
            Err(e) if e.kind() != io::ErrorKind::NotFound => {
                return Err(e).or_say(|| msg!("cannot-remove", file = path.display().to_string()));
            }
            _ => {}
        }
    }
    Ok(())
}

/// Creates `folder` (below `out`), refusing to go through a link.
fn create_folder(out: &Path, folder: &Path) -> Result<()> {
    let relative = folder.strip_prefix(out).unwrap_or(folder);
    let mut current = out.to_path_buf();
    fs::create_dir_all(out)
        .or_say(|| msg!("cannot-create-folder", folder = out.display().to_string()))?;
    for component in relative.components() {
        current.push(component);
        refuse_link(&current)?;
        match fs::create_dir(&current) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && current.is_dir() => {}
            Err(e) => {
                return Err(e).or_say(|| {
                    msg!(
                        "cannot-create-folder",
                        folder = current.display().to_string()
                    )
                });
            }
        }
    }
    Ok(())
}

fn refuse_link(path: &Path) -> Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => bail!(Failure::new(msg!(
            "out-is-link",
            path = path.display().to_string()
        ))),
        Ok(meta) if !meta.is_dir() => bail!(Failure::new(msg!(
            "not-a-folder",
            path = path.display().to_string()
        ))),
        _ => Ok(()),
    }
}

fn remove(path: &Path) -> Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => {
            Err(e).or_say(|| msg!("cannot-remove", file = path.display().to_string()))
        }
        _ => Ok(()),
    }
}

/// The folders in `out` of cases that are no longer in the repository
/// (deleted, or their id changed): every real folder (not a link) whose
/// name is a valid case id that `keep` does not hold. Sorted.
pub fn abandoned_cases(out: &Path, keep: &HashSet<&str>) -> Result<Vec<String>> {
    let entries = match fs::read_dir(out) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        other => other.or_say(|| msg!("cannot-read-folder", folder = out.display().to_string()))?,
    };
    let mut ids = Vec::new();
    for entry in entries {
        let entry =
            entry.or_say(|| msg!("cannot-read-folder", folder = out.display().to_string()))?;
        let Some(name) = entry.file_name().to_str().map(str::to_string) else {
            continue;
        };
        // `file_type` does not follow links: a link named like a case is
        // not a folder kring made, and is left alone.
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_dir && crate::model::is_valid_id(&name) && !keep.contains(name.as_str()) {
            ids.push(name);
        }
    }
    ids.sort();
    Ok(ids)
}

/// The files kring writes that are left in the folder of a case no longer
/// in the repository, relative to `out`: documents of every kind and
/// format, and temporary files. Only plain files count (never a link, and
/// nothing below a linked `invitations` folder).
pub fn abandoned_files(out: &Path, case_id: &str) -> Result<Vec<PathBuf>> {
    let case_dir = out.join(case_id);
    if !is_real_dir(&case_dir) {
        return Ok(Vec::new());
    }
    // A path through a linked `invitations` folder would lead outside.
    let invitations_real = is_real_dir(&case_dir.join("invitations"));
    let mut found: Vec<PathBuf> = produced_files(out, case_id, &Scope::ALL)?
        .into_iter()
        .filter(|p| invitations_real || p.parent() == Some(Path::new(case_id)))
        .filter(|p| is_plain_file(&out.join(p)))
        .collect();
    for dir in [case_dir.join("invitations"), case_dir.clone()] {
        if !is_real_dir(&dir) {
            continue;
        }
        for leftover in temporary_files(&dir)? {
            if is_plain_file(&leftover) {
                found.push(
                    leftover
                        .strip_prefix(out)
                        .unwrap_or(&leftover)
                        .to_path_buf(),
                );
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Removes the files [`abandoned_files`] found, then the case's
/// `invitations` folder and the case's folder if nothing else is left in
/// them. A file or folder of someone else's keeps its folder in place.
/// Killed half way, the next render finds what is left and goes on.
pub fn remove_abandoned(out: &Path, case_id: &str, files: &[PathBuf]) -> Result<()> {
    for file in files {
        remove(&out.join(file))?;
    }
    let case_dir = out.join(case_id);
    for dir in [case_dir.join("invitations"), case_dir] {
        if is_real_dir(&dir) {
            // Fails when the folder is not empty: then it stays.
            let _ = fs::remove_dir(&dir);
        }
    }
    Ok(())
}

fn is_real_dir(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_dir())
}

fn is_plain_file(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file())
}

/// Files below `<out>/<case id>/` that kring produces for the kinds and
/// formats in `scope`, relative to `out`. Other files are left alone.
fn produced_files(out: &Path, case_id: &str, scope: &Scope) -> Result<Vec<PathBuf>> {
    let case = Path::new(case_id);
    let mut found = Vec::new();
    for name in names_in(&out.join(case_id))? {
        let Some((stem, extension)) = name.rsplit_once('.') else {
            continue;
        };
        let kind_in_scope = match stem {
            "checklist" => scope.checklist,
            "plan" => scope.plan,
            _ => false,
        };
        if kind_in_scope && matches!(extension, "md" | "html") && scope.formats.has(extension) {
            found.push(case.join(&name));
        }
    }
    if scope.invitations {
        for name in names_in(&out.join(case_id).join("invitations"))? {
            let Some((stem, extension)) = name.rsplit_once('.') else {
                continue;
            };
            if crate::model::is_valid_id(stem) && scope.formats.has(extension) {
                found.push(case.join("invitations").join(&name));
            }
        }
    }
    Ok(found)
}

/// The names of the plain files in `dir` (none if it does not exist).
fn names_in(dir: &Path) -> Result<Vec<String>> {
    let entries = match fs::read_dir(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        other => other.or_say(|| msg!("cannot-read-folder", folder = dir.display().to_string()))?,
    };
    let mut names = Vec::new();
    for entry in entries {
        let entry =
            entry.or_say(|| msg!("cannot-read-folder", folder = dir.display().to_string()))?;
        let is_file = entry
            .file_type()
            .is_ok_and(|t| t.is_file() || t.is_symlink());
        if let (true, Some(name)) = (is_file, entry.file_name().to_str()) {
            names.push(name.to_string());
        }
    }
    names.sort();
    Ok(names)
}

/// Temporary files left in `dir` by an interrupted write.
fn temporary_files(dir: &Path) -> Result<Vec<PathBuf>> {
    Ok(names_in(dir)?
        .into_iter()
        .filter(|n| n.starts_with(TEMP_PREFIX) && n.ends_with(TEMP_SUFFIX))
        .map(|n| dir.join(n))
        .collect())
}
