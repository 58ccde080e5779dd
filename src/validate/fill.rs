//! Raw records' text → graph records: once every record resolved, the strings of each raw
//! record are moved (never copied) into its graph record, a kind per core, beside the map
//! of every id that validation built. No I/O.

use super::records::{EventRefs, QuoteRefs};
use crate::graph::{Actor, Event, Graph, IdMap, Meta, Quote, Source};
use crate::load::parse::{RawActor, RawDataset, RawEvent, RawQuote, RawSource, Sp};
use crate::progress::Progress;

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
/// filled here; each raw list is freed as soon as it has been emptied. `ids` maps every
/// raw record's id to its position, which is its graph record's.
pub(super) fn fill(
    resolved: Resolved,
    raw: RawDataset,
    ids: IdMap,
    progress: Option<&Progress>,
) -> Graph {
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
    let (events, quotes) = std::thread::scope(|s| {
        let q = s.spawn(|| fill_quotes(quotes, raw_quotes, progress));
        fill_actors(&mut actors, raw_actors);
        fill_sources(&mut sources, raw_sources);
        let events = fill_events(events, raw_events, progress);
        let quotes = q.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        (events, quotes)
    });
    Graph {
        actors,
        sources,
        events,
        quotes,
        ids,
        meta,
    }
}

/// Each raw record and its resolved references made into a graph record by `make`, in
/// the memory of the raw list (a collect in place), counted in `progress` by blocks.
fn built<R, X, T>(
    raw: Vec<R>,
    refs: Vec<X>,
    progress: Option<&Progress>,
    mut make: impl FnMut(R, X) -> T,
) -> Vec<T> {
    const BLOCK: usize = 4096;
    let mut out: Vec<T> = raw
        .into_iter()
        .zip(refs)
        .enumerate()
        .map(|(i, (r, x))| {
            // A block is counted at its first record, so that the count reaches the total.
            if i.is_multiple_of(BLOCK) {
                crate::progress::advance(progress, BLOCK);
            }
            make(r, x)
        })
        .collect();
    // The raw records were larger: give back the end of their memory.
    out.shrink_to_fit();
    out
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

fn fill_events(
    refs: Vec<EventRefs>,
    raw: Vec<RawEvent>,
    progress: Option<&Progress>,
) -> Vec<Event> {
    built(raw, refs, progress, |r, x| {
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
}

fn fill_quotes(
    refs: Vec<QuoteRefs>,
    raw: Vec<RawQuote>,
    progress: Option<&Progress>,
) -> Vec<Quote> {
    built(raw, refs, progress, |r, x| {
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
}
