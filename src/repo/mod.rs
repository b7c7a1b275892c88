//! Finding a case repository, its settings and its case files (DESIGN §2).

pub mod git;
pub mod init;
mod load;
mod roster;
mod shape;

pub use load::{
    LoadError, Loaded, MAX_FILE_SIZE, SourceFile, load_case, max_file_size_text, parse_case,
    parse_case_bytes,
};
pub use roster::{ROSTER_DIR, is_roster_file, roster_from};

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::model::{Case, Settings};

pub const SETTINGS_FILE: &str = "kring.toml";

#[derive(Debug, thiserror::Error)]
pub enum RepoError {
    // The source follows in the error chain (`error: cannot read x: ...`).
    #[error("cannot read {path}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("invalid {path}: {message}")]
    Settings { path: String, message: String },
    #[error("{0}: no such file, folder or case id")]
    NotFound(String),
    #[error("{0} is a symbolic link; kring does not follow links")]
    Link(String),
    #[error("{0} and {1} belong to different case repositories")]
    TwoRoots(String, String),
}

impl RepoError {
    fn io(path: &Path, source: std::io::Error) -> Self {
        RepoError::Io {
            path: path.display().to_string(),
            source,
        }
    }
}

/// A case repository: its root folder and settings.
#[derive(Debug, Clone)]
pub struct Repo {
    pub root: PathBuf,
    pub settings: Settings,
}

/// The files a command works on: the case files, and the `*.toml` files
/// outside the case folder that it reports but does not treat as cases.
#[derive(Debug, Default)]
pub struct Selection {
    pub cases: Vec<CasePath>,
    pub strays: Vec<CasePath>,
}

/// Whether a file's text is TOML with top-level `id` and `variant` keys:
/// a case file, wherever it lies.
pub fn looks_like_a_case(bytes: &[u8]) -> bool {
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return false;
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    text.parse::<toml::Table>()
        .is_ok_and(|t| t.contains_key("id") && t.contains_key("variant"))
}

/// A case file found in the repository, with its path for display.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct CasePath {
    /// Relative to the root, `/`-separated; as given for files outside it.
    pub rel: String,
    pub path: PathBuf,
}

impl Repo {
    /// Finds the repository that holds `start` by walking up to the nearest
    /// `kring.toml`. Without one, the root is the current folder when `start`
    /// lies inside it, else `start` itself (its folder, for a file).
    pub fn discover(start: &Path) -> Result<Repo, RepoError> {
        let start = start.canonicalize().map_err(|e| RepoError::io(start, e))?;
        let folder = if start.is_dir() {
            start.clone()
        } else {
            start.parent().map_or(start.clone(), Path::to_path_buf)
        };
        if let Some(root) = folder
            .ancestors()
            .find(|dir| dir.join(SETTINGS_FILE).is_file())
        {
            return Repo::open(root);
        }
        let cwd = std::env::current_dir()
            .and_then(|d| d.canonicalize())
            .map_err(|e| RepoError::io(Path::new("."), e))?;
        let root = if folder.starts_with(&cwd) {
            cwd
        } else {
            folder
        };
        Ok(Repo {
            root,
            settings: Settings::default(),
        })
    }

