//! Where the link graph's parts go: three or five node columns with gutters for the
//! connectors, the slots of each column scrolled to the selection, the node at a cell.
//! Shared by the view and by `update` (scrolling, clicks). No I/O.

use ratatui::layout::{Position, Rect};

use super::frame::Framed;
use crate::tui::app::GraphView;
use crate::tui::neighbourhood::{CENTRE, COLUMNS, Neighbourhood};

/// Columns between two node columns: a stub, the vertical line, a stub.
pub const GUTTER: u16 = 3;
/// Below this width per column, three columns are shown instead of five.
const MIN_COL: u16 = 18;

/// Where each part of the graph goes inside the body, for the current selection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Geometry {
    pub inner: Rect,
    pub heading: Rect,
    pub canvas: Rect,
    pub rule: Rect,
    pub footer: Rect,
    /// The first column shown, and how many are.
    pub first: usize,
    pub cols: usize,
    pub col_w: u16,
    /// Lines of title under each node's label line.
    pub title_lines: usize,
    /// The first slot shown.
    pub scroll: usize,
    /// The slot each node is drawn at: its band's, or, on a side whose outer column is not
    /// shown, its rank in its column (no room kept for children out of sight).
    pub slots: Vec<usize>,
}

impl Geometry {
    /// The parts for a body rectangle and the graph's selection.
    pub fn new(body: Rect, gv: &GraphView) -> Self {
        let f = Framed::new(body, 24);
        let inner = f.inner;
        let canvas_h = f.main.height;
        let w = inner.width;
        let cols: u16 = if w >= 5 * MIN_COL + 4 * GUTTER { 5 } else { 3 };
        // One column spare on the right, as the lead column leaves one on the left.
        let col_w = w.saturating_sub((cols - 1) * GUTTER + 1) / cols;
        let cols = usize::from(cols);
        let sel_col = gv.hood.nodes.get(gv.selected).map_or(CENTRE, |n| n.col);
        let first = sel_col.saturating_sub(1).min(COLUMNS - cols);
        let mut title_lines: usize = if col_w >= 28 { 2 } else { 3 };
        // Keep at least two slots on a short screen.
        while title_lines > 1 && (1 + title_lines) * 2 > usize::from(canvas_h) {
            title_lines -= 1;
        }
        let shown = |col: usize| (first..first + cols).contains(&col);
        let mut slots: Vec<usize> = gv.hood.nodes.iter().map(|n| n.slot).collect();
        for (near, far) in [(CENTRE - 1, 0), (CENTRE + 1, COLUMNS - 1)] {
            if !shown(far) {
                for (rank, i) in gv.hood.column(near).into_iter().enumerate() {
                    slots[i] = rank;
                }
            }
        }
        Self {
            inner,
            heading: f.heading,
            canvas: f.main,
            rule: f.rule,
            footer: f.footer,
            first,
            cols,
            col_w,
            title_lines,
            scroll: gv.scroll,
            slots,
        }
    }

    /// The slot node `i` is drawn at.
    pub fn slot(&self, i: usize) -> usize {
        self.slots.get(i).copied().unwrap_or(0)
    }

    /// Slots from the top to the bottom of the tallest column shown.
    pub fn height(&self, hood: &Neighbourhood) -> usize {
        (0..hood.nodes.len())
            .filter(|&i| self.shows(hood.nodes[i].col))
            .map(|i| self.slot(i) + 1)
            .max()
            .unwrap_or(1)
    }

    /// Rows of one slot: the label line and the title.
    pub fn slot_h(&self) -> usize {
        1 + self.title_lines
    }

    /// Slots the canvas shows (at least one).
    pub fn visible_slots(&self) -> usize {
        (usize::from(self.canvas.height) / self.slot_h()).max(1)
    }

    /// Whether a column is shown.
    pub fn shows(&self, col: usize) -> bool {
        (self.first..self.first + self.cols).contains(&col)
    }

    /// The left edge of a shown column.
    pub fn col_x(&self, col: usize) -> u16 {
        let k = u16::try_from(col.saturating_sub(self.first)).unwrap_or(0);
        self.canvas.x + k * (self.col_w + GUTTER)
    }

    /// The canvas row of a slot's first line (negative when scrolled above).
    pub fn slot_y(&self, slot: usize) -> i64 {
        let rel = i64::try_from(slot).unwrap_or(0) - i64::try_from(self.scroll).unwrap_or(0);
        rel * i64::try_from(self.slot_h()).unwrap_or(1)
    }

    /// The screen rectangle of node `i`, clipped to the canvas; `None` when out of view.
    pub fn node_rect(&self, hood: &Neighbourhood, i: usize) -> Option<Rect> {
        let n = hood.nodes.get(i)?;
        if !self.shows(n.col) {
            return None;
        }
        let top = self.slot_y(self.slot(i));
        let bottom = top + i64::try_from(self.slot_h()).unwrap_or(1);
        let h = i64::from(self.canvas.height);
        let (top, bottom) = (top.max(0), bottom.min(h));
        if top >= bottom {
            return None;
        }
        Some(Rect {
            x: self.col_x(n.col),
            y: self.canvas.y + u16::try_from(top).unwrap_or(0),
            width: self.col_w,
            height: u16::try_from(bottom - top).unwrap_or(0),
        })
    }

    /// The node under a cell.
    pub fn node_at(&self, gv: &GraphView, x: u16, y: u16) -> Option<usize> {
        (0..gv.hood.nodes.len()).find(|&i| {
            self.node_rect(&gv.hood, i)
                .is_some_and(|r| r.contains(Position { x, y }))
        })
    }
}
