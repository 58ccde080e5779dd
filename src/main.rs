//! The `aigov` binary: parses the command line, reads the terminal facts and the
//! environment once (is it a terminal, `NO_COLOR`, the cache directory) and hands over to
//! the library, which reads no environment variable. Everything else lives in `aigov::`.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use aigov::cli::{self, Cli, Env, Outcome, ProgressLine};
use aigov::diagnostic::closest;
use aigov::load::Origin;
use aigov::tui::{self, Start, theme::Theme};
use clap::error::ErrorKind;
use clap::{CommandFactory, Parser};

/// Whether the terminal named by `TERM` may be sent OSC 8 hyperlinks: terminals that do
/// not know the sequence ignore it, except the Linux console and hardware-like terminals,
/// which print its text.
fn hyperlinks(term: Option<&str>) -> bool {
    let term = term.unwrap_or("");
    !(term.is_empty() || term == "dumb" || term.starts_with("linux") || term.starts_with("vt"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let env = Env {
        color_out: !no_color && io::stdout().is_terminal(),
        color_err: !no_color && io::stderr().is_terminal(),
        today: today(),
        progress: if io::stderr().is_terminal() {
            ProgressLine::On
        } else {
            ProgressLine::Off
        },
        cache_dir: cache_dir(),
    };
    let Some(command) = &cli.command else {
        return explore(&cli, &env, no_color);
    };
    if cli.goto.is_some() || cli.query.is_some() {
        Cli::command()
            .error(
                ErrorKind::ArgumentConflict,
                "--goto and --query open the explorer; they do not go with a command",
            )
            .exit();
    }
    if !stdout_is_open() {
        let _ = writeln!(
            io::stderr(),
            "error: stdout is closed, so the output would be lost"
        );
        return ExitCode::from(Outcome::Usage as u8);
    }
    let outcome = cli::run(
        &cli,
        command,
        &env,
        &mut io::stdout().lock(),
        &mut io::stderr().lock(),
    );
    ExitCode::from(outcome as u8)
}

/// Today's date (UTC), or `AIGOV_TODAY` (YYYY-MM-DD), which exists for tests: the checks
/// that depend on the date must give the same answer on every day the suite runs.
fn today() -> Option<chrono::NaiveDate> {
    if let Some(day) = std::env::var_os("AIGOV_TODAY") {
        return day.to_str().and_then(|d| d.parse().ok());
    }
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    chrono::DateTime::from_timestamp(i64::try_from(secs).ok()?, 0).map(|t| t.date_naive())
}

/// The load cache's directory: `$AIGOV_CACHE_DIR` (empty turns the cache off), else
/// `$XDG_CACHE_HOME/aigov`, else `~/.cache/aigov`.
fn cache_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("AIGOV_CACHE_DIR") {
        return (!d.is_empty()).then(|| PathBuf::from(d));
    }
    let xdg = std::env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty());
    let base = xdg
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache")))?;
    Some(base.join("aigov"))
}

/// Whether stdout was open when aigov started. Rust's runtime puts `/dev/null` on a closed
/// descriptor 0–2 before `main` (opened read-write, which a shell's `>/dev/null` never
/// does), so `aigov list events >&-` would lose its output and exit 0. Linux tells the
/// two apart through /proc; elsewhere stdout counts as open.
fn stdout_is_open() -> bool {
    let Ok(target) = std::fs::read_link("/proc/self/fd/1") else {
        return true;
    };
    if target != std::path::Path::new("/dev/null") {
        return true;
    }
    let flags = std::fs::read_to_string("/proc/self/fdinfo/1")
        .ok()
        .and_then(|info| {
            let line = info.lines().find_map(|l| l.strip_prefix("flags:"))?;
            u32::from_str_radix(line.trim(), 8).ok()
        });
    // O_ACCMODE is 3 and O_RDWR 2 on Linux.
    flags.is_none_or(|f| f & 3 != 2)
}

/// No subcommand: open the explorer, or, without a terminal, say what to use instead.
fn explore(cli: &Cli, env: &Env, no_color: bool) -> ExitCode {
    let mut err = io::stderr().lock();
    if !io::stdout().is_terminal() {
        let _ = writeln!(
            err,
            "aigov: stdout is not a terminal, so the explorer does not start.\n\
             For scripts and pipes, use a command instead:\n  \
             aigov list events|quotes|actors|sources [--country ID] [--json]\n  \
             aigov show ID [--json]\n  \
             aigov search QUERY [--kind K] [--json]\n  \
             aigov check [PATH]\n  \
             aigov export --format json|csv|markdown|timelinejs|dot [--out FILE]"
        );
        return ExitCode::from(Outcome::Usage as u8);
    }
    let origin = cli
        .data
        .as_ref()
        .map_or(Origin::Bundled, |p| Origin::Path(p.clone()));
    let dataset = match cli::open(
        &origin,
        &Env {
            progress: match env.progress {
                ProgressLine::Off => ProgressLine::Off,
                _ => ProgressLine::WithQuitKey,
            },
            ..env.clone()
        },
        &mut err,
    ) {
        Ok(Ok(ds)) => ds,
        Ok(Err(outcome)) => return ExitCode::from(outcome as u8),
        Err(_) => return ExitCode::from(Outcome::Usage as u8),
    };
    let goto = cli.goto.as_deref().map(|id| (id, dataset.graph.lookup(id)));
    if let Some((id, None)) = goto {
        let ids = dataset.graph.all_ids();
        let hint = closest(id, ids).map_or_else(
            || "`aigov search` finds records by their words".to_string(),
            |c| format!("did you mean \"{c}\"?"),
        );
        let id = aigov::text::escape_line(id);
        let _ = writeln!(
            err,
            "error: --goto \"{id}\": no record has this id\n  = hint: {hint}"
        );
        return ExitCode::from(Outcome::Usage as u8);
    }
    let goto = goto.and_then(|(_, entity)| entity);
    drop(err);
    let start = Start {
        watched: cli.data.as_deref(),
        goto,
        query: cli.query.clone(),
        cache_dir: env.cache_dir.clone(),
        today: env.today,
        browser: std::env::var("BROWSER")
            .ok()
            .filter(|b| !b.trim().is_empty()),
        hyperlinks: hyperlinks(std::env::var("TERM").ok().as_deref()),
    };
    match tui::run(dataset, Theme::for_no_color(no_color), start) {
        Ok(tui::Exit::Quit) => ExitCode::SUCCESS,
        // As a shell reports a death by signal: 128 + its number.
        Ok(tui::Exit::Signal(sig)) => {
            ExitCode::from(u8::try_from(128 + sig.clamp(0, 127)).unwrap_or(u8::MAX))
        }
        Err(e) => {
            eprintln!("aigov: terminal error: {e}");
            ExitCode::from(Outcome::Usage as u8)
        }
    }
}
