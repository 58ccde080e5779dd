//! Matching and ranking. A cheap pass over every record (mask, then a greedy subsequence
//! scan on folded text, on every core) finds all matches and a rough score; only the best
//! of the tier where the cut falls get fuzzy-matcher's exact score and positions. No I/O.

use std::cmp::Reverse;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

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
            let mut scored: Vec<Hit> = tier.iter().map(|c| exact(ix, q, c, &matcher)).collect();
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
fn exact(ix: &SearchIndex, q: &Query, c: &Cand, matcher: &SkimMatcherV2) -> Hit {
    let doc = &ix.docs[c.doc as usize];
    let f = &ix.fields[c.field as usize];
    let text = ix.field_text(f);
    let mut score = 0;
    let mut positions = Vec::new();
    for (i, t) in positive(q).enumerate() {
        if c.terms & (1 << i) == 0 {
            continue;
        }
        if t.how == How::Fuzzy {
            if let Some((s, p)) = matcher.fuzzy_indices(text, &t.pattern) {
                score += s;
                positions.extend(p);
            }
        } else if let Some(at) = find(t, text) {
            let n = t.pattern.chars().count();
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
        field: f.field,
        item: usize::from(f.item),
        score,
        date: doc.date,
        positions,
    }
}

fn positive(q: &Query) -> impl Iterator<Item = &Term> {
    q.terms.iter().filter(|t| !t.negate).take(64)
}

fn word_start(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// Where a non-fuzzy term matches (byte offset).
fn find(t: &Term, text: &str) -> Option<usize> {
    match t.how {
        How::Fuzzy | How::Exact => text.find(&t.pattern),
        How::Prefix => text.starts_with(&t.pattern).then_some(0),
        How::Suffix => text
            .ends_with(&t.pattern)
            .then(|| text.len() - t.pattern.len()),
        How::Whole => (text == t.pattern).then_some(0),
    }
}

/// A rough score and the match class (see `Cand::band`) when `t` matches `text`: tight
/// windows and word starts score higher.
fn rough(t: &Term, text: &str) -> Option<(i32, u8)> {
    if t.how != How::Fuzzy {
        return find(t, text).map(|at| {
            let n = i32::try_from(t.pattern.len()).unwrap_or(0);
            (16 * n + if word_start(text, at) { 8 } else { 0 }, 0)
        });
    }
    if t.pattern.is_ascii() {
        greedy(text.as_bytes(), t.pattern.as_bytes(), |b| {
            b.is_ascii_alphanumeric()
        })
    } else {
        let hay: Vec<char> = text.chars().collect();
        let pat: Vec<char> = t.pattern.chars().collect();
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
            let kinds = [EVENTS, QUOTES, ACTORS, SOURCES];
            all = kinds
                .iter()
                .zip(&self.kinds)
                .filter(|(k, _)| q.kinds & **k != 0)
                .flat_map(|(_, r)| r.clone())
                .collect();
            &all
        };
        let workers = std::thread::available_parallelism().map_or(1, usize::from);
        let cands = if docs.len() < PARALLEL_FROM || workers < 2 {
            self.scan(q, docs, cancelled)?
        } else {
            let part = docs.len().div_ceil(workers);
            let parts: Vec<Option<Vec<Cand>>> = std::thread::scope(|s| {
                let handles: Vec<_> = docs
                    .chunks(part)
                    .map(|chunk| s.spawn(move || self.scan(q, chunk, cancelled)))
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
            out
        };
        Some(Matches { cands })
    }

    fn scan(&self, q: &Query, docs: &[u32], cancelled: &dyn Fn() -> bool) -> Option<Vec<Cand>> {
        let mut out = Vec::new();
        let kind_ok = |d: &Doc| {
            let bit = match d.entity {
                Entity::Event(_) => EVENTS,
                Entity::Quote(_) => QUOTES,
                Entity::Actor(_) => ACTORS,
                Entity::Source(_) => SOURCES,
            };
            q.kinds & bit != 0
        };
        let n_pos = positive(q).count();
        let want: u64 = if n_pos >= 64 {
            u64::MAX
        } else {
            (1 << n_pos) - 1
        };
        let has_neg = q.terms.iter().any(|t| t.negate);
        for chunk in docs.chunks(CHUNK) {
            if cancelled() {
                return None;
            }
            'doc: for &d in chunk {
                let doc = &self.docs[d as usize];
                if !kind_ok(doc) {
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
                    for t in &q.terms {
                        let fits = t.mask & !f.mask == 0;
                        if t.negate {
                            if fits && find(t, text).is_some() {
                                continue 'doc;
                            }
                            continue;
                        }
                        if i < 64
                            && fits
                            && let Some((s, c)) = rough(t, text)
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
