//! The link graph's layout: an event's neighbourhood two links deep, in five columns from
//! causes (left, earlier) to responses (right, later), each node in a slot of its column,
//! and how the selection moves between nodes. No I/O.

use std::collections::HashSet;

use crate::graph::{EventIx, Graph, LinkKind};
use crate::index::Index;

/// Columns: two steps back, one step back, the centre, one step on, two steps on.
pub const COLUMNS: usize = 5;
/// The centre's column.
pub const CENTRE: usize = 2;

/// A direction to move the selection in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Up,
    Down,
    Left,
    Right,
}

/// An event of the neighbourhood.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Node {
    pub event: EventIx,
    /// 0 to 4; the centre is in column 2.
    pub col: usize,
    /// Position in its column, from the top: a node's first child shares its slot.
    pub slot: usize,
    /// The node it was reached from (`None` for the centre).
    pub parent: Option<usize>,
    /// The link between this node and its parent, read from left to right as the screen
    /// is: from the parent on the right side ("followed up by" the node), from the node on
    /// the left side (it is "responded to by" the parent).
    pub label: &'static str,
    pub kind: Option<LinkKind>,
    /// This node holds the link to its parent (else the parent holds it).
    pub holds: bool,
}

impl Node {
    /// The link read from this node: "responds to" (it holds it) or "responded to by".
    pub fn relation(&self) -> Option<&'static str> {
        self.kind.map(|k| {
            if self.holds {
                k.label()
            } else {
                k.reverse_label()
            }
        })
    }
}

/// An event and its neighbours; `nodes[0]` is the centre.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Neighbourhood {
    pub nodes: Vec<Node>,
}

/// A neighbour of an event: the other event, the link, and the side it goes on.
struct Near {
    event: EventIx,
    kind: LinkKind,
    /// The event whose neighbour this is holds the link.
    holds: bool,
    left: bool,
}

impl Near {
    /// The link read from left to right: from the neighbour when it goes left, else from
    /// the event whose neighbour it is.
    fn label(&self) -> &'static str {
        if self.holds == self.left {
            self.kind.reverse_label()
        } else {
            self.kind.label()
        }
    }
}

/// The events linked to `e` either way, each once (its own links first), in date order,
/// with the side each goes on. What `e` responds to, follows up or is part of goes left;
/// what responds to, follows up or is part of `e` goes right; the symmetric kinds
/// (contrasts with, related to) go by date, earlier left.
fn neighbours(g: &Graph, ix: &Index, e: EventIx) -> Vec<Near> {
    let pos = |x: EventIx| ix.timeline_pos[x.ix()];
    let side = |other: EventIx, kind: LinkKind, holds: bool| {
        if kind.is_symmetric() {
            pos(other) < pos(e)
        } else {
            holds
        }
    };
    let own = g.event(e).links.iter().map(|l| Near {
        event: l.to,
        kind: l.kind,
        holds: true,
        left: side(l.to, l.kind, true),
    });
    let back = ix.backlinks[e.ix()].iter().map(|b| Near {
        event: b.from,
        kind: b.kind,
        holds: false,
        left: side(b.from, b.kind, false),
    });
    // A set, not a scan of `out`: an event may have thousands of links (a fan-in).
    let mut seen = HashSet::new();
    let mut out: Vec<Near> = Vec::new();
    for n in own.chain(back) {
        if n.event != e && seen.insert(n.event) {
            out.push(n);
        }
    }
    out.sort_by_key(|n| pos(n.event));
    out
}

