//! Loading and checking never panic, whatever the bytes: random mutations of valid
//! datasets (property tests), every input that ever panicked or hung (the regression
//! corpus in tests/fixtures/regress/), and diagnostics that always point at a file and a
//! line that exist.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

use aigov::dataset::{Checked, check, check_read};
use aigov::diagnostic::{Style, render};
use aigov::load::{Origin, ReadFiles};
use proptest::prelude::*;

/// Cases per property run: about 20 s in a debug build on 2 cores. The count is fixed
/// so that CI takes the same time every run; raise it locally with more patience.
const CASES: u32 = 1500;

/// The explorer fixture: four files that reference each other, with accents and CJK.
const BASE: [(&str, &str); 4] = [
    ("actors.toml", include_str!("fixtures/explorer/actors.toml")),
    ("events.toml", include_str!("fixtures/explorer/events.toml")),
    ("quotes.toml", include_str!("fixtures/explorer/quotes.toml")),
    (
        "sources.toml",
        include_str!("fixtures/explorer/sources.toml"),
    ),
];

/// Text that has broken something somewhere: line endings, Unicode edge cases, control
/// and escape characters, TOML punctuation, and one very long string.
const INSERTS: &[&str] = &[
    "\r",
    "\r\n",
    "\n",
    "\0",
    "\u{301}",
    "\u{202E}",
    "\u{200F}مرحبا",
    "中国人工智能",
    "é",
    "\u{1b}]0;pwned\u{7}",
    "\u{9b}2J",
    "\"",
    "\"\"\"",
    "'",
    "[[event]]\n",
    "[[quote]]\r\n",
    "[",
    "]",
    "=",
    "{",
    "#",
    "\\",
    "\\u",
    "id = \"x\"\n",
    "links = [{ to = \"",
    "date = 2025-13-45\n",
    "\u{FEFF}",
    "\u{FFFD}",
];

#[derive(Debug, Clone)]
enum Mutation {
    /// XOR one byte (may leave invalid UTF-8).
    Flip { at: usize, mask: u8 },
    /// Remove line `n` (modulo the count).
    DeleteLine(usize),
    /// Repeat line `n`.
    DuplicateLine(usize),
    /// Windows line endings everywhere.
    Crlf,
    /// Insert one of `INSERTS` at a byte position.
    Insert { at: usize, what: usize },
    /// A string of `n` thousand characters at a position.
    Huge { at: usize, n: usize },
    /// Keep only the first `at` bytes.
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1..=255u8).prop_map(|(at, mask)| Mutation::Flip { at, mask }),
        any::<usize>().prop_map(Mutation::DeleteLine),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        Just(Mutation::Crlf),
        (any::<usize>(), 0..INSERTS.len()).prop_map(|(at, what)| Mutation::Insert { at, what }),
        (any::<usize>(), 1..200usize).prop_map(|(at, n)| Mutation::Huge { at, n }),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len().max(1);
    match *m {
        Mutation::Flip { at, mask } => {
            if let Some(b) = bytes.get_mut(at % len) {
                *b ^= mask;
            }
        }
        Mutation::DeleteLine(n) | Mutation::DuplicateLine(n) => {
            let mut lines: Vec<Vec<u8>> =
                bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
            let i = n % lines.len();
            if matches!(m, Mutation::DeleteLine(_)) {
                lines.remove(i);
            } else {
                let line = lines[i].clone();
                lines.insert(i, line);
            }
            *bytes = lines.join(&b'\n');
        }
        Mutation::Crlf => {
            let text = String::from_utf8_lossy(bytes).replace("\r\n", "\n");
            *bytes = text.replace('\n', "\r\n").into_bytes();
        }
        Mutation::Insert { at, what } => {
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, INSERTS[what].bytes());
        }
        Mutation::Huge { at, n } => {
            let at = at % (bytes.len() + 1);
            let huge = "é中x".repeat(n * 1000 / 3);
            bytes.splice(at..at, huge.bytes());
        }
        Mutation::Truncate(at) => bytes.truncate(at % len),
    }
}

