//! OSC 8 hyperlinks over a drawn frame. ratatui's cells cannot carry the sequence (it
//! would be counted as text: ratatui issue #902), so after each draw the runtime writes
//! the cells of every web address the view reported once more, between
//! `ESC ] 8 ; id=… ; URL ESC \` and `ESC ] 8 ; ; ESC \`: a terminal that knows OSC 8
//! opens the address on a click (the pieces of a wrapped address share one id, so they
//! are one link); others ignore the sequence and show the same text. The address is
//! checked again here: only what `view::link::linkable` accepts is ever written.

use std::hash::{Hash, Hasher};
use std::io::{self, Write};

use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell};

use crate::tui::view::link::{Hyperlink, linkable};

/// A link to write: its address and the cells it covers, as drawn.
#[derive(Debug, Clone)]
pub struct Linked {
    url: String,
    cells: Vec<(u16, u16, Cell)>,
}

/// The cells of each link in the drawn `buf` (taken while the frame is borrowed).
pub fn cells(buf: &Buffer, links: &[Hyperlink]) -> Vec<Linked> {
    links
        .iter()
        .filter(|l| buf.area.contains(l.area().as_position()))
        .map(|l| {
            let area = l.area().intersection(buf.area);
            Linked {
                url: l.url.clone(),
                cells: area
                    .columns()
                    .map(|c| (c.x, c.y, buf[(c.x, c.y)].clone()))
                    .collect(),
            }
        })
        .collect()
}

/// The sequence that starts a link to `url` (`None` for an address that may not be one).
pub fn open_sequence(url: &str) -> Option<String> {
    let url = linkable(url)?;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    url.hash(&mut h);
    Some(format!("\x1b]8;id=aigov-{:x};{url}\x1b\\", h.finish()))
}

/// The sequence that ends a link.
pub const CLOSE: &str = "\x1b]8;;\x1b\\";

/// Writes each link's cells again inside its OSC 8 sequence, and flushes.
pub fn write<B>(backend: &mut B, links: &[Linked]) -> io::Result<()>
where
    B: Backend<Error = io::Error> + Write,
{
    if links.is_empty() {
        return Ok(());
    }
    for l in links {
        let Some(open) = open_sequence(&l.url) else {
            continue;
        };
        backend.write_all(open.as_bytes())?;
        backend.draw(l.cells.iter().map(|(x, y, c)| (*x, *y, c)))?;
        backend.write_all(CLOSE.as_bytes())?;
    }
    Backend::flush(backend)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use ratatui::backend::CrosstermBackend;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Style};

    fn drawn(text: &str) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 3));
        buf.set_string(2, 1, text, Style::new().fg(Color::Blue));
        buf
    }

    fn link(text: &str, url: &str) -> Hyperlink {
        Hyperlink {
            x: 2,
            y: 1,
            text: text.into(),
            url: url.into(),
        }
    }

    #[test]
    fn the_cells_are_written_again_inside_one_link() {
        let url = "https://example.org/a";
        let buf = drawn(url);
        let linked = cells(&buf, &[link(url, url)]);
        let mut bytes = Vec::new();
        write(&mut CrosstermBackend::new(&mut bytes), &linked).unwrap();
        let out = String::from_utf8(bytes).unwrap();
        let open = open_sequence(url).unwrap();
        assert!(
            open.starts_with("\x1b]8;id=aigov-") && open.ends_with(";https://example.org/a\x1b\\")
        );
        let start = out.find(&open).unwrap();
        let end = out.rfind(CLOSE).unwrap();
        // The address's cells, in their colour, between the two sequences.
        let inside = &out[start + open.len()..end];
        assert!(inside.contains("https://example.org/a"), "{inside:?}");
        assert!(inside.contains("\x1b[38;5;4"), "{inside:?}");
        assert_eq!(out.matches("\x1b]8;").count(), 2);
    }

    #[test]
    fn no_sequence_carries_an_unsafe_address() {
        for url in [
            "javascript:alert(1)",
            "https://ok.example/\u{1b}]8;;https://evil\u{7}",
            "https://ok.example/\u{241b}]8;;x",
            "data:text/html,x",
        ] {
            assert_eq!(open_sequence(url), None, "{url:?}");
            let buf = drawn("x");
            let linked = cells(&buf, &[link("x", url)]);
            let mut bytes = Vec::new();
            write(&mut CrosstermBackend::new(&mut bytes), &linked).unwrap();
            assert!(bytes.is_empty(), "{url:?}");
        }
    }

    #[test]
    fn pieces_of_one_address_share_an_id() {
        let a = open_sequence("https://a.org/x").unwrap();
        assert_eq!(a, open_sequence("https://a.org/x").unwrap());
        assert_ne!(a, open_sequence("https://a.org/y").unwrap());
    }
}
