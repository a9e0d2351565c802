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
use std::sync::Arc;

use crate::outline::{Kind as OutlineKind, Outline, Scanned, Sink, Syntax, scan};
use rules::{Before, DaySpec, HeadingRole};

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

/// One day of the notes: a day heading ("Day 2", "Saturday, November 16"), or a
/// weekday that a session heading names ("Lightning Talks, Friday PM").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayInfo {
    /// 1-based, in file order.
    pub number: usize,
    /// The weekday, when the notes name it or a dated heading gives it.
    pub weekday: Option<Day>,
    /// The date, when the day heading gives one.
    pub date: Option<rules::Date>,
    /// The day heading's text, when there is one.
    pub label: Option<String>,
}

impl DayInfo {
    /// True when `spec` names this day.
    pub fn matches(&self, spec: &DaySpec) -> bool {
        match spec {
            DaySpec::Weekday(day) => self.weekday == Some(*day),
            DaySpec::Number(n) => self.number == *n as usize,
            DaySpec::Date(date) => self.date.is_some_and(|d| d.matches(date)),
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

/// One session: a talk, a block of lightning talks or a wishlist item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    line: usize,
    lines: Range<usize>,
    bytes: Range<usize>,
    heading: Heading,
    /// Speakers named in the notes under the heading, when they say.
    noted_speakers: Option<Box<str>>,
    day: Option<Arc<DayInfo>>,
    kind: SessionKind,
    status: Status,
    reason: Option<String>,
    talks: Vec<Talk>,
    tags: Vec<String>,
    state: Option<&'static str>,
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

    /// Title, speakers, handles and room, as the speaker rule reads the heading (the
    /// speakers may come from a `speaker:` line or a name under it). Each call reads it
    /// again: keep the result when you need several parts.
    pub fn byline(&self) -> rules::Byline<'_> {
        let mut byline = self.heading.byline();
        if let Some(names) = &self.noted_speakers {
            byline.speakers = rules::split_names(names);
        }
        byline
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

    /// The weekday, when the notes say.
    pub fn day(&self) -> Option<Day> {
        self.day.as_ref().and_then(|d| d.weekday)
    }

    /// The day the session is on, when the notes have days.
    pub fn day_info(&self) -> Option<&DayInfo> {
        self.day.as_deref()
    }

    /// Tags of the heading: TaskPaper `@tag` and `@tag(value)`, org `:tag:`.
    pub fn tags(&self) -> &[String] {
        &self.tags
    }

    /// The org-mode TODO state of the heading (`TODO`, `DONE`), if any.
    pub fn state(&self) -> Option<&str> {
        self.state
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
/// Reading needs one pass over the lines and keeps only headings, top-level bullets
/// and the sessions; the per-line [`Outline`] is built the first time something asks
/// for it.
#[derive(Debug)]
pub struct Document<'a> {
    src: &'a [u8],
    syntax: Syntax,
    outline: OnceCell<Outline<'a>>,
    title: Option<(usize, String)>,
    sessions: Vec<Session>,
    days: Vec<Arc<DayInfo>>,
}

impl<'a> Document<'a> {
    /// Reads `src`, a plain outline, as conference notes.
    pub fn parse(src: &'a [u8]) -> Document<'a> {
        Document::parse_as(src, Syntax::Outline)
    }

    /// Reads `src`, written in `syntax`, as conference notes.
    pub fn parse_as(src: &'a [u8], syntax: Syntax) -> Document<'a> {
        let mut collector = Collector::new(src, syntax);
        scan(src, syntax, &mut collector);
        let read = Reader::new(src, syntax).read(collector);
        Document {
            src,
            syntax,
            outline: OnceCell::new(),
            title: read.title,
            sessions: read.sessions,
            days: read.days,
        }
    }

    /// Reads an outline as conference notes.
    pub fn from_outline(outline: Outline<'a>) -> Document<'a> {
        let doc = Document::parse_as(outline.src(), outline.syntax());
        let _ = doc.outline.set(outline);
        doc
    }

    /// The source bytes.
    pub fn src(&self) -> &'a [u8] {
        self.src
    }

    /// The syntax the notes are read in.
    pub fn syntax(&self) -> Syntax {
        self.syntax
    }

    /// The outline underneath, parsed on first use.
    pub fn outline(&self) -> &Outline<'a> {
        self.outline
            .get_or_init(|| Outline::parse_as(self.src, self.syntax))
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
        self.line_has_tag(session.line, name)
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

    /// The lines above `line`, outermost first, inside its session when it is in one:
    /// the bullets, and where headings nest by level, the sub-section headings.
    pub fn context(&self, line: usize) -> Vec<usize> {
        let outline = self.outline();
        let floor = self.session_of(line).map(|s| self.sessions[s].line);
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

/// Finds a session's speakers in the lines right under its heading: a `speaker:` line
/// among the leading `label: value` lines, or a first line that only names people.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpeakerProbe {
    heading: usize,
    seen: bool,
    done: bool,
    /// The names on a first line that only names people ("Guido van Rossum").
    pub name: Option<Box<str>>,
    /// The names of a `speaker:` or `speakers:` line.
    pub label: Option<Box<str>>,
}

impl SpeakerProbe {
    /// A probe for the lines under the heading on line `heading`.
    pub fn new(heading: usize) -> SpeakerProbe {
        SpeakerProbe {
            heading,
            ..SpeakerProbe::default()
        }
    }

    /// True once no later line can name a speaker.
    pub fn done(&self) -> bool {
        self.done
    }

    /// True once a line under the heading has been seen.
    pub fn seen_any(&self) -> bool {
        self.seen
    }

    /// Whether the probe wants the text of `line` (a line after the heading).
    pub fn wants(&self, line: &Scanned) -> bool {
        match line.shape.kind {
            OutlineKind::Blank | OutlineKind::Meta => false,
            _ => !self.done && line.parent == Some(self.heading),
        }
    }

    /// Looks at a line the probe wants, by its text's bytes: most lines (no colon, no
    /// capital first) end the probe without being decoded.
    pub fn feed_bytes(&mut self, line: &Scanned, text: &[u8]) {
        if !SpeakerProbe::may_name(text) {
            self.seen = true;
            self.done = true;
            return;
        }
        self.feed(line, &String::from_utf8_lossy(text));
    }

    /// False for a line's text that can be neither a `speaker:` line nor a line of
    /// names: no colon, and no capital (or "by ") first.
    pub fn may_name(text: &[u8]) -> bool {
        text.first()
            .is_some_and(|&b| b.is_ascii_uppercase() || b >= 0x80)
            || text.starts_with(b"by ")
            || memchr::memchr(b':', text).is_some()
    }

    /// Looks at a line the probe wants, with its text.
    pub fn feed(&mut self, line: &Scanned, text: &str) {
        let first = !std::mem::replace(&mut self.seen, true);
        if matches!(line.shape.kind, OutlineKind::Heading { .. }) {
            self.done = true;
            return;
        }
        if let Some(names) = rules::speaker_label(text) {
            self.label = Some(names.into());
            self.done = true;
        } else if first && let Some(names) = rules::name_line(text) {
            self.name = Some(names.into());
        } else if !rules::is_label_line(text) {
            self.done = true;
        }
    }

    /// The speakers the notes give; `heading_has_speakers` says whether the heading
    /// names some (a name line counts only when it names nobody), asked only when needed.
    pub fn speakers(&self, heading_has_speakers: impl FnOnce() -> bool) -> Option<&str> {
        self.label
            .as_deref()
            .or_else(|| self.name.as_deref().filter(|_| !heading_has_speakers()))
    }
}

/// A heading as the first pass saw it.
#[derive(Debug)]
struct HeadingEvent {
    line: usize,
    start: usize,
    level: u8,
    text: String,
    /// The text the heading rules read: a TaskPaper project's keeps its colon, so that
    /// "Talks I did not see:" is a wishlist.
    project: bool,
    /// Bullets directly under it may be lightning talks or wishlist items.
    holds_talks: bool,
    /// It says "lightning talk".
    lightning: bool,
    /// Something that is not a heading (or metadata) is under it.
    body: bool,
    /// What its text alone makes it.
    fixed: Fixed,
    /// Speakers the lines under it name, and whether a `speaker:` line names them
    /// (else a line that is only a name, which counts when the heading names nobody).
    speakers: Option<Box<str>>,
    by_label: bool,
    /// Where its subtree ends: the line after it, and that line's byte offset.
    end: (usize, usize),
}

/// What a heading's text alone makes it, found while collecting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fixed {
    /// Nothing yet: its level decides.
    No,
    /// A separator, day heading or wishlist heading.
    Role,
    /// `Speaker: NAME` where headings nest.
    Speaker,
}

impl HeadingEvent {
    /// The text the heading rules read.
    fn rule_text(&self) -> Cow<'_, str> {
        if self.project {
            Cow::Owned(format!("{}:", self.text))
        } else {
            Cow::Borrowed(&self.text)
        }
    }
}

/// A bullet directly under a heading, as the first pass saw it.
#[derive(Debug, Clone, Copy)]
struct BulletEvent {
    line: usize,
    start: usize,
    text: (usize, usize),
    parent: usize,
    /// Where its subtree ends: the line after it, and that line's byte offset.
    end: (usize, usize),
    /// How many headings came before it.
    after: usize,
}

/// The first pass: keeps the headings, the bullets directly under headings and a
/// title from metadata; the rules need the whole list of headings (which level holds
/// the sessions) before they can read any of them.
struct Collector<'s> {
    src: &'s [u8],
    syntax: Syntax,
    headings: Vec<HeadingEvent>,
    /// Looks for the speakers of the last heading.
    probe: SpeakerProbe,
    bullets: Vec<BulletEvent>,
    meta_title: Option<(usize, String)>,
    lines: usize,
    /// The headings and bullets still open, by line, with the heading each is (or is
    /// under), as an index in `headings`.
    nest: Vec<(usize, Option<usize>)>,
    /// The headings and recorded bullets still open, by line.
    open: Vec<(usize, Slot)>,
    /// Those whose subtree ended before the next line (which gives the byte offset),
    /// with the line it ended at.
    ended: Vec<(Slot, usize)>,
}

/// A heading or a recorded bullet, by its index in the collector's lists.
#[derive(Debug, Clone, Copy)]
enum Slot {
    Heading(usize),
    Bullet(usize),
}

impl<'s> Collector<'s> {
    fn new(src: &'s [u8], syntax: Syntax) -> Self {
        Collector {
            src,
            syntax,
            headings: Vec::with_capacity(src.len() / 256),
            probe: SpeakerProbe::default(),
            bullets: Vec::with_capacity(src.len() / 1024),
            meta_title: None,
            lines: 0,
            nest: Vec::new(),
            open: Vec::new(),
            ended: Vec::new(),
        }
    }

    fn text(&self, line: &Scanned) -> Cow<'s, str> {
        decode(
            self.src,
            line.body_start + line.shape.text.0..line.body_start + line.shape.text.1,
        )
    }

    /// Whether bullets directly under a heading may be lightning talks or wishlist
    /// items: it is a lightning-talks or wishlist heading, or it may be a note or a
    /// sub-section of one (a heading right after an empty one in a plain outline, a
    /// heading under one where headings nest).
    fn may_hold_talks(&self, line: &Scanned, rule_text: &str) -> bool {
        if rules::is_wishlist_heading(rule_text) {
            return true;
        }
        if self.syntax.nests_headings() {
            let parent = line.parent.and_then(|p| {
                self.nest
                    .iter()
                    .rev()
                    .find(|&&(open, _)| open == p)
                    .and_then(|&(_, heading)| heading)
            });
            parent.is_some_and(|h| self.headings[h].holds_talks)
        } else {
            self.headings
                .last()
                .is_some_and(|h| h.holds_talks && !h.body)
        }
    }

    /// Keeps what the probe found for the last heading.
    fn finish_probe(&mut self) {
        let probe = std::mem::take(&mut self.probe);
        if let Some(last) = self.headings.last_mut() {
            last.by_label = probe.label.is_some();
            last.speakers = probe.label.or(probe.name);
        }
    }

    /// `title: x` in front matter or a leading metadata block, `#+TITLE: x` in org.
    fn meta_title(&mut self, line: &Scanned) {
        let body = line.body;
        let value = if let Some(value) = crate::outline::syntax::org::title(body) {
            value
        } else if body.len() > 6 && body[..6].eq_ignore_ascii_case(b"title:") {
            let v = &body[6..];
            let v = &v[v.iter().take_while(|b| b.is_ascii_whitespace()).count()..];
            let v = &v[..v.len()
                - v.iter()
                    .rev()
                    .take_while(|b| b.is_ascii_whitespace())
                    .count()];
            let v = v
                .strip_prefix(b"\"")
                .and_then(|v| v.strip_suffix(b"\""))
                .unwrap_or(v);
            if v.is_empty() {
                return;
            }
            v
        } else {
            return;
        };
        self.meta_title = Some((line.index, String::from_utf8_lossy(value).into_owned()));
    }
}

impl Sink for Collector<'_> {
    fn close(&mut self, index: usize, end: usize) {
        if self.nest.last().is_some_and(|&(line, _)| line == index) {
            self.nest.pop();
        }
        if let Some(&(line, slot)) = self.open.last()
            && line == index
        {
            // The next line, if any, starts where the subtree ends.
            self.open.pop();
            self.ended.push((slot, end));
        }
    }

    fn line(&mut self, line: &Scanned) {
        for (slot, end) in self.ended.drain(..) {
            match slot {
                Slot::Heading(h) => self.headings[h].end = (end, line.start),
                Slot::Bullet(b) => self.bullets[b].end = (end, line.start),
            }
        }
        self.lines = line.index + 1;
        match line.shape.kind {
            OutlineKind::Blank => return,
            OutlineKind::Meta => {
                if self.meta_title.is_none() {
                    self.meta_title(line);
                }
                return;
            }
            OutlineKind::Heading { level } => {
                self.finish_probe();
                let mut text = self.text(line).into_owned();
                if self.syntax == Syntax::Markdown {
                    text = crate::outline::syntax::markdown::inline_text(&text).into_owned();
                }
                let project = self.syntax == Syntax::TaskPaper
                    && crate::outline::syntax::taskpaper::is_project(line.body);
                let project = project && !rules::is_separator(&text);
                let rule_text = project.then(|| format!("{text}:"));
                let lightning = rules::is_lightning_talks(&text);
                let rule = rule_text.as_deref().unwrap_or(&text);
                let fixed = if rules::fixed_role(rule).is_some() {
                    Fixed::Role
                } else if self.syntax.nests_headings() && rules::speaker_label(&text).is_some() {
                    Fixed::Speaker
                } else {
                    Fixed::No
                };
                let holds_talks = lightning || self.may_hold_talks(line, rule);
                self.headings.push(HeadingEvent {
                    line: line.index,
                    start: line.start,
                    level,
                    project,
                    holds_talks,
                    lightning,
                    text,
                    body: false,
                    fixed,
                    speakers: None,
                    by_label: false,
                    end: (usize::MAX, self.src.len()),
                });
                self.probe = SpeakerProbe::new(line.index);
                let heading = self.headings.len() - 1;
                self.open.push((line.index, Slot::Heading(heading)));
                self.nest.push((line.index, Some(heading)));
                return;
            }
            _ => {}
        }
        // The heading the line is under: it holds notes. Only TaskPaper nests headings
        // by indentation; elsewhere every line is under the last heading.
        let bullet = matches!(line.shape.kind, OutlineKind::Bullet(_));
        let owner = if self.syntax == Syntax::TaskPaper {
            let owner = line.parent.and_then(|p| {
                self.nest
                    .iter()
                    .rev()
                    .find(|&&(open, _)| open == p)
                    .and_then(|&(_, heading)| heading)
            });
            if bullet {
                self.nest.push((line.index, owner));
            }
            owner
        } else {
            self.headings.len().checked_sub(1)
        };
        let Some(owner) = owner else {
            return;
        };
        let src = self.src;
        if owner + 1 == self.headings.len() && self.probe.wants(line) {
            self.probe.feed_bytes(line, bytes_of(src, line));
        }
        let heading = &mut self.headings[owner];
        heading.body = true;
        // Bullets directly under a heading are kept when the reader may need them: a
        // status, a lightning talk, a wishlist item.
        if bullet
            && let Some(parent) = line.parent
            && parent == heading.line
            && (heading.holds_talks || may_be_status(bytes_of(src, line)))
        {
            self.bullets.push(BulletEvent {
                line: line.index,
                start: line.start,
                text: (
                    line.body_start + line.shape.text.0,
                    line.body_start + line.shape.text.1,
                ),
                parent,
                end: (usize::MAX, self.src.len()),
                after: self.headings.len(),
            });
            self.open
                .push((line.index, Slot::Bullet(self.bullets.len() - 1)));
        }
    }
}

/// Tags and TODO state of a heading line.
fn heading_marks(syntax: Syntax, body: &[u8]) -> (Vec<String>, Option<&'static str>) {
    use crate::outline::syntax::org;
    match syntax {
        Syntax::Org => (
            org::heading_tags(body)
                .into_iter()
                .map(String::from)
                .collect(),
            org::state(body),
        ),
        Syntax::TaskPaper => {
            let text = String::from_utf8_lossy(body);
            let tags = crate::outline::syntax::tags(&text)
                .into_iter()
                .map(|(name, _)| name.to_string())
                .collect();
            (tags, None)
        }
        _ => (Vec::new(), None),
    }
}

/// The line that starts at byte `start`, without its terminator (or a BOM).
fn line_body(src: &[u8], start: usize) -> &[u8] {
    let rest = &src[start..];
    let line = &rest[..memchr::memchr(b'\n', rest).unwrap_or(rest.len())];
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    if start == 0 {
        line.strip_prefix(crate::outline::BOM).unwrap_or(line)
    } else {
        line
    }
}

/// The text of a scanned line, as bytes.
fn bytes_of<'s>(src: &'s [u8], line: &Scanned) -> &'s [u8] {
    &src[line.body_start + line.shape.text.0..line.body_start + line.shape.text.1]
}

