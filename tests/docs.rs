//! The documentation as tests: every `$ aigov …` example of README.md and data/README.md
//! runs and must print what the page shows (trycmd), the other command lines the pages
//! show parse, and data/README.md's complete example passes `aigov check --strict`.
//!
//! When an example's output changes on purpose (search ranking, a grown dataset), refresh
//! the pages from the real output and read the diff before committing:
//!
//! ```sh
//! TRYCMD=overwrite cargo test --test docs
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

use aigov::cli::Cli;
use clap::Parser;
use clap::error::ErrorKind;
use pulldown_cmark::{CodeBlockKind, Event, Parser as Markdown, Tag, TagEnd};

const PAGES: &[&str] = &["README.md", "data/README.md"];

/// The only examples whose output the page may shorten, with `...` on a line of its own
/// (trycmd's mark for "any lines here"); everywhere else the page shows all of it.
const SHORTENED: &[&str] = &["aigov list events --country eu --from 2025"];

/// The fenced code blocks of a page: (info string, text).
fn blocks(page: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(page)).unwrap();
    let mut out = Vec::new();
    let mut open: Option<(String, String)> = None;
    for event in Markdown::new(&text) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                open = Some((info.to_string(), String::new()));
            }
            Event::Text(t) => {
                if let Some((_, body)) = &mut open {
                    body.push_str(&t);
                }
            }
            Event::End(TagEnd::CodeBlock) => out.extend(open.take()),
            _ => {}
        }
    }
    out
}

#[test]
fn every_aigov_example_prints_what_the_page_shows() {
    let mut examples = 0;
    for page in PAGES {
        for (info, body) in blocks(page) {
            let runs = info == "console";
            for cmd in body.lines().filter_map(|l| l.strip_prefix("$ ")) {
                assert!(
                    runs,
                    "{page}: `$ {cmd}` is in a ```{info} block: use ```console"
                );
                examples += 1;
            }
            if runs && body.lines().any(|l| l == "...") {
                let cmds: Vec<&str> = body.lines().filter_map(|l| l.strip_prefix("$ ")).collect();
                assert!(
                    cmds.iter().all(|c| SHORTENED.contains(c)),
                    "{page}: {cmds:?} shortens its output, which tests/docs.rs does not allow"
                );
            }
            // Shortened by hand the old way: not a mark trycmd knows, so say how.
            assert!(
                !runs || !body.lines().any(|l| l.trim() == "…"),
                "{page}: write `...` for left-out lines, and list the example in SHORTENED"
            );
        }
    }
    assert!(examples >= 6, "only {examples} examples found");
    let cache = tempdir("trycmd-cache");
    trycmd::TestCases::new()
        .register_bin("aigov", PathBuf::from(env!("CARGO_BIN_EXE_aigov")))
        // The same answer every day, and no cache outside this test's directory.
        .env("AIGOV_TODAY", "2026-12-01")
        .env("AIGOV_CACHE_DIR", cache.to_str().unwrap())
        .env("NO_COLOR", "1")
        .case("README.md")
        .case("data/README.md")
        .run();
    let _ = std::fs::remove_dir_all(&cache);
}

/// Command lines shown without output (pipes, redirections): each parses as aigov's.
#[test]
fn every_other_aigov_command_line_parses() {
    let mut seen = 0;
    for page in PAGES {
        for (info, body) in blocks(page) {
            if !matches!(info.as_str(), "sh" | "bash" | "shell") {
                continue;
            }
            for line in body.lines() {
                let line = line.split(" #").next().unwrap_or(line);
                let line = line.split(['|', '>']).next().unwrap_or(line).trim();
                if !line.starts_with("aigov ") && line != "aigov" {
                    continue;
                }
                let words = line.split_whitespace();
                if let Err(e) = Cli::try_parse_from(words)
                    && !matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion)
                {
                    panic!("{page}: `{line}` does not parse:\n{e}");
                }
                seen += 1;
            }
        }
    }
    assert!(seen >= 5, "only {seen} command lines found");
}

fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("aigov-docs-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// data/README.md's TOML blocks, each a file of one dataset, pass `check --strict`: the
/// format's reference is itself valid data.
#[test]
fn the_data_format_example_passes_strict() {
    let dir = tempdir("format-example");
    let tomls: Vec<String> = blocks("data/README.md")
        .into_iter()
        .filter(|(info, _)| info == "toml")
        .map(|(_, body)| body)
        .collect();
    assert!(tomls.len() >= 2, "the complete example and [dataset]");
    assert!(
        tomls[0].contains("[[quote]]"),
        "the complete example comes first"
    );
    for (i, body) in tomls.iter().enumerate() {
        std::fs::write(dir.join(format!("{i}.toml")), body).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_aigov"))
        .args(["check", "--strict"])
        .arg(&dir)
        .env("AIGOV_TODAY", "2026-12-01")
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(
        stdout.contains(": ok: 2 events, 2 quotes, 1 source, 3 actors in 2 files"),
        "{stdout}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
