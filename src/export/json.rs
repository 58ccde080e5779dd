//! The JSON shape of every record, shared by `list --json`, `show --json` and
//! `export --format json`. Keys are always present (null when unset), references are ids;
//! the shape is documented in README.md ("JSON output") and only grows.

use serde_json::{Value, json};

use super::Selection;
use crate::dataset::Dataset;
use crate::graph::{ActorIx, EventIx, Graph, QuoteIx, SourceIx};

/// Version of the export document; bumped only on an incompatible change.
pub const EXPORT_VERSION: u32 = 1;

/// An actor as JSON.
pub fn actor(g: &Graph, ix: ActorIx) -> Value {
    let a = g.actor(ix);
    json!({
        "id": a.id,
        "name": a.name,
        "kind": a.kind.as_str(),
        "country": a.country.map(|c| g.actor(c).id.as_str()),
        "role": a.role,
        "aliases": a.aliases,
        "summary": a.summary,
        "note": a.note,
    })
}

/// A source as JSON.
pub fn source(g: &Graph, ix: SourceIx) -> Value {
    let s = g.source(ix);
    json!({
        "id": s.id,
        "title": s.title,
        "publisher": s.publisher,
        "published": s.published.map(|d| d.to_string()),
        "language": s.language,
        "url": s.url,
        "author": s.author,
        "summary": s.summary,
        "note": s.note,
    })
}

/// An event as JSON.
pub fn event(g: &Graph, ix: EventIx) -> Value {
    let e = g.event(ix);
    json!({
        "id": e.id,
        "date": e.date.to_string(),
        "date_precision": e.date.precision().as_str(),
        "start": e.date.start().to_string(),
        "end": e.end.map(|d| d.to_string()),
        "title": e.title,
        "place": e.place,
        "summary": e.summary,
        "actors": e.actors.iter().map(|&a| g.actor(a).id.as_str()).collect::<Vec<_>>(),
        "tags": e.tags,
        "sources": e.sources.iter().map(|&s| g.source(s).id.as_str()).collect::<Vec<_>>(),
        "links": e.links.iter().map(|l| json!({
            "to": g.event(l.to).id,
            "kind": l.kind.as_str(),
            "note": l.note,
        })).collect::<Vec<_>>(),
        "note": e.note,
    })
}

/// A quote as JSON.
pub fn quote(g: &Graph, ix: QuoteIx) -> Value {
    let q = g.quote(ix);
    json!({
        "id": q.id,
        "speaker": g.actor(q.speaker).id,
        "event": g.event(q.event).id,
        "source": g.source(q.source).id,
        "date": g.quote_date(ix).to_string(),
        "lang": q.lang,
        "text": q.text,
        "translation": q.translation,
        "original": q.original,
        "original_lang": q.original_lang,
        "original_source": q.original_source.map(|s| g.source(s).id.as_str()),
        "note": q.note,
        "links": q.links.iter().map(|l| json!({
            "to": g.quote(l.to).id,
            "kind": l.kind.as_str(),
            "note": l.note,
        })).collect::<Vec<_>>(),
    })
}

/// The export document: `{ "version", "actors", "sources", "events", "quotes" }` with the
/// records of a selection (the whole dataset when nothing is filtered), events in timeline
/// order, the rest in file order.
pub fn export(ds: &Dataset, sel: &Selection) -> Value {
    let g = &ds.graph;
    json!({
        "version": EXPORT_VERSION,
        "actors": sel.actors.iter().map(|&a| actor(g, a)).collect::<Vec<_>>(),
        "sources": sel.sources.iter().map(|&s| source(g, s)).collect::<Vec<_>>(),
        "events": sel.events.iter().map(|&e| event(g, e)).collect::<Vec<_>>(),
        "quotes": sel.quotes.iter().map(|&q| quote(g, q)).collect::<Vec<_>>(),
    })
}
