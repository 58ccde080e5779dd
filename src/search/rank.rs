//! Ranking the records [`scan`](super::scan) found: by a whole-field match of the query,
//! then the weakest word's best match (see [`score`](super::score)); only the best groups
//! get the finer ordering (words next to each other, the shorter field, the kind, the
//! date) and their match positions. No I/O.

use std::borrow::Cow;

use std::cmp::Reverse;

use super::ctx::{Ctx, is_whole_field};
use super::query::Query;
use super::score::{LOOSE, TYPO, group_of, quality};
use super::typo::is_word_char;
use super::{Field, SearchIndex};
use crate::graph::{Entity, Graph, PartialDate};

/// One ranked match: a record, and the field that shows it best.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub entity: Entity,
    pub field: Field,
    /// Which tag, alias, actor or form of the date, for those fields.
    pub item: usize,
    /// The ranking's score (higher is better; for display and JSON).
    pub score: i64,
    pub date: Option<PartialDate>,
    /// Character positions of the matched characters in the original field text.
    pub positions: Vec<usize>,
}

impl Hit {
    /// The original text of the matched field.
    pub fn text<'g>(&self, g: &'g Graph) -> Cow<'g, str> {
        self.field.text(g, self.entity, self.item)
    }
}

/// A record that matches: a whole-field match of the query (2 its own name or title, 1
/// another field), the weakest word's best quality and the sum of all words' best.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cand {
    pub doc: u32,
    pub exact: u8,
    pub min: u16,
    pub sum: u16,
    /// The record's date as a number that sorts like it (0 without one).
    pub date: u32,
}

impl Cand {
    fn is_loose(&self) -> bool {
        group_of(self.min) == LOOSE
    }
}

/// Every record matching a query; rank them with [`Matches::rank`].
#[derive(Debug, Clone, Default)]
pub struct Matches {
    cands: Vec<Cand>,
    /// Some record matches better than loosely: the loose ones are left out.
    close: bool,
    /// The query as searched, with the corrections of its typos.
    resolved: Query,
    /// The records searched, when typos were corrected (the next query cannot narrow
    /// from the matches then).
    scope: Option<Vec<u32>>,
}

impl Matches {
    pub(super) fn new(cands: Vec<Cand>, resolved: Query, scope: Option<Vec<u32>>) -> Self {
        let close = cands.iter().any(|c| !c.is_loose());
        Matches {
            cands,
            close,
            resolved,
            scope,
        }
    }

    /// How many records match.
    pub fn total(&self) -> usize {
        if self.close {
            self.cands.iter().filter(|c| !c.is_loose()).count()
        } else {
            self.cands.len()
        }
    }

    /// Records the next, narrower query can be searched among (positions in the index).
    pub fn docs(&self) -> Vec<u32> {
        match &self.scope {
            Some(all) => all.clone(),
            None => self.cands.iter().map(|c| c.doc).collect(),
        }
    }

    /// The query as searched: with the words its typos were corrected to.
    pub fn resolved(&self) -> &Query {
        &self.resolved
    }

    /// The best `limit` hits: a whole-field match first, then the weakest word's best
    /// match, then words found next to each other, all words' matches, the shorter
    /// field, events, quotes and actors before sources, and the newest.
    pub fn rank(&self, ix: &SearchIndex, _q: &Query, limit: usize) -> Vec<Hit> {
        let ctx = Ctx::new(&self.resolved);
        let shown = |c: &&Cand| !(self.close && c.is_loose());
        let key = |c: &Cand| (c.exact, c.min);
        // One pass counts each key's records; the best keys that fill `limit` are the
        // groups read, gathered in one more pass (in the order of the candidates).
        let slot =
            |(exact, min): (u8, u16)| usize::from(exact.min(2)) * 256 + usize::from(min.min(255));
        let mut counts = vec![0usize; 3 * 256];
        for c in self.cands.iter().filter(shown) {
            counts[slot(key(c))] += 1;
        }
        let mut wanted = vec![usize::MAX; 3 * 256];
        let mut groups: Vec<Vec<&Cand>> = Vec::new();
        let mut room = limit;
        for s in (0..3 * 256).rev() {
            if room == 0 {
                break;
            }
            if counts[s] > 0 {
                wanted[s] = groups.len();
                groups.push(Vec::with_capacity(counts[s]));
                room = room.saturating_sub(counts[s]);
            }
        }
        if !groups.is_empty() {
            for c in self.cands.iter().filter(shown) {
                if let Some(g) = groups.get_mut(wanted[slot(key(c))]) {
                    g.push(c);
                }
            }
        }
        let mut hits = Vec::new();
        // Group by group, best first (the first group nearly always fills the screen).
        for mut group in groups {
            let need = limit.saturating_sub(hits.len());
            if need == 0 {
                break;
            }
            // The finer keys are read for the best of the group by the sum of the words'
            // matches, then the newest.
            let keep = (need * 4).max(120);
            if group.len() > keep {
                group
                    .select_nth_unstable_by_key(keep, |c| (Reverse(c.sum), Reverse(c.date), c.doc));
                group.truncate(keep);
            }
            let mut scored: Vec<(Hit, u8, u16, usize)> =
                group.iter().map(|c| ix.detail(&ctx, c)).collect();
            scored.sort_by(|a, b| {
                (
                    Reverse(a.1),
                    Reverse(a.2),
                    a.3,
                    order(a.0.entity),
                    Reverse(a.0.date),
                )
                    .cmp(&(
                        Reverse(b.1),
                        Reverse(b.2),
                        b.3,
                        order(b.0.entity),
                        Reverse(b.0.date),
                    ))
            });
            scored.truncate(need);
            hits.extend(scored.into_iter().map(|s| s.0));
        }
        hits
    }
}

