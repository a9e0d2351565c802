//! Days: weekdays, day numbers and dates, in headings, in titles and on the command line.
//!
//! A *day heading* is a heading that is only about a day ("Friday", "Day 2 — Sunday",
//! "15th Mar 2013", "20211019", "4/10/2012"). A *mention* is a weekday in full or
//! "Day N" anywhere in a heading ("Lightning Talks, Friday PM", "Welcome Breakfast Day 1").
//! A *date in text* is a calendar date inside other words ("Unconference notes (Mar
//! 4-5)"), which only a document title or front matter turns into a day.

use std::fmt;
use std::ops::Range;

use super::words::{one_of, words};
use crate::document::Day;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month a word names, in full or in three letters (and "Sept"), in any case.
fn month_number(word: &str) -> Option<u8> {
    let word = word.strip_suffix('.').unwrap_or(word);
    (1..=12u8).find(|&month| {
        let name = MONTHS[usize::from(month - 1)];
        name.eq_ignore_ascii_case(word)
            || ((word.len() == 3 || (month == 9 && word.eq_ignore_ascii_case("sept")))
                && name
                    .get(..word.len())
                    .is_some_and(|p| p.eq_ignore_ascii_case(word)))
    })
}

/// True when `word` names a month in full ("March"), not "may" or "mar".
pub(crate) fn is_month_name(word: &str) -> bool {
    MONTHS.iter().any(|m| m.eq_ignore_ascii_case(word))
}

/// "16", "16th", "1st", "2nd", "3rd", "2019": one to four digits with an optional
/// ordinal suffix. The number.
fn date_number(word: &str) -> Option<(u32, usize)> {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = &word[digits..];
    let ordinal = ["", "st", "nd", "rd", "th"]
        .iter()
        .any(|s| s.eq_ignore_ascii_case(suffix));
    if !(1..=4).contains(&digits) || !ordinal {
        return None;
    }
    Some((word[..digits].parse().ok()?, digits))
}

/// Words a day heading may have besides the weekday, the day number and the date.
const DAY_HEADING_WORDS: [&str; 7] = ["of", "am", "pm", "morning", "afternoon", "evening", "night"];

/// Numbers as words, for "Day Two" and "First Day".
const NUMBER_WORDS: [(&str, &str); 10] = [
    ("one", "first"),
    ("two", "second"),
    ("three", "third"),
    ("four", "fourth"),
    ("five", "fifth"),
    ("six", "sixth"),
    ("seven", "seventh"),
    ("eight", "eighth"),
    ("nine", "ninth"),
    ("ten", "tenth"),
];

fn number_word(word: &str) -> Option<u32> {
    NUMBER_WORDS
        .iter()
        .position(|(n, o)| n.eq_ignore_ascii_case(word) || o.eq_ignore_ascii_case(word))
        .map(|i| i as u32 + 1)
}

/// A calendar date, perhaps without its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    /// The year, when given.
    pub year: Option<i32>,
    /// 1 to 12.
    pub month: u8,
    /// 1 to 31.
    pub day: u8,
}

impl Date {
    fn new(year: Option<i32>, month: u32, day: u32) -> Option<Date> {
        let valid = (1..=12).contains(&month)
            && (1..=31).contains(&day)
            && year.is_none_or(|y| (1000..=2999).contains(&y));
        valid.then_some(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    /// The weekday of a date with a year (proleptic Gregorian calendar).
    pub fn weekday(&self) -> Option<Day> {
        const OFFSETS: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
        let year = self.year?;
        let y = if self.month < 3 { year - 1 } else { year };
        let sunday_first = (y + y.div_euclid(4) - y.div_euclid(100)
            + y.div_euclid(400)
            + OFFSETS[usize::from(self.month - 1)]
            + i32::from(self.day))
        .rem_euclid(7);
        Some(Day::ALL[(sunday_first as usize + 6) % 7])
    }

    /// True when both name the same day; a missing year matches any.
    pub fn matches(&self, other: &Date) -> bool {
        self.month == other.month
            && self.day == other.day
            && (self.year.is_none() || other.year.is_none() || self.year == other.year)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            Some(year) => write!(f, "{year:04}-{:02}-{:02}", self.month, self.day),
            None => write!(f, "--{:02}-{:02}", self.month, self.day),
        }
    }
}

/// What a day heading (or a date in text) says: a weekday, a day number, a date, or
/// several of them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayHeading {
    /// The weekday it names, or the weekday of its date when that has a year.
    pub weekday: Option<Day>,
    /// "Day 2", "Day Two", "Second Day": 2.
    pub number: Option<u32>,
    /// "November 16", "16 Nov 2019", "2019-11-16", "20211019"; none for a numeric date
    /// whose order is ambiguous ("4/10/2012").
    pub date: Option<Date>,
    /// It gives a date, even one whose order is ambiguous: its label is the date.
    pub dated: bool,
}

