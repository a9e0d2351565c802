//! Layer 2: the conference reading of an outline.
//!
//! A [`Document`] is an [`Outline`] plus what the reader (`document/read/`) infers from
//! it with the rules in [`rules`]: an optional title, the days, and the sessions, each
//! with its title, speakers, day, kind and status. One reader decides the structure
//! for every command. Every session keeps the range of outline lines it covers, so its
//! notes can be printed exactly as written. No I/O, no colour.

mod read;
pub mod rules;

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use crate::outline::{LineNumber, Outline, Syntax};
pub use read::pieces::{AllPieces, DayTracker, Piece, Pieces, SessionDay, all_pieces, pieces};
pub use read::{Explanation, ReadOptions};
use rules::DaySpec;

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Day {
    /// Monday.
    Monday,
    /// Tuesday.
    Tuesday,
    /// Wednesday.
    Wednesday,
    /// Thursday.
    Thursday,
    /// Friday.
    Friday,
    /// Saturday.
    Saturday,
    /// Sunday.
    Sunday,
}

impl Day {
    /// Every day, Monday first.
    pub const ALL: [Day; 7] = [
        Day::Monday,
        Day::Tuesday,
        Day::Wednesday,
        Day::Thursday,
        Day::Friday,
        Day::Saturday,
        Day::Sunday,
    ];

    /// The lower-case English name: "friday".
    pub fn name(self) -> &'static str {
        match self {
            Day::Monday => "monday",
            Day::Tuesday => "tuesday",
            Day::Wednesday => "wednesday",
            Day::Thursday => "thursday",
            Day::Friday => "friday",
            Day::Saturday => "saturday",
            Day::Sunday => "sunday",
        }
    }

    /// A full day name in any case: "Friday", "FRIDAY".
    pub fn parse_full(word: &str) -> Option<Day> {
        Day::ALL
            .into_iter()
            .find(|d| d.name().eq_ignore_ascii_case(word))
    }

    /// A full name or an abbreviation ("fri", "tues", "thurs") in any case.
    pub fn parse(word: &str) -> Option<Day> {
        if !(3..=9).contains(&word.len()) {
            return None;
        }
        let short = |abbreviation: &str| word.eq_ignore_ascii_case(abbreviation);
        let word = if short("tues") {
            "tue"
        } else if short("weds") {
            "wed"
        } else if short("thur") || short("thurs") {
            "thu"
        } else {
            word
        };
        Day::ALL.into_iter().find(|d| {
            d.name().eq_ignore_ascii_case(word)
                || (word.len() == 3 && d.name()[..3].eq_ignore_ascii_case(word))
        })
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Whether the note taker saw a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// The default.
    Attended,
    /// A top-level bullet starts with "Missed".
    Missed,
    /// A top-level bullet starts with "Partial".
    Partial,
    /// Listed under a wishlist heading such as "Talks I did not see, but looked good:".
    NotSeen,
}

impl Status {
    /// A single-word name: "attended", "missed", "partial", "not-seen".
    pub fn name(self) -> &'static str {
        match self {
            Status::Attended => "attended",
            Status::Missed => "missed",
            Status::Partial => "partial",
            Status::NotSeen => "not-seen",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Status::NotSeen => "not seen",
            other => other.name(),
        })
    }
}

/// What a session is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SessionKind {
    /// A talk, keynote or anything else with a heading of its own.
    Talk,
    /// A block of lightning talks; each top-level bullet is one talk.
    LightningTalks,
    /// A bullet under a wishlist heading: a talk the note taker did not see.
    Wishlist,
}

impl SessionKind {
    /// "talk", "lightning-talks" or "wishlist".
    pub fn name(self) -> &'static str {
        match self {
            SessionKind::Talk => "talk",
            SessionKind::LightningTalks => "lightning-talks",
            SessionKind::Wishlist => "wishlist",
        }
    }
}

