//! The command line, as clap derive types. Parsing only: no I/O here.
//!
//! Options that say where the notes come from and how to print them can go before the
//! subcommand (`notes -f a.md list`), after it, or in the config file; each subcommand
//! lists only the options that do something there. [`Cli::settings`] merges the three.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;
use talknotes::document::Status;
use talknotes::outline::Syntax;

/// Answers questions about conference notes kept as plain-text outlines (indented
/// bullets, Markdown, org-mode, TaskPaper): the sessions of a day, what was missed,
/// every hit of a pattern with its session and the bullets above it.
///
/// Reads the PATHs given (files, or folders walked as ripgrep walks them), else
/// standard input when it is a pipe or a file, else the paths of NOTES_FILE or of the
/// config file, else the bundled PyCon 2014 notes. Exit status: 0 when something was
/// printed, 1 when nothing matched, 2 on error.
#[derive(Debug, Parser)]
#[command(
    name = "notes",
    version,
    max_term_width = 100,
    after_help = "Example:\n  notes list --day friday ~/notes/2014/pycon\n\n\
        See `notes help COMMAND` for the options of each command, `notes man` for the manual."
)]
pub struct Cli {
    #[command(flatten)]
    pub common: CommonArgs,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The options that may stand before the command, or in the config file.
#[derive(Debug, Clone, Default, Args)]
pub struct CommonArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub json: JsonArg,
}

/// The options that may also stand before the subcommand or in the config file: where
/// the notes are and how to read them.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Input")]
pub struct InputArgs {
    /// A notes file or folder to read, as a PATH is; `-` is standard input. Repeat for
    /// several; before or after the command, every one counts.
    #[arg(short, long, value_name = "PATH", value_hint = clap::ValueHint::AnyPath)]
    pub file: Vec<PathBuf>,

    /// Read the notes as this syntax [default: by extension: .md and .markdown are
    /// markdown, .org org, .taskpaper taskpaper, anything else outline;
    /// standard input by a look at its first lines].
    #[arg(long, value_enum, value_name = "SYNTAX")]
    pub syntax: Option<SyntaxArg>,

    /// The text encoding of the files: auto reads a BOM, else UTF-8, and a file that
    /// is not valid UTF-8 as Windows-1252. Any WHATWG label works (utf-16le, latin1,
    /// shift_jis, ...).
    #[arg(short = 'E', long, value_name = "ENCODING", value_hint = clap::ValueHint::Other)]
    pub encoding: Option<String>,

    /// Read files that have NUL bytes (which look binary) as text.
    #[arg(short = 'a', long)]
    pub text: bool,

    /// Read headings of this level as the sessions (in Markdown, org-mode and
    /// TaskPaper): those above are days or groups, those below parts of a session.
    #[arg(long, value_name = "N", value_hint = clap::ValueHint::Other, value_parser = clap::value_parser!(u8).range(1..))]
    pub session_level: Option<u8>,

    /// Read each file as one session, titled by its first heading.
    #[arg(long)]
    pub one_talk: bool,

    /// Walk into hidden files and folders too.
    #[arg(long, help_heading = "Folders")]
    pub hidden: bool,

    /// Read files that .gitignore, .ignore and .git/info/exclude leave out.
    #[arg(long, help_heading = "Folders")]
    pub no_ignore: bool,

    /// Only walk files whose path matches GLOB (gitignore syntax); `!GLOB` leaves them
    /// out. Repeat for several; the last that matches decides.
    #[arg(short, long, value_name = "GLOB", value_hint = clap::ValueHint::Other, help_heading = "Folders")]
    pub glob: Vec<String>,

    /// Only walk files of this syntax. Repeat for several.
    #[arg(
        short = 't',
        long = "type",
        value_enum,
        value_name = "SYNTAX",
        help_heading = "Folders"
    )]
    pub types: Vec<SyntaxArg>,

    /// Walk at most N folders down (1: only the files in the folder given).
    #[arg(long, value_name = "N", value_hint = clap::ValueHint::Other, help_heading = "Folders")]
    pub max_depth: Option<usize>,

    /// Read on N threads: files side by side, or a big file's sessions [default: the
    /// number of cores].
    #[arg(short = 'j', long, value_name = "N", value_hint = clap::ValueHint::Other, help_heading = "Folders")]
    pub threads: Option<usize>,

    /// The order of the output [default: path].
    #[arg(long, value_enum, value_name = "ORDER", help_heading = "Folders")]
    pub sort: Option<SortBy>,

    /// Do not read the config file that NOTES_CONFIG_PATH names.
    #[arg(long)]
    pub no_config: bool,
}

