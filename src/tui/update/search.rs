//! The search popup's transitions: editing the input, moving through hits, going to a
//! hit in its pane (Enter, `n`, `N`) and putting the view back (Esc). No I/O.

use super::super::action::{Action, Effect, Pane};
use super::super::app::{App, Found, MAX_HITS, SearchBox, Searched};
use super::super::layout;
use super::moved;
use crate::graph::{Entity, EventIx};

impl App {
    /// Opens the popup, remembering the view.
    pub(super) fn open_search(&mut self) {
        self.next_generation += 1;
        self.search = Some(SearchBox {
            input: String::new(),
            hits: Vec::new(),
            total: 0,
            selected: 0,
            offset: 0,
            generation: self.next_generation - 1,
            pending: false,
            suggestion: None,
            by_date: false,
            ranked: Vec::new(),
            saved: self.place(),
            saved_translate: self.translate,
        });
    }

    /// Opens the popup with `text` typed in (`--query`).
    pub(super) fn type_search(&mut self, text: &str) -> Effect {
        self.open_search();
        if let Some(sb) = self.search.as_mut() {
            sb.input = text.to_string();
        }
        self.search_changed()
    }

    /// An action while the popup is open.
    pub(super) fn update_search(&mut self, action: Action) -> Effect {
        let page = layout::search::list_rows(self.viewport).max(1);
        let Some(sb) = self.search.as_mut() else {
            return Effect::None;
        };
        match action {
            Action::Scroll { down, .. } => {
                let step = if down {
                    Action::MoveDown
                } else {
                    Action::MoveUp
                };
                sb.selected = moved(sb.selected, sb.hits.len(), || page, step);
                return Effect::None;
            }
            Action::Click { x, y } => {
                // A click on a hit selects it; a click on the selected hit goes to it.
                let Some(i) = layout::search::hit_at(self.viewport, sb.offset, x, y) else {
                    return Effect::None;
                };
                if i >= sb.hits.len() {
                    return Effect::None;
                }
                if i != sb.selected {
                    sb.selected = i;
                    return Effect::None;
                }
                return self.update_search(Action::SearchAccept);
            }
            Action::SearchInput(c) => sb.input.push(c),
            Action::SearchBackspace => {
                sb.input.pop();
            }
            Action::SearchClear => sb.input.clear(),
            Action::SearchSortToggle => {
                sb.by_date = !sb.by_date;
                if sb.by_date {
                    sb.ranked = sb.hits.clone();
                } else {
                    sb.hits = std::mem::take(&mut sb.ranked);
                }
                order_hits(sb);
                sb.selected = 0;
                sb.offset = 0;
                return Effect::None;
            }
            Action::MoveUp | Action::MoveDown | Action::PageUp | Action::PageDown => {
                sb.selected = moved(sb.selected, sb.hits.len(), || page, action);
                return Effect::None;
            }
            Action::SearchAccept => {
                let pending = sb.pending;
                if let Some(hit) = sb.hits.get(sb.selected) {
                    let entity = hit.entity;
                    let field = hit.field;
                    let at = sb.selected;
                    let place = sb.saved;
                    if let Some(sb) = self.search.take() {
                        self.found = Found { hits: sb.hits, at };
                    }
                    self.history.push(place);
                    let n = self.found.hits.len();
                    if n > 1 {
                        self.notice = Some(format!("hit {}/{n}: n and N for the others", at + 1));
                    }
                    // The hit is shown in the panes: the views over them close.
                    self.graph = None;
                    self.compare = None;
                    self.go_to(entity);
                    // The quote shows in the language the match was in.
                    match field {
                        crate::search::Field::Translation => self.translate = true,
                        crate::search::Field::Text | crate::search::Field::Original => {
                            self.translate = false;
                        }
                        _ => {}
                    }
                    return cancel_if(pending);
                }
                return Effect::None;
            }
            Action::SearchCancel => {
                let pending = sb.pending;
                if let Some(sb) = self.search.take() {
                    self.restore(sb.saved);
                    self.translate = sb.saved_translate;
                }
                return cancel_if(pending);
            }
            _ => return Effect::None,
        }
        self.search_changed()
    }

