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
pub use input::Diagnostic;
use input::{Inputs, ReadAs};

/// How to print, decided once by `main`.
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    /// Text layout and colour.
    pub opts: Options,
    /// JSON Lines instead of text.
    pub json: bool,
}

/// What a run came to: whether anything was printed, whether a file failed, and what to
/// say on standard error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Something was printed (exit status 0 rather than 1).
    pub found: bool,
    /// A file could not be found or read (exit status 2).
    pub failed: bool,
    /// Errors and warnings about the files, in order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Runs the command of `cli` on the notes in `paths` (the bundled notes when empty).
/// A failure to write the output stops the run; the diagnostics gathered until then
/// come with it.
pub fn run(
    cli: &Cli,
    paths: &[PathBuf],
    out: &mut impl Write,
    ctx: Ctx,
) -> (Result<bool>, Outcome) {
    let read_as = ReadAs {
        text: cli.text,
        syntax: cli.syntax.map(Into::into),
        options: notes::document::ReadOptions {
            session_level: cli.session_level,
            one_talk: cli.one_talk,
            explain: false,
        },
    };
    let mut inputs = Inputs::new(paths, read_as);
    let result = run_command(cli, &mut inputs, out, ctx);
    let outcome = Outcome {
        found: *result.as_ref().unwrap_or(&false),
        failed: inputs.failed(),
        diagnostics: inputs.diagnostics().to_vec(),
    };
    (result, outcome)
}

fn run_command(cli: &Cli, inputs: &mut Inputs, out: &mut impl Write, ctx: Ctx) -> Result<bool> {
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
        Command::Check { explain } => check::run(inputs, *explain, out, ctx)?,
        Command::Completions { shell } => shell::completions(*shell, out)?,
        Command::Man => shell::man(out)?,
    };
    Ok(found)
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
