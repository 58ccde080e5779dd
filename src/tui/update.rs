//! The user's actions (`App::update`, in `update::msg`, takes them with the runtime's
//! messages): every state transition, each kind in a file of its own below; keeping each
//! selection in view is `update::scroll`. Geometry comes from `layout`; how many lines a
//! pane's content takes comes from `view`, which draws it (scrolling follows what is
//! drawn). No I/O.

use ratatui::layout::Rect;

use super::action::{Action, Effect, Pane};
use super::app::App;

pub use self::msg::Msg;

/// Lines a page key moves, at least.
const MIN_PAGE: usize = 1;

impl App {
    /// Applies one action of the user.
    fn act(&mut self, action: Action) -> Effect {
        if !matches!(action, Action::Resize { .. }) {
            self.notice = None;
        }
        match action {
            Action::Quit => return Effect::Quit,
            Action::Suspend => return Effect::Suspend,
            // Esc never quits: it closes, returns, or clears the filter.
            Action::Escape if !self.help => {
                if !self.return_to_compare() && self.filtering.current != 0 {
                    self.apply_filter(0);
                }
            }
            Action::Escape | Action::ToggleHelp => {
                self.help = !self.help;
                self.help_scroll = 0;
            }
            Action::Resize { width, height } => {
                self.viewport = Rect::new(0, 0, width, height);
                // Lines rewrap: keep the selected quote where the reader is.
                if self.focus == Pane::Quotes
                    && let Some(q) = self.selected_quote()
                {
                    self.scroll_to_quote(q);
                }
            }
            _ if self.help => self.update_help(action),
            _ if self.export.is_some() => return self.update_export(action),
            _ if self.filtering.input.is_some() => self.update_filter(action),
            Action::ToggleMouse => {
                self.mouse = !self.mouse;
                self.notice = Some(if self.mouse {
                    "mouse on: click, wheel and double-click work here".into()
                } else {
                    "mouse off: the terminal selects text; m turns it back on".into()
                });
                return Effect::Mouse(self.mouse);
            }
            Action::ToggleTranslation => self.translate = !self.translate,
            _ if self.search.is_some() => {
                if action == Action::SearchAccept {
                    self.actor_page = None;
                }
                let effect = self.update_search(action);
                self.keep_in_view();
                return effect;
            }
            // Search works over the views too; Esc comes back to them.
            Action::OpenSearch => self.open_search(),
            _ if self.actor_page.is_some() => return self.update_actor(action),
            // Over the views, a double click selects and opens: the compare view opens
            // the event, the graph centres on the node.
            Action::DoubleClick { x, y } if self.graph.is_some() || self.compare.is_some() => {
                self.act(Action::Click { x, y });
                return self.act(Action::Follow);
            }
            _ if self.graph.is_some() => self.update_graph(action),
            _ if self.compare.is_some() => self.update_compare(action),
            Action::ToggleCompare => self.open_compare(),
            Action::OpenFilter => self.open_filter(),
            Action::ClearFilter => self.apply_filter(0),
            Action::ToggleZoom => self.zoom = !self.zoom,
            Action::ToggleGraph => self.open_graph(),
            Action::OpenExport => self.open_export(self.timeline_filter()),
            Action::NextHit => self.step_hit(true),
            Action::PrevHit => self.step_hit(false),
            Action::FocusNext => self.focus(next(self.focus, 1)),
            Action::FocusPrev => self.focus(next(self.focus, 3)),
            Action::Focus(p) => self.focus(p),
            Action::GoBack => self.go_back(),
            Action::Copy => return self.copy_citation(),
            Action::CycleCiteFormat => self.cycle_cite_format(),
            Action::OpenSource => return self.open_source(),
            Action::Click { x, y } => self.click(x, y),
            Action::DoubleClick { x, y } => {
                self.click(x, y);
                if matches!(self.focus, Pane::Timeline | Pane::Event) {
                    self.in_pane(self.focus, Action::Follow);
                }
            }
            Action::Scroll { x, y, down } => self.wheel(x, y, down),
            _ => self.in_pane(self.focus, action),
        }
        self.keep_in_view();
        Effect::None
    }

    fn page(&self, pane: Pane) -> usize {
        usize::from(self.panes().rect(pane).height.saturating_sub(3)).max(MIN_PAGE)
    }

