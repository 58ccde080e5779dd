//! Property test of the explorer's state machine: random sequences of up to 500 actions
//! (every key of the keymap in every mode, typed text with accents, CJK and controls,
//! clicks and wheel anywhere, resizes from 1×1 to 300×100, reloads to other data or
//! refused ones, search results that arrive late, for an old generation or old data,
//! failed searches; searches in `update` or through the worker's path) applied to `App`, each followed by a render into a `TestBackend`:
//! nothing panics and every selection stays inside the data.
//!
//! 16 cases of up to 500 steps (20 to 30 s in a debug build on 2 cores).

#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use aigov::dataset::Dataset;
use aigov::load::Origin;
use aigov::tui::action::{Action, Effect};
use aigov::tui::app::{App, MAX_HITS, Searched};
use aigov::tui::keymap::{self, BINDINGS, Key};
use aigov::tui::reload::{Problems, Reload};
use aigov::tui::theme::Theme;
use aigov::tui::update::Msg;
use aigov::tui::view;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

const CASES: u32 = 16;

/// The datasets a reload may bring: the explorer fixture, the bundled data, one event
/// alone, and no event at all.
fn datasets() -> &'static [Dataset] {
    static SETS: OnceLock<Vec<Dataset>> = OnceLock::new();
    SETS.get_or_init(|| {
        let fixture = PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/explorer"
        ));
        let tiny = |name: &str, text: &str| {
            let dir =
                std::env::temp_dir().join(format!("aigov-props-{name}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join("data.toml"), text).unwrap();
            let ds = Dataset::load(&Origin::Path(dir.clone())).unwrap().unwrap();
            std::fs::remove_dir_all(&dir).unwrap();
            ds
        };
        let country = "[[actor]]\nid = \"cn\"\nname = \"中国 China\"\nkind = \"country\"\n";
        vec![
            Dataset::load(&Origin::Path(fixture)).unwrap().unwrap(),
            Dataset::load(&Origin::Bundled).unwrap().unwrap(),
            tiny(
                "one",
                &format!(
                    "{country}\n[[event]]\nid = \"solo\"\ndate = \"2025\"\n\
                     title = \"人工智能治理 très long titre qui ne tient pas\"\n\
                     summary = \"s\"\nactors = [\"cn\"]\n"
                ),
            ),
            tiny("none", country),
        ]
    })
}

/// Every key some binding uses, and a few that none does.
fn keys() -> Vec<Key> {
    let mut all: Vec<Key> = BINDINGS
        .iter()
        .flat_map(|b| b.keys.iter().copied())
        .collect();
    all.extend([
        Key::Char('é'),
        Key::Char('人'),
        Key::Char('\u{1b}'),
        Key::Char('\u{202e}'),
        Key::Char(' '),
        Key::Ctrl('z'),
        Key::Ctrl('x'),
    ]);
    all.sort_by_key(|k| format!("{k:?}"));
    all.dedup();
    all
}

/// One step of a session.
#[derive(Debug, Clone)]
enum Step {
    Key(Key),
    Click(u16, u16),
    Scroll(u16, u16, bool),
    Resize(u16, u16),
    /// A reload to `datasets()[i]`.
    Reload(usize),
    /// A reload refused for errors.
    Refused,
    /// Search results: the generation is `current - back`, the data `current - data_back`;
    /// the hits are of a query run on the data they claim.
    Results {
        back: u64,
        data_back: u64,
        query: &'static str,
        partial: bool,
    },
    /// The worker failed the search `current - back`.
    Failed(u64),
}

const QUERIES: &[&str] = &["li", "gouvernance", "a: ^", "q: trump", "人工", "zzz", "e"];

fn step() -> impl Strategy<Value = Step> {
    let keys = keys();
    prop_oneof![
        12 => proptest::sample::select(keys).prop_map(Step::Key),
        // Open the popup often: most of the trouble is in it.
        1 => Just(Step::Key(Key::Char('/'))),
        2 => (0u16..320, 0u16..110).prop_map(|(x, y)| Step::Click(x, y)),
        2 => (0u16..320, 0u16..110, any::<bool>()).prop_map(|(x, y, d)| Step::Scroll(x, y, d)),
        1 => (1u16..=300, 1u16..=100).prop_map(|(w, h)| Step::Resize(w, h)),
        2 => (0usize..4).prop_map(Step::Reload),
        1 => Just(Step::Refused),
        2 => (0u64..3, 0u64..2, proptest::sample::select(QUERIES), any::<bool>()).prop_map(
            |(back, data_back, query, partial)| Step::Results { back, data_back, query, partial }
        ),
        1 => (0u64..2).prop_map(Step::Failed),
    ]
}

