//! The actor page: what a person said over time (quotes in date order, with threads both
//! ways), the events they take part in; Enter on an actor, a speaker, a country row or
//! an item goes there, Backspace comes back.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::sync::Arc;

use aigov::dataset::Dataset;
use aigov::graph::{ActorIx, Entity, QuoteIx};
use aigov::load::Origin;
use aigov::tui::action::{Action, Pane};
use aigov::tui::actor::{PageItem, items};
use aigov::tui::app::App;
use aigov::tui::keymap::Mode;
use aigov::tui::theme::Theme;
use aigov::tui::update::Msg;
use aigov::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

fn fixture() -> Arc<Dataset> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/actor-page");
    Arc::new(
        Dataset::load(&Origin::Path(PathBuf::from(dir)))
            .unwrap()
            .unwrap(),
    )
}

fn actor(ds: &Dataset, id: &str) -> ActorIx {
    match ds.graph.lookup(id) {
        Some(Entity::Actor(a)) => a,
        other => panic!("{id}: {other:?}"),
    }
}

fn quote(ds: &Dataset, id: &str) -> QuoteIx {
    match ds.graph.lookup(id) {
        Some(Entity::Quote(q)) => q,
        other => panic!("{id}: {other:?}"),
    }
}

/// The ids of the quotes on a page, in the order drawn.
fn page_quotes(ds: &Dataset, a: ActorIx) -> Vec<String> {
    items(ds, a)
        .into_iter()
        .filter_map(|i| match i {
            PageItem::Quote(q) => Some(ds.graph.quote(q).id.clone()),
            _ => None,
        })
        .collect()
}

fn app(ds: Arc<Dataset>, w: u16, h: u16) -> App {
    App::new(ds, Theme::default(), Rect::new(0, 0, w, h))
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(app.viewport.width, app.viewport.height)).unwrap();
    t.draw(|f| view::render(app, f)).unwrap();
    t
}

#[test]
fn li_qiang_s_quotes_are_in_date_order_whatever_the_file_order() {
    let ds = fixture();
    assert_eq!(
        page_quotes(&ds, actor(&ds, "li-qiang")),
        ["li-2023-first", "li-2024-cooperation", "li-2025-fragmented"]
    );
}

#[test]
fn every_page_of_the_bundled_data_lists_quotes_in_date_order() {
    let ds = Dataset::load(&Origin::Bundled).unwrap().unwrap();
    let li = actor(&ds, "li-qiang");
    assert!(!page_quotes(&ds, li).is_empty(), "Li Qiang has quotes");
    for (i, _) in ds.graph.actors.iter().enumerate() {
        let a = ActorIx(u32::try_from(i).unwrap());
        let dates: Vec<_> = items(&ds, a)
            .into_iter()
            .filter_map(|i| match i {
                PageItem::Quote(q) => Some(ds.graph.quote_date(q).start()),
                _ => None,
            })
            .collect();
        assert!(dates.is_sorted(), "{}: {dates:?}", ds.graph.actor(a).id);
    }
}

#[test]
fn li_qiang_page_at_120x40() {
    let ds = fixture();
    let mut app = app(ds.clone(), 120, 40);
    app.update(Msg::OpenActor(actor(&ds, "li-qiang"), None));
    assert_eq!(app.mode(), Mode::Actor);
    insta::assert_snapshot!("actor_li_qiang_120x40", draw(&app).backend());
}

#[test]
fn enter_on_an_actor_of_an_event_opens_their_page_not_another_event() {
    let ds = fixture();
    let mut app = app(ds.clone(), 120, 40);
    // The timeline's last event is WAIC 2025 (China · Li Qiang) with no links: Up from
    // the links reaches the last actor.
    app.update(Action::Bottom);
    app.update(Action::Focus(Pane::Event));
    app.update(Action::MoveUp);
    let before = app.selected_event();
    app.update(Action::Follow);
    let page = app.actor_page.as_ref().expect("a page");
    assert_eq!(page.actor, actor(&ds, "li-qiang"));
    // Backspace: back to the event, as it was.
    app.update(Action::GoBack);
    assert!(app.actor_page.is_none());
    assert_eq!(app.selected_event(), before);
}

