//! `aigov show ID`: one record in full (names, dates with precision, sources with URL,
//! links both ways, quotes), or one JSON object.

use std::io::{self, Write};

use serde_json::json;

use super::Outcome;
use crate::dataset::Dataset;
use crate::diagnostic::closest;
use crate::export::json;
use crate::graph::{ActorIx, Entity, EventIx, Graph, QuoteIx, SourceIx};

/// Shows the record with this id.
pub fn run(
    ds: &Dataset,
    id: &str,
    as_json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let g = &ds.graph;
    let Some(entity) = g.lookup(id) else {
        let hint = closest(id, g.all_ids()).map_or_else(
            || "`aigov list events` (or quotes, actors, sources) shows the ids".to_string(),
            |c| format!("did you mean \"{c}\"?"),
        );
        let id = crate::text::escape_line(id);
        writeln!(err, "error: no record has id \"{id}\"\n  = hint: {hint}")?;
        return Ok(Outcome::Usage);
    };
    if as_json {
        super::write_json(out, &to_json(ds, entity))?;
        return Ok(Outcome::Ok);
    }
    let mut w = Fields { out, key_width: 13 };
    match entity {
        Entity::Event(e) => show_event(ds, e, &mut w)?,
        Entity::Quote(q) => show_quote(g, q, &mut w)?,
        Entity::Actor(a) => show_actor(ds, a, &mut w)?,
        Entity::Source(s) => show_source(ds, s, &mut w)?,
    }
    Ok(Outcome::Ok)
}

/// Prints the citation of the quote or event with this id.
pub fn cite(
    ds: &Dataset,
    id: &str,
    format: crate::cite::CiteFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let text = match ds.graph.lookup(id) {
        Some(Entity::Quote(q)) => crate::cite::quote(&ds.graph, q, format),
        Some(Entity::Event(e)) => crate::cite::event(&ds.graph, e, format),
        Some(other) => {
            let kind = other.kind_name();
            writeln!(
                err,
                "error: only a quote or an event can be cited, and \"{}\" is {} {kind}\n  = hint: `aigov show {}` shows its quotes and events",
                crate::text::escape_line(id),
                if kind == "actor" { "an" } else { "a" },
                crate::text::escape_line(id),
            )?;
            return Ok(Outcome::Usage);
        }
        None => return run(ds, id, false, out, err),
    };
    writeln!(out, "{text}")?;
    Ok(Outcome::Ok)
}

/// `{ "kind", "record", ... }` with the relations `show` prints.
pub fn to_json(ds: &Dataset, entity: Entity) -> serde_json::Value {
    let g = &ds.graph;
    let ids = |v: &[EventIx]| v.iter().map(|&e| g.event(e).id.clone()).collect::<Vec<_>>();
    let qids = |v: &[QuoteIx]| v.iter().map(|&q| g.quote(q).id.clone()).collect::<Vec<_>>();
    match entity {
        Entity::Event(e) => json!({
            "kind": "event",
            "record": json::event(g, e),
            "backlinks": ds.index.backlinks[e.ix()].iter().map(|b| json!({
                "from": g.event(b.from).id,
                "kind": b.kind.as_str(),
                "note": g.event(b.from).links[b.link].note,
            })).collect::<Vec<_>>(),
            "quotes": qids(&ds.index.quotes_by_event[e.ix()]),
        }),
        Entity::Quote(q) => json!({ "kind": "quote", "record": json::quote(g, q) }),
        Entity::Actor(a) => json!({
            "kind": "actor",
            "record": json::actor(g, a),
            "events": ids(&ds.index.events_by_actor[a.ix()]),
            "quotes": qids(&ds.index.quotes_by_speaker[a.ix()]),
            "members": ds.index.members[a.ix()].iter().map(|&m| g.actor(m).id.clone()).collect::<Vec<_>>(),
        }),
        Entity::Source(s) => json!({
            "kind": "source",
            "record": json::source(g, s),
            "cited_by": ids(ds.index.events_citing(s)),
            "quotes": g.quotes.iter().filter(|q| q.source == s || q.original_source == Some(s)).map(|q| q.id.clone()).collect::<Vec<_>>(),
        }),
    }
}

