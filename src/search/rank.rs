//! Matching and ranking. A cheap pass over every record (mask, then a greedy subsequence
//! scan on folded text, on every core) finds all matches and a rough score; only the best
//! of the tier where the cut falls get fuzzy-matcher's exact score and positions. No I/O.

use std::cmp::Reverse;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use memchr::memmem::Finder;

use super::query::{ACTORS, EVENTS, How, QUOTES, Query, SOURCES, Term};
use super::{Doc, Field, FieldRec, SearchIndex};
use crate::graph::{Entity, Graph, PartialDate};

/// One ranked match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub entity: Entity,
    pub field: Field,
    /// Which tag or alias, for those fields.
    pub item: usize,
    /// fuzzy-matcher's score (summed over the words matched in this field).
    pub score: i64,
    pub date: Option<PartialDate>,
    /// Character positions of the matched characters in the original field text.
    pub positions: Vec<usize>,
}

impl Hit {
    /// The original text of the matched field.
    pub fn text<'g>(&self, g: &'g Graph) -> &'g str {
        self.field.text(g, self.entity, self.item)
    }
}

/// A record that matches, with the field it is shown by and a rough score.
#[derive(Debug, Clone, Copy)]
struct Cand {
    doc: u32,
    field: u32,
    /// Match quality, then field: `3 * class + tier`, where class 0 is a contiguous match,
    /// 1 a loose one (gaps at most the pattern's length) and 2 a scattered one; a scattered
    /// match in a title must not hide the exact word in a quote.
    band: u8,
    /// The positive terms matched in `field`, as bits.
    terms: u64,
    rough: i32,
}

/// Every record matching a query; rank them with [`Matches::rank`].
#[derive(Debug, Clone, Default)]
pub struct Matches {
    cands: Vec<Cand>,
}

/// What a match of a word's stem only (`fragmente` for `fragmentee`) loses against the
/// whole word, in fuzzy-matcher's score and in the rough one: about one character.
const STEM_PENALTY: i64 = 16;
const ROUGH_STEM_PENALTY: i32 = 16;

/// Records scanned between two looks at the cancel flag.
const CHUNK: usize = 2048;
/// Below this many records one core does it all.
const PARALLEL_FROM: usize = 20_000;

impl Matches {
    /// How many records match.
    pub fn total(&self) -> usize {
        self.cands.len()
    }

    /// The matching records (positions in the index), to narrow the next query from.
    pub fn docs(&self) -> Vec<u32> {
        self.cands.iter().map(|c| c.doc).collect()
    }

    /// The best `limit` hits: better tier first, then fuzzy-matcher's score, then newest.
    /// Within the tier where `limit` falls, only the best by rough score are scored
    /// exactly.
    pub fn rank(&self, ix: &SearchIndex, q: &Query, limit: usize) -> Vec<Hit> {
        let mut by_tier: [Vec<&Cand>; 9] = Default::default();
        for c in &self.cands {
            by_tier[usize::from(c.band.min(8))].push(c);
        }
        let matcher = SkimMatcherV2::default().respect_case();
        let needles = needles(q);
        let mut hits = Vec::new();
        for mut tier in by_tier {
            let need = limit.saturating_sub(hits.len());
            if need == 0 {
                break;
            }
            let keep = (need * 8).max(400);
            if tier.len() > keep {
                let key = |c: &&Cand| (Reverse(c.rough), Reverse(ix.docs[c.doc as usize].date));
                tier.select_nth_unstable_by_key(keep, key);
                tier.truncate(keep);
            }
            let mut scored: Vec<Hit> = tier
                .iter()
                .map(|c| exact(ix, &needles, c, &matcher))
                .collect();
            scored.sort_by(|a, b| {
                b.score
                    .cmp(&a.score)
                    .then(b.date.cmp(&a.date))
                    .then(order(a.entity).cmp(&order(b.entity)))
            });
            scored.truncate(need);
            hits.extend(scored);
        }
        hits
    }
}

