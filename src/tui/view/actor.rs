//! The actor page over the panes: name, kind, role, country, aliases, summary and stance,
//! then what they said over time (quotes in date order, with their threads both ways),
//! the events they take part in and, for a country or bloc, its members. No I/O.

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use crate::text::{escape_controls, pad, plural, truncate};
use crate::tui::actor::{ActorPage, PageItem, events, items};
use crate::tui::app::App;
use crate::tui::theme::MARKER;
use crate::tui::view::quote::{thread_text, threads};
use crate::tui::view::render_lines;
use crate::tui::view::wrap::wrap;

/// Adds `text` wrapped to `w` columns after `indent` spaces.
fn push(out: &mut Vec<Line<'static>>, text: &str, w: usize, indent: usize, style: Style) {
    let text = escape_controls(text);
    for l in wrap(&text, w.saturating_sub(indent).max(1), 0) {
        out.push(Line::styled(format!("{}{l}", " ".repeat(indent)), style));
    }
}

/// The page's heading: who, what they are, what they stand for.
fn heading(app: &App, page: &ActorPage, w: usize, out: &mut Vec<Line<'static>>) {
    let g = &app.dataset.graph;
    let theme = &app.theme;
    let a = g.actor(page.actor);
    push(
        out,
        &format!("{} ({})", a.name, a.kind.as_str()),
        w,
        0,
        theme.title,
    );
    let mut about = String::new();
    if let Some(role) = &a.role {
        about.push_str(role);
    }
    if let Some(c) = a.country {
        if !about.is_empty() {
            about.push_str(" · ");
        }
        about.push_str(&g.actor(c).name);
    }
    if !about.is_empty() {
        push(out, &about, w, 0, theme.text);
    }
    if !a.aliases.is_empty() {
        push(
            out,
            &format!("also: {}", a.aliases.join(", ")),
            w,
            0,
            theme.dim,
        );
    }
    if let Some(s) = &a.summary {
        out.push(Line::default());
        push(out, s, w, 0, theme.text);
    }
}

/// The lines of the page at `w` columns, and the first line of each item of `items`.
pub fn lines(app: &App, page: &ActorPage, w: u16) -> (Vec<Line<'static>>, Vec<usize>) {
    let w = usize::from(w).max(1);
    let ds = &app.dataset;
    let g = &ds.graph;
    let theme = &app.theme;
    let mut out = Vec::new();
    heading(app, page, w, &mut out);
    let mut starts = Vec::new();
    let mut section = "";
    for (i, item) in items(ds, page.actor).into_iter().enumerate() {
        let selected = i == page.selected;
        let marker = if selected { MARKER } else { " " };
        let title = match item {
            PageItem::Country(_) => "Belongs to",
            PageItem::Quote(_) | PageItem::Thread { .. } => "What they said, in date order",
            PageItem::Event(_) => "Events",
            PageItem::Member(_) => "Members",
        };
        if title != section {
            section = title;
            out.push(Line::default());
            let n = match item {
                PageItem::Quote(_) | PageItem::Thread { .. } => {
                    format!(
                        " ({})",
                        plural(ds.index.quotes_by_speaker[page.actor.ix()].len(), "quote")
                    )
                }
                PageItem::Event(_) => format!(" ({})", events(ds, page.actor).len()),
                PageItem::Member(_) => format!(" ({})", ds.index.members[page.actor.ix()].len()),
                PageItem::Country(_) => String::new(),
            };
            out.push(Line::styled(format!("{title}{n}"), theme.title));
        }
        starts.push(out.len());
        let style = if selected { theme.selected } else { theme.text };
        let one_line = |text: String, style: Style| {
            let text = escape_controls(&text).into_owned();
            Line::styled(pad(&truncate(&text, w), w), style)
        };
        match item {
            PageItem::Quote(q) => {
                let quote = g.quote(q);
                let (text, lang) = match (&quote.translation, app.translate) {
                    (Some(tr), true) => (tr.as_str(), "en, translated"),
                    _ => (quote.text.as_str(), quote.lang.as_str()),
                };
                let mut body = format!("{} « {text} » ({lang})", g.quote_date(q));
                let _ = write!(body, " — {}", g.event(quote.event).title);
                let body = escape_controls(&body);
                for (n, l) in wrap(&body, w.saturating_sub(1).max(1), 0)
                    .into_iter()
                    .enumerate()
                {
                    let (m, style) = match (n, selected) {
                        (0, true) => (marker, theme.selected),
                        _ => (" ", theme.quote),
                    };
                    out.push(Line::styled(format!("{m}{l}"), style));
                }
            }
            PageItem::Thread { from, nth, .. } => {
                let text = threads(app, from)
                    .get(nth)
                    .map(|t| thread_text(app, t))
                    .unwrap_or_default();
                let style = if selected { theme.selected } else { theme.link };
                out.push(one_line(format!("{marker}    {text}"), style));
            }
            PageItem::Event(e) => {
                let ev = g.event(e);
                out.push(one_line(
                    format!("{marker}{}  {}", ev.date, ev.title),
                    style,
                ));
            }
            PageItem::Country(a) | PageItem::Member(a) => {
                let m = g.actor(a);
                let mut text = format!("{marker}{} ({})", m.name, m.kind.as_str());
                if let Some(r) = &m.role {
                    let _ = write!(text, ", {r}");
                }
                out.push(one_line(text, style));
            }
        }
    }
    (out, starts)
}

/// The event pane's actors line at `w` columns: names joined by ` · `, a name moving to
/// the next line whole when it does not fit; the one under the cursor highlighted.
pub fn actors_lines(app: &App, e: crate::graph::EventIx, w: usize) -> Vec<Line<'static>> {
    let g = &app.dataset.graph;
    let theme = &app.theme;
    let at = app.event_actor();
    let focused = app.focus == crate::tui::action::Pane::Event;
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut line: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for (i, &a) in g.event(e).actors.iter().enumerate() {
        let name = truncate(&escape_controls(&g.actor(a).name), w).into_owned();
        let nw = crate::text::width(&name);
        if used > 0 && used + 3 + nw > w {
            out.push(Line::from(std::mem::take(&mut line)));
            used = 0;
        }
        if used > 0 {
            line.push(Span::styled(" · ", theme.text));
            used += 3;
        }
        let style = match (at == Some(i), focused) {
            (true, true) => theme.selected,
            (true, false) => theme.selected_unfocused,
            _ => theme.text,
        };
        used += nw;
        line.push(Span::styled(name, style));
    }
    out.push(Line::from(line));
    out
}

/// Draws the page over the panes.
pub fn render(app: &App, page: &ActorPage, area: Rect, buf: &mut Buffer) {
    let a = app.dataset.graph.actor(page.actor);
    let back = if page.history.is_empty() {
        String::new()
    } else {
        format!(" · {} back", page.history.len())
    };
    let title = Line::from(vec![
        Span::styled(" ", app.theme.title),
        Span::styled(escape_controls(&a.name).into_owned(), app.theme.title),
        Span::styled(format!(" · {}{back} ", a.kind.as_str()), app.theme.dim),
    ]);
    let block = Block::bordered()
        .border_style(app.theme.border_focused)
        .title(title);
    let inner = block.inner(area);
    block.render(area, buf);
    let (lines, _) = lines(app, page, inner.width);
    render_lines(lines, page.scroll, inner, buf);
}
