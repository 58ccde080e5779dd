//! Taking in a reload of the watched data: the new dataset with the view kept where it
//! was (the chosen country and the selected event, by id), or the problems that kept the
//! last good data on screen. No I/O.

use std::sync::Arc;

use super::super::action::Effect;
use super::super::app::{App, Found};
use super::super::watch::Reload;
use crate::dataset::Dataset;
use crate::graph::Entity;

impl App {
    /// Applies a reload; asks for the open search to run again on the new data.
    pub fn reloaded(&mut self, reload: Reload) -> Effect {
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
                    "data reloaded: {} events, {} quotes",
                    g.events.len(),
                    g.quotes.len()
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

    /// Swaps the dataset, keeping by id what is still there. Positions into the old data
    /// (the back history, the last search's hits) mean nothing in the new one and go.
    fn replace_dataset(&mut self, new: Arc<Dataset>) {
        let old = self.dataset.clone();
        let id = |e: Entity| old.graph.id_of(e).to_string();
        let country = self.country().map(|c| id(Entity::Actor(c)));
        let event = self.selected_event().map(|e| id(Entity::Event(e)));
        let landed = self.landed_quote.map(|q| id(Entity::Quote(q)));
        let link = self.event_link;
        self.dataset = new;
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
        self.refilter();
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
        self.history.clear();
        self.found = Found::default();
        self.keep_compare_by_id(&old);
        self.keep_graph_by_id(&old);
    }
}
