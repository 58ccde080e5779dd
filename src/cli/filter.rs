//! The `--country`, `--from`, `--to` and `--tag` flags, resolved against a dataset into the
//! library's [`Filter`] (the same resolution as the explorer's filter line); a country
//! that is not one gets a hint.

use std::io::{self, Write};

use super::FilterArgs;
use crate::dataset::Dataset;
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
    Ok(Some(Filter {
        country,
        from: args.from,
        to: args.to,
        tag: args.tag.as_deref().map(crate::filter::tag),
        words: Vec::new(),
    }))
}
