//! The load cache: a large dataset that passed its check is saved as a compact binary
//! graph (postcard), keyed by its path and stamped with the size, modification time and
//! inode of each of its files; the next load of the same unchanged files reads that
//! instead of parsing TOML again. Any doubt (a changed, added or removed file, another
//! aigov version, a damaged cache) means a full load.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use crate::graph::Graph;
use crate::load::list_toml;

/// Bumped whenever the cached types (the graph's) change shape.
const FORMAT: u32 = 1;
/// Datasets smaller than this load from TOML in a few milliseconds: no cache.
pub const MIN_BYTES: u64 = 1 << 20;

/// What a file looked like when its dataset was cached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    path: String,
    len: u64,
    modified_ns: u128,
    inode: u64,
}

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    format: u32,
    version: String,
    stamps: Vec<Stamp>,
}

/// The cache directory: `$AIGOV_CACHE_DIR` (empty turns the cache off), else
/// `$XDG_CACHE_HOME/aigov`, else `~/.cache/aigov`.
pub fn dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("AIGOV_CACHE_DIR") {
        return (!d.is_empty()).then(|| PathBuf::from(d));
    }
    let xdg = std::env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty());
    let base = xdg
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache")))?;
    Some(base.join("aigov"))
}

/// The stamps of the files of the dataset at `root`, in load order, and their total size.
pub fn stamps(root: &Path) -> Option<(Vec<Stamp>, u64)> {
    let files = list_toml(root).ok()?;
    let mut total = 0;
    let mut out = Vec::with_capacity(files.len());
    for path in files {
        let meta = fs::metadata(&path).ok()?;
        total += meta.len();
        out.push(Stamp {
            path: path.to_string_lossy().into_owned(),
            len: meta.len(),
            modified_ns: meta
                .modified()
                .ok()?
                .duration_since(UNIX_EPOCH)
                .ok()?
                .as_nanos(),
            inode: inode(&meta),
        });
    }
    Some((out, total))
}

#[cfg(unix)]
fn inode(meta: &fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(meta)
}

#[cfg(not(unix))]
fn inode(_: &fs::Metadata) -> u64 {
    0
}

/// Where the cache of the dataset at `root` lives in `dir`.
fn file(dir: &Path, root: &Path) -> PathBuf {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    // FNV-1a: the same name from one build to the next, unlike std's hasher.
    let hash = root
        .as_os_str()
        .as_encoded_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    dir.join(format!("{hash:016x}.bin"))
}

/// The cached graph of `root`, if there is one for exactly these files.
pub fn read(dir: &Path, root: &Path, stamps: &[Stamp]) -> Option<Graph> {
    let bytes = fs::read(file(dir, root)).ok()?;
    let (header, rest) = postcard::take_from_bytes::<Header>(&bytes).ok()?;
    if header.format != FORMAT
        || header.version != env!("CARGO_PKG_VERSION")
        || header.stamps != stamps
    {
        return None;
    }
    let graph: Graph = postcard::from_bytes(rest).ok()?;
    in_range(&graph).then_some(graph)
}

/// Saves the graph of `root` for the next load; a failure only costs the next load time.
pub fn write(dir: &Path, root: &Path, stamps: Vec<Stamp>, graph: &Graph) {
    let header = Header {
        format: FORMAT,
        version: env!("CARGO_PKG_VERSION").to_string(),
        stamps,
    };
    let (Ok(mut bytes), Ok(body)) = (postcard::to_stdvec(&header), postcard::to_stdvec(graph))
    else {
        return;
    };
    bytes.extend_from_slice(&body);
    let target = file(dir, root);
    let tmp = target.with_extension(format!("tmp{}", std::process::id()));
    // Written aside and renamed: a reader never sees half a cache.
    let written = fs::create_dir_all(dir)
        .and_then(|()| fs::write(&tmp, &bytes))
        .and_then(|()| fs::rename(&tmp, &target));
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
}

