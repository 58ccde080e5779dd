//! Writing an export to a file, the same for both front ends: an existing file is replaced
//! only when asked, never one of the dataset's own files (nor a new `*.toml` that would
//! join a dataset directory), and a symbolic link at the destination is never followed.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::load::{self, Origin};
use crate::text::shown_path;

/// What to do when the destination exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    /// Leave it and say so (`aigov export` without `--force`).
    Refuse,
    /// Replace it (`--force`, or the explorer's overwrite question answered yes). A
    /// symbolic link is replaced by the file, its target left untouched.
    Replace,
}

/// Why a file was not written.
#[derive(Debug)]
pub enum FileError {
    /// The destination exists and `Overwrite::Refuse` was asked.
    Exists(PathBuf),
    /// The destination is a file of the dataset being exported, or would join it.
    DatasetFile(PathBuf),
    /// The destination is a directory.
    IsDir(PathBuf),
    /// The file system said no.
    Io(PathBuf, io::Error),
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileError::Exists(p) => write!(f, "{}: exists; --force replaces it", shown_path(p)),
            FileError::DatasetFile(p) => write!(
                f,
                "{}: a file of the dataset being exported; choose another path",
                shown_path(p)
            ),
            FileError::IsDir(p) => write!(f, "{}: is a directory", shown_path(p)),
            FileError::Io(p, e) => write!(f, "{}: {e}", shown_path(p)),
        }
    }
}

impl std::error::Error for FileError {}

/// What is at a destination now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Nothing: writing creates the file.
    Nothing,
    /// A file (or a symbolic link, which replacing would not follow).
    File,
}

/// Checks a destination without writing: refuses a file of the dataset and a directory,
/// and says whether something is there (for an overwrite question).
pub fn check(origin: &Origin, path: &Path) -> Result<Existing, FileError> {
    if is_dataset_file(origin, path) {
        return Err(FileError::DatasetFile(path.to_path_buf()));
    }
    match fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => Err(FileError::IsDir(path.to_path_buf())),
        Ok(_) => Ok(Existing::File),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Existing::Nothing),
        Err(e) => Err(FileError::Io(path.to_path_buf(), e)),
    }
}

/// Writes `bytes` to `path`. Refusing, the file is created only if nothing is there (in one
/// step, so nothing appearing meanwhile is overwritten). Replacing, the bytes go to a
/// temporary file beside it that is then renamed over it, so a failure leaves the old file
/// as it was and a symbolic link is replaced, not followed.
pub fn write(
    origin: &Origin,
    path: &Path,
    bytes: &[u8],
    overwrite: Overwrite,
) -> Result<(), FileError> {
    check(origin, path)?;
    let io = |e| FileError::Io(path.to_path_buf(), e);
    match overwrite {
        Overwrite::Refuse => {
            // `create_new` is O_EXCL: it fails on anything there, a dangling link included.
            let mut file = match OpenOptions::new().write(true).create_new(true).open(path) {
                Ok(f) => f,
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    return Err(FileError::Exists(path.to_path_buf()));
                }
                Err(e) => return Err(io(e)),
            };
            if let Err(e) = file.write_all(bytes).and_then(|()| file.flush()) {
                drop(file);
                let _ = fs::remove_file(path);
                return Err(io(e));
            }
            Ok(())
        }
        Overwrite::Replace => {
            let tmp = temporary(path);
            let written = OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&tmp)
                .and_then(|mut f| f.write_all(bytes).and_then(|()| f.flush()));
            if let Err(e) = written.and_then(|()| fs::rename(&tmp, path)) {
                let _ = fs::remove_file(&tmp);
                return Err(io(e));
            }
            Ok(())
        }
    }
}

/// Exports what `f` keeps in `format` (CSV: the events table) to a file, the explorer's
/// way: the document is built, then written as [`write`] does. Gives the counts written.
pub fn export(
    ds: &crate::dataset::Dataset,
    f: &crate::filter::Filter,
    format: super::Format,
    path: &Path,
    overwrite: Overwrite,
) -> Result<(usize, usize), FileError> {
    // Checked first, so that a refusal costs no export.
    match check(&ds.origin, path)? {
        Existing::File if overwrite == Overwrite::Refuse => {
            return Err(FileError::Exists(path.to_path_buf()));
        }
        _ => {}
    }
    let sel = super::Selection::new(ds, f);
    let mut bytes = Vec::new();
    super::write(ds, &sel, f, format, &super::Options::default(), &mut bytes)
        .map_err(|e| FileError::Io(path.into(), e))?;
    write(&ds.origin, path, &bytes, overwrite)?;
    Ok((sel.events.len(), sel.quotes.len()))
}

