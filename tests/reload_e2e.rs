//! The real `aigov` in a pseudo-terminal with its own data directory: a saved edit shows
//! in the open explorer, a typo shows its error without losing the view, the fix clears
//! it; and the deep links `--goto` and `--query`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "common/pty.rs"]
#[allow(dead_code)] // the harness serves several test files; this one uses part of it
mod pty;

use std::path::{Path, PathBuf};
use std::time::Instant;

use pty::Pty;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/explorer");

/// The explorer fixture copied to a fresh directory.
fn copy_fixture(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("aigov-e2e-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for f in std::fs::read_dir(FIXTURE).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, dir.join(f.file_name().unwrap())).unwrap();
    }
    dir
}

/// Saves as editors do: a new file, renamed over the old one.
fn save(path: &Path, text: &str) {
    let tmp = path.with_extension("toml.tmp~");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

#[test]
fn a_saved_edit_shows_and_a_typo_shows_its_place_without_losing_the_view() {
    let dir = copy_fixture("reload");
    let mut pty = Pty::spawn(&["--data", dir.to_str().unwrap()], &[], 120, 40);
    pty.wait_text("q quit");
    // WAIC 2025, the last event, selected.
    pty.send("G");
    pty.wait_text("« le développement global");
    let events = dir.join("events.toml");
    let text = std::fs::read_to_string(&events).unwrap();
    let old_title = "Li Qiang proposes a World AI Cooperation Organization";
    assert!(text.contains(old_title));
    let edited = text.replace(old_title, "Li Qiang proposes WAICO in Shanghai");
    let saved = Instant::now();
    save(&events, &edited);
    pty.wait_text("Li Qiang proposes WAICO in Shanghai");
    eprintln!("edit shown {:?} after the save", saved.elapsed());
    pty.wait_text("data reloaded");
    // A typo: the error at its place, the view as it was.
    save(
        &events,
        &edited.replacen("date = \"2025-07-26\"", "date = \"2025-07-32\"", 1),
    );
    pty.wait_text("Reload failed: 1 error");
    pty.wait_text("events.toml:");
    pty.wait_text("Li Qiang proposes WAICO in Shanghai");
    // Still browsable meanwhile.
    pty.send("k");
    pty.send("j");
    pty.wait_text("Reload failed");
    // Fixed: the panel goes.
    save(&events, &edited);
    pty.wait_for("the problems panel to go", |s| {
        !s.contents().contains("Reload failed")
    });
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn goto_opens_on_a_record_and_query_with_the_search_typed() {
    let mut pty = Pty::spawn(
        &["--data", FIXTURE, "--goto", "q-li-fragmented"],
        &[],
        120,
        40,
    );
    pty.wait_text("« le développement global");
    pty.wait_text("Li Qiang proposes");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);

    let mut pty = Pty::spawn(&["--data", FIXTURE, "--query", "fragmentee"], &[], 120, 40);
    pty.wait_text("fragmentee");
    pty.wait_text("fragmenté");
    pty.send("\r");
    pty.wait_text("« le développement global");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn goto_an_unknown_id_says_what_it_might_be() {
    let mut pty = Pty::spawn(
        &["--data", FIXTURE, "--goto", "q-li-fragmentd"],
        &[],
        120,
        40,
    );
    pty.wait_text("did you mean \"q-li-fragmented\"");
    assert_eq!(pty.wait_exit(), 2);
}

/// A line of the screen matching `pred`.
fn has_line(s: &vt100::Screen, pred: impl Fn(&str) -> bool) -> bool {
    s.contents().lines().any(pred)
}

#[test]
fn a_reload_while_the_search_popup_is_open_on_data_the_worker_searches() {
    // Over 20,000 records: searches run on the worker thread.
    let dir = std::env::temp_dir().join(format!("aigov-e2e-bigsearch-{}", std::process::id()));
    let cache = dir.with_extension("cache");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let big = aigov::synth::generate(aigov::synth::Spec {
        events: 14_000,
        quotes: 4_000,
    });
    let data = dir.join("data.toml");
    std::fs::write(&data, &big).unwrap();
    let mut pty = Pty::spawn(
        &["--data", dir.to_str().unwrap()],
        &[("AIGOV_CACHE_DIR", cache.to_str().unwrap())],
        120,
        40,
    );
    pty.wait_text("q quit");
    pty.send("/gouvernance");
    pty.wait_for("the worker's hits", |s| {
        has_line(s, |l| l.contains("gouvernance") && l.contains(" of "))
    });
    // Move into the hits, then the data shrinks to the small fixture under the popup:
    // the old hits point past the new records.
    pty.send("\x1b[B\x1b[B\x1b[B");
    let fixture: String = ["actors", "sources", "events", "quotes"]
        .iter()
        .map(|f| std::fs::read_to_string(Path::new(FIXTURE).join(format!("{f}.toml"))).unwrap())
        .collect::<Vec<_>>()
        .join("\n");
    save(&data, &fixture);
    pty.wait_for("the fixture's hits for the same input", |s| {
        has_line(s, |l| l.contains("/ gouvernance") && l.contains(" hit"))
            && !s.contents().contains(" of ")
    });
    // Esc puts back the place saved before the reload, carried over to the new data.
    pty.send("\x1b");
    pty.wait_text("q quit");
    pty.wait_text("Paris AI Action Summit");
    // And back to the big data while a search runs: its hits come for the new data.
    pty.send("/gouvernance mondiale");
    save(&data, &big);
    pty.wait_for("the worker's hits on the reloaded data", |s| {
        has_line(s, |l| {
            l.contains("/ gouvernance mondiale") && l.contains(" of ")
        })
    });
    pty.send("\r");
    pty.wait_text("q quit");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0, "{}", pty.contents());
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&cache);
}
