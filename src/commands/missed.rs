//! `notes missed`: the sessions missed, left early or not seen.

use std::io::Write;

use anyhow::Result;
use notes::document::{Document, Status};
use notes::query::{self, Filter};
use notes::render::text::Options;

pub fn run(doc: &Document, out: &mut impl Write, opts: Options) -> Result<bool> {
    let filter = Filter {
        statuses: vec![Status::Missed, Status::Partial, Status::NotSeen],
        ..Filter::default()
    };
    Ok(super::write_sessions(
        out,
        opts,
        query::sessions(doc, &filter),
    )?)
}
