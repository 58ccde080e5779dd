//! The bundled dataset: embedded completely, clean under `--strict`, and faithful to the
//! seed articles (dates of the seed events, each article a source, each seed quote as
//! `tests/fixtures/seed_quotes.toml` lists it, and that list verbatim in the articles when
//! ../shared/seeds/ is there).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use aigov::dataset::{Dataset, check};
use aigov::graph::{Entity, EventIx, LinkKind};
use aigov::load::{Origin, bundled};

/// Seed file → the source record that stands for it.
const SEEDS: &[(&str, &str)] = &[
    ("000_41c2602cb8d4f615.txt", "arktechnews-2025-07-26"),
    ("001_5bc2105a7a4f78dc.txt", "cnbc-relay-fr-2025-07"),
    ("002_b5294bd3de15fdfe.txt", "cointribune-2025-07"),
    ("003_9de7bdd9c132a536.txt", "simseo-2025-11"),
    ("004_b26e6c56d2aedb98.txt", "frandroid-2025-02"),
];

/// The bundled dataset; a failure to load it fails the test that asks.
fn bundled() -> Dataset {
    Dataset::load(&Origin::Bundled).unwrap().unwrap()
}

fn files_below(dir: &Path, root: &Path, out: &mut Vec<String>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files_below(&p, root, out);
        } else if p.extension().is_some_and(|e| e == "toml") {
            out.push(
                p.strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/"),
            );
        }
    }
}

#[test]
fn every_file_in_data_is_embedded_and_identical() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut on_disk = Vec::new();
    files_below(&root, &root, &mut on_disk);
    on_disk.sort();
    let embedded: Vec<String> = bundled::FILES
        .iter()
        .map(|(p, _)| (*p).to_string())
        .collect();
    assert_eq!(
        embedded, on_disk,
        "src/load/bundled.rs must list every data/*.toml, in path order"
    );
    for (p, text) in bundled::FILES {
        assert_eq!(std::fs::read_to_string(root.join(p)).unwrap(), *text, "{p}");
    }
}

#[test]
fn bundled_dataset_passes_strict_and_loads_the_same_from_disk() {
    let checked = check(&Origin::Bundled).unwrap();
    assert!(checked.diagnostics.is_empty(), "{:#?}", checked.diagnostics);
    let bundled = bundled();
    let from_disk = Dataset::load(&Origin::Path(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data"),
    ))
    .unwrap()
    .unwrap();
    assert_eq!(bundled.graph.events.len(), from_disk.graph.events.len());
    let g = &bundled.graph;
    assert!(g.events.len() >= 45, "events: {}", g.events.len());
    assert!(g.quotes.len() >= 25, "quotes: {}", g.quotes.len());
    assert!(g.sources.len() >= 40, "sources: {}", g.sources.len());
    assert!(g.actors.len() >= 40, "actors: {}", g.actors.len());
    assert!(g.events.iter().all(|e| !e.sources.is_empty()));
}

#[test]
fn seed_events_have_their_dates() {
    let ds = bundled();
    for (id, date) in [
        ("paris-declaration-2025", "2025-02-11"),
        ("us-ai-action-plan", "2025-07-23"),
        ("waic-2025-waico-proposal", "2025-07-26"),
        ("trump-xi-busan-2025", "2025-10-30"),
        ("xi-apec-2025-waico", "2025-11-01"),
    ] {
        let Some(Entity::Event(e)) = ds.graph.lookup(id) else {
            panic!("no event {id}")
        };
        assert_eq!(ds.graph.event(e).date.to_string(), date, "{id}");
    }
    for c in ["cn", "us", "eu", "uk", "fr", "in", "kr"] {
        let Some(Entity::Actor(a)) = ds.graph.lookup(c) else {
            panic!("no actor {c}")
        };
        let actor = ds.graph.actor(a);
        assert!(
            actor.kind.is_country_like() && actor.summary.is_some(),
            "{c} needs a stance summary"
        );
    }
}

