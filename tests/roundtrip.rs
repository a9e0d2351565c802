//! The lossless round trip and the no-panic promise, on arbitrary input and on real
//! notes from public repositories (../shared/corpus, when present).

use std::path::Path;

use notes::document::rules;
use notes::document::{Document, Session};
use notes::outline::Outline;
use notes::render::{json, markdown, opml, raw, text, tree};
use notes::search::Searcher;
use notes::summary;
use proptest::prelude::*;
use regex::Regex;

/// Everything the library does with a source, asserting the round trip.
fn exercise(src: &[u8]) {
    let outline = Outline::parse(src);
    let mut back = Vec::new();
    outline.write_to(&mut back).unwrap();
    assert_eq!(back, src, "print(parse(x)) != x");

    let mut joined = Vec::with_capacity(src.len());
    for i in 0..outline.len() {
        joined.extend_from_slice(outline.raw(i));
        assert!(outline.subtree_end(i) > i && outline.subtree_end(i) <= outline.len());
        if let Some(p) = outline.parent(i) {
            assert!(p < i && outline.subtree(p).contains(&i));
        }
    }
    assert_eq!(joined, src, "line spans do not tile the source");

    let doc = Document::from_outline(outline);
    let mut out = Vec::new();
    let mut previous_end = 0;
    let outline = doc.outline();
    let offset = |line: usize| {
        if line < outline.len() {
            outline.line(line).start()
        } else {
            src.len()
        }
    };
    for s in doc.sessions() {
        assert_eq!(s.bytes(), offset(s.lines().start)..offset(s.lines().end));
        for talk in s.talks() {
            let end = outline.subtree_end(talk.line());
            assert_eq!(talk.bytes(), offset(talk.line())..offset(end), "talk bytes");
        }
        assert!(
            s.lines().start >= previous_end,
            "sessions overlap or are out of order"
        );
        previous_end = s.lines().end;
        text::write_session(&mut out, text::Options::default(), Some("f"), s).unwrap();
        json::write_session(&mut out, "f", s, Some(b"x")).unwrap();
        raw::write_session(&mut out, &doc, s).unwrap();
        for talk in s.talks() {
            raw::write_talk(&mut out, &doc, s, talk).unwrap();
        }
    }
    raw::write_sessions(&mut out, &doc, doc.sessions()).unwrap();
    let pattern = Regex::new("(?i)e|^").unwrap();
    for heading in [false, true] {
        let opts = text::Options {
            color: false,
            heading,
        };
        let mut printer = text::GrepPrinter::new(opts);
        for pattern in [&pattern, rules::follow_up_pattern()] {
            Searcher::new(src, pattern, false)
                .search(|hit| {
                    printer.hit(&mut out, None, hit)?;
                    json::write_hit(&mut out, "f", hit)
                })
                .unwrap();
        }
        let sessions: Vec<&Session> = doc.sessions().iter().collect();
        let tree_opts = tree::TreeOptions {
            ascii: heading,
            depth: None,
        };
        tree::write_tree(&mut out, opts, tree_opts, "f", &doc, &sessions).unwrap();
        text::write_stats(&mut out, opts, None, &summary::stats(&doc, doc.sessions())).unwrap();
    }

    let mut tree = Vec::new();
    json::write_tree(&mut tree, "f", &doc, doc.sessions()).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&tree).expect("export is valid JSON");
    assert_eq!(
        value["sessions"].as_array().map(Vec::len),
        Some(doc.sessions().len())
    );

    let mut xml = Vec::new();
    opml::write_head(&mut xml, "t").unwrap();
    opml::write_document(&mut xml, false, "f", &doc, doc.sessions()).unwrap();
    opml::write_end(&mut xml).unwrap();
    roxmltree::Document::parse(std::str::from_utf8(&xml).unwrap())
        .expect("OPML is well-formed XML");

    let mut md = Vec::new();
    markdown::write_document(&mut md, "f", &doc, doc.sessions()).unwrap();
    let reread = Document::parse(&md);
    assert_eq!(
        summaries(&reread),
        summaries(&doc),
        "the Markdown export reads back to other sessions:\n{}",
        String::from_utf8_lossy(&md)
    );
}

/// What `notes list` shows of each session, line numbers aside.
fn summaries(doc: &Document) -> Vec<String> {
    doc.sessions()
        .iter()
        .map(|s| {
            format!(
                "{:?}|{}|{:?}|{:?}|{:?}|{:?}|{:?}",
                s.day(),
                s.title(),
                s.speakers(),
                s.handles(),
                s.kind(),
                s.status(),
                s.reason()
            )
        })
        .collect()
}

/// Lines that look like notes: indentation, markers, headings, odd bytes, any ending.
fn outline_like() -> impl Strategy<Value = Vec<u8>> {
    let indent = prop::sample::select(vec!["", " ", "  ", "    ", "\t", "\t  ", "      "]);
    let marker = prop::sample::select(vec![
        "", "• ", "◦ ", "- ", "* ", "+ ", "1. ", "iv) ", "# ", "## ", "** ", "```", "---",
    ]);
    let text = prop::sample::select(vec![
        "Talk – Ann Lee",
        "Friday",
        "Missed, sick",
        "Partial",
        "Talks I did not see:",
        "Lightning Talks, Friday PM",
        "Further reading:",
        "Guido van Rossum",
        "x, @handle",
        "\u{feff}bom",
        "caf\u{e9}",
        "",
        "   ",
    ]);
    let ending = prop::sample::select(vec!["\n", "\r\n", "", "\r"]);
    let line = (indent, marker, text, ending, any::<u8>(), any::<bool>()).prop_map(
        |(indent, marker, text, ending, byte, odd)| {
            let mut line = format!("{indent}{marker}{text}").into_bytes();
            if odd {
                line.push(byte);
            }
            line.extend_from_slice(ending.as_bytes());
            line
        },
    );
    prop::collection::vec(line, 0..40).prop_map(|lines| lines.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_round_trip(src in prop::collection::vec(any::<u8>(), 0..600)) {
        exercise(&src);
    }

    #[test]
    fn outline_like_text_round_trips(src in outline_like()) {
        exercise(&src);
    }
}

#[test]
fn the_bundled_notes_round_trip() {
    exercise(include_bytes!("../notes/pycon2014.txt"));
}

#[test]
fn every_fixture_round_trips() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for entry in std::fs::read_dir(dir).unwrap() {
        exercise(&std::fs::read(entry.unwrap().path()).unwrap());
    }
}

/// Real notes files; skipped quietly where the shared corpus is not checked out.
#[test]
fn the_shared_corpus_round_trips() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut seen = 0;
    for entry in entries {
        let path = entry.unwrap().path();
        if path.file_name().is_some_and(|n| n == "SOURCES.md") {
            continue;
        }
        exercise(&std::fs::read(&path).unwrap());
        seen += 1;
    }
    assert!(seen > 0, "the corpus folder is empty");
}
