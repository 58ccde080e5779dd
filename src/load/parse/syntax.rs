//! The TOML layer of a file: the document with recovery after syntax errors (or, for a
//! large file, refused from its first lines), and each syntax error as a diagnostic with a
//! hint. No I/O.

use toml::Spanned;
use toml::de::DeTable;

use crate::diagnostic::Diagnostic;
use crate::text::is_unsafe_char;

/// Files up to this size are parsed with recovery, so that every syntax error is found.
const RECOVER_BELOW_BYTES: usize = 4 * 1024 * 1024;

/// Syntax errors reported per file; past that the file is most likely not TOML at all.
const MAX_SYNTAX_ERRORS: usize = 50;

/// The TOML document of a file, its syntax errors reported; `None` when a large file
/// is refused from its first lines.
pub(super) fn parse_syntax<'i>(
    file: usize,
    text: &'i str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Spanned<DeTable<'i>>> {
    // Recovery after errors is for hand-written files; a large file that fails to parse
    // is most likely not TOML, and recovering through it would collect an error a line.
    let (doc, errors) = if text.len() > RECOVER_BELOW_BYTES {
        if let Some(e) = early_error(text) {
            diags.push(
                Diagnostic::error(file, e.span().unwrap_or(0..0), syntax_message(e.message()))
                    .with_hint(
                        "this large file is not valid TOML from its start; is it the right file?",
                    ),
            );
            return None;
        }
        match DeTable::parse(text) {
            Ok(doc) => (doc, Vec::new()),
            Err(e) => (Spanned::new(0..0, DeTable::new()), vec![e]),
        }
    } else {
        DeTable::parse_recoverable(text)
    };
    let more = errors.len().saturating_sub(MAX_SYNTAX_ERRORS);
    for e in errors.into_iter().take(MAX_SYNTAX_ERRORS) {
        let span = e.span().unwrap_or(0..0);
        let at = text.get(span.start..).and_then(|t| t.chars().next());
        let d = match at {
            // TOML forbids raw control characters in strings; say which one it is.
            Some(c) if is_unsafe_char(c) => Diagnostic::error(
                file,
                span.start..span.start + c.len_utf8(),
                format!("control character U+{:04X} in the text", u32::from(c)),
            )
            .with_hint("TOML does not allow it raw; remove it (it would be shown as an escape, never sent to a terminal)"),
            _ => Diagnostic::error(file, span, syntax_message(e.message()))
                .with_hint_opt(syntax_hint(e.message())),
        };
        diags.push(d);
    }
    if more > 0 {
        let end = text.len();
        diags.push(
            Diagnostic::error(
                file,
                end..end,
                format!(
                    "… and {} more in this file",
                    crate::text::plural(more, "TOML syntax error")
                ),
            )
            .with_hint("is this file TOML? fix the first errors above and check again"),
        );
    }
    Some(doc)
}

/// A syntax error in the first lines of a large file, found without parsing all of it.
/// An error well before the cut is an error of the whole file too (only constructs left
/// open at the cut fail there), so a file that is not TOML is refused at once.
fn early_error(text: &str) -> Option<toml::de::Error> {
    const PREFIX: usize = 64 * 1024;
    // The cut is found in bytes (a `\n` is never inside a character), so no slice
    // lands inside a multi-byte character.
    let cut = memchr::memrchr(b'\n', &text.as_bytes()[..PREFIX.min(text.len())])? + 1;
    let e = DeTable::parse(&text[..cut]).err()?;
    e.span().is_some_and(|s| s.end + 256 < cut).then_some(e)
}

fn syntax_message(m: &str) -> String {
    let m = m.trim().trim_end_matches('.');
    format!("TOML syntax: {m}")
}

fn syntax_hint(m: &str) -> Option<String> {
    let m = m.to_ascii_lowercase();
    if m.contains("duplicate key") {
        Some("each key may appear once per table; start a new [[…]] for a new record".into())
    } else if m.contains("basic string") || m.contains("expected '\"'") {
        Some(
            "close the string with \" on the same line, or use \"\"\"…\"\"\" for several lines"
                .into(),
        )
    } else if m.contains("recursion") {
        Some("tables and arrays are nested too deeply".into())
    } else if m.contains("key with no value") || m.contains("expected `=`") {
        Some("write key = value".into())
    } else {
        None
    }
}
