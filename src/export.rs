//! The exports, for both front ends: which records a filter keeps (a [`Selection`]) and
//! each format's document (JSON, CSV, Markdown, TimelineJS, DOT) written to any
//! `io::Write`. Where the bytes go (stdout, a file, a directory) is the caller's business;
//! [`file`] writes a file the same safe way for both.

pub mod csv;
pub mod dot;
pub mod file;
pub mod json;
pub mod markdown;
pub mod side;
pub mod timelinejs;

use std::io::{self, Write};

use crate::dataset::Dataset;
use crate::filter::Filter;
use crate::graph::{ActorIx, EventIx, QuoteIx, SourceIx, to_u32};
use crate::text::plural;

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON object with every record.
    Json,
    /// RFC 4180 CSV (the events table, or every table to a directory).
    Csv,
    /// A readable chronology with quotes and citations.
    Markdown,
    /// The JSON that Knight Lab's TimelineJS3 reads.
    Timelinejs,
    /// The event graph for Graphviz.
    Dot,
}

impl Format {
    /// Every format, in the order menus list them.
    pub const ALL: [Format; 5] = [
        Format::Json,
        Format::Csv,
        Format::Markdown,
        Format::Timelinejs,
        Format::Dot,
    ];

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json | Format::Timelinejs => "json",
            Format::Csv => "csv",
            Format::Markdown => "md",
            Format::Dot => "dot",
        }
    }
}

/// Choices that change a document: the command line's flags (`--title`, `--group-by`,
/// `--raw`, `--bom`); the explorer writes with the defaults.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The title of a Markdown or TimelineJS document, instead of the dataset's.
    pub title: Option<String>,
    /// The rows of a TimelineJS document.
    pub group_by: timelinejs::group::GroupBy,
    /// CSV: cells exactly as in the data, without the `'` before formula-like ones.
    pub raw: bool,
    /// CSV: a UTF-8 byte-order mark before the header, for spreadsheet programs that
    /// guess the encoding otherwise.
    pub bom: bool,
}

impl Options {
    /// The document's title: `--title`, else the dataset's.
    pub fn title<'a>(&'a self, ds: &'a Dataset) -> &'a str {
        self.title.as_deref().unwrap_or(&ds.title)
    }
}

/// The records an export writes.
///
/// Events are those the filters keep, in timeline order. A quote goes with its event (the
/// quotes of a kept event are exactly the quotes of that event that pass the filters), so
/// that every quote has a place in a chronology and every reference in the export
/// resolves. Unfiltered, actors and sources are all of them; filtered, only those the kept
/// events and quotes name (actors of events, speakers, and the country of each;
/// sources of events and quotes, and the originals quotes were translated from).
/// Quotes, actors and sources are in file order.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub events: Vec<EventIx>,
    pub quotes: Vec<QuoteIx>,
    pub actors: Vec<ActorIx>,
    pub sources: Vec<SourceIx>,
    event_kept: Vec<bool>,
}

impl Selection {
    /// Applies the filters.
    pub fn new(ds: &Dataset, f: &Filter) -> Self {
        let g = &ds.graph;
        let events = f.events(ds);
        let mut event_kept = vec![false; g.events.len()];
        for e in &events {
            event_kept[e.ix()] = true;
        }
        let quotes: Vec<QuoteIx> = (0..g.quotes.len())
            .map(|i| QuoteIx(to_u32(i)))
            .filter(|&q| event_kept[g.quote(q).event.ix()])
            .collect();

        let all = !f.is_active();
        let mut actor_kept = vec![all; g.actors.len()];
        let mut source_kept = vec![all; g.sources.len()];
        if !all {
            for &e in &events {
                let ev = g.event(e);
                for &a in &ev.actors {
                    actor_kept[a.ix()] = true;
                }
                for &s in &ev.sources {
                    source_kept[s.ix()] = true;
                }
            }
            for &q in &quotes {
                let quote = g.quote(q);
                actor_kept[quote.speaker.ix()] = true;
                source_kept[quote.source.ix()] = true;
                if let Some(o) = quote.original_source {
                    source_kept[o.ix()] = true;
                }
            }
            // The country of every kept actor, so that `country` references resolve too.
            for (i, a) in g.actors.iter().enumerate() {
                if actor_kept[i]
                    && let Some(c) = a.country
                {
                    actor_kept[c.ix()] = true;
                }
            }
        }
        Self {
            events,
            quotes,
            actors: (0..g.actors.len())
                .filter(|&i| actor_kept[i])
                .map(|i| ActorIx(to_u32(i)))
                .collect(),
            sources: (0..g.sources.len())
                .filter(|&i| source_kept[i])
                .map(|i| SourceIx(to_u32(i)))
                .collect(),
            event_kept,
        }
    }

    /// Whether an event is exported.
    pub fn has_event(&self, e: EventIx) -> bool {
        self.event_kept.get(e.ix()).copied().unwrap_or(false)
    }
}

/// The filters in words (`country China (cn), from 2025`), or `None` when there are none.
pub fn describe_filter(ds: &Dataset, f: &Filter) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(c) = f.country {
        let a = ds.graph.actor(c);
        parts.push(format!("country {} ({})", a.name, a.id));
    }
    if let Some(d) = f.from {
        parts.push(format!("from {d}"));
    }
    if let Some(d) = f.to {
        parts.push(format!("to {d}"));
    }
    if let Some(t) = &f.tag {
        parts.push(format!("tag {t}"));
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// `67 events, 59 quotes`, and the filters when there are some: the line under a title.
pub fn summary_line(ds: &Dataset, sel: &Selection, f: &Filter) -> String {
    let counts = format!(
        "{}, {}",
        plural(sel.events.len(), "event"),
        plural(sel.quotes.len(), "quote")
    );
    match describe_filter(ds, f) {
        Some(filters) => format!("{counts}; filtered: {filters}"),
        None => counts,
    }
}

/// Writes one document in any format but CSV (whose events table it writes).
pub fn write(
    ds: &Dataset,
    sel: &Selection,
    f: &Filter,
    format: Format,
    opts: &Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Json => write_json(out, &json::export(ds, sel)),
        Format::Csv => csv::write_events(ds, sel, opts, out),
        Format::Markdown => markdown::write(ds, sel, f, opts, out),
        Format::Timelinejs => write_json(out, &timelinejs::document(ds, sel, f, opts)),
        Format::Dot => dot::write(ds, sel, out),
    }
}

/// Writes one JSON value, pretty-printed, and a newline: the shape of every `--json`.
pub fn write_json(out: &mut dyn Write, value: &impl serde::Serialize) -> io::Result<()> {
    // `From` hands back the I/O error inside, so a closed pipe stays a `BrokenPipe`.
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    writeln!(out)
}
