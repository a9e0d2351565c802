//! A folder of years of notes, as a user keeps one: nested years and events, a file per
//! day, a .gitignore, hidden files, a Windows-1252 file, standard input, a config file.

mod common;

use std::path::{Path, PathBuf};

use predicates::prelude::*;
use serde_json::Value;

use common::{notes, stdout_of};

/// A notes folder in a temporary directory, removed when dropped.
struct Folder(PathBuf);

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl Folder {
    fn path(&self, rel: &str) -> PathBuf {
        self.0.join(rel)
    }
}

const DAY1: &str = "# Friday, April 11\n\n## Decorators – Ann Lee\n\n- wrap functions\n\
    - Missed: lunch ran long\n- video: https://example.com/v/decorators\n\n\
    ## Packaging – Bob Roe\n\n- wheels everywhere\n  - build once\n  - upload\n- sdists too\n";
const DAY2: &str = "# Saturday, April 12\n\n## Tracing – Cy Dunn\n\n- spans and traces\n\
    - Partial, left early\n- slides [here](https://example.com/tracing.pdf)\n";
const CLOJURE: &str = "## Transducers – Ann Lee\n\n- transducers compose\n";
const MEETUP: &str =
    "#+TITLE: Rust Meetup\n#+DATE: 2023-05-06\n\n* Borrowing – Dee Fox\n- lifetimes\n";

