//! Helpers the CLI tests share: the binary in a clean environment, fixture paths,
//! output as text.

// Each test file uses part of this.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

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

/// What the command printed, as UTF-8.
pub fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.output().expect("runs");
    String::from_utf8(out.stdout).expect("UTF-8 output")
}
