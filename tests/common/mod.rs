//! Helpers the CLI tests share: the binary in a clean environment, fixture paths,
//! output as text.

// Each test file uses part of this.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Output, Stdio};

use assert_cmd::assert::{Assert, OutputAssertExt};

/// The `notes` binary to run, as `assert_cmd::Command` would, except that standard
/// input is /dev/null unless the test gives some: assert_cmd always pipes it, and a
/// pipe is notes to read.
#[derive(Debug)]
pub struct Command {
    cmd: StdCommand,
    stdin: Option<Vec<u8>>,
    /// A file given as standard input itself, as the shell's `<` does.
    redirect: Option<std::fs::File>,
}

impl Command {
    pub fn arg(&mut self, arg: impl AsRef<OsStr>) -> &mut Self {
        self.cmd.arg(arg);
        self
    }

    pub fn args<I: IntoIterator<Item = S>, S: AsRef<OsStr>>(&mut self, args: I) -> &mut Self {
        self.cmd.args(args);
        self
    }

    pub fn env(&mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> &mut Self {
        self.cmd.env(key, value);
        self
    }

    pub fn env_remove(&mut self, key: impl AsRef<OsStr>) -> &mut Self {
        self.cmd.env_remove(key);
        self
    }

    pub fn current_dir(&mut self, dir: impl AsRef<Path>) -> &mut Self {
        self.cmd.current_dir(dir);
        self
    }

    /// Gives these bytes on standard input, through a pipe.
    pub fn write_stdin(&mut self, bytes: impl Into<Vec<u8>>) -> &mut Self {
        self.stdin = Some(bytes.into());
        self
    }

    /// Gives the bytes of this file on standard input, through a pipe.
    pub fn pipe_stdin(&mut self, file: impl AsRef<Path>) -> io::Result<&mut Self> {
        self.stdin = Some(std::fs::read(file)?);
        Ok(self)
    }

    /// Gives this file as standard input, as `notes < FILE` does: not a pipe.
    pub fn redirect_stdin(&mut self, file: impl AsRef<Path>) -> io::Result<&mut Self> {
        self.redirect = Some(std::fs::File::open(file)?);
        Ok(self)
    }

    pub fn output(&mut self) -> io::Result<Output> {
        self.cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
        if let Some(file) = self.redirect.take() {
            self.cmd.stdin(file);
            return self.cmd.output();
        }
        let Some(bytes) = self.stdin.clone() else {
            self.cmd.stdin(Stdio::null());
            return self.cmd.output();
        };
        self.cmd.stdin(Stdio::piped());
        let mut child = self.cmd.spawn()?;
        let mut stdin = child.stdin.take().expect("piped");
        // Written on a thread of its own, so a full output pipe cannot stall it.
        let writer = std::thread::spawn(move || stdin.write_all(&bytes));
        let out = child.wait_with_output()?;
        // The command may end without reading all of it.
        let _ = writer.join();
        Ok(out)
    }

    pub fn assert(&mut self) -> Assert {
        let out = self.output().expect("runs");
        let command = format!("{:?}", self.cmd);
        out.assert().append_context("command", command)
    }
}

/// The `notes` binary with an environment that does not steer it.
pub fn notes() -> Command {
    let mut cmd = Command {
        cmd: StdCommand::new(env!("CARGO_BIN_EXE_notes")),
        stdin: None,
        redirect: None,
    };
    for var in [
        "NOTES_FILE",
        "NOTES_CONFIG_PATH",
        "NO_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
    ] {
        cmd.env_remove(var);
    }
    cmd
}

/// A file under tests/fixtures.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Every file under tests/fixtures, in subfolders too, sorted.
pub fn fixture_files() -> Vec<PathBuf> {
    let mut dirs = vec![fixture("")];
    let mut files = Vec::new();
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).expect("tests/fixtures is readable") {
            let path = entry.expect("a readable entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// What the command printed, as UTF-8.
pub fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.output().expect("runs");
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Runs `notes -f FILE ARGS`, reads a few bytes of its output and closes the pipe: it
/// must end with status 0 and nothing on standard error. FILE must give more output than
/// a pipe holds.
pub fn ends_quietly_on_a_closed_pipe(file: &Path, args: &[&str]) {
    let mut child = StdCommand::new(env!("CARGO_BIN_EXE_notes"))
        .arg("-f")
        .arg(file)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut first = [0u8; 16];
    let mut stdout = child.stdout.take().expect("piped");
    stdout.read_exact(&mut first).expect("some output");
    drop(stdout);
    let out = child.wait_with_output().expect("ends");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
    assert_eq!(out.status.code(), Some(0), "{args:?}");
}
