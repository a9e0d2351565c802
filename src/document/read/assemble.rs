//! From roles to sessions: each session's lines, title, speakers, day, status, talks
//! and tags; the days; the document title; and, when asked, a note per decision.

use std::ops::Range;
use std::sync::Arc;

use super::units::{self, Form, Unit};
use super::{Decision, Explanation, ReadOptions, Role, Why, people};
use crate::document::rules::{
    self, DayHeading, byline, day, heading, speaker_label, status, title,
};
use crate::document::{DayInfo, Session, SessionKind, SpeakerSource, Status, StatusSource, Talk};
use crate::outline::{BOM, Kind, Outline, Syntax};
use crate::parallel;

/// What the reader read.
pub(crate) struct Read {
    pub title: Option<(usize, String)>,
    pub sessions: Vec<Session>,
    pub days: Vec<Arc<DayInfo>>,
    pub date: Option<rules::Date>,
    pub explanations: Vec<Explanation>,
    /// What the units said of the days, when they were kept rather than followed: the
    /// sessions then have no day, and `days` is empty.
    pub steps: Vec<DayStep>,
}

/// Turns the roles of `units` into sessions and days; with `keep_steps`, the days are
/// not followed but their steps kept, for a piece of a file whose days the pieces before
/// it begin.
pub(crate) fn assemble(
    outline: &Outline,
    units: &[Unit],
    decisions: &[Decision],
    options: &ReadOptions,
    keep_steps: bool,
) -> Read {
    let flat = outline.syntax() == Syntax::Outline;
    let mut builder = Builder {
        outline,
        units,
        decisions,
        flat,
        full_at: options.full_at.as_deref().filter(|_| flat),
        name_headings: false,
        sessions: Vec::new(),
        session_days: Vec::new(),
        days: Days::default(),
        steps: keep_steps.then(Vec::new),
    };
    let sessions: Vec<usize> = (0..units.len())
        .filter(|&u| decisions[u].role == Role::Session)
        .collect();
    let named = sessions
        .iter()
        .filter(|&&u| !builder.flat && builder.name_heading(u).is_some())
        .count();
    builder.name_headings = named >= 2 && named * 2 >= sessions.len();
    let mut facts = builder
        .all_facts(&sessions, options.threads)
        .into_iter()
        .flatten();
    // Room for them all at once: the facts are still held while they move here.
    builder.sessions.reserve_exact(sessions.len());
    builder.session_days.reserve_exact(sessions.len());
    let meta = Metadata::of(outline);
    let mut title = meta.title.clone();
    if let Some((label, day)) = &meta.date {
        builder.step(DayStep::Title(*day, Some(label.clone())));
    }
    for (u, unit) in units.iter().enumerate() {
        match decisions[u].role {
            Role::Title => {
                if title.is_none() {
                    title = Some((unit.line, unit.text.clone()));
                }
                if let Some((day, label)) = title_day(&unit.text) {
                    builder.step(DayStep::Title(day, label));
                }
            }
            Role::Day(day) => builder.step(DayStep::Heading(day, unit.text.clone())),
            Role::Group { .. } => builder.mention(&unit.text),
            Role::Wishlist => builder.wishlist(u),
            Role::Session => {
                if let Some(facts) = facts.next() {
                    builder.session(facts);
                }
            }
            Role::Part | Role::Section | Role::Separator => {}
        }
    }
    // A file that is one talk is titled by it.
    if title.is_none()
        && let [only] = builder.sessions.as_slice()
        && decisions
            .iter()
            .any(|d| matches!(d.why, Why::OneTalk(_) | Why::Told))
    {
        title = Some((only.line(), only.heading().to_string()));
    }
    let explanations = if options.explain {
        explain(outline, units, decisions, &builder.sessions)
    } else {
        Vec::new()
    };
    let Builder {
        mut sessions,
        session_days,
        days: mut days_read,
        steps,
        ..
    } = builder;
    let days: Vec<Arc<DayInfo>> = std::mem::take(&mut days_read.days)
        .into_iter()
        .map(Arc::new)
        .collect();
    for (session, day) in sessions.iter_mut().zip(session_days) {
        session.day = days_read
            .day_of(day)
            .and_then(|d| days.get(d))
            .map(Arc::clone);
    }
    let mut steps = steps.unwrap_or_default();
    // A wishlist's items come before the headings under it are read: file order.
    // (Nearly always they are in order already, and a sort would copy them all.)
    if !sessions.is_sorted_by_key(|s| s.lines.start) {
        let mut order: Vec<usize> = (0..sessions.len()).collect();
        order.sort_by_key(|&i| sessions[i].lines.start);
        let mut place = vec![0; order.len()];
        for (to, &from) in order.iter().enumerate() {
            place[from] = to;
        }
        for step in &mut steps {
            if let DayStep::Session { index, .. } = step {
                *index = place[*index];
            }
        }
        sessions.sort_by_key(|s| s.lines.start);
    }
    Read {
        title,
        sessions,
        days,
        date: meta.date.and_then(|(_, day)| day.date),
        explanations,
        steps,
    }
}

