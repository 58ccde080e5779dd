//! The explorer's runtime: the only place that draws. A synchronous, event-driven loop:
//! draw, block on the input channel, hand what arrived to `App::update` (a key as an
//! action, a thread's result as a `Msg`), carry out the `Effect`, draw again. No tick:
//! idle is idle.

pub mod action;
pub mod actor;
pub mod app;
pub mod clipboard;
pub mod compare;
pub mod export;
pub mod hyperlink;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod neighbourhood;
pub mod open;
pub mod reload;
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
use std::time::{Duration, Instant};

use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::layout::Rect;

use self::action::{Action, Effect};
use self::app::App;
use self::input::Input;
use self::theme::Theme;
use self::update::Msg;
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
    /// Where live reload keeps the load cache of a large dataset (`None`: no cache).
    pub cache_dir: Option<std::path::PathBuf>,
    /// Today, read once by `main`: the explorer opens on the latest event up to it, and
    /// draws later ones as upcoming.
    pub today: Option<chrono::NaiveDate>,
    /// The browser `o` starts (`$BROWSER`, read by `main`); `None`: the system's opener.
    pub browser: Option<String>,
    /// Make the web addresses on screen OSC 8 hyperlinks (`main` decides from `TERM`).
    pub hyperlinks: bool,
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
    let (terminal, _guard) = terminal::enter(theme.monochrome)?;
    let (tx, rx) = mpsc::channel();
    input::spawn_signals(tx.clone())?;
    input::spawn_terminal(tx.clone());
    let size = terminal.size()?;
    let dataset = Arc::new(dataset);
    let mut app = App::new(dataset, theme, Rect::new(0, 0, size.width, size.height));
    if let Some(today) = start.today {
        app.update(Msg::StartOn(today));
    }
    let worker = worker::Worker::spawn_on(app.dataset.clone(), app.data_generation, tx.clone());
    let mut rt = Runtime {
        terminal,
        app,
        worker,
        tx: tx.clone(),
        last_click: None,
        browser: start.browser,
        hyperlinks: start.hyperlinks,
        links: Vec::new(),
    };
    if let Some(entity) = start.goto {
        rt.app.update(Msg::GoTo(entity));
    }
    if let Some(query) = start.query
        && rt.app.update(Msg::Query(query)) == Effect::Search
    {
        rt.submit();
    }
    // Without a watch (an unwatchable path, too many watches) the explorer still works;
    // the status bar says so once.
    let _watch = match start.watched.map(|p| watch::spawn(p, start.cache_dir, tx)) {
        Some(Err(e)) => {
            rt.app.update(Msg::NoLiveReload(e.to_string()));
            None
        }
        Some(Ok(w)) => Some(w),
        None => None,
    };
    loop {
        rt.draw()?;
        let mut changed = false;
        while !changed {
            let Ok(first) = rx.recv() else {
                return Ok(Exit::Quit);
            };
            // Drain what else arrived (a paste, key repeat, a resize storm): one frame.
            for input in std::iter::once(first).chain(rx.try_iter()) {
                match rt.handle(input)? {
                    Handled::Exit(exit) => return Ok(exit),
                    Handled::Changed => changed = true,
                    Handled::Same => {}
                }
            }
        }
    }
}

/// What the loop owns: the terminal, the state, the search worker.
struct Runtime {
    terminal: ratatui::DefaultTerminal,
    app: App,
    worker: worker::Worker,
    tx: mpsc::Sender<Input>,
    /// When and where the last click was, to tell a double click.
    last_click: Option<(Instant, u16, u16)>,
    browser: Option<String>,
    hyperlinks: bool,
    /// Where the last frame showed web addresses: a click on one opens it.
    links: Vec<view::link::Hyperlink>,
}

/// Two clicks on one cell within this time are a double click.
const DOUBLE_CLICK: Duration = Duration::from_millis(400);

/// What an input did.
enum Handled {
    Exit(Exit),
    Changed,
    Same,
}

impl Runtime {
    fn draw(&mut self) -> io::Result<()> {
        // Synchronized output (DEC mode 2026): a terminal that knows it shows the frame
        // and its links at once, never half drawn; others ignore the mode.
        execute!(self.terminal.backend_mut(), BeginSynchronizedUpdate)?;
        let drawn = self.draw_frame();
        execute!(self.terminal.backend_mut(), EndSynchronizedUpdate)?;
        drawn
    }

    /// Draws the frame, then writes the web addresses on it as OSC 8 links.
    fn draw_frame(&mut self) -> io::Result<()> {
        let app = &self.app;
        let links = &mut self.links;
        let frame = self.terminal.draw(|frame| {
            *links = view::render_linked(app, frame);
            if app.theme.monochrome {
                terminal::strip_colors(frame.buffer_mut());
            }
        })?;
        if !self.hyperlinks || self.links.is_empty() {
            return Ok(());
        }
        let linked = hyperlink::cells(frame.buffer, &self.links);
        hyperlink::write(self.terminal.backend_mut(), &linked)
    }

    /// The web address the last frame showed at (`x`, `y`).
    fn link_at(&self, x: u16, y: u16) -> Option<String> {
        let at = ratatui::layout::Position::new(x, y);
        self.links
            .iter()
            .find(|l| l.area().contains(at))
            .map(|l| l.url.clone())
    }

