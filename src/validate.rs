//! Raw records → `Graph`: unique ids, references that resolve (with "did you mean"),
//! date order, self-links, `part_of` cycles, and the warnings. Reports every problem; the
//! graph is built only when there is no error. No I/O.

pub mod schedule;

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Location, closest};
use crate::graph::{
    Actor, ActorIx, ActorKind, Entity, Event, EventIx, Graph, Link, LinkKind, Meta, Quote, QuoteIx,
    Source, SourceIx,
};
use crate::load::parse::{RawDataset, Sp};

/// How many unknown references get a "did you mean" (each costs a scan of the ids).
const MAX_SUGGESTIONS: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Actor,
    Source,
    Event,
    Quote,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Actor => "actor",
            Kind::Source => "source",
            Kind::Event => "event",
            Kind::Quote => "quote",
        }
    }
}

struct Entry<'r> {
    kind: Kind,
    ix: u32,
    at: &'r Location,
}

struct Resolver<'r> {
    raw: &'r RawDataset,
    ids: HashMap<&'r str, Entry<'r>>,
    diags: Vec<Diagnostic>,
    suggestions: usize,
}

/// Checks a raw dataset. Returns the graph when no problem is an error; every problem,
/// errors and warnings, goes to `diags`.
pub fn validate(raw: &RawDataset, diags: &mut Vec<Diagnostic>) -> Option<Graph> {
    let mut r = Resolver {
        raw,
        ids: HashMap::with_capacity(raw.len()),
        diags: Vec::new(),
        suggestions: 0,
    };
    r.register_ids();
    let graph = r.resolve();
    diags.append(&mut r.diags);
    graph.filter(|_| {
        !diags
            .iter()
            .any(|d| d.severity == crate::diagnostic::Severity::Error)
    })
}

