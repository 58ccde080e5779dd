//! Building the [`SearchIndex`]: every searchable field of every record folded straight
//! from the graph (no copy of a field on the way), on two threads that each fold half the
//! text's records into a text of their own, joined in index order (the texts are not
//! copied into one: the second is the index's `tail`). No I/O.

use std::collections::HashMap;
use std::ops::Range;

use super::{Doc, Field, FieldRec, JOIN, SearchIndex, cores, date_forms, fold, initials, query};
use crate::graph::{ActorIx, Entity, EventIx, Graph, PartialDate, QuoteIx, SourceIx, to_u32};

/// Where a field's text is in the graph: folded into the index as it is read.
#[derive(Clone, Copy)]
enum Src<'g> {
    Str(&'g str),
    /// The names and aliases of these actors, joined by [`JOIN`].
    Names(&'g [ActorIx]),
    /// These aliases, joined by [`JOIN`].
    Aliases(&'g [String]),
    /// Every form of the date (see [`date_forms`]), joined by [`JOIN`].
    Date(PartialDate),
}

/// The fields of one record being indexed: which, which item, and where its text is.
type Batch<'g> = Vec<(Field, u16, Src<'g>)>;

/// The folded forms of the dates already written: many records share a date.
type Dates = HashMap<PartialDate, Box<str>>;

/// Bytes a date's forms take, about: for the estimate of the text's size.
const DATE_BYTES: usize = 56;

impl SearchIndex {
    /// Folds every field of `g`: the records in two parts of about as much text, on two
    /// threads, the second part then appended to the first.
    pub fn build(g: &Graph) -> Self {
        let n = g.events.len() + g.quotes.len() + g.actors.len() + g.sources.len();
        let total: usize = (0..n).map(|i| estimate(g, i)).sum();
        let (mut half, mut cut) = (0, 0);
        while cut < n && half < total / 2 {
            half += estimate(g, cut);
            cut += 1;
        }
        let (mut ix, second) = std::thread::scope(|s| {
            let second = s.spawn(|| part(g, cut..n, n - cut, total - half));
            // The first part reserves room for the second's fields and records.
            let first = part(g, 0..cut, n, half);
            (
                first,
                second.join().unwrap_or_else(|_| part(g, cut..n, 0, 0)),
            )
        });
        ix.append(second);
        ix.text.shrink_to_fit();
        ix.tail.shrink_to_fit();
        ix.fields.shrink_to_fit();
        let mut at = 0;
        for (kind, len) in [
            g.events.len(),
            g.quotes.len(),
            g.actors.len(),
            g.sources.len(),
        ]
        .into_iter()
        .enumerate()
        {
            ix.kinds[kind] = to_u32(at)..to_u32(at + len);
            at += len;
        }
        ix.short = ix.docs.iter().map(|d| ix.short_len(d)).collect();
        ix.by_short = ix.order_by_short();
        cores::settle_allocators();
        ix
    }

    /// Appends an index built alone (its text, fields and docs from 0) after this one,
    /// its text as the `tail` (this one has none).
    fn append(&mut self, part: SearchIndex) {
        let text = to_u32(self.text.len());
        let fields = to_u32(self.fields.len());
        self.tail = part.text;
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
    }

    /// Folds the fields of one record, its best tier first, and adds it.
    fn push(
        &mut self,
        g: &Graph,
        entity: Entity,
        date: Option<PartialDate>,
        batch: &mut Batch,
        dates: &mut Dates,
    ) {
        batch.sort_by_key(|(f, _, _)| f.tier_in(entity));
        let first = to_u32(self.fields.len());
        let mut lens = 0u64;
        let mut masks = (0u64, 0u64);
        for (field, item, src) in batch.drain(..) {
            let start = to_u32(self.text.len());
            match src {
                Src::Str(s) => fold::fold_into(s, &mut self.text),
                Src::Names(actors) => {
                    let names = actors.iter().flat_map(|&a| {
                        let actor = g.actor(a);
                        std::iter::once(actor.name.as_str())
                            .chain(actor.aliases.iter().map(String::as_str))
                    });
                    self.fold_joined(names);
                }
                Src::Aliases(aliases) => self.fold_joined(aliases.iter().map(String::as_str)),
                Src::Date(d) => {
                    let forms = dates
                        .entry(d)
                        .or_insert_with(|| fold::fold(&date_forms(d).join(JOIN)).into());
                    self.text.push_str(forms);
                }
            }
            let end = to_u32(self.text.len());
            let folded = &self.text[start as usize..end as usize];
            // A date's forms have digits: a query without one is never checked against them.
            if field.whole_rank() > 0 && field != Field::Date {
                lens |= 1 << (folded.len() % 64);
            }
            let mask = query::mask(folded);
            let tier = field.tier_in(entity);
            if tier == 0 {
                masks.0 |= mask;
            }
            masks.1 |= mask;
            self.fields.push(FieldRec {
                start,
                end,
                mask,
                field,
                item,
                tier,
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

    /// Folds these texts into the index, joined by [`JOIN`] (which folds to itself).
    fn fold_joined<'a>(&mut self, texts: impl Iterator<Item = &'a str>) {
        for (i, t) in texts.enumerate() {
            if i > 0 {
                self.text.push_str(JOIN);
            }
            fold::fold_into(t, &mut self.text);
        }
    }
}

/// The index of the records `range` of `g` (events, then quotes, actors and sources,
/// numbered on), with room for about `records` records and `bytes` of text.
fn part(g: &Graph, range: Range<usize>, records: usize, bytes: usize) -> SearchIndex {
    let mut ix = SearchIndex::default();
    ix.text.reserve(bytes);
    ix.docs.reserve(records);
    // Seven fields a record on average (a synthetic event has seven, a quote six).
    ix.fields.reserve(records * 7);
    let mut dates = Dates::default();
    let mut batch: Batch = Vec::new();
    for i in range {
        let (entity, date) = record(g, i, &mut batch);
        ix.push(g, entity, date, &mut batch, &mut dates);
    }
    ix
}

/// Record `i` of `g` (events, then quotes, actors and sources): what it is, its date,
/// and (into `batch`) its fields.
fn record<'g>(g: &'g Graph, i: usize, batch: &mut Batch<'g>) -> (Entity, Option<PartialDate>) {
    let (ne, nq, na) = (g.events.len(), g.quotes.len(), g.actors.len());
    if i < ne {
        let ev = &g.events[i];
        batch.push((Field::Title, 0, Src::Str(&ev.title)));
        batch.extend(ev.place.as_deref().map(|p| (Field::Place, 0, Src::Str(p))));
        for (t, tag) in ev.tags.iter().enumerate() {
            batch.push((Field::Tag, item(t), Src::Str(tag)));
        }
        if !ev.actors.is_empty() {
            batch.push((Field::Actor, 0, Src::Names(&ev.actors)));
        }
        batch.extend(
            ev.summary
                .as_deref()
                .map(|s| (Field::Summary, 0, Src::Str(s))),
        );
        batch.push((Field::Date, 0, Src::Date(ev.date)));
        batch.push((Field::Id, 0, Src::Str(&ev.id)));
        return (Entity::Event(EventIx(to_u32(i))), Some(ev.date));
    }
    if i < ne + nq {
        let qx = QuoteIx(to_u32(i - ne));
        let q = g.quote(qx);
        let speaker = g.actor(q.speaker);
        batch.push((Field::Speaker, 0, Src::Str(&speaker.name)));
        if !speaker.aliases.is_empty() {
            batch.push((Field::SpeakerAlias, 0, Src::Aliases(&speaker.aliases)));
        }
        batch.push((Field::Text, 0, Src::Str(&q.text)));
        batch.extend(
            q.translation
                .as_deref()
                .map(|s| (Field::Translation, 0, Src::Str(s))),
        );
        batch.extend(
            q.original
                .as_deref()
                .map(|s| (Field::Original, 0, Src::Str(s))),
        );
        let date = g.quote_date(qx);
        batch.push((Field::Date, 0, Src::Date(date)));
        batch.push((Field::Id, 0, Src::Str(&q.id)));
        return (Entity::Quote(qx), Some(date));
    }
    if i < ne + nq + na {
        let ax = ActorIx(to_u32(i - ne - nq));
        let a = g.actor(ax);
        batch.push((Field::Name, 0, Src::Str(&a.name)));
        batch.extend(a.role.as_deref().map(|s| (Field::Role, 0, Src::Str(s))));
        for (t, alias) in a.aliases.iter().enumerate() {
            batch.push((Field::Alias, item(t), Src::Str(alias)));
        }
        batch.extend(
            a.summary
                .as_deref()
                .map(|s| (Field::Summary, 0, Src::Str(s))),
        );
        batch.push((Field::Id, 0, Src::Str(&a.id)));
        return (Entity::Actor(ax), None);
    }
    let sx = SourceIx(to_u32(i - ne - nq - na));
    let s = g.source(sx);
    batch.push((Field::Title, 0, Src::Str(&s.title)));
    batch.push((Field::Publisher, 0, Src::Str(&s.publisher)));
    batch.extend(
        s.summary
            .as_deref()
            .map(|t| (Field::Summary, 0, Src::Str(t))),
    );
    batch.extend(s.published.map(|d| (Field::Date, 0, Src::Date(d))));
    batch.push((Field::Id, 0, Src::Str(&s.id)));
    (Entity::Source(sx), s.published)
}

/// About how many bytes record `i`'s fields take (their lengths, unread): to cut the
/// records in two parts of as much work, and to reserve the text.
fn estimate(g: &Graph, i: usize) -> usize {
    let (ne, nq, na) = (g.events.len(), g.quotes.len(), g.actors.len());
    let opt = |s: &Option<String>| s.as_ref().map_or(0, String::len);
    let names = |a: ActorIx| {
        let a = g.actor(a);
        a.name.len()
            + a.aliases
                .iter()
                .map(|s| s.len() + JOIN.len())
                .sum::<usize>()
    };
    if i < ne {
        let e = &g.events[i];
        return e.title.len()
            + opt(&e.place)
            + e.tags.iter().map(String::len).sum::<usize>()
            + e.actors
                .iter()
                .map(|&a| names(a) + JOIN.len())
                .sum::<usize>()
            + opt(&e.summary)
            + DATE_BYTES
            + e.id.len();
    }
    if i < ne + nq {
        let q = &g.quotes[i - ne];
        return names(q.speaker)
            + q.text.len()
            + opt(&q.translation)
            + opt(&q.original)
            + DATE_BYTES
            + q.id.len();
    }
    if i < ne + nq + na {
        let a = &g.actors[i - ne - nq];
        return names(ActorIx(to_u32(i - ne - nq))) + opt(&a.role) + opt(&a.summary) + a.id.len();
    }
    let s = &g.sources[i - ne - nq - na];
    s.title.len() + s.publisher.len() + opt(&s.summary) + DATE_BYTES + s.id.len()
}

fn item(i: usize) -> u16 {
    u16::try_from(i).unwrap_or(u16::MAX)
}
