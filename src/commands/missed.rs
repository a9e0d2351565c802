//! `notes missed`: the sessions missed, left early or not seen.

use std::io::Write;

use anyhow::Result;
use notes::document::{Document, Status};
use notes::query::{self, Filter};
use notes::render::text::{self, Options};

pub fn run(doc: &Document, out: &mut impl Write, opts: Options) -> Result<bool> {
    let filter = Filter {
        statuses: vec![Status::Missed, Status::Partial, Status::NotSeen],
        ..Filter::default()
    };
    let mut found = false;
    for session in query::sessions(doc, &filter) {
        text::write_session(out, opts, session)?;
        found = true;
    }
    Ok(found)
}
