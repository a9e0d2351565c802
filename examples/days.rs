//! How many sessions each day had, and how many of them were not fully seen.
//!
//! `cargo run --example days [NOTES_FILE]` (default: notes/pycon2014.txt); the syntax
//! comes from the file's extension.

use talknotes::document::rules::DaySpec;
use talknotes::event::{Origin, Place};
use talknotes::{Filter, Status, Syntax, query};

fn main() -> std::io::Result<()> {
    let path = std::env::args().nth(1);
    let path = path.as_deref().unwrap_or("notes/pycon2014.txt");
    let bytes = std::fs::read(path)?;
    let doc = talknotes::Document::parse_as(&bytes, Syntax::from_path(path.as_ref()));
    // The event and year, from the notes' title or the file's name.
    let place = Place {
        stem: std::path::Path::new(path)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned()),
        ..Place::default()
    };
    let origin = Origin::of(&doc, &place);
    println!(
        "{} ({})",
        origin.event.as_deref().unwrap_or(path),
        origin
            .year
            .map_or("year unknown".to_string(), |y| y.to_string())
    );

    for day in doc.days() {
        let filter = Filter {
            days: vec![DaySpec::Number(day.number as u32)],
            ..Filter::default()
        };
        let sessions: Vec<_> = query::sessions(&doc, &origin, &filter).collect();
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
