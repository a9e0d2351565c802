//! Writes a benchmark notes file: `cargo bench --bench generate -- SIZE FILE [deep]`,
//! where SIZE is a number of bytes with an optional K, M or G suffix (powers of 1000),
//! and `deep` nests bullets up to 100 levels instead of 5; or, with `folder`, a folder
//! of notes files of 2 to 40 KB in nested year and event folders, SIZE in all (about
//! 5,000 files for 100M). The same arguments always give the same bytes.

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
    if args.get(2).is_some_and(|a| a == "folder") {
        return match write_folder(size, std::path::Path::new(path)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!("error: could not write `{path}`: {err}");
                ExitCode::from(2)
            }
        };
    }
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

/// Files of 2 to 40 KB (about 21 KB on average) until `size` bytes are written, as
/// `DIR/YEAR/EVENT/dayN-I.txt`.
fn write_folder(size: usize, dir: &std::path::Path) -> std::io::Result<()> {
    let mut written = 0;
    let mut i: usize = 0;
    while written < size {
        let bytes = 2_000 + (i * 7_919) % 38_000;
        let year = 2010 + i % 12;
        let folder = dir
            .join(year.to_string())
            .join(format!("event{:02}", i % 37));
        std::fs::create_dir_all(&folder)?;
        let mut text = common::generate(bytes, i as u64, 5);
        // Cut at the end of a line: a day's notes, or part of a conference's.
        let end = text.as_bytes()[..bytes.min(text.len())]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(text.len(), |n| n + 1);
        text.truncate(end);
        written += text.len();
        std::fs::write(folder.join(format!("day{}-{i:04}.txt", i % 3 + 1)), text)?;
        i += 1;
    }
    Ok(())
}
