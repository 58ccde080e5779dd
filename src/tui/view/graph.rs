//! The link graph: the neighbourhood in columns from causes (left) to responses (right),
//! each node its link label, date and title, joined by connectors; three columns that
//! follow the selection when five do not fit (where each goes: `layout::graph`); the
//! selected node in full below. Reads `&App` only.

use crate::tui::layout::frame::Framed;
use crate::tui::layout::graph::{GUTTER, Geometry};
use crate::tui::view::about;
use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use crate::graph::{Graph, PartialDate};
use crate::text::{pad, truncate, width};
use crate::tui::app::{App, GraphView};
use crate::tui::neighbourhood::{CENTRE, COLUMNS, Neighbourhood};
use crate::tui::theme::MARKER;
use crate::tui::view::wrap::wrap;

/// The heading of each column.
const HEADINGS: [&str; COLUMNS] = [
    "« 2 steps back",
    "‹ causes, earlier",
    "centre",
    "responses, later ›",
    "2 steps on »",
];

/// `date` as long as fits in `room` columns: `2025-07-26`, `2025-07`, `2025`, or nothing.
fn fitted_date(date: PartialDate, room: usize) -> String {
    let full = date.to_string();
    [10, 7, 4]
        .into_iter()
        .filter_map(|n| full.get(..n))
        .find(|s| width(s) <= room)
        .unwrap_or("")
        .to_string()
}

/// Whether a node has children shown in the column `col`.
fn has_children_in(hood: &Neighbourhood, i: usize, col: usize) -> bool {
    hood.nodes
        .iter()
        .any(|c| c.parent == Some(i) && c.col == col)
}

/// The lines of node `i`: the label line (joined to the connectors) and its title.
fn node_lines(app: &App, gv: &GraphView, geo: &Geometry, i: usize) -> Vec<Line<'static>> {
    let g = &app.dataset.graph;
    let theme = &app.theme;
    let hood = &gv.hood;
    let n = &hood.nodes[i];
    let w = usize::from(geo.col_w);
    let selected = i == gv.selected;
    let joins_right = n.col + 1 < COLUMNS
        && geo.shows(n.col + 1)
        && (n.col < CENTRE || has_children_in(hood, i, n.col + 1));
    let ev = g.event(n.event);
    let lead = if selected { MARKER } else { " " };
    // Nodes outside the filter in force are dimmed (the links stay readable).
    let outside = app.shown.is_some() && !app.filtering.filter().event(&app.dataset, n.event);
    let (label_style, date_style, title_style) = if selected {
        (theme.selected, theme.selected, theme.selected)
    } else if outside {
        (theme.dim, theme.dim, theme.dim)
    } else if i == 0 {
        (theme.link, theme.dim, theme.title)
    } else {
        (theme.link, theme.dim, theme.text)
    };
    // The label sits next to the connector: after the date on the left side, before it
    // on the right.
    let room = w.saturating_sub(width(n.label) + 3);
    let date = if i == 0 {
        fitted_date(ev.date, w.saturating_sub(2))
    } else {
        fitted_date(ev.date, room)
    };
    let label = truncate(n.label, w.saturating_sub(2)).into_owned();
    let mut parts = vec![Span::styled(lead, label_style)];
    let gap = if date.is_empty() || label.is_empty() {
        ""
    } else {
        " "
    };
    if n.col < CENTRE {
        parts.push(Span::styled(date.clone(), date_style));
        parts.push(Span::styled(gap, label_style));
        parts.push(Span::styled(label.clone(), label_style));
    } else {
        parts.push(Span::styled(label.clone(), label_style));
        parts.push(Span::styled(gap, label_style));
        parts.push(Span::styled(date.clone(), date_style));
    }
    let used = 1 + width(&date) + gap.len() + width(&label);
    let fill = if joins_right { "─" } else { " " };
    parts.push(Span::styled(
        format!(" {}", fill.repeat(w.saturating_sub(used + 1))),
        if selected {
            theme.selected
        } else {
            theme.connector()
        },
    ));
    let mut out = vec![Line::from(parts)];
    let mut title = wrap(&ev.title, w.saturating_sub(1), 0);
    if title.len() > geo.title_lines {
        title.truncate(geo.title_lines);
        if let Some(last) = title.last_mut() {
            *last = truncate(&format!("{last} …"), w.saturating_sub(1)).into_owned();
        }
    }
    while title.len() < geo.title_lines {
        title.push(String::new());
    }
    for t in title {
        out.push(Line::styled(
            format!(" {}", pad(&t, w.saturating_sub(1))),
            title_style,
        ));
    }
    out
}

