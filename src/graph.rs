//! The validated domain: actors, sources, events, quotes and links, addressed by typed
//! indices. Built only by `validate`; every reference in it resolves. No I/O.

pub mod date;
pub mod ids;
pub mod link;

use serde::{Deserialize, Serialize};

pub use date::{PartialDate, Precision};
pub use ids::IdMap;
pub use link::{LinkKind, ThreadKind};

macro_rules! index_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub struct $name(pub u32);

        impl $name {
            /// The position in its `Vec`.
            pub fn ix(self) -> usize {
                self.0 as usize
            }
        }
    };
}

index_type!(
    /// Position of an actor in `Graph::actors`.
    ActorIx
);
index_type!(
    /// Position of a source in `Graph::sources`.
    SourceIx
);
index_type!(
    /// Position of an event in `Graph::events`.
    EventIx
);
index_type!(
    /// Position of a quote in `Graph::quotes`.
    QuoteIx
);

/// What kind of actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActorKind {
    /// A state.
    Country,
    /// A group of states (EU, APEC, G7).
    Bloc,
    /// A ministry, agency, international organization or forum.
    Organization,
    /// A firm.
    Company,
    /// A person.
    Person,
}

impl ActorKind {
    /// Every kind, in the order they are documented.
    pub const ALL: [ActorKind; 5] = [
        ActorKind::Country,
        ActorKind::Bloc,
        ActorKind::Organization,
        ActorKind::Company,
        ActorKind::Person,
    ];

    /// The name used in TOML and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Country => "country",
            ActorKind::Bloc => "bloc",
            ActorKind::Organization => "organization",
            ActorKind::Company => "company",
            ActorKind::Person => "person",
        }
    }

    /// Parses the TOML name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Countries and blocs are what the countries pane and `--country` list.
    pub fn is_country_like(self) -> bool {
        matches!(self, ActorKind::Country | ActorKind::Bloc)
    }
}

/// A country, bloc, organization, company or person.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    /// The country or bloc a person or organization belongs to.
    pub country: Option<ActorIx>,
    pub role: Option<String>,
    pub aliases: Vec<String>,
    pub summary: Option<String>,
    pub note: Option<String>,
}

/// A cited document: an article, a statement, a law.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub published: Option<PartialDate>,
    pub language: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub summary: Option<String>,
    pub note: Option<String>,
}

/// A typed link from the event that holds it to another event.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Link {
    pub to: EventIx,
    pub kind: LinkKind,
    pub note: Option<String>,
}

/// Something that happened, at a date known to some precision.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub date: PartialDate,
    pub end: Option<PartialDate>,
    pub title: String,
    pub place: Option<String>,
    pub summary: Option<String>,
    pub actors: Vec<ActorIx>,
    pub tags: Vec<String>,
    pub sources: Vec<SourceIx>,
    pub links: Vec<Link>,
    pub note: Option<String>,
    /// Happened, or only announced.
    pub status: Status,
}

/// Words someone said or wrote, verbatim as a source printed them.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Quote {
    pub id: String,
    pub speaker: ActorIx,
    pub event: EventIx,
    pub source: SourceIx,
    /// Language of `text`, as the source printed it.
    pub lang: String,
    pub text: String,
    /// English translation.
    pub translation: Option<String>,
    /// The speaker's own words, when the source quoted a translation.
    pub original: Option<String>,
    pub original_lang: Option<String>,
    pub original_source: Option<SourceIx>,
    pub note: Option<String>,
    /// Earlier quotes this one takes up.
    pub links: Vec<QuoteLink>,
}

/// A typed link from a quote to an earlier quote.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct QuoteLink {
    pub to: QuoteIx,
    pub kind: ThreadKind,
    /// Why the sources support the link.
    pub note: Option<String>,
}

/// Whether an event took place, or is only announced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Status {
    /// It happened (no `status` in the data).
    #[default]
    Happened,
    /// Announced for a date still to come (`status = "scheduled"`).
    Scheduled,
    /// Announced for a date that has passed, and no source read says it happened
    /// (`status = "unconfirmed"`, with a `note` saying what is known).
    Unconfirmed,
}

impl Status {
    /// The values `status` takes in the data.
    pub const WRITTEN: [Status; 2] = [Status::Scheduled, Status::Unconfirmed];

    /// The word in the data (`happened` is never written: it is the default).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Happened => "happened",
            Status::Scheduled => "scheduled",
            Status::Unconfirmed => "unconfirmed",
        }
    }

    /// Parses a written status.
    pub fn parse(s: &str) -> Option<Self> {
        Self::WRITTEN.into_iter().find(|k| k.as_str() == s)
    }
}

