//! The search worker: one thread that runs the popup's searches off the input thread.
//! A newer request cancels an older one through a generation counter (television's
//! model); the first screenful is sent as soon as it is ranked (from a glimpse at the
//! shortest titles of a large scope, or from titles alone when they hold enough), then
//! every hit with the full count. A search a keystroke cancels leaves what it read: the
//! next query, when it narrows this one, reads only the matches so far and the records
//! not reached, and takes its glimpse from the last glimpse's matches, so that typing
//! fast gives most of each keystroke to the full pass. A panic fails the running
//! search (`Input::SearchFailed`) and the worker serves the next one.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use super::app::{MAX_HITS, Searched};
use super::input::{Input, supervised};
use crate::dataset::Dataset;
use crate::search::{Matches, Pass, Query};

/// Hits in the first answer: more than any screen shows.
const FIRST_SCREEN: usize = 60;
/// Records a glimpse reads before the whole scope (about 4 ms on one of two cores, so
/// that a busy machine still shows the first screenful within 16 ms): below that, the
/// first screenful is exact at once.
pub const GLIMPSE: usize = 1 << 16;
/// The most matches of a glimpse the next keystroke's glimpse reads again (in full, on
/// one core: about as long as a glimpse).
pub const AGAIN: usize = 1 << 12;
/// The worker's name in `Input::Crashed`.
pub const THREAD: &str = "search";
/// No search has this generation: storing it cancels whatever runs.
const NONE: u64 = 0;

/// The handle the runtime submits searches to.
#[derive(Debug)]
pub struct Worker {
    requests: Sender<(u64, String)>,
    latest: Arc<AtomicU64>,
}

impl Worker {
    /// Starts the thread on the explorer's first data (generation 0).
    pub fn spawn(dataset: Arc<Dataset>, out: Sender<Input>) -> Worker {
        Self::spawn_on(dataset, 0, out)
    }

    /// Starts the thread on the data of generation `data` (results say so); it builds the
    /// search index at once, so the first keystroke does not pay for it, and ends when
    /// the runtime is gone.
    pub fn spawn_on(dataset: Arc<Dataset>, data: u64, out: Sender<Input>) -> Worker {
        let (requests, rx) = mpsc::channel::<(u64, String)>();
        let latest = Arc::new(AtomicU64::new(NONE));
        let current = latest.clone();
        thread::spawn(move || {
            // The generation being searched, for the report of a panic.
            let running = AtomicU64::new(NONE);
            let report = out.clone();
            supervised(
                THREAD,
                &out,
                || serve(&dataset, data, &rx, &current, &running, &out),
                |message| {
                    let generation = running.load(Ordering::Relaxed);
                    let _ = report.send(Input::SearchFailed {
                        generation,
                        message: message.to_string(),
                    });
                },
            );
        });
        Worker { requests, latest }
    }

    /// Asks for a search; any older one still running stops.
    pub fn submit(&self, generation: u64, input: String) {
        self.latest.store(generation, Ordering::Relaxed);
        let _ = self.requests.send((generation, input));
    }

    /// Stops the running search, if any (the popup closed).
    pub fn cancel(&self) {
        self.latest.store(NONE, Ordering::Relaxed);
    }
}

