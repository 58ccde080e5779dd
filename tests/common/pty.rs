//! PTY harness: runs the real `aigov` in a pseudo-terminal, parses its output with vt100
//! (answering cursor-position queries, recording title/clipboard/bell requests), and waits
//! on screen predicates, never on fixed sleeps.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// What the program asked the terminal to do besides drawing.
#[derive(Debug, Default, Clone)]
pub struct Requests {
    pub titles: Vec<Vec<u8>>,
    pub clipboard: Vec<Vec<u8>>,
    pub bells: usize,
}

impl vt100::Callbacks for Requests {
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.bells += 1;
    }
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles.push(title.to_vec());
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.titles.push(name.to_vec());
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _ty: &[u8], data: &[u8]) {
        self.clipboard.push(data.to_vec());
    }
}

type Parser = vt100::Parser<Requests>;

/// A running program in a PTY.
pub struct Pty {
    parser: Arc<Mutex<Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    eof: Arc<AtomicBool>,
    reader: Option<JoinHandle<()>>,
}

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n.max(1)).unwrap()
}

/// How long a wait may take; generous for a loaded 2-core machine.
/// The start and end of a frame drawn with synchronized output (DEC mode 2026).
const FRAME_START: &[u8] = b"\x1b[?2026h";
const FRAME_END: &[u8] = b"\x1b[?2026l";

/// How much of `bytes` a terminal with synchronized output shows now: all of it, but for
/// an unfinished frame (from its start) or what may be the beginning of a frame's start.
fn shown_up_to(bytes: &[u8]) -> usize {
    let last = |m: &[u8]| bytes.windows(m.len()).rposition(|w| w == m);
    match (last(FRAME_START), last(FRAME_END)) {
        (Some(s), e) if e.is_none_or(|e| e < s) => s,
        _ => {
            let partial = (1..FRAME_START.len())
                .rev()
                .find(|&k| bytes.ends_with(&FRAME_START[..k]))
                .unwrap_or(0);
            bytes.len() - partial
        }
    }
}

const TIMEOUT: Duration = Duration::from_secs(15);

impl Pty {
    /// Starts `aigov ARGS` at `cols`×`rows` with extra environment variables.
    pub fn spawn(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Self {
        Self::spawn_in(None, args, env, cols, rows)
    }

    /// Starts `aigov ARGS` as [`Pty::spawn`] does, in the directory `dir` when given.
    pub fn spawn_in(
        dir: Option<&std::path::Path>,
        args: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_aigov"));
        cmd.args(args);
        if let Some(dir) = dir {
            cmd.cwd(dir);
        }
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(Parser::new_with_callbacks(
            nz(rows),
            nz(cols),
            0,
            Requests::default(),
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let writer = Arc::new(Mutex::new(pair.master.take_writer().unwrap()));
        let eof = Arc::new(AtomicBool::new(false));
        let mut read = pair.master.try_clone_reader().unwrap();
        let reader = {
            let (parser, raw, writer, eof) =
                (parser.clone(), raw.clone(), writer.clone(), eof.clone());
            thread::spawn(move || {
                let mut buf = [0u8; 8192];
                // Bytes read but not shown yet: the rest of a frame still being written.
                let mut held = Vec::new();
                loop {
                    // Linux reports the end as EIO rather than Ok(0).
                    let n = match read.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => n,
                    };
                    raw.lock().unwrap().extend_from_slice(&buf[..n]);
                    held.extend_from_slice(&buf[..n]);
                    // As a terminal with synchronized output does, a frame shows whole:
                    // nothing after the start of an unfinished frame reaches the screen.
                    let cut = shown_up_to(&held);
                    let chunk: Vec<u8> = held.drain(..cut).collect();
                    let reply = {
                        let mut p = parser.lock().unwrap();
                        p.process(&chunk);
                        let (r, c) = p.screen().cursor_position();
                        // vt100 never answers queries; a real terminal would.
                        chunk
                            .windows(4)
                            .any(|w| w == b"\x1b[6n")
                            .then(|| format!("\x1b[{};{}R", r + 1, c + 1))
                    };
                    if let Some(reply) = reply {
                        let _ = writer.lock().unwrap().write_all(reply.as_bytes());
                    }
                }
                parser.lock().unwrap().process(&held);
                eof.store(true, Ordering::SeqCst);
            })
        };
        Self {
            parser,
            raw,
            writer,
            master: pair.master,
            child,
            eof,
            reader: Some(reader),
        }
    }

    /// Types bytes (`"\r"` is Enter, `"\x1b"` Esc, `"\x7f"` Backspace).
    pub fn send(&self, s: &str) {
        let mut w = self.writer.lock().unwrap();
        w.write_all(s.as_bytes()).unwrap();
        w.flush().unwrap();
    }

    /// The screen's text.
    pub fn contents(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Runs `f` on the screen.
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.parser.lock().unwrap().screen())
    }

    /// What the program asked of the terminal so far.
    pub fn requests(&self) -> Requests {
        self.parser.lock().unwrap().callbacks().clone()
    }

    /// Every byte the program wrote.
    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// Waits until `pred` holds for the screen; panics with the screen on timeout.
    pub fn wait_for(&self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        loop {
            if self.with_screen(&pred) {
                return;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {what}; screen:\n{}",
                self.contents()
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the screen contains `text`.
    pub fn wait_text(&self, text: &str) {
        self.wait_for(text, |s| s.contents().contains(text));
    }

    /// Resizes the terminal (the program gets SIGWINCH).
    pub fn resize(&self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(nz(rows), nz(cols));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    /// The terminal's local modes (`ICANON`, `ECHO`, `ISIG`…) as set now, by name; `None`
    /// where the platform cannot say. Raw mode has none of these three.
    pub fn local_modes(&self) -> Option<Vec<String>> {
        let t = self.master.get_termios()?;
        // The flags' type lives in a crate the tests do not name: read its Debug form.
        let text = format!("{t:?}");
        let at = text.find("local_flags")?;
        let rest = &text[at..];
        let end = rest.find(')')?;
        Some(
            rest[..end]
                .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect(),
        )
    }

    /// Whether the terminal is in raw mode (no line editing, no echo), if it can be told.
    pub fn is_raw(&self) -> Option<bool> {
        let modes = self.local_modes()?;
        Some(!modes.iter().any(|m| m == "ICANON" || m == "ECHO"))
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().unwrap()
    }

    /// Waits for the program to exit and for its last output; returns the exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        let code = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status.exit_code();
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "no exit; screen:\n{}",
                self.contents()
            );
            thread::sleep(Duration::from_millis(20));
        };
        while !self.eof.load(Ordering::SeqCst) && start.elapsed() < TIMEOUT {
            thread::sleep(Duration::from_millis(10));
        }
        if let Some(r) = self.reader.take() {
            let _ = r.join();
        }
        code
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
