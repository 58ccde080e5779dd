//! `App`: all UI state (focus, cursors, the chosen country, history, overlay, viewport,
//! theme) and read-only queries on it. Changed only by `update` (`tests/architecture.rs`
//! fails on a field written elsewhere). No I/O.

use std::sync::Arc;

use ratatui::layout::Rect;

use super::action::Pane;
use super::compare::Side;
use super::export::ExportBox;
use super::keymap::Mode;
use super::reload::Problems;
use super::theme::Theme;
use crate::dataset::Dataset;
use crate::graph::{ActorIx, EventIx, QuoteIx};
use crate::index::TimelineView;

pub use self::search::{Found, MAX_HITS, SYNC_SEARCH_LIMIT, SearchBox, Searched};
pub use self::timeline::{FilterInput, Filtering};
pub use self::views::{CompareView, GraphView};

mod search;
pub mod timeline;
mod views;

/// A selection in a list and the first visible row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCursor {
    pub selected: usize,
    pub offset: usize,
}

/// Where the user was: what Backspace returns to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub focus: Pane,
    pub countries: ListCursor,
    pub timeline: ListCursor,
    pub event_link: usize,
    pub event_scroll: usize,
    pub quotes_scroll: usize,
    /// The compare view, when it was open.
    pub compare: Option<CompareAt>,
    /// The filter then: a position in `Filtering::applied`.
    pub filter: usize,
}

/// Where the compare view is: its two countries, the row and the column of the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompareAt {
    pub left: ActorIx,
    pub right: ActorIx,
    /// `selected` and `offset` are rows of `Compare::rows`.
    pub cursor: ListCursor,
    pub side: Side,
}

/// A link of the selected event, seen from it.
#[derive(Debug, Clone, Copy)]
pub struct LinkRow<'a> {
    pub target: EventIx,
    /// "responds to", or "responded to by" for a link pointing here.
    pub label: &'static str,
    pub outgoing: bool,
    pub note: Option<&'a str>,
}

/// Events per month of the current timeline, for the density strip.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Density {
    pub first_year: i32,
    /// One count per month from January of `first_year`.
    pub months: Vec<u32>,
}

