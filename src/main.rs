//! The `notes` command: parse arguments, decide about the terminal once, run the
//! command, and map the outcome to an exit status (0 found, 1 nothing found, 2 error).

#![deny(clippy::print_stdout, clippy::print_stderr)]

mod cli;
mod commands;

use std::ffi::OsString;
use std::fs;
use std::io::{self, BufWriter, IsTerminal, StdoutLock, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use talknotes::render::text::Options;

use cli::{Cli, ColorWhen, ConfigArgs};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return usage_error(&err),
    };
    let no_config = std::env::args_os()
        .take_while(|a| a != "--")
        .any(|a| a == "--no-config");
    let config = match config(no_config, |name| std::env::var_os(name)) {
        Ok(config) => config,
        Err(message) => {
            let _ = writeln!(io::stderr(), "error: {message}");
            return ExitCode::from(2);
        }
    };
    let settings = cli.settings(config.map(|(_, args)| args));
    let stdout = io::stdout();
    let tty = stdout.is_terminal();
    let when = settings.output.color.unwrap_or(ColorWhen::Auto);
    let color = wants_color(when, tty, |name| std::env::var_os(name));
    colored::control::set_override(color);
    let ctx = commands::Ctx {
        opts: Options {
            color,
            heading: tty,
            escape: tty,
            null: settings.output.null,
        },
        json: settings.json,
    };
    let from_env: Vec<PathBuf> = std::env::var_os("NOTES_FILE")
        .map(|value| std::env::split_paths(&value).collect::<Vec<PathBuf>>())
        .unwrap_or_default()
        .into_iter()
        .filter(|p| !p.as_os_str().is_empty())
        .collect();
    let defaults = commands::Defaults {
        stdin: settings.paths.is_empty() && stdin_is_readable(),
        paths: if from_env.is_empty() {
            settings.config_paths.clone()
        } else {
            from_env
        },
    };
    let mut out = Stdout::new(stdout.lock(), tty);
    let (result, outcome) = commands::run(&cli.command, &settings, defaults, &mut out, ctx);
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

/// Standard output, buffered: on a terminal through std's own handle; elsewhere straight
/// to the descriptor, in larger writes (std's line buffer under ours would cut each
/// write at its last newline and make two of it).
enum Stdout<'a> {
    Terminal(BufWriter<StdoutLock<'a>>),
    Descriptor(BufWriter<fs::File>),
}

impl<'a> Stdout<'a> {
    fn new(lock: StdoutLock<'a>, tty: bool) -> Stdout<'a> {
        if !tty && let Some(file) = descriptor(&lock) {
            return Stdout::Descriptor(BufWriter::with_capacity(256 * 1024, file));
        }
        Stdout::Terminal(BufWriter::with_capacity(64 * 1024, lock))
    }
}

/// Standard output's descriptor, duplicated, to write to directly.
#[cfg(unix)]
fn descriptor(lock: &StdoutLock) -> Option<fs::File> {
    use std::os::fd::AsFd;
    lock.as_fd().try_clone_to_owned().ok().map(fs::File::from)
}

#[cfg(not(unix))]
fn descriptor(_: &StdoutLock) -> Option<fs::File> {
    None
}

impl Stdout<'_> {
    fn buffer(&mut self) -> &mut dyn Write {
        match self {
            Stdout::Terminal(out) => out,
            Stdout::Descriptor(out) => out,
        }
    }
}

impl Write for Stdout<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.buffer().write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.buffer().write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.buffer().flush()
    }
}

