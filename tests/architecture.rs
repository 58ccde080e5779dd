//! The layering rules, read from the code: every `crate::module` path in every file under
//! `src/` is an edge between two top-level modules, and the rules below must hold. The
//! README's "Where things are" states the same rules.
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

/// Top-level module → the top-level modules its files name.
type Edges = BTreeMap<String, BTreeSet<String>>;

/// The top-level module a file under `src/` belongs to (`load/parse/reader.rs` → `load`).
fn module_of(rel: &str) -> Option<String> {
    let first = rel.split('/').next()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib" && name != "main").then(|| name.to_string())
}

/// `crate::name` paths in a file's code (comments and the `#[cfg(test)]` module at its
/// end left out: tests may use anything), as module names.
fn named_modules(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let code = code.split("#[cfg(test)]").next().unwrap_or("");
    for line in code.lines() {
        let line = line.split("//").next().unwrap_or("");
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.insert(name);
            }
            rest = after;
        }
        // `use crate::{a, b::c}` names several modules at once.
        if let Some(group) = line.trim_start().strip_prefix("use crate::{") {
            for part in group.split(',') {
                let name: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.insert(name);
                }
            }
        }
    }
    out
}

fn edges(files: &[(String, String)]) -> Edges {
    let mut edges = Edges::new();
    for (rel, code) in files {
        // Unit-test files (`tests.rs` beside a module) are tests, not layers.
        if rel.ends_with("/tests.rs") || rel.contains("/tests/") {
            continue;
        }
        let Some(from) = module_of(rel) else { continue };
        let entry = edges.entry(from.clone()).or_default();
        for to in named_modules(code) {
            if to != from {
                entry.insert(to);
            }
        }
    }
    edges
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
    let broken = violations(&e);
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
    ];
    for (files, want) in cases {
        let got = violations(&edges(&files));
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
    ];
    assert!(violations(&edges(&quiet)).is_empty());
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
