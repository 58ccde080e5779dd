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

fn messages(text: &str) -> Vec<(String, Option<String>)> {
    let mut raw = RawDataset::default();
    let mut diags = Vec::new();
    parse_file(0, text, &mut raw, &mut diags);
    assert!(diags.is_empty(), "{diags:?}");
    validate(raw, &mut diags);
    diags.into_iter().map(|d| (d.message, d.hint)).collect()
}

#[test]
fn a_duplicate_id_is_no_suggestion_of_its_kind_and_the_first_keeps_it() {
    // "alpha" is an actor, then an event (a duplicate): a reference to an event "alphb"
    // is not told of "alpha", which names an actor; one to an actor "alphb" is.
    let text = "[[actor]]\nid = \"alpha\"\nname = \"Alpha\"\nkind = \"person\"\n\n\
        [[event]]\nid = \"alpha\"\ndate = \"2025\"\ntitle = \"E\"\n\n\
        [[event]]\nid = \"e1\"\ndate = \"2025\"\ntitle = \"E\"\nactors = [\"alphb\"]\n\
        links = [{ to = \"alphb\", kind = \"related\" }]\n";
    let found = messages(text);
    let hint = |m: &str| {
        found
            .iter()
            .find(|(msg, _)| msg == m)
            .and_then(|(_, h)| h.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        hint("unknown actor \"alphb\""),
        "did you mean \"alpha\" (Alpha)?"
    );
    assert_eq!(
        hint("unknown link target \"alphb\""),
        "no [[event]] has id = \"alphb\""
    );
    assert!(found.iter().any(|(m, _)| m == "duplicate id \"alpha\""));
}

#[test]
fn references_resolve_alike_in_any_order_around_self_links() {
    // Many records (more than one group looked up together), with self-links between
    // other links and references of every kind, some unknown: each diagnostic in the
    // order of the file, every known reference resolved.
    let mut t = String::from(
        "[[actor]]\nid = \"a\"\nname = \"A\"\nkind = \"person\"\n\n\
         [[source]]\nid = \"s\"\ntitle = \"T\"\npublisher = \"P\"\n\n",
    );
    for i in 0..1500 {
        let _ = write!(
            t,
            "[[event]]\nid = \"e{i}\"\ndate = \"2025\"\ntitle = \"E\"\nsources = [\"s\"]\n\
             actors = [\"a\"]\nlinks = [{{ to = \"e{i}\", kind = \"related\" }}, \
             {{ to = \"e{}\", kind = \"related\" }}, {{ to = \"nowhere{i}\", kind = \"related\" }}]\n\n",
            (i + 1) % 1500
        );
    }
    for i in 0..1500 {
        let _ = write!(
            t,
            "[[quote]]\nid = \"q{i}\"\nspeaker = \"a\"\nevent = \"e{i}\"\nsource = \"s\"\n\
             lang = \"en\"\ntext = \"T\"\nlinks = [{{ to = \"q{i}\", kind = \"reaffirms\" }}, \
             {{ to = \"q{}\", kind = \"reaffirms\" }}]\n\n",
            (i + 7) % 1500
        );
    }
    let found = messages(&t);
    let expected: Vec<String> = (0..1500)
        .flat_map(|i| {
            [
                format!("event \"e{i}\" links to itself"),
                format!("unknown link target \"nowhere{i}\""),
            ]
        })
        .chain((0..1500).map(|i| format!("quote \"q{i}\" links to itself")))
        .collect();
    let got: Vec<String> = found.into_iter().map(|(m, _)| m).collect();
    assert_eq!(got, expected);
}

#[test]
fn checking_counts_its_records_to_the_end_once_resolved_and_once_built() {
    let text = crate::synth::generate(crate::synth::Spec {
        events: 5_000,
        quotes: 3_000,
    });
    let mut raw = RawDataset::default();
    let mut diags = Vec::new();
    parse_file(0, &text, &mut raw, &mut diags);
    let p = crate::progress::Progress::default();
    let graph = super::validate_with(raw, &mut diags, Some(&p));
    assert!(graph.is_some(), "{diags:?}");
    let s = p.snapshot();
    assert_eq!(s.stage, crate::progress::Stage::Validating);
    assert_eq!(s.total, 16_000, "each event and quote twice");
    // Blocks are counted from their first record, so the count reaches the total.
    assert!(s.done >= s.total, "{} of {}", s.done, s.total);
}
