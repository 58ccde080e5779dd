//! The layering rules, read from the code: every `crate::`, `super::` and `self::` path in
//! every file under `src/` is an edge between two modules; the rules below must hold
//! between top-level modules, no cycle may join two modules inside one (`tui::app` and
//! `tui::watch`), and no file of the explorer but `tui::update` (and `tui::app`, which
//! builds the state) changes `App`. The README's "Where things are" states the same rules.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The data core: it knows nothing of how it is shown.
const CORE: &[&str] = &[
    "load",
    "validate",
    "graph",
    "index",
    "diagnostic",
    "text",
    "dataset",
    "progress",
    "synth",
];
/// Libraries for both front ends (the filter's free words are folded as search folds them).
const SHARED: &[&str] = &["search", "filter", "export", "cite"];
const FRONT_ENDS: &[&str] = &["cli", "tui"];

/// Module → the modules its files name (by module path, `tui::app`).
type Edges = BTreeMap<String, BTreeSet<String>>;

/// The module path of a file under `src/` (`load/parse/reader.rs` → `load::parse::reader`);
/// `None` for the crate root.
fn module_path(rel: &str) -> Option<Vec<String>> {
    let rel = rel.strip_suffix(".rs")?;
    let parts: Vec<String> = rel.split('/').map(str::to_string).collect();
    (parts != ["lib"] && parts != ["main"]).then_some(parts)
}

/// A file's code without comments and without the `#[cfg(test)]` module at its end (tests
/// may use anything).
fn code_only(code: &str) -> String {
    let code = code.split("#[cfg(test)]").next().unwrap_or("");
    code.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Reads one use tree at `at` (`a::b::{c, d::e}`), each path it names pushed onto `out`
/// after `prefix`.
fn use_tree(s: &[char], at: &mut usize, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    let skip_ws = |at: &mut usize| {
        while *at < s.len() && s[*at].is_whitespace() {
            *at += 1;
        }
    };
    let mut path = prefix;
    loop {
        skip_ws(at);
        if s.get(*at) == Some(&'{') {
            *at += 1;
            loop {
                skip_ws(at);
                if *at >= s.len() || s[*at] == '}' {
                    *at += 1;
                    return;
                }
                use_tree(s, at, path.clone(), out);
                skip_ws(at);
                match s.get(*at) {
                    Some(',') => *at += 1,
                    Some('}') => {
                        *at += 1;
                        return;
                    }
                    _ => return,
                }
            }
        }
        let begin = *at;
        while *at < s.len() && is_ident(s[*at]) {
            *at += 1;
        }
        let ident: String = s[begin..*at].iter().collect();
        if ident.is_empty() {
            out.push(path);
            return;
        }
        if ident != "self" {
            path.push(ident);
        }
        if s.get(*at) == Some(&':') && s.get(*at + 1) == Some(&':') {
            *at += 2;
        } else {
            out.push(path);
            return;
        }
    }
}

/// The paths a file names from the crate (`crate::`, `super::`, `self::`), made
/// absolute from the file's module `here`.
fn named_paths(here: &[String], code: &str) -> Vec<Vec<String>> {
    let s: Vec<char> = code_only(code).chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let starts_path = (i == 0 || !(is_ident(s[i - 1]) || s[i - 1] == ':'))
            && ["crate::", "super::", "self::"]
                .iter()
                .any(|k| s[i..].starts_with(&k.chars().collect::<Vec<_>>()));
        if !starts_path {
            i += 1;
            continue;
        }
        let mut base: Vec<String> = here.to_vec();
        let mut at = i;
        let take = |at: &mut usize, word: &str| {
            let w: Vec<char> = format!("{word}::").chars().collect();
            let ok = s[*at..].starts_with(&w);
            if ok {
                *at += w.len();
            }
            ok
        };
        if take(&mut at, "crate") {
            base.clear();
        } else if take(&mut at, "self") {
        } else {
            while take(&mut at, "super") {
                base.pop();
            }
        }
        use_tree(&s, &mut at, base, &mut out);
        i = at.max(i + 1);
    }
    out
}

/// The module a path names: its longest prefix that is a module of `known`, or its first
/// segment when none is.
fn resolve(path: &[String], known: &BTreeSet<Vec<String>>) -> Option<Vec<String>> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|p| known.contains(p))
        .or_else(|| path.first().map(|f| vec![f.clone()]))
}

/// The edges between modules, each side cut to its first `depth` segments; edges between
/// a module and its own parent or child (a `mod` line, an `impl` in a child) are not
/// layers and are left out.
fn edges_at(files: &[(String, String)], depth: usize) -> Edges {
    let known: BTreeSet<Vec<String>> = files.iter().filter_map(|(r, _)| module_path(r)).collect();
    let mut edges = Edges::new();
    for (rel, code) in files {
        // Unit-test files (`tests.rs` beside a module) are tests, not layers.
        if rel.ends_with("/tests.rs") || rel.contains("/tests/") {
            continue;
        }
        let Some(here) = module_path(rel) else {
            continue;
        };
        let cut = |p: &[String]| p[..p.len().min(depth)].to_vec();
        let from = cut(&here);
        let entry = edges.entry(from.join("::")).or_default();
        for path in named_paths(&here, code) {
            let Some(to) = resolve(&path, &known).map(|t| cut(&t)) else {
                continue;
            };
            let related = to.starts_with(&from) || from.starts_with(&to);
            if !related {
                entry.insert(to.join("::"));
            }
        }
    }
    edges
}

