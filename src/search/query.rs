//! The query language: words that must all match (fuzzy), fzf's operators (`'exact`,
//! `^prefix`, `suffix$`, `!not`) and scopes (`q:` `e:` `a:` `s:`). Parsed once per
//! keystroke into folded terms with their character masks. No I/O.

use super::fold::fold;

/// How a term matches a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// The characters in order, anywhere (fuzzy-matcher's skim score).
    Fuzzy,
    /// A substring (`'word`, and every `!word`).
    Exact,
    /// The start of the field (`^word`).
    Prefix,
    /// The end of the field (`word$`).
    Suffix,
    /// The whole field (`^word$`).
    Whole,
}

/// One word of a query, folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub pattern: String,
    /// The pattern without a French plural or feminine ending (see [`stem`]); a fuzzy
    /// term matches where its stem does, ranked below the whole word. Equal to
    /// `pattern` when there is nothing to strip or the term is not fuzzy.
    pub stem: String,
    pub how: How,
    /// `!word`: the record must not contain it, in any field.
    pub negate: bool,
    /// The characters the stem needs (see [`mask`]).
    pub mask: u64,
    /// For a word that matches nothing: the words of names, aliases and titles an edit
    /// or two away, with their distance (set by the index, see `search::typo`).
    pub alts: Vec<(String, u8)>,
}

/// Record kinds, as a scope.
pub const EVENTS: u8 = 1;
/// Quotes scope bit.
pub const QUOTES: u8 = 2;
/// Actors scope bit.
pub const ACTORS: u8 = 4;
/// Sources scope bit.
pub const SOURCES: u8 = 8;
/// Every kind.
pub const ALL: u8 = EVENTS | QUOTES | ACTORS | SOURCES;

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
    /// The kinds searched (bits above); every kind when no scope is given.
    pub kinds: u8,
}

impl Query {
    /// Parses what the user typed.
    pub fn parse(input: &str) -> Query {
        let mut kinds = 0;
        let mut terms = Vec::new();
        for token in input.split_whitespace() {
            let mut word = token;
            if let Some((scope, rest)) = scope_of(word) {
                kinds |= scope;
                word = rest;
            }
            if let Some(t) = term(word) {
                terms.push(t);
            }
        }
        Query {
            terms,
            kinds: if kinds == 0 { ALL } else { kinds },
        }
    }

    /// Whether nothing is asked.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether every record matching `self` matches `older` too: then a search can start
    /// from `older`'s results (typing on narrows).
    pub fn narrows(&self, older: &Query) -> bool {
        // An empty query matches nothing (`q: ` before `q: n`): nothing narrows it.
        if older.is_empty()
            || self.kinds & !older.kinds != 0
            || older.terms.len() > self.terms.len()
        {
            return false;
        }
        older.terms.iter().zip(&self.terms).all(|(o, n)| {
            o.alts.is_empty()
                && n.alts.is_empty()
                && !o.negate
                && !n.negate
                && o.how == n.how
                && match o.how {
                    // `n` matches a field where its stem starts a word (then so does
                    // `o`'s when it starts `n`'s, and `o` is in order there when it is
                    // in that stem), or where its letters are in order (then so are
                    // `o`'s): a deleted letter (`norme` after `normes`) does not narrow.
                    How::Fuzzy => {
                        (n.stem.starts_with(&o.stem) || is_subsequence(&o.pattern, &n.stem))
                            && is_subsequence(&o.pattern, &n.pattern)
                    }
                    How::Exact => n.pattern.contains(&o.pattern),
                    How::Prefix => n.pattern.starts_with(&o.pattern),
                    How::Suffix => n.pattern.ends_with(&o.pattern),
                    How::Whole => n.pattern == o.pattern,
                }
        })
    }
}

fn scope_of(token: &str) -> Option<(u8, &str)> {
    let (head, rest) = token.split_at_checked(2)?;
    let kind = match head {
        "q:" => QUOTES,
        "e:" => EVENTS,
        "a:" => ACTORS,
        "s:" => SOURCES,
        _ => return None,
    };
    Some((kind, rest))
}

fn term(word: &str) -> Option<Term> {
    let mut w = word;
    let negate = w.len() > 1 && w.starts_with('!');
    if negate {
        w = &w[1..];
    }
    let mut how = if negate { How::Exact } else { How::Fuzzy };
    if w.len() > 1 && w.starts_with('\'') {
        how = How::Exact;
        w = &w[1..];
    }
    let prefix = w.len() > 1 && w.starts_with('^');
    if prefix {
        w = &w[1..];
    }
    let suffix = w.len() > 1 && w.ends_with('$');
    if suffix {
        w = &w[..w.len() - 1];
    }
    how = match (prefix, suffix) {
        (true, true) => How::Whole,
        (true, false) => How::Prefix,
        (false, true) => How::Suffix,
        (false, false) => how,
    };
    if w.is_empty() {
        return None;
    }
    let pattern = fold(w);
    let stem = if how == How::Fuzzy {
        stem(&pattern).to_string()
    } else {
        pattern.clone()
    };
    Some(Term {
        mask: mask(&stem),
        stem,
        pattern,
        how,
        negate,
        alts: Vec::new(),
    })
}

