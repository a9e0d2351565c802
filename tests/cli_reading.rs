//! How the reader reads the structures people write notes in, through the real binary,
//! on fixtures written for them (tests/fixtures/reading): groups and sections beside
//! talks at several depths, a file that is one talk, plain notes written as unindented
//! lines, quoted schedule blocks, lightning talks in each form, numbered items, a
//! checklist, speaker lines of each form, each form of day, statuses, the overrides and
//! `check --explain`.

mod common;

use common::{fixture, notes, stdout_of};
use predicates::prelude::*;

fn run(file: &str, args: &[&str]) -> String {
    stdout_of(
        notes()
            .args(["--color", "never", "-f"])
            .arg(fixture(&format!("reading/{file}")))
            .args(args),
    )
}

fn json(file: &str, args: &[&str]) -> Vec<serde_json::Value> {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    run(file, &all)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

#[test]
fn groups_sections_and_talks_at_several_depths() {
    // Keynotes, Talks and Track B hold talks; Introduction, Social events and Links are
    // sections; Fearless refactoring sits right under its day.
    assert_eq!(
        run("groups.md", &["list"]),
        "11:friday:Opening keynote — Maria Santos\n\
         16:friday:The cost of abstractions — Tomás Ferreira\n\
         22:friday:Error handling in large codebases\n\
         27:friday:Async without tears\n\
         33:saturday:Fearless refactoring — Ines Duarte\n\
         40:saturday:Embedded Rust on a budget\n\
         45:saturday:Testing with property checks\n"
    );
    // A line of a section belongs to no session; its path says where it is.
    assert_eq!(
        run("groups.md", &["grep", "harbour"]),
        "51:RustFest Lisbon 2024 › Social events:Dinner at the harbour, then fado until late.\n"
    );
}

#[test]
fn prose_beside_the_days_is_a_section() {
    assert_eq!(
        run("prose-beside-days.md", &["list"]),
        "9:day 1:Error handling at scale\n15:day 2:Embedded on a budget\n"
    );
    assert!(
        run("prose-beside-days.md", &["check", "--explain"])
            .contains("'## About this conference' read as a section")
    );
}

#[test]
fn a_talk_in_the_title_s_header_is_still_a_talk() {
    // The title names the event and a second top heading follows: the talk with notes
    // under the title is a session, not a line of its header.
    assert_eq!(
        run("title-beside.md", &["list"]),
        "3::Arrow inside pandas\n10::Dask at scale\n14::Polars or pandas\n"
    );
}

#[test]
fn a_file_that_is_one_talk() {
    let records = json("one-talk.md", &["list"]);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["title"], "Parsing the web");
    assert_eq!(records[0]["speakers"], serde_json::json!(["Ada Okafor"]));
    let tree: serde_json::Value =
        serde_json::from_str(&run("one-talk.md", &["export", "--to", "json"])).unwrap();
    assert_eq!(tree["title"], "Parsing the web by Ada Okafor");
    // Its sections are parts of it.
    assert_eq!(
        run("one-talk.md", &["grep", "real pages"]),
        "12:Parsing the web › Lessons:test with real pages\n"
    );
    let records = json("one-talk-line.md", &["list"]);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["speakers"], serde_json::json!(["Lena Vogt"]));
    assert_eq!(records[0]["handles"], serde_json::json!(["@lenavogt"]));
    // "Title by Name", or a `by Name` line under it, right over its parts.
    for file in ["one-talk-parts.md", "one-talk-byline.md"] {
        assert_eq!(
            run(file, &["list"]),
            "1::Caching at the edge — Noor Haddad\n",
            "{file}"
        );
        assert!(run(file, &["grep", "coalescing"]).contains("Caching at the edge › What worked:"));
    }
    // A heading that only names someone, with nothing under it, is over the talks.
    assert_eq!(
        run("author-over-talks.md", &["list"]),
        "3::Caching at the edge\n7::Queues in practice\n"
    );
}

#[test]
fn plain_notes_written_as_unindented_lines() {
    // Sessions start after a rule or a run of blank lines; a lightning-talks line over
    // talks divided by `--` is a group; the other unindented lines are notes.
    assert_eq!(
        run("unindented.txt", &["list"]),
        "3::Opening and welcome\n\
         7::Notebooks in production\n\
         19::Forecasting demand with gradient boosting\n\
         31::Cleaning survey data\n\
         33::Plotting maps without tears\n\
         39::Scaling pandas (missed: wanted to watch)\n\
         43::Closing remarks\n"
    );
    assert_eq!(
        run("unindented.txt", &["grep", "Hidden state"]),
        "13:Notebooks in production:Hidden state between cells is the usual cause.\n"
    );
    let tree: serde_json::Value =
        serde_json::from_str(&run("unindented.txt", &["export", "--to", "json"])).unwrap();
    assert_eq!(tree["title"], "PyData Porto 2023");
    // The day in the title holds for the sessions.
    assert_eq!(
        run("unindented-blank.txt", &["list"]),
        "3:day 1:Keynote: the state of the web\n8:day 1:Accessibility in practice\n"
    );
}

