//! The `notes` command: parse arguments, decide about the terminal once, run the
//! command, and map the outcome to an exit status (0 found, 1 nothing found, 2 error).

#![deny(clippy::print_stdout, clippy::print_stderr)]

mod cli;
mod commands;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
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
    let ctx = commands::Ctx {
        opts: Options {
            color,
            heading: tty,
            escape: tty,
        },
        json: cli.json,
    };
    let paths = if cli.file.is_empty() {
        std::env::var_os("NOTES_FILE")
            .map(|value| std::env::split_paths(&value).collect::<Vec<PathBuf>>())
            .unwrap_or_default()
            .into_iter()
            .filter(|p| !p.as_os_str().is_empty())
            .collect()
    } else {
        cli.file.clone()
    };
    let mut out = BufWriter::new(stdout.lock());
    let (result, outcome) = commands::run(&cli, &paths, &mut out, ctx);
    let result = result.and_then(|found| {
        out.flush()?;
        Ok(found)
    });
    drop(out);
    let mut stderr = io::stderr().lock();
    for diagnostic in &outcome.diagnostics {
        // A message that cannot be written is not worth failing for.
        let _ = match diagnostic {
            commands::Diagnostic::Error(message) => writeln!(stderr, "error: {message}"),
            commands::Diagnostic::Warning(message) => writeln!(stderr, "warning: {message}"),
        };
    }
    match result {
        Ok(_) if outcome.failed => ExitCode::from(2),
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            // An I/O error with nothing said about it comes from writing the output:
            // reading errors name their file.
            let err = if err.chain().count() == 1 && err.downcast_ref::<io::Error>().is_some() {
                err.context("could not write to standard output")
            } else {
                err
            };
            let message = format!("{err:#}").replace('\n', " ");
            let _ = writeln!(stderr, "error: {message}");
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
    let _ = writeln!(io::stderr(), "{}", one_line(&err.render().to_string()));
    ExitCode::from(2)
}

/// Clap's message, its details and tips on one line, without the usage that follows.
fn one_line(rendered: &str) -> String {
    let mut parts = Vec::new();
    let mut tips = Vec::new();
    for line in rendered.lines().map(str::trim) {
        if line.starts_with("Usage:") || line.starts_with("For more information") {
            break;
        }
        match line.strip_prefix("tip: ") {
            Some(tip) => tips.push(tip),
            None if !line.is_empty() => parts.push(line),
            None => {}
        }
    }
    let mut message = parts.join(" ");
    if !tips.is_empty() {
        message = format!("{message} ({})", tips.join("; "));
    }
    message
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
    fn usage_errors_fit_on_one_line() {
        let rendered = "error: invalid value 'mised' for '--status <STATUS>'\n  \
            [possible values: attended, missed]\n\n  tip: a similar value exists: 'missed'\n\n\
            Usage: notes list --status <STATUS>\n\nFor more information, try '--help'.\n";
        assert_eq!(
            one_line(rendered),
            "error: invalid value 'mised' for '--status <STATUS>' \
             [possible values: attended, missed] (a similar value exists: 'missed')"
        );
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
