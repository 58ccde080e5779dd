//! One quote in full, for the quotes pane and the actor page: its words as printed (or
//! their translation with `t`), who said it and when, the speaker's own words with their
//! language and source, the note on translation drift, the source (publisher, date,
//! title, URL wrapped inside the pane) and the threads to other quotes both ways. No I/O.

use std::fmt::Write as _;

use ratatui::style::Style;

use crate::graph::QuoteIx;
use crate::text::escape_controls;
use crate::tui::app::App;
use crate::tui::view::link::{UrlLine, url_lines};
use crate::tui::view::wrap::wrap;

/// A thread of a quote, seen from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThreadRow<'a> {
    pub target: QuoteIx,
    /// "reaffirms", or "reaffirmed by" for a thread pointing here.
    pub label: &'static str,
    pub outgoing: bool,
    pub note: Option<&'a str>,
}

/// The threads of a quote: its own first, then those pointing at it.
pub fn threads(app: &App, q: QuoteIx) -> Vec<ThreadRow<'_>> {
    let g = &app.dataset.graph;
    let own = g.quote(q).links.iter().map(|l| ThreadRow {
        target: l.to,
        label: l.kind.label(),
        outgoing: true,
        note: l.note.as_deref(),
    });
    let back = app
        .dataset
        .index
        .quote_backlinks
        .get(q.ix())
        .into_iter()
        .flatten()
        .map(|b| ThreadRow {
            target: b.from,
            label: b.kind.reverse_label(),
            outgoing: false,
            note: g
                .quote(b.from)
                .links
                .get(b.link)
                .and_then(|l| l.note.as_deref()),
        });
    own.chain(back).collect()
}

/// A thread as one line: `→ reaffirms 2024-07-04 · Speaker: « words »`.
pub fn thread_text(app: &App, t: &ThreadRow<'_>) -> String {
    let g = &app.dataset.graph;
    let other = g.quote(t.target);
    let arrow = if t.outgoing { "→" } else { "←" };
    format!(
        "{arrow} {} {} · {}: « {} »",
        t.label,
        g.quote_date(t.target),
        g.actor(other.speaker).name,
        other.text
    )
}

/// The lines of a quote, each with its style, and the pieces of web addresses on them.
#[derive(Debug, Default)]
pub struct QuoteLines {
    pub lines: Vec<(String, Style)>,
    pub urls: Vec<UrlLine>,
}

impl QuoteLines {
    /// Adds `text` wrapped to `w` columns after `indent` spaces, controls made visible.
    fn push(&mut self, text: &str, w: usize, indent: usize, style: Style) {
        let text = escape_controls(text);
        for l in wrap(&text, w.saturating_sub(indent).max(1), 0) {
            self.lines
                .push((format!("{}{l}", " ".repeat(indent)), style));
        }
    }

    /// Adds the web address `url` on lines of its own, wrapped inside the pane (a URL is
    /// one word: `wrap` breaks it between characters), and records where it is.
    fn push_url(&mut self, url: &str, w: usize, indent: usize, style: Style) {
        let at = self.lines.len();
        for l in url_lines(url, w, indent, at, &mut self.urls) {
            self.lines.push((l, style));
        }
    }
}

/// The lines of quote `q` at `w` columns, each with its style; its threads come last.
/// Not `full`: only the words and who said them, when, where printed (a quote not
/// selected, so that several fit in the pane).
pub fn lines(app: &App, q: QuoteIx, w: usize, full: bool) -> QuoteLines {
    let g = &app.dataset.graph;
    let theme = &app.theme;
    let quote = g.quote(q);
    let mut out = QuoteLines::default();
    let (text, lang) = match (&quote.translation, app.translate) {
        (Some(tr), true) => (tr.as_str(), "en, translated"),
        _ => (quote.text.as_str(), quote.lang.as_str()),
    };
    out.push(&format!("« {text} » ({lang})"), w, 0, theme.quote);
    let speaker = g.actor(quote.speaker);
    let mut cite = format!("— {}", speaker.name);
    if let Some(role) = &speaker.role {
        let _ = write!(cite, ", {role}");
    }
    let _ = write!(cite, " · {}", g.quote_date(q).human());
    if !full {
        let _ = write!(cite, " · {}", g.source(quote.source).publisher);
        let n = threads(app, q).len();
        if n > 0 {
            let _ = write!(cite, " · {}", crate::text::plural(n, "thread"));
        }
        out.push(&cite, w, 2, theme.dim);
        return out;
    }
    out.push(&cite, w, 2, theme.dim);
    if let Some(o) = &quote.original {
        let lang = quote.original_lang.as_deref().unwrap_or("?");
        out.push(&format!("original ({lang}): « {o} »"), w, 2, theme.text);
        if let Some(s) = quote.original_source {
            source(app, s, w, 4, &mut out);
        }
    }
    if let Some(note) = &quote.note {
        out.push(&format!("note: {note}"), w, 2, theme.dim);
    }
    source(app, quote.source, w, 2, &mut out);
    for t in threads(app, q) {
        out.push(&thread_text(app, &t), w, 2, theme.link);
    }
    out
}

/// `source: Publisher · date · “title”` and its URL on lines of its own.
fn source(app: &App, s: crate::graph::SourceIx, w: usize, indent: usize, out: &mut QuoteLines) {
    let src = app.dataset.graph.source(s);
    let mut head = format!("source: {}", src.publisher);
    if let Some(d) = src.published {
        let _ = write!(head, " · {}", d.human());
    }
    let _ = write!(head, " · “{}”", src.title);
    out.push(&head, w, indent, app.theme.dim);
    if let Some(url) = &src.url {
        out.push_url(url, w, indent + 2, app.theme.link);
    }
}