#[test]
fn speaker_lines_indented_one_space() {
    // A vim-outliner file: speakers one space in, notes a tab in; a later speaker line
    // in the same form joins them.
    let records = json("speakers.otl", &["list"]);
    assert_eq!(records.len(), 1);
    assert_eq!(
        records[0]["speakers"],
        serde_json::json!(["Priya Raman", "Jonas Berg", "Chen Wei"])
    );
}

#[test]
fn quoted_schedule_blocks() {
    let records = json("schedule.md", &["list"]);
    let titles: Vec<&str> = records
        .iter()
        .map(|r| r["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Keynote: The Go scheduler, up close",
            "Generics one year later",
            "Pairing across time zones",
            "Profiling in production"
        ]
    );
    assert_eq!(
        records[2]["speakers"],
        serde_json::json!(["Eva Holm", "Jussi Laine"])
    );
    assert_eq!(records[2]["status"], "missed");
    assert_eq!(records[3]["day"], "friday");
}

#[test]
fn lightning_talks_with_headings_or_rules_are_sessions() {
    assert_eq!(
        run("lightning.md", &["list"]),
        "5::Shell history as a notebook — Omar Haddad\n\
         9::A tiny static site generator — Julia Brandt\n\
         15::property tests for parsers\n\
         20::sqlite as an application file format\n\
         25::CSS grid in ten minutes\n"
    );
}

#[test]
fn numbered_items_over_notes() {
    // A file that is only a lightning-talks block of numbered items.
    assert_eq!(
        run("numbered.txt", &["list"]),
        "3:wednesday:Faster builds with caching — Dana Whitfield\n\
         5:wednesday:a tiny web framework — Sam Osei\n\
         7:wednesday:Why we removed our ORM\n\
         9:wednesday:Oksana Petrenko\n"
    );
    assert_eq!(
        run("numbered-sessions.txt", &["list"]),
        "3::Welcome and logistics\n6::Why types matter — Kim Lee\n9::Roadmap\n"
    );
}

#[test]
fn a_checklist_of_talks_is_a_plan() {
    assert_eq!(
        run("checklist.md", &["list"]),
        "9::Building resilient systems — Erika Moll\n15::Nerves in the field\n"
    );
    // A bullet that is not an item makes the list notes, and its heading a talk.
    common::notes()
        .args(["--syntax", "md", "list"])
        .write_stdin(
            "# Plans\n\n## Tracing – Ann Lee\n\n- [ ] read the paper\n- spans nest\n- [ ] try it\n",
        )
        .assert()
        .stdout("3::Tracing — Ann Lee\n");
}

#[test]
fn speakers_in_every_form() {
    let records = json("speakers.md", &["list"]);
    let speakers: Vec<(String, serde_json::Value, serde_json::Value)> = records
        .iter()
        .map(|r| {
            (
                r["title"].as_str().unwrap().to_string(),
                r["speakers"].clone(),
                r["handles"].clone(),
            )
        })
        .collect();
    let want = [
        ("Talk with a bold name line", vec!["Grace Adeyemi"]),
        ("Talk with a role", vec!["Noah Fischer"]),
        ("Talk with a company in parentheses", vec!["Mei Tanaka"]),
        ("Talk with a handle", vec!["Lucas Moreau"]),
        ("Talk with only a handle", vec![]),
        ("Talk with a link", vec!["Sofia Rossi"]),
        (
            "Talk with a label",
            vec!["Ravi Kumar", "Ana Silva", "Tom Becker"],
        ),
        ("Talk with a presenter", vec!["Hana Novak"]),
        ("Panel on maintainers", vec!["Ola Nordmann", "Kari Hansen"]),
        ("Talk with a name heading", vec!["Fatima Zahra"]),
        ("Talk with a speakers list", vec!["Liam Walsh", "Nora Berg"]),
        ("A talk whose notes cite someone", vec![]),
        ("Interview", vec!["Yusuf Demir", "Aylin Kaya"]),
        ("Scaling queues", vec!["Ines Duarte", "Bo Chen", "Cy Dunn"]),
        ("Talk with a linked name", vec!["Laura Castell"]),
        ("Typed configs", vec!["Anne d'Arbois"]),
        ("Lower-case byline", vec!["e. marta rovelle"]),
        ("Parsers", vec!["Nguyễn Văn An"]),
    ];
    assert_eq!(speakers.len(), want.len());
    for ((title, got, _), (want_title, want_names)) in speakers.iter().zip(want) {
        assert_eq!(title, want_title);
        assert_eq!(got, &serde_json::json!(want_names), "{title}");
    }
    assert_eq!(speakers[3].2, serde_json::json!(["@lmoreau"]));
    assert_eq!(speakers[4].2, serde_json::json!(["@quietcoder"]));
}

