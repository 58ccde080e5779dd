//! `aigov search QUERY`: ranked hits, one a line (kind, id, date, field, the matched text
//! with the match in bold on a terminal), or a JSON array with the match positions.

use std::io::{self, Write};

use serde_json::json;

use super::SearchKind;
use crate::dataset::Dataset;
use crate::search::snippet::snippet;
use crate::text::{pad, width};

/// Columns of matched text on a line.
const TEXT_WIDTH: usize = 80;

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
        return super::write_json(out, &items);
    }
    let id_w = hits
        .iter()
        .map(|h| width(g.id_of(h.entity)))
        .max()
        .unwrap_or(0);
    for h in &hits {
        let date = h.date.map_or_else(|| "-".to_string(), |d| d.to_string());
        let mut line = format!(
            "{}  {}  {}  {}  ",
            pad(h.entity.kind_name(), 6),
            pad(g.id_of(h.entity), id_w),
            pad(&date, 10),
            pad(h.field.name(), 11),
        );
        for p in snippet(&h.text(g), &h.positions, TEXT_WIDTH) {
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
        writeln!(out, "no match")?;
    }
    Ok(())
}
