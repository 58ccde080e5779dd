//! `cargo bench --bench load`: loading and validating synthetic datasets of 10k and 100k
//! events (and as many quotes), beside what the TOML parser alone costs. Peak memory
//! is measured in a child process per run (`VmHWM`), so that runs do not inflate each other.

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
    let _ = std::fs::create_dir_all(&dir);
    println!(
        "{:<18} {:>8} {:>11} {:>11} {:>7} {:>11} {:>11}",
        "dataset", "MiB", "parse-only", "full load", "ratio", "peak parse", "peak load"
    );
    for n in sizes {
        let path = dir.join(format!("synth-{n}.toml"));
        let text = generate(Spec {
            events: n,
            quotes: n,
        });
        if std::fs::write(&path, &text).is_err() {
            eprintln!("cannot write {}", path.display());
            return;
        }
        let runs = if n >= 100_000 { 3 } else { 7 };
        let parse = median(runs, || {
            let t = std::fs::read_to_string(&path).unwrap_or_default();
            black_box(toml::de::DeTable::parse(&t).is_ok());
        });
        let load = median(runs, || {
            black_box(Dataset::load(&Origin::Path(path.clone())).is_ok_and(|r| r.is_ok()));
        });
        let peak_parse = peak("parse", &path);
        let peak_load = peak("load", &path);
        println!(
            "{:<18} {:>8.1} {:>9.0}ms {:>9.0}ms {:>6.2}x {:>8.0}MiB {:>8.0}MiB",
            format!("{n} ev + {n} q"),
            text.len() as f64 / 1_048_576.0,
            ms(parse),
            ms(load),
            load.as_secs_f64() / parse.as_secs_f64(),
            peak_parse,
            peak_load,
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Runs one job in a fresh process and returns its peak resident memory in MiB.
fn peak(job: &str, path: &Path) -> f64 {
    let Ok(exe) = std::env::current_exe() else {
        return f64::NAN;
    };
    let out = Command::new(exe)
        .env(CHILD, format!("{job}:{}", path.display()))
        .output();
    out.ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn child(job: &str) {
    let Some((what, path)) = job.split_once(':') else {
        return;
    };
    let path = PathBuf::from(path);
    match what {
        "parse" => {
            let t = std::fs::read_to_string(&path).unwrap_or_default();
            black_box(toml::de::DeTable::parse(&t).is_ok());
        }
        _ => {
            black_box(Dataset::load(&Origin::Path(path)).is_ok_and(|r| r.is_ok()));
        }
    }
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let hwm = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .map(|v| v.trim().trim_end_matches("kB").trim().to_string())
        .unwrap_or_default();
    println!("{hwm}");
}
