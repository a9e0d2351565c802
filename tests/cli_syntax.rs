//! Markdown, org-mode and TaskPaper notes through the real binary: the fixtures
//! written for each syntax, then the acceptance lists on the shared corpus (skipped
//! where ../shared/corpus is not checked out).

mod common;

use std::path::PathBuf;

use common::{fixture, notes, stdout_of};
use predicates::prelude::*;

fn run(file: &str, args: &[&str]) -> String {
    stdout_of(notes().arg("-f").arg(fixture(file)).args(args))
}

fn json_lines(out: &str) -> Vec<serde_json::Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

#[test]
fn markdown_headings_levels_days_and_speakers() {
    assert_eq!(
        run("conference.md", &["list"]),
        "11:saturday:Opening keynote — Jessica McKellar (missed: the first ten minutes, coffee line)\n\
         21:saturday:Packaging in 2019 — Dustin Ingram\n\
         32:sunday:Data pipelines that last — Ann Lee\n\
         38:sunday:Lightning talks\n\
         45::Testing at scale — Ned Batchelder (not seen)\n"
    );
    assert_eq!(
        run("conference.md", &["days"]),
        "saturday (Saturday, November 16): 2 sessions, 10 notes lines\n\
         sunday (Day 2 — 2019-11-17): 2 sessions, 5 notes lines\n"
    );
    let records = json_lines(&run("conference.md", &["--json", "list", "--day", "2"]));
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["title"], "Data pipelines that last");
    assert_eq!(records[0]["speakers"], serde_json::json!(["Ann Lee"]));
    assert_eq!(records[0]["day"], "sunday");
    assert_eq!(records[0]["day_number"], 2);
    assert_eq!(records[0]["day_label"], "Day 2 — 2019-11-17");
    assert_eq!(records[1]["kind"], "lightning-talks");
}

#[test]
fn markdown_code_front_matter_and_sub_sections() {
    // Fenced lines are text, never headings or bullets; a sub-section is in the path.
    assert_eq!(
        run("conference.md", &["grep", "not a|schools"]),
        "19:Opening keynote › Questions:how do we reach schools?\n\
         24:Packaging in 2019:# a comment, not a heading\n\
         25:Packaging in 2019:- not a bullet\n"
    );
    let tree: serde_json::Value =
        serde_json::from_str(&run("conference.md", &["export", "--to", "json"])).unwrap();
    assert_eq!(tree["title"], "PyCon Canada 2019");
    assert_eq!(
        run("conference.md", &["speakers"]),
        "Ann Lee: Data pipelines that last (sunday)\n\
         Dustin Ingram: Packaging in 2019 (saturday)\n\
         Jane Doe: Black in five minutes (sunday)\n\
         Jessica McKellar: Opening keynote (saturday)\n\
         Ned Batchelder: Testing at scale\n"
    );
    assert_eq!(
        run("conference.md", &["missed"]),
        "11:saturday:Opening keynote — Jessica McKellar (missed: the first ten minutes, coffee line)\n\
         45::Testing at scale — Ned Batchelder (not seen)\n"
    );
}

#[test]
fn markdown_setext_headings_paragraphs_and_title_line() {
    assert_eq!(
        run("sessions.md", &["list"]),
        "3::Choose Pandas\n9::Documenting History — Chris Beams\n"
    );
    let tree: serde_json::Value =
        serde_json::from_str(&run("sessions.md", &["export", "--to", "json"])).unwrap();
    assert_eq!(tree["title"], "Meetup notes, April 11");
    // "Rules" is a paragraph of the session above, not a session.
    assert_eq!(
        run("sessions.md", &["grep", "period"]),
        "16:Documenting History:no period at the end\n"
    );
    // Read as a plain outline, the same file has a session per unindented line.
    assert_eq!(
        run("sessions.md", &["--syntax", "outline", "list"]),
        "3::Choose Pandas\n9::Documenting History — Chris Beams\n15::Rules\n"
    );
}

