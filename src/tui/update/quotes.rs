//! Quotes one by one: selecting a quote in the quotes pane, copying a citation (`y`,
//! `Y` for the format) and opening a source (`o`). The runtime does the copying and the
//! opening (`Effect::Copy`, `Effect::Open`); this only decides what. No I/O.

use crate::cite::{self, safe_url};
use crate::graph::{EventIx, QuoteIx};
use crate::tui::action::{Effect, Pane};
use crate::tui::app::App;
use crate::tui::view;

impl App {
    /// The quote selected in the quotes pane: the chosen one when it is shown, else the
    /// one a jump landed on, else the first.
    pub fn selected_quote(&self) -> Option<QuoteIx> {
        let quotes = self.quotes();
        [self.quote_sel, self.landed_quote]
            .into_iter()
            .flatten()
            .find(|q| quotes.contains(q))
            .or_else(|| quotes.first().copied())
    }

    /// The position of the selected quote in `quotes()`.
    pub fn quote_pos(&self) -> usize {
        self.selected_quote()
            .and_then(|q| self.quotes().iter().position(|&x| x == q))
            .unwrap_or(0)
    }

    /// Selects the quote at position `to` (the last when past it) and scrolls it into view.
    pub(super) fn step_quote(&mut self, to: usize) {
        let n = self.quotes().len();
        let Some(&q) = self.quotes().get(to.min(n.saturating_sub(1))) else {
            return;
        };
        self.quote_sel = Some(q);
        self.scroll_to_quote(q);
    }

    /// The lines of the quotes pane quote `q` takes: first, and one past its last.
    pub(super) fn quote_lines(&self, q: QuoteIx) -> Option<(usize, usize)> {
        let pos = self.quotes().iter().position(|&x| x == q)?;
        let width = self.panes().rect(Pane::Quotes).width.saturating_sub(2);
        let (lines, starts) = view::quotes::lines_and_starts(self, width, usize::MAX);
        let start = starts.get(pos).copied().unwrap_or(0);
        // The blank line before the next quote is not part of this one.
        let end = starts
            .get(pos + 1)
            .map_or(lines.len(), |&s| s.saturating_sub(1));
        Some((start, end))
    }

    /// Scrolls the quotes pane so that quote `q` shows, from its first line when it fits.
    pub(super) fn scroll_to_quote(&mut self, q: QuoteIx) {
        let Some((start, end)) = self.quote_lines(q) else {
            return;
        };
        let height = usize::from(self.panes().rect(Pane::Quotes).height.saturating_sub(2));
        if start < self.quotes_scroll || end - start > height {
            self.quotes_scroll = start;
        } else if end > self.quotes_scroll + height {
            self.quotes_scroll = end.saturating_sub(height);
        }
    }

    /// The event whose citation `y` copies outside the quotes pane.
    fn cited_event(&self) -> Option<EventIx> {
        if self.shows_profile() {
            return None;
        }
        self.selected_event()
    }

    /// `y`: the selected quote's citation in the quotes pane, else the event's.
    pub(super) fn copy_citation(&mut self) -> Effect {
        let g = &self.dataset.graph;
        let fmt = self.cite_format;
        let (what, text) = match (self.focus, self.selected_quote(), self.cited_event()) {
            (Pane::Quotes, Some(q), _) => ("quote", cite::quote(g, q, fmt)),
            (_, _, Some(e)) => ("event", cite::event(g, e, fmt)),
            _ => {
                self.notice = Some("nothing to copy here: select a quote or an event".into());
                return Effect::None;
            }
        };
        self.copy_text(what, text)
    }

    /// Hands a citation to the runtime for the clipboard, and says what it was.
    pub(super) fn copy_text(&mut self, what: &str, text: String) -> Effect {
        self.notice = Some(format!(
            "copied the {what}'s citation ({}, {} characters) · Y: another format",
            self.cite_format.as_str(),
            text.chars().count()
        ));
        self.outbox = Some(text);
        Effect::Copy
    }

    /// `Y`: the next citation format.
    pub(super) fn cycle_cite_format(&mut self) {
        self.cite_format = self.cite_format.next();
        self.notice = Some(format!(
            "citations are copied as {} now (y copies)",
            self.cite_format.as_str()
        ));
    }

    /// `o`: the address of the selected quote's source (or of its original's), else of
    /// the selected event's first source that has one. Only an http(s) address is ever
    /// handed on.
    pub(super) fn open_source(&mut self) -> Effect {
        let g = &self.dataset.graph;
        let url_of = |s| g.source(s).url.as_deref().and_then(safe_url);
        let found = match (self.focus, self.selected_quote(), self.cited_event()) {
            (Pane::Quotes, Some(q), _) => {
                let quote = g.quote(q);
                url_of(quote.source).or_else(|| quote.original_source.and_then(url_of))
            }
            (_, _, Some(e)) => g.event(e).sources.iter().find_map(|&s| url_of(s)),
            _ => None,
        };
        let found = found.map(str::to_string);
        self.open_url(found.as_deref())
    }

    /// Hands `url` to the runtime to open, or says there is none here.
    pub(super) fn open_url(&mut self, url: Option<&str>) -> Effect {
        let Some(url) = url.map(str::to_string) else {
            self.notice = Some("no web address to open here".into());
            return Effect::None;
        };
        self.notice = Some(format!("opening {url}"));
        self.outbox = Some(url);
        Effect::Open
    }
}
