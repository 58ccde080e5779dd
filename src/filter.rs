//! What narrows a timeline or an export: a country (with its people), a date range and a
//! tag, resolved against a dataset. One meaning for `aigov list`/`export` and the
//! explorer's filter. No I/O.

use crate::dataset::Dataset;
use crate::graph::{ActorIx, EventIx, PartialDate, QuoteIx};

/// Filters with the country resolved to an actor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub country: Option<ActorIx>,
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
    /// In NFC, as tags are stored.
    pub tag: Option<String>,
}

impl Filter {
    /// The events that pass, in timeline order.
    pub fn events(&self, ds: &Dataset) -> Vec<EventIx> {
        ds.index
            .timeline
            .iter()
            .copied()
            .filter(|&e| self.event(ds, e))
            .collect()
    }

    /// Whether an event passes every filter.
    pub fn event(&self, ds: &Dataset, e: EventIx) -> bool {
        self.country.is_none_or(|c| ds.graph.event_involves(e, c)) && self.dates_and_tag(ds, e)
    }

    fn dates_and_tag(&self, ds: &Dataset, e: EventIx) -> bool {
        let ev = ds.graph.event(e);
        ev.date
            .overlaps(ev.end.as_ref(), self.from.as_ref(), self.to.as_ref())
            && self.tag.as_ref().is_none_or(|t| ev.tags.contains(t))
    }

    /// Whether a quote passes: its event does, or (for `--country`) its speaker belongs.
    pub fn quote(&self, ds: &Dataset, q: QuoteIx) -> bool {
        let quote = ds.graph.quote(q);
        let country_ok = self.country.is_none_or(|c| {
            ds.graph.belongs_to(quote.speaker, c) || ds.graph.event_involves(quote.event, c)
        });
        country_ok && self.dates_and_tag(ds, quote.event)
    }

    /// Whether any filter is set.
    pub fn is_active(&self) -> bool {
        self.country.is_some() || self.from.is_some() || self.to.is_some() || self.tag.is_some()
    }
}