#[test]
fn days_in_every_form() {
    // Front matter's date, "Day Two", an ISO date, a weekday in a session's heading; a
    // date inside a title and a weekday inside a sentence set no day.
    assert_eq!(
        run("days.md", &["days"]),
        "thursday (2021-06-03): 1 session, 1 notes line\n\
         day 2 (Day Two): 1 session, 1 notes line\n\
         saturday (2021-06-05): 1 session, 1 notes line\n\
         sunday: 2 sessions, 3 notes lines\n"
    );
    // A compact date, an org timestamp, a numeric date whose order is ambiguous.
    assert_eq!(
        run("days.org", &["list"]),
        "4:monday:Convex optimisation\n6:monday:Probabilistic models\n\
         9:tuesday:Reinforcement learning\n12:day 3:Kernel methods\n"
    );
    let records = json("days.org", &["list", "--day", "3/11/2020"]);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["day_label"], "3/11/2020");
    assert_eq!(json("days.org", &["list", "--day", "20190708"]).len(), 2);
    assert_eq!(json("days.md", &["list", "--day", "2"]).len(), 1);
}

#[test]
fn statuses_in_the_words_people_use() {
    assert_eq!(
        run("statuses.md", &["missed"]),
        "8::Observability for beginners (missed: I missed most of it because of a call.)\n\
         12::Container security (partial: left early, the room was too hot)\n\
         22::Serverless in practice (missed)\n\
         24::Another talk (missed: went to the Rust talk instead)\n"
    );
    // "review on video" alone is a follow-up, and a "Missed" line deep in the notes is
    // the speaker's.
    let all = run("statuses.md", &["list"]);
    assert!(all.contains("3::Caching strategies\n"), "{all}");
    assert!(all.contains("17::Teaching testing\n"), "{all}");
    assert_eq!(
        run("statuses.org", &["list"]),
        "2::Async in depth (missed)\n3::Typed Python at scale\n\
         5::Graph databases (missed: the first half)\n"
    );
}

