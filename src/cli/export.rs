//! `aigov export`: the library's export of what the filters keep, to stdout, a file, or
//! (CSV) a directory of files; files are written by `export::file` (no overwrite without
//! `--force`, never a file of the dataset, never through a symbolic link).

use std::io::{self, Write};
use std::path::Path;

use super::{ExportFormat, Outcome};
use crate::dataset::Dataset;
use crate::export::file::{self, Overwrite};
use crate::export::{self, Format, Selection, csv};
use crate::filter::Filter;

impl From<ExportFormat> for Format {
    fn from(f: ExportFormat) -> Self {
        match f {
            ExportFormat::Json => Format::Json,
            ExportFormat::Csv => Format::Csv,
            ExportFormat::Markdown => Format::Markdown,
            ExportFormat::Timelinejs => Format::Timelinejs,
            ExportFormat::Dot => Format::Dot,
        }
    }
}

/// `--force` in the library's words.
pub fn overwrite(force: bool) -> Overwrite {
    if force {
        Overwrite::Replace
    } else {
        Overwrite::Refuse
    }
}

/// Exports in one format, to a file (`path` and what to do if it exists) or else to `out`.
pub fn run(
    ds: &Dataset,
    format: ExportFormat,
    f: &Filter,
    path: Option<(&Path, Overwrite)>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let sel = Selection::new(ds, f);
    if format == ExportFormat::Csv {
        return run_csv(ds, &sel, path, out, err);
    }
    let Some((path, overwrite)) = path else {
        export::write(ds, &sel, f, format.into(), out)?;
        return Ok(Outcome::Ok);
    };
    let mut text = Vec::new();
    export::write(ds, &sel, f, format.into(), &mut text)?;
    write_file(ds, path, &text, overwrite, err)
}

/// Writes a file; a refusal or a failure is reported with its path and ends the command
/// with exit 2.
pub fn write_file(
    ds: &Dataset,
    path: &Path,
    bytes: &[u8],
    overwrite: Overwrite,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    if let Err(e) = file::write(&ds.origin, path, bytes, overwrite) {
        writeln!(err, "error: {e}")?;
        return Ok(Outcome::Usage);
    }
    Ok(Outcome::Ok)
}

/// Where CSV goes: stdout and FILE.csv get the events, a directory every table.
enum Target<'a> {
    Stdout,
    File(&'a Path),
    Dir(&'a Path),
}

fn target(path: Option<&Path>) -> Result<Target<'_>, String> {
    let Some(p) = path else {
        return Ok(Target::Stdout);
    };
    let is_csv = p.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv"));
    let is_link = std::fs::symlink_metadata(p).is_ok_and(|m| m.is_symlink());
    if is_link && !is_csv {
        return Err(format!(
            "{}: a symbolic link; give the directory itself",
            crate::text::shown_path(p)
        ));
    }
    if p.is_dir() && !is_link {
        Ok(Target::Dir(p))
    } else if is_csv && !p.to_string_lossy().ends_with('/') {
        Ok(Target::File(p))
    } else if p.exists() {
        Err(format!(
            "{}: not a directory; with --format csv, --out takes a directory (every table) or a FILE.csv (the events)",
            crate::text::shown_path(p)
        ))
    } else {
        Ok(Target::Dir(p))
    }
}

/// Exports CSV to stdout, a file or a directory (created when missing). In a directory,
/// every table is checked before any is written, so a refusal writes nothing.
fn run_csv(
    ds: &Dataset,
    sel: &Selection,
    path: Option<(&Path, Overwrite)>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let overwrite = path.map_or(Overwrite::Refuse, |(_, o)| o);
    match target(path.map(|(p, _)| p)) {
        Err(message) => {
            writeln!(err, "error: {message}")?;
            Ok(Outcome::Usage)
        }
        Ok(Target::Stdout) => {
            csv::write_events(ds, sel, out)?;
            Ok(Outcome::Ok)
        }
        Ok(Target::File(p)) => {
            let mut bytes = Vec::new();
            csv::write_events(ds, sel, &mut bytes)?;
            write_file(ds, p, &bytes, overwrite, err)
        }
        Ok(Target::Dir(dir)) => {
            if let Err(e) = std::fs::create_dir_all(dir) {
                writeln!(err, "error: {}: {e}", crate::text::shown_path(dir))?;
                return Ok(Outcome::Usage);
            }
            let tables = csv::tables(ds, sel);
            for table in &tables {
                let checked = file::check(&ds.origin, &dir.join(table.name));
                let refused = match checked {
                    Err(e) => Some(e),
                    Ok(file::Existing::File) if overwrite == Overwrite::Refuse => {
                        Some(file::FileError::Exists(dir.join(table.name)))
                    }
                    Ok(_) => None,
                };
                if let Some(e) = refused {
                    writeln!(err, "error: {e}")?;
                    return Ok(Outcome::Usage);
                }
            }
            for table in &tables {
                let mut bytes = Vec::new();
                csv::write_table(table, &mut bytes)?;
                let outcome = write_file(ds, &dir.join(table.name), &bytes, overwrite, err)?;
                if outcome != Outcome::Ok {
                    return Ok(outcome);
                }
            }
            Ok(Outcome::Ok)
        }
    }
}
