//! The compare view's rows: two countries' events on one date axis, month by month (or
//! year, for dates known to the year), linked events of a month side by side on one row
//! (unlinked ones never share a row), events of both sides on rows of their own, and the
//! links that cross; the pairing inside one period is `compare::align`. No I/O.

use std::cmp::Ordering;

use crate::graph::{ActorIx, EventIx, Graph, LinkKind, PartialDate};
use crate::index::Index;

use self::align::align;

mod align;

/// A column of the compare view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    Left,
    Right,
}

impl Side {
    /// The other column.
    #[must_use]
    pub fn other(self) -> Self {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }
}

/// What a row of the date axis groups: a month, or a year for dates known to the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    pub year: i32,
    /// `None` for the events dated by year only; they come before the year's months.
    pub month: Option<u32>,
}

impl Period {
    /// The period of a date.
    pub fn of(d: PartialDate) -> Self {
        Self {
            year: d.year(),
            month: d.month(),
        }
    }
}

/// What one row holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cells {
    /// An event of each side, or of one side only.
    Pair {
        left: Option<EventIx>,
        right: Option<EventIx>,
    },
    /// An event involving both sides, drawn across both columns.
    Both(EventIx),
}

/// One row of the compare view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub period: Period,
    pub cells: Cells,
}

impl Row {
    /// The event in a column (an event of both sides is in both).
    pub fn at(&self, side: Side) -> Option<EventIx> {
        match (self.cells, side) {
            (Cells::Pair { left, .. }, Side::Left) => left,
            (Cells::Pair { right, .. }, Side::Right) => right,
            (Cells::Both(e), _) => Some(e),
        }
    }

    /// The event Enter opens with the cursor on `side`: that side's, else the other's.
    pub fn event(&self, side: Side) -> Option<EventIx> {
        self.at(side).or_else(|| self.at(side.other()))
    }
}

/// A link between an event of the left column and one of the right column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Crossing {
    pub left: EventIx,
    pub right: EventIx,
    pub kind: LinkKind,
    /// The left event holds the link ("left responds to right").
    pub left_holds: bool,
    pub left_row: usize,
    pub right_row: usize,
}

impl Crossing {
    /// The link read from the left event to the right one: "responds to", or
    /// "responded to by" when the right event holds it.
    pub fn label(&self) -> &'static str {
        if self.left_holds {
            self.kind.label()
        } else {
            self.kind.reverse_label()
        }
    }

    /// Both ends on the same row.
    pub fn is_level(&self) -> bool {
        self.left_row == self.right_row
    }
}

/// The compare view of two countries or blocs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Compare {
    pub rows: Vec<Row>,
    /// Every link between the two columns, in row order of its left end.
    pub crossings: Vec<Crossing>,
    /// For each row, the crossing its gutter shows: one on the row itself first.
    pub gutter: Vec<Option<usize>>,
    /// Rows where a new year begins.
    pub year_starts: Vec<usize>,
    /// Events of the left side only, of the right side only, and of both.
    pub counts: [usize; 3],
}

/// The two countries compared by default: China and the United States (ids `cn`, `us`)
/// when both are countries or blocs of the dataset, else the two with most events.
pub fn default_pair(g: &Graph, ix: &Index) -> Option<(ActorIx, ActorIx)> {
    let find = |id: &str| ix.countries.iter().copied().find(|&c| g.actor(c).id == id);
    match (find("cn"), find("us")) {
        (Some(cn), Some(us)) => Some((cn, us)),
        _ => match ix.countries.as_slice() {
            [a, b, ..] => Some((*a, *b)),
            _ => None,
        },
    }
}

impl Compare {
    /// Lays out `left` and `right` on one date axis. An event involving both (directly or
    /// through their people) gets a row of its own across both columns.
    pub fn build(g: &Graph, ix: &Index, left: ActorIx, right: ActorIx) -> Self {
        Self::build_where(g, ix, left, right, &|_| true)
    }

    /// As `build`, with only the events `keep` accepts (the explorer's filter).
    pub fn build_where(
        g: &Graph,
        ix: &Index,
        left: ActorIx,
        right: ActorIx,
        keep: &dyn Fn(EventIx) -> bool,
    ) -> Self {
        let pos = |e: &EventIx| ix.timeline_pos[e.ix()];
        let kept = |c: ActorIx| -> Vec<EventIx> {
            ix.events_of_country(c)
                .iter()
                .copied()
                .filter(|&e| keep(e))
                .collect()
        };
        let (ls, rs) = (kept(left), kept(right));
        // Merge the two timeline-ordered lists into (event, side) with `None` for both.
        let mut merged: Vec<(EventIx, Option<Side>)> = Vec::with_capacity(ls.len() + rs.len());
        let (mut li, mut ri) = (0, 0);
        while li < ls.len() || ri < rs.len() {
            let ord = match (ls.get(li), rs.get(ri)) {
                (Some(l), Some(r)) => pos(l).cmp(&pos(r)),
                (Some(_), None) => Ordering::Less,
                _ => Ordering::Greater,
            };
            match ord {
                Ordering::Less => {
                    merged.push((ls[li], Some(Side::Left)));
                    li += 1;
                }
                Ordering::Greater => {
                    merged.push((rs[ri], Some(Side::Right)));
                    ri += 1;
                }
                Ordering::Equal => {
                    merged.push((ls[li], None));
                    li += 1;
                    ri += 1;
                }
            }
        }
        let mut out = Self::default();
        let mut start = 0;
        while start < merged.len() {
            let period = Period::of(g.event(merged[start].0).date);
            let end = merged[start..]
                .iter()
                .position(|&(e, _)| Period::of(g.event(e).date) != period)
                .map_or(merged.len(), |n| start + n);
            out.push_period(g, period, &merged[start..end]);
            start = end;
        }
        out.find_crossings(g);
        out
    }