#[test]
fn threads_are_followed_both_ways_and_backspace_comes_back() {
    let ds = fixture();
    let mut app = app(ds.clone(), 120, 40);
    let li = actor(&ds, "li-qiang");
    app.update(Msg::OpenActor(li, Some(quote(&ds, "li-2025-fragmented"))));
    let screen = format!("{}", draw(&app).backend());
    assert!(screen.contains("→ reaffirms 2024-07-04"), "{screen}");
    assert!(
        screen.contains("→ answers 2025-02-11 · J.D. Vance"),
        "{screen}"
    );
    assert!(screen.contains("← reaffirmed by 2025-07-26"), "{screen}");
    // Down to the "answers" thread, Enter: Vance's page, his quote selected.
    app.update(Action::MoveDown);
    app.update(Action::MoveDown);
    app.update(Action::Follow);
    let page = app.actor_page.as_ref().unwrap();
    assert_eq!(page.actor, actor(&ds, "jd-vance"));
    let vance_items = items(&ds, page.actor);
    assert_eq!(
        vance_items[page.selected],
        PageItem::Quote(quote(&ds, "vance-regulation"))
    );
    // Its thread back ("answered by") shows on his page.
    assert!(format!("{}", draw(&app).backend()).contains("← answered by 2025-07-26 · Li Qiang"));
    app.update(Action::GoBack);
    assert_eq!(app.actor_page.as_ref().unwrap().actor, li);
    app.update(Action::GoBack);
    assert!(app.actor_page.is_none());
}

#[test]
fn enter_on_a_quote_shows_it_in_the_panes_and_backspace_returns_to_the_page() {
    let ds = fixture();
    let mut app = app(ds.clone(), 120, 40);
    let li = actor(&ds, "li-qiang");
    let q = quote(&ds, "li-2024-cooperation");
    app.update(Msg::OpenActor(li, Some(q)));
    app.update(Action::Follow);
    assert!(app.actor_page.is_none());
    assert_eq!(app.focus, Pane::Quotes);
    assert_eq!(app.selected_quote(), Some(q));
    // Enter on the quote: its speaker's page, that quote selected.
    app.update(Action::GoBack);
    let page = app.actor_page.as_ref().unwrap();
    assert_eq!(page.actor, li);
    assert_eq!(items(&ds, li)[page.selected], PageItem::Quote(q));
    app.update(Action::ClosePage);
    app.update(Action::Focus(Pane::Quotes));
    app.update(Action::Follow);
    assert_eq!(app.actor_page.as_ref().unwrap().actor, li);
}

#[test]
fn enter_on_a_country_row_opens_its_page_with_its_members() {
    let ds = fixture();
    let mut app = app(ds.clone(), 120, 40);
    app.update(Action::Focus(Pane::Countries));
    let cn = actor(&ds, "cn");
    let row = ds.index.countries.iter().position(|&c| c == cn).unwrap() + 1;
    for _ in 0..row {
        app.update(Action::MoveDown);
    }
    app.update(Action::Follow);
    let page = app.actor_page.as_ref().unwrap();
    assert_eq!(page.actor, cn);
    assert!(items(&ds, cn).contains(&PageItem::Member(actor(&ds, "li-qiang"))));
    let screen = format!("{}", draw(&app).backend());
    assert!(screen.contains("Members (1)"), "{screen}");
}

#[test]
fn a_search_or_goto_landing_on_an_actor_opens_their_page() {
    let ds = fixture();
    let li = actor(&ds, "li-qiang");
    let mut a = app(ds.clone(), 120, 40);
    a.update(Msg::GoTo(aigov::graph::Entity::Actor(li)));
    assert_eq!(a.actor_page.as_ref().map(|p| p.actor), Some(li));
    // Under the page, the panes are on his latest event.
    let last = *ds.index.events_by_actor[li.ix()].last().unwrap();
    assert_eq!(a.selected_event(), Some(last));
}
