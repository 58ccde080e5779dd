//! A hit's text cut to a width around its first match, in pieces marked matched or not,
//! and a hit's one-line summary (what the record is, then the field that matched), for
//! the CLI and the explorer alike; control characters escaped, lines joined. No I/O.

use unicode_width::UnicodeWidthChar;

use super::{Field, Hit};
use crate::graph::{Entity, Graph};
use crate::text::{escape_controls, truncate, width};

/// The field that says what a record is: an event's or a source's title, a quote's
/// words, an actor's name.
pub fn own_field(e: Entity) -> Field {
    match e {
        Entity::Event(_) | Entity::Source(_) => Field::Title,
        Entity::Quote(_) => Field::Text,
        Entity::Actor(_) => Field::Name,
    }
}

/// One line for a hit in `max_width` columns: what the record is (an event's title, a
/// quote's words and speaker, an actor's name, a source's publisher and title) and,
/// when another field matched, that field's name and its text around the match, the
/// matched characters marked wherever they are shown.
pub fn row(g: &Graph, hit: &Hit, max_width: usize) -> Vec<Piece> {
    let text = hit.text(g);
    let own = hit.field == own_field(hit.entity);
    let mut out = Vec::new();
    let mut room = max_width;
    let plain = |out: &mut Vec<Piece>, room: &mut usize, s: &str| {
        let s = truncate(s, *room).into_owned();
        *room = room.saturating_sub(width(&s));
        out.push(Piece {
            text: escape_controls(&s).into_owned(),
            matched: false,
        });
    };
    if let Entity::Source(s) = hit.entity {
        plain(&mut out, &mut room, &format!("{}: ", g.source(s).publisher));
    }
    if own {
        // A quote's speaker follows its words, in what room they leave (at least a third).
        let by = match hit.entity {
            Entity::Quote(q) => format!(" — {}", g.actor(g.quote(q).speaker).name),
            _ => String::new(),
        };
        let by = one_line(&by, room / 3);
        let words = snippet(&text, &hit.positions, room.saturating_sub(width(&by)));
        room = room.saturating_sub(words.iter().map(|p| width(&p.text)).sum());
        out.extend(words);
        plain(&mut out, &mut room, &by);
        return out;
    }
    let what = match hit.entity {
        Entity::Event(e) => g.event(e).title.clone(),
        Entity::Quote(q) => format!("« {} »", g.quote(q).text),
        Entity::Actor(a) => g.actor(a).name.clone(),
        Entity::Source(s) => g.source(s).title.clone(),
    };
    let label = match (hit.field, hit.entity) {
        (Field::Speaker, _) => " — ".to_string(),
        // The speaker's name, then the alias that matched.
        (Field::SpeakerAlias, Entity::Quote(q)) => {
            format!(" — {}, ", g.actor(g.quote(q).speaker).name)
        }
        _ => format!(" · {}: ", hit.field.name()),
    };
    // The matched field keeps what it needs (up to half the line); what the record is
    // gets the rest.
    let field_w = (width(&text) + width(&label))
        .min(room / 2)
        .max(room.min(12));
    let what_w = room.saturating_sub(field_w);
    plain(&mut out, &mut room, &one_line(&what, what_w));
    plain(&mut out, &mut room, &label);
    out.extend(snippet(&text, &hit.positions, room));
    out
}

/// `s` on one line, cut to `w` columns.
fn one_line(s: &str, w: usize) -> String {
    let flat: String = s.chars().map(|c| if c == '\n' { ' ' } else { c }).collect();
    truncate(&flat, w).into_owned()
}

/// A run of characters, all matched or all not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub matched: bool,
}

/// `text` in at most `max_width` columns, starting a little before the first matched
/// position, with `…` where it was cut.
pub fn snippet(text: &str, positions: &[usize], max_width: usize) -> Vec<Piece> {
    let chars: Vec<char> = text.chars().collect();
    let w = |c: char| c.width().unwrap_or(0);
    let total: usize = chars.iter().map(|&c| w(c)).sum();
    let first = positions.first().copied().unwrap_or(0);
    let mut start = 0;
    if total > max_width {
        // Keep about a quarter of the width as context before the match.
        let mut context = max_width / 4;
        start = first;
        while start > 0 && context >= w(chars[start - 1]) {
            context -= w(chars[start - 1]);
            start -= 1;
        }
        // Near the end: use the room the rest leaves for more context.
        let mut rest: usize = chars[start..].iter().map(|&c| w(c)).sum();
        while start > 0 && rest + w(chars[start - 1]) < max_width {
            rest += w(chars[start - 1]);
            start -= 1;
        }
    }
    let mut out: Vec<Piece> = Vec::new();
    let mut used = 0;
    let push = |out: &mut Vec<Piece>, s: &str, matched: bool| match out.last_mut() {
        Some(p) if p.matched == matched => p.text.push_str(s),
        _ => out.push(Piece {
            text: s.to_string(),
            matched,
        }),
    };
    if start > 0 {
        push(&mut out, "…", false);
        used += 1;
    }
    let mut next = positions.partition_point(|&p| p < start);
    for (i, &c) in chars.iter().enumerate().skip(start) {
        let c = if c == '\n' { ' ' } else { c };
        let shown = escape_controls(c.encode_utf8(&mut [0; 4])).into_owned();
        let cw = crate::text::width(&shown);
        let rest_fits = used + cw <= max_width && (i + 1 == chars.len() || used + cw < max_width);
        if !rest_fits {
            push(&mut out, "…", false);
            break;
        }
        let matched = positions.get(next) == Some(&i);
        if matched {
            next += 1;
        }
        push(&mut out, &shown, matched);
        used += cw;
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The pieces as one string, matches in brackets (for tests).
    pub(crate) fn show(p: &[Piece]) -> String {
        p.iter()
            .map(|p| {
                if p.matched {
                    format!("[{}]", p.text)
                } else {
                    p.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn marks_matches_and_cuts_around_the_first() {
        let s = snippet("la gouvernance de l’IA", &[18, 19, 20, 21], 40);
        assert_eq!(show(&s), "la gouvernance de [l’IA]");
        let long = "un deux trois quatre cinq six sept huit neuf dix fragmenté";
        let at = long.chars().count() - 9;
        let s = snippet(long, &(at..at + 9).collect::<Vec<_>>(), 32);
        assert_eq!(show(&s), "…ix sept huit neuf dix [fragmenté]");
        let s = snippet(long, &[0], 12);
        assert_eq!(show(&s), "[u]n deux tro…");
        assert_eq!(show(&snippet("a\u{1b}b", &[2], 10)), "a␛[b]");
    }
}
