//! Arbitrary bytes through the whole pipeline: outline (and its lossless print),
//! document, search, every printer, the JSON and OPML exports.
//!
//! `cargo fuzz run pipeline -s none` (see the README's Reliability section).

#![no_main]

#[path = "../../tests/pipeline/mod.rs"]
mod pipeline;

libfuzzer_sys::fuzz_target!(|data: &[u8]| pipeline::exercise(data));
