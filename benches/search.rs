//! `cargo bench --bench search`: per-keystroke latency of the explorer's search on a
//! synthetic 100k events + 100k quotes (`AIGOV_BENCH_EVENTS` to change it), typing
//! "gouvernance m" one character at a time as the worker does it: narrow from the last
//! matches, then rank the first screenful; also the full list, the index build and size,
//! and in the explorer (input thread and search worker) the final count after a burst
//! typed 30 ms a keystroke.

#![allow(clippy::cast_precision_loss)] // sizes in MiB for display

use std::time::{Duration, Instant};

use std::sync::{Arc, mpsc};

use aigov::dataset::Dataset;
use aigov::load::Origin;
use aigov::search::{Query, SearchIndex};
use aigov::synth::{Spec, generate};
use aigov::tui::action::{Action, Effect};
use aigov::tui::app::App;
use aigov::tui::input::Input;
use aigov::tui::theme::Theme;
use aigov::tui::update::Msg;
use aigov::tui::view;
use aigov::tui::worker::{AGAIN, GLIMPSE, Worker};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

const TYPED: &str = "gouvernance m";
const SCREEN: usize = 60;

#[allow(clippy::too_many_lines)] // one linear script: load, build, type, report
fn main() {
    let n: usize = std::env::var("AIGOV_BENCH_EVENTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let out = std::env::var_os("AIGOV_SYNTH_OUT").map(std::path::PathBuf::from);
    let dir = out.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("aigov-bench-search-{}", std::process::id()))
    });
    let _ = std::fs::create_dir_all(&dir);
    let text = generate(Spec {
        events: n,
        quotes: n,
    });
    if let Err(e) = aigov::synth::write_dir(&dir, &text) {
        eprintln!("cannot write {}: {e}", dir.display());
        return;
    }
    drop(text);
    // No load cache: each run has its own temporary files.
    let Ok(Ok(ds)) = Dataset::load_cached(&Origin::Path(dir.clone()), None) else {
        eprintln!("synthetic data did not load");
        return;
    };
    if let Some(out) = out {
        // For benches/compare-fzf.sh: the same records, one line each, for fzf.
        let lines = lines(&ds);
        if std::fs::write(out.join("lines.txt"), lines).is_err() {
            eprintln!("cannot write lines.txt");
        }
        return;
    }
    let _ = std::fs::remove_dir_all(&dir);
    let t = Instant::now();
    let ix = SearchIndex::build(&ds.graph);
    println!(
        "{n} events + {n} quotes: index built in {:.0} ms, {:.1} MiB ({} records)",
        ms(t.elapsed()),
        ix.heap_bytes() as f64 / 1_048_576.0,
        ix.len()
    );
    for round in 0..3 {
        let mut times = Vec::new();
        let mut finals = Vec::new();
        let mut last: Option<(Query, Vec<u32>)> = None;
        let mut glimpsed: Option<(Query, Vec<u32>)> = None;
        if round == 0 {
            println!(
                "{:<16} {:>9} {:>10} {:>8} {:>12}",
                "typed", "matches", "screenful", "from", "all + 500"
            );
        }
        for end in TYPED.char_indices().map(|(i, c)| i + c.len_utf8()) {
            let typed = &TYPED[..end];
            let t = Instant::now();
            let q = Query::parse(typed);
            let within = last
                .as_ref()
                .filter(|(old, _)| q.narrows(old))
                .map(|(_, d)| d.as_slice());
            // As the worker does it: the first screenful from a glimpse at a large
            // scope (from the last glimpse's matches when they still fill a screen),
            // else from titles when they hold enough, then every match, counted and
            // ranked.
            let large = ix.scope_size(&q, within) > GLIMPSE;
            let again = glimpsed
                .as_ref()
                .filter(|(old, d)| large && (SCREEN..=AGAIN).contains(&d.len()) && q.narrows(old))
                .and_then(|(_, d)| ix.glimpse_among(&q, d, &|| false))
                .filter(|m| m.total() >= SCREEN);
            let from_again = again.is_some();
            let glimpse = again.or_else(|| ix.glimpse(&q, within, GLIMPSE, &|| false));
            glimpsed = glimpse.as_ref().map(|m| (q.clone(), m.docs()));
            let from_glimpse = glimpse.is_some();
            let first = glimpse.or_else(|| ix.first_screen(&q, within, SCREEN, &|| false));
            let from_titles = first.is_some();
            let hits = first.map(|m| m.rank(&ix, &q, SCREEN));
            let mut screen = t.elapsed();
            std::hint::black_box(&hits);
            let Some(m) = ix.matches(&q, within, &|| false) else {
                return;
            };
            if !from_titles {
                std::hint::black_box(m.rank(&ix, &q, SCREEN));
                screen = t.elapsed();
            }
            std::hint::black_box(m.rank(&ix, &q, 500));
            let full = t.elapsed();
            if round == 0 {
                println!(
                    "{:<16} {:>9} {:>8.1}ms {:>8} {:>10.1}ms",
                    format!("{typed:?}"),
                    m.total(),
                    ms(screen),
                    match (from_glimpse, from_titles) {
                        (true, _) if from_again => "again",
                        (true, _) => "glimpse",
                        (_, true) => "titles",
                        _ => "all",
                    },
                    ms(full)
                );
            }
            times.push(screen);
            finals.push(full);
            last = Some((q, m.docs()));
        }
        times.sort();
        finals.sort();
        println!(
            "round {round}: keystroke to first screenful: median {:.1} ms, worst {:.1} ms; \
             to the full count and 500 ranked: median {:.0} ms, worst {:.0} ms",
            ms(times[times.len() / 2]),
            ms(times[times.len() - 1]),
            ms(finals[finals.len() / 2]),
            ms(finals[finals.len() - 1])
        );
    }
    // Without narrowing: each prefix from scratch (a paste, or Backspace).
    let mut cold = Vec::new();
    for end in TYPED.char_indices().map(|(i, c)| i + c.len_utf8()) {
        let t = Instant::now();
        let q = Query::parse(&TYPED[..end]);
        if let Some(m) = ix.matches(&q, None, &|| false) {
            std::hint::black_box(m.rank(&ix, &q, SCREEN));
        }
        cold.push(t.elapsed());
    }
    cold.sort();
    println!(
        "from scratch (no narrowing): median {:.1} ms, worst {:.1} ms",
        ms(cold[cold.len() / 2]),
        ms(cold[cold.len() - 1])
    );
    drop(ix);
    typing_in_the_explorer(ds);
}

