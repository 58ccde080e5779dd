//! The `aigov` binary: parses the command line, reads the terminal facts once (is it a
//! terminal, `NO_COLOR`) and hands over to the library. Everything else lives in `aigov::`.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use aigov::cli::{self, Cli, Env};
use clap::{CommandFactory, Parser};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let env = Env {
        color_out: !no_color && io::stdout().is_terminal(),
        color_err: !no_color && io::stderr().is_terminal(),
    };
    let Some(command) = &cli.command else {
        let mut out = io::stdout().lock();
        let _ = writeln!(out, "{}", Cli::command().render_help());
        return ExitCode::SUCCESS;
    };
    let outcome = cli::run(
        &cli,
        command,
        env,
        &mut io::stdout().lock(),
        &mut io::stderr().lock(),
    );
    ExitCode::from(outcome as u8)
}
