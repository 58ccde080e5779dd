//! The explorer's export prompt (`e`) as drawn: on the chosen country at 100×30 and at the
//! overwrite question at 80×24, as insta snapshots of `TestBackend`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::sync::Arc;

use aigov::dataset::Dataset;
use aigov::load::Origin;
use aigov::tui::action::{Action, Pane};
use aigov::tui::app::App;
use aigov::tui::export::Exported;
use aigov::tui::theme::Theme;
use aigov::tui::update::Msg;
use aigov::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

fn app(w: u16, h: u16, actions: &[Action]) -> App {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/explorer"
    ));
    let ds = Arc::new(Dataset::load(&Origin::Path(dir)).unwrap().unwrap());
    let mut app = App::new(ds, Theme::default(), Rect::new(0, 0, w, h));
    for &a in actions {
        app.update(a);
    }
    app
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(app.viewport.width, app.viewport.height)).unwrap();
    t.draw(|f| view::render(app, f)).unwrap();
    t
}

#[test]
fn the_prompt_shows_what_goes_out_the_format_and_the_path() {
    let app = app(
        100,
        30,
        &[
            Action::Focus(Pane::Countries),
            Action::MoveDown,
            Action::OpenExport,
        ],
    );
    insta::assert_snapshot!("export_prompt_100x30", draw(&app).backend());
}

#[test]
fn the_overwrite_question_and_the_notice() {
    let mut app = app(
        80,
        24,
        &[
            Action::OpenExport,
            Action::ExportNextFormat,
            Action::ExportAccept,
        ],
    );
    app.update(Msg::Exported(Exported::Exists(PathBuf::from(
        "aigov-all.json",
    ))));
    insta::assert_snapshot!("export_overwrite_80x24", draw(&app).backend());
    app.update(Action::ExportInput('y'));
    app.update(Msg::Exported(Exported::Done {
        path: PathBuf::from("aigov-all.json"),
        events: 8,
        quotes: 5,
    }));
    let t = draw(&app);
    let bottom: String = (0..80)
        .map(|x| t.backend().buffer()[(x, 23)].symbol().to_string())
        .collect();
    assert!(
        bottom.contains("exported 8 events and 5 quotes to aigov-all.json"),
        "{bottom}"
    );
}
