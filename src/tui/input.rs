//! The input threads: one blocks on crossterm's `read` and one waits for signals; both
//! send `Input` on one channel, so the loop blocks on `recv` and idles at no cost. Every
//! thread of the explorer runs `supervised`: a panic is reported to the loop, never lost.

use std::io;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::Sender;
use std::thread;

use ratatui::crossterm::event::{
    self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};

use super::action::Action;
use super::app::Searched;
use super::keymap::Key;
use super::reload::Reload;

/// What the loop receives.
#[derive(Debug)]
pub enum Input {
    /// A key press.
    Key(Key),
    /// A mouse click or wheel, or a resize: already an action.
    Action(Action),
    /// SIGINT, SIGQUIT, SIGTERM or SIGHUP (its number): leave cleanly, exit 128 + it.
    Signal(i32),
    /// SIGTSTP: give the terminal back and stop until SIGCONT.
    Suspend,
    /// SIGCONT: the process was stopped and goes on; take the terminal and redraw.
    Continued,
    /// Reading the terminal failed.
    Failed(io::Error),
    /// Results from the search worker.
    Searched(Searched),
    /// The search of this generation failed (the worker panicked and started again).
    SearchFailed { generation: u64, message: String },
    /// A thread of the explorer panicked: which, and the panic's message. `restarted`
    /// says whether it runs again.
    Crashed {
        thread: &'static str,
        message: String,
        restarted: bool,
    },
    /// The watched data changed and was loaded again.
    Reloaded(Reload),
    /// An export the prompt asked for ended.
    Exported(super::export::Exported),
}

/// The key of a crossterm key event, if the explorer knows it.
pub fn key(k: KeyEvent) -> Option<Key> {
    if k.kind != KeyEventKind::Press {
        return None;
    }
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    Some(match k.code {
        KeyCode::Char(c) if ctrl => Key::Ctrl(c.to_ascii_lowercase()),
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::Enter => Key::Enter,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Tab if k.modifiers.contains(KeyModifiers::SHIFT) => Key::BackTab,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Esc => Key::Esc,
        _ => return None,
    })
}

/// The input a terminal event means, if any.
pub fn translate(ev: &Event) -> Option<Input> {
    match *ev {
        Event::Key(k) => key(k).map(Input::Key),
        Event::Mouse(MouseEvent {
            kind, column, row, ..
        }) => {
            let (x, y) = (column, row);
            match kind {
                MouseEventKind::Down(MouseButton::Left) => {
                    Some(Input::Action(Action::Click { x, y }))
                }
                MouseEventKind::ScrollDown => {
                    Some(Input::Action(Action::Scroll { x, y, down: true }))
                }
                MouseEventKind::ScrollUp => {
                    Some(Input::Action(Action::Scroll { x, y, down: false }))
                }
                _ => None,
            }
        }
        Event::Resize(width, height) => Some(Input::Action(Action::Resize { width, height })),
        _ => None,
    }
}

/// How often a thread that keeps panicking is started again before it is given up.
pub const MAX_RESTARTS: usize = 3;

/// Runs `body` until it returns, catching its panics: each is reported to the loop as
/// `Input::Crashed` and `body` runs again, up to `MAX_RESTARTS` times. `report` may turn
/// a panic into a more precise input first (the worker fails the running search).
pub fn supervised(
    thread: &'static str,
    out: &Sender<Input>,
    mut body: impl FnMut(),
    mut report: impl FnMut(&str),
) {
    for attempt in 0..=MAX_RESTARTS {
        let Err(payload) = catch_unwind(AssertUnwindSafe(&mut body)) else {
            return;
        };
        // The hook kept the place; the payload has at least the message.
        let message = super::terminal::take_panic()
            .unwrap_or_else(|| super::terminal::panic_message(&*payload));
        report(&message);
        let restarted = attempt < MAX_RESTARTS;
        let crashed = Input::Crashed {
            thread,
            message,
            restarted,
        };
        if out.send(crashed).is_err() {
            return;
        }
    }
}

/// The terminal reader's name in `Input::Crashed`.
pub const TERMINAL_THREAD: &str = "terminal input";

/// Starts the terminal reader; it ends when the receiver is gone.
pub fn spawn_terminal(tx: Sender<Input>) {
    thread::spawn(move || {
        let out = tx.clone();
        supervised(
            TERMINAL_THREAD,
            &out,
            || {
                loop {
                    let input = match event::read() {
                        Ok(ev) => match translate(&ev) {
                            Some(i) => i,
                            None => continue,
                        },
                        Err(e) => Input::Failed(e),
                    };
                    let failed = matches!(input, Input::Failed(_));
                    if tx.send(input).is_err() || failed {
                        return;
                    }
                }
            },
            |_| {},
        );
    });
}

/// Starts the signal watcher: SIGINT, SIGQUIT, SIGTERM and SIGHUP become
/// `Input::Signal`, SIGTSTP `Input::Suspend`, SIGCONT `Input::Continued`.
#[cfg(unix)]
pub fn spawn_signals(tx: Sender<Input>) -> io::Result<()> {
    use std::io::Read;
    use std::os::unix::net::UnixStream;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};

    const SIGNALS: [i32; 6] = [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT];
    // One flag per signal says which arrived; one pipe wakes the thread.
    let (mut read, write) = UnixStream::pair()?;
    let mut flags = Vec::new();
    for sig in SIGNALS {
        let flag = Arc::new(AtomicBool::new(false));
        signal_hook::flag::register(sig, flag.clone())?;
        signal_hook::low_level::pipe::register(sig, write.try_clone()?)?;
        flags.push((sig, flag));
    }
    thread::spawn(move || {
        let out = tx.clone();
        supervised(
            "signals",
            &out,
            || {
                let mut buf = [0u8; 64];
                // Blocks until a signal arrives: no polling.
                while read.read(&mut buf).is_ok_and(|n| n > 0) {
                    for (sig, flag) in &flags {
                        if !flag.swap(false, Ordering::SeqCst) {
                            continue;
                        }
                        let input = match *sig {
                            SIGTSTP => Input::Suspend,
                            SIGCONT => Input::Continued,
                            s => Input::Signal(s),
                        };
                        if tx.send(input).is_err() {
                            return;
                        }
                    }
                }
            },
            |_| {},
        );
    });
    Ok(())
}

/// Signals are a Unix matter; elsewhere there is nothing to watch.
#[cfg(not(unix))]
pub fn spawn_signals(_tx: Sender<Input>) -> io::Result<()> {
    Ok(())
}