/// What a dataset says of itself (its `[dataset]` table), all optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// The title shown in the explorer's header and given to exports.
    pub title: Option<String>,
    pub description: Option<String>,
    /// When the data was last checked against its sources.
    pub as_of: Option<PartialDate>,
    /// The language most of its text is in (ISO 639-1).
    pub language: Option<String>,
}

/// Any record, by kind and index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Entity {
    Actor(ActorIx),
    Source(SourceIx),
    Event(EventIx),
    Quote(QuoteIx),
}

impl Entity {
    /// The kind's name: `actor`, `source`, `event` or `quote`.
    pub fn kind_name(self) -> &'static str {
        match self {
            Entity::Actor(_) => "actor",
            Entity::Source(_) => "source",
            Entity::Event(_) => "event",
            Entity::Quote(_) => "quote",
        }
    }
}

/// The whole validated dataset.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Graph {
    pub actors: Vec<Actor>,
    pub sources: Vec<Source>,
    pub events: Vec<Event>,
    pub quotes: Vec<Quote>,
    /// Every id, whatever its kind (ids are unique across kinds): see [`Graph::lookup`].
    /// Not serialized: rebuilt from the records ([`Graph::map_ids`]).
    #[serde(skip)]
    pub ids: IdMap,
    /// The `[dataset]` table.
    pub meta: Meta,
}

impl Graph {
    /// The record with this id.
    pub fn lookup(&self, id: &str) -> Option<Entity> {
        self.ids.get(id, |(), e| self.id_of(e))
    }

    /// Every record's id, in the order of the records (actors, sources, events, quotes).
    pub fn all_ids(&self) -> impl Iterator<Item = &str> {
        let actors = self.actors.iter().map(|a| a.id.as_str());
        let sources = self.sources.iter().map(|s| s.id.as_str());
        let events = self.events.iter().map(|e| e.id.as_str());
        let quotes = self.quotes.iter().map(|q| q.id.as_str());
        actors.chain(sources).chain(events).chain(quotes)
    }

    /// The map of every record's id, built from the records; `None` when two records
    /// have the same id (validation never builds such a graph).
    pub fn map_ids(&self) -> Option<IdMap> {
        let n = self.actors.len() + self.sources.len() + self.events.len() + self.quotes.len();
        let mut ids = IdMap::with_capacity(n);
        let actors = (0..self.actors.len()).map(|i| Entity::Actor(ActorIx(to_u32(i))));
        let sources = (0..self.sources.len()).map(|i| Entity::Source(SourceIx(to_u32(i))));
        let events = (0..self.events.len()).map(|i| Entity::Event(EventIx(to_u32(i))));
        let quotes = (0..self.quotes.len()).map(|i| Entity::Quote(QuoteIx(to_u32(i))));
        for e in actors.chain(sources).chain(events).chain(quotes) {
            ids.insert(self.id_of(e), (), e, |(), e| self.id_of(e))
                .ok()?;
        }
        Some(ids)
    }

    pub fn actor(&self, ix: ActorIx) -> &Actor {
        &self.actors[ix.ix()]
    }

    pub fn source(&self, ix: SourceIx) -> &Source {
        &self.sources[ix.ix()]
    }

    pub fn event(&self, ix: EventIx) -> &Event {
        &self.events[ix.ix()]
    }

    pub fn quote(&self, ix: QuoteIx) -> &Quote {
        &self.quotes[ix.ix()]
    }

    /// The date of a quote: that of its event.
    pub fn quote_date(&self, ix: QuoteIx) -> PartialDate {
        self.event(self.quote(ix).event).date
    }

    /// The id of any record.
    pub fn id_of(&self, e: Entity) -> &str {
        match e {
            Entity::Actor(i) => &self.actor(i).id,
            Entity::Source(i) => &self.source(i).id,
            Entity::Event(i) => &self.event(i).id,
            Entity::Quote(i) => &self.quote(i).id,
        }
    }

    /// Whether `actor` is `country` itself or belongs to it.
    pub fn belongs_to(&self, actor: ActorIx, country: ActorIx) -> bool {
        actor == country || self.actor(actor).country == Some(country)
    }

    /// Whether an event involves a country, directly or through one of its people.
    pub fn event_involves(&self, event: EventIx, country: ActorIx) -> bool {
        self.event(event)
            .actors
            .iter()
            .any(|&a| self.belongs_to(a, country))
    }
}

/// Converts a position to a typed index; datasets are far below `u32::MAX` records.
pub fn to_u32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}
