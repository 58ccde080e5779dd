//! `export --format dot`: the event graph for Graphviz: one node per exported event
//! (labelled with its date and title), one edge per link between two of them (labelled
//! with the link kind). Data text is escaped for DOT strings.

use std::io::{self, Write};

use super::Selection;
use crate::dataset::Dataset;

/// Escapes text for the inside of a DOT string: `"` and `\` get a backslash (so `\n` or
/// `\N` in data stay literal), a line break becomes DOT's `\n`, a lone CR is dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.replace("\r\n", "\n").chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes the graph. Symmetric links (`contrasts_with`, `related`) are drawn without an
/// arrowhead; links to events the filters left out are not drawn.
pub fn write(ds: &Dataset, sel: &Selection, out: &mut dyn Write) -> io::Result<()> {
    let g = &ds.graph;
    writeln!(out, "digraph aigov {{")?;
    writeln!(out, "  rankdir=LR;")?;
    writeln!(out, "  node [shape=box, style=rounded];")?;
    for &e in &sel.events {
        let ev = g.event(e);
        writeln!(
            out,
            "  \"{}\" [label=\"{}\\n{}\"];",
            escape(&ev.id),
            ev.date,
            escape(&ev.title)
        )?;
    }
    for &e in &sel.events {
        let ev = g.event(e);
        for l in ev.links.iter().filter(|l| sel.has_event(l.to)) {
            let dir = if l.kind.is_symmetric() {
                ", dir=none"
            } else {
                ""
            };
            writeln!(
                out,
                "  \"{}\" -> \"{}\" [label=\"{}\"{dir}];",
                escape(&ev.id),
                escape(&g.event(l.to).id),
                l.kind.as_str()
            )?;
        }
    }
    writeln!(out, "}}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_keeps_dot_strings_closed() {
        assert_eq!(escape(r#"say "hi""#), r#"say \"hi\""#);
        assert_eq!(escape(r"a\nb\"), r"a\\nb\\");
        assert_eq!(escape("two\r\nlines\n"), r"two\nlines\n");
        assert_eq!(escape("中国 l’IA"), "中国 l’IA");
    }
}
