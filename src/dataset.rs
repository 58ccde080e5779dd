//! `Dataset`: runs the pipeline (read → parse → validate → index) and holds the result,
//! immutable and shareable. `Checked` keeps the files and every diagnostic for `check`.

use crate::diagnostic::{Diagnostic, Severity};
use crate::graph::Graph;
use crate::index::Index;
use crate::load::{self, DataFile, LoadError, Origin};
use crate::progress::{self, Progress, Stage};
use crate::search::SearchIndex;

use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;
use std::sync::OnceLock;

pub mod cache;

/// A validated dataset and its lookups.
#[derive(Debug, Clone)]
pub struct Dataset {
    pub origin: Origin,
    pub graph: Graph,
    pub index: Index,
    /// Its title: the `[dataset]` title, else the name of its file (without `.toml`) or
    /// directory, so that a user's own data is never titled as ours.
    pub title: String,
    /// Built on first use: commands that do not search do not pay for it.
    search: OnceLock<SearchIndex>,
}

/// Everything a check found: the files (to render diagnostics) and, when there was no
/// error, the graph.
#[derive(Debug)]
pub struct Checked {
    pub origin: Origin,
    pub files: Vec<DataFile>,
    /// Sorted by file, then position.
    pub diagnostics: Vec<Diagnostic>,
    pub graph: Option<Graph>,
}

impl Checked {
    /// Number of errors and of warnings.
    pub fn counts(&self) -> (usize, usize) {
        let errors = self
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        (errors, self.diagnostics.len() - errors)
    }

    /// The dataset, when there was no error. The files' text is freed before the
    /// lookups are built: a dataset never needs it, and it is as large as the data.
    pub fn into_dataset(self) -> Result<Dataset, Box<Checked>> {
        match self.graph {
            Some(graph) => {
                drop(self.files);
                drop(self.diagnostics);
                Ok(Dataset::from_graph(self.origin, graph))
            }
            None => Err(Box::new(Checked {
                graph: None,
                ..self
            })),
        }
    }
}

/// How a load runs, besides its origin: all optional.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Where the load cache lives; `None`, no cache.
    pub cache_dir: Option<PathBuf>,
    /// Today, for the checks that depend on the date (a scheduled event whose date has
    /// passed); `None` skips them.
    pub today: Option<NaiveDate>,
    /// Counters a front end reads to show how far the load is.
    pub progress: Option<Arc<Progress>>,
}

/// Reads, parses and validates a dataset, keeping every diagnostic.
pub fn check(origin: &Origin) -> Result<Checked, LoadError> {
    check_with(origin, &Options::default())
}

/// [`check`], and with `today` the checks that depend on the date (a scheduled event
/// whose date has passed).
pub fn check_on(origin: &Origin, today: Option<NaiveDate>) -> Result<Checked, LoadError> {
    check_with(
        origin,
        &Options {
            today,
            ..Options::default()
        },
    )
}

/// [`check`] as `opts` say (the cache is never used: a check reads the files).
pub fn check_with(origin: &Origin, opts: &Options) -> Result<Checked, LoadError> {
    let progress = opts.progress.as_deref();
    let read = load::read_with(origin, progress)?;
    Ok(check_read_on(origin, read, opts.today, progress))
}

fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        let key = |d: &Diagnostic| d.location.as_ref().map(|l| (l.file, l.span.start));
        key(a).cmp(&key(b)).then(a.severity.cmp(&b.severity))
    });
}

/// Parses and validates files already read (see [`load::ReadFiles::from_memory`]).
pub fn check_read(origin: &Origin, read: load::ReadFiles) -> Checked {
    check_read_on(origin, read, None, None)
}

/// The valid dataset of one file's TOML text, read from memory: for tests, which build
/// synthetic data and need no file for it.
#[cfg(test)]
#[allow(clippy::panic)] // a test's own data
pub(crate) fn from_toml(text: String) -> Dataset {
    let read = load::ReadFiles::from_memory(vec![("synth.toml", text.into_bytes())]);
    match check_read(&Origin::Bundled, read).into_dataset() {
        Ok(ds) => ds,
        Err(checked) => panic!("invalid test data: {:?}", checked.diagnostics),
    }
}

fn check_read_on(
    origin: &Origin,
    read: load::ReadFiles,
    today: Option<NaiveDate>,
    progress: Option<&Progress>,
) -> Checked {
    let mut diagnostics = read.diagnostics;
    let size = read.files.iter().map(|f| f.text.len()).sum();
    progress::stage(progress, Stage::Parsing, size);
    let mut raw = crate::load::parse::RawDataset::default();
    for (file, f) in read.files.iter().enumerate() {
        if !read.is_text[file] {
            continue;
        }
        let before = raw.len() + raw.meta.len();
        let errors_before = diagnostics.len();
        if let Some(p) = progress {
            p.file(&f.path);
        }
        crate::load::parse::parse_file_with(file, &f.text, &mut raw, &mut diagnostics, progress);
        if raw.len() + raw.meta.len() == before && diagnostics.len() == errors_before {
            diagnostics.push(
                Diagnostic::error(
                    file,
                    0..0,
                    "empty file: no [[actor]], [[source]], [[event]], [[quote]] or [dataset]",
                )
                .with_hint("add records (see data/README.md for the format), or remove the file"),
            );
        }
    }
    if let Some(today) = today {
        crate::validate::schedule::passed(&raw, today, &mut diagnostics);
    }
    let graph = crate::validate::validate_with(raw, &mut diagnostics, progress);
    sort(&mut diagnostics);
    Checked {
        origin: origin.clone(),
        files: read.files,
        diagnostics,
        graph,
    }
}

