//! Taking in a reload of the watched data: the new dataset with the view kept where it
//! was (the chosen country and the selected event, by id), or the problems that kept the
//! last good data on screen. Every position into the old data (the search popup, the
//! place Esc puts back, the back history) is carried over by id or dropped. No I/O.

use crate::text::plural;
use std::sync::Arc;

use super::super::action::Effect;
use super::super::app::{App, CompareAt, Found, Place};
use super::super::reload::Reload;
use crate::dataset::Dataset;
use crate::graph::{ActorIx, Entity, EventIx};

/// The timeline of a country, or the whole one.
fn events_of(ds: &Dataset, c: Option<ActorIx>) -> &[EventIx] {
    match c {
        Some(c) => ds.index.events_of_country(c),
        None => &ds.index.timeline,
    }
}

impl App {
    /// Applies a reload; asks for the open search to run again on the new data.
    pub(super) fn reloaded(&mut self, reload: Reload) -> Effect {
        match reload {
            Reload::Failed(problems) => {
                self.problems = Some(problems);
                self.notice = None;
                Effect::None
            }
            Reload::Loaded(ds) => {
                self.replace_dataset(Arc::new(*ds));
                self.problems = None;
                let g = &self.dataset.graph;
                self.notice = Some(format!(
                    "data reloaded: {}, {}",
                    plural(g.events.len(), "event"),
                    plural(g.quotes.len(), "quote")
                ));
                let effect = if self.search.is_some() {
                    self.search_changed()
                } else {
                    Effect::None
                };
                self.keep_in_view();
                effect
            }
        }
    }

    /// Swaps the dataset, keeping by id what is still there.
    fn replace_dataset(&mut self, new: Arc<Dataset>) {
        let old = self.dataset.clone();
        let id = |e: Entity| old.graph.id_of(e).to_string();
        let country = self.country().map(|c| id(Entity::Actor(c)));
        let event = self.selected_event().map(|e| id(Entity::Event(e)));
        let landed = self.landed_quote.map(|q| id(Entity::Quote(q)));
        let link = self.event_link;
        self.dataset = new;
        self.data_generation += 1;
        let ds = self.dataset.clone();
        let find = |id: &Option<String>| id.as_deref().and_then(|i| ds.graph.lookup(i));
        self.countries.selected = match find(&country) {
            Some(Entity::Actor(c)) => ds
                .index
                .countries
                .iter()
                .position(|&x| x == c)
                .map_or(0, |i| i + 1),
            _ => 0,
        };
        self.reparse_filters();
        // The export prompt's filter and counts are of the old data: it closes (e again).
        self.export = None;
        self.refilter();
        self.measure_titles();
        let n = self.timeline_events().len();
        self.timeline.selected = match find(&event) {
            Some(Entity::Event(e)) => self.position_near(e),
            _ => self.timeline.selected.min(n.saturating_sub(1)),
        };
        self.event_link = link.min(self.links().len().saturating_sub(1));
        self.landed_quote = match find(&landed) {
            Some(Entity::Quote(q)) => Some(q),
            _ => None,
        };
        // The back history and the place Esc restores, carried over by id.
        let history = std::mem::take(&mut self.history);
        self.history = history.into_iter().map(|p| remap(&old, &ds, p)).collect();
        if let Some(sb) = self.search.as_mut() {
            sb.saved = remap(&old, &ds, sb.saved);
            // Hits point into the old records (their text and match positions): the
            // search runs again on the new data and fills them.
            sb.clear_hits();
        }
        self.found = Found::default();
        self.keep_compare_by_id(&old);
        self.keep_graph_by_id(&old);
        self.keep_pages_by_id(&old);
    }
}

/// A place in `old` as the same place in `new`: the country and the selected event by
/// id, the compare view's countries by id (closed if one is gone); scrolls as they were
/// (the next update clamps them).
fn remap(old: &Dataset, new: &Dataset, place: Place) -> Place {
    let country_at = |ds: &Dataset, row: usize| {
        row.checked_sub(1)
            .and_then(|i| ds.index.countries.get(i).copied())
    };
    let actor = |a: ActorIx| match new.graph.lookup(old.graph.id_of(Entity::Actor(a))) {
        Some(Entity::Actor(n)) if new.index.countries.contains(&n) => Some(n),
        _ => None,
    };
    let old_country = country_at(old, place.countries.selected);
    let country = old_country.and_then(actor);
    let row = country
        .and_then(|c| new.index.countries.iter().position(|&x| x == c))
        .map_or(0, |i| i + 1);
    let old_events = events_of(old, old_country);
    let events = events_of(new, country_at(new, row));
    let event = old_events
        .get(place.timeline.selected)
        .and_then(|&e| new.graph.lookup(old.graph.id_of(Entity::Event(e))));
    let selected = match event {
        Some(Entity::Event(e)) => {
            let pos = &new.index.timeline_pos;
            events
                .partition_point(|x| pos[x.ix()] < pos[e.ix()])
                .min(events.len().saturating_sub(1))
        }
        _ => place.timeline.selected.min(events.len().saturating_sub(1)),
    };
    let compare = place
        .compare
        .and_then(|at| match (actor(at.left), actor(at.right)) {
            (Some(left), Some(right)) if left != right => Some(CompareAt { left, right, ..at }),
            _ => None,
        });
    Place {
        countries: super::super::app::ListCursor {
            selected: row,
            offset: place.countries.offset.min(row),
        },
        timeline: super::super::app::ListCursor {
            selected,
            offset: place.timeline.offset.min(selected),
        },
        compare,
        ..place
    }
}

#[cfg(test)]
mod tests;
