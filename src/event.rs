//! Which event and year the sessions of a file belong to, and the date of each session.
//!
//! Notes kept for years live in a folder: `2014/pycon/day1.md`, `2021/euroclojure.md`.
//! The event is what the file itself says (its document title, or front matter), else
//! the nearest folder below the path the user gave that names one, else the file's
//! stem, else the folder given, unless these only name a year, a day or notes in
//! general. The year is a date in the file, else a year in its title or in a folder or
//! file name.

use crate::document::rules::{Date, DaySpec};
use crate::document::{Document, Session};

/// Where a file sits, as far as its names tell.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Place {
    /// The folders between the path the user gave and the file, outermost first.
    pub below: Vec<String>,
    /// The name of the folder the user gave, when the file was found in it.
    pub given: Option<String>,
    /// Every folder name of the file's path as given, outermost first (for a year).
    pub folders: Vec<String>,
    /// The file's name without its extension, when it has one.
    pub stem: Option<String>,
}

/// The event and year of a file's sessions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    /// The event's name, as written where it was found.
    pub event: Option<String>,
    /// The year, when the file, its title or its names give one.
    pub year: Option<i32>,
    /// The date of the file itself (front matter `date:`, org `#+DATE:`).
    pub date: Option<Date>,
}

impl Origin {
    /// The event and year of `doc`, found at `place`.
    pub fn of(doc: &Document, place: &Place) -> Origin {
        // The folders below the one given, nearest first, the file's own name, then the
        // folder given (`notes list 2019/strangeloop` on `day1.md`).
        let names = place
            .below
            .iter()
            .rev()
            .chain(&place.stem)
            .chain(&place.given);
        let event = event_title(doc)
            .map(|t| t.trim_end_matches(['.', ':', ' ']).to_string())
            .filter(|t| names_an_event(t))
            .or_else(|| names.into_iter().find(|name| names_an_event(name)).cloned());
        let dated = doc.days().find_map(|d| d.date.and_then(|d| d.year));
        let year = dated
            .or_else(|| doc.date().and_then(|d| d.year))
            .or_else(|| doc.title().and_then(year_in))
            .or_else(|| place.stem.as_deref().and_then(year_in))
            .or_else(|| place.folders.iter().rev().find_map(|f| year_in(f)));
        Origin {
            event,
            year,
            date: doc.date(),
        }
    }

    /// The date of `session` with its year: its day's date, the year taken from the
    /// file when the day gives none.
    pub fn session_date(&self, session: &Session) -> Option<Date> {
        let date = session.day_info()?.date?;
        let year = date.year.or(self.year)?;
        Some(Date {
            year: Some(year),
            ..date
        })
    }

    /// The year of `session`: its date's, else the file's.
    pub fn session_year(&self, session: &Session) -> Option<i32> {
        self.session_date(session)
            .and_then(|d| d.year)
            .or(self.year)
    }
}

/// The document title, unless it is the title of the file's one talk (a file that is
/// one talk is not an event of its own).
fn event_title<'d>(doc: &'d Document) -> Option<&'d str> {
    let title = doc.title()?;
    let one_talk = matches!(doc.sessions(), [only] if doc.title_line() == Some(only.line()));
    (!one_talk).then_some(title)
}

/// Folder names that hold notes but name no event.
const GENERIC_FOLDERS: [&str; 12] = [
    "notes",
    "talks",
    "sessions",
    "conferences",
    "conference",
    "events",
    "meetups",
    "archive",
    "misc",
    "drafts",
    "days",
    "docs",
];

/// Does a folder's name name an event? Not a year ("2014"), a day ("day1", "friday",
/// "2014-04-11") or a word for notes in general ("notes", "talks").
pub fn names_an_event(name: &str) -> bool {
    let name = name.trim();
    let lower = name.to_lowercase();
    let day_n = lower
        .strip_prefix("day")
        .map(|rest| rest.trim_start_matches(['-', '_', ' ']))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    let only_digits = name
        .bytes()
        .all(|b| b.is_ascii_digit() || b"-_.".contains(&b));
    !name.is_empty()
        && !name.starts_with('.')
        && !only_digits
        && !day_n
        && DaySpec::parse(name).is_none()
        && !GENERIC_FOLDERS.contains(&lower.as_str())
}