fn folder(name: &str) -> Folder {
    // The process id in letters: a number in the folder's name could read as a year.
    let mut id = std::process::id();
    let mut tag = String::new();
    while id > 0 || tag.is_empty() {
        tag.push(char::from(b'a' + (id % 26) as u8));
        id /= 26;
    }
    let root = std::env::temp_dir().join(format!("notes-folder-{name}-{tag}"));
    let _ = std::fs::remove_dir_all(&root);
    let files: [(&str, &[u8]); 9] = [
        ("2014/pycon/day1.md", DAY1.as_bytes()),
        ("2014/pycon/day2.md", DAY2.as_bytes()),
        ("2021/euroclojure.md", CLOJURE.as_bytes()),
        ("2023/meetup.org", MEETUP.as_bytes()),
        (
            "2022/cp1252.txt",
            b"Old notes\n\nQuotes \x93smart\x94 \x96 Eve Gray\n  - caf\xe9\n",
        ),
        ("drafts/secret.md", b"## Secret - Zed Zee\n\n- x\n"),
        (".hidden.md", b"## Hidden - Yan Yu\n\n- x\n"),
        (".gitignore", b"drafts/\n"),
        (
            "README",
            "## Plain talk – Kim Orr\n\n- no extension\n".as_bytes(),
        ),
    ];
    for (rel, bytes) in files {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    // A git repository, so that .gitignore counts, as with rg.
    std::fs::create_dir_all(root.join(".git")).unwrap();
    Folder(root)
}

fn json(cmd: &mut common::Command) -> Vec<Value> {
    stdout_of(cmd)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

fn relative(out: &str, root: &Path) -> String {
    out.replace(&format!("{}/", root.display()), "")
}

#[test]
fn a_folder_is_walked_as_rg_walks_it_in_path_order() {
    let f = folder("walk");
    let out = stdout_of(notes().arg("list").arg(&f.0));
    assert_eq!(
        relative(&out, &f.0),
        "2014/pycon/day1.md:3:friday:Decorators — Ann Lee (missed: lunch ran long)\n\
         2014/pycon/day1.md:9:friday:Packaging — Bob Roe\n\
         2014/pycon/day2.md:3:saturday:Tracing — Cy Dunn (partial: left early)\n\
         2021/euroclojure.md:1::Transducers — Ann Lee\n\
         2022/cp1252.txt:3::Quotes \u{201c}smart\u{201d} — Eve Gray\n\
         2023/meetup.org:4:saturday:Borrowing — Dee Fox\n\
         README:1::Plain talk — Kim Orr\n"
    );
    let everything = stdout_of(notes().args(["list", "--hidden", "--no-ignore"]).arg(&f.0));
    // A repository's own files are never notes.
    std::fs::write(f.path(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
    let hidden = stdout_of(notes().args(["list", "--hidden"]).arg(&f.0));
    assert!(!hidden.contains(".git"), "{hidden}");
    assert!(
        everything.contains(":Hidden") && everything.contains(":Secret"),
        "{everything}"
    );
    assert!(!out.contains(":Hidden") && !out.contains(":Secret"));
    let org = stdout_of(notes().args(["list", "-t", "org"]).arg(&f.0));
    // One file read: no name, as the README says.
    assert_eq!(org, "4:saturday:Borrowing — Dee Fox\n");
    let shallow = stdout_of(
        notes()
            .args(["list", "--max-depth", "2", "-g", "!*.txt"])
            .arg(&f.0),
    );
    assert_eq!(
        relative(&shallow, &f.0),
        "2021/euroclojure.md:1::Transducers — Ann Lee\n\
         2023/meetup.org:4:saturday:Borrowing — Dee Fox\n\
         README:1::Plain talk — Kim Orr\n"
    );
}

#[test]
fn the_order_is_the_same_on_one_thread_and_on_many() {
    let f = folder("threads");
    for args in [
        vec!["list"],
        vec!["grep", "e"],
        vec!["grep", "--heading", "e"],
        vec!["--json", "missed"],
        vec!["show", "a"],
        vec!["check"],
        vec!["stats"],
        vec!["export", "--to", "opml"],
    ] {
        let one = stdout_of(notes().args(&args).arg("-j1").arg(&f.0));
        for threads in ["-j2", "-j8"] {
            let many = stdout_of(notes().args(&args).arg(threads).arg(&f.0));
            assert_eq!(one, many, "{args:?} {threads}");
        }
        assert!(!one.is_empty(), "{args:?}");
    }
}

#[test]
fn sessions_sort_by_date_undated_last() {
    let f = folder("date");
    let out = stdout_of(notes().args(["list", "--sort", "date", "-I"]).arg(&f.0));
    let titles: Vec<&str> = out
        .lines()
        .map(|l| {
            l.splitn(3, ':')
                .nth(2)
                .unwrap()
                .split(" — ")
                .next()
                .unwrap()
        })
        .collect();
    assert_eq!(
        titles,
        [
            "Decorators",
            "Packaging",
            "Tracing",
            "Borrowing",
            "Transducers",
            "Quotes \u{201c}smart\u{201d}",
            "Plain talk"
        ]
    );
}

#[test]
fn files_sort_by_modification_time() {
    let f = folder("modified");
    let at = |rel: &str, secs: u64| {
        let file = std::fs::File::options()
            .write(true)
            .open(f.path(rel))
            .unwrap();
        let time = std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs);
        file.set_modified(time).unwrap();
    };
    at("2023/meetup.org", 1_000);
    at("2021/euroclojure.md", 2_000);
    let out = stdout_of(
        notes()
            .args([
                "list",
                "--sort",
                "modified",
                "-I",
                "-t",
                "org",
                "-t",
                "md",
                "--max-depth",
                "2",
            ])
            .arg(&f.0),
    );
    // README has no extension: read as the Markdown it is, and written last.
    assert_eq!(
        out,
        "4:saturday:Borrowing — Dee Fox\n1::Transducers — Ann Lee\n1::Plain talk — Kim Orr\n"
    );
}

#[test]
fn a_closed_pipe_ends_a_folder_read_on_many_threads() {
    let root = std::env::temp_dir().join(format!("notes-folder-pipe-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).unwrap();
    for i in 0..600 {
        let talks: String = (0..20)
            .map(|t| format!("## Talk {i}.{t} – Ann Lee\n\n- wheels and more wheels\n\n"))
            .collect();
        std::fs::write(root.join(format!("f{i:03}.md")), talks).unwrap();
    }
    for args in [&["list", "-j4"][..], &["grep", "-j4", "wheels"]] {
        common::ends_quietly_on_a_closed_pipe(&root, args);
    }
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn completions_offer_values_not_file_names() {
    let bash = stdout_of(notes().args(["completions", "bash"]));
    assert!(bash.contains("monday tuesday wednesday thursday friday saturday sunday"));
    assert!(bash.contains("path modified date none"));
    assert!(bash.contains("attended missed partial not-seen"));
    // Options that take a number or a word offer no file names; -f does.
    // Every command's block for the option: each line after `OPTION)` up to `;;`.
    let completes_files = |option: &str| {
        let case = format!("{option})");
        let mut in_block = false;
        bash.lines().any(|line| {
            let line = line.trim();
            if line == case {
                in_block = true;
            } else if line == ";;" {
                in_block = false;
            }
            in_block && line.contains("compgen -f")
        })
    };
    for option in [
        "--max-depth",
        "--threads",
        "-j",
        "--session-level",
        "--depth",
        "--event",
        "--year",
        "--since",
        "-m",
        "-C",
        "--encoding",
    ] {
        assert!(bash.contains(&format!("{option})")), "{option}");
        assert!(!completes_files(option), "{option} completes file names");
    }
    assert!(completes_files("--file"));
}

#[test]
fn every_file_named_counts_before_and_after_the_command() {
    let f = folder("files");
    let out = stdout_of(
        notes()
            .arg("-f")
            .arg(f.path("2021/euroclojure.md"))
            .arg("list")
            .arg("-f")
            .arg(f.path("2023/meetup.org"))
            .arg(f.path("README")),
    );
    assert_eq!(out.lines().count(), 3, "{out}");
    assert!(out.contains("Transducers") && out.contains("Borrowing") && out.contains("Plain talk"));
}

#[test]
fn standard_input_is_read_when_piped() {
    notes()
        .arg("list")
        .write_stdin("## Piped – Ann Lee\n\n- x\n")
        .assert()
        .success()
        .stdout("1::Piped — Ann Lee\n");
    // Not piped (here /dev/null): the bundled notes.
    let bundled = stdout_of(notes().args(["list", "--day", "sunday"]));
    assert!(bundled.starts_with("287:sunday:"), "{bundled}");
}

#[test]
fn events_years_and_dates() {
    let f = folder("events");
    let records = json(notes().args(["--json", "list"]).arg(&f.0));
    let field = |i: usize, name: &str| records[i][name].clone();
    assert_eq!(field(0, "event"), "pycon");
    assert_eq!(field(0, "year"), 2014);
    assert_eq!(field(0, "date"), "2014-04-11");
    assert_eq!(field(2, "date"), "2014-04-12");
    assert_eq!(field(3, "event"), "euroclojure");
    assert_eq!(field(3, "year"), 2021);
    assert_eq!(field(3, "date"), Value::Null);
    assert_eq!(field(4, "event"), "Old notes");
    assert_eq!(field(4, "year"), 2022);
    assert_eq!(field(5, "event"), "Rust Meetup");
    assert_eq!(field(5, "date"), "2023-05-06");
    assert_eq!(field(6, "event"), "README");
    assert_eq!(field(6, "year"), Value::Null);

    let titles = |args: &[&str]| -> Vec<String> {
        json(notes().arg("--json").arg("list").args(args).arg(&f.0))
            .iter()
            .map(|r| r["title"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        titles(&["--event", "PYCÓN"]),
        ["Decorators", "Packaging", "Tracing"]
    );
    assert_eq!(
        titles(&["--year", "2021", "--year", "2023"]),
        ["Transducers", "Borrowing"]
    );
    assert_eq!(
        titles(&["--since", "2014-04-12", "--until", "2023"]),
        ["Tracing", "Borrowing"]
    );
    assert_eq!(
        titles(&["--day", "friday", "--day", "saturday"]),
        ["Decorators", "Packaging", "Tracing", "Borrowing"]
    );
    notes()
        .args(["list", "--since", "yesterday"])
        .arg(&f.0)
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "error: invalid date `yesterday` for --since",
        ));
}

#[test]
fn a_watch_list_with_links() {
    let f = folder("watch");
    let out = stdout_of(notes().args(["missed", "-I"]).arg(&f.0));
    assert_eq!(
        out,
        "3:friday:Decorators — Ann Lee (missed: lunch ran long) https://example.com/v/decorators\n\
         3:saturday:Tracing — Cy Dunn (partial: left early) https://example.com/tracing.pdf\n"
    );
    let records = json(
        notes()
            .args(["--json", "missed", "--since", "2014-04-12"])
            .arg(&f.0),
    );
    assert_eq!(records.len(), 1);
    assert_eq!(
        records[0]["links"],
        serde_json::json!(["https://example.com/tracing.pdf"])
    );
    // A reason that already gives the link is not followed by it again.
    let said = f.path("said.md");
    let text = "# Conf\n\n## Signals - Ann Lee\n\nMissed: watch https://example.org/signals\n";
    std::fs::write(&said, text).unwrap();
    notes()
        .arg("missed")
        .arg(&said)
        .assert()
        .stdout("3::Signals — Ann Lee (missed: watch https://example.org/signals)\n");
}

#[test]
fn speakers_stats_and_days_over_a_folder() {
    let f = folder("summary");
    let out = relative(&stdout_of(notes().arg("speakers").arg(&f.0)), &f.0);
    assert!(
        out.starts_with(
            "Ann Lee (2 talks; pycon 2014, euroclojure 2021): Decorators (friday, \
             2014/pycon/day1.md:3); Transducers (2021/euroclojure.md:1)\n"
        ),
        "{out}"
    );
    let people = json(notes().args(["--json", "speakers"]).arg(&f.0));
    assert_eq!(people[0]["talks"], 2);
    assert_eq!(
        people[0]["events"],
        serde_json::json!(["pycon", "euroclojure"])
    );
    assert_eq!(people[0]["years"], serde_json::json!([2014, 2021]));
    let stats = stdout_of(notes().arg("stats").arg(&f.0));
    assert_eq!(
        stats.lines().filter(|l| l.contains("sessions")).count(),
        1,
        "{stats}"
    );
    let total = stats.lines().last().unwrap();
    assert!(
        total.trim_start().starts_with("total") && total.contains(" 7 "),
        "{total}"
    );
    let days = relative(&stdout_of(notes().arg("days").arg(&f.0)), &f.0);
    assert!(
        days.starts_with("2014/pycon/day1.md:friday (Friday, April 11): 2 sessions"),
        "{days}"
    );
}

#[test]
fn file_names_as_rg_prints_them() {
    let f = folder("names");
    let one = f.path("2021/euroclojure.md");
    notes()
        .arg("list")
        .arg(&one)
        .assert()
        .stdout("1::Transducers — Ann Lee\n");
    let named = stdout_of(notes().args(["list", "-H"]).arg(&one));
    assert_eq!(
        named,
        format!("{}:1::Transducers — Ann Lee\n", one.display())
    );
    let nul = notes()
        .args(["list", "-H", "-0"])
        .arg(&one)
        .output()
        .unwrap()
        .stdout;
    assert_eq!(
        nul,
        format!("{}\01::Transducers — Ann Lee\n", one.display()).into_bytes()
    );
    let none = stdout_of(notes().args(["grep", "-I", "compose"]).arg(&f.0));
    assert_eq!(none, "3:Transducers:transducers compose\n");
    let records = json(notes().args(["--json", "list"]).arg(&one));
    assert_eq!(records[0]["file"], one.display().to_string());
}

#[test]
fn print_gives_back_the_bytes_on_disk_whole_or_filtered() {
    let f = folder("bytes");
    let bytes = |cmd: &mut common::Command| cmd.output().unwrap().stdout;
    let cp1252 = f.path("2022/cp1252.txt");
    let raw = std::fs::read(&cp1252).unwrap();
    assert_eq!(bytes(notes().arg("print").arg(&cp1252)), raw);
    assert_eq!(
        bytes(notes().args(["print", "--event", "old"]).arg(&cp1252)),
        b"Quotes \x93smart\x94 \x96 Eve Gray\n  - caf\xe9\n"
    );
    // UTF-16, with its NUL bytes: text all the same.
    let text = "Wide notes\n\nWide talk \u{2014} Wu Di\n  - note\n";
    let wide = f.path("wide.txt");
    let mut le = vec![0xff, 0xfe];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&wide, &le).unwrap();
    assert_eq!(bytes(notes().arg("print").arg(&wide)), le);
    let session: Vec<u8> = "Wide talk \u{2014} Wu Di\n  - note\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(
        bytes(notes().args(["print", "--event", "wide"]).arg(&wide)),
        session
    );
    let no_bom = f.path("no-bom.txt");
    std::fs::write(&no_bom, &le[2..]).unwrap();
    assert_eq!(
        bytes(notes().args(["print", "-E", "utf-16le"]).arg(&no_bom)),
        &le[2..]
    );
    notes()
        .arg("print")
        .arg(&no_bom)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("looks like a binary file"));
}

#[test]
fn null_ends_file_names_in_the_summaries_too() {
    let f = folder("nulls");
    let day1 = f.path("2014/pycon/day1.md");
    let day2 = f.path("2014/pycon/day2.md");
    let out = |args: &[&str]| {
        let out = notes().args(args).arg(&day1).arg(&day2).output().unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let name = format!("{}\0", day1.display());
    assert!(out(&["stats", "-0"]).contains(&name));
    assert!(!out(&["stats"]).contains('\0'));
    assert!(out(&["speakers", "-0"]).contains(&name));
    assert!(!out(&["speakers"]).contains('\0'));
}

#[test]
fn walk_options_and_filters_on_every_command() {
    let f = folder("options");
    let run = |args: &[&str]| stdout_of(notes().args(args).arg("-I").arg(&f.0));
    // -t with an alias, --until alone, --sort none (the walk's order, any order).
    assert_eq!(
        run(&["list", "-t", "org"]),
        "4:saturday:Borrowing — Dee Fox\n"
    );
    assert_eq!(
        run(&["list", "--until", "2014-04-11"]),
        "3:friday:Decorators — Ann Lee (missed: lunch ran long)\n\
         9:friday:Packaging — Bob Roe\n"
    );
    let mut unsorted: Vec<String> = run(&["list", "--sort", "none"])
        .lines()
        .map(String::from)
        .collect();
    let mut sorted: Vec<String> = run(&["list"]).lines().map(String::from).collect();
    unsorted.sort();
    sorted.sort();
    assert_eq!(unsorted, sorted);
    // The filters hold for grep, missed, speakers and stats as for list.
    assert_eq!(
        run(&["grep", "wheels", "--year", "2014"]),
        "11:Packaging:wheels everywhere\n"
    );
    notes()
        .args(["grep", "wheels", "--year", "2021"])
        .arg(&f.0)
        .assert()
        .code(1);
    assert_eq!(
        run(&["missed", "--event", "PYCON", "--until", "2014-04-11"]),
        "3:friday:Decorators — Ann Lee (missed: lunch ran long) https://example.com/v/decorators\n"
    );
    let speakers = stdout_of(notes().args(["speakers", "--year", "2021"]).arg(&f.0));
    assert!(
        speakers.starts_with("Ann Lee (1 talk; euroclojure 2021)"),
        "{speakers}"
    );
    let stats = run(&["stats", "--event", "rust"]);
    assert!(
        stats.contains("saturday") && !stats.contains("friday"),
        "{stats}"
    );
    // An .ignore file counts outside git too, as with rg.
    std::fs::write(f.path("2021/.ignore"), "euroclojure.md\n").unwrap();
    assert!(!run(&["list"]).contains("Transducers"));
    // todo carries the links of the talk's notes.
    std::fs::write(
        f.path("2023/todo.md"),
        "## Async - Ann Lee\n\n- TODO: watch it https://example.com/async\n\
         - [slides](https://example.com/async.pdf)\n",
    )
    .unwrap();
    let records = json(notes().args(["--json", "todo"]).arg(f.path("2023/todo.md")));
    assert_eq!(
        records[0]["links"],
        serde_json::json!(["https://example.com/async", "https://example.com/async.pdf"])
    );
}

#[test]
fn a_redirected_file_is_read_as_standard_input() {
    let f = folder("redirect");
    notes()
        .arg("list")
        .redirect_stdin(f.path("2021/euroclojure.md"))
        .unwrap()
        .assert()
        .success()
        .stdout("1::Transducers — Ann Lee\n");
}

#[test]
fn windows_1252_in_a_folder() {
    let f = folder("cp1252");
    notes()
        .args(["list", "-I"])
        .arg(f.path("2022/cp1252.txt"))
        .assert()
        .success()
        .stdout("3::Quotes \u{201c}smart\u{201d} — Eve Gray\n")
        .stderr(predicate::str::contains("read as Windows-1252"));
    let raw = std::fs::read(f.path("2022/cp1252.txt")).unwrap();
    notes()
        .arg("print")
        .arg(f.path("2022/cp1252.txt"))
        .assert()
        .stdout(raw);
}

#[test]
fn the_config_file_gives_defaults() {
    let f = folder("config");
    let config = f.path("notes.conf");
    std::fs::write(
        &config,
        format!(
            "# my defaults\n--color=always\n--file\n{}\n-I\n",
            f.path("2021").display()
        ),
    )
    .unwrap();
    let out = stdout_of(notes().env("NOTES_CONFIG_PATH", &config).arg("list"));
    assert!(
        out.contains("\x1b[") && out.contains("Transducers"),
        "{out}"
    );
    // Named paths and piped input win over the config's file; its other options hold.
    let named = stdout_of(
        notes()
            .env("NOTES_CONFIG_PATH", &config)
            .arg("list")
            .arg(f.path("README")),
    );
    assert!(named.contains("Plain talk") && !named.contains("Transducers"));
    notes()
        .env("NOTES_CONFIG_PATH", &config)
        .args(["list", "--color", "never"])
        .write_stdin("## Piped – Ann Lee\n\n- x\n")
        .assert()
        .stdout("1::Piped — Ann Lee\n");
    // --json in the config holds where there are records, and print has none.
    let json_config = f.path("json.conf");
    std::fs::write(&json_config, "--json\n").unwrap();
    notes()
        .env("NOTES_CONFIG_PATH", &json_config)
        .arg("print")
        .arg(f.path("README"))
        .assert()
        .success();
    let plain = stdout_of(notes().env("NOTES_CONFIG_PATH", &config).args([
        "--no-config",
        "list",
        "--day",
        "sunday",
    ]));
    assert!(plain.starts_with("287:sunday:") && !plain.contains('\x1b'));
    std::fs::write(&config, "--color=never\n\n--colour=always\n").unwrap();
    notes()
        .env("NOTES_CONFIG_PATH", &config)
        .arg("list")
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(format!(
            "error: {}:3: ",
            config.display()
        )))
        .stderr(predicate::function(|s: &str| s.lines().count() == 1));
}

#[test]
fn grep_like_grep() {
    let f = folder("grep");
    let day1 = f.path("2014/pycon/day1.md");
    let grep = |args: &[&str]| stdout_of(notes().arg("grep").args(args).arg(&day1));
    assert_eq!(
        grep(&["-e", "wheels", "-e", "sdists"]),
        "11:Packaging:wheels everywhere\n14:Packaging:sdists too\n"
    );
    assert_eq!(
        grep(&["-o", "w[a-z]+"]),
        "5:Decorators:wrap\n11:Packaging:wheels\n11:Packaging:where\n"
    );
    assert_eq!(
        grep(&["-m", "1", "e"]),
        "3:Decorators:Decorators – Ann Lee\n"
    );
    assert_eq!(
        grep(&["-A", "2", "wheels"]),
        "11:Packaging:wheels everywhere\n\
         12-Packaging › wheels everywhere-build once\n\
         13-Packaging › wheels everywhere-upload\n"
    );
    assert_eq!(
        grep(&["-B", "1", "sdists"]),
        "13-Packaging › wheels everywhere-upload\n14:Packaging:sdists too\n"
    );
    assert_eq!(
        grep(&["-C", "1", "build"]),
        "12:Packaging › wheels everywhere:build once\n\
         13-Packaging › wheels everywhere-upload\n"
    );
    // Context lines apart from each other are set apart with `--`, and named with `-`.
    assert_eq!(
        grep(&["-A1", "-e", "wheels", "-e", "sdists"]),
        "11:Packaging:wheels everywhere\n12-Packaging › wheels everywhere-build once\n--\n\
         14:Packaging:sdists too\n"
    );
    let named = stdout_of(notes().args(["grep", "-H", "-A1", "wheels"]).arg(&day1));
    let day1_name = day1.display();
    assert_eq!(
        named,
        format!(
            "{day1_name}:11:Packaging:wheels everywhere\n\
             {day1_name}-12-Packaging › wheels everywhere-build once\n"
        )
    );
    // Outside any session, context stays outside the sessions.
    notes()
        .args(["grep", "-A3", "venue"])
        .write_stdin("# Conf\n\n## Friday 2020-05-01\n\n- venue\n- lunch\n\n### Talk A — Xavier Young\n\n- alpha\n")
        .assert()
        .stdout("5:Conf › Friday 2020-05-01:venue\n6-Conf › Friday 2020-05-01-lunch\n");
    let inverted = grep(&["-v", "e"]);
    assert_eq!(
        inverted,
        "1::Friday, April 11\n5:Decorators:wrap functions\n\
         13:Packaging › wheels everywhere:upload\n14:Packaging:sdists too\n"
    );
    // An empty session title never starts a path with " › ".
    notes()
        .args(["grep", "x"])
        .write_stdin("-\n  - x\n")
        .assert()
        .stdout(predicate::str::contains(" › ").not());
}

#[test]
fn each_command_offers_only_its_options() {
    let help = stdout_of(notes().args(["completions", "--help"]));
    assert!(
        !help.contains("--file") && !help.contains("--json"),
        "{help}"
    );
    let print = stdout_of(notes().args(["print", "--help"]));
    assert!(!print.contains("--json") && print.contains("--day"));
    let top = stdout_of(notes().arg("--help"));
    for heading in ["Input:", "Folders:", "Output:", "Example:"] {
        assert!(top.contains(heading), "{heading}");
    }
    let list = stdout_of(notes().args(["list", "--help"]));
    assert!(list.contains("Filters:"));
}
