//! A search narrowed from an earlier query's matches, or from what its cancelled pass
//! left, finds exactly what a pass over every record finds: on synthetic data with
//! accents and curly apostrophes, cancelled at every stage, typos corrected included.

#![allow(clippy::unwrap_used, clippy::panic)]

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::dataset::Dataset;
use crate::search::*;

/// Two events for the typo case: `zebulan` matches closely only in the second, which
/// does not match `gouv`; the first would match it only as a typo of `zebulon`.
const EXTRA: &str = r#"
[[event]]
id = "zz-a"
date = "2020-01"
title = "Gouvernance Zebulon"
actors = ["cn"]
sources = ["source-0"]

[[event]]
id = "zz-b"
date = "2020-01"
title = "Zebulans vague"
place = "Oslo"
actors = ["cn"]
sources = ["source-0"]
"#;

/// More records than a pass needs to run on every core (each part in several chunks).
fn synthetic() -> Dataset {
    let mut text = crate::synth::generate(crate::synth::Spec {
        events: 11_000,
        quotes: 11_000,
    });
    text.push_str(EXTRA);
    crate::dataset::from_toml(text)
}

/// A cancel flag that goes up after `n` looks (looks from every core counted together).
fn after(n: usize) -> impl Fn() -> bool + Sync {
    let looks = AtomicUsize::new(0);
    move || looks.fetch_add(1, Ordering::Relaxed) >= n
}

/// Both searches found the same: count, records, corrections and ranking.
fn assert_same(ix: &SearchIndex, q: &Query, got: &Matches, want: &Matches, what: &str) {
    assert_eq!(got.total(), want.total(), "{what}");
    assert_eq!(got.resolved(), want.resolved(), "{what}");
    assert_eq!(got.docs(), want.docs(), "{what}");
    assert_eq!(got.rank(ix, q, 60), want.rank(ix, q, 60), "{what}");
}

/// Each prefix of `typed`, as the worker gets them.
fn prefixes(typed: &str) -> Vec<String> {
    typed
        .char_indices()
        .map(|(i, c)| typed[..i + c.len_utf8()].to_string())
        .collect()
}

#[test]
fn a_pass_narrowed_from_a_cancelled_one_finds_what_a_pass_from_scratch_finds() {
    let ds = synthetic();
    let ix = ds.search();
    let never = || false;
    let mut cancelled_passes = 0;
    for (run, inputs) in [
        prefixes("gouvernance m"),
        prefixes("sécurité équ"),
        prefixes("'l’ia pékin"),
        prefixes("fragmentées"),
        prefixes("q: normes"),
        prefixes("gouv zebulan"),
        // Not narrowing: a deleted letter, a new scope, a negation.
        vec![
            "normes".into(),
            "norme".into(),
            "e: norme".into(),
            "norme !sud".into(),
        ],
    ]
    .into_iter()
    .enumerate()
    {
        // The last search's query and what it established, as the worker keeps them.
        let mut last: Option<(Query, Vec<u32>)> = None;
        for (i, input) in inputs.iter().enumerate() {
            let q = Query::parse(input);
            let scratch = ix.matches(&q, None, &never).unwrap();
            let within = last
                .as_ref()
                .filter(|(old, _)| q.narrows(old))
                .map(|(_, d)| d.as_slice());
            // Cancelled at once, after a few chunks, or not at all.
            let looks = [0, 1, 3, 6, usize::MAX][(run + i) % 5];
            match ix.pass(&q, within, &after(looks)) {
                Pass::Done(m) => {
                    assert_same(ix, &q, &m, &scratch, input);
                    last = Some((q, m.docs()));
                }
                Pass::Cancelled(left) => {
                    cancelled_passes += 1;
                    assert!(left.windows(2).all(|w| w[0] < w[1]), "{input}: in order");
                    let rest = ix.matches(&q, Some(&left), &never).unwrap();
                    assert_same(ix, &q, &rest, &scratch, &format!("{input}, completed"));
                    last = Some((q, left));
                }
            }
        }
    }
    assert!(
        cancelled_passes >= 20,
        "only {cancelled_passes} passes cancelled"
    );
}