/// The title and date that metadata gives: front matter, a leading `title:` block,
/// `#+TITLE:` and `#+DATE:` in org-mode.
#[derive(Debug, Default)]
struct Metadata {
    title: Option<(usize, String)>,
    date: Option<(String, DayHeading)>,
}

impl Metadata {
    fn of(outline: &Outline) -> Metadata {
        let mut meta = Metadata::default();
        for i in 0..outline.len() {
            if outline.line(i).kind() != Kind::Meta {
                continue;
            }
            let body = outline.content(i);
            let text = String::from_utf8_lossy(crate::outline::after_indent(body));
            let Some((key, value)) = text.split_once(':') else {
                continue;
            };
            let key = key.trim().trim_start_matches("#+").to_ascii_lowercase();
            let value = value.trim().trim_matches('"').trim();
            if value.is_empty() {
                continue;
            }
            if key == "title" && meta.title.is_none() {
                meta.title = Some((i, value.to_string()));
            } else if key == "date" && meta.date.is_none() {
                meta.date = day::date_in(value).map(|(span, d)| (span.to_string(), d));
            }
            if meta.title.is_some() && meta.date.is_some() {
                break;
            }
        }
        meta
    }
}

/// What a unit says of the days, in file order: followed as the units are read
/// ([`Days::follow`]), or kept by a piece of a file, to be followed after the steps of
/// the pieces before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DayStep {
    /// The title or metadata names a day, and how to label it: the first day, until a
    /// day heading.
    Title(DayHeading, Option<String>),
    /// A day heading, and its text.
    Heading(DayHeading, String),
    /// A heading that names a weekday in full or "Day N".
    Mention(DayHeading),
    /// A session's timestamp (org-mode), and how it is written.
    Dated(DayHeading, String),
    /// A session: the `index`th of its document, on the day of the sessions read now
    /// (`dated`) or on none (a wishlist's item).
    Session { index: usize, dated: bool },
}

/// The day a session is on, as far as the steps before it say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionDay {
    /// The day of this index.
    On(usize),
    /// The first day, if a dated session comes once there is one; else none. (The
    /// sessions read before any day take the first.)
    First,
    /// None: a wishlist's item.
    None,
}

/// The days of the notes, in file order, and which day each session is on.
#[derive(Debug, Default)]
pub(crate) struct Days {
    pub(crate) days: Vec<DayInfo>,
    /// The day the sessions read now are on.
    current: Option<usize>,
    /// A dated session came once there was a day: the sessions before any day are on
    /// the first.
    settled: bool,
    /// The days came from the title or metadata so far (a day heading starts anew).
    from_title: bool,
    /// The current day came from a session's timestamp (another one may start anew).
    from_stamp: bool,
}

/// A day the document's title names: a weekday or "Day N", or a date in it with a year
/// or a range of days ("16 Nov 2019", "(Feb 25-26)"; a bare "April 11" may be when the
/// notes were written), and how to label it. It holds until the first day heading.
fn title_day(text: &str) -> Option<(DayHeading, Option<String>)> {
    if let Some(mention) = rules::mentioned_day(text) {
        let label = mention.number.map(|n| format!("Day {n}"));
        Some((mention, label))
    } else if let Some((span, date)) = day::date_in(text)
        && (date.date.is_some_and(|d| d.year.is_some()) || is_range(span))
    {
        Some((date, Some(span.to_string())))
    } else {
        None
    }
}