/// The box-drawing character joining the given directions: up, down, left, right.
fn junction(dirs: [bool; 4]) -> &'static str {
    match (dirs[0], dirs[1], dirs[2], dirs[3]) {
        (true, true, true, true) => "┼",
        (true, true, true, false) => "┤",
        (true, true, false, true) => "├",
        (false, true, true, true) => "┬",
        (true, false, true, true) => "┴",
        (false, true, true, false) => "┐",
        (false, true, false, true) => "┌",
        (true, false, true, false) => "┘",
        (true, false, false, true) => "└",
        (false, false, _, _) => "─",
        _ => "│",
    }
}

/// Draws the connectors in the gutter right of column `a`: from each parent to its
/// children in the column farther from the centre.
fn connectors(gv: &GraphView, geo: &Geometry, a: usize, style: Style, buf: &mut Buffer) {
    let hood = &gv.hood;
    let gx = geo.col_x(a) + geo.col_w;
    // Left of the centre the parents are on the right of the gutter; right of it, left.
    let (parent_col, child_col) = if a < CENTRE { (a + 1, a) } else { (a, a + 1) };
    let h = i64::from(geo.canvas.height);
    // Each parent's children, in one pass over the nodes (a fan-in has thousands).
    let mut kids_of: Vec<(usize, i64)> = hood
        .nodes
        .iter()
        .enumerate()
        .filter_map(|(c, n)| {
            let p = n.parent?;
            let parent = hood.nodes.get(p)?;
            (parent.col == parent_col && n.col == child_col).then(|| (p, geo.slot_y(geo.slot(c))))
        })
        .collect();
    kids_of.sort_unstable();
    for group in kids_of.chunk_by(|a, b| a.0 == b.0) {
        let Some(&(p, _)) = group.first() else {
            continue;
        };
        let kids: Vec<i64> = group.iter().map(|&(_, y)| y).collect();
        let Some(&last) = kids.last() else {
            continue;
        };
        let py = geo.slot_y(geo.slot(p));
        // A band wholly above or below the canvas draws nothing.
        let first = kids.first().copied().unwrap_or(py);
        if first.min(py) > h || last.max(py) < 0 {
            continue;
        }
        let top = kids.iter().copied().min().unwrap_or(py).min(py);
        let bottom = last.max(py);
        for r in top.max(0)..=bottom.min(h - 1) {
            let at_kid = kids.binary_search(&r).is_ok();
            let at_parent = r == py;
            let (left, right) = if a < CENTRE {
                (at_kid, at_parent)
            } else {
                (at_parent, at_kid)
            };
            let y = geo.canvas.y + u16::try_from(r).unwrap_or(0);
            let cells = [
                (0, if left { "─" } else { " " }),
                (1, junction([r > top, r < bottom, left, right])),
                (2, if right { "─" } else { " " }),
            ];
            for (dx, sym) in cells {
                if let Some(cell) = buf.cell_mut(Position { x: gx + dx, y }) {
                    cell.set_symbol(sym).set_style(style);
                }
            }
        }
    }
}

