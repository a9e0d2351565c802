//! Text printers: one record per line, coloured by role when asked.
//!
//! Printers are generic over their writer and never decide anything about the
//! terminal: whether to colour, whether to group grep hits under headings and whether to
//! draw bars come in [`Options`], decided once by `main`. When several files are read,
//! each record starts with its file's name, as ripgrep's do. Printers print what they
//! are given and filter nothing.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::ops::Range;

use colored::{ColoredString, Colorize};

use crate::check::{Check, Finding};
use crate::document::Explanation;
use crate::document::{DayInfo, Session, Status, named_after_speaker};
use crate::outline::LineNumber;
use crate::render::escape;
use crate::search::{Hit, HitKind, SessionInfo};
use crate::summary::{Row, Scope, Speaker, Tally};

/// How text output looks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Colour with ANSI escapes.
    pub color: bool,
    /// Lay out for a person at a terminal: grep hits grouped under a heading per session
    /// with their ancestors, bar charts in `stats`. Otherwise one record per line.
    pub heading: bool,
    /// Show characters that could steer a terminal escaped ([`escape::visible`]).
    pub escape: bool,
    /// End file names with NUL rather than `:` (`-0`, for `xargs -0`).
    pub null: bool,
}

/// What a piece of output is, so that colours follow meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Plain,
    File,
    LineNumber,
    Day,
    SessionTitle,
    Speaker,
    Handle,
    Status(Status),
    Matched,
    Guide,
    Header,
    Bar,
    Warning,
    Link,
}

impl Role {
    fn paint(self, text: &str) -> ColoredString {
        match self {
            Role::Plain => text.normal(),
            Role::File => text.magenta(),
            Role::LineNumber => text.green(),
            Role::Day => text.cyan(),
            Role::SessionTitle => text.magenta().bold(),
            Role::Speaker => text.yellow(),
            Role::Handle => text.blue(),
            Role::Status(Status::Missed) => text.red(),
            Role::Status(Status::Partial) => text.yellow(),
            Role::Status(_) => text.bright_black(),
            Role::Matched => text.red().bold(),
            Role::Guide => text.bright_black(),
            Role::Header => text.bold(),
            Role::Bar => text.cyan(),
            Role::Warning => text.yellow().bold(),
            Role::Link => text.blue().underline(),
        }
    }
}