/// The edges between top-level modules.
fn edges(files: &[(String, String)]) -> Edges {
    edges_at(files, 1)
}

/// Every broken rule, in words.
fn violations(edges: &Edges) -> Vec<String> {
    let mut out = Vec::new();
    for (from, tos) in edges {
        for to in tos {
            let core_to_front = (CORE.contains(&from.as_str()) || SHARED.contains(&from.as_str()))
                && FRONT_ENDS.contains(&to.as_str());
            let core_to_shared =
                CORE.contains(&from.as_str()) && SHARED.contains(&to.as_str()) && from != "dataset";
            let front_to_front = FRONT_ENDS.contains(&from.as_str())
                && FRONT_ENDS.contains(&to.as_str())
                && from != to;
            if core_to_front || front_to_front {
                out.push(format!("{from} imports {to}"));
            } else if core_to_shared {
                out.push(format!("{from} (core) imports {to}"));
            }
        }
    }
    for cycle in cycles(edges) {
        out.push(format!("cycle: {}", cycle.join(" → ")));
    }
    out
}

/// Every broken rule in `files`: the layers between top-level modules, and no cycle
/// between the modules inside one (`tui::app` → `tui::watch` → `tui::app`).
fn broken(files: &[(String, String)]) -> Vec<String> {
    let mut out = violations(&edges(files));
    for cycle in cycles(&edges_at(files, 2)) {
        out.push(format!("cycle: {}", cycle.join(" → ")));
    }
    out
}

/// The cycles between modules (each found once, from its smallest member).
fn cycles(edges: &Edges) -> Vec<Vec<String>> {
    fn walk(
        edges: &Edges,
        start: &str,
        at: &str,
        path: &mut Vec<String>,
        out: &mut Vec<Vec<String>>,
    ) {
        for next in edges.get(at).into_iter().flatten() {
            if next == start {
                let mut c = path.clone();
                c.push(start.to_string());
                out.push(c);
            } else if next.as_str() > start && !path.contains(next) {
                path.push(next.clone());
                walk(edges, start, next, path, out);
                path.pop();
            }
        }
    }
    let mut out = Vec::new();
    for start in edges.keys() {
        walk(edges, start, start, &mut vec![start.clone()], &mut out);
    }
    out
}

fn sources(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            sources(&p, root, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, std::fs::read_to_string(&p).unwrap()));
        }
    }
}

#[test]
fn the_layers_hold_and_no_module_cycle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &root, &mut files);
    assert!(files.len() > 50, "read {} files", files.len());
    let e = edges(&files);
    for m in CORE.iter().chain(SHARED).chain(FRONT_ENDS) {
        assert!(
            e.contains_key(*m),
            "no file of module {m}: update the lists"
        );
    }
    let broken = broken(&files);
    assert!(broken.is_empty(), "layering broken:\n{}", broken.join("\n"));
}

/// The test of the test: each kind of violation is caught.
#[test]
fn a_deliberate_violation_is_caught() {
    let file = |rel: &str, code: &str| (rel.to_string(), code.to_string());
    let cases = [
        (
            vec![file("graph.rs", "use crate::tui::app::App;")],
            "graph imports tui",
        ),
        (
            vec![file("export/csv.rs", "let x = crate::cli::Outcome::Ok;")],
            "export imports cli",
        ),
        (
            vec![file("tui/view.rs", "use crate::{cli, graph};")],
            "tui imports cli",
        ),
        (
            vec![file("load.rs", "use crate::search::Query;")],
            "load (core) imports search",
        ),
        (
            vec![
                file("graph.rs", "use crate::index::Index;"),
                file("index.rs", "use crate::graph::Graph;"),
            ],
            "cycle: graph → index → graph",
        ),
        (
            // A cycle inside a module, through `super::` paths, a group over lines and
            // `self::`.
            vec![
                file("tui.rs", "pub mod app;"),
                file(
                    "tui/app.rs",
                    "use super::{\n    action::Pane,\n    watch::Problems,\n};",
                ),
                file(
                    "tui/watch.rs",
                    "use self::x::Y; use crate::tui::input::Input;",
                ),
                file("tui/input.rs", "use super::super::tui::app::Searched;"),
            ],
            "cycle: tui::app → tui::watch → tui::input → tui::app",
        ),
    ];
    for (files, want) in cases {
        let got = broken(&files);
        assert!(
            got.iter().any(|g| g == want),
            "{want:?} not caught: {got:?}"
        );
    }
    // Comments and tests do not count.
    let quiet = [
        file("graph.rs", "// crate::tui is not used here"),
        file(
            "index.rs",
            "fn f() {}\n#[cfg(test)]\nmod tests { use crate::tui::App; }",
        ),
        file("graph/tests.rs", "use crate::cli::Cli;"),
        // A module and its children name each other: no cycle.
        file("tui.rs", "use self::app::App;"),
        file(
            "tui/app.rs",
            "pub use self::timeline::Filtering; use super::Start;",
        ),
        file("tui/app/timeline.rs", "use super::{App, Density};"),
    ];
    assert!(broken(&quiet).is_empty(), "{:?}", broken(&quiet));
}

