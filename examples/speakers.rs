//! Each speaker with their talks, sorted by name.
//!
//! `cargo run --example speakers [NOTES_FILE]` (default: notes/pycon2014.txt)

use std::collections::BTreeMap;

fn main() -> std::io::Result<()> {
    let path = std::env::args().nth(1);
    let bytes = std::fs::read(path.as_deref().unwrap_or("notes/pycon2014.txt"))?;
    let doc = talknotes::Document::parse(&bytes);

    let mut talks: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for session in doc.sessions() {
        for speaker in session.speakers() {
            talks.entry(speaker).or_default().push(session.title());
        }
    }
    for (speaker, titles) in talks {
        println!("{speaker}: {}", titles.join("; "));
    }
    Ok(())
}
