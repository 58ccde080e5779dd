//! The real `aigov` in a pseudo-terminal, stopped by signals: SIGINT, SIGQUIT, SIGTERM
//! and SIGHUP leave a restored terminal (main screen, cursor shown, mouse capture and raw
//! mode off) and exit with 128 + the signal; Ctrl-Z and SIGTSTP hand the terminal back
//! and stop, SIGCONT takes it again and redraws everything.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "common/pty.rs"]
#[allow(dead_code)] // the harness serves several test files; this one uses part of it
mod pty;

use std::process::Command;

use pty::Pty;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/explorer");

fn explorer() -> Pty {
    let pty = Pty::spawn(&["--data", FIXTURE], &[], 100, 30);
    pty.wait_text("q quit");
    pty
}

fn kill(sig: &str, pid: u32) {
    let status = Command::new("kill")
        .args([sig, &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success(), "kill {sig}");
}

/// The terminal as the shell needs it back.
fn assert_restored(pty: &Pty, what: &str) {
    assert!(
        !pty.with_screen(vt100::Screen::alternate_screen),
        "{what}: alternate screen left on"
    );
    assert!(
        !pty.with_screen(vt100::Screen::hide_cursor),
        "{what}: cursor left hidden"
    );
    let raw = pty.raw();
    let last_on = raw.windows(8).rposition(|w| w == b"\x1b[?1000h");
    let last_off = raw.windows(8).rposition(|w| w == b"\x1b[?1000l");
    assert!(last_off > last_on, "{what}: mouse capture left on");
    if let Some(is_raw) = pty.is_raw() {
        assert!(!is_raw, "{what}: raw mode left on: {:?}", pty.local_modes());
    }
}

#[test]
fn int_quit_term_and_hup_restore_the_terminal_and_exit_128_plus_the_signal() {
    for (sig, n) in [("-INT", 2), ("-QUIT", 3), ("-TERM", 15), ("-HUP", 1)] {
        let mut pty = explorer();
        assert!(pty.with_screen(vt100::Screen::alternate_screen));
        #[cfg(target_os = "linux")]
        assert!(
            pty.local_modes().is_some(),
            "Linux says the terminal's modes"
        );
        if let Some(is_raw) = pty.is_raw() {
            assert!(is_raw, "the explorer runs in raw mode");
        }
        kill(sig, pty.pid());
        assert_eq!(pty.wait_exit(), 128 + n, "{sig}");
        assert_restored(&pty, sig);
    }
}

#[test]
fn ctrl_c_still_quits_with_0() {
    let mut pty = explorer();
    pty.send("\x03");
    assert_eq!(pty.wait_exit(), 0);
    assert_restored(&pty, "Ctrl-C");
}

/// Stops the explorer with `stop`, checks the terminal is the shell's, continues it and
/// checks the whole screen comes back.
fn suspend_and_continue(stop: impl Fn(&Pty)) {
    let mut pty = explorer();
    // Somewhere recognisable: the last event.
    pty.send("G");
    pty.wait_text("« le développement global");
    stop(&pty);
    pty.wait_for("the terminal handed back", |s| {
        !s.alternate_screen() && !s.hide_cursor()
    });
    if let Some(is_raw) = pty.is_raw() {
        assert!(!is_raw, "raw mode off while stopped");
    }
    kill("-CONT", pty.pid());
    // Every cell drawn again, not only what changed: the alternate screen starts blank.
    pty.wait_for("a full redraw", |s| {
        s.alternate_screen() && s.contents().contains("« le développement global")
    });
    pty.wait_text("q quit");
    if let Some(is_raw) = pty.is_raw() {
        assert!(is_raw, "raw mode again");
    }
    // And it still answers keys.
    pty.send("?");
    pty.wait_text("Everywhere");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    assert_restored(&pty, "quit after a suspend");
}

#[test]
fn ctrl_z_suspends_and_sigcont_redraws() {
    suspend_and_continue(|pty| pty.send("\x1a"));
}

#[test]
fn sigtstp_suspends_and_sigcont_redraws() {
    suspend_and_continue(|pty| kill("-TSTP", pty.pid()));
}