/// The headings of the shown columns, with how many nodes hide on either side.
fn heading(app: &App, gv: &GraphView, geo: &Geometry) -> Line<'static> {
    let theme = &app.theme;
    let hidden = |cols: &mut dyn Iterator<Item = usize>| -> usize {
        cols.map(|c| gv.hood.column(c).len()).sum()
    };
    let before = hidden(&mut (0..geo.first));
    let after = hidden(&mut (geo.first + geo.cols..COLUMNS));
    let w = usize::from(geo.col_w);
    let mut spans = Vec::new();
    for (col, head) in HEADINGS.iter().enumerate().skip(geo.first).take(geo.cols) {
        let mut text = (*head).to_string();
        if col == geo.first && before > 0 {
            text = format!("◂{before} {text}");
        }
        if col + 1 == geo.first + geo.cols && after > 0 {
            text = format!("{text} {after}▸");
        }
        let text = truncate(&text, w).into_owned();
        let lead = w.saturating_sub(width(&text)) / 2;
        let style = if col == CENTRE {
            theme.title
        } else {
            theme.dim
        };
        spans.push(Span::styled(
            pad(&format!("{}{text}", " ".repeat(lead)), w),
            style,
        ));
        spans.push(Span::raw(" ".repeat(usize::from(GUTTER))));
    }
    spans.pop();
    Line::from(spans)
}

/// The selected node in full: title, date and actors, how it links to its parent.
fn footer(app: &App, gv: &GraphView, rows: usize, cols: usize) -> Vec<Line<'static>> {
    let g: &Graph = &app.dataset.graph;
    let theme = &app.theme;
    let hood = &gv.hood;
    let Some(n) = hood.nodes.get(gv.selected) else {
        return Vec::new();
    };
    let ev = g.event(n.event);
    let line = |s: &str, style: Style| Line::styled(pad(&truncate(s, cols), cols), style);
    let about = about(g, n.event);
    let relation = if let (Some(parent), Some(rel)) = (n.parent, n.relation()) {
        let arrow = if n.holds { "→" } else { "←" };
        let parent = &g.event(hood.nodes[parent].event);
        format!("{arrow} {rel}: {} ({})", parent.title, parent.date)
    } else {
        let direct = hood.nodes.iter().filter(|m| m.parent == Some(0)).count();
        let further = hood.nodes.len().saturating_sub(direct + 1);
        let mut text = format!("centre · {direct} linked directly, {further} two steps away");
        if let Some(&(prev, _)) = gv.history.last() {
            let _ = write!(text, " · ⌫ back to “{}”", g.event(prev).title);
        }
        text
    };
    let title = line(&ev.title, theme.title);
    let relation = line(&relation, theme.link);
    match rows {
        0 => Vec::new(),
        1 => vec![title],
        2 => vec![title, relation],
        _ => vec![title, line(&about, theme.dim), relation],
    }
}

/// Draws the link graph over the body.
pub fn render(app: &App, gv: &GraphView, body: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let g = &app.dataset.graph;
    let geo = Geometry::new(body, gv);
    let centre = &g.event(gv.hood.centre()).title;
    let title_room = usize::from(body.width).saturating_sub(20);
    let title = Line::from(vec![
        Span::styled(" Link graph ", theme.title),
        Span::styled(format!("· {} ", truncate(centre, title_room)), theme.dim),
    ]);
    Block::bordered()
        .border_style(theme.border_focused)
        .title(title)
        .render(body, buf);
    if geo.inner.is_empty() {
        return;
    }
    heading(app, gv, &geo).render(geo.heading, buf);
    for a in geo.first..geo.first + geo.cols - 1 {
        connectors(gv, &geo, a, theme.connector(), buf);
    }
    for i in 0..gv.hood.nodes.len() {
        let Some(rect) = geo.node_rect(&gv.hood, i) else {
            continue;
        };
        let skip = usize::try_from(-geo.slot_y(geo.slot(i)).min(0)).unwrap_or(0);
        crate::tui::view::render_lines(node_lines(app, gv, &geo, i), skip, rect, buf);
    }
    if gv.hood.nodes.len() == 1 && geo.canvas.height > 1 {
        let y = geo.canvas.y + u16::try_from(geo.slot_h()).unwrap_or(1);
        if y < geo.canvas.bottom() {
            Line::styled("  no links to or from this event", theme.dim).render(
                Rect {
                    y,
                    height: 1,
                    ..geo.canvas
                },
                buf,
            );
        }
    }
    let lines = footer(
        app,
        gv,
        usize::from(geo.footer.height),
        usize::from(geo.footer.width),
    );
    Framed::render_footer(geo.rule, geo.footer, lines, app, buf);
}
