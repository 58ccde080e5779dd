//! Raw records' text → graph records: once every record resolved, the strings of each raw
//! record are moved (never copied) into its graph record, a kind per core, and the map of
//! every id is built. No I/O.

use std::collections::HashMap;

use super::records::{EventRefs, QuoteRefs};
use crate::graph::{
    Actor, ActorIx, Entity, Event, EventIx, Graph, Meta, Quote, QuoteIx, Source, SourceIx, to_u32,
};
use crate::load::parse::{RawActor, RawDataset, RawEvent, RawQuote, RawSource, Sp};

/// A dataset whose every record resolved: actors and sources without their text, events
/// and quotes as their references only.
pub(super) struct Resolved {
    pub actors: Vec<Actor>,
    pub sources: Vec<Source>,
    pub events: Vec<EventRefs>,
    pub quotes: Vec<QuoteRefs>,
    pub meta: Meta,
}

/// Moves the text of every raw record into its graph record (resolved in the same order,
/// one for one: a graph exists only when every record resolved). Events and quotes are
/// built in the memory of their raw lists (a collect in place), so that the two are never
/// held side by side. Quotes are filled on a second thread while the other kinds are
/// filled here and their ids mapped; each raw list is freed as soon as it has been
/// emptied, before the quotes' ids join the map (ids are unique across kinds: validation
/// checked it).
pub(super) fn fill(resolved: Resolved, raw: RawDataset) -> Graph {
    let Resolved {
        mut actors,
        mut sources,
        events,
        quotes,
        meta,
    } = resolved;
    let RawDataset {
        actors: raw_actors,
        sources: raw_sources,
        events: raw_events,
        quotes: raw_quotes,
        meta: _,
    } = raw;
    let records = actors.len() + sources.len() + events.len() + quotes.len();
    let mut ids = HashMap::new();
    let (events, quotes) = std::thread::scope(|s| {
        let q = s.spawn(|| fill_quotes(quotes, raw_quotes));
        fill_actors(&mut actors, raw_actors);
        fill_sources(&mut sources, raw_sources);
        let events = fill_events(events, raw_events);
        // Only now, once the raw events are graph events: the map is not held beside them.
        ids.reserve(records);
        let mut add = |id: &String, e: Entity| ids.insert(id.clone(), e);
        for (i, a) in actors.iter().enumerate() {
            add(&a.id, Entity::Actor(ActorIx(to_u32(i))));
        }
        for (i, s) in sources.iter().enumerate() {
            add(&s.id, Entity::Source(SourceIx(to_u32(i))));
        }
        for (i, e) in events.iter().enumerate() {
            add(&e.id, Entity::Event(EventIx(to_u32(i))));
        }
        let quotes = q.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        (events, quotes)
    });
    for (i, q) in quotes.iter().enumerate() {
        ids.insert(q.id.clone(), Entity::Quote(QuoteIx(to_u32(i))));
    }
    Graph {
        actors,
        sources,
        events,
        quotes,
        ids,
        meta,
    }
}

fn id(s: Option<Sp<String>>) -> String {
    s.map(|s| s.value).unwrap_or_default()
}

fn fill_actors(actors: &mut [Actor], raw: Vec<RawActor>) {
    for (a, r) in actors.iter_mut().zip(raw) {
        a.id = id(r.id);
        a.name = r.name.unwrap_or_default();
        a.role = r.role;
        a.aliases = r.aliases;
        a.summary = r.summary;
        a.note = r.note;
    }
}

fn fill_sources(sources: &mut [Source], raw: Vec<RawSource>) {
    for (s, r) in sources.iter_mut().zip(raw) {
        s.id = id(r.id);
        s.title = r.title.unwrap_or_default();
        s.publisher = r.publisher.unwrap_or_default();
        s.language = r.language;
        s.url = r.url;
        s.author = r.author;
        s.summary = r.summary;
        s.note = r.note;
    }
}

fn fill_events(refs: Vec<EventRefs>, raw: Vec<RawEvent>) -> Vec<Event> {
    let mut events: Vec<Event> = raw
        .into_iter()
        .zip(refs)
        .map(|(r, x)| {
            let mut links = x.links;
            // Self-links and unknown targets are errors, so every raw link became one.
            for (l, rl) in links.iter_mut().zip(r.links) {
                l.note = rl.note;
            }
            Event {
                id: id(r.id),
                date: x.date,
                end: x.end,
                title: r.title.unwrap_or_default(),
                place: r.place,
                summary: r.summary,
                actors: x.actors,
                tags: r.tags.into_iter().map(|t| t.value).collect(),
                sources: x.sources,
                links,
                note: r.note,
                status: x.status,
            }
        })
        .collect();
    // The raw records were larger: give back the end of their memory.
    events.shrink_to_fit();
    events
}

fn fill_quotes(refs: Vec<QuoteRefs>, raw: Vec<RawQuote>) -> Vec<Quote> {
    let mut quotes: Vec<Quote> = raw
        .into_iter()
        .zip(refs)
        .map(|(r, x)| {
            let mut links = x.links;
            for (l, rl) in links.iter_mut().zip(r.links) {
                l.note = rl.note;
            }
            Quote {
                id: id(r.id),
                speaker: x.speaker,
                event: x.event,
                source: x.source,
                lang: r.lang.map(|l| l.value).unwrap_or_default(),
                text: r.text.unwrap_or_default(),
                translation: r.translation,
                original: r.original,
                original_lang: r.original_lang.map(|l| l.value),
                original_source: x.original_source,
                note: r.note,
                links,
            }
        })
        .collect();
    quotes.shrink_to_fit();
    quotes
}
