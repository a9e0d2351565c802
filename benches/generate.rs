//! Writes a benchmark notes file: `cargo bench --bench generate -- SIZE FILE [deep]`,
//! where SIZE is a number of bytes with an optional K, M or G suffix (powers of 1000),
//! and `deep` nests bullets up to 100 levels instead of 5. The same arguments always
//! give the same bytes.

mod common;

use std::process::ExitCode;

fn parse_size(text: &str) -> Option<usize> {
    let (digits, scale) = match text.char_indices().last()? {
        (i, 'K' | 'k') => (&text[..i], 1_000),
        (i, 'M' | 'm') => (&text[..i], 1_000_000),
        (i, 'G' | 'g') => (&text[..i], 1_000_000_000),
        _ => (text, 1),
    };
    digits.parse::<usize>().ok()?.checked_mul(scale)
}

fn main() -> ExitCode {
    // `cargo bench` adds `--bench`; everything else is ours.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let (Some(size), Some(path)) = (args.first().and_then(|s| parse_size(s)), args.get(1)) else {
        eprintln!("usage: cargo bench --bench generate -- SIZE FILE [deep]  (SIZE like 10M)");
        return ExitCode::from(2);
    };
    let max_depth = if args.get(2).is_some_and(|a| a == "deep") {
        100
    } else {
        5
    };
    let text = common::generate(size, 2014, max_depth);
    if let Err(err) = std::fs::write(path, text) {
        eprintln!("error: could not write `{path}`: {err}");
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}
