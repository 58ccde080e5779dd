//! Live reload: watches the `--data` file or directory and, once a burst of changes has
//! settled, loads and checks the dataset again on its own thread, sending the new data
//! or its problems to the loop. The input thread never waits for a reload.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, Weak};
use std::thread;
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode, ModifyKind};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use super::input::Input;
use super::reload::{Problems, Reload, reload_cached};
use crate::load::Origin;

/// Quiet time after the last change before reloading: one save is often several events
/// (write, rename, chmod), and a formatter may save again right after.
const SETTLE: Duration = Duration::from_millis(120);

/// The watcher; watching stops when it is dropped.
pub struct Watch {
    _watcher: Arc<Mutex<RecommendedWatcher>>,
}

impl std::fmt::Debug for Watch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Watch")
    }
}

/// What the watch thread hears: a change, or the end of a load it started.
enum Heard {
    Changed,
    /// The watched directory itself went (deleted or moved away): its watch is gone.
    Lost,
    Loaded(u64, Reload),
}

/// A load that has not ended after this long is left behind (a read that blocks) and the
/// next change starts a new one; its late result is dropped.
#[cfg(not(test))]
const STUCK: Duration = Duration::from_secs(5);
#[cfg(test)]
const STUCK: Duration = Duration::from_millis(800);

/// Starts watching `path` (a file or a directory); reloads (with the load cache in
/// `cache_dir`, if any) go to `out` as `Input::Reloaded`.
pub fn spawn(path: &Path, cache_dir: Option<PathBuf>, out: Sender<Input>) -> notify::Result<Watch> {
    let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let is_dir = path.is_dir();
    let parent = path
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let (heard, rx) = mpsc::channel::<Heard>();
    let target = path.clone();
    let tx = heard.clone();
    let mut watcher = notify::recommended_watcher(move |ev: notify::Result<Event>| {
        // An error (a watch lost, a queue overflow) may hide a change: reload to be sure.
        match ev {
            Ok(ev) if is_dir && lost(&ev, &target) => {
                let _ = tx.send(Heard::Lost);
            }
            Ok(ev) if !concerns(&ev, &target, is_dir) => {}
            _ => {
                let _ = tx.send(Heard::Changed);
            }
        }
    })?;
    // Editors save by writing a new file and renaming it over the old one, which a
    // watch on the file itself loses: watch its directory and keep its own events. A
    // watched directory is watched from its parent too, so that when it is deleted and
    // made again its watch is set up again.
    watcher.watch(&parent, RecursiveMode::NonRecursive)?;
    if is_dir {
        watcher.watch(&path, RecursiveMode::Recursive)?;
    }
    let watcher = Arc::new(Mutex::new(watcher));
    let rearm = (is_dir, Arc::downgrade(&watcher), path.clone());
    let origin = Origin::Path(path);
    thread::spawn(move || {
        let report = out.clone();
        super::input::supervised(
            "live reload",
            &report,
            || settle_and_load(&rx, &heard, &origin, cache_dir.as_deref(), &rearm, &out),
            |_| {},
        );
    });
    Ok(Watch { _watcher: watcher })
}