/// A line of a session's notes, with its depth under the session (1 = directly under).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Note {
    /// The outline line.
    pub line: usize,
    /// 1 for a line directly under the session's heading (or a note heading of it),
    /// 2 for a line under that, and so on.
    pub depth: usize,
}

/// One lightning talk: a top-level bullet of a lightning-talks session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Talk {
    line: usize,
    bytes: Range<usize>,
    text: Box<str>,
}

impl Talk {
    /// Index of the talk's bullet in the outline.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The bullet's line number.
    pub fn line_number(&self) -> LineNumber {
        LineNumber::of(self.line)
    }

    /// The bytes of the bullet and what is under it, in the source.
    pub fn bytes(&self) -> Range<usize> {
        self.bytes.clone()
    }

    /// The bullet's text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Title, speakers and handles, as the speaker rule reads the bullet. Each call
    /// reads it again: keep the result when you need several parts.
    pub fn byline(&self) -> rules::Byline<'_> {
        rules::talk_byline(&self.text)
    }

    /// The title, without speaker and handles.
    pub fn title(&self) -> &str {
        self.byline().title
    }

    /// The speakers, when the bullet names them ("Python .NET, John Gill").
    pub fn speakers(&self) -> Vec<&str> {
        self.byline().speakers
    }

    /// `@handles` on the bullet.
    pub fn handles(&self) -> Vec<&str> {
        self.byline().handles
    }
}

/// One day of the notes: a day heading ("Day 2", "Saturday, November 16"), a weekday
/// or "Day N" that a heading names ("Lightning Talks, Friday PM"), or the day the
/// document title or front matter gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayInfo {
    /// The day's number: the one its heading gives ("Day 2"), else one more than the
    /// day before (1 for the first).
    pub number: usize,
    /// The weekday, when the notes name it or a dated heading gives it.
    pub weekday: Option<Day>,
    /// The date, when the day heading gives one.
    pub date: Option<rules::Date>,
    /// The day heading's text (or the date as the title writes it), when there is one.
    pub label: Option<String>,
}

impl DayInfo {
    /// True when `spec` names this day.
    pub fn matches(&self, spec: &DaySpec) -> bool {
        match spec {
            DaySpec::Weekday(day) => self.weekday == Some(*day),
            DaySpec::Number(n) => self.number == *n as usize,
            DaySpec::Date(date) => self.date.is_some_and(|d| d.matches(date)),
            DaySpec::Label(label) => self
                .label
                .as_deref()
                .is_some_and(|l| l.trim().eq_ignore_ascii_case(label.trim())),
        }
    }

    /// A short name for records: the weekday ("friday"), else "day 2" (what `--day`
    /// takes).
    pub fn name(&self) -> String {
        match self.weekday {
            Some(day) => day.name().to_string(),
            None => format!("day {}", self.number),
        }
    }

    /// A heading for the day: its day heading's text, else the weekday ("Friday").
    pub fn heading(&self) -> String {
        match (&self.label, self.weekday) {
            (Some(label), _) => label.clone(),
            (None, Some(day)) => {
                let name = day.name();
                format!("{}{}", name[..1].to_uppercase(), &name[1..])
            }
            (None, None) => format!("Day {}", self.number),
        }
    }

    /// How the day reads in messages: "2 (Day 2, saturday)".
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(label) = &self.label {
            parts.push(label.clone());
        }
        if let Some(day) = self.weekday
            && !self
                .label
                .as_deref()
                .is_some_and(|l| l.to_lowercase().contains(day.name()))
        {
            parts.push(day.name().to_string());
        }
        if parts.is_empty() {
            self.number.to_string()
        } else {
            format!("{} ({})", self.number, parts.join(", "))
        }
    }
}

/// Where the reader found a session's speakers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerSource {
    /// Nowhere: the notes name nobody.
    Nowhere,
    /// In its heading ("Title – Name", "Name: Title").
    Heading,
    /// In the lines right under its heading ("Name, role", "Speakers: A, B").
    FirstLines,
    /// Further down: lines in the form of the first speaker line, or the lines of a
    /// copied schedule block.
    Body,
    /// In its sub-headings: a heading that is only a name, or a "Speakers" list.
    SubHeadings,
}

