//! Layer 2: the conference reading of an outline.
//!
//! A [`Document`] is an [`Outline`] plus what the rules in [`rules`] infer from it: an
//! optional title and the sessions, each with its day, speakers, kind and status. Every
//! session keeps the range of outline lines it covers, so its notes can be printed
//! exactly as written. No I/O, no colour.

pub mod rules;

use std::borrow::Cow;
use std::cell::OnceCell;
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use crate::outline::{Kind as OutlineKind, Outline, Scanned, Sink, scan};
use rules::HeadingRole;

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

/// A heading's (or bullet's) text. What the speaker rule reads in it is worked out
/// when asked for, borrowing from the text: most commands print few sessions, and
/// keeping every split would cost memory for nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Heading {
    text: Box<str>,
    reading: Reading,
}

/// Which rule reads a heading's speakers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// A session heading: [`rules::byline`].
    Session,
    /// A wishlist bullet: [`rules::byline`] without "Would like to see:".
    WishlistItem,
    /// A lightning talk's bullet: [`rules::talk_byline`].
    Talk,
}

impl Heading {
    fn new(text: &str, reading: Reading) -> Heading {
        Heading {
            text: text.into(),
            reading,
        }
    }

    fn byline(&self) -> rules::Byline<'_> {
        match self.reading {
            Reading::Session => rules::byline(&self.text),
            Reading::WishlistItem => rules::byline(rules::wishlist_title(&self.text)),
            Reading::Talk => rules::talk_byline(&self.text),
        }
    }
}

/// One lightning talk: a top-level bullet of a lightning-talks session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Talk {
    line: usize,
    bytes: Range<usize>,
    heading: Heading,
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

    /// The bytes of the bullet and what is under it, in the source.
    pub fn bytes(&self) -> Range<usize> {
        self.bytes.clone()
    }

    /// The bullet's text.
    pub fn text(&self) -> &str {
        &self.heading.text
    }

    /// Title, speakers and handles, as the speaker rule reads the bullet. Each call
    /// reads it again: keep the result when you need several parts.
    pub fn byline(&self) -> rules::Byline<'_> {
        self.heading.byline()
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

/// One session: a talk, a block of lightning talks or a wishlist item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    line: usize,
    lines: Range<usize>,
    bytes: Range<usize>,
    heading: Heading,
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

    /// The bytes of those lines in the source.
    pub fn bytes(&self) -> Range<usize> {
        self.bytes.clone()
    }

    /// The heading's text (for a wishlist item, the bullet's).
    pub fn heading(&self) -> &str {
        &self.heading.text
    }

    /// Title, speakers, handles and room, as the speaker rule reads the heading. Each
    /// call reads it again: keep the result when you need several parts.
    pub fn byline(&self) -> rules::Byline<'_> {
        self.heading.byline()
    }

    /// The title: the heading without speakers, handles and room.
    pub fn title(&self) -> &str {
        self.byline().title
    }

    /// The speakers, in the order the heading gives them.
    pub fn speakers(&self) -> Vec<&str> {
        self.byline().speakers
    }

    /// Trailing `@handles` of the heading.
    pub fn handles(&self) -> Vec<&str> {
        self.byline().handles
    }

    /// The room, when the heading names one after the speaker.
    pub fn room(&self) -> Option<&str> {
        self.byline().room
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
pub fn named_after_speaker(title: &str, speakers: &[impl AsRef<str>]) -> bool {
    speakers.len() == 1 && speakers[0].as_ref() == title
}

/// An outline read as conference notes.
///
/// Reading needs one pass over the lines and keeps only the sessions; the per-line
/// [`Outline`] is built the first time something asks for it.
#[derive(Debug)]
pub struct Document<'a> {
    src: &'a [u8],
    outline: OnceCell<Outline<'a>>,
    title: Option<(usize, String)>,
    sessions: Vec<Session>,
}

impl<'a> Document<'a> {
    /// Reads `src` as conference notes.
    pub fn parse(src: &'a [u8]) -> Document<'a> {
        let mut reader = Reader::new(src);
        reader.sessions.reserve(src.len() / 256);
        scan(src, &mut reader);
        let (title, sessions) = reader.finish();
        Document {
            src,
            outline: OnceCell::new(),
            title,
            sessions,
        }
    }

    /// Reads an outline as conference notes.
    pub fn from_outline(outline: Outline<'a>) -> Document<'a> {
        let doc = Document::parse(outline.src());
        let _ = doc.outline.set(outline);
        doc
    }

    /// The source bytes.
    pub fn src(&self) -> &'a [u8] {
        self.src
    }

    /// The outline underneath, parsed on first use.
    pub fn outline(&self) -> &Outline<'a> {
        self.outline.get_or_init(|| Outline::parse(self.src))
    }