    /// Adds the rows of one period: the two columns aligned so that the most strongly
    /// linked events share rows (both columns stay in date order), then the rest zipped;
    /// events of both sides go in between, at their date.
    fn push_period(&mut self, g: &Graph, period: Period, events: &[(EventIx, Option<Side>)]) {
        let pick = |s: Option<Side>| -> Vec<EventIx> {
            events
                .iter()
                .filter(|&&(_, side)| side == s)
                .map(|&(e, _)| e)
                .collect()
        };
        let (ls, rs, both) = (pick(Some(Side::Left)), pick(Some(Side::Right)), pick(None));
        self.counts[0] += ls.len();
        self.counts[1] += rs.len();
        self.counts[2] += both.len();
        let pairs = align(g, &ls, &rs);
        if self
            .rows
            .last()
            .is_none_or(|r| r.period.year != period.year)
        {
            self.year_starts.push(self.rows.len());
        }
        let date = |e: EventIx| g.event(e).date;
        let mut shared = both.into_iter().peekable();
        for (l, r) in pairs {
            let key = [l, r].into_iter().flatten().map(date).min();
            while let Some(&b) = shared.peek() {
                if key.is_some_and(|k| date(b) >= k) {
                    break;
                }
                self.rows.push(Row {
                    period,
                    cells: Cells::Both(b),
                });
                shared.next();
            }
            self.rows.push(Row {
                period,
                cells: Cells::Pair { left: l, right: r },
            });
        }
        for b in shared {
            self.rows.push(Row {
                period,
                cells: Cells::Both(b),
            });
        }
    }

    /// Finds every link between the columns and what each row's gutter shows.
    fn find_crossings(&mut self, g: &Graph) {
        let mut row_of: std::collections::HashMap<EventIx, (usize, Side)> =
            std::collections::HashMap::new();
        for (i, row) in self.rows.iter().enumerate() {
            if let Cells::Pair { left, right } = row.cells {
                if let Some(l) = left {
                    row_of.insert(l, (i, Side::Left));
                }
                if let Some(r) = right {
                    row_of.insert(r, (i, Side::Right));
                }
            }
        }
        for (i, row) in self.rows.iter().enumerate() {
            let Cells::Pair { left, right } = row.cells else {
                continue;
            };
            for (e, side) in [(left, Side::Left), (right, Side::Right)] {
                let Some(e) = e else { continue };
                for l in &g.event(e).links {
                    let Some(&(j, other)) = row_of.get(&l.to) else {
                        continue;
                    };
                    if other == side {
                        continue;
                    }
                    let (left, right, left_row, right_row) = match side {
                        Side::Left => (e, l.to, i, j),
                        Side::Right => (l.to, e, j, i),
                    };
                    self.crossings.push(Crossing {
                        left,
                        right,
                        kind: l.kind,
                        left_holds: side == Side::Left,
                        left_row,
                        right_row,
                    });
                }
            }
        }
        self.crossings
            .sort_by_key(|c| (c.left_row, c.right_row, !c.left_holds));
        let mut gutter = vec![None; self.rows.len()];
        // Level links first, so that a row's own link wins over one reaching elsewhere.
        let mut order: Vec<usize> = (0..self.crossings.len()).collect();
        order.sort_by_key(|&k| !self.crossings[k].is_level());
        for k in order {
            let c = self.crossings[k];
            for row in [c.left_row, c.right_row] {
                if gutter[row].is_none() {
                    gutter[row] = Some(k);
                }
            }
        }
        self.gutter = gutter;
    }

    /// The first row at or after the date of `e`'s period, for opening the view near it.
    pub fn row_near(&self, g: &Graph, e: EventIx) -> usize {
        if let Some(i) = self
            .rows
            .iter()
            .position(|r| r.at(Side::Left) == Some(e) || r.at(Side::Right) == Some(e))
        {
            return i;
        }
        let p = Period::of(g.event(e).date);
        self.rows
            .partition_point(|r| r.period < p)
            .min(self.rows.len().saturating_sub(1))
    }

    /// The crossings that end at an event.
    pub fn crossings_of(&self, e: EventIx) -> impl Iterator<Item = &Crossing> {
        self.crossings
            .iter()
            .filter(move |c| c.left == e || c.right == e)
    }
}

#[cfg(test)]
mod tests;
