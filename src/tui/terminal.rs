//! Entering and leaving the terminal: raw mode, alternate screen, mouse capture; a guard
//! that restores on drop, and a panic hook that restores before the message prints.

use std::io::{self, Write};

use ratatui::DefaultTerminal;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::style::Color;

/// Restores the terminal when dropped (on return, on `?`, and during a panic's unwinding).
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        leave();
    }
}

fn leave() {
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    let _ = io::stdout().flush();
}

/// Takes over the terminal. `monochrome` applies the `NO_COLOR` workaround (crossterm 0.29
/// would emit a bare `ESC[;m` that cancels reverse video): colours are forced on, and
/// `strip_colors` removes every colour from each frame instead.
pub fn enter(monochrome: bool) -> io::Result<(DefaultTerminal, Guard)> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        previous(info);
    }));
    if monochrome {
        ratatui::crossterm::style::force_color_output(true);
    }
    let terminal = ratatui::try_init()?;
    let guard = Guard;
    execute!(io::stdout(), EnableMouseCapture)?;
    Ok((terminal, guard))
}

/// Sets every cell's colours to the terminal's defaults (the `NO_COLOR` theme).
pub fn strip_colors(buf: &mut Buffer) {
    for cell in &mut buf.content {
        cell.fg = Color::Reset;
        cell.bg = Color::Reset;
    }
}
