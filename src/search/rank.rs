//! Matching and ranking. A pass over every record (on every core) keeps those where every
//! word of the query matches some field, keyed by a whole-field match of the query, then
//! the weakest word's best match (see [`score`](super::score)); only the best groups get
//! the finer ordering (words next to each other, the shorter field, the kind, the date)
//! and their match positions. No I/O.

use std::borrow::Cow;

use chrono::Datelike;
use std::cmp::Reverse;

use super::query::{ACTORS, EVENTS, How, QUOTES, Query, SOURCES};
use super::score::{CLOSE, LOOSE, Needle, TYPO, group_of, quality, same_phrase, tier_of};
use super::typo::{allowed, is_word_char};
use super::{Doc, Field, SearchIndex};
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
struct Cand {
    doc: u32,
    exact: u8,
    min: u16,
    sum: u16,
    /// The record's date as a number that sorts like it (0 without one).
    date: u32,
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

/// Records scanned between two looks at the cancel flag.
const CHUNK: usize = 2048;
/// Below this many records one core does it all.
const PARALLEL_FROM: usize = 20_000;

impl Matches {
    fn new(cands: Vec<Cand>, resolved: Query, scope: Option<Vec<u32>>) -> Self {
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
        let mut hits = Vec::new();
        // Group by group, best first: one pass finds the best key left, one gathers its
        // records (the first group nearly always fills the screen).
        let mut below: Option<(u8, u16)> = None;
        loop {
            let need = limit.saturating_sub(hits.len());
            let Some(top) = self
                .cands
                .iter()
                .filter(shown)
                .map(key)
                .filter(|k| below.is_none_or(|b| *k < b))
                .max()
            else {
                break;
            };
            if need == 0 {
                break;
            }
            below = Some(top);
            let mut group: Vec<&Cand> = self
                .cands
                .iter()
                .filter(shown)
                .filter(|c| key(c) == top)
                .collect();
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

/// A query's searchers, built once per search.
struct Ctx<'q> {
    pos: Vec<Needle<'q>>,
    neg: Vec<Needle<'q>>,
    /// The words as one phrase, for a whole-field match, and its characters.
    phrase: String,
    phrase_mask: u64,
    /// The phrase has a digit: it may be a form of a date.
    datelike: bool,
}

impl<'q> Ctx<'q> {
    fn new(q: &'q Query) -> Self {
        let pos: Vec<Needle> = q
            .terms
            .iter()
            .filter(|t| !t.negate)
            .take(64)
            .map(Needle::new)
            .collect();
        let neg = q
            .terms
            .iter()
            .filter(|t| t.negate)
            .map(Needle::new)
            .collect();
        let phrase = pos
            .iter()
            .filter(|n| matches!(n.t.how, How::Fuzzy | How::Exact))
            .map(|n| n.t.pattern.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let phrase_mask = super::query::mask(&phrase);
        let datelike = phrase.bytes().any(|b| b.is_ascii_digit());
        Ctx {
            pos,
            neg,
            phrase,
            phrase_mask,
            datelike,
        }
    }
}

impl SearchIndex {
    pub(crate) fn field_text(&self, f: &super::FieldRec) -> &str {
        self.text
            .get(f.start as usize..f.end as usize)
            .unwrap_or("")
    }

    /// Whether a field of `doc` is the whole query: 2 for its own name or title, 1 for
    /// another field, 0 for none; `None` when it holds an `!word`.
    fn exact_and_negated(&self, ctx: &Ctx, doc: &Doc) -> Option<u8> {
        let may_equal = !ctx.phrase.is_empty()
            && (ctx.datelike || doc.lens & (1 << (ctx.phrase.len() % 64)) != 0);
        if !may_equal && ctx.neg.is_empty() {
            return Some(0);
        }
        let mut exact = 0;
        for f in &self.fields[doc.fields.0 as usize..doc.fields.1 as usize] {
            let text = self.field_text(f);
            if may_equal
                && f.field.whole_rank() > 0
                && ctx.phrase_mask & !f.mask == 0
                && is_whole_field(f.field, text, &ctx.phrase)
            {
                exact = exact.max(f.field.whole_rank());
            }
            if ctx
                .neg
                .iter()
                .any(|n| n.t.mask & !f.mask == 0 && n.is_in(text))
            {
                return None;
            }
        }
        Some(exact)
    }

    /// Scores one record: each word's best match over its fields (of tier 0 only with
    /// `titles`), stored as quality + 1 in `best` (0: none); the words matched better
    /// than loosely go into `seen`.
    fn eval(
        &self,
        ctx: &Ctx,
        d: u32,
        titles: bool,
        best: &mut Vec<u16>,
        seen: &mut u64,
    ) -> Option<Cand> {
        let doc = &self.docs[d as usize];
        let exact = self.exact_and_negated(ctx, doc)?;
        best.clear();
        best.resize(ctx.pos.len(), 0);
        for f in &self.fields[doc.fields.0 as usize..doc.fields.1 as usize] {
            let tier = f.tier;
            if titles && tier > 0 {
                break;
            }
            let text = self.field_text(f);
            for (b, n) in best.iter_mut().zip(&ctx.pos) {
                // A close match in a better tier cannot be beaten here.
                if *b > 0 && group_of(*b - 1) == CLOSE && tier_of(*b - 1) < tier {
                    continue;
                }
                let fits = n.t.mask & !f.mask == 0;
                if !fits && !n.has_alts() {
                    continue;
                }
                // Only what would beat this word's best so far; in titles, close only.
                let floor = if titles {
                    CLOSE
                } else {
                    b.checked_sub(1).map_or(LOOSE, group_of)
                };
                if let Some((g, fine)) = n.best(text, (tier, f.initials), fits, floor, None) {
                    *b = (*b).max(quality(g, tier, fine) + 1);
                }
            }
        }
        for (i, &b) in best.iter().enumerate() {
            if b > 0 && group_of(b - 1) > LOOSE {
                *seen |= 1 << i;
            }
        }
        // Only `!words`: every record they leave.
        let min = best
            .iter()
            .copied()
            .min()
            .unwrap_or(quality(CLOSE, 0, 0) + 1);
        if min == 0 {
            return None;
        }
        Some(Cand {
            doc: d,
            exact,
            min: min - 1,
            sum: best.iter().map(|b| b - 1).sum(),
            date: doc.date.map_or(0, |d| {
                let days = u32::try_from(d.start().num_days_from_ce()).unwrap_or(0);
                days * 4 + d.precision() as u32 + 1
            }),
        })
    }

    /// The field that shows a candidate best, its match positions, the words found next
    /// to each other there, and the field's length.
    fn detail(&self, ctx: &Ctx, c: &Cand) -> (Hit, u8, u16, usize) {
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

    /// Every record matching `q`, searched among `within` (positions from an earlier,
    /// wider query's [`Matches::docs`]) or among all; `None` when `cancelled` said so.
    /// A word that matches nothing is searched again as the words of names, aliases and
    /// titles an edit or two away.
    pub fn matches(
        &self,
        q: &Query,
        within: Option<&[u32]>,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Matches> {
        if q.is_empty() {
            return Some(Matches::default());
        }
        let all: Vec<u32>;
        let docs: &[u32] = if let Some(w) = within {
            w
        } else {
            all = self.in_scope(q);
            &all
        };
        let (cands, seen) = on_every_core(docs, |chunk| self.scan(q, chunk, false, cancelled))?;
        let mut resolved = q.clone();
        if self.correct(&mut resolved, seen) {
            let all = self.in_scope(q);
            let (cands, _) =
                on_every_core(&all, |chunk| self.scan(&resolved, chunk, false, cancelled))?;
            return Some(Matches::new(cands, resolved, Some(all)));
        }
        Some(Matches::new(cands, resolved, None))
    }

    /// Gives each fuzzy word of four letters or more that matched nothing (no bit in
    /// `seen`) the nearest words of names, aliases and titles; whether any got some.
    fn correct(&self, q: &mut Query, seen: u64) -> bool {
        let mut any = false;
        for (i, t) in q
            .terms
            .iter_mut()
            .filter(|t| !t.negate)
            .take(64)
            .enumerate()
        {
            if seen & (1 << i) != 0 || t.how != How::Fuzzy {
                continue;
            }
            let near = self.near(&t.pattern, allowed(t.pattern.chars().count()));
            let Some(&(d, _)) = near.first() else {
                continue;
            };
            t.alts = near
                .iter()
                .take_while(|(e, _)| *e == d)
                .take(8)
                .map(|(e, w)| ((*w).to_string(), u8::try_from(*e).unwrap_or(u8::MAX)))
                .collect();
            any = true;
        }
        any
    }

    /// The records whose own name, title, alias or date holds every word closely, and
    /// those with a field equal to the query, when there are at least `limit`: then
    /// their best `limit` are the first screenful of [`SearchIndex::matches`] (every
    /// other record ranks below them), found by reading short fields only. `None` when
    /// there are fewer, or when `cancelled`.
    pub fn first_screen(
        &self,
        q: &Query,
        within: Option<&[u32]>,
        limit: usize,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Matches> {
        if q.is_empty() {
            return None;
        }
        let all: Vec<u32>;
        let docs = if let Some(w) = within {
            w
        } else {
            all = self.in_scope(q);
            &all
        };
        let (cands, _) = on_every_core(docs, |chunk| self.scan(q, chunk, true, cancelled))?;
        (cands.len() >= limit).then(|| Matches::new(cands, q.clone(), None))
    }

    /// The records of the kinds `q` searches, in index order.
    fn in_scope(&self, q: &Query) -> Vec<u32> {
        let kinds = [EVENTS, QUOTES, ACTORS, SOURCES];
        kinds
            .iter()
            .zip(&self.kinds)
            .filter(|(k, _)| q.kinds & **k != 0)
            .flat_map(|(_, r)| r.clone())
            .collect()
    }

    /// The candidates among `docs` (with `titles`: only those every word of which
    /// matches closely in a tier-0 field, or with a field equal to the query), and the
    /// words matched better than loosely anywhere.
    fn scan(
        &self,
        q: &Query,
        docs: &[u32],
        titles: bool,
        cancelled: &dyn Fn() -> bool,
    ) -> Option<(Vec<Cand>, u64)> {
        let ctx = Ctx::new(q);
        let mut best = Vec::new();
        let mut seen = 0u64;
        let mut out = Vec::new();
        let top = quality(CLOSE, 0, 0);
        for chunk in docs.chunks(CHUNK) {
            if cancelled() {
                return None;
            }
            for &d in chunk {
                let doc = &self.docs[d as usize];
                if !kind_ok(q, doc) {
                    continue;
                }
                // Some word's characters are missing: only a whole-field match could
                // still bring it in the titles pass (and it cannot, lacking them).
                let has = if titles { doc.masks.0 } else { doc.masks.1 };
                if ctx
                    .pos
                    .iter()
                    .any(|n| n.t.mask & !has != 0 && !n.has_alts())
                {
                    if titles
                        && self.exact_and_negated(&ctx, doc).is_some_and(|e| e > 0)
                        && let Some(c) = self.eval(&ctx, d, false, &mut best, &mut seen)
                    {
                        out.push(c);
                    }
                    continue;
                }
                let Some(c) = self.eval(&ctx, d, titles, &mut best, &mut seen) else {
                    if titles
                        && self.exact_and_negated(&ctx, doc).is_some_and(|e| e > 0)
                        && let Some(c) = self.eval(&ctx, d, false, &mut best, &mut seen)
                    {
                        out.push(c);
                    }
                    continue;
                };
                if !titles || c.min >= top {
                    out.push(c);
                } else if c.exact > 0
                    && let Some(c) = self.eval(&ctx, d, false, &mut best, &mut seen)
                {
                    out.push(c);
                }
            }
        }
        Some((out, seen))
    }
}

/// Whether a field is the whole query: a date when one of its forms is.
fn is_whole_field(field: Field, text: &str, phrase: &str) -> bool {
    if field == Field::Date {
        text.split(super::JOIN)
            .any(|form| same_phrase(form, phrase))
    } else {
        same_phrase(text, phrase)
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

/// Whether `q` searches records of `doc`'s kind.
fn kind_ok(q: &Query, doc: &Doc) -> bool {
    let bit = match doc.entity {
        Entity::Event(_) => EVENTS,
        Entity::Quote(_) => QUOTES,
        Entity::Actor(_) => ACTORS,
        Entity::Source(_) => SOURCES,
    };
    q.kinds & bit != 0
}

/// Runs `scan` over `docs` split across the cores (on one below [`PARALLEL_FROM`]) and
/// joins the candidates in order; `None` when any part was cancelled.
fn on_every_core(
    docs: &[u32],
    scan: impl Fn(&[u32]) -> Option<(Vec<Cand>, u64)> + Sync,
) -> Option<(Vec<Cand>, u64)> {
    let workers = std::thread::available_parallelism().map_or(1, usize::from);
    if docs.len() < PARALLEL_FROM || workers < 2 {
        return scan(docs);
    }
    let part = docs.len().div_ceil(workers);
    let scan = &scan;
    let parts: Vec<Option<(Vec<Cand>, u64)>> = std::thread::scope(|s| {
        let handles: Vec<_> = docs
            .chunks(part)
            .map(|chunk| s.spawn(move || scan(chunk)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().ok().flatten())
            .collect()
    });
    let mut out = Vec::new();
    let mut seen = 0;
    for p in parts {
        let (c, s) = p?;
        out.extend(c);
        seen |= s;
    }
    Some((out, seen))
}