impl InputArgs {
    /// These options, then `later`'s: lists add up, a later value wins, a flag given
    /// anywhere holds.
    pub fn merge(mut self, later: InputArgs) -> InputArgs {
        self.file.extend(later.file);
        self.glob.extend(later.glob);
        self.types.extend(later.types);
        InputArgs {
            file: self.file,
            syntax: later.syntax.or(self.syntax),
            encoding: later.encoding.or(self.encoding),
            text: self.text || later.text,
            session_level: later.session_level.or(self.session_level),
            one_talk: self.one_talk || later.one_talk,
            hidden: self.hidden || later.hidden,
            no_ignore: self.no_ignore || later.no_ignore,
            glob: self.glob,
            types: self.types,
            max_depth: later.max_depth.or(self.max_depth),
            threads: later.threads.or(self.threads),
            sort: later.sort.or(self.sort),
            no_config: self.no_config || later.no_config,
        }
    }
}

/// How records are printed: colour and file names.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Output")]
pub struct OutputArgs {
    /// When to colour the output: auto colours only a terminal (honouring NO_COLOR and
    /// CLICOLOR_FORCE) [default: auto].
    #[arg(long, value_enum, value_name = "WHEN")]
    pub color: Option<ColorWhen>,

    /// Start each record with its file's name, even when one file is read.
    #[arg(short = 'H', long, overrides_with = "no_filename")]
    pub with_filename: bool,

    /// Never print file names, even when several files are read.
    #[arg(short = 'I', long, overrides_with = "with_filename")]
    pub no_filename: bool,

    /// End each file name with a NUL byte instead of `:`, for `xargs -0`.
    #[arg(short = '0', long)]
    pub null: bool,
}

impl OutputArgs {
    /// These options, then `later`'s.
    pub fn merge(self, later: OutputArgs) -> OutputArgs {
        // -H and -I override each other: the last given wins.
        let (with_filename, no_filename) = if later.with_filename || later.no_filename {
            (later.with_filename, later.no_filename)
        } else {
            (self.with_filename, self.no_filename)
        };
        OutputArgs {
            color: later.color.or(self.color),
            with_filename,
            no_filename,
            null: self.null || later.null,
        }
    }
}

/// `--json`, for the commands that print records.
#[derive(Debug, Clone, Copy, Default, Args)]
pub struct JsonArg {
    /// Print JSON Lines (one object per line) instead of text records.
    #[arg(long, help_heading = "Output")]
    pub json: bool,
}

/// The filters every command that prints sessions takes.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Filters")]
pub struct FilterArgs {
    /// Only sessions on this day: a weekday (in full or three letters, any case), a day
    /// number (2 or "day 2", counting the file's days in order), a date (2019-11-16,
    /// "November 16") or a day's heading as written. Repeat for any of several.
    #[arg(long, value_name = "DAY", value_parser = DayValue, hide_possible_values = true)]
    pub day: Vec<String>,

    /// Only sessions of an event whose name contains TEXT, ignoring case and accents.
    #[arg(long, value_name = "TEXT", value_hint = clap::ValueHint::Other)]
    pub event: Option<String>,

    /// Only sessions of this year. Repeat for any of several.
    #[arg(long, value_name = "YEAR", value_hint = clap::ValueHint::Other)]
    pub year: Vec<i32>,

    /// Only sessions on or after this date (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_name = "DATE", value_hint = clap::ValueHint::Other)]
    pub since: Option<String>,

    /// Only sessions on or before this date (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_name = "DATE", value_hint = clap::ValueHint::Other)]
    pub until: Option<String>,
}

/// The paths to read and how, for every command that reads notes.
#[derive(Debug, Clone, Default, Args)]
pub struct ReadArgs {
    /// Notes files or folders to read [default: standard input when piped, else
    /// $NOTES_FILE, else the config file's --file, else the bundled notes].
    #[arg(value_name = "PATH", value_hint = clap::ValueHint::AnyPath)]
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub input: InputArgs,
}

/// What the commands that print records take.
#[derive(Debug, Clone, Default, Args)]
pub struct RecordArgs {
    #[command(flatten)]
    pub read: ReadArgs,

