//! How many sessions each day had, and how many of them were not fully seen.
//!
//! `cargo run --example days [NOTES_FILE]` (default: notes/pycon2014.txt); the syntax
//! comes from the file's extension.

use notes::document::rules::DaySpec;
use notes::{Filter, Status, Syntax, query};

fn main() -> std::io::Result<()> {
    let path = std::env::args().nth(1);
    let path = path.as_deref().unwrap_or("notes/pycon2014.txt");
    let bytes = std::fs::read(path)?;
    let doc = notes::Document::parse_as(&bytes, Syntax::from_path(path.as_ref()));

    for day in doc.days() {
        let filter = Filter {
            day: Some(DaySpec::Number(day.number as u32)),
            ..Filter::default()
        };
        let sessions: Vec<_> = query::sessions(&doc, &filter).collect();
        let unseen = sessions
            .iter()
            .filter(|s| s.status() != Status::Attended)
            .count();
        println!(
            "{}: {} sessions, {unseen} not fully seen",
            day.name(),
            sessions.len()
        );
    }
    Ok(())
}