/// Bytes `range` of `src` as text.
fn decode(src: &[u8], range: Range<usize>) -> Cow<'_, str> {
    let bytes = &src[range];
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// What the second pass reads.
struct Read {
    title: Option<(usize, String)>,
    sessions: Vec<Session>,
    days: Vec<Arc<DayInfo>>,
}

/// What a heading is, once the session level is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// The document title.
    Title,
    /// A separator, day heading or wishlist heading, wherever it stands.
    Fixed(HeadingRole),
    /// `Speaker: NAME` where headings nest: names the speakers of the session above.
    Speaker,
    /// Above the session level: ends the session before it.
    Section,
    /// At the session level: read by rules 2 to 4.
    Session,
    /// Below the session level: part of the session above.
    SubSection,
}

/// The second pass: applies the rules to the headings and top-level bullets in file
/// order.
struct Reader<'s> {
    src: &'s [u8],
    syntax: Syntax,
    sessions: Vec<Session>,
    days: Vec<DayInfo>,
    /// The day of each session, as an index into `days`.
    session_days: Vec<Option<usize>>,
    /// Sessions read before the first day: they take that day.
    undated: Vec<usize>,
    /// The talk (or lightning talks) session being read.
    talk: Option<usize>,
    /// The wishlist heading whose bullets are sessions, and the item being read.
    wishlist: Option<usize>,
    item: Option<usize>,
    /// True while the last session's heading has nothing under it yet.
    open_and_empty: bool,
    /// The heading being read comes right after a session heading that had nothing
    /// under it.
    was_empty: bool,
    /// Where headings nest, the end of the open talk's and item's subtrees (line, byte):
    /// a session never runs past its heading's subtree.
    talk_end: (usize, usize),
    item_end: (usize, usize),
}