/// A stable order of records for the last tie.
fn order(e: Entity) -> (u8, u32) {
    match e {
        Entity::Event(i) => (0, i.0),
        Entity::Quote(i) => (1, i.0),
        Entity::Actor(i) => (2, i.0),
        Entity::Source(i) => (3, i.0),
    }
}

/// The exact score and positions of a candidate, in its field.
fn exact(ix: &SearchIndex, needles: &[Needle], cand: &Cand, matcher: &SkimMatcherV2) -> Hit {
    let doc = &ix.docs[cand.doc as usize];
    let field = &ix.fields[cand.field as usize];
    let text = ix.field_text(field);
    let mut score = 0;
    let mut positions = Vec::new();
    for (i, needle) in positive(needles).enumerate() {
        if cand.terms & (1 << i) == 0 {
            continue;
        }
        let term = needle.t;
        if term.how == How::Fuzzy {
            let whole = matcher.fuzzy_indices(text, &term.pattern);
            let stem = needle
                .stem
                .as_ref()
                .and_then(|_| matcher.fuzzy_indices(text, &term.stem))
                .map(|(s, p)| (s - STEM_PENALTY, p));
            let best = match (whole, stem) {
                (Some(w), Some(s)) => Some(if s.0 > w.0 { s } else { w }),
                (w, s) => w.or(s),
            };
            if let Some((s, p)) = best {
                score += s;
                positions.extend(p);
            }
        } else if let Some(at) = find(needle, text) {
            let n = term.pattern.chars().count();
            let start = text[..at].chars().count();
            // As an exact run scores in skim: about 16 a character, more at a word start.
            score += i64::try_from(n * 16).unwrap_or(0) + if word_start(text, at) { 8 } else { 0 };
            positions.extend(start..start + n);
        }
    }
    positions.sort_unstable();
    positions.dedup();
    Hit {
        entity: doc.entity,
        field: field.field,
        item: usize::from(field.item),
        score,
        date: doc.date,
        positions,
    }
}

/// A term with its substring searchers, built once per search: `str::find` would
/// rebuild one for every field.
struct Needle<'q> {
    t: &'q Term,
    whole: Finder<'q>,
    /// For a fuzzy term with a shorter stem.
    stem: Option<Finder<'q>>,
}

fn needles(q: &Query) -> Vec<Needle<'_>> {
    q.terms
        .iter()
        .map(|t| Needle {
            t,
            whole: Finder::new(&t.pattern),
            stem: (t.how == How::Fuzzy && t.stem.len() < t.pattern.len())
                .then(|| Finder::new(&t.stem)),
        })
        .collect()
}

/// The terms a record must match (the first 64).
fn positive<'n, 'q>(needles: &'n [Needle<'q>]) -> impl Iterator<Item = &'n Needle<'q>> {
    needles.iter().filter(|n| !n.t.negate).take(64)
}

