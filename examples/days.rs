//! How many sessions each day had, and how many of them were not fully seen.
//!
//! `cargo run --example days [NOTES_FILE]` (default: notes/pycon2014.txt)

use notes::{Day, Filter, Status, query};

fn main() -> std::io::Result<()> {
    let path = std::env::args().nth(1);
    let bytes = std::fs::read(path.as_deref().unwrap_or("notes/pycon2014.txt"))?;
    let doc = notes::Document::parse(&bytes);

    for day in Day::ALL {
        let filter = Filter {
            day: Some(day),
            ..Filter::default()
        };
        let sessions: Vec<_> = query::sessions(&doc, &filter).collect();
        let unseen = sessions
            .iter()
            .filter(|s| s.status() != Status::Attended)
            .count();
        if !sessions.is_empty() {
            println!(
                "{day}: {} sessions, {unseen} not fully seen",
                sessions.len()
            );
        }
    }
    Ok(())
}
