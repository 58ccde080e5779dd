//! The command line: running a command (its clap types are `cli::args`), loading the
//! dataset it asks for, reporting problems, and mapping outcomes to exit codes (0 clean,
//! 1 problems in the data, 2 usage or I/O).

mod args;
pub mod check;
pub mod export;
pub mod filter;
pub mod list;
pub mod progress;
pub mod search;
pub mod show;

use std::io::{self, Write};
use std::path::PathBuf;

use clap::CommandFactory;

pub use self::args::{
    CiteArg, Cli, Command, ExportFormat, FilterArgs, GroupBy, ListKind, SearchKind,
};

use crate::dataset::{Checked, Dataset};
use crate::diagnostic::{self, Style};
use crate::load::Origin;
pub use crate::text::plural;

/// How a command ended; the process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// 0: done, data clean.
    Ok = 0,
    /// 1: problems in the data.
    Problems = 1,
    /// 2: usage or I/O error.
    Usage = 2,
}

/// Terminal facts and choices the commands need, read once by `main` (the library reads
/// no environment variable).
#[derive(Debug, Clone, Default)]
pub struct Env {
    /// Colour on stdout (a terminal, and `NO_COLOR` unset).
    pub color_out: bool,
    /// Colour on stderr.
    pub color_err: bool,
    /// Today, for the checks that depend on the date (a scheduled event whose date has
    /// passed); `None` skips them.
    pub today: Option<chrono::NaiveDate>,
    /// How a long load shows its progress on stderr.
    pub progress: ProgressLine,
    /// Where a large dataset's load cache lives (see [`crate::dataset::cache`]); `None`
    /// turns it off.
    pub cache_dir: Option<PathBuf>,
}

/// Whether a long load shows a progress line on stderr (only on a terminal).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ProgressLine {
    /// Nothing (stderr is a pipe or a file).
    #[default]
    Off,
    /// The line.
    On,
    /// The line, and `q` quits meanwhile (the explorer is about to open).
    WithQuitKey,
}

impl Env {
    /// The load options these facts call for: the cache, today, and a progress counter
    /// when a line will show it.
    pub fn load_options(&self) -> crate::dataset::Options {
        crate::dataset::Options {
            cache_dir: self.cache_dir.clone(),
            today: self.today,
            progress: (self.progress != ProgressLine::Off)
                .then(|| std::sync::Arc::new(crate::progress::Progress::default())),
        }
    }
}

/// Runs a subcommand, writing to `out` and `err`.
pub fn run(
    cli: &Cli,
    command: &Command,
    env: &Env,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    let mut out = Sink::new(out);
    let mut err = Sink::new(err);
    let outcome = write_command(cli, command, env, &mut out, &mut err);
    let failed = out.failed.take().or(err.failed.take());
    match (outcome, failed) {
        // Another write error (a full disk, a closed descriptor) means the output is
        // lost: exit 2, and say so where that is still possible.
        (_, Some(e)) | (Err(e), None) if e.kind() != io::ErrorKind::BrokenPipe => {
            let _ = writeln!(err.inner, "error: cannot write the output: {e}");
            Outcome::Usage
        }
        // A closed pipe (`aigov check | head`) is no error worth a message, but the exit
        // code still says what the command found, so `set -o pipefail` sees bad data.
        (Ok(o), _) => o,
        (Err(_), _) => Outcome::Ok,
    }
}

/// A writer that remembers its first error and then drops what follows, so that a
/// command runs to the end and its outcome (clean or problems) survives a closed pipe.
struct Sink<'a> {
    inner: &'a mut dyn Write,
    failed: Option<io::Error>,
}

impl<'a> Sink<'a> {
    fn new(inner: &'a mut dyn Write) -> Self {
        Self {
            inner,
            failed: None,
        }
    }
}

impl Write for Sink<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.failed.is_none()
            && let Err(e) = self.inner.write_all(buf)
        {
            self.failed = Some(e);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.failed.is_none()
            && let Err(e) = self.inner.flush()
        {
            self.failed = Some(e);
        }
        Ok(())
    }
}