/// A numeric date such as `2019-11-16`, `20211019`, `4/10/2012`, `10/16` or
/// `16.11.2019`: the date when its order is clear. `None` when the word is no date;
/// `Some(None)` when it is one whose day and month could be either way round.
fn numeric_date(word: &str) -> Option<Option<Date>> {
    let b = word.as_bytes();
    if b.len() == 8 && b.iter().all(u8::is_ascii_digit) {
        // YYYYMMDD, as file names and some notes write dates.
        let n = |r: Range<usize>| word[r].parse::<u32>().ok();
        let year = n(0..4)? as i32;
        return (1900..=2099)
            .contains(&year)
            .then(|| Date::new(Some(year), n(4..6)?, n(6..8)?))?
            .map(Some);
    }
    let sep = *b.iter().find(|c| matches!(c, b'/' | b'-' | b'.'))?;
    let parts: Vec<&str> = word.split(char::from(sep)).collect();
    if !(2..=3).contains(&parts.len())
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let n: Vec<u32> = parts.iter().map(|p| p.parse().unwrap_or(0)).collect();
    if parts[0].len() == 4 {
        // Year first: 2019-11-16, 2019/11/16.
        let year = n[0] as i32;
        return match n.len() {
            3 => Date::new(Some(year), n[1], n[2]).map(Some),
            _ => None,
        };
    }
    if sep == b'-' {
        // 4-5 is a range of days, 11-13 too: only with a month word.
        return None;
    }
    if sep == b'.' && n.len() != 3 {
        // 2.5 and 3.4 are numbers and versions; dotted dates have a year.
        return None;
    }
    let year = match n.get(2) {
        Some(&y) if parts[2].len() == 4 => Some(y as i32),
        Some(&y) if parts[2].len() == 2 => Some(2000 + y as i32),
        Some(_) => return None,
        None => None,
    };
    let (a, b) = (n[0], n[1]);
    if sep == b'.' {
        // 16.11.2019: day first, as where dots are written.
        return Date::new(year, b, a).map(Some);
    }
    match (a > 12, b > 12) {
        (true, true) => None,
        (true, false) => Date::new(year, b, a).map(Some),
        (false, true) => Date::new(year, a, b).map(Some),
        (false, false) if a == b => Date::new(year, a, b).map(Some),
        (false, false) => (a >= 1 && b >= 1).then_some(None),
    }
}

/// The words of `text` split at spaces and commas, each with a numeric date kept whole
/// (`4/10/2012`, `2019-11-16`), trailing and leading punctuation off.
fn tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || c == ',')
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|t| !t.is_empty())
}

