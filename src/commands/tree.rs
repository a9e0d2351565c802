//! `notes tree [--depth N] [--day DAY] [--ascii]`: the outline drawn with guides.

use std::io::Write;

use anyhow::Result;
use notes::document::Session;
use notes::query::{self, Filter};
use notes::render::json;
use notes::render::tree::{self, TreeOptions};

use super::Ctx;
use super::input::Inputs;
use crate::cli::TreeArgs;

pub fn run(inputs: &mut Inputs, args: &TreeArgs, out: &mut impl Write, ctx: Ctx) -> Result<bool> {
    let filter = Filter::default();
    let options = TreeOptions {
        ascii: args.ascii,
        depth: args.depth,
    };
    let max = args.depth.unwrap_or(usize::MAX);
    let mut found = false;
    inputs.for_each(|file| {
        let filter = file.filter(&filter, args.day.as_deref())?;
        let sessions: Vec<&Session> = query::sessions(file.doc(), &filter).collect();
        if sessions.is_empty() {
            return Ok(());
        }
        found = true;
        if !ctx.json {
            return Ok(tree::write_tree(
                out,
                ctx.opts,
                options,
                file.label,
                file.doc(),
                &sessions,
            )?);
        }
        for session in sessions.iter().filter(|_| max >= 1) {
            json::write_node(out, file.label, file.doc(), session.line(), 1)?;
            for note in file.doc().notes(session).iter().filter(|n| n.depth < max) {
                json::write_node(out, file.label, file.doc(), note.line, note.depth + 1)?;
            }
        }
        Ok(())
    })?;
    Ok(found)
}
