//! `notes check` on the bundled notes, on fixtures, and on real files whose oddities
//! are known (../shared/corpus, when present).

mod common;

use std::path::Path;

use predicates::prelude::*;

use common::{fixture, notes};

#[test]
fn the_bundled_notes_have_one_warning_a_person_would_agree_with() {
    notes().arg("check").assert().code(1).stdout(
        "pycon2014.txt:35:20: warning: heading ends with \",\" as if a speaker were missing; \
         read as the session \"Cache me if you can\" with no speaker [empty-speaker]\n\
         1 warning (1 empty-speaker) in 1 file\n",
    );
}

#[test]
fn filters_keep_the_findings_of_the_sessions_they_keep() {
    // "Cache me if you can," is a Friday talk.
    notes()
        .args(["check", "--day", "friday"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("pycon2014.txt:35:20: warning:"));
    notes()
        .args(["check", "--day", "saturday"])
        .assert()
        .success()
        .stdout("no warnings in 1 file\n");
    notes()
        .args(["check", "--year", "1999"])
        .assert()
        .success()
        .stdout("no warnings in 0 files\n");
    notes()
        .args(["check", "--explain", "--day", "sunday"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "'Lightning Talks Sunday AM' read as a session",
        ))
        .stdout(predicate::str::contains("'Decorators").not());
}

#[test]
fn clean_files_exit_zero() {
    for name in [
        "tabs.txt",
        "crlf.txt",
        "markdown.md",
        "wishlist.txt",
        "numbered.txt",
    ] {
        notes()
            .arg("-f")
            .arg(fixture(name))
            .arg("check")
            .assert()
            .success()
            .stdout("no warnings in 1 file\n");
    }
}

#[test]
fn json_findings() {
    notes()
        .args(["--json", "check"])
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with(
            "{\"file\":\"pycon2014.txt\",\"line\":35,\"column\":20,\"check\":\"empty-speaker\",",
        ))
        .stdout(predicate::function(|s: &str| s.lines().count() == 1));
}

#[test]
fn every_check_on_a_fixture() {
    let src = "  - stray\nTalk,\n\t- a\n        - b\n    - c\n  - Missed\nCaf\u{e9}\n";
    let mut bytes = src.as_bytes().to_vec();
    bytes.extend_from_slice(b"Bad \x93byte\n");
    let path = std::env::temp_dir().join(format!("notes-check-{}.txt", std::process::id()));
    std::fs::write(&path, &bytes).unwrap();
    let out = notes().arg("-f").arg(&path).arg("check").output().unwrap();
    std::fs::remove_file(&path).unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    for check in [
        "indented-preamble",
        "empty-speaker",
        "mixed-indentation",
        "status-without-reason",
        "invalid-utf8",
    ] {
        assert!(stdout.contains(&format!("[{check}]")), "{check}:\n{stdout}");
    }
    assert_eq!(out.status.code(), Some(1));
}

/// What check says about real files, checked against what is in them.
#[test]
fn the_shared_corpus() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !dir.exists() {
        return;
    }
    let expected = [
        ("mylearning-docker__README.md", 8, "mixed-indentation"),
        ("dockercon2017__Day-1-keynote.md", 52, "unmatched-dedent"),
        ("dockercon2017__Day-1-keynote.md", 54, "unmatched-dedent"),
        ("ludumdare35__TODO.todo", 41, "unmatched-dedent"),
        ("ludumdare35__TODO.todo", 73, "skipped-level"),
        ("mhbeals__CN_20150909_Altmetricon.md", 238, "skipped-level"),
        (
            "mhbeals__CN_20150909_Altmetricon.md",
            240,
            "mixed-indentation",
        ),
        (
            "mhbeals__CN_20150908_TeachingLearningHistory2005.md",
            7,
            "invalid-utf8",
        ),
    ];
    for (file, line, check) in expected {
        let out = notes()
            .arg("-f")
            .arg(dir.join(file))
            .arg("check")
            .output()
            .unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(
            stdout
                .lines()
                .any(|l| l.contains(&format!(":{line}:")) && l.ends_with(&format!("[{check}]"))),
            "{file}:{line} {check}\n{stdout}"
        );
    }
    for clean in [
        "awful-app__TODO.taskpaper",
        "rubykaigi2015-lt__workflowy.txt",
        "pycon2014__lightning-talks-4-11.md",
        "webdirections2017__respond-2.md",
    ] {
        notes()
            .arg("-f")
            .arg(dir.join(clean))
            .arg("check")
            .assert()
            .success();
    }
}
