//! Rendered screens of the explorer on the fixture, as insta snapshots of `TestBackend`:
//! each layout size, the help overlay, the "too small" line, and `NO_COLOR` (with styles).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::sync::Arc;

use aigov::dataset::Dataset;
use aigov::load::Origin;
use aigov::tui::action::{Action, Pane};
use aigov::tui::app::App;
use aigov::tui::theme::Theme;
use aigov::tui::{terminal, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

fn fixture() -> Arc<Dataset> {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/explorer"
    ));
    Arc::new(Dataset::load(&Origin::Path(dir)).unwrap().unwrap())
}

fn app(w: u16, h: u16, theme: &Theme, actions: &[Action]) -> App {
    let mut app = App::new(fixture(), *theme, Rect::new(0, 0, w, h));
    for &a in actions {
        app.update(a);
    }
    app
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(app.viewport.width, app.viewport.height)).unwrap();
    t.draw(|f| {
        view::render(app, f);
        if app.theme.monochrome {
            terminal::strip_colors(f.buffer_mut());
        }
    })
    .unwrap();
    t
}

/// The WAIC 2025 event, its quotes in view: the done criterion's first step.
const TO_WAIC: &[Action] = &[Action::Bottom, Action::Follow];

#[test]
fn full_layout_120x40_on_waic_with_quotes() {
    let t = draw(&app(120, 40, &Theme::default(), TO_WAIC));
    insta::assert_snapshot!("waic_120x40", t.backend());
}

#[test]
fn full_layout_100x30_first_event() {
    let t = draw(&app(100, 30, &Theme::default(), &[]));
    insta::assert_snapshot!("start_100x30", t.backend());
}

#[test]
fn compact_layout_80x24_on_waic_translated() {
    let actions = [
        TO_WAIC,
        &[Action::Focus(Pane::Quotes), Action::ToggleTranslation],
    ]
    .concat();
    let t = draw(&app(80, 24, &Theme::default(), &actions));
    insta::assert_snapshot!("waic_translated_80x24", t.backend());
}

#[test]
fn compact_layout_80x24_countries_profile() {
    // Countries are listed most present first: US, China, then the EU.
    let actions = [
        Action::Focus(Pane::Countries),
        Action::MoveDown,
        Action::MoveDown,
        Action::MoveDown,
    ];
    let t = draw(&app(80, 24, &Theme::default(), &actions));
    assert!(t.backend().to_string().contains("European Union (bloc)"));
    insta::assert_snapshot!("eu_profile_80x24", t.backend());
}

#[test]
fn escape_sequences_in_quotes_are_shown_not_sent() {
    // America's AI Action Plan is the second-to-last event.
    let actions = [Action::Bottom, Action::MoveUp];
    let t = draw(&app(120, 40, &Theme::default(), &actions));
    let screen = t.backend().to_string();
    assert!(screen.contains("␛]0;pwned␇"), "{screen}");
    insta::assert_snapshot!("action_plan_osc_quote_120x40", t.backend());
}

#[test]
fn help_overlay_at_120x40_and_80x24() {
    let t = draw(&app(120, 40, &Theme::default(), &[Action::ToggleHelp]));
    insta::assert_snapshot!("help_120x40", t.backend());
    let t = draw(&app(80, 24, &Theme::default(), &[Action::ToggleHelp]));
    insta::assert_snapshot!("help_80x24", t.backend());
}

#[test]
fn below_the_minimum_one_line_says_the_size_needed() {
    let t = draw(&app(50, 10, &Theme::default(), &[]));
    insta::assert_snapshot!("too_small_50x10", t.backend());
}

#[test]
fn no_color_keeps_the_selection_visible_with_reverse_and_marker() {
    let app = app(60, 16, &Theme::monochrome(), &[Action::MoveDown]);
    let t = draw(&app);
    let buf = t.backend().buffer();
    assert!(
        buf.content
            .iter()
            .all(|c| c.fg == ratatui::style::Color::Reset && c.bg == ratatui::style::Color::Reset)
    );
    insta::assert_debug_snapshot!("no_color_60x16", buf);
}

