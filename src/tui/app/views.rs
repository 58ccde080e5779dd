//! The views over the panes while open: the compare view (its rows laid out with the
//! filter in force) and the link graph (a neighbourhood and its selection). No I/O.

use super::super::compare::{Cells, Compare, Side};
use super::super::neighbourhood::Neighbourhood;
use super::CompareAt;
use crate::dataset::Dataset;
use crate::graph::EventIx;

/// The compare view, while open: where it is and its rows (rebuilt when a side changes).
#[derive(Debug, Clone)]
pub struct CompareView {
    pub at: CompareAt,
    pub layout: Compare,
}

impl CompareView {
    /// The view at `at`, its rows laid out with the events `filter` keeps.
    pub fn new(dataset: &Dataset, at: CompareAt, filter: &crate::filter::Filter) -> Self {
        let keep = |e: EventIx| filter.event(dataset, e);
        let layout = Compare::build_where(&dataset.graph, &dataset.index, at.left, at.right, &keep);
        Self { at, layout }
    }

    /// The column the cursor is in: the chosen one, or the other when the chosen one is
    /// empty on this row; `None` on a row of both sides.
    pub fn cursor_side(&self) -> Option<Side> {
        let row = self.layout.rows.get(self.at.cursor.selected)?;
        if let Cells::Both(_) = row.cells {
            return None;
        }
        if row.at(self.at.side).is_some() {
            Some(self.at.side)
        } else {
            Some(self.at.side.other())
        }
    }

    /// The event under the cursor: that of its column, else the other's.
    pub fn selected(&self) -> Option<EventIx> {
        self.layout
            .rows
            .get(self.at.cursor.selected)
            .and_then(|r| r.event(self.at.side))
    }
}

/// The link graph, while open: the neighbourhood of its centre and the selected node.
#[derive(Debug, Clone)]
pub struct GraphView {
    pub hood: Neighbourhood,
    /// A position in `hood.nodes`.
    pub selected: usize,
    /// The first slot shown.
    pub scroll: usize,
    /// Earlier centres and the node selected there, for Backspace.
    pub history: Vec<(EventIx, usize)>,
}

impl GraphView {
    /// The graph centred on `centre`, the centre selected.
    pub fn new(dataset: &Dataset, centre: EventIx) -> Self {
        Self {
            hood: Neighbourhood::build(&dataset.graph, &dataset.index, centre),
            selected: 0,
            scroll: 0,
            history: Vec::new(),
        }
    }

    /// The selected node's event.
    pub fn selected(&self) -> EventIx {
        self.hood
            .nodes
            .get(self.selected)
            .map_or(self.hood.centre(), |n| n.event)
    }
}
