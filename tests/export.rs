//! `aigov export` in every format, on the bundled data and on a fixture full of text to
//! escape, unfiltered and filtered: each output is parsed back (`serde_json`, the csv crate,
//! a CommonMark parser, a small DOT reader) and compared with the JSON export, whose
//! selection is itself checked against `aigov list`. Small outputs are also snapshotted.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "common/run.rs"]
#[allow(dead_code)] // the helpers serve several test files
mod run;

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde_json::Value;

use run::{aigov, aigov_ok, piped};

const FIXTURE: &str = "tests/fixtures/export/escaping.toml";

/// The datasets every check runs on: the bundled one and the fixture.
const DATASETS: [Option<&str>; 2] = [None, Some(FIXTURE)];

/// The title a dataset's documents carry: the bundled data's `[dataset]` title; a user's
/// data without one is named after its file (never titled as ours).
fn title(data: Option<&str>) -> &'static str {
    match data {
        None => "China–US AI governance",
        Some(_) => "escaping",
    }
}

/// Filter sets every check runs with.
const FILTERS: [&[&str]; 5] = [
    &[],
    &["--country", "us", "--from", "2025"],
    &["--country", "cn"],
    &["--tag", "multilateral"],
    &["--to", "2024"],
];

fn args<'a>(data: Option<&'a str>, rest: &[&'a str], filters: &[&'a str]) -> Vec<&'a str> {
    let mut v = Vec::new();
    if let Some(d) = data {
        v.extend(["--data", d]);
    }
    v.extend_from_slice(rest);
    v.extend_from_slice(filters);
    v
}

fn export(data: Option<&str>, format: &str, filters: &[&str]) -> String {
    aigov_ok(&args(data, &["export", "--format", format], filters))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("aigov-export-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The JSON export: the reference every other format is compared with.
struct Reference {
    events: Vec<Value>,
    quotes: Vec<Value>,
    actors: Vec<Value>,
    sources: Vec<Value>,
}

impl Reference {
    fn new(data: Option<&str>, filters: &[&str]) -> Self {
        let v: Value = serde_json::from_str(&export(data, "json", filters)).unwrap();
        assert_eq!(v["version"], 1);
        let list = |k: &str| v[k].as_array().unwrap().clone();
        Self {
            events: list("events"),
            quotes: list("quotes"),
            actors: list("actors"),
            sources: list("sources"),
        }
    }

    fn source(&self, id: &str) -> &Value {
        self.sources.iter().find(|s| s["id"] == id).unwrap()
    }

    fn actor(&self, id: &str) -> &Value {
        self.actors.iter().find(|a| a["id"] == id).unwrap()
    }

    /// The quotes of an event, in export order.
    fn quotes_of<'a>(&'a self, event: &'a str) -> impl Iterator<Item = &'a Value> {
        self.quotes.iter().filter(move |q| q["event"] == event)
    }
}

fn ids(values: &[Value]) -> Vec<String> {
    values
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect()
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| s(x).to_string())
        .collect()
}

/// Data text as it reads once Markdown collapsed its whitespace.
fn collapse(text: &str) -> String {
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------- json

#[test]
fn json_keeps_what_list_keeps_and_every_reference_resolves() {
    for data in DATASETS {
        let all = Reference::new(data, &[]);
        for filters in FILTERS {
            let r = Reference::new(data, filters);
            let ctx = format!("{data:?} {filters:?}");
            let listed = |what: &str| -> Vec<Value> {
                let text = aigov_ok(&args(data, &["list", what, "--json"], filters));
                serde_json::from_str::<Value>(&text)
                    .unwrap()
                    .as_array()
                    .unwrap()
                    .clone()
            };
            assert_eq!(ids(&r.events), ids(&listed("events")), "{ctx}");
            // Quotes go with their events: those `list quotes` keeps, at exported events.
            let event_ids: BTreeSet<String> = ids(&r.events).into_iter().collect();
            let expected: BTreeSet<String> = listed("quotes")
                .iter()
                .filter(|q| event_ids.contains(s(&q["event"])))
                .map(|q| s(&q["id"]).to_string())
                .collect();
            assert_eq!(
                ids(&r.quotes).into_iter().collect::<BTreeSet<_>>(),
                expected,
                "{ctx}"
            );
            let actor_ids: BTreeSet<String> = ids(&r.actors).into_iter().collect();
            let source_ids: BTreeSet<String> = ids(&r.sources).into_iter().collect();
            for e in &r.events {
                assert!(strs(&e["actors"]).iter().all(|a| actor_ids.contains(a)));
                assert!(strs(&e["sources"]).iter().all(|x| source_ids.contains(x)));
            }
            for q in &r.quotes {
                assert!(event_ids.contains(s(&q["event"])), "{ctx}");
                assert!(actor_ids.contains(s(&q["speaker"])), "{ctx}");
                assert!(source_ids.contains(s(&q["source"])), "{ctx}");
                let original = &q["original_source"];
                assert!(
                    original.is_null() || source_ids.contains(s(original)),
                    "{ctx}"
                );
            }
            for a in &r.actors {
                assert!(a["country"].is_null() || actor_ids.contains(s(&a["country"])));
            }
            if filters.is_empty() {
                assert_eq!(r.actors.len(), listed("actors").len(), "{ctx}");
                assert_eq!(r.sources.len(), listed("sources").len(), "{ctx}");
            } else {
                assert!(
                    r.events.len() < all.events.len(),
                    "{ctx} keeps fewer events"
                );
                assert!(r.actors.len() <= all.actors.len(), "{ctx}");
            }
        }
    }
}

#[test]
fn a_quote_is_exported_with_its_event() {
    let filters = ["--country", "us"];
    let r = Reference::new(Some(FIXTURE), &filters);
    assert_eq!(ids(&r.events), ["us-plan"]);
    assert_eq!(ids(&r.quotes), ["q-trump"]);
    // only through its speaker does this quote pass: `list` shows it, the export does not
    let listed = aigov_ok(&args(Some(FIXTURE), &["list", "quotes"], &filters));
    assert!(listed.contains("q-trump-eu"), "{listed}");
    assert_eq!(ids(&r.actors), ["us", "trump"]);
    assert_eq!(ids(&r.sources), ["src-b"]);
}

// ---------------------------------------------------------------- csv

/// Splits a multi-valued CSV field (`;`, with `\;` and `\\` escapes).
fn split(field: &str) -> Vec<String> {
    if field.is_empty() {
        return Vec::new();
    }
    let mut items = vec![String::new()];
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => items.last_mut().unwrap().extend(chars.next()),
            ';' => items.push(String::new()),
            c => items.last_mut().unwrap().push(c),
        }
    }
    items
}

