//! Derived lookups over a `Graph`: the timeline order, backlinks, quotes by event,
//! events by actor and by country, members of each country, and each country's timeline
//! as the explorer shows it and its people measured for its profile (both worked out on
//! first need). Rebuilt from the graph. No I/O.

pub(crate) mod lists;
mod people;

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, OnceLock};

pub(crate) use lists::{EventLists, QuoteLists};
use people::NO_PEOPLE;
pub use people::People;

use crate::graph::{
    ActorIx, EventIx, Graph, LinkKind, QuoteIx, SourceIx, Status, ThreadKind, to_u32,
};

/// A link seen from its target: which event points here, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backlink {
    pub from: EventIx,
    pub kind: LinkKind,
    /// Position of the link in `from`'s `links`.
    pub link: usize,
}

/// A thread seen from the earlier quote: which quote takes it up, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteBacklink {
    pub from: QuoteIx,
    pub kind: ThreadKind,
    /// Position of the link in `from`'s `links`.
    pub link: usize,
}

/// Lookups derived from a graph.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Every event, sorted by date (start of period, then precision), then file order.
    pub timeline: Vec<EventIx>,
    /// Position of each event in `timeline`.
    pub timeline_pos: Vec<u32>,
    /// For each event, the links that point at it.
    pub backlinks: Vec<Vec<Backlink>>,
    /// For each event, its quotes.
    pub quotes_by_event: Vec<Vec<QuoteIx>>,
    /// For each actor, the quotes it spoke, in date order (then file order).
    pub quotes_by_speaker: Vec<Vec<QuoteIx>>,
    /// For each quote, the later quotes that take it up.
    pub quote_backlinks: Vec<Vec<QuoteBacklink>>,
    /// For each actor, the events that name it, in timeline order.
    pub events_by_actor: Vec<Vec<EventIx>>,
    /// For each source, the events that cite it, in timeline order.
    pub events_by_source: Vec<Vec<EventIx>>,
    /// For each actor, the actors whose `country` it is.
    pub members: Vec<Vec<ActorIx>>,
    /// Countries and blocs, most events first, then by name.
    pub countries: Vec<ActorIx>,
    /// For each country or bloc, the events involving it or its members, in timeline order.
    pub country_events: HashMap<ActorIx, Vec<EventIx>>,
    /// The whole timeline's view, then each country's, kept once worked out.
    views: (
        OnceLock<TimelineView>,
        HashMap<ActorIx, OnceLock<TimelineView>>,
    ),
    /// Each country's people, kept once worked out.
    people: HashMap<ActorIx, OnceLock<People>>,
}

/// What a list of events in timeline order looks like on screen: where each year starts,
/// how many events each month has, and their quotes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimelineView {
    /// Positions in the list where a new year starts.
    pub year_starts: Vec<usize>,
    /// The year of the first event; `months` counts from its January.
    pub first_year: i32,
    /// Events per month.
    pub months: Vec<u32>,
    /// The quotes of the events, event by event (only when asked for): shared, so that
    /// the explorer takes a country's hundreds of thousands without copying them.
    pub quotes: Arc<[QuoteIx]>,
    /// Positions in the list of the events announced as scheduled, and of those
    /// unconfirmed: whether an event is upcoming or unconfirmed as of a day depends on
    /// its date and these, so that a year of any size is counted by binary search.
    pub scheduled: Arc<[usize]>,
    pub unconfirmed: Arc<[usize]>,
}

/// The view of a country the index does not know: no events.
static NO_EVENTS: LazyLock<TimelineView> = LazyLock::new(TimelineView::default);

impl TimelineView {
    /// The view of `events` (in timeline order), with their quotes when `quotes`.
    pub fn of(g: &Graph, ix: &Index, events: &[EventIx], quotes: bool) -> Self {
        let mut view = TimelineView::default();
        let mut last = None;
        let (mut scheduled, mut unconfirmed) = (Vec::new(), Vec::new());
        for (pos, &e) in events.iter().enumerate() {
            let ev = g.event(e);
            let y = ev.date.year();
            if last != Some(y) {
                view.year_starts.push(pos);
                last = Some(y);
            }
            match ev.status {
                Status::Happened => {}
                Status::Scheduled => scheduled.push(pos),
                Status::Unconfirmed => unconfirmed.push(pos),
            }
        }
        view.scheduled = scheduled.into();
        view.unconfirmed = unconfirmed.into();
        if let (Some(&first), Some(&end)) = (events.first(), events.last()) {
            let y0 = g.event(first).date.year();
            let y1 = g.event(end).date.year();
            let span = usize::try_from(y1 - y0 + 1).unwrap_or(1);
            view.first_year = y0;
            view.months = vec![0; span * 12];
            for &e in events {
                let d = g.event(e).date;
                let m = usize::try_from(d.year() - y0).unwrap_or(0) * 12
                    + d.month().map_or(0, |m| m as usize - 1);
                if let Some(c) = view.months.get_mut(m) {
                    *c += 1;
                }
            }
        }
        if quotes {
            view.quotes = events
                .iter()
                .flat_map(|e| ix.quotes_by_event[e.ix()].iter().copied())
                .collect();
        }
        view
    }
}