impl<'s> Reader<'s> {
    fn new(src: &'s [u8], syntax: Syntax) -> Self {
        Reader {
            src,
            syntax,
            sessions: Vec::with_capacity(src.len() / 512),
            days: Vec::new(),
            session_days: Vec::new(),
            undated: Vec::new(),
            talk: None,
            wishlist: None,
            item: None,
            open_and_empty: false,
            was_empty: false,
            talk_end: (usize::MAX, usize::MAX),
            item_end: (usize::MAX, usize::MAX),
        }
    }

    fn read(mut self, mut collected: Collector) -> Read {
        collected.finish_probe();
        let Collector {
            headings,
            bullets,
            meta_title,
            lines,
            ..
        } = collected;
        let title = title_heading(self.syntax, &headings);
        let session_level = session_level(self.syntax, &headings, title);
        let title_text =
            meta_title.or_else(|| title.map(|i| (headings[i].line, headings[i].text.clone())));
        let mut bullets = bullets.into_iter().peekable();
        let mut previous_body = false;
        for (i, heading) in headings.into_iter().enumerate() {
            let place = place(self.syntax, &heading, Some(i) == title, session_level);
            while let Some(bullet) = bullets.next_if(|b| b.after <= i) {
                self.top_level_bullet(&bullet);
            }
            // Lines under the heading before: the session is no longer empty.
            if previous_body {
                self.open_and_empty = false;
            }
            self.was_empty = self.open_and_empty;
            previous_body = heading.body;
            self.heading(heading, place);
        }
        for bullet in bullets {
            self.top_level_bullet(&bullet);
        }
        let at = self.src.len();
        self.close_item(lines, at);
        self.close_talk(lines, at);
        let days: Vec<Arc<DayInfo>> = self.days.into_iter().map(Arc::new).collect();
        for (session, day) in self.sessions.iter_mut().zip(self.session_days) {
            session.day = day.map(|d| Arc::clone(&days[d]));
        }
        Read {
            title: title_text,
            sessions: self.sessions,
            days,
        }
    }

