//! Runs the real `notes` binary on the bundled notes and on tests/fixtures.

mod common;

use std::path::PathBuf;

use common::Command;
use predicates::prelude::*;

use common::{ends_quietly_on_a_closed_pipe, fixture, fixture_files, notes, stdout_of};

const SEED: &[u8] = include_bytes!("../notes/pycon2014.txt");

const FRIDAY: &str = "\
3:friday:John Perry Barlow
7:friday:All Your Ducks In A Row: Data Structures — Brandon Rhodes
35:friday:Cache me if you can
39:friday:Decorators: A Powerful Weapon in your Python Aresenal — Colton Myers @basepi
58:friday:Porting from Python 2 to 3 (missed: due to Inder meeting, review on video)
72:friday:Death of JavaScript (missed: due to Inder meeting, review on video)
76:friday:Getting starting with machine learning
80:friday:Realtime analytics using Celery
85:friday:Distributed Computing Is Hard, Let’s Go Shopping
95:friday:an-in and Fan-out — Brett Slatkin
116:friday:Lightning Talks, Friday PM
";

#[test]
fn list_friday_on_the_bundled_notes() {
    notes()
        .args(["list", "--day", "friday"])
        .assert()
        .success()
        .stdout(FRIDAY)
        .stderr("");
}

#[test]
fn days_accept_any_case_and_three_letters() {
    for day in ["FRIDAY", "Fri", "fri"] {
        notes()
            .args(["list", "--day", day])
            .assert()
            .success()
            .stdout(FRIDAY);
    }
}

#[test]
fn saturday_sunday_and_no_day() {
    let count = |args: &[&str]| stdout_of(notes().args(args)).lines().count();
    assert_eq!(count(&["list", "--day", "saturday"]), 13);
    assert_eq!(count(&["list", "--day", "sun"]), 3);
    let all = stdout_of(notes().arg("list"));
    assert_eq!(all.lines().count(), 11 + 13 + 3 + 9);
    let no_day: Vec<&str> = all.lines().filter(|l| l.contains("::")).collect();
    assert_eq!(no_day.len(), 9);
    assert!(no_day.iter().all(|l| l.ends_with("(not seen)")));
    assert!(!all.contains("My notes from PyCon 2014."));
    let saturday = stdout_of(notes().args(["list", "--day", "saturday"]));
    assert!(saturday.starts_with("137:saturday:Lightning Talks, Saturday AM\n"));
    assert!(saturday.ends_with("256:saturday:Lightning Talks Saturday PM\n"));
}

#[test]
fn missed_lists_missed_partial_and_not_seen() {
    notes().arg("missed").assert().success().stdout(
        "\
58:friday:Porting from Python 2 to 3 (missed: due to Inder meeting, review on video)
72:friday:Death of JavaScript (missed: due to Inder meeting, review on video)
231:saturday:Writing RESTful web services with Flask — Miguel Grinberg (missed: due to lunch going long)
241:saturday:Python Packaging (partial: headed to Web testing)
319::Upgrade your Web Development Toolchain (not seen)
320::A Scenic Drive through the Django Request-Response Cycle (not seen)
321::Django: The good parts (not seen)
322::Pushing Python: Building a High Throughput, Low Latency System — Kevin Ballard (not seen)
323::In Depth PDB — Nathan Yergler (not seen)
324::It’s Dangerous to Go Alone: Battling the Invisible Monsters in Tech — Julie Pagano (not seen)
325::What is coming in Python packaging — Noah Kantrowitz (not seen)
326::Fast Python, Slow Python — Alex Gaynor (not seen)
327::Which messaging layer should you use if you want to build a loosely coupled distributed Python app? — Narahari Allamraju (not seen)
",
    );
}

#[test]
fn list_filters_by_status_and_speaker() {
    notes()
        .args(["list", "--status", "partial"])
        .assert()
        .success()
        .stdout("241:saturday:Python Packaging (partial: headed to Web testing)\n");
    notes()
        .args(["list", "--speaker", "RHODES"])
        .assert()
        .success()
        .stdout("7:friday:All Your Ducks In A Row: Data Structures — Brandon Rhodes\n");
    notes()
        .args(["list", "--day", "sunday", "--status", "missed"])
        .assert()
        .code(1)
        .stdout("");
}

