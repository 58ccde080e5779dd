//! The explorer's export prompt (`e`): the format, the path (a name from the filter, in
//! the current directory), the overwrite question, and the request the runtime carries out
//! off the input thread. No I/O.

use std::path::PathBuf;

use crate::dataset::Dataset;
use crate::export::Format;
use crate::export::file::Overwrite;
use crate::filter::Filter;

/// Where the prompt is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Choosing the format and typing the path.
    Edit,
    /// The file exists: replace it (`y`) or not (`n`)?
    Confirm,
    /// The runtime is writing; the answer comes as [`Exported`].
    Writing,
}

/// The prompt, while open.
#[derive(Debug, Clone)]
pub struct ExportBox {
    pub format: Format,
    pub path: String,
    /// The path is still the proposed name, so a format change changes its extension.
    pub proposed: bool,
    /// What the timeline shows, which is what goes out.
    pub filter: Filter,
    /// Events and quotes that go out.
    pub events: usize,
    pub quotes: usize,
    pub stage: Stage,
    pub overwrite: Overwrite,
}

impl ExportBox {
    /// A prompt for what `filter` keeps, Markdown proposed.
    pub fn new(ds: &Dataset, filter: Filter) -> Self {
        let format = Format::Markdown;
        let sel = crate::export::Selection::new(ds, &filter);
        Self {
            path: default_name(ds, &filter, format),
            format,
            proposed: true,
            events: sel.events.len(),
            quotes: sel.quotes.len(),
            filter,
            stage: Stage::Edit,
            overwrite: Overwrite::Refuse,
        }
    }

    /// The next (`by` 1) or previous (`by` 4) format; a proposed path follows it.
    pub fn cycle_format(&mut self, ds: &Dataset, by: usize) {
        let all = Format::ALL;
        let at = all.iter().position(|&f| f == self.format).unwrap_or(0);
        self.format = all[(at + by) % all.len()];
        if self.proposed {
            self.path = default_name(ds, &self.filter, self.format);
        }
    }

    /// What the runtime should do now, while writing.
    pub fn request(&self) -> Option<ExportRequest> {
        (self.stage == Stage::Writing).then(|| ExportRequest {
            filter: self.filter.clone(),
            format: self.format,
            path: PathBuf::from(self.path.trim()),
            overwrite: self.overwrite,
        })
    }
}

/// An export to carry out: what, in which format, where, and whether to replace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    pub filter: Filter,
    pub format: Format,
    pub path: PathBuf,
    pub overwrite: Overwrite,
}

impl ExportRequest {
    /// Writes the file (the export thread's work) and says how it went.
    pub fn carry_out(self, ds: &Dataset) -> Exported {
        use crate::export::file::{self, FileError};
        match file::export(ds, &self.filter, self.format, &self.path, self.overwrite) {
            Ok((events, quotes)) => Exported::Done {
                path: self.path,
                events,
                quotes,
            },
            Err(FileError::Exists(p)) => Exported::Exists(p),
            Err(e) => Exported::Failed(e.to_string()),
        }
    }
}

/// How an export ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exported {
    /// Written: where, and how many events and quotes.
    Done {
        path: PathBuf,
        events: usize,
        quotes: usize,
    },
    /// The file exists and was left as it is: ask.
    Exists(PathBuf),
    /// Refused or failed, in words.
    Failed(String),
}

/// The name of a format in the prompt.
pub fn format_name(f: Format) -> &'static str {
    match f {
        Format::Json => "JSON",
        Format::Csv => "CSV (events)",
        Format::Markdown => "Markdown",
        Format::Timelinejs => "TimelineJS",
        Format::Dot => "DOT (Graphviz)",
    }
}

/// A file name from the filter: `aigov-cn-from-2025.md`, `aigov-all.json`.
pub fn default_name(ds: &Dataset, f: &Filter, format: Format) -> String {
    let mut parts = vec!["aigov".to_string()];
    if let Some(c) = f.country {
        parts.push(ds.graph.actor(c).id.clone());
    }
    if let Some(d) = f.from {
        parts.push(format!("from-{d}"));
    }
    if let Some(d) = f.to {
        parts.push(format!("to-{d}"));
    }
    if let Some(t) = &f.tag {
        parts.push(t.clone());
    }
    if parts.len() == 1 {
        parts.push("all".to_string());
    }
    let name: String = parts
        .join("-")
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("{name}.{}", format.extension())
}
