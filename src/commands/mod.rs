//! One module per subcommand: each reads the notes files in turn, glues a query to a
//! printer, and says whether it printed anything.

mod check;
mod export;
mod grep;
mod input;
mod list;
mod print;
mod shell;
mod show;
mod summary;
mod tree;

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use notes::document::Status;
use notes::render::escape::Escaping;
use notes::render::text::Options;

use crate::cli::{Cli, Command, ListArgs};
use input::Inputs;

/// How to print, decided once by `main`.
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    /// Text layout and colour.
    pub opts: Options,
    /// JSON Lines instead of text.
    pub json: bool,
}

/// What a run came to: whether anything was printed, and whether a file failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// Something was printed (exit status 0 rather than 1).
    pub found: bool,
    /// A file could not be found or read (exit status 2).
    pub failed: bool,
}

/// Runs the command of `cli` on the notes in `paths` (the bundled notes when empty).
pub fn run(cli: &Cli, paths: &[PathBuf], out: &mut impl Write, ctx: Ctx) -> Result<Outcome> {
    let mut inputs = Inputs::new(paths, cli.text, cli.syntax.map(Into::into));
    let inputs = &mut inputs;
    let found = match &cli.command {
        Command::List(args) => list::run(inputs, args, out, ctx)?,
        Command::Missed => {
            let args = ListArgs {
                day: None,
                status: Vec::new(),
                speaker: None,
                tag: None,
            };
            let statuses = vec![Status::Missed, Status::Partial, Status::NotSeen];
            list::run_with(inputs, &args, statuses, out, ctx)?
        }
        Command::Grep(args) => grep::run(inputs, args, out, ctx)?,
        Command::Todo => grep::todo(inputs, out, ctx)?,
        // These print the notes' own bytes: on a terminal, through the escaper.
        Command::Show { query } => {
            escaped(out, ctx, |mut out| show::run(inputs, query, &mut out, ctx))?
        }
        Command::Print { day } => escaped(out, ctx, |mut out| {
            print::run(inputs, day.as_deref(), &mut out, ctx)
        })?,
        Command::Export { to, day } => escaped(out, ctx, |mut out| {
            export::run(inputs, *to, day.as_deref(), &mut out)
        })?,
        Command::Speakers => summary::speakers(inputs, out, ctx)?,
        Command::Days => summary::days(inputs, out, ctx)?,
        Command::Stats => summary::stats(inputs, out, ctx)?,
        Command::Tree(args) => tree::run(inputs, args, out, ctx)?,
        Command::Check => check::run(inputs, out, ctx)?,
        Command::Completions { shell } => shell::completions(*shell, out)?,
        Command::Man => shell::man(out)?,
    };
    Ok(Outcome {
        found,
        failed: inputs.failed(),
    })
}

/// Runs `f` writing to `out`, through [`Escaping`] when `ctx` says the output goes to a
/// terminal.
fn escaped<W: Write>(
    out: &mut W,
    ctx: Ctx,
    f: impl FnOnce(&mut dyn Write) -> Result<bool>,
) -> Result<bool> {
    if !ctx.opts.escape {
        return f(out);
    }
    let mut escaping = Escaping::new(&mut *out);
    let found = f(&mut escaping)?;
    escaping.finish()?;
    Ok(found)
}
