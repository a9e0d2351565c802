//! The command line, as clap derive types. Parsing only: no I/O here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;
use notes::document::Status;
use notes::outline::Syntax;

/// Answers questions about conference notes kept as a plain-text bullet outline.
///
/// Reads the files named by --file, else by NOTES_FILE (several separated by `:`), else
/// the bundled PyCon 2014 notes. Exit status: 0 when something was printed, 1 when
/// nothing matched, 2 on error.
#[derive(Debug, Parser)]
#[command(name = "notes", version, max_term_width = 100)]
pub struct Cli {
    /// Notes file to read; `-` reads standard input; a directory means its .txt, .md,
    /// .markdown, .org, .taskpaper and .todo files. Repeat for several files
    /// [default: $NOTES_FILE, else the bundled notes].
    #[arg(short, long, global = true, value_name = "PATH")]
    pub file: Vec<PathBuf>,

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

    /// Print JSON Lines (one object per line) instead of text records.
    #[arg(long, global = true)]
    pub json: bool,

    /// Read files that have NUL bytes (which look binary) as text.
    #[arg(short = 'a', long, global = true)]
    pub text: bool,

    /// Read the notes as this syntax [default: by extension: .md and .markdown are
    /// markdown, .org org, .taskpaper taskpaper, anything else outline; standard input
    /// by a look at its first lines].
    #[arg(long, global = true, value_enum, value_name = "SYNTAX")]
    pub syntax: Option<SyntaxArg>,

    /// Read headings of this level as the sessions (in Markdown, org-mode and
    /// TaskPaper): those above are days or groups, those below parts of a session.
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u8).range(1..))]
    pub session_level: Option<u8>,

    /// Read the whole file as one session, titled by its first heading.
    #[arg(long, global = true)]
    pub one_talk: bool,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// A syntax, as typed on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SyntaxArg {
    /// Plain indented text: unindented lines are headings.
    Outline,
    /// Markdown: `#` and setext headings, `**bold**` heading lines, paragraphs, lists.
    #[value(alias = "md")]
    Markdown,
    /// org-mode: `*` headings, TODO states, tags, plain lists.
    Org,
    /// TaskPaper: `project:` lines, `- ` tasks, notes, `@tags`.
    Taskpaper,
}

impl From<SyntaxArg> for Syntax {
    fn from(arg: SyntaxArg) -> Syntax {
        match arg {
            SyntaxArg::Outline => Syntax::Outline,
            SyntaxArg::Markdown => Syntax::Markdown,
            SyntaxArg::Org => Syntax::Org,
            SyntaxArg::Taskpaper => Syntax::TaskPaper,
        }
    }
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
    #[command(after_help = "Example:\n  notes list --day friday")]
    List(ListArgs),
    /// Search every line's text with a regular expression; show each hit with its
    /// session and the bullets above it.
    #[command(after_help = "Example:\n  notes grep -i 'fan-(in|out)'")]
    Grep(GrepArgs),
    /// List the sessions missed, left early (partial) or not seen, with the reason.
    #[command(after_help = "Example:\n  notes missed")]
    Missed,
    /// Print every session (or lightning talk) whose heading contains QUERY, ignoring
    /// case and accents, as written.
    #[command(after_help = "Example:\n  notes show decorators")]
    Show {
        /// Text to look for in session headings and lightning-talk bullets.
        query: String,
    },
    /// Print the notes exactly as they are in the file, or only one day's sessions.
    #[command(after_help = "Example:\n  notes print --day sunday")]
    Print {
        /// Only the sessions of this day: a weekday (in full or three letters), a day
        /// number (2 or "day 2") or a date (2019-11-16, "November 16").
        #[arg(long, value_name = "DAY")]
        day: Option<String>,
    },
    /// Write the sessions as a nested JSON tree, as Markdown, or as OPML for outliners.
    #[command(after_help = "Example:\n  notes export --to opml > pycon2014.opml")]
    Export {
        /// The format to write.
        #[arg(long, value_enum, value_name = "FORMAT")]
        to: ExportFormat,
        /// Only the sessions of this day (a weekday, a day number or a date).
        #[arg(long, value_name = "DAY")]
        day: Option<String>,
    },
    /// List each speaker with their handles and sessions, sorted by name.
    #[command(after_help = "Example:\n  notes speakers")]
    Speakers,
    /// Count the sessions and notes lines of each day, in order.
    #[command(after_help = "Example:\n  notes days")]
    Days,
    /// Count sessions, notes lines, words and missed, partial and not-seen sessions per
    /// day and in total, with a bar chart on a terminal.
    #[command(after_help = "Example:\n  notes stats")]
    Stats,
    /// List the follow-ups: lines that ask to review, watch, look up or go back to
    /// something, with their session.
    #[command(after_help = "Example:\n  notes todo")]
    Todo,
    /// Draw the sessions and their notes as a tree.
    #[command(after_help = "Example:\n  notes tree --depth 1 --day friday")]
    Tree(TreeArgs),
    /// Explain how the notes were read and what looks wrong, as a linter does:
    /// FILE:LINE:COL: warning: MESSAGE, then a summary. Exit status 0 when nothing
    /// looks wrong, 1 with warnings.
    #[command(after_help = "Example:\n  notes check --explain -f notes.md")]
    Check {
        /// Also say how the structure was read, one `note:` line per decision (the
        /// title, days, groups, sessions, sections) and where the reading is unsure.
        /// Notes do not change the exit status.
        #[arg(long)]
        explain: bool,
    },
    /// Print a completion script for a shell.
    #[command(
        after_help = "Example:\n  notes completions bash > ~/.local/share/bash-completion/completions/notes"
    )]
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the manual page (roff).
    #[command(after_help = "Example:\n  notes man > ~/.local/share/man/man1/notes.1")]
    Man,
}

