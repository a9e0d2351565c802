//! The reading depends on what the notes say, not on how the file is stored: the
//! sessions, speakers and days of every fixture, the bundled notes and every real
//! notes file of ../shared (when present) stay the same under LF -> CRLF, an added
//! BOM, trailing spaces on every line and leading tabs expanded to spaces.

mod common;

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use talknotes::document::Document;
use talknotes::outline::{Outline, Syntax, TAB_WIDTH};

/// Every file to read, with the syntax its name gives.
fn files() -> Vec<(PathBuf, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<(PathBuf, Vec<u8>)> = common::fixture_files()
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap();
            (path, bytes)
        })
        .collect();
    let mut dirs = vec![root.join("notes")];
    for shared in ["../shared/realnotes/files", "../shared/corpus"] {
        let dir = root.join(shared);
        if dir.exists() {
            dirs.push(dir);
        }
    }
    for dir in dirs {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "SOURCES.md"))
            .collect();
        entries.sort();
        for path in entries {
            let bytes = std::fs::read(&path).unwrap();
            files.push((path, bytes));
        }
    }
    files
}

/// What the reading gives a user: each session's title, speakers, day, kind, status
/// and reason.
fn reading(src: &[u8], syntax: Syntax) -> Vec<String> {
    let doc = Document::from_outline(Outline::parse_as(src, syntax));
    doc.sessions()
        .iter()
        .map(|s| {
            let day = s
                .day_info()
                .map(|d| format!("{} {:?} {:?}", d.number, d.weekday, d.label));
            format!(
                "{} | {:?} | {:?} | {:?} | {:?} | {:?} | {:?}",
                s.title(),
                s.speakers(),
                s.handles(),
                day,
                s.kind(),
                s.status(),
                s.reason()
            )
        })
        .collect()
}

/// The file stored otherwise: CRLF line ends, a BOM, trailing spaces, leading tabs as
/// spaces (to the same columns).
fn restore(src: &[u8], crlf: bool, bom: bool, trailing: bool, tabs: bool) -> Vec<u8> {
    let text = src.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(src);
    let had_bom = text.len() < src.len();
    let mut out = Vec::with_capacity(src.len() * 2);
    if bom || had_bom {
        out.extend_from_slice(b"\xEF\xBB\xBF");
    }
    let mut lines = text.split(|&b| b == b'\n').peekable();
    while let Some(line) = lines.next() {
        let last = lines.peek().is_none();
        let (body, cr) = match line.strip_suffix(b"\r") {
            Some(body) => (body, true),
            None => (line, false),
        };
        let mut body = body.to_vec();
        if tabs {
            let indent = body
                .iter()
                .take_while(|&&b| b == b' ' || b == b'\t')
                .count();
            let mut spaced = Vec::new();
            for &b in &body[..indent] {
                if b == b'\t' {
                    let to = TAB_WIDTH as usize - spaced.len() % TAB_WIDTH as usize;
                    spaced.extend(std::iter::repeat_n(b' ', to));
                } else {
                    spaced.push(b);
                }
            }
            spaced.extend_from_slice(&body[indent..]);
            body = spaced;
        }
        if trailing && !(last && body.is_empty()) {
            body.extend_from_slice(b"  ");
        }
        out.extend_from_slice(&body);
        if !last {
            out.extend_from_slice(if crlf || cr { b"\r\n" } else { b"\n" });
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn the_reading_does_not_depend_on_how_the_file_is_stored(
        pick in any::<prop::sample::Index>(),
        crlf in any::<bool>(),
        bom in any::<bool>(),
        trailing in any::<bool>(),
        tabs in any::<bool>(),
    ) {
        let files = files();
        let (path, src) = &files[pick.index(files.len())];
        let syntax = Syntax::from_path(path);
        let stored = restore(src, crlf, bom, trailing, tabs);
        prop_assert_eq!(
            reading(src, syntax),
            reading(&stored, syntax),
            "{} (crlf {}, bom {}, trailing {}, tabs {})",
            path.display(), crlf, bom, trailing, tabs
        );
    }
}

/// Every file, each way at once: the property above picks at random.
#[test]
fn every_file_stored_every_way() {
    for (path, src) in files() {
        let syntax = Syntax::from_path(&path);
        let want = reading(&src, syntax);
        let stored = restore(&src, true, true, true, true);
        assert_eq!(want, reading(&stored, syntax), "{}", path.display());
    }
}
