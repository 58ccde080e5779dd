//! The export prompt's transitions: opening it on what the timeline shows, choosing the
//! format, typing the path, the overwrite question, and the answer from the runtime. No I/O.

use super::super::action::{Action, Effect};
use super::super::app::App;
use super::super::export::{ExportBox, ExportRequest, Exported, Stage};
use crate::export::Format;
use crate::export::file::Overwrite;
use crate::filter::Filter;
use crate::text::{plural, shown_path};

impl App {
    /// What the timeline shows, as a filter: the chosen country (the timeline's own filter
    /// joins it here), so that an export holds what is on screen.
    pub fn timeline_filter(&self) -> Filter {
        // The filter line's, narrowed to the chosen country when the line names none.
        let mut f = self.filtering.filter().clone();
        if f.country.is_none() {
            f.country = self.country();
        }
        f
    }

    /// Opens the prompt to export what `filter` keeps.
    pub(super) fn open_export(&mut self, filter: Filter) {
        self.export = Some(ExportBox::new(&self.dataset, filter));
    }

    /// An action while the prompt is open.
    pub(super) fn update_export(&mut self, action: Action) -> Effect {
        let ds = self.dataset.clone();
        let Some(eb) = self.export.as_mut() else {
            return Effect::None;
        };
        match (eb.stage, action) {
            // While writing too: the notice still comes.
            (Stage::Edit | Stage::Writing, Action::ExportCancel) => self.export = None,
            (Stage::Confirm, Action::ExportInput('y' | 'Y')) => {
                eb.overwrite = Overwrite::Replace;
                eb.stage = Stage::Writing;
                return Effect::Export;
            }
            (Stage::Confirm, Action::ExportInput('n' | 'N') | Action::ExportCancel) => {
                eb.stage = Stage::Edit;
            }
            (Stage::Edit, Action::ExportInput(c)) => {
                eb.path.push(c);
                eb.proposed = false;
            }
            (Stage::Edit, Action::ExportBackspace) => {
                eb.path.pop();
                eb.proposed = false;
            }
            (Stage::Edit, Action::ExportClear) => {
                eb.path.clear();
                eb.proposed = false;
            }
            (Stage::Edit, Action::ExportNextFormat) => eb.cycle_format(&ds, 1),
            (Stage::Edit, Action::ExportPrevFormat) => {
                eb.cycle_format(&ds, Format::ALL.len() - 1);
            }
            (Stage::Edit, Action::ExportAccept) => {
                if eb.path.trim().is_empty() {
                    self.notice = Some("export: type a path first".into());
                } else {
                    eb.overwrite = Overwrite::Refuse;
                    eb.stage = Stage::Writing;
                    return Effect::Export;
                }
            }
            _ => {}
        }
        Effect::None
    }

    /// The export the runtime should carry out now.
    pub fn export_request(&self) -> Option<ExportRequest> {
        self.export.as_ref().and_then(ExportBox::request)
    }

