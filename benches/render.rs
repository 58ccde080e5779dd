//! Render timings: one frame at 200×60 on a synthetic dataset of 100k events
//! (`AIGOV_BENCH_EVENTS` to change it), and launch to first frame (load, index,
//! `App::new`, first render) for the bundled data and the synthetic one, and the worst
//! step on an event 10,000 others link to. Each frame's update (the state change of a
//! key) and draw are also timed apart.
//! Run with `cargo bench --bench render`. The dataset is written as TOML to a temp dir so
//! that the whole load pipeline is timed.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use aigov::dataset::Dataset;
use aigov::load::Origin;
use aigov::synth::{Spec, generate};
use aigov::tui::action::Action;
use aigov::tui::app::App;
use aigov::tui::theme::Theme;
use aigov::tui::update::Msg;
use aigov::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

const W: u16 = 200;
const H: u16 = 60;

/// The synthetic dataset of `aigov::synth` (as many quotes as events), written as TOML to
/// a temp dir (`synth::write_dir`) so that the whole load pipeline is timed.
fn synthetic(events: usize) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("aigov-bench-render-{events}"));
    let _ = std::fs::remove_dir_all(&dir);
    let text = generate(Spec {
        events,
        quotes: events,
    });
    let _ = aigov::synth::write_dir(&dir, &text);
    dir
}

fn frame(app: &App, t: &mut Terminal<TestBackend>) {
    let _ = t.draw(|f| view::render(app, f));
}

fn launch(origin: &Origin) -> (Duration, App) {
    let start = Instant::now();
    // No load cache: each run has its own temporary files.
    let Ok(Ok(ds)) = Dataset::load_cached(origin, None) else {
        eprintln!("could not load {origin}");
        std::process::exit(1);
    };
    let app = App::new(Arc::new(ds), Theme::default(), Rect::new(0, 0, W, H));
    let mut t = Terminal::new(TestBackend::new(W, H)).unwrap_or_else(|e| match e {});
    frame(&app, &mut t);
    (start.elapsed(), app)
}

fn per_frame(mut app: App, label: &str) {
    let mut t = Terminal::new(TestBackend::new(W, H)).unwrap_or_else(|e| match e {});
    // Jump to the middle so that neither end is a special case.
    for _ in 0..3 {
        app.update(Action::PageDown);
    }
    let n: u32 = 200;
    let mut times = Vec::with_capacity(n as usize);
    // The update (the state change a key makes) and the draw, timed apart as well.
    let mut updates = Vec::with_capacity(n as usize);
    let mut draws = Vec::with_capacity(n as usize);
    let start = Instant::now();
    for i in 0..n {
        let one = Instant::now();
        // Alternate moves so each frame differs; the update is part of the cost.
        app.update(if i % 2 == 0 {
            Action::MoveDown
        } else {
            Action::MoveUp
        });
        let drawn_from = Instant::now();
        frame(&app, &mut t);
        let end = Instant::now();
        times.push(end - one);
        updates.push(drawn_from - one);
        draws.push(end - drawn_from);
    }
    let each = start.elapsed() / n;
    let median = |mut v: Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    let (update, draw, median) = (median(updates), median(draws), median(times));
    println!(
        "{label}: update + frame at {W}x{H}: {each:?} per frame, median {median:?} (update {update:?}, draw {draw:?}; {n} frames)"
    );
}

fn main() {
    let (t, app) = launch(&Origin::Bundled);
    println!(
        "bundled ({} events): launch to first frame {t:?}",
        app.dataset.graph.events.len()
    );
    per_frame(app, "bundled");
    let n: usize = std::env::var("AIGOV_BENCH_EVENTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let size = if n.is_multiple_of(1_000_000) {
        format!("{}M", n / 1_000_000)
    } else if n.is_multiple_of(1000) {
        format!("{}k", n / 1000)
    } else {
        n.to_string()
    };
    let dir = synthetic(n);
    let (t, mut app) = launch(&Origin::Path(dir.clone()));
    let _ = std::fs::remove_dir_all(&dir);
    println!(
        "synthetic ({} events + as many quotes): launch to first frame {t:?}",
        app.dataset.graph.events.len()
    );
    per_frame(app.clone(), &format!("synthetic {size}"));
    // A filter line as typed (`f`, then Enter): the refilter, then frames under it.
    let mut filtered = app.clone();
    filtered.update(Action::OpenFilter);
    for c in "tag:tag-3 from:2000".chars() {
        filtered.update(Action::FilterInput(c));
    }
    let start = Instant::now();
    filtered.update(Action::FilterAccept);
    println!(
        "synthetic {size}: applying the filter tag:tag-3 from:2000 ({} events kept) {:?}",
        filtered.timeline_events().len(),
        start.elapsed()
    );
    per_frame(filtered, &format!("synthetic {size}, filter active"));
    // As the explorer starts: today known, on the latest events, whose year's header
    // counts those upcoming and unconfirmed (a tenth of the events here).
    let mut latest = app.clone();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 7, 1).unwrap_or_default();
    latest.update(Msg::StartOn(today));
    per_frame(
        latest,
        &format!("synthetic {size}, latest events, today {today}"),
    );
    app.update(Action::Focus(aigov::tui::action::Pane::Countries));
    let start = Instant::now();
    app.update(Action::MoveDown);
    println!(
        "synthetic {size}: choosing a country (refilter) {:?}",
        start.elapsed()
    );
    // Moving through the countries re-filters and shows each one's thousands of quotes.
    per_frame(
        app.clone(),
        &format!("synthetic {size}, moving through countries"),
    );
    app.update(Action::Focus(aigov::tui::action::Pane::Timeline));
    per_frame(app, &format!("synthetic {size}, one country chosen"));
    fan_in();
}

/// One event that 10,000 others respond to: opening it, its link graph, and moving there.
fn fan_in() {
    let dir = std::env::temp_dir().join("aigov-bench-render-fanin");
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(dir.join("fanin.toml"), aigov::synth::fan_in(10_000));
    let (t, mut app) = launch(&Origin::Path(dir));
    println!("fan-in of 10,000 links: launch to first frame {t:?}");
    let mut term = Terminal::new(TestBackend::new(W, H)).unwrap_or_else(|e| match e {});
    let mut worst = Duration::ZERO;
    let actions = [Action::Top, Action::Focus(aigov::tui::action::Pane::Event)]
        .into_iter()
        .chain(std::iter::repeat_n(Action::MoveDown, 20))
        .chain([
            Action::Focus(aigov::tui::action::Pane::Timeline),
            Action::ToggleGraph,
        ])
        .chain(std::iter::repeat_n(Action::MoveDown, 10))
        .chain([Action::MoveRight, Action::ToggleGraph]);
    for a in actions {
        let start = Instant::now();
        app.update(a);
        frame(&app, &mut term);
        worst = worst.max(start.elapsed());
    }
    println!("fan-in of 10,000 links: worst update + frame {worst:?}");
}
