//! The quotes pane: the quotes of the selected event (or of the chosen country), each
//! wrapped in full, with speaker, role, date and source; `t` shows the translation. No I/O.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::action::Pane;
use crate::tui::app::App;
use crate::tui::view::link::{Hyperlink, UrlLine, place};
use crate::tui::view::{pane_block, render_lines, scrollbar, scrollbar_n};

/// The lines of the pane at `w` columns, up to `max` of them: a country can have
/// thousands of quotes, and only what can be on screen is wrapped.
pub fn lines(app: &App, w: u16, max: usize) -> Vec<Line<'static>> {
    lines_and_starts(app, w, max).0
}

/// The lines of the pane at `w` columns (up to `max`), and the line each quote starts on.
pub fn lines_and_starts(app: &App, w: u16, max: usize) -> (Vec<Line<'static>>, Vec<usize>) {
    let (lines, starts, _) = build(app, w, max);
    (lines, starts)
}

/// The lines of the pane at `w` columns (up to `max`), the line each quote starts on,
/// and the pieces of web addresses on them.
fn build(app: &App, w: u16, max: usize) -> (Vec<Line<'static>>, Vec<usize>, Vec<UrlLine>) {
    let w = usize::from(w).max(1);
    let mut starts = Vec::new();
    let mut urls = Vec::new();
    let theme = &app.theme;
    let mut out = Vec::new();
    let selected = app.selected_quote();
    for (i, &q) in app.quotes().iter().enumerate() {
        if out.len() >= max {
            break;
        }
        if i > 0 {
            out.push(Line::default());
        }
        starts.push(out.len());
        // The selected quote (first the one a search or `--goto` landed on) has a bar
        // down its left side.
        let bar =
            if selected == Some(q) && (app.focus == Pane::Quotes || app.landed_quote == Some(q)) {
                "▌ "
            } else {
                ""
            };
        let bar_w = bar.chars().count();
        let w = w.saturating_sub(bar_w).max(1);
        let line = |text: String, style| {
            Line::from(vec![
                Span::styled(bar, theme.key),
                Span::styled(text, style),
            ])
        };
        // The selected quote in full while the pane has the focus; the others in short.
        let full = selected == Some(q) && app.focus == Pane::Quotes;
        let quote = super::quote::lines(app, q, w, full);
        let first = out.len();
        urls.extend(quote.urls.into_iter().map(|u| UrlLine {
            line: first + u.line,
            col: bar_w + u.col,
            ..u
        }));
        for (l, style) in quote.lines {
            out.push(line(l, style));
        }
    }
    if out.is_empty() {
        out.push(Line::styled("no quotes here", theme.dim));
    }
    (out, starts, urls)
}

/// Draws the quotes pane; the web addresses on screen go to `links`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer, links: &mut Vec<Hyperlink>) {
    let graph = &app.dataset.graph;
    let n = app.quotes().len();
    let of = if app.shows_profile() {
        app.country().map(|c| graph.actor(c).name.clone())
    } else {
        app.selected_event().map(|e| graph.event(e).date.human())
    };
    let has_translation = app
        .quotes()
        .iter()
        .any(|&q| graph.quote(q).translation.is_some());
    // The state, not the next action: what the quotes are shown in now.
    let mode = match (has_translation, app.translate) {
        (false, _) => "",
        (true, true) => " · English translation (t)",
        (true, false) => " · as printed (t)",
    };
    let at = if n > 1 {
        format!("{}/{n}", app.quote_pos() + 1)
    } else {
        n.to_string()
    };
    let extra = format!(
        " ({at}){}{mode}",
        of.map(|o| format!(" · {o}")).unwrap_or_default()
    );
    let block = pane_block(app, Pane::Quotes, Span::styled(extra, app.theme.dim));
    if n == 0 && area.height < 3 {
        // One line: the pane's title on a rule says there is nothing to read.
        let what = if app.shows_profile() {
            "country"
        } else {
            "event"
        };
        let title = Line::from(vec![
            Span::styled(" 4 ", app.theme.key),
            Span::styled("Quotes", app.theme.title),
            Span::styled(format!(" · none for this {what} "), app.theme.dim),
        ]);
        let border = if app.focus == Pane::Quotes {
            app.theme.border_focused
        } else {
            app.theme.border
        };
        ratatui::widgets::Block::new()
            .borders(ratatui::widgets::Borders::TOP)
            .border_style(border)
            .title(title)
            .render(area, buf);
        return;
    }
    let inner = block.inner(area);
    block.render(area, buf);
    let needed = app.quotes_scroll + usize::from(inner.height);
    let (shown, starts, urls) = build(app, inner.width, needed.saturating_add(1));
    let overflows = shown.len() > needed;
    render_lines(shown, app.quotes_scroll, inner, buf);
    place(&urls, app.quotes_scroll, 0, inner, links);
    if overflows || app.quotes_scroll > 0 {
        if n <= 50 {
            let total = lines(app, inner.width, usize::MAX).len();
            scrollbar(total, app.quotes_scroll, area, buf);
        } else {
            // Counted in quotes, not lines: a country's thousands of quotes are never all
            // wrapped for a frame.
            let top = starts
                .partition_point(|&s| s <= app.quotes_scroll)
                .saturating_sub(1);
            let on_screen = starts
                .iter()
                .filter(|&&s| s >= app.quotes_scroll && s < needed)
                .count();
            scrollbar_n(n, top, on_screen, area, buf);
        }
    }
}
