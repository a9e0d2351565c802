//! `notes show QUERY`: whole sessions (or one lightning talk with its heading), as
//! written, separated by a blank line.

use std::io::Write;

use anyhow::Result;
use notes::query::{self, Shown};
use notes::render::{json, raw};

use super::Ctx;
use super::input::Inputs;

pub fn run(inputs: &mut Inputs, query: &str, out: &mut impl Write, ctx: Ctx) -> Result<bool> {
    let mut found = false;
    inputs.for_each(|file| {
        for shown in query::show(file.doc(), query) {
            let mut text = Vec::new();
            match shown {
                Shown::Session(session) => raw::write_session(&mut text, file.doc(), session)?,
                Shown::Talk(session, talk) => {
                    raw::write_talk(&mut text, file.doc(), session, talk)?
                }
            }
            if ctx.json {
                match shown {
                    Shown::Session(session) => {
                        json::write_session(out, file.label, session, Some(&text))?
                    }
                    Shown::Talk(session, talk) => {
                        json::write_talk(out, file.label, session, talk, &text)?
                    }
                }
            } else {
                if found {
                    out.write_all(b"\n")?;
                }
                raw::write_prefixed(out, file.prefix, &text)?;
            }
            found = true;
        }
        Ok(())
    })?;
    Ok(found)
}
