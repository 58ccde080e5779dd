//! The command line's words: the clap types (`Cli`, `Command` and the arguments of each
//! command) and how an argument becomes a value of the library (a date, a citation
//! format). No I/O.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::graph::PartialDate;

/// Explore the China–US AI governance timeline: a sourced TOML event graph.
#[derive(Debug, Parser)]
#[command(name = "aigov", version, about, long_about = None)]
#[command(
    after_help = "With no command, aigov opens the explorer (when stdout is a terminal).\nThe data format: data/README.md in aigov's source tree (the folder you built it from)."
)]
pub struct Cli {
    /// Dataset to use: a TOML file or a directory of them [default: the bundled dataset];
    /// the explorer reloads it when a file there changes
    #[arg(long, global = true, value_name = "PATH")]
    pub data: Option<PathBuf>,

    /// Open the explorer on this event, quote, actor or source
    #[arg(long, value_name = "ID")]
    pub goto: Option<String>,

    /// Open the explorer with this search typed in
    #[arg(long, value_name = "TEXT")]
    pub query: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a dataset and report every problem (exit 0 clean, 1 problems, 2 unreadable)
    Check {
        /// File or directory to check [default: --data, else the bundled dataset]
        path: Option<PathBuf>,
        /// Treat warnings as errors
        #[arg(long)]
        strict: bool,
    },
    /// List events, quotes, actors or sources, in date order
    List {
        /// What to list
        what: ListKind,
        #[command(flatten)]
        filter: FilterArgs,
        /// Print one JSON array instead of aligned text
        #[arg(long)]
        json: bool,
    },
    /// Show one event, quote, actor or source in full, with its links both ways
    Show {
        /// The id of any record
        id: String,
        /// Print one JSON object instead of text
        #[arg(long)]
        json: bool,
        /// Print the citation of a quote or an event instead
        #[arg(long, conflicts_with = "json")]
        cite: bool,
        /// How --cite writes it
        #[arg(long, value_enum, default_value = "plain", requires = "cite")]
        format: CiteArg,
    },
    /// Search events, quotes, actors and sources (fuzzy; accents and case do not matter)
    #[command(
        after_help = "Several words must all match. 'word exact, ^word prefix, word$ suffix, !word not;\nq: e: a: s: limit to quotes, events, actors, sources."
    )]
    Search {
        /// What to look for
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// Only this kind of record
        #[arg(long, value_enum)]
        kind: Option<SearchKind>,
        /// At most this many hits
        #[arg(long, default_value_t = 20, value_name = "N")]
        limit: usize,
        /// Print one JSON array (with match positions) instead of text
        #[arg(long)]
        json: bool,
    },
    /// Export the dataset (or what the filters keep) as JSON, CSV, Markdown, TimelineJS or DOT
    #[command(
        after_help = "csv: --out DIR writes events.csv, quotes.csv, actors.csv, sources.csv and links.csv;\nwithout --out (or with --out FILE.csv) only the events are written."
    )]
    Export {
        /// Output format
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// Write to this file instead of stdout (csv: a directory, or a FILE.csv for events only)
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace a file --out names that exists (never one of the dataset's files)
        #[arg(long, requires = "out")]
        force: bool,
        /// markdown, timelinejs: the document's title [default: the dataset's]
        #[arg(long, value_name = "TEXT")]
        title: Option<String>,
        /// timelinejs: what the rows stand for; a row of one event folds into Others [default: side]
        #[arg(long, value_enum, value_name = "ROWS")]
        group_by: Option<GroupBy>,
        /// csv: cells as in the data, without the ' that keeps a spreadsheet from running =, +, -, @
        #[arg(long)]
        raw: bool,
        /// csv: start with a UTF-8 byte-order mark (for spreadsheet programs that need it)
        #[arg(long)]
        bom: bool,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Print shell completions (see README, "Install", for where they go)
    #[command(
        after_help = "bash: aigov completions bash > ~/.local/share/bash-completion/completions/aigov\nzsh:  aigov completions zsh > ~/.zfunc/_aigov  (with fpath+=~/.zfunc before compinit)\nfish: aigov completions fish > ~/.config/fish/completions/aigov.fish"
    )]
    Completions {
        /// The shell
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): aigov man | man -l -
    Man,
}

/// What `list` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListKind {
    Events,
    Quotes,
    Actors,
    Sources,
}

/// What `search --kind` keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SearchKind {
    Quote,
    Event,
    Actor,
    Source,
}

impl SearchKind {
    /// The scope prefix of the query language.
    pub fn scope(self) -> &'static str {
        match self {
            SearchKind::Quote => "q",
            SearchKind::Event => "e",
            SearchKind::Actor => "a",
            SearchKind::Source => "s",
        }
    }
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One JSON object with every record (see README, "JSON output")
    Json,
    /// RFC 4180 CSV: one file per kind of record, or the events alone
    Csv,
    /// A readable chronology with quotes and citations
    Markdown,
    /// The JSON that Knight Lab's TimelineJS3 reads
    Timelinejs,
    /// The event graph for Graphviz
    Dot,
}

/// The rows of a TimelineJS export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GroupBy {
    /// China, United States, Both, Others (from the actors' countries)
    Side,
    /// The main actor's country, or Multilateral
    Country,
    /// The event's most shared tag
    Tag,
    /// No rows
    None,
}

/// Filters shared by `list` and `export`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct FilterArgs {
    /// Only what involves this country or bloc (by id), or its people
    #[arg(long, value_name = "ID")]
    pub country: Option<String>,
    /// Only from this date on (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub from: Option<PartialDate>,
    /// Only up to this date (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub to: Option<PartialDate>,
    /// Only events with this tag
    #[arg(long, value_name = "TAG")]
    pub tag: Option<String>,
}

fn parse_date(s: &str) -> Result<PartialDate, String> {
    PartialDate::parse(s)
}

/// The citation formats of `show --cite`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CiteArg {
    /// One line
    Plain,
    /// A blockquote and a citation line
    Markdown,
    /// A BibTeX @misc entry
    Bibtex,
}

impl CiteArg {
    /// The library's format.
    pub fn to_format(self) -> crate::cite::CiteFormat {
        match self {
            CiteArg::Plain => crate::cite::CiteFormat::Plain,
            CiteArg::Markdown => crate::cite::CiteFormat::Markdown,
            CiteArg::Bibtex => crate::cite::CiteFormat::Bibtex,
        }
    }
}
