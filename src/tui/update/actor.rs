//! The actor page's transitions: opening it (Enter on an actor in the event pane, a
//! quote's speaker, a country row), moving through its items, Enter on one (a quote or
//! an event in the panes, a thread, a member or a country on their page) and Backspace
//! back through the pages, then to the panes; Backspace in the panes comes back to the
//! page left by Enter. No I/O.

use ratatui::widgets::Block;

use crate::cite;
use crate::graph::{ActorIx, Entity, QuoteIx};
use crate::tui::action::{Action, Effect, Pane};
use crate::tui::actor::{ActorPage, PageItem, items, quote_of};
use crate::tui::app::App;
use crate::tui::view;

impl App {
    /// Opens the page of `actor`, quote `at` selected when it is theirs.
    pub(super) fn open_actor(&mut self, actor: ActorIx, at: Option<QuoteIx>) {
        self.actor_page = Some(ActorPage::new(&self.dataset, actor, at));
        self.keep_page_in_view();
    }

    /// Up and down in the event pane: through the actors line above the links (Up from
    /// the first link reaches the last actor), then the links.
    pub(super) fn step_event_cursor(&mut self, action: Action) {
        let Some(e) = self.selected_event() else {
            return;
        };
        let actors = self.dataset.graph.event(e).actors.len();
        // The cursor runs over the actors, then the links, then the tags (Enter filters).
        let tags = if self.shows_profile() {
            0
        } else {
            self.dataset.graph.event(e).tags.len()
        };
        let links = self.links().len() + tags;
        let up = action == Action::MoveUp;
        self.event_actor = match (self.event_actor(), up) {
            (Some(i), true) => Some((e, i.saturating_sub(1))),
            (Some(i), false) if i + 1 < actors => Some((e, i + 1)),
            (Some(_), false) => {
                self.event_link = 0;
                None
            }
            (None, true) if self.event_link == 0 || links == 0 => {
                actors.checked_sub(1).map(|i| (e, i))
            }
            (None, _) => {
                self.event_link = super::moved(self.event_link, links, || 1, action);
                None
            }
        };
    }

    /// Enter on the `i`th actor of the selected event: their page.
    pub(super) fn open_event_actor(&mut self, i: usize) {
        let Some(e) = self.selected_event() else {
            return;
        };
        if let Some(&a) = self.dataset.graph.event(e).actors.get(i) {
            self.open_actor(a, None);
        }
    }

    /// After a reload: the pages, the selected quote and actor carried over by id (indices
    /// of the old data would point elsewhere, or past the end); a page whose actor is gone
    /// closes.
    pub(super) fn keep_pages_by_id(&mut self, old: &crate::dataset::Dataset) {
        let ds = self.dataset.clone();
        let actor = |a: ActorIx| match ds.graph.lookup(old.graph.id_of(Entity::Actor(a))) {
            Some(Entity::Actor(x)) => Some(x),
            _ => None,
        };
        let page = |p: ActorPage| {
            let mut next = ActorPage::new(&ds, actor(p.actor)?, None);
            let n = items(&ds, next.actor).len();
            next.selected = p.selected.min(n.saturating_sub(1));
            next.history = p
                .history
                .iter()
                .filter_map(|&(a, s)| Some((actor(a)?, s)))
                .collect();
            Some(next)
        };
        self.actor_page = self.actor_page.take().and_then(page);
        let behind = std::mem::take(&mut self.pages_behind);
        self.pages_behind = behind
            .into_iter()
            .filter_map(|(d, p)| Some((d, page(p)?)))
            .collect();
        self.quote_sel =
            self.quote_sel.and_then(
                |q| match ds.graph.lookup(old.graph.id_of(Entity::Quote(q))) {
                    Some(Entity::Quote(x)) => Some(x),
                    _ => None,
                },
            );
        self.event_actor = None;
    }

    /// An action while the page is open.
    pub(super) fn update_actor(&mut self, action: Action) -> Effect {
        let Some(page) = self.actor_page.as_mut() else {
            return Effect::None;
        };
        let n = items(&self.dataset, page.actor).len();
        let page_h = usize::from(self.viewport.height.saturating_sub(6)).max(1);
        match action {
            Action::MoveDown | Action::MoveUp | Action::PageDown | Action::PageUp => {
                page.selected = super::moved(page.selected, n, || page_h, action);
            }
            Action::Top => {
                page.selected = 0;
                page.scroll = 0;
            }
            Action::Bottom => page.selected = n.saturating_sub(1),
            Action::Follow => self.enter_page_item(),
            Action::GoBack => match page.history.pop() {
                Some((actor, selected)) => {
                    page.actor = actor;
                    page.selected = selected;
                    page.scroll = 0;
                }
                None => self.actor_page = None,
            },
            Action::ClosePage => self.actor_page = None,
            Action::ToggleTranslation => self.translate = !self.translate,
            Action::Copy => return self.copy_page_item(),
            Action::OpenSource => return self.open_page_source(),
            Action::CycleCiteFormat => self.cycle_cite_format(),
            Action::MoveLeft | Action::MoveRight | Action::PrevYear | Action::NextYear => {}
            // Pane keys, compare, graph, export, the next hit: they act on the panes.
            _ => {
                self.actor_page = None;
                return self.update(action);
            }
        }
        self.keep_page_in_view();
        Effect::None
    }

