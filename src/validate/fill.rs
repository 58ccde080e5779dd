//! Raw records' text → graph records: once every record resolved, the strings of each raw
//! record are moved (never copied) into its graph record, a kind per core, and the map of
//! every id is built. No I/O.

use std::collections::HashMap;

use crate::graph::{
    Actor, ActorIx, Entity, Event, EventIx, Graph, Quote, QuoteIx, Source, SourceIx, to_u32,
};
use crate::load::parse::{RawActor, RawDataset, RawEvent, RawQuote, RawSource, Sp};

/// Moves the text of every raw record into its graph record (built without it, in the
/// same order, one for one: a graph exists only when every record resolved). Quotes are
/// filled on a second thread while the other kinds are filled here and their ids mapped;
/// each raw list is freed as soon as it has been emptied, before the quotes' ids join the
/// map (ids are unique across kinds: validation checked it).
pub(super) fn fill(g: Graph, raw: RawDataset) -> Graph {
    let Graph {
        mut actors,
        mut sources,
        mut events,
        mut quotes,
        ids: _,
        meta,
    } = g;
    let RawDataset {
        actors: raw_actors,
        sources: raw_sources,
        events: raw_events,
        quotes: raw_quotes,
        meta: _,
    } = raw;
    let records = actors.len() + sources.len() + events.len() + quotes.len();
    let mut ids = HashMap::new();
    std::thread::scope(|s| {
        let q = s.spawn(|| fill_quotes(&mut quotes, raw_quotes));
        fill_actors(&mut actors, raw_actors);
        fill_sources(&mut sources, raw_sources);
        fill_events(&mut events, raw_events);
        // Only now: the raw events have been freed.
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
        if let Err(e) = q.join() {
            std::panic::resume_unwind(e);
        }
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

fn fill_events(events: &mut [Event], raw: Vec<RawEvent>) {
    for (e, r) in events.iter_mut().zip(raw) {
        e.id = id(r.id);
        e.title = r.title.unwrap_or_default();
        e.place = r.place;
        e.summary = r.summary;
        e.tags = r.tags.into_iter().map(|t| t.value).collect();
        // Self-links and unknown targets are errors, so every raw link became one.
        for (l, rl) in e.links.iter_mut().zip(r.links) {
            l.note = rl.note;
        }
        e.note = r.note;
    }
}

fn fill_quotes(quotes: &mut [Quote], raw: Vec<RawQuote>) {
    for (q, r) in quotes.iter_mut().zip(raw) {
        q.id = id(r.id);
        q.lang = r.lang.map(|l| l.value).unwrap_or_default();
        q.text = r.text.unwrap_or_default();
        q.translation = r.translation;
        q.original = r.original;
        q.original_lang = r.original_lang.map(|l| l.value);
        q.note = r.note;
        for (l, rl) in q.links.iter_mut().zip(r.links) {
            l.note = rl.note;
        }
    }
}
