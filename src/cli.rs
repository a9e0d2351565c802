//! The command line, as clap derive types. Parsing only: no I/O here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use notes::document::{Day, Status};

/// Answers questions about conference notes kept as a plain-text bullet outline.
///
/// Reads the file named by --file, else by NOTES_FILE, else the bundled PyCon 2014
/// notes. Exit status: 0 when something was printed, 1 when nothing matched, 2 on error.
#[derive(Debug, Parser)]
#[command(name = "notes", version, max_term_width = 100)]
pub struct Cli {
    /// Notes file to read; `-` reads standard input [default: $NOTES_FILE, else the
    /// bundled notes].
    #[arg(short, long, global = true, value_name = "PATH")]
    pub file: Option<PathBuf>,

    /// When to colour the output: auto colours only a terminal (honouring NO_COLOR and
    /// CLICOLOR_FORCE).
    #[arg(
        long,
        global = true,
        value_enum,
        default_value_t = ColorWhen::Auto,
        value_name = "WHEN"
    )]
    pub color: ColorWhen,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// When to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// Colour when standard output is a terminal.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the sessions, one per line: LINE:DAY:TITLE — SPEAKERS (STATUS).
    List(ListArgs),
    /// Search every line's text with a regular expression; show each hit with its
    /// session and the bullets above it.
    Grep(GrepArgs),
    /// List the sessions missed, left early (partial) or not seen, with the reason.
    Missed,
    /// Print every session whose heading contains QUERY (ignoring case), as written.
    Show {
        /// Text to look for in session headings.
        query: String,
    },
    /// Print the notes exactly as they are in the file, or only one day's sessions.
    Print {
        /// Only the sessions of this day (a weekday, in full or three letters).
        #[arg(long, value_parser = parse_day, value_name = "DAY")]
        day: Option<Day>,
    },
}

/// Filters of `notes list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only sessions on this day (a weekday, in full or three letters, any case).
    #[arg(long, value_parser = parse_day, value_name = "DAY")]
    pub day: Option<Day>,

    /// Only sessions with this status; repeat to allow several.
    #[arg(long, value_enum, value_name = "STATUS")]
    pub status: Vec<StatusArg>,

    /// Only sessions with a speaker or @handle containing TEXT (ignoring case).
    #[arg(long, value_name = "TEXT")]
    pub speaker: Option<String>,
}

/// Options of `notes grep`.
#[derive(Debug, Args)]
pub struct GrepArgs {
    /// A regular expression (Rust regex syntax), matched against each line's text:
    /// the part after indentation and bullet marker, so `^` anchors there.
    pub pattern: String,

    /// Match ignoring case.
    #[arg(short, long)]
    pub ignore_case: bool,

    /// Match whole words only.
    #[arg(short, long)]
    pub word_regexp: bool,

    /// Take PATTERN as a literal string, not a regular expression.
    #[arg(short = 'F', long)]
    pub fixed_strings: bool,

    /// Group hits under their session, with the bullets above them (the default on a
    /// terminal).
    #[arg(long, overrides_with = "no_heading")]
    pub heading: bool,

    /// One hit per line, LINE:SESSION › ANCESTOR › …:TEXT (the default in a pipe).
    #[arg(long, overrides_with = "heading")]
    pub no_heading: bool,
}

/// A session status, as typed on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    /// Attended: no status bullet.
    Attended,
    /// A top-level bullet starts with "Missed".
    Missed,
    /// A top-level bullet starts with "Partial".
    Partial,
    /// Listed under a "Talks I did not see" heading.
    #[value(alias = "notseen", alias = "not_seen")]
    NotSeen,
}

impl From<StatusArg> for Status {
    fn from(arg: StatusArg) -> Status {
        match arg {
            StatusArg::Attended => Status::Attended,
            StatusArg::Missed => Status::Missed,
            StatusArg::Partial => Status::Partial,
            StatusArg::NotSeen => Status::NotSeen,
        }
    }
}

fn parse_day(value: &str) -> Result<Day, String> {
    value
        .parse()
        .map_err(|e: notes::document::UnknownDay| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn global_options_go_before_or_after_the_subcommand() {
        for args in [
            ["notes", "-f", "x.txt", "list"],
            ["notes", "list", "-f", "x.txt"],
        ] {
            let cli = Cli::try_parse_from(args).unwrap();
            assert_eq!(cli.file, Some(PathBuf::from("x.txt")));
        }
    }

    #[test]
    fn days_are_checked_when_parsed() {
        let cli = Cli::try_parse_from(["notes", "list", "--day", "FRI"]).unwrap();
        let Command::List(list) = cli.command else {
            panic!("not list")
        };
        assert_eq!(list.day, Some(Day::Friday));
        let err = Cli::try_parse_from(["notes", "list", "--day", "fridya"]).unwrap_err();
        assert!(err.to_string().contains("unknown day `fridya`"));
    }
}
