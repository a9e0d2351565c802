//! The `notes` command: parse arguments, decide about the terminal once, run the
//! command, and map the outcome to an exit status (0 found, 1 nothing found, 2 error).

#![deny(clippy::print_stdout, clippy::print_stderr)]

mod cli;
mod commands;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;
use notes::render::text::Options;

use cli::{Cli, ColorWhen};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return usage_error(&err),
    };
    let stdout = io::stdout();
    let tty = stdout.is_terminal();
    let color = wants_color(cli.color, tty, |name| std::env::var_os(name));
    colored::control::set_override(color);
    let opts = Options {
        color,
        heading: tty,
    };
    let mut out = BufWriter::new(stdout.lock());
    let result = commands::run(&cli, &mut out, opts).and_then(|found| {
        out.flush()?;
        Ok(found)
    });
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let message = format!("{err:#}").replace('\n', " ");
            let _ = writeln!(io::stderr(), "error: {message}");
            ExitCode::from(2)
        }
    }
}

/// `--color`, then CLICOLOR_FORCE (any value but 0), NO_COLOR (any value), CLICOLOR=0,
/// then whether standard output is a terminal.
fn wants_color(
    when: ColorWhen,
    tty: bool,
    env: impl Fn(&str) -> Option<std::ffi::OsString>,
) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            if env("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
                true
            } else if env("NO_COLOR").is_some() || env("CLICOLOR").is_some_and(|v| v == "0") {
                false
            } else {
                tty
            }
        }
    }
}

/// Help and version go to standard output; usage errors become one `error:` line.
fn usage_error(err: &clap::Error) -> ExitCode {
    if matches!(
        err.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        let _ = err.print();
        return ExitCode::SUCCESS;
    }
    if err.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        let _ = err.print();
        return ExitCode::from(2);
    }
    let rendered = err.render().to_string();
    let mut lines = rendered.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or("error: invalid arguments");
    let tip = lines.find_map(|l| l.strip_prefix("tip: "));
    let message = match tip {
        Some(tip) => format!("{first} ({tip})"),
        None => first.to_string(),
    };
    let _ = writeln!(io::stderr(), "{message}");
    ExitCode::from(2)
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsString;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    #[test]
    fn colour_decision() {
        use ColorWhen::*;
        type Case<'a> = (ColorWhen, bool, &'a [(&'a str, &'a str)], bool);
        let cases: [Case; 9] = [
            (Auto, true, &[], true),
            (Auto, false, &[], false),
            (Auto, true, &[("NO_COLOR", "")], false),
            (Auto, true, &[("NO_COLOR", "1")], false),
            (Auto, false, &[("CLICOLOR_FORCE", "1")], true),
            (
                Auto,
                false,
                &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
                true,
            ),
            (Auto, true, &[("CLICOLOR", "0")], false),
            (Always, false, &[("NO_COLOR", "1")], true),
            (Never, true, &[("CLICOLOR_FORCE", "1")], false),
        ];
        for (when, tty, vars, want) in cases {
            assert_eq!(
                wants_color(when, tty, env(vars)),
                want,
                "{when:?} {tty} {vars:?}"
            );
        }
    }
}
