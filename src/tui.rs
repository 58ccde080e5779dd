//! The explorer's runtime: the only place that draws. A synchronous, event-driven loop:
//! draw, block on the input channel, apply what arrived, draw again. No tick: idle is idle.

pub mod action;
pub mod app;
pub mod compare;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod neighbourhood;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;
pub mod watch;
pub mod worker;

use std::io;
use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc;

use ratatui::layout::Rect;

use self::action::{Action, Effect};
use self::app::App;
use self::input::Input;
use self::theme::Theme;
use crate::dataset::Dataset;
use crate::graph::Entity;

/// How the explorer starts, besides its data.
#[derive(Debug, Clone, Default)]
pub struct Start<'a> {
    /// Reload the data when a file here changes (`--data`).
    pub watched: Option<&'a Path>,
    /// Open on this record (`--goto`).
    pub goto: Option<Entity>,
    /// Open with this search typed in (`--query`).
    pub query: Option<String>,
}

/// How the explorer ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// This signal (SIGINT, SIGQUIT, SIGTERM or SIGHUP) asked it to stop; the process
    /// should exit with 128 + it, as shells report a death by signal.
    Signal(i32),
}

/// Runs the explorer on `dataset` until the user quits or a signal asks to stop; the
/// terminal is restored in every case.
pub fn run(dataset: Dataset, theme: Theme, start: Start<'_>) -> io::Result<Exit> {
    let (mut terminal, _guard) = terminal::enter(theme.monochrome)?;
    let (tx, rx) = mpsc::channel();
    input::spawn_signals(tx.clone())?;
    input::spawn_terminal(tx.clone());
    let size = terminal.size()?;
    let dataset = Arc::new(dataset);
    let mut app = App::new(dataset, theme, Rect::new(0, 0, size.width, size.height));
    let mut worker = worker::Worker::spawn(app.dataset.clone(), app.data_generation, tx.clone());
    if let Some(entity) = start.goto {
        app.start_at(entity);
    }
    if let Some(query) = start.query
        && app.type_search(&query) == Effect::Search
        && let Some((generation, input)) = app.search_request()
    {
        worker.submit(generation, input);
    }
    // Without a watch (an unwatchable path, too many watches) the explorer still works;
    // the status bar says so once.
    let _watch = match start.watched.map(|p| watch::spawn(p, tx.clone())) {
        Some(Err(e)) => {
            app.notice = Some(format!("live reload is off: {e}"));
            None
        }
        Some(Ok(w)) => Some(w),
        None => None,
    };
    loop {
        terminal.draw(|frame| {
            view::render(&app, frame);
            if app.theme.monochrome {
                terminal::strip_colors(frame.buffer_mut());
            }
        })?;
        let mut changed = false;
        while !changed {
            let Ok(first) = rx.recv() else {
                return Ok(Exit::Quit);
            };
            // Drain what else arrived (a paste, key repeat, a resize storm): one frame.
            for input in std::iter::once(first).chain(rx.try_iter()) {
                let action = match input {
                    Input::Key(k) => keymap::lookup(app.mode(), k),
                    Input::Action(a) => Some(a),
                    Input::Signal(sig) => return Ok(Exit::Signal(sig)),
                    Input::Suspend => Some(Action::Suspend),
                    Input::Continued => {
                        // Stopped from outside (SIGSTOP) and continued: the shell may have
                        // reset the terminal, so take it again and draw every cell.
                        terminal::reenter()?;
                        terminal::redraw_all(&mut terminal)?;
                        changed = true;
                        None
                    }
                    Input::Failed(e) => return Err(e),
                    Input::Searched(r) => {
                        changed |= app.searched(r);
                        None
                    }
                    Input::SearchFailed {
                        generation,
                        message,
                    } => {
                        app.search_failed(generation, &message);
                        changed = true;
                        None
                    }
                    Input::Crashed {
                        thread,
                        message,
                        restarted,
                    } => {
                        app.crashed(thread, &message, restarted);
                        changed = true;
                        None
                    }
                    Input::Reloaded(r) => {
                        changed = true;
                        let before = app.dataset.clone();
                        let effect = app.reloaded(r);
                        if !Arc::ptr_eq(&before, &app.dataset) {
                            // The old worker ends when its queue is dropped.
                            worker = worker::Worker::spawn(
                                app.dataset.clone(),
                                app.data_generation,
                                tx.clone(),
                            );
                        }
                        if effect == Effect::Search
                            && let Some((generation, input)) = app.search_request()
                        {
                            worker.submit(generation, input);
                        }
                        None
                    }
                };
                if let Some(action) = action {
                    changed = true;
                    match app.update(action) {
                        Effect::Quit => return Ok(Exit::Quit),
                        Effect::Search => {
                            if let Some((generation, input)) = app.search_request() {
                                worker.submit(generation, input);
                            }
                        }
                        Effect::CancelSearch => worker.cancel(),
                        Effect::Suspend => {
                            terminal::suspend()?;
                            // Back from `fg`: the screen is the shell's; draw every cell.
                            terminal::redraw_all(&mut terminal)?;
                        }
                        Effect::None => {}
                    }
                }
            }
        }
    }
}