fn word_start(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// Where a term matches as written, as a substring or by its operator (byte offset).
fn find(n: &Needle, text: &str) -> Option<usize> {
    let t = n.t;
    match t.how {
        How::Fuzzy | How::Exact => n.whole.find(text.as_bytes()),
        How::Prefix => text.starts_with(&t.pattern).then_some(0),
        How::Suffix => text
            .ends_with(&t.pattern)
            .then(|| text.len() - t.pattern.len()),
        How::Whole => (text == t.pattern).then_some(0),
    }
}

/// A rough score and the match class (see `Cand::band`) when `t` matches `text`: tight
/// windows and word starts score higher.
fn rough(n: &Needle, text: &str) -> Option<(i32, u8)> {
    if let Some(score) = tight(n, text) {
        return Some((score, 0));
    }
    let t = n.t;
    if t.how != How::Fuzzy {
        return None;
    }
    scattered(&t.pattern, text).or_else(|| {
        n.stem
            .as_ref()
            .and_then(|_| scattered(&t.stem, text))
            .map(|(s, c)| (s - ROUGH_STEM_PENALTY, c))
    })
}

/// The rough score of `t` where it matches `text` as one run (class 0): a substring for
/// a fuzzy term (the whole word, else its stem, a little lower), or the operator's test.
fn tight(n: &Needle, text: &str) -> Option<i32> {
    let run = |pattern: &str, at: usize| {
        let len = i32::try_from(pattern.len()).unwrap_or(0);
        16 * len + if word_start(text, at) { 8 } else { 0 }
    };
    if let Some(at) = find(n, text) {
        return Some(run(&n.t.pattern, at));
    }
    let at = n.stem.as_ref()?.find(text.as_bytes())?;
    Some(run(&n.t.stem, at) - ROUGH_STEM_PENALTY)
}

/// The rough score and class of a fuzzy pattern that is no substring of `text`.
fn scattered(pattern: &str, text: &str) -> Option<(i32, u8)> {
    if pattern.is_ascii() {
        greedy(text.as_bytes(), pattern.as_bytes(), |b| {
            b.is_ascii_alphanumeric()
        })
    } else {
        let hay: Vec<char> = text.chars().collect();
        let pat: Vec<char> = pattern.chars().collect();
        greedy(&hay, &pat, char::is_alphanumeric)
    }
}

/// fzf's v1 idea: the first window where `pat` is a subsequence, tightened from its end;
/// the score rewards a short window and a start at a word boundary.
fn greedy<T: Copy + PartialEq>(
    hay: &[T],
    pat: &[T],
    is_word: impl Fn(T) -> bool,
) -> Option<(i32, u8)> {
    let (&first, _) = pat.split_first()?;
    let mut from = hay.iter().position(|&h| h == first)?;
    let mut end = from;
    let mut p = 0;
    while p < pat.len() {
        let at = hay[from..].iter().position(|&h| h == pat[p])?;
        end = from + at;
        from = end + 1;
        p += 1;
    }
    let mut start = end;
    let mut p = pat.len();
    loop {
        if hay[start] == pat[p - 1] {
            p -= 1;
            if p == 0 {
                break;
            }
        }
        start -= 1;
    }
    let gaps = i32::try_from(end + 1 - start - pat.len()).unwrap_or(i32::MAX / 4);
    let len = i32::try_from(pat.len()).unwrap_or(0);
    let boundary = start == 0 || !is_word(hay[start - 1]);
    let class = match gaps {
        0 => 0,
        g if g <= len => 1,
        _ => 2,
    };
    Some((
        16 * len - gaps.min(15 * len) + if boundary { 8 } else { 0 },
        class,
    ))
}

impl SearchIndex {
    pub(crate) fn field_text(&self, f: &FieldRec) -> &str {
        &self.text[f.start as usize..f.end as usize]
    }

    /// Every record matching `q`, searched among `within` (positions from an earlier,
    /// wider query's [`Matches::docs`]) or among all; `None` when `cancelled` said so.
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
        let cands = on_every_core(docs, |chunk| self.scan(q, chunk, cancelled))?;
        Some(Matches { cands })
    }

    /// The records whose title, name or speaker holds every word as one run (the best
    /// band, which outranks every other match), when there are at least `limit`: then
    /// their best `limit` are the first screenful of [`SearchIndex::matches`], found by
    /// reading short fields only. `None` when there are fewer, or when `cancelled`.
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
        let cands = on_every_core(docs, |chunk| self.scan_titles(q, chunk, cancelled))?;
        (cands.len() >= limit).then_some(Matches { cands })
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

    fn scan_titles(
        &self,
        q: &Query,
        docs: &[u32],
        cancelled: &dyn Fn() -> bool,
    ) -> Option<Vec<Cand>> {
        let want = all_terms(q);
        let needles = needles(q);
        let mut out = Vec::new();
        for chunk in docs.chunks(CHUNK) {
            if cancelled() {
                return None;
            }
            'doc: for &d in chunk {
                let doc = &self.docs[d as usize];
                if !kind_ok(q, doc) {
                    continue;
                }
                for fi in doc.fields.0..doc.fields.1 {
                    let f = &self.fields[fi as usize];
                    if f.field.tier() != 0 {
                        continue 'doc;
                    }
                    let text = self.field_text(f);
                    let score = positive(&needles).try_fold(0, |sum, n| {
                        let fits = n.t.mask & !f.mask == 0;
                        Some(sum + fits.then(|| tight(n, text)).flatten()?)
                    });
                    if let Some(score) = score
                        && !self.has_negated(&needles, doc)
                    {
                        out.push(Cand {
                            doc: d,
                            field: fi,
                            band: 0,
                            terms: want,
                            rough: score,
                        });
                        continue 'doc;
                    }
                }
            }
        }
        Some(out)
    }

    /// Whether some field of `doc` holds one of `q`'s `!words`.
    fn has_negated(&self, needles: &[Needle], doc: &Doc) -> bool {
        needles.iter().filter(|n| n.t.negate).any(|n| {
            self.fields[doc.fields.0 as usize..doc.fields.1 as usize]
                .iter()
                .any(|f| n.t.mask & !f.mask == 0 && find(n, self.field_text(f)).is_some())
        })
    }

    fn scan(&self, q: &Query, docs: &[u32], cancelled: &dyn Fn() -> bool) -> Option<Vec<Cand>> {
        let mut out = Vec::new();
        let want = all_terms(q);
        let needles = needles(q);
        let has_neg = q.terms.iter().any(|t| t.negate);
        for chunk in docs.chunks(CHUNK) {
            if cancelled() {
                return None;
            }
            'doc: for &d in chunk {
                let doc = &self.docs[d as usize];
                if !kind_ok(q, doc) {
                    continue;
                }
                let mut seen = 0u64;
                let mut best: Option<Cand> = None;
                for fi in doc.fields.0..doc.fields.1 {
                    let f = &self.fields[fi as usize];
                    let text = self.field_text(f);
                    let mut bits = 0u64;
                    let mut score = 0;
                    let mut class = 0;
                    let mut i = 0;
                    for n in &needles {
                        let fits = n.t.mask & !f.mask == 0;
                        if n.t.negate {
                            if fits && find(n, text).is_some() {
                                continue 'doc;
                            }
                            continue;
                        }
                        if i < 64
                            && fits
                            && let Some((s, c)) = rough(n, text)
                        {
                            bits |= 1 << i;
                            score += s;
                            class = class.max(c);
                        }
                        i += 1;
                    }
                    seen |= bits;
                    let band = 3 * class + f.field.tier();
                    let better = best.is_none_or(|b| {
                        (Reverse(bits.count_ones()), band) < (Reverse(b.terms.count_ones()), b.band)
                    });
                    if better {
                        best = Some(Cand {
                            doc: d,
                            field: fi,
                            band,
                            terms: bits,
                            rough: score,
                        });
                    }
                    // Fields come best tier first: after a contiguous match of every
                    // word, nothing later can do better.
                    if bits == want && class == 0 && !has_neg {
                        break;
                    }
                }
                if seen == want
                    && let Some(b) = best
                {
                    out.push(b);
                }
            }
        }
        Some(out)
    }
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

/// The bits of every positive term of `q` (at most 64 count).
fn all_terms(q: &Query) -> u64 {
    match q.terms.iter().filter(|t| !t.negate).count() {
        64.. => u64::MAX,
        n => (1 << n) - 1,
    }
}

/// Runs `scan` over `docs` split across the cores (on one below [`PARALLEL_FROM`]) and
/// joins the candidates in order; `None` when any part was cancelled.
fn on_every_core(
    docs: &[u32],
    scan: impl Fn(&[u32]) -> Option<Vec<Cand>> + Sync,
) -> Option<Vec<Cand>> {
    let workers = std::thread::available_parallelism().map_or(1, usize::from);
    if docs.len() < PARALLEL_FROM || workers < 2 {
        return scan(docs);
    }
    let part = docs.len().div_ceil(workers);
    let scan = &scan;
    let parts: Vec<Option<Vec<Cand>>> = std::thread::scope(|s| {
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
    for p in parts {
        out.extend(p?);
    }
    Some(out)
}
