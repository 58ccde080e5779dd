//! The load cache: a large dataset that passed its check is saved as a compact binary
//! graph (postcard), keyed by its path and stamped with a hash of every file's path and
//! contents; the next load of the same files (same bytes, whatever their dates) reads
//! that instead of parsing TOML again. The body is three parts (actors, sources and the
//! `[dataset]` table; events; quotes) decoded on two threads, and the id map is rebuilt
//! from the records rather than stored. The cache file carries a checksum of its body,
//! and a decoded graph must point inside itself and hold only text that the parser could
//! have produced. Any doubt means a full load.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use crate::graph::{Actor, Event, Graph, Meta, Quote, Source};
use crate::index::{EventLists, Index, QuoteLists};
use crate::load::DataFile;
use crate::text::has_unsafe_char;

/// Bumped whenever the cached types (the graph's) or this header change shape.
const FORMAT: u32 = 5;
/// Datasets smaller than this load from TOML in a few milliseconds: no cache.
pub const MIN_BYTES: u64 = 1 << 20;

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    format: u32,
    version: String,
    /// [`fingerprint`] of the files the graph was built from.
    fingerprint: u128,
    /// xxh3 of the postcard body that follows the header.
    checksum: u64,
    /// The byte lengths of the body's first two parts (actors, sources and meta; events);
    /// the quotes take the rest.
    parts: [u64; 2],
}

/// The body's first part.
type Rest = (Vec<Actor>, Vec<Source>, Meta);

/// A 128-bit xxh3 of the files' paths, lengths and texts, in load order: any edit, even
/// one that keeps a file's size and modification time, changes it. About 10 GB/s, so a
/// few milliseconds for the 100k-record benchmark set (benches/load.rs prints it).
pub fn fingerprint(files: &[DataFile]) -> u128 {
    let mut h = Xxh3::new();
    for f in files {
        for part in [f.path.as_bytes(), f.text.as_bytes()] {
            h.update(&(part.len() as u64).to_le_bytes());
            h.update(part);
        }
    }
    h.digest128()
}

/// [`fingerprint`] of files not yet read, streamed through a small buffer: on a cache
/// hit their text is never held in memory nor checked as UTF-8 (the files are the bytes
/// that were valid text when the cache was written). `None` when a file cannot be read
/// or does not have the size it had when listed.
pub fn fingerprint_paths(paths: &[PathBuf]) -> Option<u128> {
    use std::io::Read;
    let mut h = Xxh3::new();
    let mut buf = vec![0u8; 1 << 20];
    for p in paths {
        let shown = crate::text::shown_path(p);
        h.update(&(shown.len() as u64).to_le_bytes());
        h.update(shown.as_bytes());
        let mut f = fs::File::open(p).ok()?;
        let len = f.metadata().ok()?.len();
        h.update(&len.to_le_bytes());
        let mut read = 0u64;
        loop {
            let n = f.read(&mut buf).ok()?;
            if n == 0 {
                break;
            }
            read += n as u64;
            if read > len {
                return None;
            }
            h.update(&buf[..n]);
        }
        if read != len {
            return None;
        }
    }
    Some(h.digest128())
}

/// Where the cache of the dataset at `root` lives in `dir`.
fn file(dir: &Path, root: &Path) -> PathBuf {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let hash = xxh3_64(root.as_os_str().as_encoded_bytes());
    dir.join(format!("{hash:016x}.bin"))
}

/// A cache file whose header matches the files and whose checksum verifies, not yet
/// decoded: the caller can free the files' text before the graph takes its memory.
pub struct Verified {
    bytes: Vec<u8>,
    body: usize,
    parts: [u64; 2],
}

impl Verified {
    /// The graph, if it decodes, points inside itself and holds only clean text.
    pub fn decode(self) -> Option<Graph> {
        self.decode_indexed().map(|(g, _)| g)
    }

