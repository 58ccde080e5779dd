//! The explorer on the bundled data at 200×60, 120×40, 80×24 and 60×20: snapshots, no
//! title of up to 70 characters cut at 120×40 (at least 45 shown at 80×24), the filter
//! line with the list command's meaning, and Esc that never quits.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use aigov::dataset::Dataset;
use aigov::filter::Filter;
use aigov::load::Origin;
use aigov::tui::action::{Action, Effect, Pane};
use aigov::tui::app::App;
use aigov::tui::theme::Theme;
use aigov::tui::update::Msg;
use aigov::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

fn bundled() -> Arc<Dataset> {
    Arc::new(Dataset::load(&Origin::Bundled).unwrap().unwrap())
}

/// The day the snapshots are taken on: the explorer opens on the latest event up to it.
fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2025, 12, 1).unwrap()
}

fn app(ds: &Arc<Dataset>, w: u16, h: u16) -> App {
    let mut app = App::new(ds.clone(), Theme::default(), Rect::new(0, 0, w, h));
    app.update(Msg::StartOn(today()));
    app
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(app.viewport.width, app.viewport.height)).unwrap();
    t.draw(|f| view::render(app, f)).unwrap();
    t
}

fn row_text(t: &Terminal<TestBackend>, y: u16, from: u16, to: u16) -> String {
    let buf = t.backend().buffer();
    (from..to).map(|x| buf[(x, y)].symbol()).collect()
}

fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        app.update(Action::FilterInput(c));
    }
}

#[test]
fn snapshots_at_four_sizes_on_the_bundled_data() {
    let ds = bundled();
    for (w, h) in [(200, 60), (120, 40), (80, 24), (60, 20)] {
        let t = draw(&app(&ds, w, h));
        insta::assert_snapshot!(format!("bundled_{w}x{h}"), t.backend());
    }
}

/// How many titles of up to `limit` characters are cut on their timeline row, walking
/// the whole timeline; and how many show fewer than their first 45 characters.
fn cut_titles(cols: u16, rows: u16, limit: usize) -> (usize, usize) {
    let ds = bundled();
    let mut app = app(&ds, cols, rows);
    app.update(Action::Focus(Pane::Timeline));
    app.update(Action::Top);
    let events = app.timeline_events().len();
    let (mut cut, mut short) = (0, 0);
    for pos in 0..events {
        let e = app.selected_event().unwrap();
        assert_eq!(app.timeline.selected, pos);
        let title = &ds.graph.event(e).title;
        let screen = draw(&app);
        let pane = app.panes().timeline;
        let row = (pane.y + 1..pane.bottom() - 1)
            .map(|y| row_text(&screen, y, pane.x + 1, pane.right() - 1))
            .find(|s| s.starts_with('▸'))
            .unwrap_or_else(|| panic!("selected row of {title} not drawn"));
        let shown = row
            .get(row.char_indices().nth(8).map_or(0, |(i, _)| i)..)
            .unwrap_or("");
        let shown = shown.trim_end().trim_end_matches('…');
        if title.chars().count() <= limit && !row.contains(title.as_str()) {
            cut += 1;
        }
        let want: String = title.chars().take(45).collect();
        if !shown.starts_with(want.trim_end()) {
            short += 1;
        }
        app.update(Action::MoveDown);
    }
    (cut, short)
}

#[test]
fn no_title_of_up_to_70_characters_is_cut_at_120x40() {
    let (cut, short) = cut_titles(120, 40, 70);
    assert_eq!((cut, short), (0, 0));
}

#[test]
fn at_80x24_every_title_shows_at_least_45_characters() {
    let (_, short) = cut_titles(80, 24, 70);
    assert_eq!(short, 0);
    let ds = bundled();
    let mut a = app(&ds, 80, 24);
    a.update(Action::Top);
    let r = a.panes().timeline;
    assert!(r.width >= 2 + 8 + 45, "{r:?}");
}

#[test]
fn the_filter_line_keeps_what_the_list_command_keeps_and_f_restores_all() {
    let ds = bundled();
    let mut a = app(&ds, 120, 40);
    let all = a.timeline_events().len();
    a.update(Action::OpenFilter);
    typed(&mut a, "tag:export-controls from:2022");
    a.update(Action::FilterAccept);
    assert!(a.filtering.input.is_none());
    let list = Filter {
        tag: Some("export-controls".into()),
        from: Some(aigov::graph::PartialDate::parse("2022").unwrap()),
        ..Filter::default()
    }
    .events(&ds);
    assert!(!list.is_empty() && list.len() < all);
    assert_eq!(a.timeline_events(), list.as_slice());
    // Back returns to the unfiltered timeline; forward again with the same line.
    a.update(Action::GoBack);
    assert_eq!(a.timeline_events().len(), all);
    a.update(Action::OpenFilter);
    typed(&mut a, "tag:export-controls from:2022");
    a.update(Action::FilterAccept);
    assert_eq!(a.timeline_events(), list.as_slice());
    a.update(Action::ClearFilter);
    assert_eq!(a.timeline_events().len(), all);
}