    /// A heading: rules 2 to 4 of FORMAT.md, in order, for headings at the session
    /// level; sections end sessions and sub-sections belong to them.
    fn heading(&mut self, heading: HeadingEvent, place: Place) {
        let (index, start) = (heading.line, heading.start);
        if place == Place::Title {
            return;
        }
        self.close_item(index, start);
        if place != Place::Fixed(HeadingRole::Separator) {
            self.open_and_empty = false;
        }
        match place {
            Place::Title | Place::Fixed(HeadingRole::Separator) | Place::SubSection => {}
            Place::Fixed(HeadingRole::Day(day)) => {
                self.close_talk(index, start);
                self.wishlist = None;
                self.day_heading(day, &heading.text);
            }
            Place::Fixed(_) => {
                self.close_talk(index, start);
                self.wishlist = Some(index);
            }
            Place::Section => {
                self.close_talk(index, start);
                self.wishlist = None;
            }
            Place::Speaker => {
                // "### Speaker: Ann Lee" under a session names its speakers.
                if let Some(t) = self.talk.filter(|_| index < self.talk_end.0)
                    && self.sessions[t].byline().speakers.is_empty()
                    && let Some(names) = rules::speaker_label(&heading.text)
                {
                    self.sessions[t].noted_speakers = Some(names.into());
                }
            }
            Place::Session => self.session_level_heading(heading),
        }
    }

