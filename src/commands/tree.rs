//! `notes tree [--depth N] [--ascii]`: the outline drawn with guides.

use std::io::Write;

use anyhow::Result;
use talknotes::document::Session;
use talknotes::query;
use talknotes::render::tree::{self, TreeOptions};
use talknotes::render::{json, text};

use super::Ctx;
use super::input::{Filters, Inputs, Layout};
use crate::cli::TreeArgs;

pub fn run(
    inputs: &mut Inputs,
    args: &TreeArgs,
    filters: Filters,
    out: &mut impl Write,
    ctx: Ctx,
) -> Result<bool> {
    let options = TreeOptions {
        ascii: args.ascii,
        depth: args.depth,
    };
    let max = args.depth.unwrap_or(usize::MAX);
    let found = inputs.print(out, Layout::Lines, |file, records| {
        let Some(filter) = filters.of(file) else {
            return Ok(());
        };
        let doc = file.doc();
        let sessions: Vec<&Session> = query::sessions(doc, file.origin(), &filter).collect();
        if sessions.is_empty() {
            return Ok(());
        }
        let mut out = records.record(None)?;
        if !ctx.json {
            if let Some(name) = file.prefix {
                text::write_file_heading(&mut out, ctx.opts, name)?;
            }
            return Ok(tree::write_tree(
                &mut out, ctx.opts, options, file.label, doc, &sessions,
            )?);
        }
        for session in sessions.iter().filter(|_| max >= 1) {
            json::write_node(&mut out, file.label, doc, session.line(), 1)?;
            for note in doc.notes(session).iter().filter(|n| n.depth < max) {
                json::write_node(&mut out, file.label, doc, note.line, note.depth + 1)?;
            }
        }
        Ok(())
    })?;
    filters.check(inputs.len())?;
    Ok(found)
}
