//! Throughput of the layers, in MB/s: `cargo bench --bench parse`.
//!
//! Runs on 10 MB of generated notes (see BENCHMARKS.md for their shape).

mod common;

use std::sync::LazyLock;

use divan::Bencher;
use divan::counter::BytesCount;
use talknotes::document::Document;
use talknotes::outline::Outline;
use talknotes::search::Searcher;

static NOTES: LazyLock<String> = LazyLock::new(|| common::generate(10_000_000, 2014, 5));

fn main() {
    divan::main();
}

fn bytes() -> BytesCount {
    BytesCount::new(NOTES.len())
}

/// Lines, their kinds and the tree: every line stored.
#[divan::bench(sample_count = 20)]
fn outline(bencher: Bencher) {
    bencher
        .counter(bytes())
        .bench(|| Outline::parse(divan::black_box(NOTES.as_bytes())).len());
}

/// Sessions, days, statuses: the streaming read `list` and `missed` do.
#[divan::bench(sample_count = 20)]
fn document(bencher: Bencher) {
    bencher.counter(bytes()).bench(|| {
        Document::parse(divan::black_box(NOTES.as_bytes()))
            .sessions()
            .len()
    });
}

/// Every session's title and speakers, as `list` prints them.
#[divan::bench(sample_count = 20)]
fn document_with_speakers(bencher: Bencher) {
    bencher.counter(bytes()).bench(|| {
        let doc = Document::parse(divan::black_box(NOTES.as_bytes()));
        doc.sessions()
            .iter()
            .map(|s| s.speakers().len())
            .sum::<usize>()
    });
}

fn search(bencher: Bencher, pattern: &str) {
    let regex = regex::Regex::new(pattern).unwrap_or_else(|e| panic!("{e}"));
    bencher.counter(bytes()).bench(|| {
        let mut hits = 0;
        let doc = Document::parse(divan::black_box(NOTES.as_bytes()));
        Searcher::new(&doc, &regex, false)
            .search(|_| {
                hits += 1;
                Ok(())
            })
            .map(|()| hits)
    });
}

/// grep for a rare word, hits resolved to their sessions and context.
#[divan::bench(sample_count = 20)]
fn search_rare(bencher: Bencher) {
    search(bencher, "decorator");
}

/// grep for a word on a third of the lines.
#[divan::bench(sample_count = 20)]
fn search_common(bencher: Bencher) {
    search(bencher, "the");
}
