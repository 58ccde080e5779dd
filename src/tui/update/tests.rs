//! Scripted action sequences on the explorer fixture (tests/fixtures/explorer).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::sync::Arc;

use ratatui::layout::Rect;

use crate::dataset::Dataset;
use crate::load::Origin;
use crate::tui::action::{Action, Effect, Pane};
use crate::tui::app::App;
use crate::tui::theme::Theme;

fn fixture() -> Arc<Dataset> {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/explorer"
    ));
    Arc::new(Dataset::load(&Origin::Path(dir)).unwrap().unwrap())
}

fn app(w: u16, h: u16) -> App {
    App::new(fixture(), Theme::default(), Rect::new(0, 0, w, h))
}

fn run(app: &mut App, actions: &[Action]) {
    for &a in actions {
        assert_eq!(app.update(a), Effect::None, "{a:?}");
    }
}

fn selected_id(app: &App) -> &str {
    let e = app.selected_event().unwrap();
    &app.dataset.graph.event(e).id
}

fn choose(app: &mut App, name: &str) {
    run(app, &[Action::Focus(Pane::Countries), Action::Top]);
    for _ in 0..app.country_rows() {
        if app
            .country()
            .is_some_and(|c| app.dataset.graph.actor(c).name == name)
        {
            return;
        }
        run(app, &[Action::MoveDown]);
    }
    panic!("no country {name}");
}

#[test]
fn choosing_a_country_narrows_the_timeline_and_quotes() {
    let mut app = app(120, 40);
    assert_eq!(app.timeline_events().len(), 8);
    choose(&mut app, "European Union");
    assert_eq!(app.timeline_events().len(), 2);
    assert!(app.shows_profile());
    assert_eq!(app.quotes().len(), 2, "the EU's events have two quotes");
    choose(&mut app, "China");
    let ids: Vec<&str> = app
        .timeline_events()
        .iter()
        .map(|&e| app.dataset.graph.event(e).id.as_str())
        .collect();
    assert_eq!(ids, ["gaigi", "apec-2025", "paris-summit", "waic-2025"]);
    run(&mut app, &[Action::Top]);
    assert_eq!(app.timeline_events().len(), 8, "All again");
}

#[test]
fn follow_a_link_then_go_back_restores_the_previous_state() {
    let mut app = app(80, 24);
    choose(&mut app, "China");
    // Enter on a country opens its page; the test goes to the timeline by its key.
    run(&mut app, &[Action::Focus(Pane::Timeline), Action::Bottom]);
    assert_eq!(selected_id(&app), "waic-2025");
    run(&mut app, &[Action::Follow]);
    assert_eq!(app.focus, Pane::Event);
    assert_eq!(app.quotes().len(), 2);
    let before = app.place();
    let link = app.links()[app.event_link];
    assert_eq!(link.label, "responds to");
    run(&mut app, &[Action::Follow]);
    assert_eq!(selected_id(&app), "us-ai-action-plan");
    assert_eq!(
        app.country(),
        None,
        "a US event: the China filter is lifted"
    );
    assert!(app.links().iter().any(|l| l.label == "responded to by"));
    run(&mut app, &[Action::MoveDown, Action::Follow]);
    assert_eq!(selected_id(&app), "waic-2025", "the backlink leads back");
    run(&mut app, &[Action::GoBack, Action::GoBack]);
    assert_eq!(app.place(), before);
    assert_eq!(selected_id(&app), "waic-2025");
    assert_eq!(app.timeline_events().len(), 4, "China again");
    run(&mut app, &[Action::GoBack]);
    assert_eq!(app.place(), before, "an empty history changes nothing");
}

#[test]
fn timeline_keys_jump_by_year_and_to_the_ends() {
    let mut app = app(100, 30);
    assert_eq!(selected_id(&app), "gaigi");
    run(&mut app, &[Action::NextYear]);
    assert_eq!(selected_id(&app), "eu-ai-act");
    run(&mut app, &[Action::NextYear, Action::NextYear]);
    assert_eq!(
        selected_id(&app),
        "apec-2025",
        "year-only dates sort first in 2025"
    );
    run(&mut app, &[Action::PrevYear]);
    assert_eq!(selected_id(&app), "eu-ai-act");
    run(&mut app, &[Action::Bottom]);
    assert_eq!(selected_id(&app), "waic-2025");
    run(&mut app, &[Action::PageUp]);
    assert_eq!(selected_id(&app), "gaigi");
}

