//! The search worker: one thread that runs the popup's searches off the input thread.
//! A newer request cancels an older one through a generation counter (television's
//! model); the first screenful is sent as soon as it is ranked (from titles alone when
//! they hold enough), then every hit with the full count.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Sender};
use std::thread;

use super::app::{MAX_HITS, Searched};
use super::input::Input;
use crate::dataset::Dataset;
use crate::search::{Matches, Query};

/// Hits in the first answer: more than any screen shows.
const FIRST_SCREEN: usize = 60;

/// The handle the runtime submits searches to.
#[derive(Debug)]
pub struct Worker {
    requests: Sender<(u64, String)>,
    latest: Arc<AtomicU64>,
}

impl Worker {
    /// Starts the thread; it builds the search index at once, so the first keystroke
    /// does not pay for it, and ends when the runtime is gone.
    pub fn spawn(dataset: Arc<Dataset>, out: Sender<Input>) -> Worker {
        let (requests, rx) = mpsc::channel::<(u64, String)>();
        let latest = Arc::new(AtomicU64::new(0));
        let current = latest.clone();
        thread::spawn(move || {
            let ix = dataset.search();
            // The last search's query and matches, to narrow the next one from.
            let mut last: Option<(Query, Vec<u32>)> = None;
            while let Ok(first) = rx.recv() {
                let Some((generation, input)) = std::iter::once(first).chain(rx.try_iter()).last()
                else {
                    continue;
                };
                let cancelled = || current.load(Ordering::Relaxed) != generation;
                if cancelled() {
                    continue;
                }
                let q = Query::parse(&input);
                let within = last
                    .as_ref()
                    .filter(|(old, _)| q.narrows(old))
                    .map(|(_, docs)| docs.as_slice());
                let send = |m: &Matches, limit: usize, partial: bool| {
                    out.send(Input::Searched(Searched {
                        generation,
                        hits: m.rank(ix, &q, limit),
                        total: m.total(),
                        partial,
                    }))
                };
                // The first screenful at once: from titles alone when they hold enough
                // (their count is then a lower bound), else from every match.
                let first = ix.first_screen(&q, within, FIRST_SCREEN, &cancelled);
                if let Some(m) = &first
                    && send(m, FIRST_SCREEN, true).is_err()
                {
                    return;
                }
                let Some(m) = ix.matches(&q, within, &cancelled) else {
                    continue;
                };
                // Then (unless a newer search came) every hit, with the full count.
                let more = m.total() > FIRST_SCREEN;
                if first.is_none() && send(&m, FIRST_SCREEN, more).is_err() {
                    return;
                }
                if (first.is_some() || more) && !cancelled() && send(&m, MAX_HITS, false).is_err() {
                    return;
                }
                last = Some((q, m.docs()));
            }
        });
        Worker { requests, latest }
    }

    /// Asks for a search; any older one still running stops.
    pub fn submit(&self, generation: u64, input: String) {
        self.latest.store(generation, Ordering::Relaxed);
        let _ = self.requests.send((generation, input));
    }
}
