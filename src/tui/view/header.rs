//! The top line: the app's name, the density strip of the current timeline by month (runs
//! of empty years folded to `…`, the selected event's cell marked), the filter's chips and
//! the counts ("12 of 132 events"). `strip_cells` is shared with mouse hit-testing. No I/O.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::text::{escape_controls, width};
use crate::tui::app::{App, Density};
use crate::tui::layout::Panes;

const BARS: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// Empty years in a row from which the strip folds them into `…`.
const FOLD_YEARS: usize = 3;

/// One cell of the density strip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// A year label or a fold (` 2017 `, ` … `).
    Text(String),
    /// Months `from..to` (counted from January of `Density::first_year`), drawn at `level`
    /// (0–8).
    Bar {
        from: usize,
        to: usize,
        level: usize,
    },
}

/// The parts of the header line, left to right, and where the strip starts.
struct Parts {
    name: String,
    strip_x: u16,
    cells: Vec<Cell>,
    chips: String,
    counts: String,
}

fn parts(app: &App, compact: bool, area: Rect) -> Parts {
    let name = if compact {
        " aigov ".to_string()
    } else {
        format!(" aigov · {} ", escape_controls(&app.dataset.title))
    };
    let shown = app.timeline_events().len();
    let all = app.dataset.graph.events.len();
    let quotes = if app.country().is_some() {
        app.view.quotes.len()
    } else {
        app.dataset.graph.quotes.len()
    };
    let counts = if shown == all {
        format!(" {all} events · {quotes} quotes ")
    } else {
        format!(" {shown} of {all} events ")
    };
    let chips: Vec<String> = crate::filter::query::chips(&app.dataset, app.filtering.filter())
        .iter()
        .map(|c| format!("[{}]", escape_controls(c)))
        .collect();
    let chips = if chips.is_empty() {
        String::new()
    } else {
        // The count always shows; chips that do not fit are cut (`…`).
        let room = usize::from(area.width).saturating_sub(width(&name) + width(&counts) + 2);
        format!(" {} ", crate::text::truncate(&chips.join(" "), room))
    };
    let fixed = width(&name) + width(&chips) + width(&counts);
    let room = usize::from(area.width).saturating_sub(fixed + 2);
    let cells = strip_cells(&app.density, room);
    let strip_w: usize = cells.iter().map(cell_width).sum();
    let pad = usize::from(area.width).saturating_sub(fixed + strip_w);
    let strip_x = area.x + u16::try_from(width(&name) + pad / 2).unwrap_or(u16::MAX);
    Parts {
        name,
        strip_x,
        cells,
        chips,
        counts,
    }
}

fn cell_width(c: &Cell) -> usize {
    match c {
        Cell::Text(t) => width(t),
        Cell::Bar { .. } => 1,
    }
}

/// The months under column `x` of the header, if it is a bar of the strip.
pub fn month_at(app: &App, panes: &Panes, x: u16) -> Option<usize> {
    let p = parts(app, panes.compact, panes.header);
    let mut at = p.strip_x;
    for c in &p.cells {
        let w = u16::try_from(cell_width(c)).unwrap_or(u16::MAX);
        if x >= at && x < at.saturating_add(w) {
            return match c {
                Cell::Bar { from, .. } => Some(*from),
                Cell::Text(_) => None,
            };
        }
        at = at.saturating_add(w);
    }
    None
}

/// Draws the header line.
pub fn render(app: &App, panes: &Panes, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let p = parts(app, panes.compact, area);
    let selected = app.selected_event().map(|e| {
        let d = app.dataset.graph.event(e).date;
        usize::try_from(d.year() - app.density.first_year).unwrap_or(0) * 12
            + d.month().map_or(0, |m| m as usize - 1)
    });
    let mut spans = vec![Span::styled(p.name.clone(), theme.title)];
    let lead = usize::from(p.strip_x - area.x).saturating_sub(width(&p.name));
    spans.push(Span::raw(" ".repeat(lead)));
    let mut used = width(&p.name) + lead;
    for c in &p.cells {
        used += cell_width(c);
        spans.push(match c {
            Cell::Text(t) => Span::styled(t.clone(), theme.dim),
            Cell::Bar { from, to, level } => {
                let here = selected.is_some_and(|m| (*from..*to).contains(&m));
                let ch = if here && *level == 0 {
                    '▁'
                } else {
                    BARS[(*level).min(8)]
                };
                let style = if here {
                    theme.year.add_modifier(Modifier::REVERSED)
                } else {
                    theme.density
                };
                Span::styled(ch.to_string(), style)
            }
        });
    }
    let tail = width(&p.chips) + width(&p.counts);
    spans.push(Span::raw(
        " ".repeat(usize::from(area.width).saturating_sub(used + tail)),
    ));
    spans.push(Span::styled(p.chips, theme.key));
    spans.push(Span::styled(p.counts, theme.dim));
    Line::from(spans).render(area, buf);
}

