//! The explorer's filter line: `tag:export-controls from:2023 to:2025-06 country:us` plus
//! free words, parsed into a [`Filter`] with the meaning of `aigov list events`'s flags;
//! a mistake is an error with a hint ("did you mean export-controls?"). No I/O.

use std::collections::BTreeSet;

use super::Filter;
use crate::dataset::Dataset;
use crate::diagnostic::closest;
use crate::graph::PartialDate;

/// What is wrong with a filter line, and what to type instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    pub message: String,
    pub hint: Option<String>,
}

/// Parses a filter line. Words are folded like search's (accents, case, quote styles).
pub fn parse(ds: &Dataset, input: &str) -> Result<Filter, QueryError> {
    let mut f = Filter::default();
    for token in input.split_whitespace() {
        let Some((key, value)) = token.split_once(':') else {
            f.words.push(crate::search::fold::fold(token));
            continue;
        };
        let err = |message: String, hint: Option<String>| QueryError { message, hint };
        match key {
            "tag" => {
                let tag = super::tag(value);
                let tags = all_tags(ds);
                if !tags.contains(tag.as_str()) {
                    let hint =
                        closest(&tag, tags.iter().copied()).map(|t| format!("did you mean {t}?"));
                    return Err(err(format!("no event has the tag \"{value}\""), hint));
                }
                f.tag = Some(tag);
            }
            "from" | "to" => {
                let date = PartialDate::parse(value).map_err(|e| {
                    err(
                        format!("{key}:{value}: {e}"),
                        Some("dates are YYYY, YYYY-MM or YYYY-MM-DD".into()),
                    )
                })?;
                if key == "from" {
                    f.from = Some(date);
                } else {
                    f.to = Some(date);
                }
            }
            "country" => {
                let c = super::country(ds, value)
                    .map_err(|hint| err(format!("no country or bloc \"{value}\""), Some(hint)))?;
                f.country = Some(c);
            }
            _ => f.words.push(crate::search::fold::fold(token)),
        }
    }
    Ok(f)
}

/// Every tag of the dataset, sorted.
pub fn all_tags(ds: &Dataset) -> BTreeSet<&str> {
    ds.graph
        .events
        .iter()
        .flat_map(|e| e.tags.iter().map(String::as_str))
        .collect()
}

/// The filter as chips for a header: `tag:ai-safety`, `from:2023`, `country:us`, words.
pub fn chips(ds: &Dataset, f: &Filter) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(t) = &f.tag {
        out.push(format!("tag:{t}"));
    }
    if let Some(d) = f.from {
        out.push(format!("from:{d}"));
    }
    if let Some(d) = f.to {
        out.push(format!("to:{d}"));
    }
    if let Some(c) = f.country {
        out.push(format!("country:{}", ds.graph.actor(c).id));
    }
    out.extend(f.words.iter().map(|w| format!("\"{w}\"")));
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::load::Origin;

    fn bundled() -> Dataset {
        Dataset::load(&Origin::Bundled).unwrap().unwrap()
    }

    #[test]
    fn keys_and_words_parse_into_the_list_commands_filter() {
        let ds = bundled();
        let f = parse(
            &ds,
            "tag:export-controls from:2022 to:2025-06 country:us Chips",
        )
        .unwrap();
        assert_eq!(f.tag.as_deref(), Some("export-controls"));
        assert_eq!(f.from, Some(PartialDate::parse("2022").unwrap()));
        assert_eq!(f.to, Some(PartialDate::parse("2025-06").unwrap()));
        assert_eq!(ds.graph.actor(f.country.unwrap()).id, "us");
        assert_eq!(f.words, vec!["chips".to_string()]);
        assert_eq!(chips(&ds, &f).len(), 5);
    }

    #[test]
    fn mistakes_say_what_to_type() {
        let ds = bundled();
        let e = parse(&ds, "tag:export-control").unwrap_err();
        assert_eq!(e.hint.as_deref(), Some("did you mean export-controls?"));
        let e = parse(&ds, "from:2025-13").unwrap_err();
        assert!(e.message.starts_with("from:2025-13"), "{e:?}");
        assert!(parse(&ds, "country:usa").is_err());
    }

    #[test]
    fn words_ignore_accents_and_case_and_must_all_appear() {
        let ds = bundled();
        let all = parse(&ds, "").unwrap().events(&ds).len();
        let some = parse(&ds, "CHINA").unwrap().events(&ds);
        assert!(!some.is_empty() && some.len() < all);
        let fewer = parse(&ds, "china zzzzqqq").unwrap().events(&ds);
        assert!(fewer.is_empty());
    }
}