impl Days {
    /// Follows one step; for a session, gives its day.
    pub(crate) fn follow(&mut self, step: DayStep) -> Option<SessionDay> {
        match step {
            DayStep::Title(day, label) => self.title_day(day, label),
            DayStep::Heading(day, text) => self.heading(day, text),
            DayStep::Mention(day) => self.mention(day),
            DayStep::Dated(day, label) => self.dated(day, label),
            DayStep::Session { dated, .. } => return Some(self.session(dated)),
        }
        None
    }

    /// The day of the sessions a [`SessionDay`] says, once a dated session has come or
    /// the file has ended.
    pub(crate) fn day_of(&self, day: SessionDay) -> Option<usize> {
        match day {
            SessionDay::On(d) => Some(d),
            SessionDay::First => self.settled.then_some(0),
            SessionDay::None => None,
        }
    }

    fn session(&mut self, dated: bool) -> SessionDay {
        match self.current {
            _ if !dated => SessionDay::None,
            Some(current) => {
                self.settled = true;
                SessionDay::On(current)
            }
            None => SessionDay::First,
        }
    }

    fn title_day(&mut self, day: DayHeading, label: Option<String>) {
        if !self.days.is_empty() {
            return;
        }
        self.new_day(day, label);
        self.from_title = true;
    }

    /// A day heading starts a new day, unless the day so far only came from a session
    /// naming the same weekday: then the heading names that day.
    fn heading(&mut self, day: DayHeading, text: String) {
        if !self.from_title
            && let Some(last) = self.days.last_mut()
            && last.label.is_none()
            && day.weekday.is_some()
            && last.weekday == day.weekday
        {
            last.label = Some(text);
            last.date = day.date;
            return;
        }
        self.from_title = false;
        self.new_day(day, Some(text));
    }
    /// A dated session (an org timestamp): on that date from here on, unless the day is
    /// already that date. Under a day heading or a mention that says another day, the
    /// heading stands: such a stamp is when to do something (a TODO scheduled later).
    fn dated(&mut self, day: DayHeading, label: String) {
        if let Some(current) = self.current
            && !self.from_title
        {
            let today = &mut self.days[current];
            if today.date.is_some() && today.date == day.date {
                return;
            }
            // "* Day 1" over "** Talk <2019-07-09 Tue>": day 1 is that date.
            if today.date.is_none() && today.weekday.is_none_or(|w| Some(w) == day.weekday) {
                today.date = day.date;
                today.weekday = today.weekday.or(day.weekday);
                return;
            }
            if !self.from_stamp {
                return;
            }
        }
        self.from_title = false;
        self.new_day(day, Some(label));
        self.from_stamp = true;
    }

    /// A heading that names a weekday in full or "Day N": on that day from here on.
    fn mention(&mut self, mention: DayHeading) {
        if let Some(&current) = self.current.as_ref()
            && !self.from_title
        {
            let last = &mut self.days[current];
            let same_weekday = mention.weekday.is_some() && last.weekday == mention.weekday;
            let same_number = mention.number.is_some_and(|n| last.number == n as usize);
            if same_weekday || same_number {
                return;
            }
            if last.weekday.is_none() && mention.number.is_none() {
                last.weekday = mention.weekday;
                return;
            }
        }
        self.from_title = false;
        let label = mention.number.map(|n| format!("Day {n}"));
        self.new_day(mention, label);
    }

    fn new_day(&mut self, day: DayHeading, label: Option<String>) {
        let number = match day.number {
            Some(n) => n as usize,
            None => self.days.last().map_or(1, |d| d.number + 1),
        };
        self.from_stamp = false;
        let index = self.days.len();
        self.days.push(DayInfo {
            number,
            weekday: day.weekday,
            date: day.date,
            label,
        });
        self.current = Some(index);
    }
}

/// "Feb 25-26": two days joined by a dash.
fn is_range(span: &str) -> bool {
    span.as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b'-' && w[2].is_ascii_digit())
}

/// A session as read from its unit alone, and the timestamp that dates it.
struct Facts {
    session: Session,
    stamp: Option<(String, DayHeading)>,
}

