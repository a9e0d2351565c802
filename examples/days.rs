//! How many sessions each day had, and which ones were missed.
//!
//! `cargo run --example days [NOTES_FILE]` (default: the bundled PyCon 2014 notes)

use notes::{Day, Filter, Status, query};

fn main() -> std::io::Result<()> {
    let path = std::env::args().nth(1);
    let bytes = match &path {
        Some(path) => std::fs::read(path)?,
        None => include_bytes!("../notes/pycon2014.txt").to_vec(),
    };
    let doc = notes::Document::parse(&bytes);

    for day in Day::ALL {
        let filter = Filter {
            day: Some(day),
            ..Filter::default()
        };
        let sessions: Vec<_> = query::sessions(&doc, &filter).collect();
        if sessions.is_empty() {
            continue;
        }
        let missed = sessions
            .iter()
            .filter(|s| s.status() != Status::Attended)
            .count();
        println!(
            "{day}: {} sessions, {missed} not fully seen",
            sessions.len()
        );
    }
    Ok(())
}
