//! The link graph's transitions: opening it on the selected event, moving between nodes,
//! re-centring with a history of centres, opening a node in the event pane. No I/O.

use super::super::action::Action;
use super::super::app::{App, GraphView};
use super::super::layout;
use super::super::neighbourhood::{Neighbourhood, Step};
use crate::dataset::Dataset;
use crate::graph::{Entity, EventIx};

impl App {
    /// Opens the graph on the event under the compare cursor, else the selected event.
    pub(super) fn open_graph(&mut self) {
        let centre = match &self.compare {
            Some(cv) => cv.selected(),
            None => self.selected_event(),
        };
        if let Some(e) = centre {
            self.graph = Some(GraphView::new(&self.dataset, e));
        }
    }

    /// An action in the graph.
    pub(super) fn update_graph(&mut self, action: Action) {
        let ds = self.dataset.clone();
        let body = self.panes().body;
        let Some(gv) = self.graph.as_mut() else {
            return;
        };
        let step = |s| gv.hood.step(gv.selected, s);
        match action {
            Action::ToggleGraph => self.graph = None,
            Action::MoveUp | Action::Scroll { down: false, .. } => gv.selected = step(Step::Up),
            Action::MoveDown | Action::Scroll { down: true, .. } => {
                gv.selected = step(Step::Down);
            }
            Action::MoveLeft => gv.selected = step(Step::Left),
            Action::MoveRight => gv.selected = step(Step::Right),
            Action::Top => gv.selected = 0,
            Action::Follow => {
                let e = gv.selected();
                if e != gv.hood.centre() {
                    gv.history.push((gv.hood.centre(), gv.selected));
                    gv.hood = Neighbourhood::build(&ds.graph, &ds.index, e);
                    gv.selected = 0;
                    gv.scroll = 0;
                }
            }
            Action::GoBack => {
                if let Some((centre, selected)) = gv.history.pop() {
                    gv.hood = Neighbourhood::build(&ds.graph, &ds.index, centre);
                    gv.selected = selected.min(gv.hood.nodes.len().saturating_sub(1));
                    gv.scroll = 0;
                }
            }
            Action::OpenEvent => {
                let e = gv.selected();
                self.open_event(e);
            }
            Action::Click { x, y } => {
                let geo = layout::graph::Geometry::new(body, gv);
                if let Some(i) = geo.node_at(gv, x, y) {
                    gv.selected = i;
                }
            }
            _ => {}
        }
    }

    /// After a reload: the graph on the same centre, the same node selected, the earlier
    /// centres that are still there, all by id; closed when the centre has gone.
    pub(super) fn keep_graph_by_id(&mut self, old: &Dataset) {
        let Some(gv) = self.graph.take() else {
            return;
        };
        let ds = self.dataset.clone();
        let find = |e: EventIx| match ds.graph.lookup(&old.graph.event(e).id) {
            Some(Entity::Event(n)) => Some(n),
            _ => None,
        };
        let Some(centre) = find(gv.hood.centre()) else {
            return;
        };
        let mut view = GraphView::new(&ds, centre);
        if let Some(sel) = find(gv.selected()) {
            view.selected = view
                .hood
                .nodes
                .iter()
                .position(|n| n.event == sel)
                .unwrap_or(0);
        }
        view.history = gv
            .history
            .iter()
            .filter_map(|&(c, _)| find(c).map(|c| (c, 0)))
            .collect();
        self.graph = Some(view);
    }

    /// Keeps the selected node in view.
    pub(super) fn keep_graph_in_view(&mut self) {
        // Laid out only while open: the layout wraps the quotes pane.
        if self.graph.is_none() {
            return;
        }
        let body = self.panes().body;
        if let Some(gv) = self.graph.as_mut() {
            gv.selected = gv.selected.min(gv.hood.nodes.len().saturating_sub(1));
            let geo = layout::graph::Geometry::new(body, gv);
            let slot = geo.slot(gv.selected);
            gv.scroll = super::scroll::scrolled(gv.scroll, slot, geo.visible_slots());
            gv.scroll = gv
                .scroll
                .min(geo.height(&gv.hood).saturating_sub(geo.visible_slots()));
        }
    }
}
