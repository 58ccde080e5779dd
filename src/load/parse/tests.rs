//! Unit tests of the parse layer: fields, recovery, shapes, escapes, spans.
#![allow(clippy::unwrap_used)]

use super::*;
use crate::graph::LinkKind;

fn run(text: &str) -> (RawDataset, Vec<Diagnostic>) {
    let mut raw = RawDataset::default();
    let mut diags = Vec::new();
    parse_file(0, text, &mut raw, &mut diags);
    (raw, diags)
}

fn messages(d: &[Diagnostic]) -> Vec<String> {
    d.iter().map(|d| d.message.clone()).collect()
}

#[test]
fn reads_every_field_of_every_kind() {
    let (raw, d) = run(r#"
[[actor]]
id = "cn"
name = "China"
kind = "country"
aliases = ["中国", "PRC"]

[[source]]
id = "s"
title = "T"
publisher = "P"
published = "2025-07"
url = "https://example.org/a"

[[event]]
id = "e"
date = 2025-07-26
title = "E"
actors = ["cn"]
tags = ["ai-governance"]
sources = ["s"]
links = [{ to = "f", kind = "responds_to", note = "later" }]

[[quote]]
id = "q"
speaker = "cn"
event = "e"
source = "s"
lang = "fr"
text = "l’IA"
translation = "AI"
"#);
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(raw.actors[0].aliases, ["中国", "PRC"]);
    assert_eq!(raw.sources[0].published.unwrap().to_string(), "2025-07");
    let e = &raw.events[0];
    assert_eq!(e.date.as_ref().unwrap().value.to_string(), "2025-07-26");
    assert_eq!(e.links[0].kind, LinkKind::RespondsTo);
    assert_eq!(e.links[0].note.as_deref(), Some("later"));
    assert_eq!(raw.quotes[0].text.as_deref(), Some("l’IA"));
}

#[test]
fn unknown_fields_get_the_closest_name() {
    let (_, d) = run("[[actor]]\nid = \"us\"\nnmae = \"US\"\nkind = \"country\"\n");
    assert_eq!(d.len(), 2, "{d:?}"); // unknown `nmae`, missing `name`
    assert!(
        d.iter()
            .any(|d| d.message == "unknown field `nmae` in [[actor]]"
                && d.hint.as_deref() == Some("did you mean `name`?"))
    );
    assert!(d.iter().any(|d| d.message == "actor \"us\" has no `name`"));
}

#[test]
fn each_problem_of_an_entry_is_reported() {
    let (_, d) = run(
        "[[event]]\nid = \"Bad Id\"\ndate = \"2025-13-01\"\ntitle = \"\"\ntags = \"x\"\nlinks = [{ to = \"a\", kind = \"answers\" }]\n",
    );
    let m = messages(&d);
    assert!(m.contains(&"invalid id \"Bad Id\"".to_string()), "{m:?}");
    assert!(m.iter().any(|m| m.contains("month 13")), "{m:?}");
    assert!(
        m.contains(&"empty `title` in [[event]]".to_string()),
        "{m:?}"
    );
    assert!(
        m.contains(&"`tags` must be an array of strings, found a string".to_string()),
        "{m:?}"
    );
    assert!(
        m.contains(&"unknown link kind \"answers\"".to_string()),
        "{m:?}"
    );
}

#[test]
fn syntax_errors_do_not_stop_later_tables() {
    let (raw, d) = run(
        "[[actor]]\nid = \"a\nname = \"A\"\n\n[[actor]]\nid = \"b\"\nname = \"B\"\nkind = \"person\"\n",
    );
    assert!(
        d.iter().any(|d| d.message.starts_with("TOML syntax")),
        "{d:?}"
    );
    assert!(
        raw.actors
            .iter()
            .any(|a| a.id.as_ref().is_some_and(|i| i.value == "b"))
    );
}

#[test]
fn wrong_table_shapes_and_names() {
    let (_, d) = run("[event]\nid = \"x\"\n\n[[evnt]]\nid = \"y\"\n");
    let m = messages(&d);
    assert!(
        m.contains(&"`event` must be an array of tables".to_string()),
        "{m:?}"
    );
    assert!(m.contains(&"unknown table `evnt`".to_string()), "{m:?}");
}

#[test]
fn control_characters_become_visible_with_a_warning_at_the_character() {
    // raw C1 and bidi characters are valid TOML: the warning points at the character
    let text = "[[actor]]\nid = \"a\"\nname = \"A\u{9b}2J\"\nkind = \"person\"\n";
    let (raw, d) = run(text);
    assert_eq!(raw.actors[0].name.as_deref(), Some("A<U+009B>2J"));
    assert_eq!(d.len(), 1, "{d:?}");
    let span = &d[0].location.as_ref().unwrap().span;
    assert_eq!(&text[span.clone()], "\u{9b}");
    // raw ESC is a TOML syntax error, named as a control character, and still escaped
    let text = "[[actor]]\nid = \"a\"\nname = \"A\u{1b}]0;x\"\nkind = \"person\"\n";
    let (raw, d) = run(text);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].message, "control character U+001B in the text");
    assert!(
        raw.actors
            .first()
            .and_then(|a| a.name.as_deref())
            .is_none_or(|n| !n.contains('\u{1b}'))
    );
    let (raw, _) = run("[[actor]]\nid = \"a\"\nname = \"B\\u001b[2J\\u202E\"\nkind = \"person\"\n");
    assert_eq!(raw.actors[0].name.as_deref(), Some("B␛[2J<U+202E>"));
}

