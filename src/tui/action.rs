//! What the user means (`Action`, free of crossterm types) and what `update` asks the
//! runtime to do (`Effect`). No I/O.

/// A pane of the explorer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    /// Countries and blocs, with event counts.
    Countries,
    /// Events in date order under year headers.
    Timeline,
    /// The selected event in full, or the chosen country's profile.
    Event,
    /// The quotes of the selected event or of the chosen country.
    Quotes,
}

impl Pane {
    /// Every pane, in focus order.
    pub const ALL: [Pane; 4] = [Pane::Countries, Pane::Timeline, Pane::Event, Pane::Quotes];

    /// The title shown on the pane's border.
    pub fn title(self) -> &'static str {
        match self {
            Pane::Countries => "Countries",
            Pane::Timeline => "Timeline",
            Pane::Event => "Event",
            Pane::Quotes => "Quotes",
        }
    }

    /// Position in focus order (the digit key is one more).
    pub fn number(self) -> usize {
        match self {
            Pane::Countries => 0,
            Pane::Timeline => 1,
            Pane::Event => 2,
            Pane::Quotes => 3,
        }
    }
}

/// Something the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the explorer.
    Quit,
    /// Give the terminal back to the shell and stop (Ctrl-Z); `fg` comes back.
    Suspend,
    /// Close the overlay if one is open, else clear the filter; never leaves.
    Escape,
    /// Show or hide the help overlay.
    ToggleHelp,
    /// Move the selection (or scroll) up one line.
    MoveUp,
    /// Move the selection (or scroll) down one line.
    MoveDown,
    /// Up one page.
    PageUp,
    /// Down one page.
    PageDown,
    /// To the first item.
    Top,
    /// To the last item.
    Bottom,
    /// To the first event of the previous year.
    PrevYear,
    /// To the first event of the next year.
    NextYear,
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Focus this pane.
    Focus(Pane),
    /// Open what is selected: follow a link, or go from a list to the next pane.
    Follow,
    /// Go back to where the last followed link was taken.
    GoBack,
    /// Show quotes in English translation, or as said.
    ToggleTranslation,
    /// Open the search popup.
    OpenSearch,
    /// Type a character into the search input.
    SearchInput(char),
    /// Delete the last character of the search input.
    SearchBackspace,
    /// Empty the search input.
    SearchClear,
    /// Go to the selected hit and close the popup.
    SearchAccept,
    /// Close the popup and put the view back as it was.
    SearchCancel,
    /// Show the search hits by date, or by relevance again.
    SearchSortToggle,
    /// Go to the next hit of the last search.
    NextHit,
    /// Go to the previous hit of the last search.
    PrevHit,
    /// Open the compare view (two countries side by side), or leave it.
    ToggleCompare,
    /// Open the link graph of the selected event, or leave it.
    ToggleGraph,
    /// To the column or node on the left.
    MoveLeft,
    /// To the column or node on the right.
    MoveRight,
    /// Put the previous country or bloc in the selected column.
    PrevCountry,
    /// Put the next country or bloc in the selected column.
    NextCountry,
    /// Swap the two columns.
    SwapSides,
    /// Open the selected node in the event pane, leaving the graph.
    OpenEvent,
    /// Open the export prompt for what the timeline shows.
    OpenExport,
    /// Type a character into the export path (or answer the overwrite question).
    ExportInput(char),
    /// Delete the last character of the export path.
    ExportBackspace,
    /// Empty the export path.
    ExportClear,
    /// The next export format.
    ExportNextFormat,
    /// The previous export format.
    ExportPrevFormat,
    /// Export to the path (asking before replacing a file).
    ExportAccept,
    /// Close the prompt, or say no to the overwrite question.
    ExportCancel,
    /// Give the focused pane the whole body, or put it back.
    ToggleZoom,
    /// Open the filter line over the timeline.
    OpenFilter,
    /// Remove the filter.
    ClearFilter,
    /// Type a character into the filter line.
    FilterInput(char),
    /// Delete the last character of the filter line.
    FilterBackspace,
    /// Empty the filter line.
    FilterClear,
    /// Keep the filter typed and close the line.
    FilterAccept,
    /// Close the line and put the filter back as it was.
    FilterCancel,
    /// Capture the mouse, or give it back to the terminal (to select text).
    ToggleMouse,
    /// A double click at a cell: open what is there.
    DoubleClick { x: u16, y: u16 },
    /// A mouse click at a cell.
    Click { x: u16, y: u16 },
    /// The mouse wheel, up (`down == false`) or down, over a cell.
    Scroll { x: u16, y: u16, down: bool },
    /// The terminal has a new size.
    Resize { width: u16, height: u16 },
    /// Copy the selected quote (or event) with its citation to the clipboard.
    Copy,
    /// The next citation format (plain, Markdown, BibTeX).
    CycleCiteFormat,
    /// Open the selected source's address in the browser.
    OpenSource,
    /// Close the actor page, back to the panes.
    ClosePage,
}

/// What the runtime has to do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Nothing: redraw.
    None,
    /// Nothing changed (a search result of an older generation): no redraw either.
    Unchanged,
    /// Leave the loop and restore the terminal.
    Quit,
    /// Run the search the popup asks for (`App::search_request`) off the input thread.
    Search,
    /// Stop the running search: the popup closed.
    CancelSearch,
    /// Give the terminal back and stop the process until it is continued.
    Suspend,
    /// Carry out the export the prompt asks for (`App::export_request`) off the input
    /// thread; the answer comes back as `Input::Exported`.
    Export,
    /// Turn mouse capture on (true) or off.
    Mouse(bool),
    /// Put `App::outbox` on the clipboard (OSC 52).
    Copy,
    /// Open the http(s) address in `App::outbox` in the browser, detached.
    Open,
}
