//! A query's searchers ([`Ctx`]), built once per search, and the whole-field test: shared
//! by [`scan`](super::scan), which finds the records, and [`rank`](super::rank), which
//! orders them.

use super::Field;
use super::query::{How, Query};
use super::score::{Needle, same_phrase};

/// A query's searchers, built once per search.
pub(super) struct Ctx<'q> {
    pub pos: Vec<Needle<'q>>,
    pub neg: Vec<Needle<'q>>,
    /// The words as one phrase, for a whole-field match, and its characters.
    pub phrase: String,
    pub phrase_mask: u64,
    /// The phrase has a digit: it may be a form of a date.
    pub datelike: bool,
}

impl<'q> Ctx<'q> {
    pub(super) fn new(q: &'q Query) -> Self {
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

/// Whether a field is the whole query: a date when one of its forms is.
pub(super) fn is_whole_field(field: Field, text: &str, phrase: &str) -> bool {
    if field == Field::Date {
        text.split(super::JOIN)
            .any(|form| same_phrase(form, phrase))
    } else {
        same_phrase(text, phrase)
    }
}