/// Checks files given as bytes, renders every diagnostic both ways, and asserts that
/// each names a file of the dataset and a line inside it.
fn check_bytes(files: Vec<(String, Vec<u8>)>) -> Checked {
    let checked = check_read(&Origin::Bundled, ReadFiles::from_memory(files));
    assert_sound(&checked);
    checked
}

fn assert_sound(checked: &Checked) {
    for d in &checked.diagnostics {
        for color in [false, true] {
            let text = render(&checked.files, d, Style { color });
            if !color {
                assert!(
                    !text.contains('\u{1b}'),
                    "an escape reached the output: {text:?}"
                );
            }
        }
        let Some(loc) = &d.location else { continue };
        let file = checked
            .files
            .get(loc.file)
            .unwrap_or_else(|| panic!("{d:?} names file {} of {}", loc.file, checked.files.len()));
        assert!(
            loc.span.start <= file.text.len(),
            "{d:?} starts past the end"
        );
        let (line, _) = file.line_col(loc.span.start);
        let lines = file.text.matches('\n').count() + 1;
        assert!(line <= lines, "{d:?} names line {line} of {lines}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn mutated_datasets_never_panic_and_diagnostics_point_inside(
        target in 0..BASE.len(),
        mutations in proptest::collection::vec(mutation(), 1..8),
    ) {
        let mut files: Vec<(String, Vec<u8>)> = BASE
            .iter()
            .map(|(p, t)| ((*p).to_string(), t.as_bytes().to_vec()))
            .collect();
        for m in &mutations {
            apply(&mut files[target].1, m);
        }
        check_bytes(files);
    }
}

fn corpus() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir("tests/fixtures/regress")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 8, "the regression corpus shrank: {paths:?}");
    paths
}

