//! `SearchIndex`: every searchable field of every record, folded once (see [`fold`]) into
//! one text with a character mask per field; `query` parses, matches and ranks into
//! [`Hit`]s whose positions point into the original field text. No I/O.

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

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use crate::graph::{ActorIx, Entity, EventIx, Graph, PartialDate, QuoteIx, SourceIx, to_u32};

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
    pub(crate) fields: Vec<FieldRec>,
    /// Events, then quotes, actors and sources (the ranges below).
    pub(crate) docs: Vec<Doc>,
    pub(crate) kinds: [Range<u32>; 4],
    /// The length of each record's name or title (its first tier-0 field), at most 254;
    /// 255 without one: a glimpse reads the shortest, which likely rank first.
    pub(crate) short: Vec<u8>,
    /// The words of names, aliases and titles, for typos (built on first need).
    pub(crate) words: OnceLock<Vec<Box<str>>>,
}

impl SearchIndex {
    /// Folds every field of `g`: events and quotes (nearly all the text) on two threads.
    pub fn build(g: &Graph) -> Self {
        let (events, quotes) = std::thread::scope(|s| {
            let quotes = s.spawn(|| Self::quotes(g));
            let events = Self::events(g);
            (events, quotes.join().unwrap_or_else(|_| Self::quotes(g)))
        });
        let mut ix = events;
        for part in [quotes, Self::actors(g), Self::sources(g)] {
            ix.append(part);
        }
        ix.text.shrink_to_fit();
        ix.short = ix.docs.iter().map(|d| ix.short_len(d)).collect();
        scan::settle_allocators();
        ix
    }

    /// The length of a record's first tier-0 field, at most 254; 255 without one.
    fn short_len(&self, d: &Doc) -> u8 {
        self.fields
            .get(d.fields.0 as usize)
            .filter(|f| d.fields.0 < d.fields.1 && f.tier == 0)
            .map_or(u8::MAX, |f| {
                u8::try_from(f.end - f.start).unwrap_or(u8::MAX).min(254)
            })
    }

    fn events(g: &Graph) -> Self {
        let mut ix = SearchIndex::default();
        let mut dates = Dates::default();
        let mut batch: Batch = Vec::new();
        for (i, ev) in g.events.iter().enumerate() {
            batch.push((Field::Title, 0, ev.title.as_str().into()));
            batch.extend(ev.place.as_deref().map(|p| (Field::Place, 0, p.into())));
            for (t, tag) in ev.tags.iter().enumerate() {
                batch.push((Field::Tag, item(t), tag.as_str().into()));
            }
            if !ev.actors.is_empty() {
                batch.push((Field::Actor, 0, actor_names(g, &ev.actors).into()));
            }
            batch.extend(ev.summary.as_deref().map(|s| (Field::Summary, 0, s.into())));
            dated(&mut batch, Some(ev.date), &mut dates);
            batch.push((Field::Id, 0, ev.id.as_str().into()));
            ix.push(Entity::Event(EventIx(to_u32(i))), Some(ev.date), &mut batch);
        }
        ix.kinds[0] = 0..to_u32(ix.docs.len());
        ix
    }

    fn quotes(g: &Graph) -> Self {
        let mut ix = SearchIndex::default();
        let mut dates = Dates::default();
        let mut batch: Batch = Vec::new();
        for (i, q) in g.quotes.iter().enumerate() {
            let qx = QuoteIx(to_u32(i));
            let speaker = g.actor(q.speaker);
            batch.push((Field::Speaker, 0, speaker.name.as_str().into()));
            if !speaker.aliases.is_empty() {
                batch.push((Field::SpeakerAlias, 0, speaker.aliases.join(JOIN).into()));
            }
            batch.push((Field::Text, 0, q.text.as_str().into()));
            batch.extend(
                q.translation
                    .as_deref()
                    .map(|s| (Field::Translation, 0, s.into())),
            );
            batch.extend(
                q.original
                    .as_deref()
                    .map(|s| (Field::Original, 0, s.into())),
            );
            let date = g.quote_date(qx);
            dated(&mut batch, Some(date), &mut dates);
            batch.push((Field::Id, 0, q.id.as_str().into()));
            ix.push(Entity::Quote(qx), Some(date), &mut batch);
        }
        ix.kinds[1] = 0..to_u32(ix.docs.len());
        ix
    }

