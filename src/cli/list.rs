//! `aigov list events|quotes|actors|sources`: aligned lines (date as written, id, names),
//! or one JSON array, honouring the filters.

use std::io::{self, Write};

use super::ListKind;
use crate::dataset::Dataset;
use crate::export::json;
use crate::filter::Filter;
use crate::graph::{ActorIx, QuoteIx, SourceIx, to_u32};
use crate::text::{pad, width};

/// Lists records of one kind.
pub fn run(
    ds: &Dataset,
    what: ListKind,
    f: &Filter,
    as_json: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let g = &ds.graph;
    match what {
        ListKind::Events => {
            let events = f.events(ds);
            if as_json {
                return write_json(out, events.iter().map(|&e| json::event(g, e)));
            }
            let rows = events.iter().map(|&e| {
                let ev = g.event(e);
                let names: Vec<&str> = ev
                    .actors
                    .iter()
                    .map(|&a| g.actor(a).name.as_str())
                    .collect();
                let tail = if names.is_empty() {
                    String::new()
                } else {
                    format!("  · {}", names.join(", "))
                };
                [
                    ev.date.to_string(),
                    ev.id.clone(),
                    format!("{}{tail}", ev.title),
                ]
            });
            write_rows(out, rows)
        }
        ListKind::Quotes => {
            let quotes = quotes(ds, f);
            if as_json {
                return write_json(out, quotes.iter().map(|&q| json::quote(g, q)));
            }
            let rows = quotes.iter().map(|&q| {
                let quote = g.quote(q);
                [
                    g.quote_date(q).to_string(),
                    quote.id.clone(),
                    g.actor(quote.speaker).name.clone(),
                    format!("« {} »", quote.text),
                ]
            });
            write_rows(out, rows)
        }
        ListKind::Actors => {
            let actors = actors(ds, f);
            if as_json {
                return write_json(out, actors.iter().map(|&a| json::actor(g, a)));
            }
            let rows = actors.iter().map(|&a| {
                let actor = g.actor(a);
                let mut detail = Vec::new();
                if let Some(c) = actor.country {
                    detail.push(g.actor(c).name.as_str());
                }
                if let Some(r) = &actor.role {
                    detail.push(r);
                }
                let detail = if detail.is_empty() {
                    String::new()
                } else {
                    format!("  · {}", detail.join(" · "))
                };
                [
                    actor.id.clone(),
                    actor.kind.as_str().to_string(),
                    format!("{}{detail}", actor.name),
                ]
            });
            write_rows(out, rows)
        }
        ListKind::Sources => {
            let sources = sources(ds, f);
            if as_json {
                return write_json(out, sources.iter().map(|&s| json::source(g, s)));
            }
            let rows = sources.iter().map(|&s| {
                let src = g.source(s);
                [
                    src.published
                        .map_or_else(|| "-".to_string(), |d| d.to_string()),
                    src.id.clone(),
                    src.publisher.clone(),
                    src.title.clone(),
                ]
            });
            write_rows(out, rows)
        }
    }
}

/// Quotes passing the filter, by date then file order.
pub fn quotes(ds: &Dataset, f: &Filter) -> Vec<QuoteIx> {
    let mut qs: Vec<QuoteIx> = (0..ds.graph.quotes.len())
        .map(|i| QuoteIx(to_u32(i)))
        .filter(|&q| f.quote(ds, q))
        .collect();
    qs.sort_by_key(|&q| (ds.index.timeline_pos[ds.graph.quote(q).event.ix()], q));
    qs
}

/// Actors passing the filter: with `--country`, the country and its members; with dates
/// or a tag, those named by a matching event or speaking a matching quote.
pub fn actors(ds: &Dataset, f: &Filter) -> Vec<ActorIx> {
    let g = &ds.graph;
    let by_events = f.from.is_some() || f.to.is_some() || f.tag.is_some();
    let mut keep = vec![!by_events; g.actors.len()];
    if by_events {
        for &e in &ds.index.timeline {
            if f.event(ds, e) {
                for &a in &g.event(e).actors {
                    keep[a.ix()] = true;
                }
                for &q in &ds.index.quotes_by_event[e.ix()] {
                    keep[g.quote(q).speaker.ix()] = true;
                }
            }
        }
    }
    let mut out: Vec<ActorIx> = (0..g.actors.len())
        .map(|i| ActorIx(to_u32(i)))
        .filter(|&a| keep[a.ix()] && f.country.is_none_or(|c| g.belongs_to(a, c)))
        .collect();
    out.sort_by(|&a, &b| {
        let (x, y) = (g.actor(a), g.actor(b));
        (x.kind as u8, &x.name).cmp(&(y.kind as u8, &y.name))
    });
    out
}

/// Sources passing the filter (cited by a matching event or quote when filtered), by date.
pub fn sources(ds: &Dataset, f: &Filter) -> Vec<SourceIx> {
    let g = &ds.graph;
    let mut keep = vec![!f.is_active(); g.sources.len()];
    if f.is_active() {
        for &e in &ds.index.timeline {
            if f.event(ds, e) {
                for &s in &g.event(e).sources {
                    keep[s.ix()] = true;
                }
            }
        }
        for (i, q) in g.quotes.iter().enumerate() {
            if f.quote(ds, QuoteIx(to_u32(i))) {
                keep[q.source.ix()] = true;
                if let Some(o) = q.original_source {
                    keep[o.ix()] = true;
                }
            }
        }
    }
    let mut out: Vec<SourceIx> = (0..g.sources.len())
        .map(|i| SourceIx(to_u32(i)))
        .filter(|s| keep[s.ix()])
        .collect();
    out.sort_by(|&a, &b| {
        let (x, y) = (g.source(a), g.source(b));
        (x.published.is_none(), x.published, &x.id).cmp(&(
            y.published.is_none(),
            y.published,
            &y.id,
        ))
    });
    out
}

/// Writes rows with every column but the last padded to its widest cell.
fn write_rows<const N: usize>(
    out: &mut dyn Write,
    rows: impl Iterator<Item = [String; N]>,
) -> io::Result<()> {
    let rows: Vec<[String; N]> = rows.collect();
    let mut widths = [0usize; N];
    for r in &rows {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(width(cell));
        }
    }
    for r in &rows {
        let mut line = String::new();
        for (i, cell) in r.iter().enumerate() {
            if i + 1 == N {
                line.push_str(cell);
            } else {
                line.push_str(&pad(cell, widths[i]));
                line.push_str("  ");
            }
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}

fn write_json(
    out: &mut dyn Write,
    items: impl Iterator<Item = serde_json::Value>,
) -> io::Result<()> {
    super::write_json(out, &items.collect::<Vec<_>>())
}