    /// [`Verified::decode`] and the graph's lookups: the quotes decode on a thread of
    /// their own while the rest decodes here, then the id map and the quotes' lookups are
    /// built on one while the events' lookups are built on the other.
    pub fn decode_indexed(self) -> Option<(Graph, Index)> {
        let body = &self.bytes[self.body..];
        let [rest, events] = self.parts.map(|n| usize::try_from(n).unwrap_or(usize::MAX));
        let (rest, body) = body.split_at_checked(rest)?;
        let (events, quotes) = body.split_at_checked(events)?;
        let (rest, events, quotes) = std::thread::scope(|s| {
            let quotes = s.spawn(|| {
                postcard::from_bytes::<Vec<Quote>>(quotes)
                    .ok()
                    .filter(|q| q.iter().all(clean_quote))
            });
            let rest = postcard::from_bytes::<Rest>(rest).ok().filter(|(a, s, m)| {
                a.iter().all(clean_actor) && s.iter().all(clean_source) && clean_meta(m)
            });
            let events = postcard::from_bytes::<Vec<Event>>(events)
                .ok()
                .filter(|e| e.iter().all(clean_event));
            (rest, events, quotes.join().ok().flatten())
        });
        let ((actors, sources, meta), events, quotes) = (rest?, events?, quotes?);
        let mut graph = Graph {
            actors,
            sources,
            events,
            quotes,
            ids: crate::graph::IdMap::default(),
            meta,
        };
        if !in_range(&graph) {
            return None;
        }
        // Two records with one id were never written by aigov: `None`, a full load.
        // The id map and the quotes' lists on one core, the events' lists on the other.
        let (ids, index) = std::thread::scope(|s| {
            let other = s.spawn(|| (graph.map_ids(), QuoteLists::of(&graph)));
            let events = EventLists::of(&graph);
            let (ids, quotes) = other
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            (ids, Index::from_lists(&graph, events, quotes))
        });
        graph.ids = ids?;
        Some((graph, index))
    }
}

/// The cache of `root` if there is one for exactly these files and its checksum holds.
pub fn open(dir: &Path, root: &Path, fingerprint: u128) -> Option<Verified> {
    open_any(dir, root)
        .filter(|(f, _)| *f == fingerprint)
        .map(|(_, v)| v)
}

/// The cache of `root` if there is one of this format and its checksum holds, and the
/// fingerprint of the files it was made from: the caller compares it with the files'.
pub fn open_any(dir: &Path, root: &Path) -> Option<(u128, Verified)> {
    let bytes = fs::read(file(dir, root)).ok()?;
    let (header, body) = postcard::take_from_bytes::<Header>(&bytes).ok()?;
    if header.format != FORMAT
        || header.version != env!("CARGO_PKG_VERSION")
        || header.checksum != xxh3_64(body)
    {
        return None;
    }
    let body = bytes.len() - body.len();
    let verified = Verified {
        bytes,
        body,
        parts: header.parts,
    };
    Some((header.fingerprint, verified))
}

/// The cached graph of `root`, if there is one for exactly these files and it verifies.
pub fn read(dir: &Path, root: &Path, fingerprint: u128) -> Option<Graph> {
    open(dir, root, fingerprint)?.decode()
}

/// Saves the graph of `root` for the next load; a failure only costs the next load time.
pub fn write(dir: &Path, root: &Path, fingerprint: u128, graph: &Graph) {
    use std::io::Write;
    let rest = (&graph.actors, &graph.sources, &graph.meta);
    let (Ok(rest), Ok(events), Ok(quotes)) = (
        postcard::to_stdvec(&rest),
        postcard::to_stdvec(&graph.events),
        postcard::to_stdvec(&graph.quotes),
    ) else {
        return;
    };
    let body = [rest.as_slice(), &events, &quotes];
    // The parts are hashed and written one after the other, never copied into one
    // buffer: at 1M records the body is about a gigabyte.
    let mut h = Xxh3::new();
    for part in body {
        h.update(part);
    }
    let header = Header {
        format: FORMAT,
        version: env!("CARGO_PKG_VERSION").to_string(),
        fingerprint,
        checksum: h.digest(),
        parts: [rest.len() as u64, events.len() as u64],
    };
    let Ok(head) = postcard::to_stdvec(&header) else {
        return;
    };
    let target = file(dir, root);
    let tmp = target.with_extension(format!("tmp{}", std::process::id()));
    // Written aside and renamed: a reader never sees half a cache.
    let written = fs::create_dir_all(dir)
        .and_then(|()| fs::File::create(&tmp))
        .and_then(|f| {
            let mut f = std::io::BufWriter::new(f);
            f.write_all(&head)?;
            body.iter().try_for_each(|part| f.write_all(part))?;
            f.flush()
        })
        .and_then(|()| fs::rename(&tmp, &target));
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
}

/// Whether a string is one the parser could have produced: the parser escapes control
/// characters (and expands tabs) in all text it keeps, so a cache whose text holds one
/// was not written by aigov and could reach the terminal raw. Each record is destructured
/// in full below, so that a new text field cannot be forgotten.
#[allow(clippy::ptr_arg)] // applied to the fields as the records hold them: `.all(ok)`
fn ok(s: &String) -> bool {
    !unsafe_text(s)
}