    /// Sends the search the popup asks for to the worker.
    fn submit(&self) {
        if let Some((generation, input)) = self.app.search_request() {
            self.worker.submit(generation, input);
        }
    }

    /// Writes the export the prompt asks for on a thread of its own, so that a slow disk
    /// never freezes the window; the answer comes back as `Input::Exported`.
    fn start_export(&mut self) {
        use export::Exported;
        let Some(req) = self.app.export_request() else {
            return;
        };
        let ds = self.app.dataset.clone();
        let tx = self.tx.clone();
        let spawned = std::thread::Builder::new()
            .name("export".into())
            .spawn(move || {
                let _ = tx.send(Input::Exported(req.carry_out(&ds)));
            });
        if let Err(e) = spawned {
            self.app
                .update(Msg::Exported(Exported::Failed(e.to_string())));
        }
    }

    fn handle(&mut self, input: Input) -> io::Result<Handled> {
        let app = &self.app;
        let msg = match input {
            Input::Key(k) => match keymap::lookup(app.mode(), k) {
                Some(action) => Msg::Action(action),
                None => return Ok(Handled::Same),
            },
            // A web address opens on a click, as a link does (the terminal's own click
            // on an OSC 8 link does not reach it while the mouse is captured).
            Input::Action(Action::Click { x, y }) => {
                if let Some(url) = self.link_at(x, y) {
                    self.last_click = None;
                    Msg::OpenLink(url)
                } else {
                    let now = Instant::now();
                    let double = self.last_click.is_some_and(|(t, cx, cy)| {
                        (cx, cy) == (x, y) && now.duration_since(t) < DOUBLE_CLICK
                    });
                    self.last_click = if double { None } else { Some((now, x, y)) };
                    Msg::Action(if double {
                        Action::DoubleClick { x, y }
                    } else {
                        Action::Click { x, y }
                    })
                }
            }
            Input::Action(a) => Msg::Action(a),
            Input::Signal(sig) => return Ok(Handled::Exit(Exit::Signal(sig))),
            Input::Suspend => Msg::Action(Action::Suspend),
            Input::Continued => {
                // Stopped from outside (SIGSTOP) and continued: the shell may have reset
                // the terminal, so take it again and draw every cell.
                terminal::reenter()?;
                // Taking the terminal back turns capture on; keep what `m` chose.
                terminal::set_mouse(app.mouse)?;
                terminal::redraw_all(&mut self.terminal)?;
                return Ok(Handled::Changed);
            }
            Input::Failed(e) => return Err(e),
            Input::Searched(r) => Msg::Searched(r),
            Input::SearchFailed {
                generation,
                message,
            } => Msg::SearchFailed {
                generation,
                message,
            },
            Input::Crashed {
                thread,
                message,
                restarted,
            } => {
                if !restarted && thread == input::TERMINAL_THREAD {
                    // No keys can come any more: leave, restoring the terminal, and say why.
                    return Err(io::Error::other(format!(
                        "the {thread} thread failed: {message}"
                    )));
                }
                if !restarted && thread == worker::THREAD {
                    // A worker that gave up would leave every later search pending.
                    self.respawn_worker();
                }
                let restarted = restarted || thread == worker::THREAD;
                Msg::Crashed {
                    thread,
                    message,
                    restarted,
                }
            }
            Input::Exported(r) => Msg::Exported(r),
            Input::Reloaded(r) => Msg::Reloaded(r),
        };
        let before = self.app.dataset.clone();
        let effect = self.app.update(msg);
        if !Arc::ptr_eq(&before, &self.app.dataset) {
            // New data: the old worker ends when its queue is dropped.
            self.respawn_worker();
        }
        self.apply(effect)
    }

    /// A search worker on the data shown now, in place of the last one.
    fn respawn_worker(&mut self) {
        self.worker = worker::Worker::spawn_on(
            self.app.dataset.clone(),
            self.app.data_generation,
            self.tx.clone(),
        );
    }

    /// Carries out what an update asked of the runtime (the terminal, the worker, the
    /// clipboard, the browser).
    fn apply(&mut self, effect: Effect) -> io::Result<Handled> {
        match effect {
            Effect::Quit => return Ok(Handled::Exit(Exit::Quit)),
            Effect::Unchanged => return Ok(Handled::Same),
            Effect::Search => self.submit(),
            Effect::CancelSearch => self.worker.cancel(),
            Effect::Export => self.start_export(),
            Effect::Suspend => {
                terminal::suspend()?;
                terminal::set_mouse(self.app.mouse)?;
                // Back from `fg`: the screen is the shell's; draw every cell.
                terminal::redraw_all(&mut self.terminal)?;
            }
            Effect::Mouse(on) => terminal::set_mouse(on)?,
            Effect::Copy => {
                if let Some(text) = &self.app.outbox {
                    clipboard::copy(self.terminal.backend_mut(), text)?;
                }
            }
            Effect::Open => {
                if let Some(url) = &self.app.outbox
                    && let Err(e) = open::open(self.browser.as_deref(), url)
                {
                    self.app.update(Msg::OpenFailed(e));
                }
            }
            Effect::None => {}
        }
        Ok(Handled::Changed)
    }
}
