//! Search on the explorer fixture: folding, highlight positions, operators, scopes, ranking.

#![allow(clippy::unwrap_used)]

mod narrow;

use std::path::PathBuf;

use super::*;
use crate::dataset::Dataset;
use crate::load::Origin;

fn fixture() -> Dataset {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/explorer"
    ));
    Dataset::load(&Origin::Path(dir)).unwrap().unwrap()
}

fn ids(ds: &Dataset, q: &str) -> Vec<String> {
    let (hits, _) = ds.search().query(q, 50);
    hits.iter()
        .map(|h| ds.graph.id_of(h.entity).to_string())
        .collect()
}

/// The matched characters of the first hit, taken from the original text.
fn marked(ds: &Dataset, q: &str) -> String {
    let (hits, _) = ds.search().query(q, 1);
    let h = &hits[0];
    let chars: Vec<char> = h.text(&ds.graph).chars().collect();
    h.positions.iter().map(|&p| chars[p]).collect()
}

#[test]
fn accents_do_not_matter_and_positions_point_into_the_original() {
    let ds = fixture();
    assert_eq!(ids(&ds, "fragmente")[0], "q-li-fragmented");
    assert_eq!(marked(&ds, "fragmente"), "fragmenté");
    assert_eq!(marked(&ds, "développement"), "développement");
    assert_eq!(marked(&ds, "DEVELOPPEMENT"), "développement");
}

#[test]
fn apostrophes_match_whatever_their_style() {
    let ds = fixture();
    assert_eq!(ids(&ds, "'l'ia")[0], "q-li-fragmented");
    assert_eq!(marked(&ds, "'l'IA"), "l’IA");
    assert_eq!(marked(&ds, "'l’ia"), "l’IA");
}

#[test]
fn cjk_matches_and_highlights_by_character() {
    let ds = fixture();
    assert_eq!(ids(&ds, "全球治理")[0], "q-li-cjk");
    let (hits, _) = ds.search().query("全球治理", 1);
    assert_eq!(hits[0].positions, vec![4, 5, 6, 7]);
    assert_eq!(marked(&ds, "全球治理"), "全球治理");
}

#[test]
fn several_words_must_all_match_somewhere_in_the_record() {
    let ds = fixture();
    // "li" in the speaker, "fragmente" in the text.
    assert_eq!(ids(&ds, "q: li fragmente"), ["q-li-fragmented"]);
    assert!(ids(&ds, "fragmente trustworthy").is_empty());
}

#[test]
fn operators() {
    let ds = fixture();
    // exact: a substring only
    assert!(ids(&ds, "'fgmt").is_empty());
    assert!(!ids(&ds, "fgmt").is_empty());
    // prefix and suffix of a field
    assert_eq!(ids(&ds, "q: ^trustworthy"), ["q-vdl-trust"]);
    assert!(ids(&ds, "q: ^european").is_empty());
    assert_eq!(ids(&ds, "q: way.$"), ["q-vdl-trust"]);
    assert_eq!(ids(&ds, "a: ^li^qiang$").len(), 0);
    assert_eq!(ids(&ds, "a: ^china$"), ["cn"]);
    // not
    let trump = ids(&ds, "q: trump");
    assert_eq!(trump.len(), 2);
    assert_eq!(ids(&ds, "q: trump !sign"), ["q-trump-win"]);
    // only negations: everything else
    assert_eq!(ids(&ds, "q: !trump").len(), 3);
}

#[test]
fn scopes() {
    let ds = fixture();
    let kinds = |q: &str| {
        let (hits, _) = ds.search().query(q, 100);
        let mut k: Vec<&str> = hits.iter().map(|h| h.entity.kind_name()).collect();
        k.sort_unstable();
        k.dedup();
        k
    };
    assert_eq!(kinds("q: a"), ["quote"]);
    assert_eq!(kinds("e: a"), ["event"]);
    assert_eq!(kinds("a: a"), ["actor"]);
    assert_eq!(kinds("s: a"), ["source"]);
    assert_eq!(kinds("q:li"), ["quote"]);
    assert_eq!(kinds("q: e: a"), ["event", "quote"]);
}

