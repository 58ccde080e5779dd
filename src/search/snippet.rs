//! A hit's text cut to a width around its first match, in pieces marked matched or not,
//! for the CLI and the explorer alike; control characters escaped, lines joined. No I/O.

use unicode_width::UnicodeWidthChar;

use crate::text::escape_controls;

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
mod tests {
    use super::*;

    fn show(p: &[Piece]) -> String {
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