#[test]
fn help_escape_translation_and_quit() {
    let mut app = app(120, 40);
    run(
        &mut app,
        &[Action::ToggleHelp, Action::MoveDown, Action::FocusNext],
    );
    assert!(app.help);
    assert_eq!(app.focus, Pane::Timeline, "help takes every key");
    run(&mut app, &[Action::Escape]);
    assert!(!app.help);
    run(
        &mut app,
        &[Action::Focus(Pane::Quotes), Action::ToggleTranslation],
    );
    assert!(app.translate);
    // Esc on the main view never quits, however often it is pressed.
    for _ in 0..5 {
        assert_eq!(app.update(Action::Escape), Effect::None);
    }
    assert_eq!(app.update(Action::Quit), Effect::Quit);
}

#[test]
fn mouse_clicks_select_and_wheel_scrolls() {
    let mut app = app(120, 40);
    // The timeline's first row is the 2023 header; its second event is two rows below.
    let t = app.panes().timeline;
    let (x, y) = (t.x + 5, t.y + 3);
    run(&mut app, &[Action::Click { x, y }]);
    assert_eq!(app.focus, Pane::Timeline);
    assert_eq!(selected_id(&app), "eo-14110");
    run(&mut app, &[Action::Scroll { x, y, down: true }]);
    // A notch is three lines.
    assert_eq!(selected_id(&app), "eo-14110-revoked");
    let c = app.panes().countries;
    let bar = app.panes().bar;
    if c.is_empty() {
        // Folded into the bar: `1` opens the list in the timeline's place.
        assert!(!bar.is_empty());
        run(&mut app, &[Action::Focus(Pane::Countries)]);
    }
    let c = app.panes().countries;
    run(
        &mut app,
        &[Action::Click {
            x: c.x + 3,
            y: c.y + 3,
        }],
    );
    assert_eq!(app.focus, Pane::Countries);
    assert!(app.country().is_some());
}

#[test]
fn tiny_and_huge_viewports_never_panic() {
    let mut app = app(0, 0);
    let all = [
        Action::MoveDown,
        Action::PageDown,
        Action::Bottom,
        Action::Follow,
        Action::FocusNext,
        Action::Click { x: 0, y: 0 },
        Action::Resize {
            width: 1,
            height: 1,
        },
        Action::PageUp,
        Action::Resize {
            width: 500,
            height: 200,
        },
        Action::Follow,
        Action::GoBack,
    ];
    for _ in 0..5 {
        run(&mut app, &all);
    }
}

fn search(app: &mut App, s: &str) {
    run(app, &[Action::OpenSearch]);
    for c in s.chars() {
        run(app, &[Action::SearchInput(c)]);
    }
}

#[test]
fn enter_lands_on_the_quote_and_esc_puts_everything_back() {
    let mut a = app(120, 40);
    choose(&mut a, "United States");
    run(&mut a, &[Action::Focus(Pane::Timeline), Action::MoveDown]);
    let before = a.place();
    // Esc: nothing moved.
    search(&mut a, "fragmente");
    assert!(a.search.as_ref().unwrap().total > 0);
    run(&mut a, &[Action::MoveDown, Action::SearchCancel]);
    assert!(a.search.is_none());
    assert_eq!(a.place(), before);
    // Enter: the quote, in the quotes pane, country narrowing lifted when needed.
    search(&mut a, "fragmente");
    let sb = a.search.as_ref().unwrap();
    let first = sb.hits[0].entity;
    assert_eq!(a.dataset.graph.id_of(first), "q-li-fragmented");
    run(&mut a, &[Action::SearchAccept]);
    assert!(a.search.is_none());
    assert_eq!(a.focus, Pane::Quotes);
    assert_eq!(selected_id(&a), "waic-2025");
    let q = a.dataset.graph.lookup("q-li-fragmented");
    assert!(
        a.quotes()
            .iter()
            .any(|&x| Some(crate::graph::Entity::Quote(x)) == q)
    );
    // Backspace returns to before the jump.
    run(&mut a, &[Action::GoBack]);
    assert_eq!(a.place(), before);
}

