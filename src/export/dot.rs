//! `export --format dot`: the event graph for Graphviz, time flowing left to right: one
//! column per year (a `rank=same` subgraph headed by the year), one node per exported event
//! (its date and its title wrapped at about [`WRAP`] characters), one edge per link between
//! two of them, always from the earlier event to the later (an `xlabel` names the link kind;
//! a link held by the later event is drawn `dir=back`, so its arrowhead still points at
//! what it names). Data text is escaped for DOT strings.

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

/// Characters per line of a node's title, about.
pub const WRAP: usize = 30;

/// Breaks text into lines of at most `width` characters at spaces (a longer word keeps a
/// line to itself).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The id of a year's heading node: a space keeps it apart from every event id.
fn year_node(year: i32) -> String {
    format!("year {year}")
}

/// Writes the graph. Symmetric links (`contrasts_with`, `related`) are drawn without an
/// arrowhead; links to events the filters left out are not drawn; invisible edges between
/// the year headings keep the columns in order when no link joins two years.
pub fn write(ds: &Dataset, sel: &Selection, out: &mut dyn Write) -> io::Result<()> {
    let g = &ds.graph;
    writeln!(out, "digraph aigov {{")?;
    writeln!(out, "  rankdir=LR;")?;
    // Sizes that keep the bundled graph about 37 inches wide; edge labels are `xlabel`s,
    // placed once the layout is done, so that they do not widen the gaps between years.
    writeln!(out, "  node [shape=box, style=rounded, fontsize=12];")?;
    writeln!(out, "  edge [fontsize=9];")?;
    let mut years: Vec<i32> = Vec::new();
    for &e in &sel.events {
        let ev = g.event(e);
        let year = ev.date.year();
        if years.last() != Some(&year) {
            if !years.is_empty() {
                writeln!(out, "  }}")?;
            }
            years.push(year);
            writeln!(out, "  subgraph \"rank {year}\" {{")?;
            writeln!(out, "    rank=same;")?;
            writeln!(
                out,
                "    \"{}\" [label=\"{year}\", shape=plaintext];",
                year_node(year)
            )?;
        }
        let title: Vec<String> = wrap(&ev.title, WRAP).iter().map(|l| escape(l)).collect();
        writeln!(
            out,
            "    \"{}\" [label=\"{}\\n{}\"];",
            escape(&ev.id),
            ev.date,
            title.join("\\n")
        )?;
    }
    if !years.is_empty() {
        writeln!(out, "  }}")?;
    }
    for pair in years.windows(2) {
        writeln!(
            out,
            "  \"{}\" -> \"{}\" [style=invis];",
            year_node(pair[0]),
            year_node(pair[1])
        )?;
    }
    let pos = &ds.index.timeline_pos;
    for &e in &sel.events {
        let ev = g.event(e);
        for l in ev.links.iter().filter(|l| sel.has_event(l.to)) {
            // Drawn from the earlier event to the later, whichever holds the link.
            let backwards = pos[l.to.ix()] < pos[e.ix()];
            let (from, to) = if backwards { (l.to, e) } else { (e, l.to) };
            let dir = match (l.kind.is_symmetric(), backwards) {
                (true, _) => ", dir=none",
                (false, true) => ", dir=back",
                (false, false) => "",
            };
            writeln!(
                out,
                "  \"{}\" -> \"{}\" [xlabel=\"{}\"{dir}];",
                escape(&g.event(from).id),
                escape(&g.event(to).id),
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

    #[test]
    fn wrap_breaks_at_spaces_within_the_width() {
        assert_eq!(
            wrap("Li Qiang proposes a World AI Cooperation Organization", 30),
            ["Li Qiang proposes a World AI", "Cooperation Organization"]
        );
        assert_eq!(wrap("short", 30), ["short"]);
        assert_eq!(wrap("", 30), [""]);
        assert_eq!(
            wrap("a verylongwordthatdoesnotfit b", 10),
            ["a", "verylongwordthatdoesnotfit", "b"]
        );
        assert_eq!(wrap("  many   spaces\n here ", 30), ["many spaces here"]);
    }
}
