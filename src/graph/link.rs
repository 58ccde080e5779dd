//! `LinkKind` and `ThreadKind`: the closed sets of typed links between events and between
//! quotes, with their labels both ways. No I/O.

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

/// The kind of a link from one quote to an earlier one it takes up: a thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ThreadKind {
    /// Says again what the target said.
    Reaffirms,
    /// Says the opposite of the target.
    Contradicts,
    /// Replies to the target (often someone else's words).
    Answers,
}

impl ThreadKind {
    /// Every kind, in the order they are documented.
    pub const ALL: [ThreadKind; 3] = [
        ThreadKind::Reaffirms,
        ThreadKind::Contradicts,
        ThreadKind::Answers,
    ];

    /// The name used in TOML and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ThreadKind::Reaffirms => "reaffirms",
            ThreadKind::Contradicts => "contradicts",
            ThreadKind::Answers => "answers",
        }
    }

    /// Parses the TOML name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Label read from the quote that holds the link: "reaffirms".
    pub fn label(self) -> &'static str {
        self.as_str()
    }

    /// Label read from the earlier quote: "reaffirmed by".
    pub fn reverse_label(self) -> &'static str {
        match self {
            ThreadKind::Reaffirms => "reaffirmed by",
            ThreadKind::Contradicts => "contradicted by",
            ThreadKind::Answers => "answered by",
        }
    }
}

/// What the reader of a `links` array needs of a kind of link.
pub trait Kind: Copy {
    /// Every name the data may write.
    fn names() -> Vec<&'static str>;
    /// Parses a written name.
    fn from_name(s: &str) -> Option<Self>;
}

impl Kind for LinkKind {
    fn names() -> Vec<&'static str> {
        Self::ALL.iter().map(|k| k.as_str()).collect()
    }

    fn from_name(s: &str) -> Option<Self> {
        Self::parse(s)
    }
}

impl Kind for ThreadKind {
    fn names() -> Vec<&'static str> {
        Self::ALL.iter().map(|k| k.as_str()).collect()
    }

    fn from_name(s: &str) -> Option<Self> {
        Self::parse(s)
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
