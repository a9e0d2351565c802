//! Queries: pure functions from a [`Document`] to the sessions asked for. Searching
//! lines is [`crate::search`]'s. Nothing here prints.

use crate::document::rules::{Byline, DaySpec};
use crate::document::{Document, Session, Status, Talk};
use crate::event::{self, Bound, Origin};
use crate::fold::{contains_folded, fold};

/// Which sessions to keep. The default keeps every session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only sessions on one of these days (all when empty).
    pub days: Vec<DaySpec>,
    /// Only sessions of an event whose name contains this text, ignoring case and
    /// accents.
    pub event: Option<String>,
    /// Only sessions of one of these years (all when empty).
    pub years: Vec<i32>,
    /// Only sessions on or after this date (their own, else their file's).
    pub since: Option<Bound>,
    /// Only sessions on or before this date (their own, else their file's).
    pub until: Option<Bound>,
    /// Only sessions with one of these statuses (all when empty).
    pub statuses: Vec<Status>,
    /// Only sessions with a speaker or handle (of the session or of one of its lightning
    /// talks) containing this text, ignoring case and accents.
    pub speaker: Option<String>,
    /// Only sessions whose heading contains this text, ignoring case and accents.
    pub session: Option<String>,
    /// Only sessions with this tag on their heading or any of their lines.
    pub tag: Option<String>,
}

impl Filter {
    /// True when the filter keeps every session.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// True when `session`, of a file of `origin`, passes every condition.
    /// The tag is not checked here: it needs the document, see [`sessions`].
    pub fn matches(&self, session: &Session, origin: &Origin) -> bool {
        (self.days.is_empty()
            || session
                .day_info()
                .is_some_and(|info| self.days.iter().any(|d| info.matches(d))))
            && self
                .event
                .as_deref()
                .is_none_or(|e| origin.event_matches(e))
            && (self.years.is_empty()
                || origin
                    .session_year(session)
                    .is_some_and(|y| self.years.contains(&y)))
            && self.in_range(session, origin)
            && self.matches_alone(session)
    }

    /// True when the filter asks nothing of a session's day, file or lines: what it
    /// keeps, [`Filter::matches_alone`] says.
    pub fn is_of_sessions_alone(&self) -> bool {
        let Filter {
            days,
            event,
            years,
            since,
            until,
            tag,
            statuses: _,
            speaker: _,
            session: _,
        } = self;
        days.is_empty()
            && event.is_none()
            && years.is_empty()
            && since.is_none()
            && until.is_none()
            && tag.is_none()
    }

    /// True when `session` passes the conditions on what it says of itself: its status,
    /// speakers and heading.
    pub fn matches_alone(&self, session: &Session) -> bool {
        (self.statuses.is_empty() || self.statuses.contains(&session.status()))
            && self.speaker.as_deref().is_none_or(|want| {
                let want = fold(want);
                let names = |byline: Byline| {
                    byline
                        .speakers
                        .iter()
                        .chain(&byline.handles)
                        .any(|name| contains_folded(name, &want))
                };
                names(session.byline()) || session.talks().iter().any(|t| names(t.byline()))
            })
            && self
                .session
                .as_deref()
                .is_none_or(|want| contains_folded(session.heading(), &fold(want)))
    }
}

impl Filter {
    /// `--since` and `--until`: a session without a date is out when either is given.
    fn in_range(&self, session: &Session, origin: &Origin) -> bool {
        if self.since.is_none() && self.until.is_none() {
            return true;
        }
        event::date_for_range(origin, session).is_some_and(|date| {
            self.since.is_none_or(|b| b.after_start(&date))
                && self.until.is_none_or(|b| b.before_end(&date))
        })
    }
}

/// The sessions of `doc` (a file of `origin`) that pass `filter`, in file order.
pub fn sessions<'d: 'f, 'f>(
    doc: &'d Document,
    origin: &'f Origin,
    filter: &'f Filter,
) -> impl Iterator<Item = &'d Session> + 'f {
    doc.sessions().iter().filter(move |s| {
        filter.matches(s, origin)
            && filter
                .tag
                .as_deref()
                .is_none_or(|tag| doc.session_has_tag(s, tag))
    })
}

/// What `show` found: a whole session, or one lightning talk of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown<'d> {
    /// A session whose heading matched.
    Session(&'d Session),
    /// A lightning talk whose bullet matched, with its session.
    Talk(&'d Session, &'d Talk),
}