/// [`has_unsafe_char`], fast over a gigabyte of text: blocks of bytes with none that can
/// start an unsafe character (below 0x20 but `\n`, DEL, and the lead bytes C2 and E2)
/// are passed over in one branch-free sweep each; only the others, with the two bytes
/// after them and widened to whole characters, are read as `has_unsafe_char` reads them.
fn unsafe_text(s: &str) -> bool {
    const BLOCK: usize = 64;
    let suspect = |c: u8| matches!(c, 0..=0x09 | 0x0b..=0x1f | 0x7f | 0xc2 | 0xe2);
    s.as_bytes()
        .chunks(BLOCK)
        .enumerate()
        .filter(|(_, block)| block.iter().fold(false, |any, &c| any | suspect(c)))
        .any(|(i, block)| {
            let mut start = i * BLOCK;
            while !s.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (i * BLOCK + block.len() + 2).min(s.len());
            while !s.is_char_boundary(end) {
                end += 1;
            }
            s.get(start..end).is_some_and(has_unsafe_char)
        })
}

#[allow(clippy::ref_option)] // applied to the fields as the records hold them
fn opt(s: &Option<String>) -> bool {
    s.as_ref().is_none_or(ok)
}

fn clean_meta(m: &Meta) -> bool {
    let Meta {
        title,
        description,
        as_of: _,
        language,
    } = m;
    [title, description, language].into_iter().all(opt)
}

fn clean_actor(a: &Actor) -> bool {
    let Actor {
        id,
        name,
        kind: _,
        country: _,
        role,
        aliases,
        summary,
        note,
    } = a;
    ok(id) && ok(name) && opt(role) && aliases.iter().all(ok) && opt(summary) && opt(note)
}

fn clean_source(s: &Source) -> bool {
    let Source {
        id,
        title,
        publisher,
        published: _,
        language,
        url,
        author,
        summary,
        note,
    } = s;
    [id, title, publisher].into_iter().all(ok)
        && [language, url, author, summary, note].into_iter().all(opt)
}

fn clean_event(e: &Event) -> bool {
    let Event {
        id,
        date: _,
        end: _,
        title,
        place,
        summary,
        actors: _,
        tags,
        sources: _,
        links,
        note,
        status: _,
    } = e;
    ok(id)
        && ok(title)
        && [place, summary, note].into_iter().all(opt)
        && tags.iter().all(ok)
        && links.iter().all(|l| opt(&l.note))
}

