//! `SearchIndex`: every searchable field of every record, folded once (see [`fold`]) into
//! one text with a character mask per field; `query` parses, matches and ranks into
//! [`Hit`]s whose positions point into the original field text. No I/O.

pub mod fold;
pub mod query;
pub mod rank;
pub mod snippet;

use std::ops::Range;

use crate::graph::{ActorIx, Entity, EventIx, Graph, PartialDate, QuoteIx, SourceIx, to_u32};

pub use query::Query;
pub use rank::{Hit, Matches};

/// Which field of a record matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// An event's or a source's title.
    Title,
    /// An actor's name.
    Name,
    /// A quote's speaker (the actor's name).
    Speaker,
    /// One tag of an event.
    Tag,
    /// An event's place.
    Place,
    /// One alias of an actor.
    Alias,
    /// An actor's role.
    Role,
    /// A source's publisher.
    Publisher,
    /// A quote's words as printed.
    Text,
    /// A summary (event, actor or source).
    Summary,
    /// A quote's English translation.
    Translation,
    /// A quote's original words.
    Original,
}

impl Field {
    /// The name shown and printed in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Name => "name",
            Field::Speaker => "speaker",
            Field::Tag => "tag",
            Field::Place => "place",
            Field::Alias => "alias",
            Field::Role => "role",
            Field::Publisher => "publisher",
            Field::Text => "text",
            Field::Summary => "summary",
            Field::Translation => "translation",
            Field::Original => "original",
        }
    }

    /// Rank of the field: a match in a title or a name (0) beats one in a short field
    /// or a quote's words (1), which beats one in a summary or a translation (2).
    pub fn tier(self) -> u8 {
        match self {
            Field::Title | Field::Name | Field::Speaker => 0,
            Field::Tag
            | Field::Place
            | Field::Alias
            | Field::Role
            | Field::Publisher
            | Field::Text => 1,
            Field::Summary | Field::Translation | Field::Original => 2,
        }
    }

    /// The original text of this field of a record (`item` picks a tag or an alias).
    pub fn text(self, g: &Graph, entity: Entity, item: usize) -> &str {
        let empty = "";
        match (entity, self) {
            (Entity::Event(e), f) => {
                let ev = g.event(e);
                match f {
                    Field::Title => &ev.title,
                    Field::Place => ev.place.as_deref().unwrap_or(empty),
                    Field::Tag => ev.tags.get(item).map_or(empty, String::as_str),
                    Field::Summary => ev.summary.as_deref().unwrap_or(empty),
                    _ => empty,
                }
            }
            (Entity::Quote(q), f) => {
                let quote = g.quote(q);
                match f {
                    Field::Speaker => &g.actor(quote.speaker).name,
                    Field::Text => &quote.text,
                    Field::Translation => quote.translation.as_deref().unwrap_or(empty),
                    Field::Original => quote.original.as_deref().unwrap_or(empty),
                    _ => empty,
                }
            }
            (Entity::Actor(a), f) => {
                let actor = g.actor(a);
                match f {
                    Field::Name => &actor.name,
                    Field::Role => actor.role.as_deref().unwrap_or(empty),
                    Field::Alias => actor.aliases.get(item).map_or(empty, String::as_str),
                    Field::Summary => actor.summary.as_deref().unwrap_or(empty),
                    _ => empty,
                }
            }
            (Entity::Source(s), f) => {
                let src = g.source(s);
                match f {
                    Field::Title => &src.title,
                    Field::Publisher => &src.publisher,
                    Field::Summary => src.summary.as_deref().unwrap_or(empty),
                    _ => empty,
                }
            }
        }
    }
}

/// One searchable field: where its folded text is, and which characters it has.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FieldRec {
    pub start: u32,
    pub end: u32,
    pub mask: u64,
    pub field: Field,
    pub item: u16,
}

/// One record: what it is, its date (for ties), and its fields, best tier first.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Doc {
    pub entity: Entity,
    pub date: Option<PartialDate>,
    pub fields: (u32, u32),
}

