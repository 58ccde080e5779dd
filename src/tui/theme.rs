//! Named styles for every part of the screen, in colour or monochrome (`NO_COLOR`). In
//! monochrome the selection is still visible: REVERSED plus the `▸` marker. No I/O.

use ratatui::style::{Color, Modifier, Style};

/// The marker in front of the selected row, in every theme (never colour alone).
pub const MARKER: &str = "▸";

/// The styles the view uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Whether colours are off (`NO_COLOR`); the runtime then strips any colour left.
    pub monochrome: bool,
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub border: Style,
    pub border_focused: Style,
    pub selected: Style,
    /// The selection in a pane without the focus.
    pub selected_unfocused: Style,
    pub year: Style,
    pub link: Style,
    pub quote: Style,
    pub density: Style,
    /// An event still to come, or scheduled and not confirmed.
    pub upcoming: Style,
    pub key: Style,
    /// Characters a search matched.
    pub matched: Style,
    /// Errors: the problems panel.
    pub error: Style,
    /// A one-off message in the status bar.
    pub notice: Style,
}

impl Default for Theme {
    fn default() -> Self {
        Self::color()
    }
}

impl Theme {
    /// The colour theme (16 basic colours, readable on dark and light backgrounds).
    pub fn color() -> Self {
        Self {
            monochrome: false,
            text: Style::new(),
            dim: Style::new().fg(Color::DarkGray),
            title: Style::new().add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            selected: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            selected_unfocused: Style::new().add_modifier(Modifier::REVERSED),
            year: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            link: Style::new().fg(Color::Blue),
            quote: Style::new().fg(Color::Green),
            density: Style::new().fg(Color::Magenta),
            upcoming: Style::new().fg(Color::Cyan).add_modifier(Modifier::ITALIC),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            matched: Style::new()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            notice: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
        }
    }

    /// The `NO_COLOR` theme: modifiers only.
    pub fn monochrome() -> Self {
        Self {
            monochrome: true,
            text: Style::new(),
            dim: Style::new().add_modifier(Modifier::DIM),
            title: Style::new().add_modifier(Modifier::BOLD),
            border: Style::new(),
            border_focused: Style::new().add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected_unfocused: Style::new().add_modifier(Modifier::REVERSED),
            year: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            link: Style::new().add_modifier(Modifier::UNDERLINED),
            quote: Style::new().add_modifier(Modifier::ITALIC),
            density: Style::new(),
            upcoming: Style::new().add_modifier(Modifier::ITALIC),
            key: Style::new().add_modifier(Modifier::BOLD),
            matched: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            error: Style::new().add_modifier(Modifier::BOLD),
            notice: Style::new().add_modifier(Modifier::BOLD),
        }
    }

    /// Lines joining linked events (compare gutter, link graph): the link style, never
    /// underlined (an underline on box-drawing lines reads as noise).
    pub fn connector(&self) -> Style {
        self.link.remove_modifier(Modifier::UNDERLINED)
    }

    /// The theme for an environment: monochrome when `NO_COLOR` is set and not empty.
    pub fn for_no_color(no_color: bool) -> Self {
        if no_color {
            Self::monochrome()
        } else {
            Self::color()
        }
    }
}
