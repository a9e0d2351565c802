//! `notes show QUERY`: whole sessions, as written, separated by a blank line.

use std::io::Write;

use anyhow::Result;
use notes::document::Document;
use notes::query;
use notes::render::raw;

pub fn run(doc: &Document, query: &str, out: &mut impl Write) -> Result<bool> {
    let mut found = false;
    for session in query::show(doc, query) {
        if found {
            out.write_all(b"\n")?;
        }
        raw::write_session(out, doc, session)?;
        found = true;
    }
    Ok(found)
}
