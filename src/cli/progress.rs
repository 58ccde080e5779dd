//! The progress line of a long load, on a terminal's stderr: the file at hand, the step,
//! how far in MiB and a bar; drawn only when the load takes more than a moment, erased
//! when it ends. Before the explorer opens, `q` (or Ctrl-C) quits meanwhile.

use std::borrow::Cow;
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::crossterm::terminal;

use std::fmt::Write as _;

use crate::progress::{Progress, Snapshot, Stage};
use crate::text::{truncate, width};

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
            // One column short of the width: a line that fills it wraps on some terminals.
            let text = line(&progress.snapshot(), raw, cols.saturating_sub(1));
            let _ = write!(err, "\r\x1b[2K{text}");
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

/// `aigov: data.toml · parsing 45 of 108 MiB ▕████████            ▏ 41%  (q to quit)`, in
/// at most `cols` columns. Where it does not fit, the file's name gives way first (to 40
/// columns, then down to 12 while the bar narrows to 6, then all of it), then the
/// `(q to quit)` hint, then the end of the line.
pub fn line(s: &Snapshot, keys: bool, cols: usize) -> String {
    const HEAD: &str = "aigov: ";
    const FILE_MIN: usize = 12;
    const BAR_MIN: usize = 6;
    let wide = tail(s, keys, BAR);
    let short = (width(HEAD) + FILE_MIN + width(&wide)).saturating_sub(cols);
    let tail = if short > 0 && s.total > 0 {
        tail(s, keys, BAR.saturating_sub(short).max(BAR_MIN))
    } else {
        wide
    };
    let room = cols.saturating_sub(width(HEAD) + width(&tail));
    // A name cut to a few columns says nothing: then none.
    let file = if room < 6 {
        Cow::Borrowed("")
    } else {
        truncate(&s.file, room.min(40))
    };
    let line = if file.is_empty() {
        format!("{HEAD}{}", tail.trim_start_matches(" · "))
    } else {
        format!("{HEAD}{file}{tail}")
    };
    // Narrower still: how far matters more than the hint, which goes first.
    if keys && width(&line) > cols {
        return self::line(s, false, cols);
    }
    truncate(&line, cols).into_owned()
}

/// ` · parsing 45 of 108 MiB ▕████    ▏ 41%  (q to quit)`, with a bar `bar` columns wide.
fn tail(s: &Snapshot, keys: bool, bar: usize) -> String {
    let mib = |b: u64| b / (1024 * 1024);
    let mut tail = format!(" · {}", s.stage.as_str());
    if s.total > 0 {
        let done = s.done.min(s.total);
        let filled = usize::try_from(done * bar as u64 / s.total).unwrap_or(bar);
        // Bytes for the steps that read text; checking counts records, shown as a share.
        if s.stage != Stage::Validating {
            let _ = write!(tail, " {} of {} MiB", mib(done), mib(s.total));
        }
        let _ = write!(
            tail,
            " ▕{}{}▏ {}%",
            "█".repeat(filled.min(bar)),
            " ".repeat(bar - filled.min(bar)),
            done * 100 / s.total
        );
    } else {
        tail.push('…');
    }
    if keys {
        tail.push_str("  (q to quit)");
    }
    tail
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
            line(&s, true, 200),
            "aigov: data.toml · parsing 45 of 108 MiB ▕████████            ▏ 41%  (q to quit)"
        );
        let over = Snapshot {
            done: 200 << 20,
            ..s.clone()
        };
        assert!(line(&over, false, 200).ends_with("▕████████████████████▏ 100%"));
        let checking = Snapshot {
            stage: Stage::Validating,
            done: 3,
            total: 4,
            ..s.clone()
        };
        // Checking counts records, not bytes: a share, no MiB.
        assert_eq!(
            line(&checking, false, 200),
            "aigov: data.toml · checking ▕███████████████     ▏ 75%"
        );
        let indexing = Snapshot {
            stage: Stage::Indexing,
            total: 0,
            ..s
        };
        assert_eq!(line(&indexing, false, 200), "aigov: data.toml · indexing…");
    }

    #[test]
    fn in_a_narrow_terminal_the_file_name_gives_way_to_how_far() {
        let s = Snapshot {
            stage: Stage::Parsing,
            done: 45 << 20,
            total: 108 << 20,
            file: "/tmp/a/rather/long/directory/of/data/events-2025.toml".to_string(),
        };
        let wide = line(&s, true, 200);
        assert!(wide.starts_with("aigov: /tmp/a/rather/long/directory/of/data/ev… · parsing"));
        let narrow = line(&s, true, 79);
        assert_eq!(
            narrow,
            "aigov: /tmp/a/rath… · parsing 45 of 108 MiB ▕██████          ▏ 41%  (q to quit)"
        );
        assert_eq!(width(&narrow), 79);
        // The bar narrows to 6 columns before the file goes.
        assert_eq!(
            line(&s, true, 66),
            "aigov: /tmp/a/r… · parsing 45 of 108 MiB ▕██    ▏ 41%  (q to quit)"
        );
        assert_eq!(
            line(&s, true, 59),
            "aigov: parsing 45 of 108 MiB ▕██    ▏ 41%  (q to quit)"
        );
        // Narrower than the step and the bar: the end goes, never past the width.
        for cols in [0, 1, 10, 40, 59] {
            assert!(width(&line(&s, true, cols)) <= cols, "{cols}");
        }
        assert!(
            line(&s, false, 59).ends_with("41%"),
            "{}",
            line(&s, false, 59)
        );
        assert_eq!(
            line(&s, true, 41),
            "aigov: parsing 45 of 108 MiB ▕██    ▏ 41%"
        );
    }
}
