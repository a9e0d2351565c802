//! The binary in a shell's company: JSON Lines, export, several files, summaries,
//! completions and the man page.

mod common;

use common::Command;
use predicates::prelude::*;
use serde_json::Value;

use common::{ends_quietly_on_a_closed_pipe, fixture, notes, stdout_of};

fn json_lines(cmd: &mut Command) -> Vec<Value> {
    stdout_of(cmd)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is a JSON object"))
        .collect()
}

fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

#[test]
fn json_sessions_have_the_documented_fields() {
    let records = json_lines(notes().args(["--json", "list", "--day", "friday"]));
    let titles: Vec<&str> = records
        .iter()
        .map(|r| r["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles.len(), 11);
    assert_eq!(titles[0], "John Perry Barlow");
    assert_eq!(titles[10], "Lightning Talks, Friday PM");
    assert_eq!(
        keys(&records[0]),
        [
            "date",
            "day",
            "day_label",
            "day_number",
            "event",
            "file",
            "handles",
            "kind",
            "line",
            "links",
            "reason",
            "room",
            "speakers",
            "state",
            "status",
            "tags",
            "title",
            "year"
        ]
    );
    let decorators = &records[3];
    assert_eq!(decorators["file"], "pycon2014.txt");
    assert_eq!(decorators["line"], 39);
    assert_eq!(decorators["day"], "friday");
    assert_eq!(decorators["speakers"], serde_json::json!(["Colton Myers"]));
    assert_eq!(decorators["handles"], serde_json::json!(["@basepi"]));
    assert_eq!(decorators["kind"], "talk");
    assert_eq!(decorators["status"], "attended");
    assert_eq!(decorators["reason"], Value::Null);
    assert_eq!(decorators["event"], "My notes from PyCon 2014");
    assert_eq!(decorators["year"], 2014);
    assert_eq!(decorators["date"], Value::Null);
    assert_eq!(records[4]["status"], "missed");
    assert_eq!(records[10]["kind"], "lightning-talks");

    let missed = json_lines(notes().args(["missed", "--json"]));
    assert_eq!(missed.len(), 13);
    assert_eq!(missed[2]["reason"], "due to lunch going long");
    assert_eq!(missed[4]["day"], Value::Null);
    assert_eq!(missed[4]["status"], "not-seen");
    assert_eq!(missed[4]["kind"], "wishlist");
}

#[test]
fn json_hits_have_paths_and_match_offsets() {
    let hits = json_lines(notes().args(["--json", "grep", "-i", "fan-(in|out)"]));
    assert_eq!(hits.len(), 5);
    assert_eq!(
        keys(&hits[0]),
        [
            "date", "event", "file", "line", "matches", "path", "session", "text", "year"
        ]
    );
    let sql = &hits[3];
    assert_eq!(sql["line"], 107);
    assert_eq!(sql["session"], "an-in and Fan-out");
    assert_eq!(
        sql["path"],
        serde_json::json!(["an-in and Fan-out", "It’s everywhere!"])
    );
    assert_eq!(sql["text"], "SQL: fan-out – join, fan-in – group by");
    assert_eq!(sql["matches"], serde_json::json!([[5, 12], [23, 29]]));
    let text = sql["text"].as_str().unwrap();
    assert_eq!(&text[5..12], "fan-out");
    let decorator = json_lines(notes().args(["--json", "grep", "decorator"]));
    assert!(
        decorator
            .iter()
            .all(|h| h["path"][0] == "Decorators: A Powerful Weapon in your Python Aresenal")
    );
}

#[test]
fn json_show_carries_the_text() {
    let shown = json_lines(notes().args(["--json", "show", "cache me"]));
    assert_eq!(shown.len(), 1);
    assert_eq!(
        shown[0]["text"],
        "Cache me if you can,\n\n  • review on video\n"
    );
    let talk = json_lines(notes().args(["--json", "show", ".net"]));
    assert_eq!(talk[0]["kind"], "lightning-talk");
    assert_eq!(talk[0]["title"], "Python .NET");
    assert_eq!(talk[0]["speakers"], serde_json::json!(["John Gill"]));
    assert_eq!(talk[0]["line"], 128);
}

#[test]
fn json_is_refused_where_there_is_none() {
    notes()
        .args(["--json", "print"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "error: `notes print` has no JSON output",
        ));
}

#[test]
fn several_files_are_named_in_every_record() {
    let a = fixture("tabs.txt");
    let b = fixture("no-days.txt");
    let out = stdout_of(
        notes()
            .arg("-f")
            .arg(&a)
            .arg("-f")
            .arg(&b)
            .args(["grep", "-i", "r"]),
    );
    let a = a.display().to_string();
    let b = b.display().to_string();
    assert!(out.contains(&format!("{a}:7:Opening Keynote:nanoseconds are wires\n")));
    assert!(out.contains(&format!("{b}:6:Hiring:two roles\n")));
    assert!(out.lines().all(|l| l.starts_with(&a) || l.starts_with(&b)));
    assert!(out.find(&a) < out.find(&b), "files keep their order");
    let hits = json_lines(notes().arg("-f").arg(&a).args(["--json", "grep", "wires"]));
    assert_eq!(hits[0]["file"], a.as_str());
}

#[test]
fn notes_file_holds_several_paths() {
    let path = format!(
        "{}:{}",
        fixture("tabs.txt").display(),
        fixture("bom.txt").display()
    );
    let out = stdout_of(notes().env("NOTES_FILE", path).arg("list"));
    assert_eq!(out.lines().count(), 3);
    assert!(out.ends_with("bom.txt:3::Only talk — John Perry Barlow\n"));
}

#[test]
fn a_directory_means_its_notes_files_in_name_order() {
    let out = stdout_of(notes().arg("-f").arg(fixture("")).arg("list"));
    let files: Vec<&str> = out.lines().map(|l| l.split(':').next().unwrap()).collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted);
    assert!(files.iter().any(|f| f.ends_with("markdown.md")));
    assert!(files.iter().any(|f| f.ends_with("wishlist.txt")));
}

#[test]
fn a_missing_file_among_several_is_reported_and_the_rest_still_read() {
    notes()
        .args(["-f", "missing.txt", "-f"])
        .arg(fixture("bom.txt"))
        .arg("list")
        .assert()
        .code(2)
        .stdout(predicate::str::ends_with(
            "bom.txt:3::Only talk — John Perry Barlow\n",
        ))
        .stderr(predicate::str::starts_with(
            "error: could not read notes file `missing.txt`",
        ));
}

#[test]
fn stdin_is_labelled() {
    let hits = json_lines(
        notes()
            .args(["-f", "-", "--json", "grep", "x"])
            .write_stdin("Talk\n  • x\n"),
    );
    assert_eq!(hits[0]["file"], "<stdin>");
}

#[test]
fn grep_counts_and_sessions_with_matches() {
    notes()
        .args(["grep", "-c", "decorator"])
        .assert()
        .success()
        .stdout("39:Decorators: A Powerful Weapon in your Python Aresenal:4\n");
    notes()
        .args(["grep", "-c", "Friday"])
        .assert()
        .success()
        .stdout("116:Lightning Talks, Friday PM:1\n");
    notes()
        .args(["grep", "-l", "-i", "fan-in"])
        .assert()
        .success()
        .stdout("95:friday:an-in and Fan-out — Brett Slatkin\n");
    let counts = json_lines(notes().args(["--json", "grep", "-c", "PyCon"]));
    assert_eq!(counts[0]["line"], Value::Null);
    assert_eq!(counts[0]["count"], 1);
    assert_eq!(
        counts[1]["session"],
        "All Your Ducks In A Row: Data Structures"
    );
}

#[test]
fn grep_smart_case_and_scopes() {
    let count = |args: &[&str]| stdout_of(notes().args(args)).lines().count();
    assert_eq!(count(&["grep", "-S", "decorator"]), 5);
    assert_eq!(count(&["grep", "-S", "Decorator"]), 1);
    assert_eq!(count(&["grep", "-i", "python", "--day", "sunday"]), 7);
    assert_eq!(count(&["grep", "-i", "python", "--session", "GUIDO"]), 6);
    assert_eq!(count(&["grep", "-i", "python", "--session", "perez"]), 4);
    notes()
        .args(["grep", "python", "--day", "monday"])
        .assert()
        .code(1);
}

#[test]
fn speaker_and_show_ignore_accents() {
    notes()
        .args(["list", "--speaker", "perez"])
        .assert()
        .success()
        .stdout("156:saturday:Python & Science — Fernando Pérez\n");
    notes()
        .args(["show", "PEREZ"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "Python & Science – Fernando Pérez\n",
        ));
    notes()
        .args(["list", "--speaker", "gill"])
        .assert()
        .success()
        .stdout("116:friday:Lightning Talks, Friday PM\n");
}

#[test]
fn show_finds_a_lightning_talk_with_its_heading() {
    notes()
        .args(["show", "structured logging"])
        .assert()
        .success()
        .stdout(
            "Lightning Talks, Friday PM\n  • Structured logging\n    • formatting, invisible to app code\n    • context\n    • structlog, wraps anything\n",
        );
}

#[test]
fn speakers_include_lightning_talk_speakers() {
    let out = stdout_of(notes().arg("speakers"));
    assert!(out.contains("John Gill: Python .NET (friday)\n"));
    assert!(out.contains("Larry Hastings: Things You Didn’t Know (saturday)\n"));
    assert!(out.contains(
        "Colton Myers @basepi: Decorators: A Powerful Weapon in your Python Aresenal (friday)\n"
    ));
    assert!(out.contains("Alex Gaynor: Fast Python, Slow Python\n"));
    let names: Vec<&str> = out.lines().map(|l| l.split(':').next().unwrap()).collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(names, sorted);
    let records = json_lines(notes().args(["--json", "speakers"]));
    let colton = records
        .iter()
        .find(|r| r["name"] == "Colton Myers")
        .unwrap();
    assert_eq!(
        keys(colton),
        ["events", "handles", "name", "sessions", "talks", "years"]
    );
    assert_eq!(colton["handles"], serde_json::json!(["@basepi"]));
    assert_eq!(colton["talks"], 1);
    assert_eq!(
        colton["events"],
        serde_json::json!(["My notes from PyCon 2014"])
    );
    assert_eq!(colton["years"], serde_json::json!([2014]));
    assert_eq!(
        colton["sessions"][0],
        serde_json::json!({"file": "pycon2014.txt", "event": "My notes from PyCon 2014", "year": 2014, "line": 39, "title": "Decorators: A Powerful Weapon in your Python Aresenal", "day": "friday"})
    );
}

#[test]
fn days_and_stats() {
    notes().arg("days").assert().success().stdout(
        "friday: 11 sessions, 95 notes lines\n\
         saturday: 13 sessions, 112 notes lines\n\
         sunday: 3 sessions, 21 notes lines\n",
    );
    notes().arg("stats").assert().success().stdout(
        "day       sessions    lines    words   missed  partial not seen\n\
         friday          11       95      536        2        0        0\n\
         saturday        13      112      630        1        1        0\n\
         sunday           3       21       86        0        0        0\n\
         no day           9        0        0        0        0        9\n\
         total           36      228     1252        3        1        9\n",
    );
    let days = json_lines(notes().args(["--json", "days"]));
    assert_eq!(
        days[0],
        serde_json::json!({"file": "pycon2014.txt", "day": "friday", "day_number": 1,
            "day_label": null, "sessions": 11, "lines": 95})
    );
    let stats = json_lines(notes().args(["--json", "stats"]));
    assert_eq!(stats.len(), 5);
    assert_eq!(stats[4]["total"], true);
    assert_eq!(stats[4]["not_seen"], 9);
    notes()
        .arg("-f")
        .arg(fixture("no-days.txt"))
        .arg("days")
        .assert()
        .code(1)
        .stdout("");
}

#[test]
fn todo_lists_follow_ups() {
    notes().arg("todo").assert().success().stdout(
        "5:John Perry Barlow:Go back – couple of fun quotes\n\
         37:Cache me if you can:review on video\n\
         70:Porting from Python 2 to 3:Missed due to Inder meeting, review on video\n\
         74:Death of JavaScript:Missed due to Inder meeting, review on video\n\
         150:Lightning Talks, Saturday AM › Software Gardening:look it up\n\
         319:Upgrade your Web Development Toolchain:Would like to see: Upgrade your Web Development Toolchain\n",
    );
    notes()
        .arg("-f")
        .arg(fixture("tabs.txt"))
        .arg("todo")
        .assert()
        .code(1);
}

#[test]
fn tree_draws_the_outline() {
    notes()
        .args(["tree", "--depth", "1", "--day", "sunday"])
        .assert()
        .success()
        .stdout(
            "My notes from PyCon 2014.\n\
             ├─ Lightning Talks Sunday AM (sunday)\n\
             ├─ Van Lindbergh (sunday)\n\
             └─ Guido van Rossum (sunday)\n",
        );
    notes()
        .arg("-f")
        .arg(fixture("tabs.txt"))
        .args(["tree", "--ascii"])
        .assert()
        .success()
        .stdout(
            "DevConf notes\n\
             |- Opening Keynote — Grace Hopper (friday)\n\
             |  |- nanoseconds are wires\n\
             |  |  `- hand them out\n\
             |  `- ships are safe in harbour\n\
             `- Python Packaging (friday) (partial: left for lunch)\n   \
                |- Partial, left for lunch\n   \
                `- wheels\n",
        );
    let nodes = json_lines(
        notes()
            .arg("-f")
            .arg(fixture("tabs.txt"))
            .args(["--json", "tree"]),
    );
    assert_eq!(nodes.len(), 7);
    assert_eq!(
        nodes[2],
        serde_json::json!({"file": notes_path("tabs.txt"), "line": 8, "depth": 3, "kind": "bullet", "text": "hand them out"})
    );
    notes().args(["tree", "--day", "monday"]).assert().code(1);
}

fn notes_path(name: &str) -> String {
    fixture(name).display().to_string()
}

#[test]
fn markdown_export_reads_back_to_the_same_sessions() {
    let without_lines = |out: String| -> Vec<String> {
        out.lines()
            .map(|l| l.split_once(':').unwrap().1.to_string())
            .collect()
    };
    for file in [
        None,
        Some(fixture("wishlist.txt")),
        Some(fixture("markdown.md")),
    ] {
        let mut export = notes();
        let mut list = notes();
        if let Some(file) = &file {
            export.arg("-f").arg(file);
            list.arg("-f").arg(file);
        }
        let markdown = export
            .args(["export", "--to", "markdown"])
            .output()
            .unwrap()
            .stdout;
        let reread = stdout_of(notes().args(["-f", "-", "list"]).write_stdin(markdown));
        assert_eq!(
            without_lines(reread),
            without_lines(stdout_of(list.arg("list"))),
            "{file:?}"
        );
    }
    let friday = stdout_of(notes().args(["export", "--to", "markdown", "--day", "friday"]));
    assert!(
        friday.starts_with("# My notes from PyCon 2014.\n\n## Friday\n\n## John Perry Barlow\n")
    );
    assert!(!friday.contains("Saturday"));
}

#[test]
fn opml_export_is_well_formed_with_one_outline_per_node() {
    let xml = stdout_of(notes().args(["export", "--to", "opml"]));
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "opml");
    assert_eq!(root.attribute("version"), Some("2.0"));
    let outlines: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("outline"))
        .collect();
    let body = root.children().find(|n| n.has_tag_name("body")).unwrap();
    let sessions: Vec<_> = body
        .children()
        .filter(|n| n.has_tag_name("outline"))
        .collect();
    assert_eq!(sessions.len(), 36);
    let decorators = sessions[3];
    assert_eq!(
        decorators.attribute("text"),
        Some("Decorators: A Powerful Weapon in your Python Aresenal")
    );
    assert_eq!(decorators.attribute("speakers"), Some("Colton Myers"));
    assert_eq!(decorators.attribute("handles"), Some("@basepi"));
    assert_eq!(decorators.attribute("day"), Some("friday"));
    assert_eq!(sessions[4].attribute("status"), Some("missed"));
    let seed = include_str!("../notes/pycon2014.txt");
    let non_blank = seed.lines().filter(|l| !l.trim().is_empty()).count();
    // Every non-blank line but the title and the wishlist heading is one outline.
    assert_eq!(outlines.len(), non_blank - 2);
}