/// Builds the sessions in file order.
struct Builder<'b, 'a> {
    outline: &'b Outline<'a>,
    units: &'b [Unit],
    decisions: &'b [Decision],
    flat: bool,
    /// [`ReadOptions::full_at`], in a plain outline.
    full_at: Option<&'b [usize]>,
    /// Most of the file's sessions have a sub-heading right under their heading that
    /// names their speakers: the file's way of writing them.
    name_headings: bool,
    sessions: Vec<Session>,
    /// The day of each session, as the days said when it was read.
    session_days: Vec<SessionDay>,
    days: Days,
    /// The steps of the days, when they are kept rather than followed.
    steps: Option<Vec<DayStep>>,
}

impl Builder<'_, '_> {
    /// The lines a session unit covers: its subtree where headings nest, else up to the
    /// next unit that is not a part of it.
    fn lines(&self, u: usize) -> Range<usize> {
        let unit = &self.units[u];
        let end = if self.flat {
            (u + 1..self.units.len())
                .find(|&n| !matches!(self.decisions[n].role, Role::Part | Role::Separator))
                .map_or(self.outline.len(), |n| self.units[n].line)
        } else {
            unit.end
        };
        unit.line..end.max(unit.line + 1)
    }

    fn byte(&self, line: usize) -> usize {
        if line < self.outline.len() {
            self.outline.line(line).start()
        } else {
            self.outline.src().len()
        }
    }

    /// Whether line `i` of a session over `lines` is one of its top-level lines: right
    /// under its heading (or under a note heading of it, in the plain outline).
    fn top_level(&self, i: usize, lines: &Range<usize>) -> bool {
        match self.outline.parent(i) {
            None => true,
            Some(p) if p <= lines.start => true,
            Some(p) => self.flat && self.outline.line(p).is_heading() && lines.contains(&p),
        }
    }

    /// Follows a step of the days, or keeps it.
    fn step(&mut self, step: DayStep) {
        match &mut self.steps {
            Some(steps) => steps.push(step),
            None => {
                if let Some(day) = self.days.follow(step) {
                    self.session_days.push(day);
                }
            }
        }
    }

    /// A heading that may name a weekday in full or "Day N".
    fn mention(&mut self, text: &str) {
        if let Some(day) = rules::mentioned_day(text) {
            self.step(DayStep::Mention(day));
        }
    }

    fn push(&mut self, session: Session, dated: bool) {
        let index = self.sessions.len();
        self.sessions.push(session);
        self.step(DayStep::Session { index, dated });
    }

    /// A session unit, with the facts [`Builder::facts`] read of it.
    fn session(&mut self, mut facts: Facts) {
        // A weekday or "Day N" the heading names stands over its timestamp.
        self.mention(&facts.session.heading);
        if let Some((stamp, day)) = facts.stamp.take() {
            self.step(DayStep::Dated(day, stamp));
        }
        self.push(facts.session, true);
    }

    /// The facts of each of the session units `sessions`, in order, in parts: on up to
    /// `threads` threads (0: one a core) when there are enough sessions to pay for them.
    /// The parts are not joined, which would hold all the facts twice.
    fn all_facts(&self, sessions: &[usize], threads: usize) -> Vec<Vec<Facts>> {
        const SESSIONS_A_THREAD: usize = 1024;
        parallel::map_runs(sessions, threads, SESSIONS_A_THREAD, |&u| self.facts(u))
    }

    /// What a session unit says of itself: its title, speakers, status and talks
    /// (every part of its session but the day), and the timestamp that dates it. It
    /// reads nothing the sessions before it change, so sessions can be read apart.
    fn facts(&self, u: usize) -> Facts {
        if let Some(at) = self.full_at {
            let lines = self.lines(u);
            let bytes = self.byte(lines.start)..self.byte(lines.end);
            let first = at.partition_point(|&b| b < bytes.start);
            if at.get(first).is_none_or(|&b| b >= bytes.end) {
                return self.bare_facts(u, lines, bytes);
            }
        }
        self.full_facts(u)
    }

