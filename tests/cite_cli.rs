//! `aigov show ID --cite [--format plain|markdown|bibtex]` and `aigov show ACTOR`: the
//! same citation the explorer copies, and what a person said over time in date order.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::{Command, Output};

const ACTOR_PAGE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/actor-page");

fn aigov(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aigov"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn a_quote_is_cited_in_three_formats() {
    let args = [
        "--data",
        ACTOR_PAGE,
        "show",
        "li-2024-cooperation",
        "--cite",
    ];
    let plain = aigov(&args);
    assert!(plain.status.success());
    assert_eq!(
        stdout(&plain),
        "“we must strengthen international cooperation on AI”, Li Qiang, Premier of the State \
         Council of China, 4 July 2024. Example Daily, \"Li Qiang opens WAIC 2024\", \
         https://example.org/waic-2024.\n"
    );
    let md = stdout(&aigov(&[&args[..], &["--format", "markdown"]].concat()));
    assert!(md.starts_with("> “we must strengthen"), "{md}");
    assert!(md.contains("[Li Qiang opens WAIC 2024](https://example.org/waic-2024)"));
    let bib = stdout(&aigov(&[&args[..], &["--format", "bibtex"]].concat()));
    assert!(bib.starts_with("@misc{li-2024-cooperation,\n"), "{bib}");
    assert!(bib.contains("  url = {https://example.org/waic-2024},\n"));
    assert!(bib.contains("  year = {2024},\n  month = {jul},\n"));
}

#[test]
fn an_event_is_cited_with_its_sources_and_an_actor_is_refused() {
    let o = aigov(&["--data", ACTOR_PAGE, "show", "waic-2024", "--cite"]);
    assert_eq!(
        stdout(&o),
        "Li Qiang opens WAIC 2024, 4 July 2024, Shanghai. Sources: Example Daily, \
         \"Li Qiang opens WAIC 2024\", https://example.org/waic-2024.\n"
    );
    let o = aigov(&["--data", ACTOR_PAGE, "show", "li-qiang", "--cite"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("only a quote or an event"));
    let o = aigov(&[
        "--data", ACTOR_PAGE, "show", "li-qiang", "--format", "bibtex",
    ]);
    assert_eq!(o.status.code(), Some(2), "--format needs --cite");
}

#[test]
fn show_actor_lists_quotes_in_date_order_with_their_threads() {
    let out = stdout(&aigov(&["--data", ACTOR_PAGE, "show", "li-qiang"]));
    let at = |s: &str| out.find(s).unwrap_or_else(|| panic!("{s} missing:\n{out}"));
    assert!(at("2023-01  « AI must be safe") < at("2024-07-04  « we must strengthen"));
    assert!(at("2024-07-04  « we must strengthen") < at("2025-07-26  « AI governance"));
    assert!(out.contains("→ answers 2025-02-11 · J.D. Vance (vance-regulation)"));
    assert!(out.contains("← reaffirmed by 2025-07-26 · Li Qiang (li-2025-fragmented)"));
    // The JSON keeps its shape: the quotes' ids, in date order.
    let json: serde_json::Value = serde_json::from_slice(
        &aigov(&["--data", ACTOR_PAGE, "show", "li-qiang", "--json"]).stdout,
    )
    .unwrap();
    assert_eq!(
        json["quotes"],
        serde_json::json!(["li-2023-first", "li-2024-cooperation", "li-2025-fragmented"])
    );
}
