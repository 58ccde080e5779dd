//! Quotes one by one in the real binary: find Vance, select a quote, copy its citation
//! (one OSC 52 sequence holding the source's URL), open its source through `$BROWSER`;
//! and a dataset whose words and addresses hold escape sequences or `javascript:` never
//! gets them into an OSC 8 or OSC 52 sequence.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "common/pty.rs"]
#[allow(dead_code)] // the harness serves several test files; this one uses part of it
mod pty;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use aigov::dataset::Dataset;
use aigov::graph::Entity;
use aigov::load::Origin;
use aigov::tui::action::{Action, Effect, Pane};
use aigov::tui::app::App;
use aigov::tui::theme::Theme;
use aigov::tui::update::Msg;
use pty::Pty;
use ratatui::layout::Rect;

const HOSTILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hostile-cite");

/// Decodes standard base64 (the OSC 52 payload).
fn unbase64(s: &[u8]) -> Vec<u8> {
    let val = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let mut out = Vec::new();
    let s: Vec<u8> = s.iter().copied().filter(|&c| c != b'=').collect();
    for chunk in s.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= u32::from(val(c)) << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push(((n >> (16 - 8 * i)) & 0xff).to_le_bytes()[0]);
        }
    }
    out
}

/// The payloads of the OSC 52 sequences in `raw`.
fn osc52_payloads(raw: &[u8]) -> Vec<Vec<u8>> {
    let start = b"\x1b]52;c;";
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(p) = raw[i..].windows(start.len()).position(|w| w == start) {
        let body = i + p + start.len();
        let end = raw[body..]
            .iter()
            .position(|&b| b == 0x07 || b == 0x1b)
            .map_or(raw.len(), |e| body + e);
        out.push(raw[body..end].to_vec());
        i = end;
    }
    out
}

