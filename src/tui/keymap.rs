//! The one keymap table: it drives input (`lookup`), the help overlay and the status bar,
//! so the three cannot drift apart. No I/O.

use super::action::{Action, Pane};

/// A key, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// A printable character.
    Char(char),
    /// A character typed with Ctrl.
    Ctrl(char),
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Enter,
    Backspace,
    Tab,
    BackTab,
    Esc,
}

impl Key {
    /// The name shown in help.
    pub fn label(self) -> String {
        match self {
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Up => "↑".into(),
            Key::Down => "↓".into(),
            Key::Left => "←".into(),
            Key::Right => "→".into(),
            Key::PageUp => "PgUp".into(),
            Key::PageDown => "PgDn".into(),
            Key::Home => "Home".into(),
            Key::End => "End".into(),
            Key::Enter => "Enter".into(),
            Key::Backspace => "Backspace".into(),
            Key::Tab => "Tab".into(),
            Key::BackTab => "Shift-Tab".into(),
            Key::Esc => "Esc".into(),
        }
    }

    /// The short name shown in the status bar.
    pub fn short(self) -> String {
        match self {
            Key::Backspace => "⌫".into(),
            Key::BackTab => "S-Tab".into(),
            k => k.label(),
        }
    }
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Everywhere, unless the mode has its own binding for the key.
    Global,
    /// When this pane has the focus and no overlay is open.
    Pane(Pane),
    /// While the help overlay is open.
    Help,
    /// While the search popup is open (other printable keys are typed into it).
    Search,
    /// In the compare view.
    Compare,
    /// In the link graph.
    Graph,
    /// While the export prompt is open (other printable keys are typed into its path).
    Export,
    /// While the filter line is open (other printable keys are typed into it).
    Filter,
    /// On an actor's page.
    Actor,
}

impl Context {
    /// The heading of the context in the help overlay.
    pub fn heading(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Pane(p) => p.title(),
            Context::Help => "Help",
            Context::Search => "Search (/)",
            Context::Compare => "Compare (c)",
            Context::Graph => "Link graph (L)",
            Context::Export => "Export (e)",
            Context::Filter => "Filter (f)",
            Context::Actor => "Actor page (Enter on an actor)",
        }
    }
}

/// What the app is doing, for key lookup: browsing a pane, a view over the panes, or
/// showing help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Browse(Pane),
    Help,
    Search,
    Compare,
    Graph,
    Export,
    Filter,
    Actor,
}

/// One row of the keymap.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    /// One line for the help overlay.
    pub help: &'static str,
    /// Words for the status bar: `None` hides the row there; `Some("")` shows only its
    /// first key, joined to the next row's (`↑` + `↓ move` gives `↑↓ move`).
    pub bar: Option<&'static str>,
}

const fn b(
    context: Context,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    bar: Option<&'static str>,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        help,
        bar,
    }
}

use Context::{Compare, Export, Filter, Global, Graph, Help, Search};
use Key::{
    BackTab, Backspace, Char, Ctrl, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right,
    Tab, Up,
};

const C: Context = Context::Pane(Pane::Countries);
const T: Context = Context::Pane(Pane::Timeline);
const E: Context = Context::Pane(Pane::Event);
const Q: Context = Context::Pane(Pane::Quotes);

