//! TOML → raw records: each file is parsed with recovery after syntax errors, then every
//! `[[actor]]`, `[[source]]`, `[[event]]` and `[[quote]]` is read on its own, keeping the
//! span of each value, so that one bad entry never hides the next. Text is made safe here
//! (control characters become visible escapes, with a warning). No I/O.

mod raw;
mod reader;
mod syntax;

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

pub use self::raw::{RawActor, RawDataset, RawEvent, RawLink, RawMeta, RawQuote, RawSource, Sp};
use self::reader::{Reader, type_name};
use self::syntax::parse_syntax;
use crate::diagnostic::{Diagnostic, Location, closest};
use crate::progress::{self, Progress};

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
    "links",
];

/// Files past this size are parsed in parts, on every core (see [`parse_in_parts`]).
const PARTS_ABOVE_BYTES: usize = 4 * 1024 * 1024;
/// The size a part aims at: small enough that one part's TOML tree is a few MB.
const PART_BYTES: usize = 2 * 1024 * 1024;

/// Parses one file's text into `raw`.
pub fn parse_file(file: usize, text: &str, raw: &mut RawDataset, diags: &mut Vec<Diagnostic>) {
    parse_file_with(file, text, raw, diags, None);
}

/// [`parse_file`], counting the bytes parsed in `progress`.
pub fn parse_file_with(
    file: usize,
    text: &str,
    raw: &mut RawDataset,
    diags: &mut Vec<Diagnostic>,
    progress: Option<&Progress>,
) {
    if text.len() > PARTS_ABOVE_BYTES
        && let Some((parts, part_diags)) = parse_in_parts(file, text, progress)
    {
        raw.append(parts);
        diags.extend(part_diags);
        return;
    }
    if let Some(doc) = parse_syntax(file, text, diags) {
        read_doc(file, text, 0, &doc, raw, diags);
    }
    progress::advance(progress, text.len());
}

/// A large file, parsed in parts cut before its top-level `[[actor]]`, `[[source]]`,
/// `[[event]]` and `[[quote]]` lines, a group of parts per core. Each part is a TOML
/// document of its own, so one part's tree is all that is held at a time. `None` when a
/// part does not parse alone (a syntax error, or a cut that fell inside a multi-line
/// string, which then never closes in its part): the caller parses the whole file, which
/// finds the error where it is.
fn parse_in_parts(
    file: usize,
    text: &str,
    progress: Option<&Progress>,
) -> Option<(RawDataset, Vec<Diagnostic>)> {
    let cuts = cut_points(text, PART_BYTES);
    let parts: Vec<Range<usize>> = cuts.windows(2).map(|w| w[0]..w[1]).collect();
    if parts.len() < 2 {
        return None;
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .clamp(1, 8)
        .min(parts.len());
    let per = parts.len().div_ceil(threads);
    let results: Vec<Option<(RawDataset, Vec<Diagnostic>)>> = std::thread::scope(|s| {
        let handles: Vec<_> = parts
            .chunks(per)
            .map(|group| {
                s.spawn(move || {
                    let mut raw = RawDataset::default();
                    let mut diags = Vec::new();
                    for r in group {
                        let doc = DeTable::parse(&text[r.clone()]).ok()?;
                        read_doc(file, text, r.start, &doc, &mut raw, &mut diags);
                        progress::advance(progress, r.len());
                    }
                    Some((raw, diags))
                })
            })
            .collect();
        // A part whose thread panicked counts as one that did not parse.
        handles
            .into_iter()
            .map(|h| h.join().ok().flatten())
            .collect()
    });
    let mut raw = RawDataset::default();
    let mut diags = Vec::new();
    for result in results {
        let (r, d) = result?;
        raw.append(r);
        diags.extend(d);
    }
    Some((raw, diags))
}

/// Byte offsets that cut `text` into parts of about `size` bytes, each cut at the start of
/// a line that opens a top-level record (`[[event]]`…); the first is 0, the last the
/// length. A cut is always at a `\n` + 1, so never inside a character.
fn cut_points(text: &str, size: usize) -> Vec<usize> {
    const HEADERS: [&[u8]; 4] = [b"[[actor]]", b"[[source]]", b"[[event]]", b"[[quote]]"];
    let bytes = text.as_bytes();
    let mut cuts = vec![0];
    let mut from = size;
    while from < bytes.len() {
        let mut next = None;
        for at in memchr::memmem::find_iter(&bytes[from..], b"\n[[") {
            let line = from + at + 1;
            let rest = &bytes[line..];
            let opens = HEADERS.iter().any(|h| {
                rest.starts_with(h)
                    && rest
                        .get(h.len())
                        .is_none_or(|&b| matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'#'))
            });
            if opens {
                next = Some(line);
                break;
            }
        }
        let Some(cut) = next else { break };
        cuts.push(cut);
        from = cut + size;
    }
    cuts.push(bytes.len());
    cuts
}

/// Reads the records of one parsed document (the whole file, or a part of it starting at
/// byte `base`) into `raw`.
fn read_doc(
    file: usize,
    text: &str,
    base: usize,
    doc: &Spanned<DeTable>,
    raw: &mut RawDataset,
    diags: &mut Vec<Diagnostic>,
) {
    let at = |s: Range<usize>| s.start + base..s.end + base;
    for (key, value) in doc.get_ref() {
        let name: &str = key.get_ref();
        if name == "dataset" {
            read_meta(file, text, base, at(key.span()), value, raw, diags);
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
                Diagnostic::error(file, at(key.span()), format!("unknown table `{name}`"))
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
                        at(key.span()),
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
                        at(value.span()),
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
                        at(item.span()),
                        format!(
                            "each {name} must be a table, found {}",
                            type_name(item.get_ref())
                        ),
                    )
                    .with_hint(format!("write each {name} as a [[{name}]] table")),
                );
                continue;
            };
            let header = header_span(text, at(item.span()));
            let mut r = Reader {
                file,
                text,
                what: name,
                table,
                header: header.clone(),
                diags: &mut *diags,
                base,
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
    base: usize,
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
    let header = header_span(text, value.span().start + base..value.span().end + base);
    let mut r = Reader {
        file,
        text,
        what: "dataset",
        table,
        header: header.clone(),
        diags,
        base,
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
        links: r.links(),
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