/// Applies a step as the runtime would.
fn apply(app: &mut App, step: &Step, history: &mut Vec<usize>) {
    match *step {
        Step::Key(k) => {
            if let Some(a) = keymap::lookup(app.mode(), k) {
                // Quit and Suspend leave the loop or stop the process: the state stays.
                let _: Effect = app.update(a);
            }
        }
        Step::Click(x, y) => {
            app.update(Action::Click { x, y });
        }
        Step::Scroll(x, y, down) => {
            app.update(Action::Scroll { x, y, down });
        }
        Step::Resize(width, height) => {
            app.update(Action::Resize { width, height });
        }
        Step::Reload(i) => {
            history.push(i);
            app.update(Msg::Reloaded(Reload::Loaded(Box::new(
                datasets()[i].clone(),
            ))));
        }
        Step::Refused => {
            app.update(Msg::Reloaded(Reload::Failed(Problems {
                summary: "1 error".into(),
                lines: vec!["events.toml:1:1: error: \u{1b}]0;x\u{7}".into()],
            })));
        }
        Step::Results {
            back,
            data_back,
            query,
            partial,
        } => {
            let Some(generation) = app.search.as_ref().map(|s| s.generation) else {
                return;
            };
            // The data the results claim: the current one, or the one before the last
            // reload (whose hits point into other records).
            let data = app.data_generation.saturating_sub(data_back);
            let source = if data == app.data_generation {
                app.dataset.clone()
            } else {
                match history.iter().rev().nth(1) {
                    Some(&i) => Arc::new(datasets()[i].clone()),
                    None => app.dataset.clone(),
                }
            };
            let (hits, total) = source.search().query(query, MAX_HITS);
            app.update(Msg::Searched(Searched {
                generation: generation.saturating_sub(back),
                data,
                hits,
                total,
                partial,
            }));
        }
        Step::Failed(back) => {
            if let Some(g) = app.search.as_ref().map(|s| s.generation) {
                app.update(Msg::SearchFailed {
                    generation: g.saturating_sub(back),
                    message: "worker panicked".into(),
                });
            }
        }
    }
}

/// Every position the app holds points into its data.
fn check(app: &App) {
    let ds = &app.dataset;
    let n = app.timeline_events().len();
    assert!(
        n == 0 || app.timeline.selected < n,
        "timeline {} of {n}",
        app.timeline.selected
    );
    assert!(app.countries.selected < app.country_rows());
    if let Some(e) = app.selected_event() {
        assert!(e.ix() < ds.graph.events.len());
    }
    if let Some(sb) = &app.search {
        assert!(sb.hits.is_empty() || sb.selected < sb.hits.len());
        assert!(sb.saved.countries.selected < app.country_rows());
    }
    for p in &app.history {
        assert!(p.countries.selected < app.country_rows());
        if let Some(at) = p.compare {
            assert!(ds.index.countries.contains(&at.left));
            assert!(ds.index.countries.contains(&at.right));
        }
    }
    if let Some(cv) = &app.compare {
        assert!(ds.index.countries.contains(&cv.at.left));
        assert!(ds.index.countries.contains(&cv.at.right));
        assert!(cv.layout.rows.is_empty() || cv.at.cursor.selected < cv.layout.rows.len());
    }
    if let Some(gv) = &app.graph {
        assert!(gv.selected < gv.hood.nodes.len());
        assert!(
            gv.hood
                .nodes
                .iter()
                .all(|n| n.event.ix() < ds.graph.events.len())
        );
    }
    if let Some(q) = app.landed_quote {
        assert!(q.ix() < ds.graph.quotes.len());
    }
}

fn draw(app: &App) {
    let (w, h) = (app.viewport.width.max(1), app.viewport.height.max(1));
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| view::render(app, f)).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: CASES,
        max_shrink_iters: 200,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_session_keeps_the_explorer_whole(
        start in 0usize..4,
        worker in any::<bool>(),
        (w, h) in (1u16..=300, 1u16..=100),
        steps in proptest::collection::vec(step(), 1..=500),
    ) {
        let ds = Arc::new(datasets()[start].clone());
        let mut app = App::new(ds, Theme::default(), Rect::new(0, 0, w, h));
        if worker {
            // Every search goes through `Results` steps, as from the worker.
            app.sync_search_limit = 0;
        }
        let mut history = vec![start];
        draw(&app);
        for s in &steps {
            apply(&mut app, s, &mut history);
            check(&app);
            draw(&app);
        }
    }
}

#[test]
fn goto_opens_with_the_record_in_view_and_context_around_it() {
    use aigov::graph::Entity;
    use aigov::tui::action::Pane;
    let ds = Arc::new(datasets()[1].clone());
    let n = ds.index.timeline.len();
    assert!(n > 60, "the bundled data is long enough to scroll");
    for (w, h) in [(120, 40), (80, 24)] {
        for pos in [n / 2, n - 1, 3] {
            let e = ds.index.timeline[pos];
            let mut app = App::new(ds.clone(), Theme::default(), Rect::new(0, 0, w, h));
            app.update(Msg::GoTo(Entity::Event(e)));
            assert_eq!(app.selected_event(), Some(e));
            let rows = usize::from(app.panes().rect(Pane::Timeline).height - 2);
            let row = app.row_of(app.timeline.selected);
            assert!(
                (app.timeline.offset..app.timeline.offset + rows).contains(&row),
                "{w}x{h} pos {pos}: row {row}, offset {}, {rows} rows",
                app.timeline.offset
            );
        }
    }
}
