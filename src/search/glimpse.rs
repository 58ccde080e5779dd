//! The glimpse: at 1M records a first screenful from the records with the shortest
//! names and titles (what most likely ranks first), before every record is read. No I/O.

use super::SearchIndex;
use super::query::Query;
use super::rank::Matches;
use super::scan::on_every_core;

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
        let docs = self.scope(q, within);
        if docs.len() <= slice {
            return None;
        }
        let part = self.shortest(&docs, slice);
        let (mut cands, _) = on_every_core(&part, |c| self.scan(q, c, true, cancelled)).ok()?;
        if cands.is_empty() {
            let part = self.shortest(&docs, slice / 16);
            (cands, _) = on_every_core(&part, |c| self.scan(q, c, false, cancelled)).ok()?;
        }
        (!cands.is_empty()).then(|| Matches::new(cands, q.clone(), None))
    }
}