    /// What a session not read in full keeps ([`ReadOptions::full_at`]): in the plain
    /// outline its heading is its unit's text, and nothing but the heading dates it.
    fn bare_facts(&self, u: usize, lines: Range<usize>, bytes: Range<usize>) -> Facts {
        let text = &self.units[u].text;
        let kind = if heading::is_lightning_talks(text) {
            SessionKind::LightningTalks
        } else {
            SessionKind::Talk
        };
        let session = Session {
            lines,
            bytes,
            heading: text.as_str().into(),
            title: text.as_str().into(),
            speakers: Box::default(),
            speakers_from: SpeakerSource::Nowhere,
            lead_end: 0,
            titled_by: None,
            handles: Box::default(),
            room: None,
            day: None,
            kind,
            status: Status::Attended,
            status_from: StatusSource::Nowhere,
            reason: None,
            talks: Vec::new(),
            tags: Box::default(),
            state: None,
        };
        Facts {
            session,
            stamp: None,
        }
    }

    /// [`Builder::facts`], read in full.
    fn full_facts(&self, u: usize) -> Facts {
        let unit = &self.units[u];
        let outline = self.outline;
        let lines = self.lines(u);
        let mut heading_text = unit.text.clone();
        let (text, mut status, mut reason, mut status_from) = match title::status_prefix(&unit.text)
        {
            Some((t, s, r)) => (
                t.to_string(),
                s,
                r.map(str::to_string),
                StatusSource::Heading,
            ),
            None => (
                unit.text.clone(),
                Status::Attended,
                None,
                StatusSource::Nowhere,
            ),
        };
        let cleaned = title::clean(&text).into_owned();
        let b = byline(&cleaned);
        let mut title = b.title.to_string();
        let mut speakers: Vec<String> = b.speakers.iter().map(|s| s.to_string()).collect();
        let mut from = if speakers.is_empty() {
            SpeakerSource::Nowhere
        } else {
            SpeakerSource::Heading
        };
        let mut handles: Vec<String> = b.handles.iter().map(|s| s.to_string()).collect();
        let room = b.room.map(str::to_string);
        let speaker_only = speakers.len() == 1 && speakers[0] == title;
        let mut titled_by = None;
        // "#Ada Quist" over "##Parsers by hand": the talk is titled by the sub-heading.
        if speaker_only
            && !self.flat
            && let Some(&child) = unit.children.first()
            && self.is_title_under(u, child)
        {
            let child_text = title::clean(&self.units[child].text).into_owned();
            titled_by = Some(self.units[child].line);
            title = byline(&child_text).title.to_string();
            heading_text = format!("{} — {}", child_text, heading_text);
        }
        let stamp = self
            .timestamp(u)
            .filter(|_| rules::mentioned_day(&heading_text).is_none());
        let block = matches!(unit.form, Form::Block { .. });
        let found = match unit.form {
            Form::Block { end } => people::from_block(outline, unit.line..end),
            _ => {
                let body = if self.flat {
                    unit.line + 1..lines.end
                } else {
                    unit.body(self.units)
                };
                people::from_lines(outline, body, lines.clone())
            }
        };
        let lead_end = found.lead_end;
        if (found.labelled || speakers.is_empty()) && !found.names.is_empty() {
            speakers = found.names.clone();
            from = if block || found.later {
                SpeakerSource::Body
            } else {
                SpeakerSource::FirstLines
            };
        }
        for handle in found.handles {
            if !handles.contains(&handle) {
                handles.push(handle);
            }
        }
        if speakers.is_empty() {
            let found = self.sub_heading_speakers(u, &lines);
            if !found.names.is_empty() {
                speakers = found.names;
                from = SpeakerSource::SubHeadings;
            }
            for handle in found.handles {
                if !handles.contains(&handle) {
                    handles.push(handle);
                }
            }
        }
        let lightning = heading::is_lightning_talks(&heading_text);
        let kind = if lightning {
            SessionKind::LightningTalks
        } else {
            SessionKind::Talk
        };
        let mut talks = Vec::new();
        for i in lines.clone().skip(1) {
            let line = outline.line(i);
            let bullet = line.is_bullet();
            // A note line right under the heading: a paragraph where headings nest, an
            // unindented line in the plain outline (where lines of text do not nest, and
            // one may be deep in the notes).
            let paragraph = if self.flat {
                line.is_heading()
            } else {
                line.kind() == Kind::Text && line.column() == 0 && !line.is_code()
            };
            if !(bullet || paragraph) || !self.top_level(i, &lines) {
                continue;
            }
            let text = units::line_text_cow(outline, i);
            if status == Status::Attended
                && let Some((found, why)) = status::absence(&text)
            {
                status = found;
                reason = why.map(str::to_string);
                status_from = StatusSource::Notes;
            }
            if lightning && bullet {
                talks.push(Talk {
                    line: i,
                    bytes: self.byte(i)..self.byte(outline.subtree_end(i).min(lines.end)),
                    text: text.into(),
                });
            }
        }
        let (tags, state) = if unit.form == Form::Heading {
            heading_marks(outline.syntax(), line_body(outline, unit.line))
        } else {
            (Box::default(), None)
        };
        // "watch: Async in depth": the talk is "Async in depth", perhaps still to watch.
        if let Some((rest, _)) = status::watch_prefix(&title) {
            title = rest.to_string();
        }
        let todo = state.map(|s| s == 0);
        if status == Status::Attended
            && status::still_to_watch(&unit.text, todo, self.has_notes(&lines))
        {
            status = Status::Missed;
            status_from = if todo.is_some() {
                StatusSource::State
            } else {
                StatusSource::Heading
            };
        }
        let session = Session {
            lines: lines.clone(),
            bytes: self.byte(lines.start)..self.byte(lines.end),
            heading: heading_text.into(),
            title: title.into(),
            speakers: speakers.into_iter().map(Into::into).collect(),
            speakers_from: from,
            lead_end,
            titled_by,
            handles: handles.into_iter().map(Into::into).collect(),
            room: room.map(Into::into),
            day: None,
            kind,
            status,
            status_from,
            reason: reason.map(Into::into),
            talks,
            tags,
            state,
        };
        Facts { session, stamp }
    }