#[test]
fn json_export_is_one_nested_tree_per_file() {
    let out = stdout_of(notes().args(["export", "--to", "json"]));
    assert_eq!(out.lines().count(), 1);
    let tree: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(tree["title"], "My notes from PyCon 2014.");
    let sessions = tree["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 36);
    let fan = &sessions[9];
    assert_eq!(fan["title"], "an-in and Fan-out");
    let everywhere = fan["notes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["text"] == "It’s everywhere!")
        .unwrap();
    assert_eq!(everywhere["marker"], "•");
    assert_eq!(
        everywhere["children"][0]["text"],
        "SQL: fan-out – join, fan-in – group by"
    );
    let two = stdout_of(
        notes()
            .arg("-f")
            .arg(fixture("tabs.txt"))
            .arg("-f")
            .arg(fixture("bom.txt"))
            .args(["export", "--to", "json"]),
    );
    assert_eq!(two.lines().count(), 2);
    notes()
        .args(["export", "--to", "json", "--day", "monday"])
        .assert()
        .code(1);
}

#[test]
fn deep_outlines_export_without_overflowing() {
    // An outline's size grows with the square of its depth (each level indents one
    // more tab), so this depth keeps the input to a size a test can afford.
    let depth = 4_000;
    let src: String = std::iter::once("Talk\n".to_string())
        .chain((0..depth).map(|d| format!("{}- x\n", "\t".repeat(d + 1))))
        .collect();
    for to in ["json", "opml"] {
        let out = notes()
            .args(["-f", "-", "export", "--to", to])
            .write_stdin(src.clone())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{to}");
    }
    let out = notes()
        .args(["-f", "-", "export", "--to", "json"])
        .write_stdin(src)
        .output()
        .unwrap();
    // Parsing that into a serde_json::Value would itself recurse; check the nesting
    // with a scanner instead: brackets balance and go as deep as the outline.
    assert_eq!(max_nesting(&out.stdout), Some(4 + 2 * depth));
}

/// The deepest nesting of a JSON text's arrays and objects, or None when brackets do
/// not balance.
fn max_nesting(json: &[u8]) -> Option<usize> {
    let (mut depth, mut max, mut in_string, mut escaped) = (0usize, 0, false, false);
    for &b in json {
        match (in_string, escaped, b) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (true, false, b'"') => in_string = false,
            (true, false, _) => {}
            (false, _, b'"') => in_string = true,
            (false, _, b'[' | b'{') => {
                depth += 1;
                max = max.max(depth);
            }
            (false, _, b']' | b'}') => depth = depth.checked_sub(1)?,
            _ => {}
        }
    }
    (depth == 0 && !in_string).then_some(max)
}

#[test]
fn completions_for_every_shell_and_a_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout_of(notes().args(["completions", shell]));
        assert!(script.len() > 500, "{shell}");
        assert!(script.contains("notes"), "{shell}");
        assert!(script.contains("grep"), "{shell}");
    }
    let man = stdout_of(notes().arg("man"));
    assert!(man.starts_with(".ie") || man.contains(".TH notes"), "roff");
    for sub in [
        "list",
        "grep",
        "missed",
        "show",
        "print",
        "export",
        "speakers",
        "days",
        "stats",
        "todo",
        "tree",
        "check",
        "completions",
        "man",
    ] {
        assert!(
            man.contains(&format!("notes\\-{sub}")) || man.contains(sub),
            "{sub}"
        );
    }
}

#[test]
fn help_shows_an_example_and_hides_the_environment() {
    notes()
        .env("NOTES_FILE", "/secret/path.txt")
        .args(["list", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Example:\n  notes list --day friday",
        ))
        .stdout(predicate::str::contains("/secret/path.txt").not());
}

/// New commands end quietly on a closed pipe, too.
#[test]
fn a_closed_pipe_ends_quietly() {
    let path = std::env::temp_dir().join(format!("notes-pipe-{}.txt", std::process::id()));
    let text: String = (0..20_000)
        .map(|i| format!("Talk number {i} – Ann Lee\n  • review this later\n\n"))
        .collect();
    std::fs::write(&path, text).unwrap();
    for args in [
        &["--json", "list"][..],
        &["todo"],
        &["tree"],
        &["export", "--to", "opml"],
        &["export", "--to", "markdown"],
        &["speakers"],
    ] {
        ends_quietly_on_a_closed_pipe(&path, args);
    }
    std::fs::remove_file(&path).unwrap();
}