#[test]
fn enter_on_an_event_a_country_and_n_steps_through_hits() {
    let mut a = app(120, 40);
    search(&mut a, "e: ^paris");
    run(&mut a, &[Action::SearchAccept]);
    assert_eq!((a.focus, selected_id(&a)), (Pane::Timeline, "paris-summit"));
    search(&mut a, "a: ^european");
    run(&mut a, &[Action::SearchAccept]);
    assert_eq!(a.focus, Pane::Countries);
    let eu = a.country().unwrap();
    assert_eq!(a.dataset.graph.actor(eu).id, "eu");
    // Two hits for "trump" quotes; n and N walk them, wrapping.
    search(&mut a, "q: trump");
    run(&mut a, &[Action::SearchAccept]);
    let first = selected_id(&a).to_string();
    run(&mut a, &[Action::NextHit]);
    let second = selected_id(&a).to_string();
    assert_ne!(first, second);
    run(&mut a, &[Action::NextHit]);
    assert_eq!(selected_id(&a), first);
    run(&mut a, &[Action::PrevHit]);
    assert_eq!(selected_id(&a), second);
}

#[test]
fn results_of_an_older_generation_are_dropped() {
    let mut a = app(120, 40);
    search(&mut a, "li");
    let g = a.search.as_ref().unwrap().generation;
    let stale = crate::tui::app::Searched {
        generation: g - 1,
        data: a.data_generation,
        hits: Vec::new(),
        total: 0,
        partial: false,
    };
    assert!(!a.searched(stale));
    assert!(a.search.as_ref().unwrap().total > 0);
}

fn event_id(app: &App, e: crate::graph::EventIx) -> &str {
    &app.dataset.graph.event(e).id
}

fn compare_ids(app: &App) -> (String, String) {
    let cv = app.compare.as_ref().unwrap();
    let g = &app.dataset.graph;
    (
        g.actor(cv.at.left).id.clone(),
        g.actor(cv.at.right).id.clone(),
    )
}

fn compare_selected(app: &App) -> &str {
    event_id(app, app.compare.as_ref().unwrap().selected().unwrap())
}

#[test]
fn compare_opens_on_china_and_us_near_the_event_and_enter_opens_then_back_returns() {
    use crate::tui::compare::Side;
    use crate::tui::keymap::Mode;
    let mut a = app(120, 40);
    run(&mut a, &[Action::Bottom]);
    assert_eq!(selected_id(&a), "waic-2025");
    run(&mut a, &[Action::ToggleCompare]);
    assert_eq!(a.mode(), Mode::Compare);
    assert_eq!(compare_ids(&a), ("cn".into(), "us".into()));
    // The cursor opens on WAIC's row, beside the Action Plan.
    assert_eq!(compare_selected(&a), "waic-2025");
    run(&mut a, &[Action::MoveRight]);
    assert_eq!(compare_selected(&a), "us-ai-action-plan");
    // Up a row: February 2025, the Paris summit, across both columns whichever is chosen.
    run(&mut a, &[Action::MoveUp]);
    assert_eq!(compare_selected(&a), "paris-summit");
    run(&mut a, &[Action::MoveLeft]);
    assert_eq!(compare_selected(&a), "paris-summit");
    // January 2025: only the US has an event; the left column is empty, so the right's.
    run(&mut a, &[Action::MoveUp]);
    assert_eq!(a.compare.as_ref().unwrap().at.side, Side::Left);
    assert_eq!(compare_selected(&a), "eo-14110-revoked");
    let before = a.place();
    assert!(before.compare.is_some());
    // Enter: the event in the event pane, compare closed.
    run(&mut a, &[Action::Follow]);
    assert!(a.compare.is_none());
    assert_eq!(a.mode(), Mode::Browse(Pane::Event));
    assert_eq!(selected_id(&a), "eo-14110-revoked");
    // Backspace: compare again, the cursor where it was.
    run(&mut a, &[Action::GoBack]);
    assert_eq!(a.mode(), Mode::Compare);
    assert_eq!(a.place(), before);
    assert_eq!(compare_selected(&a), "eo-14110-revoked");
    // Esc on the opened event returns too, even after following a link from it.
    run(&mut a, &[Action::Follow, Action::Follow]);
    assert!(a.compare.is_none());
    assert_eq!(a.history.len(), 2);
    run(&mut a, &[Action::Escape]);
    assert_eq!(a.place(), before);
    assert!(a.history.is_empty());
    // Esc leaves compare; the explorer is as it was before `c`.
    run(&mut a, &[Action::ToggleCompare]);
    assert!(a.compare.is_none());
    assert_eq!(selected_id(&a), "waic-2025");
    // With no compare view to return to, Esc does nothing (it never quits).
    assert_eq!(a.update(Action::Escape), Effect::None);
    assert_eq!(selected_id(&a), "waic-2025");
}