/// Whether every reference in a decoded graph points inside it, so that no lookup can
/// panic even on a cache that decoded into nonsense.
fn in_range(g: &Graph) -> bool {
    let (na, ns, ne) = (g.actors.len(), g.sources.len(), g.events.len());
    let actor_ok = |a: crate::graph::ActorIx| a.ix() < na;
    let source_ok = |s: crate::graph::SourceIx| s.ix() < ns;
    let event_ok = |e: crate::graph::EventIx| e.ix() < ne;
    g.actors.iter().all(|a| a.country.is_none_or(actor_ok))
        && g.events.iter().all(|e| {
            e.actors.iter().all(|&a| actor_ok(a))
                && e.sources.iter().all(|&s| source_ok(s))
                && e.links.iter().all(|l| event_ok(l.to))
        })
        && g.quotes.iter().all(|q| {
            actor_ok(q.speaker)
                && event_ok(q.event)
                && source_ok(q.source)
                && q.original_source.is_none_or(source_ok)
        })
        && g.ids.values().all(|&e| match e {
            crate::graph::Entity::Actor(a) => actor_ok(a),
            crate::graph::Entity::Source(s) => source_ok(s),
            crate::graph::Entity::Event(x) => event_ok(x),
            crate::graph::Entity::Quote(q) => q.ix() < g.quotes.len(),
        })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::dataset::Dataset;
    use crate::load::Origin;
    use crate::synth::{Spec, generate};

    fn export(ds: &Dataset) -> String {
        let all = crate::cli::export::Selection::new(ds, &crate::cli::filter::Filter::default());
        crate::cli::json::export(ds, &all).to_string()
    }

    #[test]
    fn unchanged_files_load_from_the_cache_and_a_change_or_damage_means_a_full_load() {
        let dir = std::env::temp_dir().join(format!("aigov-cache-test-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let data = dir.join("data");
        let cache = dir.join("cache");
        fs::create_dir_all(&data).unwrap();
        let file = data.join("synth.toml");
        fs::write(
            &file,
            generate(Spec {
                events: 2000,
                quotes: 2000,
            }),
        )
        .unwrap();
        let origin = Origin::Path(data.clone());
        let load = || {
            Dataset::load_cached(&origin, Some(cache.clone()))
                .unwrap()
                .unwrap()
        };
        let first = load();
        let (stamps, total) = super::stamps(&data).unwrap();
        assert!(
            total >= MIN_BYTES,
            "the test data must be large enough to cache"
        );
        // The cache holds exactly what the TOML gave.
        let cached = read(&cache, &data, &stamps).expect("written by the first load");
        let from_cache = Dataset::from_graph(origin.clone(), cached);
        assert_eq!(export(&from_cache), export(&first));
        assert_eq!(export(&load()), export(&first));
        // A new event in a new file: the cache no longer matches.
        fs::write(
            data.join("more.toml"),
            "[[event]]\nid = \"one-more\"\ndate = \"2030\"\ntitle = \"One more\"\n",
        )
        .unwrap();
        assert!(read(&cache, &data, &super::stamps(&data).unwrap().0).is_none());
        let second = load();
        assert_eq!(second.graph.events.len(), first.graph.events.len() + 1);
        // A damaged cache is ignored.
        let bin = file_in(&cache);
        let bytes = fs::read(&bin).unwrap();
        fs::write(&bin, &bytes[..bytes.len() / 2]).unwrap();
        assert!(read(&cache, &data, &super::stamps(&data).unwrap().0).is_none());
        assert_eq!(export(&load()), export(&second));
        // A small dataset is not cached.
        fs::remove_dir_all(&cache).unwrap();
        let small = Origin::Path(data.join("more.toml"));
        Dataset::load_cached(&small, Some(cache.clone()))
            .unwrap()
            .unwrap();
        assert!(!cache.exists());
        fs::remove_dir_all(&dir).unwrap();
    }

    fn file_in(dir: &Path) -> PathBuf {
        fs::read_dir(dir).unwrap().next().unwrap().unwrap().path()
    }
}
