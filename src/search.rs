//! `SearchIndex`: every searchable field of every record, folded once (see [`fold`], built
//! in `search::build`) into one text (in two halves) with a character mask per field;
//! `query` parses, matches and ranks into [`Hit`]s whose positions point into the original
//! field text. No I/O.

mod build;
mod cores;
mod ctx;
mod field;
pub mod fold;
mod glimpse;
pub mod query;
pub mod rank;
pub mod scan;
pub mod score;
pub mod snippet;
pub mod typo;

use std::ops::Range;
use std::sync::OnceLock;

use crate::graph::{Entity, PartialDate};

pub use field::{Field, JOIN, actor_names, date_forms};
pub use query::Query;
pub use rank::{Hit, Matches};
pub use scan::Pass;

/// One searchable field: where its folded text is, and which characters it has.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FieldRec {
    pub start: u32,
    pub end: u32,
    pub mask: u64,
    pub field: Field,
    pub item: u16,
    /// The field's tier in its record (see [`Field::tier_in`]).
    pub tier: u8,
    /// The letters that start its words (bit 0 for `a`): initials can spell a term only
    /// when they hold its letters.
    pub initials: u32,
}

/// One record: what it is, its date (for ties), and its fields, best tier first.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Doc {
    pub entity: Entity,
    pub date: Option<PartialDate>,
    pub fields: (u32, u32),
    /// The byte lengths (mod 64, as bits) of the fields a whole query can equal (see
    /// [`Field::whole_rank`]; not the date): most records are ruled out at once.
    pub lens: u64,
    /// The characters of its tier-0 fields, then of all its fields (see [`query::mask`]):
    /// a record without a word's characters is passed over unread.
    pub masks: (u64, u64),
}

/// Every searchable field of a graph, folded once.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    pub(crate) text: String,
    /// The folded text of the records of the second thread that built the index, its
    /// offsets counted on from the end of `text` (joined without a copy).
    pub(crate) tail: String,
    pub(crate) fields: Vec<FieldRec>,
    /// Events, then quotes, actors and sources (the ranges below).
    pub(crate) docs: Vec<Doc>,
    pub(crate) kinds: [Range<u32>; 4],
    /// The length of each record's name or title (its first tier-0 field), at most 254;
    /// 255 without one: a glimpse reads the shortest, which likely rank first.
    pub(crate) short: Vec<u8>,
    /// Every record by `short`, shortest first (ties in index order): a glimpse at every
    /// record takes the first of them.
    pub(crate) by_short: Vec<u32>,
    /// The words of names, aliases and titles, for typos (built on first need).
    pub(crate) words: OnceLock<Vec<Box<str>>>,
}

impl SearchIndex {
    /// The length of a record's first tier-0 field, at most 254; 255 without one.
    fn short_len(&self, d: &Doc) -> u8 {
        self.fields
            .get(d.fields.0 as usize)
            .filter(|f| d.fields.0 < d.fields.1 && f.tier == 0)
            .map_or(u8::MAX, |f| {
                u8::try_from(f.end - f.start).unwrap_or(u8::MAX).min(254)
            })
    }

    /// Records indexed.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Bytes of folded text and tables, for the memory report.
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity()
            + self.tail.capacity()
            + self.fields.capacity() * size_of::<FieldRec>()
            + self.docs.capacity() * size_of::<Doc>()
            + self.short.capacity()
            + self.by_short.capacity() * size_of::<u32>()
    }

    /// The best `limit` hits of what the user typed, and how many records match.
    pub fn query(&self, input: &str, limit: usize) -> (Vec<Hit>, usize) {
        let q = Query::parse(input);
        match self.matches(&q, None, &|| false) {
            Some(m) => (m.rank(self, &q, limit), m.total()),
            None => (Vec::new(), 0),
        }
    }
}

/// The letters that start the words of a folded text, as bits (`a` is bit 0).
pub(crate) fn initials(folded: &str) -> u32 {
    let mut bits = 0;
    let mut prev = b' ';
    for b in folded.bytes() {
        if b.is_ascii_lowercase() && !prev.is_ascii_alphanumeric() {
            bits |= 1 << (b - b'a');
        }
        prev = b;
    }
    bits
}

#[cfg(test)]
mod tests;
