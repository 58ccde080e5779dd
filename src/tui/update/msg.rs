//! `Msg`, what `App::update` takes: an action of the user, or what the runtime hands the
//! state (the start's requests, a thread's results, a failure to report). Every change of
//! `App` comes through `update`; the methods that make them are private to `tui::update`.

use super::super::action::{Action, Effect};
use super::super::app::{App, Searched};
use super::super::export::Exported;
use super::super::reload::Reload;
use crate::graph::{ActorIx, Entity, QuoteIx};

/// Something that changes the state.
#[derive(Debug)]
pub enum Msg {
    /// The user asked for something (a key, a click, a resize).
    Action(Action),
    /// Open as of today: on the latest event dated up to it (with its quotes), later
    /// events drawn as upcoming.
    StartOn(chrono::NaiveDate),
    /// Go to a record (`--goto`), scrolled so that it shows with its context.
    GoTo(Entity),
    /// Open the search popup with this typed in (`--query`).
    Query(String),
    /// Open an actor's page, on one of their quotes if given.
    OpenActor(ActorIx, Option<QuoteIx>),
    /// Results from the search worker.
    Searched(Searched),
    /// The search of this generation failed (the worker panicked and started again).
    SearchFailed { generation: u64, message: String },
    /// The watched data changed and was loaded again.
    Reloaded(Reload),
    /// An export the prompt asked for ended.
    Exported(Exported),
    /// A thread of the runtime panicked: which, its message, and whether it runs again.
    Crashed {
        thread: &'static str,
        message: String,
        restarted: bool,
    },
    /// Live reload could not start: why.
    NoLiveReload(String),
    /// The browser could not be started for `Effect::Open`: why.
    OpenFailed(String),
    /// A click on a web address the frame showed: open it (if it is a safe one).
    OpenLink(String),
}

impl From<Action> for Msg {
    fn from(action: Action) -> Self {
        Msg::Action(action)
    }
}

impl App {
    /// Applies one message; says what the runtime has to do.
    pub fn update(&mut self, msg: impl Into<Msg>) -> Effect {
        match msg.into() {
            Msg::Action(action) => return self.act(action),
            Msg::StartOn(today) => {
                self.today = Some(today);
                let pos = self.latest_by(today);
                self.select_event(pos);
                self.keep_in_view();
            }
            Msg::GoTo(entity) => {
                self.go_to(entity);
                self.keep_in_view();
            }
            Msg::Query(text) => return self.type_search(&text),
            Msg::OpenActor(actor, at) => self.open_actor(actor, at),
            Msg::Searched(r) => {
                if !self.searched(r) {
                    return Effect::Unchanged;
                }
            }
            Msg::SearchFailed {
                generation,
                message,
            } => self.search_failed(generation, &message),
            Msg::Reloaded(r) => return self.reloaded(r),
            Msg::Exported(r) => self.exported(r),
            Msg::Crashed {
                thread,
                message,
                restarted,
            } => self.crashed(thread, &message, restarted),
            Msg::NoLiveReload(why) => self.notice = Some(format!("live reload is off: {why}")),
            Msg::OpenFailed(why) => self.notice = Some(why),
            Msg::OpenLink(url) => return self.open_url(crate::cite::safe_url(&url)),
        }
        Effect::None
    }

    /// A thread of the runtime panicked: say so in the status line.
    fn crashed(&mut self, thread: &str, message: &str, restarted: bool) {
        let then = if restarted {
            "started again"
        } else {
            "stopped"
        };
        let message = crate::text::escape_controls(message);
        self.notice = Some(format!("the {thread} thread failed ({message}); {then}"));
    }
}