/// A stable order of records for the last ties: events, quotes, actors, sources.
fn order(e: Entity) -> (u8, u32) {
    match e {
        Entity::Event(i) => (0, i.0),
        Entity::Quote(i) => (1, i.0),
        Entity::Actor(i) => (2, i.0),
        Entity::Source(i) => (3, i.0),
    }
}

impl SearchIndex {
    /// The field that shows a candidate best, its match positions, the words found next
    /// to each other there, and the field's length.
    pub(super) fn detail(&self, ctx: &Ctx, c: &Cand) -> (Hit, u8, u16, usize) {
        let doc = &self.docs[c.doc as usize];
        // The best field so far: (whole query, words matched, quality), index, offsets.
        let mut shown: Option<Shown> = None;
        let mut adjacent = 0u8;
        let mut offsets = Vec::new();
        for fi in doc.fields.0..doc.fields.1 {
            let f = &self.fields[fi as usize];
            let tier = f.tier;
            // Summaries only when no shorter field shows every word.
            if tier == 2 && shown.as_ref().is_some_and(|s| s.0.1 == ctx.pos.len()) {
                break;
            }
            let text = self.field_text(f);
            let mut all = Vec::new();
            let mut spans: Vec<Option<(usize, usize)>> = Vec::with_capacity(ctx.pos.len());
            let (mut count, mut sum) = (0, 0u32);
            for n in &ctx.pos {
                offsets.clear();
                let fits = n.t.mask & !f.mask == 0;
                let found = (fits || n.has_alts())
                    .then(|| {
                        let floor = if self_close(c) { TYPO } else { LOOSE };
                        n.best(text, (tier, f.initials), fits, floor, Some(&mut offsets))
                    })
                    .flatten();
                match found {
                    Some((g, fine)) if !(self_close(c) && g == LOOSE) => {
                        count += 1;
                        sum += u32::from(quality(g, tier, fine));
                        let first = offsets.iter().min().copied().unwrap_or(0);
                        let last = offsets.iter().max().map_or(0, |&l| {
                            l + text
                                .get(l..)
                                .and_then(|s| s.chars().next())
                                .map_or(1, char::len_utf8)
                        });
                        spans.push(Some((first, last)));
                        all.extend_from_slice(&offsets);
                    }
                    _ => spans.push(None),
                }
            }
            let pairs = spans
                .windows(2)
                .filter(|w| match (w[0], w[1]) {
                    (Some((_, end)), Some((start, _))) => {
                        start >= end
                            && start - end <= 3
                            && text
                                .get(end..start)
                                .is_some_and(|g| !g.chars().any(is_word_char))
                    }
                    _ => false,
                })
                .count();
            adjacent = adjacent.max(u8::try_from(pairs).unwrap_or(u8::MAX));
            let whole = f.field.whole_rank() > 0
                && !ctx.phrase.is_empty()
                && is_whole_field(f.field, text, &ctx.phrase);
            let key = (whole, count, sum + 8 * u32::try_from(pairs).unwrap_or(0));
            if count > 0 && shown.as_ref().is_none_or(|s| key > s.0) {
                shown = Some((key, fi as usize, all));
            }
        }
        let (field, positions, len) = match shown {
            Some((_, fi, mut all)) => {
                let f = &self.fields[fi];
                let text = self.field_text(f);
                all.sort_unstable();
                all.dedup();
                (Some(f), chars_at(text, &all), text.chars().count())
            }
            None => (None, Vec::new(), usize::MAX),
        };
        let rec = field
            .copied()
            .or_else(|| self.fields.get(doc.fields.0 as usize).copied());
        let score = i64::from(c.exact) * 1_000_000
            + i64::from(c.min) * 10_000
            + i64::from(adjacent) * 1_000
            + i64::from(c.sum);
        let hit = Hit {
            entity: doc.entity,
            field: rec.map_or(Field::Title, |f| f.field),
            item: rec.map_or(0, |f| usize::from(f.item)),
            score,
            date: doc.date,
            positions,
        };
        (hit, adjacent, c.sum, len)
    }
}

/// A field shown for a hit: its key, its index, the byte offsets of its matches.
type Shown = ((bool, usize, u32), usize, Vec<usize>);

/// Whether a candidate matched better than loosely (then its loose matches are not shown).
fn self_close(c: &Cand) -> bool {
    !c.is_loose()
}

/// Character positions of the characters at these byte offsets (sorted) of `text`.
fn chars_at(text: &str, offsets: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(offsets.len());
    let mut next = offsets.iter().peekable();
    for (ci, (bi, _)) in text.char_indices().enumerate() {
        while next.peek().is_some_and(|&&o| o < bi) {
            next.next();
        }
        if next.peek().is_some_and(|&&o| o == bi) {
            out.push(ci);
            next.next();
        }
    }
    out
}