fn title(origin: &Origin, graph: &Graph) -> String {
    if let Some(t) = &graph.meta.title {
        return t.clone();
    }
    match origin {
        Origin::Bundled => "aigov".to_string(),
        Origin::Path(p) => {
            // `.` and `..` have no name of their own: ask the file system for it.
            let p = p.canonicalize().unwrap_or_else(|_| p.clone());
            let name = if p.is_dir() {
                p.file_name()
            } else {
                p.file_stem()
            };
            name.map_or_else(
                || crate::text::shown_path(&p),
                |n| crate::text::escape_line(&n.to_string_lossy()).into_owned(),
            )
        }
    }
}

impl Dataset {
    /// Indexes a validated graph.
    pub fn from_graph(origin: Origin, graph: Graph) -> Self {
        let index = Index::build(&graph);
        Self::with_index(origin, graph, index)
    }

    /// A validated graph and its lookups, built from it.
    fn with_index(origin: Origin, graph: Graph, index: Index) -> Self {
        let title = title(&origin, &graph);
        Self {
            origin,
            graph,
            index,
            title,
            search: OnceLock::new(),
        }
    }

    /// The search index, folded on first use.
    pub fn search(&self) -> &SearchIndex {
        self.search.get_or_init(|| SearchIndex::build(&self.graph))
    }

    /// Loads a dataset without a cache; on data errors returns the check with its
    /// diagnostics.
    pub fn load(origin: &Origin) -> Result<Result<Dataset, Box<Checked>>, LoadError> {
        Self::load_cached(origin, None)
    }

    /// [`Dataset::load`] with the cache in `cache_dir`, or none: a large dataset whose
    /// files have not changed since it last loaded comes from the cache (see [`cache`]).
    /// The library never picks the directory itself (the binary does, from the
    /// environment), so a test writes only where it says.
    pub fn load_cached(
        origin: &Origin,
        cache_dir: Option<PathBuf>,
    ) -> Result<Result<Dataset, Box<Checked>>, LoadError> {
        Self::load_with(
            origin,
            &Options {
                cache_dir,
                ..Options::default()
            },
        )
    }

    /// [`Dataset::load`] as `opts` say.
    pub fn load_with(
        origin: &Origin,
        opts: &Options,
    ) -> Result<Result<Dataset, Box<Checked>>, LoadError> {
        let progress = opts.progress.as_deref();
        let loaded = Self::load_inner(origin, opts, progress);
        if let Some(p) = progress {
            p.finish();
        }
        loaded
    }

    fn load_inner(
        origin: &Origin,
        opts: &Options,
        progress: Option<&Progress>,
    ) -> Result<Result<Dataset, Box<Checked>>, LoadError> {
        let checked = |read| {
            let checked = check_read_on(origin, read, opts.today, progress);
            progress::stage(progress, Stage::Indexing, 0);
            checked.into_dataset()
        };
        let (Origin::Path(root), Some(dir)) = (origin, &opts.cache_dir) else {
            return Ok(checked(load::read_with(origin, progress)?));
        };
        // Datasets this small parse in a few milliseconds: no cache.
        let paths = load::list_toml(root)?;
        let listed: u64 = paths
            .iter()
            .filter_map(|p| std::fs::metadata(p).ok())
            .map(|m| m.len())
            .sum();
        if listed >= cache::MIN_BYTES {
            // The files are hashed (the key is their contents) while the cache is read
            // and checked; on a hit their text is never held.
            progress::stage(progress, Stage::Cached, 0);
            let (files, cached) = std::thread::scope(|s| {
                let files = s.spawn(|| cache::fingerprint_paths(&paths));
                let cached = cache::open_any(dir, root);
                (files.join().ok().flatten(), cached)
            });
            if let (Some(files), Some((made_from, verified))) = (files, cached)
                && files == made_from
                && let Some((graph, index)) = verified.decode_indexed()
            {
                return Ok(Ok(Dataset::with_index(origin.clone(), graph, index)));
            }
        }
        let read = load::read_with(origin, progress)?;
        let size: usize = read.files.iter().map(|f| f.text.len()).sum();
        // A file that is not text reads lossily, and two different files could read alike.
        if (size as u64) < cache::MIN_BYTES || !read.diagnostics.is_empty() {
            return Ok(checked(read));
        }
        let fingerprint = cache::fingerprint(&read.files);
        let loaded = checked(read);
        if let Ok(ds) = &loaded {
            cache::write(dir, root, fingerprint, &ds.graph);
        }
        Ok(loaded)
    }
}
