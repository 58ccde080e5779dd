//! The exports read by the programs people open them with, when those are installed:
//! TimelineJS itself renders the bundled TimelineJS export in headless Chromium (slides,
//! dates, rows, and no console error), and markdown-it renders the Markdown export, every
//! in-document link landing on an anchor. `.ci/run` installs Chromium (apt) and the pinned
//! npm packages into `target/ci-clients` (never committed), points `AIGOV_CLIENTS` at their
//! `node_modules` and sets `AIGOV_REQUIRE_CLIENTS`, so that CI fails where a laptop without
//! them skips with a message. No network is needed: web fonts fail to load, and that is
//! the one console complaint allowed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "common/run.rs"]
#[allow(dead_code)] // the helpers serve several test files
mod run;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use run::{aigov_ok, piped, succeeded};

use serde_json::Value;

const FIXTURE: &str = "tests/fixtures/export/escaping.toml";

/// The `node_modules` holding the clients: `AIGOV_CLIENTS`, else where `.ci/run` puts it.
fn clients() -> PathBuf {
    std::env::var_os("AIGOV_CLIENTS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("target/ci-clients/node_modules"),
        PathBuf::from,
    )
}

/// Skips a test whose client is missing, unless CI asked for the clients.
fn skip(what: &str) {
    assert!(
        std::env::var_os("AIGOV_REQUIRE_CLIENTS").is_none(),
        "{what} is required (AIGOV_REQUIRE_CLIENTS is set) but not installed"
    );
    eprintln!("skipped: {what} is not installed (.ci/run installs it)");
}

fn works(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("aigov-clients-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs a command to its end, or kills it after `limit`: its stdout and stderr (kept in
/// files in `dir`, which the caller owns: tests run in parallel).
fn run_with_limit(mut cmd: Command, dir: &Path, limit: Duration) -> (String, String) {
    let (out, err) = (dir.join("stdout"), dir.join("stderr"));
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&err).unwrap())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{cmd:?} still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let read = |p: &Path| String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned();
    (read(&out), read(&err))
}

// ---------------------------------------------------------------- timelinejs

/// Headless Chromium, by the names distributions give it.
fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|p| works(p))
}

/// Once the timeline has loaded, clicks the first link to another slide (with
/// `hash_bookmark`, TimelineJS goes to the slide a `#event-ID` address names) and notes
/// its address on `<body data-clicked>`.
const CLICK_A_LINK: &str = r##"
timeline.on("loaded", function () {
  setTimeout(function () {
    var a = document.querySelector('.tl-slide a[href^="#event-"]');
    document.body.setAttribute("data-clicked", a.getAttribute("href"));
    a.click();
  }, 500);
});"##;

/// Renders a TimelineJS document in TimelineJS, in headless Chromium, from a page on disk
/// (TimelineJS's `options` and a script to run after): the DOM once scripts have run, and
/// the console's messages.
fn render_timeline(
    chromium: &str,
    dist: &Path,
    document: &str,
    (options, then): (&str, &str),
    name: &str,
) -> (String, Vec<String>) {
    let dir = temp_dir(name);
    // In a <script>, `</` could end it early: `<\/` means the same in a JS string.
    let data = document.replace("</", "<\\/");
    let page = format!(
        r#"<!doctype html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="{css}">
<script src="{js}"></script>
</head><body>
<div id="timeline" style="width: 1200px; height: 700px"></div>
<script>var timeline = new TL.Timeline("timeline", {data}, {options});{then}</script>
</body></html>"#,
        css = dist.join("css/timeline.css").display(),
        js = dist.join("js/timeline.js").display(),
    );
    std::fs::write(dir.join("page.html"), page).unwrap();
    let mut cmd = Command::new(chromium);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        // no name resolves: nothing reaches the network, whatever a script asks for
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--enable-logging=stderr",
        "--v=0",
        "--virtual-time-budget=15000",
        "--dump-dom",
    ])
    .arg(format!("--user-data-dir={}", dir.join("profile").display()))
    .arg(format!("file://{}", dir.join("page.html").display()));
    let (dom, log) = run_with_limit(cmd, &dir, Duration::from_secs(120));
    std::fs::remove_dir_all(&dir).unwrap();
    // `[pid:tid:time:INFO:CONSOLE:line] "message", source: url (line)`
    let console = log
        .lines()
        .filter(|l| l.contains(":CONSOLE"))
        .map(String::from)
        .collect();
    (dom, console)
}

