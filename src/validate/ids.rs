//! The ids of a raw dataset: where each is first defined (a duplicate is an error), in
//! the table the graph keeps, its candidates checked against the raw records' ids. No I/O.

use std::collections::HashSet;

use super::Kind;
use crate::diagnostic::{Diagnostic, Location};
use crate::graph::{ActorIx, Entity, EventIx, IdMap, QuoteIx, SourceIx};
use crate::load::parse::RawDataset;

/// Where an id is defined: its record's kind and position (8 bytes, for millions of ids).
#[derive(Clone, Copy)]
pub(super) struct Entry {
    pub kind: Kind,
    pub ix: u32,
}

impl Entry {
    pub fn of(e: Entity) -> Self {
        let (kind, ix) = match e {
            Entity::Actor(i) => (Kind::Actor, i.0),
            Entity::Source(i) => (Kind::Source, i.0),
            Entity::Event(i) => (Kind::Event, i.0),
            Entity::Quote(i) => (Kind::Quote, i.0),
        };
        Entry { kind, ix }
    }

    pub fn entity(self) -> Entity {
        match self.kind {
            Kind::Actor => Entity::Actor(ActorIx(self.ix)),
            Kind::Source => Entity::Source(SourceIx(self.ix)),
            Kind::Event => Entity::Event(EventIx(self.ix)),
            Kind::Quote => Entity::Quote(QuoteIx(self.ix)),
        }
    }

    /// The `[[kind]]` header of the record.
    pub fn at(self, raw: &RawDataset) -> &Location {
        let ix = self.ix as usize;
        match self.kind {
            Kind::Actor => &raw.actors[ix].at,
            Kind::Source => &raw.sources[ix].at,
            Kind::Event => &raw.events[ix].at,
            Kind::Quote => &raw.quotes[ix].at,
        }
    }
}

/// Every id: the graph's map, its candidates checked against the raw records' ids.
pub(super) struct Ids<'r> {
    pub table: IdMap,
    pub raw: &'r RawDataset,
    /// The records whose id was defined before (by kind, then position): not in `table`.
    pub duplicates: HashSet<(usize, u32)>,
}

/// Where `id` is first defined.
pub(super) fn find(ids: &Ids<'_>, id: &str) -> Option<Entry> {
    ids.table.get(id, |(), e| raw_id(ids.raw, e)).map(Entry::of)
}

/// The id of a raw record ("" for none: such a record is never mapped).
pub(super) fn raw_id(raw: &RawDataset, e: Entity) -> &str {
    let id = match e {
        Entity::Actor(i) => &raw.actors[i.ix()].id,
        Entity::Source(i) => &raw.sources[i.ix()].id,
        Entity::Event(i) => &raw.events[i.ix()].id,
        Entity::Quote(i) => &raw.quotes[i.ix()].id,
    };
    id.as_ref().map_or("", |i| i.value.as_str())
}

/// Every id and where it is first defined; a duplicate is an error.
pub(super) fn register_ids(raw: &RawDataset) -> (Ids<'_>, Vec<Diagnostic>) {
    let mut ids = Ids {
        table: IdMap::with_capacity(raw.len()),
        raw,
        duplicates: HashSet::new(),
    };
    let mut diags = Vec::new();
    let all = raw
        .actors
        .iter()
        .map(|a| (Kind::Actor, &a.at, &a.id))
        .chain(raw.sources.iter().map(|s| (Kind::Source, &s.at, &s.id)))
        .chain(raw.events.iter().map(|e| (Kind::Event, &e.at, &e.id)))
        .chain(raw.quotes.iter().map(|q| (Kind::Quote, &q.at, &q.id)));
    let mut counters = [0u32; 4];
    for (kind, at, id) in all {
        let ix = counters[kind as usize];
        counters[kind as usize] += 1;
        let Some(id) = id else { continue };
        let entry = Entry { kind, ix }.entity();
        if let Err(first) = ids
            .table
            .insert(&id.value, (), entry, |(), e| raw_id(raw, e))
        {
            ids.duplicates.insert((kind as usize, ix));
            let first = Entry::of(first);
            let d = Diagnostic::error(
                at.file,
                id.span.clone(),
                format!("duplicate id \"{}\"", id.value),
            )
            .with_related(
                first.at(raw).clone(),
                format!(
                    "\"{}\" is first defined by this [[{}]]",
                    id.value,
                    first.kind.name()
                ),
            )
            .with_hint(
                "ids are unique across the whole dataset (all files, all kinds): rename one",
            );
            diags.push(d);
        }
    }
    (ids, diags)
}
