//! The real `aigov` binary on the command line: stdout, stderr and exit codes of every
//! command, on the bundled data, on a user directory, and on bad input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn aigov(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aigov"))
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn out(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn err(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("aigov-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const VALID: &str = "tests/fixtures/valid/minimal.toml";

#[test]
fn help_and_version() {
    let o = aigov(&["--help"]);
    assert_eq!(code(&o), 0);
    for word in ["check", "list", "show", "export", "--data"] {
        assert!(out(&o).contains(word), "{word} missing from --help");
    }
    let o = aigov(&["--version"]);
    assert_eq!(
        (code(&o), out(&o).trim()),
        (0, concat!("aigov ", env!("CARGO_PKG_VERSION")))
    );
}

#[test]
fn check_bundled_is_clean_even_strict() {
    let o = aigov(&["check", "--strict"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert!(
        out(&o).starts_with("the bundled dataset: ok: "),
        "{}",
        out(&o)
    );
    assert!(err(&o).is_empty());
}

#[test]
fn check_reports_every_mistake_and_exits_1() {
    let o = aigov(&["check", "tests/fixtures/several_mistakes.toml"]);
    assert_eq!(code(&o), 1);
    let e = err(&o);
    for at in [
        ":11:8: error",
        ":18:13: error",
        ":24:17: error",
        ":26:17: error",
        ":35:1: error",
    ] {
        assert!(e.contains(at), "{at} missing:\n{e}");
    }
    assert!(
        e.trim_end()
            .ends_with("tests/fixtures/several_mistakes.toml: 5 errors, 1 warning"),
        "{e}"
    );
    assert!(!e.contains('\u{1b}'), "no colour into a pipe");
}

#[test]
fn warnings_pass_unless_strict() {
    let f = "tests/fixtures/invalid/warning_event_without_source.toml";
    let o = aigov(&["check", f]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert!(err(&o).contains("warning: event \"waic-2025-plan\" cites no source"));
    let o = aigov(&["check", f, "--strict"]);
    assert_eq!(code(&o), 1);
    // The lines say what the summary counts: a warning is an error under --strict.
    assert!(
        err(&o).contains("error (strict): event \"waic-2025-plan\" cites no source"),
        "{}",
        err(&o)
    );
    assert!(!err(&o).contains("warning:"), "{}", err(&o));
    assert!(err(&o).ends_with(": 1 error, 0 warnings\n"), "{}", err(&o));
}

#[test]
fn from_later_than_to_is_a_usage_error_with_the_swap_as_hint() {
    let o = aigov(&["list", "events", "--from", "2026", "--to", "2025-06"]);
    assert_eq!((code(&o), out(&o).as_str()), (2, ""));
    assert_eq!(
        err(&o),
        "error: --from 2026 is later than --to 2025-06, so nothing could match\n  \
         = hint: did you mean --from 2025-06 --to 2026?\n"
    );
    // The same period on both sides is fine: a year holds its months and days.
    let o = aigov(&["list", "events", "--from", "2025-07", "--to", "2025"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert!(!out(&o).is_empty());
}

#[test]
fn a_tag_no_event_has_warns_with_the_closest_and_lists_nothing() {
    for args in [
        &["list", "events", "--tag", "multilaterlism"][..],
        &["list", "quotes", "--tag", "multilaterlism"],
    ] {
        let o = aigov(args);
        assert_eq!((code(&o), out(&o).as_str()), (0, ""), "{}", err(&o));
        assert_eq!(
            err(&o),
            "warning: no event has the tag \"multilaterlism\", so nothing matches\n  \
             = hint: did you mean \"multilateralism\"?\n"
        );
    }
    let o = aigov(&["list", "events", "--tag", "multilateralism"]);
    assert_eq!((code(&o), err(&o).as_str()), (0, ""));
}

#[test]
fn completions_and_the_man_page_come_from_the_parser() {
    for (shell, mark) in [
        ("bash", "complete -F _aigov"),
        ("zsh", "#compdef aigov"),
        ("fish", "complete -c aigov"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let o = aigov(&["completions", shell]);
        assert_eq!(code(&o), 0, "{shell}: {}", err(&o));
        assert!(out(&o).contains(mark), "{shell}");
        for sub in ["check", "list", "export", "completions"] {
            assert!(out(&o).contains(sub), "{shell} lacks {sub}");
        }
    }
    let o = aigov(&["man"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    let man = out(&o);
    assert!(man.contains(".TH aigov 1"), "{man}");
    assert!(man.contains("\\-\\-data"), "{man}");
    assert_eq!(code(&aigov(&["completions", "tcsh"])), 2);
}

#[test]
fn bad_paths_and_files_get_clear_messages() {
    let o = aigov(&["check", "no/such/path"]);
    assert_eq!(code(&o), 2);
    assert_eq!(err(&o), "error: no/such/path: no such file or directory\n");

    let empty_dir = temp_dir("empty-dir");
    std::fs::write(empty_dir.join("notes.txt"), "x").unwrap();
    let o = aigov(&["check", empty_dir.to_str().unwrap()]);
    assert_eq!(code(&o), 2);
    assert!(
        err(&o).contains("no *.toml file in this directory"),
        "{}",
        err(&o)
    );

    let dir = temp_dir("bad-files");
    let cases: [(&str, &[u8], &str); 4] = [
        ("empty.toml", b"", "empty file"),
        (
            "latin1.toml",
            b"[[actor]]\nname = \"caf\xe9\"\n",
            "invalid UTF-8 (byte 0xe9)",
        ),
        (
            "binary.toml",
            b"\x7fELF\x02\x01\x01\x00\x00\x00",
            "binary file",
        ),
        (
            "deep.toml",
            format!("x = {}{}\n", "[".repeat(100_000), "]".repeat(100_000))
                .as_bytes()
                .to_vec()
                .leak(),
            "max recursion depth",
        ),
    ];
    for (name, bytes, expected) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let o = aigov(&["check", path.to_str().unwrap()]);
        assert_eq!(code(&o), 1, "{name}: {}", err(&o));
        assert!(
            err(&o).contains(path.to_str().unwrap()),
            "{name} names its path: {}",
            err(&o)
        );
        assert!(err(&o).contains(expected), "{name}: {}", err(&o));
        assert!(!err(&o).contains("panicked"));
    }

    // 50 MB that is not TOML: refused from its first lines, not parsed through
    let big = dir.join("big.toml");
    let line = "2025-07-26 12:00:01 INFO request served in 12ms\n";
    std::fs::write(&big, line.repeat(50 * 1024 * 1024 / line.len())).unwrap();
    let o = aigov(&["check", big.to_str().unwrap()]);
    assert_eq!(code(&o), 1);
    assert!(
        err(&o).contains(&format!("{}:1:12: error: TOML syntax", big.display())),
        "{}",
        err(&o)
    );
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::remove_dir_all(&empty_dir).unwrap();
}

#[test]
fn data_flag_goes_before_or_after_the_command() {
    let a = aigov(&["--data", VALID, "list", "events"]);
    let b = aigov(&["list", "events", "--data", VALID]);
    assert_eq!(code(&a), 0, "{}", err(&a));
    assert_eq!(out(&a), out(&b));
    assert_eq!(
        out(&a),
        "2025-07-26  waic-2025       Li Qiang proposes a World AI Cooperation Organization  · China, Li Qiang\n\
         2025-07-26  waic-2025-plan  China releases the Global AI Governance Action Plan  · China\n"
    );
}

#[test]
fn commands_on_data_with_errors_exit_1_with_the_diagnostics() {
    let o = aigov(&[
        "--data",
        "tests/fixtures/invalid/unknown_actor.toml",
        "list",
        "events",
    ]);
    assert_eq!(code(&o), 1);
    assert!(out(&o).is_empty());
    assert!(
        err(&o).contains("unknown actor \"li-qaing\""),
        "{}",
        err(&o)
    );
}

#[test]
fn list_filters_and_json() {
    let o = aigov(&[
        "list",
        "events",
        "--country",
        "cn",
        "--from",
        "2025-07",
        "--to",
        "2025-07",
        "--json",
    ]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    let items = v.as_array().unwrap();
    assert!(items.iter().any(|e| e["id"] == "waic-2025-waico-proposal"));
    assert!(
        items
            .iter()
            .all(|e| e["date"].as_str().unwrap().starts_with("2025-07"))
    );
    assert!(
        items
            .iter()
            .all(|e| !e["actors"].as_array().unwrap().is_empty())
    );
    // the US plan is not China's
    assert!(!items.iter().any(|e| e["id"] == "us-ai-action-plan"));

    let o = aigov(&["list", "quotes", "--country", "us", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .any(|q| q["speaker"] == "jd-vance"),
        "{v}"
    );

    let o = aigov(&["list", "events", "--tag", "no-such-tag"]);
    assert_eq!((code(&o), out(&o).as_str()), (0, ""));

    let o = aigov(&["list", "actors", "--country", "cn"]);
    assert!(
        out(&o)
            .lines()
            .any(|l| l.starts_with("li-qiang ") && l.contains("person") && l.contains("Li Qiang")),
        "{}",
        out(&o)
    );
    let o = aigov(&["list", "sources"]);
    assert!(out(&o).contains("cointribune-2025-07"));
}

#[test]
fn usage_errors_exit_2_with_a_hint() {
    let o = aigov(&["list", "events", "--country", "china"]);
    assert_eq!(code(&o), 2);
    assert!(err(&o).contains("did you mean \"cn\"?"), "{}", err(&o));
    let o = aigov(&["list", "events", "--from", "2025-13"]);
    assert_eq!(code(&o), 2);
    assert!(err(&o).contains("month 13"), "{}", err(&o));
    let o = aigov(&["show", "waic-2025-waico-proposl"]);
    assert_eq!(code(&o), 2);
    assert!(
        err(&o).contains("did you mean \"waic-2025-waico-proposal\"?"),
        "{}",
        err(&o)
    );
    assert_eq!(code(&aigov(&["lst"])), 2);
}

#[test]
fn show_prints_names_dates_sources_and_links_both_ways() {
    let o = aigov(&["show", "us-ai-action-plan"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    let s = out(&o);
    assert!(s.contains("date         2025-07-23"), "{s}");
    assert!(s.contains("← responded to by: Li Qiang proposes a World AI Cooperation Organization (2025-07-26, waic-2025-waico-proposal)"), "{s}");
    assert!(s.contains("https://"), "{s}");

    let o = aigov(&["show", "li-qiang-fragmented", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(v["kind"], "quote");
    assert_eq!(
        v["record"]["text"],
        "le développement global de la gouvernance de l’IA reste encore fragmenté"
    );
    assert_eq!(v["record"]["event"], "waic-2025-waico-proposal");
    let o = aigov(&["show", "cn", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert!(
        v["members"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m == "li-qiang")
    );
}

#[test]
fn export_json_round_trips_and_writes_files() {
    let o = aigov(&["export", "--format", "json"]);
    assert_eq!(code(&o), 0);
    let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(v["version"], 1);
    let events = v["events"].as_array().unwrap();
    let dates: Vec<&str> = events
        .iter()
        .map(|e| e["start"].as_str().unwrap())
        .collect();
    assert!(
        dates.windows(2).all(|w| w[0] <= w[1]),
        "events in date order"
    );
    for kind in ["actors", "sources", "quotes"] {
        assert!(!v[kind].as_array().unwrap().is_empty(), "{kind}");
    }
    let dir = temp_dir("export");
    let file = dir.join("out.json");
    let o = aigov(&[
        "export",
        "--format",
        "json",
        "--out",
        file.to_str().unwrap(),
        "--data",
        VALID,
    ]);
    assert_eq!((code(&o), out(&o).as_str()), (0, ""));
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(v["events"].as_array().unwrap().len(), 2);
    let o = aigov(&[
        "export",
        "--out",
        Path::new("/no/such/dir/x.json").to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 2);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_closed_pipe_is_not_a_crash() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_aigov"))
        .args(["export", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert!(!String::from_utf8_lossy(&o.stderr).contains("panicked"));
}

#[test]
fn search_json_gives_positions_into_the_original_text() {
    let o = aigov(&["search", "fragmentee", "--json", "--limit", "3"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    let doc: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    let hits = &doc["hits"];
    assert!(doc["total"].as_u64().unwrap() > 3, "{doc}");
    assert_eq!(doc["truncated"], true);
    let first = &hits[0];
    assert_eq!(first["kind"], "quote");
    assert_eq!(first["id"], "li-qiang-fragmentee");
    assert_eq!(first["field"], "text");
    let text: Vec<char> = first["text"].as_str().unwrap().chars().collect();
    let marked: String = first["positions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| text[usize::try_from(p.as_u64().unwrap()).unwrap()])
        .collect();
    assert_eq!(marked, "fragmentée");
    assert!(hits.as_array().unwrap().len() <= 3);
}

#[test]
fn search_text_is_plain_in_a_pipe_and_honours_kind() {
    let o = aigov(&[
        "--data",
        "tests/fixtures/explorer",
        "search",
        "trump",
        "--kind",
        "quote",
    ]);
    assert_eq!(code(&o), 0);
    let text = out(&o);
    assert!(!text.contains('\x1b'), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines.iter().all(|l| l.starts_with("quote ")), "{text}");
    // One row per record: the quote's words, then its speaker.
    assert!(lines[0].contains("q-trump-win") && lines[0].contains("— Donald Trump"));
    let none = aigov(&["--data", "tests/fixtures/explorer", "search", "zzzzqx"]);
    assert_eq!(out(&none), "no match\n");
    let typo = aigov(&[
        "--data",
        "tests/fixtures/explorer",
        "search",
        "trumpp !trump",
    ]);
    assert_eq!(out(&typo), "no match; did you mean: trump !trump\n");
    let json = aigov(&["search", "zzzzqx", "--json"]);
    let doc: serde_json::Value = serde_json::from_str(&out(&json)).unwrap();
    assert_eq!(
        (doc["total"].as_u64(), &doc["truncated"]),
        (Some(0), &serde_json::json!(false))
    );
}
