//! `notes list` and `notes missed`: the sessions that pass the filters, one per line.

use std::io::Write;

use anyhow::Result;
use notes::document::Status;
use notes::query::{self, Filter};
use notes::render::{json, text};

use super::Ctx;
use super::input::Inputs;
use crate::cli::ListArgs;

pub fn run(inputs: &mut Inputs, args: &ListArgs, out: &mut impl Write, ctx: Ctx) -> Result<bool> {
    let statuses = args.status.iter().map(|&s| s.into()).collect();
    run_with(inputs, args, statuses, out, ctx)
}

/// `list` with these statuses (`missed` is list with a fixed status filter).
pub fn run_with(
    inputs: &mut Inputs,
    args: &ListArgs,
    statuses: Vec<Status>,
    out: &mut impl Write,
    ctx: Ctx,
) -> Result<bool> {
    let filter = Filter {
        statuses,
        speaker: args.speaker.clone(),
        tag: args.tag.clone(),
        ..Filter::default()
    };
    let mut found = false;
    inputs.for_each(|file| {
        let filter = file.filter(&filter, args.day.as_deref())?;
        for session in query::sessions(file.doc(), &filter) {
            if ctx.json {
                json::write_session(out, file.label, session, None)?;
            } else {
                text::write_session(out, ctx.opts, file.prefix, session)?;
            }
            found = true;
        }
        Ok(())
    })?;
    Ok(found)
}
