//! `notes list` and `notes missed`: the sessions that pass the filters, one per line.

use std::io::Write;

use anyhow::Result;
use talknotes::document::Status;
use talknotes::query::{self, Filter};
use talknotes::render::json::{self, FileRef};
use talknotes::render::text;

use super::Ctx;
use super::input::{File, Filters, Inputs, Layout};
use crate::cli::ListArgs;

pub fn run(
    inputs: &mut Inputs,
    args: &ListArgs,
    filters: Filters,
    out: &mut impl Write,
    ctx: Ctx,
) -> Result<bool> {
    let filters = filters.with(|f| Filter {
        statuses: args.status.iter().map(|&s| s.into()).collect(),
        speaker: args.speaker.clone(),
        tag: args.tag.clone(),
        ..f
    });
    sessions(inputs, &filters, false, out, ctx)
}

/// The sessions missed, left early or not seen, each with the first link its notes
/// give: a watch list.
pub fn missed(
    inputs: &mut Inputs,
    statuses: Vec<Status>,
    filters: Filters,
    out: &mut impl Write,
    ctx: Ctx,
) -> Result<bool> {
    let filters = filters.with(|f| Filter { statuses, ..f });
    sessions(inputs, &filters, true, out, ctx)
}

/// Prints the sessions `filters` keeps, `links` saying whether text records end with
/// the session's first link.
fn sessions(
    inputs: &mut Inputs,
    filters: &Filters,
    links: bool,
    out: &mut impl Write,
    ctx: Ctx,
) -> Result<bool> {
    let found = inputs.print(out, Layout::Lines, |file: &File, records| {
        let Some(filter) = filters.of(file) else {
            return Ok(());
        };
        let doc = file.doc();
        let origin = file.origin();
        let at = FileRef {
            label: file.label,
            origin,
        };
        for session in query::sessions(doc, origin, &filter) {
            let mut out = records.record(origin.session_date(session))?;
            if ctx.json {
                json::write_session(&mut out, at, doc, session, None)?;
            } else {
                let link = if links {
                    doc.links(session)
                } else {
                    Vec::new()
                };
                text::write_session(
                    &mut out,
                    ctx.opts,
                    file.prefix,
                    session,
                    link.first().map(String::as_str),
                )?;
            }
        }
        Ok(())
    })?;
    filters.check(inputs.len())?;
    Ok(found)
}