/// Every binding, grouped by context. Which binding wins does not depend on a row's place
/// here: `lookup` reads a mode's contexts most specific first (`contexts`), so a pane's
/// row wins over a global one for the same key. Within a context, rows keep this order
/// in the status bar and the help.
pub const BINDINGS: &[Binding] = &[
    b(
        Filter,
        &[Enter],
        Action::FilterAccept,
        "apply the filter (a mistake keeps it open)",
        Some("apply"),
    ),
    b(
        Filter,
        &[Backspace],
        Action::FilterBackspace,
        "delete a character",
        None,
    ),
    b(
        Filter,
        &[Ctrl('u')],
        Action::FilterClear,
        "clear the input",
        None,
    ),
    b(
        Filter,
        &[Esc],
        Action::FilterCancel,
        "close, the filter as it was",
        Some("cancel"),
    ),
    b(Filter, &[Ctrl('c')], Action::Quit, "quit", None),
    b(
        Search,
        &[Enter],
        Action::SearchAccept,
        "go to the hit in its pane",
        Some("go to"),
    ),
    b(
        Search,
        &[Up, Ctrl('p')],
        Action::MoveUp,
        "previous hit",
        Some(""),
    ),
    b(
        Search,
        &[Down, Ctrl('n')],
        Action::MoveDown,
        "next hit",
        Some("hits"),
    ),
    b(Search, &[PageUp], Action::PageUp, "page up", None),
    b(Search, &[PageDown], Action::PageDown, "page down", None),
    b(
        Search,
        &[Backspace],
        Action::SearchBackspace,
        "delete a character",
        None,
    ),
    b(
        Search,
        &[Ctrl('u')],
        Action::SearchClear,
        "clear the input",
        None,
    ),
    b(
        Search,
        &[Esc],
        Action::SearchCancel,
        "close, the view as it was",
        Some("cancel"),
    ),
    b(
        Search,
        &[Ctrl('s')],
        Action::SearchSortToggle,
        "hits by date, or by relevance again",
        Some("by date"),
    ),
    b(Search, &[Ctrl('c')], Action::Quit, "quit", None),
    b(
        Search,
        &[Ctrl('z')],
        Action::Suspend,
        "suspend (fg comes back)",
        None,
    ),
    b(
        Compare,
        &[Up, Char('k')],
        Action::MoveUp,
        "previous row (both sides move together)",
        Some(""),
    ),
    b(
        Compare,
        &[Down, Char('j')],
        Action::MoveDown,
        "next row",
        Some("move"),
    ),
    b(
        Compare,
        &[Left, Char('h')],
        Action::MoveLeft,
        "left column",
        Some(""),
    ),
    b(
        Compare,
        &[Right, Char('l')],
        Action::MoveRight,
        "right column",
        Some("column"),
    ),
    b(Compare, &[PageUp], Action::PageUp, "page up", None),
    b(Compare, &[PageDown], Action::PageDown, "page down", None),
    b(Compare, &[Home, Char('g')], Action::Top, "first row", None),
    b(Compare, &[End, Char('G')], Action::Bottom, "last row", None),
    b(
        Compare,
        &[Char('[')],
        Action::PrevYear,
        "previous year",
        Some(""),
    ),
    b(
        Compare,
        &[Char(']')],
        Action::NextYear,
        "next year",
        Some("year"),
    ),
    b(
        Compare,
        &[Char('<')],
        Action::PrevCountry,
        "previous country in the chosen column",
        Some(""),
    ),
    b(
        Compare,
        &[Char('>')],
        Action::NextCountry,
        "next country in the chosen column",
        Some("country"),
    ),
    b(
        Compare,
        &[Char('s')],
        Action::SwapSides,
        "swap the columns",
        None,
    ),
    b(
        Compare,
        &[Enter],
        Action::Follow,
        "open the event (⌫ comes back here)",
        Some("open"),
    ),
    b(
        Compare,
        &[Char('L')],
        Action::ToggleGraph,
        "link graph of the selected event",
        Some("graph"),
    ),
    b(
        Compare,
        &[Backspace],
        Action::GoBack,
        "go back to before the last opened event",
        None,
    ),
    b(
        Compare,
        &[Esc, Char('q'), Char('c')],
        Action::ToggleCompare,
        "leave compare",
        Some("leave"),
    ),
    b(
        Compare,
        &[Char('?')],
        Action::ToggleHelp,
        "help",
        Some("help"),
    ),
    b(
        Compare,
        &[Char('/')],
        Action::OpenSearch,
        "search all; Enter goes to the hit in the panes",
        Some("search"),
    ),
    b(Compare, &[Ctrl('c')], Action::Quit, "quit", None),
    b(
        Compare,
        &[Ctrl('z')],
        Action::Suspend,
        "suspend (fg comes back)",
        None,
    ),
    b(
        Graph,
        &[Up, Char('k')],
        Action::MoveUp,
        "node above",
        Some(""),
    ),
    b(
        Graph,
        &[Down, Char('j')],
        Action::MoveDown,
        "node below",
        Some(""),
    ),
    b(
        Graph,
        &[Left, Char('h')],
        Action::MoveLeft,
        "node on the left (causes, earlier)",
        Some(""),
    ),
    b(
        Graph,
        &[Right, Char('l')],
        Action::MoveRight,
        "node on the right (responses, later)",
        Some("move"),
    ),
    b(
        Graph,
        &[Enter],
        Action::Follow,
        "centre the graph on the selected node",
        Some("centre"),
    ),
    b(
        Graph,
        &[Backspace],
        Action::GoBack,
        "back to the previous centre",
        Some("back"),
    ),
    b(
        Graph,
        &[Char('o')],
        Action::OpenEvent,
        "open the node in the event pane",
        Some("open"),
    ),
    b(Graph, &[Home, Char('g')], Action::Top, "the centre", None),
    b(
        Graph,
        &[Esc, Char('q'), Char('L')],
        Action::ToggleGraph,
        "leave the graph",
        Some("leave"),
    ),
    b(
        Graph,
        &[Char('?')],
        Action::ToggleHelp,
        "help",
        Some("help"),
    ),
    b(
        Graph,
        &[Char('/')],
        Action::OpenSearch,
        "search all; Enter goes to the hit in the panes",
        Some("search"),
    ),
    b(Graph, &[Ctrl('c')], Action::Quit, "quit", None),
    b(
        Graph,
        &[Ctrl('z')],
        Action::Suspend,
        "suspend (fg comes back)",
        None,
    ),
    b(
        Help,
        &[Up, Char('k')],
        Action::MoveUp,
        "scroll up",
        Some(""),
    ),
    b(
        Help,
        &[Down, Char('j')],
        Action::MoveDown,
        "scroll down",
        Some("scroll"),
    ),
    b(
        Help,
        &[Esc, Char('?')],
        Action::ToggleHelp,
        "close help",
        Some("close"),
    ),
    b(
        Help,
        &[Char('q'), Ctrl('c')],
        Action::Quit,
        "quit",
        Some("quit"),
    ),
    b(
        Help,
        &[Ctrl('z')],
        Action::Suspend,
        "suspend (fg comes back)",
        None,
    ),
    b(
        C,
        &[Up, Char('k')],
        Action::MoveUp,
        "previous country (narrows at once)",
        Some(""),
    ),
    b(
        C,
        &[Down, Char('j')],
        Action::MoveDown,
        "next country (narrows at once)",
        Some("choose"),
    ),
    b(C, &[PageUp], Action::PageUp, "page up", None),
    b(C, &[PageDown], Action::PageDown, "page down", None),
    b(
        C,
        &[Home, Char('g')],
        Action::Top,
        "All (no narrowing)",
        None,
    ),
    b(C, &[End, Char('G')], Action::Bottom, "last country", None),
    b(
        C,
        &[Right, Char('l')],
        Action::Focus(Pane::Timeline),
        "go to its timeline",
        Some("timeline"),
    ),
    b(
        C,
        &[Enter],
        Action::Follow,
        "its page: stance, members, quotes, events (All: the timeline)",
        Some("page"),
    ),
    b(
        T,
        &[Up, Char('k')],
        Action::MoveUp,
        "previous event",
        Some(""),
    ),
    b(
        T,
        &[Down, Char('j')],
        Action::MoveDown,
        "next event",
        Some("move"),
    ),
    b(
        T,
        &[Left, Char('h')],
        Action::PrevYear,
        "previous year",
        Some(""),
    ),
    b(
        T,
        &[Right, Char('l')],
        Action::NextYear,
        "next year",
        Some("year"),
    ),
    b(T, &[PageUp], Action::PageUp, "page up", None),
    b(T, &[PageDown], Action::PageDown, "page down", None),
    b(T, &[Home, Char('g')], Action::Top, "first event", None),
    b(T, &[End, Char('G')], Action::Bottom, "last event", None),
    b(
        T,
        &[Enter],
        Action::Follow,
        "open the event (its links)",
        Some("open"),
    ),
    b(
        E,
        &[Up, Char('k')],
        Action::MoveUp,
        "previous link (above the first: the actors)",
        Some(""),
    ),
    b(
        E,
        &[Down, Char('j')],
        Action::MoveDown,
        "next link, then the tags",
        Some("link"),
    ),
    b(
        E,
        &[Enter],
        Action::Follow,
        "follow the selected link, open the selected actor's page, or filter by the tag",
        Some("follow"),
    ),
    b(E, &[PageUp], Action::PageUp, "scroll up", None),
    b(E, &[PageDown], Action::PageDown, "scroll down", None),
    b(E, &[Home, Char('g')], Action::Top, "first link, top", None),
    b(E, &[End, Char('G')], Action::Bottom, "last link", None),
    b(
        E,
        &[Left, Char('h')],
        Action::FocusPrev,
        "to the timeline",
        None,
    ),
    b(
        Q,
        &[Up, Char('k')],
        Action::MoveUp,
        "previous quote",
        Some(""),
    ),
    b(
        Q,
        &[Down, Char('j')],
        Action::MoveDown,
        "next quote",
        Some("quote"),
    ),
    b(
        Q,
        &[Enter],
        Action::Follow,
        "the speaker's page: what they said over time, threads",
        None,
    ),
    b(
        Q,
        &[Char('y')],
        Action::Copy,
        "copy this quote with its citation (Y: format)",
        Some("copy"),
    ),
    b(
        Q,
        &[Char('o')],
        Action::OpenSource,
        "open this quote's source in the browser",
        None,
    ),
    b(Q, &[PageUp], Action::PageUp, "page up", None),
    b(Q, &[PageDown], Action::PageDown, "page down", None),
    b(Q, &[Home, Char('g')], Action::Top, "first quote", None),
    b(Q, &[End, Char('G')], Action::Bottom, "last quote", None),
    b(
        Q,
        &[Char('t')],
        Action::ToggleTranslation,
        "English translation / as said",
        Some("translation"),
    ),
    b(
        Q,
        &[Left, Char('h')],
        Action::FocusPrev,
        "to the event",
        None,
    ),
    b(
        Context::Actor,
        &[Up, Char('k')],
        Action::MoveUp,
        "previous item",
        Some(""),
    ),
    b(
        Context::Actor,
        &[Down, Char('j')],
        Action::MoveDown,
        "next item",
        Some("move"),
    ),
    b(Context::Actor, &[PageUp], Action::PageUp, "page up", None),
    b(
        Context::Actor,
        &[PageDown],
        Action::PageDown,
        "page down",
        None,
    ),
    b(
        Context::Actor,
        &[Home, Char('g')],
        Action::Top,
        "first item",
        None,
    ),
    b(
        Context::Actor,
        &[End, Char('G')],
        Action::Bottom,
        "last item",
        None,
    ),
    b(
        Context::Actor,
        &[Enter],
        Action::Follow,
        "go to the quote, thread, event or actor",
        Some("go to"),
    ),
    b(
        Context::Actor,
        &[Backspace],
        Action::GoBack,
        "the previous page, or the panes",
        Some("back"),
    ),
    b(
        Context::Actor,
        &[Esc],
        Action::ClosePage,
        "close the page",
        Some("close"),
    ),
    b(
        Context::Actor,
        &[Char('t')],
        Action::ToggleTranslation,
        "English translation / as said",
        None,
    ),
    b(
        Global,
        &[Char('y')],
        Action::Copy,
        "copy the selected event's (or quote's) citation",
        None,
    ),
    b(
        Global,
        &[Char('Y')],
        Action::CycleCiteFormat,
        "citation format: plain, Markdown, BibTeX",
        None,
    ),
    b(
        Global,
        &[Char('o')],
        Action::OpenSource,
        "open the event's (or quote's) source in the browser",
        None,
    ),
    b(Global, &[Tab], Action::FocusNext, "next pane", Some("pane")),
    b(Global, &[BackTab], Action::FocusPrev, "previous pane", None),
    b(
        Global,
        &[Char('1')],
        Action::Focus(Pane::Countries),
        "Countries pane",
        None,
    ),
    b(
        Global,
        &[Char('2')],
        Action::Focus(Pane::Timeline),
        "Timeline pane",
        None,
    ),
    b(
        Global,
        &[Char('3')],
        Action::Focus(Pane::Event),
        "Event pane",
        None,
    ),
    b(
        Global,
        &[Char('4')],
        Action::Focus(Pane::Quotes),
        "Quotes pane",
        None,
    ),
    b(
        Global,
        &[Backspace],
        Action::GoBack,
        "go back to before the last followed link",
        Some("back"),
    ),
    b(
        Global,
        &[Char('?')],
        Action::ToggleHelp,
        "this help",
        Some("help"),
    ),
    b(
        Global,
        &[Char('/')],
        Action::OpenSearch,
        "search all (fuzzy, accents ignored)",
        Some("search"),
    ),
    b(
        Global,
        &[Char('n')],
        Action::NextHit,
        "next hit of the last search",
        None,
    ),
    b(
        Global,
        &[Char('N')],
        Action::PrevHit,
        "previous hit of the last search",
        None,
    ),
    b(
        Global,
        &[Esc],
        Action::Escape,
        "back to compare, or clear the filter",
        None,
    ),
    b(
        Global,
        &[Char('q'), Ctrl('c')],
        Action::Quit,
        "quit",
        Some("quit"),
    ),
    b(
        Global,
        &[Ctrl('z')],
        Action::Suspend,
        "suspend (fg comes back)",
        None,
    ),
    // After quit: the bar shows them only where there is room; help always does.
    b(
        Global,
        &[Char('c')],
        Action::ToggleCompare,
        "compare two countries side by side",
        Some("compare"),
    ),
    b(
        Global,
        &[Char('L')],
        Action::ToggleGraph,
        "link graph of the selected event",
        Some("graph"),
    ),
    b(
        Global,
        &[Char('e')],
        Action::OpenExport,
        "export what the timeline shows (format, path)",
        Some("export"),
    ),
    b(
        Export,
        &[Enter],
        Action::ExportAccept,
        "export (asks before replacing a file)",
        Some("export"),
    ),
    b(
        Export,
        &[Tab, Down],
        Action::ExportNextFormat,
        "next format",
        Some("format"),
    ),
    b(
        Export,
        &[BackTab, Up],
        Action::ExportPrevFormat,
        "previous format",
        None,
    ),
    b(
        Export,
        &[Backspace],
        Action::ExportBackspace,
        "delete a character of the path",
        None,
    ),
    b(
        Export,
        &[Ctrl('u')],
        Action::ExportClear,
        "clear the path",
        None,
    ),
    b(
        Export,
        &[Esc],
        Action::ExportCancel,
        "close (or no, at the overwrite question)",
        Some("cancel"),
    ),
    b(Export, &[Ctrl('c')], Action::Quit, "quit", None),
    b(
        Export,
        &[Ctrl('z')],
        Action::Suspend,
        "suspend (fg comes back)",
        None,
    ),
    b(
        Global,
        &[Char('f')],
        Action::OpenFilter,
        "filter: tag: from: to: country: and words",
        Some("filter"),
    ),
    b(
        Global,
        &[Char('F')],
        Action::ClearFilter,
        "clear the filter",
        None,
    ),
    b(
        Global,
        &[Char('z')],
        Action::ToggleZoom,
        "zoom the focused pane, and back",
        Some("zoom"),
    ),
    b(
        Global,
        &[Char('t')],
        Action::ToggleTranslation,
        "quotes in translation / as printed",
        None,
    ),
    b(
        Global,
        &[Char('m')],
        Action::ToggleMouse,
        "mouse on/off (off: the terminal selects)",
        None,
    ),
];

