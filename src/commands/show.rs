//! `notes show QUERY`: whole sessions (or one lightning talk with its heading), as
//! written, separated by a blank line.

use std::io::Write;

use anyhow::Result;
use talknotes::query::{self, Shown};
use talknotes::render::json::{self, FileRef};
use talknotes::render::raw;

use super::Ctx;
use super::input::{Filters, Inputs, Layout};

pub fn run(
    inputs: &mut Inputs,
    query: &str,
    filters: Filters,
    out: &mut dyn Write,
    ctx: Ctx,
) -> Result<bool> {
    let layout = if ctx.json {
        Layout::Lines
    } else {
        Layout::Blocks
    };
    let found = inputs.print(out, layout, |file, records| {
        let Some(filter) = filters.of(file) else {
            return Ok(());
        };
        let (doc, origin) = (file.doc(), file.origin());
        let at = FileRef {
            label: file.label,
            origin,
        };
        for shown in query::show(doc, query) {
            let session = match shown {
                Shown::Session(session) | Shown::Talk(session, _) => session,
            };
            if !filter.matches(session, origin) {
                continue;
            }
            let mut text = Vec::new();
            match shown {
                Shown::Session(session) => raw::write_session(&mut text, doc, session)?,
                Shown::Talk(session, talk) => raw::write_talk(&mut text, doc, session, talk)?,
            }
            let mut out = records.record(origin.session_date(session))?;
            match (ctx.json, shown) {
                (true, Shown::Session(session)) => {
                    json::write_session(&mut out, at, doc, session, Some(&text))?
                }
                (true, Shown::Talk(session, talk)) => {
                    json::write_talk(&mut out, at, doc, session, talk, &text)?
                }
                (false, _) => raw::write_prefixed(&mut out, file.prefix, &text)?,
            }
        }
        Ok(())
    })?;
    filters.check(inputs.len())?;
    Ok(found)
}