struct Fields<'a> {
    out: &'a mut dyn Write,
    key_width: usize,
}

impl Fields<'_> {
    fn line(&mut self, key: &str, value: &str) -> io::Result<()> {
        let mut lines = value.lines();
        writeln!(
            self.out,
            "{key:<w$}{}",
            lines.next().unwrap_or(""),
            w = self.key_width
        )?;
        for l in lines {
            writeln!(self.out, "{:w$}{l}", "", w = self.key_width)?;
        }
        Ok(())
    }

    fn opt(&mut self, key: &str, value: Option<&str>) -> io::Result<()> {
        match value {
            Some(v) => self.line(key, v),
            None => Ok(()),
        }
    }

    fn list(&mut self, key: &str, items: &[String]) -> io::Result<()> {
        for (i, item) in items.iter().enumerate() {
            self.line(if i == 0 { key } else { "" }, item)?;
        }
        Ok(())
    }

    fn title(&mut self, kind: &str, id: &str, title: &str) -> io::Result<()> {
        writeln!(self.out, "{title}")?;
        writeln!(self.out, "{kind} · {id}")?;
        writeln!(self.out)
    }
}

fn source_line(g: &Graph, s: SourceIx) -> String {
    let src = g.source(s);
    let mut parts = vec![src.publisher.clone()];
    if let Some(d) = src.published {
        parts.push(d.to_string());
    }
    parts.push(format!("“{}”", src.title));
    let mut line = parts.join(" · ");
    if let Some(u) = &src.url {
        line.push_str("\n  ");
        line.push_str(u);
    }
    line
}

/// `2025-07-26  Title (id)`, for lists of events.
fn dated_event(g: &Graph, e: EventIx) -> String {
    let ev = g.event(e);
    format!("{}  {} ({})", ev.date, ev.title, ev.id)
}

fn event_ref(g: &Graph, e: EventIx) -> String {
    let ev = g.event(e);
    format!("{} ({}, {})", ev.title, ev.date, ev.id)
}

fn show_event(ds: &Dataset, e: EventIx, w: &mut Fields) -> io::Result<()> {
    let g = &ds.graph;
    let ev = g.event(e);
    w.title("event", &ev.id, &ev.title)?;
    let date = match ev.end {
        Some(end) => format!("{} → {end}", ev.date),
        None => ev.date.to_string(),
    };
    w.line("date", &date)?;
    w.opt("place", ev.place.as_deref())?;
    let actors: Vec<&str> = ev
        .actors
        .iter()
        .map(|&a| g.actor(a).name.as_str())
        .collect();
    w.line("actors", &actors.join(", "))?;
    if !ev.tags.is_empty() {
        w.line("tags", &ev.tags.join(", "))?;
    }
    w.opt("summary", ev.summary.as_deref())?;
    w.opt("note", ev.note.as_deref())?;
    let sources: Vec<String> = ev.sources.iter().map(|&s| source_line(g, s)).collect();
    w.list("sources", &sources)?;
    let mut links: Vec<String> = ev
        .links
        .iter()
        .map(|l| {
            format!(
                "→ {}: {}{}",
                l.kind.label(),
                event_ref(g, l.to),
                l.note
                    .as_ref()
                    .map(|n| format!(" — {n}"))
                    .unwrap_or_default()
            )
        })
        .collect();
    links.extend(ds.index.backlinks[e.ix()].iter().map(|b| {
        let note = g.event(b.from).links[b.link].note.as_ref();
        format!(
            "← {}: {}{}",
            b.kind.reverse_label(),
            event_ref(g, b.from),
            note.map(|n| format!(" — {n}")).unwrap_or_default()
        )
    }));
    w.list("links", &links)?;
    let quotes: Vec<String> = ds.index.quotes_by_event[e.ix()]
        .iter()
        .map(|&q| {
            let quote = g.quote(q);
            format!(
                "« {} » — {} ({})",
                quote.text,
                g.actor(quote.speaker).name,
                quote.id
            )
        })
        .collect();
    w.list("quotes", &quotes)
}

