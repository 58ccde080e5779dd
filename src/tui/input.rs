//! The input threads: one blocks on crossterm's `read` and one waits for SIGTERM/SIGHUP;
//! both send `Input` on one channel, so the loop blocks on `recv` and idles at no cost.

use std::io;
use std::sync::mpsc::Sender;
use std::thread;

use ratatui::crossterm::event::{
    self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};

use super::action::Action;
use super::app::Searched;
use super::keymap::Key;
use super::watch::Reload;

/// What the loop receives.
#[derive(Debug)]
pub enum Input {
    /// A key press.
    Key(Key),
    /// A mouse click or wheel, or a resize: already an action.
    Action(Action),
    /// SIGTERM or SIGHUP: leave cleanly.
    Signal,
    /// Reading the terminal failed.
    Failed(io::Error),
    /// Results from the search worker.
    Searched(Searched),
    /// The watched data changed and was loaded again.
    Reloaded(Reload),
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

/// Starts the terminal reader; it ends when the receiver is gone.
pub fn spawn_terminal(tx: Sender<Input>) {
    thread::spawn(move || {
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
    });
}

/// Starts the signal watcher: SIGTERM and SIGHUP become `Input::Signal`.
#[cfg(unix)]
pub fn spawn_signals(tx: Sender<Input>) -> io::Result<()> {
    use std::io::Read;
    use std::os::unix::net::UnixStream;

    use signal_hook::consts::{SIGHUP, SIGTERM};

    let (mut read, write) = UnixStream::pair()?;
    signal_hook::low_level::pipe::register(SIGTERM, write.try_clone()?)?;
    signal_hook::low_level::pipe::register(SIGHUP, write)?;
    thread::spawn(move || {
        let mut byte = [0u8; 1];
        // Blocks until a signal arrives: no polling.
        if read.read(&mut byte).is_ok() {
            let _ = tx.send(Input::Signal);
        }
    });
    Ok(())
}

/// Signals are a Unix matter; elsewhere there is nothing to watch.
#[cfg(not(unix))]
pub fn spawn_signals(_tx: Sender<Input>) -> io::Result<()> {
    Ok(())
}
