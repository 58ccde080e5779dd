//! The compare view: a date column, the two countries' events in two columns with the
//! links between them in a middle gutter, shared events across both, and the selected
//! event's details below (where each part goes: `layout::compare`). Reads `&App` only.

use crate::graph::date::MONTHS;
use crate::tui::layout::compare::{DATE_W, Geometry};
use crate::tui::layout::frame::Framed;
use crate::tui::view::about;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use crate::graph::{EventIx, Graph, LinkKind, Precision};
use crate::text::{pad, truncate, width};
use crate::tui::app::{App, CompareView};
use crate::tui::compare::{Cells, Crossing, Side};
use crate::tui::theme::{MARKER, Theme};
use crate::tui::view::timeline::short_date;

/// The day of the month, or blanks when the date is less precise.
fn day(g: &Graph, e: EventIx) -> String {
    let d = g.event(e).date;
    match d.precision() {
        Precision::Day => short_date(d).get(3..).unwrap_or("  ").to_string(),
        _ => "  ".to_string(),
    }
}

/// What the date column says on row `i`: the year on a year's first row, the month on a
/// month's first row; both on the first row shown, so the top of the list has its date.
fn date_label(cv: &CompareView, i: usize) -> String {
    let rows = &cv.layout.rows;
    let Some(row) = rows.get(i) else {
        return String::new();
    };
    let prev = i
        .checked_sub(1)
        .filter(|_| i != cv.at.cursor.offset)
        .and_then(|p| rows.get(p));
    let new_year = prev.is_none_or(|p| p.period.year != row.period.year);
    let new_period = prev.is_none_or(|p| p.period != row.period);
    let month = row
        .period
        .month
        .and_then(|m| MONTHS.get(m as usize - 1).copied())
        .unwrap_or("");
    match (new_year, new_period) {
        (true, _) => format!("{} {month}", row.period.year),
        (false, true) => format!("     {month}"),
        _ => String::new(),
    }
}

/// One event cell: marker, day, title, cut to leave a blank column before the gutter and
/// padded to `w` columns.
fn cell(g: &Graph, e: Option<EventIx>, selected: bool, w: usize) -> String {
    let Some(e) = e else {
        return " ".repeat(w);
    };
    let marker = if selected { MARKER } else { " " };
    let text = format!("{marker}{} {}", day(g, e), g.event(e).title);
    pad(&truncate(&text, w.saturating_sub(1)), w)
}

/// A link's label in at most 11 columns, so that the narrowest gutter never cuts it
/// (the footer says it in full).
fn short_label(c: &Crossing) -> &'static str {
    match (c.kind, c.left_holds) {
        (LinkKind::RespondsTo, true) => "responds to",
        (LinkKind::RespondsTo, false) => "answered by",
        (LinkKind::FollowsUp, true) => "follows up",
        (LinkKind::FollowsUp, false) => "followed by",
        (LinkKind::PartOf, true) => "part of",
        (LinkKind::PartOf, false) => "includes",
        (LinkKind::ContrastsWith, _) => "contrasts",
        (LinkKind::Related, _) => "related",
    }
}

/// The gutter of a row: the link across, read from the left event to the right one; on a
/// row holding one end only, an arrow points up or down to the other end. Dashes join
/// a link on one row to both cells where they fit.
fn gutter(c: &Crossing, row: usize, w: usize) -> String {
    let label = short_label(c);
    if c.is_level() {
        let text = truncate(label, w.saturating_sub(2)).into_owned();
        let fill = w.saturating_sub(width(&text) + 2);
        let left = fill / 2;
        return format!("{} {text} {}", "─".repeat(left), "─".repeat(fill - left));
    }
    let text = truncate(label, w.saturating_sub(2));
    let text = if row == c.left_row {
        let arrow = if c.right_row < row { '↗' } else { '↘' };
        let t = format!("{text} {arrow}");
        format!("{}{t}", " ".repeat(w.saturating_sub(width(&t) + 1)))
    } else {
        let arrow = if c.left_row < row { '↖' } else { '↙' };
        format!(" {arrow} {text}")
    };
    pad(&truncate(&text, w), w)
}

/// The spans of list row `i`.
fn row_spans(app: &App, cv: &CompareView, geo: &Geometry, i: usize) -> Vec<Span<'static>> {
    let g = &app.dataset.graph;
    let theme = &app.theme;
    let Some(row) = cv.layout.rows.get(i) else {
        return Vec::new();
    };
    let cursor = i == cv.at.cursor.selected;
    let mut spans = vec![Span::styled(
        pad(&date_label(cv, i), usize::from(DATE_W)),
        theme.year,
    )];
    let style = |on: bool| if on { theme.selected } else { theme.text };
    match row.cells {
        Cells::Both(e) => {
            let w = usize::from(geo.left_w + geo.gutter_w + geo.right_w);
            let tag = " both ";
            let marker = if cursor { MARKER } else { " " };
            let text = format!("{marker}{} ◆ {}", day(g, e), g.event(e).title);
            let text_w = w.saturating_sub(width(tag));
            spans.push(Span::styled(
                pad(&truncate(&text, text_w), text_w),
                style(cursor),
            ));
            spans.push(Span::styled(
                truncate(tag, w).into_owned(),
                if cursor { theme.selected } else { theme.dim },
            ));
        }
        Cells::Pair { left, right } => {
            let on = |s: Side| cursor && row.event(cv.at.side) == row.at(s);
            spans.push(Span::styled(
                cell(g, left, on(Side::Left), usize::from(geo.left_w)),
                style(on(Side::Left) && left.is_some()),
            ));
            let gw = usize::from(geo.gutter_w);
            let text = cv.layout.gutter.get(i).copied().flatten().map_or_else(
                || " ".repeat(gw),
                |k| gutter(&cv.layout.crossings[k], i, gw),
            );
            spans.push(Span::styled(text, theme.connector()));
            spans.push(Span::styled(
                cell(g, right, on(Side::Right), usize::from(geo.right_w)),
                style(on(Side::Right) && right.is_some()),
            ));
        }
    }
    spans
}

