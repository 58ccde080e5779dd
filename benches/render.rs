//! Render timings (written last).
fn main() {}