/// Answers requests until the runtime is gone.
fn serve(
    dataset: &Dataset,
    data: u64,
    rx: &Receiver<(u64, String)>,
    current: &AtomicU64,
    running: &AtomicU64,
    out: &Sender<Input>,
) {
    let ix = dataset.search();
    // The last search's query and matches (or, cancelled, what it left to read), to
    // narrow the next one from.
    let mut last: Option<(Query, Vec<u32>)> = None;
    // The last glimpse's query and matches, for the next keystroke's first screenful.
    let mut glimpsed: Option<(Query, Vec<u32>)> = None;
    while let Ok(first) = rx.recv() {
        let Some((generation, input)) = std::iter::once(first).chain(rx.try_iter()).last() else {
            continue;
        };
        let cancelled = || current.load(Ordering::Relaxed) != generation;
        if cancelled() {
            continue;
        }
        running.store(generation, Ordering::Relaxed);
        test_hooks(&input);
        let q = Query::parse(&input);
        let within = last
            .as_ref()
            .filter(|(old, _)| q.narrows(old))
            .map(|(_, docs)| docs.as_slice());
        let send = |m: &Matches, limit: usize, partial: bool| {
            out.send(Input::Searched(Searched {
                generation,
                data,
                hits: m.rank(ix, &q, limit),
                total: m.total(),
                partial,
            }))
        };
        // The first screenful at once: from a glimpse at a large scope's shortest
        // titles (typing on, from the last glimpse's matches when they still fill a
        // screen: the full pass then starts at once), or from titles alone when they
        // hold enough (their count is then a lower bound), else from every match. After
        // a glimpse, the full count comes sooner without the titles pass.
        let large = ix.scope_size(&q, within) > GLIMPSE;
        let again = glimpsed
            .as_ref()
            .filter(|(old, docs)| {
                large && (FIRST_SCREEN..=AGAIN).contains(&docs.len()) && q.narrows(old)
            })
            .and_then(|(_, docs)| ix.glimpse_among(&q, docs, &cancelled))
            .filter(|m| m.total() >= FIRST_SCREEN);
        let glimpse = match again {
            Some(m) => Some(m),
            None if cancelled() => continue,
            None => ix.glimpse(&q, within, GLIMPSE, &cancelled),
        };
        if glimpse.is_none() && cancelled() {
            continue;
        }
        glimpsed = glimpse.as_ref().map(|m| (q.clone(), m.docs()));
        let first = match glimpse {
            Some(m) => Some(m),
            None => ix.first_screen(&q, within, FIRST_SCREEN, &cancelled),
        };
        if let Some(m) = &first
            && send(m, FIRST_SCREEN, true).is_err()
        {
            return;
        }
        let m = match ix.pass(&q, within, &cancelled) {
            Pass::Done(m) => m,
            // What it read stays read: the next keystroke, narrowing this query, searches
            // only its matches so far and the records it did not reach.
            Pass::Cancelled(left) => {
                last = Some((q, left));
                continue;
            }
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
}

/// Under test, two inputs misbehave on purpose: one panics, one is slow.
#[cfg(test)]
#[allow(clippy::panic)]
fn test_hooks(input: &str) {
    match input {
        "\u{0}panic" => panic!("a search worker panic, on purpose"),
        "\u{0}slow" => thread::sleep(std::time::Duration::from_millis(300)),
        _ => {}
    }
}

#[cfg(not(test))]
fn test_hooks(_: &str) {}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]

    use std::time::Duration;

    use super::*;
    use crate::load::Origin;

    fn worker() -> (Worker, Receiver<Input>) {
        let ds = Dataset::load(&Origin::Bundled).unwrap().unwrap();
        let (tx, rx) = mpsc::channel();
        (Worker::spawn_on(Arc::new(ds), 7, tx), rx)
    }

    /// The last answer for `generation`, skipping partial ones.
    fn answer(rx: &Receiver<Input>, generation: u64) -> Searched {
        loop {
            match rx.recv_timeout(Duration::from_secs(20)).unwrap() {
                Input::Searched(s) if s.generation == generation && !s.partial => return s,
                Input::Searched(s) if s.generation == generation => {}
                other => panic!("unexpected {other:?}"),
            }
        }
    }

    #[test]
    fn a_panicking_search_is_reported_and_the_worker_serves_the_next() {
        let (w, rx) = worker();
        w.submit(1, "\u{0}panic".to_string());
        let got = rx.recv_timeout(Duration::from_secs(20)).unwrap();
        let Input::SearchFailed {
            generation,
            message,
        } = got
        else {
            panic!("expected the failed search, got {got:?}");
        };
        assert_eq!(generation, 1);
        assert!(message.contains("on purpose"), "{message}");
        let got = rx.recv_timeout(Duration::from_secs(20)).unwrap();
        assert!(
            matches!(
                got,
                Input::Crashed {
                    thread: "search",
                    restarted: true,
                    ..
                }
            ),
            "{got:?}"
        );
        w.submit(2, "gouvernance".to_string());
        let s = answer(&rx, 2);
        assert!(s.total > 0);
        assert_eq!(s.data, 7, "a result says which data it was computed on");
    }

    #[test]
    fn cancel_stops_the_search_that_was_asked_for() {
        let (w, rx) = worker();
        // The worker is busy; the next request waits, and is cancelled meanwhile.
        w.submit(1, "\u{0}slow".to_string());
        std::thread::sleep(Duration::from_millis(50));
        w.submit(2, "gouvernance".to_string());
        w.cancel();
        std::thread::sleep(Duration::from_millis(700));
        assert!(rx.try_recv().is_err(), "nothing for the cancelled searches");
        w.submit(3, "Pékin".to_string());
        let s = answer(&rx, 3);
        assert!(s.total > 0);
    }
}
