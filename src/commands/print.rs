//! `notes print [--day DAY]`: the file byte for byte, or one day's sessions as written.

use std::io::Write;

use anyhow::Result;
use notes::document::{Day, Document};
use notes::query::{self, Filter};
use notes::render::raw;

pub fn run(doc: &Document, day: Option<Day>, out: &mut impl Write) -> Result<bool> {
    let Some(day) = day else {
        raw::write_document(out, doc)?;
        return Ok(true);
    };
    let filter = Filter {
        day: Some(day),
        ..Filter::default()
    };
    let mut sessions = query::sessions(doc, &filter).peekable();
    let found = sessions.peek().is_some();
    raw::write_sessions(out, doc, sessions)?;
    Ok(found)
}
