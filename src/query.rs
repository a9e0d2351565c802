//! Queries: pure functions from a [`Document`] to the sessions or lines asked for.
//!
//! Nothing here prints; the results carry line indices and byte ranges, and the
//! printers in [`crate::render`] turn them into text.

use std::ops::Range;

use regex::Regex;

use crate::document::{Day, Document, Session, Status, Talk, rules};
use crate::fold::{contains_folded, fold};

/// Which sessions to keep. The default keeps every session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only sessions on this day.
    pub day: Option<Day>,
    /// Only sessions with one of these statuses (all when empty).
    pub statuses: Vec<Status>,
    /// Only sessions with a speaker or handle (of the session or of one of its lightning
    /// talks) containing this text, ignoring case and accents.
    pub speaker: Option<String>,
    /// Only sessions whose heading contains this text, ignoring case and accents.
    pub session: Option<String>,
}

impl Filter {
    /// True when the filter keeps every session.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// True when `session` passes every condition.
    pub fn matches(&self, session: &Session) -> bool {
        let names = || {
            let talks = session.talks().iter();
            let of_talks = talks.flat_map(|t: &Talk| t.speakers().iter().chain(t.handles()));
            session
                .speakers()
                .iter()
                .chain(session.handles())
                .chain(of_talks)
        };
        self.day.is_none_or(|d| session.day() == Some(d))
            && (self.statuses.is_empty() || self.statuses.contains(&session.status()))
            && self.speaker.as_deref().is_none_or(|want| {
                let want = fold(want);
                names().any(|name| contains_folded(name, &want))
            })
            && self
                .session
                .as_deref()
                .is_none_or(|want| contains_folded(session.heading(), &fold(want)))
    }
}

/// The sessions that pass `filter`, in file order.
pub fn sessions<'d>(
    doc: &'d Document,
    filter: &'d Filter,
) -> impl Iterator<Item = &'d Session> + 'd {
    doc.sessions().iter().filter(move |s| filter.matches(s))
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

/// Every line that asks to come back to something ([`rules::is_follow_up`]), as hits
/// without match ranges, in file order.
pub fn follow_ups<'d>(doc: &'d Document) -> impl Iterator<Item = Hit> + 'd {
    let outline = doc.outline();
    (0..outline.len())
        .filter(move |&i| !outline.line(i).is_blank() && rules::is_follow_up(&outline.text(i)))
        .map(move |line| Hit {
            line,
            session: doc.session_of(line),
            context: doc.context(line),
            matches: Vec::new(),
        })
}

/// A line whose text matches a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The outline line.
    pub line: usize,
    /// The index of its session in [`Document::sessions`], if it is in one.
    pub session: Option<usize>,
    /// The bullets above it in its session, outermost first; see [`Document::context`].
    pub context: Vec<usize>,
    /// Byte ranges of the matches in the line's text ([`crate::outline::Outline::text`]).
    pub matches: Vec<Range<usize>>,
}

/// Every line whose text matches `pattern`, in file order. With a non-empty `filter`,
/// only the lines of the sessions it keeps are searched.
pub fn grep<'d>(
    doc: &'d Document,
    pattern: &'d Regex,
    filter: &Filter,
) -> impl Iterator<Item = Hit> + 'd {
    let outline = doc.outline();
    let ranges: Vec<Range<usize>> = if filter.is_empty() {
        std::iter::once(0..outline.len()).collect()
    } else {
        sessions(doc, filter).map(Session::lines).collect()
    };
    ranges
        .into_iter()
        .flatten()
        .filter(move |&i| !outline.line(i).is_blank())
        .filter_map(move |line| {
            let text = outline.text(line);
            let matches: Vec<Range<usize>> = pattern
                .find_iter(&text)
                .map(|m| m.range())
                .filter(|r| !r.is_empty())
                .collect();
            if matches.is_empty() && !pattern.is_match(&text) {
                return None;
            }
            Some(Hit {
                line,
                session: doc.session_of(line),
                context: doc.context(line),
                matches,
            })
        })
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
        let by = |filter: Filter| {
            let found: Vec<&str> = sessions(&doc, &filter).map(Session::title).collect();
            found.join("|")
        };
        assert_eq!(by(Filter::default()), "Decorators|Other talk|Packing");
        let friday = Filter {
            day: Some(Day::Friday),
            ..Filter::default()
        };
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

    #[test]
    fn follow_ups_with_their_sessions() {
        let doc = Document::parse(b"Talk\n  - review on video\n  - fine\nTODO: call Bob\n");
        let found: Vec<(usize, Option<usize>)> =
            follow_ups(&doc).map(|f| (f.line, f.session)).collect();
        assert_eq!(found, [(1, Some(0)), (3, Some(1))]);
    }

    #[test]
    #[allow(clippy::single_range_in_vec_init)]
    fn grep_reports_context_and_ranges() {
        let doc = doc();
        let re = Regex::new("(?i)decorator|function").unwrap();
        let hits: Vec<Hit> = grep(&doc, &re, &Filter::default()).collect();
        assert_eq!(hits.len(), 3);
        assert_eq!(hits[0].line, 1);
        assert_eq!(hits[0].matches, [0..9]);
        assert_eq!(hits[1].matches, [0..9, 16..24]);
        assert_eq!(hits[2].context, [2]);
        assert_eq!(hits[2].session, Some(0));
        let re = Regex::new("Ann").unwrap();
        let hit = grep(&doc, &re, &Filter::default()).next().unwrap();
        assert_eq!((hit.line, hit.session), (4, Some(1)));
        let re = Regex::new("Saturday").unwrap();
        let hit = grep(&doc, &re, &Filter::default()).next().unwrap();
        assert_eq!((hit.line, hit.session), (6, None));
    }

    #[test]
    fn grep_within_a_filter() {
        let doc = doc();
        let re = Regex::new("(?i)a").unwrap();
        let saturday = Filter {
            day: Some(Day::Saturday),
            ..Filter::default()
        };
        let lines: Vec<usize> = grep(&doc, &re, &saturday).map(|h| h.line).collect();
        assert_eq!(lines, [7, 8]);
    }

    #[test]
    fn grep_finds_empty_matches_without_reporting_empty_ranges() {
        let doc = doc();
        let re = Regex::new("^").unwrap();
        let hits: Vec<Hit> = grep(&doc, &re, &Filter::default()).collect();
        assert_eq!(hits.len(), 9);
        assert!(hits.iter().all(|h| h.matches.is_empty()));
    }
}
