//! Reading a dataset: the bundled files, one file, or every `*.toml` below a directory in
//! path order. Turns unreadable text (invalid UTF-8, binary) into diagnostics; the only
//! file I/O of the data pipeline.

pub mod bundled;
pub mod parse;

use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

pub use crate::diagnostic::DataFile;
use crate::diagnostic::Diagnostic;
use crate::progress::{Progress, Stage};
use crate::text::shown_path;

/// Where a dataset comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The `data/` directory embedded in the binary.
    Bundled,
    /// A TOML file or a directory of them.
    Path(PathBuf),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Bundled => f.write_str("the bundled dataset"),
            Origin::Path(p) => f.write_str(&shown_path(p)),
        }
    }
}

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// Why a dataset could not be read at all (exit code 2).
#[derive(Debug)]
pub enum LoadError {
    /// The path does not exist.
    NotFound(PathBuf),
    /// A directory with no `*.toml` below it.
    NoToml(PathBuf),
    /// A file over `MAX_FILE_BYTES`.
    TooLarge(PathBuf, u64),
    /// A FIFO, socket or device: reading it could block forever or never end.
    NotRegular(PathBuf, &'static str),
    /// Any other I/O failure.
    Io(PathBuf, io::Error),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NotFound(p) => {
                write!(f, "{}: no such file or directory", shown_path(p))
            }
            LoadError::NoToml(p) => write!(
                f,
                "{}: no *.toml file in this directory or below it",
                shown_path(p)
            ),
            LoadError::TooLarge(p, n) => write!(
                f,
                "{}: file too large ({} MiB; the limit is {} MiB)",
                shown_path(p),
                n / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            LoadError::NotRegular(p, what) => write!(
                f,
                "{}: {what}, not a regular file; a dataset is made of *.toml files",
                shown_path(p)
            ),
            LoadError::Io(p, e) => write!(f, "{}: {e}", shown_path(p)),
        }
    }
}

impl std::error::Error for LoadError {}

/// What `read` found: the files, and for each whether it holds text to parse.
#[derive(Debug, Default)]
pub struct ReadFiles {
    pub files: Vec<DataFile>,
    /// `false` for a file that is not UTF-8 text (its problem is in `diagnostics`).
    pub is_text: Vec<bool>,
    pub diagnostics: Vec<Diagnostic>,
}

impl ReadFiles {
    /// Files given as bytes (tests, fuzzing): decoded exactly as files read from disk.
    pub fn from_memory<P: Into<String>>(files: impl IntoIterator<Item = (P, Vec<u8>)>) -> Self {
        let mut out = Self::default();
        for (path, bytes) in files {
            let (text, problem) = decode(bytes, out.files.len());
            out.files.push(DataFile::new(path, text));
            out.is_text.push(problem.is_none());
            out.diagnostics.extend(problem);
        }
        out
    }
}

/// Reads every file of a dataset.
pub fn read(origin: &Origin) -> Result<ReadFiles, LoadError> {
    read_with(origin, None)
}

/// [`read`], counting the bytes read in `progress`.
pub fn read_with(origin: &Origin, progress: Option<&Progress>) -> Result<ReadFiles, LoadError> {
    let mut out = ReadFiles::default();
    match origin {
        Origin::Bundled => {
            for (path, text) in bundled::FILES {
                out.files.push(DataFile::new(format!("data/{path}"), *text));
                out.is_text.push(true);
            }
        }
        Origin::Path(root) => {
            let paths = list_toml(root)?;
            if let Some(p) = progress {
                let total = paths
                    .iter()
                    .filter_map(|f| fs::metadata(f).ok())
                    .map(|m| m.len())
                    .sum();
                p.stage(Stage::Reading, total);
            }
            for path in paths {
                if let Some(p) = progress {
                    p.file(&shown_path(&path));
                }
                read_one(&path, &mut out)?;
                if let (Some(p), Some(f)) = (progress, out.files.last()) {
                    p.advance(f.text.len() as u64);
                }
            }
        }
    }
    Ok(out)
}

