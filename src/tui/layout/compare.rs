//! Where the compare view's parts go: the date column, the two countries' columns and the
//! gutter between them inside its frame; how many rows its list shows. Shared by the view
//! and by `update` (paging, clicks). No I/O.

use ratatui::layout::Rect;

use super::frame::Framed;
use super::{Needs, layout};
use crate::tui::action::Pane;

/// Width of the date column: `2025 Jul` and a space.
pub const DATE_W: u16 = 9;

/// Where each part of the view goes inside the body.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Geometry {
    pub inner: Rect,
    pub heading: Rect,
    pub list: Rect,
    pub rule: Rect,
    pub footer: Rect,
    pub left_x: u16,
    pub left_w: u16,
    pub gutter_x: u16,
    pub gutter_w: u16,
    pub right_x: u16,
    pub right_w: u16,
}

impl Geometry {
    /// The parts for a body rectangle (the screen between header and status bar).
    pub fn new(body: Rect) -> Self {
        let f = Framed::new(body, 26);
        let inner = f.inner;
        let w = inner.width;
        let gutter_w = match w {
            100.. => 19,
            70.. => 17,
            _ => 13,
        }
        .min(w.saturating_sub(DATE_W));
        let cols = w.saturating_sub(DATE_W + gutter_w);
        let left_w = cols / 2;
        let left_x = inner.x + DATE_W.min(w);
        let gutter_x = left_x + left_w;
        let right_x = gutter_x + gutter_w;
        Self {
            inner,
            heading: f.heading,
            list: f.main,
            rule: f.rule,
            footer: f.footer,
            left_x,
            left_w,
            gutter_x,
            gutter_w,
            right_x,
            right_w: cols - left_w,
        }
    }
}

/// Rows of the list for a terminal size (used by `update` to page and scroll).
pub fn list_rows(viewport: Rect) -> usize {
    let body = layout(viewport, &Needs::of_focus(Pane::Timeline)).body;
    usize::from(Geometry::new(body).list.height)
}
