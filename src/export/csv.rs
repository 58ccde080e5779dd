//! `export --format csv`: one RFC 4180 table per kind of record (CRLF line ends; a field
//! with a comma, a quote, CR or LF is quoted, its quotes doubled), written by the `csv`
//! crate: every table, or the events alone. A cell a spreadsheet would read as a formula
//! gets a leading `'` ([`cell`]) unless `--raw` is asked; `--bom` puts a UTF-8 byte-order
//! mark first.

use std::io::{self, Write};

use super::{Options, Selection};
use crate::dataset::Dataset;
use crate::graph::Graph;

/// One table: a file name, its header and its rows. Unset values are empty fields.
#[derive(Debug, Clone)]
pub struct Table {
    pub name: &'static str,
    pub header: &'static [&'static str],
    pub rows: Vec<Vec<String>>,
}

/// Joins the values of a multi-valued field (actors, tags, sources, aliases, links) with
/// `;`. A `;` or `\` inside a value is written `\;` or `\\`, so the field splits back
/// exactly; ids never need it.
pub fn join<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        for c in item.chars() {
            if matches!(c, ';' | '\\') {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

fn opt(value: Option<&String>) -> String {
    value.cloned().unwrap_or_default()
}

/// The events, in timeline order; `links` holds `kind:target` pairs.
pub fn events(ds: &Dataset, sel: &Selection) -> Table {
    let g = &ds.graph;
    let rows = sel.events.iter().map(|&e| {
        let ev = g.event(e);
        let links: Vec<String> = ev
            .links
            .iter()
            .map(|l| format!("{}:{}", l.kind.as_str(), g.event(l.to).id))
            .collect();
        vec![
            ev.id.clone(),
            ev.date.to_string(),
            ev.date.precision().as_str().to_string(),
            ev.date.start().to_string(),
            ev.end.map(|d| d.to_string()).unwrap_or_default(),
            ev.title.clone(),
            opt(ev.place.as_ref()),
            opt(ev.summary.as_ref()),
            join(ev.actors.iter().map(|&a| g.actor(a).id.as_str())),
            join(ev.tags.iter().map(String::as_str)),
            join(ev.sources.iter().map(|&s| g.source(s).id.as_str())),
            join(links.iter().map(String::as_str)),
            opt(ev.note.as_ref()),
        ]
    });
    Table {
        name: "events.csv",
        header: &[
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
            "note",
        ],
        rows: rows.collect(),
    }
}

fn quotes(g: &Graph, sel: &Selection) -> Table {
    let rows = sel.quotes.iter().map(|&q| {
        let quote = g.quote(q);
        vec![
            quote.id.clone(),
            g.actor(quote.speaker).id.clone(),
            g.event(quote.event).id.clone(),
            g.source(quote.source).id.clone(),
            g.quote_date(q).to_string(),
            quote.lang.clone(),
            quote.text.clone(),
            opt(quote.translation.as_ref()),
            opt(quote.original.as_ref()),
            opt(quote.original_lang.as_ref()),
            quote
                .original_source
                .map(|s| g.source(s).id.clone())
                .unwrap_or_default(),
            opt(quote.note.as_ref()),
        ]
    });
    Table {
        name: "quotes.csv",
        header: &[
            "id",
            "speaker",
            "event",
            "source",
            "date",
            "lang",
            "text",
            "translation",
            "original",
            "original_lang",
            "original_source",
            "note",
        ],
        rows: rows.collect(),
    }
}

fn actors(g: &Graph, sel: &Selection) -> Table {
    let rows = sel.actors.iter().map(|&a| {
        let actor = g.actor(a);
        vec![
            actor.id.clone(),
            actor.name.clone(),
            actor.kind.as_str().to_string(),
            actor
                .country
                .map(|c| g.actor(c).id.clone())
                .unwrap_or_default(),
            opt(actor.role.as_ref()),
            join(actor.aliases.iter().map(String::as_str)),
            opt(actor.summary.as_ref()),
            opt(actor.note.as_ref()),
        ]
    });
    Table {
        name: "actors.csv",
        header: &[
            "id", "name", "kind", "country", "role", "aliases", "summary", "note",
        ],
        rows: rows.collect(),
    }
}

fn sources(g: &Graph, sel: &Selection) -> Table {
    let rows = sel.sources.iter().map(|&s| {
        let src = g.source(s);
        vec![
            src.id.clone(),
            src.title.clone(),
            src.publisher.clone(),
            src.published.map(|d| d.to_string()).unwrap_or_default(),
            opt(src.language.as_ref()),
            opt(src.url.as_ref()),
            opt(src.author.as_ref()),
            opt(src.summary.as_ref()),
            opt(src.note.as_ref()),
        ]
    });
    Table {
        name: "sources.csv",
        header: &[
            "id",
            "title",
            "publisher",
            "published",
            "language",
            "url",
            "author",
            "summary",
            "note",
        ],
        rows: rows.collect(),
    }
}

/// Every link held by an exported event, in timeline order of the events (the target
/// may be an event the filters left out, as in the JSON).
fn links(g: &Graph, sel: &Selection) -> Table {
    let rows = sel.events.iter().flat_map(|&e| {
        let ev = g.event(e);
        ev.links.iter().map(move |l| {
            vec![
                ev.id.clone(),
                g.event(l.to).id.clone(),
                l.kind.as_str().to_string(),
                opt(l.note.as_ref()),
            ]
        })
    });
    Table {
        name: "links.csv",
        header: &["from", "to", "kind", "note"],
        rows: rows.collect(),
    }
}

/// Every table, in the order of their files: events, quotes, actors, sources, links.
pub fn tables(ds: &Dataset, sel: &Selection) -> [Table; 5] {
    let g = &ds.graph;
    [
        events(ds, sel),
        quotes(g, sel),
        actors(g, sel),
        sources(g, sel),
        links(g, sel),
    ]
}

/// A cell as written: one whose first character is `=`, `+`, `-`, `@`, a tab or a CR gets
/// a leading `'`, so that a spreadsheet shows it as text instead of running it as a formula
/// (OWASP's advice against CSV injection). Only the first character counts (`2025-07`
/// stays as it is), and a cell that is a number (`-5`, `+1.5`) is left alone.
pub fn cell(value: &str) -> std::borrow::Cow<'_, str> {
    let risky = value.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && value.parse::<f64>().is_err() {
        std::borrow::Cow::Owned(format!("'{value}"))
    } else {
        std::borrow::Cow::Borrowed(value)
    }
}

/// The UTF-8 byte-order mark `--bom` writes first.
pub const BOM: &[u8] = "\u{feff}".as_bytes();

/// Writes one table: a byte-order mark if asked, the header, then the rows, each cell
/// through [`cell`] unless `raw` is asked.
pub fn write_table(table: &Table, opts: &Options, out: &mut dyn Write) -> io::Result<()> {
    if opts.bom {
        out.write_all(BOM)?;
    }
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    w.write_record(table.header).map_err(io_error)?;
    for row in &table.rows {
        for v in row {
            let v = if opts.raw {
                std::borrow::Cow::Borrowed(v.as_str())
            } else {
                cell(v)
            };
            w.write_field(v.as_bytes()).map_err(io_error)?;
        }
        w.write_record(None::<&[u8]>).map_err(io_error)?;
    }
    w.flush()
}

/// The I/O error inside a csv error, so that a closed pipe is still seen as one.
fn io_error(e: ::csv::Error) -> io::Error {
    match e.into_kind() {
        ::csv::ErrorKind::Io(e) => e,
        kind => io::Error::other(format!("{kind:?}")),
    }
}

/// Writes the events table.
pub fn write_events(
    ds: &Dataset,
    sel: &Selection,
    opts: &Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_table(&events(ds, sel), opts, out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn split(field: &str) -> Vec<String> {
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

    #[test]
    fn joined_values_split_back_exactly() {
        let values = ["PRC", "a;b", r"back\slash", r"\;", ""];
        let joined = join(values);
        assert_eq!(joined, r"PRC;a\;b;back\\slash;\\\;;");
        assert_eq!(split(&joined), values);
        assert_eq!(join(["cn", "li-qiang"]), "cn;li-qiang");
        assert_eq!(join([]), "");
    }

    #[test]
    fn cells_a_spreadsheet_would_run_get_a_quote_mark() {
        for risky in ["=1+1", "+cmd", "-x", "@SUM(A1)", "\tx", "\rx", "=", "-"] {
            assert_eq!(cell(risky), format!("'{risky}"), "{risky:?}");
        }
        for safe in [
            "2025-07", "2025", "-5", "+1.5", "a=b", "", "'=x", " =x", "中国",
        ] {
            assert_eq!(cell(safe), safe, "{safe:?}");
        }
    }

    #[test]
    fn fields_are_quoted_as_rfc_4180_says() {
        let table = Table {
            name: "t.csv",
            header: &["a", "b"],
            rows: vec![vec!["x, y".into(), "say \"hi\"\nbye".into()]],
        };
        let mut out = Vec::new();
        write_table(&table, &Options::default(), &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a,b\r\n\"x, y\",\"say \"\"hi\"\"\nbye\"\r\n"
        );
    }
}
