//! The problems panel: why the last reload of the watched data was refused, each error
//! at its `file:line:col`, over the lower part of the screen while the last good data
//! stays browsable. Reads `&App` only.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use crate::text::truncate;
use crate::tui::app::App;
use crate::tui::reload::Problems;
use crate::tui::view::wrap::wrap;

/// Draws the panel at the bottom of `area` (above the status bar), at most half of it.
pub fn render(app: &App, problems: &Problems, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let want = u16::try_from(problems.lines.len() + 2).unwrap_or(u16::MAX);
    let height = want.min(area.height / 2).max(3.min(area.height));
    let rect = Rect {
        y: area.bottom().saturating_sub(height),
        height,
        ..area
    };
    let title = Line::from(vec![
        Span::styled(" Reload failed: ", theme.error),
        Span::styled(problems.summary.clone(), theme.error),
        Span::styled(" · showing the last good data; fix and save ", theme.text),
    ]);
    let block = Block::bordered().border_style(theme.error).title(title);
    let inner = block.inner(rect);
    Clear.render(rect, buf);
    block.render(rect, buf);
    let room = usize::from(inner.width);
    // Messages and hints wrap; source lines are cut, so that carets stay under them.
    let mut lines: Vec<Line> = Vec::new();
    for l in &problems.lines {
        if l.contains(": error") || l.trim_start().starts_with("= ") {
            let style = if l.contains(": error") {
                theme.title
            } else {
                theme.text
            };
            lines.extend(wrap(l, room, 0).into_iter().map(|w| Line::styled(w, style)));
        } else {
            lines.push(Line::styled(truncate(l, room).into_owned(), theme.text));
        }
        if lines.len() >= usize::from(inner.height) {
            break;
        }
    }
    Paragraph::new(lines).render(inner, buf);
}