    /// True when a session over `lines` has notes under its heading: a line that is
    /// not blank, metadata or only a link.
    fn has_notes(&self, lines: &Range<usize>) -> bool {
        lines.clone().skip(1).any(|i| {
            let line = self.outline.line(i);
            !line.is_blank()
                && line.kind() != Kind::Meta
                && !people::is_link_line(&self.outline.text(i))
        })
    }

    /// An org-mode timestamp on a session's heading or alone on its first line: the day
    /// it is on.
    fn timestamp(&self, u: usize) -> Option<(String, DayHeading)> {
        if self.outline.syntax() != Syntax::Org {
            return None;
        }
        let unit = &self.units[u];
        let heading = self.outline.text(unit.line);
        if let Some((stamp, day)) = day::org_timestamp_in(&heading) {
            return Some((stamp.to_string(), day));
        }
        let first = (unit.line + 1..unit.end).find(|&i| {
            let line = self.outline.line(i);
            !line.is_blank() && line.kind() != Kind::Meta
        })?;
        let text = self.outline.text(first);
        let day = day::org_timestamp(&text)?;
        Some((text.trim().to_string(), day))
    }

    /// True when nothing but blank lines and metadata (not a rule) stand between the
    /// unit's heading and its first sub-unit.
    fn right_under(&self, u: usize) -> bool {
        self.units[u].body(self.units).all(|i| {
            let line = self.outline.line(i);
            line.is_blank()
                || (line.kind() == Kind::Meta
                    && heading::rule_length(&self.outline.text(i)).is_none())
        })
    }

    /// The sub-heading right under session `u`'s heading that only names people.
    fn name_heading(&self, u: usize) -> Option<usize> {
        let &first = self.units[u].children.first()?;
        (self.units[first].form == Form::Heading
            && self.right_under(u)
            && people::from_sub_heading(&self.units[first].text, true).is_some())
        .then_some(first)
    }

