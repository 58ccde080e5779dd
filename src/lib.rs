//! aigov: explore the China–US AI governance timeline, a sourced TOML event graph.
//!
//! Data flows top to bottom through the modules: [`load`] reads the bundled `data/` or a
//! user's files and [`load::parse`] turns each TOML table into raw records with spans;
//! [`validate`] resolves ids and checks every rule, producing [`diagnostic`]s and a
//! [`graph::Graph`]; [`index`] derives the lookups (timeline, backlinks, per country);
//! [`dataset`] runs that pipeline and holds the result, with a [`search`] index folded
//! on first use (accents, case, quote styles; match positions map onto the original
//! text). The [`cli`] commands (check, list, show, search, export) read a `Dataset` and
//! write to any `io::Write` (export also to files: the records its filters keep, as JSON,
//! CSV, Markdown, TimelineJS or DOT); [`text`] keeps data text safe and aligned wherever
//! it is printed. A large dataset whose files have not changed loads from a cache
//! ([`dataset::cache`]). The [`tui`] explorer takes a `Dataset` by value, shares it
//! read-only with its one `App` state and only draws it (its compare view and link graph
//! are laid out from the graph and the index by the pure `tui::compare` and
//! `tui::neighbourhood`); search and reload (a file
//! watcher) run on their own threads and send results to the one input loop; [`synth`]
//! writes synthetic datasets of any size for the benchmarks.

pub mod cli;
pub mod dataset;
pub mod diagnostic;
pub mod graph;
pub mod index;
pub mod load;
pub mod search;
pub mod synth;
pub mod text;
pub mod tui;
pub mod validate;
