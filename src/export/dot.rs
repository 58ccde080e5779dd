//! `export --format dot`: the event graph for Graphviz, time flowing left to right: a
//! column per year, quiet years sharing one so that there are at most [`MAX_COLUMNS`] (a
//! `rank=same` subgraph headed by its years, its events chained top to bottom in date
//! order, which Graphviz mostly keeps); one
//! node per exported event
//! (its date and its title wrapped at about [`WRAP`] characters), one edge per link between
//! two of them, always from the earlier event to the later (an `xlabel` names the link kind;
//! a link held by the later event is drawn `dir=back`, so its arrowhead still points at
//! what it names). Nodes are filled by [`Side`] (China, the United States, both, others),
//! with a legend as the graph's label. Data text is escaped so that it stays literal.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::Selection;
use super::side::{self, Side};
use crate::dataset::Dataset;

/// Escapes text for the inside of a DOT string so that Graphviz shows it as written: `"`
/// and `\` get a backslash (so `\n` or `\N` in data stay literal), `&` becomes `&amp;`
/// (Graphviz decodes HTML entities such as `&lt;` or `&#65;` in every label), a line break
/// becomes DOT's `\n`, a lone CR is dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.replace("\r\n", "\n").chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '&' => out.push_str("&amp;"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Characters per line of a node's title, about.
pub const WRAP: usize = 28;

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

/// The fill of a side's nodes: light tints, so that black text stays easy to read, whose
/// hues (red, blue, purple, grey) differ in lightness too for readers who see no red.
pub fn fill(side: Side) -> &'static str {
    match side {
        Side::China => "#f6c3bd",
        Side::UnitedStates => "#bcd4ec",
        Side::Both => "#d9c3e6",
        Side::Others => "#ececec",
    }
}

/// The legend: a row of the sides in their fills, at the top left of the drawing. An
/// HTML-like label, made only of the fixed text above (no data text).
fn legend() -> String {
    let mut cells = String::new();
    for s in Side::ALL {
        let _ = write!(
            cells,
            "<td bgcolor=\"{}\" border=\"1\" cellpadding=\"4\">{}</td>",
            fill(s),
            s.legend()
        );
    }
    format!(
        "<<table border=\"0\" cellspacing=\"6\"><tr><td>Events by side:</td>{cells}</tr></table>>"
    )
}

/// The most columns a drawing has. Graphviz draws a PNG at 96 dpi, and a column (a node
/// [`WRAP`] characters wide and the gap to the next) takes about 3.4 inches, so five keep
/// the bundled graph about 1700 pixels wide (six made 2000): on a 1920-pixel screen at
/// 100%, it scrolls down only.
pub const MAX_COLUMNS: usize = 5;

/// A column of the drawing: the years `first..=last`, holding `events` events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub first: i32,
    pub last: i32,
    pub events: usize,
}

impl Column {
    /// `2025`, or `1980–2019` for years that share a column.
    pub fn label(self) -> String {
        if self.first == self.last {
            self.first.to_string()
        } else {
            format!("{}–{}", self.first, self.last)
        }
    }
}

/// The columns for events in date order, given each one's year: a column per year, then
/// the two neighbouring columns with the fewest events together (the earlier pair on a
/// tie) merged, again and again, until at most [`MAX_COLUMNS`] remain. Busy years keep a
/// column of their own; quiet ones share.
pub fn columns(years: impl IntoIterator<Item = i32>) -> Vec<Column> {
    let mut cols: Vec<Column> = Vec::new();
    for y in years {
        match cols.last_mut() {
            Some(c) if c.last == y => c.events += 1,
            _ => cols.push(Column {
                first: y,
                last: y,
                events: 1,
            }),
        }
    }
    while cols.len() > MAX_COLUMNS {
        let Some(i) = (0..cols.len() - 1).min_by_key(|&i| cols[i].events + cols[i + 1].events)
        else {
            break;
        };
        let next = cols.remove(i + 1);
        cols[i].last = next.last;
        cols[i].events += next.events;
    }
    cols
}

/// The id of a column's heading node: a space keeps it apart from every event id.
fn heading(c: Column) -> String {
    format!("year {}", c.label())
}

/// Writes the graph. Symmetric links (`contrasts_with`, `related`) are drawn without an
/// arrowhead; links to events the filters left out are not drawn; invisible edges keep the
/// columns in order when no link joins them, and ask for the events of a column in date
/// order from top to bottom (Graphviz may still swap a few to cut crossings; every node
/// shows its date).
pub fn write(ds: &Dataset, sel: &Selection, out: &mut dyn Write) -> io::Result<()> {
    let g = &ds.graph;
    writeln!(out, "digraph aigov {{")?;
    writeln!(out, "  rankdir=LR;")?;
    writeln!(out, "  labelloc=t;")?;
    writeln!(out, "  labeljust=l;")?;
    writeln!(out, "  label={};", legend())?;
    // Edge labels are `xlabel`s, placed once the layout is done, so that they do not widen
    // the gaps between columns.
    writeln!(
        out,
        "  node [shape=box, style=\"rounded,filled\", fontsize=12];"
    )?;
    writeln!(out, "  edge [fontsize=9];")?;
    let cols = columns(sel.events.iter().map(|&e| g.event(e).date.year()));
    let mut events = sel.events.iter();
    for &c in &cols {
        writeln!(out, "  subgraph \"rank {}\" {{", c.label())?;
        writeln!(out, "    rank=same;")?;
        writeln!(
            out,
            "    \"{}\" [label=\"{}\", shape=plaintext, style=\"\"];",
            heading(c),
            c.label()
        )?;
        let mut above = heading(c);
        for &e in events.by_ref().take(c.events) {
            let ev = g.event(e);
            let title: Vec<String> = wrap(&ev.title, WRAP).iter().map(|l| escape(l)).collect();
            writeln!(
                out,
                "    \"{}\" [label=\"{}\\n{}\", fillcolor=\"{}\"];",
                escape(&ev.id),
                ev.date,
                title.join("\\n"),
                fill(side::of_event(g, e))
            )?;
            writeln!(
                out,
                "    \"{above}\" -> \"{}\" [style=invis];",
                escape(&ev.id)
            )?;
            above = escape(&ev.id);
        }
        writeln!(out, "  }}")?;
    }
    for pair in cols.windows(2) {
        writeln!(
            out,
            "  \"{}\" -> \"{}\" [style=invis];",
            heading(pair[0]),
            heading(pair[1])
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
        // entities stay text: Graphviz would show `&lt;` as `<`
        assert_eq!(escape("AT&T &lt; &#65;"), "AT&amp;T &amp;lt; &amp;#65;");
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
