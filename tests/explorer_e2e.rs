//! The real `aigov` binary in a pseudo-terminal: the done criterion (WAIC 2025 quotes,
//! follow a link and back, narrow to the EU, quit), escape sequences in data, signals,
//! resize, `NO_COLOR` and a non-terminal stdout.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "common/pty.rs"]
mod pty;

use std::process::{Command, Stdio};

use pty::Pty;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/explorer");

fn explorer(cols: u16, rows: u16, env: &[(&str, &str)]) -> Pty {
    let pty = Pty::spawn(&["--data", FIXTURE], env, cols, rows);
    pty.wait_text("q quit");
    pty
}

fn walk_the_done_criterion(cols: u16, rows: u16) {
    let mut pty = explorer(cols, rows, &[]);
    // The last event is WAIC 2025; its quotes show below.
    pty.send("G");
    pty.wait_text("« le développement global");
    if cols < 100 {
        // The quotes pane is short here: scroll to the second quote, then back.
        pty.send("4G");
        pty.wait_text("人工智能全球治理");
        pty.send("g2");
        pty.wait_text("« le développement global");
    } else {
        pty.wait_text("人工智能全球治理");
    }
    // Open it, follow "responds to", and come back.
    pty.send("\r");
    pty.wait_text("Enter follow");
    pty.send("\r");
    pty.wait_text("responded to by: Li Qiang");
    pty.wait_text("America must win");
    pty.send("\x7f");
    pty.wait_text("« le développement global");
    // Narrow to the EU.
    pty.send("1");
    pty.wait_text("↑↓ choose");
    // Countries are listed most present first: US (5 events), China (4), EU (2).
    pty.send("jjj");
    pty.wait_text("European Union (bloc)");
    pty.wait_text("Trustworthy AI");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    assert!(!pty.with_screen(vt100::Screen::alternate_screen));
}

#[test]
fn done_criterion_at_120x40() {
    walk_the_done_criterion(120, 40);
}

#[test]
fn done_criterion_at_80x24() {
    walk_the_done_criterion(80, 24);
}

