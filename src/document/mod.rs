//! Layer 2: the conference reading of an outline.
//!
//! A [`Document`] is an [`Outline`] plus what the rules in [`rules`] infer from it: an
//! optional title and the sessions, each with its day, speakers, kind and status. Every
//! session keeps the range of outline lines it covers, so its notes can be printed
//! exactly as written. No I/O, no colour.

pub mod rules;

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use crate::outline::Outline;

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
        let lower = word.to_ascii_lowercase();
        let short = match lower.as_str() {
            "tues" => "tue",
            "weds" => "wed",
            "thur" | "thurs" => "thu",
            other => other,
        };
        Day::ALL
            .into_iter()
            .find(|d| d.name() == short || (short.len() == 3 && d.name().starts_with(short)))
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error for a string that names no day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownDay(pub String);

impl fmt::Display for UnknownDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown day `{}`: expected a weekday in full or in three letters \
             (monday or mon, tuesday or tue, ..., sunday or sun), in any case",
            self.0
        )
    }
}

impl std::error::Error for UnknownDay {}

impl FromStr for Day {
    type Err = UnknownDay;

    fn from_str(s: &str) -> Result<Day, UnknownDay> {
        Day::parse(s.trim()).ok_or_else(|| UnknownDay(s.to_string()))
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
    title: String,
    speakers: Vec<String>,
    handles: Vec<String>,
}

impl Talk {
    /// Index of the talk's bullet in the outline.
    pub fn line(&self) -> usize {
        self.line
    }

    /// 1-based line number of the bullet.
    pub fn line_number(&self) -> usize {
        self.line + 1
    }

    /// The title, without speaker and handles.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The speakers, when the bullet names them ("Python .NET, John Gill").
    pub fn speakers(&self) -> &[String] {
        &self.speakers
    }

    /// `@handles` on the bullet.
    pub fn handles(&self) -> &[String] {
        &self.handles
    }
}

/// One session: a talk, a block of lightning talks or a wishlist item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    line: usize,
    lines: Range<usize>,
    title: String,
    speakers: Vec<String>,
    handles: Vec<String>,
    room: Option<String>,
    day: Option<Day>,
    kind: SessionKind,
    status: Status,
    reason: Option<String>,
    talks: Vec<Talk>,
}

impl Session {
    /// Index of the session's heading (or wishlist bullet) in the outline.
    pub fn line(&self) -> usize {
        self.line
    }

    /// 1-based line number of the heading.
    pub fn line_number(&self) -> usize {
        self.line + 1
    }

    /// The outline lines the session covers: heading, notes, trailing blank lines.
    pub fn lines(&self) -> Range<usize> {
        self.lines.clone()
    }

    /// The title: the heading without speakers, handles and room.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The speakers, in the order the heading gives them.
    pub fn speakers(&self) -> &[String] {
        &self.speakers
    }

    /// Trailing `@handles` of the heading.
    pub fn handles(&self) -> &[String] {
        &self.handles
    }

    /// The room, when the heading names one after the speaker.
    pub fn room(&self) -> Option<&str> {
        self.room.as_deref()
    }

    /// The day, when the notes say.
    pub fn day(&self) -> Option<Day> {
        self.day
    }

    /// Talk, lightning talks or wishlist item.
    pub fn kind(&self) -> SessionKind {
        self.kind
    }

    /// Attended, missed, partial or not seen.
    pub fn status(&self) -> Status {
        self.status
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
pub fn named_after_speaker(title: &str, speakers: &[String]) -> bool {
    speakers.len() == 1 && speakers[0] == title
}

/// An outline read as conference notes.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    outline: Outline<'a>,
    title: Option<usize>,
    sessions: Vec<Session>,
}

impl<'a> Document<'a> {
    /// Parses `src` as an outline and reads it as conference notes.
    pub fn parse(src: &'a [u8]) -> Document<'a> {
        Document::from_outline(Outline::parse(src))
    }

    /// Reads an outline as conference notes.
    pub fn from_outline(outline: Outline<'a>) -> Document<'a> {
        let title = rules::title(&outline);
        let sessions = Reader::new(&outline, title).read();
        Document {
            outline,
            title,
            sessions,
        }
    }

    /// The outline underneath.
    pub fn outline(&self) -> &Outline<'a> {
        &self.outline
    }

    /// The document title, such as "My notes from PyCon 2014.".
    pub fn title(&self) -> Option<Cow<'a, str>> {
        self.title.map(|i| self.outline.text(i))
    }

