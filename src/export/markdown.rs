//! `export --format markdown`: a chronology to paste into a document: a title (`--title`
//! or the dataset's), a contents list by year, year headings, each event with its date as
//! written, place, actors, summary (its paragraphs kept), quotes as blockquotes with
//! speaker, role and citation (a translation after the blockquote, its language named),
//! links to the other events it names (in-document links to `#event-<id>` anchors) and
//! sources. Data text is escaped so that it stays text.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{Options, Selection, summary_line};
use crate::dataset::Dataset;
use crate::filter::Filter;
use crate::graph::{EventIx, Graph, QuoteIx, SourceIx};

/// Escapes data text for an inline place in Markdown (CommonMark and GitHub's extensions):
/// runs of ASCII whitespace, newlines included, become one space, so data never starts a
/// line; every character that could open markup gets a backslash; and what would read as
/// a list item, a thematic break or a setext underline at the start of a line is escaped
/// too. The text renders exactly as it was written.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, word) in s
        .split(|c: char| c.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .enumerate()
    {
        if i > 0 {
            out.push(' ');
        }
        for c in word.chars() {
            if matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '$'
            ) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    // Markers that only count at the start of a line: `- `, `+ `, `= `, `1. `, `1) `.
    if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    } else {
        let digits = out.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=9).contains(&digits) && matches!(out.as_bytes().get(digits), Some(b'.' | b')')) {
            out.insert(digits, '\\');
        }
    }
    out
}