#[test]
fn a_mistake_keeps_the_filter_in_force_and_says_what_to_type() {
    let ds = bundled();
    let mut a = app(&ds, 120, 40);
    a.update(Action::OpenFilter);
    typed(&mut a, "tag:ai-safety");
    a.update(Action::FilterAccept);
    let kept = a.timeline_events().to_vec();
    a.update(Action::OpenFilter);
    a.update(Action::FilterClear);
    typed(&mut a, "tag:export-control");
    a.update(Action::FilterAccept);
    let input = a.filtering.input.as_ref().expect("the line stays open");
    let e = input.error.as_ref().unwrap();
    assert_eq!(e.hint.as_deref(), Some("did you mean export-controls?"));
    assert_eq!(a.timeline_events(), kept.as_slice());
    let t = draw(&a);
    let screen = format!("{:?}", t.backend());
    assert!(screen.contains("did you mean export-controls?"));
    a.update(Action::FilterCancel);
    // Esc on the main view clears the filter, then does nothing, and never quits.
    for _ in 0..5 {
        assert_eq!(a.update(Action::Escape), Effect::None);
    }
    assert!(a.filtering.current == 0);
    assert_eq!(a.update(Action::Quit), Effect::Quit);
}

#[test]
fn free_words_ignore_accents_and_case_and_the_header_counts() {
    let ds = bundled();
    let mut a = app(&ds, 120, 40);
    a.update(Action::OpenFilter);
    typed(&mut a, "NVIDIA");
    a.update(Action::FilterAccept);
    let n = a.timeline_events().len();
    assert!(n > 0 && n < 132);
    let t = draw(&a);
    let header = row_text(&t, 0, 0, 120);
    assert!(
        header.contains(&format!("{n} of {} events", ds.graph.events.len())),
        "{header}"
    );
    assert!(header.contains("[\"nvidia\"]"), "{header}");
}

#[test]
fn zoom_gives_the_focused_pane_the_body_and_back() {
    let ds = bundled();
    let mut a = app(&ds, 120, 40);
    a.update(Action::Focus(Pane::Event));
    a.update(Action::ToggleZoom);
    let p = a.panes();
    assert_eq!(p.event, p.body);
    a.update(Action::ToggleZoom);
    assert_ne!(a.panes().event, p.body);
}

#[test]
fn it_opens_on_the_latest_event_up_to_today_and_later_ones_are_upcoming() {
    let ds = bundled();
    let a = app(&ds, 120, 40);
    let e = a.selected_event().unwrap();
    let d = ds.graph.event(e).date;
    assert!(d.start() <= today());
    let next = a.timeline_events()[a.timeline.selected + 1];
    assert!(ds.graph.event(next).date.start() > today());
    assert_eq!(
        a.when(next),
        aigov::tui::app::timeline::When::Upcoming,
        "{}",
        ds.graph.event(next).title
    );
    // The word shows in the year's header and in the event pane.
    let mut a = a;
    a.update(Action::NextYear);
    let t = draw(&a);
    let screen = format!("{:?}", t.backend());
    assert!(screen.contains("upcoming"), "{screen}");
}

#[test]
fn search_then_esc_puts_the_screen_back() {
    let ds = bundled();
    let mut a = App::new(ds.clone(), Theme::default(), Rect::new(0, 0, 120, 40));
    a.update(Msg::StartOn(
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
    ));
    let before = format!("{:?}", draw(&a).backend());
    a.update(Action::OpenSearch);
    for c in "fragmentee".chars() {
        a.update(Action::SearchInput(c));
    }
    a.update(Action::SearchCancel);
    let after = format!("{:?}", draw(&a).backend());
    assert_eq!(before, after);
}

#[test]
fn enter_on_a_tag_of_the_event_filters_by_it_and_back_returns() {
    let ds = bundled();
    let mut a = app(&ds, 120, 40);
    let e = a.selected_event().unwrap();
    let ev = ds.graph.event(e);
    let tag = ev.tags[0].clone();
    let links = a.links().len();
    a.update(Action::Focus(Pane::Event));
    for _ in 0..links {
        a.update(Action::MoveDown);
    }
    assert_eq!(a.event_link, links, "the first tag comes after the links");
    a.update(Action::Follow);
    assert_eq!(a.filtering.filter().tag.as_deref(), Some(tag.as_str()));
    assert!(
        a.timeline_events()
            .iter()
            .all(|&x| ds.graph.event(x).tags.contains(&tag))
    );
    assert_eq!(a.selected_event(), Some(e), "the event stays selected");
    a.update(Action::GoBack);
    assert_eq!(a.filtering.current, 0);
}

