//! Queries: pure functions from a [`Document`] to the sessions or lines asked for.
//!
//! Nothing here prints; the results carry line indices and byte ranges, and the
//! printers in [`crate::render`] turn them into text.

use std::ops::Range;

use regex::Regex;

use crate::document::{Day, Document, Session, Status};

/// Which sessions to keep. The default keeps every session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only sessions on this day.
    pub day: Option<Day>,
    /// Only sessions with one of these statuses (all when empty).
    pub statuses: Vec<Status>,
    /// Only sessions with a speaker or handle containing this text, ignoring case.
    pub speaker: Option<String>,
}

impl Filter {
    /// True when `session` passes every condition.
    pub fn matches(&self, session: &Session) -> bool {
        self.day.is_none_or(|d| session.day() == Some(d))
            && (self.statuses.is_empty() || self.statuses.contains(&session.status()))
            && self.speaker.as_deref().is_none_or(|want| {
                let want = want.to_lowercase();
                session
                    .speakers()
                    .iter()
                    .chain(session.handles())
                    .any(|name| name.to_lowercase().contains(&want))
            })
    }
}

/// The sessions that pass `filter`, in file order.
pub fn sessions<'d>(
    doc: &'d Document,
    filter: &'d Filter,
) -> impl Iterator<Item = &'d Session> + 'd {
    doc.sessions().iter().filter(move |s| filter.matches(s))
}

/// The sessions whose heading contains `query`, ignoring case.
pub fn show<'d>(doc: &'d Document, query: &str) -> impl Iterator<Item = &'d Session> + 'd {
    let query = query.to_lowercase();
    doc.sessions()
        .iter()
        .filter(move |s| doc.outline().text(s.line()).to_lowercase().contains(&query))
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

/// Every line whose text matches `pattern`, in file order.
pub fn grep<'d>(doc: &'d Document, pattern: &'d Regex) -> impl Iterator<Item = Hit> + 'd {
    let outline = doc.outline();
    (0..outline.len())
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

    fn titles<'d>(sessions: impl Iterator<Item = &'d Session>) -> Vec<&'d str> {
        sessions.map(Session::title).collect()
    }

    #[test]
    fn filters_combine() {
        let doc = doc();
        let by = |filter: Filter| titles(sessions(&doc, &filter)).join("|");
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
    }

    #[test]
    fn show_matches_the_whole_heading() {
        let doc = doc();
        assert_eq!(titles(show(&doc, "colton")), ["Decorators"]);
        assert_eq!(titles(show(&doc, "TALK")), ["Other talk"]);
        assert!(show(&doc, "zzz").next().is_none());
    }

    #[test]
    #[allow(clippy::single_range_in_vec_init)]
    fn grep_reports_context_and_ranges() {
        let doc = doc();
        let re = Regex::new("(?i)decorator|function").unwrap();
        let hits: Vec<Hit> = grep(&doc, &re).collect();
        assert_eq!(hits.len(), 3);
        assert_eq!(hits[0].line, 1);
        assert_eq!(hits[0].matches, [0..9]);
        assert_eq!(hits[1].matches, [0..9, 16..24]);
        assert_eq!(hits[2].context, [2]);
        assert_eq!(hits[2].session, Some(0));
        let re = Regex::new("Ann").unwrap();
        let hit = grep(&doc, &re).next().unwrap();
        assert_eq!((hit.line, hit.session), (4, Some(1)));
        let re = Regex::new("Saturday").unwrap();
        let hit = grep(&doc, &re).next().unwrap();
        assert_eq!((hit.line, hit.session), (6, None));
    }

    #[test]
    fn grep_finds_empty_matches_without_reporting_empty_ranges() {
        let doc = doc();
        let re = Regex::new("^").unwrap();
        let hits: Vec<Hit> = grep(&doc, &re).collect();
        assert_eq!(hits.len(), 9);
        assert!(hits.iter().all(|h| h.matches.is_empty()));
    }
}