    /// A heading at the session level: rule 4 and the speaker rule decide whether it is
    /// a note or the speaker of the empty session above (plain outline only), else it
    /// starts a session.
    fn session_level_heading(&mut self, heading: HeadingEvent) {
        let before = match self.talk {
            Some(t) if self.was_empty && self.syntax == Syntax::Outline => Before::EmptySession {
                has_speakers: !self.sessions[t].byline().speakers.is_empty(),
            },
            _ => Before::Other,
        };
        match rules::contextual_role(&heading.text, before) {
            HeadingRole::Speaker => {
                if let Some(t) = self.talk
                    && let Some(names) = rules::speaker_label(&heading.text)
                        .or_else(|| rules::name_line(&heading.text))
                {
                    self.sessions[t].noted_speakers = Some(names.into());
                }
            }
            HeadingRole::Session => self.session_heading(heading),
            _ => {}
        }
    }

    /// A heading that starts a session (or a block of lightning talks).
    fn session_heading(&mut self, heading: HeadingEvent) {
        let (index, start) = (heading.line, heading.start);
        self.close_talk(index, start);
        self.wishlist = None;
        let text = rules::strip_enumerator(&heading.text);
        if let Some(day) = rules::mentioned_day(text) {
            self.mentioned_day(day);
        }
        // The enumerator taken off cannot hold "lightning talk".
        let kind = if heading.lightning {
            SessionKind::LightningTalks
        } else {
            SessionKind::Talk
        };
        if self.days.is_empty() {
            self.undated.push(self.sessions.len());
        }
        self.talk = Some(self.sessions.len());
        if self.syntax.nests_headings() {
            self.talk_end = heading.end;
        }
        let text = if text.len() == heading.text.len() {
            heading.text.into_boxed_str()
        } else {
            text.into()
        };
        let heading_text = Heading {
            text,
            reading: Reading::Session,
        };
        let mut session = session(index, start, heading_text, kind);
        session.noted_speakers = heading
            .speakers
            .filter(|_| heading.by_label || session.heading.byline().speakers.is_empty());
        if matches!(self.syntax, Syntax::Org | Syntax::TaskPaper) {
            (session.tags, session.state) = heading_marks(self.syntax, line_body(self.src, start));
        }
        self.push(session, self.days.len().checked_sub(1));
        self.open_and_empty = true;
    }