#[test]
fn compare_enter_lifts_a_country_filter_that_hides_the_event() {
    let mut a = app(80, 24);
    choose(&mut a, "European Union");
    run(
        &mut a,
        &[Action::ToggleCompare, Action::Bottom, Action::MoveRight],
    );
    assert_eq!(compare_selected(&a), "us-ai-action-plan");
    run(&mut a, &[Action::Follow]);
    assert_eq!(a.country(), None);
    assert_eq!(selected_id(&a), "us-ai-action-plan");
    run(&mut a, &[Action::GoBack]);
    assert_eq!(
        a.country().map(|c| a.dataset.graph.actor(c).id.as_str()),
        Some("eu"),
        "the filter comes back with the compare view"
    );
    assert_eq!(compare_selected(&a), "us-ai-action-plan");
}

#[test]
fn compare_moves_by_row_year_and_page_and_changes_countries() {
    let mut a = app(80, 24);
    run(&mut a, &[Action::ToggleCompare]);
    // From the first event (2023-10-18, China) the cursor starts on the first row.
    assert_eq!(compare_selected(&a), "gaigi");
    run(&mut a, &[Action::NextYear]);
    assert_eq!(
        compare_selected(&a),
        "apec-2025",
        "2025 starts with the year-only APEC"
    );
    run(&mut a, &[Action::NextYear]);
    assert_eq!(compare_selected(&a), "apec-2025", "no year after 2025");
    run(&mut a, &[Action::PrevYear]);
    assert_eq!(compare_selected(&a), "gaigi");
    run(&mut a, &[Action::Bottom]);
    assert_eq!(compare_selected(&a), "waic-2025");
    run(&mut a, &[Action::PageUp]);
    assert_eq!(compare_selected(&a), "gaigi");
    run(&mut a, &[Action::PageDown, Action::Top]);
    assert_eq!(compare_selected(&a), "gaigi");
    // `>` on the right column: the next country, skipping China on the left.
    run(&mut a, &[Action::MoveRight, Action::NextCountry]);
    assert_eq!(compare_ids(&a), ("cn".into(), "eu".into()));
    run(&mut a, &[Action::NextCountry]);
    assert_eq!(
        compare_ids(&a),
        ("cn".into(), "us".into()),
        "wraps, skipping cn"
    );
    run(&mut a, &[Action::PrevCountry]);
    assert_eq!(compare_ids(&a), ("cn".into(), "eu".into()));
    // Changing the right column keeps the cursor at the left event's date.
    run(&mut a, &[Action::Bottom, Action::NextCountry]);
    assert_eq!(compare_ids(&a), ("cn".into(), "us".into()));
    assert_eq!(compare_selected(&a), "us-ai-action-plan");
    run(&mut a, &[Action::NextCountry]);
    assert_eq!(compare_ids(&a), ("cn".into(), "eu".into()));
    assert_eq!(compare_selected(&a), "waic-2025", "still on WAIC's row");
    run(&mut a, &[Action::SwapSides]);
    assert_eq!(compare_ids(&a), ("eu".into(), "cn".into()));
    assert_eq!(
        a.compare.as_ref().unwrap().at.side,
        crate::tui::compare::Side::Left,
        "the chosen column follows its country"
    );
    // Keys of the panes do nothing here: Tab does not move the hidden focus.
    let focus = a.focus;
    run(&mut a, &[Action::FocusNext, Action::ToggleTranslation]);
    assert_eq!(a.focus, focus);
}

#[test]
fn compare_click_selects_the_row_and_column_and_the_wheel_moves() {
    let mut a = app(120, 40);
    run(&mut a, &[Action::ToggleCompare]);
    let geo = crate::tui::layout::compare::Geometry::new(a.panes().body);
    // The last fixture row (WAIC | Action Plan) is the sixth: click its right cell.
    run(
        &mut a,
        &[Action::Click {
            x: geo.right_x + 3,
            y: geo.list.y + 5,
        }],
    );
    assert_eq!(compare_selected(&a), "us-ai-action-plan");
    run(
        &mut a,
        &[Action::Scroll {
            x: 5,
            y: 5,
            down: false,
        }],
    );
    assert_eq!(compare_selected(&a), "paris-summit");
}

fn graph_selected(app: &App) -> &str {
    event_id(app, app.graph.as_ref().unwrap().selected())
}

