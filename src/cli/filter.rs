//! The `--country`, `--from`, `--to` and `--tag` flags, resolved against a dataset into the
//! library's [`Filter`]; a country that is not one gets a hint.

use std::io::{self, Write};

use super::FilterArgs;
use crate::dataset::Dataset;
use crate::diagnostic::closest;
pub use crate::filter::Filter;

/// Resolves `--country`; prints a hint and returns `None` when it names no country.
pub fn resolve(ds: &Dataset, args: &FilterArgs, err: &mut dyn Write) -> io::Result<Option<Filter>> {
    let country = match &args.country {
        None => None,
        Some(id) => {
            let g = &ds.graph;
            let found = ds
                .index
                .countries
                .iter()
                .copied()
                .find(|&c| g.actor(c).id == *id);
            if found.is_none() {
                let ids = ds.index.countries.iter().map(|&c| g.actor(c).id.as_str());
                let by_name = ds.index.countries.iter().copied().find(|&c| {
                    let a = g.actor(c);
                    a.name.eq_ignore_ascii_case(id)
                        || a.aliases.iter().any(|x| x.eq_ignore_ascii_case(id))
                });
                let hint = closest(id, ids)
                    .map(str::to_string)
                    .or_else(|| by_name.map(|c| g.actor(c).id.clone()))
                    .map_or_else(
                        || "`aigov list actors` shows the ids of countries and blocs".to_string(),
                        |c| format!("did you mean \"{c}\"?"),
                    );
                let id = crate::text::escape_line(id);
                writeln!(
                    err,
                    "error: --country \"{id}\" is not the id of a country or bloc\n  = hint: {hint}"
                )?;
                return Ok(None);
            }
            found
        }
    };
    Ok(Some(Filter {
        country,
        from: args.from,
        to: args.to,
        // Tags are stored in NFC; a decomposed `é` typed here must find them.
        tag: args
            .tag
            .as_ref()
            .map(|t| unicode_normalization::UnicodeNormalization::nfc(t.as_str()).collect()),
    }))
}
