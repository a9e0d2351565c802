//! Text printers: one record per line, coloured by role when asked.
//!
//! Printers are generic over their writer and never decide anything about the
//! terminal: whether to colour and whether to group grep hits under headings come in
//! [`Options`], decided once by `main`. They print what they are given and filter nothing.

use std::io::{self, Write};

use colored::{ColoredString, Colorize};

use crate::document::{Document, Session, Status};
use crate::query::Hit;

/// How text output looks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Colour with ANSI escapes.
    pub color: bool,
    /// Group grep hits under a heading per session, with their ancestors (a terminal's
    /// layout); otherwise one hit per line.
    pub heading: bool,
}

/// What a piece of output is, so that colours follow meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    LineNumber,
    Day,
    SessionTitle,
    Speaker,
    Handle,
    Status(Status),
    Matched,
    Separator,
}

impl Role {
    fn paint(self, text: &str) -> ColoredString {
        match self {
            Role::LineNumber => text.green(),
            Role::Day => text.cyan(),
            Role::SessionTitle => text.magenta().bold(),
            Role::Speaker => text.yellow(),
            Role::Handle => text.blue(),
            Role::Status(Status::Missed) => text.red(),
            Role::Status(Status::Partial) => text.yellow(),
            Role::Status(_) => text.bright_black(),
            Role::Matched => text.red().bold(),
            Role::Separator => text.bright_black(),
        }
    }
}

/// Writes `text` in the colour of `role` when colouring, as is otherwise.
fn put(out: &mut impl Write, opts: Options, role: Role, text: &str) -> io::Result<()> {
    if opts.color && !text.is_empty() {
        write!(out, "{}", role.paint(text))
    } else {
        out.write_all(text.as_bytes())
    }
}

/// The session's title, then " — " and its speakers and handles, unless the title is
/// the speaker's name.
fn write_label(out: &mut impl Write, opts: Options, session: &Session) -> io::Result<()> {
    put(out, opts, Role::SessionTitle, session.title())?;
    let speakers = session.speakers();
    let named_after_speaker = speakers.len() == 1 && speakers[0] == session.title();
    if (!speakers.is_empty() && !named_after_speaker) || !session.handles().is_empty() {
        out.write_all(" — ".as_bytes())?;
    }
    if !named_after_speaker {
        for (i, speaker) in speakers.iter().enumerate() {
            if i > 0 {
                out.write_all(b", ")?;
            }
            put(out, opts, Role::Speaker, speaker)?;
        }
    }
    for (i, handle) in session.handles().iter().enumerate() {
        if i > 0 || (!speakers.is_empty() && !named_after_speaker) {
            out.write_all(b" ")?;
        }
        put(out, opts, Role::Handle, handle)?;
    }
    Ok(())
}

/// One session: `LINE:DAY:TITLE — SPEAKERS @HANDLES (STATUS: REASON)`.
///
/// DAY is empty when the notes do not say; the status part appears only for sessions
/// not attended.
pub fn write_session(out: &mut impl Write, opts: Options, session: &Session) -> io::Result<()> {
    put(
        out,
        opts,
        Role::LineNumber,
        &session.line_number().to_string(),
    )?;
    out.write_all(b":")?;
    put(out, opts, Role::Day, session.day().map_or("", |d| d.name()))?;
    out.write_all(b":")?;
    write_label(out, opts, session)?;
    if session.status() != Status::Attended {
        out.write_all(b" (")?;
        let status = session.status().to_string();
        put(out, opts, Role::Status(session.status()), &status)?;
        if let Some(reason) = session.reason() {
            out.write_all(b": ")?;
            out.write_all(reason.as_bytes())?;
        }
        out.write_all(b")")?;
    }
    out.write_all(b"\n")
}

/// Writes `text` with the byte ranges in `matches` highlighted.
fn write_highlighted(
    out: &mut impl Write,
    opts: Options,
    text: &str,
    matches: &[std::ops::Range<usize>],
) -> io::Result<()> {
    if !opts.color {
        return out.write_all(text.as_bytes());
    }
    let mut at = 0;
    for m in matches {
        out.write_all(&text.as_bytes()[at..m.start])?;
        put(out, opts, Role::Matched, &text[m.clone()])?;
        at = m.end;
    }
    out.write_all(&text.as_bytes()[at..])
}

/// Prints grep hits: one per line (`LINE:SESSION › ANCESTOR › …:TEXT`), or, with
/// [`Options::heading`], grouped under a heading per session with each hit's
/// ancestors shown once above it (`LINE-` for context, `LINE:` for hits).
#[derive(Debug)]
pub struct GrepPrinter {
    opts: Options,
    /// The session of the group being printed, once a group has started.
    group: Option<Option<usize>>,
    /// Lines already shown in the current group.
    shown: Vec<usize>,
}