/// The column headings: the two countries, the selected column marked.
fn heading(app: &App, cv: &CompareView, geo: &Geometry) -> Line<'static> {
    let g = &app.dataset.graph;
    let theme = &app.theme;
    let head = |side: Side, w: u16| {
        let (actor, count) = match side {
            Side::Left => (cv.at.left, cv.layout.counts[0]),
            Side::Right => (cv.at.right, cv.layout.counts[1]),
        };
        let on = cv.cursor_side() == Some(side);
        let marker = if on { MARKER } else { " " };
        let text = format!("{marker}   {} ({count})", g.actor(actor).name);
        let style = if on { theme.key } else { theme.title };
        Span::styled(pad(&truncate(&text, usize::from(w)), usize::from(w)), style)
    };
    let gw = usize::from(geo.gutter_w);
    let links = truncate("links", gw);
    let lpad = gw.saturating_sub(width(&links)) / 2;
    Line::from(vec![
        Span::styled(pad("", usize::from(DATE_W)), theme.dim),
        head(Side::Left, geo.left_w),
        Span::styled(pad(&format!("{}{links}", " ".repeat(lpad)), gw), theme.dim),
        head(Side::Right, geo.right_w),
    ])
}

/// The selected event below the list: title, date and actors, its links across.
fn footer(app: &App, cv: &CompareView, rows: usize, cols: usize) -> Vec<Line<'static>> {
    let g = &app.dataset.graph;
    let theme = &app.theme;
    let Some(e) = cv.selected() else {
        return vec![Line::styled("no events for either side", theme.dim)];
    };
    let ev = g.event(e);
    let about = about(g, e);
    let mut crossings: Vec<&Crossing> = cv.layout.crossings_of(e).collect();
    // The link on the event's own row first: the one the gutter shows beside it.
    crossings.sort_by_key(|c| !c.is_level());
    let across: Vec<String> = crossings
        .into_iter()
        .map(|c| {
            let (other, holds) = if c.left == e {
                (c.right, c.left_holds)
            } else {
                (c.left, !c.left_holds)
            };
            let label = if holds {
                c.kind.label()
            } else {
                c.kind.reverse_label()
            };
            let arrow = if holds { "→" } else { "←" };
            format!(
                "{arrow} {label}: {} ({})",
                g.event(other).title,
                g.event(other).date
            )
        })
        .collect();
    let line = |s: &str, style: Style| Line::styled(pad(&truncate(s, cols), cols), style);
    let title = line(&ev.title, theme.title);
    let links = (!across.is_empty()).then(|| line(&across.join("   "), theme.link));
    match (rows, links) {
        (0, _) => Vec::new(),
        (1, _) => vec![title],
        (2, Some(l)) => vec![title, l],
        (2, None) => vec![title, line(&about, theme.dim)],
        (_, l) => [title, line(&about, theme.dim)]
            .into_iter()
            .chain(l)
            .collect(),
    }
}

/// Draws the compare view over the body.
pub fn render(app: &App, cv: &CompareView, body: Rect, buf: &mut Buffer) {
    let theme: &Theme = &app.theme;
    let g = &app.dataset.graph;
    let geo = Geometry::new(body);
    let title = Line::from(vec![
        Span::styled(" Compare ", theme.title),
        Span::styled(
            format!(
                "· {} {} only · {} {} only · {} both ◆ ",
                cv.layout.counts[0],
                g.actor(cv.at.left).name,
                cv.layout.counts[1],
                g.actor(cv.at.right).name,
                cv.layout.counts[2]
            ),
            theme.dim,
        ),
    ]);
    Block::bordered()
        .border_style(theme.border_focused)
        .title(title)
        .render(body, buf);
    if geo.inner.is_empty() {
        return;
    }
    heading(app, cv, &geo).render(geo.heading, buf);
    if cv.layout.rows.is_empty() {
        Line::styled("  no events for either side", theme.dim).render(geo.list, buf);
    }
    for y in 0..geo.list.height {
        let i = cv.at.cursor.offset + usize::from(y);
        if i >= cv.layout.rows.len() {
            break;
        }
        let area = Rect {
            y: geo.list.y + y,
            height: 1,
            ..geo.list
        };
        Line::from(row_spans(app, cv, &geo, i)).render(area, buf);
    }
    // The list's scrollbar runs down the right border beside it.
    let beside = Rect {
        y: geo.list.y.saturating_sub(1),
        height: geo.list.height + 2,
        ..body
    };
    crate::tui::view::scrollbar_n(
        cv.layout.rows.len(),
        cv.at.cursor.offset,
        usize::from(geo.list.height),
        beside,
        buf,
    );
    let lines = footer(
        app,
        cv,
        usize::from(geo.footer.height),
        usize::from(geo.footer.width),
    );
    Framed::render_footer(geo.rule, geo.footer, lines, app, buf);
}
