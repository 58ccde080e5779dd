//! The README's picture of the explorer, drawn from the real render: the bundled dataset
//! at 120×40, opened on the WAICO proposal as `aigov --goto` would, written as an SVG
//! (colours and bold included) to tests/screenshots/explorer.svg. The file is compared
//! like an insta snapshot, so the picture cannot drift from the explorer; when the
//! layout changes on purpose, `INSTA_UPDATE=always cargo test --test screenshot` writes
//! it again (the same command that accepts the other snapshots).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

use aigov::dataset::Dataset;
use aigov::load::Origin;
use aigov::tui::app::App;
use aigov::tui::theme::Theme;
use aigov::tui::update::Msg;
use aigov::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

const PICTURE: &str = "tests/screenshots/explorer.svg";
const CELL_W: f32 = 8.4;
const CELL_H: u16 = 18;
const FG: &str = "#d0d0d0";
const BG: &str = "#1c1c1c";

/// A terminal's usual colours for the 16 named ones (xterm's, a little softened).
fn hex(c: Color) -> Option<String> {
    let named = |s: &str| Some(s.to_string());
    match c {
        Color::Reset => None,
        Color::Black => named("#000000"),
        Color::Red => named("#cd3131"),
        Color::Green => named("#0dbc79"),
        Color::Yellow => named("#e5e510"),
        Color::Blue => named("#2472c8"),
        Color::Magenta => named("#bc3fbc"),
        Color::Cyan => named("#11a8cd"),
        Color::Gray => named("#e5e5e5"),
        Color::DarkGray => named("#767676"),
        Color::LightRed => named("#f14c4c"),
        Color::LightGreen => named("#23d18b"),
        Color::LightYellow => named("#f5f543"),
        Color::LightBlue => named("#3b8eea"),
        Color::LightMagenta => named("#d670d6"),
        Color::LightCyan => named("#29b8db"),
        Color::White => named("#ffffff"),
        Color::Rgb(r, g, b) => Some(format!("#{r:02x}{g:02x}{b:02x}")),
        Color::Indexed(i) => Some(indexed(i)),
    }
}

/// xterm's 256-colour palette beyond the first 16 (those fall back to grey).
fn indexed(i: u8) -> String {
    match i {
        16..=231 => {
            let i = i - 16;
            let level = |v: u8| if v == 0 { 0 } else { 55 + v * 40 };
            format!(
                "#{:02x}{:02x}{:02x}",
                level(i / 36),
                level((i / 6) % 6),
                level(i % 6)
            )
        }
        232..=255 => {
            let v = 8 + (i - 232) * 10;
            format!("#{v:02x}{v:02x}{v:02x}")
        }
        _ => "#a0a0a0".to_string(),
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The buffer as SVG: one `<text>` per run of cells with the same style, placed at its
/// column (so wide characters and box drawing stay aligned), backgrounds as rectangles.
fn svg(buf: &Buffer) -> String {
    let Rect { width, height, .. } = buf.area;
    let (w, h) = (f32::from(width) * CELL_W, height * CELL_H);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.0}\" height=\"{h}\" \
         viewBox=\"0 0 {w:.0} {h}\" font-family=\"'DejaVu Sans Mono', Menlo, Consolas, monospace\" \
         font-size=\"14\">\n<rect width=\"100%\" height=\"100%\" fill=\"{BG}\"/>\n"
    );
    for y in 0..height {
        let mut x = 0;
        while x < width {
            let style = buf[(x, y)].style();
            let start = x;
            let mut text = String::new();
            while x < width && buf[(x, y)].style() == style {
                text.push_str(buf[(x, y)].symbol());
                x += 1;
            }
            let reversed = style.add_modifier.contains(Modifier::REVERSED);
            let (mut fg, mut bg) = (style.fg.and_then(hex), style.bg.and_then(hex));
            if reversed {
                (fg, bg) = (
                    Some(bg.unwrap_or_else(|| BG.to_string())),
                    Some(fg.unwrap_or_else(|| FG.to_string())),
                );
            }
            let (px, py) = (f32::from(start) * CELL_W, y * CELL_H);
            if let Some(bg) = bg {
                let rw = f32::from(x - start) * CELL_W;
                let _ = writeln!(
                    out,
                    "<rect x=\"{px:.1}\" y=\"{py}\" width=\"{rw:.1}\" height=\"{CELL_H}\" fill=\"{bg}\"/>"
                );
            }
            if text.trim().is_empty() {
                continue;
            }
            let mut attrs = format!("fill=\"{}\"", fg.unwrap_or_else(|| FG.to_string()));
            let m = style.add_modifier;
            if m.contains(Modifier::BOLD) {
                attrs.push_str(" font-weight=\"bold\"");
            }
            if m.contains(Modifier::ITALIC) {
                attrs.push_str(" font-style=\"italic\"");
            }
            if m.contains(Modifier::UNDERLINED) {
                attrs.push_str(" text-decoration=\"underline\"");
            }
            if m.contains(Modifier::DIM) {
                attrs.push_str(" opacity=\"0.6\"");
            }
            let _ = writeln!(
                out,
                "<text x=\"{px:.1}\" y=\"{}\" xml:space=\"preserve\" {attrs}>{}</text>",
                py + CELL_H - 5,
                escape(&text)
            );
        }
    }
    out.push_str("</svg>\n");
    out
}

#[test]
fn the_readme_picture_is_the_explorer_as_it_renders() {
    let ds = Arc::new(Dataset::load(&Origin::Bundled).unwrap().unwrap());
    let waico = ds.graph.lookup("waic-2025-waico-proposal").unwrap();
    let mut app = App::new(ds, Theme::default(), Rect::new(0, 0, 120, 40));
    app.update(Msg::GoTo(waico));
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    t.draw(|f| view::render(&app, f)).unwrap();
    let picture = svg(t.backend().buffer());

    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(PICTURE);
    let old = std::fs::read_to_string(&path).unwrap_or_default();
    if old == picture {
        return;
    }
    let update = std::env::var("INSTA_UPDATE").is_ok_and(|v| v == "always");
    if update && std::env::var_os("CI").is_none() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, picture).unwrap();
        return;
    }
    panic!(
        "{PICTURE} is not the explorer as it renders now; look at the screen below and, if \
         it is right, run `INSTA_UPDATE=always cargo test --test screenshot`\n{}",
        t.backend()
    );
}
