//! Word wrapping by display width (CJK and accents measured with unicode-width): words
//! that do not fit are broken between characters, so nothing is ever cut. No I/O.

use unicode_width::UnicodeWidthChar;

use crate::text::width;

/// `text` wrapped to `max` columns; the first line has `first` columns less (for a
/// prefix). Never empty: an empty text gives one empty line.
pub fn wrap(text: &str, max: usize, first: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    let mut room = max.saturating_sub(first).max(1);
    for para in text.split('\n') {
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            let w = width(word);
            let gap = usize::from(used > 0);
            if used + gap + w <= room {
                if gap == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                used += gap + w;
                continue;
            }
            if used > 0 && w <= max {
                lines.push(std::mem::take(&mut line));
                room = max;
                line.push_str(word);
                used = w;
                continue;
            }
            // Too long for any line (a URL, a run of CJK): break between characters.
            if used > 0 {
                line.push(' ');
                used += 1;
            }
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if used + cw > room && used > 0 {
                    lines.push(std::mem::take(&mut line));
                    room = max;
                    used = 0;
                }
                line.push(c);
                used += cw;
            }
        }
        lines.push(std::mem::take(&mut line));
        used = 0;
        room = max;
    }
    lines
}

/// How many lines [`wrap`] gives (with no `first`) for one paragraph of words of these
/// widths, counted without writing them; `None` when a word is wider than `max` (it would
/// be broken between characters, which needs the text).
pub fn count(words: impl IntoIterator<Item = usize>, max: usize) -> Option<usize> {
    let max = max.max(1);
    let (mut lines, mut used) = (1, 0);
    for w in words {
        if w > max {
            return None;
        }
        let gap = usize::from(used > 0);
        if used + gap + w <= max {
            used += gap + w;
        } else {
            lines += 1;
            used = w;
        }
    }
    Some(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_words_and_breaks_cjk_by_width() {
        assert_eq!(wrap("a bb ccc", 4, 0), vec!["a bb", "ccc"]);
        assert_eq!(wrap("人工智能治理", 5, 0), vec!["人工", "智能", "治理"]);
        assert_eq!(wrap("", 5, 0), vec![""]);
        for l in wrap(
            "le développement global de la gouvernance 人工智能全球治理",
            7,
            2,
        ) {
            assert!(width(&l) <= 7, "{l}");
        }
    }

    #[test]
    fn counting_by_word_widths_gives_as_many_lines_as_wrapping() {
        let texts = [
            "",
            "a",
            "a bb ccc dddd",
            "  spaced   out  words ",
            "le développement global de la gouvernance de l’IA",
            "人工智能 全球 治理 une coopération mondiale",
            "Person 12 sécurité, talents modèles exportations risques",
        ];
        for text in texts {
            let words = text.split(' ').filter(|w| !w.is_empty()).map(width);
            for max in 0..60 {
                let widest = words.clone().max().unwrap_or(0);
                let counted = count(words.clone(), max);
                if widest > max.max(1) {
                    assert_eq!(counted, None, "{text:?} at {max}");
                } else {
                    assert_eq!(counted, Some(wrap(text, max, 0).len()), "{text:?} at {max}");
                }
            }
        }
    }
}
