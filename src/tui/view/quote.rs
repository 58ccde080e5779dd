//! One quote in full, for the quotes pane and the actor page: its words as printed (or
//! their translation with `t`), who said it and when, the speaker's own words with their
//! language and source, the note on translation drift, the source (publisher, date,
//! title, URL wrapped inside the pane) and the threads to other quotes both ways. No I/O.

use std::fmt::Write as _;

use ratatui::style::Style;

use crate::graph::QuoteIx;
use crate::text::escape_controls;
use crate::tui::app::App;
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

/// The lines of quote `q` at `w` columns, each with its style; its threads come last.
/// Not `full`: only the words and who said them, when, where printed (a quote not
/// selected, so that several fit in the pane).
pub fn lines(app: &App, q: QuoteIx, w: usize, full: bool) -> Vec<(String, Style)> {
    let g = &app.dataset.graph;
    let theme = &app.theme;
    let quote = g.quote(q);
    let mut out = Vec::new();
    let mut push = |text: &str, indent: usize, style: Style| {
        let text = escape_controls(text);
        for l in wrap(&text, w.saturating_sub(indent).max(1), 0) {
            out.push((format!("{}{l}", " ".repeat(indent)), style));
        }
    };
    let (text, lang) = match (&quote.translation, app.translate) {
        (Some(tr), true) => (tr.as_str(), "en, translated"),
        _ => (quote.text.as_str(), quote.lang.as_str()),
    };
    push(&format!("« {text} » ({lang})"), 0, theme.quote);
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
        push(&cite, 2, theme.dim);
        return out;
    }
    push(&cite, 2, theme.dim);
    if let Some(o) = &quote.original {
        let lang = quote.original_lang.as_deref().unwrap_or("?");
        push(&format!("original ({lang}): « {o} »"), 2, theme.text);
        if let Some(s) = quote.original_source {
            source(app, s, 4, &mut push);
        }
    }
    if let Some(note) = &quote.note {
        push(&format!("note: {note}"), 2, theme.dim);
    }
    source(app, quote.source, 2, &mut push);
    for t in threads(app, q) {
        push(&thread_text(app, &t), 2, theme.link);
    }
    out
}

/// `source: Publisher · date · “title”` and its URL on lines of its own.
fn source(
    app: &App,
    s: crate::graph::SourceIx,
    indent: usize,
    push: &mut impl FnMut(&str, usize, Style),
) {
    let src = app.dataset.graph.source(s);
    let mut head = format!("source: {}", src.publisher);
    if let Some(d) = src.published {
        let _ = write!(head, " · {}", d.human());
    }
    let _ = write!(head, " · “{}”", src.title);
    push(&head, indent, app.theme.dim);
    if let Some(url) = &src.url {
        // A URL is one word: `wrap` breaks it between characters inside the pane.
        push(url, indent + 2, app.theme.link);
    }
}