/// Reads a CSV file with the csv crate: its header and its records.
fn read_csv(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let text = std::str::from_utf8(bytes).unwrap();
    assert!(text.ends_with("\r\n"), "records end in CRLF");
    let first = text.split("\r\n").next().unwrap();
    assert!(!first.contains('\n'), "the header ends in CRLF");
    let mut r = csv::ReaderBuilder::new().from_reader(bytes);
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

/// A cell as a spreadsheet must get it: text whose first character would start a formula
/// (`=`, `+`, `-`, `@`, tab, CR) behind a `'`; numbers and anything else as they are.
fn spreadsheet(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) && text.parse::<f64>().is_err() {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// Compares CSV rows with JSON records field by field: strings as they are (behind a `'`
/// where a spreadsheet would run them), null as an empty field, arrays as `;`-joined lists.
fn assert_rows_match(header: &[String], rows: &[Vec<String>], records: &[Value], ctx: &str) {
    assert_eq!(rows.len(), records.len(), "{ctx}");
    for (row, rec) in rows.iter().zip(records) {
        for (key, field) in header.iter().zip(row) {
            let cell = field;
            // The value behind the `'`, which a reader drops again.
            let field = &match field.strip_prefix('\'') {
                Some(rest) if spreadsheet(rest) == *field => rest.to_string(),
                _ => field.clone(),
            };
            match &rec[key.as_str()] {
                Value::Null => assert_eq!(field, "", "{ctx} {key}"),
                Value::String(x) => {
                    assert_eq!(field, x, "{ctx} {key}");
                    assert_eq!(*cell, spreadsheet(x), "{ctx} {key}");
                }
                Value::Array(items) if key == "links" => {
                    let pairs: Vec<String> = items
                        .iter()
                        .map(|l| format!("{}:{}", s(&l["kind"]), s(&l["to"])))
                        .collect();
                    assert_eq!(split(field), pairs, "{ctx} {key}");
                }
                Value::Array(_) => assert_eq!(split(field), strs(&rec[key.as_str()])),
                other => panic!("{ctx}: unexpected {key} = {other}"),
            }
        }
    }
}

#[test]
fn csv_to_a_directory_writes_every_table_and_they_parse_back() {
    let root = temp_dir("csv");
    for (d, data) in DATASETS.into_iter().enumerate() {
        for (i, filters) in FILTERS.into_iter().enumerate() {
            let ctx = format!("{data:?} {filters:?}");
            let r = Reference::new(data, filters);
            // a directory that does not exist yet, nested: created
            let dir = root.join(format!("{d}-{i}/tables"));
            let dir_s = dir.to_str().unwrap();
            let stdout = aigov_ok(&args(
                data,
                &["export", "--format", "csv", "--out", dir_s],
                filters,
            ));
            assert_eq!(stdout, "");
            let table = |name: &str| read_csv(&std::fs::read(dir.join(name)).unwrap());

            let (header, rows) = table("events.csv");
            assert_eq!(
                header,
                [
                    "id",
                    "date",
                    "date_precision",
                    "start",
                    "end",
                    "title",
                    "place",
                    "summary",
                    "actors",
                    "tags",
                    "sources",
                    "links",
                    "note"
                ]
            );
            assert_rows_match(&header, &rows, &r.events, &format!("{ctx} events"));
            let (header, rows) = table("quotes.csv");
            assert_eq!(header[..3], ["id", "speaker", "event"]);
            assert_rows_match(&header, &rows, &r.quotes, &format!("{ctx} quotes"));
            let (header, rows) = table("actors.csv");
            assert_rows_match(&header, &rows, &r.actors, &format!("{ctx} actors"));
            let (header, rows) = table("sources.csv");
            assert_rows_match(&header, &rows, &r.sources, &format!("{ctx} sources"));

            let (header, rows) = table("links.csv");
            assert_eq!(header, ["from", "to", "kind", "note"]);
            let expected: Vec<Vec<String>> = r
                .events
                .iter()
                .flat_map(|e| {
                    e["links"].as_array().unwrap().iter().map(|l| {
                        vec![
                            s(&e["id"]).to_string(),
                            s(&l["to"]).to_string(),
                            s(&l["kind"]).to_string(),
                            s(&l["note"]).to_string(),
                        ]
                    })
                })
                .collect();
            assert_eq!(rows, expected, "{ctx} links");
        }
    }
    // the escaping fixture: quotes, commas, newlines and `;` survive the round trip
    let r = Reference::new(Some(FIXTURE), &[]);
    let dir = root.join("1-0/tables");
    let (_, quotes) = read_csv(&std::fs::read(dir.join("quotes.csv")).unwrap());
    let q = quotes.iter().find(|q| q[0] == "q-trump").unwrap();
    assert_eq!(q[6], "We will win,\nand \"we\" will win big. \\");
    let (_, actors) = read_csv(&std::fs::read(dir.join("actors.csv")).unwrap());
    let cn = actors.iter().find(|a| a[0] == "cn").unwrap();
    assert_eq!(split(&cn[5]), strs(&r.actor("cn")["aliases"]));
    assert_eq!(split(&cn[5])[1], "中华人民共和国; 中国");
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn csv_to_stdout_or_a_csv_file_is_the_events_table() {
    let dir = temp_dir("csv-events");
    for data in DATASETS {
        for filters in FILTERS {
            let stdout = export(data, "csv", filters);
            let tables = dir.join("all");
            aigov_ok(&args(
                data,
                &[
                    "export",
                    "--format",
                    "csv",
                    "--out",
                    tables.to_str().unwrap(),
                    "--force",
                ],
                filters,
            ));
            let events_csv = std::fs::read_to_string(tables.join("events.csv")).unwrap();
            assert_eq!(stdout, events_csv, "{data:?} {filters:?}");
            let file = dir.join("events-only.CSV");
            aigov_ok(&args(
                data,
                &[
                    "export",
                    "--format",
                    "csv",
                    "--out",
                    file.to_str().unwrap(),
                    "--force",
                ],
                filters,
            ));
            assert_eq!(std::fs::read_to_string(&file).unwrap(), stdout);
            let (_, rows) = read_csv(stdout.as_bytes());
            assert_eq!(rows.len(), Reference::new(data, filters).events.len());
        }
    }
    // a file that is neither a directory nor a .csv: refused, not overwritten
    let other = dir.join("notes.txt");
    std::fs::write(&other, "keep me").unwrap();
    let o = aigov(&[
        "export",
        "--format",
        "csv",
        "--out",
        other.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("not a directory"), "{err}");
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "keep me");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn csv_cells_a_spreadsheet_would_run_start_with_a_quote_mark() {
    const FORMULAS: &str = "tests/fixtures/export/formulas.toml";
    let dir = temp_dir("csv-formulas");
    aigov_ok(&[
        "--data",
        FORMULAS,
        "export",
        "--format",
        "csv",
        "--out",
        dir.to_str().unwrap(),
    ]);
    let table = |name: &str| read_csv(&std::fs::read(dir.join(name)).unwrap());
    let (header, rows) = table("events.csv");
    let r = Reference::new(Some(FORMULAS), &[]);
    assert_rows_match(&header, &rows, &r.events, "formulas events");
    let field = |k: &str| rows[0][header.iter().position(|h| h == k).unwrap()].as_str();
    assert_eq!(field("title"), "'=1+1");
    assert_eq!(field("place"), "'-2+3");
    assert_eq!(field("summary"), "'@SUM(A1:A9)");
    // dates and numbers stay as they are
    assert_eq!(field("date"), "2025-07");
    assert_eq!(field("start"), "2025-07-01");
    let (header, rows) = table("quotes.csv");
    assert_rows_match(&header, &rows, &r.quotes, "formulas quotes");
    assert_eq!(rows[0][6], "-5");
    let (header, rows) = table("actors.csv");
    assert_rows_match(&header, &rows, &r.actors, "formulas actors");
    assert!(rows[0][1].starts_with("'=HYPERLINK("), "{:?}", rows[0]);
    assert_eq!(
        rows[0][5], "'@US;-USA",
        "a list is one cell: only its start counts"
    );
    let (header, rows) = table("sources.csv");
    assert_rows_match(&header, &rows, &r.sources, "formulas sources");
    assert_eq!(
        rows[0][1..4],
        ["'+cmd|' /C calc'!A0", "'@Publisher", "2025-07"]
    );

    // --raw: every cell exactly as in the data (the JSON export's values)
    let raw = dir.join("raw");
    aigov_ok(&[
        "--data",
        FORMULAS,
        "export",
        "--format",
        "csv",
        "--raw",
        "--out",
        raw.to_str().unwrap(),
    ]);
    let (header, rows) = read_csv(&std::fs::read(raw.join("events.csv")).unwrap());
    let field = |k: &str| rows[0][header.iter().position(|h| h == k).unwrap()].as_str();
    assert_eq!(field("title"), "=1+1");
    assert_eq!(field("place"), "-2+3");
    assert_eq!(field("summary"), "@SUM(A1:A9)");
    for (k, v) in header.iter().zip(&rows[0]) {
        if let Some(x) = r.events[0][k.as_str()].as_str() {
            assert_eq!(v, x, "{k}");
        }
    }
    let (_, rows) = read_csv(&std::fs::read(raw.join("sources.csv")).unwrap());
    assert_eq!(rows[0][1..3], ["+cmd|' /C calc'!A0", "@Publisher"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn csv_with_bom_starts_with_the_byte_order_mark_and_reads_the_same() {
    let plain = export(Some(FIXTURE), "csv", &[]);
    let bom = export(Some(FIXTURE), "csv", &["--bom"]);
    assert_eq!(bom.as_bytes()[..3], [0xEF, 0xBB, 0xBF]);
    assert_eq!(&bom[3..], plain);
    // the csv crate skips the mark: the same header and rows
    assert_eq!(read_csv(bom.as_bytes()), read_csv(plain.as_bytes()));
    // every table of a directory gets it
    let dir = temp_dir("csv-bom");
    let tables = dir.join("tables");
    aigov_ok(&[
        "--data",
        FIXTURE,
        "export",
        "--format",
        "csv",
        "--bom",
        "--out",
        tables.to_str().unwrap(),
    ]);
    for name in ["events", "quotes", "actors", "sources", "links"] {
        let bytes = std::fs::read(tables.join(format!("{name}.csv"))).unwrap();
        assert!(bytes.starts_with("\u{feff}".as_bytes()), "{name}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

// ---------------------------------------------------------------- markdown

/// What a CommonMark parser (with GitHub's extensions) finds in a Markdown document.
#[derive(Debug, Default)]
struct Markdown {
    /// (level, text) of every heading.
    headings: Vec<(u8, String)>,
    /// The paragraphs of each top-level blockquote, as text.
    quotes: Vec<Vec<String>>,
    /// Text of every emphasis inside a blockquote.
    emphasis: Vec<String>,
    /// Every paragraph outside blockquotes, as text.
    paragraphs: Vec<String>,
    /// Destinations of every link.
    links: Vec<String>,
    /// Items of every list, as text; `ordered` counts ordered lists.
    lists: Vec<Vec<String>>,
    ordered: usize,
    /// Raw HTML the document would pass through.
    html: Vec<String>,
    /// Markup from extensions (tables, strikethrough, math, footnotes).
    extensions: usize,
}

fn parse_markdown(text: &str) -> Markdown {
    let mut md = Markdown::default();
    let mut buf = String::new();
    let mut depth = 0;
    let mut in_emphasis = false;
    let mut emphasis = String::new();
    // GitHub's flavour: every extension but smart punctuation, which would change the text.
    let options = Options::all().difference(Options::ENABLE_SMART_PUNCTUATION);
    for event in Parser::new_ext(text, options) {
        match event {
            Event::Text(t) | Event::Code(t) => {
                buf.push_str(&t);
                if in_emphasis {
                    emphasis.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => buf.push(' '),
            Event::Html(h) | Event::InlineHtml(h) => md.html.push(h.to_string()),
            Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::FootnoteReference(_)
            | Event::Start(Tag::Table(_) | Tag::Strikethrough | Tag::FootnoteDefinition(_)) => {
                md.extensions += 1;
            }
            Event::Start(Tag::BlockQuote(_)) => {
                depth += 1;
                if depth == 1 {
                    md.quotes.push(Vec::new());
                }
            }
            Event::End(TagEnd::BlockQuote(_)) => depth -= 1,
            Event::Start(Tag::Emphasis) => {
                in_emphasis = true;
                emphasis.clear();
            }
            Event::End(TagEnd::Emphasis) => {
                in_emphasis = false;
                if depth > 0 {
                    md.emphasis.push(std::mem::take(&mut emphasis));
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => md.links.push(dest_url.to_string()),
            Event::Start(Tag::List(first)) => {
                md.ordered += usize::from(first.is_some());
                md.lists.push(Vec::new());
            }
            Event::Start(Tag::Heading { .. } | Tag::Paragraph | Tag::Item) => buf.clear(),
            Event::End(TagEnd::Heading(level)) => {
                let n = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    _ => 9,
                };
                md.headings.push((n, std::mem::take(&mut buf)));
            }
            Event::End(TagEnd::Paragraph) => {
                let p = std::mem::take(&mut buf);
                if depth > 0 {
                    md.quotes.last_mut().unwrap().push(p);
                } else {
                    md.paragraphs.push(p);
                }
            }
            Event::End(TagEnd::Item) => {
                let item = std::mem::take(&mut buf);
                md.lists.last_mut().unwrap().push(item);
            }
            _ => {}
        }
    }
    md
}

/// A URL as the Markdown export writes it in a link (some characters percent-encoded).
fn md_url(u: &str) -> String {
    let mut out = String::new();
    for c in u.chars() {
        match c {
            ' ' | '<' | '>' | '(' | ')' | '\\' | '`' | '"' => {
                write!(out, "%{:02X}", u32::from(c)).unwrap();
            }
            c => out.push(c),
        }
    }
    out
}

/// The English name of a language the data uses.
fn language(code: &str) -> &str {
    match code {
        "fr" => "French",
        "zh" => "Chinese",
        "de" => "German",
        "es" => "Spanish",
        "ja" => "Japanese",
        "ko" => "Korean",
        "ru" => "Russian",
        other => other,
    }
}

#[test]
fn markdown_parses_back_into_the_chronology() {
    for data in DATASETS {
        for filters in FILTERS {
            let ctx = format!("{data:?} {filters:?}");
            let r = Reference::new(data, filters);
            let md = parse_markdown(&export(data, "markdown", filters));
            assert_eq!(md.extensions, 0, "{ctx}: no table, strikethrough or math");
            assert_eq!(md.ordered, 0, "{ctx}: no ordered list");

            let mut expected = vec![(1, format!("{}: a chronology", title(data)))];
            let mut year = String::new();
            let mut links = Vec::new();
            let mut quotes = Vec::new();
            let mut translations = Vec::new();
            let mut sources = Vec::new();
            // the only raw HTML: an anchor in each year's and each event's heading
            let mut anchors = Vec::new();
            // the contents: a link to each year, with its count of events
            let mut contents = Vec::new();
            let mut contents_links = Vec::new();
            // links between exported events, both ways
            let mut internal = Vec::new();
            let exported: BTreeSet<&str> = r.events.iter().map(|e| s(&e["id"])).collect();
            for e in &r.events {
                let y = s(&e["date"])[..4].to_string();
                if y != year {
                    expected.push((2, y.clone()));
                    anchors.extend([format!("<a id=\"year-{y}\">"), "</a>".to_string()]);
                    let n = r
                        .events
                        .iter()
                        .filter(|x| s(&x["date"]).starts_with(&y))
                        .count();
                    let plural = if n == 1 { "" } else { "s" };
                    contents.push(format!("{y} ({n} event{plural})"));
                    contents_links.push(format!("#year-{y}"));
                    year = y;
                }
                anchors.extend([format!("<a id=\"event-{}\">", s(&e["id"])), "</a>".into()]);
                for l in e["links"].as_array().unwrap() {
                    if exported.contains(s(&l["to"])) {
                        // from here to there, and there back to here
                        internal.push(format!("#event-{}", s(&l["to"])));
                        internal.push(format!("#event-{}", s(&e["id"])));
                    }
                }
                let when = match e["end"].as_str() {
                    Some(end) => format!("{} to {end}", s(&e["date"])),
                    None => s(&e["date"]).to_string(),
                };
                expected.push((3, format!("{when} · {}", collapse(s(&e["title"])))));
                for q in r.quotes_of(s(&e["id"])) {
                    quotes.push(vec![collapse(s(&q["text"]))]);
                    if let Some(t) = q["translation"].as_str() {
                        let lang = language(s(&q["lang"]));
                        translations.push(format!("Translation from {lang}: {}", collapse(t)));
                    }
                    links.extend(r.source(s(&q["source"]))["url"].as_str().map(md_url));
                }
                let cited = strs(&e["sources"]);
                links.extend(
                    cited
                        .iter()
                        .filter_map(|x| r.source(x)["url"].as_str().map(md_url)),
                );
                if !cited.is_empty() {
                    sources.push(cited.len());
                }
            }
            assert_eq!(md.headings, expected, "{ctx}");
            // each blockquote: the words, then who said them; never a translation
            assert_eq!(md.quotes.len(), quotes.len(), "{ctx}");
            for (got, want) in md.quotes.iter().zip(&quotes) {
                assert_eq!(got[..want.len()], want[..], "{ctx}");
                assert_eq!(got.len(), want.len() + 1, "{ctx}");
                assert!(got.last().unwrap().starts_with("— "), "{ctx}: {got:?}");
            }
            assert!(md.emphasis.is_empty(), "{ctx}: {:?}", md.emphasis);
            // each translation: a paragraph of its own, after its blockquote, language named
            let found: Vec<&String> = md
                .paragraphs
                .iter()
                .filter(|p| p.starts_with("Translation from "))
                .collect();
            assert_eq!(found, translations.iter().collect::<Vec<_>>(), "{ctx}");
            assert_eq!(md.html, anchors, "{ctx}");
            let (mut inside, outside): (Vec<String>, Vec<String>) =
                md.links.iter().cloned().partition(|l| l.starts_with('#'));
            assert_eq!(outside, links, "{ctx}");
            assert_eq!(inside[..contents_links.len()], contents_links, "{ctx}");
            let mut inside = inside.split_off(contents_links.len());
            inside.sort();
            internal.sort();
            assert_eq!(inside, internal, "{ctx}");
            let mut lists = md.lists.iter();
            if !r.events.is_empty() {
                assert_eq!(lists.next(), Some(&contents), "{ctx}: the contents first");
            }
            assert_eq!(
                lists.map(Vec::len).collect::<Vec<_>>(),
                sources,
                "{ctx}: one list of sources per event that cites some"
            );
        }
    }
}

#[test]
fn markdown_keeps_data_text_as_text() {
    let md = parse_markdown(&export(Some(FIXTURE), "markdown", &[]));
    // a summary with a blank line, a list marker and a quote marker: two plain paragraphs
    assert!(
        md.paragraphs
            .contains(&"Line one, line two; \"quoted\" with a comma.".to_string()),
        "{:?}",
        md.paragraphs
    );
    assert!(
        md.paragraphs
            .contains(&"1. not a list > not a quote".to_string())
    );
    assert!(
        md.paragraphs
            .contains(&"<script>alert('x')</script> & *ninety* measures".to_string())
    );
    // a source title with link syntax in it is the text of one link
    assert!(md.lists.iter().flatten().any(|item| item
        == "News, Inc., 2025-07: China's *bold* plan: [read](javascript:alert(1)) & more <b>now</b>"));
    assert!(!md.links.iter().any(|l| l.starts_with("javascript")));
}

// ---------------------------------------------------------------- timelinejs

/// The rows a TimelineJS export has by default (`--group-by side`).
const SIDE_ROWS: [&str; 4] = ["China", "United States", "Both", "Others"];

/// The row of a side, as the legend of the DOT export names it.
fn side_row(legend: &str) -> &'static str {
    match legend {
        "China" => "China",
        "United States" => "United States",
        "China and the United States" => "Both",
        _ => "Others",
    }
}

/// Counts the slides of each row, checking that none holds one event (unless the export
/// has a single event).
fn row_counts<'a>(slides: &'a [Value], ctx: &str) -> std::collections::BTreeMap<&'a str, usize> {
    let mut counts = std::collections::BTreeMap::<&str, usize>::new();
    for slide in slides {
        *counts.entry(s(&slide["group"])).or_default() += 1;
    }
    assert!(
        counts.values().all(|&n| n > 1) || slides.len() == 1,
        "{ctx}: a row of one in {counts:?}"
    );
    counts
}

/// Checks the rows of a TimelineJS export by side: each event in its side's row, or in
/// Others when that row would have held it alone (or, folded as the smallest, is gone).
fn assert_groups(r: &Reference, slides: &[Value], ctx: &str) {
    let counts = row_counts(slides, ctx);
    for (slide, e) in slides.iter().zip(&r.events) {
        let row = s(&slide["group"]);
        assert!(SIDE_ROWS.contains(&row), "{ctx}: row {row:?}");
        let own = side_row(side(r, e));
        assert!(
            row == own || (row == "Others" && !counts.contains_key(own)),
            "{ctx}: {} in {row}, not {own}",
            s(&e["id"])
        );
    }
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn date_object(date: &str) -> Value {
    let parts: Vec<u32> = date.split('-').map(|p| p.parse().unwrap()).collect();
    let mut m = serde_json::Map::new();
    for (k, v) in ["year", "month", "day"].iter().zip(parts) {
        m.insert((*k).to_string(), v.into());
    }
    Value::Object(m)
}

#[test]
fn timelinejs_has_the_shape_timelinejs3_reads() {
    for data in DATASETS {
        for filters in FILTERS {
            let ctx = format!("{data:?} {filters:?}");
            let r = Reference::new(data, filters);
            let tl: Value = serde_json::from_str(&export(data, "timelinejs", filters)).unwrap();
            assert_eq!(tl["title"]["text"]["headline"], title(data));
            let intro = s(&tl["title"]["text"]["text"]);
            assert!(
                intro.starts_with(&format!("<p>{} event", r.events.len())),
                "{intro}"
            );
            assert_eq!(tl["title"].get("start_date"), None);
            let slides = tl["events"].as_array().unwrap();
            assert_eq!(slides.len(), r.events.len(), "{ctx}");
            for (slide, e) in slides.iter().zip(&r.events) {
                assert_eq!(slide["unique_id"], e["id"]);
                // only the parts of the date that were written
                assert_eq!(slide["start_date"], date_object(s(&e["date"])), "{ctx}");
                match e["end"].as_str() {
                    Some(end) => assert_eq!(slide["end_date"], date_object(end)),
                    None => assert_eq!(slide.get("end_date"), None),
                }
                assert_eq!(slide["text"]["headline"], html_escape(s(&e["title"])));
                let text = s(&slide["text"]["text"]);
                for x in strs(&e["sources"]) {
                    let src = r.source(&x);
                    if let Some(u) = src["url"].as_str() {
                        let a = format!(
                            "<a href=\"{}\">{}</a>",
                            html_escape(u),
                            html_escape(s(&src["title"]))
                        );
                        assert!(text.contains(&a), "{ctx}: {a} in {text}");
                    }
                }
                // a link to the slide of each exported event linked either way
                for l in e["links"].as_array().unwrap() {
                    if r.events.iter().any(|x| x["id"] == l["to"]) {
                        let a = format!("<a href=\"#event-{}\" target=\"_self\">", s(&l["to"]));
                        assert!(text.contains(&a), "{ctx}: {a} in {text}");
                    }
                }
                let quotes = r.quotes_of(s(&e["id"])).count();
                assert_eq!(text.matches("<blockquote>").count(), quotes, "{ctx}");
                assert_eq!(text.matches("<cite>").count(), quotes, "{ctx}");
                if let Some(summary) = e["summary"].as_str() {
                    let html = html_escape(summary).replace('\n', "<br>");
                    assert!(text.contains(&format!("<p>{html}</p>")), "{ctx}: {text}");
                }
                // a translation follows its blockquote as a paragraph, never inside it
                let mut translated = 0;
                for q in r.quotes_of(s(&e["id"])) {
                    if let Some(t) = q["translation"].as_str() {
                        translated += 1;
                        let p = format!(":</em> {}</p>", html_escape(t).replace('\n', "<br>"));
                        let cite = "</cite></blockquote><p><em>Translation from ";
                        assert!(text.contains(&p), "{ctx}: {p} in {text}");
                        assert!(text.contains(cite), "{ctx}: {text}");
                    }
                }
                assert_eq!(text.matches("<p><em>Translation from ").count(), translated);
                for quote in text.split("<blockquote>").skip(1) {
                    let inside = quote.split("</blockquote>").next().unwrap();
                    assert!(!inside.contains("<em>"), "{ctx}: {inside}");
                }
            }
            assert_groups(&r, slides, &ctx);
        }
    }
}

#[test]
fn timelinejs_escapes_html_in_data() {
    let tl: Value = serde_json::from_str(&export(Some(FIXTURE), "timelinejs", &[])).unwrap();
    let all = tl.to_string();
    assert!(!all.contains("<script"), "{all}");
    assert!(!all.contains("<b>now"), "{all}");
    let slide = tl["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["unique_id"] == "us-plan")
        .unwrap();
    assert_eq!(
        slide["text"]["headline"],
        "America&#39;s AI Action Plan: &quot;win the race&quot; \\o/"
    );
    assert!(s(&slide["text"]["text"]).contains(
        "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; *ninety* measures</p>"
    ));
    let groups: Vec<&str> = tl["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["group"].as_str().unwrap())
        .collect();
    // the US would hold one event: it goes to Others
    assert_eq!(groups, ["China", "Others", "Others", "Others", "China"]);
}

/// The rows of the bundled export, by the rule each `--group-by` states.
fn rows_by(group_by: &str) -> Vec<(String, Option<String>)> {
    let text = aigov_ok(&["export", "--format", "timelinejs", "--group-by", group_by]);
    let tl: Value = serde_json::from_str(&text).unwrap();
    tl["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            let row = x.get("group").map(|g| s(g).to_string());
            (s(&x["unique_id"]).to_string(), row)
        })
        .collect()
}

#[test]
fn timelinejs_rows_by_side_country_tag_or_none() {
    let r = Reference::new(None, &[]);
    // side is the default
    let side = rows_by("side");
    let default: Value = serde_json::from_str(&export(None, "timelinejs", &[])).unwrap();
    let default_rows: Vec<String> = default["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| s(&x["group"]).to_string())
        .collect();
    assert_eq!(
        side.iter()
            .map(|x| x.1.clone().unwrap())
            .collect::<Vec<_>>(),
        default_rows
    );
    // all four sides are busy enough in the bundled data to have a row
    let rows: BTreeSet<String> = default_rows.into_iter().collect();
    assert_eq!(rows.len(), 4, "{rows:?}");
    let row = |rows: &[(String, Option<String>)], id: &str| {
        rows.iter().find(|x| x.0 == id).unwrap().1.clone().unwrap()
    };
    assert_eq!(row(&side, "trump-xi-busan-2025"), "Both");
    assert_eq!(row(&side, "deepseek-r1-release"), "China");
    assert_eq!(row(&side, "eu-ai-act-in-force"), "Others");

    // by country: UN events were in rows named after a member taking part
    let country = rows_by("country");
    let tl_slides: Vec<Value> = country
        .iter()
        .map(|(_, g)| serde_json::json!({ "group": g }))
        .collect();
    let counts = row_counts(&tl_slides, "country");
    assert!(counts.len() >= 3, "{counts:?}");
    assert_eq!(row(&country, "un-ai-panel-and-dialogue"), "Multilateral");
    assert_eq!(row(&country, "un-global-dialogue-launch"), "Multilateral");
    // the multilateral forum wins over its host; a summit of many states is one
    assert_eq!(row(&country, "apec-2026-shenzhen"), "Multilateral");
    assert_eq!(row(&country, "paris-ai-action-summit"), "Multilateral");
    assert_eq!(row(&country, "ai-seoul-summit-2024"), "Multilateral");
    // a bilateral meeting stays with its main actor
    assert_eq!(row(&country, "trump-xi-busan-2025"), "United States");
    assert_eq!(row(&country, "deepseek-r1-release"), "China");
    for (id, g) in &country {
        let g = g.as_deref().unwrap();
        // a country row is named after a country an actor of the event stands for
        if !["Multilateral", "Others"].contains(&g) {
            let e = r.events.iter().find(|e| e["id"] == *id).unwrap();
            let named = strs(&e["actors"]).iter().any(|a| {
                let actor = r.actor(a);
                let c = actor["country"].as_str().unwrap_or(a);
                s(&r.actor(c)["name"]) == g
            });
            assert!(named, "{id} in {g}");
        }
    }

    // by tag: a row is one of the event's tags
    let tag = rows_by("tag");
    let tl_slides: Vec<Value> = tag
        .iter()
        .map(|(_, g)| serde_json::json!({ "group": g }))
        .collect();
    row_counts(&tl_slides, "tag");
    for ((id, g), e) in tag.iter().zip(&r.events) {
        let g = g.as_deref().unwrap();
        assert!(
            g == "Others" || strs(&e["tags"]).contains(&g.to_string()),
            "{id}: {g}"
        );
    }
    assert!(
        tag.iter()
            .any(|x| x.1.as_deref() == Some("export-controls"))
    );

    // none: no slide has a group, so TimelineJS draws no rows
    assert!(rows_by("none").iter().all(|x| x.1.is_none()));
}

#[test]
fn title_replaces_the_dataset_s_in_markdown_and_timelinejs() {
    let title = "Our <own> & \"better\" title";
    let tl = aigov_ok(&["export", "--format", "timelinejs", "--title", title]);
    let tl: Value = serde_json::from_str(&tl).unwrap();
    assert_eq!(tl["title"]["text"]["headline"], html_escape(title));
    let md = parse_markdown(&aigov_ok(&[
        "export", "--format", "markdown", "--title", title,
    ]));
    assert_eq!(md.headings[0], (1, format!("{title}: a chronology")));
    // a flag a format does not read is an error, not ignored
    for (flag, format) in [
        (&["--title", "x"][..], "dot"),
        (&["--title", "x"][..], "csv"),
        (&["--group-by", "tag"][..], "markdown"),
        (&["--raw"][..], "json"),
        (&["--bom"][..], "timelinejs"),
    ] {
        let mut a = vec!["export", "--format", format];
        a.extend_from_slice(flag);
        let err = refused(&a);
        assert!(
            err.starts_with(&format!("error: {} applies to --format ", flag[0])),
            "{err}"
        );
    }
}

// ---------------------------------------------------------------- dot

/// One DOT statement the export writes: a node (with the year of the column it is in) or
/// an edge, with its attributes.
#[derive(Debug, PartialEq)]
enum Statement {
    Node(String, Option<String>, Vec<(String, String)>),
    Edge(String, String, Vec<(String, String)>),
    /// A side the legend names, and its fill.
    Legend(String, String),
}

/// The side of an event, as the legend names it: China or the United States when either
/// (or one of its organizations, companies or people) takes part, both, or neither.
fn side(r: &Reference, e: &Value) -> &'static str {
    let country = |a: &str| -> String {
        let actor = r.actor(a);
        if matches!(s(&actor["kind"]), "country" | "bloc") {
            a.to_string()
        } else {
            s(&actor["country"]).to_string()
        }
    };
    let countries: Vec<String> = strs(&e["actors"]).iter().map(|a| country(a)).collect();
    let has = |c: &str| countries.iter().any(|x| x == c);
    match (has("cn"), has("us")) {
        (true, true) => "China and the United States",
        (true, false) => "China",
        (false, true) => "United States",
        (false, false) => "Neither (others)",
    }
}

/// Reads a DOT quoted string at the start of `s`: its raw inside and the rest.
fn dot_string(s: &str) -> (String, &str) {
    let s = s.strip_prefix('"').expect("a quoted string");
    let mut raw = String::new();
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return (raw, &s[i + 1..]),
            '\\' => {
                let (_, next) = chars.next().expect("an escape is complete");
                raw.push('\\');
                raw.push(next);
            }
            '\n' | '\r' => panic!("a raw line break in a DOT string"),
            c => raw.push(c),
        }
    }
    panic!("an unclosed DOT string");
}

/// What Graphviz shows for a label: `\\` is a backslash, `\"` a quote, `\n` a line break,
/// and HTML entities (`&amp;`, `&lt;`, `&#65;`…) the characters they name, as Graphviz
/// decodes them.
fn dot_label(raw: &str) -> String {
    let mut out = String::new();
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next().unwrap() {
                'n' => out.push('\n'),
                other => out.push(other),
            }
        } else {
            out.push(c);
        }
    }
    decode_entities(&out)
}

/// Decodes the HTML entities Graphviz decodes in labels: named ones and `&#N;`.
fn decode_entities(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let entity = after.find(';').map(|end| &after[..end]);
        let decoded = match entity {
            Some("amp") => Some('&'),
            Some("lt") => Some('<'),
            Some("gt") => Some('>'),
            Some("quot") => Some('"'),
            Some(n) if n.starts_with('#') => n[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        if let (Some(c), Some(name)) = (decoded, entity) {
            out.push(c);
            rest = &after[name.len() + 1..];
        } else {
            out.push('&');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// `[k="v", k=v]` attributes.
fn dot_attrs(s: &str) -> Vec<(String, String)> {
    let mut rest = s.strip_prefix(" [").expect("attributes").trim_end();
    rest = rest.strip_suffix("];").expect("a statement ends in ];");
    let mut attrs = Vec::new();
    while !rest.is_empty() {
        let (key, after) = rest.split_once('=').unwrap();
        let (value, after) = if after.starts_with('"') {
            let (raw, after) = dot_string(after);
            (dot_label(&raw), after)
        } else {
            let end = after.find(',').unwrap_or(after.len());
            (after[..end].to_string(), &after[end..])
        };
        attrs.push((key.trim().to_string(), value));
        rest = after.trim_start_matches(',').trim_start();
    }
    attrs
}

fn parse_dot(text: &str) -> Vec<Statement> {
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("digraph aigov {"));
    assert_eq!(text.lines().last(), Some("}"));
    let mut out = Vec::new();
    let mut column = None;
    for line in lines {
        let line = line.trim();
        let graph_attr = ["rankdir=LR;", "rank=same;", "labelloc=t;", "labeljust=l;"];
        if graph_attr.contains(&line) || line.starts_with("node [") {
            continue;
        }
        // the legend, an HTML-like label of fixed text: each side's name in its fill
        if let Some(legend) = line.strip_prefix("label=<") {
            for cell in legend.split("<td bgcolor=\"").skip(1) {
                let (color, rest) = cell.split_once('"').unwrap();
                let name = rest.split_once('>').unwrap().1.split('<').next().unwrap();
                out.push(Statement::Legend(name.to_string(), color.to_string()));
            }
            continue;
        }
        if line.starts_with("edge [") {
            continue;
        }
        if line == "}" {
            column = None;
            continue;
        }
        if let Some(rest) = line.strip_prefix("subgraph ") {
            let (name, rest) = dot_string(rest);
            assert_eq!(rest, " {");
            column = Some(name.strip_prefix("rank ").unwrap().to_string());
            continue;
        }
        let (from, rest) = dot_string(line);
        if let Some(rest) = rest.strip_prefix(" -> ") {
            let (to, rest) = dot_string(rest);
            out.push(Statement::Edge(from, to, dot_attrs(rest)));
        } else {
            out.push(Statement::Node(from, column.clone(), dot_attrs(rest)));
        }
    }
    out
}

fn invisible() -> (String, String) {
    ("style".to_string(), "invis".to_string())
}

/// The export's title lines: words joined with spaces up to 28 characters.
fn wrapped(title: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in title.split_whitespace() {
        match lines.last_mut() {
            Some(l) if l.chars().count() + 1 + word.chars().count() <= 28 => {
                l.push(' ');
                l.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// Checks the columns of a DOT export (runs of whole years, in order, at most five, a year
/// to itself when there are five years or fewer), the invisible edges that keep them in
/// order and each one's events in date order; gives the column of a date.
fn assert_columns(
    r: &Reference,
    columns: &[String],
    axis: &[(String, String)],
    down: &[(String, String)],
    ctx: &str,
) -> impl Fn(&str) -> String {
    let mut years: Vec<i32> = r
        .events
        .iter()
        .map(|e| s(&e["date"])[..4].parse().unwrap())
        .collect();
    years.dedup();
    let spans: Vec<(i32, i32)> = columns
        .iter()
        .map(|c| match c.split_once('–') {
            Some((a, b)) => (a.parse().unwrap(), b.parse().unwrap()),
            None => (c.parse().unwrap(), c.parse().unwrap()),
        })
        .collect();
    assert_eq!(columns.len(), years.len().min(5), "{ctx}: {columns:?}");
    assert_eq!(spans.first().map(|c| c.0), years.first().copied(), "{ctx}");
    assert_eq!(spans.last().map(|c| c.1), years.last().copied(), "{ctx}");
    for pair in spans.windows(2) {
        assert!(pair[0].1 < pair[1].0, "{ctx}: {columns:?}");
        assert!(
            years.contains(&pair[1].0),
            "{ctx}: a column starts at a year"
        );
    }
    let columns = columns.to_vec();
    let column_of = move |date: &str| -> String {
        let y: i32 = date[..4].parse().unwrap();
        let i = spans.iter().position(|&(a, b)| a <= y && y <= b).unwrap();
        columns[i].clone()
    };
    // chained so that the columns stay in order
    let mut headings: Vec<String> = r.events.iter().map(|e| column_of(s(&e["date"]))).collect();
    headings.dedup();
    let chained: Vec<(String, String)> = headings
        .windows(2)
        .map(|w| (format!("year {}", w[0]), format!("year {}", w[1])))
        .collect();
    assert_eq!(axis, chained, "{ctx}");
    // each column top to bottom: its heading, then its events in date order
    let mut expected_down = Vec::new();
    let mut above = String::new();
    let mut column = String::new();
    for e in &r.events {
        let c = column_of(s(&e["date"]));
        if c != column {
            above = format!("year {c}");
            column = c;
        }
        expected_down.push((above.clone(), s(&e["id"]).to_string()));
        above = s(&e["id"]).to_string();
    }
    assert_eq!(down, expected_down, "{ctx}");
    column_of
}

#[test]
fn dot_reads_back_as_the_event_graph_with_time_left_to_right() {
    for data in DATASETS {
        for filters in FILTERS {
            let ctx = format!("{data:?} {filters:?}");
            let r = Reference::new(data, filters);
            let statements = parse_dot(&export(data, "dot", filters));
            let mut nodes = Vec::new();
            let mut columns: Vec<String> = Vec::new();
            let mut edges = Vec::new();
            // invisible edges: heading to heading, and down each column
            let mut axis = Vec::new();
            let mut down = Vec::new();
            let mut legend = std::collections::BTreeMap::new();
            for st in statements {
                match st {
                    Statement::Node(id, column, attrs) if id.starts_with("year ") => {
                        // a heading per column, in its column
                        assert_eq!(column.as_deref(), id.strip_prefix("year "), "{ctx}");
                        let label = ("label".to_string(), column.clone().unwrap());
                        assert_eq!(attrs[0], label, "{ctx}");
                        columns.push(column.unwrap());
                    }
                    Statement::Node(id, column, attrs) => nodes.push((id, column, attrs)),
                    Statement::Edge(a, b, attrs) if attrs.contains(&invisible()) => {
                        assert_eq!(attrs, [invisible()]);
                        if b.starts_with("year ") {
                            axis.push((a, b));
                        } else {
                            down.push((a, b));
                        }
                    }
                    Statement::Edge(a, b, attrs) => edges.push((a, b, attrs)),
                    Statement::Legend(name, color) => {
                        legend.insert(name, color);
                    }
                }
            }
            // four sides in four fills
            assert_eq!(legend.len(), 4, "{ctx}");
            assert_eq!(legend.values().collect::<BTreeSet<_>>().len(), 4, "{ctx}");
            let column_of = assert_columns(&r, &columns, &axis, &down, &ctx);

            let exported: BTreeSet<String> = ids(&r.events).into_iter().collect();
            let position = |id: &str| r.events.iter().position(|e| e["id"] == id).unwrap();
            assert_eq!(nodes.len(), r.events.len(), "{ctx}");
            for ((id, column, attrs), e) in nodes.iter().zip(&r.events) {
                assert_eq!(id, s(&e["id"]));
                assert_eq!(column.clone(), Some(column_of(s(&e["date"]))), "{ctx}");
                let mut label = vec![s(&e["date"]).to_string()];
                label.extend(wrapped(s(&e["title"])));
                // the fill the legend gives the event's side
                let fill = legend[side(&r, e)].clone();
                assert_eq!(
                    attrs,
                    &[
                        ("label".to_string(), label.join("\n")),
                        ("fillcolor".to_string(), fill)
                    ],
                    "{ctx}"
                );
                for line in &label[1..] {
                    assert!(
                        line.chars().count() <= 28 || !line.contains(' '),
                        "{ctx}: {line:?} is wrapped"
                    );
                }
            }
            let mut expected = Vec::new();
            for e in &r.events {
                for l in e["links"].as_array().unwrap() {
                    let (holder, target) = (s(&e["id"]), s(&l["to"]));
                    if exported.contains(target) {
                        let kind = s(&l["kind"]);
                        let mut attrs = vec![("xlabel".to_string(), kind.to_string())];
                        // from the earlier to the later; a link held by the later event
                        // keeps its arrowhead on what it names
                        let backwards = position(target) < position(holder);
                        let (from, to) = if backwards {
                            (target, holder)
                        } else {
                            (holder, target)
                        };
                        if matches!(kind, "related" | "contrasts_with") {
                            attrs.push(("dir".to_string(), "none".to_string()));
                        } else if backwards {
                            attrs.push(("dir".to_string(), "back".to_string()));
                        }
                        expected.push((from.to_string(), to.to_string(), attrs));
                    }
                }
            }
            assert_eq!(edges, expected, "{ctx}");
            for (a, b, _) in &edges {
                assert!(
                    position(a) <= position(b),
                    "{ctx}: {a} -> {b} runs back in time"
                );
            }
        }
    }
}

/// The widest a rendered graph may be, in pixels: a 1920-pixel screen less a vertical
/// scrollbar, so that the graph at 100% (its labels at their size) scrolls down only.
const MAX_PNG_WIDTH: u32 = 1900;

/// Runs `dot -T<format>` on a graph: its output, after checking it said nothing on stderr.
fn graphviz(text: &str, format: &str, ctx: &str) -> Vec<u8> {
    let o = piped(
        Command::new("dot").arg(format!("-T{format}")),
        text.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0), "{ctx}");
    assert_eq!(String::from_utf8_lossy(&o.stderr), "", "{ctx}: no warning");
    o.stdout
}

/// Graphviz, when installed (`.ci/run` installs it and sets `AIGOV_REQUIRE_GRAPHVIZ`): the
/// bundled graph, whole or filtered, lays out with every link going forward in time (to a
/// column on the right, or within its own), and its PNG is at most
/// [`MAX_PNG_WIDTH`] wide (it was 13 000 pixels).
#[test]
fn graphviz_lays_the_bundled_graph_out_forward_in_time_and_at_most_1900_pixels_wide() {
    let dot = Command::new("dot").arg("-V").output();
    if dot.is_err() {
        assert!(
            std::env::var_os("AIGOV_REQUIRE_GRAPHVIZ").is_none(),
            "graphviz (dot) is required but not installed"
        );
        eprintln!("skipped: graphviz (dot) is not installed");
        return;
    }
    for filters in FILTERS {
        let ctx = format!("{filters:?}");
        let r = Reference::new(None, filters);
        let text = export(None, "dot", filters);
        // -Tplain: `node NAME X Y ...` and `edge TAIL HEAD N X1 Y1 ... STYLE COLOR`, y up
        let plain = String::from_utf8(graphviz(&text, "plain", &ctx)).unwrap();
        let mut at = std::collections::HashMap::new();
        let mut links = 0;
        // event ids have no space, so they split as fields (quoted); headings do not
        let fields = |line: &str| -> Vec<String> {
            line.split(' ')
                .map(|f| f.trim_matches('"').to_string())
                .collect()
        };
        for line in plain.lines().filter(|l| !l.contains("\"year ")) {
            let f = fields(line);
            if f[0] == "node" {
                let xy: (f64, f64) = (f[2].parse().unwrap(), f[3].parse().unwrap());
                at.insert(f[1].clone(), xy);
            }
        }
        assert_eq!(at.len(), r.events.len(), "{ctx}: every event is placed");
        let column_width = 1.0; // inches: nodes of a column share their x
        for line in plain.lines().filter(|l| l.starts_with("edge ")) {
            let f = fields(line);
            if f[f.len() - 2] == "invis" {
                continue;
            }
            let (from, to) = (at[&f[1]], at[&f[2]]);
            // within a column, Graphviz keeps date order from top to bottom only mostly
            // (it reorders a rank to cut crossings), so there the dates on the nodes tell
            assert!(
                (to.0 - from.0).abs() < column_width || to.0 > from.0,
                "{ctx}: {line}: to a later column, or within its own"
            );
            links += 1;
        }
        let expected: usize = r
            .events
            .iter()
            .flat_map(|e| e["links"].as_array().unwrap())
            .filter(|l| r.events.iter().any(|e| e["id"] == l["to"]))
            .count();
        assert_eq!(links, expected, "{ctx}: every link is drawn");
        // a PNG's width is the big-endian u32 at byte 16 (the IHDR chunk)
        let png = graphviz(&text, "png", &ctx);
        assert_eq!(&png[1..4], b"PNG");
        let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
        assert!(width <= MAX_PNG_WIDTH, "{ctx}: {width} pixels wide");
    }
}

// ---------------------------------------------------------------- errors and snapshots

#[test]
fn export_errors_exit_2_with_a_message() {
    let o = aigov(&[
        "export",
        "--format",
        "markdown",
        "--out",
        Path::new("/no/such/dir/x.md").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.starts_with("error: /no/such/dir/x.md: "), "{err}");
    let o = aigov(&["export", "--format", "dot", "--country", "chine"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8(o.stderr)
            .unwrap()
            .contains("--country \"chine\"")
    );
    assert!(o.stdout.is_empty());
}

/// Runs `aigov` expecting exit 2 and returns its stderr.
fn refused(args: &[&str]) -> String {
    let o = aigov(args);
    assert_eq!(o.status.code(), Some(2), "{args:?}");
    assert!(o.stdout.is_empty());
    String::from_utf8(o.stderr).unwrap()
}

#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let dir = temp_dir("force");
    for format in ["markdown", "csv"] {
        let file = dir.join(format!("out.{format}"));
        let file = file.to_str().unwrap();
        std::fs::write(file, "keep me").unwrap();
        let err = refused(&["export", "--format", format, "--out", file]);
        assert_eq!(err, format!("error: {file}: exists; --force replaces it\n"));
        assert_eq!(std::fs::read_to_string(file).unwrap(), "keep me");
        aigov_ok(&["export", "--format", format, "--out", file, "--force"]);
        assert_ne!(std::fs::read_to_string(file).unwrap(), "keep me");
    }
    // a CSV directory: one table there already, none is written
    let tables = dir.join("tables");
    std::fs::create_dir_all(&tables).unwrap();
    std::fs::write(tables.join("links.csv"), "keep me").unwrap();
    let t = tables.to_str().unwrap();
    let err = refused(&["export", "--format", "csv", "--out", t]);
    assert!(err.contains("links.csv: exists"), "{err}");
    assert_eq!(std::fs::read_dir(&tables).unwrap().count(), 1);
    aigov_ok(&["export", "--format", "csv", "--out", t, "--force"]);
    assert_eq!(std::fs::read_dir(&tables).unwrap().count(), 5);
    // --force means nothing without --out
    assert_eq!(aigov(&["export", "--force"]).status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_dataset_being_exported_is_never_written_over() {
    let dir = temp_dir("own-data");
    let data = dir.join("data");
    std::fs::create_dir_all(&data).unwrap();
    let own = data.join("escaping.toml");
    std::fs::copy(FIXTURE, &own).unwrap();
    let before = std::fs::read(&own).unwrap();
    let d = data.to_str().unwrap();
    for (data_arg, out) in [
        (d, own.clone()),
        (d, data.join("../data/escaping.toml")),
        (d, data.join("export.toml")), // would join the dataset on its next load
        (own.to_str().unwrap(), own.clone()),
    ] {
        for format in ["json", "markdown", "dot"] {
            let o = out.to_str().unwrap();
            let err = refused(&[
                "--data", data_arg, "export", "--format", format, "--out", o, "--force",
            ]);
            assert!(err.contains("a file of the dataset"), "{o}: {err}");
        }
    }
    // CSV goes to a directory or a FILE.csv, so never over a `.toml`
    let err = refused(&[
        "--data",
        d,
        "export",
        "--format",
        "csv",
        "--out",
        own.to_str().unwrap(),
        "--force",
    ]);
    assert!(err.contains("not a directory"), "{err}");
    assert_eq!(std::fs::read(&own).unwrap(), before);
    assert_eq!(std::fs::read_dir(&data).unwrap().count(), 1);
    // the data still loads, and a file beside it is fine
    aigov_ok(&["--data", d, "check"]);
    let beside = dir.join("escaping.md");
    aigov_ok(&[
        "--data",
        d,
        "export",
        "--format",
        "markdown",
        "--out",
        beside.to_str().unwrap(),
    ]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_at_the_destination_is_not_followed() {
    let dir = temp_dir("symlink");
    let target = dir.join("precious.txt");
    std::fs::write(&target, "keep me").unwrap();
    let link = dir.join("out.json");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let l = link.to_str().unwrap();
    let err = refused(&["export", "--format", "json", "--out", l]);
    assert!(err.contains("exists"), "{err}");
    // --force replaces the link with the file; what it pointed at is untouched
    aigov_ok(&["export", "--format", "json", "--out", l, "--force"]);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
    assert!(!std::fs::symlink_metadata(&link).unwrap().is_symlink());
    // a link to a directory is not a CSV destination
    let real = dir.join("real");
    std::fs::create_dir_all(&real).unwrap();
    let linked = dir.join("linked");
    std::os::unix::fs::symlink(&real, &linked).unwrap();
    let err = refused(&[
        "export",
        "--format",
        "csv",
        "--out",
        linked.to_str().unwrap(),
    ]);
    assert!(err.contains("a symbolic link"), "{err}");
    assert_eq!(std::fs::read_dir(&real).unwrap().count(), 0);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn every_format_writes_the_same_to_a_file_as_to_stdout() {
    let dir = temp_dir("files");
    for format in ["json", "markdown", "timelinejs", "dot"] {
        let file = dir.join(format!("out.{format}"));
        let filters = ["--country", "cn"];
        let o = aigov_ok(&args(
            Some(FIXTURE),
            &[
                "export",
                "--format",
                format,
                "--out",
                file.to_str().unwrap(),
            ],
            &filters,
        ));
        assert_eq!(o, "");
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            export(Some(FIXTURE), format, &filters),
            "{format}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn snapshots_of_the_fixture() {
    for format in ["markdown", "dot", "csv", "timelinejs"] {
        insta::assert_snapshot!(
            format!("export_{format}"),
            export(Some(FIXTURE), format, &[])
        );
    }
    insta::assert_snapshot!(
        "export_markdown_us_from_2025",
        export(
            Some(FIXTURE),
            "markdown",
            &["--country", "us", "--from", "2025"]
        )
    );
}

#[test]
fn a_closed_pipe_ends_any_format_quietly() {
    for format in ["json", "csv", "markdown", "timelinejs", "dot"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_aigov"))
            .args(["export", "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{format}");
        assert_eq!(String::from_utf8_lossy(&o.stderr), "", "{format}");
    }
}