    fn push(&mut self, session: Session, day: Option<usize>) {
        self.sessions.push(session);
        self.session_days.push(day);
    }

    /// A bullet directly under a heading: a wishlist item, or a status or lightning
    /// talk of the open session.
    fn top_level_bullet(&mut self, bullet: &BulletEvent) {
        let text_range = bullet.text.0..bullet.text.1;
        if self.wishlist.is_some() && Some(bullet.parent) == self.wishlist {
            self.close_item(bullet.line, bullet.start);
            let text = decode(self.src, text_range);
            let heading = Heading::new(&text, Reading::WishlistItem);
            let mut item = session(bullet.line, bullet.start, heading, SessionKind::Wishlist);
            item.status = Status::NotSeen;
            self.item = Some(self.sessions.len());
            if self.syntax.nests_headings() {
                self.item_end = bullet.end;
            }
            self.push(item, None);
            return;
        }
        let Some(t) = self.talk.filter(|_| bullet.line < self.talk_end.0) else {
            return;
        };
        let session = &self.sessions[t];
        let read = session.kind == SessionKind::LightningTalks
            || (session.status == Status::Attended && may_be_status(&self.src[text_range.clone()]));
        if !read {
            return;
        }
        let text = decode(self.src, text_range);
        let session = &mut self.sessions[t];
        if session.status == Status::Attended
            && let Some((status, reason)) = rules::status(&text)
        {
            session.status = status;
            session.reason = reason.map(String::from);
        }
        if session.kind == SessionKind::LightningTalks {
            session.talks.push(Talk {
                line: bullet.line,
                bytes: bullet.start..bullet.end.1,
                heading: Heading::new(&text, Reading::Talk),
            });
        }
    }

