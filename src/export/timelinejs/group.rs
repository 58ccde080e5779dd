//! The rows of a TimelineJS export (`--group-by`): by side (China, United States, Both,
//! Others: the default, see [`side`](super::super::side)), by country (the country of
//! the event's first actor; Multilateral when an international body or a meeting of
//! states takes part, which wins over a host country), by tag (of the event's tags, the
//! one most exported events share), or none. Never a row for one event: see [`fold`].
//! No I/O.

use std::collections::HashMap;

use super::super::side;
use crate::graph::{ActorIx, ActorKind, EventIx, Graph};

/// What the rows of a TimelineJS export stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GroupBy {
    /// China, United States, Both, Others.
    #[default]
    Side,
    /// The country of the main actor, or Multilateral.
    Country,
    /// The event's most shared tag.
    Tag,
    /// No rows: TimelineJS lays the events out by date alone.
    None,
}

/// The row that takes in rows of one.
pub const OTHERS: &str = "Others";

/// The row of international bodies and meetings of states, by country.
pub const MULTILATERAL: &str = "Multilateral";

/// The row of each event, in the order given; `None` without rows.
pub fn assign(g: &Graph, events: &[EventIx], by: GroupBy) -> Option<Vec<String>> {
    let rows = match by {
        GroupBy::None => return None,
        GroupBy::Side => events
            .iter()
            .map(|&e| side::of_event(g, e).name().to_string())
            .collect(),
        GroupBy::Country => events.iter().map(|&e| country_row(g, e)).collect(),
        GroupBy::Tag => tag_rows(g, events),
    };
    Some(fold(rows))
}

/// Makes sure no row holds a single event: each such row folds into [`OTHERS`]; if
/// Others then holds a single event, the smallest other row (the later one on a tie) folds
/// into it too, and so on until Others holds at least two or is the only row. One event
/// alone keeps its row.
pub fn fold(mut rows: Vec<String>) -> Vec<String> {
    fn counts(rows: &[String]) -> HashMap<&str, usize> {
        let mut c = HashMap::new();
        for r in rows {
            *c.entry(r.as_str()).or_insert(0) += 1;
        }
        c
    }
    if rows.len() < 2 {
        return rows;
    }
    let lone: Vec<String> = counts(&rows)
        .into_iter()
        .filter(|&(r, n)| n == 1 && r != OTHERS)
        .map(|(r, _)| r.to_string())
        .collect();
    for r in &mut rows {
        if lone.contains(r) {
            *r = OTHERS.to_string();
        }
    }
    loop {
        let c = counts(&rows);
        if c.get(OTHERS) != Some(&1) || c.len() < 2 {
            return rows;
        }
        // `min_by_key` keeps the first minimum: walking backwards, the later row.
        let Some(smallest) = rows
            .iter()
            .rev()
            .filter(|r| *r != OTHERS)
            .min_by_key(|r| c[r.as_str()])
            .cloned()
        else {
            return rows;
        };
        for r in &mut rows {
            if *r == smallest {
                *r = OTHERS.to_string();
            }
        }
    }
}

/// Blocs that are no forum of states: the EU acts as one party (its own row), the Global
/// South is an audience.
const NOT_A_FORUM: &[&str] = &["eu", "global-south"];

/// An international body, a forum of states or a summit.
fn is_multilateral(g: &Graph, a: ActorIx) -> bool {
    let actor = g.actor(a);
    match actor.kind {
        ActorKind::Bloc => !NOT_A_FORUM.contains(&actor.id.as_str()),
        // A summit is a meeting of states even when a country hosts it.
        ActorKind::Organization => actor.country.is_none() || actor.name.contains("Summit"),
        _ => false,
    }
}

/// Countries and blocs from which an event is a meeting of states (a summit, a network, a
/// round table), not one country's act with guests.
const MEETING: usize = 4;

/// Multilateral when an international body takes part or [`MEETING`] states do; else the
/// name of the first country that acts for itself (a country or bloc among the actors, in
/// their order), else of the first actor's country; else Others.
pub fn country_row(g: &Graph, e: EventIx) -> String {
    let actors = &g.event(e).actors;
    let states = actors
        .iter()
        .filter(|&&a| g.actor(a).kind.is_country_like())
        .count();
    if states >= MEETING || actors.iter().any(|&a| is_multilateral(g, a)) {
        return MULTILATERAL.to_string();
    }
    let direct = actors
        .iter()
        .copied()
        .find(|&a| g.actor(a).kind.is_country_like());
    direct
        .or_else(|| actors.iter().find_map(|&a| side::country(g, a)))
        .map_or_else(|| OTHERS.to_string(), |c| g.actor(c).name.clone())
}

/// Of each event's tags, the one the most events given share (on a tie, the event's
/// first); Others for an event without tags.
fn tag_rows(g: &Graph, events: &[EventIx]) -> Vec<String> {
    let mut shared: HashMap<&str, usize> = HashMap::new();
    for &e in events {
        for t in &g.event(e).tags {
            *shared.entry(t.as_str()).or_insert(0) += 1;
        }
    }
    events
        .iter()
        .map(|&e| {
            let tags = &g.event(e).tags;
            // `max_by_key` keeps the last maximum: walking backwards, the first tag.
            tags.iter()
                .rev()
                .max_by_key(|t| shared[t.as_str()])
                .map_or_else(|| OTHERS.to_string(), Clone::clone)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(names: &[&str]) -> Vec<String> {
        names.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_row_of_one_folds_into_others() {
        assert_eq!(
            fold(rows(&["China", "Both", "China", "Others", "Others"])),
            rows(&["China", "Others", "China", "Others", "Others"])
        );
        // two rows of one make an Others of two
        assert_eq!(
            fold(rows(&["China", "Both", "China", "Europe"])),
            rows(&["China", "Others", "China", "Others"])
        );
    }

    #[test]
    fn an_others_of_one_takes_in_the_smallest_row() {
        assert_eq!(
            fold(rows(&["A", "A", "A", "B", "B", "C", "C", "Others"])),
            rows(&["A", "A", "A", "B", "B", "Others", "Others", "Others"])
        );
        // until it is the only row
        assert_eq!(
            fold(rows(&["A", "A", "Others"])),
            rows(&["Others", "Others", "Others"])
        );
        assert_eq!(fold(rows(&["A"])), rows(&["A"]));
        assert_eq!(fold(rows(&["A", "B"])), rows(&["Others", "Others"]));
    }
}
