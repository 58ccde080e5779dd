//! The records of a file as written, before validation: every field optional where it
//! may be missing or wrong, with the span of each value that validation points at (the
//! `Raw*` mirror of `graph`'s types). No I/O.

use std::ops::Range;

use crate::diagnostic::Location;
use crate::graph::{ActorKind, LinkKind, PartialDate, Status, ThreadKind};

/// A value and the byte range it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sp<T> {
    pub value: T,
    pub span: Range<usize>,
}

/// An `[[actor]]` as written; `None` where a required field was missing or wrong.
#[derive(Debug, Clone)]
pub struct RawActor {
    pub at: Location,
    pub id: Option<Sp<String>>,
    pub name: Option<String>,
    pub kind: Option<ActorKind>,
    pub country: Option<Sp<String>>,
    pub role: Option<String>,
    pub aliases: Vec<String>,
    pub summary: Option<String>,
    pub note: Option<String>,
}

/// A `[[source]]` as written.
#[derive(Debug, Clone)]
pub struct RawSource {
    pub at: Location,
    pub id: Option<Sp<String>>,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<PartialDate>,
    pub language: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub summary: Option<String>,
    pub note: Option<String>,
}

/// One entry of an event's `links`.
#[derive(Debug, Clone)]
pub struct RawLink<K = LinkKind> {
    pub span: Range<usize>,
    pub to: Sp<String>,
    pub kind: K,
    pub note: Option<String>,
}

/// An `[[event]]` as written.
#[derive(Debug, Clone)]
pub struct RawEvent {
    pub at: Location,
    pub id: Option<Sp<String>>,
    pub date: Option<Sp<PartialDate>>,
    pub end: Option<Sp<PartialDate>>,
    pub title: Option<String>,
    pub place: Option<String>,
    pub summary: Option<String>,
    pub actors: Vec<Sp<String>>,
    pub tags: Vec<Sp<String>>,
    pub sources: Vec<Sp<String>>,
    pub links: Vec<RawLink>,
    pub note: Option<String>,
    pub status: Option<Sp<Status>>,
}

/// A `[[quote]]` as written.
#[derive(Debug, Clone)]
pub struct RawQuote {
    pub at: Location,
    pub id: Option<Sp<String>>,
    pub speaker: Option<Sp<String>>,
    pub event: Option<Sp<String>>,
    pub source: Option<Sp<String>>,
    pub lang: Option<Sp<String>>,
    pub text: Option<String>,
    pub translation: Option<String>,
    pub original: Option<String>,
    pub original_lang: Option<Sp<String>>,
    pub original_source: Option<Sp<String>>,
    pub note: Option<String>,
    /// Earlier quotes this one takes up.
    pub links: Vec<RawLink<ThreadKind>>,
}

/// The `[dataset]` table as written.
#[derive(Debug, Clone)]
pub struct RawMeta {
    pub at: Location,
    pub title: Option<String>,
    pub description: Option<String>,
    pub as_of: Option<PartialDate>,
    pub language: Option<String>,
}

/// Every record of a dataset, as written, in file order.
#[derive(Debug, Clone, Default)]
pub struct RawDataset {
    pub actors: Vec<RawActor>,
    pub sources: Vec<RawSource>,
    pub events: Vec<RawEvent>,
    pub quotes: Vec<RawQuote>,
    /// Every `[dataset]` table (one is allowed; validation reports the others).
    pub meta: Vec<RawMeta>,
}

impl RawDataset {
    /// Number of records of all kinds.
    pub fn len(&self) -> usize {
        self.actors.len() + self.sources.len() + self.events.len() + self.quotes.len()
    }

    /// Moves every record of `other` after those of `self`. Of each kind, the shorter
    /// list is moved into the longer one (which grows in place), so that the records of
    /// a large file are never held twice while they are joined.
    pub fn append(&mut self, other: RawDataset) {
        join(&mut self.actors, other.actors);
        join(&mut self.sources, other.sources);
        join(&mut self.events, other.events);
        join(&mut self.quotes, other.quotes);
        join(&mut self.meta, other.meta);
    }

    /// Whether no file defined any record.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// `after` appended to `list`, moving the shorter of the two into the longer.
fn join<T>(list: &mut Vec<T>, mut after: Vec<T>) {
    if list.len() >= after.len() {
        list.append(&mut after);
    } else {
        after.splice(0..0, list.drain(..));
        *list = after;
    }
}
