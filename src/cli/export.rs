//! `aigov export`: picks what the filters keep (a [`Selection`]) and writes it as JSON,
//! CSV, Markdown, TimelineJS or DOT, to stdout, a file, or (CSV) a directory of files.

pub mod csv;
pub mod dot;
pub mod markdown;
pub mod timelinejs;

use std::io::{self, Write};
use std::path::Path;

use super::filter::Filter;
use super::{ExportFormat, Outcome, json, plural};
use crate::dataset::Dataset;
use crate::graph::{ActorIx, EventIx, QuoteIx, SourceIx, to_u32};

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
                if actor_kept[i] {
                    if let Some(c) = a.country {
                        actor_kept[c.ix()] = true;
                    }
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

/// Exports in one format, to `path` or else to `out`.
pub fn run(
    ds: &Dataset,
    format: ExportFormat,
    f: &Filter,
    path: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let sel = Selection::new(ds, f);
    if format == ExportFormat::Csv {
        return csv::run(ds, &sel, path, out, err);
    }
    let Some(path) = path else {
        write(ds, &sel, f, format, out)?;
        return Ok(Outcome::Ok);
    };
    let mut text = Vec::new();
    write(ds, &sel, f, format, &mut text)?;
    write_file(path, &text, err)
}

/// Writes one document in any format but CSV (whose events table it writes).
pub fn write(
    ds: &Dataset,
    sel: &Selection,
    f: &Filter,
    format: ExportFormat,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        ExportFormat::Json => super::write_json(out, &json::export(ds, sel)),
        ExportFormat::Csv => csv::write_events(ds, sel, out),
        ExportFormat::Markdown => markdown::write(ds, sel, f, out),
        ExportFormat::Timelinejs => super::write_json(out, &timelinejs::document(ds, sel, f)),
        ExportFormat::Dot => dot::write(ds, sel, out),
    }
}

/// Writes a file; a failure is reported with its path and ends the command with exit 2.
pub fn write_file(path: &Path, bytes: &[u8], err: &mut dyn Write) -> io::Result<Outcome> {
    if let Err(e) = std::fs::write(path, bytes) {
        writeln!(err, "error: {}: {e}", crate::text::shown_path(path))?;
        return Ok(Outcome::Usage);
    }
    Ok(Outcome::Ok)
}
