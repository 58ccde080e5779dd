//! Where a frame shows web addresses: a pane records the lines that hold a source's URL
//! (wrapped inside the pane), and the frame turns those on screen into [`Hyperlink`]s,
//! which the runtime makes clickable (OSC 8) after drawing. Only an address that
//! `cite::safe_url` accepts and that is plain ASCII is ever recorded. No I/O.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use crate::text::width;
use crate::tui::view::wrap::wrap;

/// A piece of a web address on screen: one row from `x`, `text` as drawn there, and
/// the whole address it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hyperlink {
    pub x: u16,
    pub y: u16,
    /// The piece of the address drawn in these cells (a wrapped address has several).
    pub text: String,
    pub url: String,
}

impl Hyperlink {
    /// The cells it covers.
    pub fn area(&self) -> Rect {
        let w = u16::try_from(width(&self.text)).unwrap_or(u16::MAX);
        Rect::new(self.x, self.y, w, 1)
    }
}

/// A line of a pane's text that holds a piece of `url`, from column `col`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlLine {
    pub line: usize,
    pub col: usize,
    pub text: String,
    pub url: String,
}

/// `url` as it may be linked: a safe http(s) address in ASCII (OSC 8 carries an
/// encoded URI, and every one of its characters is then one cell wide).
pub fn linkable(url: &str) -> Option<&str> {
    crate::cite::safe_url(url).filter(|u| u.is_ascii())
}

/// The lines of `url` wrapped to `w` columns after `indent` spaces; each piece is also
/// recorded in `urls` (as line `first_line + i`) when the address may be linked.
pub fn url_lines(
    url: &str,
    w: usize,
    indent: usize,
    first_line: usize,
    urls: &mut Vec<UrlLine>,
) -> Vec<String> {
    let shown = crate::text::escape_controls(url);
    let pieces = wrap(&shown, w.saturating_sub(indent).max(1), 0);
    if let Some(url) = linkable(url) {
        for (i, piece) in pieces.iter().enumerate() {
            urls.push(UrlLine {
                line: first_line + i,
                col: indent,
                text: piece.clone(),
                url: url.to_string(),
            });
        }
    }
    pieces
        .into_iter()
        .map(|p| format!("{}{p}", " ".repeat(indent)))
        .collect()
}

/// Adds `url` to `out` as [`url_lines`] wraps it, in `style`.
pub fn push_url(
    out: &mut Vec<Line<'static>>,
    urls: &mut Vec<UrlLine>,
    url: &str,
    w: usize,
    indent: usize,
    style: Style,
) {
    for l in url_lines(url, w, indent, out.len(), urls) {
        out.push(Line::styled(l, style));
    }
}

/// The hyperlinks of `urls` for a pane whose lines are drawn in `area` from line
/// `scroll`, each moved `shift` columns right (a mark before the lines).
pub fn place(urls: &[UrlLine], scroll: usize, shift: usize, area: Rect, out: &mut Vec<Hyperlink>) {
    for u in urls {
        let Some(row) = u.line.checked_sub(scroll) else {
            continue;
        };
        if row >= usize::from(area.height) || u.text.is_empty() {
            continue;
        }
        let col = u.col + shift;
        // Every character of a linkable address is one cell wide.
        if col + width(&u.text) > usize::from(area.width) {
            continue;
        }
        let (Ok(dx), Ok(dy)) = (u16::try_from(col), u16::try_from(row)) else {
            continue;
        };
        out.push(Hyperlink {
            x: area.x + dx,
            y: area.y + dy,
            text: u.text.clone(),
            url: u.url.clone(),
        });
    }
}

/// Keeps the hyperlinks whose cells still show their text: an overlay drawn later (the
/// search popup, help) hides the address under it, and no link may land on its cells.
pub fn keep_shown(links: &mut Vec<Hyperlink>, buf: &Buffer) {
    links.retain(|l| {
        let area = l.area();
        area.intersection(buf.area) == area
            && l.text
                .chars()
                .zip(area.left()..area.right())
                .all(|(c, x)| buf[(x, l.y)].symbol().chars().eq(std::iter::once(c)))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::widgets::{Paragraph, Widget};

    #[test]
    fn a_wrapped_address_is_recorded_piece_by_piece_and_placed_after_scrolling() {
        let mut urls = Vec::new();
        let lines = url_lines("https://example.org/abcdefgh", 12, 2, 5, &mut urls);
        assert_eq!(lines, ["  https://ex", "  ample.org/", "  abcdefgh"]);
        assert_eq!(urls.len(), 3);
        assert_eq!((urls[1].line, urls[1].col), (6, 2));
        assert_eq!(urls[1].text, "ample.org/");
        let mut out = Vec::new();
        // Scrolled by six lines in a pane of two rows at (10, 20): the first piece is
        // above the pane, the other two are on its rows.
        place(&urls, 6, 1, Rect::new(10, 20, 14, 2), &mut out);
        assert_eq!(out.len(), 2);
        assert_eq!(
            (out[0].x, out[0].y, out[0].text.as_str()),
            (13, 20, "ample.org/")
        );
        assert_eq!((out[1].x, out[1].y), (13, 21));
        assert!(out.iter().all(|l| l.url == "https://example.org/abcdefgh"));
    }

    #[test]
    fn only_a_safe_ascii_http_address_is_recorded() {
        for bad in [
            "javascript:alert(1)",
            "https://ok.example/\u{1b}]8;;https://evil\u{7}",
            "https://ok.example/\u{241b}]8;;x",
            "file:///etc/passwd",
            "https://例え.jp/",
        ] {
            let mut urls = Vec::new();
            let lines = url_lines(bad, 80, 0, 0, &mut urls);
            assert!(urls.is_empty(), "{bad:?}");
            // Still shown, as text, with its controls made visible.
            assert!(!lines.concat().chars().any(char::is_control), "{bad:?}");
        }
    }

    #[test]
    fn a_link_under_an_overlay_is_dropped() {
        let area = Rect::new(0, 0, 20, 2);
        let mut buf = Buffer::empty(area);
        Paragraph::new(vec![
            Line::from("https://a.org/x"),
            Line::from("popup text"),
        ])
        .render(area, &mut buf);
        let link = |y| Hyperlink {
            x: 0,
            y,
            text: "https://a.org/x".into(),
            url: "https://a.org/x".into(),
        };
        let mut links = vec![link(0), link(1), link(5)];
        keep_shown(&mut links, &buf);
        assert_eq!(links, [link(0)]);
    }
}
