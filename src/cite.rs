//! Citations of a quote or an event as plain text, Markdown or a BibTeX `@misc` entry,
//! shared by `aigov show --cite` and the explorer's copy key; and the one test of which
//! URLs may be handed to a browser or a hyperlink. Control characters in the data are
//! made visible here, so a citation never carries them. No I/O.

use std::fmt::Write as _;

use chrono::Datelike as _;

use crate::graph::{EventIx, Graph, PartialDate, Precision, QuoteIx, SourceIx};
use crate::text::{escape_controls, escape_line};

/// How a citation is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CiteFormat {
    /// One line: the words, who, when, the source and its URL.
    #[default]
    Plain,
    /// A blockquote and a citation line.
    Markdown,
    /// A BibTeX `@misc` entry.
    Bibtex,
}

impl CiteFormat {
    /// Every format, in the order `Y` cycles through them.
    pub const ALL: [CiteFormat; 3] = [CiteFormat::Plain, CiteFormat::Markdown, CiteFormat::Bibtex];

    /// The name on the command line and in notices.
    pub fn as_str(self) -> &'static str {
        match self {
            CiteFormat::Plain => "plain",
            CiteFormat::Markdown => "markdown",
            CiteFormat::Bibtex => "bibtex",
        }
    }

    /// Parses a name given by `as_str`.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// The next format, after the last the first.
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            CiteFormat::Plain => CiteFormat::Markdown,
            CiteFormat::Markdown => CiteFormat::Bibtex,
            CiteFormat::Bibtex => CiteFormat::Plain,
        }
    }
}

/// `url` when it may be opened or linked: an `http` or `https` address with a host and
/// no whitespace, control, bidi or quote characters, nor the control pictures (`␛`) that
/// loading puts in place of control characters. Anything else (`javascript:`, `file:`,
/// an escape sequence) gives `None`.
pub fn safe_url(url: &str) -> Option<&str> {
    let lower = url
        .get(..8)
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return None;
    };
    let bad = |c: char| {
        c.is_whitespace()
            || crate::text::is_unsafe_char(c)
            || matches!(c, '"' | '<' | '>' | '\\' | '\u{2400}'..='\u{243F}')
    };
    (!rest.is_empty() && !rest.starts_with('/') && !url.chars().any(bad)).then_some(url)
}

/// A date as a citation writes it: `1 November 2025`, `November 2025`, `2025`.
pub fn long_date(d: PartialDate) -> String {
    let s = d.start();
    let month = crate::graph::date::MONTHS_LONG[s.month0() as usize];
    match d.precision() {
        Precision::Year => s.year().to_string(),
        Precision::Month => format!("{month} {}", s.year()),
        Precision::Day => format!("{} {month} {}", s.day(), s.year()),
    }
}

/// The words of a quote between the quotation marks of its language.
fn quoted(text: &str, lang: &str) -> String {
    if lang == "fr" {
        format!("« {text} »")
    } else {
        format!("“{text}”")
    }
}

/// `Publisher, "Title", https://…` (the URL only when it is safe).
fn source_ref(g: &Graph, s: SourceIx) -> String {
    let src = g.source(s);
    let mut out = format!("{}, \"{}\"", src.publisher, src.title);
    if let Some(url) = src.url.as_deref().and_then(safe_url) {
        let _ = write!(out, ", {url}");
    }
    out
}

/// `Publisher, [Title](https://…)` for Markdown.
fn source_md(g: &Graph, s: SourceIx) -> String {
    let src = g.source(s);
    match src.url.as_deref().and_then(safe_url) {
        Some(url) => format!("{}, [{}]({url})", src.publisher, src.title),
        None => format!("{}, “{}”", src.publisher, src.title),
    }
}

/// The speaker's own words when the source quoted a translation: language, words and
/// where they were printed.
fn original(g: &Graph, q: QuoteIx) -> Option<(&str, &str, Option<SourceIx>)> {
    let quote = g.quote(q);
    let o = quote.original.as_deref()?;
    Some((
        quote.original_lang.as_deref().unwrap_or("?"),
        o,
        quote.original_source,
    ))
}

/// The citation of a quote in `format`.
pub fn quote(g: &Graph, q: QuoteIx, format: CiteFormat) -> String {
    let quote = g.quote(q);
    let speaker = g.actor(quote.speaker);
    let date = long_date(g.quote_date(q));
    let mut who = speaker.name.clone();
    if let Some(role) = &speaker.role {
        let _ = write!(who, ", {role}");
    }
    let words = quoted(&quote.text, &quote.lang);
    match format {
        CiteFormat::Plain => {
            let mut out = words;
            if let Some(tr) = &quote.translation {
                let _ = write!(out, " (\"{tr}\")");
            }
            let _ = write!(out, ", {who}, {date}. {}.", source_ref(g, quote.source));
            if let Some((lang, o, s)) = original(g, q) {
                let _ = write!(out, " Original ({lang}): “{o}”");
                if let Some(s) = s {
                    let _ = write!(out, ", {}", source_ref(g, s));
                }
                out.push('.');
            }
            escape_line(&out).into_owned()
        }
        CiteFormat::Markdown => {
            let mut out = String::new();
            for l in words.lines() {
                let _ = writeln!(out, "> {l}");
            }
            if let Some(tr) = &quote.translation {
                let _ = writeln!(out, ">\n> (“{tr}”)");
            }
            let _ = write!(out, "\n— {who}, {date}. {}.", source_md(g, quote.source));
            if let Some((lang, o, s)) = original(g, q) {
                let _ = write!(out, "\n\nOriginal ({lang}): “{o}”");
                if let Some(s) = s {
                    let _ = write!(out, ", {}", source_md(g, s));
                }
                out.push('.');
            }
            escape_controls(&out).into_owned()
        }
        CiteFormat::Bibtex => bibtex_quote(g, q, &who),
    }
}