#[test]
fn every_size_from_0x0_renders_without_panic() {
    for w in (0..=130).step_by(7) {
        for h in (0..=45).step_by(3) {
            for actions in [&[][..], TO_WAIC, &[Action::ToggleHelp]] {
                draw(&app(w, h, &Theme::default(), actions));
            }
        }
    }
}

fn typed(s: &str) -> Vec<Action> {
    std::iter::once(Action::OpenSearch)
        .chain(s.chars().map(Action::SearchInput))
        .collect()
}

#[test]
fn search_popup_at_120x40_and_80x24() {
    for (w, h) in [(120, 40), (80, 24)] {
        let t = draw(&app(w, h, &Theme::default(), &typed("fragmente")));
        insta::assert_snapshot!(format!("search_fragmente_{w}x{h}"), t.backend());
    }
}

#[test]
fn search_popup_highlights_the_matched_characters() {
    // Monochrome: the match is bold and underlined, never colour alone.
    let t = draw(&app(100, 30, &Theme::monochrome(), &typed("l'ia")));
    let buf = t.backend().buffer();
    let row = (0..30)
        .find(|&y| {
            let line: String = (0..100).map(|x| buf[(x, y)].symbol()).collect();
            line.contains("l’IA")
        })
        .unwrap();
    let line: Vec<&ratatui::buffer::Cell> = (0..100).map(|x| &buf[(x, row)]).collect();
    let text: String = line.iter().map(|c| c.symbol()).collect();
    let at = text.find("l’IA").unwrap();
    let col = text[..at].chars().count();
    for c in &line[col..col + 4] {
        assert!(
            c.modifier.contains(ratatui::style::Modifier::UNDERLINED),
            "{text}"
        );
    }
    assert!(
        !line[col - 1]
            .modifier
            .contains(ratatui::style::Modifier::UNDERLINED)
    );
}

/// The compare view opened on WAIC 2025: China and the US, the cursor on the WAIC row.
const COMPARE_WAIC: &[Action] = &[Action::Bottom, Action::Follow, Action::ToggleCompare];

#[test]
fn compare_view_at_120x40_and_80x24() {
    for (w, h) in [(120, 40), (80, 24)] {
        let t = draw(&app(w, h, &Theme::default(), COMPARE_WAIC));
        let screen = t.backend().to_string();
        // WAIC beside the Action Plan, on one row, the link between them.
        let row = screen
            .lines()
            .find(|l| l.contains("Li Qiang proposes"))
            .unwrap();
        assert!(row.contains("America's AI Action"), "{row}");
        assert!(row.contains("responds to"), "{row}");
        insta::assert_snapshot!(format!("compare_waic_{w}x{h}"), t.backend());
    }
}

/// The link graph of WAIC 2025 (in the fixture: two causes, one follow-up, one step further).
const GRAPH_WAIC: &[Action] = &[Action::Bottom, Action::Follow, Action::ToggleGraph];

#[test]
fn link_graph_at_120x40_and_80x24() {
    for (w, h) in [(120, 40), (80, 24)] {
        let t = draw(&app(w, h, &Theme::default(), GRAPH_WAIC));
        insta::assert_snapshot!(format!("graph_waic_{w}x{h}"), t.backend());
    }
    // At 80×24 three columns follow the selection: one step left shows the causes' causes.
    let actions = [GRAPH_WAIC, &[Action::MoveLeft, Action::MoveDown]].concat();
    let t = draw(&app(80, 24, &Theme::default(), &actions));
    insta::assert_snapshot!("graph_waic_left_80x24", t.backend());
}

#[test]
fn compare_and_graph_render_at_tiny_sizes_without_panic() {
    for (w, h) in [
        (0, 0),
        (1, 1),
        (20, 5),
        (59, 15),
        (60, 16),
        (61, 17),
        (300, 100),
    ] {
        for actions in [COMPARE_WAIC, GRAPH_WAIC] {
            let a = app(w, h, &Theme::default(), actions);
            let t = draw(&a);
            let small = w < 60 || h < 16;
            if small && w >= 20 && h > 0 {
                assert!(t.backend().to_string().contains("Too small"), "{w}×{h}");
            }
            assert_eq!(
                a.compare.is_some() && !small,
                {
                    let s = if w > 0 && h > 0 {
                        t.backend().to_string()
                    } else {
                        String::new()
                    };
                    s.contains("Compare")
                },
                "{w}×{h}"
            );
        }
    }
}

