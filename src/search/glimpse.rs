//! The glimpse: at 1M records a first screenful from the records with the shortest
//! names and titles (what most likely ranks first), before every record is read. No I/O.

use super::SearchIndex;
use super::cores::on_every_core;
use super::query::Query;
use super::rank::Matches;
use super::scan::kind_ok;
use crate::graph::to_u32;

impl SearchIndex {
    /// The `n` records of `docs` with the shortest names and titles (the first of them
    /// for the longest length kept), in the order of `docs`: two passes, no sort.
    pub(super) fn shortest(&self, docs: &[u32], n: usize) -> Vec<u32> {
        let len = |d: u32| self.short.get(d as usize).copied().unwrap_or(u8::MAX);
        let mut counts = [0usize; 256];
        for &d in docs {
            counts[usize::from(len(d))] += 1;
        }
        // The longest length kept, and how many records of it fit.
        let (mut at, mut below) = (0usize, 0usize);
        while at < 255 && below + counts[at] < n {
            below += counts[at];
            at += 1;
        }
        let mut room = n.saturating_sub(below);
        let mut out = Vec::with_capacity(n);
        for &d in docs {
            let l = usize::from(len(d));
            if l < at || (l == at && room > 0) {
                if l == at {
                    room -= 1;
                }
                out.push(d);
            }
        }
        out
    }

    /// The `n` records of `within` (else of the kinds `q` searches) with the shortest
    /// names and titles, as [`SearchIndex::shortest`] picks them, in index order; from
    /// every record, read off the order kept for it (no pass over them all).
    pub(super) fn shortest_in(&self, q: &Query, within: Option<&[u32]>, n: usize) -> Vec<u32> {
        if let Some(docs) = within {
            return self.shortest(docs, n);
        }
        let mut part: Vec<u32> = self
            .by_short
            .iter()
            .copied()
            .filter(|&d| kind_ok(q, &self.docs[d as usize]))
            .take(n)
            .collect();
        part.sort_unstable();
        part
    }

    /// Every record, shortest name or title first (ties in index order).
    pub(super) fn order_by_short(&self) -> Vec<u32> {
        let mut starts = [0usize; 257];
        for &l in &self.short {
            starts[usize::from(l) + 1] += 1;
        }
        for l in 1..257 {
            starts[l] += starts[l - 1];
        }
        let mut out = vec![0u32; self.short.len()];
        for (d, &l) in self.short.iter().enumerate() {
            out[starts[usize::from(l)]] = to_u32(d);
            starts[usize::from(l)] += 1;
        }
        out
    }

    /// A first screenful at once from a large scope: the records among its `slice` with
    /// the shortest names and titles where every word matches closely in a name, title,
    /// alias or date (as [`SearchIndex::first_screen`] reads them), however few; when
    /// none does, every match among the shortest sixteenth of those (typos not
    /// corrected: that would read every record). `None` when the scope holds no more than
    /// `slice` records (the whole search is then as quick), when nothing was found, or
    /// when `cancelled`. Its count is a lower bound and its ranking may change once every
    /// record is read.
    pub fn glimpse(
        &self,
        q: &Query,
        within: Option<&[u32]>,
        slice: usize,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Matches> {
        if q.is_empty() {
            return None;
        }
        if self.scope_size(q, within) <= slice {
            return None;
        }
        let part = self.shortest_in(q, within, slice);
        let (mut cands, _) = on_every_core(&part, |c| self.scan(q, c, true, cancelled)).ok()?;
        if cands.is_empty() {
            let part = self.shortest_in(q, within, slice / 16);
            (cands, _) = on_every_core(&part, |c| self.scan(q, c, false, cancelled)).ok()?;
        }
        (!cands.is_empty()).then(|| Matches::new(cands, q.clone(), None))
    }

    /// A glimpse for a query narrowing the query of an earlier glimpse, from that
    /// glimpse's matches (`docs`, a few thousand at most) alone: those of them that
    /// match, read in full (no pass over a large scope, so the keystroke's full pass
    /// starts at once). Each was among the shortest of the wider scope, so it is among
    /// the shortest of the narrower one; never a record that does not match. `None` when
    /// none matches, or when `cancelled`.
    pub fn glimpse_among(
        &self,
        q: &Query,
        docs: &[u32],
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Matches> {
        if q.is_empty() {
            return None;
        }
        let (cands, _) = on_every_core(docs, |c| self.scan(q, c, false, cancelled)).ok()?;
        (!cands.is_empty()).then(|| Matches::new(cands, q.clone(), None))
    }

    /// How many records a search of `q` reads: `within`, else every record of its kinds.
    pub fn scope_size(&self, q: &Query, within: Option<&[u32]>) -> usize {
        within.map_or_else(|| self.scope_len(q), <[u32]>::len)
    }
}
