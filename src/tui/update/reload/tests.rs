//! Reloads under an open search popup, a saved place and a back history: positions are
//! carried over by id or dropped; search generations only grow; stale results go.

#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::PathBuf;
use std::sync::Arc;

use ratatui::layout::Rect;

use crate::dataset::Dataset;
use crate::load::Origin;
use crate::tui::action::{Action, Effect, Pane};
use crate::tui::app::{App, Searched};
use crate::tui::reload::Reload;
use crate::tui::theme::Theme;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/explorer");

/// The fixture with `edit` applied to its events file, loaded from a fresh directory.
fn fixture_with(name: &str, edit: impl Fn(String) -> String) -> Dataset {
    // Tests run in parallel and several build the same edit: a directory each.
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("aigov-remap-{name}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for f in std::fs::read_dir(FIXTURE).unwrap() {
        let f = f.unwrap().path();
        let mut text = std::fs::read_to_string(&f).unwrap();
        if f.file_name().unwrap() == "events.toml" {
            text = edit(text);
        }
        std::fs::write(dir.join(f.file_name().unwrap()), text).unwrap();
    }
    let ds = Dataset::load(&Origin::Path(dir.clone())).unwrap().unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    ds
}

fn fixture() -> Dataset {
    Dataset::load(&Origin::Path(PathBuf::from(FIXTURE)))
        .unwrap()
        .unwrap()
}

/// The fixture with two events before all others: every timeline position shifts.
fn shifted() -> Dataset {
    fixture_with("shifted", |t| {
        format!(
            "[[event]]\nid = \"early-one\"\ndate = \"2001\"\ntitle = \"Early one\"\n\
             summary = \"s\"\nactors = [\"cn\"]\n\n\
             [[event]]\nid = \"early-two\"\ndate = \"2002\"\ntitle = \"Early two\"\n\
             summary = \"s\"\nactors = [\"cn\"]\n\n{t}"
        )
    })
}

fn app() -> App {
    App::new(
        Arc::new(fixture()),
        Theme::default(),
        Rect::new(0, 0, 120, 40),
    )
}

fn run(app: &mut App, actions: &[Action]) {
    for &a in actions {
        app.update(a);
    }
}

fn selected_id(app: &App) -> String {
    let e = app.selected_event().unwrap();
    app.dataset.graph.event(e).id.clone()
}

fn type_in(app: &mut App, s: &str) {
    run(app, &[Action::OpenSearch]);
    for c in s.chars() {
        run(app, &[Action::SearchInput(c)]);
    }
}

#[test]
fn esc_after_a_reload_restores_the_saved_place_by_id() {
    let mut a = app();
    run(&mut a, &[Action::Bottom]);
    let before = selected_id(&a);
    type_in(&mut a, "paris");
    run(&mut a, &[Action::MoveDown]);
    a.reloaded(Reload::Loaded(Box::new(shifted())));
    let sb = a.search.as_ref().unwrap();
    assert!(sb.selected < sb.hits.len().max(1));
    run(&mut a, &[Action::SearchCancel]);
    assert_eq!(
        selected_id(&a),
        before,
        "the same event, at its new position"
    );
}

#[test]
fn the_back_history_is_carried_over_by_id() {
    let mut a = app();
    run(&mut a, &[Action::Bottom]);
    let before = selected_id(&a);
    // Follow a link of WAIC from the event pane.
    run(&mut a, &[Action::Focus(Pane::Event), Action::Follow]);
    assert_ne!(selected_id(&a), before);
    let followed = selected_id(&a);
    a.reloaded(Reload::Loaded(Box::new(shifted())));
    assert_eq!(selected_id(&a), followed);
    run(&mut a, &[Action::GoBack]);
    assert_eq!(selected_id(&a), before);
}

#[test]
fn a_place_in_the_compare_view_survives_a_reload_to_other_data() {
    let mut a = app();
    run(&mut a, &[Action::Bottom, Action::ToggleCompare]);
    type_in(&mut a, "li");
    // The bundled data: other countries at other indices.
    let bundled = Dataset::load(&Origin::Bundled).unwrap().unwrap();
    a.reloaded(Reload::Loaded(Box::new(bundled)));
    run(&mut a, &[Action::SearchCancel]);
    let n = a.timeline_events().len();
    assert!(a.timeline.selected < n);
    if let Some(cv) = &a.compare {
        let countries = &a.dataset.index.countries;
        assert!(countries.contains(&cv.at.left) && countries.contains(&cv.at.right));
    }
    // Drawing it is the real check.
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    t.draw(|f| crate::tui::view::render(&a, f)).unwrap();
}

#[test]
fn search_generations_only_grow_across_popups_and_reloads() {
    let mut a = app();
    let mut seen = Vec::new();
    type_in(&mut a, "li");
    seen.push(a.search.as_ref().unwrap().generation);
    run(&mut a, &[Action::SearchCancel]);
    type_in(&mut a, "w");
    seen.push(a.search.as_ref().unwrap().generation);
    a.reloaded(Reload::Loaded(Box::new(shifted())));
    seen.push(a.search.as_ref().unwrap().generation);
    run(&mut a, &[Action::SearchBackspace]);
    seen.push(a.search.as_ref().unwrap().generation);
    assert!(seen.windows(2).all(|w| w[0] < w[1]), "{seen:?}");
}

#[test]
fn results_computed_on_older_data_are_dropped() {
    let mut a = app();
    type_in(&mut a, "li");
    let g = a.search.as_ref().unwrap().generation;
    let old_data = a.data_generation;
    a.reloaded(Reload::Loaded(Box::new(shifted())));
    let g2 = a.search.as_ref().unwrap().generation;
    let late = |generation, data| Searched {
        generation,
        data,
        hits: Vec::new(),
        total: 99,
        partial: false,
    };
    assert!(!a.searched(late(g, old_data)));
    assert!(
        !a.searched(late(g2, old_data)),
        "right generation, old data"
    );
    assert!(a.searched(late(g2, a.data_generation)));
    assert_eq!(a.search.as_ref().unwrap().total, 99);
}

#[test]
fn closing_the_popup_cancels_a_running_search() {
    let mut a = app();
    type_in(&mut a, "li");
    a.search.as_mut().unwrap().pending = true;
    assert_eq!(a.update(Action::SearchCancel), Effect::CancelSearch);
    type_in(&mut a, "li");
    a.search.as_mut().unwrap().pending = true;
    assert_eq!(a.update(Action::SearchAccept), Effect::CancelSearch);
    assert!(a.search.is_none());
    type_in(&mut a, "li");
    assert_eq!(a.update(Action::SearchCancel), Effect::None, "nothing ran");
}

#[test]
fn a_failed_search_stops_waiting_and_says_so() {
    let mut a = app();
    type_in(&mut a, "li");
    let g = a.search.as_ref().unwrap().generation;
    a.search.as_mut().unwrap().pending = true;
    a.search_failed(g - 1, "old");
    assert!(
        a.search.as_ref().unwrap().pending,
        "another search's failure"
    );
    a.search_failed(g, "boom");
    assert!(!a.search.as_ref().unwrap().pending);
    assert!(a.notice.as_deref().unwrap().contains("boom"));
}