#[test]
fn a_deleted_letter_does_not_narrow_and_a_missing_word_is_corrected_from_every_record() {
    let ds = synthetic();
    let ix = ds.search();
    let never = || false;
    // `norme` matches where its letters are in order; `normes` needs an `s` after them.
    let (wide, narrow) = (Query::parse("normes"), Query::parse("norme"));
    assert!(!narrow.narrows(&wide));
    // `zebulan` matches closely in zz-b alone, which lacks `gouv`: no typo to correct
    // over every record, where among the matches of `gouv` there would be one (zz-a's
    // `zebulon`).
    let gouv = ix.matches(&Query::parse("gouv"), None, &never).unwrap();
    let q = Query::parse("gouv zebulan");
    assert!(q.narrows(&Query::parse("gouv")));
    let scratch = ix.matches(&q, None, &never).unwrap();
    assert!(scratch.resolved().terms.iter().all(|t| t.alts.is_empty()));
    let id = |m: &Matches| -> Vec<String> {
        m.rank(ix, &q, 50)
            .iter()
            .map(|h| ds.graph.id_of(h.entity).to_string())
            .collect()
    };
    assert!(!id(&scratch).contains(&"zz-a".to_string()));
    let narrowed = ix.matches(&q, Some(&gouv.docs()), &never).unwrap();
    assert_same(ix, &q, &narrowed, &scratch, "gouv zebulan");
    // A typo that is one everywhere is corrected, narrowed or not.
    let q = Query::parse("gouv zebulin");
    let scratch = ix.matches(&q, None, &never).unwrap();
    assert!(
        id(&scratch).contains(&"zz-a".to_string()),
        "zebulin: zebulon"
    );
    let narrowed = ix.matches(&q, Some(&gouv.docs()), &never).unwrap();
    assert_same(ix, &q, &narrowed, &scratch, "gouv zebulin");
}

#[test]
fn a_glimpse_at_every_record_reads_the_records_a_glimpse_at_a_list_of_them_reads() {
    let ds = synthetic();
    let ix = ds.search();
    let never = || false;
    for typed in [
        "g",
        "gouvernance m",
        "'l’ia",
        "e: sommet",
        "q: pékin",
        "zzz",
    ] {
        let q = Query::parse(typed);
        let scope = ix.in_scope(&q);
        let (from_order, from_list) = (
            ix.glimpse(&q, None, 1_000, &never),
            ix.glimpse(&q, Some(&scope), 1_000, &never),
        );
        assert_eq!(from_order.is_some(), from_list.is_some(), "{typed}");
        if let (Some(a), Some(b)) = (from_order, from_list) {
            assert_eq!(a.total(), b.total(), "{typed}");
            assert_eq!(a.docs(), b.docs(), "{typed}");
            assert_eq!(a.rank(ix, &q, 60), b.rank(ix, &q, 60), "{typed}");
        }
        assert_eq!(
            ix.shortest_in(&q, None, 500),
            ix.shortest(&scope, 500),
            "{typed}"
        );
    }
}

#[test]
fn a_glimpse_from_the_last_glimpse_finds_only_real_matches_among_the_shortest() {
    let ds = synthetic();
    let ix = ds.search();
    let never = || false;
    let mut again = 0;
    for (wide, narrow) in [
        ("gouv", "gouvernance"),
        ("gouvernance", "gouvernance m"),
        ("sécu", "sécurité équi"),
        ("'l’", "'l’ia"),
    ] {
        let (wide, narrow) = (Query::parse(wide), Query::parse(narrow));
        let Some(first) = ix.glimpse(&wide, None, 1_000, &never) else {
            continue;
        };
        let all = ix.matches(&narrow, None, &never).unwrap();
        let every: Vec<Entity> = all
            .rank(ix, &narrow, all.total())
            .iter()
            .map(|h| h.entity)
            .collect();
        // Among the records a glimpse of the narrower query reads (or, when it falls
        // back, its shortest sixteenth).
        let slice = ix.shortest_in(&narrow, None, 1_000);
        let Some(m) = ix.glimpse_among(&narrow, &first.docs(), &never) else {
            continue;
        };
        again += 1;
        assert!(m.total() <= all.total());
        for h in m.rank(ix, &narrow, 60) {
            assert!(every.contains(&h.entity), "{h:?}");
        }
        assert!(m.docs().iter().all(|d| slice.binary_search(d).is_ok()));
    }
    assert!(again >= 3, "only {again} glimpses from the last");
    assert!(
        ix.glimpse_among(&Query::parse("g"), &[0, 1], &|| true)
            .is_none()
    );
}
