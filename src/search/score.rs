//! How one word of a query matches one field, and how well: a whole word, a prefix or
//! the initials of words (close), letters in a word-sized window (fuzzy), a word one or
//! two edits away (typo), or anywhere at all (loose, shown only when nothing is closer).
//! No I/O.

use memchr::memmem::Finder;

use super::query::{How, Term};
use super::typo::is_word_char;

/// Match groups, worst first: they decide before the field does.
pub const LOOSE: u8 = 0;
/// A word of a name or title one or two edits away.
pub const TYPO: u8 = 1;
/// The letters in order within a word-sized window, from a word start.
pub const FUZZY: u8 = 2;
/// A whole word, a prefix, the initials of words, or what an operator asks.
pub const CLOSE: u8 = 3;

/// Largest gap between two letters of a fuzzy match, and of all its gaps together.
const MAX_GAP: usize = 3;
const MAX_GAPS: usize = 6;

/// The quality of a match: its group, then its field's tier, then how good it is within
/// (`fine`, 0–9: a whole word 9, a prefix 6, initials 4). Higher is better.
pub fn quality(group: u8, tier: u8, fine: u8) -> u16 {
    u16::from(group) * 32 + u16::from(2 - tier.min(2)) * 10 + u16::from(fine.min(9))
}

/// The group of a quality.
pub fn group_of(q: u16) -> u8 {
    u8::try_from(q / 32).unwrap_or(0)
}

/// The tier of a quality's field.
pub fn tier_of(q: u16) -> u8 {
    2 - u8::try_from((q % 32) / 10).unwrap_or(0).min(2)
}

/// A term with its searchers, built once per search.
pub struct Needle<'q> {
    pub t: &'q Term,
    whole: Finder<'q>,
    /// For a fuzzy term with a shorter stem.
    stem: Option<Finder<'q>>,
    /// Words near a term that matched nothing, with their edit distance.
    alts: Vec<(Finder<'q>, u8)>,
    acronym: bool,
    /// The term's letters, as bits (`a` is bit 0), for the initials test.
    letters: u32,
}

impl<'q> Needle<'q> {
    /// The searchers of `t`.
    pub fn new(t: &'q Term) -> Self {
        let fuzzy = t.how == How::Fuzzy && !t.negate;
        Needle {
            t,
            whole: Finder::new(&t.pattern),
            stem: (fuzzy && t.stem.len() < t.pattern.len()).then(|| Finder::new(&t.stem)),
            alts: t
                .alts
                .iter()
                .map(|(w, d)| (Finder::new(w.as_bytes()), *d))
                .collect(),
            acronym: fuzzy
                && (2..=6).contains(&t.pattern.len())
                && t.pattern.bytes().all(|b| b.is_ascii_lowercase()),
            letters: t
                .pattern
                .bytes()
                .filter(u8::is_ascii_lowercase)
                .fold(0, |m, b| m | 1 << (b - b'a')),
        }
    }

    /// Whether the term may match a field without all of its characters (typos).
    pub fn has_alts(&self) -> bool {
        !self.alts.is_empty()
    }

    /// Whether `text` holds the term as an `!word` excludes it.
    pub fn is_in(&self, text: &str) -> bool {
        self.whole.find(text.as_bytes()).is_some()
    }

    /// The best match of the term in `text` (a field of `tier`): its group and fine
    /// rank, and (into `out`) the byte offsets of the matched characters. `fits` says
    /// whether the field has every character of the term; groups below `floor` are not
    /// looked for.
    pub fn best(
        &self,
        text: &str,
        (tier, initials_of_words): (u8, u32),
        fits: bool,
        floor: u8,
        mut out: Option<&mut Vec<usize>>,
    ) -> Option<(u8, u8)> {
        let t = self.t;
        let mut mid = None;
        if fits {
            if t.how != How::Fuzzy {
                return self.operator(text, out);
            }
            let (mut best, any) = runs(&self.whole, text, 9, 6);
            mid = any.filter(|_| best.is_none());
            if best.is_none_or(|(f, _)| f < 9)
                && let Some(stem) = &self.stem
                && let (Some((f, r)), _) = runs(stem, text, 8, 5)
                && best.is_none_or(|(b, _)| f > b)
            {
                best = Some((f, r));
            }
            if let Some((fine, (at, len))) = best {
                push_run(out, text, at, len);
                return Some((CLOSE, fine));
            }
            if self.acronym
                && tier == 0
                && self.letters & !initials_of_words == 0
                && initials(text.as_bytes(), t.pattern.as_bytes(), out.as_deref_mut())
            {
                return Some((CLOSE, 4));
            }
            if floor > FUZZY {
                return None;
            }
            if let Some(gaps) = window(text, &t.pattern, out.as_deref_mut()) {
                let fine = u8::try_from(5usize.saturating_sub(gaps / 2)).unwrap_or(0);
                return Some((FUZZY, fine));
            }
        }
        if floor > TYPO {
            return None;
        }
        for (alt, d) in &self.alts {
            if let (Some((f, (at, len))), _) = runs(alt, text, 9, 6) {
                push_run(out, text, at, len);
                return Some((TYPO, f.saturating_sub(2 * d.saturating_sub(1))));
            }
        }
        if !fits || floor > LOOSE {
            return None;
        }
        if let Some((at, len)) = mid {
            push_run(out, text, at, len);
            return Some((LOOSE, 2));
        }
        scattered(text, &t.pattern, out).then_some((LOOSE, 0))
    }