/// A heading that is only about a day: a weekday, "Day N" (N a number of at most two
/// digits or a word: "Day Two", "First Day"), or a date ("November 16", "16 Nov 2019",
/// "2019-11-16", "20211019", "4/10/2012", "Mar 4-5"), alone or combined, with times of
/// day and punctuation: "Friday", "Day 2 — Sunday", "Thursday, September 27", "##
/// Tuesday, 13 October 2015##". Any other word makes it an ordinary heading, and so do
/// two weekdays. A date with a year gives its weekday when the heading names none.
pub fn day_heading(text: &str) -> Option<DayHeading> {
    let mut found = DayHeading::default();
    let (mut month, mut numbers, mut year) = (None, Vec::new(), None);
    let mut day_word = false;
    let mut number_words = Vec::new();
    for token in tokens(text) {
        if let Some(date) = numeric_date(token) {
            if found.dated {
                return None;
            }
            found.dated = true;
            found.date = date;
            continue;
        }
        // "4-5" after a month: a range, the first day counts.
        let range = token
            .split_once('-')
            .filter(|(a, b)| date_number(a).is_some() && date_number(b).is_some());
        let parts = range
            .map(|(a, _)| a)
            .into_iter()
            .chain(words(token).filter(|_| range.is_none()));
        for word in parts {
            if let Some(d) = Day::parse(word) {
                if found.weekday.replace(d).is_some() {
                    return None;
                }
            } else if word.eq_ignore_ascii_case("day") {
                day_word = true;
            } else if let Some(n) = number_word(word) {
                number_words.push(n);
            } else if let Some(m) = month_number(word) {
                if month.replace(m).is_some() {
                    return None;
                }
            } else if let Some((n, digits)) = date_number(word) {
                if digits == 4 {
                    year = Some(n as i32);
                } else {
                    numbers.push(n);
                }
            } else if !one_of(word, &DAY_HEADING_WORDS) {
                return None;
            }
        }
    }
    if let Some(month) = month {
        // "Day 2, November 16": the number next to the month is the date.
        let day = *numbers.last().filter(|d| (1..=31).contains(*d))?;
        if found.dated {
            return None;
        }
        numbers.pop();
        found.date = Date::new(year, u32::from(month), day);
        found.dated = true;
    } else if year.is_some() && !found.dated {
        // A year alone is not a day.
        return None;
    }
    if day_word {
        let n = number_words.first().copied().or(numbers.first().copied())?;
        (1..=99).contains(&n).then_some(())?;
        found.number = Some(n);
    } else if !number_words.is_empty()
        || (!numbers.is_empty() && found.weekday.is_none() && !found.dated)
    {
        return None;
    }
    if found.weekday.is_none() {
        found.weekday = found.date.and_then(|d| d.weekday());
    }
    (found.weekday.is_some() || found.number.is_some() || found.dated).then_some(found)
}

/// A day a heading mentions among other words: the first weekday in full, or "Day N"
/// (N a number of at most two digits or a number word), or "First Day" … "Tenth Day".
/// "Lightning Talks, Friday PM" is on Friday, "Welcome Breakfast Day 1" on day 1;
/// "day-to-day", "Day 2020" and "game jam day" name no day.
pub fn mentioned_day(text: &str) -> Option<DayHeading> {
    // Every weekday's name ends in "day", and so does "Day N".
    if !super::words::contains_ignore_ascii_case(text, "day") {
        return None;
    }
    let mut found = DayHeading::default();
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    for (i, word) in words.iter().enumerate() {
        if found.weekday.is_none()
            && let Some(day) = Day::parse_full(word)
        {
            found.weekday = Some(day);
        }
        if found.number.is_none() && word.eq_ignore_ascii_case("day") {
            let after = words.get(i + 1).and_then(|w| {
                number_word(w).or_else(|| {
                    (w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()))
                        .then(|| w.parse().ok())
                        .flatten()
                })
            });
            let before = i
                .checked_sub(1)
                .and_then(|p| number_word(words[p]))
                .filter(|_| words[i - 1].len() > 3);
            found.number = after.or(before).filter(|n| (1..=99).contains(n));
        }
    }
    (found.weekday.is_some() || found.number.is_some()).then_some(found)
}