/// The state of the explorer.
// Its switches (help, translation, zoom, mouse) are independent, each with its own key.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone)]
pub struct App {
    pub dataset: Arc<Dataset>,
    pub theme: Theme,
    /// The whole terminal, as of the last resize.
    pub viewport: Rect,
    pub focus: Pane,
    pub help: bool,
    pub help_scroll: usize,
    /// Quotes shown in English translation where there is one.
    pub translate: bool,
    /// Row 0 is "All"; row `i` is `index.countries[i - 1]`.
    pub countries: ListCursor,
    /// `selected` is a position in `timeline()`; `offset` is a row (year headers count).
    pub timeline: ListCursor,
    pub event_link: usize,
    pub event_scroll: usize,
    pub quotes_scroll: usize,
    pub history: Vec<Place>,
    /// What the timeline shows, as the last refilter worked it out: where each year
    /// begins in `timeline()`, the events per month, the chosen country's quotes in
    /// timeline order, and where the scheduled and unconfirmed events are.
    pub view: TimelineView,
    pub density: Density,
    /// The search popup, while open.
    pub search: Option<SearchBox>,
    /// The last accepted search.
    pub found: Found,
    /// The quote the last jump landed on, marked in the quotes pane.
    pub landed_quote: Option<QuoteIx>,
    /// The compare view, while open.
    pub compare: Option<CompareView>,
    /// The link graph, while open (over the compare view when both are).
    pub graph: Option<GraphView>,
    /// The export prompt, while open.
    pub export: Option<ExportBox>,
    /// Why the last reload of the watched data was refused; shown until a reload works.
    pub problems: Option<Problems>,
    /// A one-off message for the status bar ("reloaded"), cleared by the next key.
    pub notice: Option<String>,
    /// Up to this many records, searching runs inside `update` (`SYNC_SEARCH_LIMIT`;
    /// tests set 0 to drive the worker's path).
    pub sync_search_limit: usize,
    /// The generation the next search edit takes: it only grows.
    pub next_generation: u64,
    /// The quote selected in the quotes pane (the first shown when it is not there).
    pub quote_sel: Option<QuoteIx>,
    /// How `y` writes a citation.
    pub cite_format: crate::cite::CiteFormat,
    /// The text to copy or the address to open, for `Effect::Copy` and `Effect::Open`.
    pub outbox: Option<String>,
    /// The actor page, while open (over the panes).
    pub actor_page: Option<super::actor::ActorPage>,
    /// Pages left by Enter on one of their items, with the history depth they were left
    /// at: Backspace back to that depth reopens them.
    pub pages_behind: Vec<(usize, super::actor::ActorPage)>,
    /// The actor selected in the event pane's actors line, for that event.
    pub event_actor: Option<(EventIx, usize)>,
    /// Bumped by every reload that replaces the data; results computed on older data
    /// are dropped.
    pub data_generation: u64,
    /// The focused pane has the whole body (`z`).
    pub zoom: bool,
    /// The filter line (`f`) and the filters applied so far (see `Filtering`).
    pub filtering: Filtering,
    /// The timeline when a filter is active (the chosen country's events that pass it).
    pub shown: Option<Vec<EventIx>>,
    /// Events per countries-pane row under the filter (`None`: no filter).
    pub counts: Option<Vec<usize>>,
    /// The countries pane's width for its widest row, borders included.
    pub countries_w: u16,
    /// The widest title of the data, in columns (at most 100).
    pub title_w: u16,
    /// Today, as the runtime read it at start: later events are drawn as upcoming.
    pub today: Option<chrono::NaiveDate>,
    /// The mouse is captured (`m` gives it back to the terminal for selecting text).
    pub mouse: bool,
}

impl App {
    /// An explorer on `dataset`, showing everything, the first event selected.
    pub fn new(dataset: Arc<Dataset>, theme: Theme, viewport: Rect) -> Self {
        let mut app = Self {
            dataset,
            theme,
            viewport,
            focus: Pane::Timeline,
            help: false,
            help_scroll: 0,
            translate: false,
            countries: ListCursor::default(),
            timeline: ListCursor::default(),
            event_link: 0,
            event_scroll: 0,
            quotes_scroll: 0,
            history: Vec::new(),
            view: TimelineView::default(),
            density: Density::default(),
            search: None,
            found: Found::default(),
            landed_quote: None,
            compare: None,
            graph: None,
            export: None,
            problems: None,
            notice: None,
            sync_search_limit: SYNC_SEARCH_LIMIT,
            next_generation: 1,
            data_generation: 0,
            zoom: false,
            filtering: Filtering::default(),
            shown: None,
            counts: None,
            countries_w: 0,
            title_w: 0,
            today: None,
            mouse: true,
            quote_sel: None,
            cite_format: crate::cite::CiteFormat::Plain,
            outbox: None,
            actor_page: None,
            pages_behind: Vec::new(),
            event_actor: None,
        };
        app.refilter();
        app.measure_titles();
        app
    }

    /// What keys mean now.
    pub fn mode(&self) -> Mode {
        if self.help {
            Mode::Help
        } else {
            self.mode_behind_help()
        }
    }

    /// What keys would mean with the help overlay closed.
    pub fn mode_behind_help(&self) -> Mode {
        if self.export.is_some() {
            Mode::Export
        } else if self.search.is_some() {
            Mode::Search
        } else if self.filtering.input.is_some() {
            Mode::Filter
        } else if self.actor_page.is_some() {
            Mode::Actor
        } else if self.graph.is_some() {
            Mode::Graph
        } else if self.compare.is_some() {
            Mode::Compare
        } else {
            Mode::Browse(self.focus)
        }
    }

