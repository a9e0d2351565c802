//! Reading an outline as conference notes, in two passes over its lines.
//!
//! The first pass ([`Collector`], a [`Sink`] of the outline's scanner) keeps the
//! headings (with their level and whether notes are under them), the bullets directly
//! under headings that may be a status or a talk, what the lines under each heading say
//! about its speakers, and a title from metadata. The rules need all the headings
//! before they can place any: the session level is the level whose headings hold notes.
//! The second pass ([`Reader`]) applies the rules of FORMAT.md to them in file order.

use std::borrow::Cow;
use std::sync::Arc;

use super::rules::{self, Before, HeadingRole};
use super::{Day, DayInfo, Document, Heading, Reading, Session, SessionKind, Status, Talk};
use crate::outline::{Kind as OutlineKind, Scanned, Sink, Syntax, scan};

impl<'a> Document<'a> {
    /// Reads `src`, written in `syntax`, as conference notes.
    pub fn parse_as(src: &'a [u8], syntax: Syntax) -> Document<'a> {
        let mut collector = Collector::new(src, syntax);
        scan(src, syntax, &mut collector);
        let read = Reader::new(src, syntax).read(collector);
        Document {
            src,
            syntax,
            outline: std::cell::OnceCell::new(),
            title: read.title,
            sessions: read.sessions,
            days: read.days,
        }
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
    /// A TaskPaper project: the heading rules read its text with its colon, so that
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
        String::from_utf8_lossy(bytes_of(self.src, line))
    }

    /// Whether a heading that is neither a lightning-talks nor a wishlist heading may
    /// still hold talks: it may be a note of one (a heading right after an empty one, in
    /// a plain outline) or a sub-section of one (where headings nest).
    fn under_talks(&self, line: &Scanned) -> bool {
        if self.syntax.nests_headings() {
            self.heading_of(line.parent)
                .is_some_and(|h| self.headings[h].holds_talks)
        } else {
            self.headings
                .last()
                .is_some_and(|h| h.holds_talks && !h.body)
        }
    }

    /// The heading that the open line `parent` is, or is under, as an index in
    /// `headings`.
    fn heading_of(&self, parent: Option<usize>) -> Option<usize> {
        let parent = parent?;
        self.nest
            .iter()
            .rev()
            .find(|&&(open, _)| open == parent)
            .and_then(|&(_, heading)| heading)
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
                let role = rules::fixed_role(rule_text.as_deref().unwrap_or(&text));
                let fixed = if role.is_some() {
                    Fixed::Role
                } else if self.syntax.nests_headings() && rules::speaker_label(&text).is_some() {
                    Fixed::Speaker
                } else {
                    Fixed::No
                };
                let holds_talks =
                    lightning || role == Some(HeadingRole::Wishlist) || self.under_talks(line);
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
            let owner = self.heading_of(line.parent);
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
fn heading_marks(syntax: Syntax, body: &[u8]) -> (Box<[Box<str>]>, Option<u8>) {
    use crate::outline::syntax::org;
    match syntax {
        Syntax::Org => (
            org::heading_tags(body)
                .into_iter()
                .map(Into::into)
                .collect(),
            org::state(body)
                .and_then(|s| org::STATES.iter().position(|&k| k == s))
                .map(|i| i as u8),
        ),
        Syntax::TaskPaper => {
            let text = String::from_utf8_lossy(body);
            let tags = crate::outline::syntax::tags(&text)
                .into_iter()
                .map(|(name, _)| name.into())
                .collect();
            (tags, None)
        }
        _ => (Box::default(), None),
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

/// No end yet: (line, byte) past any.
const UNBOUNDED: (usize, usize) = (usize::MAX, usize::MAX);

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
            talk_end: UNBOUNDED,
            item_end: UNBOUNDED,
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
            let text = String::from_utf8_lossy(&self.src[text_range]);
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
        let text = String::from_utf8_lossy(&self.src[text_range]);
        let session = &mut self.sessions[t];
        if session.status == Status::Attended
            && let Some((status, reason)) = rules::status(&text)
        {
            session.status = status;
            session.reason = reason.map(Into::into);
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

    /// Ends the open talk (or lightning talks) session before line `end`, byte `at`,
    /// or where its heading's subtree ends if that is sooner.
    fn close_talk(&mut self, end: usize, at: usize) {
        let limit = std::mem::replace(&mut self.talk_end, UNBOUNDED);
        if let Some(t) = self.talk.take() {
            self.end_session(t, (end, at).min(limit));
        }
    }

    /// Ends the open wishlist item, as [`Reader::close_talk`] ends a talk.
    fn close_item(&mut self, end: usize, at: usize) {
        let limit = std::mem::replace(&mut self.item_end, UNBOUNDED);
        if let Some(i) = self.item.take() {
            self.end_session(i, (end, at).min(limit));
        }
    }

    fn end_session(&mut self, i: usize, (end, at): (usize, usize)) {
        self.sessions[i].lines.end = end;
        self.sessions[i].bytes.end = at;
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
        lines: line..line + 1,
        bytes: start..start,
        heading,
        noted_speakers: None,
        day: None,
        kind,
        status: Status::Attended,
        reason: None,
        talks: Vec::new(),
        tags: Box::default(),
        state: None,
    }
}
