//! `notes print`: the files byte for byte, or only the sessions the filters keep, as
//! written.

use anyhow::Result;
use talknotes::query;
use talknotes::render::raw;

use super::Output;
use super::input::{Filters, Inputs, Layout};

pub fn run(inputs: &mut Inputs, filters: Filters, out: &mut dyn Output) -> Result<bool> {
    if filters.keeps_all() {
        // The bytes as they are on disk, whatever their encoding.
        return inputs.copy_each(out);
    }
    let found = inputs.print(out, Layout::Lines, |file, records| {
        let Some(filter) = filters.of(file) else {
            return Ok(());
        };
        let mut sessions = query::sessions(file.doc(), file.origin(), &filter).peekable();
        if sessions.peek().is_some() {
            let mut out = records.record(None)?;
            match file.line_starts_on_disk() {
                // A decoded file's sessions as they are on disk, like the whole file.
                Some(starts) => raw::write_sessions_on_disk(&mut out, file.raw, starts, sessions)?,
                None => raw::write_sessions(&mut out, file.doc(), sessions)?,
            }
        }
        Ok(())
    })?;
    filters.check(inputs.len())?;
    Ok(found)
}