#[test]
fn org_states_tags_drawers_and_blocks() {
    assert_eq!(
        run("talks.org", &["list"]),
        "5:day 1:Tracing\n11:day 1:Moderation — Jane Roe\n21:day 2:Growing the cluster\n\
         24:day 2:Read the PEP on annotations\n"
    );
    assert_eq!(
        run("talks.org", &["todo"]),
        "5:Tracing:Tracing\n24:Read the PEP on annotations:Read the PEP on annotations\n"
    );
    let tracing = json_lines(&run("talks.org", &["--json", "list", "--tag", "business"]));
    assert_eq!(tracing.len(), 1);
    assert_eq!(tracing[0]["state"], "TODO");
    assert_eq!(tracing[0]["tags"], serde_json::json!(["business"]));
    assert_eq!(tracing[0]["day"], serde_json::Value::Null);
    assert_eq!(tracing[0]["day_label"], "Day 1");
    // A drawer is metadata and a source block is code: neither is a heading.
    assert_eq!(
        run("talks.org", &["grep", "heading|CREATED"]),
        "7:Tracing::CREATED: [2013-07-02 Tue]\n18:Moderation › Caches:* not a heading\n"
    );
    assert_eq!(
        run("talks.org", &["list", "--day", "day 2"]),
        "21:day 2:Growing the cluster\n24:day 2:Read the PEP on annotations\n"
    );
}

#[test]
fn taskpaper_projects_tasks_and_tags() {
    assert_eq!(
        run("todo.taskpaper", &["list"]),
        "1::Conference prep\n8::Follow-ups\n"
    );
    assert_eq!(
        run("todo.taskpaper", &["list", "--tag", "@review"]),
        "8::Follow-ups\n"
    );
    assert_eq!(
        run("todo.taskpaper", &["grep", "--tag", "today", "."]),
        "3:Conference prep:print the schedule @today\n\
         4:Conference prep › print the schedule @today:the one with room numbers\n\
         10:Follow-ups:watch the recordings @today\n"
    );
    assert_eq!(
        run("todo.taskpaper", &["grep", "Packaging"]),
        "7:Conference prep › Talks to see:Packaging\n"
    );
    let records = json_lines(&run("todo.taskpaper", &["--json", "list"]));
    assert_eq!(records[1]["tags"], serde_json::json!(["review"]));
    notes()
        .arg("-f")
        .arg(fixture("todo.taskpaper"))
        .args(["list", "--tag", "nowhere"])
        .assert()
        .code(1)
        .stdout("");
}

#[test]
fn every_command_works_on_every_syntax() {
    let commands: [&[&str]; 14] = [
        &["list"],
        &["missed"],
        &["grep", "e"],
        &["show", "a"],
        &["print"],
        &["todo"],
        &["speakers"],
        &["days"],
        &["stats"],
        &["tree"],
        &["check"],
        &["export", "--to", "json"],
        &["export", "--to", "markdown"],
        &["export", "--to", "opml"],
    ];
    for file in [
        "conference.md",
        "sessions.md",
        "talks.org",
        "todo.taskpaper",
    ] {
        for args in commands {
            notes()
                .arg("-f")
                .arg(fixture(file))
                .args(args)
                .assert()
                .code(predicate::in_iter([0, 1]))
                .stderr("");
        }
        notes()
            .arg("-f")
            .arg(fixture(file))
            .arg("print")
            .assert()
            .success()
            .stdout(std::fs::read(fixture(file)).unwrap());
    }
}