    /// Speakers named by the parts of a session: in the plain outline, a name line
    /// under an empty session (rule 4's speaker); where headings nest, a sub-heading that
    /// is only a name, or the entries under a "Speakers" sub-heading.
    fn sub_heading_speakers(&self, u: usize, lines: &Range<usize>) -> people::People {
        let mut found = people::People::default();
        let parts = (u + 1..self.units.len())
            .take_while(|&d| self.units[d].line < lines.end)
            .filter(|&d| self.decisions[d].role == Role::Part);
        for d in parts {
            let part = &self.units[d];
            if part.form != Form::Heading {
                continue;
            }
            if self.flat {
                if self.decisions[d].why == Why::SpeakerLabel
                    && let Some(names) = speaker_label(&part.text)
                {
                    found.add(&rules::split_names(names));
                } else if self.decisions[d].why == Why::Speaker
                    && let Some(line) =
                        rules::speaker::speaker_line(&part.text, rules::speaker::Position::Plain)
                {
                    found.add(&line);
                }
                continue;
            }
            if heading::is_speakers_heading(&part.text) {
                for entry in self.entries(d) {
                    if let Some(people) = people::from_entry(&entry) {
                        merge(&mut found, people);
                    }
                }
                continue;
            }
            if let Some(names) = speaker_label(&part.text) {
                found.add(&rules::split_names(names));
                continue;
            }
            // A name heading right under the session's heading names its speakers (by
            // its shape alone where the file's talks have such headings: "### Bear
            // Douglas, Slack"); further down, only in a discussion, where headings take
            // turns ("Moderator: …").
            let first = self.name_heading(u) == Some(d);
            if !first && !self.is_discussion(u) {
                continue;
            }
            let marked = first && self.name_headings;
            if let Some(people) = people::from_sub_heading(&part.text, marked) {
                merge(&mut found, people);
            }
        }
        found
    }

    /// True when sub-heading `child` titles the talk of `u`, a heading that is only the
    /// speaker's name ("#Ada Quist" over "##Parsers by hand"): it comes right under it,
    /// names nobody, has the talk's notes under it and is not a sentence.
    fn is_title_under(&self, u: usize, child: usize) -> bool {
        let sub = &self.units[child];
        let notes_under = (sub.line + 1..sub.end).any(|i| {
            let line = self.outline.line(i);
            !line.is_blank() && line.kind() != Kind::Meta
        });
        sub.form == Form::Heading
            && self.right_under(u)
            && notes_under
            && !sub.text.trim_end().ends_with('.')
            && people::from_sub_heading(&sub.text, true).is_none()
    }

    /// A session whose sub-headings are turns in a discussion: a panel, a Q&A, an
    /// interview by its label, or with sub-headings such as "Moderator: …".
    fn is_discussion(&self, u: usize) -> bool {
        let unit = &self.units[u];
        let label = heading::talk_label(&unit.text).is_some_and(|l| {
            [
                "panel",
                "panel discussion",
                "fireside chat",
                "interview",
                "ama",
                "live q&a",
            ]
            .contains(&l)
        });
        label
            || unit
                .children
                .iter()
                .any(|&c| heading::is_dialogue(&self.units[c].text))
    }

    /// The entries under a "Speakers" heading: its sub-headings and its own lines.
    fn entries(&self, d: usize) -> Vec<String> {
        let unit = &self.units[d];
        let mut entries: Vec<String> = unit
            .children
            .iter()
            .map(|&c| self.units[c].text.clone())
            .collect();
        for i in unit.body(self.units) {
            let line = self.outline.line(i);
            if line.is_bullet() || line.kind() == Kind::Text {
                entries.push(
                    self.outline
                        .syntax()
                        .inline_text(&self.outline.text(i))
                        .into_owned(),
                );
            }
        }
        entries
    }