fn write_command(
    cli: &Cli,
    command: &Command,
    env: &Env,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let origin = |path: Option<&PathBuf>| {
        path.or(cli.data.as_ref())
            .map_or(Origin::Bundled, |p| Origin::Path(p.clone()))
    };
    match command {
        Command::Check { path, strict } => {
            return check::run(&origin(path.as_ref()), *strict, env, out, err);
        }
        // Generated from the same `Cli` that parses, so they cannot drift; no data needed.
        Command::Completions { shell } => {
            clap_complete::generate(*shell, &mut Cli::command(), "aigov", out);
            return Ok(Outcome::Ok);
        }
        Command::Man => {
            clap_mangen::Man::new(Cli::command()).render(out)?;
            return Ok(Outcome::Ok);
        }
        _ => {}
    }
    // Every other command reads a valid dataset first. It is left to the end of the
    // process, which frees it at once: dropping millions of strings one by one was about
    // a twentieth of a search on 100k records.
    let ds = match open(&origin(None), env, err)? {
        Ok(ds) => std::mem::ManuallyDrop::new(ds),
        Err(o) => return Ok(o),
    };
    match command {
        // Ran above, before loading.
        Command::Check { .. } | Command::Completions { .. } | Command::Man => Ok(Outcome::Ok),
        Command::List { what, filter, json } => {
            let Some(f) = filter::resolve(&ds, filter, err)? else {
                return Ok(Outcome::Usage);
            };
            list::run(&ds, *what, &f, *json, out)?;
            Ok(Outcome::Ok)
        }
        Command::Show {
            id,
            cite: true,
            format,
            ..
        } => show::cite(&ds, id, format.to_format(), out, err),
        Command::Show { id, json, .. } => show::run(&ds, id, *json, out, err),
        Command::Search {
            query,
            kind,
            limit,
            json,
        } => {
            let query = query.join(" ");
            search::run(&ds, &query, *kind, *limit, *json, env.color_out, out)?;
            Ok(Outcome::Ok)
        }
        Command::Export {
            format,
            out: file,
            force,
            title,
            group_by,
            raw,
            bom,
            filter,
        } => {
            let flags = export::Flags {
                title: title.clone(),
                group_by: *group_by,
                raw: *raw,
                bom: *bom,
            };
            let opts = match flags.options(*format) {
                Ok(o) => o,
                Err(message) => {
                    writeln!(err, "error: {message}")?;
                    return Ok(Outcome::Usage);
                }
            };
            let Some(f) = filter::resolve(&ds, filter, err)? else {
                return Ok(Outcome::Usage);
            };
            let to = file.as_deref().map(|p| (p, export::overwrite(*force)));
            export::run(&ds, *format, &f, &opts, to, out, err)
        }
    }
}

pub use crate::export::write_json;

/// Loads a dataset for a command; prints why it cannot and says which exit code to use.
pub fn open(
    origin: &Origin,
    env: &Env,
    err: &mut dyn Write,
) -> io::Result<Result<Dataset, Outcome>> {
    let opts = env.load_options();
    let shown = opts
        .progress
        .clone()
        .map(|p| progress::show(p, env.progress == ProgressLine::WithQuitKey));
    let loaded = Dataset::load_with(origin, &opts);
    drop(shown);
    match loaded {
        Err(e) => {
            writeln!(err, "error: {e}")?;
            Ok(Err(Outcome::Usage))
        }
        Ok(Err(checked)) => {
            report(&checked, false, env, err)?;
            Ok(Err(Outcome::Problems))
        }
        Ok(Ok(ds)) => Ok(Ok(ds)),
    }
}

/// Diagnostics printed by one run; the summary line still counts them all.
pub const MAX_REPORTED: usize = 500;

/// Prints the diagnostics of a check and a one-line summary.
pub fn report(checked: &Checked, strict: bool, env: &Env, err: &mut dyn Write) -> io::Result<()> {
    let style = Style {
        color: env.color_err,
    };
    for d in checked.diagnostics.iter().take(MAX_REPORTED) {
        writeln!(
            err,
            "{}",
            diagnostic::render_strict(&checked.files, d, style, strict)
        )?;
    }
    if let Some(more) = checked.diagnostics.len().checked_sub(MAX_REPORTED)
        && more > 0
    {
        writeln!(
            err,
            "… and {more} more (only the first {MAX_REPORTED} problems are shown; fix those and check again)\n"
        )?;
    }
    let (e, w) = checked.counts();
    let (e, w) = if strict { (e + w, 0) } else { (e, w) };
    writeln!(
        err,
        "{}: {}, {}",
        checked.origin,
        plural(e, "error"),
        plural(w, "warning")
    )
}