#[test]
fn overrides_say_how_to_read_a_file() {
    assert_eq!(
        run("groups.md", &["--session-level", "3", "list"]),
        "9:friday:Keynotes\n20:friday:Talks\n33:saturday:Fearless refactoring — Ines Duarte\n\
         38:saturday:Track B\n"
    );
    assert_eq!(
        run("groups.md", &["--one-talk", "list"]),
        "1::RustFest Lisbon 2024\n"
    );
    notes()
        .args(["--session-level", "0", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("error: "));
}

#[test]
fn check_explains_how_the_structure_was_read() {
    let out = run("groups.md", &["check", "--explain"]);
    let label = fixture("reading/groups.md").display().to_string();
    for note in [
        "1:1: note: '# RustFest Lisbon 2024' read as the document title",
        "3:1: note: '## Introduction' read as a section, not a session: its words name a general section",
        "7:1: note: '## Friday' read as a day",
        "9:1: note: '### Keynotes' read as a group: its words name a group of talks",
        "11:1: note: '#### Opening keynote - Maria Santos' read as a session",
    ] {
        assert!(out.contains(&format!("{label}:{note}")), "{note}\n{out}");
    }
    // Notes are not findings: the file is clean, and plain check says only that.
    assert!(out.ends_with("no warnings in 1 file\n"), "{out}");
    assert_eq!(run("groups.md", &["check"]), "no warnings in 1 file\n");
    notes()
        .args(["check", "--explain", "-f"])
        .arg(fixture("reading/unindented.txt"))
        .assert()
        .success()
        .stdout(predicate::str::contains("are read as its notes (unsure)"))
        .stdout(predicate::str::contains(
            "'Lightning Talks' read as a group of lightning talks",
        ));
    let records: Vec<serde_json::Value> = stdout_of(
        notes()
            .args(["--json", "check", "--explain", "-f"])
            .arg(fixture("reading/one-talk.md")),
    )
    .lines()
    .map(|l| serde_json::from_str(l).unwrap())
    .collect();
    assert_eq!(records[0]["line"], 1);
    assert!(
        records[0]["note"]
            .as_str()
            .unwrap()
            .contains("the file is one talk")
    );
}

#[test]
fn the_bundled_notes_read_as_before() {
    // The v1 rules decide the bundled notes: 11 Friday, 13 Saturday and 3 Sunday
    // sessions before the wishlist, the lightning talks one session each.
    let records: Vec<serde_json::Value> = stdout_of(notes().args(["--json", "list"]))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let on = |day: &str| records.iter().filter(|r| r["day"] == day).count();
    assert_eq!((on("friday"), on("saturday"), on("sunday")), (11, 13, 3));
    let lightning = records
        .iter()
        .find(|r| r["title"] == "Lightning Talks, Friday PM")
        .expect("one session");
    assert_eq!(lightning["kind"], "lightning-talks");
    assert_eq!(
        stdout_of(notes().args(["check"])),
        "pycon2014.txt:35:20: warning: heading ends with \",\" as if a speaker were missing; read as the session \"Cache me if you can\" with no speaker [empty-speaker]\n\
         1 warning (1 empty-speaker) in 1 file\n"
    );
}

#[test]
fn titles_without_markup_slots_and_generic_links() {
    let fields = |file: &str| -> Vec<String> {
        json(file, &["list"])
            .iter()
            .map(|r| format!("{}|{}|{}", r["title"], r["speakers"], r["status"]))
            .collect()
    };
    assert_eq!(
        fields("titles.md"),
        [
            r#""Fast builds with cargo *really*"|[]|"attended""#,
            r#""code with Tidepool"|[]|"attended""#,
            r#""Streaming joins"|[]|"attended""#,
            r#""Building APIs"|[]|"missed""#,
            // A label with ":" keeps the whole heading and gives the speaker; after a
            // dash, the name is only the speaker. A session code stays.
            r#""Keynote: Ada Lovelace"|["Ada Lovelace"]|"attended""#,
            r#""Keynote"|["Grace Hopper"]|"attended""#,
            r#""ARC301 - Scaling the database tier"|[]|"attended""#,
            // A trailing link in parentheses goes, whatever its label.
            r#""Observability in practice"|[]|"attended""#,
        ]
    );
    // Org: TODO keywords, progress cookies, tags, links, a generic link, a time slot
    // and a timestamp are not part of the title.
    assert_eq!(
        run("titles.org", &["list"]),
        "2:tuesday:Sentry at scale\n4:tuesday:Moderation in depth\n6:tuesday:Typed Python\n"
    );
}

#[test]
fn numbered_items_start_sessions_without_any_heading() {
    assert_eq!(
        run("numbered-only.txt", &["list"]),
        "1::Cargo aliases\n3::Clippy lints\n"
    );
    // Their notes belong to them: check finds no preamble.
    notes()
        .args(["-f"])
        .arg(fixture("reading/numbered-only.txt"))
        .arg("check")
        .assert()
        .success()
        .stdout("no warnings in 1 file\n");
}

#[test]
fn speaker_lines_and_headings_are_never_sessions() {
    // A `Speakers:` line gives its session names and handles, in the plain outline too,
    // and the session it follows is no preamble.
    let records = json("speaker-line.txt", &["list"]);
    let got: Vec<_> = records
        .iter()
        .map(|r| {
            (
                r["title"].clone(),
                r["speakers"].clone(),
                r["handles"].clone(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "Async traps".into(),
                serde_json::json!(["Bo Chen", "Ida Berg"]),
                serde_json::json!(["@bochen"])
            ),
            (
                "Cargo aliases".into(),
                serde_json::json!([]),
                serde_json::json!([])
            ),
        ]
    );
    // A `Speaker:` sub-heading after the notes is the talk's, not a talk under a group.
    assert_eq!(
        run("speaker-heading.md", &["list"]),
        "3::Borrowing explained — Ann Lee\n11::Async traps\n"
    );
}

#[test]
fn a_heading_that_says_to_watch_a_talk() {
    // "watch: X" with nothing under it is still to watch; with notes it was watched;
    // "Rewatch:" was seen. The prefix is not part of the title.
    assert_eq!(
        run("watch.md", &["list"]),
        "3::Async in depth (missed)\n5::Typed Python\n9::the keynote\n"
    );
}
