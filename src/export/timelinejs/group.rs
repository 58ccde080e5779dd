//! The rows of a TimelineJS export: few and meaningful (China, United States, Multilateral,
//! Europe, Other), an event's row read from its actors, no row holding a single event.
//! No I/O.

use crate::graph::{ActorIx, ActorKind, EventIx, Graph};

/// A row of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    /// China, its organizations, companies and people.
    China,
    /// The United States, likewise.
    UnitedStates,
    /// International organizations (UN, OECD, G7, G20…), blocs of states (APEC, ASEAN,
    /// G77…) and summits: they win over a host country.
    Multilateral,
    /// The EU and its institutions, European states, the Council of Europe.
    Europe,
    /// Everything else, and what would be a row of one.
    Other,
}

impl Group {
    /// The row's label.
    pub fn name(self) -> &'static str {
        match self {
            Group::China => "China",
            Group::UnitedStates => "United States",
            Group::Multilateral => "Multilateral",
            Group::Europe => "Europe",
            Group::Other => "Other",
        }
    }
}

/// Ids of European states (ISO 3166-1 alpha-2, as the data's countries use, and `uk`) and
/// of the EU.
const EUROPE: &[&str] = &[
    "eu", "uk", "gb", "fr", "de", "it", "es", "pt", "nl", "be", "lu", "ie", "at", "ch", "li", "dk",
    "se", "no", "fi", "is", "ee", "lv", "lt", "pl", "cz", "sk", "hu", "si", "hr", "ro", "bg", "gr",
    "cy", "mt", "ua", "md", "by", "rs", "ba", "me", "mk", "al", "xk", "ad", "mc", "sm", "va",
];

/// Blocs that are no body of states: an audience, not a forum (the Global South).
const NOT_A_BODY: &[&str] = &["global-south"];

/// The row an actor stands for on its own, if any: a country's or bloc's, an
/// international body's; people, companies and national organizations go with their
/// country.
fn of_actor(g: &Graph, a: ActorIx) -> Option<Group> {
    let actor = g.actor(a);
    let european = EUROPE.contains(&actor.id.as_str()) || actor.name.contains("Europe");
    match actor.kind {
        ActorKind::Country | ActorKind::Bloc => Some(match actor.id.as_str() {
            "cn" => Group::China,
            "us" => Group::UnitedStates,
            _ if european => Group::Europe,
            id if actor.kind == ActorKind::Bloc && !NOT_A_BODY.contains(&id) => Group::Multilateral,
            _ => Group::Other,
        }),
        // A summit is a meeting of states even when a country hosts it.
        ActorKind::Organization if actor.name.contains("Summit") => Some(Group::Multilateral),
        ActorKind::Organization if actor.country.is_none() => Some(if european {
            Group::Europe
        } else {
            Group::Multilateral
        }),
        _ => actor.country.and_then(|c| of_actor(g, c)),
    }
}

/// Countries and blocs from which an event is a meeting of states (a summit, a network, a
/// round table), not one country's act with guests.
const MEETING: usize = 4;

/// The rows an event could go in, best first: Multilateral when a multilateral actor takes
/// part (it wins over the host) or when [`MEETING`] countries and blocs do; then, in the
/// order the actors are listed (main actor first), the row of each actor that stands for
/// itself (a country, a bloc, an international body), then of each other actor's country.
pub fn candidates(g: &Graph, e: EventIx) -> Vec<Group> {
    let ev = g.event(e);
    // Actors that stand for themselves: countries, blocs, international bodies.
    let direct = |a: &ActorIx| g.actor(*a).kind.is_country_like() || g.actor(*a).country.is_none();
    let mut out = Vec::new();
    let all = ev.actors.iter().filter_map(|&a| of_actor(g, a));
    let states = ev
        .actors
        .iter()
        .filter(|&&a| g.actor(a).kind.is_country_like())
        .count();
    if states >= MEETING || all.clone().any(|x| x == Group::Multilateral) {
        out.push(Group::Multilateral);
    }
    let first = ev.actors.iter().filter(|a| direct(a));
    let then = ev.actors.iter().filter(|a| !direct(a));
    for x in first.chain(then).filter_map(|&a| of_actor(g, a)) {
        if !out.contains(&x) {
            out.push(x);
        }
    }
    out
}

/// The row of each event, in the order given. An event goes in its best row; an event
/// alone in its row moves to Other; an event then alone in Other moves to the first of its
/// other rows that holds events, and stays in Other only when it has none.
pub fn assign(g: &Graph, events: &[EventIx]) -> Vec<Group> {
    let candidates: Vec<Vec<Group>> = events.iter().map(|&e| candidates(g, e)).collect();
    let mut groups: Vec<Group> = candidates
        .iter()
        .map(|c| c.first().copied().unwrap_or(Group::Other))
        .collect();
    let count = |groups: &[Group], x: Group| groups.iter().filter(|&&y| y == x).count();
    for i in 0..groups.len() {
        if count(&groups, groups[i]) == 1 {
            groups[i] = Group::Other;
        }
    }
    if count(&groups, Group::Other) == 1
        && let Some(i) = groups.iter().position(|&x| x == Group::Other)
        && let Some(&to) = candidates[i]
            .iter()
            .find(|&&x| x != Group::Other && count(&groups, x) > 0)
    {
        groups[i] = to;
    }
    groups
}