/// A year from 1900 to 2099 standing alone in `text` (not inside a longer number):
/// "PyCon 2014", "pycon2014", "2014-04-11".
pub fn year_in(text: &str) -> Option<i32> {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let digits = &b[i..i + 4];
        let alone = (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        let century = digits.starts_with(b"19") || digits.starts_with(b"20");
        (alone && century && digits.iter().all(u8::is_ascii_digit))
            .then(|| text[i..i + 4].parse().ok())
            .flatten()
    })
}

/// One end of a `--since` or `--until` range: `2024`, `2024-03` or `2024-03-15`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bound {
    first: (i32, u8, u8),
    last: (i32, u8, u8),
}

impl Bound {
    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `None` for anything else.
    pub fn parse(text: &str) -> Option<Bound> {
        let parts: Vec<&str> = text.trim().split('-').collect();
        let number = |s: &str, len: usize| -> Option<u32> {
            (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let year = number(parts.first()?, 4)? as i32;
        let part = |i: usize| match parts.get(i) {
            Some(p) => number(p, 2).map(Some),
            None => Some(None),
        };
        let (month, day) = (part(1)?, part(2)?);
        if parts.len() > 3
            || month.is_some_and(|m| !(1..=12).contains(&m))
            || day.is_some_and(|d| !(1..=31).contains(&d))
        {
            return None;
        }
        let (m0, m1) = month.map_or((1, 12), |m| (m as u8, m as u8));
        let (d0, d1) = day.map_or((1, 31), |d| (d as u8, d as u8));
        Some(Bound {
            first: (year, m0, d0),
            last: (year, m1, d1),
        })
    }

    /// True when `date` is on or after the start of this bound (`--since`).
    pub fn after_start(&self, date: &Date) -> bool {
        date.year
            .is_some_and(|y| (y, date.month, date.day) >= self.first)
    }

    /// True when `date` is on or before the end of this bound (`--until`).
    pub fn before_end(&self, date: &Date) -> bool {
        date.year
            .is_some_and(|y| (y, date.month, date.day) <= self.last)
    }
}

/// The date of `session` that `--since` and `--until` compare: its own, else its file's.
pub fn date_for_range(origin: &Origin, session: &Session) -> Option<Date> {
    origin
        .session_date(session)
        .or(origin.date.filter(|d| d.year.is_some()))
}

impl Origin {
    /// The event's name folded for `--event` (case and accents).
    pub fn event_matches(&self, want: &str) -> bool {
        self.event
            .as_deref()
            .is_some_and(|e| crate::fold::contains_folded(e, &crate::fold::fold(want)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(below: &[&str], stem: &str) -> Place {
        Place {
            below: below.iter().map(|s| s.to_string()).collect(),
            given: None,
            folders: below.iter().map(|s| s.to_string()).collect(),
            stem: Some(stem.to_string()),
        }
    }

    fn origin(src: &str, place: &Place) -> Origin {
        Origin::of(
            &Document::parse_as(src.as_bytes(), crate::Syntax::Markdown),
            place,
        )
    }

    #[test]
    fn the_event_is_the_title_else_a_folder_else_the_stem() {
        let notes = "# Rustfest Zurich notes\n\n## Talk one\n\n- a\n\n## Talk two\n\n- b\n";
        let o = origin(notes, &place(&["2017", "rustfest"], "day1"));
        assert_eq!(o.event.as_deref(), Some("Rustfest Zurich notes"));
        let untitled = "## Talk one\n\n- a\n\n## Talk two\n\n- b\n";
        let o = origin(untitled, &place(&["2014", "pycon", "day1"], "morning"));
        assert_eq!(o.event.as_deref(), Some("pycon"));
        assert_eq!(o.year, Some(2014));
        let o = origin(untitled, &place(&["2021"], "euroclojure"));
        assert_eq!(o.event.as_deref(), Some("euroclojure"));
        assert_eq!(o.year, Some(2021));
        // The folder given names the event when nothing below it does.
        let given = Place {
            given: Some("strangeloop".to_string()),
            ..place(&[], "day1")
        };
        assert_eq!(
            origin(untitled, &given).event.as_deref(),
            Some("strangeloop")
        );
        // A title that only says "notes", or a day for a name, names no event.
        let generic = "# Notes\n\n## Talk one\n\n- a\n\n## Talk two\n\n- b\n";
        assert_eq!(origin(generic, &place(&[], "day2")).event, None);
    }

    #[test]
    fn a_file_that_is_one_talk_takes_its_event_from_its_place() {
        let talk = "# Tracing without tears by Ann Lee\n\n- why it matters\n\n## Setup\n\n- a\n\n## Results\n\n- b\n";
        let o = origin(talk, &place(&["strangeloop"], "tracing"));
        assert_eq!(o.event.as_deref(), Some("strangeloop"));
    }

    #[test]
    fn a_date_in_the_file_gives_the_year_first() {
        let notes = "# Notes from Devconf 2019\n\n## 2020-03-04\n\n### Talk one\n\n- a\n\n\
                     ### Talk two\n\n- b\n";
        let o = origin(notes, &place(&["2018"], "devconf"));
        assert_eq!(o.year, Some(2020));
        let front = "---\ntitle: Meetup\ndate: 2023-05-06\n---\n\n## Talk one\n\n- a\n";
        let o = origin(front, &place(&[], "x"));
        assert_eq!(o.year, Some(2023));
        assert_eq!(o.event.as_deref(), Some("Meetup"));
        let d = o.date.unwrap();
        assert_eq!((d.year, d.month, d.day), (Some(2023), 5, 6));
    }

    #[test]
    fn folders_that_name_no_event() {
        for name in [
            "2014",
            "day1",
            "Day-2",
            "day_3",
            "friday",
            "2014-04-11",
            "notes",
            ".git",
        ] {
            assert!(!names_an_event(name), "{name}");
        }
        for name in [
            "pycon",
            "EuroPython",
            "strange-loop",
            "rustconf2019",
            "devday",
        ] {
            assert!(names_an_event(name), "{name}");
        }
    }

    #[test]
    fn years_stand_alone() {
        assert_eq!(year_in("PyCon 2014"), Some(2014));
        assert_eq!(year_in("pycon2014"), Some(2014));
        assert_eq!(year_in("2014-04-11"), Some(2014));
        assert_eq!(year_in("room 12014"), None);
        assert_eq!(year_in("1850 and 3000"), None);
        assert_eq!(year_in("v2"), None);
        assert_eq!(year_in("ü2019"), Some(2019));
    }

    #[test]
    fn bounds_cover_a_year_a_month_or_a_day() {
        let date = |y, m, d| Date {
            year: Some(y),
            month: m,
            day: d,
        };
        let y = Bound::parse("2024").unwrap();
        assert!(y.after_start(&date(2024, 1, 1)) && y.before_end(&date(2024, 12, 31)));
        assert!(!y.after_start(&date(2023, 12, 31)));
        let m = Bound::parse("2024-03").unwrap();
        assert!(m.before_end(&date(2024, 3, 31)) && !m.before_end(&date(2024, 4, 1)));
        let d = Bound::parse("2024-03-15").unwrap();
        assert!(d.after_start(&date(2024, 3, 15)) && !d.after_start(&date(2024, 3, 14)));
        for bad in [
            "24",
            "2024-3",
            "2024-13",
            "2024-03-32",
            "yesterday",
            "2024-01-01-01",
        ] {
            assert_eq!(Bound::parse(bad), None, "{bad}");
        }
        let undated = Date {
            year: None,
            month: 3,
            day: 15,
        };
        assert!(!d.after_start(&undated) && !d.before_end(&undated));
    }
}
