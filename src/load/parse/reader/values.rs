//! Typed values out of one table: tags, the status, dates, language codes, URLs, an
//! actor's kind and links, each problem reported with its span and a hint. No I/O.

use toml::de::DeValue;

use super::{Reader, is_tag, kind_hint, tag_slug};
use crate::graph::link::Kind;
use crate::graph::{ActorKind, PartialDate, Status};
use crate::load::parse::raw::{RawLink, Sp};
use unicode_normalization::UnicodeNormalization;

const LINK_FIELDS: &[&str] = &["to", "kind", "note"];

impl Reader<'_, '_> {
    /// Tags: lowercase letters of any script, digits and `-`, stored in NFC (so that a
    /// composed and a decomposed `é` are one tag).
    pub(in crate::load::parse) fn tags(&mut self) -> Vec<Sp<String>> {
        let mut tags = self.strings("tags");
        for t in &mut tags {
            t.value = t.value.nfc().collect();
            if !is_tag(&t.value) {
                let suggestion = tag_slug(&t.value);
                let hint = if suggestion.is_empty() {
                    "tags use lowercase letters (of any script), digits and '-'".to_string()
                } else {
                    format!(
                        "tags use lowercase letters (of any script), digits and '-': try \"{suggestion}\""
                    )
                };
                self.error(
                    t.span.clone(),
                    format!("invalid tag \"{}\"", t.value),
                    Some(hint),
                );
            }
        }
        tags
    }

    /// `status`: absent (it happened), `"scheduled"` or `"unconfirmed"`.
    pub(in crate::load::parse) fn status(&mut self) -> Option<Sp<Status>> {
        let s = self.string("status")?;
        if let Some(status) = Status::parse(&s.value) {
            return Some(Sp {
                value: status,
                span: s.span,
            });
        }
        self.error(
            s.span,
            format!("unknown status \"{}\"", s.value),
            Some(
                "status = \"scheduled\" (announced, still to come) or \"unconfirmed\" (its date \
                 has passed, no source says it happened); leave it out once it has"
                    .into(),
            ),
        );
        None
    }

    pub(in crate::load::parse) fn date(&mut self, key: &str) -> Option<Sp<PartialDate>> {
        let v = self.get(key)?;
        let span = self.at(v);
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

    pub(in crate::load::parse) fn lang(&mut self, key: &str) -> Option<Sp<String>> {
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

    pub(in crate::load::parse) fn url(&mut self, key: &str) -> Option<String> {
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

    pub(in crate::load::parse) fn actor_kind(&mut self) -> Option<ActorKind> {
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

    /// `links`: an array of `{ to, kind, note }` tables, `kind` one of `K`'s names.
    pub(in crate::load::parse) fn links<K: Kind>(&mut self) -> Vec<RawLink<K>> {
        let Some(v) = self.get("links") else {
            return Vec::new();
        };
        let DeValue::Array(items) = v.get_ref() else {
            self.type_error(
                "links",
                "an array of { to, kind } tables",
                v.get_ref(),
                self.at(v),
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
                    self.at(item),
                );
                continue;
            };
            let mut lr = Reader {
                file: self.file,
                text: self.text,
                what: "link",
                table: t,
                header: self.at(item),
                diags: &mut *self.diags,
                base: self.base,
            };
            lr.finish(LINK_FIELDS);
            let to = lr.required("to").and_then(|()| lr.string("to"));
            let kind = lr.required("kind").and_then(|()| lr.string("kind"));
            let note = lr.text("note");
            let kind = kind.and_then(|k| {
                let parsed = K::from_name(&k.value);
                if parsed.is_none() {
                    let names = K::names();
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
                    span: self.at(item),
                    to,
                    kind,
                    note,
                });
            }
        }
        out
    }
}