/// The values of `attr` on every `<div>` of the class `class`, in document order.
fn attrs<'a>(dom: &'a str, class: &str, attr: &str) -> Vec<&'a str> {
    let value = |tag: &'a str, name: &str| -> Option<&'a str> {
        let key = format!(" {name}=\"");
        let start = tag.find(&key)? + key.len();
        Some(&tag[start..start + tag[start..].find('"')?])
    };
    dom.split("<div")
        .skip(1)
        .map(|tag| &tag[..tag.find('>').unwrap()])
        .filter(|tag| value(tag, "class").is_some_and(|c| c.split(' ').any(|x| x == class)))
        .map(|tag| value(tag, attr).unwrap_or_else(|| panic!("{attr} in {tag}")))
        .collect()
}

/// A TimelineJS date object as TimelineJS reads it out: `1980`, `August 2023`,
/// `July 20, 2017`.
fn spoken(date: &Value) -> String {
    let year = date["year"].as_i64().unwrap();
    let month = |m: &Value| {
        aigov::graph::date::MONTHS_LONG[usize::try_from(m.as_u64().unwrap()).unwrap() - 1]
    };
    match (date.get("month"), date.get("day")) {
        (None, _) => year.to_string(),
        (Some(m), None) => format!("{} {year}", month(m)),
        (Some(m), Some(d)) => format!("{} {d}, {year}", month(m)),
    }
}

#[test]
fn timelinejs_renders_the_bundled_export_with_every_slide_date_and_row() {
    let dist = clients().join("@knight-lab/timelinejs/dist");
    if !dist.join("js/timeline.js").is_file() {
        return skip("TimelineJS (npm @knight-lab/timelinejs)");
    }
    let Some(chromium) = chromium() else {
        return skip("Chromium");
    };
    for group_by in ["side", "none"] {
        let text = aigov_ok(&["export", "--format", "timelinejs", "--group-by", group_by]);
        let tl: Value = serde_json::from_str(&text).unwrap();
        let events = tl["events"].as_array().unwrap();
        let (dom, console) = render_timeline(chromium, &dist, &text, ("{}", ""), group_by);

        // no console message but a web font's (there is no network)
        let complaints: Vec<&String> = console
            .iter()
            .filter(|l| !l.to_lowercase().contains("font"))
            .collect();
        assert!(complaints.is_empty(), "{group_by}: {complaints:#?}");

        // a title slide, then one slide per event in the export's order: TimelineJS read
        // every date as the export means it (it sorts slides by date)
        let slides = attrs(&dom, "tl-slide", "id");
        assert_eq!(slides.len(), events.len() + 1, "{group_by}: slides");
        let ids: Vec<&str> = events
            .iter()
            .map(|e| e["unique_id"].as_str().unwrap())
            .collect();
        assert_eq!(slides[1..], ids[..], "{group_by}");
        assert!(dom.contains("tl-slide-titleslide"), "{group_by}");

        // the time axis: a marker per event, dated as written (year, month or day)
        let markers = attrs(&dom, "tl-timemarker", "aria-label");
        assert_eq!(markers.len(), events.len(), "{group_by}: markers");
        let marker_ids = attrs(&dom, "tl-timemarker", "id");
        for e in events {
            let id = e["unique_id"].as_str().unwrap();
            let i = marker_ids
                .iter()
                .position(|m| *m == format!("{id}-marker"))
                .unwrap_or_else(|| panic!("{group_by}: a marker for {id}"));
            let when = match e.get("end_date") {
                Some(end) => format!("from {} to {}", spoken(&e["start_date"]), spoken(end)),
                None => spoken(&e["start_date"]),
            };
            assert!(
                markers[i].ends_with(&format!(", {when}, press space to show")),
                "{group_by}: {id}: {}",
                markers[i]
            );
        }

        // the rows: those of the export, in the order they first appear, none of one
        let mut rows: Vec<&str> = Vec::new();
        for e in events {
            if let Some(g) = e["group"].as_str()
                && !rows.contains(&g)
            {
                rows.push(g);
            }
        }
        let shown: Vec<&str> = dom
            .split("<div class=\"tl-timegroup-message\">")
            .skip(1)
            .map(|m| m[..m.find('<').unwrap()].trim())
            .collect();
        assert_eq!(shown, rows, "{group_by}: rows");
        if group_by == "side" {
            assert_eq!(
                shown.iter().copied().collect::<BTreeSet<_>>(),
                BTreeSet::from(["China", "United States", "Both", "Others"])
            );
            for row in &rows {
                let n = events.iter().filter(|e| e["group"] == *row).count();
                assert!(n > 1, "{row} holds {n} event");
            }
        }
    }
}