    pub(super) fn focus(&mut self, pane: Pane) {
        if (self.focus == Pane::Countries) != (pane == Pane::Countries) {
            self.quotes_scroll = 0;
        }
        self.focus = pane;
    }

    fn update_help(&mut self, action: Action) {
        match action {
            Action::MoveDown => self.help_scroll += 1,
            Action::MoveUp => self.help_scroll = self.help_scroll.saturating_sub(1),
            _ => {}
        }
    }

    /// An action that means something different in each pane.
    fn in_pane(&mut self, pane: Pane, action: Action) {
        match pane {
            Pane::Countries => {
                if action == Action::Follow {
                    match self.country() {
                        Some(c) => self.open_actor(c, None),
                        None => self.focus(Pane::Timeline),
                    }
                } else {
                    let rows = self.country_rows();
                    let to = moved(self.countries.selected, rows, || self.page(pane), action);
                    self.choose_country(to);
                }
            }
            Pane::Timeline => {
                let n = self.timeline_events().len();
                let to = match action {
                    Action::Follow => {
                        self.focus(Pane::Event);
                        return;
                    }
                    Action::PrevYear => {
                        let i = self
                            .view
                            .year_starts
                            .partition_point(|&s| s < self.timeline.selected);
                        i.checked_sub(1).map_or(0, |i| self.view.year_starts[i])
                    }
                    Action::NextYear => {
                        let i = self
                            .view
                            .year_starts
                            .partition_point(|&s| s <= self.timeline.selected);
                        self.view
                            .year_starts
                            .get(i)
                            .copied()
                            .unwrap_or(self.timeline.selected)
                    }
                    a => moved(self.timeline.selected, n, || self.page(pane), a),
                };
                self.select_event(to);
            }
            Pane::Event => {
                let links = self.links().len();
                let tags = self
                    .selected_event()
                    .filter(|_| !self.shows_profile())
                    .map_or(0, |e| self.dataset.graph.event(e).tags.len());
                let n = links + tags;
                match action {
                    Action::Follow => match self.event_actor() {
                        Some(i) => {
                            self.open_event_actor(i);
                        }
                        None if self.event_link >= links => {
                            self.filter_by_tag(self.event_link - links);
                        }
                        None => {
                            self.follow();
                        }
                    },
                    Action::PageDown => self.event_scroll += self.page(pane),
                    Action::PageUp => {
                        self.event_scroll = self.event_scroll.saturating_sub(self.page(pane));
                    }
                    Action::Top => {
                        self.event_link = 0;
                        self.event_scroll = 0;
                    }
                    Action::FocusPrev => self.focus(next(self.focus, 3)),
                    Action::MoveUp | Action::MoveDown => self.step_event_cursor(action),
                    a => self.event_link = moved(self.event_link, n, || 1, a),
                }
            }
            Pane::Quotes => match action {
                Action::Follow => {
                    if let Some(q) = self.selected_quote() {
                        self.open_actor(self.dataset.graph.quote(q).speaker, Some(q));
                    }
                }
                Action::MoveDown => self.step_quote(self.quote_pos() + 1),
                Action::MoveUp => self.step_quote(self.quote_pos().saturating_sub(1)),
                Action::PageDown => self.quotes_scroll += self.page(pane),
                Action::PageUp => {
                    self.quotes_scroll = self.quotes_scroll.saturating_sub(self.page(pane));
                }
                // The selected quote is scrolled into view from its first line.
                Action::Top => self.step_quote(0),
                Action::Bottom => self.step_quote(usize::MAX),
                Action::FocusPrev => self.focus(next(self.focus, 3)),
                _ => {}
            },
        }
    }

    /// Selects the event at `pos` in the timeline; a new selection starts at its first
    /// link, scrolled to the top.
    pub(super) fn select_event(&mut self, pos: usize) {
        if pos != self.timeline.selected {
            self.timeline.selected = pos;
            self.event_link = 0;
            self.event_scroll = 0;
            self.quotes_scroll = 0;
        }
    }

    /// Selects the event at `pos` afresh, even where it is already selected (the
    /// timeline under the cursor changed).
    pub(super) fn reselect_event(&mut self, pos: usize) {
        self.timeline.selected = usize::MAX;
        self.select_event(pos);
    }

