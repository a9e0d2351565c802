//! Summaries: speakers with their sessions, sessions and lines per day, statistics.
//!
//! Pure like [`crate::query`]: these count and collect, and the printers show them.

use std::collections::BTreeMap;

use crate::document::{Day, DayInfo, Document, Session, Status};
use crate::event::Origin;
use crate::fold::fold;
use crate::outline::LineNumber;

/// A session (or lightning talk) given by a speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appearance {
    /// The label of the file it is in.
    pub file: String,
    /// The line number of its heading or bullet.
    pub line: LineNumber,
    /// Its title.
    pub title: String,
    /// Its day, when known.
    pub day: Option<Day>,
    /// The event of its file.
    pub event: Option<String>,
    /// Its year, when known.
    pub year: Option<i32>,
}

/// A speaker with their handles and sessions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// The name as first written.
    pub name: String,
    /// `@handles` given with the speaker's sessions.
    pub handles: Vec<String>,
    /// What they gave, in the order the files were read.
    pub appearances: Vec<Appearance>,
}

/// Speakers gathered over one or more documents, keyed by their name ignoring case and
/// accents (so "Fernando Perez" and "Fernando Pérez" are one person).
#[derive(Debug, Clone, Default)]
pub struct Speakers {
    by_name: BTreeMap<String, Speaker>,
}

impl Speaker {
    /// The events they spoke at, in the order first seen.
    pub fn events(&self) -> Vec<&str> {
        let mut events: Vec<&str> = Vec::new();
        for event in self.appearances.iter().filter_map(|a| a.event.as_deref()) {
            if !events.contains(&event) {
                events.push(event);
            }
        }
        events
    }

    /// The years they spoke in, in order.
    pub fn years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self.appearances.iter().filter_map(|a| a.year).collect();
        years.sort_unstable();
        years.dedup();
        years
    }
}

/// Where a file's sessions were given: its label and origin.
#[derive(Debug, Clone, Copy)]
struct At<'a> {
    file: &'a str,
    origin: &'a Origin,
}

impl Speakers {
    /// Adds the speakers of `sessions` of a file (their lightning talks and wishlist
    /// items too), of the event and year `origin` gives.
    pub fn add<'s>(
        &mut self,
        file: &str,
        origin: &Origin,
        sessions: impl IntoIterator<Item = &'s Session>,
    ) {
        let at = At { file, origin };
        for session in sessions {
            let b = session.byline();
            let (line, day) = (session.line_number(), session.day());
            let year = origin.session_year(session);
            self.add_one(at, (line, b.title, day, year), &b.speakers, &b.handles);
            for talk in session.talks() {
                let b = talk.byline();
                let line = talk.line_number();
                self.add_one(at, (line, b.title, day, year), &b.speakers, &b.handles);
            }
        }
    }

    /// Adds the speakers of `other`, read after these.
    pub fn merge(&mut self, other: Speakers) {
        for (key, speaker) in other.by_name {
            match self.by_name.get_mut(&key) {
                Some(known) => {
                    for handle in speaker.handles {
                        if !known.handles.contains(&handle) {
                            known.handles.push(handle);
                        }
                    }
                    known.appearances.extend(speaker.appearances);
                }
                None => {
                    self.by_name.insert(key, speaker);
                }
            }
        }
    }

    fn add_one(
        &mut self,
        at: At,
        (line, title, day, year): (LineNumber, &str, Option<Day>, Option<i32>),
        names: &[&str],
        handles: &[&str],
    ) {
        for &name in names {
            let speaker = self.by_name.entry(fold(name)).or_insert_with(|| Speaker {
                name: name.to_string(),
                handles: Vec::new(),
                appearances: Vec::new(),
            });
            // Handles belong to a speaker only when the heading names one person.
            if names.len() == 1 {
                for &handle in handles {
                    if !speaker.handles.iter().any(|h| h == handle) {
                        speaker.handles.push(handle.to_string());
                    }
                }
            }
            speaker.appearances.push(Appearance {
                file: at.file.to_string(),
                line,
                title: title.to_string(),
                day,
                event: at.origin.event.clone(),
                year,
            });
        }
    }

    /// The speakers sorted by name, ignoring case and accents.
    pub fn into_sorted(self) -> Vec<Speaker> {
        self.by_name.into_values().collect()
    }
}

/// Counts over a set of sessions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Sessions.
    pub sessions: usize,
    /// Non-blank lines under the sessions' headings.
    pub lines: usize,
    /// Words (runs of non-whitespace) on those lines.
    pub words: usize,
    /// Sessions missed.
    pub missed: usize,
    /// Sessions left early.
    pub partial: usize,
    /// Wishlist sessions, not seen.
    pub not_seen: usize,
}

impl Tally {
    /// Adds the counts of `other`.
    pub fn merge(&mut self, other: &Tally) {
        self.sessions += other.sessions;
        self.lines += other.lines;
        self.words += other.words;
        self.missed += other.missed;
        self.partial += other.partial;
        self.not_seen += other.not_seen;
    }

