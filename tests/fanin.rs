//! A 10,000-link fan-in (one event every other event links to): moving on it, opening
//! its link graph and drawing each frame stay within a bounded time.

#![allow(clippy::unwrap_used, clippy::panic)]

use std::fmt::Write as _;
use std::sync::Arc;
use std::time::{Duration, Instant};

use aigov::dataset::Dataset;
use aigov::load::Origin;
use aigov::tui::action::{Action, Pane};
use aigov::tui::app::App;
use aigov::tui::theme::Theme;
use aigov::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

const SPOKES: usize = 10_000;

/// One hub event and `SPOKES` events that each respond to it.
fn fan_in() -> Dataset {
    let mut t = String::from(
        "[[actor]]\nid = \"cn\"\nname = \"China\"\nkind = \"country\"\n\n\
         [[source]]\nid = \"src\"\ntitle = \"S\"\npublisher = \"P\"\npublished = \"2025\"\n\
         language = \"en\"\nsummary = \"s\"\n\n\
         [[event]]\nid = \"hub\"\ndate = \"2020-01-01\"\ntitle = \"The hub\"\nsummary = \"s\"\n\
         actors = [\"cn\"]\nsources = [\"src\"]\n\n",
    );
    for i in 0..SPOKES {
        let _ = write!(
            t,
            "[[event]]\nid = \"spoke-{i}\"\ndate = \"2021-{:02}-{:02}\"\ntitle = \"Spoke {i}\"\n\
             summary = \"s\"\nactors = [\"cn\"]\nsources = [\"src\"]\n\
             links = [{{ to = \"hub\", kind = \"responds_to\" }}]\n\n",
            1 + i % 12,
            1 + i % 28
        );
    }
    let dir = std::env::temp_dir().join(format!("aigov-fanin-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("data.toml"), t).unwrap();
    let ds = Dataset::load(&Origin::Path(dir.clone())).unwrap().unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    ds
}

#[test]
fn a_ten_thousand_link_fan_in_stays_responsive() {
    let ds = Arc::new(fan_in());
    let mut app = App::new(ds, Theme::default(), Rect::new(0, 0, 120, 40));
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut worst = Duration::ZERO;
    let mut step = |app: &mut App, a: Action| {
        let t = Instant::now();
        app.update(a);
        term.draw(|f| view::render(app, f)).unwrap();
        let took = t.elapsed();
        eprintln!("{a:?}: {took:?}");
        worst = worst.max(took);
    };
    // The hub is the first event.
    step(&mut app, Action::Top);
    step(&mut app, Action::Focus(Pane::Event));
    for _ in 0..20 {
        step(&mut app, Action::MoveDown);
    }
    step(&mut app, Action::Bottom);
    step(&mut app, Action::PageUp);
    step(&mut app, Action::Focus(Pane::Quotes));
    step(&mut app, Action::Focus(Pane::Timeline));
    step(&mut app, Action::ToggleGraph);
    for _ in 0..10 {
        step(&mut app, Action::MoveDown);
    }
    step(&mut app, Action::MoveRight);
    step(&mut app, Action::ToggleGraph);
    eprintln!("worst step: {worst:?}");
    // Debug build, loaded 2-core machine: a frame's work must not grow with the fan-in.
    assert!(worst < Duration::from_millis(250), "worst step {worst:?}");
}
