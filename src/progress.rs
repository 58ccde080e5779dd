//! How far a long load has got: counters the pipeline advances (from any thread) and a
//! front end reads to draw a progress line. Nothing here draws, reads the clock or does
//! I/O; a load without a `Progress` pays nothing.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, Ordering};

/// The step a load is at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Reading,
    Parsing,
    Validating,
    Indexing,
    /// Decoding the load cache.
    Cached,
}

impl Stage {
    const ALL: [Stage; 5] = [
        Stage::Reading,
        Stage::Parsing,
        Stage::Validating,
        Stage::Indexing,
        Stage::Cached,
    ];

    /// The step in words, for a progress line.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Reading => "reading",
            Stage::Parsing => "parsing",
            Stage::Validating => "checking",
            Stage::Indexing => "indexing",
            Stage::Cached => "reading the cache",
        }
    }
}

/// Shared progress of one load: the stage, bytes done of a total, and the file at hand.
#[derive(Debug, Default)]
pub struct Progress {
    stage: AtomicU8,
    done: AtomicU64,
    total: AtomicU64,
    finished: AtomicBool,
    file: Mutex<String>,
}

/// What a front end shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    pub stage: Stage,
    pub done: u64,
    pub total: u64,
    /// The file being read, as it may be printed.
    pub file: String,
}

impl Progress {
    /// Starts a stage of `total` bytes (0 when it has no measure).
    pub fn stage(&self, stage: Stage, total: u64) {
        let at = Stage::ALL.iter().position(|s| *s == stage).unwrap_or(0);
        self.stage
            .store(u8::try_from(at).unwrap_or(0), Ordering::Relaxed);
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
    }

    /// Counts `bytes` more done.
    pub fn advance(&self, bytes: u64) {
        self.done.fetch_add(bytes, Ordering::Relaxed);
    }

    /// Names the file at hand.
    pub fn file(&self, name: &str) {
        if let Ok(mut f) = self.file.lock() {
            name.clone_into(&mut f);
        }
    }

    /// Marks the load over (loaded or failed).
    pub fn finish(&self) {
        self.finished.store(true, Ordering::Release);
    }

    /// Whether the load is over.
    pub fn is_finished(&self) -> bool {
        self.finished.load(Ordering::Acquire)
    }

    /// The state now.
    pub fn snapshot(&self) -> Snapshot {
        let at = usize::from(self.stage.load(Ordering::Relaxed));
        Snapshot {
            stage: Stage::ALL.get(at).copied().unwrap_or(Stage::Reading),
            done: self.done.load(Ordering::Relaxed),
            total: self.total.load(Ordering::Relaxed),
            file: self.file.lock().map(|f| f.clone()).unwrap_or_default(),
        }
    }
}

/// Advances `p` when there is one.
pub fn advance(p: Option<&Progress>, bytes: usize) {
    if let Some(p) = p {
        p.advance(bytes as u64);
    }
}

/// Starts a stage of `p` when there is one.
pub fn stage(p: Option<&Progress>, stage: Stage, total: usize) {
    if let Some(p) = p {
        p.stage(stage, total as u64);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_reset_the_count_and_threads_add_up() {
        let p = Progress::default();
        p.stage(Stage::Parsing, 100);
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| advance(Some(&p), 10));
            }
        });
        p.file("a.toml");
        let snap = p.snapshot();
        assert_eq!(
            (snap.stage, snap.done, snap.total, snap.file.as_str()),
            (Stage::Parsing, 40, 100, "a.toml")
        );
        p.stage(Stage::Validating, 0);
        assert_eq!(p.snapshot().done, 0);
        assert!(!p.is_finished());
        p.finish();
        assert!(p.is_finished());
    }
}
