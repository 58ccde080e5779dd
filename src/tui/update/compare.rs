//! The compare view's transitions: opening it near the selected event, moving through
//! time on both sides, choosing the countries, opening an event and coming back. No I/O.

use super::super::action::{Action, Pane};
use super::super::app::{App, CompareAt, CompareView, ListCursor};
use super::super::compare::{Side, default_pair};
use super::super::layout;
use super::moved;
use crate::dataset::Dataset;
use crate::graph::{ActorIx, Entity, EventIx};

impl App {
    /// Opens the compare view: China and the US (or the two most present countries), the
    /// cursor on the row nearest the selected event. Needs two countries or blocs.
    pub(super) fn open_compare(&mut self) {
        let Some((left, right)) = default_pair(&self.dataset.graph, &self.dataset.index) else {
            return;
        };
        let at = CompareAt {
            left,
            right,
            cursor: ListCursor::default(),
            side: Side::Left,
        };
        let mut view = CompareView::new(&self.dataset, at, self.filtering.filter());
        if let Some(e) = self.selected_event() {
            view.at.cursor.selected = view.layout.row_near(&self.dataset.graph, e);
            if let Some(row) = view.layout.rows.get(view.at.cursor.selected)
                && row.at(Side::Left) != Some(e)
                && row.at(Side::Right) == Some(e)
            {
                view.at.side = Side::Right;
            }
        }
        centre_cursor(&mut view, layout::compare::list_rows(self.viewport));
        self.compare = Some(view);
    }

    /// An action in the compare view.
    pub(super) fn update_compare(&mut self, action: Action) {
        let page = layout::compare::list_rows(self.viewport).max(1);
        let Some(cv) = self.compare.as_mut() else {
            return;
        };
        let rows = cv.layout.rows.len();
        let sel = cv.at.cursor.selected;
        match action {
            Action::ToggleCompare => self.compare = None,
            Action::ToggleGraph => self.open_graph(),
            Action::Follow => {
                if let Some(e) = cv.selected() {
                    self.open_event(e);
                }
            }
            Action::GoBack => self.go_back(),
            Action::MoveLeft => cv.at.side = Side::Left,
            Action::MoveRight => cv.at.side = Side::Right,
            // A year jump shows the year from its first row down.
            Action::PrevYear => {
                let starts = &cv.layout.year_starts;
                let i = starts.partition_point(|&s| s < sel);
                cv.at.cursor.selected = i.checked_sub(1).map_or(0, |i| starts[i]);
                cv.at.cursor.offset = cv.at.cursor.selected;
            }
            Action::NextYear => {
                let starts = &cv.layout.year_starts;
                let i = starts.partition_point(|&s| s <= sel);
                cv.at.cursor.selected = starts.get(i).copied().unwrap_or(sel);
                cv.at.cursor.offset = cv.at.cursor.selected;
            }
            Action::PrevCountry | Action::NextCountry => {
                self.cycle_country(action == Action::NextCountry);
            }
            Action::SwapSides => {
                let at = CompareAt {
                    left: cv.at.right,
                    right: cv.at.left,
                    side: cv.at.side.other(),
                    ..cv.at
                };
                *cv = CompareView::new(&self.dataset, at, self.filtering.filter());
            }
            Action::Click { x, y } => self.click_compare(x, y),
            Action::Scroll { down, .. } => {
                let step = if down {
                    Action::MoveDown
                } else {
                    Action::MoveUp
                };
                cv.at.cursor.selected = moved(sel, rows, || page, step);
            }
            a => cv.at.cursor.selected = moved(sel, rows, || page, a),
        }
    }

    /// Puts the next (or previous) country or bloc in the selected column, skipping the
    /// other column's; the cursor stays near the date it was at.
    fn cycle_country(&mut self, forward: bool) {
        let ds = self.dataset.clone();
        let page = layout::compare::list_rows(self.viewport);
        let Some(cv) = self.compare.as_mut() else {
            return;
        };
        let countries = &ds.index.countries;
        let (mine, other) = match cv.at.side {
            Side::Left => (cv.at.left, cv.at.right),
            Side::Right => (cv.at.right, cv.at.left),
        };
        let n = countries.len();
        let Some(from) = countries.iter().position(|&c| c == mine) else {
            return;
        };
        let Some(next) = (1..n)
            .map(|k| {
                let i = if forward { from + k } else { from + n - k };
                countries[i % n]
            })
            .find(|&c| c != other)
        else {
            return;
        };
        // The event of the column that stays keeps the cursor at its date.
        let near = cv
            .layout
            .rows
            .get(cv.at.cursor.selected)
            .and_then(|r| r.at(cv.at.side.other()))
            .or_else(|| cv.selected());
        let mut at = cv.at;
        match at.side {
            Side::Left => at.left = next,
            Side::Right => at.right = next,
        }
        let mut view = CompareView::new(&ds, at, self.filtering.filter());
        view.at.cursor.selected = near.map_or(0, |e| view.layout.row_near(&ds.graph, e));
        centre_cursor(&mut view, page);
        *cv = view;
    }

