//! The reader: one place that decides how an outline reads as conference notes.
//!
//! It works in three steps, each a module:
//!
//! 1. [`units`]: the headings of the outline, and the lines that stand for headings in
//!    notes that have none (a quoted schedule block, the first line after a rule under a
//!    lightning-talks heading, a numbered item over indented notes), as one tree.
//! 2. [`tree`] (Markdown, org-mode, TaskPaper) or [`plain`] (the plain outline) gives
//!    each unit a [`Role`]: the title, a day, a group of talks, a session, a general
//!    section, a part of a session. The v1 rules decide first where they apply; then
//!    the words of each heading, what is under it and its siblings.
//! 3. [`assemble`] turns the roles into sessions and days, and [`people`] finds each
//!    session's speakers in its lines.
//!
//! Every command reads the notes through this; nothing else decides roles.

mod assemble;
mod people;
pub mod pieces;
mod plain;
mod tree;
mod units;

use std::fmt;

use super::Document;
use super::rules::DayHeading;
use crate::outline::{Outline, Syntax};

/// How to read a file, when its reader is told.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// The heading level of sessions (`--session-level N`), in syntaxes with levels:
    /// headings of that level are the sessions, those above sections or days, those
    /// below parts of a session.
    pub session_level: Option<u8>,
    /// The whole file is one session, titled by its first heading (`--one-talk`).
    pub one_talk: bool,
    /// Keep a note of every decision (`notes check --explain`).
    pub explain: bool,
    /// Threads to read a big file's sessions on; 0 (the default) is one a core.
    pub threads: usize,
    /// Read in full only the sessions that hold one of these byte offsets (sorted), in
    /// a plain outline: the others keep their lines, heading, kind and day, with no
    /// speakers, status or talks, and their heading as their title. For a search that
    /// prints only the sessions of its hits; the structure is read as ever.
    pub full_at: Option<std::sync::Arc<[usize]>>,
}

/// A note on how the structure was read: "'## Talks' read as a group: its 5
/// sub-headings look like talks".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// The line it is about (0-based index).
    pub line: usize,
    /// What was decided, and why.
    pub message: String,
}

/// What a unit is to the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// The document's title.
    Title,
    /// A day heading.
    Day(DayHeading),
    /// A heading over sessions: a group of talks, a block of lightning talks with
    /// talks of their own.
    Group {
        /// Its talks are lightning talks.
        lightning: bool,
    },
    /// A general section: no session in it.
    Section,
    /// A session.
    Session,
    /// A part of the session or section above.
    Part,
    /// A wishlist heading: the bullets under it are talks not seen.
    Wishlist,
    /// A thematic break.
    Separator,
}

