//! The `--country`, `--from`, `--to` and `--tag` flags, resolved against a dataset into the
//! library's [`Filter`] (the same resolution as the explorer's filter line); a country
//! that is not one gets a hint.

use std::collections::BTreeSet;
use std::io::{self, Write};

use super::FilterArgs;
use crate::dataset::Dataset;
use crate::diagnostic::closest;
pub use crate::filter::Filter;

/// Resolves `--country`; prints a hint and returns `None` when it names no country.
pub fn resolve(ds: &Dataset, args: &FilterArgs, err: &mut dyn Write) -> io::Result<Option<Filter>> {
    let country = match &args.country {
        None => None,
        Some(id) => match crate::filter::country(ds, id) {
            Ok(c) => Some(c),
            Err(hint) => {
                let id = crate::text::escape_line(id);
                writeln!(
                    err,
                    "error: --country \"{id}\" is not the id of a country or bloc\n  = hint: {hint}"
                )?;
                return Ok(None);
            }
        },
    };
    if let (Some(from), Some(to)) = (args.from, args.to)
        && from.start() > to.last_day()
    {
        writeln!(
            err,
            "error: --from {from} is later than --to {to}, so nothing could match\n  = hint: did you mean --from {to} --to {from}?"
        )?;
        return Ok(None);
    }
    // Tags are stored in NFC; a decomposed `é` typed here must find them.
    let tag: Option<String> = args
        .tag
        .as_ref()
        .map(|t| unicode_normalization::UnicodeNormalization::nfc(t.as_str()).collect());
    if let Some(tag) = &tag {
        warn_unknown_tag(ds, tag, err)?;
    }
    Ok(Some(Filter {
        country,
        from: args.from,
        to: args.to,
        tag,
        words: Vec::new(),
    }))
}

/// A `--tag` that no event carries keeps nothing: not an error (the output is rightly
/// empty), but most likely a typo, so say so on stderr with the closest tag.
fn warn_unknown_tag(ds: &Dataset, tag: &str, err: &mut dyn Write) -> io::Result<()> {
    let tags: BTreeSet<&str> = ds
        .graph
        .events
        .iter()
        .flat_map(|e| e.tags.iter().map(String::as_str))
        .collect();
    if tags.contains(tag) {
        return Ok(());
    }
    let hint = closest(tag, tags.iter().copied()).map_or_else(
        || "`aigov list events --json` shows the tags of every event".to_string(),
        |t| format!("did you mean \"{}\"?", crate::text::escape_line(t)),
    );
    let tag = crate::text::escape_line(tag);
    writeln!(
        err,
        "warning: no event has the tag \"{tag}\", so nothing matches\n  = hint: {hint}"
    )
}
