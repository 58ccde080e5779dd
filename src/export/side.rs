//! Which side of the China–US story an event is on: China, the United States, both, or
//! neither ("others"), read from its actors (a person, company or organization goes with
//! its country). The DOT export colours its nodes by it and TimelineJS rows by it by
//! default. No I/O.

use crate::graph::{ActorIx, EventIx, Graph};

/// An event's side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Side {
    /// China takes part (the state, its organizations, companies or people), the US does not.
    China,
    /// The United States takes part, China does not.
    UnitedStates,
    /// Both take part.
    Both,
    /// Neither does.
    Others,
}

impl Side {
    /// Every side, in the order rows and legends list them.
    pub const ALL: [Side; 4] = [Side::China, Side::UnitedStates, Side::Both, Side::Others];

    /// The short name (a TimelineJS row).
    pub fn name(self) -> &'static str {
        match self {
            Side::China => "China",
            Side::UnitedStates => "United States",
            Side::Both => "Both",
            Side::Others => "Others",
        }
    }

    /// What the side means, in a legend.
    pub fn legend(self) -> &'static str {
        match self {
            Side::China => "China",
            Side::UnitedStates => "United States",
            Side::Both => "China and the United States",
            Side::Others => "Neither (others)",
        }
    }
}

/// The country an actor stands for or belongs to: a country or bloc is its own.
pub fn country(g: &Graph, a: ActorIx) -> Option<ActorIx> {
    if g.actor(a).kind.is_country_like() {
        Some(a)
    } else {
        g.actor(a).country
    }
}

/// The side of an event, from the countries of its actors (`cn` and `us`).
pub fn of_event(g: &Graph, e: EventIx) -> Side {
    let countries: Vec<&str> = g
        .event(e)
        .actors
        .iter()
        .filter_map(|&a| country(g, a))
        .map(|c| g.actor(c).id.as_str())
        .collect();
    match (countries.contains(&"cn"), countries.contains(&"us")) {
        (true, true) => Side::Both,
        (true, false) => Side::China,
        (false, true) => Side::UnitedStates,
        (false, false) => Side::Others,
    }
}