    /// Opens the repository at `root`, reading its `kring.toml` if there is one.
    pub fn open(root: &Path) -> Result<Repo, RepoError> {
        let file = root.join(SETTINGS_FILE);
        let settings = match std::fs::read_to_string(&file) {
            Ok(text) => Settings::parse(&text).map_err(|e| RepoError::Settings {
                path: SETTINGS_FILE.into(),
                message: e.to_string(),
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Settings::default(),
            Err(e) => return Err(RepoError::io(&file, e)),
        };
        Ok(Repo {
            root: root.to_path_buf(),
            settings,
        })
    }

    pub fn cases_dir(&self) -> PathBuf {
        self.root.join(&self.settings.cases)
    }

    pub fn out_dir(&self) -> PathBuf {
        self.root.join(&self.settings.out)
    }

    /// The path of `path` relative to the root, `/`-separated, if it is inside.
    pub fn relative(&self, path: &Path) -> Option<String> {
        Some(slash_path(path.strip_prefix(&self.root).ok()?))
    }

    /// The case files to work on: every `*.toml` below the case folder, or,
    /// when `paths` are given, those below the given folders plus the given
    /// files. Sorted and without duplicates.
    pub fn case_files(&self, paths: &[PathBuf]) -> Result<Vec<CasePath>, RepoError> {
        let cases_dir = self.cases_dir();
        let mut files = Vec::new();
        if paths.is_empty() {
            self.walk(&cases_dir, &mut files)?;
        }
        for given in paths {
            let metadata = match given.symlink_metadata() {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    // Not a path: perhaps a case id (`kring render 2026-014-sam`).
                    let id = given.to_string_lossy();
                    match self.find_case(&id)? {
                        Some(found) => {
                            files.push(found);
                            continue;
                        }
                        None if e.kind() == std::io::ErrorKind::NotFound => {
                            return Err(RepoError::NotFound(given.display().to_string()));
                        }
                        None => return Err(RepoError::io(given, e)),
                    }
                }
                other => other.map_err(|e| RepoError::io(given, e))?,
            };
            let is_link = metadata.file_type().is_symlink();
            if is_link {
                return Err(RepoError::Link(given.display().to_string()));
            }
            let path = given.canonicalize().map_err(|e| RepoError::io(given, e))?;
            if path.is_dir() {
                // A folder that holds the case folder means "all cases".
                let folder = if cases_dir.starts_with(&path) {
                    &cases_dir
                } else {
                    &path
                };
                self.walk(folder, &mut files)?;
            } else {
                let rel = self
                    .relative(&path)
                    .unwrap_or_else(|| given.display().to_string());
                files.push(CasePath { rel, path });
            }
        }
        files.sort();
        files.dedup();
        Ok(files)
    }

    /// The case files [`case_files`](Self::case_files) selects, and apart
    /// from them the named `*.toml` files outside the case folder, which
    /// are not cases (K008). Without a `kring.toml` there is no case folder
    /// to keep to, and every named file is a case.
    pub fn select(&self, paths: &[PathBuf]) -> Result<Selection, RepoError> {
        let files = self.case_files(paths)?;
        if !self.has_settings_file() {
            return Ok(Selection {
                cases: files,
                strays: Vec::new(),
            });
        }
        let (cases, strays) = files.into_iter().partition(|c| self.is_case_path(&c.path));
        Ok(Selection { cases, strays })
    }

    fn has_settings_file(&self) -> bool {
        self.root.join(SETTINGS_FILE).is_file()
    }

    /// Whether `path` is where a case file belongs: a `*.toml` below the
    /// case folder, no hidden folder on the way. `kring check`, `render` and
    /// the git hook all keep to this.
    pub fn is_case_path(&self, path: &Path) -> bool {
        let Ok(inside) = path.strip_prefix(self.cases_dir()) else {
            return false;
        };
        path.extension().is_some_and(|e| e == "toml")
            && !inside
                .components()
                .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
    }

    /// The `*.toml` files of the repository outside the case folder (and
    /// outside `out/`, hidden folders and the roster) that declare an `id`
    /// and a `variant`: case files in the wrong place (K008).
    pub fn stray_case_files(&self) -> Result<Vec<CasePath>, RepoError> {
        let (cases_dir, out_dir) = (self.cases_dir(), self.out_dir());
        let walker = WalkDir::new(&self.root)
            .follow_links(false)
            .into_iter()
            .filter_entry(|e| {
                let hidden = e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
                !hidden && e.path() != cases_dir && e.path() != out_dir
            });
        let mut strays = Vec::new();
        for entry in walker {
            let entry = entry.map_err(|e| {
                let path = e.path().unwrap_or(&self.root).to_path_buf();
                RepoError::io(&path, e.into())
            })?;
            let path = entry.path();
            let is_toml =
                entry.file_type().is_file() && path.extension().is_some_and(|e| e == "toml");
            if !is_toml || entry.depth() == 1 && entry.file_name() == SETTINGS_FILE {
                continue;
            }
            let rel = self
                .relative(path)
                .unwrap_or_else(|| path.display().to_string());
            if is_roster_file(&rel) {
                continue;
            }
            let text = std::fs::read(path).unwrap_or_default();
            if looks_like_a_case(&text) {
                strays.push(CasePath {
                    rel,
                    path: path.to_path_buf(),
                });
            }
        }
        strays.sort();
        Ok(strays)
    }

    /// Whether `paths` select every case of the repository: none given, or
    /// a folder that holds the case folder among them.
    pub fn selects_all(&self, paths: &[PathBuf]) -> bool {
        let cases_dir = self.cases_dir();
        paths.is_empty()
            || paths.iter().any(|given| {
                let is_real_dir = given.symlink_metadata().is_ok_and(|m| m.is_dir());
                is_real_dir && given.canonicalize().is_ok_and(|p| cases_dir.starts_with(p))
            })
    }

    /// The case file whose `id` is `id`, if `id` is a valid id: a file named
    /// `<id>.toml` is tried first, as `kring new` names them. Failing that,
    /// the one case file named `<id>.toml` (or `<id>`, with `.toml` given)
    /// whatever id it declares, so that a file whose name is not its id
    /// (K007) is found by its name too.
    pub fn find_case(&self, id: &str) -> Result<Option<CasePath>, RepoError> {
        let id = id.strip_suffix(".toml").unwrap_or(id);
        if !crate::model::is_valid_id(id) {
            return Ok(None);
        }
        let mut all = Vec::new();
        self.walk(&self.cases_dir(), &mut all)?;
        let by_name = |c: &&CasePath| c.path.file_stem().is_some_and(|s| s == id);
        let (named, others): (Vec<&CasePath>, Vec<&CasePath>) = all.iter().partition(by_name);
        let by_id = named
            .iter()
            .chain(&others)
            .find(|c| case_id_of(&c.path).as_deref() == Some(id));
        // Else a file of that name, whatever its id (K007): the only one.
        Ok(match (by_id, named.as_slice()) {
            (Some(found), _) => Some((*found).clone()),
            (None, [only]) => Some((*only).clone()),
            (None, _) => None,
        })
    }

    /// The ids of all cases, for shell completion; read quickly from each
    /// file's `id = "..."` line, without parsing the whole file.
    pub fn case_ids(&self) -> Vec<String> {
        let mut all = Vec::new();
        if self.walk(&self.cases_dir(), &mut all).is_err() {
            return Vec::new();
        }
        let mut ids: Vec<String> = all.iter().filter_map(|c| case_id_of(&c.path)).collect();
        ids.sort();
        ids.dedup();
        ids
    }

    /// Every `*.toml` file below `folder`: hidden entries skipped, symbolic
    /// links not followed.
    fn walk(&self, folder: &Path, files: &mut Vec<CasePath>) -> Result<(), RepoError> {
        if !folder.is_dir() {
            return Ok(());
        }
        let walker = WalkDir::new(folder)
            .follow_links(false)
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            let entry = entry.map_err(|e| {
                let path = e.path().unwrap_or(folder).to_path_buf();
                RepoError::io(&path, e.into())
            })?;
            let is_case = entry.file_type().is_file()
                && entry.path().extension().is_some_and(|ext| ext == "toml");
            if is_case {
                let path = entry.into_path();
                let rel = self
                    .relative(&path)
                    .unwrap_or_else(|| path.display().to_string());
                files.push(CasePath { rel, path });
            }
        }
        Ok(())
    }
}

