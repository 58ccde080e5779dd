//! The top line: the app's name, the density strip of the current timeline by month
//! (first and last year around it) and the counts. No I/O.

use crate::text::plural;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::text::width;
use crate::tui::app::{App, Density};
use crate::tui::layout::Panes;

const BARS: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// Draws the header line.
pub fn render(app: &App, panes: &Panes, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let name = if panes.compact {
        " aigov ".to_string()
    } else {
        format!(" aigov · {} ", app.dataset.title)
    };
    let quotes = if app.country().is_some() {
        app.country_quotes.len()
    } else {
        app.dataset.graph.quotes.len()
    };
    let counts = format!(
        " {} · {} ",
        plural(app.timeline_events().len(), "event"),
        plural(quotes, "quote")
    );
    let d = &app.density;
    let years = if d.months.is_empty() {
        (String::new(), String::new())
    } else {
        let last = d.first_year + i32::try_from(d.months.len() / 12).unwrap_or(1) - 1;
        (format!(" {} ", d.first_year), format!(" {last} "))
    };
    let fixed = width(&name) + width(&counts) + years.0.len() + years.1.len();
    let room = usize::from(area.width).saturating_sub(fixed + 2);
    let strip = strip(d, room);
    let pad = usize::from(area.width).saturating_sub(fixed + width(&strip));
    let mut spans = vec![Span::styled(name, theme.title)];
    if strip.is_empty() {
        spans.push(Span::raw(" ".repeat(pad)));
    } else {
        spans.push(Span::raw(" ".repeat(pad / 2)));
        spans.push(Span::styled(years.0, theme.dim));
        spans.push(Span::styled(strip, theme.density));
        spans.push(Span::styled(years.1, theme.dim));
        spans.push(Span::raw(" ".repeat(pad - pad / 2)));
    }
    spans.push(Span::styled(counts, theme.dim));
    Line::from(spans).render(area, buf);
}

/// The density strip in at most `room` columns, each summing whole months.
pub fn strip(d: &Density, room: usize) -> String {
    let n = d.months.len();
    if n == 0 || room < 4 {
        return String::new();
    }
    let cols = n.min(room.min(60));
    let sums: Vec<u32> = (0..cols)
        .map(|c| d.months[c * n / cols..(c + 1) * n / cols].iter().sum())
        .collect();
    let max = sums.iter().copied().max().unwrap_or(0).max(1);
    sums.iter()
        .map(|&s| {
            if s == 0 {
                BARS[0]
            } else {
                // 1..=8, so that a single event still shows.
                BARS[1 + (s as usize - 1) * 7 / max as usize]
            }
        })
        .collect()
}