#[test]
fn grep_decorator_shows_the_decorator_bullets() {
    let session = "Decorators: A Powerful Weapon in your Python Aresenal";
    notes()
        .args(["grep", "decorator"])
        .assert()
        .success()
        .stdout(format!(
            "42:{session}:decorators wrap functions\n\
             49:{session}:decorators are (usually) closures\n\
             50:{session}:@decorator is syntactic sugar:\n\
             54:{session}:Good decorators are versatile, use *args and **kwargs\n"
        ));
}

#[test]
fn grep_shows_ancestors() {
    let out = stdout_of(notes().args(["grep", "-i", "fan-(in|out)"]));
    assert!(out.contains(
        "107:an-in and Fan-out › It’s everywhere!:SQL: fan-out – join, fan-in – group by\n"
    ));
    assert!(out.contains(
        "108:an-in and Fan-out › It’s everywhere!:MapReduce, fan-out – map, fan-in – reduce\n"
    ));
    assert_eq!(out.lines().count(), 5);
}

#[test]
fn grep_headings_group_hits() {
    notes()
        .args(["grep", "--heading", "-i", "SQL:|mapreduce"])
        .assert()
        .success()
        .stdout(
            "an-in and Fan-out — Brett Slatkin\n\
             106-  • It’s everywhere!\n\
             107:    • SQL: fan-out – join, fan-in – group by\n\
             108:    • MapReduce, fan-out – map, fan-in – reduce\n",
        );
}

#[test]
fn grep_flags() {
    let count = |args: &[&str]| stdout_of(notes().args(args)).lines().count();
    assert_eq!(count(&["grep", "Decorator"]), 1);
    assert_eq!(count(&["grep", "-i", "Decorator"]), 5);
    assert_eq!(count(&["grep", "-w", "decorator"]), 1, "@decorator");
    assert_eq!(count(&["grep", "-w", "decorators"]), 3);
    assert_eq!(count(&["grep", "-F", "*args"]), 1);
    assert_eq!(count(&["grep", "^Missed"]), 3);
}