impl Resolver<'_> {
    fn register_ids(&mut self) {
        let raw = self.raw;
        let all = raw
            .actors
            .iter()
            .map(|a| (Kind::Actor, &a.at, &a.id))
            .chain(raw.sources.iter().map(|s| (Kind::Source, &s.at, &s.id)))
            .chain(raw.events.iter().map(|e| (Kind::Event, &e.at, &e.id)))
            .chain(raw.quotes.iter().map(|q| (Kind::Quote, &q.at, &q.id)));
        let mut counters = [0u32; 4];
        for (kind, at, id) in all {
            let ix = counters[kind as usize];
            counters[kind as usize] += 1;
            let Some(id) = id else { continue };
            if let Some(first) = self.ids.get(id.value.as_str()) {
                let d = Diagnostic::error(
                    at.file,
                    id.span.clone(),
                    format!("duplicate id \"{}\"", id.value),
                )
                .with_related(
                    first.at.clone(),
                    format!(
                        "\"{}\" is first defined by this [[{}]]",
                        id.value,
                        first.kind.name()
                    ),
                )
                .with_hint(
                    "ids are unique across the whole dataset (all files, all kinds): rename one",
                );
                self.diags.push(d);
                continue;
            }
            self.ids.insert(id.value.as_str(), Entry { kind, ix, at });
        }
    }

    /// Resolves a reference to a record of kind `want`, reporting it when it does not.
    fn lookup(&mut self, file: usize, r: &Sp<String>, want: Kind, role: &str) -> Option<u32> {
        match self.ids.get(r.value.as_str()) {
            Some(e) if e.kind == want => return Some(e.ix),
            Some(e) => {
                let msg = format!(
                    "{role} \"{}\" is {} {}, not {} {}",
                    r.value,
                    article(e.kind),
                    e.kind.name(),
                    article(want),
                    want.name()
                );
                self.diags
                    .push(Diagnostic::error(file, r.span.clone(), msg));
                return None;
            }
            None => {}
        }
        let hint = if self.suggestions < MAX_SUGGESTIONS {
            self.suggestions += 1;
            self.suggest(&r.value, want)
        } else {
            None
        };
        let hint =
            hint.unwrap_or_else(|| format!("no [[{}]] has id = \"{}\"", want.name(), r.value));
        self.diags.push(
            Diagnostic::error(
                file,
                r.span.clone(),
                format!("unknown {role} \"{}\"", r.value),
            )
            .with_hint(hint),
        );
        None
    }

    /// "did you mean": the closest id of the wanted kind, or an actor whose name or alias
    /// is what was written.
    fn suggest(&self, word: &str, want: Kind) -> Option<String> {
        let ids = self
            .ids
            .iter()
            .filter(|(_, e)| e.kind == want)
            .map(|(id, _)| *id);
        if let Some(c) = closest(word, ids) {
            let name = match want {
                Kind::Actor => self.raw.actors[self.ids[c].ix as usize].name.as_deref(),
                _ => None,
            };
            return Some(match name {
                Some(n) => format!("did you mean \"{c}\" ({n})?"),
                None => format!("did you mean \"{c}\"?"),
            });
        }
        if want == Kind::Actor {
            let w = word.to_lowercase();
            for a in &self.raw.actors {
                let names = a.name.iter().chain(a.aliases.iter());
                if names
                    .map(|n| n.to_lowercase())
                    .any(|n| n == w || n.replace(' ', "-") == w)
                    && let (Some(id), Some(name)) = (&a.id, &a.name)
                {
                    return Some(format!("did you mean \"{}\" ({name})?", id.value));
                }
            }
        }
        None
    }

    fn resolve(&mut self) -> Option<Graph> {
        let raw = self.raw;
        let mut referenced = vec![false; raw.actors.len()];
        let mut ok = true;
        let actors = self.resolve_actors(&mut referenced, &mut ok);
        let mut sources = Vec::with_capacity(raw.sources.len());
        for s in &raw.sources {
            match (&s.id, &s.title, &s.publisher) {
                (Some(id), Some(title), Some(publisher)) => sources.push(Source {
                    id: id.value.clone(),
                    title: title.clone(),
                    publisher: publisher.clone(),
                    published: s.published,
                    language: s.language.clone(),
                    url: s.url.clone(),
                    author: s.author.clone(),
                    summary: s.summary.clone(),
                    note: s.note.clone(),
                }),
                _ => ok = false,
            }
        }

        let events = self.resolve_events(&mut referenced, &mut ok);
        self.check_part_of_cycles();
        let quotes = self.resolve_quotes(&mut referenced, &mut ok);
        for (a, used) in raw.actors.iter().zip(&referenced) {
            if !used {
                self.warn_at(
                    &a.at,
                    format!(
                        "actor{} is not referenced by any event, quote or actor",
                        id_suffix(a.id.as_ref())
                    ),
                    "add it to an event's `actors`, or remove it",
                );
            }
        }

        let meta = self.meta();
        if !ok {
            return None;
        }
        let mut ids = HashMap::with_capacity(self.ids.len());
        for (id, e) in &self.ids {
            let entity = match e.kind {
                Kind::Actor => Entity::Actor(ActorIx(e.ix)),
                Kind::Source => Entity::Source(SourceIx(e.ix)),
                Kind::Event => Entity::Event(EventIx(e.ix)),
                Kind::Quote => Entity::Quote(QuoteIx(e.ix)),
            };
            ids.insert((*id).to_string(), entity);
        }
        Some(Graph {
            actors,
            sources,
            events,
            quotes,
            ids,
            meta,
        })
    }

    /// The first `[dataset]` table; a second one is an error.
    fn meta(&mut self) -> Meta {
        let raw = self.raw;
        let Some(first) = raw.meta.first() else {
            return Meta::default();
        };
        for again in &raw.meta[1..] {
            self.diags.push(
                Diagnostic::error(
                    again.at.file,
                    again.at.span.clone(),
                    "a second [dataset] table",
                )
                .with_hint("a dataset describes itself once: merge the two tables")
                .with_related(first.at.clone(), "the first [dataset]"),
            );
        }
        Meta {
            title: first.title.clone(),
            description: first.description.clone(),
            as_of: first.as_of,
            language: first.language.clone(),
        }
    }

    fn resolve_actors(&mut self, referenced: &mut [bool], ok: &mut bool) -> Vec<Actor> {
        let raw = self.raw;
        let mut actors = Vec::with_capacity(raw.actors.len());
        for a in &raw.actors {
            let country = a.country.as_ref().and_then(|c| {
                let ix = self.lookup(a.at.file, c, Kind::Actor, "country")?;
                let target = &raw.actors[ix as usize];
                if target.kind.is_some_and(|k| !k.is_country_like()) {
                    let kind = target.kind.map_or("", ActorKind::as_str);
                    self.diags.push(
                        Diagnostic::error(
                            a.at.file,
                            c.span.clone(),
                            format!("country \"{}\" is a {kind}, not a country or bloc", c.value),
                        )
                        .with_hint("`country` names the country or bloc this actor belongs to"),
                    );
                    return None;
                }
                referenced[ix as usize] = true;
                Some(ActorIx(ix))
            });
            if a.country.is_some() && country.is_none() {
                *ok = false;
            }
            match (&a.id, &a.name, a.kind) {
                (Some(id), Some(name), Some(kind)) => actors.push(Actor {
                    id: id.value.clone(),
                    name: name.clone(),
                    kind,
                    country,
                    role: a.role.clone(),
                    aliases: a.aliases.clone(),
                    summary: a.summary.clone(),
                    note: a.note.clone(),
                }),
                _ => *ok = false,
            }
        }

        actors
    }

    fn resolve_events(&mut self, referenced: &mut [bool], ok: &mut bool) -> Vec<Event> {
        let raw = self.raw;
        let mut events = Vec::with_capacity(raw.events.len());
        for e in &raw.events {
            let file = e.at.file;
            let mut actor_ix = Vec::with_capacity(e.actors.len());
            for a in &e.actors {
                match self.lookup(file, a, Kind::Actor, "actor") {
                    Some(ix) => {
                        referenced[ix as usize] = true;
                        actor_ix.push(ActorIx(ix));
                    }
                    None => *ok = false,
                }
            }
            let mut source_ix = Vec::with_capacity(e.sources.len());
            for s in &e.sources {
                match self.lookup(file, s, Kind::Source, "source") {
                    Some(ix) => source_ix.push(SourceIx(ix)),
                    None => *ok = false,
                }
            }
            let mut links = Vec::with_capacity(e.links.len());
            for l in &e.links {
                if e.id.as_ref().is_some_and(|id| id.value == l.to.value) {
                    self.diags.push(
                        Diagnostic::error(
                            file,
                            l.to.span.clone(),
                            format!("event \"{}\" links to itself", l.to.value),
                        )
                        .with_hint("a link goes to another event"),
                    );
                    *ok = false;
                    continue;
                }
                match self.lookup(file, &l.to, Kind::Event, "link target") {
                    Some(ix) => links.push(Link {
                        to: EventIx(ix),
                        kind: l.kind,
                        note: l.note.clone(),
                    }),
                    None => *ok = false,
                }
            }
            if let (Some(date), Some(end)) = (&e.date, &e.end)
                && end.value.last_day() < date.value.start()
            {
                self.diags.push(
                    Diagnostic::error(
                        file,
                        end.span.clone(),
                        format!("end {} is before date {}", end.value, date.value),
                    )
                    .with_hint("`end` is the last day of a span and comes after `date`"),
                );
                *ok = false;
            }
            if e.sources.is_empty() {
                self.warn_at(
                    &e.at,
                    format!("event{} cites no source", id_suffix(e.id.as_ref())),
                    "add sources = [\"…\"] with the id of a [[source]] that reports it",
                );
            }
            match (&e.id, &e.date, &e.title) {
                (Some(id), Some(date), Some(title)) => events.push(Event {
                    id: id.value.clone(),
                    date: date.value,
                    end: e.end.as_ref().map(|d| d.value),
                    title: title.clone(),
                    place: e.place.clone(),
                    summary: e.summary.clone(),
                    actors: actor_ix,
                    tags: e.tags.iter().map(|t| t.value.clone()).collect(),
                    sources: source_ix,
                    links,
                    note: e.note.clone(),
                    status: e.status.as_ref().map(|s| s.value).unwrap_or_default(),
                }),
                _ => *ok = false,
            }
        }

        events
    }

    fn resolve_quotes(&mut self, referenced: &mut [bool], ok: &mut bool) -> Vec<Quote> {
        let raw = self.raw;
        let mut quotes = Vec::with_capacity(raw.quotes.len());
        for q in &raw.quotes {
            let file = q.at.file;
            let speaker = q
                .speaker
                .as_ref()
                .and_then(|s| self.lookup(file, s, Kind::Actor, "speaker"));
            if let Some(ix) = speaker {
                referenced[ix as usize] = true;
            }
            let event = q
                .event
                .as_ref()
                .and_then(|s| self.lookup(file, s, Kind::Event, "event"));
            let source = q
                .source
                .as_ref()
                .and_then(|s| self.lookup(file, s, Kind::Source, "source"));
            let original_source = match &q.original_source {
                Some(s) => {
                    if let Some(ix) = self.lookup(file, s, Kind::Source, "original source") {
                        Some(SourceIx(ix))
                    } else {
                        *ok = false;
                        None
                    }
                }
                None => None,
            };
            if q.original.is_none() && (q.original_lang.is_some() || q.original_source.is_some()) {
                self.error_at(
                    &q.at,
                    format!(
                        "quote{} has `original_lang` or `original_source` but no `original`",
                        id_suffix(q.id.as_ref())
                    ),
                    "add original = \"…\" (the speaker's own words), or remove the other two",
                );
                *ok = false;
            }
            if q.original.is_some() && q.original_lang.is_none() {
                self.error_at(
                    &q.at,
                    format!(
                        "quote{} has `original` but no `original_lang`",
                        id_suffix(q.id.as_ref())
                    ),
                    "add original_lang = \"en\" (or the language of the original)",
                );
                *ok = false;
            }
            let lang = q.lang.as_ref().map(|l| l.value.as_str());
            if lang.is_some_and(|l| l != "en") && q.translation.is_none() {
                self.warn_at(
                    &q.at,
                    format!(
                        "quote{} in \"{}\" has no translation",
                        id_suffix(q.id.as_ref()),
                        lang.unwrap_or_default()
                    ),
                    "add translation = \"…\" in English",
                );
            }
            match (&q.id, speaker, event, source, &q.lang, &q.text) {
                (Some(id), Some(speaker), Some(event), Some(source), Some(lang), Some(text)) => {
                    quotes.push(Quote {
                        id: id.value.clone(),
                        speaker: ActorIx(speaker),
                        event: EventIx(event),
                        source: SourceIx(source),
                        lang: lang.value.clone(),
                        text: text.clone(),
                        translation: q.translation.clone(),
                        original: q.original.clone(),
                        original_lang: q.original_lang.as_ref().map(|l| l.value.clone()),
                        original_source,
                        note: q.note.clone(),
                    });
                }
                _ => *ok = false,
            }
        }

        quotes
    }

    /// Reports each cycle of `part_of` links once, at the link that closes it.
    fn check_part_of_cycles(&mut self) {
        let raw = self.raw;
        let n = raw.events.len();
        let edges: Vec<Vec<(u32, usize)>> = raw
            .events
            .iter()
            .map(|e| {
                e.links
                    .iter()
                    .enumerate()
                    .filter(|(_, l)| l.kind == LinkKind::PartOf)
                    .filter_map(|(li, l)| match self.ids.get(l.to.value.as_str()) {
                        Some(t) if t.kind == Kind::Event => Some((t.ix, li)),
                        _ => None,
                    })
                    .collect()
            })
            .collect();
        // 0 = unvisited, 1 = on the stack, 2 = done
        let mut state = vec![0u8; n];
        for root in 0..n {
            if state[root] != 0 {
                continue;
            }
            let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
            state[root] = 1;
            while let Some(&mut (node, ref mut next)) = stack.last_mut() {
                if let Some(&(to, li)) = edges[node].get(*next) {
                    *next += 1;
                    let to = to as usize;
                    match state[to] {
                        0 => {
                            state[to] = 1;
                            stack.push((to, 0));
                        }
                        1 => {
                            let from = stack.iter().position(|&(s, _)| s == to).unwrap_or(0);
                            let mut path: Vec<&str> = stack[from..]
                                .iter()
                                .map(|&(s, _)| {
                                    raw.events[s].id.as_ref().map_or("?", |i| i.value.as_str())
                                })
                                .collect();
                            path.push(raw.events[to].id.as_ref().map_or("?", |i| i.value.as_str()));
                            let link = &raw.events[node].links[li];
                            self.diags.push(
                                Diagnostic::error(raw.events[node].at.file, link.to.span.clone(), format!("part_of cycle: {}", path.join(" → ")))
                                    .with_hint("an event cannot be part of itself, even through others; remove one of these part_of links"),
                            );
                        }
                        _ => {}
                    }
                } else {
                    state[node] = 2;
                    stack.pop();
                }
            }
        }
    }

    fn warn_at(&mut self, at: &Location, message: String, hint: &str) {
        self.diags
            .push(Diagnostic::warning(at.file, at.span.clone(), message).with_hint(hint));
    }

    fn error_at(&mut self, at: &Location, message: String, hint: &str) {
        self.diags
            .push(Diagnostic::error(at.file, at.span.clone(), message).with_hint(hint));
    }
}

fn article(k: Kind) -> &'static str {
    match k {
        Kind::Actor | Kind::Event => "an",
        Kind::Source | Kind::Quote => "a",
    }
}

fn id_suffix(id: Option<&Sp<String>>) -> String {
    id.map(|i| format!(" \"{}\"", i.value)).unwrap_or_default()
}