#[test]
fn header_span_points_at_the_brackets() {
    let text = "\n  [[event]]  # x\nid = 1\n";
    let (_, d) = run(text);
    let missing = d
        .iter()
        .find(|d| d.message.contains("has no `date`"))
        .unwrap();
    assert_eq!(
        &text[missing.location.as_ref().unwrap().span.clone()],
        "[[event]]"
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let text = format!("x = {}{}\n", "[".repeat(5000), "]".repeat(5000));
    let (_, d) = run(&text);
    assert!(!d.is_empty());
}

#[test]
fn tags_take_letters_of_any_script_in_nfc_and_hints_keep_the_letters() {
    let text = "[[event]]\nid = \"e\"\ndate = \"2025\"\ntitle = \"t\"\n\
        tags = [\"dérégulation\", \"出口管制\", \"de\u{301}re\u{301}gulation\", \"ai-2025\", \"Dérégulation\", \"export controls\", \"--\"]\n";
    let (raw, d) = run(text);
    let tags: Vec<&str> = raw.events[0]
        .tags
        .iter()
        .map(|t| t.value.as_str())
        .collect();
    assert_eq!(tags[2], "dérégulation", "stored in NFC");
    let hints: Vec<(String, String)> = d
        .iter()
        .map(|d| (d.message.clone(), d.hint.clone().unwrap_or_default()))
        .collect();
    assert_eq!(hints.len(), 3, "{hints:?}");
    assert_eq!(hints[0].0, "invalid tag \"Dérégulation\"");
    assert!(hints[0].1.ends_with("try \"dérégulation\""), "{hints:?}");
    assert!(hints[1].1.ends_with("try \"export-controls\""), "{hints:?}");
    assert!(
        !hints[2].1.contains("try"),
        "no empty suggestion: {hints:?}"
    );
}

/// The whole-file reading of `text`, as small files are read.
fn whole(text: &str) -> (RawDataset, Vec<Diagnostic>) {
    let mut raw = RawDataset::default();
    let mut diags = Vec::new();
    let doc = syntax::parse_syntax(0, text, &mut diags).unwrap();
    read_doc(0, text, 0, &doc, &mut raw, &mut diags);
    (raw, diags)
}

#[test]
fn a_large_file_read_in_parts_gives_what_the_whole_file_gives() {
    let mut text = crate::synth::generate(crate::synth::Spec {
        events: 6000,
        quotes: 6000,
    });
    // A control character (a warning with its span) and a `[[event]]` line inside a
    // multi-line string, placed where cuts fall.
    let mid = text.len() / 2;
    let line = mid + text[mid..].find("\n[[").unwrap() + 1;
    text.insert_str(
        line,
        "[[event]]\nid = \"tricky\"\ndate = \"2025\"\ntitle = \"T\\u001b\"\nsummary = \"\"\"\n[[event]]\nnot a header\"\"\"\n\n",
    );
    assert!(text.len() > PARTS_ABOVE_BYTES, "{} bytes", text.len());
    assert!(cut_points(&text, PART_BYTES).len() > 3);
    let (parts, d1) = run(&text);
    let (all, d2) = whole(&text);
    assert_eq!(format!("{d1:?}"), format!("{d2:?}"));
    assert_eq!(format!("{parts:?}"), format!("{all:?}"));
    assert!(
        parts
            .events
            .iter()
            .any(|e| e.id.as_ref().unwrap().value == "tricky")
    );
    // A cut inside a multi-line string: that part cannot parse alone, so the whole file
    // is read instead, with the same result.
    let cut = cut_points(&text, PART_BYTES)[1];
    let mut inside = text.clone();
    inside.insert_str(cut - 1, "\nnote = \"\"\"\n");
    let close = cut + 12 + inside[cut + 12..].find("\n[[").unwrap();
    inside.insert_str(close, "\"\"\"\n");
    assert!(parse_in_parts(0, &inside, None).is_none());
    let (a, da) = run(&inside);
    let (b, db) = whole(&inside);
    assert_eq!(format!("{da:?}"), format!("{db:?}"));
    assert_eq!(format!("{a:?}"), format!("{b:?}"));
    // A syntax error deep in the file is found, at its place.
    let mut broken = text.clone();
    let at = broken.len() * 3 / 4;
    let at = at + broken[at..].find("\ntext = ").unwrap() + 1;
    broken.insert_str(at, "text == \"x\"\n");
    let (_, d) = run(&broken);
    assert!(
        d.iter().any(|d| d.message.starts_with("TOML syntax")
            && d.location.as_ref().unwrap().span.start >= at),
        "{d:?}"
    );
}

#[test]
fn appending_keeps_the_order_of_the_records_whichever_list_is_longer() {
    let parsed = |text: &str| {
        let mut raw = RawDataset::default();
        let mut diags = Vec::new();
        parse_file(0, text, &mut raw, &mut diags);
        raw
    };
    let event = |id: &str| format!("[[event]]\nid = \"{id}\"\ndate = \"2025\"\ntitle = \"T\"\n\n");
    let ids = |raw: &RawDataset| -> Vec<String> {
        raw.events
            .iter()
            .filter_map(|e| e.id.as_ref().map(|i| i.value.clone()))
            .collect()
    };
    let mut short_first = parsed(&event("a"));
    short_first.append(parsed(&(event("b") + &event("c"))));
    assert_eq!(ids(&short_first), ["a", "b", "c"]);
    let mut long_first = parsed(&(event("a") + &event("b")));
    long_first.append(parsed(&event("c")));
    assert_eq!(ids(&long_first), ["a", "b", "c"]);
    let mut empty = RawDataset::default();
    empty.append(parsed(&event("a")));
    assert_eq!(ids(&empty), ["a"]);
}