fn graph_centre(app: &App) -> &str {
    event_id(app, app.graph.as_ref().unwrap().hood.centre())
}

#[test]
fn graph_moves_recentres_goes_back_and_leaves() {
    use crate::tui::keymap::Mode;
    let mut a = app(80, 24);
    run(
        &mut a,
        &[Action::Bottom, Action::Follow, Action::ToggleGraph],
    );
    assert_eq!(a.mode(), Mode::Graph);
    assert_eq!(graph_centre(&a), "waic-2025");
    assert_eq!(graph_selected(&a), "waic-2025");
    // Left: what WAIC follows up and responds to; down to the Action Plan.
    run(&mut a, &[Action::MoveLeft]);
    assert_eq!(graph_selected(&a), "gaigi");
    run(&mut a, &[Action::MoveDown]);
    assert_eq!(graph_selected(&a), "us-ai-action-plan");
    // Enter: the plan is the centre now.
    run(&mut a, &[Action::Follow]);
    assert_eq!(graph_centre(&a), "us-ai-action-plan");
    assert_eq!(graph_selected(&a), "us-ai-action-plan");
    run(&mut a, &[Action::MoveRight]);
    assert_eq!(graph_selected(&a), "waic-2025", "what responds to the plan");
    run(&mut a, &[Action::Follow, Action::MoveRight, Action::Follow]);
    assert_eq!(graph_centre(&a), "apec-2025");
    // Backspace: the previous centres, with what was selected there.
    run(&mut a, &[Action::GoBack]);
    assert_eq!(graph_centre(&a), "waic-2025");
    assert_eq!(graph_selected(&a), "apec-2025");
    run(&mut a, &[Action::GoBack]);
    assert_eq!(graph_centre(&a), "us-ai-action-plan");
    assert_eq!(graph_selected(&a), "waic-2025");
    run(&mut a, &[Action::GoBack]);
    assert_eq!(graph_centre(&a), "waic-2025");
    assert_eq!(graph_selected(&a), "us-ai-action-plan");
    run(&mut a, &[Action::GoBack]);
    assert_eq!(
        graph_centre(&a),
        "waic-2025",
        "an empty history changes nothing"
    );
    // Home: the centre. Esc: back to the panes as they were.
    run(&mut a, &[Action::Top]);
    assert_eq!(graph_selected(&a), "waic-2025");
    run(&mut a, &[Action::ToggleGraph]);
    assert_eq!(a.mode(), Mode::Browse(Pane::Event));
    assert_eq!(selected_id(&a), "waic-2025");
}

#[test]
fn graph_from_compare_returns_to_compare_and_o_opens_the_node() {
    use crate::tui::keymap::Mode;
    let mut a = app(120, 40);
    run(
        &mut a,
        &[Action::ToggleCompare, Action::Bottom, Action::MoveRight],
    );
    run(&mut a, &[Action::ToggleGraph]);
    assert_eq!(graph_centre(&a), "us-ai-action-plan");
    run(&mut a, &[Action::ToggleGraph]);
    assert_eq!(a.mode(), Mode::Compare, "Esc leaves the graph, not compare");
    run(&mut a, &[Action::ToggleGraph, Action::MoveLeft]);
    assert_eq!(graph_selected(&a), "eo-14110-revoked");
    // `o`: the node in the event pane; Backspace returns to compare (not the graph).
    run(&mut a, &[Action::OpenEvent]);
    assert_eq!(a.mode(), Mode::Browse(Pane::Event));
    assert_eq!(selected_id(&a), "eo-14110-revoked");
    run(&mut a, &[Action::GoBack]);
    assert_eq!(a.mode(), Mode::Compare);
    assert_eq!(compare_selected(&a), "us-ai-action-plan");
}

#[test]
fn compare_and_graph_never_panic_at_any_size() {
    let keys = [
        Action::ToggleCompare,
        Action::MoveDown,
        Action::PageDown,
        Action::NextYear,
        Action::MoveRight,
        Action::NextCountry,
        Action::SwapSides,
        Action::Click { x: 3, y: 3 },
        Action::ToggleGraph,
        Action::MoveLeft,
        Action::MoveLeft,
        Action::MoveDown,
        Action::Click { x: 2, y: 4 },
        Action::Follow,
        Action::GoBack,
        Action::ToggleGraph,
        Action::Bottom,
        Action::Follow,
        Action::GoBack,
    ];
    for (w, h) in [(0, 0), (1, 1), (20, 5), (60, 16), (80, 24), (300, 100)] {
        let mut a = app(w, h);
        for _ in 0..3 {
            run(&mut a, &keys);
            run(
                &mut a,
                &[Action::Resize {
                    width: h,
                    height: w,
                }],
            );
        }
    }
}