    /// The sessions in file order.
    pub fn sessions(&self) -> &[Session] {
        &self.sessions
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
        top_level_bullets(&self.outline, session.kind, session.lines.clone())
    }

    /// The non-blank lines of a session after its heading, in file order, with their
    /// depth. Notes written as unindented lines (rule 4 of FORMAT.md) are at depth 1 and
    /// what is under them at depth 2 and below. Computed with a stack, not recursion.
    pub fn notes(&self, session: &Session) -> Vec<Note> {
        let outline = &self.outline;
        let mut stack: Vec<Note> = vec![Note {
            line: session.line,
            depth: 0,
        }];
        let mut notes = Vec::new();
        for line in session.lines.clone().skip(1) {
            if outline.line(line).is_blank() {
                continue;
            }
            let parent = outline
                .parent(line)
                .filter(|&p| p > session.line)
                .unwrap_or(session.line);
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

    /// The texts of the bullets and text lines above `line` inside its session,
    /// outermost first (headings, which are the session or notes of it, are left out).
    pub fn context(&self, line: usize) -> Vec<usize> {
        let Some(session) = self.session_of(line).map(|i| &self.sessions[i]) else {
            return Vec::new();
        };
        let mut path: Vec<usize> = self
            .outline
            .ancestors(line)
            .take_while(|&a| a > session.line)
            .filter(|&a| !self.outline.line(a).is_heading())
            .collect();
        path.reverse();
        path
    }
}

fn top_level_bullets<'o>(
    outline: &'o Outline,
    kind: SessionKind,
    lines: Range<usize>,
) -> impl Iterator<Item = usize> + 'o {
    let first = lines.start;
    lines.filter(move |&i| {
        let line = outline.line(i);
        line.is_bullet()
            && match kind {
                SessionKind::Wishlist => outline.parent(i) == Some(first),
                _ => outline
                    .parent(i)
                    .is_some_and(|p| outline.line(p).is_heading()),
            }
    })
}

/// Walks the root headings once and applies the rules in order.
struct Reader<'o, 'a> {
    outline: &'o Outline<'a>,
    title: Option<usize>,
    sessions: Vec<Session>,
    /// Headings that end the session before them, in order.
    boundaries: Vec<usize>,
    day: Option<Day>,
    /// Sessions read before the first day mention: they take that day.
    undated: Vec<usize>,
}

impl<'o, 'a> Reader<'o, 'a> {
    fn new(outline: &'o Outline<'a>, title: Option<usize>) -> Self {
        Reader {
            outline,
            title,
            sessions: Vec::new(),
            boundaries: Vec::new(),
            day: None,
            undated: Vec::new(),
        }
    }

    fn read(mut self) -> Vec<Session> {
        let outline = self.outline;
        // True while the last session's heading has nothing under it yet.
        let mut open_and_empty = false;
        let headings = outline.roots().filter(|&i| outline.line(i).is_heading());
        for h in headings {
            if Some(h) == self.title {
                continue;
            }
            let text = outline.text(h);
            if rules::is_separator(&text) {
                continue;
            }
            let was_empty = std::mem::replace(&mut open_and_empty, false);
            if let Some(day) = rules::day_heading(&text) {
                self.boundaries.push(h);
                self.set_day(day);
            } else if rules::is_wishlist_heading(&text) {
                self.boundaries.push(h);
                self.read_wishlist(h);
            } else if was_empty && rules::is_note(&text) {
                // A note of the session above: it neither starts nor ends a session.
            } else {
                self.boundaries.push(h);
                if let Some(day) = rules::mentioned_day(&text) {
                    self.set_day(day);
                }
                self.read_talk(h, &text);
                open_and_empty = outline
                    .next_non_blank(h + 1)
                    .is_none_or(|next| next >= outline.subtree_end(h));
            }
        }
        self.close_talks();
        self.sessions
    }