/// Where the reader found a session's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusSource {
    /// Nowhere: attended, or a wishlist item (not seen).
    Nowhere,
    /// In its heading: "Missed, but wanted to watch: X", "watch: X" with nothing under
    /// it.
    Heading,
    /// In a line of its notes: "Missed due to lunch", "I skipped it".
    Notes,
    /// In its org-mode state: a `TODO` heading that says to watch the talk.
    State,
}

/// One session: a talk, a block of lightning talks or a wishlist item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The heading's line first.
    lines: Range<usize>,
    bytes: Range<usize>,
    /// The heading as the syntax reads it (inline markup off).
    heading: Box<str>,
    title: Box<str>,
    speakers: Box<[Box<str>]>,
    speakers_from: SpeakerSource,
    /// One past the last line right under the heading that named speakers (0: none).
    lead_end: usize,
    /// The sub-heading that titles it, under a heading that is only the speaker's name.
    titled_by: Option<usize>,
    handles: Box<[Box<str>]>,
    room: Option<Box<str>>,
    day: Option<Arc<DayInfo>>,
    kind: SessionKind,
    status: Status,
    status_from: StatusSource,
    reason: Option<Box<str>>,
    talks: Vec<Talk>,
    tags: Box<[Box<str>]>,
    /// The org-mode state, as an index in `org::STATES`.
    state: Option<u8>,
}

impl Session {
    /// Index of the session's heading (or wishlist bullet) in the outline.
    pub fn line(&self) -> usize {
        self.lines.start
    }

    /// The heading's line number.
    pub fn line_number(&self) -> LineNumber {
        LineNumber::of(self.lines.start)
    }

    /// The outline lines the session covers: heading, notes, trailing blank lines.
    pub fn lines(&self) -> Range<usize> {
        self.lines.clone()
    }

    /// The bytes of those lines in the source.
    pub fn bytes(&self) -> Range<usize> {
        self.bytes.clone()
    }

    /// The heading's text (for a wishlist item, the bullet's), markup aside.
    pub fn heading(&self) -> &str {
        &self.heading
    }

    /// Title, speakers, handles and room, as the reader found them: in the heading, in
    /// the lines under it, in its sub-headings.
    pub fn byline(&self) -> rules::Byline<'_> {
        rules::Byline {
            title: &self.title,
            speakers: self.speakers.iter().map(|s| &**s).collect(),
            handles: self.handles.iter().map(|s| &**s).collect(),
            room: self.room.as_deref(),
        }
    }

    /// The title: the heading without speakers, handles, time slots and markup.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The speakers, in the order the notes give them.
    pub fn speakers(&self) -> Vec<&str> {
        self.speakers.iter().map(|s| &**s).collect()
    }

    /// Where the speakers were found.
    pub fn speakers_from(&self) -> SpeakerSource {
        self.speakers_from
    }

    /// The lines right under the heading that the reader read as speaker lines (with
    /// what it skipped before them: a star rating, an image), when there are any.
    pub fn speaker_lines(&self) -> Range<usize> {
        let start = self.lines.start + 1;
        start..self.lead_end.max(start)
    }

    /// The speakers' `@handles`.
    pub fn handles(&self) -> Vec<&str> {
        self.handles.iter().map(|s| &**s).collect()
    }

    /// The weekday, when the notes say.
    pub fn day(&self) -> Option<Day> {
        self.day.as_ref().and_then(|d| d.weekday)
    }

    /// The day the session is on, when the notes have days.
    pub fn day_info(&self) -> Option<&DayInfo> {
        self.day.as_deref()
    }

    /// Tags of the heading: TaskPaper `@tag` and `@tag(value)`, org `:tag:`.
    pub fn tags(&self) -> &[Box<str>] {
        &self.tags
    }

    /// The org-mode TODO state of the heading (`TODO`, `DONE`), if any.
    pub fn state(&self) -> Option<&str> {
        self.state
            .map(|i| crate::outline::syntax::org::STATES[usize::from(i)])
    }

    /// Talk, lightning talks or wishlist item.
    pub fn kind(&self) -> SessionKind {
        self.kind
    }

    /// Attended, missed, partial or not seen.
    pub fn status(&self) -> Status {
        self.status
    }

    /// Where the status was found.
    pub fn status_from(&self) -> StatusSource {
        self.status_from
    }

    /// Why the session was missed or partial, when the notes say.
    pub fn reason(&self) -> Option<&str> {
        self.reason.as_deref()
    }

    /// The talks of a lightning-talks session (empty for other kinds).
    pub fn talks(&self) -> &[Talk] {
        &self.talks
    }
}