/// A calendar date inside other text, with the part of `text` that writes it: "Mar
/// 4-5", "November 16, 2019", "16 Nov 2019", "2019-11-16", "4/10/2012". A year alone
/// is not a date.
pub fn date_in(text: &str) -> Option<(&str, DayHeading)> {
    let spans: Vec<(usize, &str)> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | '[' | ']' | '<' | '>'))
        .filter(|t| !t.is_empty())
        .map(|t| (t.as_ptr() as usize - text.as_ptr() as usize, t))
        .collect();
    fn trim(t: &str) -> &str {
        t.trim_end_matches(['.', ':', ';'])
    }
    for (i, &(at, token)) in spans.iter().enumerate() {
        let token = trim(token);
        // Only numeric dates with a year: "1/2" in a sentence is a fraction.
        let with_year = token.len() == 8 || token.split(['/', '-', '.']).count() == 3;
        if with_year && numeric_date(token).is_some() {
            let Some(heading) = day_heading(token) else {
                continue;
            };
            return Some((&text[at..at + token.len()], heading));
        }
        if month_number(token).is_none() || token.len() < 3 {
            continue;
        }
        // A month with a day number (or a range) right before or after it, and perhaps
        // a year after that.
        let is_day = |t: &str| {
            let t = trim(t);
            t.split('-')
                .all(|p| date_number(p).is_some_and(|(n, d)| d <= 2 && (1..=31).contains(&n)))
        };
        let is_year = |t: &str| date_number(trim(t)).is_some_and(|(_, d)| d == 4);
        let (start, mut end) = if spans.get(i + 1).is_some_and(|(_, t)| is_day(t)) {
            (i, i + 1)
        } else if i > 0 && is_day(spans[i - 1].1) {
            (i - 1, i)
        } else {
            continue;
        };
        if spans.get(end + 1).is_some_and(|(_, t)| is_year(t)) {
            end += 1;
        }
        let from = spans[start].0;
        let to = spans[end].0 + trim(spans[end].1).len();
        let span = &text[from..to];
        return day_heading(span).map(|heading| (span, heading));
    }
    None
}

/// The date of an org-mode timestamp at the start of `text`: `<2019-11-16 Sat>`,
/// `[2019-11-16 Sat 10:00]`, `<2019-11-16 Sat 10:00-11:00>`.
pub fn org_timestamp(text: &str) -> Option<DayHeading> {
    let text = text.trim_start();
    let inner = &text[1..stamp_end(text)? - 1];
    let date = inner.split_whitespace().next()?;
    (date.len() == 10).then_some(())?;
    day_heading(date)
}

/// An org-mode timestamp anywhere in `text` (`Talk <2019-11-16 Sat 10:00>`): the day
/// it gives and the timestamp as written.
pub fn org_timestamp_in(text: &str) -> Option<(&str, DayHeading)> {
    text.match_indices(['<', '[']).find_map(|(at, _)| {
        let end = at + stamp_end(&text[at..])?;
        org_timestamp(&text[at..end]).map(|day| (&text[at..end], day))
    })
}

/// The length of the bracketed stretch that opens `text` (`<…>` or `[…]`), when it is
/// short enough to be a timestamp: looking no further keeps the search linear.
fn stamp_end(text: &str) -> Option<usize> {
    const LONGEST: usize = 64;
    let close = match text.as_bytes().first()? {
        b'<' => b'>',
        b'[' => b']',
        _ => return None,
    };
    let end = text.bytes().take(LONGEST).position(|b| b == close)?;
    Some(end + 1)
}

/// Which day `--day` asks for: a weekday, a day number (the day's number in the notes)
/// or a date; anything else may still be a day's label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DaySpec {
    /// "friday", "fri".
    Weekday(Day),
    /// "2", "day 2", "day two".
    Number(u32),
    /// "2019-11-16", "November 16", "16 Nov 2019", "20211019".
    Date(Date),
    /// A day's label as written ("4/10/2012", "Mar 4-5"), matched ignoring case.
    Label(String),
}