#[test]
fn graph_click_selects_the_node_under_it() {
    let mut a = app(120, 40);
    run(&mut a, &[Action::Bottom, Action::ToggleGraph]);
    let gv = a.graph.as_ref().unwrap();
    let geo = crate::tui::layout::graph::Geometry::new(a.panes().body, gv);
    let e = a.dataset.graph.lookup("eo-14110-revoked");
    let i = gv
        .hood
        .nodes
        .iter()
        .position(|n| Some(crate::graph::Entity::Event(n.event)) == e)
        .unwrap();
    let r = geo.node_rect(&gv.hood, i).unwrap();
    run(
        &mut a,
        &[Action::Click {
            x: r.x + 2,
            y: r.y + 1,
        }],
    );
    assert_eq!(graph_selected(&a), "eo-14110-revoked");
    // A click between nodes changes nothing.
    run(&mut a, &[Action::Click { x: 0, y: 0 }]);
    assert_eq!(graph_selected(&a), "eo-14110-revoked");
}

/// The explorer fixture copied to a temporary directory, to edit.
fn editable_fixture(name: &str) -> PathBuf {
    let from = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/explorer"
    ));
    let dir = std::env::temp_dir().join(format!("aigov-reload-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for f in std::fs::read_dir(&from).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, dir.join(f.file_name().unwrap())).unwrap();
    }
    dir
}