    fn add(&mut self, doc: &Document, session: &Session) {
        let outline = doc.outline();
        self.sessions += 1;
        for i in session.lines().skip(1) {
            if !outline.line(i).is_blank() {
                self.lines += 1;
                self.words += outline.text(i).split_whitespace().count();
            }
        }
        match session.status() {
            Status::Attended => {}
            Status::Missed => self.missed += 1,
            Status::Partial => self.partial += 1,
            Status::NotSeen => self.not_seen += 1,
        }
    }
}

/// One row of [`stats`]: one day, the sessions without a day, or the total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// What the row counts.
    pub scope: Scope,
    /// The day, for a row of one day.
    pub day: Option<DayInfo>,
    /// The counts.
    pub tally: Tally,
}

/// What a [`Row`] counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The sessions of one day, by its number.
    Day(usize),
    /// The sessions whose day the notes do not give.
    NoDay,
    /// Every session.
    Total,
}

/// Sessions, lines, words and statuses per day (in the order days first appear), then
/// for the sessions without a day (when there are any), then in total.
pub fn stats<'d>(doc: &Document, sessions: impl IntoIterator<Item = &'d Session>) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    let mut no_day = Tally::default();
    let mut total = Tally::default();
    for session in sessions {
        total.add(doc, session);
        let tally = match session.day_info() {
            None => &mut no_day,
            Some(day) => {
                let scope = Scope::Day(day.number);
                let at = match rows.iter().position(|r| r.scope == scope) {
                    Some(at) => at,
                    None => {
                        rows.push(Row {
                            scope,
                            day: Some(day.clone()),
                            tally: Tally::default(),
                        });
                        rows.len() - 1
                    }
                };
                &mut rows[at].tally
            }
        };
        tally.add(doc, session);
    }
    if no_day.sessions > 0 {
        rows.push(Row {
            scope: Scope::NoDay,
            day: None,
            tally: no_day,
        });
    }
    rows.push(Row {
        scope: Scope::Total,
        day: None,
        tally: total,
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOTES: &str = "Friday\n\
        Decorators, Colton Myers, @basepi\n  - decorators wrap functions\n\n    - add it\n\
        Lightning Talks\n  - Python .NET, John Gill\n  - Missed\n\
        Saturday\nPacking – Bob Roe, Colton Myers\n  - Partial, lunch\n\
        Talks I did not see:\n  - Science – Fernando Pérez\n";

    #[test]
    fn speakers_sorted_with_handles_and_appearances() {
        let doc = Document::parse(NOTES.as_bytes());
        let mut speakers = Speakers::default();
        let pycon = Origin {
            event: Some("PyCon".to_string()),
            year: Some(2014),
            date: None,
        };
        speakers.add("a.txt", &pycon, doc.sessions());
        let other = Document::parse("Talk – Fernando Perez\n".as_bytes());
        let mut more = Speakers::default();
        let scipy = Origin {
            event: Some("SciPy".to_string()),
            year: Some(2015),
            date: None,
        };
        more.add("b.txt", &scipy, other.sessions());
        speakers.merge(more);
        let all = speakers.into_sorted();
        let names: Vec<&str> = all.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            ["Bob Roe", "Colton Myers", "Fernando Pérez", "John Gill"]
        );
        let colton = &all[1];
        assert_eq!(colton.handles, ["@basepi"]);
        assert_eq!(colton.appearances.len(), 2);
        assert_eq!(colton.appearances[1].day, Some(Day::Saturday));
        let fernando = &all[2];
        assert_eq!(fernando.appearances.len(), 2);
        assert_eq!(fernando.appearances[1].file, "b.txt");
        assert_eq!(fernando.events(), ["PyCon", "SciPy"]);
        assert_eq!(fernando.years(), [2014, 2015]);
        assert_eq!(colton.events(), ["PyCon"]);
        let gill = &all[3].appearances[0];
        assert_eq!((gill.line.get(), gill.title.as_str()), (7, "Python .NET"));
    }

    #[test]
    fn stats_per_day_no_day_and_total() {
        let doc = Document::parse(NOTES.as_bytes());
        let rows = stats(&doc, doc.sessions());
        let scopes: Vec<Scope> = rows.iter().map(|r| r.scope).collect();
        assert_eq!(
            scopes,
            [Scope::Day(1), Scope::Day(2), Scope::NoDay, Scope::Total]
        );
        let friday = rows[0].tally;
        assert_eq!((friday.sessions, friday.lines, friday.words), (2, 4, 10));
        assert_eq!(friday.missed, 1);
        assert_eq!(rows[1].tally.partial, 1);
        assert_eq!(rows[2].tally.not_seen, 1);
        assert_eq!(rows[3].tally.sessions, 4);
        assert_eq!(rows[3].tally.words, 10 + 2);
    }
}
