//! The `--country`, `--from`, `--to` and `--tag` filters, resolved against a dataset.

use std::io::{self, Write};

use super::FilterArgs;
use crate::dataset::Dataset;
use crate::diagnostic::closest;
use crate::graph::{ActorIx, EventIx, PartialDate, QuoteIx};

/// Filters with the country resolved to an actor.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub country: Option<ActorIx>,
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
    pub tag: Option<String>,
}

impl Filter {
    /// Resolves `--country`; prints a hint and returns `None` when it names no country.
    pub fn resolve(
        ds: &Dataset,
        args: &FilterArgs,
        err: &mut dyn Write,
    ) -> io::Result<Option<Filter>> {
        let country = match &args.country {
            None => None,
            Some(id) => {
                let g = &ds.graph;
                let found = ds
                    .index
                    .countries
                    .iter()
                    .copied()
                    .find(|&c| g.actor(c).id == *id);
                if found.is_none() {
                    let ids = ds.index.countries.iter().map(|&c| g.actor(c).id.as_str());
                    let by_name = ds.index.countries.iter().copied().find(|&c| {
                        let a = g.actor(c);
                        a.name.eq_ignore_ascii_case(id)
                            || a.aliases.iter().any(|x| x.eq_ignore_ascii_case(id))
                    });
                    let hint = closest(id, ids)
                        .map(str::to_string)
                        .or_else(|| by_name.map(|c| g.actor(c).id.clone()))
                        .map_or_else(
                            || {
                                "`aigov list actors` shows the ids of countries and blocs"
                                    .to_string()
                            },
                            |c| format!("did you mean \"{c}\"?"),
                        );
                    let id = crate::text::escape_line(id);
                    writeln!(
                        err,
                        "error: --country \"{id}\" is not the id of a country or bloc\n  = hint: {hint}"
                    )?;
                    return Ok(None);
                }
                found
            }
        };
        Ok(Some(Filter {
            country,
            from: args.from,
            to: args.to,
            // Tags are stored in NFC; a decomposed `é` typed here must find them.
            tag: args
                .tag
                .as_ref()
                .map(|t| unicode_normalization::UnicodeNormalization::nfc(t.as_str()).collect()),
        }))
    }

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
