//! `aigov check [PATH] [--strict]`: every problem of a dataset, rustc-style, and a summary.

use std::io::{self, Write};

use super::{Env, Outcome, plural, report};
use crate::dataset::check_with;
use crate::load::Origin;

/// Checks a dataset; exit 0 when clean, 1 on problems (warnings count under `--strict`).
pub fn run(
    origin: &Origin,
    strict: bool,
    env: &Env,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let opts = env.load_options();
    let shown = opts
        .progress
        .clone()
        .map(|p| super::progress::show(p, false));
    let checked = check_with(origin, &opts);
    if let Some(p) = &opts.progress {
        p.finish();
    }
    drop(shown);
    let checked = match checked {
        Ok(c) => c,
        Err(e) => {
            writeln!(err, "error: {e}")?;
            return Ok(Outcome::Usage);
        }
    };
    let (errors, warnings) = checked.counts();
    if checked.diagnostics.is_empty() {
        if let Some(g) = &checked.graph {
            writeln!(
                out,
                "{origin}: ok: {}, {}, {}, {} in {}",
                plural(g.events.len(), "event"),
                plural(g.quotes.len(), "quote"),
                plural(g.sources.len(), "source"),
                plural(g.actors.len(), "actor"),
                plural(checked.files.len(), "file"),
            )?;
        }
        return Ok(Outcome::Ok);
    }
    report(&checked, strict, env, err)?;
    if errors > 0 || (strict && warnings > 0) {
        Ok(Outcome::Problems)
    } else {
        Ok(Outcome::Ok)
    }
}
