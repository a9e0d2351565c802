//! The lossless round trip and the no-panic promise, on arbitrary input and on real
//! notes from public repositories (../shared/corpus, when present).

mod common;
mod pipeline;

use std::path::Path;

use pipeline::{exercise, reads_back_from_markdown};
use proptest::prelude::*;
use talknotes::outline::Syntax;

/// Lines that look like notes: indentation, markers, headings, odd bytes, any ending.
fn outline_like() -> impl Strategy<Value = Vec<u8>> {
    let indent = prop::sample::select(vec!["", " ", "  ", "    ", "\t", "\t  ", "      "]);
    let marker = prop::sample::select(vec![
        "", "• ", "◦ ", "- ", "* ", "+ ", "1. ", "iv) ", "# ", "## ", "** ", "```", "---", "> ",
        "* TODO ", "** DONE ", "- [ ] ",
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
        "watch: A talk",
        "Speakers: Ann Lee @annlee, Bo Li",
        "Ann Lee @annlee",
        "Talk <2019-11-16 Sat>",
        "2019-11-16",
        "Day 2",
        "Keynotes",
        "Introduction",
        "I skipped it",
        "code with [Tidepool](https://x) [video](https://y)",
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
        // TaskPaper is left out: a task can go back to its project after a nested
        // project ends, which Markdown headings cannot say (what follows a `###` is
        // under it). The TaskPaper files of the corpus still read back.
        for syntax in [Syntax::Outline, Syntax::Markdown, Syntax::Org] {
            reads_back_from_markdown(&src, syntax);
        }
    }
}

#[test]
fn the_bundled_notes_round_trip() {
    exercise(include_bytes!("../notes/pycon2014.txt"));
    reads_back_from_markdown(include_bytes!("../notes/pycon2014.txt"), Syntax::Outline);
}

#[test]
fn every_fixture_round_trips() {
    for path in common::fixture_files() {
        let src = std::fs::read(&path).unwrap();
        exercise(&src);
        reads_back_from_markdown(&src, Syntax::from_path(&path));
    }
}

/// Real notes files (../shared/corpus and ../shared/realnotes/files); skipped quietly
/// where they are not checked out.
#[test]
fn the_shared_corpus_round_trips() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let mut seen = 0;
    for dir in [shared.join("corpus"), shared.join("realnotes/files")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.file_name().is_some_and(|n| n == "SOURCES.md") || !path.is_file() {
                continue;
            }
            let src = std::fs::read(&path).unwrap();
            exercise(&src);
            reads_back_from_markdown(&src, Syntax::from_path(&path));
            seen += 1;
        }
    }
    assert!(seen > 0 || !shared.exists(), "the shared folders are empty");
}
