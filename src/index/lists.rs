//! The lists an `Index` is built from, each from one kind of record: the events' (the
//! timeline, backlinks, events by actor and by source) and the quotes' (by event,
//! backlinks, speakers). No I/O.

use super::{Backlink, QuoteBacklink};
use crate::graph::{EventIx, Graph, PartialDate, QuoteIx, to_u32};

/// The lookups of the events: the timeline and what points at each event, actor and
/// source in its order.
pub(crate) struct EventLists {
    pub timeline: Vec<EventIx>,
    pub timeline_pos: Vec<u32>,
    pub backlinks: Vec<Vec<Backlink>>,
    pub events_by_actor: Vec<Vec<EventIx>>,
    pub events_by_source: Vec<Vec<EventIx>>,
}

impl EventLists {
    pub fn of(g: &Graph) -> Self {
        let n_events = g.events.len();
        // Sorted by (date, position): the order of a stable sort by date (events of the
        // same date keep the order they are written in, so that authors decide how a day
        // reads), with each date read once rather than at every comparison.
        let mut dated: Vec<(PartialDate, EventIx)> = g
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| (e.date, EventIx(to_u32(i))))
            .collect();
        dated.sort_unstable();
        let timeline: Vec<EventIx> = dated.into_iter().map(|(_, e)| e).collect();
        let mut timeline_pos = vec![0u32; n_events];
        for (pos, e) in timeline.iter().enumerate() {
            timeline_pos[e.ix()] = to_u32(pos);
        }

        let mut backlinks = vec![Vec::new(); n_events];
        let mut events_by_actor = vec![Vec::new(); g.actors.len()];
        let mut events_by_source = vec![Vec::new(); g.sources.len()];
        for &e in &timeline {
            let ev = g.event(e);
            for (link, l) in ev.links.iter().enumerate() {
                backlinks[l.to.ix()].push(Backlink {
                    from: e,
                    kind: l.kind,
                    link,
                });
            }
            for a in &ev.actors {
                let list: &mut Vec<EventIx> = &mut events_by_actor[a.ix()];
                if list.last() != Some(&e) {
                    list.push(e);
                }
            }
            for s in &ev.sources {
                let list: &mut Vec<EventIx> = &mut events_by_source[s.ix()];
                if list.last() != Some(&e) {
                    list.push(e);
                }
            }
        }
        Self {
            timeline,
            timeline_pos,
            backlinks,
            events_by_actor,
            events_by_source,
        }
    }
}

/// The lookups of the quotes, in file order, and each quote's speaker.
pub(crate) struct QuoteLists {
    pub quotes_by_event: Vec<Vec<QuoteIx>>,
    pub quote_backlinks: Vec<Vec<QuoteBacklink>>,
    pub speaker: Vec<u32>,
}

impl QuoteLists {
    pub fn of(g: &Graph) -> Self {
        let mut quotes_by_event = vec![Vec::new(); g.events.len()];
        let mut quote_backlinks = vec![Vec::new(); g.quotes.len()];
        let mut speaker = Vec::with_capacity(g.quotes.len());
        for (i, q) in g.quotes.iter().enumerate() {
            let from = QuoteIx(to_u32(i));
            quotes_by_event[q.event.ix()].push(from);
            speaker.push(q.speaker.0);
            for (link, l) in q.links.iter().enumerate() {
                quote_backlinks[l.to.ix()].push(QuoteBacklink {
                    from,
                    kind: l.kind,
                    link,
                });
            }
        }
        Self {
            quotes_by_event,
            quote_backlinks,
            speaker,
        }
    }
}
