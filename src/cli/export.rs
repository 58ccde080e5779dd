//! `aigov export`: the library's export of what the filters keep, to stdout, a file, or
//! (CSV) a directory of files.

use std::io::{self, Write};
use std::path::Path;

use super::{ExportFormat, Outcome};
use crate::dataset::Dataset;
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

/// Exports in one format, to `path` or else to `out`.
pub fn run(
    ds: &Dataset,
    format: ExportFormat,
    f: &Filter,
    path: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let sel = Selection::new(ds, f);
    if format == ExportFormat::Csv {
        return run_csv(ds, &sel, path, out, err);
    }
    let Some(path) = path else {
        export::write(ds, &sel, f, format.into(), out)?;
        return Ok(Outcome::Ok);
    };
    let mut text = Vec::new();
    export::write(ds, &sel, f, format.into(), &mut text)?;
    write_file(path, &text, err)
}

/// Writes a file; a failure is reported with its path and ends the command with exit 2.
pub fn write_file(path: &Path, bytes: &[u8], err: &mut dyn Write) -> io::Result<Outcome> {
    if let Err(e) = std::fs::write(path, bytes) {
        writeln!(err, "error: {}: {e}", crate::text::shown_path(path))?;
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
    if p.is_dir() {
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

/// Exports CSV to stdout, a file or a directory (created when missing).
fn run_csv(
    ds: &Dataset,
    sel: &Selection,
    path: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    match target(path) {
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
            write_file(p, &bytes, err)
        }
        Ok(Target::Dir(dir)) => {
            if let Err(e) = std::fs::create_dir_all(dir) {
                writeln!(err, "error: {}: {e}", crate::text::shown_path(dir))?;
                return Ok(Outcome::Usage);
            }
            for table in csv::tables(ds, sel) {
                let mut bytes = Vec::new();
                csv::write_table(&table, &mut bytes)?;
                let outcome = write_file(&dir.join(table.name), &bytes, err)?;
                if outcome != Outcome::Ok {
                    return Ok(outcome);
                }
            }
            Ok(Outcome::Ok)
        }
    }
}
