//! Search relevance on the bundled data: the judged set in `tests/fixtures/relevance.txt`
//! (queries a researcher, a journalist or a student would type, with the records that
//! should come first), scored as precision at 1 and success at 5.
//! `cargo test --test relevance -- --nocapture` prints the figures and every miss.
#![allow(clippy::unwrap_used, clippy::panic)]

use aigov::dataset::Dataset;
use aigov::load::Origin;

/// One judged query.
struct Judged {
    query: String,
    first: Vec<String>,
    also: Vec<String>,
}

fn judged() -> Vec<Judged> {
    let text = include_str!("fixtures/relevance.txt");
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let cols: Vec<&str> = l.split('|').map(str::trim).collect();
            assert!(cols.len() >= 2, "bad line: {l}");
            let ids = |i: usize| -> Vec<String> {
                cols.get(i)
                    .map(|c| c.split_whitespace().map(str::to_string).collect())
                    .unwrap_or_default()
            };
            Judged {
                query: cols[0].to_string(),
                first: ids(1),
                also: ids(2),
            }
        })
        .collect()
}

#[test]
fn judged_queries_rank_their_records_first() {
    let ds = Dataset::load(&Origin::Bundled).unwrap().unwrap();
    let set = judged();
    assert!(set.len() >= 60, "only {} judged queries", set.len());
    // The judgements name records that exist.
    for j in &set {
        for id in j.first.iter().chain(&j.also) {
            assert!(
                ds.graph.lookup(id).is_some(),
                "{}: unknown id {id}",
                j.query
            );
        }
        assert!(!j.first.is_empty(), "{}: nothing judged first", j.query);
    }
    let (mut at1, mut at5) = (0, 0);
    let mut misses = Vec::new();
    for j in &set {
        let (hits, _) = ds.search().query(&j.query, 5);
        let ids: Vec<&str> = hits.iter().map(|h| ds.graph.id_of(h.entity)).collect();
        let good = |id: &&str| j.first.iter().any(|f| f == id);
        let first = ids.first().is_some_and(good);
        let five = ids.iter().any(good);
        at1 += usize::from(first);
        at5 += usize::from(five);
        if !first {
            let unjudged: Vec<&&str> = ids
                .iter()
                .filter(|id| !good(id) && !j.also.iter().any(|a| a == **id))
                .collect();
            misses.push(format!(
                "{:<28} {} top: {:?}  unjudged in top 5: {unjudged:?}",
                j.query,
                if five { "@5 " } else { "MISS" },
                ids.first()
            ));
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let (p1, s5) = (at1 as f64 / set.len() as f64, at5 as f64 / set.len() as f64);
    for m in &misses {
        println!("{m}");
    }
    println!(
        "relevance: {} queries, precision@1 {p1:.2}, success@5 {s5:.2}",
        set.len()
    );
    assert!(p1 >= 0.90, "precision@1 {p1:.2} < 0.90");
    assert!((s5 - 1.0).abs() < f64::EPSILON, "success@5 {s5:.2} < 1.00");
}