impl DaySpec {
    /// Reads what a user typed as a weekday, a number or a date; `None` when it is none
    /// of them (it may still name a day by its label).
    pub fn parse(value: &str) -> Option<DaySpec> {
        let value = value.trim();
        if let Some(day) = Day::parse(value) {
            return Some(DaySpec::Weekday(day));
        }
        if let Ok(n) = value.parse::<u32>()
            && value.len() < 8
        {
            return (n > 0).then_some(DaySpec::Number(n));
        }
        match day_heading(value)? {
            DayHeading {
                date: Some(date), ..
            } => Some(DaySpec::Date(date)),
            DayHeading {
                number: Some(n), ..
            } if n > 0 => Some(DaySpec::Number(n)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_headings() {
        let weekday = |text: &str| day_heading(text).and_then(|d| d.weekday);
        let cases = [
            ("Friday", Some(Day::Friday)),
            ("friday:", Some(Day::Friday)),
            ("Day 2 — Sunday", Some(Day::Sunday)),
            ("Thursday, September 27", Some(Day::Thursday)),
            ("Tuesday, 13 October 2015", Some(Day::Tuesday)),
            ("Sat 12th April", Some(Day::Saturday)),
            ("Sunday, 13 Sept", Some(Day::Sunday)),
            ("Sunday, 13 Sep", Some(Day::Sunday)),
            ("Friday PM", Some(Day::Friday)),
            ("16 Nov 2019", Some(Day::Saturday)),
            ("2019-11-16", Some(Day::Saturday)),
            ("April 15, 2021", Some(Day::Thursday)),
            ("Day 2", None),
            ("November 16", None),
            ("15th Mar 2013", Some(Day::Friday)),
            ("Day 1 Friday 14th November", Some(Day::Friday)),
            ("20211019", Some(Day::Tuesday)),
            ("THURSDAY 10/16", Some(Day::Thursday)),
            ("4/10/2012", None),
            ("14/10/2012", Some(Day::Sunday)),
            ("16.11.2019", Some(Day::Saturday)),
        ];
        for (text, want) in cases {
            assert!(day_heading(text).is_some(), "{text:?}");
            assert_eq!(weekday(text), want, "{text:?}");
        }
        for text in [
            "Sunday, 13 Septem",
            "Lightning Talks, Friday PM",
            "Friday and Saturday",
            "Friday / Saturday",
            "Sunday school",
            "Day",
            "May Day",
            "2019",
            "First",
            "Recover 2018 - Day Two",
            "Via Ostiense 2022-03-15",
            "Day 2020",
            "OpsNation Day 2021",
            "12345678",
            "2.5",
            "v2.3",
            "",
        ] {
            assert_eq!(day_heading(text), None, "{text:?}");
        }
    }

    #[test]
    fn day_numbers_and_dates() {
        let number = |text: &str| day_heading(text).and_then(|d| d.number);
        assert_eq!(number("Day 1"), Some(1));
        assert_eq!(number("Day Two"), Some(2));
        assert_eq!(number("First Day"), Some(1));
        assert_eq!(number("Day 2 — Sunday"), Some(2));
        assert_eq!(number("Friday"), None);
        let date = |text: &str| {
            day_heading(text)
                .and_then(|d| d.date)
                .map(|d| d.to_string())
        };
        assert_eq!(date("November 16").as_deref(), Some("--11-16"));
        assert_eq!(date("Saturday, November 16").as_deref(), Some("--11-16"));
        assert_eq!(date("16 Nov 2019").as_deref(), Some("2019-11-16"));
        assert_eq!(date("Day 2, 2019-11-16").as_deref(), Some("2019-11-16"));
        assert_eq!(date("20211019").as_deref(), Some("2021-10-19"));
        assert_eq!(date("Mar 4-5").as_deref(), Some("--03-04"));
        assert_eq!(date("10/16").as_deref(), Some("--10-16"));
        assert_eq!(date("Day 2").as_deref(), None);
        // Either order fits: the label stands as written.
        let ambiguous = day_heading("4/10/2012").unwrap();
        assert!(ambiguous.dated && ambiguous.date.is_none());
    }

    #[test]
    fn weekdays_of_dates() {
        let on = |year, month, day| Date::new(Some(year), month, day).unwrap().weekday();
        assert_eq!(on(2014, 4, 11), Some(Day::Friday));
        assert_eq!(on(2000, 1, 1), Some(Day::Saturday));
        assert_eq!(on(2024, 2, 29), Some(Day::Thursday));
        assert_eq!(on(2026, 11, 24), Some(Day::Tuesday));
        assert_eq!(Date::new(None, 1, 1).unwrap().weekday(), None);
        assert_eq!(Date::new(None, 13, 1), None);
    }

    #[test]
    fn mentions() {
        let weekday = |text: &str| mentioned_day(text).and_then(|d| d.weekday);
        let number = |text: &str| mentioned_day(text).and_then(|d| d.number);
        assert_eq!(weekday("Lightning Talks, Friday PM"), Some(Day::Friday));
        assert_eq!(weekday("Keynote Tuesday:"), Some(Day::Tuesday));
        assert_eq!(
            weekday("Short talks (Thursday) (DBConf 2014)"),
            Some(Day::Thursday)
        );
        assert_eq!(number("Welcome Breakfast Day 1"), Some(1));
        assert_eq!(number("Recover 2018 - Day Two"), Some(2));
        assert_eq!(number("Our Second Day"), Some(2));
        for text in [
            "Sun Microsystems",
            "Fridays are for fun",
            "Going past day-to-day chores",
            "Today is game jam day",
            "OpsNation Day 2021",
        ] {
            assert_eq!(mentioned_day(text), None, "{text}");
        }
    }

    #[test]
    fn dates_in_text() {
        let found = |text| date_in(text).map(|(span, d)| (span, d.date.map(|d| d.to_string())));
        assert_eq!(
            found("Vitess v2.3 Unconference notes (Mar 4-5)"),
            Some(("Mar 4-5", Some("--03-04".to_string())))
        );
        assert_eq!(
            found("Meetup, November 16, 2019."),
            Some(("November 16, 2019", Some("2019-11-16".to_string())))
        );
        assert_eq!(
            found("notes 2015-11-15"),
            Some(("2015-11-15", Some("2015-11-15".into())))
        );
        assert_eq!(found("PyCon 2014"), None);
        assert_eq!(found("May the force be with you"), None);
        assert_eq!(found("v2.3 release"), None);
        assert_eq!(found("Scaling to 1/2 the cost"), None);
        assert_eq!(found("Python 3.4 is awesome"), None);
    }

    #[test]
    fn org_timestamps() {
        let date = |t| org_timestamp(t).and_then(|d| d.date).map(|d| d.to_string());
        assert_eq!(date("<2019-11-16 Sat>").as_deref(), Some("2019-11-16"));
        assert_eq!(
            date("[2013-07-02 Tue 10:00]").as_deref(),
            Some("2013-07-02")
        );
        assert_eq!(
            date("<2019-11-16 Sat 10:00-11:00> talk").as_deref(),
            Some("2019-11-16")
        );
        assert_eq!(date("2019-11-16"), None);
        assert_eq!(date("[[link]]"), None);
        let found = org_timestamp_in("Retro <2013-07-02 Tue 10:00>").map(|(s, _)| s);
        assert_eq!(found, Some("<2013-07-02 Tue 10:00>"));
        assert_eq!(org_timestamp_in("a [link] and <b>"), None);
    }

    #[test]
    fn day_specs() {
        assert_eq!(DaySpec::parse("FRI"), Some(DaySpec::Weekday(Day::Friday)));
        assert_eq!(DaySpec::parse("2"), Some(DaySpec::Number(2)));
        assert_eq!(DaySpec::parse("day 2"), Some(DaySpec::Number(2)));
        assert_eq!(DaySpec::parse("Day Two"), Some(DaySpec::Number(2)));
        let date = |y, m, d| Some(DaySpec::Date(Date::new(y, m, d).unwrap()));
        assert_eq!(DaySpec::parse("2019-11-16"), date(Some(2019), 11, 16));
        assert_eq!(DaySpec::parse("november 16"), date(None, 11, 16));
        assert_eq!(DaySpec::parse("16 Nov 2019"), date(Some(2019), 11, 16));
        assert_eq!(DaySpec::parse("20211019"), date(Some(2021), 10, 19));
        for bad in ["fridya", "0", "", "day", "someday", "-1", "4/10/2012"] {
            assert_eq!(DaySpec::parse(bad), None, "{bad:?}");
        }
    }
}
