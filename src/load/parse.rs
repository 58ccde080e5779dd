//! TOML → raw records: each file is parsed with recovery after syntax errors, then every
//! `[[actor]]`, `[[source]]`, `[[event]]` and `[[quote]]` is read on its own, keeping the
//! span of each value, so that one bad entry never hides the next. Text is made safe here
//! (control characters become visible escapes, with a warning). No I/O.

mod raw;
mod reader;
mod syntax;

use std::ops::Range;

use toml::Spanned;
use toml::de::DeValue;

pub use self::raw::{RawActor, RawDataset, RawEvent, RawLink, RawMeta, RawQuote, RawSource, Sp};
use self::reader::{Reader, type_name};
use self::syntax::parse_syntax;
use crate::diagnostic::{Diagnostic, Location, closest};

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
    "status",
];
const META_FIELDS: &[&str] = &["title", "description", "as_of", "language"];
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

/// Parses one file's text into `raw`.
pub fn parse_file(file: usize, text: &str, raw: &mut RawDataset, diags: &mut Vec<Diagnostic>) {
    let Some(doc) = parse_syntax(file, text, diags) else {
        return;
    };
    for (key, value) in doc.get_ref() {
        let name: &str = key.get_ref();
        if name == "dataset" {
            read_meta(file, text, key.span(), value, raw, diags);
            continue;
        }
        let Some(kind) = TABLES.iter().position(|t| *t == name) else {
            let hint = closest(name, TABLES).map_or_else(
                || {
                    "a dataset has [[actor]], [[source]], [[event]] and [[quote]] tables, \
                     and one [dataset]"
                        .into()
                },
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
            let at = Location { file, span: header };
            match kind {
                0 => raw.actors.push(read_actor(&mut r, at)),
                1 => raw.sources.push(read_source(&mut r, at)),
                2 => raw.events.push(read_event(&mut r, at)),
                _ => raw.quotes.push(read_quote(&mut r, at)),
            }
        }
    }
}

/// The `[dataset]` table: one plain table (not an array) of optional fields.
fn read_meta(
    file: usize,
    text: &str,
    key_span: Range<usize>,
    value: &Spanned<DeValue>,
    raw: &mut RawDataset,
    diags: &mut Vec<Diagnostic>,
) {
    let DeValue::Table(table) = value.get_ref() else {
        let found = type_name(value.get_ref());
        diags.push(
            Diagnostic::error(
                file,
                key_span,
                format!("`dataset` must be a table, found {found}"),
            )
            .with_hint(
                "write [dataset] (one bracket) once, with title, description, as_of, language",
            ),
        );
        return;
    };
    let header = header_span(text, value.span());
    let mut r = Reader {
        file,
        text,
        what: "dataset",
        table,
        header: header.clone(),
        diags,
    };
    r.finish(META_FIELDS);
    raw.meta.push(RawMeta {
        at: Location { file, span: header },
        title: r.text("title"),
        description: r.text("description"),
        as_of: r.date("as_of").map(|d| d.value),
        language: r.lang("language").map(|l| l.value),
    });
}

fn read_actor(r: &mut Reader, at: Location) -> RawActor {
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

fn read_source(r: &mut Reader, at: Location) -> RawSource {
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

fn read_event(r: &mut Reader, at: Location) -> RawEvent {
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
        status: r.status(),
    }
}

fn read_quote(r: &mut Reader, at: Location) -> RawQuote {
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

#[cfg(test)]
mod tests;