    /// Selects event `e`, lifting the chosen country and the filter where they hide it.
    pub(super) fn select_revealed(&mut self, e: crate::graph::EventIx) {
        self.reveal(e);
        let pos = self.position_near(e);
        self.reselect_event(pos);
    }

    /// Changes what the timeline shows (`change`, then `refilter`), keeping the selected
    /// event selected, or the nearest one when it is gone.
    pub(super) fn refilter_keeping_event(&mut self, change: impl FnOnce(&mut Self)) {
        let before = self.selected_event();
        change(self);
        self.refilter();
        let pos = before.map_or(0, |e| self.position_near(e));
        self.reselect_event(pos);
    }

    /// Chooses a countries-pane row, keeping the selected event (or the nearest one).
    pub(super) fn choose_country(&mut self, row: usize) {
        if row == self.countries.selected {
            return;
        }
        self.refilter_keeping_event(|app| app.countries.selected = row);
        self.quotes_scroll = 0;
    }

    /// The position of `e` in the current timeline, or of the first event after it.
    pub(super) fn position_near(&self, e: crate::graph::EventIx) -> usize {
        let pos = &self.dataset.index.timeline_pos;
        let target = pos[e.ix()];
        let events = self.timeline_events();
        events
            .partition_point(|x| pos[x.ix()] < target)
            .min(events.len().saturating_sub(1))
    }

    /// Follows the selected link, remembering where we were.
    fn follow(&mut self) {
        let Some(target) = self.links().get(self.event_link).map(|l| l.target) else {
            return;
        };
        self.history.push(self.place());
        self.select_revealed(target);
    }

    /// Returns to the place before the last followed link.
    fn go_back(&mut self) {
        if let Some(place) = self.history.pop() {
            self.restore(place);
            self.reopen_page();
        }
    }

    /// Esc on an event opened from the compare view: back to that view (the places
    /// visited since are dropped from the history). False when not opened from it.
    fn return_to_compare(&mut self) -> bool {
        let Some(i) = self.history.iter().rposition(|p| p.compare.is_some()) else {
            return false;
        };
        let place = self.history[i];
        self.history.truncate(i);
        self.restore(place);
        true
    }

    /// Puts the view back to a place.
    pub(super) fn restore(&mut self, place: crate::tui::app::Place) {
        self.landed_quote = None;
        self.graph = None;
        // The filter first: the compare view is laid out with it.
        let filter_changed = place.filter != self.filtering.current;
        self.filtering.current = place.filter;
        match (place.compare, self.compare.as_mut()) {
            (None, _) => self.compare = None,
            (Some(at), Some(cv))
                if (cv.at.left, cv.at.right) == (at.left, at.right) && !filter_changed =>
            {
                cv.at = at;
            }
            (Some(at), _) => {
                let cv =
                    crate::tui::app::CompareView::new(&self.dataset, at, self.filtering.filter());
                self.compare = Some(cv);
            }
        }
        let refilter = place.countries.selected != self.countries.selected || filter_changed;
        self.focus = place.focus;
        self.countries = place.countries;
        if refilter {
            self.refilter();
        }
        self.timeline = place.timeline;
        self.event_link = place.event_link;
        self.event_scroll = place.event_scroll;
        self.quotes_scroll = place.quotes_scroll;
    }
}

/// The pane after `pane`, `by` steps on in focus order.
fn next(pane: Pane, by: usize) -> Pane {
    Pane::ALL[(pane.number() + by) % Pane::ALL.len()]
}

/// A list selection after a movement action; `page`, the rows a page moves, is asked
/// only by a page up or down (it may need the panes laid out).
pub(super) fn moved(
    selected: usize,
    len: usize,
    page: impl FnOnce() -> usize,
    action: Action,
) -> usize {
    let last = len.saturating_sub(1);
    match action {
        Action::MoveUp => selected.saturating_sub(1),
        Action::MoveDown => (selected + 1).min(last),
        Action::PageUp => selected.saturating_sub(page()),
        Action::PageDown => (selected + page()).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        _ => selected,
    }
}

mod actor;
mod compare;
mod export;
mod filter;
mod graph;
mod mouse;
mod msg;
mod quotes;
mod reload;
mod scroll;
mod search;
#[cfg(test)]
mod tests;