#[test]
fn ranking_puts_names_and_titles_before_speakers_and_the_shorter_field_first() {
    let ds = fixture();
    let (hits, total) = ds.search().query("trump", 50);
    assert_eq!(total, hits.len());
    // Tier 0 (a record's own name or title): the shorter field first; then tier 1 (an
    // event's actors, a quote's speaker).
    let first: Vec<(&str, &str)> = hits
        .iter()
        .take(2)
        .map(|h| (ds.graph.id_of(h.entity), h.field.name()))
        .collect();
    assert_eq!(
        first,
        [("donald-trump", "name"), ("eo-14110-revoked", "title")]
    );
    for w in hits.windows(2) {
        let tier = |h: &Hit| h.field.tier_in(h.entity);
        assert!(tier(&w[0]) <= tier(&w[1]), "{hits:#?}");
    }
}

#[test]
fn narrowing_from_an_earlier_query_gives_the_same_matches() {
    let ds = fixture();
    let ix = ds.search();
    let wide = Query::parse("a");
    let narrow = Query::parse("ai");
    assert!(narrow.narrows(&wide));
    let from_wide = ix.matches(&wide, None, &|| false).unwrap().docs();
    let a = ix.matches(&narrow, Some(&from_wide), &|| false).unwrap();
    let b = ix.matches(&narrow, None, &|| false).unwrap();
    assert_eq!(a.docs(), b.docs());
    assert!(ix.matches(&narrow, None, &|| true).is_none(), "cancelled");
}

#[test]
fn a_plural_or_feminine_ending_still_finds_the_word() {
    let ds = fixture();
    // « fragmenté » folds to `fragmente`: `fragmentee` is not in it, its stem is.
    assert_eq!(ids(&ds, "fragmentee")[0], "q-li-fragmented");
    assert_eq!(ids(&ds, "gouvernance fragmentee")[0], "q-li-fragmented");
    assert_eq!(marked(&ds, "fragmentee"), "fragmenté");
    // A plural finds the singular.
    let (hits, _) = ds.search().query("developpements", 5);
    assert_eq!(ds.graph.id_of(hits[0].entity), "q-li-fragmented");
    // Exact terms are not stemmed.
    assert!(ids(&ds, "'fragmentee").is_empty());
}

#[test]
fn the_first_screenful_from_titles_is_the_first_screenful_of_everything() {
    // Enough records for the scan to run on every core.
    let text = crate::synth::generate(crate::synth::Spec {
        events: 11_000,
        quotes: 11_000,
    });
    let ds = crate::dataset::from_toml(text);
    let ix = ds.search();
    let mut from_titles = 0;
    for typed in [
        "g",
        "gouv",
        "gouvernance",
        "gouvernance m",
        "pekin",
        "e: sommet",
        "'l'ia",
        "ia !sud",
        "zzz",
    ] {
        let q = Query::parse(typed);
        let all = ix.matches(&q, None, &|| false).unwrap();
        let Some(first) = ix.first_screen(&q, None, 60, &|| false) else {
            continue;
        };
        from_titles += 1;
        assert!(first.total() <= all.total(), "{typed}");
        assert_eq!(first.rank(ix, &q, 60), all.rank(ix, &q, 60), "{typed}");
    }
    assert!(
        from_titles >= 5,
        "titles answered only {from_titles} queries"
    );
    assert!(
        ix.first_screen(&Query::parse("zzz"), None, 60, &|| false)
            .is_none()
    );
    assert!(
        ix.first_screen(&Query::parse("g"), None, 60, &|| true)
            .is_none()
    );
}

#[test]
fn a_glimpse_reads_the_shortest_titles_of_a_large_scope_and_finds_only_real_matches() {
    let text = crate::synth::generate(crate::synth::Spec {
        events: 2_000,
        quotes: 2_000,
    });
    let ds = crate::dataset::from_toml(text);
    let ix = ds.search();
    // The slice: the shortest names and titles, in index order.
    let all: Vec<u32> = (0..crate::graph::to_u32(ix.len())).collect();
    let part = ix.shortest(&all, 1_000);
    assert_eq!(part.len(), 1_000);
    assert!(part.windows(2).all(|w| w[0] < w[1]));
    let longest_in = part.iter().map(|&d| ix.short[d as usize]).max().unwrap();
    let shortest_out = all
        .iter()
        .filter(|d| part.binary_search(d).is_err())
        .map(|&d| ix.short[d as usize])
        .min()
        .unwrap();
    assert!(longest_in <= shortest_out, "{longest_in} > {shortest_out}");
    let mut glimpsed = 0;
    for typed in [
        "g",
        "gouvernance",
        "gouvernance m",
        "pekin",
        "e: sommet",
        "'l'ia",
        "zzz",
    ] {
        let q = Query::parse(typed);
        let all = ix.matches(&q, None, &|| false).unwrap();
        let every: Vec<Entity> = all
            .rank(ix, &q, all.total())
            .iter()
            .map(|h| h.entity)
            .collect();
        // A scope no larger than the slice: no glimpse, the whole search is as quick.
        assert!(
            ix.glimpse(&q, None, ix.len(), &|| false).is_none(),
            "{typed}"
        );
        let Some(m) = ix.glimpse(&q, None, 1_000, &|| false) else {
            continue;
        };
        glimpsed += 1;
        assert!(m.total() <= all.total(), "{typed}");
        let hits = m.rank(ix, &q, 60);
        assert!(!hits.is_empty(), "{typed}");
        assert!(hits.iter().all(|h| every.contains(&h.entity)), "{typed}");
    }
    assert!(glimpsed >= 5, "a glimpse answered only {glimpsed} queries");
    assert!(
        ix.glimpse(&Query::parse("zzz"), None, 1_000, &|| false)
            .is_none()
    );
    assert!(
        ix.glimpse(&Query::parse("g"), None, 1_000, &|| true)
            .is_none()
    );
}

