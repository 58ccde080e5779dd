//! `export --format timelinejs`: the JSON document Knight Lab's TimelineJS3 reads (a title
//! slide and one slide per event: dates at the precision written, HTML text with quotes
//! (a translation as a labelled line after its quote), links to the slides of linked
//! events (`#event-<id>`) and sources as links, rows as `--group-by` asks: see [`group`]).
//! Data text is HTML-escaped.

pub mod group;

use std::fmt::Write as _;

use serde_json::{Map, Value, json};

use super::{Options, Selection, summary_line};
use crate::dataset::Dataset;
use crate::filter::Filter;
use crate::graph::{EventIx, Graph, PartialDate, Precision, QuoteIx, SourceIx};

/// Escapes text for HTML, in content and in quoted attributes alike.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escaped text whose line breaks stay line breaks.
fn html_lines(s: &str) -> String {
    html(s).replace("\r\n", "\n").replace('\n', "<br>")
}

/// A TimelineJS date object with the parts the date was written with: `2025` gives only
/// the year, `2025-07` the year and month.
pub fn date(d: PartialDate) -> Value {
    let mut m = Map::new();
    m.insert("year".into(), d.year().into());
    if let Some(month) = d.month() {
        m.insert("month".into(), month.into());
    }
    if d.precision() == Precision::Day {
        m.insert("day".into(), chrono::Datelike::day(&d.start()).into());
    }
    Value::Object(m)
}

/// The whole document: `{ "title", "events", "scale" }`, titled `--title` or the dataset's
/// title, the slides in the rows `--group-by` asks for.
pub fn document(ds: &Dataset, sel: &Selection, f: &Filter, opts: &Options) -> Value {
    let rows = group::assign(&ds.graph, &sel.events, opts.group_by);
    json!({
        "title": {
            "text": {
                "headline": html(opts.title(ds)),
                "text": format!("<p>{}</p>", html(&summary_line(ds, sel, f))),
            },
        },
        "events": sel
            .events
            .iter()
            .enumerate()
            .map(|(i, &e)| slide(ds, sel, e, rows.as_ref().map(|r| r[i].as_str())))
            .collect::<Vec<_>>(),
        "scale": "human",
    })
}

fn slide(ds: &Dataset, sel: &Selection, e: EventIx, row: Option<&str>) -> Value {
    let g = &ds.graph;
    let ev = g.event(e);
    let mut s = json!({
        "unique_id": ev.id,
        "start_date": date(ev.date),
        "text": {
            "headline": html(&ev.title),
            "text": body(ds, sel, e),
        },
        // Links are written as <a> already; autolinking would only find URLs in data text.
        "autolink": false,
    });
    if let Some(row) = row {
        s["group"] = html(row).into();
    }
    if let Some(end) = ev.end {
        s["end_date"] = date(end);
    }
    s
}

/// The slide's HTML: place and actors, summary, quotes, links to other events, sources.
fn body(ds: &Dataset, sel: &Selection, e: EventIx) -> String {
    let g = &ds.graph;
    let ev = g.event(e);
    let mut out = String::new();
    let mut facts: Vec<String> = ev.place.iter().map(|p| html(p)).collect();
    if !ev.actors.is_empty() {
        let names: Vec<&str> = ev
            .actors
            .iter()
            .map(|&a| g.actor(a).name.as_str())
            .collect();
        facts.push(html(&names.join(", ")));
    }
    if !facts.is_empty() {
        let _ = write!(out, "<p><em>{}</em></p>", facts.join(" · "));
    }
    if let Some(s) = &ev.summary {
        let _ = write!(out, "<p>{}</p>", html_lines(s));
    }
    for &q in &ds.index.quotes_by_event[e.ix()] {
        out.push_str(&quote(g, q));
    }
    let links: Vec<String> = ev
        .links
        .iter()
        .map(|l| event_ref(ds, sel, l.kind.label(), l.to))
        .chain(
            ds.index.backlinks[e.ix()]
                .iter()
                .map(|b| event_ref(ds, sel, b.kind.reverse_label(), b.from)),
        )
        .collect();
    if !links.is_empty() {
        let _ = write!(out, "<p>Links: {}</p>", links.join("; "));
    }
    if !ev.sources.is_empty() {
        out.push_str("<p>Sources:</p><ul>");
        for &s in &ev.sources {
            let _ = write!(out, "<li>{}</li>", citation(g, s));
        }
        out.push_str("</ul>");
    }
    out
}

/// `responds to <a href="#event-us-plan" target="_self">America’s AI Action Plan</a>
/// (2025-07-23)`: a link to the slide's address, which TimelineJS embedded with
/// `hash_bookmark: true` goes to, when that event is exported; its title alone otherwise.
/// `target="_self"`, since TimelineJS opens every link without a target in a new tab.
fn event_ref(ds: &Dataset, sel: &Selection, label: &str, e: EventIx) -> String {
    let ev = ds.graph.event(e);
    let title = if sel.has_event(e) {
        format!(
            "<a href=\"#event-{}\" target=\"_self\">{}</a>",
            html(&ev.id),
            html(&ev.title)
        )
    } else {
        html(&ev.title)
    };
    format!("{} {title} ({})", html(label), ev.date)
}

fn quote(g: &Graph, q: QuoteIx) -> String {
    let quote = g.quote(q);
    let mut out = format!("<blockquote><p>{}</p>", html_lines(&quote.text));
    let speaker = g.actor(quote.speaker);
    let mut who = html(&speaker.name);
    if let Some(role) = &speaker.role {
        let _ = write!(who, ", {}", html(role));
    }
    // TimelineJS styles `<cite>` in a blockquote as the attribution, dash included.
    let _ = write!(
        out,
        "<cite>{who} · {}</cite></blockquote>",
        citation(g, quote.source)
    );
    // After the blockquote, so that it does not read as a second quote.
    if let Some(t) = &quote.translation {
        let _ = write!(
            out,
            "<p><em>Translation from {}:</em> {}</p>",
            html(super::markdown::language(&quote.lang)),
            html_lines(t)
        );
    }
    out
}

/// `Publisher, 2025-07: <a href="url">Title</a>`.
fn citation(g: &Graph, s: SourceIx) -> String {
    let src = g.source(s);
    let mut out = html(&src.publisher);
    if let Some(d) = src.published {
        let _ = write!(out, ", {d}");
    }
    match &src.url {
        Some(u) => {
            let _ = write!(out, ": <a href=\"{}\">{}</a>", html(u), html(&src.title));
        }
        None => {
            let _ = write!(out, ": “{}”", html(&src.title));
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn dates_have_only_the_parts_written() {
        let d = |s: &str| date(PartialDate::parse(s).unwrap());
        assert_eq!(d("2025"), json!({"year": 2025}));
        assert_eq!(d("2025-07"), json!({"year": 2025, "month": 7}));
        assert_eq!(
            d("2025-07-26"),
            json!({"year": 2025, "month": 7, "day": 26})
        );
    }

    #[test]
    fn html_escapes_markup_and_attribute_quotes() {
        assert_eq!(
            html(r#"<script>"a" & 'b'</script>"#),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
        assert_eq!(html_lines("a\nb <c>"), "a<br>b &lt;c&gt;");
    }
}
