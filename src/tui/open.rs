//! Opening a web address in the browser: `$BROWSER` (read by `main`, passed in), else
//! `xdg-open` (or `open` on macOS), started detached with no terminal, so that the
//! explorer never blocks on it or draws its output. Only an http(s) address is passed.

use std::process::{Command, Stdio};

/// Starts the browser on `url`; an error says why it could not.
pub fn open(browser: Option<&str>, url: &str) -> Result<(), String> {
    let Some(url) = crate::cite::safe_url(url) else {
        return Err("only http(s) addresses are opened".into());
    };
    let mut cmd = command(browser, url);
    cmd.stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    #[cfg(unix)]
    {
        // Its own process group: Ctrl-C in the explorer does not reach it.
        use std::os::unix::process::CommandExt as _;
        cmd.process_group(0);
    }
    let program = cmd.get_program().to_string_lossy().into_owned();
    let mut child = cmd.spawn().map_err(|e| {
        format!(
            "could not start {}: {e}",
            crate::text::escape_line(&program)
        )
    })?;
    // Reap it when it ends, so that no zombie stays behind.
    let _ = std::thread::Builder::new()
        .name("browser".into())
        .spawn(move || child.wait());
    Ok(())
}

/// The command for `url`: the first entry of `$BROWSER` (a `:`-separated list, each a
/// program and arguments, `%s` standing for the address), else the system's opener.
fn command(browser: Option<&str>, url: &str) -> Command {
    let entry = browser
        .and_then(|b| b.split(':').map(str::trim).find(|e| !e.is_empty()))
        .map(|e| e.split_whitespace().collect::<Vec<_>>());
    let Some([program, args @ ..]) = entry.as_deref() else {
        let mut cmd = Command::new(if cfg!(target_os = "macos") {
            "open"
        } else {
            "xdg-open"
        });
        cmd.arg(url);
        return cmd;
    };
    let mut cmd = Command::new(program);
    let mut placed = false;
    for a in args {
        if a.contains("%s") {
            placed = true;
            cmd.arg(a.replace("%s", url));
        } else {
            cmd.arg(a);
        }
    }
    if !placed {
        cmd.arg(url);
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(c: &Command) -> Vec<String> {
        c.get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn browser_entries_take_the_url() {
        let c = command(Some("firefox --new-tab:chromium"), "https://a.org");
        assert_eq!(c.get_program(), "firefox");
        assert_eq!(args(&c), ["--new-tab", "https://a.org"]);
        let c = command(Some("w3m %s"), "https://a.org");
        assert_eq!(args(&c), ["https://a.org"]);
        let c = command(None, "https://a.org");
        assert_eq!(args(&c), ["https://a.org"]);
    }

    #[test]
    fn nothing_but_http_is_opened() {
        assert!(open(Some("true"), "javascript:alert(1)").is_err());
        assert!(open(Some("true"), "file:///etc/passwd").is_err());
    }
}