    /// A day heading starts a new day, unless the day so far only came from a session
    /// naming the same weekday: then the heading names that day.
    fn day_heading(&mut self, day: rules::DayHeading, text: &str) {
        if let Some(last) = self.days.last_mut()
            && last.label.is_none()
            && day.weekday.is_some()
            && last.weekday == day.weekday
        {
            last.label = Some(text.to_string());
            last.date = day.date;
            return;
        }
        self.new_day(DayInfo {
            number: self.days.len() + 1,
            weekday: day.weekday,
            date: day.date,
            label: Some(text.to_string()),
        });
    }

    /// A session heading that names a weekday: on that day from here on.
    fn mentioned_day(&mut self, day: Day) {
        if let Some(last) = self.days.last_mut() {
            if last.weekday == Some(day) {
                return;
            }
            if last.weekday.is_none() {
                last.weekday = Some(day);
                return;
            }
        }
        self.new_day(DayInfo {
            number: self.days.len() + 1,
            weekday: Some(day),
            date: None,
            label: None,
        });
    }

    fn new_day(&mut self, day: DayInfo) {
        let index = self.days.len();
        self.days.push(day);
        if index == 0 {
            for &i in &self.undated {
                self.session_days[i] = Some(0);
            }
            self.undated.clear();
        }
    }

    fn close_talk(&mut self, end: usize, at: usize) {
        let (end, at) = (end, at).min(std::mem::replace(
            &mut self.talk_end,
            (usize::MAX, usize::MAX),
        ));
        if let Some(t) = self.talk.take() {
            self.sessions[t].lines.end = end;
            self.sessions[t].bytes.end = at;
        }
    }

    fn close_item(&mut self, end: usize, at: usize) {
        let (end, at) = (end, at).min(std::mem::replace(
            &mut self.item_end,
            (usize::MAX, usize::MAX),
        ));
        if let Some(i) = self.item.take() {
            self.sessions[i].lines.end = end;
            self.sessions[i].bytes.end = at;
        }
    }
}

