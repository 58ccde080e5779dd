//! The search popup: the input line with the count, the ranked hits (kind, date, field,
//! the matched characters highlighted in context) and a preview of the selected one
//! (where the popup goes: `layout::search`). Reads `&App` only.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};
use unicode_width::UnicodeWidthChar;

use crate::graph::{Entity, Graph};
use crate::search::Hit;
use crate::search::snippet::row as summary_row;
use crate::text::{escape_controls, pad, truncate, width};
use crate::tui::app::{App, SearchBox};
use crate::tui::layout::search::{list_rows, popup};
use crate::tui::theme::{MARKER, Theme};
use crate::tui::view::render_lines;

/// Draws the popup over the panes.
pub fn render(app: &App, sb: &SearchBox, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let g = &app.dataset.graph;
    let rect = popup(area);
    Clear.render(rect, buf);
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Line::from(vec![
            Span::styled(" Search ", theme.title),
            Span::styled(
                if sb.by_date {
                    "by date (^S) "
                } else {
                    "by relevance (^S) "
                },
                theme.title,
            ),
            Span::styled("· 'exact ^start end$ !not · q: e: a: s: ", theme.dim),
        ]));
    let inner = block.inner(rect);
    block.render(rect, buf);
    if inner.height < 5 || inner.width < 20 {
        return;
    }
    let w = usize::from(inner.width);
    // The input line, with the count on the right.
    let count = if sb.input.trim().is_empty() {
        "type to search".to_string()
    } else if sb.pending {
        format!("{} … searching", sb.total)
    } else if sb.total > sb.hits.len() {
        format!("{} of {}", sb.hits.len(), sb.total)
    } else {
        crate::text::plural(sb.total, "hit")
    };
    // The cursor is at the end of the input: past the room, the start scrolls away.
    let input = input_tail(
        &escape_controls(&sb.input),
        w.saturating_sub(width(&count) + 5),
    );
    let used = 2 + width(&input) + 1;
    let input_line = Line::from(vec![
        Span::styled("/ ", theme.key),
        Span::styled(input, theme.text),
        Span::styled(" ", theme.selected),
        Span::raw(" ".repeat(w.saturating_sub(used + width(&count)))),
        Span::styled(count, theme.dim),
    ]);
    let rows = list_rows(area);
    let mut lines = vec![input_line, Line::styled("─".repeat(w), theme.border)];
    for (i, hit) in sb.hits.iter().enumerate().skip(sb.offset).take(rows) {
        lines.push(row(g, theme, hit, i == sb.selected, w));
    }
    if sb.hits.is_empty()
        && !sb.pending
        && let Some(s) = &sb.suggestion
    {
        lines.push(Line::styled(
            escape_controls(&truncate(&format!("  no match; did you mean: {s}"), w)).into_owned(),
            theme.dim,
        ));
    }
    while lines.len() < rows + 2 {
        lines.push(Line::default());
    }
    lines.push(Line::styled("─".repeat(w), theme.border));
    if let Some(hit) = sb.hits.get(sb.selected) {
        let room = usize::from(inner.height).saturating_sub(lines.len());
        lines.extend(preview(g, theme, hit, w, room));
    }
    render_lines(lines, 0, inner, buf);
}

/// The end of `s` that fits in `w` columns (display width, so wide CJK characters count
/// twice), after a `…` when the start is cut: what the input shows of a long search.
pub fn input_tail(s: &str, w: usize) -> String {
    if width(s) <= w {
        return s.to_string();
    }
    let room = w.saturating_sub(1);
    let mut used = 0;
    let mut start = s.len();
    for (i, c) in s.char_indices().rev() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + cw > room {
            break;
        }
        used += cw;
        start = i;
    }
    // `start` comes from `char_indices`: always a character boundary.
    let tail = s.get(start..).unwrap_or_default();
    if w == 0 {
        String::new()
    } else {
        format!("…{tail}")
    }
}

