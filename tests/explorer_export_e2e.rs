//! The real `aigov` in a pseudo-terminal exports from the explorer: with the filter line
//! set to `tag:export-controls from:2022`, `e` and Enter write the file the prompt names
//! (in the current directory) and it is byte for byte what `aigov export --tag
//! export-controls --from 2022` writes, in Markdown, TimelineJS and DOT.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "common/pty.rs"]
#[allow(dead_code)] // the harness serves several test files; this one uses part of it
mod pty;

use std::process::Command;

use pty::Pty;

const BIN: &str = env!("CARGO_BIN_EXE_aigov");

/// What `aigov export --format FORMAT` writes with the same filter.
fn exported(format: &str) -> Vec<u8> {
    let out = Command::new(BIN)
        .args(["export", "--format", format])
        .args(["--tag", "export-controls", "--from", "2022"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn e_exports_what_the_filter_keeps_as_aigov_export_does() {
    let dir = std::env::temp_dir().join(format!("aigov-e2e-export-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut pty = Pty::spawn_in(Some(&dir), &[], &[("AIGOV_TODAY", "2025-12-01")], 160, 50);
    pty.wait_text("q quit");
    pty.send("f");
    pty.wait_text("Filter");
    pty.send("tag:export-controls from:2022");
    pty.wait_text("keeps");
    pty.send("\r");
    pty.wait_text("[tag:export-controls] [from:2022]");

    // Markdown, the prompt's first choice; TimelineJS one format on (Tab); DOT two on
    for (tabs, format, ext) in [
        ("", "markdown", "md"),
        ("\t", "timelinejs", "json"),
        ("\t\t", "dot", "dot"),
    ] {
        pty.send("e");
        pty.wait_text("Esc cancel");
        pty.send(tabs);
        let name = format!("aigov-from-2022-export-controls.{ext}");
        pty.wait_text(&name);
        pty.send("\r");
        pty.wait_text(&format!("to {name}"));
        let written = std::fs::read(dir.join(&name)).unwrap();
        assert_eq!(
            String::from_utf8(written).unwrap(),
            String::from_utf8(exported(format)).unwrap(),
            "{format}"
        );
    }
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    std::fs::remove_dir_all(&dir).unwrap();
}
