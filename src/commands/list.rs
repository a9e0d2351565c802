//! `notes list`: the sessions that pass the filters, one per line.

use std::io::Write;

use anyhow::Result;
use notes::document::Document;
use notes::query::{self, Filter};
use notes::render::text::Options;

use crate::cli::ListArgs;

pub fn run(doc: &Document, args: &ListArgs, out: &mut impl Write, opts: Options) -> Result<bool> {
    let filter = Filter {
        day: args.day,
        statuses: args.status.iter().map(|&s| s.into()).collect(),
        speaker: args.speaker.clone(),
    };
    Ok(super::write_sessions(
        out,
        opts,
        query::sessions(doc, &filter),
    )?)
}
