//! Live reload: watches the `--data` file or directory and, once a burst of changes has
//! settled, loads and checks the dataset again on its own thread, sending the new data
//! or its problems to the loop. The input thread never waits for a reload.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread;
use std::time::Duration;

use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use super::input::Input;
use crate::dataset::Dataset;
use crate::diagnostic::{self, Severity, Style};
use crate::load::Origin;

/// Quiet time after the last change before reloading: one save is often several events
/// (write, rename, chmod), and a formatter may save again right after.
const SETTLE: Duration = Duration::from_millis(120);
/// Diagnostics kept for the problems panel (the count says how many there were).
const MAX_SHOWN: usize = 50;

/// What a reload gave.
#[derive(Debug)]
pub enum Reload {
    /// The data is valid: show it.
    Loaded(Box<Dataset>),
    /// The data has errors or cannot be read: keep the last good data, show these.
    Failed(Problems),
}

/// Why the last reload was refused, as shown in the problems panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems {
    /// One line: how many errors, and where.
    pub summary: String,
    /// The diagnostics as `aigov check` prints them, without colour (`file:line:col`
    /// first), a line each.
    pub lines: Vec<String>,
}

/// The watcher; watching stops when it is dropped.
pub struct Watch {
    _watcher: RecommendedWatcher,
}

impl std::fmt::Debug for Watch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Watch")
    }
}

/// Starts watching `path` (a file or a directory); reloads go to `out` as
/// `Input::Reloaded`.
pub fn spawn(path: &Path, out: Sender<Input>) -> notify::Result<Watch> {
    let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let is_dir = path.is_dir();
    // Editors save by writing a new file and renaming it over the old one, which a
    // watch on the file itself loses: watch its directory and keep its own events.
    let (dir, mode) = if is_dir {
        (path.clone(), RecursiveMode::Recursive)
    } else {
        let parent = path
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        (parent, RecursiveMode::NonRecursive)
    };
    let (changed, rx) = mpsc::channel::<()>();
    let target = path.clone();
    let mut watcher = notify::recommended_watcher(move |ev: notify::Result<Event>| {
        if ev.is_ok_and(|ev| concerns(&ev, &target, is_dir)) {
            let _ = changed.send(());
        }
    })?;
    watcher.watch(&dir, mode)?;
    let origin = Origin::Path(path);
    thread::spawn(move || {
        while rx.recv().is_ok() {
            // Wait for the burst to settle; stop when the watcher is gone.
            loop {
                match rx.recv_timeout(SETTLE) {
                    Ok(()) => {}
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
            if out.send(Input::Reloaded(reload(&origin))).is_err() {
                return;
            }
        }
    });
    Ok(Watch { _watcher: watcher })
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
                // moved in or out. Editors' swap and backup files are left out.
                p.extension().is_none_or(|e| e == "toml")
            } else {
                p.file_name() == target.file_name()
            }
        })
}

/// Loads and checks the dataset again.
pub fn reload(origin: &Origin) -> Reload {
    match Dataset::load(origin) {
        Ok(Ok(ds)) => Reload::Loaded(Box::new(ds)),
        Err(e) => Reload::Failed(Problems {
            summary: "the data cannot be read".to_string(),
            lines: vec![e.to_string()],
        }),
        Ok(Err(checked)) => {
            let errors: Vec<_> = checked
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .collect();
            let mut lines = Vec::new();
            for d in errors.iter().take(MAX_SHOWN) {
                let text = diagnostic::render(&checked.files, d, Style { color: false });
                lines.extend(text.lines().map(str::to_string));
                lines.push(String::new());
            }
            lines.pop();
            Reload::Failed(Problems {
                summary: crate::text::plural(errors.len(), "error"),
                lines,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]

    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("aigov-watch-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_reload_gives_the_data_or_the_errors_with_their_place() {
        let dir = temp_dir("reload");
        let file = dir.join("one.toml");
        std::fs::write(
            &file,
            "[[actor]]\nid = \"cn\"\nname = \"China\"\nkind = \"country\"\n",
        )
        .unwrap();
        let origin = Origin::Path(dir.clone());
        assert!(matches!(reload(&origin), Reload::Loaded(_)));
        std::fs::write(
            &file,
            "[[actor]]\nid = \"cn\"\nname = \"China\"\nkind = \"contry\"\n",
        )
        .unwrap();
        let Reload::Failed(p) = reload(&origin) else {
            panic!("a bad kind must fail");
        };
        assert_eq!(p.summary, "1 error");
        assert!(p.lines[0].contains("one.toml:4:8: error"), "{:?}", p.lines);
        std::fs::remove_dir_all(&dir).unwrap();
        let Reload::Failed(p) = reload(&origin) else {
            panic!("a missing directory must fail");
        };
        assert!(p.lines[0].contains("no such file"), "{:?}", p.lines);
    }

    #[test]
    fn a_save_is_seen_and_settles_into_one_reload() {
        let dir = temp_dir("save");
        let file = dir.join("one.toml");
        let good = "[[actor]]\nid = \"cn\"\nname = \"China\"\nkind = \"country\"\n";
        std::fs::write(&file, good).unwrap();
        let (tx, rx) = mpsc::channel();
        let _watch = spawn(&dir, tx).unwrap();
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
}
