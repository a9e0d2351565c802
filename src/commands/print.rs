//! `notes print [--day DAY]`: the files byte for byte, or one day's sessions as written.

use std::io::Write;

use anyhow::Result;
use notes::query::{self, Filter};
use notes::render::raw;

use super::Ctx;
use super::input::{Inputs, refuse_json};

pub fn run(inputs: &mut Inputs, day: Option<&str>, out: &mut impl Write, ctx: Ctx) -> Result<bool> {
    refuse_json(ctx.json, "print", "use `notes export --to json`")?;
    let mut found = false;
    inputs.for_each(|file| {
        if day.is_none() {
            out.write_all(file.src)?;
            found = true;
            return Ok(());
        }
        let filter = file.filter(&Filter::default(), day)?;
        let mut sessions = query::sessions(file.doc(), &filter).peekable();
        found |= sessions.peek().is_some();
        raw::write_sessions(out, file.doc(), sessions)?;
        Ok(())
    })?;
    Ok(found)
}