/// The response chain between Beijing and Washington can be walked: from Xi at APEC back
/// to the US AI Action Plan, following links and backlinks.
#[test]
fn response_chains_are_walkable() {
    let ds = bundled();
    let ev = |id: &str| match ds.graph.lookup(id) {
        Some(Entity::Event(e)) => e,
        _ => panic!("no event {id}"),
    };
    let (waic, plan, apec) = (
        ev("waic-2025-waico-proposal"),
        ev("us-ai-action-plan"),
        ev("xi-apec-2025-waico"),
    );
    let links = |e: EventIx| {
        ds.graph
            .event(e)
            .links
            .iter()
            .map(|l| (l.kind, l.to))
            .collect::<Vec<_>>()
    };
    assert!(
        links(waic).contains(&(LinkKind::RespondsTo, plan)),
        "WAIC proposal responds to the US plan"
    );
    assert!(
        ds.index.backlinks[plan.ix()]
            .iter()
            .any(|b| b.from == waic && b.kind == LinkKind::RespondsTo)
    );
    assert!(
        links(apec).iter().any(|&(_, to)| to == waic),
        "Xi at APEC follows up Li Qiang's proposal"
    );
}

/// One entry of `tests/fixtures/seed_quotes.toml`.
#[derive(Debug, serde::Deserialize)]
struct SeedQuote {
    seed: String,
    source: String,
    id: String,
    text: String,
}

#[derive(Debug, serde::Deserialize)]
struct SeedQuotes {
    quote: Vec<SeedQuote>,
}

/// The list of seed quotes kept in the repository; a missing or empty list fails.
fn seed_quotes() -> Vec<SeedQuote> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed_quotes.toml");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("the list of seed quotes, {}: {e}", path.display()));
    let list: SeedQuotes = toml::from_str(&text).unwrap();
    assert!(
        list.quote.len() >= 25,
        "only {} seed quotes listed",
        list.quote.len()
    );
    list.quote
}

#[test]
fn each_seed_article_is_a_source_and_each_seed_quote_is_verbatim() {
    let ds = bundled();
    let g = &ds.graph;
    let listed = seed_quotes();
    let mut checked = 0;
    for (file, source_id) in SEEDS {
        let Some(Entity::Source(s)) = g.lookup(source_id) else {
            panic!("seed {file}: no source {source_id}")
        };
        assert_eq!(g.source(s).language.as_deref(), Some("fr"), "{source_id}");
        // The dataset's quotes of this article are exactly the listed ones, word for word.
        let mut in_data: Vec<(&str, &str)> = g
            .quotes
            .iter()
            .filter(|q| q.source == s)
            .map(|q| (q.id.as_str(), q.text.as_str()))
            .collect();
        let mut in_list: Vec<(&str, &str)> = listed
            .iter()
            .filter(|q| q.source == *source_id)
            .map(|q| (q.id.as_str(), q.text.as_str()))
            .collect();
        in_data.sort_unstable();
        in_list.sort_unstable();
        assert_eq!(
            in_data, in_list,
            "{source_id}: the dataset's quotes differ from tests/fixtures/seed_quotes.toml"
        );
        for q in g.quotes.iter().filter(|q| q.source == s) {
            assert_eq!(q.lang, "fr", "{}", q.id);
            assert!(q.translation.is_some(), "{}", q.id);
            checked += 1;
        }
    }
    for q in &listed {
        assert!(
            SEEDS.contains(&(q.seed.as_str(), q.source.as_str())),
            "{}: seed {} is not the article of {}",
            q.id,
            q.seed,
            q.source
        );
    }
    assert_eq!(checked, listed.len());
}

/// The list itself against the articles, where they are (beside the repository, in
/// ../shared/seeds/); a clone without them still checks the dataset against the list.
#[test]
fn the_seed_quote_list_is_verbatim_in_the_articles_when_they_are_here() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !seeds.is_dir() {
        eprintln!(
            "the articles are not in {}: the list stands",
            seeds.display()
        );
        return;
    }
    for q in seed_quotes() {
        let text = std::fs::read_to_string(PathBuf::from(&seeds).join(&q.seed)).unwrap();
        assert!(
            text.contains(&q.text),
            "quote {} is not verbatim in {}: {:?}",
            q.id,
            q.seed,
            q.text
        );
    }
}

