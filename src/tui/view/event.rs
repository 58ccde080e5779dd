//! The event pane: the selected event in full (date, place, actors, links both ways,
//! summary, tags, sources, quotes), or the chosen country's profile while the countries
//! pane has the focus. No I/O.

use crate::text::plural;
use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::text::{escape_controls, pad, truncate, width};
use crate::tui::action::Pane;
use crate::tui::app::App;
use crate::tui::app::timeline::When;
use crate::tui::theme::MARKER;
use crate::tui::view::link::{Hyperlink, UrlLine, place, push_url};
use crate::tui::view::wrap::{self, wrap};
use crate::tui::view::{pane_block, render_lines, scrollbar};

/// Adds `text` wrapped to `w` columns in `style`, each line after `indent` spaces.
fn push_wrapped(out: &mut Vec<Line<'static>>, text: &str, w: usize, indent: usize, style: Style) {
    for l in wrap(text, w.saturating_sub(indent), 0) {
        out.push(Line::styled(format!("{}{l}", " ".repeat(indent)), style));
    }
}

/// The lines of the pane at `w` columns, and the line of each link (in `App::links` order).
pub fn lines(app: &App, w: u16) -> (Vec<Line<'static>>, Vec<usize>) {
    let b = build(app, w, usize::MAX);
    (b.lines, b.link_lines)
}

/// How many lines the pane holds at `w` columns, and the line of each link: a country's
/// profile is counted without building its lines (a country may have thousands of people).
pub fn measure(app: &App, w: u16) -> (usize, Vec<usize>) {
    let b = build(app, w, 0);
    (b.total, b.link_lines)
}

/// The pane's content at some width.
struct Built {
    /// Its lines; a profile's only up to the `max` given to [`build`].
    lines: Vec<Line<'static>>,
    /// How many lines it has in all.
    total: usize,
    /// The line of each link, in `App::links` order.
    link_lines: Vec<usize>,
    /// The pieces of web addresses on the lines.
    urls: Vec<UrlLine>,
}

/// The content of the pane at `w` columns; a profile's lines are built up to `max`, and
/// only counted past it.
fn build(app: &App, w: u16, max: usize) -> Built {
    let w = usize::from(w).max(1);
    if app.shows_profile() {
        let (lines, total) = profile(app, w, max);
        return Built {
            lines,
            total,
            link_lines: Vec::new(),
            urls: Vec::new(),
        };
    }
    let (lines, link_lines, urls) = event_lines(app, w);
    Built {
        total: lines.len(),
        lines,
        link_lines,
        urls,
    }
}

/// The selected event's lines at `w` columns, the line of each link and the pieces of web
/// addresses on them.
fn event_lines(app: &App, w: usize) -> (Vec<Line<'static>>, Vec<usize>, Vec<UrlLine>) {
    let mut urls = Vec::new();
    let graph = &app.dataset.graph;
    let theme = &app.theme;
    let mut out = Vec::new();
    let Some(e) = app.selected_event() else {
        out.push(Line::styled("no event", theme.dim));
        return (out, Vec::new(), urls);
    };
    let ev = graph.event(e);
    push_wrapped(&mut out, &ev.title, w, 0, theme.title);
    let mut when = ev.date.human();
    if let Some(end) = ev.end {
        let _ = write!(when, " – {}", end.human());
    }
    if let Some(place) = &ev.place {
        let _ = write!(when, " · {place}");
    }
    let status = match app.when(e) {
        When::Past => None,
        When::Upcoming => Some(" · upcoming"),
        When::Unconfirmed => Some(" · unconfirmed (scheduled, not reported since)"),
    };
    if let Some(s) = status {
        when.push_str(s);
    }
    push_wrapped(&mut out, &when, w, 0, theme.dim);
    out.extend(super::actor::actors_lines(app, e, w));
    let mut link_lines = Vec::new();
    let links = push_links(app, &mut out, &mut link_lines, w);
    if let Some(summary) = &ev.summary {
        out.push(Line::default());
        push_wrapped(&mut out, summary, w, 0, theme.text);
    }
    if !ev.tags.is_empty() {
        out.push(Line::default());
        push_tags(app, &ev.tags, links, &mut out, &mut link_lines, w);
    }
    if !ev.sources.is_empty() {
        out.push(Line::default());
        out.push(Line::styled("Sources", theme.title));
        for &s in &ev.sources {
            let src = graph.source(s);
            let mut head = format!("• {}", src.publisher);
            if let Some(d) = src.published {
                let _ = write!(head, " · {}", d.human());
            }
            push_wrapped(&mut out, &head, w, 0, theme.text);
            push_wrapped(&mut out, &src.title, w, 2, theme.dim);
            if let Some(url) = &src.url {
                push_url(&mut out, &mut urls, url, w, 2, theme.link);
            }
        }
    }
    let quotes = &app.dataset.index.quotes_by_event[e.ix()];
    if !quotes.is_empty() {
        out.push(Line::default());
        let n = quotes.len();
        push_wrapped(
            &mut out,
            &format!("{}, in the Quotes pane (4)", plural(n, "quote")),
            w,
            0,
            theme.quote,
        );
    }
    (out, link_lines, urls)
}