/// The contexts a mode reads, most specific first.
fn contexts(mode: Mode) -> &'static [Context] {
    match mode {
        Mode::Browse(p) => match p {
            Pane::Countries => &[C, Global],
            Pane::Timeline => &[T, Global],
            Pane::Event => &[E, Global],
            Pane::Quotes => &[Q, Global],
        },
        // Help takes every key: the panes behind it do not move.
        Mode::Help => &[Help],
        // The popup takes every key: what is not bound is typed.
        Mode::Search => &[Search],
        // The views over the panes take every key: pane keys would act unseen.
        Mode::Compare => &[Compare],
        Mode::Graph => &[Graph],
        // The prompt takes every key: what is not bound is typed.
        Mode::Export => &[Export],
        Mode::Filter => &[Filter],
        // The page reads its own keys first; copy, open, search, help and quit are global.
        Mode::Actor => &[Context::Actor, Global],
    }
}

/// The action bound to `key` in `mode`, if any.
pub fn lookup(mode: Mode, key: Key) -> Option<Action> {
    let bound = contexts(mode).iter().find_map(|&ctx| {
        BINDINGS
            .iter()
            .find(|b| b.context == ctx && b.keys.contains(&key))
            .map(|b| b.action)
    });
    match (bound, mode, key) {
        (None, Mode::Search, Key::Char(c)) => Some(Action::SearchInput(c)),
        (None, Mode::Export, Key::Char(c)) => Some(Action::ExportInput(c)),
        (None, Mode::Filter, Key::Char(c)) => Some(Action::FilterInput(c)),
        _ => bound,
    }
}

