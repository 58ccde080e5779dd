//! Derived lookups over a `Graph`: the timeline order, backlinks, quotes by event,
//! events by actor and by country, members of each country, and each country's timeline
//! as the explorer shows it (worked out on first need). Rebuilt from the graph. No I/O.

pub(crate) mod lists;

use std::collections::HashMap;
use std::sync::OnceLock;

pub(crate) use lists::{EventLists, QuoteLists};

use crate::graph::{ActorIx, EventIx, Graph, LinkKind, QuoteIx, SourceIx, ThreadKind, to_u32};

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
    /// The quotes of the events, event by event (only when asked for).
    pub quotes: Vec<QuoteIx>,
}

/// The view of a country the index does not know: no events.
static NO_EVENTS: TimelineView = TimelineView {
    year_starts: Vec::new(),
    first_year: 0,
    months: Vec::new(),
    quotes: Vec::new(),
};

impl TimelineView {
    /// The view of `events` (in timeline order), with their quotes when `quotes`.
    pub fn of(g: &Graph, ix: &Index, events: &[EventIx], quotes: bool) -> Self {
        let mut view = TimelineView::default();
        let mut last = None;
        for (pos, &e) in events.iter().enumerate() {
            let y = g.event(e).date.year();
            if last != Some(y) {
                view.year_starts.push(pos);
                last = Some(y);
            }
        }
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
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::synth::{Spec, generate};

    fn graph() -> Graph {
        let text = generate(Spec {
            events: 400,
            quotes: 300,
        });
        let mut raw = crate::load::parse::RawDataset::default();
        let mut diags = Vec::new();
        crate::load::parse::parse_file(0, &text, &mut raw, &mut diags);
        crate::validate::validate(raw, &mut diags).unwrap()
    }

    #[test]
    fn a_country_view_is_worked_out_once_from_its_events() {
        let g = graph();
        let ix = Index::build(&g);
        for &c in &ix.countries {
            let events = ix.events_of_country(c);
            let v = ix.view(&g, Some(c));
            assert_eq!(*v, TimelineView::of(&g, &ix, events, true));
            assert!(std::ptr::eq(v, ix.view(&g, Some(c))), "kept");
            let quotes: usize = events
                .iter()
                .map(|e| ix.quotes_by_event[e.ix()].len())
                .sum();
            assert_eq!(v.quotes.len(), quotes);
            assert_eq!(v.months.iter().sum::<u32>() as usize, events.len());
        }
        let all = ix.view(&g, None);
        assert!(all.quotes.is_empty());
        assert_eq!(all.months.iter().sum::<u32>() as usize, g.events.len());
        let years: std::collections::BTreeSet<i32> =
            g.events.iter().map(|e| e.date.year()).collect();
        assert_eq!(all.year_starts.len(), years.len());
    }

    #[test]
    fn backlinks_are_exactly_the_links_reversed() {
        let g = graph();
        let ix = Index::build(&g);
        let mut forward = Vec::new();
        for (i, e) in g.events.iter().enumerate() {
            for (li, l) in e.links.iter().enumerate() {
                forward.push((EventIx(to_u32(i)), l.to, l.kind, li));
            }
        }
        let mut backward: Vec<_> = ix
            .backlinks
            .iter()
            .enumerate()
            .flat_map(|(to, bs)| {
                bs.iter()
                    .map(move |b| (b.from, EventIx(to_u32(to)), b.kind, b.link))
            })
            .collect();
        forward.sort();
        backward.sort();
        assert!(!forward.is_empty());
        assert_eq!(forward, backward);
    }

    #[test]
    fn a_speakers_quotes_are_in_the_order_of_their_events_then_of_the_file() {
        let g = graph();
        let ix = Index::build(&g);
        let mut expected = vec![Vec::new(); g.actors.len()];
        for (i, q) in g.quotes.iter().enumerate() {
            expected[q.speaker.ix()].push(QuoteIx(to_u32(i)));
        }
        for list in &mut expected {
            list.sort_by_key(|q| ix.timeline_pos[g.quote(*q).event.ix()]);
        }
        assert_eq!(ix.quotes_by_speaker, expected);
        assert!(expected.iter().any(|l| l.len() > 1));
    }

    #[test]
    fn timeline_is_sorted_stable_and_positions_invert_it() {
        let g = graph();
        let ix = Index::build(&g);
        assert_eq!(ix.timeline.len(), g.events.len());
        for w in ix.timeline.windows(2) {
            let (a, b) = (g.event(w[0]).date, g.event(w[1]).date);
            assert!(
                a < b || (a == b && w[0] < w[1]),
                "same dates keep file order"
            );
        }
        for (pos, e) in ix.timeline.iter().enumerate() {
            assert_eq!(ix.timeline_pos[e.ix()] as usize, pos);
        }
    }

    #[test]
    fn country_events_cover_the_country_and_its_members() {
        let g = graph();
        let ix = Index::build(&g);
        let Some(crate::graph::Entity::Actor(cn)) = g.lookup("cn") else {
            unreachable!("synth always writes China")
        };
        let expected: Vec<EventIx> = ix
            .timeline
            .iter()
            .copied()
            .filter(|&e| g.event_involves(e, cn))
            .collect();
        assert_eq!(ix.events_of_country(cn), expected.as_slice());
        let counts: Vec<usize> = ix
            .countries
            .iter()
            .map(|&c| ix.events_of_country(c).len())
            .collect();
        assert!(
            counts.windows(2).all(|w| w[0] >= w[1]),
            "most present first: {counts:?}"
        );
    }
}