/// The watch thread: waits for a burst of changes to settle, then loads on a thread of
/// its own, so that neither a slow or blocked read nor a panic stops live reload. Ends
/// when the watcher or the loop is gone.
fn settle_and_load(
    rx: &Receiver<Heard>,
    heard: &Sender<Heard>,
    origin: &Origin,
    cache_dir: Option<&Path>,
    (is_dir, watcher, root): &(bool, Weak<Mutex<RecommendedWatcher>>, PathBuf),
    out: &Sender<Input>,
) {
    let mut dirty: Option<Instant> = None;
    let mut loading: Option<(u64, Instant)> = None;
    let mut started = 0u64;
    let mut armed = true;
    loop {
        let wait = match (dirty, loading) {
            (Some(at), _) => SETTLE.saturating_sub(at.elapsed()),
            (None, Some((_, at))) => STUCK.saturating_sub(at.elapsed()),
            (None, None) => Duration::from_secs(3600),
        };
        match rx.recv_timeout(wait) {
            Ok(Heard::Changed) => dirty = Some(Instant::now()),
            Ok(Heard::Lost) => {
                armed = false;
                dirty = Some(Instant::now());
            }
            Ok(Heard::Loaded(n, reload)) => {
                if loading.is_some_and(|(m, _)| m == n) {
                    loading = None;
                }
                // A load left behind as stuck may still end: only the newest counts.
                if n == started && out.send(Input::Reloaded(reload)).is_err() {
                    return;
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
        let settled = dirty.is_some_and(|at| at.elapsed() >= SETTLE);
        let free = loading.is_none_or(|(_, at)| at.elapsed() >= STUCK);
        if !(settled && free) {
            continue;
        }
        dirty = None;
        if *is_dir {
            let Some(watcher) = watcher.upgrade() else {
                return;
            };
            armed = rearm(&watcher, root, armed);
        }
        started += 1;
        loading = Some((started, Instant::now()));
        let (n, origin, back) = (started, origin.clone(), heard.clone());
        let cache_dir = cache_dir.map(Path::to_path_buf);
        thread::spawn(move || {
            let load = || reload_cached(&origin, cache_dir);
            let reload = std::panic::catch_unwind(load).unwrap_or_else(|p| {
                let message = super::terminal::take_panic()
                    .unwrap_or_else(|| super::terminal::panic_message(&*p));
                Reload::Failed(Problems {
                    summary: "the reload failed".to_string(),
                    lines: vec![format!("aigov panicked while loading: {message}")],
                })
            });
            let _ = back.send(Heard::Loaded(n, reload));
        });
    }
}

/// Watches the data directory again when it was deleted and is back (a watch follows the
/// directory it was set on, not its name). Returns whether it is watched.
fn rearm(watcher: &Mutex<RecommendedWatcher>, root: &Path, armed: bool) -> bool {
    let Ok(mut w) = watcher.lock() else {
        return armed;
    };
    if !root.is_dir() {
        let _ = w.unwatch(root);
        return false;
    }
    if !armed {
        let _ = w.unwatch(root);
        return w.watch(root, RecursiveMode::Recursive).is_ok();
    }
    true
}
/// Whether an event says that the watched directory `root` itself went away.
fn lost(ev: &Event, root: &Path) -> bool {
    matches!(
        ev.kind,
        EventKind::Remove(_) | EventKind::Modify(ModifyKind::Name(_))
    ) && ev.paths.iter().any(|p| p == root)
}

/// Whether a file-system event can change the dataset at `target`.
fn concerns(ev: &Event, target: &Path, is_dir: bool) -> bool {
    let kind_matters = match ev.kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    };
    kind_matters
        && ev.paths.iter().any(|p| {
            if is_dir {
                // A TOML file, or something without an extension: maybe a directory
                // moved in or out. Editors' swap and backup files are left out, and so
                // is the rest of the parent directory.
                p.starts_with(target) && p.extension().is_none_or(|e| e == "toml")
            } else {
                p.file_name() == target.file_name()
            }
        })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]

    use super::*;
    use crate::tui::reload::tests::temp_dir;

    #[test]
    fn a_save_is_seen_and_settles_into_one_reload() {
        let dir = temp_dir("save");
        let file = dir.join("one.toml");
        let good = "[[actor]]\nid = \"cn\"\nname = \"China\"\nkind = \"country\"\n";
        std::fs::write(&file, good).unwrap();
        let (tx, rx) = mpsc::channel();
        let _watch = spawn(&dir, None, tx).unwrap();
        // A save as editors do it: a new file renamed over the old one, then a burst.
        let tmp = dir.join(".one.toml.swp");
        std::fs::write(&tmp, good.replace("China", "PRC")).unwrap();
        std::fs::rename(&tmp, &file).unwrap();
        let got = rx.recv_timeout(Duration::from_secs(10)).unwrap();
        let Input::Reloaded(Reload::Loaded(ds)) = got else {
            panic!("expected a reload, got {got:?}");
        };
        assert_eq!(ds.graph.actors[0].name, "PRC");
        // One save, one reload.
        assert!(rx.recv_timeout(SETTLE * 4).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// Waits for the next reload that gave data, skipping refused ones.
    fn next_loaded(rx: &mpsc::Receiver<Input>) -> Box<crate::dataset::Dataset> {
        loop {
            match rx.recv_timeout(Duration::from_secs(20)).unwrap() {
                Input::Reloaded(Reload::Loaded(ds)) => return ds,
                Input::Reloaded(Reload::Failed(_)) => {}
                other => panic!("unexpected {other:?}"),
            }
        }
    }

    const GOOD: &str = "[[actor]]\nid = \"cn\"\nname = \"China\"\nkind = \"country\"\n";

    #[test]
    fn a_folder_deleted_and_made_again_is_watched_again() {
        let dir = temp_dir("rearm");
        std::fs::write(dir.join("one.toml"), GOOD).unwrap();
        let (tx, rx) = mpsc::channel();
        let _watch = spawn(&dir, None, tx).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        // The refusal (the folder is gone) comes first.
        let got = rx.recv_timeout(Duration::from_secs(20)).unwrap();
        assert!(matches!(got, Input::Reloaded(Reload::Failed(_))), "{got:?}");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("one.toml"), GOOD.replace("China", "PRC")).unwrap();
        assert_eq!(next_loaded(&rx).graph.actors[0].name, "PRC");
        // And the new folder's files are watched: a later save is seen.
        std::thread::sleep(SETTLE * 3);
        std::fs::write(dir.join("one.toml"), GOOD.replace("China", "RPC")).unwrap();
        assert_eq!(next_loaded(&rx).graph.actors[0].name, "RPC");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_fifo_in_the_folder_never_stops_live_reload() {
        let dir = temp_dir("fifo");
        std::fs::write(dir.join("one.toml"), GOOD).unwrap();
        let (tx, rx) = mpsc::channel();
        let _watch = spawn(&dir, None, tx).unwrap();
        let fifo = dir.join("pipe.toml");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        // A load may refuse the FIFO or wait on it; either way, once it is gone, a save
        // is loaded (a stuck load is left behind).
        std::thread::sleep(SETTLE * 3);
        std::fs::remove_file(&fifo).unwrap();
        std::thread::sleep(STUCK + SETTLE);
        std::fs::write(dir.join("one.toml"), GOOD.replace("China", "PRC")).unwrap();
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        loop {
            assert!(
                std::time::Instant::now() < deadline,
                "no reload after the FIFO"
            );
            if next_loaded(&rx).graph.actors[0].name == "PRC" {
                break;
            }
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