#[test]
fn bundled_compare_shows_the_waico_proposal_beside_the_action_plan() {
    let ds = Arc::new(Dataset::load(&Origin::Bundled).unwrap().unwrap());
    for (w, h) in [(120, 40), (80, 24)] {
        let mut a = App::new(ds.clone(), Theme::default(), Rect::new(0, 0, w, h));
        let pos = a
            .timeline_events()
            .iter()
            .position(|&e| ds.graph.event(e).id == "waic-2025-waico-proposal")
            .unwrap();
        a.timeline.selected = pos;
        a.update(Action::ToggleCompare);
        let t = draw(&a);
        let screen = t.backend().to_string();
        let row = screen
            .lines()
            .find(|l| l.contains("26 Li Qiang proposes"))
            .unwrap_or_else(|| panic!("{screen}"));
        assert!(row.contains("23 White House releases"), "{row}");
        assert!(row.contains("── responds to ──"), "{row}");
        assert!(row.contains('▸'), "the cursor is on it: {row}");
        // The July 2025 rows line up under one month label.
        assert!(screen.contains("Jul "), "{screen}");
        // Opened in the middle of the list, with what came before and after in sight; the
        // first row shown says its year and month.
        let lines: Vec<&str> = screen.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.contains("26 Li Qiang proposes"))
            .unwrap();
        let list = aigov::tui::layout::compare::Geometry::new(Rect::new(0, 1, w, h - 2)).list;
        let mid = usize::from(list.y + list.height / 2);
        assert!(at.abs_diff(mid) <= 1, "row {at}, middle {mid}");
        let first = lines[usize::from(list.y)];
        let year: String = first.chars().skip(2).take(4).collect();
        assert!(year.starts_with("20"), "{first}");
        // And the link graph of it: its causes labelled (the plan shows when there is room).
        a.update(Action::ToggleGraph);
        let screen = draw(&a).backend().to_string();
        assert!(
            screen.contains("Link graph · Li Qiang proposes"),
            "{screen}"
        );
        assert!(screen.contains("responded to by"), "{screen}");
        if h >= 40 {
            assert!(screen.contains("White House releases"), "{screen}");
        }
    }
}

#[test]
fn help_over_compare_and_graph_starts_with_their_keys() {
    for (view, heading, key) in [
        (
            COMPARE_WAIC,
            "Compare (c)",
            "next country in the chosen column",
        ),
        (
            GRAPH_WAIC,
            "Link graph (L)",
            "centre the graph on the selected node",
        ),
    ] {
        let actions = [view, &[Action::ToggleHelp]].concat();
        let t = draw(&app(80, 24, &Theme::default(), &actions));
        let screen = t.backend().to_string();
        let first = screen.lines().nth(2).unwrap();
        assert!(first.contains(heading), "{screen}");
        assert!(screen.contains(key), "{screen}");
    }
}

#[test]
fn no_color_compare_and_graph_mark_the_selection_and_never_underline_lines() {
    use ratatui::style::{Color, Modifier};
    for (view, text) in [
        (COMPARE_WAIC, "Li Qiang proposes"),
        (GRAPH_WAIC, "2025-07-26"),
    ] {
        let t = draw(&app(80, 24, &Theme::monochrome(), view));
        let buf = t.backend().buffer();
        assert!(
            buf.content
                .iter()
                .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
        );
        let row = (0..24)
            .find(|&y| {
                let line: String = (0..80).map(|x| buf[(x, y)].symbol()).collect();
                line.contains(text)
            })
            .unwrap();
        let cells: Vec<&ratatui::buffer::Cell> = (0..80).map(|x| &buf[(x, row)]).collect();
        let marker = cells.iter().position(|c| c.symbol() == "▸").unwrap();
        assert!(cells[marker].modifier.contains(Modifier::REVERSED));
        for c in cells
            .iter()
            .filter(|c| !c.symbol().is_empty() && "─┬┤┘│".contains(c.symbol()))
        {
            assert!(!c.modifier.contains(Modifier::UNDERLINED), "{c:?}");
        }
    }
}

