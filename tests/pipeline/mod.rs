//! The pipeline every test and the fuzz target run inputs through (this file is
//! shared: tests include it as a module, fuzz/fuzz_targets/pipeline.rs by path).

// Each includer uses part of it.
#![allow(dead_code)]

use regex::Regex;
use talknotes::document::rules;
use talknotes::document::{Document, ReadOptions, Session};
use talknotes::event::{Origin, Place};
use talknotes::outline::{Outline, Syntax};
use talknotes::render::{json, markdown, opml, raw, text, tree};
use talknotes::search::Searcher;
use talknotes::summary;

/// Everything the library does with a source, read in every syntax: the round trip,
/// the document's invariants, every printer, and valid JSON and XML. Panics on the
/// first broken promise.
pub fn exercise(src: &[u8]) {
    for syntax in Syntax::ALL {
        exercise_as(src, syntax);
    }
}

/// [`exercise`] in one syntax: as the commands read it, and with each override
/// (`--session-level`, `--one-talk`) and the notes of `check --explain`.
pub fn exercise_as(src: &[u8], syntax: Syntax) {
    let told = [
        ReadOptions::default(),
        ReadOptions {
            session_level: Some(2),
            explain: true,
            ..ReadOptions::default()
        },
        ReadOptions {
            one_talk: true,
            ..ReadOptions::default()
        },
    ];
    for options in &told {
        exercise_read(src, syntax, options);
    }
}

fn exercise_read(src: &[u8], syntax: Syntax, options: &ReadOptions) {
    let outline = Outline::parse_as(src, syntax);
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

    let doc = Document::read(outline, options);
    let place = Place {
        below: vec!["2014".to_string(), "pycon".to_string()],
        given: Some("notes".to_string()),
        folders: vec!["notes".to_string()],
        stem: Some("day1".to_string()),
    };
    let origin = Origin::of(&doc, &place);
    let at = json::FileRef {
        label: "f",
        origin: &origin,
    };
    for s in doc.sessions() {
        // Every session's date has a year when it has one at all.
        assert!(origin.session_date(s).is_none_or(|d| d.year.is_some()));
        let _ = doc.links(s);
        let _ = doc.around(s.line(), 3, 3);
    }
    let mut out = Vec::new();
    for note in doc.explanations() {
        assert!(
            note.line < doc.outline().len().max(1),
            "a note past the end"
        );
    }
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
        text::write_session(&mut out, text::Options::default(), Some("f"), s, Some("l")).unwrap();
        json::write_session(&mut out, at, &doc, s, Some(b"x")).unwrap();
        raw::write_session(&mut out, &doc, s).unwrap();
        for talk in s.talks() {
            raw::write_talk(&mut out, &doc, s, talk).unwrap();
        }
    }
    // Every non-blank line is in at most one session (else in the preamble or under a
    // heading that is not a session), and a session's notes are its own lines.
    let mut owner = vec![None; outline.len()];
    for (i, s) in doc.sessions().iter().enumerate() {
        for line in s.lines() {
            assert!(owner[line].is_none(), "line {line} is in two sessions");
            owner[line] = Some(i);
        }
        for note in doc.notes(s) {
            assert_eq!(owner[note.line], Some(i), "a note of another session");
        }
        assert!(doc.session_of(s.line()) == Some(i));
    }
    raw::write_sessions(&mut out, &doc, doc.sessions()).unwrap();
    let pattern = Regex::new("(?i)e|^").unwrap();
    for heading in [false, true] {
        let opts = text::Options {
            color: false,
            heading,
            escape: heading,
            null: heading,
        };
        let mut printer = text::GrepPrinter::new(opts);
        for pattern in [&pattern, rules::follow_up_pattern()] {
            Searcher::new(&doc, pattern, false)
                .with_states()
                .search(|hit| {
                    printer.hit(&mut out, None, hit, None)?;
                    json::write_hit(&mut out, at, hit, json::HitExtra::default())
                })
                .unwrap();
        }
        // Inverted, with lines around each hit, only the matched parts, a few per file.
        let mut printer = text::GrepPrinter::new(opts).only_matching();
        let mut last = 0;
        Searcher::new(&doc, &pattern, false)
            .context(2, 3)
            .max_count(Some(50))
            .search(|hit| {
                assert!(hit.line.index() >= last, "hits out of order");
                last = hit.line.index() + 1;
                printer.hit(&mut out, Some("f"), hit, Some("l"))
            })
            .unwrap();
        Searcher::new(&doc, &pattern, false)
            .inverted()
            .context(1, 1)
            .search(|hit| text::GrepPrinter::new(opts).hit(&mut out, None, hit, None))
            .unwrap();
        let sessions: Vec<&Session> = doc.sessions().iter().collect();
        let tree_opts = tree::TreeOptions {
            ascii: heading,
            depth: None,
        };
        tree::write_tree(&mut out, opts, tree_opts, "f", &doc, &sessions).unwrap();
        let rows = summary::stats(&doc, doc.sessions());
        let rows: Vec<_> = rows.iter().map(|r| (Some("f"), r)).collect();
        text::write_stats(&mut out, opts, &rows).unwrap();
    }

    let mut tree = Vec::new();
    json::write_tree(&mut tree, at, &doc, doc.sessions()).unwrap();
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
}

/// The Markdown export of `src` (read in `syntax`), read back as Markdown, has the same
/// sessions.
pub fn reads_back_from_markdown(src: &[u8], syntax: Syntax) {
    let doc = Document::parse_as(src, syntax);
    let mut md = Vec::new();
    markdown::write_document(&mut md, "f", &doc, doc.sessions()).unwrap();
    let reread = Document::parse_as(&md, Syntax::Markdown);
    let (want, got) = (summaries(&doc), summaries(&reread));
    if want != got {
        let at = want.iter().zip(&got).take_while(|(w, g)| w == g).count();
        panic!(
            "the Markdown export reads back to other sessions ({} for {}); first difference at \
             session {at}:\n  read:    {:?}\n  re-read: {:?}\n{}",
            got.len(),
            want.len(),
            want.get(at),
            got.get(at),
            String::from_utf8_lossy(&md)
        );
    }
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