#[test]
fn grep_exit_status() {
    notes()
        .args(["grep", "no such thing anywhere"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("");
}

#[test]
fn invalid_regex_is_one_line() {
    notes()
        .args(["grep", "(unclosed"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("error: invalid pattern `(unclosed`: unclosed group\n");
    let huge = notes().args(["grep", "(a{1000}){1000}"]).assert().code(2);
    let stderr = String::from_utf8_lossy(&huge.get_output().stderr).to_string();
    assert!(stderr.starts_with("error: invalid pattern"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1);
}

#[test]
fn show_prints_sessions_as_written() {
    notes()
        .args(["show", "CACHE ME"])
        .assert()
        .success()
        .stdout("Cache me if you can,\n\n  • review on video\n");
    let out = stdout_of(notes().args(["show", "lightning talks"]));
    assert!(out.starts_with("Lightning Talks, Friday PM\n\n  • Traversing"));
    assert_eq!(out.matches("Lightning Talks").count(), 4);
    assert!(out.contains("    • #positivepython\n\nLightning Talks, Saturday AM\n"));
    notes().args(["show", "zzz"]).assert().code(1).stdout("");
}

#[test]
fn print_gives_the_file_back() {
    notes().arg("print").assert().success().stdout(SEED);
    notes()
        .args(["print", "-f"])
        .arg(fixture("crlf.txt"))
        .assert()
        .success()
        .stdout(std::fs::read(fixture("crlf.txt")).unwrap());
}

/// A file big enough to be mapped, printed onto its own end (`notes print a >> a`):
/// the copy ends with the bytes that were there, once, as `cat` ends.
#[test]
fn print_onto_its_own_end_copies_the_file_once() {
    let dir = std::env::temp_dir().join(format!("notes-append-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big.txt");
    let original = SEED.repeat(1 + (512 * 1024) / SEED.len());
    std::fs::write(&path, &original).unwrap();
    let append = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_notes"))
        .args(["--no-config", "print", "-f"])
        .arg(&path)
        .stdin(std::process::Stdio::null())
        .stdout(append)
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(std::fs::read(&path).unwrap(), original.repeat(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn print_one_day() {
    let out = stdout_of(notes().args(["print", "--day", "sunday"]));
    assert!(out.starts_with("Lightning Talks Sunday AM\n"));
    assert!(out.ends_with("  • What kinds of things make you uncertain/insecure?\n\n"));
    assert!(!out.contains("Talks I did not see"));
    notes()
        .args(["print", "--day", "monday"])
        .assert()
        .code(1)
        .stdout("");
}

#[test]
fn every_fixture_prints_back_byte_for_byte() {
    let files = fixture_files();
    assert!(files.len() > 20, "{files:?}");
    for path in files {
        notes()
            .arg("--file")
            .arg(&path)
            .arg("print")
            .assert()
            .success()
            .stdout(std::fs::read(&path).unwrap());
    }
}

#[test]
fn fixtures_read_as_expected() {
    let cases = [
        (
            "tabs.txt",
            "5:friday:Opening Keynote — Grace Hopper\n\
             11:friday:Python Packaging (partial: left for lunch)\n",
        ),
        (
            "crlf.txt",
            "5:monday:Planning — Carol Willing (missed: the first half)\n10:monday:Retro\n",
        ),
        (
            "no-final-newline.txt",
            "1::Standalone talk — Raymond Hettinger\n",
        ),
        ("numbered.txt", "1::Designing APIs — Erik Rose\n"),
        ("code.txt", "1::Decorators — Colton Myers @basepi\n"),
        (
            "markdown.md",
            "5:friday:Keynote — Hynek Schlawack\n11:friday:Fenced code — Guido van Rossum\n",
        ),
        (
            "day-headings.txt",
            "5:thursday:Opening — Alice Smith\n\
             10:thursday:Second talk — Bob Jones\n\
             15:saturday:Closing — Carol Lee\n",
        ),
        (
            "no-days.txt",
            "3::Budget review — Brandon Rhodes\n5::Hiring\n",
        ),
        (
            "wishlist.txt",
            "3:sunday:Keynote — Van Lindbergh\n\
             8::Fast Python, Slow Python — Alex Gaynor (not seen)\n\
             9::Django: The good parts (not seen)\n",
        ),
        ("bom.txt", "3::Only talk — John Perry Barlow\n"),
    ];
    for (name, want) in cases {
        notes()
            .arg("-f")
            .arg(fixture(name))
            .arg("list")
            .assert()
            .success()
            .stdout(want)
            .stderr("");
    }
}

#[test]
fn fixtures_grep_code_and_numbered_lines() {
    notes()
        .arg("-f")
        .arg(fixture("code.txt"))
        .args(["grep", "myfunc"])
        .assert()
        .success()
        .stdout(
            "5:Decorators › @decorator is syntactic sugar::def myfunc():\n\
             7:Decorators › @decorator is syntactic sugar::myfunc = decorate(myfunc)\n",
        );
    notes()
        .arg("-f")
        .arg(fixture("numbered.txt"))
        .args(["grep", "^fail"])
        .assert()
        .success()
        .stdout("9:Designing APIs › composability:fail: deep hierarchies\n");
    notes()
        .arg("-f")
        .arg(fixture("markdown.md"))
        .args(["grep", "not a"])
        .assert()
        .success()
        .stdout(
            "14:Fenced code:# a comment, not a heading\n\
             15:Fenced code:- not a bullet\n",
        );
}

#[test]
fn windows_1252_is_read_as_such_and_printed_as_it_is() {
    let path = fixture("windows-1252.txt");
    // print gives the bytes on disk: nothing to decode, nothing to say.
    notes()
        .arg("-f")
        .arg(&path)
        .arg("print")
        .assert()
        .success()
        .stdout(std::fs::read(&path).unwrap())
        .stderr("");
    notes()
        .arg("-f")
        .arg(&path)
        .arg("list")
        .assert()
        .success()
        .stderr(format!(
            "warning: {}: line 3 is not valid UTF-8; bytes that are not are read as \
             Windows-1252 (-E chooses the encoding)\n",
            path.display()
        ));
    // The en dash before the speaker separates the speaker, as in UTF-8.
    notes()
        .arg("-f")
        .arg(&path)
        .args(["grep", "caf"])
        .assert()
        .success()
        .stdout("4:Quotes \u{201c}smart\u{201d}:caf\u{e9}\n");
    notes()
        .arg("-f")
        .arg(&path)
        .args(["list", "-E", "windows-1252"])
        .assert()
        .success()
        .stdout("3::Quotes \u{201c}smart\u{201d} \u{2014} Ann Lee\n")
        .stderr("");
    // As UTF-8 whatever the bytes: invalid ones are U+FFFD, once said.
    notes()
        .arg("-f")
        .arg(&path)
        .args(["-E", "utf-8", "grep", "caf"])
        .assert()
        .success()
        .stdout("4:Quotes \u{fffd}smart\u{fffd} \u{fffd} Ann Lee:caf\u{fffd}\n")
        .stderr(format!(
            "warning: {}: line 3 is not valid UTF-8; invalid bytes are shown as U+FFFD\n",
            path.display()
        ));
}

#[test]
fn stdin_and_notes_file() {
    notes()
        .args(["-f", "-", "list"])
        .write_stdin("Talk – Ann Lee\n  • x\n")
        .assert()
        .success()
        .stdout("1::Talk — Ann Lee\n");
    notes()
        .env("NOTES_FILE", fixture("no-days.txt"))
        .arg("list")
        .assert()
        .success()
        .stdout("3::Budget review — Brandon Rhodes\n5::Hiring\n");
    notes()
        .env("NOTES_FILE", "")
        .args(["list", "--day", "friday"])
        .assert()
        .success()
        .stdout(FRIDAY);
    notes()
        .env("NOTES_FILE", fixture("no-days.txt"))
        .args(["list", "-f"])
        .arg(fixture("bom.txt"))
        .assert()
        .success()
        .stdout("3::Only talk — John Perry Barlow\n");
}

#[test]
fn file_errors_name_the_file() {
    notes()
        .args(["-f", "no/such/file.txt", "list"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "error: could not read notes file `no/such/file.txt`: No such file or directory",
        ))
        .stderr(predicate::function(|s: &str| s.lines().count() == 1));
    let empty = std::env::temp_dir().join(format!("notes-empty-{}", std::process::id()));
    std::fs::create_dir_all(&empty).unwrap();
    notes()
        .arg("-f")
        .arg(&empty)
        .arg("list")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "error: no notes files (.txt, .md, ",
        ));
    std::fs::remove_dir_all(&empty).unwrap();
    notes()
        .env("NOTES_FILE", "missing-notes.txt")
        .arg("list")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`missing-notes.txt`"));
}

#[test]
fn unreadable_file_is_an_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = std::env::temp_dir().join(format!("notes-unreadable-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("secret.txt");
    std::fs::write(&path, "Talk\n").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        // Running as root: permissions do not apply, so there is nothing to test.
        std::fs::remove_dir_all(&dir).unwrap();
        return;
    }
    notes()
        .arg("-f")
        .arg(&path)
        .arg("list")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Permission denied"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn usage_errors_are_one_line() {
    notes()
        .args(["list", "--day", "fridya"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with("error: "))
        .stderr(predicate::str::contains("unknown day `fridya`"))
        .stderr(predicate::str::contains("monday or mon"))
        .stderr(predicate::function(|s: &str| s.lines().count() == 1));
    notes()
        .arg("grep")
        .assert()
        .code(2)
        .stderr("error: the following required arguments were not provided: <PATTERN>\n");
    notes()
        .args(["list", "--bogus"])
        .assert()
        .code(2)
        .stderr(predicate::function(|s: &str| {
            s.starts_with("error: ") && s.lines().count() == 1
        }));
}

#[test]
fn help_and_version_succeed() {
    notes()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("grep"));
    notes()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("notes "));
}

#[test]
fn colour_follows_the_flag_and_the_environment() {
    let escapes = |cmd: &mut Command| stdout_of(cmd).contains('\x1b');
    assert!(!escapes(notes().arg("list")));
    assert!(escapes(notes().args(["list", "--color", "always"])));
    assert!(escapes(notes().args([
        "--color=always",
        "grep",
        "decorator"
    ])));
    assert!(!escapes(notes().args(["list", "--color", "never"])));
    assert!(escapes(notes().env("CLICOLOR_FORCE", "1").arg("list")));
    assert!(!escapes(notes().env("NO_COLOR", "1").arg("list")));
    assert!(escapes(
        notes()
            .env("NO_COLOR", "1")
            .args(["list", "--color", "always"])
    ));
    assert!(!escapes(notes().args(["print", "--color", "always"])));
}

/// Enough sessions to overflow a pipe's buffer.
fn big_notes() -> PathBuf {
    let path = std::env::temp_dir().join(format!("notes-big-{}.txt", std::process::id()));
    let text: String = (0..20_000)
        .map(|i| format!("Talk number {i} – Ann Lee\n  • a bullet about things\n\n"))
        .collect();
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_big_file_reads_the_same_on_one_thread_and_on_two() {
    // Enough sessions for the reader to share them out, with days, speakers, handles,
    // statuses and sessions before the first day.
    let mut text = String::from("My notes from PyCon 2014\n\nEarly talk – Bo Li\n  • x\n\n");
    for day in ["Friday", "Saturday", "Sunday"] {
        text.push_str(&format!("{day}\n\n"));
        for i in 0..1500 {
            text.push_str(&format!(
                "Talk {i} on {day}, Ann Lee, @annlee\n  • a point\n"
            ));
            if i % 7 == 0 {
                text.push_str("  • Missed due to lunch\n");
            }
            text.push('\n');
        }
    }
    let path = std::env::temp_dir().join(format!("notes-threads-{}.txt", std::process::id()));
    std::fs::write(&path, text).unwrap();
    for args in [
        &["--json", "list"][..],
        &["missed"],
        &["days"],
        &["grep", "point"],
    ] {
        let on = |j: &str| stdout_of(notes().arg(j).arg("-f").arg(&path).args(args));
        let one = on("-j1");
        assert!(one.lines().count() >= 3, "{args:?}: {one}");
        assert_eq!(one, on("-j2"), "{args:?}");
    }
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn a_big_file_listed_as_it_is_read_names_the_days_of_the_whole() {
    // Sessions before any day, a "Day 1" that a later heading names as Friday, a
    // wishlist, weekday headings: enough for the list to be written a piece at a time
    // (and the first sessions to wait for their day over several pieces), while JSON
    // records are of the file read whole.
    let mut text = String::from("My notes\n\nEarly talk – Bo Li\n  • x\n\n");
    for i in 0..8000 {
        text.push_str(&format!("Early talk {i}\n  • a point\n\n"));
    }
    text.push_str("Day 1\n\n");
    for i in 0..8000 {
        text.push_str(&format!("Day one talk {i}, Ann Lee\n  • a point\n\n"));
    }
    text.push_str("Friday keynote – Cy Doe\n  • the keynote\n\nTalks I did not see, but looked good:\n  • One, Di Fox\n\n");
    for day in ["Saturday", "Sunday"] {
        text.push_str(&format!("{day}\n\n"));
        for i in 0..2000 {
            text.push_str(&format!(
                "Talk {i} on {day}\n  • a point\n  • Missed it\n\n"
            ));
        }
    }
    let path = std::env::temp_dir().join(format!("notes-stream-{}.txt", std::process::id()));
    std::fs::write(&path, text).unwrap();
    for command in ["list", "missed"] {
        let listed = stdout_of(notes().arg("-f").arg(&path).arg(command));
        let json = stdout_of(notes().arg("-f").arg(&path).args(["--json", command]));
        let whole: Vec<String> = json
            .lines()
            .map(|line| {
                let record: serde_json::Value = serde_json::from_str(line).unwrap();
                let day = record["day"].as_str().unwrap_or_default();
                format!("{}:{day}:", record["line"])
            })
            .collect();
        let streamed: Vec<String> = listed
            .lines()
            .map(|line| line.splitn(3, ':').take(2).collect::<Vec<_>>().join(":") + ":")
            .collect();
        assert_eq!(streamed, whole, "{command}");
        assert!(
            whole.len() > 4000 || command == "missed",
            "{command}: {}",
            whole.len()
        );
    }
    let listed = stdout_of(notes().arg("-f").arg(&path).arg("list"));
    assert!(
        listed.starts_with("3:friday:Early talk — Bo Li\n"),
        "{listed:.80}"
    );
    assert!(listed.contains(":friday:Friday keynote — Cy Doe\n"));
    assert!(listed.contains("::One, Di Fox (not seen)\n"));
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn grep_reads_in_full_every_session_a_literal_with_a_line_end_reaches() {
    // The literal `\nFoo` starts on the line before the heading it finds: the hit's
    // session is still read in full (its title without its speaker).
    let notes_file = std::env::temp_dir().join(format!("notes-nl-{}.txt", std::process::id()));
    std::fs::write(
        &notes_file,
        "My notes\n\nFriday\n\nFirst talk, Ann Lee\n  • a point\n\nFoo bar talk, Bo Li\n  • more\n",
    )
    .unwrap();
    for pattern in ["[[:space:]]?Foo", "\\n?Foo"] {
        notes()
            .arg("-f")
            .arg(&notes_file)
            .args(["grep", "-l", pattern])
            .assert()
            .success()
            .stdout("8:friday:Foo bar talk — Bo Li\n");
    }
    std::fs::remove_file(&notes_file).unwrap();
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let path = big_notes();
    for command in ["list", "print"] {
        ends_quietly_on_a_closed_pipe(&path, &[command]);
    }
    std::fs::remove_file(&path).unwrap();
}