/// A script that writes its arguments to `log`, as a browser that records its URL.
fn recording_browser(name: &str) -> (PathBuf, PathBuf) {
    let dir = std::env::temp_dir().join(format!("aigov-browser-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let log = dir.join("opened");
    let script = dir.join("browser");
    std::fs::write(
        &script,
        format!("#!/bin/sh\nprintf '%s\\n' \"$@\" >> '{}'\n", log.display()),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    (script, log)
}

fn wait_file(path: &PathBuf) -> String {
    let start = Instant::now();
    loop {
        if let Ok(s) = std::fs::read_to_string(path)
            && s.ends_with('\n')
        {
            return s;
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "{} never written",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn vance_quote_is_copied_with_its_url_and_its_source_opens() {
    let (script, log) = recording_browser("vance");
    let browser = script.to_string_lossy().into_owned();
    let mut pty = Pty::spawn(&[], &[("BROWSER", browser.as_str())], 120, 40);
    pty.wait_text("q quit");
    pty.send("/vance");
    pty.wait_text("J.D. Vance warns in Paris");
    // The actor ranks first (his name is the whole query); the second hit is the event.
    pty.send("\x1b[B");
    pty.wait_for("the event hit selected", |s| {
        s.contents()
            .lines()
            .any(|l| l.contains("▸ event") && l.contains("J.D. Vance warns"))
    });
    pty.send("\r");
    pty.wait_text("Quotes (1/");
    // The quotes pane, then the second quote.
    pty.send("4j");
    pty.wait_text("Quotes (2/");
    pty.send("y");
    pty.wait_text("copied the quote's citation");
    let payloads = osc52_payloads(&pty.raw());
    assert_eq!(payloads.len(), 1, "one OSC 52 sequence");
    let text = String::from_utf8(unbase64(&payloads[0])).unwrap();
    assert!(text.contains("J.D. Vance, Vice President"), "{text}");
    assert!(text.contains("https://"), "{text}");
    let url = text
        .split([' ', ','])
        .find(|w| w.starts_with("https://"))
        .unwrap()
        .trim_end_matches('.')
        .to_string();
    // The source's address on screen is a hyperlink (OSC 8) to it, and every hyperlink
    // written is a plain http(s) address.
    let links = osc8_urls(&pty.raw());
    assert!(links.contains(&url), "{url} not in {links:?}");
    for l in &links {
        assert!(aigov::cite::safe_url(l).is_some(), "{l:?}");
    }
    pty.send("o");
    let opened = wait_file(&log);
    assert_eq!(opened.trim_end(), url);
    // A click on the address on screen opens it too.
    let (col, row) = pty.with_screen(|s| {
        let rows = s.contents().lines().map(str::to_string).collect::<Vec<_>>();
        rows.iter()
            .enumerate()
            .find_map(|(r, l)| l.find(&url).map(|c| (l[..c].chars().count(), r)))
            .expect("the address on screen")
    });
    pty.send(&format!(
        "\x1b[<0;{};{}M\x1b[<0;{};{}m",
        col + 3,
        row + 1,
        col + 3,
        row + 1
    ));
    let start = Instant::now();
    while std::fs::read_to_string(&log).unwrap().lines().count() < 2 {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "the click opened nothing"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(
        std::fs::read_to_string(&log).unwrap().lines().nth(1),
        Some(url.as_str())
    );
    // Still running: it answers keys.
    pty.send("k");
    pty.wait_text("Quotes (1/");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}

/// The addresses of the OSC 8 sequences in `raw` that open a link.
fn osc8_urls(raw: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(raw);
    text.split("\x1b]8;")
        .skip(1)
        .filter_map(|seq| {
            let (params_url, _) = seq.split_once("\x1b\\")?;
            let (_, url) = params_url.split_once(';')?;
            (!url.is_empty()).then(|| url.to_string())
        })
        .collect()
}

#[test]
fn a_terminal_that_prints_osc_8_gets_no_hyperlink() {
    let mut pty = Pty::spawn(&[], &[("TERM", "linux")], 120, 40);
    pty.wait_text("q quit");
    pty.send("/vance");
    pty.wait_text("J.D. Vance warns in Paris");
    pty.send("\x1b[B\r");
    pty.wait_text("Quotes (1/");
    pty.send("4");
    pty.wait_text("https://");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    assert!(osc8_urls(&pty.raw()).is_empty());
    assert!(!pty.raw().windows(4).any(|w| w == b"\x1b]8;"));
}

fn hostile(url: Option<&str>) -> App {
    let mut ds = Dataset::load(&Origin::Path(PathBuf::from(HOSTILE)))
        .unwrap()
        .unwrap();
    if let Some(url) = url {
        for s in &mut ds.graph.sources {
            s.url = Some(url.to_string());
        }
    }
    let mut app = App::new(Arc::new(ds), Theme::default(), Rect::new(0, 0, 120, 40));
    let Some(Entity::Quote(q)) = app.dataset.graph.lookup("q-hostile") else {
        panic!("no quote");
    };
    app.update(Msg::GoTo(Entity::Quote(q)));
    app.update(Action::Focus(Pane::Quotes));
    app
}

#[test]
fn hostile_words_and_addresses_never_reach_an_osc_sequence() {
    for url in [
        None,
        Some("javascript:alert(1)"),
        Some("https://ok.example/\u{1b}]8;;https://evil\u{7}"),
        Some("https://ok.example/\u{241b}]8;;x"),
    ] {
        for _ in 0..3 {
            let mut app = hostile(url);
            // Every format.
            let fmt = app.cite_format;
            for _ in 0..fmt as usize {
                app.update(Action::CycleCiteFormat);
            }
            assert_eq!(app.update(Action::Copy), Effect::Copy);
            let text = app.outbox.take().unwrap();
            // The words may say `javascript:`; no address may be one.
            for as_url in [", javascript:", "](javascript:", "url = {javascript:"] {
                assert!(!text.contains(as_url), "{text}");
            }
            assert!(
                !text.chars().any(|c| c.is_control() && c != '\n'),
                "{text:?}"
            );
            assert!(!text.contains(", javascript:"), "{text}");
            let seq = aigov::tui::clipboard::osc52(&text);
            let body = &seq["\x1b]52;c;".len()..seq.len() - 1];
            let decoded = String::from_utf8(unbase64(body.as_bytes())).unwrap();
            assert!(!decoded.chars().any(|c| c.is_control() && c != '\n'));
            // Nothing but a plain http(s) address is ever opened.
            // Nor on a click on something that is not a plain address.
            for bad in ["javascript:alert(1)", "https://a.org/\u{1b}]8;;x"] {
                assert_eq!(app.update(Msg::OpenLink(bad.into())), Effect::None);
                assert!(app.outbox.is_none());
            }
            let effect = app.update(Action::OpenSource);
            if effect == Effect::Open {
                let u = app.outbox.take().unwrap();
                assert!(aigov::cite::safe_url(&u).is_some(), "{u:?}");
                assert!(!u.contains('\u{241b}') && !u.contains('\u{1b}'));
            } else {
                assert!(app.notice.as_deref().unwrap().contains("no web address"));
            }
            app.update(Action::CycleCiteFormat);
        }
    }
}

#[test]
fn the_hostile_quote_copied_in_the_terminal_sends_only_escaped_text() {
    let (script, log) = recording_browser("hostile");
    let browser = script.to_string_lossy().into_owned();
    let mut pty = Pty::spawn(
        &["--data", HOSTILE],
        &[("BROWSER", browser.as_str())],
        120,
        40,
    );
    pty.wait_text("q quit");
    pty.send("4");
    pty.wait_text("Copy me");
    pty.send("y");
    pty.wait_text("copied the quote's citation");
    pty.send("o");
    pty.wait_text("no web address");
    pty.send("q");
    pty.wait_exit();
    let raw = pty.raw();
    let payloads = osc52_payloads(&raw);
    assert_eq!(payloads.len(), 1);
    let text = String::from_utf8(unbase64(&payloads[0])).unwrap();
    assert!(text.contains("Copy me ␛]52;c;SGVsbG8=␇"), "{text}");
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'));
    // No hyperlink sequence, and the data's own OSC 52 never went out raw.
    assert!(!raw.windows(4).any(|w| w == b"\x1b]8;"));
    assert_eq!(pty.requests().clipboard.len(), 1);
    assert!(!log.exists(), "the browser was started");
}