/// A folded word without its French plural (`s`, `x`) and then feminine (`e`) ending,
/// when at least four characters remain: `fragmentee` → `fragmente` (so that it finds
/// « fragmenté »), `equitables` → `equitabl`. Other words are left whole.
pub fn stem(word: &str) -> &str {
    let plural = word
        .strip_suffix('s')
        .or_else(|| word.strip_suffix('x'))
        .unwrap_or(word);
    let singular = plural.strip_suffix('e').unwrap_or(plural);
    if singular.chars().count() >= 4 {
        singular
    } else {
        word
    }
}

/// The characters a folded text contains, as bits: a field can only match a term whose
/// mask is inside its own. Read byte by byte: a character outside ASCII is the only one
/// with bytes of 0x80 and above.
pub fn mask(folded: &str) -> u64 {
    folded.bytes().fold(0, |m, b| m | BYTE_BITS[usize::from(b)])
}

/// The bit of each byte: letters, digits, `'` and `"` have their own, the bytes of every
/// non-ASCII character share bit 63, the rest none.
const BYTE_BITS: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        #[allow(clippy::cast_possible_truncation)] // b < 256
        let byte = b as u8;
        t[b] = match byte {
            c @ b'a'..=b'z' => 1 << (c - b'a'),
            c @ b'0'..=b'9' => 1 << (26 + c - b'0'),
            b'\'' => 1 << 36,
            b'"' => 1 << 37,
            0x80.. => 1 << 63,
            _ => 0,
        };
        b += 1;
    }
    t
};

fn is_subsequence(needle: &str, hay: &str) -> bool {
    let mut it = hay.chars();
    needle.chars().all(|c| it.any(|h| h == c))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bit of one character, as [`mask`] reads it.
    fn bit(c: char) -> u64 {
        match c {
            'a'..='z' => 1 << (c as u32 - 'a' as u32),
            '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
            '\'' => 1 << 36,
            '"' => 1 << 37,
            c if !c.is_ascii() => 1 << 63,
            _ => 0,
        }
    }

    #[test]
    fn a_mask_read_by_bytes_is_the_mask_of_the_characters() {
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            assert_eq!(mask(&c.to_string()), bit(c), "{c:?}");
        }
        let s = "l'ia \"securite\" 人工智能 2025 œuvre";
        assert_eq!(mask(s), s.chars().fold(0, |m, c| m | bit(c)));
    }

    fn one(s: &str) -> Term {
        Query::parse(s).terms.remove(0)
    }

    #[test]
    fn operators_and_scopes() {
        assert_eq!(one("Équitable").how, How::Fuzzy);
        assert_eq!(one("Équitable").pattern, "equitable");
        assert_eq!(one("'ia").how, How::Exact);
        assert_eq!(one("^sommet").how, How::Prefix);
        assert_eq!(one("ia$").how, How::Suffix);
        assert_eq!(one("^ia$").how, How::Whole);
        let not = one("!trump");
        assert!(not.negate && not.how == How::Exact && not.pattern == "trump");
        assert_eq!(one("l’IA").pattern, "l'ia");
        let q = Query::parse("q: li e:waic");
        assert_eq!(q.kinds, QUOTES | EVENTS);
        assert_eq!(q.terms.len(), 2);
        assert_eq!(Query::parse("li").kinds, ALL);
        assert!(Query::parse("  q: ").is_empty());
    }

    #[test]
    fn stems_drop_a_plural_then_a_feminine_ending() {
        assert_eq!(stem("fragmentee"), "fragmente");
        assert_eq!(stem("fragmentees"), "fragmente");
        assert_eq!(stem("equitables"), "equitabl");
        assert_eq!(stem("sommets"), "sommet");
        assert_eq!(stem("jeux"), "jeux");
        assert_eq!(stem("ie"), "ie");
        assert_eq!(stem("norme"), "norm");
        assert_eq!(one("fragmentee").stem, "fragmente");
        // Exact terms match as written.
        assert_eq!(one("'fragmentee").stem, "fragmentee");
    }

    #[test]
    fn typing_on_narrows_but_a_new_scope_or_a_negation_does_not() {
        let p = |s| Query::parse(s);
        assert!(p("gouv").narrows(&p("gou")));
        assert!(p("gouv m").narrows(&p("gouv")));
        assert!(!p("gou").narrows(&p("gouv")));
        assert!(!p("q:").narrows(&p("q")));
        assert!(!p("q: n").narrows(&p("q: ")));
        assert!(!p("!ab").narrows(&p("!a")));
        assert!(p("q: x").narrows(&p("x")));
        // Through stems: `fragmentee` matches where `fragmente` does.
        assert!(p("fragmentee").narrows(&p("fragment")));
        assert!(p("fragmentees").narrows(&p("fragmentee")));
        // A letter deleted, even one a stem drops: `norme` is found where `normes` is not.
        assert!(!p("norme").narrows(&p("normes")));
        assert!(!p("fragmente").narrows(&p("fragmentee")));
        assert!(!p("gouvernance").narrows(&p("gouvernance m")));
        // Accents and quote styles fold before the test.
        assert!(p("sécu").narrows(&p("SEC")));
        assert!(p("'l’ia").narrows(&p("'l'i")));
    }
}
