//! The mouse: a click selects (on the density strip, jumps to its month), a double click
//! opens, the wheel scrolls the pane under the pointer. No I/O.

use super::super::action::{Action, Pane};
use super::super::app::App;
use super::super::view;

/// Lines a wheel notch scrolls.
const WHEEL: usize = 3;

impl App {
    pub(super) fn click(&mut self, x: u16, y: u16) {
        let panes = self.panes();
        if y == panes.header.y && !panes.header.is_empty() {
            if let Some(month) = view::header::month_at(self, &panes, x) {
                self.jump_to_month(month);
            }
            return;
        }
        if panes.bar.contains(ratatui::layout::Position { x, y }) {
            // The folded countries: open their list.
            self.focus(Pane::Countries);
            return;
        }
        let Some(pane) = panes.pane_at(x, y) else {
            return;
        };
        self.focus(pane);
        let r = panes.rect(pane);
        let Some(line) = y.checked_sub(r.y + 1).map(usize::from) else {
            return;
        };
        if line + 2 > usize::from(r.height) {
            return;
        }
        match pane {
            Pane::Countries => {
                let row = self.countries.offset + line;
                if row < self.country_rows() {
                    self.choose_country(row);
                }
            }
            Pane::Timeline => {
                let row = (self.timeline.offset + line).checked_sub(self.sticky_rows());
                if let Some(Ok(pos)) = row.and_then(|r| self.at_row(r)) {
                    self.select_event(pos);
                }
            }
            Pane::Event => {
                let width = r.width.saturating_sub(2);
                let (_, link_lines) = view::event::lines(self, width);
                let line = self.event_scroll + line;
                if let Some(i) = link_lines.iter().position(|&l| l == line) {
                    self.event_link = i;
                }
            }
            Pane::Quotes => {}
        }
    }

    /// The wheel over a pane: lists move their selection, texts scroll, three lines a
    /// notch; the pane under the pointer moves, whichever has the focus.
    pub(super) fn wheel(&mut self, x: u16, y: u16, down: bool) {
        let Some(p) = self.panes().pane_at(x, y) else {
            return;
        };
        let step = |v: usize| {
            if down {
                v.saturating_add(WHEEL)
            } else {
                v.saturating_sub(WHEEL)
            }
        };
        match p {
            Pane::Event => self.event_scroll = step(self.event_scroll),
            Pane::Quotes => self.quotes_scroll = step(self.quotes_scroll),
            Pane::Countries | Pane::Timeline => {
                let a = if down {
                    Action::MoveDown
                } else {
                    Action::MoveUp
                };
                for _ in 0..WHEEL {
                    self.in_pane(p, a);
                }
            }
        }
    }
    /// Selects the first event of month `month` (counted from January of the density's
    /// first year) or after it: a click on the density strip.
    pub(super) fn jump_to_month(&mut self, month: usize) {
        let g = &self.dataset.graph;
        let y0 = self.density.first_year;
        let key = |e: &crate::graph::EventIx| {
            let d = g.event(*e).date;
            usize::try_from(d.year() - y0).unwrap_or(0) * 12
                + d.month().map_or(0, |m| m as usize - 1)
        };
        let events = self.timeline_events();
        let pos = events
            .partition_point(|e| key(e) < month)
            .min(events.len().saturating_sub(1));
        self.focus(Pane::Timeline);
        self.select_event(pos);
    }
}