#[test]
fn standard_input_is_sniffed_and_syntax_can_be_forced() {
    for (file, want) in [
        ("talks.org", "5:day 1:Tracing\n"),
        ("sessions.md", "3::Choose Pandas\n"),
        ("todo.taskpaper", "1::Conference prep\n"),
    ] {
        let out = stdout_of(
            notes()
                .args(["-f", "-", "list"])
                .pipe_stdin(fixture(file))
                .unwrap(),
        );
        assert!(out.starts_with(want), "{file}: {out}");
    }
    notes()
        .args(["--syntax", "markdown", "list"])
        .assert()
        .code(1);
    notes()
        .args(["--syntax", "rst", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("error: "));
}

#[test]
fn an_unknown_day_names_the_days_the_file_has() {
    notes()
        .arg("-f")
        .arg(fixture("talks.org"))
        .args(["list", "--day", "funday"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("unknown day `funday`"))
        .stderr(predicate::str::contains("has days 1 (Day 1), 2 (Day 2)"))
        .stderr(predicate::function(|s: &str| s.lines().count() == 1));
    notes()
        .args(["list", "--day", "4"])
        .assert()
        .code(1)
        .stdout("");
}

fn corpus(name: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(name);
    path.exists().then_some(path)
}

fn titles(path: &PathBuf, args: &[&str]) -> Vec<String> {
    let out = stdout_of(notes().arg("-f").arg(path).arg("--json").args(args));
    json_lines(&out)
        .iter()
        .map(|r| r["title"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn corpus_markdown_lightning_talks() {
    let Some(path) = corpus("pycon2014__lightning-talks-4-11.md") else {
        return;
    };
    let sessions = titles(&path, &["list"]);
    assert_eq!(sessions.len(), 11);
    assert_eq!(sessions[0], "Choose Pandas");
    assert_eq!(sessions[10], "Seven Deadly Sins of Software Deployment");
    assert!(!sessions.iter().any(|t| t == "Rules" || t == "Why pandas?"));
    let tree: serde_json::Value = serde_json::from_str(&stdout_of(
        notes()
            .arg("-f")
            .arg(&path)
            .args(["export", "--to", "json"]),
    ))
    .unwrap();
    assert_eq!(tree["title"], "Lighting Talks 4-11");
}

#[test]
fn corpus_markdown_bold_sessions_and_numbered_days() {
    let Some(path) = corpus("jameslamb-odsc__odsc-west-2016.md") else {
        return;
    };
    let day1 = titles(&path, &["list", "--day", "1"]);
    assert_eq!(day1[0], "Keynote: Sheamus McGovern");
    assert!(day1.iter().all(|t| !t.contains("**")));
    assert!(
        !titles(&path, &["list"])
            .iter()
            .any(|t| t == "Santa Clara, CA")
    );
    let day2 = titles(&path, &["list", "--day", "2"]);
    assert_eq!(day2.len(), 4);
    assert!(day2.iter().all(|t| !day1.contains(t)));
    let out = stdout_of(notes().arg("-f").arg(&path).args([
        "--json",
        "show",
        "How AI is Changing Data Science",
    ]));
    assert_eq!(
        json_lines(&out)[0]["speakers"],
        serde_json::json!(["Bob Rogers"])
    );
}

#[test]
fn corpus_org_todo_sessions_and_sub_sections() {
    let Some(path) = corpus("europython2013__README.org") else {
        return;
    };
    let todo = stdout_of(notes().arg("-f").arg(&path).args(["--json", "todo"]));
    let headings: Vec<serde_json::Value> = json_lines(&todo)
        .into_iter()
        .filter(|hit| {
            let line = hit["line"].as_u64().unwrap() as usize;
            let src = std::fs::read_to_string(&path).unwrap();
            src.lines().nth(line - 1).unwrap().starts_with('*')
        })
        .collect();
    assert_eq!(headings.len(), 6);
    let sessions = titles(&path, &["list"]);
    assert!(sessions.iter().all(|t| !t.contains("TODO")));
    for name in ["Sentry", "Disqus", "Building to scale"] {
        assert!(sessions.iter().any(|t| t == name), "{name}");
    }
    for name in ["Problems with current stack", "Caches"] {
        assert!(!sessions.iter().any(|t| t == name), "{name}");
    }
    let hits = stdout_of(
        notes()
            .arg("-f")
            .arg(&path)
            .args(["grep", "high concurrency"]),
    );
    assert_eq!(
        hits,
        "39:Disqus › Problems with current stack:high concurrency\n"
    );
    let hits = stdout_of(notes().arg("-f").arg(&path).args(["grep", "Redis nodes"]));
    assert!(
        hits.contains("Building to scale › Caches › Counters:"),
        "{hits}"
    );
}

#[test]
fn corpus_taskpaper_projects() {
    let Some(path) = corpus("scrobblepod__todo.taskpaper") else {
        return;
    };
    assert_eq!(titles(&path, &["list"]), ["open items", "Archive"]);
    let hits = stdout_of(
        notes()
            .arg("-f")
            .arg(&path)
            .args(["grep", "see if there's"]),
    );
    assert!(
        hits.starts_with("17:open items › UKLoginItemRegistry:"),
        "{hits}"
    );
    let tree = stdout_of(notes().arg("-f").arg(&path).args(["--json", "tree"]));
    let registry = json_lines(&tree)
        .into_iter()
        .find(|n| n["text"] == "UKLoginItemRegistry")
        .expect("the nested project is in the tree");
    assert_eq!(registry["depth"], 2);
    assert_eq!(registry["kind"], "heading");
}