    /// The document title, such as "My notes from PyCon 2014.".
    pub fn title(&self) -> Option<&str> {
        self.title.as_ref().map(|(_, t)| t.as_str())
    }

    /// The index of the title's line.
    pub fn title_line(&self) -> Option<usize> {
        self.title.as_ref().map(|&(i, _)| i)
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
        let outline = self.outline();
        let first = session.line;
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

    /// The bullets above `line`, outermost first: inside its session when it is in
    /// one (headings, which are the session or notes of it, are left out).
    pub fn context(&self, line: usize) -> Vec<usize> {
        let outline = self.outline();
        let floor = self.session_of(line).map(|s| self.sessions[s].line);
        let mut path: Vec<usize> = outline
            .ancestors(line)
            .take_while(|&a| floor.is_none_or(|f| a > f))
            .filter(|&a| !outline.line(a).is_heading())
            .collect();
        path.reverse();
        path
    }
}

/// Reads sessions from the scanned lines in one pass, applying the rules in order.
struct Reader<'s> {
    src: &'s [u8],
    sessions: Vec<Session>,
    title: Option<(usize, String)>,
    /// The first heading, until the next non-blank line says whether it is the title.
    first: Option<(usize, usize, String)>,
    seen_heading: bool,
    day: Option<Day>,
    /// Sessions read before the first day mention: they take that day.
    undated: Vec<usize>,
    /// The talk (or lightning talks) session being read.
    talk: Option<usize>,
    /// The lightning talk being read, in the open session's talks.
    talk_item: bool,
    /// The wishlist heading whose bullets are sessions, and the item being read.
    wishlist: Option<usize>,
    item: Option<usize>,
    /// True while the last session's heading has nothing under it yet.
    open_and_empty: bool,
    /// The latest unindented heading: bullets directly under it are top-level.
    last_root: Option<usize>,
    lines: usize,
}

impl<'s> Reader<'s> {
    fn new(src: &'s [u8]) -> Self {
        Reader {
            src,
            sessions: Vec::new(),
            title: None,
            first: None,
            seen_heading: false,
            day: None,
            undated: Vec::new(),
            talk: None,
            talk_item: false,
            wishlist: None,
            item: None,
            open_and_empty: false,
            last_root: None,
            lines: 0,
        }
    }

    fn finish(mut self) -> (Option<(usize, String)>, Vec<Session>) {
        if let Some((index, start, text)) = self.first.take() {
            self.heading(index, start, &text);
        }
        let (end, at) = (self.lines, self.src.len());
        self.close_item(end, at);
        self.close_talk(end, at);
        (self.title, self.sessions)
    }

    /// A heading: rules 2 to 4 of FORMAT.md, in order.
    fn heading(&mut self, index: usize, start: usize, text: &str) {
        self.close_item(index, start);
        self.close_talk_item(start);
        let role = rules::heading_role(text, self.open_and_empty);
        if role != HeadingRole::Separator {
            self.open_and_empty = false;
        }
        match role {
            // A separator, or a note of the session above: neither starts nor ends one.
            HeadingRole::Separator | HeadingRole::Note => {}
            HeadingRole::Day(day) => {
                self.close_talk(index, start);
                self.wishlist = None;
                self.set_day(day);
            }
            HeadingRole::Wishlist => {
                self.close_talk(index, start);
                self.wishlist = Some(index);
            }
            HeadingRole::Session => self.session_heading(index, start, text),
        }
    }

    /// A heading that starts a session (or a block of lightning talks).
    fn session_heading(&mut self, index: usize, start: usize, text: &str) {
        self.close_talk(index, start);
        self.wishlist = None;
        if let Some(day) = rules::mentioned_day(text) {
            self.set_day(day);
        }
        let kind = if rules::is_lightning_talks(text) {
            SessionKind::LightningTalks
        } else {
            SessionKind::Talk
        };
        if self.day.is_none() {
            self.undated.push(self.sessions.len());
        }
        self.talk = Some(self.sessions.len());
        let heading = Heading::new(text, Reading::Session);
        self.sessions
            .push(session(index, start, heading, kind, self.day));
        self.open_and_empty = true;
    }