impl GrepPrinter {
    /// A printer with these options.
    pub fn new(opts: Options) -> GrepPrinter {
        GrepPrinter {
            opts,
            group: None,
            shown: Vec::new(),
        }
    }

    /// Prints one hit.
    pub fn hit(&mut self, out: &mut impl Write, doc: &Document, hit: &Hit) -> io::Result<()> {
        if self.opts.heading {
            self.grouped(out, doc, hit)
        } else {
            self.record(out, doc, hit)
        }
    }

    fn record(&self, out: &mut impl Write, doc: &Document, hit: &Hit) -> io::Result<()> {
        let (opts, outline) = (self.opts, doc.outline());
        put(out, opts, Role::LineNumber, &(hit.line + 1).to_string())?;
        out.write_all(b":")?;
        if let Some(s) = hit.session {
            put(out, opts, Role::SessionTitle, doc.sessions()[s].title())?;
        }
        for &c in &hit.context {
            put(out, opts, Role::Separator, " › ")?;
            out.write_all(outline.text(c).as_bytes())?;
        }
        out.write_all(b":")?;
        write_highlighted(out, opts, &outline.text(hit.line), &hit.matches)?;
        out.write_all(b"\n")
    }

    fn grouped(&mut self, out: &mut impl Write, doc: &Document, hit: &Hit) -> io::Result<()> {
        let opts = self.opts;
        if self.group != Some(hit.session) {
            if self.group.is_some() {
                out.write_all(b"\n")?;
            }
            if let Some(s) = hit.session {
                write_label(out, opts, &doc.sessions()[s])?;
                out.write_all(b"\n")?;
            }
            self.group = Some(hit.session);
            self.shown.clear();
        }
        for &c in &hit.context {
            if !self.shown.contains(&c) {
                self.shown.push(c);
                write_numbered_line(out, opts, doc, c, '-', &[])?;
            }
        }
        self.shown.push(hit.line);
        write_numbered_line(out, opts, doc, hit.line, ':', &hit.matches)
    }
}

/// `LINE:` (or `LINE-` for context) and the line as in the file, indentation and
/// marker included, its text highlighted.
fn write_numbered_line(
    out: &mut impl Write,
    opts: Options,
    doc: &Document,
    line: usize,
    sep: char,
    matches: &[std::ops::Range<usize>],
) -> io::Result<()> {
    let outline = doc.outline();
    put(out, opts, Role::LineNumber, &(line + 1).to_string())?;
    write!(out, "{sep}")?;
    let lead = &outline.content(line)[..outline.text_offset(line)];
    out.write_all(String::from_utf8_lossy(lead).as_bytes())?;
    write_highlighted(out, opts, &outline.text(line), matches)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query;
    use regex::Regex;

    const NOTES: &str = "Friday\n\
        Decorators, Colton Myers, @basepi\n  • decorators wrap functions\n    • add functionality\n\
        Guido van Rossum\n  • Missed: sick\n";

    fn plain() -> Options {
        Options::default()
    }

    fn sessions(opts: Options) -> String {
        let doc = Document::parse(NOTES.as_bytes());
        let mut out = Vec::new();
        for s in doc.sessions() {
            write_session(&mut out, opts, s).unwrap();
        }
        String::from_utf8(out).unwrap()
    }

    fn grep(pattern: &str, opts: Options) -> String {
        let doc = Document::parse(NOTES.as_bytes());
        let re = Regex::new(pattern).unwrap();
        let mut printer = GrepPrinter::new(opts);
        let mut out = Vec::new();
        for hit in query::grep(&doc, &re) {
            printer.hit(&mut out, &doc, &hit).unwrap();
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn session_records() {
        assert_eq!(
            sessions(plain()),
            "2:friday:Decorators — Colton Myers @basepi\n\
             5:friday:Guido van Rossum (missed: sick)\n"
        );
    }

    #[test]
    fn colour_only_when_asked() {
        colored::control::set_override(true);
        let coloured = sessions(Options {
            color: true,
            heading: false,
        });
        assert!(coloured.contains(&"friday".cyan().to_string()));
        assert!(!sessions(plain()).contains('\x1b'));
    }

    #[test]
    fn grep_records_one_per_line() {
        assert_eq!(
            grep("function", plain()),
            "3:Decorators:decorators wrap functions\n\
             4:Decorators › decorators wrap functions:add functionality\n"
        );
        assert_eq!(grep("Friday", plain()), "1::Friday\n");
    }

    #[test]
    fn grep_headings_group_hits_under_sessions() {
        let opts = Options {
            color: false,
            heading: true,
        };
        assert_eq!(
            grep("add|sick", opts),
            "Decorators — Colton Myers @basepi\n\
             3-  • decorators wrap functions\n\
             4:    • add functionality\n\
             \n\
             Guido van Rossum\n\
             6:  • Missed: sick\n"
        );
    }
}