    /// `'exact`, `^prefix`, `suffix$` and `^whole$`: close, a whole word ranking first.
    fn operator(&self, text: &str, out: Option<&mut Vec<usize>>) -> Option<(u8, u8)> {
        let p = &self.t.pattern;
        let (at, fine) = match self.t.how {
            How::Prefix => (text.starts_with(p.as_str()).then_some(0)?, 6),
            How::Suffix => (text.ends_with(p.as_str()).then(|| text.len() - p.len())?, 6),
            How::Whole => ((text == p).then_some(0)?, 9),
            How::Exact | How::Fuzzy => match runs(&self.whole, text, 9, 6) {
                (Some((f, (at, _))), _) => (at, f),
                (None, any) => (any?.0, 3),
            },
        };
        let fine = if fine == 6 && is_whole(text, at, p.len()) {
            9
        } else {
            fine
        };
        push_run(out, text, at, p.len());
        Some((CLOSE, fine))
    }
}

fn prev_char(text: &str, at: usize) -> Option<char> {
    text.get(..at).and_then(|s| s.chars().next_back())
}

fn next_char(text: &str, end: usize) -> Option<char> {
    text.get(end..).and_then(|s| s.chars().next())
}

/// Whether a match at `at` starts a word (a word character does not come before).
pub fn starts_word(text: &str, at: usize) -> bool {
    prev_char(text, at).is_none_or(|c| !is_word_char(c))
}

fn is_whole(text: &str, at: usize, len: usize) -> bool {
    starts_word(text, at) && next_char(text, at + len).is_none_or(|c| !is_word_char(c))
}

/// A run of bytes: offset and length.
type Run = (usize, usize);

/// The best occurrence of `f`'s needle that starts a word (`whole` for a whole word,
/// `prefix` for the start of one), and the first occurrence at all (inside a word, as
/// `vance` in « advanced », it is loose).
fn runs(f: &Finder, text: &str, whole: u8, prefix: u8) -> (Option<(u8, Run)>, Option<Run>) {
    let len = f.needle().len();
    let mut best: Option<(u8, Run)> = None;
    let mut any = None;
    for at in f.find_iter(text.as_bytes()) {
        any = any.or(Some((at, len)));
        if !starts_word(text, at) {
            continue;
        }
        if is_whole(text, at, len) {
            return (Some((whole, (at, len))), any);
        }
        if best.is_none() {
            best = Some((prefix, (at, len)));
        }
    }
    (best, any)
}

fn push_run(out: Option<&mut Vec<usize>>, text: &str, at: usize, len: usize) {
    if let Some(out) = out
        && let Some(run) = text.get(at..at + len)
    {
        out.extend(run.char_indices().map(|(i, _)| at + i));
    }
}

const STOP: &[&[u8]] = &[
    b"of", b"and", b"the", b"for", b"on", b"in", b"to", b"de", b"la", b"le", b"du", b"des", b"et",
    b"l", b"d", b"a",
];

/// The initials of consecutive words spelling `pat` (`eo` in « executive order »),
/// small words skipped; their byte offsets go into `out`.
fn initials(text: &[u8], pat: &[u8], mut out: Option<&mut Vec<usize>>) -> bool {
    let word = |b: u8| b.is_ascii_alphanumeric();
    // The word starting at or after `i`: its start and end.
    let next_word = |i: usize| {
        let s = i + text.get(i..)?.iter().position(|&b| word(b))?;
        let e = text[s..]
            .iter()
            .position(|&b| !word(b))
            .map_or(text.len(), |e| s + e);
        Some((s, e))
    };
    let mut from = 0;
    while let Some((s, e)) = next_word(from) {
        from = e;
        if text[s] != pat[0] {
            continue;
        }
        let (mut j, mut at) = (1, e);
        while j < pat.len() {
            let Some((ws, we)) = next_word(at) else { break };
            if text[ws] == pat[j] {
                j += 1;
            } else if !STOP.contains(&&text[ws..we]) {
                break;
            }
            at = we;
        }
        if j == pat.len() {
            if let Some(out) = out.as_deref_mut() {
                // Again, to note where each initial is.
                out.push(s);
                let (mut j, mut at) = (1, e);
                while j < pat.len() {
                    let Some((ws, we)) = next_word(at) else { break };
                    if text[ws] == pat[j] {
                        out.push(ws);
                        j += 1;
                    }
                    at = we;
                }
            }
            return true;
        }
    }
    false
}