/// A BibTeX `@misc` entry for a quote.
fn bibtex_quote(g: &Graph, q: QuoteIx, who: &str) -> String {
    let quote = g.quote(q);
    let speaker = g.actor(quote.speaker);
    let src = g.source(quote.source);
    let mut fields = vec![
        ("author", format!("{{{}}}", speaker.name)),
        ("title", quote.text.clone()),
        (
            "howpublished",
            format!("{}, ``{}''", src.publisher, src.title),
        ),
    ];
    push_date(&mut fields, g.quote_date(q));
    let original = original(g, q);
    if let Some(url) = src
        .url
        .as_deref()
        .or_else(|| {
            original
                .and_then(|(_, _, s)| s)
                .and_then(|s| g.source(s).url.as_deref())
        })
        .and_then(safe_url)
    {
        fields.push(("url", url.to_string()));
    }
    let mut note = who.to_string();
    if let Some(tr) = &quote.translation {
        let _ = write!(note, ". Translation: ``{tr}''");
    }
    if let Some((lang, o, s)) = original {
        let _ = write!(note, ". Original ({lang}): ``{o}''");
        if let Some(s) = s {
            let _ = write!(note, ", {}", source_ref(g, s));
        }
    }
    fields.push(("note", note));
    bibtex(&quote.id, &fields)
}

/// `year` and `month` fields.
fn push_date(fields: &mut Vec<(&'static str, String)>, d: PartialDate) {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    fields.push(("year", d.year().to_string()));
    if let Some(m) = d.month() {
        fields.push((
            "month",
            MONTHS[(m as usize).saturating_sub(1) % 12].to_string(),
        ));
    }
}

/// An entry from its key and fields; braces in values are escaped, control characters
/// made visible and newlines turned into spaces.
fn bibtex(key: &str, fields: &[(&str, String)]) -> String {
    let mut out = format!("@misc{{{key},\n");
    for (name, value) in fields {
        let value = escape_line(&value.replace('\n', " ")).into_owned();
        // The author's own braces keep a name from being split into first and last.
        let value = if *name == "author" {
            value
        } else {
            value.replace('{', "\\{").replace('}', "\\}")
        };
        let _ = writeln!(out, "  {name} = {{{value}}},");
    }
    out.push('}');
    out
}

/// The citation of an event in `format`: date, title, place and its sources.
pub fn event(g: &Graph, e: EventIx, format: CiteFormat) -> String {
    let ev = g.event(e);
    let date = long_date(ev.date);
    let mut head = format!("{}, {date}", ev.title);
    if let Some(place) = &ev.place {
        let _ = write!(head, ", {place}");
    }
    match format {
        CiteFormat::Plain => {
            let sources: Vec<String> = ev.sources.iter().map(|&s| source_ref(g, s)).collect();
            let mut out = format!("{head}.");
            if !sources.is_empty() {
                let _ = write!(out, " Sources: {}.", sources.join("; "));
            }
            escape_line(&out).into_owned()
        }
        CiteFormat::Markdown => {
            let mut out = format!("**{}**, {date}", ev.title);
            if let Some(place) = &ev.place {
                let _ = write!(out, ", {place}");
            }
            out.push('\n');
            for &s in &ev.sources {
                let _ = write!(out, "\n- {}", source_md(g, s));
            }
            escape_controls(&out).into_owned()
        }
        CiteFormat::Bibtex => {
            let mut fields = vec![("title", ev.title.clone())];
            push_date(&mut fields, ev.date);
            let sources: Vec<String> = ev.sources.iter().map(|&s| source_ref(g, s)).collect();
            if !sources.is_empty() {
                fields.push(("note", format!("Sources: {}", sources.join("; "))));
            }
            if let Some(url) = ev
                .sources
                .iter()
                .find_map(|&s| g.source(s).url.as_deref().and_then(safe_url))
            {
                fields.push(("url", url.to_string()));
            }
            bibtex(&ev.id, &fields)
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_http_urls_are_safe() {
        assert_eq!(safe_url("https://a.org/x?y=1"), Some("https://a.org/x?y=1"));
        assert_eq!(safe_url("HTTP://a.org"), Some("HTTP://a.org"));
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "https://a.org/\u{1b}]52;c;x\u{7}",
            "https://a.org/\u{241b}]8;;x\u{2407}",
            "https://a.org/ x",
            "https://",
            "https:///x",
            "ftp://a.org",
            "",
            "é",
        ] {
            assert_eq!(safe_url(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn formats_cycle_and_parse() {
        let mut f = CiteFormat::Plain;
        for _ in 0..3 {
            assert_eq!(CiteFormat::parse(f.as_str()), Some(f));
            f = f.next();
        }
        assert_eq!(f, CiteFormat::Plain);
    }

    #[test]
    fn long_dates_follow_precision() {
        let d = |s| PartialDate::parse(s).unwrap();
        assert_eq!(long_date(d("2025-11-01")), "1 November 2025");
        assert_eq!(long_date(d("2025-07")), "July 2025");
        assert_eq!(long_date(d("2025")), "2025");
    }
}