#[test]
fn a_search_jump_shows_the_quote_in_the_language_the_match_was_in() {
    let ds = bundled();
    for (query, field, translated) in [
        (
            "remains fragmented",
            aigov::search::Field::Translation,
            true,
        ),
        ("reste encore fragmente", aigov::search::Field::Text, false),
    ] {
        let mut a = app(&ds, 120, 40);
        // Start from the other state, so that the jump has to change it.
        if !translated {
            a.update(Action::ToggleTranslation);
        }
        a.update(Action::OpenSearch);
        for c in query.chars() {
            a.update(Action::SearchInput(c));
        }
        let sb = a.search.as_ref().unwrap();
        let at = sb
            .hits
            .iter()
            .position(|h| h.field == field)
            .unwrap_or_else(|| panic!("{query}: no hit in {field:?}"));
        for _ in 0..at {
            a.update(Action::MoveDown);
        }
        a.update(Action::SearchAccept);
        assert_eq!(a.translate, translated, "{query}");
    }
}

#[test]
fn the_readme_key_table_lists_every_key_of_the_panes_and_everywhere() {
    use aigov::tui::keymap::{BINDINGS, Context};
    let readme = include_str!("../README.md");
    let table = readme
        .split("### Keys")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("a Keys section");
    for b in BINDINGS {
        if !matches!(b.context, Context::Global | Context::Pane(_)) {
            continue;
        }
        for k in b.keys {
            let label = k.label();
            let listed = table.contains(&format!("`{label}`"))
                || (["1", "2", "3", "4"].contains(&label.as_str()) && table.contains("`1`–`4`"));
            assert!(
                listed,
                "{label} ({}) is not in the README's key table",
                b.help
            );
        }
    }
}

#[test]
fn the_filter_survives_a_live_reload() {
    let ds = bundled();
    let mut a = app(&ds, 120, 40);
    a.update(Action::OpenFilter);
    typed(&mut a, "country:us tag:export-controls");
    a.update(Action::FilterAccept);
    let before: Vec<String> = a
        .timeline_events()
        .iter()
        .map(|&e| ds.graph.event(e).id.clone())
        .collect();
    let fresh = Dataset::load(&Origin::Bundled).unwrap().unwrap();
    a.update(Msg::Reloaded(aigov::tui::reload::Reload::Loaded(Box::new(
        fresh,
    ))));
    let after: Vec<String> = a
        .timeline_events()
        .iter()
        .map(|&e| a.dataset.graph.event(e).id.clone())
        .collect();
    assert!(!before.is_empty());
    assert_eq!(before, after);
    assert_eq!(a.filtering.text(), "country:us tag:export-controls");
}

#[test]
fn mouse_double_click_opens_the_wheel_scrolls_three_and_the_strip_jumps() {
    let ds = bundled();
    let mut a = app(&ds, 120, 40);
    let t = a.panes().timeline;
    // The wheel over the timeline moves it three events, whatever pane has the focus.
    a.update(Action::Focus(Pane::Quotes));
    a.update(Action::Top);
    let before = a.timeline.selected;
    a.update(Action::Scroll {
        x: t.x + 4,
        y: t.y + 4,
        down: false,
    });
    assert_eq!(a.timeline.selected, before - 3);
    assert_eq!(a.focus, Pane::Quotes, "the wheel does not take the focus");
    // A double click on an event row opens it in the event pane.
    a.update(Action::DoubleClick {
        x: t.x + 10,
        y: t.y + 5,
    });
    assert_eq!(a.focus, Pane::Event);
    // A click on the density strip's first bar jumps to the first event of its months.
    let panes = a.panes();
    let x = (0..120)
        .find(|&x| aigov::tui::view::header::month_at(&a, &panes, x).is_some())
        .expect("a strip at 120 columns");
    a.update(Action::Click { x, y: 0 });
    assert_eq!(a.timeline.selected, 0);
    assert_eq!(a.focus, Pane::Timeline);
}

#[test]
fn a_double_click_in_the_compare_view_opens_the_event() {
    let ds = bundled();
    let mut a = app(&ds, 120, 40);
    a.update(Action::ToggleCompare);
    let geo = aigov::tui::layout::compare::Geometry::new(a.panes().body);
    let (x, y) = (geo.left_x + 4, geo.list.y + 2);
    a.update(Action::DoubleClick { x, y });
    assert!(a.compare.is_none(), "the event opened in the panes");
    assert_eq!(a.focus, Pane::Event);
    a.update(Action::GoBack);
    assert!(a.compare.is_some(), "Backspace returns to the compare view");
}