/// The selected event's links, one line each; their lines go to `items`. Returns how
/// many there are.
fn push_links(app: &App, out: &mut Vec<Line<'static>>, items: &mut Vec<usize>, w: usize) -> usize {
    let links = app.links();
    if links.is_empty() {
        return 0;
    }
    let theme = &app.theme;
    out.push(Line::default());
    // A link is one line: only those the pane can show are formatted, so a fan-in of
    // thousands costs a blank line each (the selected one always, for the cursor).
    let shown = app.event_scroll..app.event_scroll + usize::from(app.viewport.height);
    for (i, l) in links.iter().enumerate() {
        let selected = i == app.event_link && app.event_actor().is_none();
        if !selected && !shown.contains(&out.len()) {
            items.push(out.len());
            out.push(Line::default());
            continue;
        }
        let marker = if selected { MARKER } else { " " };
        let arrow = if l.outgoing { "→" } else { "←" };
        let title = escape_controls(&app.dataset.graph.event(l.target).title);
        let text = format!("{marker}{arrow} {}: {title}", l.label);
        let style = match (selected, app.focus == Pane::Event) {
            (true, true) => theme.selected,
            (true, false) => theme.selected_unfocused,
            _ => theme.link,
        };
        items.push(out.len());
        out.push(Line::styled(pad(&truncate(&text, w), w), style));
    }
    links.len()
}

/// The event's tags, wrapped as words; each can be selected after the `first` links
/// (Enter filters the timeline by it), and its line goes to `items`.
fn push_tags(
    app: &App,
    tags: &[String],
    first: usize,
    out: &mut Vec<Line<'static>>,
    items: &mut Vec<usize>,
    w: usize,
) {
    let theme = &app.theme;
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for (i, t) in tags.iter().enumerate() {
        let tag = format!("#{}", escape_controls(t));
        let tw = width(&tag);
        if used > 0 && used + 1 + tw > w {
            out.push(Line::from(std::mem::take(&mut spans)));
            used = 0;
        }
        if used > 0 {
            spans.push(Span::raw(" "));
            used += 1;
        }
        let style = match (first + i == app.event_link, app.focus == Pane::Event) {
            (true, true) => theme.selected,
            (true, false) => theme.selected_unfocused,
            _ => theme.dim,
        };
        items.push(out.len());
        spans.push(Span::styled(truncate(&tag, w).into_owned(), style));
        used += tw.min(w);
    }
    out.push(Line::from(spans));
}

/// The chosen country's profile: name, stance, its people.
fn profile(app: &App, w: usize, max: usize) -> (Vec<Line<'static>>, usize) {
    let graph = &app.dataset.graph;
    let theme = &app.theme;
    let mut out = Vec::new();
    let Some(country) = app.country() else {
        return (out, 0);
    };
    let a = graph.actor(country);
    push_wrapped(
        &mut out,
        &format!("{} ({})", a.name, a.kind.as_str()),
        w,
        0,
        theme.title,
    );
    let n = app.timeline_events().len();
    push_wrapped(
        &mut out,
        &format!(
            "{} · {}",
            plural(n, "event"),
            plural(app.view.quotes.len(), "quote")
        ),
        w,
        0,
        theme.dim,
    );
    if let Some(s) = &a.summary {
        out.push(Line::default());
        push_wrapped(&mut out, s, w, 0, theme.text);
    }
    // Measured once per country by the index: past what shows, each person's lines are
    // counted from the widths of its words, the text not read again.
    let people = app.dataset.index.people(graph, country);
    if !people.actors.is_empty() {
        out.push(Line::default());
        out.push(Line::styled("People", theme.title));
        let line = |p: &crate::graph::Actor| match &p.role {
            Some(r) => format!("• {}, {r}", p.name),
            None => format!("• {}", p.name),
        };
        let mut past = 0;
        for (i, &m) in people.actors.iter().enumerate() {
            if out.len() < max {
                push_wrapped(&mut out, &line(graph.actor(m)), w, 0, theme.text);
                continue;
            }
            past += people
                .words(i)
                .and_then(|(name, role)| wrap::count(line_words(name, role), w))
                .unwrap_or_else(|| wrap::wrap(&line(graph.actor(m)), w, 0).len());
        }
        let total = out.len() + past;
        return (out, total);
    }
    let total = out.len();
    (out, total)
}

