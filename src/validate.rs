//! Raw records → `Graph`: unique ids, references that resolve (with "did you mean"),
//! date order, self-links, `part_of` cycles, and the warnings. Reports every problem; the
//! graph is built only when there is no error. No I/O.

mod cycles;
mod fill;
mod ids;
mod records;
pub mod schedule;

use crate::diagnostic::{Diagnostic, Location, closest};
use ids::{Entry, Ids, find, raw_id, register_ids};

use crate::graph::{Graph, Meta, Source, to_u32};
use crate::load::parse::{RawDataset, Sp};
use crate::progress::{self, Progress, Stage};

/// How many unknown references get a "did you mean" (each costs a scan of the ids).
const MAX_SUGGESTIONS: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

/// Resolves the references of some kinds of records against every id; one per thread,
/// their diagnostics joined in the order one resolver would have found them.
struct Resolver<'r> {
    raw: &'r RawDataset,
    ids: &'r Ids<'r>,
    /// Counts the events and quotes resolved.
    progress: Option<&'r Progress>,
    diags: Vec<Diagnostic>,
    suggestions: usize,
    /// For a resolver that runs beside an earlier one: its unknown references (the
    /// diagnostic's index, the word, the kind wanted), whose "did you mean" waits until
    /// the earlier one's count of suggestions is known.
    deferred: Option<Vec<(usize, String, Kind)>>,
    /// The answers for the next references, looked up together ([`Resolver::prefetch`])
    /// and taken in order by [`Resolver::lookup`].
    memo: Vec<(&'r Sp<String>, Option<Entry>)>,
    memo_at: usize,
}

/// How many records' references are looked up together.
const PREFETCH: usize = 512;

/// Checks a raw dataset. Returns the graph when no problem is an error; every problem,
/// errors and warnings, goes to `diags`. The records' text is moved from `raw` into the
/// graph, never copied, so that a large dataset is not held twice.
pub fn validate(raw: RawDataset, diags: &mut Vec<Diagnostic>) -> Option<Graph> {
    validate_with(raw, diags, None)
}

/// [`validate`], counting in `progress` the events and quotes whose references are
/// resolved, then those built into the graph (twice their number in all).
pub fn validate_with(
    raw: RawDataset,
    diags: &mut Vec<Diagnostic>,
    progress: Option<&Progress>,
) -> Option<Graph> {
    let records = raw.events.len() + raw.quotes.len();
    progress::stage(progress, Stage::Validating, 2 * records);
    let (ids, mut found) = register_ids(&raw);
    let resolved = resolve(&raw, &ids, &mut found, progress);
    diags.append(&mut found);
    let resolved = resolved.filter(|_| {
        !diags
            .iter()
            .any(|d| d.severity == crate::diagnostic::Severity::Error)
    })?;
    // The graph's map is this one: its records hold the same ids (moved, never copied) at
    // the same positions.
    let Ids { table, .. } = ids;
    Some(fill::fill(resolved, raw, table, progress))
}

/// Resolves every record: actors, sources and events (and their `part_of` cycles) here,
/// quotes on a second thread. Events and quotes come out without their text (see
/// `fill`): built now, they would be held beside every raw record. The diagnostics come out as one resolver going through the kinds in that
/// order would push them, the first `MAX_SUGGESTIONS` unknown references with a "did you
/// mean".
fn resolve<'r>(
    raw: &'r RawDataset,
    ids: &'r Ids<'r>,
    diags: &mut Vec<Diagnostic>,
    progress: Option<&'r Progress>,
) -> Option<fill::Resolved> {
    let resolver = |deferred| Resolver {
        raw,
        ids,
        progress,
        diags: Vec::new(),
        suggestions: 0,
        deferred,
        memo: Vec::new(),
        memo_at: 0,
    };
    let (mut first, mut second) = (resolver(None), resolver(Some(Vec::new())));
    let mut referenced = vec![false; raw.actors.len()];
    let mut by_quotes = vec![false; raw.actors.len()];
    let (mut ok, mut quotes_ok) = (true, true);
    let (actors, sources, events, quotes) = std::thread::scope(|s| {
        let quotes = s.spawn(|| second.resolve_quotes(&mut by_quotes, &mut quotes_ok));
        let actors = first.resolve_actors(&mut referenced, &mut ok);
        let sources = first.resolve_sources(&mut ok);
        let events = first.resolve_events(&mut referenced, &mut ok);
        first.check_part_of_cycles();
        (actors, sources, events, joined(quotes))
    });
    let budget = MAX_SUGGESTIONS.saturating_sub(first.suggestions);
    for (i, word, want) in second
        .deferred
        .take()
        .unwrap_or_default()
        .into_iter()
        .take(budget)
    {
        if let Some(hint) = first.suggest(&word, want) {
            second.diags[i].hint = Some(hint);
        }
    }
    first.diags.append(&mut second.diags);
    ok &= quotes_ok;
    for (a, (by_others, by_quotes)) in raw.actors.iter().zip(referenced.iter().zip(&by_quotes)) {
        if !by_others && !by_quotes {
            first.warn_at(
                &a.at,
                format!(
                    "actor{} is not referenced by any event, quote or actor",
                    id_suffix(a.id.as_ref())
                ),
                "add it to an event's `actors`, or remove it",
            );
        }
    }
    let meta = first.meta();
    diags.append(&mut first.diags);
    if !ok {
        return None;
    }
    Some(fill::Resolved {
        actors,
        sources,
        events,
        quotes,
        meta,
    })
}