#[test]
fn osc_title_and_clipboard_in_a_quote_change_neither() {
    let mut pty = explorer(120, 40, &[]);
    pty.send("Gk");
    pty.wait_text("␛]0;pwned␇ Title set?");
    pty.wait_text("␛]52;c;SGVsbG8=␇");
    pty.send("q");
    pty.wait_exit();
    let req = pty.requests();
    assert!(req.titles.is_empty(), "{:?}", req.titles);
    assert!(req.clipboard.is_empty(), "{:?}", req.clipboard);
    assert_eq!(req.bells, 0);
    let raw = pty.raw();
    for bad in [&b"\x1b]0;"[..], b"\x1b]52;", b"\x07"] {
        assert!(
            !raw.windows(bad.len()).any(|w| w == bad),
            "{bad:?} reached the terminal"
        );
    }
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for (sig, code) in [("-TERM", 128 + 15), ("-HUP", 128 + 1)] {
        let mut pty = explorer(100, 30, &[]);
        assert!(pty.with_screen(vt100::Screen::alternate_screen));
        let status = Command::new("kill")
            .args([sig, &pty.pid().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        assert_eq!(
            pty.wait_exit(),
            code,
            "{sig}: 128 + the signal, as a shell reports it"
        );
        assert!(!pty.with_screen(vt100::Screen::alternate_screen), "{sig}");
        assert_ne!(pty.is_raw(), Some(true), "{sig}: raw mode left on");
        let raw = pty.raw();
        assert!(
            raw.windows(8).any(|w| w == b"\x1b[?1000l"),
            "mouse capture left on"
        );
    }
}

#[test]
fn resize_below_the_minimum_and_back_redraws_at_once() {
    let mut pty = explorer(100, 30, &[]);
    pty.resize(50, 10);
    pty.wait_text("Too small: aigov needs 60×16 (now 50×10)");
    pty.resize(80, 24);
    pty.wait_text("(1 Countries)");
    pty.resize(1, 1);
    pty.resize(120, 40);
    pty.wait_text("1 Countries");
    pty.send("\x03");
    assert_eq!(pty.wait_exit(), 0, "Ctrl-C quits");
}

#[test]
fn no_color_keeps_the_selection_reversed_and_marked() {
    let mut pty = explorer(100, 30, &[("NO_COLOR", "1")]);
    let find = |s: &vt100::Screen| {
        (0..30).find_map(|r| {
            let row = s.contents_between(r, 0, r, 100);
            row.find("▸ 07-26")
                .map(|i| (r, u16::try_from(row[..i].chars().count()).unwrap()))
        })
    };
    pty.wait_for("the selected event (the latest), reversed", |s| {
        find(s).is_some_and(|(r, c)| s.cell(r, c + 2).is_some_and(vt100::Cell::inverse))
    });
    let raw = pty.raw();
    assert!(
        !raw.windows(4).any(|w| w == b"\x1b[;m"),
        "crossterm's bare SGR reset"
    );
    pty.send("q");
    pty.wait_exit();
}

#[test]
fn without_a_terminal_it_says_which_command_to_use_and_exits_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_aigov"))
        .args(["--data", FIXTURE])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing drawn into the pipe");
    let err = String::from_utf8(out.stderr).unwrap();
    for cmd in ["aigov list", "aigov show", "aigov check", "aigov export"] {
        assert!(err.contains(cmd), "{err}");
    }
}

#[test]
fn search_popup_finds_fragmentee_enter_lands_and_esc_restores() {
    // The bundled data: Li Qiang's « fragmentée », typed without the accent.
    let mut pty = Pty::spawn(&[], &[], 120, 40);
    pty.wait_text("q quit");
    // Compared line by line without trailing blanks: a blank cell the popup covered is
    // written as a space when it closes, one never drawn on is not (vt100 tells them apart).
    let trimmed = |s: String| s.lines().map(str::trim_end).collect::<Vec<_>>().join("\n");
    let before = trimmed(pty.contents());
    pty.send("/");
    pty.wait_text("type to search");
    pty.send("fragmentee");
    pty.wait_text("li-qiang-fragmentee");
    // The matched characters of the first hit are highlighted (bold, underlined).
    pty.wait_for("fragmentée highlighted", |s| {
        (0..40).any(|r| {
            let row = s.contents_between(r, 0, r, 120);
            row.contains("▸ quote")
                .then(|| row.find("fragmentée"))
                .flatten()
                .is_some_and(|i| {
                    let c = u16::try_from(row[..i].chars().count()).unwrap();
                    s.cell(r, c).is_some_and(|c| c.bold() && c.underline())
                })
        })
    });
    // Esc: the screen as it was.
    pty.send("\x1b");
    // Shown only if the test fails: what the view should come back to.
    eprintln!("the view before the popup:\n{before}");
    pty.wait_for("the view restored", |s| trimmed(s.contents()) == before);
    // Again, and Enter: the quote in the quotes pane.
    pty.send("/fragmentee");
    pty.wait_text("li-qiang-fragmentee");
    pty.send("\r");
    pty.wait_text("« fragmentée » (fr)");
    pty.wait_text("▸ 07-26 Li Qiang proposes a World AI Coope");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    // Every frame is written as one synchronized update (DEC mode 2026).
    let raw = pty.raw();
    let count = |m: &[u8]| raw.windows(m.len()).filter(|w| *w == m).count();
    let frames = count(b"\x1b[?2026h");
    assert!(frames >= 3, "{frames} frames");
    assert_eq!(count(b"\x1b[?2026l"), frames);
}

/// The row of the screen that contains every one of `parts`, if any.
fn row_with(s: &vt100::Screen, cols: u16, rows: u16, parts: &[&str]) -> Option<String> {
    (0..rows)
        .map(|r| s.contents_between(r, 0, r, cols))
        .find(|row| parts.iter().all(|p| row.contains(p)))
}

/// The bundled data: find the WAIC 2025 proposal, then press `c`.
fn compare_on_the_waico_proposal(cols: u16, rows: u16) -> Pty {
    let pty = Pty::spawn(&[], &[], cols, rows);
    pty.wait_text("q quit");
    pty.send("/e: world ai cooperation organization");
    // The preview names the selected hit: the proposal must be the first.
    pty.wait_text("event waic-2025-waico-proposal");
    pty.send("\r");
    pty.wait_text("▸ 07-26 Li Qiang proposes");
    pty.send("c");
    pty
}

/// `back` returns from the opened event: Backspace, or Esc.
fn compare_lines_up_waico_and_the_action_plan(cols: u16, rows: u16, back: &str) {
    let mut pty = compare_on_the_waico_proposal(cols, rows);
    pty.wait_text("United States only · ");
    // One row: the proposal (26 July), the link, the US plan (23 July).
    pty.wait_for("the WAICO row with the link beside the Action Plan", |s| {
        row_with(
            s,
            cols,
            rows,
            &[
                "26 Li Qiang proposes",
                "── responds to ──",
                "23 White House",
            ],
        )
        .is_some()
    });
    pty.wait_text("Jul ");
    // Enter opens it in the event pane; Backspace (or Esc) returns to the same row.
    pty.send("\r");
    pty.wait_text("Enter follow");
    pty.wait_text("→ responds to: White House releases");
    pty.send(back);
    pty.wait_for("compare again, on the same row", |s| {
        row_with(s, cols, rows, &["▸26 Li Qiang proposes", "responds to"]).is_some()
    });
    // Esc leaves compare, q quits.
    pty.send("\x1b");
    pty.wait_text("q quit");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn compare_shows_waico_beside_the_us_action_plan_at_120x40() {
    compare_lines_up_waico_and_the_action_plan(120, 40, "\x7f");
}

#[test]
fn compare_shows_waico_beside_the_us_action_plan_at_80x24() {
    compare_lines_up_waico_and_the_action_plan(80, 24, "\x1b");
}

fn link_graph_recentres_and_goes_back(cols: u16, rows: u16) {
    let mut pty = compare_on_the_waico_proposal(cols, rows);
    pty.wait_text("United States only · ");
    pty.send("L");
    pty.wait_text("Link graph · Li Qiang proposes a World AI Cooperation Organization");
    pty.wait_text("‹ causes, earlier");
    pty.wait_text("responses, later ›");
    pty.wait_text("followed up by");
    // Right: what follows it up; Enter makes it the centre; Backspace comes back.
    pty.send("l");
    pty.wait_text("→ related to: Li Qiang proposes");
    pty.send("j");
    pty.wait_text("→ follows up: Li Qiang proposes");
    pty.send("\r");
    pty.wait_text("Link graph · Xi Jinping proposes the World Artificial Intelligence");
    pty.wait_text("⌫ back to “Li Qiang proposes");
    pty.send("\x7f");
    pty.wait_text("Link graph · Li Qiang proposes a World AI Cooperation Organization");
    // Esc: compare again; Esc: the panes; q quits.
    pty.send("\x1b");
    pty.wait_text("United States only · ");
    pty.send("\x1b");
    pty.wait_text("q quit");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn link_graph_of_waico_at_120x40() {
    link_graph_recentres_and_goes_back(120, 40);
}

#[test]
fn link_graph_of_waico_at_80x24() {
    link_graph_recentres_and_goes_back(80, 24);
}
