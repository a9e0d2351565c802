//! The byte-first search must find exactly the lines, sessions and contexts that the
//! full document reading gives: checked on the bundled notes, the fixtures, the shared
//! corpus and generated outlines.

use std::path::Path;

use notes::document::Document;
use notes::search::Searcher;
use proptest::prelude::*;
use regex::{Regex, RegexBuilder};

/// What a hit shows, as text: line, session, context, text, matches.
fn expected(src: &[u8], pattern: &Regex) -> Vec<String> {
    let doc = Document::parse(src);
    let outline = doc.outline();
    (0..outline.len())
        .filter(|&i| !outline.line(i).is_blank())
        .filter_map(|i| {
            let text = outline.text(i);
            let matches: Vec<_> = pattern
                .find_iter(&text)
                .map(|m| m.range())
                .filter(|r| !r.is_empty())
                .collect();
            if matches.is_empty() && !pattern.is_match(&text) {
                return None;
            }
            let session = doc.session_of(i).map(|s| {
                let s = &doc.sessions()[s];
                format!("{}@{}", s.title(), s.line_number())
            });
            let context: Vec<String> = doc
                .context(i)
                .iter()
                .map(|&c| format!("{}:{}", c + 1, outline.text(c)))
                .collect();
            Some(format!(
                "{}|{:?}|{:?}|{}|{:?}",
                i + 1,
                session,
                context,
                text,
                matches
            ))
        })
        .collect()
}

fn searched(src: &[u8], pattern: &Regex, case_insensitive: bool) -> Vec<String> {
    let mut found = Vec::new();
    Searcher::new(src, pattern, case_insensitive)
        .search(|hit| {
            let session = hit.session.map(|s| format!("{}@{}", s.title, s.line));
            let context: Vec<String> = hit
                .context
                .iter()
                .map(|c| format!("{}:{}", c.line, c.text))
                .collect();
            found.push(format!(
                "{}|{:?}|{:?}|{}|{:?}",
                hit.line, session, context, hit.text, hit.matches
            ));
            Ok(())
        })
        .unwrap();
    found
}

const PATTERNS: [(&str, bool); 9] = [
    ("e", false),
    ("the", true),
    ("^", false),
    ("decorator|Missed", false),
    (r"\bfan-(in|out)\b", true),
    ("[0-9]+", false),
    ("(?i)lightning", false),
    ("x$", false),
    (".", false),
];

fn check(name: &str, src: &[u8]) {
    for (pattern, case_insensitive) in PATTERNS {
        let regex = RegexBuilder::new(pattern)
            .case_insensitive(case_insensitive)
            .build()
            .unwrap();
        let want = expected(src, &regex);
        let got = searched(src, &regex, case_insensitive);
        if got != want {
            let first = got
                .iter()
                .zip(&want)
                .position(|(g, w)| g != w)
                .unwrap_or(got.len().min(want.len()));
            panic!(
                "{name}, /{pattern}/: first difference at hit {first}:\n  search:   {:?}\n  document: {:?}",
                got.get(first),
                want.get(first)
            );
        }
    }
}

#[test]
fn the_bundled_notes() {
    check("pycon2014.txt", include_bytes!("../notes/pycon2014.txt"));
}

#[test]
fn the_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        check(&path.display().to_string(), &std::fs::read(&path).unwrap());
    }
}

#[test]
fn the_shared_corpus() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.file_name().is_some_and(|n| n != "SOURCES.md") {
            check(&path.display().to_string(), &std::fs::read(&path).unwrap());
        }
    }
}

/// Outline-like lines: headings of every kind, bullets, fences, blank lines.
fn outline_like() -> impl Strategy<Value = Vec<u8>> {
    let indent = prop::sample::select(vec!["", " ", "  ", "    ", "\t", "      "]);
    let marker = prop::sample::select(vec![
        "",
        "• ",
        "- ",
        "* ",
        "1. ",
        "# ",
        "## ",
        "```",
        "~~~",
        "---",
        "#+BEGIN_SRC ",
        "#+END_SRC",
    ]);
    let text = prop::sample::select(vec![
        "Talk – Ann Lee",
        "Friday",
        "Missed, sick",
        "Talks I did not see:",
        "Lightning Talks, Friday PM",
        "Further reading:",
        "Guido van Rossum",
        "speaker: Bo Li",
        "by Ann Lee",
        "role: CTO",
        "the decorator",
        "notes",
        "",
        "x",
    ]);
    let ending = prop::sample::select(vec!["\n", "\r\n", ""]);
    let line = (indent, marker, text, ending)
        .prop_map(|(i, m, t, e)| format!("{i}{m}{t}{e}").into_bytes());
    prop::collection::vec(line, 0..40).prop_map(|lines| lines.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn generated_outlines(src in outline_like()) {
        check("generated", &src);
    }

    #[test]
    fn arbitrary_bytes(src in prop::collection::vec(any::<u8>(), 0..300)) {
        check("bytes", &src);
    }
}