fn clean_quote(q: &Quote) -> bool {
    let Quote {
        id,
        speaker: _,
        event: _,
        source: _,
        lang,
        text,
        translation,
        original,
        original_lang,
        original_source: _,
        note,
        links,
    } = q;
    [id, lang, text].into_iter().all(ok)
        && [translation, original, original_lang, note]
            .into_iter()
            .all(opt)
        && links.iter().all(|l| opt(&l.note))
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
                && q.links.iter().all(|l| l.to.ix() < g.quotes.len())
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
        let all = crate::export::Selection::new(ds, &crate::filter::Filter::default());
        crate::export::json::export(ds, &all).to_string()
    }

    fn fingerprint_of(root: &Path) -> u128 {
        fingerprint(
            &crate::load::read(&Origin::Path(root.to_path_buf()))
                .unwrap()
                .files,
        )
    }

    fn file_in(dir: &Path) -> PathBuf {
        fs::read_dir(dir).unwrap().next().unwrap().unwrap().path()
    }

    /// Rewrites the cache file's body with `edit` and a matching checksum, as someone
    /// who knows the format would.
    fn forge(cache: &Path, data: &Path, edit: impl Fn(&mut Graph)) {
        let bytes = fs::read(file_in(cache)).unwrap();
        let (header, body) = postcard::take_from_bytes::<Header>(&bytes).unwrap();
        let [r, e] = header.parts.map(|n| usize::try_from(n).unwrap());
        let (actors, sources, meta): Rest = postcard::from_bytes(&body[..r]).unwrap();
        let mut graph = Graph {
            actors,
            sources,
            events: postcard::from_bytes(&body[r..r + e]).unwrap(),
            quotes: postcard::from_bytes(&body[r + e..]).unwrap(),
            ids: crate::graph::IdMap::default(),
            meta,
        };
        edit(&mut graph);
        write(cache, data, header.fingerprint, &graph);
    }

    #[test]
    fn text_is_unsafe_exactly_when_has_unsafe_char_says_so_wherever_the_blocks_fall() {
        let bad = [
            "\u{1b}", "\u{7f}", "\u{85}", "\u{9f}", "\u{202e}", "\u{2066}", "\t", "\0",
        ];
        let good = ["\n", "\u{a0}", "\u{2019}", "\u{202f}", "«", "中", "é"];
        let fills = ["a", "é", "\u{2019}", "中文"];
        for fill in fills {
            for n in 0..140 {
                let pad = fill.repeat(n);
                for c in bad.iter().chain(&good) {
                    for s in [
                        format!("{pad}{c}"),
                        format!("{c}{pad}"),
                        format!("{pad}{c}{pad}"),
                    ] {
                        assert_eq!(unsafe_text(&s), has_unsafe_char(&s), "{s:?}");
                    }
                }
                assert!(!unsafe_text(&pad));
            }
        }
    }

    #[test]
    fn unchanged_files_load_from_the_cache_and_any_change_or_damage_means_a_full_load() {
        let dir = std::env::temp_dir().join(format!("aigov-cache-test-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let data = dir.join("data");
        let cache = dir.join("cache");
        fs::create_dir_all(&data).unwrap();
        let file = data.join("synth.toml");
        let text = generate(Spec {
            events: 2000,
            quotes: 2000,
        });
        fs::write(&file, &text).unwrap();
        let origin = Origin::Path(data.clone());
        let load = || {
            Dataset::load_cached(&origin, Some(cache.clone()))
                .unwrap()
                .unwrap()
        };
        let first = load();
        assert!(
            text.len() as u64 >= MIN_BYTES,
            "the test data must be large enough to cache"
        );
        // The key streamed from the files (a load's) is the key of the files read.
        let paths = crate::load::list_toml(&data).unwrap();
        assert_eq!(fingerprint_paths(&paths), Some(fingerprint_of(&data)));
        // The cache holds exactly what the TOML gave.
        let cached = read(&cache, &data, fingerprint_of(&data)).expect("written by the first load");
        let from_cache = Dataset::from_graph(origin.clone(), cached);
        assert_eq!(export(&from_cache), export(&first));
        assert_eq!(export(&load()), export(&first));

        // An edit that keeps the size and the modification time (`rsync -t`, `touch -d`)
        // is seen: the key is the contents.
        let modified = fs::metadata(&file).unwrap().modified().unwrap();
        let title = &first.graph.events[0].title;
        let same_size: String = title.chars().rev().collect();
        assert_eq!(same_size.len(), title.len());
        fs::write(&file, text.replacen(title.as_str(), &same_size, 1)).unwrap();
        fs::File::options()
            .write(true)
            .open(&file)
            .unwrap()
            .set_modified(modified)
            .unwrap();
        assert!(read(&cache, &data, fingerprint_of(&data)).is_none());
        let edited = load();
        assert!(edited.graph.events.iter().any(|e| e.title == same_size));
        fs::write(&file, &text).unwrap();

        // A new event in a new file: the cache no longer matches.
        fs::write(
            data.join("more.toml"),
            "[[event]]\nid = \"one-more\"\ndate = \"2030\"\ntitle = \"One more\"\n",
        )
        .unwrap();
        assert!(read(&cache, &data, fingerprint_of(&data)).is_none());
        let second = load();
        assert_eq!(second.graph.events.len(), first.graph.events.len() + 1);

        // Damage of any kind is ignored and the cache rebuilt: a cut file, one flipped
        // bit, and a forged body with a valid checksum but text the parser never keeps.
        let bin = file_in(&cache);
        let good = fs::read(&bin).unwrap();
        fs::write(&bin, &good[..good.len() / 2]).unwrap();
        assert!(read(&cache, &data, fingerprint_of(&data)).is_none());
        let mut flipped = good.clone();
        let at = flipped.len() * 2 / 3;
        flipped[at] ^= 0x04;
        fs::write(&bin, &flipped).unwrap();
        assert!(read(&cache, &data, fingerprint_of(&data)).is_none());
        assert_eq!(export(&load()), export(&second));
        forge(&cache, &data, |g| {
            g.events[0].title = "\u{1b}]0;pwned\u{7}".to_string();
        });
        assert!(read(&cache, &data, fingerprint_of(&data)).is_none());
        forge(&cache, &data, |g| {
            g.quotes[0].event = crate::graph::EventIx(u32::MAX);
        });
        assert!(read(&cache, &data, fingerprint_of(&data)).is_none());
        let rebuilt = load();
        assert_eq!(export(&rebuilt), export(&second));
        assert!(
            read(&cache, &data, fingerprint_of(&data)).is_some(),
            "rebuilt"
        );

        // A small dataset is not cached.
        fs::remove_dir_all(&cache).unwrap();
        let small = Origin::Path(data.join("more.toml"));
        Dataset::load_cached(&small, Some(cache.clone()))
            .unwrap()
            .unwrap();
        assert!(!cache.exists());
        fs::remove_dir_all(&dir).unwrap();
    }
}