/// What a scoped thread returned; its panic goes on in the thread that waited for it.
fn joined<T>(h: std::thread::ScopedJoinHandle<'_, T>) -> T {
    h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))
}

impl<'r> Resolver<'r> {
    /// Resolves a reference to a record of kind `want`, reporting it when it does not.
    fn lookup(&mut self, file: usize, r: &Sp<String>, want: Kind, role: &str) -> Option<u32> {
        let found = match self.memo.get(self.memo_at) {
            Some(&(m, found)) if std::ptr::eq(m, r) => {
                self.memo_at += 1;
                found
            }
            _ => find(self.ids, &r.value),
        };
        match found {
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
        let at = self.diags.len();
        if let Some(deferred) = &mut self.deferred
            && deferred.len() < MAX_SUGGESTIONS
        {
            deferred.push((at, r.value.clone(), want));
        }
        let hint = if self.deferred.is_none() && self.suggestions < MAX_SUGGESTIONS {
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

    /// Looks up the references that the next calls of [`Resolver::lookup`] will ask for,
    /// in that order, all at once (see [`crate::graph::ids::IdTable::get_many`]); a reference asked for out
    /// of this order is looked up alone, so that the order is only a matter of speed.
    fn prefetch(&mut self, refs: impl Iterator<Item = &'r Sp<String>>) {
        let refs: Vec<&'r Sp<String>> = refs.collect();
        let words: Vec<&str> = refs.iter().map(|r| r.value.as_str()).collect();
        let mut found = Vec::with_capacity(words.len());
        let raw = self.raw;
        self.ids
            .table
            .get_many(&words, |(), e| raw_id(raw, e), &mut found);
        self.memo.clear();
        self.memo_at = 0;
        self.memo.extend(
            refs.into_iter()
                .zip(found.into_iter().map(|f| f.map(Entry::of))),
        );
    }

    /// "did you mean": the closest id of the wanted kind, or an actor whose name or alias
    /// is what was written.
    fn suggest(&self, word: &str, want: Kind) -> Option<String> {
        let raw = self.raw;
        let ids: Box<dyn Iterator<Item = &'r Option<Sp<String>>>> = match want {
            Kind::Actor => Box::new(raw.actors.iter().map(|a| &a.id)),
            Kind::Source => Box::new(raw.sources.iter().map(|s| &s.id)),
            Kind::Event => Box::new(raw.events.iter().map(|e| &e.id)),
            Kind::Quote => Box::new(raw.quotes.iter().map(|q| &q.id)),
        };
        // The ids of the wanted kind as the map has them: a duplicate is not one.
        let dups = &self.ids.duplicates;
        let ids = ids.enumerate().filter_map(|(ix, id)| {
            let first = dups.is_empty() || !dups.contains(&(want as usize, to_u32(ix)));
            id.as_ref().filter(|_| first).map(|i| i.value.as_str())
        });
        if let Some(c) = closest(word, ids) {
            let name = match (want, find(self.ids, c)) {
                (Kind::Actor, Some(e)) => raw.actors[e.ix as usize].name.as_deref(),
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

    fn resolve_sources(&mut self, ok: &mut bool) -> Vec<Source> {
        let raw = self.raw;
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
                _ => *ok = false,
            }
        }
        sources
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

#[cfg(test)]
mod tests;
