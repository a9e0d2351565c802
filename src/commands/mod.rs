//! One module per subcommand: each reads the notes files, glues a query to a printer,
//! and says whether it printed anything.

mod check;
mod export;
mod grep;
mod input;
mod list;
mod man;
mod print;
mod shell;
mod show;
mod summary;
mod tree;

use std::fs;
use std::io::{self, Read, Write};
use std::path::PathBuf;

use anyhow::{Result, bail};
use talknotes::document::Status;
use talknotes::event::Bound;
use talknotes::query::Filter;
use talknotes::render::escape::Escaping;
use talknotes::render::text::Options;

use crate::cli::{Command, FilterArgs, Settings};
pub use input::Diagnostic;
use input::{Filters, Inputs, ReadAs, TextEncoding, Wanted};

/// Where a command writes: `main` gives standard output.
pub trait Output: Write {
    /// Writes the first `len` bytes of `file` from its start, as `write_all` of them
    /// would. (Never more: a file that grows while it is copied, as with `notes print
    /// a.txt >> a.txt`, would otherwise be copied for ever.) Standard output lets std
    /// pick the kernel's way.
    fn write_file(&mut self, file: &fs::File, len: u64) -> io::Result<()> {
        io::copy(&mut Read::take(file, len), self).map(drop)
    }
}

impl<W: Write> Output for Escaping<W> {}

/// How to print, decided once by `main`.
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    /// Text layout and colour.
    pub opts: Options,
    /// JSON Lines instead of text.
    pub json: bool,
}

/// Where the notes come from when the command line names no path, decided by `main`.
#[derive(Debug, Clone, Default)]
pub struct Defaults {
    /// Standard input is a pipe or a file: read it.
    pub stdin: bool,
    /// The paths of NOTES_FILE, else of the config file.
    pub paths: Vec<PathBuf>,
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

/// Runs `command` with `settings`. A failure to write the output stops the run; the
/// diagnostics gathered until then come with it.
pub fn run(
    command: &Command,
    settings: &Settings,
    defaults: Defaults,
    out: &mut impl Output,
    ctx: Ctx,
) -> (Result<bool>, Outcome) {
    // These read no notes: nothing is walked or read for them.
    match command {
        Command::Completions { shell } => return finished(shell::completions(*shell, out)),
        Command::Man => return finished(shell::man(out)),
        _ => {}
    }
    let encoding = match settings.input.encoding.as_deref().map(TextEncoding::parse) {
        Some(Err(err)) => return finished(Err(err)),
        Some(Ok(encoding)) => encoding,
        None => TextEncoding::Auto,
    };
    let read_as = ReadAs {
        text: settings.input.text,
        syntax: settings.input.syntax.map(Into::into),
        encoding,
        raw: false,
        options: talknotes::document::ReadOptions {
            session_level: settings.input.session_level,
            one_talk: settings.input.one_talk,
            explain: false,
            threads: settings.input.threads.unwrap_or(0),
            full_at: None,
        },
    };
    let wanted = Wanted {
        paths: settings.paths.clone(),
        stdin: defaults.stdin,
        defaults: defaults.paths,
        input: settings.input.clone(),
    };
    let mut inputs = Inputs::new(&wanted, read_as, &settings.output);
    let result = filters(&settings.filters)
        .and_then(|filter| run_command(command, &mut inputs, filter, out, ctx));
    let outcome = Outcome {
        found: *result.as_ref().unwrap_or(&false),
        failed: inputs.failed(),
        diagnostics: inputs.diagnostics().to_vec(),
    };
    (result, outcome)
}

fn finished(result: Result<bool>) -> (Result<bool>, Outcome) {
    let outcome = Outcome {
        found: *result.as_ref().unwrap_or(&false),
        failed: false,
        diagnostics: Vec::new(),
    };
    (result, outcome)
}

/// The filters every command takes, read once; the days are read against each file.
fn filters(args: &FilterArgs) -> Result<Filters> {
    let bound = |flag: &str, value: &Option<String>| -> Result<Option<Bound>> {
        let Some(value) = value else {
            return Ok(None);
        };
        match Bound::parse(value) {
            Some(bound) => Ok(Some(bound)),
            None => {
                bail!("invalid date `{value}` for {flag}: expected YYYY-MM-DD, YYYY-MM or YYYY")
            }
        }
    };
    let base = Filter {
        event: args.event.clone(),
        years: args.year.clone(),
        since: bound("--since", &args.since)?,
        until: bound("--until", &args.until)?,
        ..Filter::default()
    };
    Ok(Filters::new(base, &args.day))
}

fn run_command(
    command: &Command,
    inputs: &mut Inputs,
    filters: Filters,
    out: &mut impl Output,
    ctx: Ctx,
) -> Result<bool> {
    let found = match command {
        Command::List(args) => list::run(inputs, args, filters, out, ctx)?,
        Command::Missed(_) => {
            let statuses = vec![Status::Missed, Status::Partial, Status::NotSeen];
            list::missed(inputs, statuses, filters, out, ctx)?
        }
        Command::Grep(args) => grep::run(inputs, args, filters, out, ctx)?,
        Command::Todo(_) => grep::todo(inputs, filters, out, ctx)?,
        // These print the notes' own bytes: on a terminal, through the escaper.
        Command::Show { query, .. } => {
            escaped(out, ctx, |out| show::run(inputs, query, filters, out, ctx))?
        }
        Command::Print { .. } => {
            input::refuse_json(ctx.json, "print", "use `notes export --to json`")?;
            escaped(out, ctx, |out| print::run(inputs, filters, out))?
        }
        Command::Export { to, .. } => {
            input::refuse_json(ctx.json, "export", "use `notes export --to json`")?;
            escaped(out, ctx, |out| export::run(inputs, *to, filters, out))?
        }
        Command::Speakers(_) => summary::speakers(inputs, filters, out, ctx)?,
        Command::Days(_) => summary::days(inputs, filters, out, ctx)?,
        Command::Stats(_) => summary::stats(inputs, filters, out, ctx)?,
        Command::Tree(args) => tree::run(inputs, args, filters, out, ctx)?,
        Command::Check { explain, .. } => check::run(inputs, *explain, filters, out, ctx)?,
        // Answered in `run`, before any notes are looked for.
        Command::Completions { .. } | Command::Man => false,
    };
    Ok(found)
}

/// Runs `f` writing to `out`, through [`Escaping`] when `ctx` says the output goes to a
/// terminal.
fn escaped<W: Output>(
    out: &mut W,
    ctx: Ctx,
    f: impl FnOnce(&mut dyn Output) -> Result<bool>,
) -> Result<bool> {
    if !ctx.opts.escape {
        return f(out);
    }
    let mut escaping = Escaping::new(&mut *out);
    let found = f(&mut escaping)?;
    escaping.finish()?;
    Ok(found)
}
