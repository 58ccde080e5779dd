//! Entering and leaving the terminal: raw mode, alternate screen, mouse capture; a guard
//! that restores on drop, a panic hook that restores before the message prints (only for
//! a panic of the thread that owns the terminal), and suspending for Ctrl-Z.

use std::io::{self, Write};
use std::sync::Mutex;
use std::thread::{self, ThreadId};

use ratatui::DefaultTerminal;
use ratatui::buffer::Buffer;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{Clear, ClearType, EnterAlternateScreen, enable_raw_mode};
use ratatui::style::{Color, Modifier, Style};

/// The thread that owns the terminal while the explorer runs, and the last panic of
/// another thread (message and place), which its supervisor reports.
static OWNER: Mutex<Option<ThreadId>> = Mutex::new(None);
static LAST_PANIC: Mutex<Vec<(ThreadId, String)>> = Mutex::new(Vec::new());

/// Restores the terminal when dropped (on return, on `?`, and during a panic's unwinding).
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        set_owner(None);
        leave();
    }
}

fn set_owner(owner: Option<ThreadId>) {
    if let Ok(mut o) = OWNER.lock() {
        *o = owner;
    }
}

fn owner() -> Option<ThreadId> {
    OWNER.lock().ok().and_then(|o| *o)
}

/// Leaves mouse capture, the alternate screen and raw mode, and shows the cursor.
pub fn leave() {
    let _ = execute!(io::stdout(), DisableMouseCapture, Show);
    ratatui::restore();
    let _ = io::stdout().flush();
}

/// Takes the terminal back after `leave` (after a suspend): raw mode, the alternate
/// screen, mouse capture; the caller redraws everything.
pub fn reenter() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)
}

/// Captures the mouse (`on`) or gives it back to the terminal, whose own text selection
/// then works.
pub fn set_mouse(on: bool) -> io::Result<()> {
    if on {
        execute!(io::stdout(), EnableMouseCapture)
    } else {
        execute!(io::stdout(), DisableMouseCapture)
    }
}

/// The message and place of the last panic of this thread, which does not own the
/// terminal, taken (its supervisor, on the same thread, shows it in the status line).
pub fn take_panic() -> Option<String> {
    let me = thread::current().id();
    let mut kept = LAST_PANIC.lock().ok()?;
    let at = kept.iter().rposition(|(id, _)| *id == me)?;
    Some(kept.swap_remove(at).1)
}

/// A panic's message, from its payload.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}

/// Takes over the terminal. `monochrome` applies the `NO_COLOR` workaround (crossterm 0.29
/// would emit a bare `ESC[;m` that cancels reverse video): colours are forced on, and
/// `strip_colors` removes every colour from each frame instead.
pub fn enter(monochrome: bool) -> io::Result<(DefaultTerminal, Guard)> {
    install_hook(leave);
    if monochrome {
        ratatui::crossterm::style::force_color_output(true);
    }
    let terminal = ratatui::try_init()?;
    set_owner(Some(thread::current().id()));
    let guard = Guard;
    execute!(io::stdout(), EnableMouseCapture)?;
    Ok((terminal, guard))
}

/// The panic hook: a panic of the thread that owns the terminal runs `restore` and then
/// the usual report; one of another thread is kept for its supervisor, unprinted.
fn install_hook(restore: fn()) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let me = thread::current().id();
        match owner() {
            // The explorer's own thread: restore, then the usual report.
            Some(id) if id == me => {
                restore();
                previous(info);
            }
            // Another thread while the explorer draws: printing would scribble over the
            // screen, so the message waits for its supervisor, which reports it.
            Some(_) => {
                let place = info
                    .location()
                    .map(|l| format!(" at {}:{}", l.file(), l.line()))
                    .unwrap_or_default();
                let message = panic_message(info.payload());
                if let Ok(mut p) = LAST_PANIC.lock() {
                    p.retain(|(id, _)| *id != me);
                    p.push((me, format!("{message}{place}")));
                }
            }
            None => previous(info),
        }
    }));
}

/// Hands the terminal back to the shell and stops the process (Ctrl-Z, SIGTSTP); on
/// SIGCONT takes it again. The caller redraws the whole screen.
#[cfg(unix)]
pub fn suspend() -> io::Result<()> {
    leave();
    // SIGSTOP cannot be caught: the process stops here until SIGCONT.
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
    reenter()
}

/// Job control is a Unix matter.
#[cfg(not(unix))]
pub fn suspend() -> io::Result<()> {
    Ok(())
}

/// Draws every cell again on the next frame (after a suspend, the screen is the
/// shell's). `Terminal::clear` would ask the terminal where its cursor is, and that
/// answer goes to the input thread, which is reading: so clear the screen by hand and
/// draw one hidden blank frame, which every cell of the next one differs from.
pub fn redraw_all(terminal: &mut DefaultTerminal) -> io::Result<()> {
    execute!(io::stdout(), Clear(ClearType::All))?;
    terminal.draw(|frame| {
        let hidden = Style::new().add_modifier(Modifier::HIDDEN);
        for cell in &mut frame.buffer_mut().content {
            cell.set_symbol(" ").set_style(hidden);
        }
    })?;
    Ok(())
}

/// Sets every cell's colours to the terminal's defaults (the `NO_COLOR` theme).
pub fn strip_colors(buf: &mut Buffer) {
    for cell in &mut buf.content {
        cell.fg = Color::Reset;
        cell.bg = Color::Reset;
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]

    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::mpsc;

    use super::*;
    use crate::tui::input::{Input, MAX_RESTARTS, supervised};

    static RESTORES: AtomicUsize = AtomicUsize::new(0);

    fn count_restore() {
        RESTORES.fetch_add(1, Ordering::SeqCst);
    }

    #[test]
    fn only_a_panic_of_the_owning_thread_restores_the_terminal() {
        install_hook(count_restore);
        set_owner(Some(thread::current().id()));
        let (tx, rx) = mpsc::channel();
        let worker = thread::spawn(move || {
            supervised("test", &tx, || panic!("boom {}", 42), |_| {});
        });
        worker.join().unwrap();
        let reports: Vec<Input> = rx.try_iter().collect();
        assert_eq!(reports.len(), MAX_RESTARTS + 1, "{reports:?}");
        for (i, r) in reports.iter().enumerate() {
            let Input::Crashed {
                thread: "test",
                message,
                restarted,
            } = r
            else {
                panic!("{r:?}");
            };
            assert!(message.contains("boom 42"), "{message}");
            assert!(message.contains("terminal.rs:"), "the place: {message}");
            assert_eq!(*restarted, i < MAX_RESTARTS);
        }
        assert_eq!(RESTORES.load(Ordering::SeqCst), 0, "another thread's panic");
        // The owner's own panic restores first.
        let _ = std::panic::catch_unwind(|| panic!("the UI thread"));
        assert_eq!(RESTORES.load(Ordering::SeqCst), 1);
        set_owner(None);
    }
}
