//! The bundled dataset: every file of `data/`, embedded in the binary so that `aigov`
//! works from any directory and after `cargo install`. A test checks this list against
//! the files in `data/`; add a line here when you add a file there.

/// `(path below data/, text)`, in path order (the order a directory is read in).
pub const FILES: &[(&str, &str)] = &[
    (
        "actors/countries.toml",
        include_str!("../../data/actors/countries.toml"),
    ),
    (
        "actors/organizations.toml",
        include_str!("../../data/actors/organizations.toml"),
    ),
    (
        "actors/people.toml",
        include_str!("../../data/actors/people.toml"),
    ),
    (
        "events/2017-2023.toml",
        include_str!("../../data/events/2017-2023.toml"),
    ),
    (
        "events/2024.toml",
        include_str!("../../data/events/2024.toml"),
    ),
    (
        "events/2025.toml",
        include_str!("../../data/events/2025.toml"),
    ),
    (
        "events/2026.toml",
        include_str!("../../data/events/2026.toml"),
    ),
    (
        "quotes/apec-2025.toml",
        include_str!("../../data/quotes/apec-2025.toml"),
    ),
    (
        "quotes/china-rules.toml",
        include_str!("../../data/quotes/china-rules.toml"),
    ),
    (
        "quotes/export-controls.toml",
        include_str!("../../data/quotes/export-controls.toml"),
    ),
    (
        "quotes/other.toml",
        include_str!("../../data/quotes/other.toml"),
    ),
    (
        "quotes/paris-2025.toml",
        include_str!("../../data/quotes/paris-2025.toml"),
    ),
    (
        "quotes/waic-2025.toml",
        include_str!("../../data/quotes/waic-2025.toml"),
    ),
    (
        "sources/references.toml",
        include_str!("../../data/sources/references.toml"),
    ),
    (
        "sources/seeds.toml",
        include_str!("../../data/sources/seeds.toml"),
    ),
];
