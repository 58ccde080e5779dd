//! `aigov export`: the library's export of what the filters keep, to stdout, a file, or
//! (CSV) a directory of files; files are written by `export::file` (no overwrite without
//! `--force`, never a file of the dataset, never through a symbolic link).

use std::io::{self, Write};
use std::path::Path;

use super::{ExportFormat, GroupBy, Outcome};
use crate::dataset::Dataset;
use crate::export::file::{self, Overwrite};
use crate::export::timelinejs::group;
use crate::export::{self, Format, Options, Selection, csv};
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

impl From<GroupBy> for group::GroupBy {
    fn from(g: GroupBy) -> Self {
        match g {
            GroupBy::Side => group::GroupBy::Side,
            GroupBy::Country => group::GroupBy::Country,
            GroupBy::Tag => group::GroupBy::Tag,
            GroupBy::None => group::GroupBy::None,
        }
    }
}

/// The format-specific flags given, each checked against the format: a flag the format
/// does not read is an error rather than silently ignored.
#[derive(Debug, Clone, Default)]
pub struct Flags {
    pub title: Option<String>,
    pub group_by: Option<GroupBy>,
    pub raw: bool,
    pub bom: bool,
}

impl Flags {
    /// The library's options, or the flag that does not go with `format`.
    pub fn options(&self, format: ExportFormat) -> Result<Options, String> {
        let wrong = |flag: &str, formats: &str| {
            Err(format!(
                "{flag} applies to --format {formats}, not {}",
                format_name(format)
            ))
        };
        let text = matches!(format, ExportFormat::Markdown | ExportFormat::Timelinejs);
        if self.title.is_some() && !text {
            return wrong("--title", "markdown or timelinejs");
        }
        if self.group_by.is_some() && format != ExportFormat::Timelinejs {
            return wrong("--group-by", "timelinejs");
        }
        if (self.raw || self.bom) && format != ExportFormat::Csv {
            return wrong(if self.raw { "--raw" } else { "--bom" }, "csv");
        }
        Ok(Options {
            title: self.title.clone(),
            group_by: self.group_by.map(Into::into).unwrap_or_default(),
            raw: self.raw,
            bom: self.bom,
        })
    }
}

fn format_name(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Json => "json",
        ExportFormat::Csv => "csv",
        ExportFormat::Markdown => "markdown",
        ExportFormat::Timelinejs => "timelinejs",
        ExportFormat::Dot => "dot",
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
    opts: &Options,
    path: Option<(&Path, Overwrite)>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let sel = Selection::new(ds, f);
    if format == ExportFormat::Csv {
        return run_csv(ds, &sel, opts, path, out, err);
    }
    let Some((path, overwrite)) = path else {
        export::write(ds, &sel, f, format.into(), opts, out)?;
        return Ok(Outcome::Ok);
    };
    let mut text = Vec::new();
    export::write(ds, &sel, f, format.into(), opts, &mut text)?;
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
    opts: &Options,
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
            csv::write_events(ds, sel, opts, out)?;
            Ok(Outcome::Ok)
        }
        Ok(Target::File(p)) => {
            let mut bytes = Vec::new();
            csv::write_events(ds, sel, opts, &mut bytes)?;
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
                csv::write_table(table, opts, &mut bytes)?;
                let outcome = write_file(ds, &dir.join(table.name), &bytes, overwrite, err)?;
                if outcome != Outcome::Ok {
                    return Ok(outcome);
                }
            }
            Ok(Outcome::Ok)
        }
    }
}
