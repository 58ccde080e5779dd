//! What narrows a timeline or an export: a country (with its people), a date range, a tag
//! and free words, resolved against a dataset. One meaning for `aigov list`/`export` and
//! the explorer's filter line (`query`). No I/O.

pub mod query;

use crate::dataset::Dataset;
use crate::diagnostic::closest;
use crate::graph::{ActorIx, EventIx, PartialDate, QuoteIx};

/// Filters with the country resolved to an actor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub country: Option<ActorIx>,
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
    /// In NFC, as tags are stored.
    pub tag: Option<String>,
    /// Folded words (`crate::search::fold`) that must all appear in the event's title or
    /// summary (the explorer's free words; the command line has none).
    pub words: Vec<String>,
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
            && (self.words.is_empty() || self.has_words(&ev.title, ev.summary.as_deref()))
    }

    fn has_words(&self, title: &str, summary: Option<&str>) -> bool {
        let mut text = crate::search::fold::fold(title);
        text.push('\n');
        if let Some(s) = summary {
            crate::search::fold::fold_into(s, &mut text);
        }
        self.words.iter().all(|w| text.contains(w.as_str()))
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
        self.country.is_some()
            || self.from.is_some()
            || self.to.is_some()
            || self.tag.is_some()
            || !self.words.is_empty()
    }
}

/// The country or bloc with this id; else a hint: the closest id, or the id of the one
/// with this name or alias.
pub fn country(ds: &Dataset, id: &str) -> Result<ActorIx, String> {
    let g = &ds.graph;
    let countries = &ds.index.countries;
    if let Some(&c) = countries.iter().find(|&&c| g.actor(c).id == id) {
        return Ok(c);
    }
    let ids = countries.iter().map(|&c| g.actor(c).id.as_str());
    let by_name = countries.iter().copied().find(|&c| {
        let a = g.actor(c);
        a.name.eq_ignore_ascii_case(id) || a.aliases.iter().any(|x| x.eq_ignore_ascii_case(id))
    });
    Err(closest(id, ids)
        .map(str::to_string)
        .or_else(|| by_name.map(|c| g.actor(c).id.clone()))
        .map_or_else(
            || "`aigov list actors` shows the ids of countries and blocs".to_string(),
            |c| format!("did you mean \"{c}\"?"),
        ))
}

/// A tag as typed, in NFC as tags are stored (a decomposed `é` must find them).
pub fn tag(typed: &str) -> String {
    unicode_normalization::UnicodeNormalization::nfc(typed).collect()
}
