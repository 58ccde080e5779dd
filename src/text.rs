//! Text safety and layout helpers: control characters made visible, display-width
//! padding and truncation (unicode-width). No I/O.

use std::borrow::Cow;
use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

/// Whether `c` must never reach a terminal raw: C0 controls (except newline), DEL,
/// C1 controls, and the bidi embedding, override and isolate characters.
pub fn is_unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `s` holds an unsafe character (see [`is_unsafe_char`]), read byte by byte:
/// C0 and DEL are single bytes, C1 controls are `C2 80`–`C2 9F`, and the bidi characters
/// `E2 80 AA`–`E2 80 AE` and `E2 81 A6`–`E2 81 A9`; any other byte is passed over.
pub fn has_unsafe_char(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &c)| match c {
        b'\n' => false,
        0..0x20 | 0x7f => true,
        0xc2 => b.get(i + 1).is_some_and(|n| (0x80..0xa0).contains(n)),
        0xe2 => matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
        ),
        _ => false,
    })
}

/// Replaces unsafe characters with visible escapes: C0 and DEL by their control
/// pictures (`␛`, `␇`, `␡`), tab by four spaces, C1 and bidi controls by `<U+XXXX>`.
/// Borrows when there is nothing to replace, which is almost always.
pub fn escape_controls(s: &str) -> Cow<'_, str> {
    if !has_unsafe_char(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\t' => out.push_str("    "),
            c if is_unsafe_char(c) => match u32::from(c) {
                n @ 0..=0x1F => out.push(char::from_u32(0x2400 + n).unwrap_or('?')),
                0x7F => out.push('\u{2421}'),
                n => {
                    let _ = write!(out, "<U+{n:04X}>");
                }
            },
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// [`escape_controls`] for text that must stay on one line (a diagnostic's message, a
/// status line): a newline is shown as `␊` too.
pub fn escape_line(s: &str) -> Cow<'_, str> {
    if !s.contains(['\n', '\r']) {
        return escape_controls(s);
    }
    Cow::Owned(escape_controls(&s.replace('\n', "\u{240A}")).into_owned())
}

/// A path as it may be printed: its lossy text with control characters made visible, so
/// that a file named with an escape sequence cannot drive the terminal.
pub fn shown_path(p: &std::path::Path) -> String {
    escape_line(&p.to_string_lossy()).into_owned()
}

/// Display width in terminal columns.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Pads `s` with spaces to `w` columns (no truncation).
pub fn pad(s: &str, w: usize) -> String {
    let mut out = s.to_string();
    out.extend(std::iter::repeat_n(' ', w.saturating_sub(width(s))));
    out
}

/// Cuts `s` to at most `w` columns, ending in `…` when it was cut.
pub fn truncate(s: &str, w: usize) -> Cow<'_, str> {
    if width(s) <= w {
        return Cow::Borrowed(s);
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + cw + 1 > w {
            break;
        }
        used += cw;
        out.push(c);
    }
    if w > 0 {
        out.push('…');
    }
    Cow::Owned(out)
}

/// `1 error`, `2 errors`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn unsafe_characters_found_by_bytes_are_those_found_by_characters() {
        let chars = (0u32..0x3000)
            .chain(0x1_F000..0x1_F100)
            .filter_map(char::from_u32);
        for c in chars {
            let s = format!("a{c}é");
            assert_eq!(
                super::has_unsafe_char(&s),
                super::is_unsafe_char(c),
                "{c:?}"
            );
        }
    }

    use super::*;

    #[test]
    fn escapes_every_unsafe_class_visibly() {
        assert_eq!(escape_controls("a\u{1b}]0;x\u{7}b"), "a␛]0;x␇b");
        assert_eq!(escape_controls("\u{9b}2J"), "<U+009B>2J");
        assert_eq!(escape_controls("x\u{202E}y"), "x<U+202E>y");
        assert_eq!(escape_controls("\u{7f}"), "␡");
        assert_eq!(escape_controls("a\tb"), "a    b");
        assert!(matches!(escape_controls("l’IA\n中国"), Cow::Borrowed(_)));
        assert_eq!(escape_line("a\nb\r\n\u{1b}"), "a␊b␍␊␛");
    }

    #[test]
    fn width_aware_pad_and_truncate() {
        assert_eq!(width("中国"), 4);
        assert_eq!(pad("中国", 6), "中国  ");
        assert_eq!(truncate("中华人民共和国", 7), "中华人…");
        assert_eq!(truncate("équitable", 9), "équitable");
        assert_eq!(truncate("équitable", 5), "équi…");
    }
}
