//! Helpers the CLI tests share: the binary in a clean environment, fixture paths,
//! output as text.

// Each test file uses part of this.
#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};

use assert_cmd::Command;

/// The `notes` binary with an environment that does not steer it.
pub fn notes() -> Command {
    let mut cmd = Command::cargo_bin("notes").expect("binary built");
    for var in ["NOTES_FILE", "NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE"] {
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