/// Writes `text` in the colour of `role` when colouring, as is otherwise, and escaped
/// when it could steer a terminal.
pub(crate) fn put(out: &mut impl Write, opts: Options, role: Role, text: &str) -> io::Result<()> {
    let text = if opts.escape {
        escape::visible(text)
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    if opts.color && role != Role::Plain && !text.is_empty() {
        write!(out, "{}", role.paint(&text))
    } else {
        out.write_all(text.as_bytes())
    }
}

/// A file's name on a line of its own, above what is printed of it; with
/// [`Options::null`] it ends with NUL instead of the line end, as in rg.
pub fn write_file_heading(out: &mut impl Write, opts: Options, file: &str) -> io::Result<()> {
    put(out, opts, Role::File, file)?;
    out.write_all(if opts.null { b"\0" } else { b"\n" })
}

/// `FILE:` when several files are read.
fn write_file(out: &mut impl Write, opts: Options, file: Option<&str>) -> io::Result<()> {
    write_file_then(out, opts, file, b":")
}

/// `FILE` and `sep` (`:` for records, `-` for context lines) when several files are
/// read; with [`Options::null`], a NUL byte instead of `sep`.
fn write_file_then(
    out: &mut impl Write,
    opts: Options,
    file: Option<&str>,
    sep: &[u8],
) -> io::Result<()> {
    if let Some(file) = file {
        put(out, opts, Role::File, file)?;
        out.write_all(if opts.null { b"\0" } else { sep })?;
    }
    Ok(())
}

/// The session's title, then " — " and its speakers and handles, unless the title is
/// the speaker's name.
pub(crate) fn write_label(
    out: &mut impl Write,
    opts: Options,
    title: &str,
    speakers: &[impl AsRef<str>],
    handles: &[impl AsRef<str>],
) -> io::Result<()> {
    put(out, opts, Role::SessionTitle, title)?;
    let speakers = if named_after_speaker(title, speakers) {
        &speakers[..0]
    } else {
        speakers
    };
    if !speakers.is_empty() || !handles.is_empty() {
        out.write_all(" — ".as_bytes())?;
    }
    for (i, speaker) in speakers.iter().enumerate() {
        if i > 0 {
            out.write_all(b", ")?;
        }
        put(out, opts, Role::Speaker, speaker.as_ref())?;
    }
    for (i, handle) in handles.iter().enumerate() {
        if i > 0 || !speakers.is_empty() {
            out.write_all(b" ")?;
        }
        put(out, opts, Role::Handle, handle.as_ref())?;
    }
    Ok(())
}

/// A session's label: its title, speakers and handles.
pub(crate) fn write_session_label(
    out: &mut impl Write,
    opts: Options,
    session: &Session,
) -> io::Result<()> {
    let byline = session.byline();
    write_label(out, opts, byline.title, &byline.speakers, &byline.handles)
}

/// ` (missed: REASON)`, ` (partial)`, ` (not seen)`; nothing for attended sessions.
pub(crate) fn write_status(
    out: &mut impl Write,
    opts: Options,
    session: &Session,
) -> io::Result<()> {
    if session.status() == Status::Attended {
        return Ok(());
    }
    out.write_all(b" (")?;
    let status = session.status().to_string();
    put(out, opts, Role::Status(session.status()), &status)?;
    if let Some(reason) = session.reason() {
        out.write_all(b": ")?;
        put(out, opts, Role::Plain, reason)?;
    }
    out.write_all(b")")
}

/// One session: `[FILE:]LINE:DAY:TITLE — SPEAKERS @HANDLES (STATUS: REASON) [LINK]`.
///
/// DAY is empty when the notes do not say; the status part appears only for sessions
/// not attended, and the link (the first of the session's notes, for a watch list)
/// only when given.
pub fn write_session(
    out: &mut impl Write,
    opts: Options,
    file: Option<&str>,
    session: &Session,
    link: Option<&str>,
) -> io::Result<()> {
    write_session_start(out, opts, file, session.line_number())?;
    write_session_day(out, opts, session.day_info())?;
    write_session_end(out, opts, session, link)
}

/// The start of a [`write_session`] record, up to its day: `[FILE:]LINE:`.
pub fn write_session_start(
    out: &mut impl Write,
    opts: Options,
    file: Option<&str>,
    line: LineNumber,
) -> io::Result<()> {
    write_file(out, opts, file)?;
    put_number(out, opts, line)?;
    out.write_all(b":")
}

/// The day of a [`write_session`] record: `DAY`, empty for none.
pub fn write_session_day(
    out: &mut impl Write,
    opts: Options,
    day: Option<&DayInfo>,
) -> io::Result<()> {
    let day = day.map(DayInfo::name);
    put(out, opts, Role::Day, day.as_deref().unwrap_or(""))
}

/// The rest of a [`write_session`] record, after its day:
/// `:TITLE — SPEAKERS @HANDLES (STATUS: REASON) [LINK]`.
pub fn write_session_end(
    out: &mut impl Write,
    opts: Options,
    session: &Session,
    link: Option<&str>,
) -> io::Result<()> {
    out.write_all(b":")?;
    write_session_label(out, opts, session)?;
    write_status(out, opts, session)?;
    write_link(out, opts, link, session.reason().unwrap_or_default())?;
    out.write_all(b"\n")
}

/// ` LINK`, when there is one and the record's text `shown` does not already hold it.
fn write_link(
    out: &mut impl Write,
    opts: Options,
    link: Option<&str>,
    shown: &str,
) -> io::Result<()> {
    if let Some(link) = link.filter(|link| !shown.contains(link)) {
        out.write_all(b" ")?;
        put(out, opts, Role::Link, link)?;
    }
    Ok(())
}

/// Hits per session: `[FILE:]LINE:TITLE:COUNT`, LINE and TITLE empty for lines outside
/// any session.
pub fn write_count(
    out: &mut impl Write,
    opts: Options,
    file: Option<&str>,
    session: Option<&SessionInfo>,
    count: usize,
) -> io::Result<()> {
    write_file(out, opts, file)?;
    if let Some(session) = session {
        put_number(out, opts, session.line)?;
        out.write_all(b":")?;
        put(out, opts, Role::SessionTitle, &session.title)?;
    } else {
        out.write_all(b":")?;
    }
    writeln!(out, ":{count}")
}

/// Writes `text` with the byte ranges in `matches` highlighted.
fn write_highlighted(
    out: &mut impl Write,
    opts: Options,
    text: &str,
    matches: &[Range<usize>],
) -> io::Result<()> {
    if !opts.color {
        return put(out, opts, Role::Plain, text);
    }
    let mut at = 0;
    for m in matches {
        put(out, opts, Role::Plain, &text[at..m.start])?;
        put(out, opts, Role::Matched, &text[m.clone()])?;
        at = m.end;
    }
    put(out, opts, Role::Plain, &text[at..])
}

/// Prints grep hits (and follow-ups): one per line,
/// `[FILE:]LINE:SESSION › ANCESTOR › …:TEXT` (context lines `LINE-…-TEXT`), or, with
/// [`Options::heading`], grouped under a heading per session (and a file name per file,
/// when several are read) with each hit's ancestors shown once above it (`LINE-` for
/// context, `LINE:` for hits).
#[derive(Debug)]
pub struct GrepPrinter {
    opts: Options,
    only_matching: bool,
    /// The file and session line of the group being printed, once a group has started.
    group: Option<(Option<String>, Option<LineNumber>)>,
    /// The last line shown in the current group: lines come in order, and the
    /// ancestors of a later hit that come before it were shown with an earlier one.
    shown: Option<LineNumber>,
}

impl GrepPrinter {
    /// A printer with these options.
    pub fn new(opts: Options) -> GrepPrinter {
        GrepPrinter {
            opts,
            only_matching: false,
            group: None,
            shown: None,
        }
    }

    /// Print only the matched parts of each hit, one per line (`-o`).
    pub fn only_matching(mut self) -> GrepPrinter {
        self.only_matching = true;
        self
    }

    /// Prints one hit, read from `file` (named only when several files are read),
    /// ending with `link` when given (a follow-up's link).
    pub fn hit(
        &mut self,
        out: &mut impl Write,
        file: Option<&str>,
        hit: &Hit,
        link: Option<&str>,
    ) -> io::Result<()> {
        if self.opts.heading {
            self.grouped(out, file, hit, link)
        } else {
            self.record(out, file, hit, link)
        }
    }

    /// The parts of a hit's line to print: the whole line, or each match alone.
    fn parts<'h>(&self, hit: &'h Hit) -> Vec<(&'h str, Vec<Range<usize>>)> {
        if !self.only_matching || hit.kind == HitKind::Context {
            return vec![(hit.text, hit.matches.to_vec())];
        }
        hit.matches
            .iter()
            .map(|m| (&hit.text[m.clone()], std::iter::once(0..m.len()).collect()))
            .collect()
    }

    fn record(
        &self,
        out: &mut impl Write,
        file: Option<&str>,
        hit: &Hit,
        link: Option<&str>,
    ) -> io::Result<()> {
        let opts = self.opts;
        let sep: &[u8] = if hit.kind == HitKind::Context {
            b"-"
        } else {
            b":"
        };
        for (text, matches) in self.parts(hit) {
            if hit.gap {
                // Lines around hits that do not join up, apart as ripgrep sets them.
                out.write_all(b"--\n")?;
            }
            write_file_then(out, opts, file, sep)?;
            put_number(out, opts, hit.line)?;
            out.write_all(sep)?;
            let mut started = false;
            if let Some(session) = hit.session.filter(|s| !s.title.is_empty()) {
                put(out, opts, Role::SessionTitle, &session.title)?;
                started = true;
            }
            for context in hit.context {
                // Outside any session the path starts with its first heading.
                if started {
                    put(out, opts, Role::Guide, " › ")?;
                }
                put(out, opts, Role::Plain, &context.text)?;
                started = true;
            }
            out.write_all(sep)?;
            write_highlighted(out, opts, text, &matches)?;
            write_link(out, opts, link, text)?;
            out.write_all(b"\n")?;
        }
        Ok(())
    }

    fn grouped(
        &mut self,
        out: &mut impl Write,
        file: Option<&str>,
        hit: &Hit,
        link: Option<&str>,
    ) -> io::Result<()> {
        let opts = self.opts;
        let session = hit.session.map(|s| s.line);
        let same_file = self
            .group
            .as_ref()
            .is_some_and(|(f, _)| f.as_deref() == file);
        let same_session = same_file && self.group.as_ref().is_some_and(|(_, s)| *s == session);
        if !same_session {
            if self.group.is_some() {
                out.write_all(b"\n")?;
            }
            if let (Some(file), false) = (file, same_file) {
                write_file_heading(out, opts, file)?;
            }
            if let Some(s) = hit.session {
                write_label(out, opts, &s.title, &s.speakers, &s.handles)?;
                out.write_all(b"\n")?;
            }
            self.group = Some((file.map(String::from), session));
            self.shown = None;
        }
        for context in hit.context {
            if self.shown.is_none_or(|s| context.line > s) {
                self.shown = Some(context.line);
                let text = &context.text;
                write_numbered_line(out, opts, context.line, '-', context.lead, text, &[])?;
            }
        }
        self.shown = Some(hit.line);
        let sep = if hit.kind == HitKind::Context {
            '-'
        } else {
            ':'
        };
        for (text, matches) in self.parts(hit) {
            let lead = if self.only_matching && hit.kind == HitKind::Match {
                &b""[..]
            } else {
                hit.lead
            };
            put_number(out, opts, hit.line)?;
            write!(out, "{sep}")?;
            put(out, opts, Role::Plain, &String::from_utf8_lossy(lead))?;
            write_highlighted(out, opts, text, &matches)?;
            write_link(out, opts, link, text)?;
            out.write_all(b"\n")?;
        }
        Ok(())
    }
}

