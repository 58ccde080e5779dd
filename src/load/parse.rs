//! TOML → raw records: each file is parsed with recovery after syntax errors, then every
//! `[[actor]]`, `[[source]]`, `[[event]]` and `[[quote]]` is read on its own, keeping the
//! span of each value, so that one bad entry never hides the next. Text is made safe here
//! (control characters become visible escapes, with a warning). No I/O.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Diagnostic, closest};
use crate::graph::{ActorKind, LinkKind, PartialDate};
use crate::text::{escape_controls, is_unsafe_char};

/// A value and the byte range it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sp<T> {
    pub value: T,
    pub span: Range<usize>,
}

/// Where a record was defined: its file and the span of its table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefinedAt {
    pub file: usize,
    pub span: Range<usize>,
}

/// An `[[actor]]` as written; `None` where a required field was missing or wrong.
#[derive(Debug, Clone)]
pub struct RawActor {
    pub at: DefinedAt,
    pub id: Option<Sp<String>>,
    pub name: Option<String>,
    pub kind: Option<ActorKind>,
    pub country: Option<Sp<String>>,
    pub role: Option<String>,
    pub aliases: Vec<String>,
    pub summary: Option<String>,
    pub note: Option<String>,
}

/// A `[[source]]` as written.
#[derive(Debug, Clone)]
pub struct RawSource {
    pub at: DefinedAt,
    pub id: Option<Sp<String>>,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<PartialDate>,
    pub language: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub summary: Option<String>,
    pub note: Option<String>,
}

/// One entry of an event's `links`.
#[derive(Debug, Clone)]
pub struct RawLink {
    pub span: Range<usize>,
    pub to: Sp<String>,
    pub kind: LinkKind,
    pub note: Option<String>,
}

/// An `[[event]]` as written.
#[derive(Debug, Clone)]
pub struct RawEvent {
    pub at: DefinedAt,
    pub id: Option<Sp<String>>,
    pub date: Option<Sp<PartialDate>>,
    pub end: Option<Sp<PartialDate>>,
    pub title: Option<String>,
    pub place: Option<String>,
    pub summary: Option<String>,
    pub actors: Vec<Sp<String>>,
    pub tags: Vec<Sp<String>>,
    pub sources: Vec<Sp<String>>,
    pub links: Vec<RawLink>,
    pub note: Option<String>,
}

/// A `[[quote]]` as written.
#[derive(Debug, Clone)]
pub struct RawQuote {
    pub at: DefinedAt,
    pub id: Option<Sp<String>>,
    pub speaker: Option<Sp<String>>,
    pub event: Option<Sp<String>>,
    pub source: Option<Sp<String>>,
    pub lang: Option<Sp<String>>,
    pub text: Option<String>,
    pub translation: Option<String>,
    pub original: Option<String>,
    pub original_lang: Option<Sp<String>>,
    pub original_source: Option<Sp<String>>,
    pub note: Option<String>,
}

/// Every record of a dataset, as written, in file order.
#[derive(Debug, Clone, Default)]
pub struct RawDataset {
    pub actors: Vec<RawActor>,
    pub sources: Vec<RawSource>,
    pub events: Vec<RawEvent>,
    pub quotes: Vec<RawQuote>,
}

impl RawDataset {
    /// Number of records of all kinds.
    pub fn len(&self) -> usize {
        self.actors.len() + self.sources.len() + self.events.len() + self.quotes.len()
    }

    /// Whether no file defined any record.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Files up to this size are parsed with recovery, so that every syntax error is found.
const RECOVER_BELOW_BYTES: usize = 4 * 1024 * 1024;

/// Syntax errors reported per file; past that the file is most likely not TOML at all.
const MAX_SYNTAX_ERRORS: usize = 50;

const TABLES: [&str; 4] = ["actor", "source", "event", "quote"];
const ACTOR_FIELDS: &[&str] = &[
    "id", "name", "kind", "country", "role", "aliases", "summary", "note",
];
const SOURCE_FIELDS: &[&str] = &[
    "id",
    "title",
    "publisher",
    "published",
    "language",
    "url",
    "author",
    "summary",
    "note",
];
const EVENT_FIELDS: &[&str] = &[
    "id", "date", "end", "title", "place", "summary", "actors", "tags", "sources", "links", "note",
];
const QUOTE_FIELDS: &[&str] = &[
    "id",
    "speaker",
    "event",
    "source",
    "lang",
    "text",
    "translation",
    "original",
    "original_lang",
    "original_source",
    "note",
];
const LINK_FIELDS: &[&str] = &["to", "kind", "note"];

/// Parses one file's text into `raw`.
/// The TOML document of a file, its syntax errors reported; `None` when a large file
/// is refused from its first lines.
fn parse_syntax<'i>(
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
                format!("… and {more} more TOML syntax errors in this file"),
            )
            .with_hint("is this file TOML? fix the first errors above and check again"),
        );
    }
    Some(doc)
}

