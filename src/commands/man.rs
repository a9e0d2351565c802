//! The manual page, `notes(1)`: every command and every option, from the same clap
//! definitions the binary parses with, so it cannot drift from them. One page: the
//! options most commands share are described once, each command's own under it.

use clap::{Arg, Args, Command, CommandFactory};
use roff::{Roff, bold, italic, roman};

use crate::cli::{Cli, FilterArgs, InputArgs, JsonArg, OutputArgs};

/// The page, as roff.
pub fn page() -> Roff {
    let cli = Cli::command();
    let shared: Vec<Arg> = shared_args();
    let is_shared = |arg: &Arg| shared.iter().any(|s| s.get_id() == arg.get_id());
    let mut page = Roff::new();
    let version = format!("notes {}", env!("CARGO_PKG_VERSION"));
    page.control("TH", ["NOTES", "1", "", &version, "User Commands"]);
    page.control("SH", ["NAME"]);
    page.text([roman(
        "notes - answer questions about conference notes kept as plain-text outlines",
    )]);

    page.control("SH", ["SYNOPSIS"]);
    page.text([
        bold("notes"),
        roman(" "),
        italic("COMMAND"),
        roman(" [OPTIONS] [PATH...]"),
    ]);
    page.control("br", []);
    page.text([
        bold("notes grep"),
        roman(" [OPTIONS] "),
        italic("PATTERN"),
        roman(" [PATH...]"),
    ]);

    page.control("SH", ["DESCRIPTION"]);
    for paragraph in text_of(cli.get_long_about().or(cli.get_about())).split("\n\n") {
        page.control("PP", []);
        page.text([roman(paragraph.replace('\n', " "))]);
    }

    page.control("SH", ["COMMANDS"]);
    for sub in cli.get_subcommands().filter(|s| s.get_name() != "help") {
        command(&mut page, sub, &is_shared);
    }

    page.control("SH", ["OPTIONS"]);
    page.text([roman(
        "These options go after the command, and those of Input, Folders and Output \
         also before it (notes -f notes.md list) or in the config file. Each command \
         takes those its entry above names.",
    )]);
    let mut headings: Vec<&str> = Vec::new();
    for arg in &shared {
        let heading = arg.get_help_heading().unwrap_or("Options");
        if !headings.contains(&heading) {
            headings.push(heading);
        }
    }
    for heading in headings {
        page.control("SS", [heading]);
        for arg in shared
            .iter()
            .filter(|a| a.get_help_heading().unwrap_or("Options") == heading)
        {
            option(&mut page, arg);
        }
    }

    page.control("SS", ["General"]);
    terms(
        &mut page,
        &[
            (
                "-h, --help",
                "Print help: a summary with -h, more with --help; notes help COMMAND for one command's.",
            ),
            ("-V, --version", "Print the version."),
        ],
    );

    page.control("SH", ["EXIT STATUS"]);
    terms(
        &mut page,
        &[
            (
                "0",
                "Something was found and printed (for check: nothing looks wrong).",
            ),
            ("1", "Nothing matched (for check: there are warnings)."),
            (
                "2",
                "An error: a file, folder, option or pattern that could not be used. Each error is one line on standard error, starting error:.",
            ),
        ],
    );

    page.control("SH", ["ENVIRONMENT"]);
    terms(
        &mut page,
        &[
            (
                "NOTES_FILE",
                "The notes to read when the command line names no path and standard input is not piped: paths separated by : (as in PATH).",
            ),
            (
                "NOTES_CONFIG_PATH",
                "A config file: one argument per line (--color=never, or --file and ~/notes on two lines), blank lines and lines starting with # skipped. Its options come before the command line's; its --file is read only when no path is named, standard input is not piped and NOTES_FILE is unset. --no-config ignores it.",
            ),
            ("NO_COLOR", "Any value: no colour unless --color always."),
            (
                "CLICOLOR_FORCE",
                "Any value but 0: colour even into a pipe, unless --color never.",
            ),
        ],
    );

    page.control("SH", ["FILES"]);
    page.text([roman(
        "A folder is walked as ripgrep walks one: .gitignore (in a git repository), \
         .ignore and .git/info/exclude are honoured, hidden files and folders skipped, \
         and files ending in .txt, .md, .markdown, .org, .taskpaper, .todo or .otl read, \
         with files without an extension that look like text. A file named on the \
         command line is read whatever its name. With no path at all, notes reads the \
         PyCon 2014 notes built into it.",
    )]);

    page.control("SH", ["EXAMPLES"]);
    terms(
        &mut page,
        &[
            (
                "notes list --day friday",
                "The sessions of Friday, in the bundled notes.",
            ),
            (
                "notes missed ~/notes --since 2024-01-01",
                "What was missed since 2024, with a link to watch.",
            ),
            (
                "notes grep -i decorator ~/notes/2014",
                "Every line about decorators, with its session and the bullets above it.",
            ),
            (
                "notes speakers ~/notes --json",
                "Each speaker once, with talks, events and years, as JSON Lines.",
            ),
            (
                "notes check --explain notes.md",
                "How a file was read: the title, days, groups and sessions.",
            ),
            (
                "cat notes.md | notes list",
                "The sessions of notes given on standard input.",
            ),
        ],
    );
    page
}

/// A list of terms, each in bold with its meaning under it.
fn terms(page: &mut Roff, items: &[(&str, &str)]) {
    for (term, meaning) in items {
        page.control("TP", []);
        page.text([bold(*term)]);
        page.text([roman(*meaning)]);
    }
}

