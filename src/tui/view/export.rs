//! The export prompt: what goes out (counts and filter), the format, the path being typed,
//! and the overwrite question or "writing…". Reads `&App` only.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use crate::export::{Format, describe_filter};
use crate::text::{escape_controls, plural, truncate};
use crate::tui::app::App;
use crate::tui::export::{ExportBox, Stage, format_name};
use crate::tui::view::render_lines;
use crate::tui::view::search::input_tail;

/// The prompt's rectangle: centered, up to 72 columns wide, 8 rows high.
pub fn popup(area: Rect) -> Rect {
    let width = area.width.saturating_sub(4).min(72);
    let height = area.height.min(8);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + area.height.saturating_sub(height) / 2,
        width,
        height,
    }
}

/// Draws the prompt over whatever is below.
pub fn render(app: &App, eb: &ExportBox, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let rect = popup(area);
    Clear.render(rect, buf);
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Span::styled(
            " Export what the timeline shows ",
            theme.title,
        ));
    let inner = block.inner(rect);
    block.render(rect, buf);
    let w = usize::from(inner.width);
    if w < 10 {
        return;
    }
    let what = match describe_filter(&app.dataset, &eb.filter) {
        Some(f) => format!(
            "{}, {} · {f}",
            plural(eb.events, "event"),
            plural(eb.quotes, "quote")
        ),
        None => format!(
            "{}, {}",
            plural(eb.events, "event"),
            plural(eb.quotes, "quote")
        ),
    };
    let mut formats = vec![Span::styled("Format  ", theme.dim)];
    for f in Format::ALL {
        let style = if f == eb.format {
            theme.selected
        } else {
            theme.text
        };
        formats.push(Span::styled(format!(" {} ", format_name(f)), style));
    }
    let path = input_tail(&escape_controls(&eb.path), w.saturating_sub(9));
    let mut path_line = vec![
        Span::styled("Path    ", theme.dim),
        Span::styled(path, theme.text),
    ];
    if eb.stage == Stage::Edit {
        path_line.push(Span::styled(" ", theme.selected));
    }
    let shown = escape_controls(eb.path.trim()).into_owned();
    let state = match eb.stage {
        Stage::Edit => Line::styled("Tab format · type the path · Enter export", theme.dim),
        Stage::Confirm => Line::from(vec![
            Span::styled(
                truncate(&format!("{shown} exists. Replace it? "), w).into_owned(),
                theme.error,
            ),
            Span::styled("y", theme.key),
            Span::styled(" yes  ", theme.text),
            Span::styled("n", theme.key),
            Span::styled(" no", theme.text),
        ]),
        Stage::Writing => Line::styled("writing…", theme.dim),
    };
    let lines = vec![
        Line::styled(
            truncate(&escape_controls(&what), w).into_owned(),
            theme.text,
        ),
        Line::default(),
        Line::from(formats),
        Line::from(path_line),
        Line::default(),
        state,
    ];
    render_lines(lines, 0, inner, buf);
}