/// The complete example of data/README.md is valid, even under `--strict`.
#[test]
fn the_format_example_in_data_readme_is_valid() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/README.md"))
            .unwrap();
    let start = readme.find("```toml\n").expect("a toml block") + "```toml\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let dir = std::env::temp_dir().join(format!("aigov-readme-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("example.toml");
    std::fs::write(&file, &readme[start..end]).unwrap();
    let checked = check(&Origin::Path(file)).unwrap();
    assert!(checked.diagnostics.is_empty(), "{:#?}", checked.diagnostics);
    assert!(checked.graph.is_some());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The December 2026 data review: the dataset doubled (≥ 130 events and ≥ 90 quotes over
/// 2017–2026), every event cites at least one source with a URL, and the corrections are
/// visible — the AI Act's high-risk dates moved by the June 2026 Omnibus, China's proposed
/// headquarters only "tentatively" in Shanghai, no July resumption of H20 sales, the seeds'
/// sourced figures no longer discredited, and no past event left "scheduled".
#[test]
fn coverage_of_the_data_review() {
    let ds = bundled();
    let g = &ds.graph;
    assert!(g.events.len() >= 130, "events: {}", g.events.len());
    assert!(g.quotes.len() >= 90, "quotes: {}", g.quotes.len());
    for e in &g.events {
        assert!(
            e.sources.iter().any(|&s| g
                .source(s)
                .url
                .as_deref()
                .is_some_and(|u| u.starts_with("http://") || u.starts_with("https://"))),
            "event {} cites no source with a URL",
            e.id
        );
        assert!(e.summary.is_some(), "event {} has no summary", e.id);
    }
    for year in 2017..=2026 {
        assert!(
            g.events.iter().any(|e| e.date.year() == year),
            "no event in {year}"
        );
    }
}

/// The corrections of the December 2026 review, each visible in the record it concerns.
#[test]
fn corrections_of_the_data_review_are_visible() {
    let ds = bundled();
    let g = &ds.graph;
    let event = |id: &str| match g.lookup(id) {
        Some(Entity::Event(e)) => g.event(e),
        _ => panic!("no event {id}"),
    };
    let actor = |id: &str| match g.lookup(id) {
        Some(Entity::Actor(a)) => g.actor(a),
        _ => panic!("no actor {id}"),
    };
    let quote = |id: &str| match g.lookup(id) {
        Some(Entity::Quote(q)) => g.quote(q),
        _ => panic!("no quote {id}"),
    };
    let text = |id: &str| {
        let e = event(id);
        format!(
            "{} {} {}",
            e.title,
            e.summary.as_deref().unwrap_or(""),
            e.note.as_deref().unwrap_or("")
        )
    };

    // EU AI Act: Annex III did not apply on 2 August 2026; the Omnibus is an event.
    let act_2026 = text("eu-ai-act-general-application-2026");
    assert!(act_2026.contains("2 December 2027"), "{act_2026}");
    assert!(!act_2026.contains("including Annex III high-risk obligations (scheduled)"));
    let omnibus = text("eu-ai-digital-omnibus-2026");
    assert_eq!(
        event("eu-ai-digital-omnibus-2026").date.to_string(),
        "2026-06-16"
    );
    assert!(omnibus.contains("2 December 2027") && omnibus.contains("2 August 2028"));
    assert!(text("eu-ai-act-in-force").contains("2 December 2027"));
    let eu = actor("eu").summary.clone().unwrap();
    assert!(
        eu.contains("Omnibus") && eu.contains("2 December 2027"),
        "{eu}"
    );

    // China's proposed organisation: headquarters only tentatively in Shanghai.
    let cn = actor("cn").summary.clone().unwrap();
    assert!(cn.contains("tentatively"), "{cn}");
    assert!(!cn.contains("headquartered in Shanghai"), "{cn}");
    let waico = text("waic-2025-waico-proposal");
    assert!(waico.contains("sources involved in the matter"), "{waico}");
    assert!(text("waic-2025").contains("1,200 representatives from 30 countries"));

    // H20: licences in August, CAC summons on 31 July, production halt in late August.
    let us = actor("us").summary.clone().unwrap();
    assert!(!us.contains("sales resumed in July"), "{us}");
    assert!(us.contains("31 July") && us.contains("August"), "{us}");
    assert_eq!(
        event("cac-summons-nvidia-h20-2025").date.to_string(),
        "2025-07-31"
    );
    assert_eq!(
        event("us-h20-licences-issued-2025").date.to_string(),
        "2025-08"
    );
    assert_eq!(
        event("nvidia-h20-production-halt-2025").date.to_string(),
        "2025-08-22"
    );

    // People and the roundtable.
    assert!(
        actor("george-chen")
            .role
            .as_deref()
            .unwrap()
            .contains("Partner")
    );
    let ma = actor("ma-zhaoxu").summary.clone().unwrap();
    assert!(!ma.contains("chaired a roundtable"), "{ma}");
    assert!(text("ma-zhaoxu-roundtable-2025").contains("IDX Channel"));

    // 2026 dates as re-checked.
    let delhi = event("india-ai-impact-summit-2026");
    assert_eq!(
        delhi.end.map(|d| d.to_string()).as_deref(),
        Some("2026-02-21")
    );
    assert_eq!(
        event("un-global-dialogue-geneva-2026").date.to_string(),
        "2026-07-06"
    );
    assert_eq!(event("apec-2026-shenzhen").date.to_string(), "2026-11-18");
    assert!(text("us-china-truce-extension-reported-2026").contains("unconfirmed"));

    // Translations of the French render the French, not the English it came from.
    let xi = quote("xi-grande-importance");
    assert_ne!(
        xi.translation.as_deref().map(str::to_lowercase),
        xi.original
            .as_deref()
            .map(|o| o.trim_end_matches('.').to_lowercase())
    );
}

/// What is only planned says so in `status`, never in a title or a tag, and the date
/// checks pass on the day of the review.
#[test]
fn planned_events_say_so_in_their_status() {
    let ds = bundled();
    let g = &ds.graph;
    // Nothing dated before the review reads as merely "scheduled": what is only planned
    // says so in `status`, and the date checks pass on the day of the review.
    for e in &g.events {
        assert!(
            !e.title.contains("(scheduled)") && !e.tags.iter().any(|t| t == "scheduled"),
            "{} marks its status in its title or tags",
            e.id
        );
    }
    let Some(Entity::Event(apec)) = g.lookup("apec-2026-shenzhen") else {
        panic!("no APEC 2026 event");
    };
    assert_eq!(g.event(apec).status, aigov::graph::Status::Unconfirmed);
    let review = "2026-12-01".parse().unwrap();
    let checked = aigov::dataset::check_on(&Origin::Bundled, Some(review)).unwrap();
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
}

/// Threads between quotes: at least eight, each saying in its note which source supports
/// it, each to an earlier (or same-day) quote.
#[test]
fn quote_threads_are_sourced_and_go_back_in_time() {
    let ds = bundled();
    let g = &ds.graph;
    let mut n = 0;
    for (i, q) in g.quotes.iter().enumerate() {
        for l in &q.links {
            n += 1;
            let note = l.note.as_deref().unwrap_or("");
            assert!(note.len() > 40, "{} → {}: say why", q.id, g.quote(l.to).id);
            let from = g.quote_date(aigov::graph::QuoteIx(u32::try_from(i).unwrap()));
            assert!(
                g.quote_date(l.to) <= from,
                "{} takes up a later quote",
                q.id
            );
        }
    }
    assert!(n >= 8, "{n} threads");
}
