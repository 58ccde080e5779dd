//! Validation's diagnostics when the kinds are resolved on separate threads: the same
//! messages in the same order as one pass, and the "did you mean" budget spent in order.

#![allow(clippy::unwrap_used)]

use std::fmt::Write as _;

use super::{MAX_SUGGESTIONS, validate};
use crate::load::parse::{RawDataset, parse_file};

/// 150 events and 100 quotes, each naming a near-miss of an existing id: more unknown
/// references than suggestions, split across the events and the quotes.
fn near_misses() -> String {
    let mut t = String::from(
        "[[actor]]\nid = \"speaker-one\"\nname = \"One\"\nkind = \"person\"\n\n\
         [[source]]\nid = \"source-one\"\ntitle = \"T\"\npublisher = \"P\"\n\n\
         [[event]]\nid = \"event-zero\"\ndate = \"2025\"\ntitle = \"E\"\nsources = [\"source-one\"]\nactors = [\"speaker-one\"]\n\n",
    );
    for i in 0..150 {
        let _ = write!(
            t,
            "[[event]]\nid = \"e{i}\"\ndate = \"2025\"\ntitle = \"E\"\nsources = [\"source-onf\"]\n\n"
        );
    }
    for i in 0..100 {
        let _ = write!(
            t,
            "[[quote]]\nid = \"q{i}\"\nspeaker = \"speaker-onf\"\nevent = \"event-zero\"\n\
             source = \"source-one\"\nlang = \"en\"\ntext = \"T\"\n\n"
        );
    }
    t
}

#[test]
fn the_first_unknown_references_get_a_suggestion_whichever_thread_finds_them() {
    let text = near_misses();
    let mut raw = RawDataset::default();
    let mut diags = Vec::new();
    parse_file(0, &text, &mut raw, &mut diags);
    assert!(diags.is_empty(), "{diags:?}");
    assert!(validate(raw, &mut diags).is_none());
    let unknown: Vec<_> = diags
        .iter()
        .filter(|d| d.message.starts_with("unknown "))
        .collect();
    assert_eq!(unknown.len(), 250);
    let hint = |i: usize| unknown[i].hint.as_deref().unwrap_or_default();
    // The events' 150, then the first 50 of the quotes', in the order of the file.
    for i in 0..MAX_SUGGESTIONS {
        assert!(hint(i).starts_with("did you mean"), "{i}: {}", hint(i));
    }
    assert_eq!(hint(0), "did you mean \"source-one\"?");
    assert_eq!(hint(150), "did you mean \"speaker-one\" (One)?");
    for i in MAX_SUGGESTIONS..250 {
        assert_eq!(hint(i), "no [[actor]] has id = \"speaker-onf\"", "{i}");
    }
    assert!(
        unknown[..150]
            .iter()
            .all(|d| d.message == "unknown source \"source-onf\"")
    );
    assert!(
        unknown[150..]
            .iter()
            .all(|d| d.message == "unknown speaker \"speaker-onf\"")
    );
}
