//! Rendering a diagnostic rustc-style for a terminal or a file: `path:line:col`, the
//! severity and message, the source line with the span underlined (a window around it on
//! a long line), the related place and the hint; colour only when asked. No I/O.

use std::fmt::Write as _;
use std::ops::Range;

use super::{DataFile, Diagnostic, Severity, position};
use crate::text::{escape_controls, escape_line, width};

/// Lines longer than this (in bytes) are shown as a window around the span,
/// with this many bytes of context on each side.
const LONG_LINE: usize = 240;
const CONTEXT: usize = 60;

/// Colours for the terminal; `plain` for pipes, files and `NO_COLOR`.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

/// Renders one diagnostic rustc-style:
///
/// ```text
/// data/events.toml:12:11: error: unknown actor "chna"
///    |
/// 12 | actors = ["chna", "us"]
///    |           ^^^^^^
///    = hint: did you mean "cn" (China)?
/// ```
pub fn render(files: &[DataFile], d: &Diagnostic, style: Style) -> String {
    render_strict(files, d, style, false)
}

/// [`render`]; with `strict` (`check --strict`), a warning is labelled
/// `error (strict)`, as the summary counts it.
pub fn render_strict(files: &[DataFile], d: &Diagnostic, style: Style, strict: bool) -> String {
    let mut out = String::new();
    let (word, code) = match d.severity {
        Severity::Error => ("error", "1;31"),
        Severity::Warning if strict => ("error (strict)", "1;31"),
        Severity::Warning => ("warning", "1;33"),
    };
    if let Some(loc) = &d.location {
        let _ = write!(out, "{}: ", position(files, loc));
    }
    let _ = writeln!(
        out,
        "{}: {}",
        style.paint(code, word),
        style.paint("1", &escape_line(&d.message))
    );
    if let Some(loc) = &d.location
        && let Some(f) = files.get(loc.file)
    {
        snippet(&mut out, f, &loc.span, None, style, code);
        if let Some((rel, label)) = &d.related
            && let Some(rf) = files.get(rel.file)
        {
            let _ = writeln!(
                out,
                "   = note: {} at {}",
                escape_line(label),
                position(files, rel)
            );
            if rel.file == loc.file {
                snippet(&mut out, rf, &rel.span, Some(label), style, "1;34");
            }
        }
    }
    if let Some(h) = &d.hint {
        let _ = writeln!(out, "   = {}: {}", style.paint("1", "hint"), escape_line(h));
    }
    out
}

fn snippet(
    out: &mut String,
    file: &DataFile,
    span: &Range<usize>,
    label: Option<&str>,
    style: Style,
    code: &str,
) {
    let text = file.text.as_str();
    let start = floor_char_boundary(text, span.start.min(text.len()));
    let (line_no, col) = file.line_col(start);
    let line_start = start
        - text[..start]
            .chars()
            .rev()
            .take(col - 1)
            .map(char::len_utf8)
            .sum::<usize>();
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    // Lines end at `\n` or `\r\n`, as in TOML (a lone `\r` is a character of the line,
    // shown as `␍`). The `\r` of a `\r\n` is hidden unless the span points at it.
    let line = &text[line_start..line_end];
    let line = match line.strip_suffix('\r') {
        Some(shorter) if line_start + shorter.len() > start => shorter,
        _ => line,
    };
    let end = floor_char_boundary(text, span.end.clamp(start, line_start + line.len()));
    // A very long line (minified data, deep nesting) is shown as a window around the span.
    let long = line.len() > LONG_LINE;
    let line_end = line_start + line.len();
    let window_start = if long {
        floor_char_boundary(text, start.saturating_sub(CONTEXT).max(line_start))
    } else {
        line_start
    };
    let window_end = if long {
        floor_char_boundary(text, (end + CONTEXT).min(line_end))
    } else {
        line_end
    };
    let lead = if window_start > line_start { "…" } else { "" };
    let tail = if window_end < line_start + line.len() {
        "…"
    } else {
        ""
    };
    let marked_end = if long {
        floor_char_boundary(text, end.min(start + 2 * CONTEXT))
    } else {
        end
    };
    let prefix = format!("{lead}{}", escape_controls(&text[window_start..start]));
    let marked = escape_controls(&text[start..marked_end.max(start)]);
    let shown = format!(
        "{prefix}{}{}{tail}",
        marked,
        escape_controls(&text[marked_end.max(start)..window_end.max(marked_end)])
    );
    let gutter = line_no.to_string().len().max(2);
    let bar = style.paint("1;34", "|");
    let _ = writeln!(out, "{:gutter$} {bar}", "");
    let _ = writeln!(
        out,
        "{} {bar} {}",
        style.paint("1;34", &format!("{line_no:>gutter$}")),
        shown
    );
    let carets = "^".repeat(width(&marked).max(1));
    let label = label
        .map(|l| format!(" {}", escape_line(l)))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{:gutter$} {bar} {}{}",
        "",
        " ".repeat(width(&prefix)),
        style.paint(code, &format!("{carets}{label}"))
    );
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
