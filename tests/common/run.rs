//! Running programs from a test: aigov with arguments (its output, or its stdout once it
//! succeeded), and any program fed some text on stdin (a client reading an export).

use std::process::{Command, Output, Stdio};

/// `aigov ARGS`, stdin closed.
pub fn aigov(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aigov"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// The stdout of `aigov ARGS`, which must succeed (its stderr in the failure).
pub fn aigov_ok(args: &[&str]) -> String {
    succeeded(aigov(args), &format!("{args:?}"))
}

/// The output of `cmd` given `input` on stdin.
pub fn piped(cmd: &mut Command, input: &[u8]) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), input).unwrap();
    child.wait_with_output().unwrap()
}

/// The stdout of a command that must have exited with 0 (`ctx` and its stderr otherwise).
pub fn succeeded(o: Output, ctx: &str) -> String {
    assert_eq!(
        o.status.code(),
        Some(0),
        "{ctx}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}