/// Typed bursts in the explorer.
const BURSTS: usize = 3;

/// The explorer's input thread while the worker searches: each keystroke of
/// `gouvernance m`, typed every 30 ms as a person types, is applied and a 120×40 frame
/// drawn (what the user waits for), and the time to the first results of each keystroke
/// and to the complete count of the last one (the final count) are noted; the burst is
/// typed [`BURSTS`] times, in a popup opened afresh each time.
fn typing_in_the_explorer(ds: Dataset) {
    let ds = Arc::new(ds);
    let (tx, rx) = mpsc::channel();
    let worker = Worker::spawn(ds.clone(), tx);
    let mut app = App::new(ds.clone(), Theme::default(), Rect::new(0, 0, 120, 40));
    let Ok(mut term) = Terminal::new(TestBackend::new(120, 40));
    // The worker builds its index first, as it does when the explorer opens.
    std::hint::black_box(ds.search().len());
    let mut input = Vec::new();
    let mut first = Vec::new();
    let mut finals = Vec::new();
    for _ in 0..BURSTS {
        app.update(Action::SearchCancel);
        app.update(Action::OpenSearch);
        let mut last_key = Instant::now();
        let mut done = None;
        for c in TYPED.chars() {
            let typed_at = Instant::now();
            last_key = typed_at;
            done = None;
            if app.update(Action::SearchInput(c)) == Effect::Search
                && let Some((generation, text)) = app.search_request()
            {
                worker.submit(generation, text);
            }
            let _ = term.draw(|f| view::render(&app, f));
            input.push(typed_at.elapsed());
            // Until the next keystroke, take in what the worker sends, as the loop does.
            let mut got_first = false;
            while typed_at.elapsed() < Duration::from_millis(30) {
                let left = Duration::from_millis(30).saturating_sub(typed_at.elapsed());
                if let Ok(Input::Searched(r)) = rx.recv_timeout(left) {
                    let partial = r.partial;
                    if app.update(Msg::Searched(r)) != Effect::Unchanged {
                        let _ = term.draw(|f| view::render(&app, f));
                        if !got_first {
                            first.push(typed_at.elapsed());
                            got_first = true;
                        }
                        if !partial {
                            done = Some(typed_at.elapsed());
                        }
                    }
                }
            }
        }
        // The last keystroke's search runs to its end.
        while done.is_none() && app.search.as_ref().is_some_and(|s| s.pending) {
            match rx.recv_timeout(Duration::from_secs(30)) {
                Ok(Input::Searched(r)) => {
                    let partial = r.partial;
                    if app.update(Msg::Searched(r)) != Effect::Unchanged {
                        let _ = term.draw(|f| view::render(&app, f));
                        if !partial {
                            done = Some(last_key.elapsed());
                        }
                    }
                }
                _ => break,
            }
        }
        finals.push(done.unwrap_or_else(|| last_key.elapsed()));
    }
    input.sort();
    first.sort();
    finals.sort();
    println!(
        "explorer, typing every 30 ms: keystroke to frame median {:.2} ms, worst {:.2} ms; \
         first results for {} of {} keystrokes before the next (median {:.1} ms)",
        ms(input[input.len() / 2]),
        ms(input[input.len() - 1]),
        first.len(),
        input.len(),
        first.get(first.len() / 2).map_or(f64::NAN, |d| ms(*d)),
    );
    println!(
        "explorer, final count after a typed burst (the last keystroke to its complete \
         count), {BURSTS} bursts: median {:.0} ms, worst {:.0} ms",
        ms(finals[finals.len() / 2]),
        ms(finals[finals.len() - 1]),
    );
}

/// Every record as one line: the fields aigov searches, joined by spaces.
fn lines(ds: &Dataset) -> String {
    let g = &ds.graph;
    let mut out = String::new();
    let mut line = |parts: &[&str]| {
        out.push_str(&parts.join(" ").replace('\n', " "));
        out.push('\n');
    };
    for e in &g.events {
        let tags = e.tags.join(" ");
        line(&[
            &e.title,
            e.place.as_deref().unwrap_or(""),
            &tags,
            e.summary.as_deref().unwrap_or(""),
        ]);
    }
    for q in &g.quotes {
        line(&[
            &g.actor(q.speaker).name,
            &q.text,
            q.translation.as_deref().unwrap_or(""),
            q.original.as_deref().unwrap_or(""),
        ]);
    }
    for a in &g.actors {
        let aliases = a.aliases.join(" ");
        line(&[
            &a.name,
            a.role.as_deref().unwrap_or(""),
            &aliases,
            a.summary.as_deref().unwrap_or(""),
        ]);
    }
    for s in &g.sources {
        line(&[&s.title, &s.publisher, s.summary.as_deref().unwrap_or("")]);
    }
    out
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