impl commands::Output for Stdout<'_> {
    /// Flushes what is buffered, then copies with `std::io::copy` from the file to the
    /// descriptor: the kernel copies into a file (copy_file_range, sendfile), and into a
    /// pipe std reads and writes in small pieces, which kept the pipe's reader busier
    /// than one write of the mapped file did (100 MB: 75 ms against 137; cat 103).
    fn write_file(&mut self, file: &fs::File, len: u64) -> io::Result<()> {
        self.flush()?;
        let mut file = io::Read::take(file, len);
        match self {
            Stdout::Terminal(out) => io::copy(&mut file, out.get_mut()).map(drop),
            Stdout::Descriptor(out) => io::copy(&mut file, out.get_mut()).map(drop),
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

/// The config file that NOTES_CONFIG_PATH names, parsed, unless `--no-config` is
/// given or the variable is unset or empty. An error names the file and the line.
fn config(
    no_config: bool,
    env: impl Fn(&str) -> Option<OsString>,
) -> Result<Option<(PathBuf, ConfigArgs)>, String> {
    let path = match env("NOTES_CONFIG_PATH") {
        Some(path) if !no_config && !path.is_empty() => PathBuf::from(path),
        _ => return Ok(None),
    };
    let text = std::fs::read(&path)
        .map_err(|e| format!("could not read config file `{}`: {e}", path.display()))?;
    let text = String::from_utf8_lossy(&text);
    parse_config(&path, &text).map(|args| Some((path, args)))
}

/// The arguments of a config file; a bad one is an error naming its line.
fn parse_config(path: &Path, text: &str) -> Result<ConfigArgs, String> {
    let lines = cli::config_lines(text);
    ConfigArgs::try_parse_from(lines.iter().map(|(_, arg)| arg)).map_err(|err| {
        // The line of the value or the option clap complains of, else the last one.
        let context = |kind| match err.get(kind) {
            Some(ContextValue::String(s)) => Some(s.clone()),
            _ => None,
        };
        let value = context(ContextKind::InvalidValue);
        let flag = context(ContextKind::InvalidArg)
            .map(|a| a.split([' ', '=']).next().unwrap_or_default().to_string());
        let culprit = |arg: &str| {
            value
                .as_deref()
                .is_some_and(|v| arg == v || arg.ends_with(&format!("={v}")))
                || flag.as_deref() == arg.split('=').next()
        };
        let line = lines
            .iter()
            .rev()
            .find(|(_, arg)| culprit(&arg.to_string_lossy()))
            .or(lines.last())
            .map_or(1, |(n, _)| *n);
        let message = one_line(&err.render().to_string());
        let message = message.strip_prefix("error: ").unwrap_or(&message);
        format!("{}:{line}: {message}", path.display())
    })
}

/// True when standard input is a pipe, a socket or a file, as ripgrep decides: not a
/// terminal, not /dev/null, not closed.
fn stdin_is_readable() -> bool {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::FileTypeExt;
        let Ok(fd) = io::stdin().as_fd().try_clone_to_owned() else {
            return false;
        };
        let Ok(meta) = std::fs::File::from(fd).metadata() else {
            return false;
        };
        let kind = meta.file_type();
        kind.is_file() || kind.is_fifo() || kind.is_socket()
    }
    #[cfg(not(unix))]
    {
        !io::stdin().is_terminal()
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
    fn config_errors_name_the_line() {
        let path = Path::new("notes.conf");
        let ok = parse_config(path, "# mine\n--color=never\n--file\n/notes\n").unwrap();
        assert_eq!(ok.common.output.color, Some(ColorWhen::Never));
        assert_eq!(ok.common.input.file, [PathBuf::from("/notes")]);
        let err = parse_config(path, "--hidden\n\n--colour=never\n").unwrap_err();
        assert!(err.starts_with("notes.conf:3: "), "{err}");
        let err = parse_config(path, "--color=sometimes\n--hidden\n").unwrap_err();
        assert!(err.starts_with("notes.conf:1: "), "{err}");
        assert!(!err.contains('\n'));
    }

    #[test]
    fn no_config_or_an_empty_variable_reads_none() {
        let set = |_: &str| Some(OsString::from("/nonexistent/notes.conf"));
        assert!(config(true, set).unwrap().is_none());
        assert!(config(false, |_| Some(OsString::new())).unwrap().is_none());
        let err = config(false, set).unwrap_err();
        assert!(err.contains("/nonexistent/notes.conf"), "{err}");
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