    /// The selected item of the open page.
    fn page_item(&self) -> Option<PageItem> {
        let page = self.actor_page.as_ref()?;
        items(&self.dataset, page.actor).get(page.selected).copied()
    }

    /// Enter on the selected item.
    fn enter_page_item(&mut self) {
        let Some(item) = self.page_item() else {
            return;
        };
        match item {
            PageItem::Quote(q) => self.leave_page_for(Entity::Quote(q)),
            PageItem::Event(e) => self.leave_page_for(Entity::Event(e)),
            PageItem::Thread { target, .. } => {
                let speaker = self.dataset.graph.quote(target).speaker;
                self.turn_page(speaker, Some(target));
            }
            PageItem::Country(a) | PageItem::Member(a) => self.turn_page(a, None),
        }
    }

    /// Goes to another actor's page (or to quote `at` on this one), keeping this one for
    /// Backspace.
    fn turn_page(&mut self, actor: ActorIx, at: Option<QuoteIx>) {
        let Some(page) = self.actor_page.as_mut() else {
            return;
        };
        let mut next = ActorPage::new(&self.dataset, actor, at);
        next.history = std::mem::take(&mut page.history);
        next.history.push((page.actor, page.selected));
        *page = next;
    }

    /// Closes the page to show `entity` in the panes; Backspace there comes back.
    fn leave_page_for(&mut self, entity: Entity) {
        let Some(page) = self.actor_page.take() else {
            return;
        };
        self.history.push(self.place());
        self.pages_behind.push((self.history.len(), page));
        self.go_to(entity);
        if let Entity::Quote(q) = entity {
            self.quote_sel = Some(q);
            self.focus(Pane::Quotes);
            self.scroll_to_quote(q);
        }
    }

    /// After Backspace in the panes: the page left from there, if it was.
    pub(super) fn reopen_page(&mut self) {
        if self
            .pages_behind
            .last()
            .is_some_and(|(depth, _)| *depth == self.history.len() + 1)
        {
            self.actor_page = self.pages_behind.pop().map(|(_, p)| p);
        }
        let depth = self.history.len();
        self.pages_behind.retain(|(d, _)| *d <= depth);
    }

    /// `y` on the page: a quote's (or a thread's) citation, or an event's.
    fn copy_page_item(&mut self) -> Effect {
        let g = &self.dataset.graph;
        let fmt = self.cite_format;
        let (what, text) = match self.page_item() {
            Some(PageItem::Event(e)) => ("event", cite::event(g, e, fmt)),
            Some(item) => {
                let Some(q) = quote_of(item) else {
                    self.notice = Some("nothing to copy here: select a quote or an event".into());
                    return Effect::None;
                };
                ("quote", cite::quote(g, q, fmt))
            }
            None => return Effect::None,
        };
        self.copy_text(what, text)
    }

    /// `o` on the page: the source of the selected quote or event.
    fn open_page_source(&mut self) -> Effect {
        let g = &self.dataset.graph;
        let url_of = |s| g.source(s).url.as_deref().and_then(cite::safe_url);
        let found = match self.page_item() {
            Some(PageItem::Event(e)) => g.event(e).sources.iter().find_map(|&s| url_of(s)),
            Some(item) => quote_of(item).and_then(|q| {
                let quote = g.quote(q);
                url_of(quote.source).or_else(|| quote.original_source.and_then(url_of))
            }),
            None => None,
        };
        let found = found.map(str::to_string);
        self.open_url(found.as_deref())
    }

    /// Scrolls the page so that the selected item shows (with its section heading when
    /// it is the first of its section).
    pub(super) fn keep_page_in_view(&mut self) {
        let Some(page) = self.actor_page.as_ref() else {
            return;
        };
        let inner = Block::bordered().inner(self.panes().body);
        let h = usize::from(inner.height).max(1);
        let (lines, starts) = view::actor::lines(self, page, inner.width);
        let n = starts.len();
        let Some(page) = self.actor_page.as_mut() else {
            return;
        };
        page.selected = page.selected.min(n.saturating_sub(1));
        let start = starts.get(page.selected).copied().unwrap_or(0);
        let end = starts
            .get(page.selected + 1)
            .copied()
            .unwrap_or(lines.len());
        // The first item shows the heading above it too.
        let top = if page.selected == 0 { 0 } else { start };
        if top < page.scroll {
            page.scroll = top;
        } else if end > page.scroll + h {
            page.scroll = end.saturating_sub(h).min(start);
        }
        page.scroll = page.scroll.min(lines.len().saturating_sub(h));
    }
}