/// Rule 1, the title heading. In the plain outline: the first heading, when nothing is
/// under it, another heading follows and it is not a day heading. Where headings have
/// levels: a first heading of level 1 that no other heading of level 1 follows, with
/// headings below it. TaskPaper projects are never titles.
fn title_heading(syntax: Syntax, headings: &[HeadingEvent]) -> Option<usize> {
    let first = headings.first()?;
    let is_title = match syntax {
        Syntax::Outline => rules::is_title(&first.text, !first.body && headings.len() > 1),
        Syntax::Markdown | Syntax::Org => {
            first.level == 1
                && headings.len() > 1
                && headings[1..].iter().all(|h| h.level > 1)
                && rules::day_heading(&first.text).is_none()
        }
        Syntax::TaskPaper => false,
    };
    is_title.then_some(0)
}

/// The session level: the outermost level whose headings hold notes, leaving out the
/// title, day headings, wishlists, separators and speaker headings (or the outermost
/// level, when none holds notes). The plain outline has one level.
///
/// When several levels hold notes, the one that loses the fewest headings with notes
/// wins (the outermost on a tie): a level loses the headings with notes above it, which
/// become sections, and those below it that are under no heading of its own, which
/// would belong to no session. So an "Overview" paragraph under a `##` heading does not
/// make `##` the session level when the talks are `###` headings under day headings.
fn session_level(syntax: Syntax, headings: &[HeadingEvent], title: Option<usize>) -> u8 {
    if !syntax.nests_headings() {
        return 0;
    }
    let candidate = |i: usize, h: &HeadingEvent| Some(i) != title && h.fixed == Fixed::No;
    let mut levels: Vec<u8> = headings
        .iter()
        .enumerate()
        .filter(|&(i, h)| candidate(i, h) && h.body)
        .map(|(_, h)| h.level)
        .collect();
    levels.sort_unstable();
    levels.dedup();
    let lost = |level: u8| {
        let mut lost = 0;
        let mut under = false;
        for (i, h) in headings.iter().enumerate() {
            if Some(i) == title {
                continue;
            }
            if h.level <= level {
                under = h.level == level && candidate(i, h);
                lost += usize::from(h.level < level && candidate(i, h) && h.body);
            } else if candidate(i, h) && h.body && !under {
                lost += 1;
            }
        }
        lost
    };
    match levels.len() {
        0 => headings
            .iter()
            .enumerate()
            .filter(|&(i, h)| candidate(i, h))
            .map(|(_, h)| h.level)
            .min()
            .unwrap_or(0),
        1 => levels[0],
        _ => levels
            .iter()
            .copied()
            .min_by_key(|&level| (lost(level), level))
            .unwrap_or(0),
    }
}

/// Where a heading stands, once the session level is known.
fn place(syntax: Syntax, heading: &HeadingEvent, title: bool, session_level: u8) -> Place {
    let level = if syntax.nests_headings() {
        heading.level
    } else {
        0
    };
    match heading.fixed {
        _ if title => Place::Title,
        Fixed::Role => rules::fixed_role(&heading.rule_text()).map_or(Place::Session, Place::Fixed),
        Fixed::Speaker => Place::Speaker,
        Fixed::No => match level.cmp(&session_level) {
            std::cmp::Ordering::Less => Place::Section,
            std::cmp::Ordering::Equal => Place::Session,
            std::cmp::Ordering::Greater => Place::SubSection,
        },
    }
}

/// Whether a bullet's text may be a status: it starts like "missed" or "partial".
fn may_be_status(text: &[u8]) -> bool {
    [&b"missed"[..], b"partial"].iter().any(|k| {
        text.get(..k.len())
            .is_some_and(|t| t.eq_ignore_ascii_case(k))
    })
}

fn session(line: usize, start: usize, heading: Heading, kind: SessionKind) -> Session {
    Session {
        line,
        lines: line..line + 1,
        bytes: start..start,
        heading,
        noted_speakers: None,
        day: None,
        kind,
        status: Status::Attended,
        reason: None,
        talks: Vec::new(),
        tags: Vec::new(),
        state: None,
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

    fn titles_as(src: &str, syntax: Syntax) -> Vec<String> {
        titles(&Document::parse_as(src.as_bytes(), syntax))
    }

    #[test]
    fn sessions_are_the_outermost_level_that_holds_notes() {
        let org = "* Sentry\n - a\n* Building to scale\n** Caches\n - b\n";
        assert_eq!(titles_as(org, Syntax::Org), ["Sentry", "Building to scale"]);
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
