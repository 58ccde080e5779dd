//! The countries pane: "All" and every country or bloc with its number of events; the
//! chosen one narrows the timeline and the quotes. No I/O.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::text::{pad, truncate};
use crate::tui::action::Pane;
use crate::tui::app::App;
use crate::tui::theme::MARKER;
use crate::tui::view::pane_block;

/// Draws the countries pane.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let block = pane_block(app, Pane::Countries, "");
    let inner = block.inner(area);
    block.render(area, buf);
    let theme = &app.theme;
    let w = usize::from(inner.width);
    let rows = app.country_rows();
    let first = app.countries.offset.min(rows);
    let last = (first + usize::from(inner.height)).min(rows);
    for (y, row) in (first..last).enumerate() {
        let name = match row.checked_sub(1) {
            None => "All",
            Some(i) => &app.dataset.graph.actor(app.dataset.index.countries[i]).name,
        };
        let count = app.country_count(row).to_string();
        let selected = row == app.countries.selected;
        let marker = if selected { MARKER } else { " " };
        let name_w = w.saturating_sub(count.len() + 3);
        let text = format!("{marker} {} {count}", pad(&truncate(name, name_w), name_w));
        let style = match (selected, app.focus == Pane::Countries) {
            (true, true) => theme.selected,
            (true, false) => theme.selected_unfocused,
            _ => theme.text,
        };
        let line_area = Rect {
            y: inner.y + u16::try_from(y).unwrap_or(0),
            height: 1,
            ..inner
        };
        Line::from(Span::styled(text, style)).render(line_area, buf);
    }
    crate::tui::view::scrollbar(rows, app.countries.offset, area, buf);
}

/// Draws the countries folded into one line: each with its count, the chosen one marked;
/// the row scrolls so that the chosen one shows. `1` opens the list.
pub fn render_bar(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let room = usize::from(area.width);
    let label = |row: usize| {
        let name = match row.checked_sub(1) {
            None => "All",
            Some(i) => &app.dataset.graph.actor(app.dataset.index.countries[i]).name,
        };
        format!(" {} {} ", truncate(name, 24), app.country_count(row))
    };
    let lead = vec![
        Span::styled(" 1 ", theme.key),
        Span::styled("Countries", theme.title),
        Span::raw(" "),
    ];
    let mut used: usize = lead.iter().map(|s| crate::text::width(&s.content)).sum();
    let mut spans = lead;
    let rows = app.country_rows();
    let sel = app.countries.selected.min(rows.saturating_sub(1));
    // Start far enough back that the chosen one fits with what precedes it.
    let mut first = 0;
    let mut w: usize = (first..=sel)
        .map(|r| crate::text::width(&label(r)) + 1)
        .sum();
    while first < sel && used + w > room.saturating_sub(2) {
        w -= crate::text::width(&label(first)) + 1;
        first += 1;
    }
    if first > 0 {
        spans.push(Span::styled("…", theme.dim));
        used += 1;
    }
    for row in first..rows {
        let text = label(row);
        let tw = crate::text::width(&text);
        if used + tw + 1 > room {
            spans.push(Span::styled("…", theme.dim));
            break;
        }
        used += tw + 1;
        let style = if row == sel {
            if app.focus == Pane::Countries {
                theme.selected
            } else {
                theme.selected_unfocused
            }
        } else {
            theme.text
        };
        spans.push(Span::styled(text, style));
        spans.push(Span::raw(" "));
    }
    Line::from(spans).render(area, buf);
}