#[test]
fn a_reload_keeps_the_country_and_event_by_id_and_a_bad_one_keeps_the_data() {
    use crate::tui::reload::{Reload, reload};
    let dir = editable_fixture("keep");
    let origin = Origin::Path(dir.clone());
    let mut app = App::new(
        Arc::new(Dataset::load(&origin).unwrap().unwrap()),
        Theme::default(),
        Rect::new(0, 0, 120, 40),
    );
    choose(&mut app, "China");
    run(&mut app, &[Action::Focus(Pane::Timeline), Action::Bottom]);
    let before = selected_id(&app).to_string();
    let country = app.country();
    // A new event before every other one shifts every position by one.
    let events = dir.join("events.toml");
    let text = std::fs::read_to_string(&events).unwrap();
    let first = "[[event]]\nid = \"a-new-first-event\"\ndate = \"1900\"\ntitle = \"First\"\nactors = [\"cn\"]\n\n";
    std::fs::write(&events, format!("{first}{text}")).unwrap();
    let Reload::Loaded(ds) = reload(&origin) else {
        panic!("the edited fixture must load");
    };
    assert_eq!(app.reloaded(Reload::Loaded(ds)), Effect::None);
    assert_eq!(selected_id(&app), before);
    assert_eq!(
        app.country().map(|c| app.dataset.graph.actor(c).id.clone()),
        country.map(|_| "cn".to_string())
    );
    assert!(app.notice.as_deref().unwrap().starts_with("data reloaded"));
    assert!(app.history.is_empty());
    // A typo: the data stays, the problem shows where it is.
    std::fs::write(
        &events,
        format!("{first}{text}").replace("date = \"1900\"", "date = \"1900-13\""),
    )
    .unwrap();
    let failed = reload(&origin);
    assert!(matches!(failed, Reload::Failed(_)));
    app.reloaded(failed);
    assert_eq!(selected_id(&app), before);
    let problems = app.problems.clone().unwrap();
    assert!(
        problems.lines[0].contains("events.toml:3:8: error"),
        "{problems:?}"
    );
    // Fixed: the panel goes.
    std::fs::write(&events, format!("{first}{text}")).unwrap();
    let fixed = reload(&origin);
    app.reloaded(fixed);
    assert!(app.problems.is_none());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_reload_during_a_search_runs_it_again() {
    use crate::tui::reload::{Reload, reload};
    let dir = editable_fixture("search");
    let origin = Origin::Path(dir.clone());
    let mut app = App::new(
        Arc::new(Dataset::load(&origin).unwrap().unwrap()),
        Theme::default(),
        Rect::new(0, 0, 120, 40),
    );
    search(&mut app, "fragmente");
    let before = app.search.as_ref().unwrap().hits.len();
    assert!(before > 0);
    let quotes = dir.join("quotes.toml");
    let text = std::fs::read_to_string(&quotes).unwrap();
    std::fs::write(&quotes, text.replace("fragment", "divis")).unwrap();
    let Reload::Loaded(ds) = reload(&origin) else {
        panic!("must load");
    };
    app.reloaded(Reload::Loaded(ds));
    let after = app.search.as_ref().unwrap().hits.len();
    assert!(after < before, "{before} → {after}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_mouse_picks_a_hit_in_the_popup_and_a_second_click_goes_to_it() {
    let mut a = app(120, 40);
    search(&mut a, "trump");
    let hits = a.search.as_ref().unwrap().hits.clone();
    assert!(hits.len() >= 3);
    let rect = crate::tui::layout::search::popup(a.viewport);
    let (x, y) = (rect.x + 10, rect.y + 3 + 2); // the third hit
    run(&mut a, &[Action::Click { x, y }]);
    assert_eq!(a.search.as_ref().unwrap().selected, 2);
    // The wheel moves the selection.
    run(&mut a, &[Action::Scroll { x, y, down: false }]);
    assert_eq!(a.search.as_ref().unwrap().selected, 1);
    run(&mut a, &[Action::Scroll { x, y, down: true }]);
    // Outside the list: nothing.
    run(&mut a, &[Action::Click { x: 0, y: 0 }]);
    assert_eq!(a.search.as_ref().unwrap().selected, 2);
    run(&mut a, &[Action::Click { x, y }]);
    assert!(a.search.is_none(), "the second click goes to the hit");
    assert_eq!(a.found.at, 2);
    assert_eq!(a.found.hits[2].entity, hits[2].entity);
}

#[test]
fn a_reload_keeps_compare_and_the_graph_by_id_and_closes_a_graph_whose_centre_went() {
    use crate::tui::reload::{Reload, reload};
    let dir = editable_fixture("views");
    let origin = Origin::Path(dir.clone());
    let mut a = App::new(
        Arc::new(Dataset::load(&origin).unwrap().unwrap()),
        Theme::default(),
        Rect::new(0, 0, 120, 40),
    );
    run(
        &mut a,
        &[
            Action::ToggleCompare,
            Action::Bottom,
            Action::ToggleGraph,
            Action::MoveLeft,
            Action::MoveDown,
            Action::Follow,
            Action::MoveRight,
        ],
    );
    assert_eq!(graph_centre(&a), "us-ai-action-plan");
    assert_eq!(graph_selected(&a), "waic-2025");
    // A new first event shifts every event's position and index.
    let events = dir.join("events.toml");
    let text = std::fs::read_to_string(&events).unwrap();
    let first = "[[event]]\nid = \"a-new-first-event\"\ndate = \"1900\"\ntitle = \"First\"\nactors = [\"us\"]\n\n";
    std::fs::write(&events, format!("{first}{text}")).unwrap();
    let Reload::Loaded(ds) = reload(&origin) else {
        panic!("the edited fixture must load");
    };
    a.reloaded(Reload::Loaded(ds));
    assert_eq!(compare_ids(&a), ("cn".into(), "us".into()));
    assert_eq!(compare_selected(&a), "waic-2025");
    assert_eq!(graph_centre(&a), "us-ai-action-plan");
    assert_eq!(graph_selected(&a), "waic-2025");
    run(&mut a, &[Action::GoBack]);
    assert_eq!(graph_centre(&a), "waic-2025", "the earlier centre, by id");
    // Recentre on APEC, then delete it: the graph closes, compare stays.
    run(&mut a, &[Action::Top, Action::MoveRight, Action::Follow]);
    assert_eq!(graph_centre(&a), "apec-2025");
    let without: String = format!("{first}{text}")
        .split("[[event]]")
        .filter(|e| !e.contains("id = \"apec-2025\""))
        .collect::<Vec<_>>()
        .join("[[event]]");
    std::fs::write(&events, without).unwrap();
    let Reload::Loaded(ds) = reload(&origin) else {
        panic!("the fixture without APEC must load");
    };
    a.reloaded(Reload::Loaded(ds));
    assert!(a.graph.is_none());
    assert_eq!(compare_selected(&a), "waic-2025");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_compare_cursor_keeps_rows_of_context_below_and_a_year_jump_shows_the_year_first() {
    let ds = Arc::new(Dataset::load(&Origin::Bundled).unwrap().unwrap());
    let mut a = App::new(ds, Theme::default(), Rect::new(0, 0, 80, 24));
    run(&mut a, &[Action::ToggleCompare]);
    let h = crate::tui::layout::compare::list_rows(a.viewport);
    for _ in 0..h + 5 {
        run(&mut a, &[Action::MoveDown]);
        let c = a.compare.as_ref().unwrap().at.cursor;
        assert!(
            c.selected + 3 < c.offset + h,
            "{c:?}: three rows below in sight"
        );
    }
    run(&mut a, &[Action::Top, Action::NextYear, Action::NextYear]);
    let cv = a.compare.as_ref().unwrap();
    assert!(cv.layout.year_starts[2..].contains(&cv.at.cursor.selected));
    assert_eq!(
        cv.at.cursor.offset, cv.at.cursor.selected,
        "the year from the top"
    );
    // Near the end the list stays full rather than leave blank rows below.
    run(&mut a, &[Action::Bottom, Action::PrevYear]);
    let cv = a.compare.as_ref().unwrap();
    assert_eq!(cv.at.cursor.offset, cv.layout.rows.len() - h);
}

#[test]
fn graph_bands_close_up_when_their_outer_column_is_not_shown() {
    use crate::tui::layout::graph::Geometry;
    use crate::tui::neighbourhood::CENTRE;
    let ds = Arc::new(Dataset::load(&Origin::Bundled).unwrap().unwrap());
    let Some(crate::graph::Entity::Event(e)) = ds.graph.lookup("waic-2025-waico-proposal") else {
        panic!("the bundled WAICO proposal")
    };
    let mut a = App::new(ds.clone(), Theme::default(), Rect::new(0, 0, 80, 24));
    a.timeline.selected = a.timeline_events().iter().position(|&x| x == e).unwrap();
    run(&mut a, &[Action::ToggleGraph]);
    let gv = a.graph.as_ref().unwrap();
    let left = gv.hood.column(CENTRE - 1);
    let bands: Vec<usize> = left.iter().map(|&i| gv.hood.nodes[i].slot).collect();
    assert!(
        bands.windows(2).any(|w| w[1] > w[0] + 1),
        "{bands:?}: gaps for children"
    );
    // 80×24: three columns, the two steps back not shown: one node per slot.
    let geo = Geometry::new(a.panes().body, gv);
    assert_eq!(geo.cols, 3);
    let drawn: Vec<usize> = left.iter().map(|&i| geo.slot(i)).collect();
    assert_eq!(drawn, (0..left.len()).collect::<Vec<_>>());
    // 120×40: five columns, the bands as laid out.
    run(
        &mut a,
        &[Action::Resize {
            width: 120,
            height: 40,
        }],
    );
    let gv = a.graph.as_ref().unwrap();
    let geo = Geometry::new(a.panes().body, gv);
    assert_eq!(geo.cols, 5);
    let drawn: Vec<usize> = left.iter().map(|&i| geo.slot(i)).collect();
    assert_eq!(drawn, bands);
    // Down the left column at 80×24: the selection stays in view.
    run(
        &mut a,
        &[
            Action::Resize {
                width: 80,
                height: 24,
            },
            Action::MoveLeft,
        ],
    );
    for _ in 0..left.len() {
        run(&mut a, &[Action::MoveDown]);
        let gv = a.graph.as_ref().unwrap();
        let geo = Geometry::new(a.panes().body, gv);
        assert!(geo.node_rect(&gv.hood, gv.selected).is_some());
    }
}

#[test]
fn search_from_the_compare_view_lands_in_the_panes_and_esc_or_back_returns_to_it() {
    let mut a = app(120, 40);
    run(&mut a, &[Action::ToggleCompare]);
    assert!(a.compare.is_some());
    assert_eq!(
        crate::tui::keymap::lookup(a.mode(), crate::tui::keymap::Key::Char('/')),
        Some(Action::OpenSearch)
    );
    // Esc: back to compare as it was.
    search(&mut a, "fragmente");
    run(&mut a, &[Action::SearchCancel]);
    assert!(a.compare.is_some() && a.search.is_none());
    // Enter: the quote in the panes, compare closed; Backspace brings compare back.
    search(&mut a, "fragmente");
    run(&mut a, &[Action::SearchAccept]);
    assert!(a.compare.is_none());
    assert_eq!(a.focus, Pane::Quotes);
    run(&mut a, &[Action::GoBack]);
    assert!(a.compare.is_some());
}