    #[command(flatten)]
    pub filters: FilterArgs,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub json: JsonArg,
}

/// A syntax, as typed on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SyntaxArg {
    /// Plain indented text: unindented lines are headings.
    #[value(alias = "txt")]
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

/// The order of the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortBy {
    /// By file path, then in file order.
    Path,
    /// By the files' modification times, oldest first.
    Modified,
    /// By each session's date, then path; sessions without a date last.
    Date,
    /// In the order the folders are walked.
    None,
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

/// `--day` takes any text, and completes the weekdays.
#[derive(Debug, Clone, Copy)]
struct DayValue;

impl TypedValueParser for DayValue {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        let days = [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ];
        Some(Box::new(days.into_iter().map(PossibleValue::new)))
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the sessions, one per line: LINE:DAY:TITLE — SPEAKERS (STATUS).
    #[command(after_help = "Example:\n  notes list --day friday")]
    List(ListArgs),
    /// Search every line's text with a regular expression; show each hit with its
    /// session and the bullets above it.
    #[command(after_help = "Example:\n  notes grep -i 'fan-(in|out)' ~/notes")]
    Grep(GrepArgs),
    /// List the sessions missed, left early (partial) or not seen, with the reason and
    /// the first link their notes give.
    #[command(after_help = "Example:\n  notes missed ~/notes --since 2024-01-01")]
    Missed(RecordArgs),
    /// Print every session (or lightning talk) whose heading contains QUERY, ignoring
    /// case and accents, as written.
    #[command(after_help = "Example:\n  notes show decorators")]
    Show {
        /// Text to look for in session headings and lightning-talk bullets.
        query: String,
        #[command(flatten)]
        records: RecordArgs,
    },
    /// Print the notes exactly as they are in the file, or only the sessions the
    /// filters keep.
    #[command(after_help = "Example:\n  notes print --day sunday")]
    Print {
        #[command(flatten)]
        read: ReadArgs,
        #[command(flatten)]
        filters: FilterArgs,
    },
    /// Write the sessions as a nested JSON tree, as Markdown, or as OPML for outliners.
    #[command(after_help = "Example:\n  notes export --to opml > pycon2014.opml")]
    Export {
        /// The format to write.
        #[arg(long, value_enum, value_name = "FORMAT")]
        to: ExportFormat,
        #[command(flatten)]
        read: ReadArgs,
        #[command(flatten)]
        filters: FilterArgs,
    },
    /// List each speaker once, with their handles, talks, events and years, sorted by
    /// name.
    #[command(after_help = "Example:\n  notes speakers ~/notes")]
    Speakers(RecordArgs),
    /// Count the sessions and notes lines of each day, in order, file by file.
    #[command(after_help = "Example:\n  notes days")]
    Days(RecordArgs),
    /// Count sessions, notes lines, words and missed, partial and not-seen sessions per
    /// day, per file and in total, with a bar chart on a terminal.
    #[command(after_help = "Example:\n  notes stats ~/notes")]
    Stats(RecordArgs),
    /// List the follow-ups: lines that ask to review, watch, look up or go back to
    /// something, with their session and the first link of their notes.
    #[command(after_help = "Example:\n  notes todo")]
    Todo(RecordArgs),
    /// Draw the sessions and their notes as a tree.
    #[command(after_help = "Example:\n  notes tree --depth 1 --day friday")]
    Tree(TreeArgs),
    /// Explain how the notes were read and what looks wrong, as a linter does:
    /// FILE:LINE:COL: warning: MESSAGE, then a summary. Exit status 0 when nothing
    /// looks wrong, 1 with warnings.
    #[command(after_help = "Example:\n  notes check --explain notes.md")]
    Check {
        /// Also say how the structure was read, one `note:` line per decision (the
        /// title, days, groups, sessions, sections) and where the reading is unsure.
        /// Notes do not change the exit status.
        #[arg(long)]
        explain: bool,
        #[command(flatten)]
        read: ReadArgs,
        #[command(flatten)]
        filters: FilterArgs,
        #[command(flatten)]
        output: OutputArgs,
        #[command(flatten)]
        json: JsonArg,
    },
    /// Print a completion script for a shell.
    #[command(
        after_help = "Example:\n  mkdir -p ~/.local/share/bash-completion/completions\n  \
            notes completions bash > ~/.local/share/bash-completion/completions/notes"
    )]
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the manual page (roff).
    #[command(
        after_help = "Example:\n  mkdir -p ~/.cargo/share/man/man1 && notes man > ~/.cargo/share/man/man1/notes.1"
    )]
    Man,
}

