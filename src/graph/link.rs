//! `LinkKind`: the closed set of typed links between events, with their labels. No I/O.

use serde::{Deserialize, Serialize};

/// The kind of a link from one event to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LinkKind {
    /// This event answers the target.
    RespondsTo,
    /// This event continues the target.
    FollowsUp,
    /// This event is a part of the target.
    PartOf,
    /// The two events stand in contrast (symmetric).
    ContrastsWith,
    /// The two events are related (symmetric).
    Related,
}

impl LinkKind {
    /// Every kind, in the order they are documented.
    pub const ALL: [LinkKind; 5] = [
        LinkKind::RespondsTo,
        LinkKind::FollowsUp,
        LinkKind::PartOf,
        LinkKind::ContrastsWith,
        LinkKind::Related,
    ];

    /// The name used in TOML and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::RespondsTo => "responds_to",
            LinkKind::FollowsUp => "follows_up",
            LinkKind::PartOf => "part_of",
            LinkKind::ContrastsWith => "contrasts_with",
            LinkKind::Related => "related",
        }
    }

    /// Parses the TOML name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Label read from the event that holds the link: "responds to".
    pub fn label(self) -> &'static str {
        match self {
            LinkKind::RespondsTo => "responds to",
            LinkKind::FollowsUp => "follows up",
            LinkKind::PartOf => "part of",
            LinkKind::ContrastsWith => "contrasts with",
            LinkKind::Related => "related to",
        }
    }

    /// Label read from the target of the link: "responded to by".
    pub fn reverse_label(self) -> &'static str {
        match self {
            LinkKind::RespondsTo => "responded to by",
            LinkKind::FollowsUp => "followed up by",
            LinkKind::PartOf => "includes",
            LinkKind::ContrastsWith => "contrasts with",
            LinkKind::Related => "related to",
        }
    }

    /// Whether the link reads the same both ways.
    pub fn is_symmetric(self) -> bool {
        matches!(self, LinkKind::ContrastsWith | LinkKind::Related)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_symmetric_kinds_read_the_same_both_ways() {
        for k in LinkKind::ALL {
            assert_eq!(LinkKind::parse(k.as_str()), Some(k));
            assert_eq!(k.is_symmetric(), k.label() == k.reverse_label());
        }
        assert_eq!(LinkKind::parse("responds-to"), None);
    }
}
