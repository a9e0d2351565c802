//! Hostile and broken inputs, each with a clear outcome and no panic. Sizes are scaled
//! down here; tests/hostile.sh runs the full sizes against the release build.

mod common;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command as StdCommand, Stdio};

use predicates::prelude::*;

use common::notes;

/// A file in a temporary folder of this test process, removed at the end.
struct Temp(PathBuf);

impl Temp {
    fn new(name: &str, bytes: &[u8]) -> Temp {
        let dir = std::env::temp_dir().join(format!("notes-hostile-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        Temp(path)
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

const QUERIES: [&[&str]; 11] = [
    &["list"],
    &["missed"],
    &["show", "x"],
    &["grep", "x"],
    &["todo"],
    &["speakers"],
    &["days"],
    &["stats"],
    &["tree"],
    &["export", "--to", "json"],
    &["export", "--to", "markdown"],
];

/// Files with no sessions: every query prints nothing and exits 1; print gives the
/// bytes back and exits 0. Nothing on standard error.
#[test]
fn files_with_nothing_in_them() {
    let cases: [(&str, &[u8]); 5] = [
        ("empty.txt", b""),
        ("blank.txt", b"\n\n   \n\t\n"),
        ("bom.txt", b"\xef\xbb\xbf"),
        ("bom-blank.txt", b"\xef\xbb\xbf\r\n\r\n"),
        ("spaces.txt", b"        "),
    ];
    for (name, bytes) in cases {
        let file = Temp::new(name, bytes);
        for args in QUERIES {
            notes()
                .arg("-f")
                .arg(&file.0)
                .args(args)
                .assert()
                .code(1)
                .stdout("")
                .stderr("");
        }
        notes()
            .arg("-f")
            .arg(&file.0)
            .arg("print")
            .assert()
            .success()
            .stdout(bytes.to_vec())
            .stderr("");
    }
}

/// Old Mac line endings: a lone CR does not end a line (as in grep and ripgrep), so the
/// file is one line, read as one heading, and given back as it was.
#[test]
fn lone_carriage_returns() {
    let bytes = b"Talk \xe2\x80\x93 Ann Lee\r  - one\r  - two\r";
    let file = Temp::new("cr.txt", bytes);
    notes()
        .arg("-f")
        .arg(&file.0)
        .arg("list")
        .assert()
        .success()
        .stdout("1::Talk – Ann Lee\r  - one\r  - two\n");
    notes()
        .arg("-f")
        .arg(&file.0)
        .arg("print")
        .assert()
        .success()
        .stdout(bytes.to_vec());
}

#[test]
fn binary_files_are_refused_unless_read_as_text() {
    let file = Temp::new("binary.txt", b"Talk\n  - a\0b\n");
    notes()
        .arg("-f")
        .arg(&file.0)
        .arg("list")
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "error: {} looks like a binary file (NUL at byte 10)\n",
            file.0.display()
        ));
    for flag in ["--text", "-a"] {
        notes()
            .arg("-f")
            .arg(&file.0)
            .args([flag, "print"])
            .assert()
            .success()
            .stdout(b"Talk\n  - a\0b\n".to_vec());
    }
    // With another file read, the refusal is reported and the rest goes on.
    notes()
        .arg("-f")
        .arg(&file.0)
        .args(["-f", "-", "list"])
        .write_stdin("Other talk\n")
        .assert()
        .success()
        .stdout(predicate::str::ends_with("<stdin>:1::Other talk\n"))
        .stderr(predicate::str::contains("looks like a binary file"));
}

/// Depth costs no stack: every command on an outline nested thousands of levels deep.
#[test]
fn deep_nesting() {
    let depth = 3_000;
    let mut text = String::from("Title\n\nTalk – Ann Lee\n");
    for level in 1..=depth {
        text.push_str(&"\t".repeat(level / 4));
        text.push_str(&" ".repeat(level % 4));
        text.push_str(if level == depth {
            "- the deepest\n"
        } else {
            "- x\n"
        });
    }
    let file = Temp::new("deep.txt", text.as_bytes());
    for syntax in ["outline", "markdown", "org", "taskpaper"] {
        for args in QUERIES
            .iter()
            .chain([&["print"][..], &["export", "--to", "opml"]].iter())
        {
            notes()
                .arg("-f")
                .arg(&file.0)
                .args(["--syntax", syntax])
                .args(*args)
                .assert()
                .stderr("")
                .code(predicate::in_iter([0, 1]));
        }
    }
    let out = notes()
        .arg("-f")
        .arg(&file.0)
        .args(["grep", "deepest"])
        .output()
        .unwrap();
    let line = String::from_utf8(out.stdout).unwrap();
    assert_eq!(line.matches(" › x").count(), depth - 1);
    assert!(line.ends_with(":the deepest\n"));
}

/// Many lines, one very long line, and a big standard input.
#[test]
fn big_inputs() {
    let lines: String = (0..100_000)
        .map(|i| {
            if i % 10 == 0 {
                format!("Session {i} – Ann Lee\n")
            } else {
                "  - a note about the thing\n".to_string()
            }
        })
        .collect();
    let file = Temp::new("lines.txt", lines.as_bytes());
    let out = notes().arg("-f").arg(&file.0).arg("list").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(out.stdout.iter().filter(|&&b| b == b'\n').count(), 10_000);

    let long = format!("Talk\n  - {}decorator\n", "word ".repeat(1_000_000));
    let file = Temp::new("long.txt", long.as_bytes());
    notes()
        .arg("-f")
        .arg(&file.0)
        .args(["grep", "-c", "decorator"])
        .assert()
        .success()
        .stdout("1:Talk:1\n");

    let mut child = StdCommand::new(env!("CARGO_BIN_EXE_notes"))
        .args(["-f", "-", "grep", "-c", "needle"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let chunk = "Talk\n  - hay hay hay hay hay hay hay hay hay\n".repeat(1_000);
    for _ in 0..400 {
        stdin.write_all(chunk.as_bytes()).unwrap();
    }
    stdin.write_all(b"  - needle\n").unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "799999:Talk:1\n");
}

#[test]
fn a_full_disk_is_an_error() {
    if !std::path::Path::new("/dev/full").exists() {
        return;
    }
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = StdCommand::new(env!("CARGO_BIN_EXE_notes"))
        .arg("print")
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: could not write to standard output: No space left on device (os error 28)\n"
    );
}

/// Under a pseudo-terminal (util-linux `script`), characters that steer a terminal are
/// shown escaped; in a pipe the same commands give the bytes as they are.
#[test]
fn a_terminal_sees_escapes_not_controls() {
    if StdCommand::new("script").arg("--version").output().is_err() {
        return;
    }
    let evil =
        b"Title\x1b]0;pwned\x07\n\nTalk \x1b[2J \xe2\x80\xae\xc2\x9b\n  - bullet \x1b[31mred\r\n";
    let file = Temp::new("evil.txt", evil);
    let on_terminal = |args: &str| -> String {
        let command = format!(
            "{} -f {} {args}",
            env!("CARGO_BIN_EXE_notes"),
            file.0.display()
        );
        let out = StdCommand::new("script")
            .args(["-qec", &command, "/dev/null"])
            .env("TERM", "xterm")
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    for args in [
        "print",
        "show talk",
        "list",
        "grep -i red",
        "tree",
        "export --to markdown",
    ] {
        let seen = on_terminal(args);
        // The Markdown export escapes the `[` of a heading (`\[`) as Markdown does.
        assert!(
            seen.contains(r"\x1b[2J") || seen.contains(r"\x1b\[2J"),
            "{args}: {seen:?}"
        );
        assert!(!seen.contains("\x1b[2J"), "{args}: {seen:?}");
        assert!(
            !seen.contains('\u{202e}') && !seen.contains('\u{9b}'),
            "{args}"
        );
        assert!(seen.contains(r"\u{202e}"), "{args}: {seen:?}");
    }
    let print = on_terminal("print");
    assert!(print.contains(r"Title\x1b]0;pwned\x07"));
    notes()
        .arg("-f")
        .arg(&file.0)
        .arg("print")
        .assert()
        .success()
        .stdout(evil.to_vec());
    notes()
        .arg("-f")
        .arg(&file.0)
        .args(["--json", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            r#""title":"Talk \u001b[2J \u202e\u009b""#,
        ));
}