    /// The runtime's answer: a notice with the path and the counts; the overwrite question
    /// when the file exists; else the reason, in the status line, the prompt kept to try
    /// another path.
    pub(super) fn exported(&mut self, result: Exported) {
        let writing = self.export.as_mut().filter(|eb| eb.stage == Stage::Writing);
        match (result, writing) {
            (
                Exported::Done {
                    path,
                    events,
                    quotes,
                },
                _,
            ) => {
                self.export = None;
                self.notice = Some(format!(
                    "exported {} and {} to {}",
                    plural(events, "event"),
                    plural(quotes, "quote"),
                    shown_path(&path)
                ));
            }
            (Exported::Exists(_), Some(eb)) => eb.stage = Stage::Confirm,
            (Exported::Exists(path), None) => {
                self.notice = Some(format!("not exported: {} exists", shown_path(&path)));
            }
            (Exported::Failed(message), eb) => {
                if let Some(eb) = eb {
                    eb.stage = Stage::Edit;
                }
                let message = crate::text::escape_controls(&message);
                self.notice = Some(format!("export failed: {message}"));
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use std::path::PathBuf;
    use std::sync::Arc;

    use ratatui::layout::Rect;

    use super::*;
    use crate::dataset::Dataset;
    use crate::load::Origin;
    use crate::tui::action::Pane;
    use crate::tui::keymap::{Key, Mode, lookup};
    use crate::tui::theme::Theme;

    fn app() -> App {
        let dir = PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/explorer"
        ));
        let ds = Arc::new(Dataset::load(&Origin::Path(dir)).unwrap().unwrap());
        App::new(ds, Theme::default(), Rect::new(0, 0, 120, 40))
    }

    /// Presses keys as the runtime does: through the keymap, then `update`.
    fn press(app: &mut App, keys: &[Key]) -> Effect {
        let mut effect = Effect::None;
        for &k in keys {
            if let Some(a) = lookup(app.mode(), k) {
                effect = app.update(a);
            }
        }
        effect
    }

    fn typed(app: &mut App, text: &str) {
        for c in text.chars() {
            press(app, &[Key::Char(c)]);
        }
    }

    /// What the runtime's export thread does with a request.
    fn carry_out(app: &mut App) {
        let req = app.export_request().expect("a request while writing");
        let answer = req.carry_out(&app.dataset);
        app.exported(answer);
    }

    fn temp(name: &str) -> PathBuf {
        let d =
            std::env::temp_dir().join(format!("aigov-tui-export-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn e_exports_what_the_filter_line_keeps() {
        let mut app = app();
        press(&mut app, &[Key::Char('f')]);
        typed(&mut app, "from:2025");
        press(&mut app, &[Key::Enter]);
        let shown = app.timeline_events().len();
        assert!(shown > 0 && shown < app.dataset.graph.events.len());
        press(&mut app, &[Key::Char('e')]);
        let eb = app.export.as_ref().unwrap();
        assert_eq!(
            eb.filter.from,
            crate::graph::PartialDate::parse("2025").ok()
        );
        assert_eq!(eb.filter.events(&app.dataset).len(), shown);
    }

    #[test]
    fn e_exports_the_chosen_country_with_a_name_from_it() {
        let mut app = app();
        press(&mut app, &[Key::Char('1'), Key::Down]);
        let country = app.country().unwrap();
        let id = app.dataset.graph.actor(country).id.clone();
        press(&mut app, &[Key::Char('e')]);
        assert_eq!(app.mode(), Mode::Export);
        let eb = app.export.as_ref().unwrap();
        assert_eq!(eb.filter, app.timeline_filter());
        assert_eq!(eb.filter.country, Some(country));
        assert_eq!(eb.path, format!("aigov-{id}.md"));
        assert_eq!(eb.events, app.timeline_events().len());
        // the format changes the proposed name's extension; Tab comes round again
        press(&mut app, &[Key::Tab]);
        assert_eq!(
            app.export.as_ref().unwrap().path,
            format!("aigov-{id}.json")
        );
        press(&mut app, &[Key::BackTab, Key::BackTab]);
        assert_eq!(app.export.as_ref().unwrap().path, format!("aigov-{id}.csv"));
        // keys that mean something elsewhere are typed here
        let dir = temp("typed");
        let path = dir.join("q/e.md");
        press(&mut app, &[Key::Ctrl('u')]);
        typed(&mut app, path.to_str().unwrap());
        press(&mut app, &[Key::Tab]);
        assert_eq!(app.export.as_ref().unwrap().path, path.to_str().unwrap());
        assert_eq!(app.mode(), Mode::Export, "q did not quit");
        // a directory that does not exist: the reason in the status line, the prompt kept
        assert_eq!(press(&mut app, &[Key::Enter]), Effect::Export);
        carry_out(&mut app);
        let notice = app.notice.clone().unwrap();
        assert!(notice.starts_with("export failed: "), "{notice}");
        assert_eq!(app.export.as_ref().unwrap().stage, Stage::Edit);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn an_existing_file_is_replaced_only_after_yes() {
        let mut app = app();
        let dir = temp("overwrite");
        let path = dir.join("out.md");
        std::fs::write(&path, "keep me").unwrap();
        press(&mut app, &[Key::Char('e'), Key::Ctrl('u')]);
        typed(&mut app, path.to_str().unwrap());
        assert_eq!(press(&mut app, &[Key::Enter]), Effect::Export);
        assert_eq!(app.export.as_ref().unwrap().stage, Stage::Writing);
        carry_out(&mut app);
        assert_eq!(app.export.as_ref().unwrap().stage, Stage::Confirm);
        // no: the file stays, back to the path
        press(&mut app, &[Key::Char('n')]);
        assert_eq!(app.export.as_ref().unwrap().stage, Stage::Edit);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");
        // yes: replaced, and a notice with the path and the counts
        press(&mut app, &[Key::Enter]);
        carry_out(&mut app);
        assert_eq!(press(&mut app, &[Key::Char('y')]), Effect::Export);
        carry_out(&mut app);
        assert!(app.export.is_none());
        let n = app.dataset.graph.events.len();
        let notice = app.notice.clone().unwrap();
        assert!(
            notice.starts_with(&format!("exported {n} events and ")),
            "{notice}"
        );
        assert!(notice.ends_with(path.to_str().unwrap()), "{notice}");
        assert!(std::fs::read_to_string(&path).unwrap().starts_with("# "));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn esc_closes_the_prompt_and_the_view_is_as_it_was() {
        let mut app = app();
        press(&mut app, &[Key::Char('2'), Key::Down, Key::Down]);
        let before = app.place();
        press(&mut app, &[Key::Char('e')]);
        typed(&mut app, "jk");
        press(&mut app, &[Key::Esc]);
        assert!(app.export.is_none());
        assert_eq!(app.place(), before);
        assert_eq!(app.focus, Pane::Timeline);
        // an empty path is not exported
        press(&mut app, &[Key::Char('e'), Key::Ctrl('u')]);
        assert_eq!(press(&mut app, &[Key::Enter]), Effect::None);
        assert!(app.notice.is_some());
        // Esc while writing closes the prompt; the answer still comes as a notice
        typed(&mut app, "x.md");
        press(&mut app, &[Key::Enter, Key::Esc]);
        assert!(app.export.is_none());
        app.exported(Exported::Failed("disk full".into()));
        assert_eq!(app.notice.as_deref(), Some("export failed: disk full"));
    }
}