/// The paragraphs of a text: runs of lines between blank lines.
fn paragraphs(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in s.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push_str(line);
            current.push('\n');
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// A URL for a link destination: what would end it or be read as markup is
/// percent-encoded (URLs are checked to have no whitespace when the data is loaded).
fn url(u: &str) -> String {
    let mut out = String::with_capacity(u.len());
    for c in u.chars() {
        match c {
            ' ' | '<' | '>' | '(' | ')' | '\\' | '`' | '"' => {
                let _ = write!(out, "%{:02X}", u32::from(c));
            }
            c if c.is_control() => {
                let _ = write!(out, "%{:02X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// `Publisher, 2025-07: [Title](url)`, or the title in quotation marks without a URL.
fn citation(g: &Graph, s: SourceIx) -> String {
    let src = g.source(s);
    let mut line = escape(&src.publisher);
    if let Some(d) = src.published {
        let _ = write!(line, ", {d}");
    }
    match &src.url {
        Some(u) => {
            let _ = write!(line, ": [{}]({})", escape(&src.title), url(u));
        }
        None => {
            let _ = write!(line, ": “{}”", escape(&src.title));
        }
    }
    line
}

/// An anchor: raw HTML, the one kind of target that CommonMark renderers with HTML on
/// (GitHub, pandoc, markdown-it, python-markdown) all keep with the id as written,
/// whereas each derives heading ids its own way or not at all. `id` is a record id or a
/// year, so it needs no escaping.
fn anchor(id: &str) -> String {
    format!("<a id=\"{id}\"></a>")
}

/// Writes the chronology.
pub fn write(
    ds: &Dataset,
    sel: &Selection,
    f: &Filter,
    opts: &Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, "# {}: a chronology", escape(opts.title(ds)))?;
    writeln!(out)?;
    writeln!(out, "{}.", escape(&summary_line(ds, sel, f)))?;
    // The years and how many events each has, for the contents.
    let mut years: Vec<(i32, usize)> = Vec::new();
    for &e in &sel.events {
        let y = ds.graph.event(e).date.year();
        match years.last_mut() {
            Some((last, n)) if *last == y => *n += 1,
            _ => years.push((y, 1)),
        }
    }
    if !years.is_empty() {
        writeln!(out)?;
        writeln!(out, "**Contents:**")?;
        writeln!(out)?;
        for (y, n) in &years {
            writeln!(
                out,
                "- [{y}](#year-{y}) ({})",
                crate::text::plural(*n, "event")
            )?;
        }
    }
    let mut year = None;
    for &e in &sel.events {
        let y = ds.graph.event(e).date.year();
        if year != Some(y) {
            writeln!(out)?;
            writeln!(out, "## {}{y}", anchor(&format!("year-{y}")))?;
            year = Some(y);
        }
        writeln!(out)?;
        write_event(ds, sel, e, out)?;
    }
    Ok(())
}

fn write_event(ds: &Dataset, sel: &Selection, e: EventIx, out: &mut dyn Write) -> io::Result<()> {
    let g = &ds.graph;
    let ev = g.event(e);
    let when = match ev.end {
        Some(end) => format!("{} to {end}", ev.date),
        None => ev.date.to_string(),
    };
    writeln!(
        out,
        "### {}{when} · {}",
        anchor(&format!("event-{}", ev.id)),
        escape(&ev.title)
    )?;

    let mut facts = Vec::new();
    if let Some(p) = &ev.place {
        facts.push(format!("**Place:** {}", escape(p)));
    }
    if !ev.actors.is_empty() {
        let names: Vec<&str> = ev
            .actors
            .iter()
            .map(|&a| g.actor(a).name.as_str())
            .collect();
        facts.push(format!("**Actors:** {}", escape(&names.join(", "))));
    }
    if !ev.tags.is_empty() {
        facts.push(format!("**Tags:** {}", escape(&ev.tags.join(", "))));
    }
    if !facts.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", facts.join(" · "))?;
    }
    if let Some(s) = &ev.summary {
        for p in paragraphs(s) {
            writeln!(out)?;
            writeln!(out, "{}", escape(&p))?;
        }
    }
    for &q in &ds.index.quotes_by_event[e.ix()] {
        writeln!(out)?;
        write_quote(g, q, out)?;
    }

    let mut links: Vec<String> = ev
        .links
        .iter()
        .map(|l| event_ref(g, sel, l.kind.label(), l.to))
        .collect();
    links.extend(
        ds.index.backlinks[e.ix()]
            .iter()
            .map(|b| event_ref(g, sel, b.kind.reverse_label(), b.from)),
    );
    if !links.is_empty() {
        writeln!(out)?;
        writeln!(out, "**Links:** {}", links.join("; "))?;
    }
    if !ev.sources.is_empty() {
        writeln!(out)?;
        writeln!(out, "**Sources:**")?;
        writeln!(out)?;
        for &s in &ev.sources {
            writeln!(out, "- {}", citation(g, s))?;
        }
    }
    Ok(())
}

/// `responds to [America’s AI Action Plan](#event-us-plan) (2025-07-23)`: a link to the
/// event's heading when it is exported, its title alone otherwise.
fn event_ref(g: &Graph, sel: &Selection, label: &str, e: EventIx) -> String {
    let ev = g.event(e);
    if sel.has_event(e) {
        format!(
            "{label} [{}](#event-{}) ({})",
            escape(&ev.title),
            ev.id,
            ev.date
        )
    } else {
        format!("{label} {} ({})", escape(&ev.title), ev.date)
    }
}

/// A blockquote of the words as said and who said them where; a translation follows as a
/// paragraph of its own (`*Translation from French:* …`), so that it never reads as a
/// second quote.
fn write_quote(g: &Graph, q: QuoteIx, out: &mut dyn Write) -> io::Result<()> {
    let quote = g.quote(q);
    writeln!(out, "> {}", escape(&quote.text))?;
    let speaker = g.actor(quote.speaker);
    let mut who = escape(&speaker.name);
    if let Some(role) = &speaker.role {
        let _ = write!(who, ", {}", escape(role));
    }
    writeln!(out, ">")?;
    writeln!(out, "> — {who} · {}", citation(g, quote.source))?;
    if let Some(t) = &quote.translation {
        writeln!(out)?;
        writeln!(
            out,
            "*Translation from {}:* {}",
            escape(language(&quote.lang)),
            escape(t)
        )?;
    }
    Ok(())
}

/// The English name of a language code the data uses, or the code itself.
pub fn language(code: &str) -> &str {
    match code {
        "ar" => "Arabic",
        "de" => "German",
        "en" => "English",
        "es" => "Spanish",
        "fr" => "French",
        "hi" => "Hindi",
        "it" => "Italian",
        "ja" => "Japanese",
        "ko" => "Korean",
        "pt" => "Portuguese",
        "ru" => "Russian",
        "zh" => "Chinese",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_keeps_markup_from_data_out() {
        assert_eq!(
            escape("a *b* _c_ [d](e) <f> `g`"),
            r"a \*b\* \_c\_ \[d\](e) \<f\> \`g\`"
        );
        assert_eq!(escape("# not\n## a heading"), r"\# not \#\# a heading");
        assert_eq!(escape("- item"), r"\- item");
        assert_eq!(escape("2025. A year"), r"2025\. A year");
        assert_eq!(escape("1) one"), r"1\) one");
        assert_eq!(escape("AT&T costs $5 ~ | x"), r"AT\&T costs \$5 \~ \| x");
        assert_eq!(escape("back\\slash"), r"back\\slash");
        // what needs nothing stays as written, non-breaking spaces included
        assert_eq!(escape("l’IA « fragmentée »"), "l’IA « fragmentée »");
        assert_eq!(escape("U.S. 2025-07 (draft)"), "U.S. 2025-07 (draft)");
        assert_eq!(escape("  two\r\n\tlines  "), "two lines");
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        assert_eq!(
            paragraphs("one\ntwo\n\n \nthree\n"),
            ["one\ntwo\n", "three\n"]
        );
        assert!(paragraphs(" \n").is_empty());
    }

    #[test]
    fn urls_cannot_end_a_link_early() {
        assert_eq!(
            url("https://x.org/a_(b)<c>\"d"),
            "https://x.org/a_%28b%29%3Cc%3E%22d"
        );
        assert_eq!(url("https://x.org/é?q=1&r"), "https://x.org/é?q=1&r");
    }
}