/// The sessions whose heading contains `query`, ignoring case and accents, and the
/// lightning talks whose bullet does (when their session's heading does not).
pub fn show<'d>(doc: &'d Document, query: &str) -> Vec<Shown<'d>> {
    let query = fold(query);
    let mut found = Vec::new();
    for session in doc.sessions() {
        if contains_folded(session.heading(), &query) {
            found.push(Shown::Session(session));
            continue;
        }
        for talk in session.talks() {
            if contains_folded(talk.text(), &query) {
                found.push(Shown::Talk(session, talk));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOTES: &str = "Friday\n\
        Decorators, Colton Myers, @basepi\n  - decorators wrap functions\n    - add functionality\n\
        Other talk – Ann Lee\n  - Missed, sick\n\
        Saturday\nPacking – Bob Roe\n  - Partial\n";

    fn doc() -> Document<'static> {
        Document::parse(NOTES.as_bytes())
    }

    #[test]
    fn filters_combine() {
        let doc = doc();
        let origin = Origin::default();
        let by = |filter: Filter| {
            let found: Vec<&str> = sessions(&doc, &origin, &filter)
                .map(Session::title)
                .collect();
            found.join("|")
        };
        assert_eq!(by(Filter::default()), "Decorators|Other talk|Packing");
        let friday = Filter {
            days: vec![DaySpec::Weekday(crate::document::Day::Friday)],
            ..Filter::default()
        };
        let either = Filter {
            days: vec![
                DaySpec::Weekday(crate::document::Day::Saturday),
                DaySpec::Number(1),
            ],
            ..Filter::default()
        };
        assert_eq!(by(either), "Decorators|Other talk|Packing");
        assert_eq!(by(friday.clone()), "Decorators|Other talk");
        let missed_friday = Filter {
            statuses: vec![Status::Missed, Status::Partial],
            ..friday
        };
        assert_eq!(by(missed_friday), "Other talk");
        let speaker = |s: &str| Filter {
            speaker: Some(s.to_string()),
            ..Filter::default()
        };
        assert_eq!(by(speaker("MYERS")), "Decorators");
        assert_eq!(by(speaker("@basepi")), "Decorators");
        assert_eq!(by(speaker("nobody")), "");
        assert_eq!(by(speaker("roé")), "Packing");
        let session = Filter {
            session: Some("TALK".to_string()),
            ..Filter::default()
        };
        assert_eq!(by(session), "Other talk");
    }

    #[test]
    fn events_years_and_dates() {
        let doc = Document::parse(
            "Notes\n\nSaturday, May 4\nPacking – Bob Roe\n  - wheels\n\
             Sunday, May 5\nTracing – Ann Lee\n  - spans\n"
                .as_bytes(),
        );
        let origin = Origin {
            event: Some("PyCón".to_string()),
            year: Some(2024),
            date: None,
        };
        let by = |filter: Filter| {
            let found: Vec<&str> = sessions(&doc, &origin, &filter)
                .map(Session::title)
                .collect();
            found.join("|")
        };
        let event = |e: &str| Filter {
            event: Some(e.to_string()),
            ..Filter::default()
        };
        assert_eq!(by(event("pycon")), "Packing|Tracing");
        assert_eq!(by(event("rustconf")), "");
        let year = |y: i32| Filter {
            years: vec![y],
            ..Filter::default()
        };
        assert_eq!(by(year(2024)), "Packing|Tracing");
        assert_eq!(by(year(2023)), "");
        let since = Filter {
            since: Bound::parse("2024-05-05"),
            ..Filter::default()
        };
        assert_eq!(by(since), "Tracing");
        let until = Filter {
            until: Bound::parse("2024-05-04"),
            ..Filter::default()
        };
        assert_eq!(by(until), "Packing");
        let undated = Origin::default();
        let since_2000 = Filter {
            since: Bound::parse("2000"),
            ..Filter::default()
        };
        let found = sessions(&doc, &undated, &since_2000).count();
        assert_eq!(found, 0, "no year: no date to compare");
    }

    #[test]
    fn show_matches_headings_then_talks() {
        let doc = Document::parse(
            "Lightning Talks, Friday\n  - Python .NET, John Gill\n  - Pérez on science\n\
             Packing – Bob Roe\n"
                .as_bytes(),
        );
        let titles = |query: &str| -> Vec<String> {
            show(&doc, query)
                .into_iter()
                .map(|s| match s {
                    Shown::Session(s) => s.title().to_string(),
                    Shown::Talk(_, t) => format!("talk {}", t.title()),
                })
                .collect()
        };
        assert_eq!(titles("PACKING"), ["Packing"]);
        assert_eq!(titles("lightning"), ["Lightning Talks, Friday"]);
        assert_eq!(titles(".net"), ["talk Python .NET"]);
        assert_eq!(titles("perez"), ["talk Pérez on science"]);
        assert!(titles("zzz").is_empty());
    }
}
