//! What a reload of the data gives: the new dataset, or the problems that keep the last
//! good data on screen (the diagnostics as `aigov check` prints them). Live reload
//! (`tui::watch`) runs it on its own thread; the state takes it in (`update::reload`).

use std::path::PathBuf;

use crate::dataset::Dataset;
use crate::diagnostic::{self, Severity, Style};
use crate::load::Origin;

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

/// Loads and checks the dataset again.
pub fn reload(origin: &Origin) -> Reload {
    reload_cached(origin, None)
}

/// [`reload`] with the load cache in `cache_dir`, if any.
pub fn reload_cached(origin: &Origin, cache_dir: Option<PathBuf>) -> Reload {
    match Dataset::load_cached(origin, cache_dir) {
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
pub(super) mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]

    use super::*;

    /// An empty directory of this process for test `name` (live reload's tests too).
    pub(in crate::tui) fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("aigov-reload-{name}-{}", std::process::id()));
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
}