pub fn parse_file(file: usize, text: &str, raw: &mut RawDataset, diags: &mut Vec<Diagnostic>) {
    let Some(doc) = parse_syntax(file, text, diags) else {
        return;
    };
    for (key, value) in doc.get_ref() {
        let name: &str = key.get_ref();
        let Some(kind) = TABLES.iter().position(|t| *t == name) else {
            let hint = closest(name, TABLES).map_or_else(
                || "a dataset has [[actor]], [[source]], [[event]] and [[quote]] tables".into(),
                |t| format!("did you mean [[{t}]]?"),
            );
            diags.push(
                Diagnostic::error(file, key.span(), format!("unknown table `{name}`"))
                    .with_hint(hint),
            );
            continue;
        };
        let items: Vec<&Spanned<DeValue>> = match value.get_ref() {
            DeValue::Array(items) => items.iter().collect(),
            DeValue::Table(_) => {
                diags.push(
                    Diagnostic::error(
                        file,
                        key.span(),
                        format!("`{name}` must be an array of tables"),
                    )
                    .with_hint(format!("write [[{name}]] (two brackets) for each {name}")),
                );
                continue;
            }
            other => {
                diags.push(
                    Diagnostic::error(
                        file,
                        value.span(),
                        format!(
                            "`{name}` must be an array of tables, found {}",
                            type_name(other)
                        ),
                    )
                    .with_hint(format!("write each {name} as a [[{name}]] table")),
                );
                continue;
            }
        };
        for item in items {
            let DeValue::Table(table) = item.get_ref() else {
                diags.push(
                    Diagnostic::error(
                        file,
                        item.span(),
                        format!(
                            "each {name} must be a table, found {}",
                            type_name(item.get_ref())
                        ),
                    )
                    .with_hint(format!("write each {name} as a [[{name}]] table")),
                );
                continue;
            };
            let header = header_span(text, item.span());
            let mut r = Reader {
                file,
                text,
                what: name,
                table,
                header: header.clone(),
                diags: &mut *diags,
            };
            let at = DefinedAt { file, span: header };
            match kind {
                0 => raw.actors.push(read_actor(&mut r, at)),
                1 => raw.sources.push(read_source(&mut r, at)),
                2 => raw.events.push(read_event(&mut r, at)),
                _ => raw.quotes.push(read_quote(&mut r, at)),
            }
        }
    }
}

fn read_actor(r: &mut Reader, at: DefinedAt) -> RawActor {
    r.finish(ACTOR_FIELDS);
    RawActor {
        at,
        id: r.id(),
        name: r.required_text("name"),
        kind: r.required("kind").and_then(|()| r.actor_kind()),
        country: r.string("country"),
        role: r.text("role"),
        aliases: r.strings("aliases").into_iter().map(|s| s.value).collect(),
        summary: r.text("summary"),
        note: r.text("note"),
    }
}

fn read_source(r: &mut Reader, at: DefinedAt) -> RawSource {
    r.finish(SOURCE_FIELDS);
    RawSource {
        at,
        id: r.id(),
        title: r.required_text("title"),
        publisher: r.required_text("publisher"),
        published: r.date("published").map(|d| d.value),
        language: r.lang("language").map(|l| l.value),
        url: r.url("url"),
        author: r.text("author"),
        summary: r.text("summary"),
        note: r.text("note"),
    }
}

fn read_event(r: &mut Reader, at: DefinedAt) -> RawEvent {
    r.finish(EVENT_FIELDS);
    RawEvent {
        at,
        id: r.id(),
        date: r.required("date").and_then(|()| r.date("date")),
        end: r.date("end"),
        title: r.required_text("title"),
        place: r.text("place"),
        summary: r.text("summary"),
        actors: r.strings("actors"),
        tags: r.tags(),
        sources: r.strings("sources"),
        links: r.links(),
        note: r.text("note"),
    }
}

