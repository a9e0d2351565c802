//! The cost of each reading rule, per line it is asked about: `cargo bench --bench
//! rules`. The lines are the headings and first notes of 1 MB of generated notes, so a
//! rule that is slow on ordinary lines shows here before it shows in `list`.

mod common;

use std::sync::LazyLock;

use divan::Bencher;
use divan::counter::ItemsCount;
use talknotes::document::rules::{self, day, heading, speaker, status, title};
use talknotes::outline::Outline;

/// The headings (unindented lines) and the first note under each.
static LINES: LazyLock<(Vec<String>, Vec<String>)> = LazyLock::new(|| {
    let text = common::generate(1_000_000, 2014, 5);
    let outline = Outline::parse(text.as_bytes());
    let (mut headings, mut notes) = (Vec::new(), Vec::new());
    for i in 0..outline.len() {
        let line = outline.line(i);
        if !line.is_blank() && line.column() == 0 {
            headings.push(outline.text(i).into_owned());
            let next = (i + 1..outline.len()).find(|&n| !outline.line(n).is_blank());
            if let Some(n) = next.filter(|&n| outline.line(n).column() > 0) {
                notes.push(outline.text(n).into_owned());
            }
        }
    }
    (headings, notes)
});

fn main() {
    divan::main();
}

fn each(bencher: Bencher, lines: &'static [String], rule: impl Fn(&str) -> bool + Sync) {
    assert!(!lines.is_empty(), "no lines to run the rule on");
    bencher
        .counter(ItemsCount::new(lines.len()))
        .bench(|| lines.iter().filter(|l| rule(divan::black_box(l))).count());
}

fn headings() -> &'static [String] {
    &LINES.0
}

fn notes() -> &'static [String] {
    &LINES.1
}

#[divan::bench]
fn byline(b: Bencher) {
    each(b, headings(), |l| !speaker::byline(l).speakers.is_empty());
}

#[divan::bench]
fn speaker_line_on_notes(b: Bencher) {
    each(b, notes(), |l| {
        speaker::speaker_line(l, speaker::Position::Plain).is_some()
    });
}

#[divan::bench]
fn is_section(b: Bencher) {
    each(b, headings(), heading::is_section);
}

#[divan::bench]
fn is_group(b: Bencher) {
    each(b, headings(), heading::is_group);
}

#[divan::bench]
fn talk_label(b: Bencher) {
    each(b, headings(), |l| heading::talk_label(l).is_some());
}

#[divan::bench]
fn day_heading(b: Bencher) {
    each(b, headings(), |l| day::day_heading(l).is_some());
}

#[divan::bench]
fn title_clean(b: Bencher) {
    each(b, headings(), |l| title::clean(l).len() > 3);
}

#[divan::bench]
fn strip_time_slot(b: Bencher) {
    each(b, headings(), |l| title::strip_time_slot(l).len() > 3);
}

#[divan::bench]
fn absence_on_notes(b: Bencher) {
    each(b, notes(), |l| status::absence(l).is_some());
}

#[divan::bench]
fn is_lightning_talks(b: Bencher) {
    each(b, headings(), rules::is_lightning_talks);
}
