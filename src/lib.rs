//! aigov: explore the China–US AI governance timeline, a sourced TOML event graph.
//!
//! Data flows top to bottom through the modules: [`load`] reads the bundled `data/` or a
//! user's files and [`load::parse`] turns each TOML table into raw records with spans;
//! [`validate`] resolves ids and checks every rule, producing [`diagnostic`]s and a
//! [`graph::Graph`]; [`index`] derives the lookups (timeline, backlinks, per country);
//! [`dataset`] runs that pipeline and holds the result, with a [`search`] index folded
//! on first use (accents, case, quote styles; match positions map onto the original
//! text). A [`filter`] narrows it (country, dates, tag, free words folded as search folds
//! them; one meaning for `aigov list` and the explorer's filter line) and [`export`]
//! writes what a filter keeps as JSON, CSV, Markdown, TimelineJS or DOT to any `io::Write`. Two front ends sit
//! on top and never import each other: the [`cli`] commands (check, list, show, search,
//! export) and the [`tui`] explorer, which takes a `Dataset` by value, shares it read-only
//! with its one `App` state and only draws it (its compare view and link graph are laid
//! out by the pure `tui::compare` and `tui::neighbourhood`); search and reload run on
//! supervised threads that send results to the one input loop, which hands them, as it
//! hands every key, to `App::update`: the one place the state changes. [`text`] keeps data text
//! safe and aligned wherever it is printed, and [`cite`] writes a quote's or an event's
//! citation for both front ends; a large dataset whose files hold the same
//! bytes loads from a cache ([`dataset::cache`]), and a long load advances [`progress`]
//! counters that a front end draws; [`synth`] writes synthetic datasets for
//! the benchmarks.

pub mod cite;
pub mod cli;
pub mod dataset;
pub mod diagnostic;
pub mod export;
pub mod filter;
pub mod graph;
pub mod index;
pub mod load;
pub mod progress;
pub mod search;
pub mod synth;
pub mod text;
pub mod tui;
pub mod validate;