/// True when the title is just the one speaker's name ("Guido van Rossum"), so
/// printing the speaker again would repeat it.
pub fn named_after_speaker(title: &str, speakers: &[impl AsRef<str>]) -> bool {
    speakers.len() == 1 && speakers[0].as_ref() == title
}

/// An outline read as conference notes.
///
/// The reader (`document/read/`) decides, for every heading and for the lines that
/// stand for one, what it is (the title, a day, a group of talks, a session, a general
/// section, a part of a session), then gathers each session's title, speakers, day and
/// status from its lines.
#[derive(Debug)]
pub struct Document<'a> {
    src: &'a [u8],
    syntax: Syntax,
    outline: Outline<'a>,
    title: Option<(usize, String)>,
    sessions: Vec<Session>,
    days: Vec<Arc<DayInfo>>,
    date: Option<rules::Date>,
    explanations: Vec<Explanation>,
}

impl<'a> Document<'a> {
    /// Reads `src`, a plain outline, as conference notes.
    pub fn parse(src: &'a [u8]) -> Document<'a> {
        Document::parse_as(src, Syntax::Outline)
    }

    /// Reads `src`, written in `syntax`, as conference notes.
    pub fn parse_as(src: &'a [u8], syntax: Syntax) -> Document<'a> {
        Document::from_outline(Outline::parse_as(src, syntax))
    }

    /// Reads an outline as conference notes.
    pub fn from_outline(outline: Outline<'a>) -> Document<'a> {
        Document::read(outline, &ReadOptions::default())
    }

    /// The source bytes.
    pub fn src(&self) -> &'a [u8] {
        self.src
    }

    /// The syntax the notes are read in.
    pub fn syntax(&self) -> Syntax {
        self.syntax
    }

    /// The outline underneath.
    pub fn outline(&self) -> &Outline<'a> {
        &self.outline
    }

    /// How the reader read the structure, one note per decision, when it was asked to
    /// explain itself ([`ReadOptions::explain`]).
    pub fn explanations(&self) -> &[Explanation] {
        &self.explanations
    }

    /// The document title, such as "My notes from PyCon 2014.".
    pub fn title(&self) -> Option<&str> {
        self.title.as_ref().map(|(_, t)| t.as_str())
    }

    /// The date the file's metadata gives (front matter `date:`, org `#+DATE:`).
    pub fn date(&self) -> Option<rules::Date> {
        self.date
    }

    /// The index of the title's line.
    pub fn title_line(&self) -> Option<usize> {
        self.title.as_ref().map(|&(i, _)| i)
    }

    /// The sessions in file order.
    pub fn sessions(&self) -> &[Session] {
        &self.sessions
    }

    /// The days, in file order.
    pub fn days(&self) -> impl ExactSizeIterator<Item = &DayInfo> {
        self.days.iter().map(|d| &**d)
    }

    /// The tags of outline line `line`: TaskPaper `@tag` words, org heading tags.
    pub fn line_tags(&self, line: usize) -> Vec<String> {
        let outline = self.outline();
        let content = outline.content(line);
        match self.syntax {
            Syntax::TaskPaper => crate::outline::syntax::tags(&String::from_utf8_lossy(content))
                .into_iter()
                .map(|(name, _)| name.to_string())
                .collect(),
            Syntax::Org if outline.line(line).is_heading() => {
                crate::outline::syntax::org::heading_tags(content)
                    .into_iter()
                    .map(String::from)
                    .collect()
            }
            _ => Vec::new(),
        }
    }

    /// True when line `line`, or a line it is under, has tag `name` (any case, with or
    /// without its `@`).
    pub fn line_has_tag(&self, line: usize, name: &str) -> bool {
        if !matches!(self.syntax, Syntax::TaskPaper | Syntax::Org) {
            return false;
        }
        let name = name.trim_start_matches('@');
        std::iter::once(line)
            .chain(self.outline().ancestors(line))
            .any(|l| {
                self.line_tags(l)
                    .iter()
                    .any(|t| t.eq_ignore_ascii_case(name))
            })
    }

    /// True when the heading of `session`, any line of it, or a heading it is under has
    /// tag `name`.
    pub fn session_has_tag(&self, session: &Session, name: &str) -> bool {
        if !matches!(self.syntax, Syntax::TaskPaper | Syntax::Org) {
            return false;
        }
        let bare = name.trim_start_matches('@');
        self.line_has_tag(session.line(), name)
            || session.lines.clone().any(|l| {
                self.line_tags(l)
                    .iter()
                    .any(|t| t.eq_ignore_ascii_case(bare))
            })
    }

    /// The index of the session that holds outline line `line`, if any.
    pub fn session_of(&self, line: usize) -> Option<usize> {
        let i = self
            .sessions
            .partition_point(|s| s.lines.start <= line)
            .checked_sub(1)?;
        self.sessions[i].lines.contains(&line).then_some(i)
    }

    /// The top-level bullets of a session: for lightning talks, the talks.
    pub fn top_level_bullets<'d>(
        &'d self,
        session: &'d Session,
    ) -> impl Iterator<Item = usize> + 'd {
        let outline = self.outline();
        let first = session.line();
        session.lines.clone().filter(move |&i| {
            outline.line(i).is_bullet()
                && match session.kind {
                    SessionKind::Wishlist => outline.parent(i) == Some(first),
                    _ => outline
                        .parent(i)
                        .is_some_and(|p| outline.line(p).is_heading()),
                }
        })
    }

    /// The non-blank lines of a session after its heading, in file order, with their
    /// depth. Notes written as unindented lines (rule 4 of FORMAT.md) are at depth 1 and
    /// what is under them at depth 2 and below. Computed with a stack, not recursion.
    pub fn notes(&self, session: &Session) -> Vec<Note> {
        let outline = self.outline();
        let mut stack: Vec<Note> = vec![Note {
            line: session.line(),
            depth: 0,
        }];
        let mut notes = Vec::new();
        for line in session.lines.clone().skip(1) {
            if outline.line(line).is_blank() {
                continue;
            }
            let parent = outline
                .parent(line)
                .filter(|&p| p > session.line())
                .unwrap_or(session.line());
            while stack.len() > 1 && stack.last().is_some_and(|n| n.line != parent) {
                stack.pop();
            }
            let note = Note {
                line,
                depth: stack.last().map_or(0, |n| n.depth) + 1,
            };
            stack.push(note);
            notes.push(note);
        }
        notes
    }

    /// The URLs a session's lines give (its heading and notes), in order, each once.
    pub fn links(&self, session: &Session) -> Vec<String> {
        self.links_in(session.lines())
    }

    /// The URLs in these lines, in order, each once.
    pub fn links_in(&self, lines: Range<usize>) -> Vec<String> {
        let outline = self.outline();
        let mut found: Vec<String> = Vec::new();
        for line in lines {
            // Links live in the text, but a heading may hide them in its markup.
            let content = String::from_utf8_lossy(outline.content(line));
            for url in rules::links(&content) {
                if !found.iter().any(|f| f == url) {
                    found.push(url.to_string());
                }
            }
        }
        found
    }

    /// The non-blank lines up to `before` before and `after` after `line` at its level
    /// or below (under the same parent) and inside its session, in order: what grep's
    /// `-B` and `-A` show. Under a session heading, its notes.
    pub fn around(&self, line: usize, before: usize, after: usize) -> (Vec<usize>, Vec<usize>) {
        let outline = self.outline();
        let session = self.session_of(line).map(|s| self.sessions[s].lines());
        let parent = outline.parent(line);
        let (start, end) = match (parent, &session) {
            // A session's heading: its notes come after it, and nothing before.
            (_, Some(lines)) if lines.start == line => (line, lines.end),
            (Some(p), Some(lines)) => (
                p.max(lines.start) + 1,
                outline.subtree_end(p).min(lines.end),
            ),
            // Outside any session: the lines between the sessions around it.
            (Some(p), None) => {
                let next = self.sessions.partition_point(|s| s.lines.start <= line);
                let gap_start = next
                    .checked_sub(1)
                    .map_or(0, |s| self.sessions[s].lines.end);
                let gap_end = self
                    .sessions
                    .get(next)
                    .map_or(outline.len(), |s| s.lines.start);
                ((p + 1).max(gap_start), outline.subtree_end(p).min(gap_end))
            }
            (None, Some(lines)) => (lines.start + 1, lines.end),
            (None, None) => (line, line + 1),
        };
        let visible = |&i: &usize| !outline.line(i).is_blank();
        let mut up: Vec<usize> = (start..line).rev().filter(visible).take(before).collect();
        up.reverse();
        let down = (line + 1..end.max(line + 1))
            .filter(visible)
            .take(after)
            .collect();
        (up, down)
    }

    /// The lines above `line`, outermost first, inside its session when it is in one:
    /// the bullets, and where headings nest by level, the sub-section headings.
    pub fn context(&self, line: usize) -> Vec<usize> {
        let outline = self.outline();
        // A sub-heading that titles the session is part of its heading.
        let floor = self.session_of(line).map(|s| {
            let session = &self.sessions[s];
            session.titled_by.unwrap_or(session.line())
        });
        let headings = self.syntax.nests_headings();
        let mut path: Vec<usize> = outline
            .ancestors(line)
            .take_while(|&a| floor.is_none_or(|f| a > f))
            .filter(|&a| headings || !outline.line(a).is_heading())
            .collect();
        path.reverse();
        path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wishlist_of_lightning_talks_holds_only_its_bullets() {
        let src =
            "* Lightning talks I did not see:\nGuido van Rossum\n- [ ] A talk\n---\nAnother\n";
        let doc = Document::parse_as(src.as_bytes(), Syntax::Org);
        let kinds: Vec<_> = doc
            .sessions()
            .iter()
            .map(|s| (s.line(), s.kind()))
            .collect();
        assert_eq!(kinds, [(2, SessionKind::Wishlist)]);
    }

    #[test]
    fn sessions_read_in_part_keep_lines_headings_and_days() {
        let src = "Notes\n\nFriday\n\nFirst talk, Ann Lee\n  • Missed due to lunch\n\n\
                   Second talk, Bo Li\n  • a point\n\nSaturday\n\nThird talk – Cy Young\n  • x\n";
        let at = src.find("a point").unwrap();
        let full = Document::parse(src.as_bytes());
        let options = ReadOptions {
            full_at: Some(vec![at].into()),
            ..ReadOptions::default()
        };
        let part = Document::read(Outline::parse(src.as_bytes()), &options);
        assert_eq!(part.sessions().len(), full.sessions().len());
        for (p, f) in part.sessions().iter().zip(full.sessions()) {
            assert_eq!(p.lines, f.lines);
            assert_eq!(p.heading(), f.heading());
            assert_eq!(p.day_info(), f.day_info());
        }
        // The session with the offset is read in full; the others are not.
        assert_eq!(
            format!("{:?}", part.sessions()[1]),
            format!("{:?}", full.sessions()[1])
        );
        assert_eq!(part.sessions()[0].title(), "First talk, Ann Lee");
        assert!(part.sessions()[0].speakers().is_empty());
        assert_eq!(part.sessions()[0].status(), Status::Attended);
        assert_eq!(full.sessions()[0].status(), Status::Missed);
    }

    fn titles(doc: &Document) -> Vec<String> {
        doc.sessions()
            .iter()
            .map(|s| s.title().to_string())
            .collect()
    }

    #[test]
    fn days_parse_in_full_or_short() {
        for (word, day) in [
            ("friday", Day::Friday),
            ("FRI", Day::Friday),
            ("Sat", Day::Saturday),
            ("tues", Day::Tuesday),
            ("thurs", Day::Thursday),
            ("weds", Day::Wednesday),
        ] {
            assert_eq!(Day::parse(word), Some(day), "{word}");
        }
        for word in ["fr", "fridya", "", "thursd"] {
            assert_eq!(Day::parse(word), None, "{word}");
        }
    }

    #[test]
    fn notes_sessions_and_days() {
        let doc = Document::parse(
            b"My notes\n\nFirst Talk, Alice Smith\n\nFurther reading:\n  - x\n\
              Second Talk\n  - Missed: sick\nLightning Talks, Friday PM\n  - one\n  - two\n\
              Saturday\nThird\n",
        );
        assert_eq!(doc.title(), Some("My notes"));
        assert_eq!(
            titles(&doc),
            [
                "First Talk",
                "Second Talk",
                "Lightning Talks, Friday PM",
                "Third"
            ]
        );
        let s = doc.sessions();
        assert_eq!(s[0].speakers(), ["Alice Smith"]);
        assert_eq!(s[0].lines(), 2..6);
        assert_eq!(s[1].status(), Status::Missed);
        assert_eq!(s[1].reason(), Some("sick"));
        assert_eq!(s[2].kind(), SessionKind::LightningTalks);
        assert_eq!(doc.top_level_bullets(&s[2]).count(), 2);
        let talks: Vec<&str> = s[2].talks().iter().map(Talk::title).collect();
        assert_eq!(talks, ["one", "two"]);
        assert_eq!(s[2].talks()[1].line_number().get(), 11);
        let days: Vec<_> = s.iter().map(Session::day).collect();
        assert_eq!(
            days,
            [
                Some(Day::Friday),
                Some(Day::Friday),
                Some(Day::Friday),
                Some(Day::Saturday)
            ]
        );
        assert_eq!(doc.session_of(4), Some(0));
        assert_eq!(doc.session_of(0), None);
        assert_eq!(doc.session_of(11), None);
    }

    #[test]
    fn wishlists_are_not_seen_and_have_no_day() {
        let doc = Document::parse(
            "Friday\nTalk\n  - x\nTalks I did not see:\n  - Would like to see: A – Bo Li\n  - B\n    - why\n"
                .as_bytes(),
        );
        let s = doc.sessions();
        assert_eq!(titles(&doc), ["Talk", "A", "B"]);
        assert_eq!(s[1].speakers(), ["Bo Li"]);
        assert_eq!(s[1].status(), Status::NotSeen);
        assert_eq!(s[2].day(), None);
        assert_eq!(s[2].lines(), 5..7);
        assert_eq!(s[0].lines(), 1..3);
    }

    #[test]
    fn a_file_without_days_has_no_days() {
        let doc = Document::parse(b"A talk\n  - x\nAnother talk\n  - y\n");
        assert!(doc.sessions().iter().all(|s| s.day().is_none()));
        assert_eq!(doc.title(), None);
    }

    #[test]
    fn notes_have_depths_under_their_session() {
        let doc = Document::parse(
            b"Title\n\nTalk\n\nNotes:\n  - a\n    - b\n\n  - c\n      code\nNext\n",
        );
        let notes: Vec<(usize, usize)> = doc
            .notes(&doc.sessions()[0])
            .iter()
            .map(|n| (n.line, n.depth))
            .collect();
        assert_eq!(notes, [(4, 1), (5, 2), (6, 3), (8, 2), (9, 3)]);
        assert!(doc.notes(&doc.sessions()[1]).is_empty());
    }

    fn titles_as(src: &str, syntax: Syntax) -> Vec<String> {
        titles(&Document::parse_as(src.as_bytes(), syntax))
    }

    #[test]
    fn sessions_are_the_outermost_level_that_holds_notes() {
        let org = "* Tracing\n - a\n* Growing the cluster\n** Caches\n - b\n";
        assert_eq!(
            titles_as(org, Syntax::Org),
            ["Tracing", "Growing the cluster"]
        );
        let md = "# Conf\n## Saturday\n### Talk\n- a\n#### Questions\n- b\n";
        assert_eq!(titles_as(md, Syntax::Markdown), ["Talk"]);
        // An overview with notes does not make its level the sessions' when the talks
        // under the days would then belong to no session.
        let md = "# Conf\n## Overview\nIn Brno.\n## Friday\n### A\n- a\n### B\n- b\n";
        assert_eq!(titles_as(md, Syntax::Markdown), ["A", "B"]);
        let md = "## Track\n### A\n- a\n";
        assert_eq!(titles_as(md, Syntax::Markdown), ["A"]);
        let doc = Document::parse_as(b"## Track\n### A\n- a\n### B\n", Syntax::Markdown);
        assert_eq!(doc.sessions()[1].lines(), 3..4);
    }

    #[test]
    fn speakers_from_the_lines_under_a_heading() {
        let md = "## Talk one\n- speaker: Bob Rogers\n- x\n## Talk two\nby Ann Lee\n\n## Talk three\n- x\n- speaker: Cy Young\n";
        let doc = Document::parse_as(md.as_bytes(), Syntax::Markdown);
        let speakers: Vec<Vec<&str>> = doc.sessions().iter().map(Session::speakers).collect();
        assert_eq!(speakers, [vec!["Bob Rogers"], vec!["Ann Lee"], vec![]]);
        let outline = "Title\n\nEmpty talk\nGuido van Rossum\n  - notes\nNext, Ann Lee\nBo Li\n";
        let doc = Document::parse(outline.as_bytes());
        assert_eq!(titles(&doc), ["Empty talk", "Next", "Bo Li"]);
        assert_eq!(doc.sessions()[0].speakers(), ["Guido van Rossum"]);
    }

    #[test]
    fn days_are_numbered_in_file_order() {
        let md =
            "## Day 1\n### A\n- a\n## 2019-11-16\n### B\n- b\n### Lightning talks, Sunday\n- c\n";
        let doc = Document::parse_as(md.as_bytes(), Syntax::Markdown);
        let days: Vec<(usize, Option<Day>, Option<&str>)> = doc
            .days()
            .map(|d| (d.number, d.weekday, d.label.as_deref()))
            .collect();
        assert_eq!(
            days,
            [
                (1, None, Some("Day 1")),
                (2, Some(Day::Saturday), Some("2019-11-16")),
                (3, Some(Day::Sunday), None)
            ]
        );
        let numbers: Vec<Option<usize>> = doc
            .sessions()
            .iter()
            .map(|s| s.day_info().map(|d| d.number))
            .collect();
        assert_eq!(numbers, [Some(1), Some(2), Some(3)]);
    }

    #[test]
    fn context_skips_headings() {
        let doc = Document::parse(b"Talk\n\nNotes:\n  - a\n    - b\n      - c\n");
        assert_eq!(doc.context(5), [3, 4]);
        assert_eq!(doc.context(0), Vec::<usize>::new());
    }
}
