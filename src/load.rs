//! Reading a dataset: the bundled files, one file, or every `*.toml` below a directory in
//! path order. Turns unreadable text (invalid UTF-8, binary) into diagnostics; the only
//! file I/O of the data pipeline.

pub mod bundled;
pub mod parse;

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::diagnostic::Diagnostic;

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
            Origin::Path(p) => write!(f, "{}", p.display()),
        }
    }
}

/// One file's text, with the path used in diagnostics.
#[derive(Debug, Clone)]
pub struct DataFile {
    pub path: String,
    pub text: String,
    /// Byte offset of each line's start, built on first use (rendering a diagnostic).
    line_starts: OnceLock<Vec<usize>>,
}

impl DataFile {
    /// A file and its text.
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            text: text.into(),
            line_starts: OnceLock::new(),
        }
    }

    /// 1-based line and column (in characters) of a byte offset, in O(log lines).
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = starts.partition_point(|&s| s <= offset).max(1);
        let col = self.text[starts[line - 1]..offset].chars().count() + 1;
        (line, col)
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
    /// Any other I/O failure.
    Io(PathBuf, io::Error),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NotFound(p) => write!(f, "{}: no such file or directory", p.display()),
            LoadError::NoToml(p) => write!(
                f,
                "{}: no *.toml file in this directory or below it",
                p.display()
            ),
            LoadError::TooLarge(p, n) => write!(
                f,
                "{}: file too large ({} MiB; the limit is {} MiB)",
                p.display(),
                n / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            LoadError::Io(p, e) => write!(f, "{}: {e}", p.display()),
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

/// Reads every file of a dataset.
pub fn read(origin: &Origin) -> Result<ReadFiles, LoadError> {
    let mut out = ReadFiles::default();
    match origin {
        Origin::Bundled => {
            for (path, text) in bundled::FILES {
                out.files.push(DataFile::new(format!("data/{path}"), *text));
                out.is_text.push(true);
            }
        }
        Origin::Path(root) => {
            for path in list_toml(root)? {
                read_one(&path, &mut out)?;
            }
        }
    }
    Ok(out)
}

/// The `*.toml` files of a path: the file itself, or those below a directory in path order.
pub fn list_toml(root: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let meta = fs::metadata(root).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => LoadError::NotFound(root.to_path_buf()),
        _ => LoadError::Io(root.to_path_buf(), e),
    })?;
    if !meta.is_dir() {
        return Ok(vec![root.to_path_buf()]);
    }
    let mut found = Vec::new();
    walk(root, &mut found)?;
    if found.is_empty() {
        return Err(LoadError::NoToml(root.to_path_buf()));
    }
    found.sort();
    Ok(found)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> Result<(), LoadError> {
    let entries = fs::read_dir(dir).map_err(|e| LoadError::Io(dir.to_path_buf(), e))?;
    for entry in entries {
        let entry = entry.map_err(|e| LoadError::Io(dir.to_path_buf(), e))?;
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue; // editor swap files, .git
        }
        let ty = entry
            .file_type()
            .map_err(|e| LoadError::Io(path.clone(), e))?;
        if ty.is_dir() {
            walk(&path, found)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            found.push(path);
        }
    }
    Ok(())
}

fn read_one(path: &Path, out: &mut ReadFiles) -> Result<(), LoadError> {
    let meta = fs::metadata(path).map_err(|e| LoadError::Io(path.to_path_buf(), e))?;
    if meta.is_dir() {
        return Err(LoadError::Io(
            path.to_path_buf(),
            io::Error::other("is a directory"),
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge(path.to_path_buf(), meta.len()));
    }
    let bytes = fs::read(path).map_err(|e| LoadError::Io(path.to_path_buf(), e))?;
    let display = path.display().to_string();
    let file = out.files.len();
    let (text, problem) = decode(bytes, file);
    out.files.push(DataFile::new(display, text));
    out.is_text.push(problem.is_none());
    out.diagnostics.extend(problem);
    Ok(())
}

/// UTF-8 text, or a lossy copy and the diagnostic that says why it is not text.
fn decode(bytes: Vec<u8>, file: usize) -> (String, Option<Diagnostic>) {
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
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
