//! JSON printers: JSON Lines records (one object per line) for every command that
//! prints records, and the nested JSON tree of `notes export --to json`.
//!
//! Field names are part of the interface and documented in the README.

use std::borrow::Cow;
use std::io::{self, Write};

use serde::Serialize;

use crate::check::Finding;
use crate::document::Explanation;
use crate::document::rules::Date;
use crate::document::{Day, Document, Session, Talk};
use crate::event::Origin;
use crate::outline::LineNumber;
use crate::render::escape::SafeJson;
use crate::search::{Hit, SessionInfo};
use crate::summary::{Row, Scope, Speaker};

/// Writes `value` as one line of JSON, with terminal controls escaped too.
fn write_line(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    scalar(out, value)?;
    out.write_all(b"\n")
}

/// A file as records name it: its label, and the event and year of its sessions.
#[derive(Debug, Clone, Copy)]
pub struct FileRef<'a> {
    /// The file's name.
    pub label: &'a str,
    /// Its event and year.
    pub origin: &'a Origin,
}

/// A session, as `list`, `missed`, `grep -l` and `show` print it.
#[derive(Debug, Serialize)]
struct SessionRecord<'a> {
    file: &'a str,
    event: Option<&'a str>,
    year: Option<i32>,
    date: Option<String>,
    line: LineNumber,
    day: Option<&'static str>,
    day_number: Option<usize>,
    day_label: Option<&'a str>,
    title: &'a str,
    speakers: Vec<&'a str>,
    handles: Vec<&'a str>,
    room: Option<&'a str>,
    kind: &'static str,
    status: &'static str,
    reason: Option<&'a str>,
    tags: &'a [Box<str>],
    state: Option<&'a str>,
    links: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<Cow<'a, str>>,
}

impl<'a> SessionRecord<'a> {
    fn new(file: FileRef<'a>, doc: &Document, session: &'a Session) -> Self {
        let byline = session.byline();
        let date = file.origin.session_date(session);
        SessionRecord {
            file: file.label,
            event: file.origin.event.as_deref(),
            year: file.origin.session_year(session),
            date: date.map(|d| d.to_string()),
            line: session.line_number(),
            day: session.day().map(|d| d.name()),
            day_number: session.day_info().map(|d| d.number),
            day_label: session.day_info().and_then(|d| d.label.as_deref()),
            title: byline.title,
            speakers: byline.speakers,
            handles: byline.handles,
            room: byline.room,
            kind: session.kind().name(),
            status: session.status().name(),
            reason: session.reason(),
            tags: session.tags(),
            state: session.state(),
            links: doc.links(session),
            text: None,
        }
    }
}

/// A session record: `file`, `event`, `year`, `date` (ISO, when its day is a date),
/// `line`, `day`, `title`, `speakers`, `handles`, `room`, `kind`, `status`, `reason`,
/// `links` (the URLs its notes give), and `text` (its lines as in the file) when given.
pub fn write_session(
    out: &mut impl Write,
    file: FileRef,
    doc: &Document,
    session: &Session,
    text: Option<&[u8]>,
) -> io::Result<()> {
    let mut record = SessionRecord::new(file, doc, session);
    record.text = text.map(String::from_utf8_lossy);
    write_line(out, &record)
}

/// A lightning talk found by `show`: a session record of kind `lightning-talk` with the
/// talk's line, title, speakers and handles, and its session's day and status.
pub fn write_talk(
    out: &mut impl Write,
    file: FileRef,
    doc: &Document,
    session: &Session,
    talk: &Talk,
    text: &[u8],
) -> io::Result<()> {
    let byline = talk.byline();
    let record = SessionRecord {
        line: talk.line_number(),
        title: byline.title,
        speakers: byline.speakers,
        handles: byline.handles,
        room: None,
        kind: "lightning-talk",
        links: doc.links_in(talk.line()..talk.line() + 1),
        text: Some(String::from_utf8_lossy(text)),
        ..SessionRecord::new(file, doc, session)
    };
    write_line(out, &record)
}

#[derive(Debug, Serialize)]
struct HitRecord<'a> {
    file: &'a str,
    event: Option<&'a str>,
    year: Option<i32>,
    date: Option<String>,
    line: LineNumber,
    session: Option<&'a str>,
    path: Vec<&'a str>,
    text: &'a str,
    matches: Vec<[usize; 2]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    links: Option<&'a [String]>,
}

/// What a hit's record says beyond the hit: its session's date and year, and for a
/// follow-up the links it points to.
#[derive(Debug, Clone, Copy, Default)]
pub struct HitExtra<'a> {
    /// The date of the hit's session.
    pub date: Option<Date>,
    /// The year of the hit's session.
    pub year: Option<i32>,
    /// The links of a follow-up: its own line's, then its session's.
    pub links: Option<&'a [String]>,
}

