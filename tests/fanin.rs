//! A 10,000-link fan-in (one event every other event links to): moving on it, opening
//! its link graph and drawing each frame work and show the hub's responses. The time a
//! step takes is measured by `cargo bench --bench render` (never asserted here: a timed
//! test flakes on a busy machine).

#![allow(clippy::unwrap_used, clippy::panic)]

use std::sync::Arc;

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
    let dir = std::env::temp_dir().join(format!("aigov-fanin-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("data.toml"), aigov::synth::fan_in(SPOKES)).unwrap();
    let ds = Dataset::load(&Origin::Path(dir.clone())).unwrap().unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    ds
}

#[test]
fn a_ten_thousand_link_fan_in_stays_usable() {
    let ds = Arc::new(fan_in());
    let mut app = App::new(ds, Theme::default(), Rect::new(0, 0, 120, 40));
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut step = |app: &mut App, a: Action| {
        app.update(a);
        term.draw(|f| view::render(app, f)).unwrap();
        let buf = term.backend().buffer();
        (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    // The hub is the first event; its pane lists responses it can show.
    step(&mut app, Action::Top);
    let screen = step(&mut app, Action::Focus(Pane::Event));
    assert!(screen.contains("The hub"), "{screen}");
    assert!(screen.contains("responded to by"), "{screen}");
    for _ in 0..20 {
        step(&mut app, Action::MoveDown);
    }
    step(&mut app, Action::Bottom);
    step(&mut app, Action::PageUp);
    step(&mut app, Action::Focus(Pane::Quotes));
    step(&mut app, Action::Focus(Pane::Timeline));
    let screen = step(&mut app, Action::ToggleGraph);
    assert!(screen.contains("Link graph · The hub"), "{screen}");
    for _ in 0..10 {
        step(&mut app, Action::MoveDown);
    }
    let screen = step(&mut app, Action::MoveRight);
    assert!(screen.contains("Spoke"), "{screen}");
    step(&mut app, Action::ToggleGraph);
}