    fn set_day(&mut self, day: Day) {
        if self.day.is_none() {
            for &i in &self.undated {
                self.sessions[i].day = Some(day);
            }
            self.undated.clear();
        }
        self.day = Some(day);
    }

    fn read_talk(&mut self, h: usize, text: &str) {
        let byline = rules::byline(text);
        let kind = if rules::is_lightning_talks(text) {
            SessionKind::LightningTalks
        } else {
            SessionKind::Talk
        };
        if self.day.is_none() {
            self.undated.push(self.sessions.len());
        }
        self.sessions
            .push(session(h, h..h + 1, byline, kind, self.day));
    }

    fn read_wishlist(&mut self, h: usize) {
        let outline = self.outline;
        for item in outline.children(h).filter(|&i| outline.line(i).is_bullet()) {
            let text = outline.text(item);
            let byline = rules::byline(rules::wishlist_title(&text));
            let lines = item..outline.subtree_end(item);
            let mut s = session(item, lines, byline, SessionKind::Wishlist, None);
            s.status = Status::NotSeen;
            self.sessions.push(s);
        }
    }

    /// Each talk runs to the next boundary; its status comes from its top-level bullets.
    fn close_talks(&mut self) {
        let outline = self.outline;
        let mut next = 0;
        for s in &mut self.sessions {
            if s.kind == SessionKind::Wishlist {
                continue;
            }
            while next < self.boundaries.len() && self.boundaries[next] <= s.line {
                next += 1;
            }
            let end = self.boundaries.get(next).copied().unwrap_or(outline.len());
            s.lines = s.line..end;
            let found = top_level_bullets(outline, s.kind, s.lines.clone()).find_map(|b| {
                let text = outline.text(b);
                rules::status(&text).map(|(status, reason)| (status, reason.map(String::from)))
            });
            if let Some((status, reason)) = found {
                s.status = status;
                s.reason = reason;
            }
            if s.kind == SessionKind::LightningTalks {
                s.talks = top_level_bullets(outline, s.kind, s.lines.clone())
                    .map(|b| talk(b, &outline.text(b)))
                    .collect();
            }
        }
    }
}

fn talk(line: usize, text: &str) -> Talk {
    let byline = rules::talk_byline(text);
    Talk {
        line,
        title: byline.title.to_string(),
        speakers: byline.speakers.into_iter().map(String::from).collect(),
        handles: byline.handles.into_iter().map(String::from).collect(),
    }
}

fn session(
    line: usize,
    lines: Range<usize>,
    byline: rules::Byline,
    kind: SessionKind,
    day: Option<Day>,
) -> Session {
    let strings = |v: Vec<&str>| v.into_iter().map(String::from).collect();
    Session {
        line,
        lines,
        title: byline.title.to_string(),
        speakers: strings(byline.speakers),
        handles: strings(byline.handles),
        room: byline.room.map(String::from),
        day,
        kind,
        status: Status::Attended,
        reason: None,
        talks: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            assert_eq!(word.parse::<Day>(), Ok(day), "{word}");
        }
        for word in ["fr", "fridya", "", "thursd"] {
            assert!(word.parse::<Day>().is_err(), "{word}");
        }
    }

    #[test]
    fn notes_sessions_and_days() {
        let doc = Document::parse(
            b"My notes\n\nFirst Talk, Alice Smith\n\nFurther reading:\n  - x\n\
              Second Talk\n  - Missed: sick\nLightning Talks, Friday PM\n  - one\n  - two\n\
              Saturday\nThird\n",
        );
        assert_eq!(doc.title().as_deref(), Some("My notes"));
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
        assert_eq!(s[2].talks()[1].line_number(), 11);
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

    #[test]
    fn context_skips_headings() {
        let doc = Document::parse(b"Talk\n\nNotes:\n  - a\n    - b\n      - c\n");
        assert_eq!(doc.context(5), [3, 4]);
        assert_eq!(doc.context(0), Vec::<usize>::new());
    }
}