/// Every input that ever panicked or hung, through the library and through the binary:
/// a diagnostic and exit 1, never exit 101.
#[test]
fn every_input_that_ever_panicked_is_a_diagnostic_now() {
    for path in corpus() {
        let checked = check(&Origin::Path(path.clone())).unwrap();
        assert_sound(&checked);
        assert!(
            checked.counts().0 > 0,
            "{} should have an error",
            path.display()
        );
        let out = Command::new(env!("CARGO_BIN_EXE_aigov"))
            .arg("check")
            .arg(&path)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{}:\n{stderr}", path.display());
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

/// A file past the size where syntax is first checked on its first 64 KiB, with a
/// multi-byte character across that cut (it once panicked slicing there).
#[test]
fn a_large_file_cut_inside_a_character_is_read() {
    let mut text = String::from("[[actor]]\nid = \"cn\"\nname = \"");
    while text.len() < 65_536 + 8 {
        text.push('中');
    }
    text.push_str("\"\nkind = \"country\"\n");
    // Past the 4 MiB where recovery stops, still valid TOML.
    let filler = format!("# {}\n", "é".repeat(200));
    while text.len() < 4 * 1024 * 1024 + 1 {
        text.push_str(&filler);
    }
    // Make sure the cut falls inside a character whatever the header length.
    assert!(!text.is_char_boundary(65_536) || !text.is_char_boundary(65_535));
    let checked = check_bytes(vec![("big.toml".to_string(), text.into_bytes())]);
    assert_eq!(checked.counts().0, 0, "{:?}", checked.diagnostics);
}

/// An unknown id of a megabyte gets its error at once, without a "did you mean".
#[test]
fn a_huge_unknown_id_is_reported_without_a_suggestion() {
    let huge = "a".repeat(1 << 20);
    let text = format!(
        "[[actor]]\nid = \"cn\"\nname = \"China\"\nkind = \"country\"\n\n\
         [[actor]]\nid = \"li\"\nname = \"Li\"\nkind = \"person\"\ncountry = \"{huge}\"\n"
    );
    let checked = check_bytes(vec![("d.toml".to_string(), text.into_bytes())]);
    let d = checked
        .diagnostics
        .iter()
        .find(|d| d.message.contains("unknown"))
        .expect("an unknown-country error");
    assert!(
        d.hint
            .as_deref()
            .is_none_or(|h| !h.contains("did you mean")),
        "{d:?}"
    );
}

fn aigov(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_aigov"))
        .args(args)
        .env("AIGOV_CACHE_DIR", "")
        .output()
        .unwrap()
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("aigov-robust-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// 40,000 errors print the first 500 and say how many more there are.
#[test]
fn a_flood_of_errors_is_capped_with_a_count() {
    let dir = temp("flood");
    let ids: Vec<String> = (0..40_000).map(|i| format!("\"u{i}\"")).collect();
    let file = dir.join("flood.toml");
    std::fs::write(
        &file,
        format!(
            "[[event]]\nid = \"e\"\ndate = \"2025\"\ntitle = \"t\"\nactors = [{}]\n",
            ids.join(",")
        ),
    )
    .unwrap();
    let out = aigov(&["check", file.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    let shown = stderr.matches(": error: ").count() + stderr.matches(": warning: ").count();
    assert_eq!(shown, 500, "{}", &stderr[..500]);
    let tail = &stderr[stderr.len() - 300..];
    assert!(tail.contains("… and 39501 more"), "{tail}");
    assert!(
        tail.trim_end().ends_with("40000 errors, 1 warning"),
        "{tail}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Only regular files are read: a FIFO or a device is refused at once (exit 2), and a
/// directory that links back to itself is read once.
#[cfg(unix)]
#[test]
fn fifos_devices_and_link_loops_do_not_hang() {
    let dir = temp("special");
    let fifo = dir.join("pipe.toml");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let out = aigov(&["check", fifo.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("FIFO"));
    // In a directory, the FIFO is not a data file: the rest loads.
    std::fs::write(dir.join("one.toml"), BASE[0].1).unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("loop")).unwrap();
    let out = aigov(&["check", dir.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("duplicate"),
        "read twice through the link:\n{stderr}"
    );
    let out = aigov(&["--data", "/dev/zero", "list", "events"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a regular file"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Names that do not come from aigov (a file name, an id typed on the command line) are
/// printed with their control characters made visible.
#[test]
fn file_names_and_arguments_never_reach_the_terminal_raw() {
    let dir = temp("names");
    let file = dir.join("\u{1b}]0;pwned\u{7}.toml");
    std::fs::write(&file, "[[actor]]\nid = \"x\"\n").unwrap();
    let out = aigov(&["check", dir.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.contains("␛]0;pwned␇.toml"), "{stderr}");
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "{stderr:?}"
    );
    let out = aigov(&["check", file.with_extension("missing").to_str().unwrap()]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains('\u{1b}'));
    for args in [
        &["show", "\u{1b}[2Jx\ny"][..],
        &["list", "events", "--country", "\u{1b}]52;c;aGk=\u{7}"][..],
    ] {
        let out = aigov(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
            "{stderr:?}"
        );
        assert!(stderr.lines().next().unwrap().contains('␛'), "{stderr:?}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The exit code says what the data holds even when the reader went away, and output
/// that cannot be written is an error.
#[cfg(unix)]
#[test]
fn exit_codes_survive_closed_pipes_and_report_lost_output() {
    let bad = Path::new("tests/fixtures/several_mistakes.toml");
    // `aigov check bad.toml 2>&1 | head -c0`: the pipe closes before the first line.
    let mut child = Command::new(env!("CARGO_BIN_EXE_aigov"))
        .args(["check"])
        .arg(bad)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stderr.take());
    assert_eq!(
        child.wait().unwrap().code(),
        Some(1),
        "problems, pipe closed"
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_aigov"))
        .args(["list", "events"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    assert_eq!(
        child.wait().unwrap().code(),
        Some(0),
        "clean data, pipe closed"
    );
    // stdout closed (`>&-`) or full (/dev/full): the output is lost, exit 2.
    let out = Command::new("sh")
        .arg("-c")
        .arg(r#"exec "$0" list events >&-"#)
        .arg(env!("CARGO_BIN_EXE_aigov"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("stdout is closed"));
    if Path::new("/dev/full").exists() {
        let out = Command::new(env!("CARGO_BIN_EXE_aigov"))
            .args(["list", "events"])
            .stdout(std::fs::File::create("/dev/full").unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write"));
    }
}
