//! Data problems as values: `Diagnostic` (severity, file, byte span, message, hint), the
//! `DataFile` text they point into, byte offset → line:column, rustc-style rendering (in
//! `diagnostic::render`), and "did you mean". No I/O.

use std::ops::Range;
use std::sync::OnceLock;

pub use self::render::{Style, render, render_strict};

mod render;

/// One file's text, with the path used in diagnostics.
#[derive(Debug, Clone)]
pub struct DataFile {
    pub path: String,
    pub text: String,
    /// Byte offset of each line's start, built on first use (rendering a diagnostic).
    line_starts: OnceLock<Vec<usize>>,
}

impl DataFile {
    /// A file and its text.
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            text: text.into(),
            line_starts: OnceLock::new(),
        }
    }

    /// 1-based line and column (in characters) of a byte offset, in O(log lines).
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = starts.partition_point(|&s| s <= offset).max(1);
        let col = self.text[starts[line - 1]..offset].chars().count() + 1;
        (line, col)
    }
}

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The dataset is wrong; `check` exits 1.
    Error,
    /// Suspicious; an error under `--strict`.
    Warning,
}

/// A place in a data file: the file's index in the loaded list and a byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: usize,
    pub span: Range<usize>,
}

/// One problem found in a dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Where; `None` for problems of the dataset as a whole.
    pub location: Option<Location>,
    pub message: String,
    pub hint: Option<String>,
    /// A second place worth showing (the first definition of a duplicate id).
    pub related: Option<(Location, String)>,
}

impl Diagnostic {
    /// An error at a place.
    pub fn error(file: usize, span: Range<usize>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            location: Some(Location { file, span }),
            message: message.into(),
            hint: None,
            related: None,
        }
    }

    /// A warning at a place.
    pub fn warning(file: usize, span: Range<usize>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(file, span, message)
        }
    }

    /// Adds a hint.
    #[must_use]
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Adds a hint when there is one.
    #[must_use]
    pub fn with_hint_opt(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }

    /// Adds a related place.
    #[must_use]
    pub fn with_related(mut self, location: Location, label: impl Into<String>) -> Self {
        self.related = Some((location, label.into()));
        self
    }
}

/// `path:line:col` of a location.
pub fn position(files: &[DataFile], loc: &Location) -> String {
    match files.get(loc.file) {
        Some(f) => {
            let (l, c) = f.line_col(loc.span.start);
            format!("{}:{l}:{c}", f.path)
        }
        None => "?".to_string(),
    }
}

/// Edit distance over characters, counting a swap of two neighbours as one edit
/// (optimal string alignment), so that `nmae` is one step from `name`.
#[allow(clippy::many_single_char_names)]
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for i in 0..=a.len() {
        d[i * w] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(w) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

/// Words longer than this (in characters) get no suggestion: nobody typed them, and
/// comparing them would cost time quadratic in their length.
const MAX_SUGGESTED: usize = 200;

/// The closest candidate to `word`, if it is close enough to be a likely typo. Only
/// candidates whose length is within the allowed distance are compared, so the work is
/// bounded by `MAX_SUGGESTED`² per candidate whatever the input.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let len = word.chars().count();
    if len > MAX_SUGGESTED {
        return None;
    }
    let limit = (len / 3).max(1);
    candidates
        .into_iter()
        // A length gap is a lower bound of the distance; bytes bound chars from above.
        .filter(|c| c.len() + limit >= len && c.chars().count().abs_diff(len) <= limit)
        .map(|c| (edit_distance(word, c), c))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, c)| (d, c))
        .map(|(_, c)| c)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn file(text: &str) -> Vec<DataFile> {
        vec![DataFile::new("d.toml", text)]
    }

    #[test]
    fn line_col_counts_chars_not_bytes() {
        let t = "a = 1\nété = \"x\"\n";
        let f = DataFile::new("d.toml", t);
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(6), (2, 1));
        let second_eq = t.rfind('=').unwrap();
        assert_eq!(f.line_col(second_eq), (2, 5));
        assert_eq!(f.line_col(t.len()), (3, 1));
        assert_eq!(f.line_col(7), (2, 1), "inside a character: its start");
    }

    #[test]
    fn renders_path_line_col_caret_and_hint() {
        let files = file("[[event]]\nactors = [\"中国\", \"us\"]\n");
        let start = files[0].text.find("\"中国\"").unwrap();
        let d = Diagnostic::error(0, start..start + "\"中国\"".len(), "unknown actor \"中国\"")
            .with_hint("did you mean \"cn\" (China)?");
        let out = render(&files, &d, Style { color: false });
        assert_eq!(
            out,
            "d.toml:2:11: error: unknown actor \"中国\"\n   |\n 2 | actors = [\"中国\", \"us\"]\n   |           ^^^^^^\n   = hint: did you mean \"cn\" (China)?\n"
        );
    }

    #[test]
    fn control_characters_in_source_lines_are_escaped() {
        let files = file("title = \"\u{1b}]0;pwned\u{7}\"\n");
        let d = Diagnostic::warning(0, 8..21, "control character");
        let out = render(&files, &d, Style { color: false });
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out}");
        assert!(out.contains("␛]0;pwned␇"), "{out}");
    }

    #[test]
    fn closest_finds_typos_only() {
        let ids = ["cn", "us", "li-qiang", "xi-jinping"];
        assert_eq!(closest("li-qaing", ids), Some("li-qiang"));
        assert_eq!(closest("xi-jinpin", ids), Some("xi-jinping"));
        assert_eq!(closest("china", ids), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("nmae", "name"), 1);
        assert_eq!(closest("nmae", ["id", "name", "kind"]), Some("name"));
        assert_eq!(closest("li-qiangg", ids), Some("li-qiang"));
        let huge = "x".repeat(1_000_000);
        assert_eq!(
            closest(&huge, [huge.as_str()]),
            None,
            "no work on a huge word"
        );
    }
}