/// One hit: marker, kind, date, then what the record is and the field that matched
/// (see [`row`](crate::search::snippet::row)).
fn row(g: &Graph, theme: &Theme, hit: &Hit, selected: bool, w: usize) -> Line<'static> {
    let date = hit.date.map(|d| d.to_string()).unwrap_or_default();
    let head = format!(
        "{} {:<6} {} ",
        if selected { MARKER } else { " " },
        hit.entity.kind_name(),
        pad(&date, 10),
    );
    let base = if selected { theme.selected } else { theme.text };
    let mut spans = vec![Span::styled(head.clone(), base)];
    for p in summary_row(g, hit, w.saturating_sub(width(&head))) {
        let style = if p.matched {
            base.patch(theme.matched)
        } else {
            base
        };
        spans.push(Span::styled(p.text, style));
    }
    Line::from(spans)
}

/// The selected hit: what it is, the record's main text, and the matched field, wrapped,
/// from a line that brings its first match into the `room` rows there are.
fn preview(g: &Graph, theme: &Theme, hit: &Hit, w: usize, room: usize) -> Vec<Line<'static>> {
    let id = g.id_of(hit.entity);
    let date = hit
        .date
        .map(|d| format!(" · {}", d.human()))
        .unwrap_or_default();
    let mut out = vec![Line::styled(
        format!(
            "{} {id}{date} · {}",
            hit.entity.kind_name(),
            hit.field.name()
        ),
        theme.title,
    )];
    let main = match hit.entity {
        Entity::Quote(q) => format!("— {}", g.actor(g.quote(q).speaker).name),
        Entity::Event(e) => g.event(e).title.clone(),
        Entity::Actor(a) => g.actor(a).name.clone(),
        Entity::Source(s) => format!("{} · {}", g.source(s).title, g.source(s).publisher),
    };
    if !matches!(
        hit.field,
        crate::search::Field::Title | crate::search::Field::Name
    ) {
        out.push(Line::styled(truncate(&main, w).into_owned(), theme.dim));
    }
    let (text, first_match) = wrapped(&hit.text(g), &hit.positions, w, theme);
    let room = room.saturating_sub(out.len());
    let skip = first_match.saturating_sub(room.saturating_sub(2));
    if skip > 0 {
        out.push(Line::styled("…", theme.dim));
    }
    out.extend(text.into_iter().skip(skip));
    out
}

/// `text` wrapped at spaces to `w` columns, matched characters highlighted, and the
/// index of the first line with a match.
fn wrapped(
    text: &str,
    positions: &[usize],
    w: usize,
    theme: &Theme,
) -> (Vec<Line<'static>>, usize) {
    let mut lines: Vec<Vec<(char, bool)>> = vec![Vec::new()];
    let mut used = 0;
    let mut next = 0;
    for (i, c) in text.chars().enumerate() {
        let matched = positions.get(next) == Some(&i);
        if matched {
            next += 1;
        }
        let c = if c == '\n' || crate::text::is_unsafe_char(c) {
            ' '
        } else {
            c
        };
        let cw = c.width().unwrap_or(0);
        if used + cw > w {
            // Break after the last space of the line when there is one.
            let Some(line) = lines.last_mut() else { break };
            let cut = line
                .iter()
                .rposition(|&(c, _)| c == ' ')
                .map_or(line.len(), |p| p + 1);
            let rest = line.split_off(cut);
            used = rest.iter().map(|&(c, _)| c.width().unwrap_or(0)).sum();
            lines.push(rest);
        }
        if let Some(line) = lines.last_mut() {
            line.push((c, matched));
        }
        used += cw;
    }
    let first_match = lines
        .iter()
        .position(|l| l.iter().any(|&(_, m)| m))
        .unwrap_or(0);
    let lines = lines
        .into_iter()
        .map(|l| {
            let mut spans: Vec<Span<'static>> = Vec::new();
            let mut cur = String::new();
            let mut cur_m = false;
            for (c, m) in l {
                if m != cur_m && !cur.is_empty() {
                    spans.push(styled(std::mem::take(&mut cur), cur_m, theme));
                }
                cur_m = m;
                cur.push(c);
            }
            if !cur.is_empty() {
                spans.push(styled(cur, cur_m, theme));
            }
            Line::from(spans)
        })
        .collect();
    (lines, first_match)
}

fn styled(s: String, matched: bool, theme: &Theme) -> Span<'static> {
    let style: Style = if matched { theme.matched } else { theme.text };
    Span::styled(s, style)
}
