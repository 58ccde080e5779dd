//! Where the panes go this frame: the layout (`tui::layout`) given what the panes hold,
//! the quotes pane as tall as its wrapped quotes. Here, above `app`, because measuring the
//! quotes is drawing them. Shared by the view, mouse hit-testing and scroll clamping.

use crate::tui::app::App;
use crate::tui::layout::{Needs, Panes, layout};

impl App {
    /// What the layout needs to know of the panes' contents.
    pub fn needs(&self, area: ratatui::layout::Rect) -> Needs {
        let quote_lines = if self.quotes().is_empty() {
            0
        } else {
            let w = area.width.saturating_sub(2);
            let max = usize::from(area.height);
            let n = super::quotes::lines(self, w, max).len();
            u16::try_from(n).unwrap_or(u16::MAX)
        };
        Needs {
            focus: self.focus,
            zoom: self.zoom,
            countries_w: self.countries_w,
            title_w: self.title_w,
            quote_lines,
        }
    }

    /// The layout of this frame.
    pub fn panes(&self) -> Panes {
        layout(self.viewport, &self.needs(self.viewport))
    }
}
