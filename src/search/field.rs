//! What a record's searchable fields are ([`Field`]): their names, their tiers (which
//! matches rank first), and the text each reads from the graph, dates in every form they
//! are written in. No I/O.

use std::borrow::Cow;

use crate::graph::{ActorIx, Entity, Graph, PartialDate};

/// Which field of a record matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// An event's or a source's title.
    Title,
    /// An actor's name.
    Name,
    /// A quote's speaker (the actor's name).
    Speaker,
    /// One tag of an event.
    Tag,
    /// An event's place.
    Place,
    /// One alias of an actor.
    Alias,
    /// An actor's role.
    Role,
    /// A source's publisher.
    Publisher,
    /// A quote's words as printed.
    Text,
    /// A summary (event, actor or source).
    Summary,
    /// A quote's English translation.
    Translation,
    /// A quote's original words.
    Original,
    /// A record's date in all its forms (see [`date_forms`]), joined by ` · `.
    Date,
    /// A record's id.
    Id,
    /// The names and aliases of an event's actors, joined by ` · `.
    Actor,
    /// The aliases of a quote's speaker, joined by ` · `.
    SpeakerAlias,
}

/// What joins the names of a list field (a date's forms, an event's actors).
pub const JOIN: &str = " · ";

/// The names and aliases of these actors, joined (an event's actor field).
pub fn actor_names(g: &Graph, actors: &[ActorIx]) -> String {
    let mut names: Vec<&str> = Vec::new();
    for &a in actors {
        let actor = g.actor(a);
        names.push(&actor.name);
        names.extend(actor.aliases.iter().map(String::as_str));
    }
    names.join(JOIN)
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// The searchable forms of a date: as written, its year, its month (`2025-07`), and the
/// month and year in English and in French, each once.
pub fn date_forms(d: PartialDate) -> Vec<String> {
    let mut out = vec![d.to_string()];
    let mut add = |s: String| {
        if !out.contains(&s) {
            out.push(s);
        }
    };
    add(d.year().to_string());
    if let Some(m) = d
        .month()
        .and_then(|m| usize::try_from(m).ok())
        .filter(|m| (1..=12).contains(m))
    {
        add(format!("{}-{m:02}", d.year()));
        add(format!(
            "{} {}",
            crate::graph::date::MONTHS_LONG[m - 1],
            d.year()
        ));
        add(format!("{} {}", MONTHS_FR[m - 1], d.year()));
    }
    out
}

impl Field {
    /// The name shown and printed in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Name => "name",
            Field::Speaker | Field::SpeakerAlias => "speaker",
            Field::Tag => "tag",
            Field::Place => "place",
            Field::Alias => "alias",
            Field::Role => "role",
            Field::Publisher => "publisher",
            Field::Text => "text",
            Field::Summary => "summary",
            Field::Translation => "translation",
            Field::Original => "original",
            Field::Date => "date",
            Field::Id => "id",
            Field::Actor => "actor",
        }
    }

    /// Rank of the field: a record's own name, title, aliases and date (0) before its
    /// words, speaker, id and other short fields (1), before summaries and originals (2).
    pub fn tier(self) -> u8 {
        match self {
            Field::Title | Field::Name | Field::Alias | Field::Date => 0,
            Field::Speaker
            | Field::Tag
            | Field::Place
            | Field::Role
            | Field::Publisher
            | Field::Text
            | Field::Translation
            | Field::Id
            | Field::Actor
            | Field::SpeakerAlias => 1,
            Field::Summary | Field::Original => 2,
        }
    }

    /// What a field equal to the whole query is worth: 2 when it names the record (its
    /// name, title, alias or id), 1 for a quote's words or a date, 0 for other fields.
    pub fn whole_rank(self) -> u8 {
        match self {
            Field::Name | Field::Alias | Field::Title | Field::Id => 2,
            Field::Text | Field::Translation | Field::Original | Field::Date => 1,
            _ => 0,
        }
    }

    /// The tier of this field in a record of `entity`'s kind: a source's title and date
    /// one lower than an event's (a source is where one read about an event).
    pub fn tier_in(self, entity: Entity) -> u8 {
        match (entity, self) {
            (Entity::Source(_), Field::Title | Field::Date) => 1,
            _ => self.tier(),
        }
    }

    /// The original text of this field of a record (`item` picks a tag, an alias, an
    /// actor or a form of the date).
    pub fn text(self, g: &Graph, entity: Entity, item: usize) -> Cow<'_, str> {
        let empty = "";
        if self == Field::Id {
            return Cow::Borrowed(g.id_of(entity));
        }
        if self == Field::Date {
            let date = match entity {
                Entity::Event(e) => Some(g.event(e).date),
                Entity::Quote(q) => Some(g.quote_date(q)),
                Entity::Source(s) => g.source(s).published,
                Entity::Actor(_) => None,
            };
            return Cow::Owned(date.map(date_forms).unwrap_or_default().join(JOIN));
        }
        Cow::Borrowed(match (entity, self) {
            (Entity::Event(e), f) => {
                let ev = g.event(e);
                match f {
                    Field::Title => &ev.title,
                    Field::Place => ev.place.as_deref().unwrap_or(empty),
                    Field::Tag => ev.tags.get(item).map_or(empty, String::as_str),
                    Field::Summary => ev.summary.as_deref().unwrap_or(empty),
                    Field::Actor => return Cow::Owned(actor_names(g, &ev.actors)),
                    _ => empty,
                }
            }
            (Entity::Quote(q), f) => {
                let quote = g.quote(q);
                let speaker = g.actor(quote.speaker);
                match f {
                    Field::Speaker => &speaker.name,
                    Field::SpeakerAlias => return Cow::Owned(speaker.aliases.join(JOIN)),
                    Field::Text => &quote.text,
                    Field::Translation => quote.translation.as_deref().unwrap_or(empty),
                    Field::Original => quote.original.as_deref().unwrap_or(empty),
                    _ => empty,
                }
            }
            (Entity::Actor(a), f) => {
                let actor = g.actor(a);
                match f {
                    Field::Name => &actor.name,
                    Field::Role => actor.role.as_deref().unwrap_or(empty),
                    Field::Alias => actor.aliases.get(item).map_or(empty, String::as_str),
                    Field::Summary => actor.summary.as_deref().unwrap_or(empty),
                    _ => empty,
                }
            }
            (Entity::Source(s), f) => {
                let src = g.source(s);
                match f {
                    Field::Title => &src.title,
                    Field::Publisher => &src.publisher,
                    Field::Summary => src.summary.as_deref().unwrap_or(empty),
                    _ => empty,
                }
            }
        })
    }
}
