//! Running a scan on every core: the records cut in one part a core, the parts' finds
//! joined in order, or what they read when cancelled; and the allocators of those threads
//! tidied once the index is built. No I/O.

use super::rank::Cand;

/// Below this many records one core does it all.
pub(super) const PARALLEL_FROM: usize = 20_000;

/// What [`SearchIndex::scan`](super::SearchIndex::scan) found among some records.
pub(super) struct Scanned {
    pub cands: Vec<Cand>,
    /// The words matched better than loosely.
    pub seen: u64,
    /// How many of the records were read: fewer than all when cancelled.
    pub read: usize,
}

/// Makes the allocator of each thread a search will run on tidy up now: with glibc, the
/// first sizeable allocation in an arena merges every small block freed there (the
/// loader's and the index build's millions: half a second at 1M, paid by the first
/// keystroke before this). Threads ending give their arenas back to be reused by the next
/// ones, so threads spawned as [`on_every_core`] spawns them take the arenas a search
/// will take.
pub(super) fn settle_allocators() {
    let sizeable = || std::hint::black_box(Vec::<u8>::with_capacity(16 << 10));
    drop(sizeable());
    let workers = std::thread::available_parallelism().map_or(1, usize::from);
    // All alive at once, as a search's are: each takes an arena of its own.
    let together = std::sync::Barrier::new(workers);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                let v = sizeable();
                together.wait();
                drop(v);
            });
        }
    });
}

/// Runs `scan` over `docs` split across the cores (on one below [`PARALLEL_FROM`]) and
/// joins the candidates in order with the words seen; when any part was cancelled, the
/// records a narrower query is to be searched among instead (see [`Pass::Cancelled`](super::Pass::Cancelled)).
pub(super) fn on_every_core(
    docs: &[u32],
    scan: impl Fn(&[u32]) -> Scanned + Sync,
) -> Result<(Vec<Cand>, u64), Vec<u32>> {
    let workers = std::thread::available_parallelism().map_or(1, usize::from);
    let parts: Vec<(&[u32], Scanned)> = if docs.len() < PARALLEL_FROM || workers < 2 {
        vec![(docs, scan(docs))]
    } else {
        let part = docs.len().div_ceil(workers);
        let scan = &scan;
        std::thread::scope(|s| {
            let handles: Vec<_> = docs
                .chunks(part)
                .map(|chunk| (chunk, s.spawn(move || scan(chunk))))
                .collect();
            handles
                .into_iter()
                // A part's panic is the search's (its worker reports it).
                .map(|(chunk, h)| {
                    (
                        chunk,
                        h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)),
                    )
                })
                .collect()
        })
    };
    if parts.iter().any(|(chunk, p)| p.read < chunk.len()) {
        let mut left = Vec::new();
        for (chunk, p) in parts {
            left.extend(p.cands.iter().map(|c| c.doc));
            left.extend_from_slice(&chunk[p.read..]);
        }
        return Err(left);
    }
    let mut out = Vec::with_capacity(parts.iter().map(|(_, p)| p.cands.len()).sum());
    let mut seen = 0;
    for (_, p) in parts {
        out.extend(p.cands);
        seen |= p.seen;
    }
    Ok((out, seen))
}