/// Filters of `notes list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only sessions on this day: a weekday (in full or three letters, any case), a day
    /// number (2 or "day 2", counting the file's days in order) or a date (2019-11-16,
    /// "November 16").
    #[arg(long, value_name = "DAY")]
    pub day: Option<String>,

    /// Only sessions with this tag (TaskPaper `@NAME`, org `:NAME:`) on their heading or
    /// on any of their lines.
    #[arg(long, value_name = "NAME")]
    pub tag: Option<String>,

    /// Only sessions with this status; repeat to allow several.
    #[arg(long, value_enum, value_name = "STATUS")]
    pub status: Vec<StatusArg>,

    /// Only sessions with a speaker or @handle containing TEXT (ignoring case and
    /// accents), lightning talks' speakers included.
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
    #[arg(short, long, overrides_with = "smart_case")]
    pub ignore_case: bool,

    /// Ignore case unless the pattern has an upper-case letter.
    #[arg(short = 'S', long, overrides_with = "ignore_case")]
    pub smart_case: bool,

    /// Match whole words only.
    #[arg(short, long)]
    pub word_regexp: bool,

    /// Take PATTERN as a literal string, not a regular expression.
    #[arg(short = 'F', long)]
    pub fixed_strings: bool,

    /// Print the number of matching lines in each session instead: LINE:TITLE:COUNT.
    #[arg(short, long, conflicts_with = "sessions_with_matches")]
    pub count: bool,

    /// Print only the sessions with a match, as `notes list` does.
    #[arg(short = 'l', long)]
    pub sessions_with_matches: bool,

    /// Only search the sessions of this day (a weekday, a day number or a date).
    #[arg(long, value_name = "DAY")]
    pub day: Option<String>,

    /// Only lines with this tag (TaskPaper `@NAME`, org `:NAME:`), on themselves or on
    /// a line they are under.
    #[arg(long, value_name = "NAME")]
    pub tag: Option<String>,

    /// Only search the sessions whose heading contains QUERY (ignoring case and accents).
    #[arg(long, value_name = "QUERY")]
    pub session: Option<String>,

    /// Group hits under their session, with the bullets above them (the default on a
    /// terminal).
    #[arg(long, overrides_with = "no_heading")]
    pub heading: bool,

    /// One hit per line, LINE:SESSION › ANCESTOR › …:TEXT (the default in a pipe).
    #[arg(long, overrides_with = "heading")]
    pub no_heading: bool,
}

/// Options of `notes tree`.
#[derive(Debug, Args)]
pub struct TreeArgs {
    /// Levels to show below the title: 1 for sessions only.
    #[arg(long, value_name = "N")]
    pub depth: Option<usize>,

    /// Only the sessions of this day (a weekday, a day number or a date).
    #[arg(long, value_name = "DAY")]
    pub day: Option<String>,

    /// Draw with ASCII characters instead of box-drawing ones.
    #[arg(long)]
    pub ascii: bool,
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

/// What `notes export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One nested JSON object per file, on one line.
    Json,
    /// Markdown that `notes` reads back to the same sessions.
    Markdown,
    /// OPML 2.0, for outliners such as Workflowy, Dynalist and OmniOutliner.
    Opml,
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
    fn every_subcommand_shows_an_example() {
        for sub in Cli::command().get_subcommands() {
            let help = sub
                .get_after_help()
                .map(|h| h.to_string())
                .unwrap_or_default();
            assert!(
                help.starts_with("Example:\n  notes "),
                "{} has no example",
                sub.get_name()
            );
        }
    }

    #[test]
    fn global_options_go_before_or_after_the_subcommand() {
        for args in [
            ["notes", "-f", "x.txt", "--json", "list"],
            ["notes", "list", "-f", "x.txt", "--json"],
        ] {
            let cli = Cli::try_parse_from(args).unwrap();
            assert_eq!(cli.file, [PathBuf::from("x.txt")]);
            assert!(cli.json);
        }
        for args in [
            ["notes", "-f", "a", "-f", "b", "list"],
            ["notes", "list", "-f", "a", "-f", "b"],
        ] {
            let cli = Cli::try_parse_from(args).unwrap();
            assert_eq!(cli.file, [PathBuf::from("a"), PathBuf::from("b")]);
        }
    }

    #[test]
    fn days_and_syntaxes_are_taken_as_typed() {
        let cli =
            Cli::try_parse_from(["notes", "--syntax", "md", "list", "--day", "day 2"]).unwrap();
        assert_eq!(cli.syntax, Some(SyntaxArg::Markdown));
        let Command::List(list) = cli.command else {
            panic!("not list")
        };
        assert_eq!(list.day.as_deref(), Some("day 2"));
        let err = Cli::try_parse_from(["notes", "--syntax", "rst", "list"]).unwrap_err();
        assert!(err.to_string().contains("rst"));
    }
}
