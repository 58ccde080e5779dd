//! Typos: the words of names, aliases and titles, and those within an edit distance
//! (one, two from seven letters) of a word that matches nothing, so that `Quiang` finds
//! Qiang and `Jingping` Jinping; and the "did you mean" of a search without hits. No I/O.

use super::query::{How, Query};
use super::{Field, SearchIndex};

/// The edit distance (insertions, deletions, substitutions and swaps of two neighbours)
/// between `a` and `b`, when it is at most `max`.
pub fn distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let w = b.len() + 1;
    let mut rows = vec![0usize; 3 * w];
    for (j, cell) in rows.iter_mut().take(w).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        let (cur, prev, prev2) = (i % 3 * w, (i - 1) % 3 * w, (i + 1) % 3 * w);
        rows[cur] = i;
        let mut best = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[prev + j] + 1)
                .min(rows[cur + j - 1] + 1)
                .min(rows[prev + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[prev2 + j - 2] + 1);
            }
            rows[cur + j] = d;
            best = best.min(d);
        }
        if best > max {
            return None;
        }
    }
    let d = rows[a.len() % 3 * w + b.len()];
    (d <= max).then_some(d)
}

/// The edits a word of this many characters may have: none below four.
pub fn allowed(chars: usize) -> usize {
    match chars {
        0..4 => 0,
        4..7 => 1,
        _ => 2,
    }
}

/// Whether `c` joins the characters around it into one word (CJK characters are words
/// of their own).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && (c.is_ascii() || c < '\u{2E80}')
}

impl SearchIndex {
    /// The distinct folded words of names, aliases and titles, sorted.
    pub(crate) fn words(&self) -> &[Box<str>] {
        self.words.get_or_init(|| {
            let mut words: Vec<Box<str>> = Vec::new();
            for f in &self.fields {
                if !matches!(f.field, Field::Title | Field::Name | Field::Alias) {
                    continue;
                }
                for w in self.field_text(f).split(|c: char| !is_word_char(c)) {
                    if w.chars().count() >= 3 {
                        words.push(w.into());
                    }
                }
            }
            words.sort_unstable();
            words.dedup();
            words
        })
    }

    /// Whether some word of a name, alias or title starts with `word`.
    pub(crate) fn is_known_prefix(&self, word: &str) -> bool {
        let words = self.words();
        let at = words.partition_point(|w| &**w < word);
        words.get(at).is_some_and(|w| w.starts_with(word))
    }

    /// The words of names, aliases and titles within `max` edits of `word`, nearest
    /// first.
    pub(crate) fn near(&self, word: &str, max: usize) -> Vec<(usize, &str)> {
        if max == 0 {
            return Vec::new();
        }
        let pat: Vec<char> = word.chars().collect();
        let mut buf = Vec::new();
        let mut out: Vec<(usize, &str)> = self
            .words()
            .iter()
            .filter_map(|w| {
                buf.clear();
                buf.extend(w.chars());
                distance(&pat, &buf, max).map(|d| (d, &**w))
            })
            .collect();
        out.sort_unstable();
        out
    }

    /// [`SearchIndex::suggest`] when the words of names and titles are already gathered
    /// (by an earlier search with a typo), else `None`: never slow.
    pub fn suggest_if_ready(&self, input: &str) -> Option<String> {
        self.words.get().and_then(|_| self.suggest(input))
    }

    /// A query like `input` with each word that matches nothing replaced by the nearest
    /// word of a name, alias or title (up to a third of its letters changed), for a
    /// search without hits; `None` when there is nothing to suggest.
    pub fn suggest(&self, input: &str) -> Option<String> {
        let q = Query::parse(input);
        let mut changed = false;
        let mut out = Vec::new();
        for token in input.split_whitespace() {
            let parsed = Query::parse(token);
            let Some(t) = parsed.terms.first() else {
                out.push(token.to_string());
                continue;
            };
            let lookup = t.how == How::Fuzzy && !t.negate && !self.is_known_prefix(&t.pattern);
            let max = (t.pattern.chars().count() / 3).max(1);
            match self.near(&t.pattern, max).first().filter(|_| lookup) {
                Some((_, w)) if *w != t.pattern => {
                    let keep = token
                        .get(..2)
                        .filter(|h| matches!(*h, "q:" | "e:" | "a:" | "s:"))
                        .unwrap_or("");
                    out.push(format!("{keep}{w}"));
                    changed = true;
                }
                _ => out.push(token.to_string()),
            }
        }
        (changed && !q.is_empty()).then(|| out.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(a: &str, b: &str) -> Option<usize> {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        distance(&a, &b, 2)
    }

    #[test]
    fn edits_of_every_kind_count_one() {
        assert_eq!(d("quiang", "qiang"), Some(1)); // extra
        assert_eq!(d("jingping", "jinping"), Some(1));
        assert_eq!(d("macorn", "macron"), Some(1)); // swapped
        assert_eq!(d("guterrez", "guterres"), Some(1)); // wrong
        assert_eq!(d("lutnik", "lutnick"), Some(1)); // missing
        assert_eq!(d("bengoi", "bengio"), Some(1));
        assert_eq!(d("abc", "xyz"), None);
        assert_eq!(d("", "ab"), Some(2));
    }
}
