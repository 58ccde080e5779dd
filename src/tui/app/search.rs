//! The search's state: the popup (input, hits in both orders, cursor, the place to put
//! back on Esc), the worker's results for one generation, and the hits of the last
//! accepted search for `n` and `N`. No I/O.

use super::Place;
use crate::search::Hit;

/// Hits kept for the popup's list (the first screenful comes sooner, see `tui::worker`).
pub const MAX_HITS: usize = 500;
/// Up to this many records, searching runs inside `update`; above, on the worker thread.
pub const SYNC_SEARCH_LIMIT: usize = 20_000;

/// The search popup: the input, the hits so far, and the view to put back on Esc.
#[derive(Debug, Clone)]
pub struct SearchBox {
    pub input: String,
    pub hits: Vec<Hit>,
    /// How many records match (the list holds at most `MAX_HITS`).
    pub total: usize,
    pub selected: usize,
    pub offset: usize,
    /// Taken from `App::next_generation` on every edit (so it only grows, across popups
    /// and reloads); results of another generation are dropped.
    pub generation: u64,
    /// A search for the current input is still running.
    pub pending: bool,
    /// For a search without hits: the query with its unknown words corrected.
    pub suggestion: Option<String>,
    /// Hits in date order (newest first) rather than by relevance (Ctrl-S).
    pub by_date: bool,
    /// The hits in relevance order while `by_date` shows them by date.
    pub ranked: Vec<Hit>,
    /// Where the user was when the popup opened.
    pub saved: Place,
    pub saved_translate: bool,
}

impl SearchBox {
    /// Forgets the hits (both orders) and the cursor among them: they point into records
    /// that a new query or new data replaces.
    pub fn clear_hits(&mut self) {
        self.hits.clear();
        self.ranked.clear();
        self.total = 0;
        self.selected = 0;
        self.offset = 0;
    }
}

/// Results of a search, for the generation that asked.
#[derive(Debug, Clone)]
pub struct Searched {
    pub generation: u64,
    /// The data generation (`App::data_generation`) the search ran on.
    pub data: u64,
    pub hits: Vec<Hit>,
    pub total: usize,
    /// More hits are coming for this generation (the first screenful came first).
    pub partial: bool,
}

/// The hits of the last accepted search, for `n` and `N`.
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub hits: Vec<Hit>,
    pub at: usize,
}
