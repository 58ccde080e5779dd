//! The timeline pane: events in date order under year headers, each date at its precision.
//! Draws only the visible rows, so a 100k-event timeline costs one screenful. No I/O.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use std::fmt::Write as _;

use chrono::Datelike as _;

use crate::graph::date::MONTHS;
use crate::graph::{PartialDate, Precision};
use crate::text::{escape_controls, pad, truncate, width};
use crate::tui::action::Pane;
use crate::tui::app::App;
use crate::tui::app::timeline::When;
use crate::tui::layout::Panes;
use crate::tui::theme::MARKER;
use crate::tui::view::{pane_block, scrollbar};

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
    // Over a year that began above, the top row says its year and the list starts below.
    let sticky = u16::try_from(app.sticky_rows()).unwrap_or(0);
    if let Ok(pos) = at {
        let row = Rect { height: 1, ..inner };
        year_line(app, pos, true).render(row, buf);
    }
    for y in sticky..inner.height {
        let line_area = Rect {
            y: inner.y + y,
            height: 1,
            ..inner
        };
        let line = match at {
            Err(pos) => {
                if pos >= events.len() {
                    break;
                }
                at = Ok(pos);
                year_line(app, pos, false)
            }
            Ok(pos) => {
                let Some(&e) = events.get(pos) else { break };
                at = if app.view.year_starts.binary_search(&(pos + 1)).is_ok() {
                    Err(pos + 1)
                } else {
                    Ok(pos + 1)
                };
                event_line(app, e, pos, w)
            }
        };
        line.render(line_area, buf);
    }
    scrollbar(app.timeline_rows(), app.timeline.offset, area, buf);
}

/// The header of the year of the event at `pos`: its count, and how many of its events
/// are upcoming or unconfirmed (the word always fits here); `sticky` for the top row
/// over a year that began above.
fn year_line(app: &App, pos: usize, sticky: bool) -> Line<'static> {
    let theme = &app.theme;
    let events = app.timeline_events();
    let Some(&e) = events.get(pos) else {
        return Line::default();
    };
    let year = app.dataset.graph.event(e).date.year();
    let i = app.view.year_starts.partition_point(|&s| s <= pos);
    let start = i
        .checked_sub(1)
        .and_then(|i| app.view.year_starts.get(i))
        .map_or(pos, |&s| s);
    let end = next_year_start(app, pos);
    let n = end - start;
    let (soon, unconfirmed) = match app.today {
        Some(t) if year >= t.year() => app.upcoming_unconfirmed(start..end, t),
        _ => (0, 0),
    };
    let mut extra = String::new();
    if soon > 0 {
        let _ = write!(extra, " · {soon} upcoming");
    }
    if unconfirmed > 0 {
        let _ = write!(extra, " · {unconfirmed} unconfirmed");
    }
    let arrow = if sticky { " ↑" } else { "" };
    Line::from(vec![
        Span::styled(format!("{year}"), theme.year),
        Span::styled(
            format!("  {n} event{}{arrow}", if n == 1 { "" } else { "s" }),
            theme.dim,
        ),
        Span::styled(extra, theme.upcoming),
    ])
}

/// The row of the event `e` at `pos`, `w` columns wide.
fn event_line(app: &App, e: crate::graph::EventIx, pos: usize, w: usize) -> Line<'static> {
    let theme = &app.theme;
    let ev = app.dataset.graph.event(e);
    let selected = pos == app.timeline.selected;
    let marker = if selected { MARKER } else { " " };
    let date = pad(&short_date(ev.date), 5);
    let title = escape_controls(&ev.title);
    let mut text = format!("{marker} {date} {}", truncate(&title, w.saturating_sub(8)));
    let when = app.when(e);
    let word = match when {
        When::Past => "",
        When::Upcoming => " · upcoming",
        When::Unconfirmed => " · unconfirmed",
    };
    if width(&text) + width(word) <= w {
        text.push_str(word);
    }
    let style = match (selected, app.focus == Pane::Timeline, when) {
        (true, true, _) => theme.selected,
        (true, false, _) => theme.selected_unfocused,
        (false, _, When::Past) => theme.text,
        (false, _, _) => theme.upcoming,
    };
    Line::from(Span::styled(pad(&text, w), style))
}

fn next_year_start(app: &App, pos: usize) -> usize {
    let i = app.view.year_starts.partition_point(|&s| s <= pos);
    app.view
        .year_starts
        .get(i)
        .copied()
        .unwrap_or(app.timeline_events().len())
}