/// Every option one of the shared groups defines, in the order help shows them.
fn shared_args() -> Vec<Arg> {
    let groups = [
        InputArgs::augment_args(Command::new("input")),
        OutputArgs::augment_args(Command::new("output")),
        JsonArg::augment_args(Command::new("json")),
        FilterArgs::augment_args(Command::new("filters")),
    ];
    groups
        .iter()
        .flat_map(|g| g.get_arguments().cloned().collect::<Vec<_>>())
        .collect()
}

/// A command's entry: how it is called, what it does, its own options, what shared
/// options it takes, and its example.
fn command(page: &mut Roff, sub: &Command, is_shared: &dyn Fn(&Arg) -> bool) {
    let positionals: Vec<String> = sub
        .get_positionals()
        .map(|a| {
            let name = a
                .get_value_names()
                .and_then(|n| n.first())
                .map_or(a.get_id().as_str(), |n| n.as_str());
            match (
                a.is_required_set(),
                a.get_num_args().is_some_and(|n| n.max_values() > 1),
            ) {
                (true, _) => name.to_string(),
                (false, true) => format!("[{name}...]"),
                (false, false) => format!("[{name}]"),
            }
        })
        .collect();
    page.control("TP", []);
    page.text([
        bold(format!("notes {}", sub.get_name())),
        roman(format!(" {}", positionals.join(" "))),
    ]);
    page.text([roman(
        text_of(sub.get_long_about().or(sub.get_about())).replace('\n', " "),
    )]);
    let own: Vec<&Arg> = sub
        .get_arguments()
        .filter(|a| !is_shared(a) && a.get_id() != "help" && !a.is_positional())
        .collect();
    let groups: Vec<&str> = ["Input", "Folders", "Output", "Filters"]
        .into_iter()
        .filter(|heading| {
            sub.get_arguments()
                .any(|a| is_shared(a) && a.get_help_heading() == Some(heading))
        })
        .collect();
    page.control("RS", []);
    for arg in own {
        option(page, arg);
    }
    if !groups.is_empty() {
        page.control("PP", []);
        page.text([roman(format!("Takes the {} options.", list(&groups)))]);
    }
    if let Some(example) = sub.get_after_help() {
        // "Example:", then its command lines as they are typed, one a line.
        let example = text_of(Some(example));
        let mut lines = example.lines();
        page.control("PP", []);
        page.text([roman(lines.next().unwrap_or_default())]);
        page.control("RS", []);
        page.control("nf", []);
        for line in lines {
            page.text([roman(line.trim())]);
        }
        page.control("fi", []);
        page.control("RE", []);
    }
    page.control("RE", []);
}

/// One option: its flags and value, its help, its values.
fn option(page: &mut Roff, arg: &Arg) {
    let mut flags: Vec<String> = Vec::new();
    if let Some(short) = arg.get_short() {
        flags.push(format!("-{short}"));
    }
    if let Some(long) = arg.get_long() {
        flags.push(format!("--{long}"));
    }
    let value = arg
        .get_value_names()
        .and_then(|n| n.first())
        .filter(|_| arg.get_action().takes_values())
        .map(|n| format!(" {n}"))
        .unwrap_or_default();
    page.control("TP", []);
    page.text([bold(flags.join(", ")), italic(value)]);
    page.text([roman(
        text_of(arg.get_long_help().or(arg.get_help())).replace('\n', " "),
    )]);
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !values.is_empty() && arg.get_action().takes_values() && !arg.is_hide_possible_values_set() {
        page.control("br", []);
        page.text([roman(format!("Values: {}.", values.join(", ")))]);
    }
}

fn text_of(text: Option<&clap::builder::StyledStr>) -> String {
    text.map(|t| t.to_string()).unwrap_or_default()
}

/// "a, b and c".
fn list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_covers_every_command_and_option_and_names_no_other_page() {
        let text = page().render();
        for sub in Cli::command()
            .get_subcommands()
            .filter(|s| s.get_name() != "help")
        {
            assert!(
                text.contains(&format!("notes {}", sub.get_name())),
                "{}",
                sub.get_name()
            );
            for arg in sub.get_arguments().filter(|a| !a.is_positional()) {
                if let Some(long) = arg.get_long() {
                    assert!(
                        text.contains(&format!("\\-\\-{}", long.replace('-', "\\-"))),
                        "--{long}"
                    );
                }
            }
        }
        for section in ["EXIT STATUS", "ENVIRONMENT", "FILES", "EXAMPLES"] {
            assert!(
                text.contains(&format!(".SH \"{section}\""))
                    || text.contains(&format!(".SH {section}")),
                "{section}"
            );
        }
        for var in [
            "NOTES_FILE",
            "NOTES_CONFIG_PATH",
            "NO_COLOR",
            "CLICOLOR_FORCE",
        ] {
            assert!(text.contains(var), "{var}");
        }
        assert!(!text.contains("notes\\-list(1)") && !text.contains("(1)\n"));
        assert!(text.contains("\\-h, \\-\\-help") && text.contains("\\-V, \\-\\-version"));
    }

    #[test]
    fn each_line_of_an_example_is_a_line_of_the_page() {
        let text = page().render();
        let lines: Vec<&str> = text.lines().collect();
        let mkdir = "mkdir \\-p ~/.local/share/bash\\-completion/completions";
        let at = lines.iter().position(|l| *l == mkdir).expect(mkdir);
        assert!(
            lines[at + 1].starts_with("notes completions bash >"),
            "{}",
            lines[at + 1]
        );
        assert!(lines[..at].iter().rev().take(3).any(|l| *l == ".nf"));
    }
}
