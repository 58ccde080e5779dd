//! The filter line (`f`): typing shows how many events the line keeps, or its mistake
//! with a hint; Enter applies a valid line (a place in the history) and keeps the filter
//! in force on a mistake; Esc closes; `F` and Esc on the main view clear it; Enter on
//! a tag filters by it. No I/O.

use super::super::action::{Action, Pane};
use super::super::app::{App, FilterInput};
use crate::filter::query;

impl App {
    /// Opens the filter line with the filter in force, to edit.
    pub(super) fn open_filter(&mut self) {
        self.filtering.input = Some(FilterInput {
            text: self.filtering.text().to_string(),
            ..FilterInput::default()
        });
        self.check_filter();
    }

    /// An action while the filter line is open.
    pub(super) fn update_filter(&mut self, action: Action) {
        let Some(input) = self.filtering.input.as_mut() else {
            return;
        };
        match action {
            Action::FilterInput(c) => input.text.push(c),
            Action::FilterBackspace => {
                input.text.pop();
            }
            Action::FilterClear => input.text.clear(),
            Action::FilterAccept => {
                self.accept_filter();
                return;
            }
            Action::FilterCancel => {
                self.filtering.input = None;
                return;
            }
            _ => return,
        }
        self.check_filter();
    }

    /// Checks the line as typed: the events it would keep, or what is wrong.
    fn check_filter(&mut self) {
        let Some(input) = self.filtering.input.as_mut() else {
            return;
        };
        match query::parse(&self.dataset, &input.text) {
            Ok(f) => {
                input.error = None;
                input.preview = Some(f.events(&self.dataset).len());
            }
            Err(e) => {
                input.error = Some(e);
                input.preview = None;
            }
        }
    }

    /// Enter: a valid line becomes the filter (a place in the history) and closes; a
    /// mistake keeps the line open with its hint, and the filter in force stays.
    fn accept_filter(&mut self) {
        let Some(input) = self.filtering.input.as_mut() else {
            return;
        };
        let f = match query::parse(&self.dataset, &input.text) {
            Ok(f) => f,
            Err(e) => {
                input.error = Some(e);
                return;
            }
        };
        let text = input.text.split_whitespace().collect::<Vec<_>>().join(" ");
        self.filtering.input = None;
        let at = if f.is_active() {
            self.filtering
                .applied
                .iter()
                .position(|(_, g)| *g == f)
                .unwrap_or_else(|| {
                    self.filtering.applied.push((text, f));
                    self.filtering.applied.len() - 1
                })
        } else {
            0
        };
        if at != self.filtering.current {
            // Backspace returns to the timeline as it was before this filter.
            self.history.push(self.place());
            self.apply_filter(at);
        }
    }

    /// Puts filter `at` (a position in `Filtering::applied`) in force, keeping the
    /// selected event or the nearest one.
    pub(super) fn apply_filter(&mut self, at: usize) {
        if at == self.filtering.current || at >= self.filtering.applied.len() {
            return;
        }
        self.refilter_keeping_event(|app| app.filtering.current = at);
    }
}

impl App {
    /// Makes `e` part of the timeline: lifts the chosen country, then the filter, if
    /// they hide it.
    pub(super) fn reveal(&mut self, e: crate::graph::EventIx) {
        if self.country().is_some() && !self.timeline_events().contains(&e) {
            self.countries.selected = 0;
            self.refilter();
        }
        if self.filtering.current != 0 && !self.timeline_events().contains(&e) {
            self.filtering.current = 0;
            self.refilter();
        }
    }

    /// After a reload: each filter applied so far means the same words on the new data
    /// (a country's index may have moved); one that no longer parses becomes no filter.
    pub(super) fn reparse_filters(&mut self) {
        let ds = self.dataset.clone();
        for (text, f) in &mut self.filtering.applied {
            *f = query::parse(&ds, text).unwrap_or_default();
        }
    }
}

impl App {
    /// Enter on the selected event's tag number `i`: the filter in force with that tag
    /// instead of its own (a place in the history, as a typed filter is).
    pub(super) fn filter_by_tag(&mut self, i: usize) {
        let Some(tag) = self
            .selected_event()
            .and_then(|e| self.dataset.graph.event(e).tags.get(i).cloned())
        else {
            return;
        };
        let mut text: Vec<&str> = self
            .filtering
            .text()
            .split_whitespace()
            .filter(|t| !t.starts_with("tag:"))
            .collect();
        let token = format!("tag:{tag}");
        text.push(&token);
        self.filtering.input = Some(FilterInput {
            text: text.join(" "),
            ..FilterInput::default()
        });
        self.accept_filter();
        // A tag that no longer parses (a word with a space) leaves the line open to edit.
        self.focus(Pane::Timeline);
    }
}