#[test]
fn the_quote_a_search_lands_on_has_a_bar() {
    let mut actions = typed("fragmentee");
    actions.push(Action::SearchAccept);
    let t = draw(&app(120, 40, &Theme::default(), &actions));
    insta::assert_snapshot!("landed_fragmentee_120x40", t.backend());
    let screen = format!("{:?}", t.backend());
    assert!(screen.contains("▌ « le développement global"), "{screen}");
}

#[test]
fn the_preview_shows_a_match_deep_in_a_long_text() {
    // The words end a long summary of the bundled data; at 80×24 the preview has few rows.
    let ds = Arc::new(
        Dataset::load(&aigov::load::Origin::Bundled)
            .unwrap()
            .unwrap(),
    );
    let mut app = App::new(ds, Theme::monochrome(), Rect::new(0, 0, 80, 24));
    for a in typed("'without naming") {
        app.update(a);
    }
    let t = draw(&app);
    let screen = format!("{:?}", t.backend());
    let preview = screen
        .split("waic-2025-waico-proposal ·")
        .nth(1)
        .unwrap_or_default();
    assert!(preview.contains("without naming the US"), "{screen}");
    assert!(preview.contains('…'), "{screen}");
}

#[test]
fn a_refused_reload_shows_its_errors_over_the_panes_at_120x40_and_80x24() {
    use aigov::tui::reload::Problems;
    let problems = Problems {
        summary: "1 error".to_string(),
        lines: vec![
            "data/events/2026.toml:62:8: error: invalid date \"2026-13\": month 13 is not 01 to 12"
                .to_string(),
            "   |".to_string(),
            "62 | date = \"2026-13\"".to_string(),
            "   |        ^^^^^^^^^".to_string(),
            "   = hint: dates are \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"".to_string(),
        ],
    };
    for (w, h) in [(120, 40), (80, 24)] {
        let mut a = app(w, h, &Theme::default(), TO_WAIC);
        a.problems = Some(problems.clone());
        let t = draw(&a);
        insta::assert_snapshot!(format!("reload_failed_{w}x{h}"), t.backend());
        let screen = format!("{:?}", t.backend());
        // The message wraps rather than losing its end at 80 columns.
        assert!(screen.contains("to 12"), "{screen}");
        assert!(screen.contains("Reload failed: 1 error"), "{screen}");
    }
}

/// The text of row `y`.
fn row_text(t: &Terminal<TestBackend>, y: u16) -> String {
    let buf = t.backend().buffer();
    (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol())
        .collect::<String>()
}

#[test]
fn a_long_search_scrolls_so_its_end_and_the_cursor_show() {
    for (w, h) in [(120, 40), (80, 24), (60, 20)] {
        let mut typed: Vec<Action> = Vec::new();
        typed.push(Action::OpenSearch);
        let text = format!("{}人工智能治理 fin", "gouvernance mondiale ".repeat(12));
        typed.extend(text.chars().map(Action::SearchInput));
        let app = app(w, h, &Theme::default(), &typed);
        let t = draw(&app);
        let line = (0..h)
            .map(|y| row_text(&t, y))
            .find(|l| l.contains("/ "))
            .unwrap();
        // A wide character's second cell reads as a space here.
        let packed: String = line.chars().filter(|c| *c != ' ').collect();
        assert!(packed.contains("治理fin"), "{w}x{h}: {line:?}");
        assert!(line.contains('…'), "the cut start is marked: {line:?}");
    }
}

#[test]
fn the_input_tail_counts_display_width() {
    use aigov::tui::view::search::input_tail;
    use unicode_width::UnicodeWidthStr;
    assert_eq!(input_tail("short", 10), "short");
    assert_eq!(input_tail("abcdefghij", 5), "…ghij");
    // Wide characters count two columns; never a half character.
    let t = input_tail("人工智能治理", 6);
    assert_eq!(t, "…治理");
    assert!(t.width() <= 6);
    for w in 0..14 {
        assert!(input_tail("aé人工b智能c", w).width() <= w.max(1), "{w}");
    }
}