/// A grep hit (or a follow-up): `file`, `event`, `year`, `date`, `line`, `session`
/// (its title, or null), `path` (the session's title, then the texts of the bullets
/// above the line), `text`, `matches` (`[start, end]` byte offsets into `text`), and
/// for `todo`, `links`.
pub fn write_hit(
    out: &mut impl Write,
    file: FileRef,
    hit: &Hit,
    extra: HitExtra,
) -> io::Result<()> {
    let session = hit.session.map(|s| s.title.as_str());
    let path = session
        .into_iter()
        .chain(hit.context.iter().map(|c| c.text.as_ref()))
        .collect();
    let record = HitRecord {
        file: file.label,
        event: file.origin.event.as_deref(),
        year: extra.year,
        date: extra
            .date
            .filter(|d| d.year.is_some())
            .map(|d| d.to_string()),
        line: hit.line,
        session,
        path,
        text: hit.text,
        matches: hit.matches.iter().map(|m| [m.start, m.end]).collect(),
        links: extra.links,
    };
    write_line(out, &record)
}

#[derive(Debug, Serialize)]
struct CountRecord<'a> {
    file: &'a str,
    line: Option<LineNumber>,
    session: Option<&'a str>,
    count: usize,
}

/// Hits in one session: `file`, `line` and `session` (null outside sessions), `count`.
pub fn write_count(
    out: &mut impl Write,
    file: &str,
    session: Option<&SessionInfo>,
    count: usize,
) -> io::Result<()> {
    let record = CountRecord {
        file,
        line: session.map(|s| s.line),
        session: session.map(|s| s.title.as_str()),
        count,
    };
    write_line(out, &record)
}

#[derive(Debug, Serialize)]
struct AppearanceRecord<'a> {
    file: &'a str,
    event: Option<&'a str>,
    year: Option<i32>,
    line: LineNumber,
    title: &'a str,
    day: Option<&'static str>,
}

#[derive(Debug, Serialize)]
struct SpeakerRecord<'a> {
    name: &'a str,
    handles: &'a [String],
    talks: usize,
    events: Vec<&'a str>,
    years: Vec<i32>,
    sessions: Vec<AppearanceRecord<'a>>,
}

/// A speaker: `name`, `handles`, `talks` (how many), `events` and `years` (each once),
/// and `sessions` (each `file`, `event`, `year`, `line`, `title`, `day`).
pub fn write_speaker(out: &mut impl Write, speaker: &Speaker) -> io::Result<()> {
    let record = SpeakerRecord {
        name: &speaker.name,
        handles: &speaker.handles,
        talks: speaker.appearances.len(),
        events: speaker.events(),
        years: speaker.years(),
        sessions: speaker
            .appearances
            .iter()
            .map(|a| AppearanceRecord {
                file: &a.file,
                event: a.event.as_deref(),
                year: a.year,
                line: a.line,
                title: &a.title,
                day: a.day.map(|d| d.name()),
            })
            .collect(),
    };
    write_line(out, &record)
}

#[derive(Debug, Serialize)]
struct DayRecord<'a> {
    file: &'a str,
    day: Option<&'static str>,
    day_number: usize,
    day_label: Option<&'a str>,
    sessions: usize,
    lines: usize,
}

/// A day: `file`, `day` (the weekday or null), `day_number`, `day_label`, `sessions`,
/// `lines` (notes lines). Rows that are not a day are skipped.
pub fn write_day(out: &mut impl Write, file: &str, row: &Row) -> io::Result<()> {
    let Some(day) = row
        .day
        .as_ref()
        .filter(|_| matches!(row.scope, Scope::Day(_)))
    else {
        return Ok(());
    };
    let record = DayRecord {
        file,
        day: day.weekday.map(Day::name),
        day_number: day.number,
        day_label: day.label.as_deref(),
        sessions: row.tally.sessions,
        lines: row.tally.lines,
    };
    write_line(out, &record)
}

#[derive(Debug, Serialize)]
struct StatsRecord<'a> {
    file: Option<&'a str>,
    day: Option<&'static str>,
    day_number: Option<usize>,
    day_label: Option<&'a str>,
    total: bool,
    sessions: usize,
    lines: usize,
    words: usize,
    missed: usize,
    partial: usize,
    not_seen: usize,
}

/// A row of statistics: `file` (null for the total over several files), `day` (null for
/// the sessions without a day and for the total), `total`, `sessions`, `lines`, `words`,
/// `missed`, `partial`, `not_seen`.
pub fn write_stats(out: &mut impl Write, file: Option<&str>, row: &Row) -> io::Result<()> {
    let t = row.tally;
    let record = StatsRecord {
        file,
        day: row.day.as_ref().and_then(|d| d.weekday).map(Day::name),
        day_number: row.day.as_ref().map(|d| d.number),
        day_label: row.day.as_ref().and_then(|d| d.label.as_deref()),
        total: row.scope == Scope::Total,
        sessions: t.sessions,
        lines: t.lines,
        words: t.words,
        missed: t.missed,
        partial: t.partial,
        not_seen: t.not_seen,
    };
    write_line(out, &record)
}