    /// The search the runtime should run: generation and input.
    pub fn search_request(&self) -> Option<(u64, String)> {
        self.search
            .as_ref()
            .filter(|s| s.pending)
            .map(|s| (s.generation, s.input.clone()))
    }

    /// The chosen country or bloc, if any.
    pub fn country(&self) -> Option<ActorIx> {
        self.countries
            .selected
            .checked_sub(1)
            .and_then(|i| self.dataset.index.countries.get(i).copied())
    }

    /// Rows of the countries pane ("All" and each country).
    pub fn country_rows(&self) -> usize {
        self.dataset.index.countries.len() + 1
    }

    /// The selected event.
    pub fn selected_event(&self) -> Option<EventIx> {
        self.timeline_events().get(self.timeline.selected).copied()
    }

    /// The actor selected in the event pane's actors line, if the cursor is there.
    pub fn event_actor(&self) -> Option<usize> {
        let e = self.selected_event()?;
        self.event_actor
            .filter(|&(at, i)| at == e && i < self.dataset.graph.event(e).actors.len())
            .map(|(_, i)| i)
    }

    /// Whether the event pane shows the chosen country's profile instead of an event.
    pub fn shows_profile(&self) -> bool {
        self.focus == Pane::Countries && self.country().is_some()
    }

    /// Links of the selected event: its own first, then those pointing at it.
    pub fn links(&self) -> Vec<LinkRow<'_>> {
        self.selected_event()
            .map_or_else(Vec::new, |e| self.links_of(e))
    }

    /// Links of an event: its own first, then those pointing at it.
    pub fn links_of(&self, e: EventIx) -> Vec<LinkRow<'_>> {
        let g = &self.dataset.graph;
        let own = g.event(e).links.iter().map(|l| LinkRow {
            target: l.to,
            label: l.kind.label(),
            outgoing: true,
            note: l.note.as_deref(),
        });
        let back = self.dataset.index.backlinks[e.ix()]
            .iter()
            .map(|b| LinkRow {
                target: b.from,
                label: b.kind.reverse_label(),
                outgoing: false,
                note: g.event(b.from).links[b.link].note.as_deref(),
            });
        own.chain(back).collect()
    }

    /// The quotes the quotes pane shows: the chosen country's while its pane has the
    /// focus, else the selected event's.
    pub fn quotes(&self) -> &[QuoteIx] {
        if self.shows_profile() {
            return &self.view.quotes;
        }
        self.selected_event()
            .map_or(&[], |e| &self.dataset.index.quotes_by_event[e.ix()])
    }

    /// The row of the timeline where the event at `pos` is drawn.
    pub fn row_of(&self, pos: usize) -> usize {
        pos + self.view.year_starts.partition_point(|&s| s <= pos)
    }

    /// Rows of the timeline, year headers included.
    pub fn timeline_rows(&self) -> usize {
        self.timeline_events().len() + self.view.year_starts.len()
    }

    /// What is drawn at timeline row `row`: `Err(pos)` a year header above the event at
    /// `pos`, `Ok(pos)` the event at `pos`.
    pub fn at_row(&self, row: usize) -> Option<Result<usize, usize>> {
        if row >= self.timeline_rows() {
            return None;
        }
        // The first event whose row is at or after `row`.
        let n = self.timeline_events().len();
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = usize::midpoint(lo, hi);
            if self.row_of(mid) < row {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if lo < n && self.row_of(lo) == row {
            Some(Ok(lo))
        } else {
            Some(Err(lo))
        }
    }

    /// Where the user is now, for the history.
    pub fn place(&self) -> Place {
        Place {
            focus: self.focus,
            countries: self.countries,
            timeline: self.timeline,
            event_link: self.event_link,
            event_scroll: self.event_scroll,
            quotes_scroll: self.quotes_scroll,
            compare: self.compare.as_ref().map(|c| c.at),
            filter: self.filtering.current,
        }
    }
}