#[test]
fn one_row_per_record_says_what_it_is_and_where_it_matched() {
    let ds = fixture();
    let g = &ds.graph;
    let show = |q: &str| -> Vec<String> {
        let (hits, _) = ds.search().query(q, 10);
        hits.iter()
            .map(|h| snippet::tests::show(&snippet::row(g, h, 200)))
            .collect()
    };
    // Two quotes by the same speaker read as two different texts.
    let li = show("q: li qiang");
    assert_eq!(li.len(), 2, "{li:?}");
    assert_ne!(li[0], li[1]);
    assert!(
        li.iter()
            .all(|r| r.starts_with("« ") && r.contains("— [Li] [Qiang]")),
        "{li:?}"
    );
    // A quote found by its words shows them, marked, then its speaker.
    assert!(show("fragmente")[0].ends_with("[fragmenté] — Li Qiang"));
}

#[test]
fn dates_ids_and_typos_are_searched() {
    let ds = fixture();
    // A month in English or French finds the records of that month, events first.
    let (hits, _) = ds.search().query("juillet 2025", 50);
    assert!(!hits.is_empty());
    assert!(
        hits.iter()
            .all(|h| h.date.is_some_and(|d| d.to_string().starts_with("2025-07")))
    );
    assert_eq!(hits[0].entity.kind_name(), "event");
    // An id, and an acronym of a title's words.
    assert_eq!(ids(&ds, "eo-14110")[0], "eo-14110");
    // A typo in a name: one edit, a swap included.
    assert_eq!(ids(&ds, "Li Qaing")[0], "li-qiang");
    assert_eq!(
        ds.search().suggest("Trunp !trump").as_deref(),
        Some("trump !trump")
    );
}

#[test]
fn the_scan_on_every_core_finds_and_ranks_as_one_core_does_ties_included() {
    // More records than the scan needs to run on every core.
    let text = crate::synth::generate(crate::synth::Spec {
        events: 11_000,
        quotes: 11_000,
    });
    let ds = crate::dataset::from_toml(text);
    let ix = ds.search();
    let all: Vec<u32> = (0..crate::graph::to_u32(ix.len())).collect();
    assert!(all.len() >= cores::PARALLEL_FROM);
    let key = |c: &rank::Cand| (c.doc, c.exact, c.min, c.sum, c.date);
    for typed in [
        "g",
        "gouvernance m",
        "pekin",
        "'l'ia",
        "ia !sud",
        "gouvernanec",
    ] {
        let q = Query::parse(typed);
        let scanned = ix.scan(&q, &all, false, &|| false);
        assert_eq!(scanned.read, all.len());
        let (one, one_seen) = (scanned.cands, scanned.seen);
        let (every, every_seen) =
            cores::on_every_core(&all, |c| ix.scan(&q, c, false, &|| false)).unwrap();
        assert_eq!(one_seen, every_seen, "{typed}");
        assert_eq!(
            one.iter().map(key).collect::<Vec<_>>(),
            every.iter().map(key).collect::<Vec<_>>(),
            "{typed}"
        );
        // Ranked in full: many records tie on every key but their place in the index.
        let n = one.len();
        let (one, every) = (
            Matches::new(one, q.clone(), None),
            Matches::new(every, q.clone(), None),
        );
        assert_eq!(one.rank(ix, &q, n), every.rank(ix, &q, n), "{typed}");
        assert_eq!(one.total(), every.total(), "{typed}");
    }
}
