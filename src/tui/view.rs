//! `render`: composes the header, the panes (or the compare view, or the link graph over
//! them), the status bar and the help overlay for one frame, or a one-line message when the
//! terminal is too small. Reads `&App` only.

pub mod actor;
pub mod compare;
pub mod countries;
pub mod event;
pub mod export;
pub mod filter;
pub mod graph;
pub mod header;
pub mod help;
pub mod link;
pub mod panes;
pub mod problems;
pub mod quote;
pub mod quotes;
pub mod search;
pub mod status;
pub mod timeline;
pub mod wrap;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use self::link::Hyperlink;
use super::action::Pane;
use super::app::App;
use super::layout::frame::Framed;
use super::layout::{MIN_HEIGHT, MIN_WIDTH, layout};

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    render_linked(app, frame);
}

/// Draws the whole screen, and says where it shows web addresses (for OSC 8 links).
pub fn render_linked(app: &App, frame: &mut Frame) -> Vec<Hyperlink> {
    let mut links = Vec::new();
    let area = frame.area();
    let buf = frame.buffer_mut();
    let panes = layout(area, &app.needs(area));
    if panes.too_small {
        let msg = format!(
            "Too small: aigov needs {MIN_WIDTH}×{MIN_HEIGHT} (now {}×{})",
            area.width, area.height
        );
        Paragraph::new(msg).render(
            Rect {
                height: 1.min(area.height),
                ..area
            },
            buf,
        );
        return links;
    }
    header::render(app, &panes, panes.header, buf);
    if let Some(page) = &app.actor_page {
        actor::render(app, page, panes.body, buf);
    } else if let Some(gv) = &app.graph {
        graph::render(app, gv, panes.body, buf);
    } else if let Some(cv) = &app.compare {
        compare::render(app, cv, panes.body, buf);
    } else {
        if !panes.bar.is_empty() {
            countries::render_bar(app, panes.bar, buf);
        }
        if !panes.countries.is_empty() {
            countries::render(app, panes.countries, buf);
        }
        if !panes.timeline.is_empty() {
            timeline::render(app, &panes, panes.timeline, buf);
        }
        if !panes.event.is_empty() {
            event::render(app, panes.event, buf, &mut links);
        }
        if !panes.quotes.is_empty() {
            quotes::render(app, panes.quotes, buf, &mut links);
        }
        if let Some(input) = &app.filtering.input {
            let over = if panes.timeline.is_empty() {
                panes.body
            } else {
                panes.timeline
            };
            filter::render(app, input, over, buf);
        }
    }
    status::render(app, panes.status, buf);
    if let Some(p) = &app.problems {
        let above_status = Rect {
            height: panes.status.y.saturating_sub(area.y),
            ..area
        };
        problems::render(app, p, above_status, buf);
    }
    if let Some(sb) = &app.search {
        search::render(app, sb, area, buf);
    }
    if let Some(eb) = &app.export {
        export::render(app, eb, area, buf);
    }
    if app.help {
        help::render(app, area, buf);
    }
    link::keep_shown(&mut links, buf);
    links
}

impl Framed {
    /// Draws the rule and the footer's `lines` (the views' own parts draw the rest).
    pub fn render_footer(
        rule: Rect,
        footer: Rect,
        lines: Vec<Line<'_>>,
        app: &App,
        buf: &mut Buffer,
    ) {
        if !rule.is_empty() {
            Line::styled("─".repeat(usize::from(rule.width)), app.theme.border).render(rule, buf);
        }
        render_lines(lines, 0, footer, buf);
    }
}

/// An event's date, place and actors on one line, for the footers of the views.
pub fn about(g: &crate::graph::Graph, e: crate::graph::EventIx) -> String {
    let ev = g.event(e);
    let mut out = ev.date.human();
    if let Some(place) = &ev.place {
        out.push_str(" · ");
        out.push_str(place);
    }
    let actors: Vec<&str> = ev
        .actors
        .iter()
        .map(|&a| g.actor(a).name.as_str())
        .collect();
    out.push_str(" · ");
    out.push_str(&actors.join(", "));
    out
}

/// The bordered block of a pane, its title with its number, highlighted when focused.
pub fn pane_block<'a>(app: &App, pane: Pane, extra: impl Into<Span<'a>>) -> Block<'a> {
    let focused = app.focus == pane && !app.help;
    let border = if focused {
        app.theme.border_focused
    } else {
        app.theme.border
    };
    let title = Line::from(vec![
        Span::styled(format!(" {} ", pane.number() + 1), app.theme.key),
        Span::styled(pane.title(), app.theme.title),
        extra.into(),
        Span::raw(" "),
    ]);
    Block::bordered().border_style(border).title(title)
}

/// A scrollbar on the right border of a bordered pane `area`, when `total` lines do not
/// fit in its inside.
pub fn scrollbar(total: usize, offset: usize, area: Rect, buf: &mut Buffer) {
    let h = usize::from(area.height.saturating_sub(2));
    if total <= h || h == 0 {
        return;
    }
    scrollbar_n(total, offset, h, area, buf);
}

/// A scrollbar on the right border of `area` for `total` items, `shown` of them visible
/// from `offset` on.
pub fn scrollbar_n(total: usize, offset: usize, shown: usize, area: Rect, buf: &mut Buffer) {
    use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget};
    let inner = area.inner(ratatui::layout::Margin {
        vertical: 1,
        horizontal: 0,
    });
    let h = shown.max(1);
    if inner.height == 0 || total <= h {
        return;
    }
    let mut state = ScrollbarState::new(total.saturating_sub(h))
        .position(offset.min(total.saturating_sub(h)))
        .viewport_content_length(h);
    Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .render(inner, buf, &mut state);
}

/// Renders owned lines from `scroll` on, only as many as fit.
pub fn render_lines(lines: Vec<Line<'_>>, scroll: usize, area: Rect, buf: &mut Buffer) {
    let visible: Vec<Line<'_>> = lines
        .into_iter()
        .skip(scroll)
        .take(usize::from(area.height))
        .collect();
    Paragraph::new(visible).render(area, buf);
}
