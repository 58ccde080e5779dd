//! `aigov search QUERY`: ranked hits, one record a line (kind, id, date, what the record
//! is and the field that matched, the match in bold on a terminal), or a JSON object with
//! the hits, their match positions, the total and whether `--limit` cut the list.

use std::io::{self, Write};

use serde_json::json;

use super::SearchKind;
use crate::dataset::Dataset;
use crate::search::snippet::row;
use crate::text::{pad, width};

/// Columns of a hit's summary on a line.
const TEXT_WIDTH: usize = 100;

/// Runs a search and prints its hits.
pub fn run(
    ds: &Dataset,
    query: &str,
    kind: Option<SearchKind>,
    limit: usize,
    as_json: bool,
    bold: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let scoped;
    let query = match kind {
        Some(k) => {
            scoped = format!("{}: {query}", k.scope());
            scoped.as_str()
        }
        None => query,
    };
    let g = &ds.graph;
    let (hits, total) = ds.search().query(query, limit);
    if as_json {
        let items: Vec<serde_json::Value> = hits
            .iter()
            .map(|h| {
                json!({
                    "kind": h.entity.kind_name(),
                    "id": g.id_of(h.entity),
                    "date": h.date.map(|d| d.to_string()),
                    "field": h.field.name(),
                    "text": h.text(g),
                    "positions": h.positions,
                    "score": h.score,
                })
            })
            .collect();
        let doc = json!({
            "total": total,
            "truncated": total > hits.len(),
            "hits": items,
            "did_you_mean": if total == 0 { ds.search().suggest(query) } else { None },
        });
        return super::write_json(out, &doc);
    }
    let id_w = hits
        .iter()
        .map(|h| width(g.id_of(h.entity)))
        .max()
        .unwrap_or(0);
    for h in &hits {
        let date = h.date.map_or_else(|| "-".to_string(), |d| d.to_string());
        let mut line = format!(
            "{}  {}  {}  ",
            pad(h.entity.kind_name(), 6),
            pad(g.id_of(h.entity), id_w),
            pad(&date, 10),
        );
        for p in row(g, h, TEXT_WIDTH) {
            if p.matched && bold {
                line.push_str("\x1b[1m");
                line.push_str(&p.text);
                line.push_str("\x1b[22m");
            } else {
                line.push_str(&p.text);
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    if total > hits.len() {
        writeln!(out, "({} of {total} shown; --limit N for more)", hits.len())?;
    } else if total == 0 {
        match ds.search().suggest(query) {
            Some(s) => writeln!(out, "no match; did you mean: {s}")?,
            None => writeln!(out, "no match")?,
        }
    }
    Ok(())
}