    fn actors(g: &Graph) -> Self {
        let mut ix = SearchIndex::default();
        let mut batch: Batch = Vec::new();
        for (i, a) in g.actors.iter().enumerate() {
            batch.push((Field::Name, 0, a.name.as_str().into()));
            batch.extend(a.role.as_deref().map(|s| (Field::Role, 0, s.into())));
            for (t, alias) in a.aliases.iter().enumerate() {
                batch.push((Field::Alias, item(t), alias.as_str().into()));
            }
            batch.extend(a.summary.as_deref().map(|s| (Field::Summary, 0, s.into())));
            batch.push((Field::Id, 0, a.id.as_str().into()));
            ix.push(Entity::Actor(ActorIx(to_u32(i))), None, &mut batch);
        }
        ix.kinds[2] = 0..to_u32(ix.docs.len());
        ix
    }

    fn sources(g: &Graph) -> Self {
        let mut ix = SearchIndex::default();
        let mut dates = Dates::default();
        let mut batch: Batch = Vec::new();
        for (i, s) in g.sources.iter().enumerate() {
            batch.push((Field::Title, 0, s.title.as_str().into()));
            batch.push((Field::Publisher, 0, s.publisher.as_str().into()));
            batch.extend(s.summary.as_deref().map(|t| (Field::Summary, 0, t.into())));
            dated(&mut batch, s.published, &mut dates);
            batch.push((Field::Id, 0, s.id.as_str().into()));
            ix.push(Entity::Source(SourceIx(to_u32(i))), s.published, &mut batch);
        }
        ix.kinds[3] = 0..to_u32(ix.docs.len());
        ix
    }

    /// Appends an index built alone (its text, fields and docs from 0) after this one.
    fn append(&mut self, part: SearchIndex) {
        let text = to_u32(self.text.len());
        let fields = to_u32(self.fields.len());
        let docs = to_u32(self.docs.len());
        self.text.push_str(&part.text);
        self.fields
            .extend(part.fields.into_iter().map(|f| FieldRec {
                start: f.start + text,
                end: f.end + text,
                ..f
            }));
        self.docs.extend(part.docs.into_iter().map(|d| Doc {
            fields: (d.fields.0 + fields, d.fields.1 + fields),
            ..d
        }));
        for (mine, theirs) in self.kinds.iter_mut().zip(part.kinds) {
            if !theirs.is_empty() {
                *mine = theirs.start + docs..theirs.end + docs;
            }
        }
    }

    fn push(&mut self, entity: Entity, date: Option<PartialDate>, batch: &mut Batch) {
        batch.sort_by_key(|(f, _, _)| f.tier_in(entity));
        let first = to_u32(self.fields.len());
        let mut lens = 0u64;
        let mut masks = (0u64, 0u64);
        for (field, item, text) in batch.drain(..) {
            let start = to_u32(self.text.len());
            fold::fold_into(&text, &mut self.text);
            let end = to_u32(self.text.len());
            let folded = &self.text[start as usize..end as usize];
            // A date's forms have digits: a query without one is never checked against them.
            if field.whole_rank() > 0 && field != Field::Date {
                lens |= 1 << (folded.len() % 64);
            }
            let mask = query::mask(folded);
            if field.tier_in(entity) == 0 {
                masks.0 |= mask;
            }
            masks.1 |= mask;
            self.fields.push(FieldRec {
                start,
                end,
                mask,
                field,
                item,
                tier: field.tier_in(entity),
                initials: initials(folded),
            });
        }
        self.docs.push(Doc {
            entity,
            date,
            fields: (first, to_u32(self.fields.len())),
            lens,
            masks,
        });
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
            + self.fields.capacity() * size_of::<FieldRec>()
            + self.docs.capacity() * size_of::<Doc>()
            + self.short.capacity()
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

/// The fields of one record being indexed: which, which item, and the text.
type Batch<'g> = Vec<(Field, u16, Cow<'g, str>)>;

/// The date fields already written: many records share a date.
type Dates = std::collections::HashMap<PartialDate, String>;

/// Adds the forms of a record's date (see [`date_forms`]) as one field.
fn dated(batch: &mut Batch, date: Option<PartialDate>, dates: &mut Dates) {
    if let Some(d) = date {
        let forms = dates.entry(d).or_insert_with(|| date_forms(d).join(JOIN));
        batch.push((Field::Date, 0, Cow::Owned(forms.clone())));
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

fn item(i: usize) -> u16 {
    u16::try_from(i).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod narrow_tests;
#[cfg(test)]
mod tests;
