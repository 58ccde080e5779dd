//! Render timings: one frame at 200×60 on a synthetic dataset of 100k events, and launch
//! to first frame (load, index, `App::new`, first render) for the bundled data and 100k.
//! Run with `cargo bench --bench render`. The dataset is written as TOML to a temp dir so
//! that the whole load pipeline is timed (a stand-in until `aigov::synth` lands).

use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use aigov::dataset::Dataset;
use aigov::load::Origin;
use aigov::tui::action::Action;
use aigov::tui::app::App;
use aigov::tui::theme::Theme;
use aigov::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

const W: u16 = 200;
const H: u16 = 60;

fn synthetic(events: usize) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("aigov-bench-{events}"));
    let _ = std::fs::create_dir_all(&dir);
    let mut s = String::new();
    for (id, name) in [
        ("cn", "China"),
        ("us", "United States"),
        ("eu", "European Union"),
    ] {
        let kind = if id == "eu" { "bloc" } else { "country" };
        let _ = writeln!(
            s,
            "[[actor]]\nid = \"{id}\"\nname = \"{name}\"\nkind = \"{kind}\"\n"
        );
    }
    s.push_str("[[source]]\nid = \"s\"\ntitle = \"Source\"\npublisher = \"Pub\"\n\n");
    for i in 0..events {
        let year = 1990 + i * 36 / events;
        let month = i % 12 + 1;
        let day = i % 28 + 1;
        let actor = ["cn", "us", "eu"][i % 3];
        let _ = write!(
            s,
            "[[event]]\nid = \"e{i}\"\ndate = \"{year}-{month:02}-{day:02}\"\ntitle = \"Event number {i} about AI governance 人工智能\"\nactors = [\"{actor}\"]\nsources = [\"s\"]\nsummary = \"A synthetic event.\"\n"
        );
        if i > 0 {
            let _ = writeln!(
                s,
                "links = [{{ to = \"e{}\", kind = \"responds_to\" }}]",
                i - 1
            );
        }
        s.push('\n');
        if i % 10 == 0 {
            let _ = write!(
                s,
                "[[quote]]\nid = \"q{i}\"\nspeaker = \"{actor}\"\nevent = \"e{i}\"\nsource = \"s\"\nlang = \"en\"\ntext = \"Quote {i}, long enough to wrap over a couple of lines in the quotes pane.\"\n\n"
            );
        }
    }
    let _ = std::fs::write(dir.join("synthetic.toml"), s);
    dir
}

fn frame(app: &App, t: &mut Terminal<TestBackend>) {
    let _ = t.draw(|f| view::render(app, f));
}

fn launch(origin: &Origin) -> (Duration, App) {
    let start = Instant::now();
    let Ok(Ok(ds)) = Dataset::load(origin) else {
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
    let start = Instant::now();
    for i in 0..n {
        // Alternate moves so each frame differs; the update is part of the cost.
        app.update(if i % 2 == 0 {
            Action::MoveDown
        } else {
            Action::MoveUp
        });
        frame(&app, &mut t);
    }
    let each = start.elapsed() / n;
    println!("{label}: update + frame at {W}x{H}: {each:?} per frame ({n} frames)");
}

fn main() {
    let (t, app) = launch(&Origin::Bundled);
    println!(
        "bundled ({} events): launch to first frame {t:?}",
        app.dataset.graph.events.len()
    );
    per_frame(app, "bundled");
    let dir = synthetic(100_000);
    let (t, mut app) = launch(&Origin::Path(dir));
    println!(
        "synthetic ({} events): launch to first frame {t:?}",
        app.dataset.graph.events.len()
    );
    per_frame(app.clone(), "synthetic 100k");
    app.update(Action::Focus(aigov::tui::action::Pane::Countries));
    let start = Instant::now();
    app.update(Action::MoveDown);
    println!(
        "synthetic 100k: choosing a country (refilter) {:?}",
        start.elapsed()
    );
    app.update(Action::Focus(aigov::tui::action::Pane::Timeline));
    per_frame(app, "synthetic 100k, one country chosen");
}