    /// The bullets right under a wishlist heading: talks not seen, with no day.
    fn wishlist(&mut self, u: usize) {
        let unit = &self.units[u];
        let outline = self.outline;
        let end = if self.flat {
            self.lines(u).end
        } else {
            unit.end
        };
        let items: Vec<usize> = (unit.line + 1..end)
            .filter(|&i| outline.line(i).is_bullet() && outline.parent(i) == Some(unit.line))
            .collect();
        for (k, &i) in items.iter().enumerate() {
            let next = items.get(k + 1).copied().unwrap_or(end);
            // An item ends where its bullet's subtree does (where headings nest), and
            // before the next item or unit.
            let next_unit = self.units[u + 1..]
                .iter()
                .map(|n| n.line)
                .find(|&l| l > i)
                .unwrap_or(end);
            let stop = outline.subtree_end(i).min(end).min(next_unit).max(i + 1);
            let stop = if self.flat { next.min(end) } else { stop };
            let raw = outline.text(i);
            let text = units::line_text(outline, i);
            let text = status::wishlist_title(&text);
            let text = status::watch_prefix(text).map_or(text, |(rest, _)| rest);
            let cleaned = title::clean(text).into_owned();
            let b = byline(&cleaned);
            let session = Session {
                lines: i..stop,
                bytes: self.byte(i)..self.byte(stop),
                heading: raw.into(),
                title: b.title.into(),
                speakers: b.speakers.iter().map(|s| (*s).into()).collect(),
                speakers_from: if b.speakers.is_empty() {
                    SpeakerSource::Nowhere
                } else {
                    SpeakerSource::Heading
                },
                lead_end: 0,
                titled_by: None,
                handles: b.handles.iter().map(|s| (*s).into()).collect(),
                room: b.room.map(Into::into),
                day: None,
                kind: SessionKind::Wishlist,
                status: Status::NotSeen,
                status_from: StatusSource::Nowhere,
                reason: None,
                talks: Vec::new(),
                tags: Box::default(),
                state: None,
            };
            self.push(session, false);
        }
    }
}

fn merge(into: &mut people::People, from: people::People) {
    let line = rules::speaker::SpeakerLine {
        names: from.names.iter().map(String::as_str).collect(),
        handles: from.handles.iter().map(String::as_str).collect(),
        labelled: false,
    };
    into.add(&line);
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

/// Line `i` without its terminator (or a BOM).
fn line_body<'a>(outline: &Outline<'a>, i: usize) -> &'a [u8] {
    let body = outline.content(i);
    body.strip_prefix(BOM).unwrap_or(body)
}

/// A note per decision, and where the reading is unsure.
fn explain(
    outline: &Outline,
    units: &[Unit],
    decisions: &[Decision],
    sessions: &[Session],
) -> Vec<Explanation> {
    let mut notes = Vec::new();
    for (unit, decision) in units.iter().zip(decisions) {
        let what = match decision.role {
            Role::Title => "the document title",
            Role::Day(_) => "a day",
            Role::Group { lightning: true } => "a group of lightning talks",
            Role::Group { lightning: false } => "a group",
            Role::Section => "a section, not a session",
            Role::Session => "a session",
            Role::Part if decision.why == Why::Speaker => "the speaker of the session above",
            Role::Part if decision.why == Why::SpeakerLabel => "speakers, not a session",
            Role::Part if decision.why == Why::Note => "a note of the session above",
            Role::Part => continue,
            Role::Wishlist => "a wishlist",
            Role::Separator => continue,
        };
        notes.push(Explanation {
            line: unit.line,
            message: format!(
                "{} read as {what}: {}",
                quote(outline, unit.line),
                decision.why
            ),
        });
    }
    for session in sessions {
        let notes_lines = session
            .lines()
            .skip(1)
            .filter(|&i| !outline.line(i).is_blank() && outline.line(i).kind() != Kind::Meta)
            .count();
        if notes_lines == 0 && session.kind() != SessionKind::Wishlist {
            notes.push(Explanation {
                line: session.line(),
                message: format!(
                    "{} is a session of one line: nothing is under it (unsure)",
                    quote(outline, session.line())
                ),
            });
        }
        let unindented = session
            .lines()
            .skip(1)
            .filter(|&i| {
                outline.syntax() == Syntax::Outline
                    && outline.line(i).is_heading()
                    && heading::rule_length(&outline.text(i)).is_none()
            })
            .count();
        if unindented >= 3 {
            notes.push(Explanation {
                line: session.line(),
                message: format!(
                    "the {unindented} unindented lines after {} are read as its notes (unsure)",
                    quote(outline, session.line())
                ),
            });
        }
    }
    notes.sort_by_key(|n| n.line);
    notes
}

/// A line as written, quoted and shortened for a message.
fn quote(outline: &Outline, line: usize) -> String {
    let text = String::from_utf8_lossy(outline.content(line))
        .trim()
        .to_string();
    let short: String = text.chars().take(60).collect();
    if short.len() < text.len() {
        format!("'{short}…'")
    } else {
        format!("'{short}'")
    }
}