/// Filters of `notes list`.
#[derive(Debug, Clone, Default, Args)]
pub struct ListArgs {
    /// Only sessions with this tag (TaskPaper `@NAME`, org `:NAME:`) on their heading or
    /// on any of their lines.
    #[arg(long, value_name = "NAME", value_hint = clap::ValueHint::Other, help_heading = "Filters")]
    pub tag: Option<String>,

    /// Only sessions with this status; repeat to allow several.
    #[arg(long, value_enum, value_name = "STATUS", help_heading = "Filters")]
    pub status: Vec<StatusArg>,

    /// Only sessions with a speaker or @handle containing TEXT (ignoring case and
    /// accents), lightning talks' speakers included.
    #[arg(long, value_name = "TEXT", value_hint = clap::ValueHint::Other, help_heading = "Filters")]
    pub speaker: Option<String>,

    #[command(flatten)]
    pub records: RecordArgs,
}

/// Options of `notes grep`.
#[derive(Debug, Clone, Default, Args)]
pub struct GrepArgs {
    /// A regular expression (Rust regex syntax), matched against each line's text:
    /// the part after indentation and bullet marker, so `^` anchors there. With -e,
    /// every argument is a PATH.
    #[arg(value_name = "PATTERN", value_hint = clap::ValueHint::Other, required_unless_present = "regexp")]
    pub pattern: Option<String>,

    /// A pattern to look for; repeat for lines matching any of them.
    #[arg(short = 'e', long, value_name = "PATTERN", value_hint = clap::ValueHint::Other, allow_hyphen_values = true)]
    pub regexp: Vec<String>,

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

    /// Print the lines that do not match instead, each with its session and path.
    #[arg(short = 'v', long)]
    pub invert_match: bool,

    /// Print only the matched parts of each line, one per line.
    #[arg(short = 'o', long, conflicts_with = "invert_match")]
    pub only_matching: bool,

    /// Stop after NUM matching lines in each file.
    #[arg(short = 'm', long, value_name = "NUM", value_hint = clap::ValueHint::Other)]
    pub max_count: Option<usize>,

    /// Also show NUM bullets after each hit, at its level or below (as `LINE-`).
    #[arg(short = 'A', long, value_name = "NUM", value_hint = clap::ValueHint::Other)]
    pub after_context: Option<usize>,

    /// Also show NUM bullets before each hit, at its level or below (as `LINE-`).
    #[arg(short = 'B', long, value_name = "NUM", value_hint = clap::ValueHint::Other)]
    pub before_context: Option<usize>,

    /// Both -A NUM and -B NUM.
    #[arg(short = 'C', long, value_name = "NUM", value_hint = clap::ValueHint::Other)]
    pub context: Option<usize>,

    /// Print the number of matching lines in each session instead: LINE:TITLE:COUNT.
    #[arg(short, long, conflicts_with = "sessions_with_matches")]
    pub count: bool,

    /// Print only the sessions with a match, as `notes list` does.
    #[arg(short = 'l', long)]
    pub sessions_with_matches: bool,

    /// Only lines with this tag (TaskPaper `@NAME`, org `:NAME:`), on themselves or on
    /// a line they are under.
    #[arg(long, value_name = "NAME", value_hint = clap::ValueHint::Other, help_heading = "Filters")]
    pub tag: Option<String>,

    /// Only search the sessions whose heading contains QUERY (ignoring case and accents).
    #[arg(long, value_name = "QUERY", value_hint = clap::ValueHint::Other, help_heading = "Filters")]
    pub session: Option<String>,

    /// Group hits under their session, with the bullets above them (the default on a
    /// terminal).
    #[arg(long, overrides_with = "no_heading", help_heading = "Output")]
    pub heading: bool,

    /// One hit per line, LINE:SESSION › ANCESTOR › …:TEXT (the default in a pipe).
    #[arg(long, overrides_with = "heading", help_heading = "Output")]
    pub no_heading: bool,

    #[command(flatten)]
    pub records: RecordArgs,
}