/// A path beside `path` for its next contents.
fn temporary(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let unique = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    path.with_file_name(format!(".{name}.{}-{unique}.aigov-tmp", std::process::id()))
}

/// Whether `path` is one of the dataset's files, or a `*.toml` a dataset directory would
/// read on its next load. Paths are compared once resolved (`./data/../data/x.toml`,
/// links), the destination's directory standing in when it does not exist yet.
pub fn is_dataset_file(origin: &Origin, path: &Path) -> bool {
    let Origin::Path(root) = origin else {
        return false;
    };
    let Some(dest) = resolved(path) else {
        return false;
    };
    let files = load::list_toml(root).unwrap_or_default();
    if files
        .iter()
        .filter_map(|f| fs::canonicalize(f).ok())
        .any(|f| f == dest)
    {
        return true;
    }
    let is_toml = dest
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("toml"));
    is_toml && fs::canonicalize(root).is_ok_and(|r| r.is_dir() && dest.starts_with(r))
}

/// The absolute path `path` names: its directory resolved, its own name kept (a link at the
/// destination is resolved too, so that a link to a data file is caught).
fn resolved(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = fs::canonicalize(path) {
        return Some(p);
    }
    let name = path.file_name()?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::canonicalize(dir).ok().map(|d| d.join(name))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("aigov-file-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn refuse_keeps_what_is_there_and_replace_replaces_it() {
        let d = dir("overwrite");
        let p = d.join("out.md");
        write(&Origin::Bundled, &p, b"one", Overwrite::Refuse).unwrap();
        let e = write(&Origin::Bundled, &p, b"two", Overwrite::Refuse).unwrap_err();
        assert!(matches!(e, FileError::Exists(_)), "{e}");
        assert_eq!(fs::read(&p).unwrap(), b"one");
        write(&Origin::Bundled, &p, b"two", Overwrite::Replace).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
        // no temporary file left behind
        assert_eq!(fs::read_dir(&d).unwrap().count(), 1);
        let e = write(&Origin::Bundled, &d, b"x", Overwrite::Replace).unwrap_err();
        assert!(matches!(e, FileError::IsDir(_)), "{e}");
        fs::remove_dir_all(&d).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_link_at_the_destination_is_never_followed() {
        let d = dir("link");
        let target = d.join("target.txt");
        fs::write(&target, "keep me").unwrap();
        let link = d.join("out.json");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let e = write(&Origin::Bundled, &link, b"{}", Overwrite::Refuse).unwrap_err();
        assert!(matches!(e, FileError::Exists(_)), "{e}");
        // a dangling link is something there too
        let dangling = d.join("dangling.json");
        std::os::unix::fs::symlink(d.join("nowhere"), &dangling).unwrap();
        let e = write(&Origin::Bundled, &dangling, b"{}", Overwrite::Refuse).unwrap_err();
        assert!(matches!(e, FileError::Exists(_)), "{e}");
        assert!(!d.join("nowhere").exists());
        // replacing replaces the link itself
        write(&Origin::Bundled, &link, b"{}", Overwrite::Replace).unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "keep me");
        assert!(!fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(fs::read(&link).unwrap(), b"{}");
        fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn the_dataset_s_own_files_are_never_written() {
        let d = dir("dataset");
        let data = d.join("data");
        fs::create_dir_all(data.join("sub")).unwrap();
        fs::write(data.join("sub/events.toml"), "").unwrap();
        let origin = Origin::Path(data.clone());
        for p in [
            data.join("sub/events.toml"),
            data.join("sub/../sub/events.toml"),
            data.join("new.toml"),
        ] {
            let e = write(&origin, &p, b"x", Overwrite::Replace).unwrap_err();
            assert!(matches!(e, FileError::DatasetFile(_)), "{p:?}: {e}");
        }
        assert_eq!(fs::read(data.join("sub/events.toml")).unwrap(), b"");
        // a one-file dataset, and a file beside a dataset directory
        let one = Origin::Path(data.join("sub/events.toml"));
        assert!(is_dataset_file(&one, &data.join("sub/events.toml")));
        assert!(!is_dataset_file(&one, &data.join("sub/other.toml")));
        write(&origin, &data.join("export.md"), b"x", Overwrite::Refuse).unwrap();
        write(&origin, &d.join("export.toml"), b"x", Overwrite::Refuse).unwrap();
        fs::remove_dir_all(&d).unwrap();
    }
}
