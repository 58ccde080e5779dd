//! Where the search popup goes and its hit list inside it: shared by the view and by
//! `update` (scrolling, clicks on a hit). No I/O.

use ratatui::layout::Rect;

/// The popup's rectangle: the whole screen but the header and the status bar, centered
/// and at most 120 columns wide.
pub fn popup(area: Rect) -> Rect {
    let width = area.width.saturating_sub(4).min(120);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + 1,
        width,
        height: area.height.saturating_sub(2),
    }
}

/// Rows of the preview at the bottom of the popup.
fn preview_rows(inner_height: u16) -> u16 {
    (inner_height / 3).clamp(3, 8)
}

/// Rows of the hit list for a terminal size (used by `update` to scroll).
pub fn list_rows(viewport: Rect) -> usize {
    let inner = popup(viewport).height.saturating_sub(2);
    usize::from(inner.saturating_sub(3 + preview_rows(inner)))
}

/// The hit drawn at a cell, as a position in the hit list scrolled by `offset`.
pub fn hit_at(viewport: Rect, offset: usize, x: u16, y: u16) -> Option<usize> {
    let rect = popup(viewport);
    let first = rect.y + 3; // border, input line, rule
    let inside = x > rect.x && x + 1 < rect.right() && y >= first;
    let row = usize::from(y.checked_sub(first)?);
    (inside && row < list_rows(viewport)).then_some(offset + row)
}
