//! The help overlay: every binding of the keymap table, by context, in as many columns
//! as fit; it scrolls when even that is too tall. No I/O.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use crate::text::{pad, truncate};
use crate::tui::app::App;
use crate::tui::keymap::help_sections;
use crate::tui::view::render_lines;

/// Width of one column of keys.
const KEYS_W: usize = 16;
/// Width of one help column.
const COLUMN_W: usize = 46;

/// Every line of the help, in one column.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut out = Vec::new();
    for (heading, rows) in help_sections(app.mode_behind_help()) {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::styled(heading, theme.year));
        for (keys, help) in rows {
            out.push(Line::from(vec![
                Span::styled(pad(&truncate(&keys, KEYS_W - 1), KEYS_W), theme.key),
                Span::styled(help, theme.text),
            ]));
        }
    }
    out
}

/// Draws the help over the panes.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let all = lines(app);
    let max_cols = usize::from(area.width.saturating_sub(4)) / COLUMN_W;
    let cols = max_cols.clamp(1, 3);
    let rows_avail = usize::from(area.height.saturating_sub(4)).max(1);
    let per_col = all.len().div_ceil(cols).max(1);
    let cols = all.len().div_ceil(per_col).max(1);
    let col_w = (usize::from(area.width.saturating_sub(4)) / cols).clamp(1, 60);
    let w = u16::try_from(cols * col_w + 2)
        .unwrap_or(u16::MAX)
        .min(area.width);
    let h = u16::try_from(per_col.min(rows_avail) + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let popup = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    Clear.render(popup, buf);
    let title = Line::from(vec![
        Span::styled(" Keys ", app.theme.title),
        Span::styled("(Esc or ? closes) ", app.theme.dim),
    ]);
    let block = Block::bordered()
        .border_style(app.theme.border_focused)
        .title(title);
    let inner = block.inner(popup);
    block.render(popup, buf);
    let mut x = inner.x;
    for chunk in all.chunks(per_col) {
        // the width computed above, so that descriptions use the room the popup has
        let col_w = u16::try_from(col_w)
            .unwrap_or(u16::MAX)
            .min(inner.right() - x);
        // a gutter of two cells, so that a long description never runs into the next column
        let col = Rect {
            x,
            width: col_w.saturating_sub(2).max(1),
            ..inner
        };
        render_lines(chunk.to_vec(), app.help_scroll, col, buf);
        x += col_w;
        if x >= inner.right() {
            break;
        }
    }
}