#[test]
fn a_link_between_slides_goes_to_the_linked_slide_in_timelinejs() {
    let dist = clients().join("@knight-lab/timelinejs/dist");
    if !dist.join("js/timeline.js").is_file() {
        return skip("TimelineJS (npm @knight-lab/timelinejs)");
    }
    let Some(chromium) = chromium() else {
        return skip("Chromium");
    };
    let text = aigov_ok(&["export", "--format", "timelinejs"]);
    let page = ("{hash_bookmark: true}", CLICK_A_LINK);
    let (dom, console) = render_timeline(chromium, &dist, &text, page, "link");
    assert!(console.is_empty(), "{console:#?}");
    let body = &dom[dom.find("<body").unwrap()..];
    let clicked = body.split("data-clicked=\"").nth(1).unwrap();
    let target = clicked[..clicked.find('"').unwrap()]
        .strip_prefix("#event-")
        .unwrap();
    // the slide on screen is the only one not `inert`: the link's target
    let slides: Vec<&str> = dom
        .split("<div class=\"tl-slide ")
        .skip(1)
        .map(|tag| &tag[..tag.find('>').unwrap()])
        .filter(|tag| !tag.contains("inert"))
        .collect();
    assert_eq!(slides.len(), 1, "{slides:?}");
    assert!(
        slides[0].contains(&format!("id=\"{target}\"")),
        "{target}: {slides:?}"
    );
}

// ---------------------------------------------------------------- markdown

/// Renders Markdown with markdown-it (CommonMark, raw HTML on, as GitHub and pandoc keep
/// it), in node.
fn markdown_it(node_modules: &Path, text: &str) -> String {
    let script = "const md = require(process.argv[1])({ html: true });\
        process.stdout.write(md.render(require('fs').readFileSync(0, 'utf8')));";
    let o = piped(
        Command::new("node")
            .args(["-e", script])
            .arg(node_modules.join("markdown-it")),
        text.as_bytes(),
    );
    succeeded(o, "markdown-it")
}

/// The values of every `attr="…"` in some HTML.
fn values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let key = format!(" {attr}=\"");
    html.split(key.as_str())
        .skip(1)
        .map(|v| &v[..v.find('"').unwrap()])
        .collect()
}

#[test]
fn markdown_it_renders_every_in_document_link_onto_an_anchor() {
    let modules = clients();
    if !modules.join("markdown-it/package.json").is_file() || !works("node") {
        return skip("markdown-it (npm markdown-it, run by node)");
    }
    for data in [None, Some(FIXTURE)] {
        for filters in [&[][..], &["--country", "cn"][..], &["--from", "2025"][..]] {
            let ctx = format!("{data:?} {filters:?}");
            let mut args = Vec::new();
            if let Some(d) = data {
                args.extend(["--data", d]);
            }
            args.extend(["export", "--format", "json"]);
            args.extend_from_slice(filters);
            let json: Value = serde_json::from_str(&aigov_ok(&args)).unwrap();
            let format = args.len() - filters.len() - 1;
            args[format] = "markdown";
            let html = markdown_it(&modules, &aigov_ok(&args));

            let ids: BTreeSet<&str> = values(&html, "id").into_iter().collect();
            let targets: Vec<&str> = values(&html, "href")
                .into_iter()
                .filter_map(|h| h.strip_prefix('#'))
                .collect();
            // an anchor per event and per year, and every in-document link lands on one
            let events = json["events"].as_array().unwrap();
            for e in events {
                let id = format!("event-{}", e["id"].as_str().unwrap());
                assert!(ids.contains(id.as_str()), "{ctx}: {id}");
            }
            for t in &targets {
                assert!(ids.contains(t), "{ctx}: #{t} lands nowhere");
            }
            let years: BTreeSet<&str> = events
                .iter()
                .map(|e| &e["date"].as_str().unwrap()[..4])
                .collect();
            let contents: BTreeSet<&str> = targets
                .iter()
                .filter_map(|t| t.strip_prefix("year-"))
                .collect();
            assert_eq!(contents, years, "{ctx}: the contents link every year");
            let linked = events
                .iter()
                .flat_map(|e| e["links"].as_array().unwrap())
                .any(|l| events.iter().any(|e| e["id"] == l["to"]));
            assert_eq!(
                targets.iter().any(|t| t.starts_with("event-")),
                linked,
                "{ctx}: links between exported events are in-document links"
            );
            // data text stays text: the only raw HTML is the anchors
            assert!(!html.contains("<script"), "{ctx}");
            assert!(!html.contains("<b>"), "{ctx}");
        }
    }
}