/// The library reads no environment variable: `main.rs` reads them and passes the choice
/// in (as the cache directory and the theme are), so a test decides everything the
/// library does, and never writes to the home directory by accident.
#[test]
fn only_main_reads_the_environment() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &root, &mut files);
    let readers: Vec<&str> = files
        .iter()
        .filter(|(rel, code)| {
            rel != "main.rs"
                && ["env::var", "env::vars", "env::home_dir"]
                    .iter()
                    .any(|call| code.contains(call))
        })
        .map(|(rel, _)| rel.as_str())
        .collect();
    assert!(readers.is_empty(), "read the environment: {readers:?}");
}

/// Methods that change a value in place: on a field of `App`, a change.
const MUTATING: &[&str] = &[
    "take",
    "replace",
    "as_mut",
    "get_or_insert",
    "get_or_insert_with",
    "insert",
    "push",
    "pop",
    "clear",
    "retain",
    "truncate",
    "extend",
    "refilter",
    "measure_titles",
];

/// The places in a file's code that change `App` other than by `update`: a field
/// assigned or changed in place through `app.` or `self.app.`, or `&mut` of it.
fn app_changes(code: &str) -> Vec<String> {
    let s: Vec<char> = code_only(code).chars().collect();
    let starts = |word: &str| -> Vec<usize> {
        let w: Vec<char> = word.chars().collect();
        (0..s.len()).filter(|&i| s[i..].starts_with(&w)).collect()
    };
    let mut out = Vec::new();
    for at in starts("app.") {
        if at > 0 && is_ident(s[at - 1]) {
            continue;
        }
        // The path after `app.`: fields and a method.
        let mut i = at + "app.".len();
        let mut segments = vec![String::new()];
        while i < s.len() && (is_ident(s[i]) || s[i] == '.') {
            if s[i] == '.' {
                segments.push(String::new());
            } else {
                segments.last_mut().unwrap().push(s[i]);
            }
            i += 1;
        }
        let rest: String = s[i..].iter().take(3).collect();
        let rest = rest.trim_start();
        let assigned = (rest.starts_with('=') && !rest.starts_with("=="))
            || ["+=", "-=", "*=", "/=", "|=", "&="]
                .iter()
                .any(|op| rest.starts_with(op));
        let last = segments.last().map_or("", String::as_str);
        let mutated = rest.starts_with('(') && MUTATING.contains(&last);
        if assigned || mutated {
            out.push(format!("app.{}", segments.join(".")));
        }
    }
    for at in starts("&mut ") {
        let after: String = s[at + "&mut ".len()..].iter().take(40).collect();
        let after = after.trim_start_matches("self.");
        let word: String = after.chars().take_while(|&c| is_ident(c)).collect();
        if word == "app" || word == "App" {
            out.push(format!("&mut {word}"));
        }
    }
    out
}

/// `App` is changed by `update` alone (`tui::update` and its files, given a `Msg`), so
/// that every change of the state has one path a test can drive: no other file of the
/// explorer writes a field of it, changes one in place, or borrows it mutably.
#[test]
fn only_update_changes_the_app() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &root, &mut files);
    let outside = |rel: &str| {
        (rel == "tui.rs" || rel.starts_with("tui/"))
            && !["tui/update", "tui/app"]
                .iter()
                .any(|m| rel == format!("{m}.rs") || rel.starts_with(&format!("{m}/")))
            && !rel.ends_with("/tests.rs")
    };
    let changes: Vec<String> = files
        .iter()
        .filter(|(rel, _)| outside(rel))
        .flat_map(|(rel, code)| {
            app_changes(code)
                .into_iter()
                .map(move |c| format!("{rel}: {c}"))
        })
        .collect();
    assert!(
        changes.is_empty(),
        "App changed outside update: {changes:?}"
    );
}

/// The test of that test: each way of changing `App` is caught, reading it is not.
#[test]
fn a_change_of_the_app_outside_update_is_caught() {
    for code in [
        "self.app.notice = Some(e);",
        "app.search.as_mut().unwrap().input.push('x');",
        "self.app.outbox.take()",
        "app.timeline.selected += 1;",
        "app.refilter();",
        "fn f(app: &mut App) {}",
        "let a = &mut self.app;",
    ] {
        assert!(!app_changes(code).is_empty(), "{code:?} not caught");
    }
    for code in [
        "if app.notice == None { view::render(&app, f) }",
        "let effect = self.app.update(Msg::OpenFailed(e));",
        "if let Some(text) = &self.app.outbox {}",
        "// app.notice = None;",
        "let snapshot = app.timeline.selected;",
    ] {
        assert!(
            app_changes(code).is_empty(),
            "{code:?} caught: {:?}",
            app_changes(code)
        );
    }
}