/// The letters of `pat` in order from a word start, each gap at most [`MAX_GAP`] and all
/// of them at most [`MAX_GAPS`]; the sum of the gaps.
fn window(text: &str, pat: &str, out: Option<&mut Vec<usize>>) -> Option<usize> {
    if pat.is_ascii() {
        // By bytes: a letter of the pattern is never inside another character, and a
        // non-ASCII byte ends a word (folded text has few: CJK, `œ`, `·`).
        // The first letter's places found with memchr: most bytes are passed over.
        let offsets = |i: usize| i;
        let (hay, pat) = (text.as_bytes(), pat.as_bytes());
        let starts = pat
            .first()
            .into_iter()
            .flat_map(|&b| memchr::memchr_iter(b, hay));
        window_in(
            hay,
            pat,
            starts,
            |b| b.is_ascii_alphanumeric(),
            offsets,
            out,
        )
    } else {
        let (at, hay): (Vec<usize>, Vec<char>) = text.char_indices().unzip();
        let pat: Vec<char> = pat.chars().collect();
        window_in(&hay, &pat, 0..hay.len(), is_word_char, |i| at[i], out)
    }
}

/// The window match of `pat` in `hay`, tried from each of `starts` (in increasing
/// order: every place `hay` may hold the first letter).
fn window_in<T: Copy + PartialEq>(
    hay: &[T],
    pat: &[T],
    starts: impl Iterator<Item = usize>,
    is_word: impl Fn(T) -> bool,
    offset: impl Fn(usize) -> usize,
    out: Option<&mut Vec<usize>>,
) -> Option<usize> {
    let (&first, rest) = pat.split_first()?;
    let mut found = Vec::new();
    let record = out.is_some();
    for s in starts {
        if hay[s] != first || (s > 0 && is_word(hay[s - 1])) {
            continue;
        }
        found.clear();
        if record {
            found.push(s);
        }
        let (mut pos, mut gaps) = (s, 0);
        let ok = rest.iter().all(|&p| {
            let lim = (pos + 2 + MAX_GAP).min(hay.len());
            // Within the word: no gap runs past its end.
            let Some(k) = hay.get(pos + 1..lim).and_then(|w| {
                w.iter()
                    .take_while(|&&h| h == p || is_word(h))
                    .position(|&h| h == p)
            }) else {
                return false;
            };
            gaps += k;
            pos += 1 + k;
            if record {
                found.push(pos);
            }
            gaps <= MAX_GAPS
        });
        if ok {
            if let Some(out) = out {
                out.extend(found.iter().map(|&i| offset(i)));
            }
            return Some(gaps);
        }
    }
    None
}

/// The letters of `pat` in order anywhere in `text` (the loosest match).
fn scattered(text: &str, pat: &str, out: Option<&mut Vec<usize>>) -> bool {
    if pat.is_ascii() {
        // Bytes of an ASCII letter never occur inside another character: memchr finds
        // each letter after the one before.
        let hay = text.as_bytes();
        let mut from = 0;
        let mut at = Vec::new();
        let record = out.is_some();
        let all = pat.bytes().all(|p| {
            hay.get(from..)
                .and_then(|rest| memchr::memchr(p, rest))
                .map(|i| {
                    if record {
                        at.push(from + i);
                    }
                    from += i + 1;
                })
                .is_some()
        });
        if all && let Some(out) = out {
            out.extend(at);
        }
        return all;
    }
    let mut it = text.char_indices();
    let mut at = Vec::new();
    let all = pat.chars().all(|p| {
        it.by_ref()
            .find(|&(_, c)| c == p)
            .map(|(i, _)| at.push(i))
            .is_some()
    });
    if all && let Some(out) = out {
        out.extend(at);
    }
    all
}

/// Whether `text` is `phrase`, a hyphen standing for a space.
pub fn same_phrase(text: &str, phrase: &str) -> bool {
    text.len() == phrase.len()
        && text
            .bytes()
            .zip(phrase.bytes())
            .all(|(a, b)| a == b || (a == b'-' && b == b' '))
}

#[cfg(test)]
mod tests;
