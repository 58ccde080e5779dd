//! The progress line of a long load, in a real terminal: `check` shows what it reads and
//! how far, then erases the line; before the explorer opens, `q` quits the load and gives
//! the terminal back as it was.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "common/pty.rs"]
#[allow(dead_code)] // the harness serves several test files; this one uses part of it
mod pty;

use std::path::PathBuf;

use pty::Pty;

/// A dataset large enough to take a few seconds in a debug build.
fn large(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("aigov-progress-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("large.toml");
    let text = aigov::synth::generate(aigov::synth::Spec {
        events: 30_000,
        quotes: 30_000,
    });
    std::fs::write(&file, text).unwrap();
    file
}

#[test]
fn check_shows_what_it_reads_and_how_far_then_erases_the_line() {
    let file = large("check");
    let mut pty = Pty::spawn(
        &["check", file.to_str().unwrap()],
        &[("AIGOV_CACHE_DIR", "")],
        120,
        10,
    );
    // The file as the line shows it: its path, cut to 40 characters with an ellipsis
    // (a temporary directory's path is longer than that on most systems).
    let path = file.to_str().unwrap();
    let shown: String = if path.chars().count() > 40 {
        path.chars().take(39).chain(['…']).collect()
    } else {
        path.to_string()
    };
    pty.wait_for("the progress line", |s| {
        let text = s.contents();
        text.contains(&format!("aigov: {shown} · "))
            && (text.contains(" · reading ") || text.contains(" · parsing "))
            && text.contains(" MiB ▕")
    });
    pty.wait_text("ok: 30000 events");
    assert_eq!(pty.wait_exit(), 0);
    let screen = pty.contents();
    assert!(!screen.contains("MiB ▕"), "the line is erased:\n{screen}");
    std::fs::remove_dir_all(file.parent().unwrap()).unwrap();
}

#[test]
fn q_quits_a_long_load_before_the_explorer_opens() {
    let file = large("quit");
    let mut pty = Pty::spawn(
        &["--data", file.to_str().unwrap()],
        &[("AIGOV_CACHE_DIR", "")],
        120,
        10,
    );
    pty.wait_text("(q to quit)");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    assert_eq!(pty.is_raw(), Some(false), "cooked mode is back");
    assert!(!pty.with_screen(vt100::Screen::alternate_screen));
    std::fs::remove_dir_all(file.parent().unwrap()).unwrap();
}
