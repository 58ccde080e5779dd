//! Raw records → `Graph`: unique ids, references that resolve (with "did you mean"),
//! date order, self-links, `part_of` cycles, and the warnings. Reports every problem; the
//! graph is built only when there is no error. No I/O.

mod cycles;
mod records;
pub mod schedule;

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Location, closest};
use crate::graph::{ActorIx, Entity, EventIx, Graph, Meta, QuoteIx, Source, SourceIx};
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
/// errors and warnings, goes to `diags`. The records' text is moved from `raw` into the
/// graph, never copied, so that a large dataset is not held twice.
pub fn validate(raw: RawDataset, diags: &mut Vec<Diagnostic>) -> Option<Graph> {
    let mut r = Resolver {
        raw: &raw,
        ids: HashMap::with_capacity(raw.len()),
        diags: Vec::new(),
        suggestions: 0,
    };
    r.register_ids();
    let graph = r.resolve();
    diags.append(&mut r.diags);
    drop(r);
    let graph = graph.filter(|_| {
        !diags
            .iter()
            .any(|d| d.severity == crate::diagnostic::Severity::Error)
    })?;
    Some(fill(graph, raw))
}

/// Moves the text of every raw record into its graph record (built without it, in the
/// same order, one for one: a graph exists only when every record resolved).
fn fill(mut g: Graph, raw: RawDataset) -> Graph {
    let id = |s: Option<Sp<String>>| s.map(|s| s.value).unwrap_or_default();
    for (a, r) in g.actors.iter_mut().zip(raw.actors) {
        a.id = id(r.id);
        a.name = r.name.unwrap_or_default();
        a.role = r.role;
        a.aliases = r.aliases;
        a.summary = r.summary;
        a.note = r.note;
    }
    for (s, r) in g.sources.iter_mut().zip(raw.sources) {
        s.id = id(r.id);
        s.title = r.title.unwrap_or_default();
        s.publisher = r.publisher.unwrap_or_default();
        s.language = r.language;
        s.url = r.url;
        s.author = r.author;
        s.summary = r.summary;
        s.note = r.note;
    }
    for (e, r) in g.events.iter_mut().zip(raw.events) {
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
    for (q, r) in g.quotes.iter_mut().zip(raw.quotes) {
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
    g
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
                let hint = format!(
                    "give the id of {} [[{}]] here: ids are unique across kinds, and this one names something else",
                    article(want),
                    want.name()
                );
                self.diags
                    .push(Diagnostic::error(file, r.span.clone(), msg).with_hint(hint));
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
                (Some(_), Some(_), Some(_)) => sources.push(Source {
                    id: String::new(),
                    title: String::new(),
                    publisher: String::new(),
                    published: s.published,
                    language: None,
                    url: None,
                    author: None,
                    summary: None,
                    note: None,
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