/// Every searchable field of a graph, folded once.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    pub(crate) text: String,
    pub(crate) fields: Vec<FieldRec>,
    /// Events, then quotes, actors and sources (the ranges below).
    pub(crate) docs: Vec<Doc>,
    pub(crate) kinds: [Range<u32>; 4],
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
        ix
    }

    fn events(g: &Graph) -> Self {
        let mut ix = SearchIndex::default();
        let mut batch: Vec<(Field, u16, &str)> = Vec::new();
        for (i, ev) in g.events.iter().enumerate() {
            batch.push((Field::Title, 0, &ev.title));
            batch.extend(ev.place.as_deref().map(|p| (Field::Place, 0, p)));
            for (t, tag) in ev.tags.iter().enumerate() {
                batch.push((Field::Tag, item(t), tag));
            }
            batch.extend(ev.summary.as_deref().map(|s| (Field::Summary, 0, s)));
            ix.push(Entity::Event(EventIx(to_u32(i))), Some(ev.date), &mut batch);
        }
        ix.kinds[0] = 0..to_u32(ix.docs.len());
        ix
    }

    fn quotes(g: &Graph) -> Self {
        let mut ix = SearchIndex::default();
        let mut batch: Vec<(Field, u16, &str)> = Vec::new();
        for (i, q) in g.quotes.iter().enumerate() {
            let qx = QuoteIx(to_u32(i));
            batch.push((Field::Speaker, 0, &g.actor(q.speaker).name));
            batch.push((Field::Text, 0, &q.text));
            batch.extend(q.translation.as_deref().map(|s| (Field::Translation, 0, s)));
            batch.extend(q.original.as_deref().map(|s| (Field::Original, 0, s)));
            ix.push(Entity::Quote(qx), Some(g.quote_date(qx)), &mut batch);
        }
        ix.kinds[1] = 0..to_u32(ix.docs.len());
        ix
    }

    fn actors(g: &Graph) -> Self {
        let mut ix = SearchIndex::default();
        let mut batch: Vec<(Field, u16, &str)> = Vec::new();
        for (i, a) in g.actors.iter().enumerate() {
            batch.push((Field::Name, 0, &a.name));
            batch.extend(a.role.as_deref().map(|s| (Field::Role, 0, s)));
            for (t, alias) in a.aliases.iter().enumerate() {
                batch.push((Field::Alias, item(t), alias));
            }
            batch.extend(a.summary.as_deref().map(|s| (Field::Summary, 0, s)));
            ix.push(Entity::Actor(ActorIx(to_u32(i))), None, &mut batch);
        }
        ix.kinds[2] = 0..to_u32(ix.docs.len());
        ix
    }

    fn sources(g: &Graph) -> Self {
        let mut ix = SearchIndex::default();
        let mut batch: Vec<(Field, u16, &str)> = Vec::new();
        for (i, s) in g.sources.iter().enumerate() {
            batch.push((Field::Title, 0, &s.title));
            batch.push((Field::Publisher, 0, &s.publisher));
            batch.extend(s.summary.as_deref().map(|t| (Field::Summary, 0, t)));
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

    fn push(
        &mut self,
        entity: Entity,
        date: Option<PartialDate>,
        batch: &mut Vec<(Field, u16, &str)>,
    ) {
        batch.sort_by_key(|(f, _, _)| f.tier());
        let first = to_u32(self.fields.len());
        for (field, item, text) in batch.drain(..) {
            let start = to_u32(self.text.len());
            fold::fold_into(text, &mut self.text);
            let end = to_u32(self.text.len());
            let folded = &self.text[start as usize..end as usize];
            self.fields.push(FieldRec {
                start,
                end,
                mask: query::mask(folded),
                field,
                item,
            });
        }
        self.docs.push(Doc {
            entity,
            date,
            fields: (first, to_u32(self.fields.len())),
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

fn item(i: usize) -> u16 {
    u16::try_from(i).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests;