#[derive(Debug, Serialize)]
struct NodeRecord<'a> {
    file: &'a str,
    line: LineNumber,
    depth: usize,
    kind: &'static str,
    text: Cow<'a, str>,
}

/// A node of `tree`: `file`, `line`, `depth` (1 for sessions), `kind` (`session`,
/// `heading`, `bullet` or `text`) and `text`.
pub fn write_node(
    out: &mut impl Write,
    file: &str,
    doc: &Document,
    line: usize,
    depth: usize,
) -> io::Result<()> {
    let outline = doc.outline();
    let kind = if depth == 1 {
        "session"
    } else {
        node_kind(doc, line)
    };
    let record = NodeRecord {
        file,
        line: LineNumber::of(line),
        depth,
        kind,
        text: outline.text(line),
    };
    write_line(out, &record)
}

fn node_kind(doc: &Document, line: usize) -> &'static str {
    match doc.outline().line(line).kind() {
        crate::outline::Kind::Heading { .. } => "heading",
        crate::outline::Kind::Bullet(_) => "bullet",
        _ => "text",
    }
}

/// One document as a single nested JSON object on one line:
/// `{"file", "title", "sessions": [{session fields…, "notes": [{"line", "kind",
/// "marker", "text", "children": […]}]}]}`. Written without recursion, so the deepest
/// outline cannot overflow the stack.
pub fn write_tree<'d>(
    out: &mut impl Write,
    file: FileRef,
    doc: &Document,
    sessions: impl IntoIterator<Item = &'d Session>,
) -> io::Result<()> {
    let outline = doc.outline();
    out.write_all(b"{\"file\":")?;
    scalar(out, &file.label)?;
    out.write_all(b",\"event\":")?;
    scalar(out, &file.origin.event)?;
    out.write_all(b",\"year\":")?;
    scalar(out, &file.origin.year)?;
    out.write_all(b",\"title\":")?;
    scalar(out, &doc.title())?;
    out.write_all(b",\"sessions\":[")?;
    for (i, session) in sessions.into_iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        // The session's fields, without the closing brace, then its notes.
        let record =
            serde_json::to_vec(&SessionRecord::new(file, doc, session)).map_err(io::Error::from)?;
        out.write_all(&record[..record.len() - 1])?;
        out.write_all(b",\"notes\":[")?;
        // has_items[k]: the array at depth k (0: notes, k: children of the open node at
        // depth k) has an element already; its length is one more than the open depth.
        let mut has_items = vec![false];
        for note in doc.notes(session) {
            while has_items.len() > note.depth {
                out.write_all(b"]}")?;
                has_items.pop();
            }
            if let Some(last) = has_items.last_mut() {
                if *last {
                    out.write_all(b",")?;
                }
                *last = true;
            }
            out.write_all(b"{\"line\":")?;
            scalar(out, &LineNumber::of(note.line))?;
            out.write_all(b",\"kind\":")?;
            scalar(out, &node_kind(doc, note.line))?;
            out.write_all(b",\"marker\":")?;
            let marker = outline.marker(note.line);
            let marker = (!marker.is_empty()).then(|| String::from_utf8_lossy(marker));
            scalar(out, &marker)?;
            out.write_all(b",\"text\":")?;
            scalar(out, &outline.text(note.line))?;
            out.write_all(b",\"children\":[")?;
            has_items.push(false);
        }
        for _ in 1..has_items.len() {
            out.write_all(b"]}")?;
        }
        out.write_all(b"]}")?;
    }
    out.write_all(b"]}\n")
}

#[derive(Debug, Serialize)]
struct FindingRecord<'a> {
    file: &'a str,
    line: LineNumber,
    column: usize,
    check: &'static str,
    message: &'a str,
}

/// A finding of `notes check`: `file`, `line`, `column`, `check` (its name, such as
/// `mixed-indentation`) and `message`.
pub fn write_finding(out: &mut impl Write, file: &str, finding: &Finding) -> io::Result<()> {
    let record = FindingRecord {
        file,
        line: finding.line,
        column: finding.column,
        check: finding.check.name(),
        message: &finding.message,
    };
    write_line(out, &record)
}

#[derive(Debug, Serialize)]
struct NoteRecord<'a> {
    file: &'a str,
    line: LineNumber,
    column: usize,
    note: &'a str,
}

/// A note of `notes check --explain`: `file`, `line`, `column` and `note` (how the
/// structure was read there).
pub fn write_note(out: &mut impl Write, file: &str, note: &Explanation) -> io::Result<()> {
    let record = NoteRecord {
        file,
        line: LineNumber::of(note.line),
        column: 1,
        note: &note.message,
    };
    write_line(out, &record)
}

fn scalar(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(&mut *out, SafeJson);
    value.serialize(&mut serializer).map_err(io::Error::from)
}