fn read_quote(r: &mut Reader, at: DefinedAt) -> RawQuote {
    r.finish(QUOTE_FIELDS);
    RawQuote {
        at,
        id: r.id(),
        speaker: r.required("speaker").and_then(|()| r.string("speaker")),
        event: r.required("event").and_then(|()| r.string("event")),
        source: r.required("source").and_then(|()| r.string("source")),
        lang: r.required("lang").and_then(|()| r.lang("lang")),
        text: r.required_text("text"),
        translation: r.text("translation"),
        original: r.text("original"),
        original_lang: r.lang("original_lang"),
        original_source: r.string("original_source"),
        note: r.text("note"),
    }
}

/// Reads typed fields out of one table, reporting each problem with its span.
struct Reader<'a, 'i> {
    file: usize,
    text: &'a str,
    what: &'a str,
    table: &'a DeTable<'i>,
    header: Range<usize>,
    diags: &'a mut Vec<Diagnostic>,
}

impl<'a, 'i> Reader<'a, 'i> {
    fn get(&self, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
        self.table.get(key)
    }

    fn error(&mut self, span: Range<usize>, message: String, hint: Option<String>) {
        self.diags
            .push(Diagnostic::error(self.file, span, message).with_hint_opt(hint));
    }

    /// Reports unknown fields, with the closest known one as a hint.
    fn finish(&mut self, known: &[&str]) {
        for key in self.table.keys() {
            let k: &str = key.get_ref();
            if known.contains(&k) {
                continue;
            }
            let hint = closest(k, known.iter().copied()).map_or_else(
                || {
                    format!(
                        "the fields of {} {} are: {}",
                        article(self.what),
                        self.what,
                        known.join(", ")
                    )
                },
                |c| format!("did you mean `{c}`?"),
            );
            self.error(
                key.span(),
                format!("unknown field `{k}` in [[{}]]", self.what),
                Some(hint),
            );
        }
    }

    /// `Some(())` when the key is present; otherwise reports it missing.
    fn required(&mut self, key: &str) -> Option<()> {
        if self.get(key).is_some() {
            return Some(());
        }
        let id = self
            .get("id")
            .and_then(|v| v.get_ref().as_str())
            .map(|s| format!(" \"{s}\""))
            .unwrap_or_default();
        let example = match key {
            "date" => "date = \"2025-07-26\"".to_string(),
            "kind" => format!("kind = \"{}\"", ActorKind::Person.as_str()),
            "lang" => "lang = \"fr\"".to_string(),
            _ => format!("{key} = \"…\""),
        };
        self.error(
            self.header.clone(),
            format!("{}{id} has no `{key}`", self.what),
            Some(format!("add `{example}` to this [[{}]]", self.what)),
        );
        None
    }