fn show_quote(g: &Graph, q: QuoteIx, w: &mut Fields) -> io::Result<()> {
    let quote = g.quote(q);
    let speaker = g.actor(quote.speaker);
    w.title("quote", &quote.id, &format!("« {} »", quote.text))?;
    let who = match &speaker.role {
        Some(r) => format!("{} · {r}", speaker.name),
        None => speaker.name.clone(),
    };
    w.line("speaker", &who)?;
    w.line("date", &g.quote_date(q).to_string())?;
    w.line("event", &event_ref(g, quote.event))?;
    w.line("language", &quote.lang)?;
    w.opt("translation", quote.translation.as_deref())?;
    if let Some(o) = &quote.original {
        let lang = quote.original_lang.as_deref().unwrap_or("?");
        w.line("original", &format!("[{lang}] {o}"))?;
        if let Some(s) = quote.original_source {
            w.line("  from", &source_line(g, s))?;
        }
    }
    w.line("source", &source_line(g, quote.source))?;
    w.opt("note", quote.note.as_deref())
}

fn show_actor(ds: &Dataset, a: ActorIx, w: &mut Fields) -> io::Result<()> {
    let g = &ds.graph;
    let actor = g.actor(a);
    w.title(actor.kind.as_str(), &actor.id, &actor.name)?;
    w.opt("role", actor.role.as_deref())?;
    if let Some(c) = actor.country {
        w.line("country", &g.actor(c).name)?;
    }
    if !actor.aliases.is_empty() {
        w.line("aliases", &actor.aliases.join(", "))?;
    }
    w.opt("summary", actor.summary.as_deref())?;
    w.opt("note", actor.note.as_deref())?;
    let members: Vec<String> = ds.index.members[a.ix()]
        .iter()
        .map(|&m| format!("{} ({})", g.actor(m).name, g.actor(m).id))
        .collect();
    w.list("members", &members)?;
    let events: &[EventIx] = if actor.kind.is_country_like() {
        ds.index.events_of_country(a)
    } else {
        &ds.index.events_by_actor[a.ix()]
    };
    let events: Vec<String> = events.iter().map(|&e| dated_event(g, e)).collect();
    w.list("events", &events)?;
    // What they said over time: in date order, each with its threads both ways.
    let mut quotes = Vec::new();
    for &q in &ds.index.quotes_by_speaker[a.ix()] {
        let quote = g.quote(q);
        quotes.push(format!(
            "{}  « {} » ({})",
            g.quote_date(q),
            quote.text,
            quote.id
        ));
        let thread = |arrow: &str, label: &str, other: QuoteIx| {
            format!(
                "  {arrow} {label} {} · {} ({})",
                g.quote_date(other),
                g.actor(g.quote(other).speaker).name,
                g.quote(other).id
            )
        };
        for l in &quote.links {
            quotes.push(thread("→", l.kind.label(), l.to));
        }
        for b in &ds.index.quote_backlinks[q.ix()] {
            quotes.push(thread("←", b.kind.reverse_label(), b.from));
        }
    }
    w.list("quotes", &quotes)
}

fn show_source(ds: &Dataset, s: SourceIx, w: &mut Fields) -> io::Result<()> {
    let g = &ds.graph;
    let src = g.source(s);
    w.title("source", &src.id, &src.title)?;
    w.line("publisher", &src.publisher)?;
    w.opt("author", src.author.as_deref())?;
    w.opt("published", src.published.map(|d| d.to_string()).as_deref())?;
    w.opt("language", src.language.as_deref())?;
    w.opt("url", src.url.as_deref())?;
    w.opt("summary", src.summary.as_deref())?;
    w.opt("note", src.note.as_deref())?;
    let events: Vec<String> = ds
        .index
        .events_citing(s)
        .iter()
        .map(|&e| dated_event(g, e))
        .collect();
    w.list("cited by", &events)
}