impl Index {
    /// Builds every lookup in one pass or two over the graph.
    pub fn build(g: &Graph) -> Self {
        Self::from_lists(g, EventLists::of(g), QuoteLists::of(g))
    }

    /// Builds every lookup from the events' and the quotes' lists of `g` (which a caller
    /// may build on two threads: the load cache does, where the second core would idle).
    pub(crate) fn from_lists(g: &Graph, events: EventLists, quotes: QuoteLists) -> Self {
        let n_actors = g.actors.len();
        let EventLists {
            timeline,
            timeline_pos,
            backlinks,
            events_by_actor,
            events_by_source,
        } = events;
        let QuoteLists {
            quotes_by_event,
            quote_backlinks,
            speaker,
        } = quotes;
        // What someone said over time: by the date of the quote's event, then file order
        // (the order of `quotes_by_event`).
        let mut quotes_by_speaker = vec![Vec::new(); n_actors];
        for &e in &timeline {
            for &q in &quotes_by_event[e.ix()] {
                let list: &mut Vec<QuoteIx> = &mut quotes_by_speaker[speaker[q.ix()] as usize];
                list.push(q);
            }
        }

        let mut members = vec![Vec::new(); n_actors];
        let mut countries = Vec::new();
        for (i, a) in g.actors.iter().enumerate() {
            if let Some(c) = a.country {
                members[c.ix()].push(ActorIx(to_u32(i)));
            }
            if a.kind.is_country_like() {
                countries.push(ActorIx(to_u32(i)));
            }
        }
        let mut country_events = HashMap::with_capacity(countries.len());
        for &c in &countries {
            let mut list: Vec<EventIx> = events_by_actor[c.ix()].clone();
            for m in &members[c.ix()] {
                list.extend_from_slice(&events_by_actor[m.ix()]);
            }
            list.sort_by_key(|e| timeline_pos[e.ix()]);
            list.dedup();
            country_events.insert(c, list);
        }
        // Most present first (China, the US, the EU…), as the countries pane lists them.
        countries.sort_by(|&a, &b| {
            let count = |c: &ActorIx| country_events.get(c).map_or(0, Vec::len);
            count(&b)
                .cmp(&count(&a))
                .then_with(|| g.actor(a).name.cmp(&g.actor(b).name))
        });

        Self {
            timeline,
            timeline_pos,
            backlinks,
            quotes_by_event,
            quotes_by_speaker,
            quote_backlinks,
            events_by_actor,
            events_by_source,
            members,
            views: (
                OnceLock::new(),
                countries.iter().map(|&c| (c, OnceLock::new())).collect(),
            ),
            people: countries.iter().map(|&c| (c, OnceLock::new())).collect(),
            countries,
            country_events,
        }
    }

    /// The view of the whole timeline (no quotes), or of a country's events (with their
    /// quotes), worked out once.
    pub fn view(&self, g: &Graph, country: Option<ActorIx>) -> &TimelineView {
        let once = match country {
            None => &self.views.0,
            Some(c) => match self.views.1.get(&c) {
                Some(once) => once,
                None => return &NO_EVENTS,
            },
        };
        once.get_or_init(|| match country {
            None => TimelineView::of(g, self, &self.timeline, false),
            Some(c) => TimelineView::of(g, self, self.events_of_country(c), true),
        })
    }

    /// The people of a country or bloc (none for an actor that is not one), worked out
    /// once.
    pub fn people(&self, g: &Graph, country: ActorIx) -> &People {
        match self.people.get(&country) {
            Some(once) => once.get_or_init(|| People::of(g, &self.members[country.ix()])),
            None => &NO_PEOPLE,
        }
    }

    /// Events involving a country or bloc (or its members), in timeline order.
    pub fn events_of_country(&self, country: ActorIx) -> &[EventIx] {
        self.country_events.get(&country).map_or(&[], Vec::as_slice)
    }

    /// The events that cite a source, in timeline order.
    pub fn events_citing(&self, source: SourceIx) -> &[EventIx] {
        &self.events_by_source[source.ix()]
    }
}

#[cfg(test)]
mod tests;