/// Why a unit got its role, for `check --explain`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Why {
    /// The title rule.
    Title(&'static str),
    /// A day heading.
    Day,
    /// A wishlist heading.
    Wishlist,
    /// A thematic break.
    Separator,
    /// The heading says it holds talks ("Talks", "Track B").
    GroupWords,
    /// A lightning-talks heading whose talks have their own headings.
    Lightning(usize),
    /// A lightning-talks line whose talks follow as title lines after rules.
    TitleLines,
    /// Most of its sub-headings look like talks.
    TalksUnder(usize),
    /// A general section by its words.
    SectionWords,
    /// Only links, images or a checklist under it.
    NoNotes(&'static str),
    /// A bold line with nothing under it: emphasis, not a heading.
    Emphasis,
    /// Day headings are under it.
    DaysUnder,
    /// A sibling of a group of talks, with nothing of a talk itself.
    BesideGroup,
    /// A sibling of day headings that holds only prose.
    ProseBesideDays,
    /// A talk: what makes it one.
    Talk(&'static str),
    /// The whole file is one talk.
    OneTalk(&'static str),
    /// A part of the session above.
    Part,
    /// Told by `--session-level` or `--one-talk`.
    Told,
    /// Inside the document's header (the title's own lines).
    Header,
    /// The plain outline's note rule: an unindented line under an empty session.
    Note,
    /// The plain outline's speaker rule: a name under an empty session.
    Speaker,
    /// A `Speaker:` line or heading: never a session.
    SpeakerLabel,
    /// Lines before the first session with notes, with nothing under them.
    Preamble,
}

impl fmt::Display for Why {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Why::Title(why) => write!(f, "{why}"),
            Why::Day => write!(f, "it names only a day"),
            Why::Wishlist => write!(f, "it says its talks were not seen"),
            Why::Separator => write!(f, "it is a thematic break"),
            Why::GroupWords => write!(f, "its words name a group of talks"),
            Why::Lightning(n) => write!(
                f,
                "its {n} talks each have a heading or a part of their own"
            ),
            Why::TitleLines => write!(f, "its talks follow it, each a title line after a rule"),
            Why::TalksUnder(n) => write!(f, "the {n} headings or items under it look like talks"),
            Why::SectionWords => write!(f, "its words name a general section"),
            Why::NoNotes(what) => write!(f, "only {what} under it"),
            Why::Emphasis => write!(f, "it is a bold line with nothing under it"),
            Why::DaysUnder => write!(f, "days are under it"),
            Why::BesideGroup => {
                write!(
                    f,
                    "its talks are in a group beside it and it has nothing of a talk"
                )
            }
            Why::ProseBesideDays => {
                write!(f, "it holds only prose, beside days that hold the talks")
            }
            Why::Talk(why) => write!(f, "{why}"),
            Why::OneTalk(why) => write!(f, "the file is one talk: {why}"),
            Why::Part => write!(f, "it is inside a session"),
            Why::Told => write!(f, "as the command line says"),
            Why::Header => write!(f, "it is under the document title, before the talks"),
            Why::Note => write!(f, "it follows an empty session and names no speaker"),
            Why::Speaker => write!(f, "it names the speaker of the empty session above"),
            Why::SpeakerLabel => write!(f, "it is a `Speaker:` line"),
            Why::Preamble => write!(f, "it comes before the first session with notes"),
        }
    }
}

/// A role and its reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decision {
    pub role: Role,
    pub why: Why,
}

impl Decision {
    pub(crate) fn new(role: Role, why: Why) -> Decision {
        Decision { role, why }
    }
}

impl<'a> Document<'a> {
    /// Reads an outline as conference notes, as `options` say.
    pub fn read(outline: Outline<'a>, options: &ReadOptions) -> Document<'a> {
        let syntax = outline.syntax();
        let (units, decisions) = match syntax {
            Syntax::Outline => plain::read(&outline, options),
            _ => {
                let units = units::tree(&outline);
                let decisions = tree::decide(&outline, &units, options);
                (units, decisions)
            }
        };
        Document::assemble(outline, &units, &decisions, options, false).0
    }

    /// Reads a piece of a plain outline as the whole file reads it ([`pieces`]), but
    /// for the days, whose steps it keeps (its sessions have no day); and says whether
    /// the rules stand settled at its end.
    fn read_piece(
        outline: Outline<'a>,
        options: &ReadOptions,
        piece: plain::PieceFacts,
    ) -> (Document<'a>, Vec<assemble::DayStep>, plain::Settled) {
        let (units, decisions, settled) = plain::read_piece(&outline, options, Some(piece));
        let (doc, steps) = Document::assemble(outline, &units, &decisions, options, true);
        (doc, steps, settled)
    }

    fn assemble(
        outline: Outline<'a>,
        units: &[units::Unit],
        decisions: &[Decision],
        options: &ReadOptions,
        keep_steps: bool,
    ) -> (Document<'a>, Vec<assemble::DayStep>) {
        let syntax = outline.syntax();
        let read = assemble::assemble(&outline, units, decisions, options, keep_steps);
        let doc = Document {
            src: outline.src(),
            syntax,
            outline,
            title: read.title,
            sessions: read.sessions,
            days: read.days,
            date: read.date,
            explanations: read.explanations,
        };
        (doc, read.steps)
    }
}