/// The widths of the words of a person's line, "• name, role", from those of its name
/// and role: the bullet, the name's (the comma on its last when a role follows), the
/// role's.
fn line_words<'a>(name: &'a [u32], role: Option<&'a [u32]>) -> impl Iterator<Item = usize> + 'a {
    let comma = usize::from(role.is_some());
    let last = name.len().saturating_sub(1);
    std::iter::once(width("•"))
        .chain(
            name.iter()
                .enumerate()
                .map(move |(j, &w)| w as usize + if j == last { comma } else { 0 }),
        )
        .chain(role.unwrap_or_default().iter().map(|&w| w as usize))
}

/// Draws the event pane.
/// The web addresses on screen go to `links`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer, links: &mut Vec<Hyperlink>) {
    let extra = if app.shows_profile() {
        " · profile".to_string()
    } else {
        let n = app.links().len();
        if n == 0 {
            String::new()
        } else {
            format!(" · {}", plural(n, "link"))
        }
    };
    let block = pane_block(app, Pane::Event, Span::styled(extra, app.theme.dim));
    let inner = block.inner(area);
    block.render(area, buf);
    let b = build(
        app,
        inner.width,
        app.event_scroll + usize::from(inner.height),
    );
    let total = b.total;
    render_lines(b.lines, app.event_scroll, inner, buf);
    place(&b.urls, app.event_scroll, 0, inner, links);
    scrollbar(total, app.event_scroll, area, buf);
    let below = total.saturating_sub(app.event_scroll + usize::from(inner.height));
    if below > 0 && area.height > 2 {
        // Long text says that more follows, on the bottom border.
        let more = format!(" ↓ {below} more line{} ", if below == 1 { "" } else { "s" });
        let more_w = u16::try_from(crate::text::width(&more)).unwrap_or(u16::MAX);
        let x = area.x + area.width.saturating_sub(more_w.saturating_add(2));
        buf.set_string(x, area.bottom() - 1, more, app.theme.dim);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::sync::Arc;

    use super::*;
    use crate::dataset::Dataset;
    use crate::load::Origin;
    use crate::tui::action::Action;
    use crate::tui::theme::Theme;

    /// The profile of each country counted past what shows has as many lines as built
    /// whole, at widths narrow and wide.
    fn assert_profiles_counted_as_built(ds: Dataset) {
        let mut app = App::new(Arc::new(ds), Theme::default(), Rect::new(0, 0, 120, 40));
        app.update(Action::Focus(Pane::Countries));
        for _ in 0..app.dataset.index.countries.len() {
            app.update(Action::MoveDown);
            assert!(app.shows_profile());
            for w in [1, 6, 9, 14, 23, 40, 80] {
                let (all, _) = lines(&app, w);
                assert_eq!(measure(&app, w).0, all.len(), "width {w}");
                for max in [0, 5, 12] {
                    let part = build(&app, w, max);
                    assert_eq!(part.total, all.len(), "width {w}");
                    assert_eq!(part.lines, all[..part.lines.len()], "width {w}");
                }
            }
        }
    }

    #[test]
    fn a_profile_counted_past_what_shows_has_as_many_lines_as_one_built_whole() {
        let spec = crate::synth::Spec {
            events: 3000,
            quotes: 10,
        };
        // People whose lines wrap oddly: spaces, line breaks, words wider than the pane.
        let mut text = crate::synth::generate(spec);
        let odd = [
            ("odd-1", "A  name ", "role"),
            ("odd-2", "Two\\nlines", "a role"),
            ("odd-3", "Name", "a\\nrole over lines"),
            ("odd-4", "Nobody", ""),
            (
                "odd-5",
                "人工智能治理人工智能治理",
                "la gouvernance de l’IA",
            ),
            ("odd-6", "https://example.org/a-very-long-address", "x"),
        ];
        for (id, name, role) in odd {
            let _ = write!(
                text,
                "\n[[actor]]\nid = \"{id}\"\nname = \"{name}\"\nkind = \"person\"\ncountry = \"cn\"\nrole = \"{role}\"\n"
            );
        }
        let ds = crate::dataset::from_toml(text);
        let odd_people = ds.graph.actors.iter().filter(|a| a.id.starts_with("odd-"));
        assert_eq!(odd_people.count(), odd.len());
        assert_profiles_counted_as_built(ds);
        assert_profiles_counted_as_built(Dataset::load(&Origin::Bundled).unwrap().unwrap());
    }
}
