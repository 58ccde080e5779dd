//! `cargo bench --bench load`: loading and validating synthetic datasets of 10k and 100k
//! events (and as many quotes), beside what the TOML parser alone costs, then the same
//! load from the cache of unchanged files, and with the search index built. Each run is
//! a fresh process, so that times and peak memory (`VmHWM`) do not inflate each other.
//! Under each row, where a full load's time goes (read, parse, validate, index: wall
//! time, and CPU time of all threads, which a busy machine inflates less) and the
//! peak memory reached by the end of each stage (the stage that raises it is the one
//! to look at).
//! `AIGOV_BENCH_SIZES=100000,1000000` picks the sizes (each written as files of at most
//! 256 MiB in one directory).

#![allow(clippy::cast_precision_loss)] // sizes in MiB for display

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use aigov::dataset::Dataset;
use aigov::load::Origin;
use aigov::synth::{Spec, generate};

const CHILD: &str = "AIGOV_BENCH_CHILD";

fn main() {
    if let Ok(job) = std::env::var(CHILD) {
        child(&job);
        return;
    }
    let sizes: Vec<usize> = match std::env::var("AIGOV_BENCH_SIZES") {
        Ok(s) => s.split(',').filter_map(|n| n.trim().parse().ok()).collect(),
        Err(_) => vec![10_000, 100_000],
    };
    let dir = std::env::temp_dir().join(format!("aigov-bench-load-{}", std::process::id()));
    let cache = dir.join("cache");
    let _ = std::fs::create_dir_all(&dir);
    println!("Each cell: median time / peak memory of a fresh process.");
    println!(
        "{:<18} {:>7} {:>17} {:>17} {:>17} {:>17} {:>12}",
        "dataset",
        "MiB",
        "TOML parse only",
        "full load",
        "cached load",
        "cached + search ix",
        "cache key"
    );
    for n in sizes {
        let path = dir.join(format!("synth-{n}"));
        let text = generate(Spec {
            events: n,
            quotes: n,
        });
        if let Err(e) = aigov::synth::write_dir(&path, &text) {
            eprintln!("cannot write {}: {e}", path.display());
            return;
        }
        let runs = match n {
            1_000_000.. => 1,
            100_000.. => 3,
            _ => 7,
        };
        let parse = median(runs, "parse", &path, "");
        let load = median(runs, "load", &path, "");
        // The first load with a cache directory writes the cache; the next ones read it.
        run("load", &path, &cache);
        let cached = median(runs, "load", &path, &cache);
        let searched = median(runs, "search", &path, &cache);
        let key = hash_cost(&path);
        let cell = |(t, m): (Duration, f64)| format!("{:.0} ms / {m:.0} MiB", ms(t));
        println!(
            "{:<18} {:>7.1} {:>17} {:>17} {:>17} {:>17} {:>9.1} ms",
            format!("{n} ev + {n} q"),
            text.len() as f64 / 1_048_576.0,
            cell(parse),
            cell(load),
            cell(cached),
            cell(searched),
            ms(key),
        );
        println!("  {}", stages(&path));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The median time of the cache key (a hash of every file's contents) over 5 runs, in
/// this process: what a cached load pays besides reading the files and decoding.
fn hash_cost(path: &Path) -> Duration {
    let Ok(read) = aigov::load::read(&aigov::load::Origin::Path(path.to_path_buf())) else {
        return Duration::ZERO;
    };
    let mut all: Vec<Duration> = (0..5)
        .map(|_| {
            let t = std::time::Instant::now();
            std::hint::black_box(aigov::dataset::cache::fingerprint(&read.files));
            t.elapsed()
        })
        .collect();
    all.sort();
    all[2]
}

/// The median time of `runs` fresh processes doing `job`, and the peak memory of the
/// median one.
fn median(runs: usize, job: &str, path: &Path, cache: impl AsRef<Path>) -> (Duration, f64) {
    let mut all: Vec<(Duration, f64)> = (0..runs).map(|_| run(job, path, cache.as_ref())).collect();
    all.sort_by_key(|a| a.0);
    all[all.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Runs one job in a fresh process (the cache in `cache`, none when empty) and returns
/// its time and peak resident memory in MiB.
fn run(job: &str, path: &Path, cache: &Path) -> (Duration, f64) {
    let Ok(exe) = std::env::current_exe() else {
        return (Duration::ZERO, f64::NAN);
    };
    let out = Command::new(exe)
        .env(CHILD, format!("{job}:{}", path.display()))
        .env("AIGOV_CACHE_DIR", cache)
        .output();
    let text = out
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .unwrap_or_default();
    let mut nums = text.split_whitespace().map(|s| s.parse::<f64>().ok());
    match (nums.next().flatten(), nums.next().flatten()) {
        (Some(us), Some(kb)) => (Duration::from_secs_f64(us / 1e6), kb / 1024.0),
        _ => (Duration::ZERO, f64::NAN),
    }
}

/// Where a full load's time goes (one fresh process): read, parse, validate, index.
fn stages(path: &Path) -> String {
    let Ok(exe) = std::env::current_exe() else {
        return String::new();
    };
    let out = Command::new(exe)
        .env(CHILD, format!("stages:{}", path.display()))
        .env("AIGOV_CACHE_DIR", "")
        .output();
    let text = out
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .unwrap_or_default();
    let n: Vec<f64> = text
        .split_whitespace()
        .filter_map(|s| s.parse().ok())
        .collect();
    let mib = |kb: f64| kb / 1024.0;
    match n[..] {
        [
            _,
            _,
            read,
            parse,
            validate,
            index,
            m_read,
            m_parse,
            m_validate,
            m_index,
            c_read,
            c_parse,
            c_validate,
            c_index,
        ] => format!(
            "a full load: read {:.0} ms, parse {:.0} ms, validate {:.0} ms, index {:.0} ms \
             (CPU time, all threads: {c_read:.0}, {c_parse:.0}, {c_validate:.0}, \
             {c_index:.0} ms); peak memory after each {:.0}, {:.0}, {:.0}, {:.0} MiB",
            read / 1e3,
            parse / 1e3,
            validate / 1e3,
            index / 1e3,
            mib(m_read),
            mib(m_parse),
            mib(m_validate),
            mib(m_index),
        ),
        _ => "a full load's stages: the child failed".to_string(),
    }
}

/// The cache directory the parent chose for this child (none when empty): the library
/// reads no environment variable, so the bench passes it in as `main` does.
fn cache_dir() -> Option<PathBuf> {
    std::env::var_os("AIGOV_CACHE_DIR")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
}

/// In the child: does the job, then prints its time (µs) and `VmHWM` (kB). What the job
/// built is never dropped (the process ends): freeing millions of strings is not part of
/// loading them, and neither the explorer nor a command frees its dataset before exit.
fn child(job: &str) {
    let Some((what, path)) = job.split_once(':') else {
        return;
    };
    let path = PathBuf::from(path);
    let t = Instant::now();
    let mut extra = String::new();
    match what {
        "stages" => {
            let origin = Origin::Path(path);
            let Ok(read) = aigov::load::read(&origin) else {
                return;
            };
            let read_us = t.elapsed().as_micros();
            let read_kb = peak_kb();
            let read_cpu = cpu_ms();
            let mut raw = aigov::load::parse::RawDataset::default();
            let mut diags = Vec::new();
            for (i, f) in read.files.iter().enumerate() {
                aigov::load::parse::parse_file(i, &f.text, &mut raw, &mut diags);
            }
            let parsed_us = t.elapsed().as_micros();
            let parsed_kb = peak_kb();
            let parsed_cpu = cpu_ms();
            let graph = aigov::validate::validate(raw, &mut diags);
            let validated_us = t.elapsed().as_micros();
            let validated_kb = peak_kb();
            let validated_cpu = cpu_ms();
            // As a load does: the text is freed once the graph is valid.
            drop(read);
            if let Some(g) = graph {
                std::mem::forget(black_box(Dataset::from_graph(origin, g)));
            }
            std::mem::forget(diags);
            let indexed_us = t.elapsed().as_micros();
            let indexed_cpu = cpu_ms();
            extra = format!(
                " {read_us} {} {} {} {read_kb} {parsed_kb} {validated_kb} {} \
                 {read_cpu} {} {} {}",
                parsed_us - read_us,
                validated_us - parsed_us,
                indexed_us - validated_us,
                peak_kb(),
                parsed_cpu - read_cpu,
                validated_cpu - parsed_cpu,
                indexed_cpu - validated_cpu,
            );
        }
        "write" => {
            // `AIGOV_BENCH_CHILD=write:DIR` with `AIGOV_BENCH_SIZES=N`: writes the dataset
            // of N events and N quotes to DIR and keeps it, to profile one stage by hand
            // (`AIGOV_BENCH_CHILD=stages:DIR perf record -g …`).
            let n = std::env::var("AIGOV_BENCH_SIZES")
                .ok()
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(100_000);
            let text = generate(Spec {
                events: n,
                quotes: n,
            });
            if let Err(e) = aigov::synth::write_dir(&path, &text) {
                eprintln!("cannot write {}: {e}", path.display());
            }
        }
        "parse" => {
            // Each file of the directory in turn, as one parser would.
            let mut files: Vec<PathBuf> = std::fs::read_dir(&path)
                .into_iter()
                .flatten()
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            files.sort();
            for f in files {
                let t = std::fs::read_to_string(&f).unwrap_or_default();
                std::mem::forget(black_box(toml::de::DeTable::parse(&t)));
                std::mem::forget(t);
            }
        }
        "search" => {
            if let Ok(Ok(ds)) = Dataset::load_cached(&Origin::Path(path), cache_dir()) {
                black_box(ds.search().len());
                std::mem::forget(ds);
            }
        }
        _ => {
            let loaded = Dataset::load_cached(&Origin::Path(path), cache_dir());
            black_box(loaded.as_ref().is_ok_and(Result::is_ok));
            std::mem::forget(loaded);
        }
    }
    let elapsed = t.elapsed();
    println!("{} {}{extra}", elapsed.as_micros(), peak_kb());
}

/// The CPU time this process has used so far, all threads, in ms (`/proc/self/stat`,
/// in ticks of 10 ms): the work a stage did, whatever else the machine was running.
fn cpu_ms() -> u64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name (which may hold spaces): utime and stime are
    // the 12th and 13th.
    let after = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let ticks: u64 = after
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|n| n.parse::<u64>().ok())
        .sum();
    ticks * 10
}

/// This process's peak resident memory so far (`VmHWM`), in kB.
fn peak_kb() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .map(|v| v.trim().trim_end_matches("kB").trim().to_string())
        .unwrap_or_default()
}
