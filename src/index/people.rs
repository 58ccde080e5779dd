//! A country's people as its profile lists them, measured once: the persons among its
//! members and the display widths of their names' and roles' words. No I/O.

use crate::graph::{ActorIx, ActorKind, Graph, to_u32};
use crate::text::width;

/// A country's people as its profile lists them: the persons among its members, in
/// member order, their names and roles measured word by word, so that a profile of
/// thousands of people counts its wrapped lines without reading their text again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct People {
    /// The persons among the members, in member order.
    pub actors: Vec<ActorIx>,
    /// The display widths of each one's name's words, then of its role's (words as
    /// split at spaces).
    widths: Vec<u32>,
    /// For each person, its name's words and its role's in `widths`: where they start,
    /// where the name's end, where the role's end; `None` for a name or role that is
    /// not tidy text (a line break, a space ending the name, a name of no word).
    words: Vec<Option<PersonWords>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PersonWords {
    start: u32,
    name_end: u32,
    /// `None` without a role.
    role_end: Option<u32>,
}

impl People {
    /// The people among `members`.
    pub fn of(g: &Graph, members: &[ActorIx]) -> Self {
        let mut people = People::default();
        let measure = |text: &str, widths: &mut Vec<u32>| {
            let words = text.split(' ').filter(|w| !w.is_empty());
            widths.extend(words.map(|w| u32::try_from(width(w)).unwrap_or(u32::MAX)));
            to_u32(widths.len())
        };
        for &m in members {
            let a = g.actor(m);
            if a.kind != ActorKind::Person {
                continue;
            }
            people.actors.push(m);
            let role = a.role.as_deref();
            let tidy = !a.name.contains('\n')
                && !a.name.ends_with(' ')
                && a.name.split(' ').any(|w| !w.is_empty())
                && !role.is_some_and(|r| r.contains('\n'));
            if !tidy {
                people.words.push(None);
                continue;
            }
            let start = to_u32(people.widths.len());
            let name_end = measure(&a.name, &mut people.widths);
            let role_end = role.map(|r| measure(r, &mut people.widths));
            people.words.push(Some(PersonWords {
                start,
                name_end,
                role_end,
            }));
        }
        people
    }

    /// The widths of the words of the `i`th person's name and of its role (`None`
    /// without one), or `None` when they are not tidy text (see [`People::of`]).
    pub fn words(&self, i: usize) -> Option<(&[u32], Option<&[u32]>)> {
        let p = (*self.words.get(i)?)?;
        let at = |from: u32, to: u32| self.widths.get(from as usize..to as usize);
        let name = at(p.start, p.name_end)?;
        let role = match p.role_end {
            Some(end) => Some(at(p.name_end, end)?),
            None => None,
        };
        Some((name, role))
    }
}

/// The people of an actor that is not a country the index knows.
pub(super) static NO_PEOPLE: People = People {
    actors: Vec::new(),
    widths: Vec::new(),
    words: Vec::new(),
};
