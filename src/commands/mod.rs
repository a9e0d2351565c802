//! One module per subcommand: each glues a query to a printer and returns whether it
//! printed anything (exit status 0) or not (exit status 1).

mod grep;
mod input;
mod list;
mod missed;
mod print;
mod show;

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use notes::document::{Document, Session};
use notes::render::text::{self, Options};

use crate::cli::Command;

/// Runs `command` on the notes in `file` (the bundled notes when `None`), writing to `out`.
pub fn run(
    command: &Command,
    file: Option<&Path>,
    out: &mut impl Write,
    opts: Options,
) -> Result<bool> {
    let notes = input::load(file)?;
    let doc = Document::parse(&notes.bytes);
    input::warn_if_not_utf8(&notes, doc.outline());
    let found = match command {
        Command::List(args) => list::run(&doc, args, out, opts)?,
        Command::Grep(args) => grep::run(&doc, args, out, opts)?,
        Command::Missed => missed::run(&doc, out, opts)?,
        Command::Show { query } => show::run(&doc, query, out)?,
        Command::Print { day } => print::run(&doc, *day, out)?,
    };
    Ok(found)
}

/// Writes one record per session; true when there was at least one.
fn write_sessions<'d>(
    out: &mut impl Write,
    opts: Options,
    sessions: impl Iterator<Item = &'d Session>,
) -> std::io::Result<bool> {
    let mut found = false;
    for session in sessions {
        text::write_session(out, opts, session)?;
        found = true;
    }
    Ok(found)
}
