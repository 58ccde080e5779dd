//! The progress line of a long load, on a terminal's stderr: the file at hand, the step,
//! how far in MiB and a bar; drawn only when the load takes more than a moment, erased
//! when it ends. Before the explorer opens, `q` (or Ctrl-C) quits meanwhile.

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::crossterm::terminal;

use std::fmt::Write as _;

use crate::progress::{Progress, Snapshot, Stage};
use crate::text::truncate;

/// A load shorter than this shows nothing.
const QUIET: Duration = Duration::from_millis(400);
const TICK: Duration = Duration::from_millis(100);
const BAR: usize = 20;

/// The line, while it is shown; dropping it erases the line.
pub struct Shown {
    stop: Arc<AtomicBool>,
    handle: Option<JoinHandle<()>>,
}

impl Drop for Shown {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Release);
        let Some(h) = self.handle.take() else {
            return;
        };
        // Wake it now rather than at its next tick: a short load must not wait for it.
        h.thread().unpark();
        if h.join().is_err() {
            let _ = writeln!(std::io::stderr(), "aigov: the progress line stopped");
        }
    }
}

/// Shows the progress of a load on stderr until dropped; with `keys`, `q` and Ctrl-C
/// end the process meanwhile (the terminal is given back first).
pub fn show(progress: Arc<Progress>, keys: bool) -> Shown {
    let stop = Arc::new(AtomicBool::new(false));
    let done = stop.clone();
    // Its own handle on stderr: the command holds `Stderr`'s lock while it loads, and
    // the line must not wait for it (nor the command for the line).
    let Some(mut err) = own_stderr() else {
        return Shown { stop, handle: None };
    };
    let handle = thread::spawn(move || {
        let start = Instant::now();
        let over = || done.load(Ordering::Acquire) || progress.is_finished();
        while let Some(left) = QUIET.checked_sub(start.elapsed()) {
            if over() {
                return;
            }
            thread::park_timeout(left.min(TICK));
        }
        let raw = keys && terminal::enable_raw_mode().is_ok();
        while !over() {
            // One row, never wrapped: a wrapped line would stay on screen when erased.
            let cols = terminal::size().map_or(80, |(w, _)| usize::from(w));
            let text = line(&progress.snapshot(), raw);
            let _ = write!(err, "\r\x1b[2K{}", truncate(&text, cols.saturating_sub(1)));
            let _ = err.flush();
            if raw && quit_pressed() {
                let _ = write!(err, "\r\x1b[2K");
                let _ = terminal::disable_raw_mode();
                std::process::exit(0);
            } else if !raw {
                thread::park_timeout(TICK);
            }
        }
        let _ = write!(err, "\r\x1b[2K");
        let _ = err.flush();
        if raw {
            let _ = terminal::disable_raw_mode();
        }
    });
    Shown {
        stop,
        handle: Some(handle),
    }
}

#[cfg(unix)]
fn own_stderr() -> Option<std::fs::File> {
    use std::os::fd::AsFd;
    let fd = std::io::stderr().as_fd().try_clone_to_owned().ok()?;
    Some(std::fs::File::from(fd))
}

#[cfg(not(unix))]
fn own_stderr() -> Option<std::fs::File> {
    None
}

/// Waits up to one tick for a key; whether it asks to quit.
fn quit_pressed() -> bool {
    if !event::poll(TICK).unwrap_or(false) {
        return false;
    }
    match event::read() {
        Ok(Event::Key(k)) if k.kind == KeyEventKind::Press => {
            k.code == KeyCode::Char('q')
                || (k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL))
        }
        _ => false,
    }
}

/// `aigov: data.toml · parsing 45 of 108 MiB ▕████████            ▏ 41%  (q to quit)`
pub fn line(s: &Snapshot, keys: bool) -> String {
    let mib = |b: u64| b / (1024 * 1024);
    let file = truncate(&s.file, 40);
    let mut out = format!("aigov: {file} · {}", s.stage.as_str());
    if s.total > 0 {
        let done = s.done.min(s.total);
        let filled = usize::try_from(done * BAR as u64 / s.total).unwrap_or(BAR);
        // Bytes for the steps that read text; checking counts records, shown as a share.
        if s.stage != Stage::Validating {
            let _ = write!(out, " {} of {} MiB", mib(done), mib(s.total));
        }
        let _ = write!(
            out,
            " ▕{}{}▏ {}%",
            "█".repeat(filled),
            " ".repeat(BAR - filled.min(BAR)),
            done * 100 / s.total
        );
    } else {
        out.push('…');
    }
    if keys {
        out.push_str("  (q to quit)");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_says_the_file_the_step_and_how_far() {
        let s = Snapshot {
            stage: Stage::Parsing,
            done: 45 << 20,
            total: 108 << 20,
            file: "data.toml".to_string(),
        };
        assert_eq!(
            line(&s, true),
            "aigov: data.toml · parsing 45 of 108 MiB ▕████████            ▏ 41%  (q to quit)"
        );
        let over = Snapshot {
            done: 200 << 20,
            ..s.clone()
        };
        assert!(line(&over, false).ends_with("▕████████████████████▏ 100%"));
        let checking = Snapshot {
            stage: Stage::Validating,
            done: 3,
            total: 4,
            ..s.clone()
        };
        // Checking counts records, not bytes: a share, no MiB.
        assert_eq!(
            line(&checking, false),
            "aigov: data.toml · checking ▕███████████████     ▏ 75%"
        );
        let indexing = Snapshot {
            stage: Stage::Indexing,
            total: 0,
            ..s
        };
        assert_eq!(line(&indexing, false), "aigov: data.toml · indexing…");
    }
}
