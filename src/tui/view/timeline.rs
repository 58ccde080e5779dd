//! The timeline pane: events in date order under year headers, each date at its precision.
//! Draws only the visible rows, so a 100k-event timeline costs one screenful. No I/O.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::graph::{PartialDate, Precision};
use crate::text::{pad, truncate};
use crate::tui::action::Pane;
use crate::tui::app::App;
use crate::tui::layout::Panes;
use crate::tui::theme::MARKER;
use crate::tui::view::pane_block;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The date under its year header: `07-26`, `Jul`, or `—` for a year alone.
pub fn short_date(d: PartialDate) -> String {
    match (d.precision(), d.month()) {
        (Precision::Day, Some(_)) => d.to_string().get(5..).unwrap_or_default().to_string(),
        (_, Some(m)) => MONTHS
            .get(m as usize - 1)
            .copied()
            .unwrap_or("")
            .to_string(),
        _ => "—".to_string(),
    }
}

/// Draws the timeline pane.
pub fn render(app: &App, panes: &Panes, area: Rect, buf: &mut Buffer) {
    let graph = &app.dataset.graph;
    let filter = match app.country() {
        Some(c) => format!(" · {}", graph.actor(c).name),
        None => String::new(),
    };
    let extra = if panes.compact {
        format!("{filter} (1 Countries)")
    } else {
        filter
    };
    let block = pane_block(app, Pane::Timeline, Span::styled(extra, app.theme.dim));
    let inner = block.inner(area);
    block.render(area, buf);
    let theme = &app.theme;
    let w = usize::from(inner.width);
    let events = app.timeline_events();
    if events.is_empty() {
        Line::styled("  no events", theme.dim).render(inner, buf);
        return;
    }
    let Some(mut at) = app.at_row(app.timeline.offset) else {
        return;
    };
    for y in 0..inner.height {
        let line_area = Rect {
            y: inner.y + y,
            height: 1,
            ..inner
        };
        let line = match at {
            Err(pos) => {
                let Some(&e) = events.get(pos) else { break };
                let year = graph.event(e).date.year();
                let n = next_year_start(app, pos) - pos;
                at = Ok(pos);
                Line::from(vec![
                    Span::styled(format!("{year}"), theme.year),
                    Span::styled(format!("  {}", crate::text::plural(n, "event")), theme.dim),
                ])
            }
            Ok(pos) => {
                let Some(&e) = events.get(pos) else { break };
                let ev = graph.event(e);
                let selected = pos == app.timeline.selected;
                let marker = if selected { MARKER } else { " " };
                let date = pad(&short_date(ev.date), 5);
                let title_w = w.saturating_sub(8);
                let text = format!("{marker} {date} {}", truncate(&ev.title, title_w));
                let style = match (selected, app.focus == Pane::Timeline) {
                    (true, true) => theme.selected,
                    (true, false) => theme.selected_unfocused,
                    _ => theme.text,
                };
                at = if app.year_starts.binary_search(&(pos + 1)).is_ok() {
                    Err(pos + 1)
                } else {
                    Ok(pos + 1)
                };
                Line::from(Span::styled(pad(&text, w), style))
            }
        };
        line.render(line_area, buf);
    }
}

fn next_year_start(app: &App, pos: usize) -> usize {
    let i = app.year_starts.partition_point(|&s| s <= pos);
    app.year_starts
        .get(i)
        .copied()
        .unwrap_or(app.timeline_events().len())
}