impl GrepArgs {
    /// The patterns asked for, and the paths: with `-e`, the first positional
    /// argument is a path too.
    pub fn patterns_and_paths(&self) -> (Vec<String>, Vec<PathBuf>) {
        let mut paths = self.records.read.paths.clone();
        if self.regexp.is_empty() {
            return (self.pattern.iter().cloned().collect(), paths);
        }
        if let Some(first) = &self.pattern {
            paths.insert(0, PathBuf::from(first));
        }
        (self.regexp.clone(), paths)
    }
}

/// Options of `notes tree`.
#[derive(Debug, Clone, Default, Args)]
pub struct TreeArgs {
    /// Levels to show below the title: 1 for sessions only.
    #[arg(long, value_name = "N", value_hint = clap::ValueHint::Other)]
    pub depth: Option<usize>,

    /// Draw with ASCII characters instead of box-drawing ones.
    #[arg(long)]
    pub ascii: bool,

    #[command(flatten)]
    pub records: RecordArgs,
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

/// The config file's arguments: the options that may stand before the command, parsed
/// alone.
#[derive(Debug, Parser)]
#[command(name = "notes", no_binary_name = true)]
pub struct ConfigArgs {
    #[command(flatten)]
    pub common: CommonArgs,
}

/// Everything a command needs to know of the command line, merged from the config
/// file, the options before the subcommand and those after it.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// The paths the command line names (`PATH`s and `-f`).
    pub paths: Vec<PathBuf>,
    /// The paths the config file names: read only when the command line names none
    /// and standard input is not piped.
    pub config_paths: Vec<PathBuf>,
    /// How to find and read the files.
    pub input: InputArgs,
    /// Colour and file names.
    pub output: OutputArgs,
    /// JSON Lines instead of text.
    pub json: bool,
    /// The filters.
    pub filters: FilterArgs,
}

impl Cli {
    /// The settings of this command line, after those of the config file.
    pub fn settings(&self, config: Option<ConfigArgs>) -> Settings {
        let (read, output, json, filters) = self.command.parts();
        let CommonArgs {
            input: config_input,
            output: config_output,
            json: config_json,
        } = config.map(|c| c.common).unwrap_or_default();
        let top = &self.common;
        let config_paths = config_input.file.clone();
        let input = InputArgs {
            file: Vec::new(),
            ..config_input
        }
        .merge(top.input.clone())
        .merge(read.map(|r| r.input.clone()).unwrap_or_default());
        let mut paths = input.file.clone();
        match &self.command {
            Command::Grep(grep) => paths.extend(grep.patterns_and_paths().1),
            _ => paths.extend(read.map(|r| r.paths.clone()).unwrap_or_default()),
        }
        Settings {
            paths,
            config_paths,
            input,
            output: config_output
                .merge(top.output.clone())
                .merge(output.cloned().unwrap_or_default()),
            // The config's --json holds only where the command prints records.
            json: (config_json.json && output.is_some()) || top.json.json || json,
            filters: filters.cloned().unwrap_or_default(),
        }
    }
}

/// What every command shares: where to read, how to print, `--json`, the filters.
type Parts<'a> = (
    Option<&'a ReadArgs>,
    Option<&'a OutputArgs>,
    bool,
    Option<&'a FilterArgs>,
);

impl Command {
    /// The parts of the command's options that every command shares.
    fn parts(&self) -> Parts<'_> {
        fn records(r: &RecordArgs) -> Parts<'_> {
            (
                Some(&r.read),
                Some(&r.output),
                r.json.json,
                Some(&r.filters),
            )
        }
        match self {
            Command::List(args) => records(&args.records),
            Command::Grep(args) => records(&args.records),
            Command::Tree(args) => records(&args.records),
            Command::Missed(r) | Command::Speakers(r) | Command::Days(r) | Command::Stats(r) => {
                records(r)
            }
            Command::Todo(r) | Command::Show { records: r, .. } => records(r),
            Command::Print { read, filters } | Command::Export { read, filters, .. } => {
                (Some(read), None, false, Some(filters))
            }
            Command::Check {
                read,
                filters,
                output,
                json,
                ..
            } => (Some(read), Some(output), json.json, Some(filters)),
            Command::Completions { .. } | Command::Man => (None, None, false, None),
        }
    }
}

