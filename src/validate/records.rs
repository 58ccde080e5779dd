//! Raw records → graph records: every reference of actors, events and quotes resolved
//! (with "did you mean"), dates in order, links checked, the warnings of each kind. No I/O.

use super::{Kind, PREFETCH, Resolver, id_suffix};
use crate::diagnostic::Diagnostic;
use crate::graph::{
    Actor, ActorIx, ActorKind, EventIx, Link, PartialDate, QuoteIx, QuoteLink, SourceIx, Status,
};
use crate::load::parse::RawQuote;

/// What validation worked out for an event: all of it but its text, which `super::fill`
/// then moves from the raw event (a graph record built now would be held beside it).
pub(super) struct EventRefs {
    pub date: PartialDate,
    pub end: Option<PartialDate>,
    pub actors: Vec<ActorIx>,
    pub sources: Vec<SourceIx>,
    pub links: Vec<Link>,
    pub status: Status,
}

/// What validation worked out for a quote (see [`EventRefs`]).
pub(super) struct QuoteRefs {
    pub speaker: ActorIx,
    pub event: EventIx,
    pub source: SourceIx,
    pub original_source: Option<SourceIx>,
    pub links: Vec<QuoteLink>,
}

impl Resolver<'_> {
    pub(super) fn resolve_actors(&mut self, referenced: &mut [bool], ok: &mut bool) -> Vec<Actor> {
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
                // The text comes later, moved rather than copied (see `super::fill`).
                (Some(_), Some(_), Some(kind)) => actors.push(Actor {
                    id: String::new(),
                    name: String::new(),
                    kind,
                    country,
                    role: None,
                    aliases: Vec::new(),
                    summary: None,
                    note: None,
                }),
                _ => *ok = false,
            }
        }

        actors
    }

    pub(super) fn resolve_events(
        &mut self,
        referenced: &mut [bool],
        ok: &mut bool,
    ) -> Vec<EventRefs> {
        let raw = self.raw;
        let mut events = Vec::with_capacity(raw.events.len());
        for chunk in raw.events.chunks(PREFETCH) {
            // In the order of the loop below, self-links (never looked up) left out.
            self.prefetch(chunk.iter().flat_map(|e| {
                let links = e.links.iter().map(|l| &l.to);
                let links = links.filter(|to| e.id.as_ref().is_none_or(|id| id.value != to.value));
                e.actors.iter().chain(&e.sources).chain(links)
            }));
            crate::progress::advance(self.progress, chunk.len());
            for e in chunk {
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
                            note: None,
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
                    (Some(_), Some(date), Some(_)) => events.push(EventRefs {
                        date: date.value,
                        end: e.end.as_ref().map(|d| d.value),
                        actors: actor_ix,
                        sources: source_ix,
                        links,
                        status: e.status.as_ref().map(|s| s.value).unwrap_or_default(),
                    }),
                    _ => *ok = false,
                }
            }
        }

        events
    }

    pub(super) fn resolve_quotes(
        &mut self,
        referenced: &mut [bool],
        ok: &mut bool,
    ) -> Vec<QuoteRefs> {
        let raw = self.raw;
        let mut quotes = Vec::with_capacity(raw.quotes.len());
        for chunk in raw.quotes.chunks(PREFETCH) {
            // In the order of the loop below, self-links (never looked up) left out.
            self.prefetch(chunk.iter().flat_map(|q| {
                let one = [&q.speaker, &q.event, &q.source, &q.original_source];
                let links = q.links.iter().map(|l| &l.to);
                let links = links.filter(|to| q.id.as_ref().is_none_or(|id| id.value != to.value));
                one.into_iter().flatten().chain(links)
            }));
            crate::progress::advance(self.progress, chunk.len());
            for q in chunk {
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
                if q.original.is_none()
                    && (q.original_lang.is_some() || q.original_source.is_some())
                {
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
                let links = self.resolve_threads(q, ok);
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
                    (Some(_), Some(speaker), Some(event), Some(source), Some(_), Some(_)) => {
                        quotes.push(QuoteRefs {
                            speaker: ActorIx(speaker),
                            event: EventIx(event),
                            source: SourceIx(source),
                            original_source,
                            links,
                        });
                    }
                    _ => *ok = false,
                }
            }
        }

        quotes
    }

    /// A quote's links to earlier quotes, resolved; a self-link or an unknown target is
    /// an error.
    fn resolve_threads(&mut self, q: &RawQuote, ok: &mut bool) -> Vec<QuoteLink> {
        let file = q.at.file;
        let mut links = Vec::with_capacity(q.links.len());
        for l in &q.links {
            if q.id.as_ref().is_some_and(|id| id.value == l.to.value) {
                self.diags.push(
                    Diagnostic::error(
                        file,
                        l.to.span.clone(),
                        format!("quote \"{}\" links to itself", l.to.value),
                    )
                    .with_hint("a thread goes to an earlier quote, another one"),
                );
                *ok = false;
                continue;
            }
            match self.lookup(file, &l.to, Kind::Quote, "quote link target") {
                Some(ix) => links.push(QuoteLink {
                    to: QuoteIx(ix),
                    kind: l.kind,
                    note: None,
                }),
                None => *ok = false,
            }
        }
        links
    }
}