    /// A click in the compare view selects the row and the column under it.
    fn click_compare(&mut self, x: u16, y: u16) {
        let geo = layout::compare::Geometry::new(self.panes().body);
        let Some(cv) = self.compare.as_mut() else {
            return;
        };
        let list = geo.list;
        if !list.contains(ratatui::layout::Position { x, y }) {
            return;
        }
        let row = cv.at.cursor.offset + usize::from(y - list.y);
        if row < cv.layout.rows.len() {
            cv.at.cursor.selected = row;
            cv.at.side = if x < geo.gutter_x {
                Side::Left
            } else {
                Side::Right
            };
        }
    }

    /// Shows `e` in the event pane, remembering where the user was (Backspace returns):
    /// the views over the panes close, and a country filter that hides `e` is lifted.
    pub(super) fn open_event(&mut self, e: EventIx) {
        self.history.push(self.place());
        self.graph = None;
        self.compare = None;
        self.landed_quote = None;
        self.select_revealed(e);
        self.focus(Pane::Event);
    }

    /// After a reload: the compare view on the same countries and the same event, by id
    /// (China and the US again when a country has gone); closed with fewer than two.
    pub(super) fn keep_compare_by_id(&mut self, old: &Dataset) {
        let Some(cv) = self.compare.take() else {
            return;
        };
        let ds = self.dataset.clone();
        let (g, ix) = (&ds.graph, &ds.index);
        let actor = |a: ActorIx| match g.lookup(&old.graph.actor(a).id) {
            Some(Entity::Actor(n)) if ix.countries.contains(&n) => Some(n),
            _ => None,
        };
        let pair = match (actor(cv.at.left), actor(cv.at.right)) {
            (Some(l), Some(r)) if l != r => Some((l, r)),
            _ => default_pair(g, ix),
        };
        let Some((left, right)) = pair else {
            return;
        };
        let at = CompareAt {
            left,
            right,
            cursor: ListCursor::default(),
            side: cv.at.side,
        };
        let mut view = CompareView::new(&ds, at, self.filtering.filter());
        let event = cv.selected().and_then(|e| g.lookup(&old.graph.event(e).id));
        if let Some(Entity::Event(e)) = event {
            view.at.cursor.selected = view.layout.row_near(g, e);
        }
        centre_cursor(&mut view, layout::compare::list_rows(self.viewport));
        self.compare = Some(view);
    }

    /// Keeps the compare cursor in its rows and in view, the list full where it can be,
    /// with a few rows of context above and below it (none above a year's first row, so
    /// that a year jump shows the year from the top).
    pub(super) fn keep_compare_in_view(&mut self) {
        let h = layout::compare::list_rows(self.viewport);
        if let Some(cv) = self.compare.as_mut() {
            let rows = cv.layout.rows.len();
            let c = &mut cv.at.cursor;
            c.selected = c.selected.min(rows.saturating_sub(1));
            let margin = (h / 4).min(3);
            let above = if cv.layout.year_starts.binary_search(&c.selected).is_ok() {
                0
            } else {
                margin
            };
            let last = (c.selected + margin).min(rows.saturating_sub(1));
            c.offset = super::scroll::scrolled(c.offset, last, h);
            c.offset = super::scroll::scrolled(c.offset, c.selected.saturating_sub(above), h);
            c.offset = c.offset.min(rows.saturating_sub(h));
            c.offset = super::scroll::scrolled(c.offset, c.selected, h);
        }
    }
}

/// Scrolls so that the cursor is in the middle of `height` rows: the view opens with what
/// happened before and after in sight.
fn centre_cursor(view: &mut CompareView, height: usize) {
    let c = &mut view.at.cursor;
    c.offset = c.selected.saturating_sub(height / 2);
}
