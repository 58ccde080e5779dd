//! Keeping each selection in view after an update: every pane, the popup, the views and
//! the help scrolled so that the selection shows with context, and scroll positions
//! clamped to what there is. No I/O.

use super::super::action::Pane;
use super::super::app::App;
use super::super::layout;
use super::super::view;

impl App {
    /// Scrolls every pane so that its selection shows, and clamps scroll positions.
    pub(super) fn keep_in_view(&mut self) {
        let panes = self.panes();
        let inner = |p: Pane| {
            let r = panes.rect(p);
            (
                r.width.saturating_sub(2),
                usize::from(r.height.saturating_sub(2)),
            )
        };
        let (_, h) = inner(Pane::Countries);
        self.countries.offset = scrolled_off(
            self.countries.offset,
            self.countries.selected,
            h,
            self.country_rows(),
        );
        let (_, h) = inner(Pane::Timeline);
        let n = self.timeline_events().len();
        self.timeline.selected = self.timeline.selected.min(n.saturating_sub(1));
        let row = self.row_of(self.timeline.selected);
        // The top row may be the sticky year header: the list has one row fewer for sure.
        self.timeline.offset = scrolled_off(
            self.timeline.offset,
            row,
            h.saturating_sub(1),
            self.timeline_rows(),
        );
        let (w, h) = inner(Pane::Event);
        let (total, link_lines) = view::event::measure(self, w);
        self.event_link = self.event_link.min(link_lines.len().saturating_sub(1));
        if self.focus == Pane::Event
            && let Some(&l) = link_lines.get(self.event_link)
        {
            self.event_scroll = scrolled(self.event_scroll, l, h);
        }
        self.event_scroll = self.event_scroll.min(total.saturating_sub(h));
        let (w, h) = inner(Pane::Quotes);
        // Wrap only as far as the current scroll needs: when the quotes end before it,
        // scroll back so the last screenful shows.
        let needed = self.quotes_scroll.saturating_add(h);
        let total = view::quotes::lines(self, w, needed).len();
        if total < needed {
            self.quotes_scroll = self.quotes_scroll.min(total.saturating_sub(h));
        }
        if let Some(sb) = self.search.as_mut() {
            let rows = layout::search::list_rows(self.viewport);
            sb.offset = scrolled(sb.offset, sb.selected, rows);
        }
        self.keep_compare_in_view();
        self.keep_graph_in_view();
        self.keep_page_in_view();
        // The help scrolls only while open (toggling it resets the scroll).
        if self.help {
            let help_total = view::help::lines(self).len();
            let help_h = usize::from(self.viewport.height.saturating_sub(4));
            self.help_scroll = self.help_scroll.min(help_total.saturating_sub(help_h));
        }
    }
}

/// Rows of context kept above and below a list's selection (vim's scrolloff).
const SCROLLOFF: usize = 3;

/// The first visible row of a list of `total` rows so that `row` shows in `height` rows
/// with `SCROLLOFF` rows around it where there are any, moving as little as possible.
pub(super) fn scrolled_off(offset: usize, row: usize, height: usize, total: usize) -> usize {
    if height == 0 {
        return row;
    }
    let so = SCROLLOFF.min(height.saturating_sub(1) / 2);
    let mut offset = offset.min(total.saturating_sub(height));
    if row < offset + so {
        offset = row.saturating_sub(so);
    } else if row + so >= offset + height {
        offset = (row + so + 1).saturating_sub(height);
    }
    offset.min(
        total
            .saturating_sub(height)
            .max(row.saturating_sub(height - 1)),
    )
}

/// The first visible row so that `row` shows in `height` rows, moving as little as possible.
pub(super) fn scrolled(offset: usize, row: usize, height: usize) -> usize {
    if height == 0 || row < offset {
        row
    } else if row >= offset + height {
        row + 1 - height
    } else {
        offset
    }
}
