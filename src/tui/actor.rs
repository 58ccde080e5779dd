//! The actor page's model: what a person's, organization's or country's page lists, in
//! order (their quotes in date order, each followed by its threads both ways; the events
//! they take part in; their country; a country's or bloc's members), and where the page
//! is. Pure: the view draws `items`, `update` moves through them. No I/O.

use crate::dataset::Dataset;
use crate::graph::{ActorIx, EventIx, QuoteIx};

/// Something the page lists that Enter goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageItem {
    /// A quote of the actor (Enter: the quote in its event).
    Quote(QuoteIx),
    /// A thread of the quote above it to `target` (Enter: that quote on its speaker's page).
    Thread {
        from: QuoteIx,
        target: QuoteIx,
        /// Index in the quote's threads (`view::quote::threads`).
        nth: usize,
    },
    /// An event the actor takes part in (Enter: the event in the timeline).
    Event(EventIx),
    /// The country or bloc the actor belongs to (Enter: its page).
    Country(ActorIx),
    /// A member of a country or bloc (Enter: its page).
    Member(ActorIx),
}

/// The actor page, while open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorPage {
    pub actor: ActorIx,
    /// A position in `items`.
    pub selected: usize,
    /// The first line shown.
    pub scroll: usize,
    /// The pages this one was reached from, and what was selected there (Backspace).
    pub history: Vec<(ActorIx, usize)>,
}

impl ActorPage {
    /// The page of `actor`, with quote `at` selected when it is one of theirs.
    pub fn new(ds: &Dataset, actor: ActorIx, at: Option<QuoteIx>) -> Self {
        let all = items(ds, actor);
        // The quote asked for, else the first quote: what they said comes first.
        let selected = at
            .and_then(|q| all.iter().position(|&i| i == PageItem::Quote(q)))
            .or_else(|| all.iter().position(|i| matches!(i, PageItem::Quote(_))))
            .unwrap_or(0);
        Self {
            actor,
            selected,
            scroll: 0,
            history: Vec::new(),
        }
    }
}

/// The events an actor takes part in: a country's or bloc's include its people's.
pub fn events(ds: &Dataset, actor: ActorIx) -> &[EventIx] {
    if ds.graph.actor(actor).kind.is_country_like() {
        ds.index.events_of_country(actor)
    } else {
        &ds.index.events_by_actor[actor.ix()]
    }
}

/// Everything on the page of `actor`, in the order drawn.
pub fn items(ds: &Dataset, actor: ActorIx) -> Vec<PageItem> {
    let g = &ds.graph;
    let mut out = Vec::new();
    if let Some(c) = g.actor(actor).country {
        out.push(PageItem::Country(c));
    }
    for &q in &ds.index.quotes_by_speaker[actor.ix()] {
        out.push(PageItem::Quote(q));
        let own = g.quote(q).links.iter().map(|l| l.to);
        let back = ds.index.quote_backlinks[q.ix()].iter().map(|b| b.from);
        for (nth, target) in own.chain(back).enumerate() {
            out.push(PageItem::Thread {
                from: q,
                target,
                nth,
            });
        }
    }
    out.extend(events(ds, actor).iter().map(|&e| PageItem::Event(e)));
    out.extend(
        ds.index.members[actor.ix()]
            .iter()
            .map(|&m| PageItem::Member(m)),
    );
    out
}

/// The quote an item is about (a quote, or the quote a thread leaves from).
pub fn quote_of(item: PageItem) -> Option<QuoteIx> {
    match item {
        PageItem::Quote(q) | PageItem::Thread { from: q, .. } => Some(q),
        _ => None,
    }
}