/// The `*.toml` files of a path: the file itself, or those below a directory in path order.
/// Symbolic links are followed, each directory at most once (a link back up is not a
/// loop); only regular files are kept, so a FIFO or a device is never opened.
pub fn list_toml(root: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let meta = fs::metadata(root).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => LoadError::NotFound(root.to_path_buf()),
        _ => LoadError::Io(root.to_path_buf(), e),
    })?;
    if !meta.is_dir() {
        regular(root, &meta)?;
        return Ok(vec![root.to_path_buf()]);
    }
    let mut found = Vec::new();
    let mut seen = HashSet::new();
    walk(root, &mut found, &mut seen)?;
    if found.is_empty() {
        return Err(LoadError::NoToml(root.to_path_buf()));
    }
    found.sort();
    Ok(found)
}

/// `Ok` for a regular file; else what it is.
fn regular(path: &Path, meta: &fs::Metadata) -> Result<(), LoadError> {
    if meta.is_file() {
        return Ok(());
    }
    let what = if meta.is_dir() {
        "a directory"
    } else if is_fifo(meta) {
        "a FIFO (named pipe)"
    } else {
        "a device or socket"
    };
    Err(LoadError::NotRegular(path.to_path_buf(), what))
}

#[cfg(unix)]
fn is_fifo(meta: &fs::Metadata) -> bool {
    std::os::unix::fs::FileTypeExt::is_fifo(&meta.file_type())
}

#[cfg(not(unix))]
fn is_fifo(_: &fs::Metadata) -> bool {
    false
}

fn walk(
    dir: &Path,
    found: &mut Vec<PathBuf>,
    seen: &mut HashSet<PathBuf>,
) -> Result<(), LoadError> {
    // A directory reached twice (through a link) is read once.
    let canonical = dir
        .canonicalize()
        .map_err(|e| LoadError::Io(dir.to_path_buf(), e))?;
    if !seen.insert(canonical) {
        return Ok(());
    }
    let entries = fs::read_dir(dir).map_err(|e| LoadError::Io(dir.to_path_buf(), e))?;
    for entry in entries {
        let entry = entry.map_err(|e| LoadError::Io(dir.to_path_buf(), e))?;
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue; // editor swap files, .git
        }
        let mut ty = entry
            .file_type()
            .map_err(|e| LoadError::Io(path.clone(), e))?;
        if ty.is_symlink() {
            // Followed to what it names; a dangling link is skipped like a stray file.
            match fs::metadata(&path) {
                Ok(meta) => ty = meta.file_type(),
                Err(_) => continue,
            }
        }
        if ty.is_dir() {
            walk(&path, found, seen)?;
        } else if ty.is_file() && path.extension().is_some_and(|e| e == "toml") {
            found.push(path);
        }
    }
    Ok(())
}

fn read_one(path: &Path, out: &mut ReadFiles) -> Result<(), LoadError> {
    let meta = fs::metadata(path).map_err(|e| LoadError::Io(path.to_path_buf(), e))?;
    regular(path, &meta)?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge(path.to_path_buf(), meta.len()));
    }
    // Read at most one byte past the limit: a file that grows while it is read (or whose
    // size the system does not know) is still bounded.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| LoadError::Io(path.to_path_buf(), e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge(path.to_path_buf(), bytes.len() as u64));
    }
    let display = shown_path(path);
    let file = out.files.len();
    let (text, problem) = decode(bytes, file);
    out.files.push(DataFile::new(display, text));
    out.is_text.push(problem.is_none());
    out.diagnostics.extend(problem);
    Ok(())
}

/// UTF-8 text, or a lossy copy and the diagnostic that says why it is not text.
fn decode(bytes: Vec<u8>, file: usize) -> (String, Option<Diagnostic>) {
    if let Some(nul) = memchr::memchr(0, &bytes) {
        let text = String::from_utf8_lossy(&bytes[..nul]).into_owned();
        let at = text.len();
        let d = Diagnostic::error(
            file,
            at..at,
            "this is a binary file, not TOML text (NUL byte)",
        )
        .with_hint("a dataset is made of UTF-8 TOML files; is this the right path?");
        return (text, Some(d));
    }
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bad = e.as_bytes()[at];
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            // the lossy copy keeps every byte before `at`, so offsets match up to there
            let d = Diagnostic::error(
                file,
                at..at + 1,
                format!("invalid UTF-8 (byte 0x{bad:02x})"),
            )
            .with_hint("save the file as UTF-8");
            (text, Some(d))
        }
    }
}