impl Neighbourhood {
    /// The neighbourhood of `centre`: its neighbours one step away (column 1 or 3), and
    /// theirs that lead further the same way (column 0 or 4). A neighbour that leads back
    /// towards the centre is left out (it shows when its own event is the centre); each
    /// event appears once, at its first place.
    pub fn build(g: &Graph, ix: &Index, centre: EventIx) -> Self {
        let mut nodes = vec![Node {
            event: centre,
            col: CENTRE,
            slot: 0,
            parent: None,
            label: "",
            kind: None,
            holds: false,
        }];
        let first = neighbours(g, ix, centre);
        let mut placed: HashSet<EventIx> = first.iter().map(|n| n.event).collect();
        placed.insert(centre);
        for n in &first {
            nodes.push(Node {
                event: n.event,
                col: if n.left { CENTRE - 1 } else { CENTRE + 1 },
                slot: 0,
                parent: Some(0),
                label: n.label(),
                kind: Some(n.kind),
                holds: !n.holds,
            });
        }
        let depth1 = nodes.len();
        for p in 1..depth1 {
            let outward_left = nodes[p].col < CENTRE;
            for n in neighbours(g, ix, nodes[p].event) {
                if n.left != outward_left || !placed.insert(n.event) {
                    continue;
                }
                nodes.push(Node {
                    event: n.event,
                    col: if outward_left { 0 } else { COLUMNS - 1 },
                    slot: 0,
                    parent: Some(p),
                    label: n.label(),
                    kind: Some(n.kind),
                    holds: !n.holds,
                });
            }
        }
        // Slots: each first-step node heads a band as tall as its children.
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); depth1];
        for (i, n) in nodes.iter().enumerate().skip(depth1) {
            if let Some(c) = n.parent.and_then(|p| children.get_mut(p)) {
                c.push(i);
            }
        }
        for side in [CENTRE - 1, CENTRE + 1] {
            let mut next = 0;
            for p in 1..depth1 {
                if nodes[p].col != side {
                    continue;
                }
                nodes[p].slot = next;
                for (k, &c) in children[p].iter().enumerate() {
                    nodes[c].slot = next + k;
                }
                next += children[p].len().max(1);
            }
        }
        Self { nodes }
    }

    /// The centre's event.
    pub fn centre(&self) -> EventIx {
        self.nodes[0].event
    }

    /// Slots from the top to the bottom of the tallest column.
    pub fn height(&self) -> usize {
        self.nodes.iter().map(|n| n.slot + 1).max().unwrap_or(1)
    }

    /// Nodes of a column, top to bottom.
    pub fn column(&self, col: usize) -> Vec<usize> {
        let mut v: Vec<usize> = (0..self.nodes.len())
            .filter(|&i| self.nodes[i].col == col)
            .collect();
        v.sort_by_key(|&i| self.nodes[i].slot);
        v
    }

    /// The node under `from` in direction `step`: up and down within the column; towards
    /// the centre to the parent, away from it to the first child, else to the nearest
    /// slot of that column. Stays put at an edge.
    pub fn step(&self, from: usize, step: Step) -> usize {
        let Some(n) = self.nodes.get(from) else {
            return 0;
        };
        match step {
            Step::Up | Step::Down => {
                let col = self.column(n.col);
                let at = col.iter().position(|&i| i == from).unwrap_or(0);
                let to = if step == Step::Up {
                    at.checked_sub(1)
                } else {
                    Some(at + 1)
                };
                to.and_then(|t| col.get(t).copied()).unwrap_or(from)
            }
            Step::Left | Step::Right => {
                let to_col = if step == Step::Left {
                    n.col.checked_sub(1)
                } else {
                    Some(n.col + 1).filter(|&c| c < COLUMNS)
                };
                let Some(to_col) = to_col else {
                    return from;
                };
                if let Some(p) = n.parent.filter(|&p| self.nodes[p].col == to_col) {
                    return p;
                }
                let col = self.column(to_col);
                if let Some(&c) = col.iter().find(|&&c| self.nodes[c].parent == Some(from)) {
                    return c;
                }
                col.iter()
                    .copied()
                    .min_by_key(|&c| self.nodes[c].slot.abs_diff(n.slot))
                    .unwrap_or(from)
            }
        }
    }
}

#[cfg(test)]
mod tests;