/// The arguments of a config file, with their line numbers: one argument per line
/// (`--color=never`, or `--color` and `never` on two lines, as ripgrep's), blank lines
/// and `#` comments skipped, surrounding whitespace trimmed.
pub fn config_lines(text: &str) -> Vec<(usize, OsString)> {
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim()))
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
        .map(|(n, line)| (n, OsString::from(line)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn settings(args: &[&str]) -> Settings {
        Cli::try_parse_from(args).unwrap().settings(None)
    }

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
        ConfigArgs::command().debug_assert();
    }

    #[test]
    fn every_subcommand_shows_an_example() {
        for sub in Cli::command().get_subcommands() {
            let help = sub
                .get_after_help()
                .map(|h| h.to_string())
                .unwrap_or_default();
            assert!(
                help.starts_with("Example:\n  ") && help.contains("notes "),
                "{} has no example",
                sub.get_name()
            );
        }
    }

    #[test]
    fn subcommands_offer_only_what_they_use() {
        let cmd = Cli::command();
        let has = |sub: &str, arg: &str| {
            cmd.find_subcommand(sub)
                .unwrap()
                .get_arguments()
                .any(|a| a.get_id() == arg)
        };
        assert!(!has("completions", "file"));
        assert!(!has("completions", "json"));
        assert!(!has("man", "color"));
        assert!(!has("print", "json"));
        assert!(!has("export", "json"));
        assert!(has("print", "day"));
        assert!(has("list", "file"));
        assert!(has("grep", "hidden"));
        assert!(has("check", "day"));
    }

    #[test]
    fn files_before_and_after_the_command_all_count() {
        let s = settings(&["notes", "-f", "a", "list", "-f", "b", "c", "d"]);
        let want: Vec<PathBuf> = ["a", "b", "c", "d"].iter().map(PathBuf::from).collect();
        assert_eq!(s.paths, want);
        let s = settings(&["notes", "-f", "x.txt", "--json", "list"]);
        assert_eq!(s.paths, [PathBuf::from("x.txt")]);
        assert!(s.json);
        let s = settings(&["notes", "list", "-f", "x.txt", "--json"]);
        assert!(s.json);
    }

    #[test]
    fn the_config_comes_first_and_its_files_are_a_default() {
        let config =
            ConfigArgs::try_parse_from(["--color", "never", "-f", "~/notes", "-g", "*.md"])
                .unwrap();
        let cli =
            Cli::try_parse_from(["notes", "list", "-g", "!x.md", "--color", "always"]).unwrap();
        let s = cli.settings(Some(config));
        assert!(s.paths.is_empty());
        assert_eq!(s.config_paths, [PathBuf::from("~/notes")]);
        assert_eq!(s.input.glob, ["*.md", "!x.md"]);
        assert_eq!(s.output.color, Some(ColorWhen::Always));
    }

    #[test]
    fn with_e_every_argument_is_a_path() {
        let cli = Cli::try_parse_from(["notes", "grep", "-e", "a", "-e", "b", "x.md"]).unwrap();
        let Command::Grep(grep) = cli.command else {
            panic!("not grep")
        };
        let (patterns, paths) = grep.patterns_and_paths();
        assert_eq!(patterns, ["a", "b"]);
        assert_eq!(paths, [PathBuf::from("x.md")]);
        assert!(Cli::try_parse_from(["notes", "grep"]).is_err());
    }

    #[test]
    fn days_repeat_and_syntaxes_have_aliases() {
        let s = settings(&[
            "notes", "--syntax", "md", "list", "--day", "day 2", "--day", "fri",
        ]);
        assert_eq!(s.input.syntax, Some(SyntaxArg::Markdown));
        assert_eq!(s.filters.day, ["day 2", "fri"]);
        let s = settings(&["notes", "list", "-t", "txt"]);
        assert_eq!(s.input.types, [SyntaxArg::Outline]);
        let err = Cli::try_parse_from(["notes", "--syntax", "rst", "list"]).unwrap_err();
        assert!(err.to_string().contains("rst"));
    }

    #[test]
    fn config_lines_skip_comments_and_blanks() {
        let lines = config_lines("# defaults\n--color=never\n\n  --file  \n~/my notes\n");
        let want = [(2, "--color=never"), (4, "--file"), (5, "~/my notes")];
        let want: Vec<(usize, OsString)> = want.iter().map(|&(n, a)| (n, a.into())).collect();
        assert_eq!(lines, want);
    }
}
