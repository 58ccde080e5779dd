//! Matching: a pass over every record of the query's scope (on every core, in chunks
//! between looks at a cancel flag) keeps those where every word matches some field, with
//! the keys [`rank`](super::rank) orders them by; a word that matches nothing is tried as
//! the words an edit or two away. A cancelled pass gives back what it established (its
//! matches so far and the records not read), the scope of a narrower query. No I/O.

use std::borrow::Cow;

use chrono::Datelike;

use super::cores::Scanned;
use super::cores::on_every_core;
use super::ctx::{Ctx, is_whole_field};
use super::query::{ACTORS, EVENTS, How, QUOTES, Query, SOURCES};
use super::rank::{Cand, Matches};
use super::score::{CLOSE, LOOSE, group_of, quality, tier_of};
use super::typo::allowed;
use super::{Doc, SearchIndex};
use crate::graph::Entity;

/// Records scanned between two looks at the cancel flag.
const CHUNK: usize = 2048;

impl SearchIndex {
    /// A field's folded text, in `text` or after it in `tail`.
    pub(crate) fn field_text(&self, f: &super::FieldRec) -> &str {
        let (start, end, split) = (f.start as usize, f.end as usize, self.text.len());
        if start < split {
            self.text.get(start..end)
        } else {
            self.tail.get(start - split..end - split)
        }
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

    /// Every record matching `q`, searched among `within` (positions from an earlier,
    /// wider query's [`Matches::docs`] or [`Pass::Cancelled`]) or among all; `None` when
    /// `cancelled` said so. A word that matches nothing is searched again as the words of
    /// names, aliases and titles an edit or two away.
    pub fn matches(
        &self,
        q: &Query,
        within: Option<&[u32]>,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Matches> {
        match self.pass(q, within, cancelled) {
            Pass::Done(m) => Some(m),
            Pass::Cancelled(_) => None,
        }
    }

    /// [`SearchIndex::matches`], and when `cancelled` stops it, what it established: the
    /// records it read and found matching and those it had not read yet, among which a
    /// narrower query's matches all are. The same matches as a pass over every record:
    /// when a word matches nothing closely among `within`, whether to correct it as a
    /// typo is for every record to say, so the pass starts over from all of them.
    pub fn pass(
        &self,
        q: &Query,
        within: Option<&[u32]>,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Pass {
        if q.is_empty() {
            return Pass::Done(Matches::default());
        }
        let docs = self.scope(q, within);
        let (cands, seen) =
            match on_every_core(&docs, |chunk| self.scan(q, chunk, false, cancelled)) {
                Ok(found) => found,
                Err(left) => return Pass::Cancelled(left),
            };
        let mut resolved = q.clone();
        if self.correct(&mut resolved, seen) {
            if within.is_some_and(|w| !self.covers(q, w)) {
                // A record outside `within` may match the word closely: ask them all.
                return self.pass(q, None, cancelled);
            }
            // Every record of the kinds searched (the list read above, when it was that).
            let all = match docs {
                Cow::Owned(all) => all,
                Cow::Borrowed(_) => self.in_scope(q),
            };
            return match on_every_core(&all, |chunk| self.scan(&resolved, chunk, false, cancelled))
            {
                Ok((cands, _)) => Pass::Done(Matches::new(cands, resolved, Some(all))),
                // The corrected query matches wherever `q` does (and more).
                Err(left) => Pass::Cancelled(left),
            };
        }
        Pass::Done(Matches::new(cands, resolved, None))
    }

    /// Whether `within` holds every record of the kinds `q` searches.
    fn covers(&self, q: &Query, within: &[u32]) -> bool {
        let kinds = [EVENTS, QUOTES, ACTORS, SOURCES];
        let wanted = |d: u32| {
            kinds
                .iter()
                .zip(&self.kinds)
                .any(|(k, r)| q.kinds & k != 0 && r.contains(&d))
        };
        within.iter().filter(|&&d| wanted(d)).count() == self.scope_len(q)
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
        let docs = self.scope(q, within);
        let (cands, _) = on_every_core(&docs, |chunk| self.scan(q, chunk, true, cancelled)).ok()?;
        (cands.len() >= limit).then(|| Matches::new(cands, q.clone(), None))
    }

    /// The records a search reads: `within` when given, else those of the kinds `q`
    /// searches.
    pub(super) fn scope<'a>(&self, q: &Query, within: Option<&'a [u32]>) -> Cow<'a, [u32]> {
        within.map_or_else(|| Cow::Owned(self.in_scope(q)), Cow::Borrowed)
    }

    /// How many records are of the kinds `q` searches.
    pub(super) fn scope_len(&self, q: &Query) -> usize {
        [EVENTS, QUOTES, ACTORS, SOURCES]
            .iter()
            .zip(&self.kinds)
            .filter(|(k, _)| q.kinds & **k != 0)
            .map(|(_, r)| r.len())
            .sum()
    }

    /// The records of the kinds `q` searches, in index order.
    pub(super) fn in_scope(&self, q: &Query) -> Vec<u32> {
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
    /// words matched better than loosely anywhere; when `cancelled`, those of the records
    /// read until then.
    pub(super) fn scan(
        &self,
        q: &Query,
        docs: &[u32],
        titles: bool,
        cancelled: &dyn Fn() -> bool,
    ) -> Scanned {
        let ctx = Ctx::new(q);
        let mut best = Vec::new();
        let mut seen = 0u64;
        let mut out = Vec::new();
        let top = quality(CLOSE, 0, 0);
        let mut read = 0;
        for chunk in docs.chunks(CHUNK) {
            if cancelled() {
                break;
            }
            read += chunk.len();
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
        Scanned {
            cands: out,
            seen,
            read,
        }
    }
}

/// What a pass found: every match, or what it established before it was cancelled.
#[derive(Debug)]
pub enum Pass {
    Done(Matches),
    /// The records a query narrowing this one (see [`Query::narrows`]) is to be searched
    /// among, in index order: those read and found matching, and those not read.
    Cancelled(Vec<u32>),
}

/// Whether `q` searches records of `doc`'s kind.
pub(super) fn kind_ok(q: &Query, doc: &Doc) -> bool {
    let bit = match doc.entity {
        Entity::Event(_) => EVENTS,
        Entity::Quote(_) => QUOTES,
        Entity::Actor(_) => ACTORS,
        Entity::Source(_) => SOURCES,
    };
    q.kinds & bit != 0
}