    fn string(&mut self, key: &str) -> Option<Sp<String>> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::String(s) => Some(Sp {
                value: self.clean(s, v.span()),
                span: v.span(),
            }),
            other => {
                self.type_error(key, "a string", other, v.span());
                None
            }
        }
    }

    fn text(&mut self, key: &str) -> Option<String> {
        self.string(key).map(|s| s.value)
    }

    /// A required string that must not be blank.
    fn required_text(&mut self, key: &str) -> Option<String> {
        self.required(key)?;
        let s = self.string(key)?;
        if s.value.trim().is_empty() {
            self.error(
                s.span,
                format!("empty `{key}` in [[{}]]", self.what),
                Some(format!("write the {key}, or remove this [[{}]]", self.what)),
            );
            return None;
        }
        Some(s.value)
    }

    fn id(&mut self) -> Option<Sp<String>> {
        self.required("id")?;
        let id = self.string("id")?;
        let v = &id.value;
        let valid = !v.is_empty()
            && v.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !v.starts_with('-');
        if !valid {
            let suggestion = slug(v);
            let hint = if suggestion.is_empty() {
                "ids use lowercase letters, digits and '-'".to_string()
            } else {
                format!("ids use lowercase letters, digits and '-': try \"{suggestion}\"")
            };
            self.error(id.span.clone(), format!("invalid id \"{v}\""), Some(hint));
        }
        Some(id)
    }

    fn strings(&mut self, key: &str) -> Vec<Sp<String>> {
        let Some(v) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = v.get_ref() else {
            self.type_error(key, "an array of strings", v.get_ref(), v.span());
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            match item.get_ref() {
                DeValue::String(s) => out.push(Sp {
                    value: self.clean(s, item.span()),
                    span: item.span(),
                }),
                other => self.type_error(&format!("{key} entry"), "a string", other, item.span()),
            }
        }
        out
    }

    fn tags(&mut self) -> Vec<Sp<String>> {
        let tags = self.strings("tags");
        for t in &tags {
            if t.value.is_empty()
                || !t
                    .value
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            {
                self.error(
                    t.span.clone(),
                    format!("invalid tag \"{}\"", t.value),
                    Some(format!(
                        "tags use lowercase letters, digits and '-': try \"{}\"",
                        slug(&t.value)
                    )),
                );
            }
        }
        tags
    }

    fn date(&mut self, key: &str) -> Option<Sp<PartialDate>> {
        let v = self.get(key)?;
        let span = v.span();
        match v.get_ref() {
            DeValue::String(s) => match PartialDate::parse(s) {
                Ok(d) => Some(Sp { value: d, span }),
                Err(msg) => {
                    self.error(
                        span,
                        msg,
                        Some("dates are \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"".into()),
                    );
                    None
                }
            },
            DeValue::Datetime(dt) => {
                if let (Some(d), None, None) = (dt.date, dt.time, dt.offset) {
                    let parsed = chrono::NaiveDate::from_ymd_opt(
                        i32::from(d.year),
                        u32::from(d.month),
                        u32::from(d.day),
                    );
                    if let Some(date) = parsed {
                        Some(Sp {
                            value: PartialDate::from_day(date),
                            span,
                        })
                    } else {
                        self.error(span, format!("invalid date {dt}"), None);
                        None
                    }
                } else {
                    self.error(
                        span,
                        format!("`{key}` must be a date, not a date-time or a time ({dt})"),
                        Some("write the day only, e.g. 2025-07-26".into()),
                    );
                    None
                }
            }
            other => {
                self.type_error(
                    key,
                    "a date (\"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\")",
                    other,
                    span,
                );
                None
            }
        }
    }

    fn lang(&mut self, key: &str) -> Option<Sp<String>> {
        let s = self.string(key)?;
        let ok =
            (2..=3).contains(&s.value.len()) && s.value.bytes().all(|b| b.is_ascii_lowercase());
        if !ok {
            self.error(
                s.span.clone(),
                format!("invalid language code \"{}\"", s.value),
                Some("use a two-letter ISO 639-1 code: \"fr\", \"en\", \"zh\"".into()),
            );
            return None;
        }
        Some(s)
    }

    fn url(&mut self, key: &str) -> Option<String> {
        let s = self.string(key)?;
        if !(s.value.starts_with("https://") || s.value.starts_with("http://"))
            || s.value.contains(char::is_whitespace)
        {
            self.error(
                s.span,
                format!("invalid URL \"{}\"", s.value),
                Some("a URL starts with https:// or http:// and has no spaces".into()),
            );
            return None;
        }
        Some(s.value)
    }

    fn actor_kind(&mut self) -> Option<ActorKind> {
        let s = self.string("kind")?;
        if let Some(k) = ActorKind::parse(&s.value) {
            return Some(k);
        }
        let names = ActorKind::ALL.map(ActorKind::as_str);
        self.error(
            s.span,
            format!("unknown actor kind \"{}\"", s.value),
            Some(kind_hint(&s.value, &names)),
        );
        None
    }

    fn links(&mut self) -> Vec<RawLink> {
        let Some(v) = self.get("links") else {
            return Vec::new();
        };
        let DeValue::Array(items) = v.get_ref() else {
            self.type_error(
                "links",
                "an array of { to, kind } tables",
                v.get_ref(),
                v.span(),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items {
            let DeValue::Table(t) = item.get_ref() else {
                self.type_error(
                    "links entry",
                    "a { to, kind } table",
                    item.get_ref(),
                    item.span(),
                );
                continue;
            };
            let mut lr = Reader {
                file: self.file,
                text: self.text,
                what: "link",
                table: t,
                header: item.span(),
                diags: &mut *self.diags,
            };
            lr.finish(LINK_FIELDS);
            let to = lr.required("to").and_then(|()| lr.string("to"));
            let kind = lr.required("kind").and_then(|()| lr.string("kind"));
            let note = lr.text("note");
            let kind = kind.and_then(|k| {
                let parsed = LinkKind::parse(&k.value);
                if parsed.is_none() {
                    let names = LinkKind::ALL.map(LinkKind::as_str);
                    lr.error(
                        k.span,
                        format!("unknown link kind \"{}\"", k.value),
                        Some(kind_hint(&k.value, &names)),
                    );
                }
                parsed
            });
            if let (Some(to), Some(kind)) = (to, kind) {
                out.push(RawLink {
                    span: item.span(),
                    to,
                    kind,
                    note,
                });
            }
        }
        out
    }

    fn type_error(&mut self, key: &str, expected: &str, found: &DeValue, span: Range<usize>) {
        let hint = match found {
            DeValue::Array(_) if expected == "a string" => {
                Some(format!("`{key}` takes one value, not a list"))
            }
            DeValue::String(_) if expected.starts_with("an array") => {
                Some(format!("write a list: {key} = [\"…\"]"))
            }
            DeValue::Integer(_) if expected.starts_with("a date") => {
                Some("quote the date: \"2025\"".to_string())
            }
            _ => None,
        };
        self.error(
            span,
            format!("`{key}` must be {expected}, found {}", type_name(found)),
            hint,
        );
    }

    /// Escapes control characters, warning once per value with the span of the first.
    fn clean(&mut self, s: &str, span: Range<usize>) -> String {
        let Some(bad) = s.chars().find(|&c| is_unsafe_char(c) && c != '\t') else {
            return s.replace('\t', "    ");
        };
        // Point at the character itself when it is written raw in the file. Raw C0 and DEL
        // are TOML syntax errors, already reported there.
        let raw = self.text.get(span.clone()).unwrap_or("");
        let raw_at = raw.char_indices().find(|&(_, c)| c == bad);
        if raw_at.is_some() && (bad < ' ' || bad == '\u{7f}') {
            return escape_controls(s).into_owned();
        }
        let at = raw_at.map_or(span.clone(), |(i, c)| {
            span.start + i..span.start + i + c.len_utf8()
        });
        self.diags.push(
            Diagnostic::warning(
                self.file,
                at,
                format!("control character U+{:04X} in text", u32::from(bad)),
            )
            .with_hint(format!(
                "it is shown as {} so that it never reaches a terminal; remove it",
                escape_controls(&bad.to_string())
            )),
        );
        escape_controls(s).into_owned()
    }
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

/// The span of a table's `[[kind]]` header line when it has one, else the table's span.
fn header_span(text: &str, span: Range<usize>) -> Range<usize> {
    let start = span.start.min(text.len());
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    if line.trim_start().starts_with("[[") {
        let lead = line.len() - line.trim_start().len();
        let trimmed = line.trim_end_matches('\r').trim_end();
        let end = trimmed.find(']').map_or(trimmed.len(), |i| {
            trimmed[i..].find("]]").map_or(trimmed.len(), |j| i + j + 2)
        });
        line_start + lead..line_start + end.max(lead)
    } else {
        span
    }
}

fn kind_hint(value: &str, names: &[&str]) -> String {
    closest(value, names.iter().copied()).map_or_else(
        || format!("one of: {}", names.join(", ")),
        |c| format!("did you mean \"{c}\"?"),
    )
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// A lowercase `a-z0-9-` form of `s`, for hints.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn type_name(v: &DeValue) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn run(text: &str) -> (RawDataset, Vec<Diagnostic>) {
        let mut raw = RawDataset::default();
        let mut diags = Vec::new();
        parse_file(0, text, &mut raw, &mut diags);
        (raw, diags)
    }

    fn messages(d: &[Diagnostic]) -> Vec<String> {
        d.iter().map(|d| d.message.clone()).collect()
    }

    #[test]
    fn reads_every_field_of_every_kind() {
        let (raw, d) = run(r#"
[[actor]]
id = "cn"
name = "China"
kind = "country"
aliases = ["中国", "PRC"]

[[source]]
id = "s"
title = "T"
publisher = "P"
published = "2025-07"
url = "https://example.org/a"

[[event]]
id = "e"
date = 2025-07-26
title = "E"
actors = ["cn"]
tags = ["ai-governance"]
sources = ["s"]
links = [{ to = "f", kind = "responds_to", note = "later" }]

[[quote]]
id = "q"
speaker = "cn"
event = "e"
source = "s"
lang = "fr"
text = "l’IA"
translation = "AI"
"#);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(raw.actors[0].aliases, ["中国", "PRC"]);
        assert_eq!(raw.sources[0].published.unwrap().to_string(), "2025-07");
        let e = &raw.events[0];
        assert_eq!(e.date.as_ref().unwrap().value.to_string(), "2025-07-26");
        assert_eq!(e.links[0].kind, LinkKind::RespondsTo);
        assert_eq!(e.links[0].note.as_deref(), Some("later"));
        assert_eq!(raw.quotes[0].text.as_deref(), Some("l’IA"));
    }

    #[test]
    fn unknown_fields_get_the_closest_name() {
        let (_, d) = run("[[actor]]\nid = \"us\"\nnmae = \"US\"\nkind = \"country\"\n");
        assert_eq!(d.len(), 2, "{d:?}"); // unknown `nmae`, missing `name`
        assert!(
            d.iter()
                .any(|d| d.message == "unknown field `nmae` in [[actor]]"
                    && d.hint.as_deref() == Some("did you mean `name`?"))
        );
        assert!(d.iter().any(|d| d.message == "actor \"us\" has no `name`"));
    }

    #[test]
    fn each_problem_of_an_entry_is_reported() {
        let (_, d) = run(
            "[[event]]\nid = \"Bad Id\"\ndate = \"2025-13-01\"\ntitle = \"\"\ntags = \"x\"\nlinks = [{ to = \"a\", kind = \"answers\" }]\n",
        );
        let m = messages(&d);
        assert!(m.contains(&"invalid id \"Bad Id\"".to_string()), "{m:?}");
        assert!(m.iter().any(|m| m.contains("month 13")), "{m:?}");
        assert!(
            m.contains(&"empty `title` in [[event]]".to_string()),
            "{m:?}"
        );
        assert!(
            m.contains(&"`tags` must be an array of strings, found a string".to_string()),
            "{m:?}"
        );
        assert!(
            m.contains(&"unknown link kind \"answers\"".to_string()),
            "{m:?}"
        );
    }

    #[test]
    fn syntax_errors_do_not_stop_later_tables() {
        let (raw, d) = run(
            "[[actor]]\nid = \"a\nname = \"A\"\n\n[[actor]]\nid = \"b\"\nname = \"B\"\nkind = \"person\"\n",
        );
        assert!(
            d.iter().any(|d| d.message.starts_with("TOML syntax")),
            "{d:?}"
        );
        assert!(
            raw.actors
                .iter()
                .any(|a| a.id.as_ref().is_some_and(|i| i.value == "b"))
        );
    }

    #[test]
    fn wrong_table_shapes_and_names() {
        let (_, d) = run("[event]\nid = \"x\"\n\n[[evnt]]\nid = \"y\"\n");
        let m = messages(&d);
        assert!(
            m.contains(&"`event` must be an array of tables".to_string()),
            "{m:?}"
        );
        assert!(m.contains(&"unknown table `evnt`".to_string()), "{m:?}");
    }

    #[test]
    fn control_characters_become_visible_with_a_warning_at_the_character() {
        // raw C1 and bidi characters are valid TOML: the warning points at the character
        let text = "[[actor]]\nid = \"a\"\nname = \"A\u{9b}2J\"\nkind = \"person\"\n";
        let (raw, d) = run(text);
        assert_eq!(raw.actors[0].name.as_deref(), Some("A<U+009B>2J"));
        assert_eq!(d.len(), 1, "{d:?}");
        let span = &d[0].location.as_ref().unwrap().span;
        assert_eq!(&text[span.clone()], "\u{9b}");
        // raw ESC is a TOML syntax error, named as a control character, and still escaped
        let text = "[[actor]]\nid = \"a\"\nname = \"A\u{1b}]0;x\"\nkind = \"person\"\n";
        let (raw, d) = run(text);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].message, "control character U+001B in the text");
        assert!(
            raw.actors
                .first()
                .and_then(|a| a.name.as_deref())
                .is_none_or(|n| !n.contains('\u{1b}'))
        );
        let (raw, _) =
            run("[[actor]]\nid = \"a\"\nname = \"B\\u001b[2J\\u202E\"\nkind = \"person\"\n");
        assert_eq!(raw.actors[0].name.as_deref(), Some("B␛[2J<U+202E>"));
    }

    #[test]
    fn header_span_points_at_the_brackets() {
        let text = "\n  [[event]]  # x\nid = 1\n";
        let (_, d) = run(text);
        let missing = d
            .iter()
            .find(|d| d.message.contains("has no `date`"))
            .unwrap();
        assert_eq!(
            &text[missing.location.as_ref().unwrap().span.clone()],
            "[[event]]"
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = format!("x = {}{}\n", "[".repeat(5000), "]".repeat(5000));
        let (_, d) = run(&text);
        assert!(!d.is_empty());
    }
}