/// `LINE:` (or `LINE-` for context) and the line as in the file, indentation and
/// marker included, its text highlighted.
fn write_numbered_line(
    out: &mut impl Write,
    opts: Options,
    line: LineNumber,
    sep: char,
    lead: &[u8],
    text: &str,
    matches: &[Range<usize>],
) -> io::Result<()> {
    put_number(out, opts, line)?;
    write!(out, "{sep}")?;
    put(out, opts, Role::Plain, &String::from_utf8_lossy(lead))?;
    write_highlighted(out, opts, text, matches)?;
    out.write_all(b"\n")
}

/// A line number, coloured as one when colouring.
fn put_number(out: &mut impl Write, opts: Options, n: LineNumber) -> io::Result<()> {
    if opts.color {
        put(out, opts, Role::LineNumber, &n.to_string())
    } else {
        write!(out, "{n}")
    }
}

/// A speaker: `NAME @HANDLES: TITLE (DAY); TITLE (DAY)`, with `FILE:LINE` after the
/// day when several files are read.
pub fn write_speaker(
    out: &mut impl Write,
    opts: Options,
    speaker: &Speaker,
    with_files: bool,
) -> io::Result<()> {
    put(out, opts, Role::Speaker, &speaker.name)?;
    for handle in &speaker.handles {
        out.write_all(b" ")?;
        put(out, opts, Role::Handle, handle)?;
    }
    if with_files {
        // Across a folder: how many talks, at which events, in which years.
        let talks = plural(speaker.appearances.len(), "talk", "talks");
        let mut at: Vec<String> = Vec::new();
        for a in &speaker.appearances {
            let event = match (&a.event, a.year) {
                (Some(event), Some(year)) if !event.contains(&year.to_string()) => {
                    format!("{event} {year}")
                }
                (Some(event), _) => event.clone(),
                (None, Some(year)) => year.to_string(),
                (None, None) => continue,
            };
            if !at.contains(&event) {
                at.push(event);
            }
        }
        if at.is_empty() {
            write!(out, " ({talks})")?;
        } else {
            write!(out, " ({talks}; {})", at.join(", "))?;
        }
    }
    out.write_all(b": ")?;
    for (i, a) in speaker.appearances.iter().enumerate() {
        if i > 0 {
            out.write_all(b"; ")?;
        }
        put(out, opts, Role::SessionTitle, &a.title)?;
        let mut details: Vec<String> = a.day.map(|d| d.to_string()).into_iter().collect();
        if with_files {
            let sep = if opts.null { '\0' } else { ':' };
            details.push(format!("{}{sep}{}", a.file, a.line));
        }
        if !details.is_empty() {
            write!(out, " (")?;
            for (j, detail) in details.iter().enumerate() {
                if j > 0 {
                    out.write_all(b", ")?;
                }
                let role = if j == 0 && a.day.is_some() {
                    Role::Day
                } else {
                    Role::File
                };
                put(out, opts, role, detail)?;
            }
            write!(out, ")")?;
        }
    }
    out.write_all(b"\n")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A day: `[FILE:]DAY: N sessions, M notes lines`.
pub fn write_day(
    out: &mut impl Write,
    opts: Options,
    file: Option<&str>,
    row: &Row,
) -> io::Result<()> {
    let Some(day) = row
        .day
        .as_ref()
        .filter(|_| matches!(row.scope, Scope::Day(_)))
    else {
        return Ok(());
    };
    write_file(out, opts, file)?;
    put(out, opts, Role::Day, &day.name())?;
    if let Some(label) = &day.label
        && !label.eq_ignore_ascii_case(&day.name())
    {
        write!(out, " ({label})")?;
    }
    writeln!(
        out,
        ": {}, {}",
        plural(row.tally.sessions, "session", "sessions"),
        plural(row.tally.lines, "notes line", "notes lines")
    )
}

const STATS_COLUMNS: [&str; 7] = [
    "day", "sessions", "lines", "words", "missed", "partial", "not seen",
];

fn stats_cells(tally: &Tally) -> [usize; 6] {
    [
        tally.sessions,
        tally.lines,
        tally.words,
        tally.missed,
        tally.partial,
        tally.not_seen,
    ]
}

/// The statistics table: a header, then the rows (a row per day, one for sessions
/// without a day, the total), each starting with its `FILE` when one is given. With
/// [`Options::heading`] each day row ends with a bar as long as its share of the notes
/// lines.
pub fn write_stats(
    out: &mut impl Write,
    opts: Options,
    rows: &[(Option<&str>, &Row)],
) -> io::Result<()> {
    const BAR: usize = 24;
    let file_width = rows
        .iter()
        .filter_map(|(f, _)| f.map(|f| f.chars().count() + 2))
        .max()
        .unwrap_or(0);
    if file_width > 0 {
        put(out, opts, Role::Header, &format!("{:<file_width$}", "file"))?;
    }
    let mut header = format!("{:<9}", STATS_COLUMNS[0]);
    for column in &STATS_COLUMNS[1..] {
        header.push_str(&format!(" {column:>8}"));
    }
    put(out, opts, Role::Header, header.trim_end())?;
    out.write_all(b"\n")?;
    let most = rows
        .iter()
        .filter(|(_, r)| r.scope != Scope::Total)
        .map(|(_, r)| r.tally.lines)
        .max()
        .unwrap_or(0);
    for &(file, row) in rows {
        if file_width > 0 {
            let file = file.unwrap_or("");
            if opts.null {
                // The name ends with NUL, then the column's padding.
                put(out, opts, Role::File, file)?;
                let pad = file_width.saturating_sub(file.chars().count() + 1);
                write!(out, "\0{:pad$}", "")?;
            } else {
                put(out, opts, Role::File, &format!("{file:<file_width$}"))?;
            }
        }
        let (name, role) = match row.scope {
            Scope::Day(_) => (
                row.day.as_ref().map_or_else(String::new, DayInfo::name),
                Role::Day,
            ),
            Scope::NoDay => ("no day".to_string(), Role::Status(Status::NotSeen)),
            Scope::Total => ("total".to_string(), Role::Header),
        };
        put(out, opts, role, &format!("{name:<9}"))?;
        for cell in stats_cells(&row.tally) {
            write!(out, " {cell:>8}")?;
        }
        let len = (row.tally.lines * BAR).div_ceil(most.max(1));
        if opts.heading && row.scope != Scope::Total && len > 0 {
            out.write_all(b"  ")?;
            put(out, opts, Role::Bar, &"█".repeat(len))?;
        }
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// A finding of `notes check`: `FILE:LINE:COL: warning: MESSAGE`.
pub fn write_finding(
    out: &mut impl Write,
    opts: Options,
    file: &str,
    finding: &Finding,
) -> io::Result<()> {
    write_file(out, opts, Some(file))?;
    put_number(out, opts, finding.line)?;
    write!(out, ":{}: ", finding.column)?;
    put(out, opts, Role::Warning, "warning")?;
    out.write_all(b": ")?;
    put(out, opts, Role::Plain, &finding.message)?;
    write!(out, " [{}]", finding.check.name())?;
    out.write_all(b"\n")
}

/// A note of `notes check --explain` on how the structure was read:
/// `FILE:LINE:COL: note: MESSAGE`.
pub fn write_note(
    out: &mut impl Write,
    opts: Options,
    file: &str,
    note: &Explanation,
) -> io::Result<()> {
    write_file(out, opts, Some(file))?;
    put_number(out, opts, LineNumber::of(note.line))?;
    out.write_all(b":1: note: ")?;
    put(out, opts, Role::Plain, &note.message)?;
    out.write_all(b"\n")
}

/// The last line of `notes check`: how many warnings of which kinds, in how many files.
pub fn write_check_summary(
    out: &mut impl Write,
    opts: Options,
    by_check: &BTreeMap<Check, usize>,
    files: usize,
) -> io::Result<()> {
    let total: usize = by_check.values().sum();
    let files = plural(files, "file", "files");
    if total == 0 {
        return writeln!(out, "no warnings in {files}");
    }
    let kinds: Vec<String> = by_check
        .iter()
        .map(|(check, n)| format!("{n} {}", check.name()))
        .collect();
    put(
        out,
        opts,
        Role::Warning,
        &plural(total, "warning", "warnings"),
    )?;
    writeln!(out, " ({}) in {files}", kinds.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::search::Searcher;
    use crate::summary;
    use regex::Regex;

    const NOTES: &str = "Friday\n\
        Decorators, Colton Myers, @basepi\n  • decorators wrap functions\n    • add functionality\n\
        Guido van Rossum\n  • Missed: sick\n";

    fn plain() -> Options {
        Options::default()
    }

    fn sessions(opts: Options, file: Option<&str>) -> String {
        let doc = Document::parse(NOTES.as_bytes());
        let mut out = Vec::new();
        for s in doc.sessions() {
            write_session(&mut out, opts, file, s, None).unwrap();
        }
        String::from_utf8(out).unwrap()
    }

    fn grep(pattern: &str, opts: Options, file: Option<&str>) -> String {
        let re = Regex::new(pattern).unwrap();
        let mut printer = GrepPrinter::new(opts);
        let mut out = Vec::new();
        let doc = Document::parse(NOTES.as_bytes());
        Searcher::new(&doc, &re, false)
            .search(|hit| printer.hit(&mut out, file, hit, None))
            .unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn session_records() {
        assert_eq!(
            sessions(plain(), None),
            "2:friday:Decorators — Colton Myers @basepi\n\
             5:friday:Guido van Rossum (missed: sick)\n"
        );
        assert_eq!(
            sessions(plain(), Some("a.txt")).lines().next(),
            Some("a.txt:2:friday:Decorators — Colton Myers @basepi")
        );
    }

    #[test]
    fn colour_only_when_asked() {
        colored::control::set_override(true);
        let opts = Options {
            color: true,
            heading: false,
            escape: false,
            null: false,
        };
        assert!(sessions(opts, None).contains(&"friday".cyan().to_string()));
        assert!(!sessions(plain(), None).contains('\x1b'));
    }

    #[test]
    fn grep_records_one_per_line() {
        assert_eq!(
            grep("function", plain(), None),
            "3:Decorators:decorators wrap functions\n\
             4:Decorators › decorators wrap functions:add functionality\n"
        );
        assert_eq!(grep("Friday", plain(), None), "1::Friday\n");
        assert_eq!(grep("Friday", plain(), Some("a.txt")), "a.txt:1::Friday\n");
    }

    #[test]
    fn grep_headings_group_hits_under_sessions() {
        let opts = Options {
            color: false,
            heading: true,
            escape: false,
            null: false,
        };
        assert_eq!(
            grep("add|sick", opts, None),
            "Decorators — Colton Myers @basepi\n\
             3-  • decorators wrap functions\n\
             4:    • add functionality\n\
             \n\
             Guido van Rossum\n\
             6:  • Missed: sick\n"
        );
        assert!(grep("add", opts, Some("a.txt")).starts_with("a.txt\nDecorators"));
    }

    #[test]
    fn counts_speakers_days_and_stats() {
        let doc = Document::parse(NOTES.as_bytes());
        let mut out = Vec::new();
        let info = SessionInfo {
            line: LineNumber::of(1),
            title: "Decorators".to_string(),
            speakers: Vec::new(),
            handles: Vec::new(),
        };
        write_count(&mut out, plain(), None, Some(&info), 3).unwrap();
        write_count(&mut out, plain(), Some("a.txt"), None, 1).unwrap();
        let mut speakers = summary::Speakers::default();
        speakers.add("a.txt", &crate::event::Origin::default(), doc.sessions());
        for s in speakers.into_sorted() {
            write_speaker(&mut out, plain(), &s, false).unwrap();
        }
        let rows = summary::stats(&doc, doc.sessions());
        for row in &rows {
            write_day(&mut out, plain(), None, row).unwrap();
        }
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "2:Decorators:3\n\
             a.txt:::1\n\
             Colton Myers @basepi: Decorators (friday)\n\
             Guido van Rossum: Guido van Rossum (friday)\n\
             friday: 2 sessions, 3 notes lines\n"
        );
        let mut table = Vec::new();
        let rows: Vec<(Option<&str>, &Row)> = rows.iter().map(|r| (None, r)).collect();
        write_stats(&mut table, plain(), &rows).unwrap();
        assert_eq!(
            String::from_utf8(table).unwrap(),
            "day       sessions    lines    words   missed  partial not seen\n\
             friday           2        3        7        1        0        0\n\
             total            2        3        7        1        0        0\n"
        );
    }

    #[test]
    fn stats_bars_only_for_a_terminal_layout() {
        let doc = Document::parse(b"Friday\nA\n  - 1\n  - 2\nSaturday\nB\n  - 1\n");
        let rows = summary::stats(&doc, doc.sessions());
        let mut out = Vec::new();
        let opts = Options {
            color: false,
            heading: true,
            escape: false,
            null: false,
        };
        let rows: Vec<(Option<&str>, &Row)> = rows.iter().map(|r| (None, r)).collect();
        write_stats(&mut out, opts, &rows).unwrap();
        let table = String::from_utf8(out).unwrap();
        let bars: Vec<usize> = table
            .lines()
            .map(|l| l.chars().filter(|&c| c == '█').count())
            .collect();
        assert_eq!(bars, [0, 24, 12, 0]);
    }
}
