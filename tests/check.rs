//! `aigov check` on the fixture corpus: each file of tests/fixtures/invalid/ holds one
//! mistake and must produce exactly one diagnostic, snapshotted as rendered; a file with
//! several mistakes must have all of them reported in one run.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use aigov::dataset::check;
use aigov::diagnostic::{Severity, Style, render};
use aigov::load::Origin;

fn rendered(path: &str) -> (String, usize) {
    let checked = check(&Origin::Path(PathBuf::from(path))).unwrap();
    let text: String = checked
        .diagnostics
        .iter()
        .map(|d| render(&checked.files, d, Style { color: false }))
        .collect::<Vec<_>>()
        .join("\n");
    (text, checked.diagnostics.len())
}

#[test]
fn every_invalid_fixture_gets_exactly_its_diagnostic() {
    let mut names: Vec<PathBuf> = std::fs::read_dir("tests/fixtures/invalid")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    names.sort();
    assert!(names.len() >= 30, "the corpus shrank: {}", names.len());
    for path in names {
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let (text, count) = rendered(&path.to_string_lossy());
        assert_eq!(count, 1, "{stem} should have one diagnostic:\n{text}");
        let is_warning = stem.starts_with("warning_");
        assert_eq!(text.contains(": warning: "), is_warning, "{stem}:\n{text}");
        insta::assert_snapshot!(format!("invalid__{stem}"), text);
    }
}

#[test]
fn the_valid_fixture_is_clean() {
    let (text, count) = rendered("tests/fixtures/valid/minimal.toml");
    assert_eq!(count, 0, "{text}");
}

#[test]
fn several_mistakes_are_all_reported_at_their_line_and_column() {
    let path = "tests/fixtures/several_mistakes.toml";
    let checked = check(&Origin::Path(PathBuf::from(path))).unwrap();
    let got: Vec<String> = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            let at = aigov::diagnostic::position(&checked.files, d.location.as_ref().unwrap());
            format!(
                "{at} {} | {}",
                d.message,
                d.hint.clone().unwrap_or_default()
            )
        })
        .collect();
    let expected = [
        "tests/fixtures/several_mistakes.toml:11:8 unknown actor kind \"persn\" | did you mean \"person\"?",
        "tests/fixtures/several_mistakes.toml:18:13 invalid date \"2025-11-31\": Nov 2025 has no day 31 | dates are \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"",
        "tests/fixtures/several_mistakes.toml:24:17 unknown actor \"xi-jinpin\" | did you mean \"xi-jinping\" (Xi Jinping)?",
        "tests/fixtures/several_mistakes.toml:26:17 unknown link target \"waic-2025\" | no [[event]] has id = \"waic-2025\"",
        "tests/fixtures/several_mistakes.toml:35:1 unknown field `tranlsation` in [[quote]] | did you mean `translation`?",
    ];
    assert_eq!(got, expected);
    let (text, _) = rendered(path);
    insta::assert_snapshot!("several_mistakes", text);
}

#[test]
fn a_file_in_a_directory_with_a_bad_neighbour_still_reports_both() {
    let dir = std::env::temp_dir().join(format!("aigov-check-dir-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("b")).unwrap();
    std::fs::copy(
        "tests/fixtures/invalid/unknown_actor.toml",
        dir.join("a.toml"),
    )
    .unwrap();
    std::fs::write(dir.join("b/binary.toml"), b"\x00\x01\x02garbage").unwrap();
    std::fs::write(dir.join("b/latin1.toml"), b"title = \"caf\xe9\"\n").unwrap();
    std::fs::write(dir.join("notes.txt"), "ignored").unwrap();
    let checked = check(&Origin::Path(dir.clone())).unwrap();
    let messages: Vec<&str> = checked
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(checked.files.len(), 3, "only *.toml files are read");
    assert!(
        messages.contains(&"unknown actor \"li-qaing\""),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("this is a binary file")),
        "{messages:?}"
    );
    assert!(
        messages.contains(&"invalid UTF-8 (byte 0xe9)"),
        "{messages:?}"
    );
    let latin = checked
        .diagnostics
        .iter()
        .find(|d| d.message.starts_with("invalid UTF-8"))
        .unwrap();
    assert_eq!(
        aigov::diagnostic::position(&checked.files, latin.location.as_ref().unwrap()),
        format!("{}:1:13", dir.join("b/latin1.toml").display())
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A dataset describes itself once: a second `[dataset]` table, in another file, is an
/// error that points at both.
#[test]
fn a_second_dataset_table_is_an_error_at_both_places() {
    let meta = |t: &str| format!("[dataset]\ntitle = \"{t}\"\n").into_bytes();
    let actor = b"[[actor]]\nid = \"cn\"\nname = \"China\"\nkind = \"country\"\n".to_vec();
    let files = vec![
        ("a.toml".to_string(), meta("One")),
        ("b.toml".to_string(), meta("Two")),
        ("c.toml".to_string(), actor),
    ];
    let checked =
        aigov::dataset::check_read(&Origin::Bundled, aigov::load::ReadFiles::from_memory(files));
    let errors: Vec<String> = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| render(&checked.files, d, Style { color: false }))
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("b.toml:1:1: error: a second [dataset] table"),
        "{}",
        errors[0]
    );
    assert!(
        errors[0].contains("= note: the first [dataset] at a.toml:1:1"),
        "{}",
        errors[0]
    );
    assert!(checked.graph.is_none());
}