    /// The input changed: search now on a small dataset, else ask the runtime.
    pub(super) fn search_changed(&mut self) -> Effect {
        let ds = self.dataset.clone();
        let g = &ds.graph;
        let small = g.events.len() + g.quotes.len() + g.actors.len() + g.sources.len()
            < self.sync_search_limit;
        let Some(sb) = self.search.as_mut() else {
            return Effect::None;
        };
        sb.generation = self.next_generation;
        self.next_generation += 1;
        sb.selected = 0;
        sb.offset = 0;
        if sb.input.trim().is_empty() {
            sb.clear_hits();
            sb.pending = false;
            return Effect::None;
        }
        if small {
            let (hits, total) = ds.search().query(&sb.input, MAX_HITS);
            sb.hits = hits;
            sb.total = total;
            order_hits(sb);
            sb.suggestion = (total == 0)
                .then(|| ds.search().suggest(&sb.input))
                .flatten();
            sb.pending = false;
            Effect::None
        } else {
            sb.pending = true;
            Effect::Search
        }
    }

    /// Takes results from the worker; those of an older generation are dropped. Returns
    /// whether anything changed.
    pub(super) fn searched(&mut self, r: Searched) -> bool {
        let ds = self.dataset.clone();
        let Some(sb) = self.search.as_mut() else {
            return false;
        };
        if r.generation != sb.generation || r.data != self.data_generation {
            return false;
        }
        sb.hits = r.hits;
        sb.total = r.total;
        order_hits(sb);
        // Only from words already gathered: never a long wait on the input thread.
        sb.suggestion = (r.total == 0 && !r.partial)
            .then(|| ds.search().suggest_if_ready(&sb.input))
            .flatten();
        sb.pending = r.partial;
        sb.selected = sb.selected.min(sb.hits.len().saturating_sub(1));
        true
    }

    /// The worker failed the search of `generation`: stop waiting for it, say why.
    pub(super) fn search_failed(&mut self, generation: u64, message: &str) {
        if let Some(sb) = self.search.as_mut()
            && sb.generation == generation
        {
            sb.pending = false;
            let message = crate::text::escape_controls(message);
            self.notice = Some(format!("search failed: {message}"));
        }
    }

    /// `n` (`forward`) and `N`: the next or previous hit of the last search, wrapping.
    pub(super) fn step_hit(&mut self, forward: bool) {
        let n = self.found.hits.len();
        if n == 0 {
            self.notice = Some("no search yet: / to search".to_string());
            return;
        }
        let at = self.found.at;
        self.found.at = if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        };
        let wrapped = match (forward, self.found.at) {
            (true, 0) if n > 1 => " (wrapped to the first)",
            (false, i) if i + 1 == n && n > 1 => " (wrapped to the last)",
            _ => "",
        };
        let entity = self.found.hits[self.found.at].entity;
        self.go_to(entity);
        self.notice = Some(format!("hit {}/{n}{wrapped}", self.found.at + 1));
    }

    /// Shows a record in its pane: an event in the timeline, a quote in the quotes pane,
    /// a country in the countries pane; a person by their latest event, a source by the
    /// latest event citing it.
    pub(super) fn go_to(&mut self, entity: Entity) {
        let ds = self.dataset.clone();
        let (g, index) = (&ds.graph, &ds.index);
        self.landed_quote = None;
        match entity {
            Entity::Event(e) => self.show_event(e, Pane::Timeline),
            Entity::Quote(q) => {
                self.show_event(g.quote(q).event, Pane::Quotes);
                self.landed_quote = Some(q);
                if let Some((start, _)) = self.quote_lines(q) {
                    self.quotes_scroll = start;
                }
            }
            Entity::Actor(a) => {
                let actor = g.actor(a);
                let country = if actor.kind.is_country_like() {
                    Some(a)
                } else if let Some(&e) = index.events_by_actor[a.ix()].last() {
                    self.show_event(e, Pane::Timeline);
                    None
                } else {
                    actor.country
                };
                if let Some(c) = country
                    && let Some(i) = index.countries.iter().position(|&x| x == c)
                {
                    self.focus(Pane::Countries);
                    self.choose_country(i + 1);
                }
                // Then the actor's own page over it: what they said, their events;
                // Backspace returns to the place under it.
                self.open_actor(a, None);
            }
            Entity::Source(s) => {
                if let Some(&e) = index.events_citing(s).last() {
                    self.show_event(e, Pane::Event);
                }
            }
        }
    }

    fn show_event(&mut self, e: EventIx, pane: Pane) {
        self.select_revealed(e);
        self.focus(pane);
    }
}

/// Closing the popup stops its search if one is running.
fn cancel_if(pending: bool) -> Effect {
    if pending {
        Effect::CancelSearch
    } else {
        Effect::None
    }
}

/// Puts the hits in date order (newest first, undated last) when the popup asks for it,
/// keeping the relevance order to go back to.
fn order_hits(sb: &mut SearchBox) {
    if sb.by_date {
        sb.ranked.clone_from(&sb.hits);
        sb.hits.sort_by_key(|h| std::cmp::Reverse(h.date));
    }
}
