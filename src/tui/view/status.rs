//! The bottom bar: the keys of the current context, read from the keymap table. No I/O.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::text::{truncate, width};
use crate::tui::app::App;
use crate::tui::keymap::hints;

/// Draws the status bar: a one-off notice first, if any, then the hints; hints that do
/// not fit are left out whole, never cut.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    let room = usize::from(area.width);
    if let Some(notice) = &app.notice {
        let shown = truncate(notice, room.saturating_sub(1)).into_owned();
        used += width(&shown) + 2;
        spans.push(Span::styled(shown, theme.notice));
        spans.push(Span::raw("  "));
    }
    for (keys, words) in hints(app.mode()) {
        let w = width(&keys) + 1 + width(words) + 2;
        if used + w > room {
            break;
        }
        used += w;
        spans.push(Span::styled(keys, theme.key));
        spans.push(Span::styled(format!(" {words}  "), theme.text));
    }
    Line::from(spans).render(area, buf);
}
