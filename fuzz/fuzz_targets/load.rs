//! Fuzz target: any bytes, split into up to four files, go through load + validate and
//! every diagnostic is rendered; a panic is a bug. Inputs that ever failed belong in
//! tests/fixtures/regress/ (run by tests/robust.rs on stable).
#![no_main]

use aigov::dataset::check_read;
use aigov::diagnostic::{Style, render};
use aigov::load::{Origin, ReadFiles};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // A 0xFF byte starts the next file, so that references across files are reached.
    let files = data
        .split(|&b| b == 0xFF)
        .take(4)
        .enumerate()
        .map(|(i, bytes)| (format!("f{i}.toml"), bytes.to_vec()));
    let checked = check_read(&Origin::Bundled, ReadFiles::from_memory(files));
    for d in &checked.diagnostics {
        let _ = render(&checked.files, d, Style { color: true });
    }
});