/// The density strip in at most `room` columns: segments of years with events, runs of
/// `FOLD_YEARS` or more empty years between them folded to `…`, each segment's columns
/// summing whole months and as many as its share of the months.
pub fn strip_cells(d: &Density, room: usize) -> Vec<Cell> {
    let years = d.months.len() / 12;
    if years == 0 || room < 12 {
        return Vec::new();
    }
    let year_sum = |y: usize| d.months[y * 12..y * 12 + 12].iter().sum::<u32>();
    // Segments of years [a, b] with events at both ends.
    let mut segments: Vec<(usize, usize)> = Vec::new();
    for y in (0..years).filter(|&y| year_sum(y) > 0) {
        match segments.last_mut() {
            Some((_, b)) if y - *b <= FOLD_YEARS => *b = y,
            _ => segments.push((y, y)),
        }
    }
    let label = |y: usize| (d.first_year + i32::try_from(y).unwrap_or(0)).to_string();
    let mut labels = 0;
    for (i, &(a, b)) in segments.iter().enumerate() {
        labels += width(&label(a)) + 2 + if i > 0 { 2 } else { 0 };
        if b > a {
            labels += width(&label(b)) + 2;
        }
    }
    let bars_room = room.saturating_sub(labels).min(72);
    if bars_room < segments.len() {
        return Vec::new();
    }
    let months: usize = segments.iter().map(|(a, b)| (b - a + 1) * 12).sum();
    let mut cols: Vec<usize> = segments
        .iter()
        .map(|(a, b)| {
            if a == b && segments.len() > 1 {
                // A lone year beside a fold is one column: the room goes to the rest.
                1
            } else {
                ((b - a + 1) * 12 * bars_room / months.max(1)).clamp(1, (b - a + 1) * 12)
            }
        })
        .collect();
    // Hand out what rounding left to the longest segment.
    let spare = bars_room.saturating_sub(cols.iter().sum());
    if let Some((i, (a, b))) = segments.iter().enumerate().max_by_key(|(_, (a, b))| b - a) {
        cols[i] = (cols[i] + spare).min((b - a + 1) * 12);
    }
    let mut sums = Vec::new();
    for (&(a, b), &n) in segments.iter().zip(&cols) {
        let (m0, m1) = (a * 12, (b + 1) * 12);
        let len = m1 - m0;
        let seg: Vec<(usize, usize, u32)> = (0..n)
            .map(|c| {
                let (f, t) = (m0 + c * len / n, m0 + (c + 1) * len / n);
                (f, t, d.months[f..t].iter().sum())
            })
            .collect();
        sums.push(seg);
    }
    let max = sums.iter().flatten().map(|s| s.2).max().unwrap_or(0).max(1) as usize;
    let mut out = Vec::new();
    for (i, (&(a, b), seg)) in segments.iter().zip(sums).enumerate() {
        if i > 0 {
            out.push(Cell::Text(" …".into()));
        }
        out.push(Cell::Text(format!(" {} ", label(a))));
        for (from, to, s) in seg {
            let level = if s == 0 {
                0
            } else {
                // 1..=8, so that a single event still shows.
                1 + (s as usize - 1) * 7 / max
            };
            out.push(Cell::Bar { from, to, level });
        }
        if b > a {
            out.push(Cell::Text(format!(" {} ", label(b))));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_early_outlier_is_folded_and_recent_years_keep_the_room() {
        // One event in 1980, then a month each from 2017 to 2026.
        let mut d = Density {
            first_year: 1980,
            months: vec![0; 47 * 12],
        };
        d.months[0] = 1;
        for y in 37..47 {
            d.months[y * 12 + 5] = 1 + u32::try_from(y).unwrap_or(0) % 3;
        }
        let cells = strip_cells(&d, 80);
        let text: Vec<String> = cells
            .iter()
            .filter_map(|c| match c {
                Cell::Text(t) => Some(t.clone()),
                Cell::Bar { .. } => None,
            })
            .collect();
        assert_eq!(text, [" 1980 ", " …", " 2017 ", " 2026 "]);
        let bars = cells
            .iter()
            .filter(|c| matches!(c, Cell::Bar { .. }))
            .count();
        assert!(bars >= 50, "{bars}");
    }
}
