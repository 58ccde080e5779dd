//! Typed fields out of one TOML table: presence, unknown keys, strings made safe, ids and
//! lists of strings, each problem reported with its span and a hint; the structured values
//! (tags, dates, language codes, URLs, kinds, links) are `reader::values`. No I/O.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::raw::Sp;
use crate::diagnostic::{Diagnostic, closest};
use unicode_normalization::UnicodeNormalization;

use crate::graph::ActorKind;
use crate::text::{escape_controls, has_unsafe_char, is_unsafe_char};

mod values;

/// Reads typed fields out of one table, reporting each problem with its span.
pub(super) struct Reader<'a, 'i> {
    pub(super) file: usize,
    pub(super) text: &'a str,
    pub(super) what: &'a str,
    pub(super) table: &'a DeTable<'i>,
    pub(super) header: Range<usize>,
    pub(super) diags: &'a mut Vec<Diagnostic>,
    /// Where the parsed text starts in the file's `text` (a part of a large file is
    /// parsed alone): added to every span the parser gives.
    pub(super) base: usize,
}

impl<'a, 'i> Reader<'a, 'i> {
    /// The span of a parsed value in the whole file.
    fn at<T>(&self, v: &Spanned<T>) -> Range<usize> {
        let s = v.span();
        s.start + self.base..s.end + self.base
    }

    pub(super) fn get(&self, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
        self.table.get(key)
    }

    pub(super) fn error(&mut self, span: Range<usize>, message: String, hint: Option<String>) {
        self.diags
            .push(Diagnostic::error(self.file, span, message).with_hint_opt(hint));
    }

    /// Reports unknown fields, with the closest known one as a hint.
    pub(super) fn finish(&mut self, known: &[&str]) {
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
                self.at(key),
                format!("unknown field `{k}` in [[{}]]", self.what),
                Some(hint),
            );
        }
    }

    /// `Some(())` when the key is present; otherwise reports it missing.
    pub(super) fn required(&mut self, key: &str) -> Option<()> {
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

    pub(super) fn string(&mut self, key: &str) -> Option<Sp<String>> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::String(s) => Some(Sp {
                value: self.clean(s, self.at(v)),
                span: self.at(v),
            }),
            other => {
                self.type_error(key, "a string", other, self.at(v));
                None
            }
        }
    }

    pub(super) fn text(&mut self, key: &str) -> Option<String> {
        self.string(key).map(|s| s.value)
    }

    /// A required string that must not be blank.
    pub(super) fn required_text(&mut self, key: &str) -> Option<String> {
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

    pub(super) fn id(&mut self) -> Option<Sp<String>> {
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

    pub(super) fn strings(&mut self, key: &str) -> Vec<Sp<String>> {
        let Some(v) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = v.get_ref() else {
            self.type_error(key, "an array of strings", v.get_ref(), self.at(v));
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            match item.get_ref() {
                DeValue::String(s) => out.push(Sp {
                    value: self.clean(s, self.at(item)),
                    span: self.at(item),
                }),
                other => self.type_error(&format!("{key} entry"), "a string", other, self.at(item)),
            }
        }
        out
    }

    pub(super) fn type_error(
        &mut self,
        key: &str,
        expected: &str,
        found: &DeValue,
        span: Range<usize>,
    ) {
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
    pub(super) fn clean(&mut self, s: &str, span: Range<usize>) -> String {
        if !has_unsafe_char(s) {
            return s.to_owned();
        }
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

/// Whether a (NFC) tag is made of lowercase or caseless letters, digits, combining marks
/// and single inner hyphens.
pub(super) fn is_tag(t: &str) -> bool {
    !t.is_empty()
        && !t.starts_with('-')
        && !t.ends_with('-')
        && !t.contains("--")
        && t.chars().all(|c| c == '-' || is_tag_char(c))
}

fn is_tag_char(c: char) -> bool {
    (c.is_alphanumeric() && !c.is_uppercase()) || unicode_normalization::char::is_combining_mark(c)
}

/// A valid tag made of `s`: lowercased, every run of other characters one `-`, letters
/// of every script kept (`Dérégulation` → `dérégulation`).
pub(super) fn tag_slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.nfc().flat_map(char::to_lowercase) {
        if is_tag_char(c) {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
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

pub(super) fn type_name(v: &DeValue) -> &'static str {
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