/// The repository that holds the first path (or the current folder), and
/// its case files narrowed to `paths` (files, folders or case ids), loaded
/// in parallel.
pub fn open_and_load(paths: &[PathBuf]) -> Result<(Repo, Vec<Loaded>), RepoError> {
    let (repo, loaded, _) = open_and_load_with_strays(paths)?;
    Ok((repo, loaded))
}

/// [`open_and_load`], and the `*.toml` files selected or, for the whole
/// repository, found outside the case folder that look like cases (K008),
/// loaded for their text and id.
#[allow(clippy::type_complexity)]
pub fn open_and_load_with_strays(
    paths: &[PathBuf],
) -> Result<(Repo, Vec<Loaded>, Vec<Loaded>), RepoError> {
    // A case id instead of a path is looked up from the current folder.
    let is_path = |p: &&PathBuf| p.symlink_metadata().is_ok();
    let start = paths
        .iter()
        .find(is_path)
        .map_or(Path::new("."), PathBuf::as_path);
    let repo = Repo::discover(start)?;
    for other in paths.iter().filter(is_path) {
        let root = Repo::discover(other)?.root;
        if root != repo.root {
            return Err(RepoError::TwoRoots(
                start.display().to_string(),
                other.display().to_string(),
            ));
        }
    }
    let selection = repo.select(paths)?;
    let loaded: Vec<Loaded> = {
        use rayon::prelude::*;
        selection.cases.par_iter().map(load_case).collect()
    };
    let strays = if repo.has_settings_file() && repo.selects_all(paths) {
        repo.stray_case_files()?
    } else {
        selection.strays
    };
    let strays = strays.iter().map(load_case).collect();
    Ok((repo, loaded, strays))
}

/// The files that loaded as cases, with their cases, and the files that
/// did not.
pub fn readable(loaded: &[Loaded]) -> (Vec<(&Loaded, &Case)>, Vec<&Loaded>) {
    let mut cases = Vec::with_capacity(loaded.len());
    let mut unreadable = Vec::new();
    for file in loaded {
        match &file.case {
            Ok(case) => cases.push((file, case)),
            Err(_) => unreadable.push(file),
        }
    }
    (cases, unreadable)
}

/// A relative path as kring shows it everywhere: `/`-separated.
pub fn slash_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The `id` a case file declares at its top (before any table), read
/// without parsing the file; `None` if there is no such line or the file
/// cannot be read.
fn case_id_of(path: &Path) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    if meta.len() > load::MAX_FILE_SIZE {
        return None;
    }
    let text = std::fs::read_to_string(path).ok()?;
    for line in text.lines() {
        let line = line.trim_start();
        if line.starts_with('[') {
            return None;
        }
        let Some(rest) = line.strip_prefix("id") else {
            continue;
        };
        let value = rest.trim_start().strip_prefix('=')?.trim_start();
        let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let inner = &value[1..];
        let end = inner.find(quote)?;
        let id = &inner[..end];
        return crate::model::is_valid_id(id).then(|| id.to_string());
    }
    None
}