/// The bindings that apply in `mode`, most specific first, without rows whose keys are
/// all taken by a more specific context.
pub fn active(mode: Mode) -> Vec<&'static Binding> {
    let ctxs = contexts(mode);
    let mut rows: Vec<&'static Binding> = Vec::new();
    for &ctx in ctxs {
        for row in BINDINGS.iter().filter(|b| b.context == ctx) {
            let shadowed = row
                .keys
                .iter()
                .all(|k| rows.iter().any(|r| r.keys.contains(k)));
            if !shadowed {
                rows.push(row);
            }
        }
    }
    rows
}

/// The status bar hints of `mode`: (keys, words) pairs, in table order.
pub fn hints(mode: Mode) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    let mut keys = String::new();
    for row in active(mode) {
        let Some(words) = row.bar else { continue };
        let Some(first) = row.keys.first() else {
            continue;
        };
        keys.push_str(&first.short());
        if !words.is_empty() {
            out.push((std::mem::take(&mut keys), words));
        }
    }
    out
}

/// The help overlay: one section per context, each row (keys, help); over the compare
/// view or the link graph (`behind`), that view's section comes first.
pub fn help_sections(behind: Mode) -> Vec<(&'static str, Vec<(String, &'static str)>)> {
    let mut order = vec![
        Global,
        C,
        T,
        E,
        Q,
        Context::Actor,
        Compare,
        Graph,
        Search,
        Export,
        Filter,
        Help,
    ];
    if let Mode::Compare | Mode::Graph | Mode::Actor = behind
        && let Some(&view) = contexts(behind).first()
    {
        order.retain(|&c| c != view);
        order.insert(0, view);
    }
    order
        .into_iter()
        .map(|ctx| {
            let rows = BINDINGS
                .iter()
                .filter(|b| b.context == ctx)
                .map(|b| {
                    let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
                    (keys.join(" "), b.help)
                })
                .collect();
            (ctx.heading(), rows)
        })
        .collect()
}

#[cfg(test)]
mod tests;