    /// A bullet directly under a heading: a wishlist item, or a status or lightning
    /// talk of the open session.
    fn top_level_bullet(&mut self, line: &Scanned, text: &str) {
        if self.wishlist.is_some() && line.parent == self.wishlist {
            self.close_item(line.index, line.start);
            let heading = Heading::new(text, Reading::WishlistItem);
            let mut item = session(line.index, line.start, heading, SessionKind::Wishlist, None);
            item.status = Status::NotSeen;
            self.item = Some(self.sessions.len());
            self.sessions.push(item);
            return;
        }
        let Some(t) = self.talk else {
            return;
        };
        self.close_talk_item(line.start);
        let session = &mut self.sessions[t];
        if session.status == Status::Attended
            && let Some((status, reason)) = rules::status(text)
        {
            session.status = status;
            session.reason = reason.map(String::from);
        }
        if session.kind == SessionKind::LightningTalks {
            session.talks.push(talk(line.index, line.start, text));
            self.talk_item = true;
        }
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

    fn close_talk(&mut self, end: usize, at: usize) {
        self.close_talk_item(at);
        if let Some(t) = self.talk.take() {
            self.sessions[t].lines.end = end;
            self.sessions[t].bytes.end = at;
        }
    }

    fn close_talk_item(&mut self, at: usize) {
        if std::mem::take(&mut self.talk_item)
            && let Some(talk) = self.talk.and_then(|t| self.sessions[t].talks.last_mut())
        {
            talk.bytes.end = at;
        }
    }

    fn close_item(&mut self, end: usize, at: usize) {
        if let Some(i) = self.item.take() {
            self.sessions[i].lines.end = end;
            self.sessions[i].bytes.end = at;
        }
    }
}

impl<'s> Reader<'s> {
    /// Bytes `range` of the source as text.
    fn decode(&self, range: Range<usize>) -> Cow<'s, str> {
        let bytes = &self.src[range];
        match std::str::from_utf8(bytes) {
            Ok(text) => Cow::Borrowed(text),
            Err(_) => String::from_utf8_lossy(bytes),
        }
    }
}

/// Whether a bullet's text may be a status: it starts like "missed" or "partial".
fn may_be_status(text: &[u8]) -> bool {
    [&b"missed"[..], b"partial"].iter().any(|k| {
        text.get(..k.len())
            .is_some_and(|t| t.eq_ignore_ascii_case(k))
    })
}

impl Sink for Reader<'_> {
    fn line(&mut self, line: &Scanned) {
        self.lines = line.index + 1;
        if line.shape.kind == OutlineKind::Blank {
            return;
        }
        let is_heading = matches!(line.shape.kind, OutlineKind::Heading { .. });
        if let Some((index, start, text)) = self.first.take() {
            if rules::is_title(&text, is_heading) {
                self.title = Some((index, text));
            } else {
                self.heading(index, start, &text);
            }
        }
        let text_range = line.body_start + line.shape.text.0..line.body_start + line.shape.text.1;
        if is_heading {
            let text = self.decode(text_range);
            self.last_root = Some(line.index);
            if !std::mem::replace(&mut self.seen_heading, true) {
                self.first = Some((line.index, line.start, text.into_owned()));
            } else {
                self.heading(line.index, line.start, &text);
            }
            return;
        }
        self.open_and_empty = false;
        if matches!(line.shape.kind, OutlineKind::Bullet(_))
            && line.parent.is_some()
            && line.parent == self.last_root
        {
            let read = self.wishlist.is_some()
                || self.talk.is_some_and(|t| {
                    let session = &self.sessions[t];
                    session.kind == SessionKind::LightningTalks
                        || (session.status == Status::Attended
                            && may_be_status(&self.src[text_range.clone()]))
                });
            if read {
                let text = self.decode(text_range);
                self.top_level_bullet(line, &text);
            }
        }
    }
}

fn talk(line: usize, start: usize, text: &str) -> Talk {
    Talk {
        line,
        bytes: start..start,
        heading: Heading::new(text, Reading::Talk),
    }
}

fn session(
    line: usize,
    start: usize,
    heading: Heading,
    kind: SessionKind,
    day: Option<Day>,
) -> Session {
    Session {
        line,
        lines: line..line + 1,
        bytes: start..start,
        heading,
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
