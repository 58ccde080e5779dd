//! The real `aigov` in a pseudo-terminal: `f tag:export-controls from:2022` shows the
//! events `aigov list events --tag export-controls --from 2022` lists, in its order; `F`
//! restores all; Esc five times leaves the explorer running; `q` exits 0.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "common/pty.rs"]
#[allow(dead_code)] // the harness serves several test files; this one uses part of it
mod pty;

use std::process::Command;

use pty::Pty;

const BIN: &str = env!("CARGO_BIN_EXE_aigov");

/// The titles `aigov list events ARGS` prints, in order.
fn listed(args: &[&str]) -> Vec<String> {
    let out = Command::new(BIN)
        .args(["list", "events", "--json"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_str().unwrap().to_string())
        .collect()
}

/// The event rows of the timeline pane on screen, each the start of its title.
fn timeline_rows(pty: &Pty) -> Vec<String> {
    let screen = pty.contents();
    let lines: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    // The pane's left border is below the `┌` of its title.
    let (top, x) = lines
        .iter()
        .enumerate()
        .find_map(|(y, l)| {
            let s: String = l.iter().collect();
            let i = s.find("┌ 2 Timeline")?;
            Some((y, s[..i].chars().count()))
        })
        .expect("the timeline pane");
    let mut out = Vec::new();
    for l in &lines[top + 1..] {
        if l.get(x) != Some(&'│') {
            break;
        }
        let row: String = l.iter().skip(x + 1).collect();
        let row = row
            .split('│')
            .next()
            .unwrap_or("")
            .trim_end_matches(['║', '█']);
        // An event row: marker, a space, a 5-column date, a space, the title.
        let chars: Vec<char> = row.chars().collect();
        if chars.len() > 8
            && (chars[0] == ' ' || chars[0] == '▸')
            && chars[1] == ' '
            && chars[2] != ' '
        {
            let title: String = chars[8..].iter().collect();
            let title = title.trim_end();
            let title = title.strip_suffix(" · upcoming").unwrap_or(title);
            out.push(title.trim_end_matches('…').to_string());
        }
    }
    out
}

#[test]
fn the_filter_line_shows_what_list_events_lists_and_f_restores_all() {
    let mut pty = Pty::spawn(&[], &[("AIGOV_TODAY", "2025-12-01")], 200, 80);
    pty.wait_text("q quit");
    pty.wait_text("132 events");
    pty.send("f");
    pty.wait_text("Filter");
    pty.send("tag:export-controls from:2022");
    pty.wait_text("keeps");
    pty.send("\r");
    let expected = listed(&["--tag", "export-controls", "--from", "2022"]);
    pty.wait_text(&format!("{} of 132 events", expected.len()));
    let rows = timeline_rows(&pty);
    assert_eq!(rows.len(), expected.len(), "{rows:#?}");
    for (row, title) in rows.iter().zip(&expected) {
        assert!(title.starts_with(row.as_str()), "{row:?} is not {title:?}");
    }
    assert!(pty.contents().contains("[tag:export-controls] [from:2022]"));
    pty.send("F");
    pty.wait_text("132 events · ");
    // Esc five times on the main view: still running, then q quits with 0.
    pty.send("\x1b\x1b\x1b\x1b\x1b");
    pty.send("?");
    pty.wait_text("Keys (Esc or ? closes)");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}
