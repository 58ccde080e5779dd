//! The filter line over the timeline (`f`): what is typed, the events it keeps, and a
//! mistake with its hint (the last valid filter stays applied meanwhile). No I/O.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use crate::text::{escape_controls, truncate, width};
use crate::tui::app::{App, FilterInput};

/// Draws the filter line over the top of `over` (the timeline).
pub fn render(app: &App, input: &FilterInput, over: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let height = if input.error.is_some() { 4 } else { 3 };
    let area = Rect {
        height: over.height.min(height),
        ..over
    };
    Clear.render(area, buf);
    let title = Line::from(vec![
        Span::styled(" Filter ", theme.title),
        Span::styled(
            "tag: from: to: country: words · Enter apply · Esc cancel ",
            theme.dim,
        ),
    ]);
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(title);
    let inner = block.inner(area);
    block.render(area, buf);
    let w = usize::from(inner.width);
    let count = input.preview.map_or_else(String::new, |n| {
        format!(" keeps {n} of {}", app.dataset.graph.events.len())
    });
    let text = escape_controls(&input.text);
    // Show the end of a long input, where the cursor is.
    let room = w.saturating_sub(width(&count) + 3);
    let shown = tail(&text, room);
    let line = Line::from(vec![
        Span::styled("> ", theme.key),
        Span::styled(shown, theme.text),
        Span::styled("▏", theme.key),
        Span::styled(count, theme.dim),
    ]);
    line.render(Rect { height: 1, ..inner }, buf);
    if let Some(e) = &input.error
        && inner.height > 1
    {
        let mut msg = escape_controls(&e.message).into_owned();
        if let Some(h) = &e.hint {
            msg.push_str("; ");
            msg.push_str(&escape_controls(h));
        }
        Line::styled(truncate(&msg, w).into_owned(), theme.error).render(
            Rect {
                y: inner.y + 1,
                height: 1,
                ..inner
            },
            buf,
        );
    }
}

/// The end of `s` in at most `w` columns.
fn tail(s: &str, w: usize) -> String {
    let mut out: Vec<char> = Vec::new();
    let mut used = 0;
    for c in s.chars().rev() {
        let cw = width(c.encode_utf8(&mut [0; 4]));
        if used + cw > w {
            break;
        }
        used += cw;
        out.push(c);
    }
    out.into_iter().rev().collect()
}
