//! The inference rules that read an outline as conference notes.
//!
//! Each rule is a small function of a heading's or bullet's text, with its own tests;
//! FORMAT.md describes them in the same order. No I/O and no outline walking here: the
//! reader in `document/read.rs` applies them in order.

use std::sync::LazyLock;

use std::fmt;

use regex::Regex;

use crate::document::{Day, Status};

/// Rule 1: the first heading is the title when nothing is under it and another heading
/// follows (`next_is_heading`: the next non-blank line is a heading), unless it is a
/// day heading.
pub fn is_title(first_heading: &str, next_is_heading: bool) -> bool {
    next_is_heading && day_heading(first_heading).is_none()
}

/// What an unindented heading after the title is to the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingRole {
    /// A thematic break (`---`): neither a session nor a boundary.
    Separator,
    /// A day heading: sets the day of what follows.
    Day(DayHeading),
    /// A wishlist heading: its bullets are sessions not seen.
    Wishlist,
    /// The speaker of the session above: a person's name right under its heading.
    Speaker,
    /// A note of the session above.
    Note,
    /// A session of its own.
    Session,
}

/// What came right before a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Before {
    /// Anything but an empty session heading.
    Other,
    /// A session heading with nothing under it yet (separators in between do not
    /// count), and whether that heading names its speakers.
    EmptySession {
        /// The session's heading names its speakers.
        has_speakers: bool,
    },
}

/// Rules 2 to 4 in their order: separator, day heading, wishlist, speaker, note, else
/// session.
pub fn heading_role(text: &str, before: Before) -> HeadingRole {
    fixed_role(text).unwrap_or_else(|| contextual_role(text, before))
}

/// The roles a heading's text alone decides: separator, day heading, wishlist.
pub fn fixed_role(text: &str) -> Option<HeadingRole> {
    if is_separator(text) {
        Some(HeadingRole::Separator)
    } else if let Some(day) = day_heading(text) {
        Some(HeadingRole::Day(day))
    } else {
        is_wishlist_heading(text).then_some(HeadingRole::Wishlist)
    }
}

/// The roles that depend on what came before, for a heading with no fixed role: the
/// speaker of an empty session above, a note of it, or a session of its own.
pub fn contextual_role(text: &str, before: Before) -> HeadingRole {
    let after_empty_session = before != Before::Other;
    if before
        == (Before::EmptySession {
            has_speakers: false,
        })
        && (name_line(text).is_some() || speaker_label(text).is_some())
    {
        HeadingRole::Speaker
    } else if after_empty_session && is_note(text) {
        HeadingRole::Note
    } else {
        HeadingRole::Session
    }
}

/// Splits text into words: runs of letters and digits (apostrophes kept inside words).
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
}

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

fn is_month(word: &str, abbreviated: bool) -> bool {
    let short = abbreviated && (word.len() == 3 || word.eq_ignore_ascii_case("sept"));
    MONTHS.iter().any(|m| {
        m.eq_ignore_ascii_case(word)
            || (short
                && m.get(..word.len())
                    .is_some_and(|p| p.eq_ignore_ascii_case(word)))
    })
}

fn is_date_part(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = &word[digits..];
    (1..=4).contains(&digits)
        && ["", "st", "nd", "rd", "th"]
            .iter()
            .any(|s| s.eq_ignore_ascii_case(suffix))
}

/// Words a day heading may have besides the weekday, the day number and the date.
const DAY_HEADING_WORDS: [&str; 7] = ["of", "am", "pm", "morning", "afternoon", "evening", "night"];

/// A cheap first look: can `word` be a word of a day heading? Digits can; so can
/// words that start like a weekday, month, number word or time of day.
fn may_be_day_word(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii_digit() => true,
        Some(b) => matches!(
            b.to_ascii_lowercase(),
            b'm' | b't' | b'w' | b'f' | b's' | b'j' | b'a' | b'o' | b'n' | b'd' | b'e' | b'p'
        ),
        None => false,
    }
}

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

fn month_number(word: &str) -> Option<u8> {
    (1..=12u8).find(|&m| is_month_number(word, m))
}

fn is_month_number(word: &str, month: u8) -> bool {
    let name = MONTHS[usize::from(month - 1)];
    name.eq_ignore_ascii_case(word)
        || ((word.len() == 3 || (month == 9 && word.eq_ignore_ascii_case("sept")))
            && name
                .get(..word.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(word)))
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

/// What a day heading says: a weekday, a day number, a date, or several of them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayHeading {
    /// The weekday it names, or the weekday of its date when that has a year.
    pub weekday: Option<Day>,
    /// "Day 2", "Day Two", "Second Day": 2.
    pub number: Option<u32>,
    /// "November 16", "16 Nov 2019", "2019-11-16".
    pub date: Option<Date>,
}

/// `2019-11-16` anywhere in the text.
fn iso_date(text: &str) -> Option<Date> {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let w = &b[i..i + 10];
        let digits = |r: std::ops::Range<usize>| w[r].iter().all(u8::is_ascii_digit);
        let shaped = digits(0..4) && w[4] == b'-' && digits(5..7) && w[7] == b'-' && digits(8..10);
        let before = i.checked_sub(1).map(|p| b[p]);
        let after = b.get(i + 10);
        let alone = !before.is_some_and(|c| c.is_ascii_alphanumeric())
            && !after.is_some_and(|c| c.is_ascii_alphanumeric());
        if !(shaped && alone) {
            return None;
        }
        let num = |r: std::ops::Range<usize>| text[i + r.start..i + r.end].parse::<u16>().ok();
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        ((1..=12).contains(&month) && (1..=31).contains(&day)).then(|| Date {
            year: Some(i32::from(year)),
            month: month as u8,
            day: day as u8,
        })
    })
}

/// A heading that is only about a day: a weekday, "Day N" (N a number or a word: "Day
/// Two", "First Day"), or a date ("November 16", "16 Nov 2019", "2019-11-16"), alone
/// or combined, with times of day and punctuation: "Friday", "Day 2 — Sunday",
/// "Thursday, September 27", "## Tuesday, 8 September 2015##". Any other word makes it
/// an ordinary heading, and so do two weekdays. A date with a year gives its weekday
/// when the heading names none.
pub fn day_heading(text: &str) -> Option<DayHeading> {
    let mut found = DayHeading::default();
    let (mut month, mut numbers, mut year) = (None, Vec::new(), None);
    let mut day_word = false;
    let mut number_words = Vec::new();
    for word in words(text) {
        if !may_be_day_word(word) {
            return None;
        }
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
        } else if is_date_part(word) {
            let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
            let n: u32 = digits.parse().ok()?;
            if digits.len() == 4 {
                year = Some(n as i32);
            } else {
                numbers.push(n);
            }
        } else if !DAY_HEADING_WORDS
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word))
        {
            return None;
        }
    }
    if let Some(date) = iso_date(text) {
        found.date = Some(date);
    } else if let Some(month) = month {
        // "Day 2, November 16": the number next to the month is the date.
        let day = numbers.pop().filter(|d| (1..=31).contains(d))?;
        found.date = Some(Date {
            year,
            month,
            day: day as u8,
        });
    }
    if day_word {
        found.number = number_words.first().copied().or(numbers.first().copied());
        found.number?;
    } else if !number_words.is_empty() {
        return None;
    }
    if found.weekday.is_none() {
        found.weekday = found.date.and_then(|d| d.weekday());
    }
    (found.weekday.is_some() || found.number.is_some() || found.date.is_some()).then_some(found)
}

/// Which day `--day` asks for: a weekday, a day number (the days counted in file
/// order) or a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DaySpec {
    /// "friday", "fri".
    Weekday(Day),
    /// "2", "day 2", "day two".
    Number(u32),
    /// "2019-11-16", "November 16", "16 Nov 2019".
    Date(Date),
}

impl DaySpec {
    /// Reads what a user typed; `None` when it is none of the three.
    pub fn parse(value: &str) -> Option<DaySpec> {
        let value = value.trim();
        if let Some(day) = Day::parse(value) {
            return Some(DaySpec::Weekday(day));
        }
        if let Ok(n) = value.parse::<u32>() {
            return (n > 0).then_some(DaySpec::Number(n));
        }
        let heading = day_heading(value)?;
        match heading {
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

/// The first weekday a heading names in full: "Lightning Talks, Friday PM" is on Friday.
pub fn mentioned_day(text: &str) -> Option<Day> {
    // Every weekday's name ends in "day": most headings need no more than this look.
    if !contains_ignore_ascii_case(text, "day") {
        return None;
    }
    words(text).find_map(Day::parse_full)
}

/// A heading split into its parts: "Title, Colton Myers, @basepi".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Byline<'t> {
    /// The heading without speakers and handles.
    pub title: &'t str,
    /// The people who gave the talk.
    pub speakers: Vec<&'t str>,
    /// Trailing `@handles`.
    pub handles: Vec<&'t str>,
    /// A room after the speaker: "– Dan Crosta in AB".
    pub room: Option<&'t str>,
}

/// Splits a heading into title, speakers, handles and room.
///
/// Handles come off the end first. Then the heading is split at the last " -- ", " — "
/// or " – " when what follows is shaped like names (one to four capitalised words,
/// particles allowed, optionally " in ROOM"), or at the last " - " or ", " when what
/// follows passes [`is_person_name`]. A heading that is itself a person's name is a
/// session by that person.
pub fn byline(heading: &str) -> Byline<'_> {
    let (rest, handles) = split_handles(heading.trim());
    let rest = rest.trim_end_matches(is_trailing_junk);
    let (title, speakers, room) = if let Some(split) = split_dash(rest) {
        split
    } else if let Some((title, speakers)) = split_comma(rest) {
        (title, speakers, None)
    } else if is_person_name(rest) {
        (rest, vec![rest], None)
    } else {
        (rest, Vec::new(), None)
    };
    let trimmed = title.trim_end_matches(is_trailing_junk);
    Byline {
        title: if trimmed.is_empty() { rest } else { trimmed },
        speakers,
        handles,
        room,
    }
}

/// Commas, semicolons and whitespace at the end of a heading mean nothing.
fn is_trailing_junk(c: char) -> bool {
    c == ',' || c == ';' || c.is_whitespace()
}

fn is_handle(word: &str) -> bool {
    word.len() >= 2
        && word.starts_with('@')
        && word[1..]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Takes trailing `@handles` (and the commas before them) off a heading.
fn split_handles(heading: &str) -> (&str, Vec<&str>) {
    let mut rest = heading;
    let mut handles = Vec::new();
    loop {
        let trimmed = rest.trim_end_matches([',', ' ', '\t']);
        let start = trimmed.rfind([' ', '\t', ',']).map_or(0, |p| {
            p + trimmed[p..].chars().next().map_or(1, char::len_utf8)
        });
        let word = &trimmed[start..];
        if !is_handle(word) || trimmed[..start].trim().is_empty() {
            break;
        }
        handles.push(word);
        rest = trimmed[..start].trim_end_matches([',', ' ', '\t']);
    }
    handles.reverse();
    (rest, handles)
}

type Split<'t> = (&'t str, Vec<&'t str>, Option<&'t str>);

/// Splits at the last long dash when names follow; else at the last " - " when
/// what follows passes the stricter person test.
fn split_dash(text: &str) -> Option<Split<'_>> {
    let strong = last_of(text, &[" -- ", " — ", " – "]);
    let weak = last_of(text, &[" - "]);
    let by = last_of(text, &[" by "]);
    [
        (strong, name_shape as fn(&str) -> bool),
        (weak, is_person_name),
        (by, is_person_name),
    ]
    .into_iter()
    .find_map(|(at, is_name)| {
        let (pos, len) = at?;
        let rest = text[pos + len..].trim();
        let (names, room) = split_room(rest);
        if let Some(speakers) = split_people(names, is_name) {
            return Some((&text[..pos], speakers, room));
        }
        // "Cordelia McGee-Tubb, Web Developer at Dropbox": a person, then a role.
        let (name, role) = rest.split_once(", ")?;
        (is_person_name(name) && !role.trim().is_empty()).then(|| (&text[..pos], vec![name], None))
    })
}

/// The last place where one of `separators` (each starting with a space) begins, and
/// its length. Walks the spaces from the end: headings are short, and this is called
/// for every one of them.
fn last_of(text: &str, separators: &[&str]) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    (0..bytes.len())
        .rev()
        .filter(|&p| bytes[p] == b' ')
        .find_map(|p| {
            separators
                .iter()
                .find(|sep| bytes[p..].starts_with(sep.as_bytes()))
                .map(|sep| (p, sep.len()))
        })
}

/// "Dan Crosta in AB" is Dan Crosta, in room AB.
fn split_room(names: &str) -> (&str, Option<&str>) {
    if let Some(pos) = names.rfind(" in ") {
        let room = names[pos + 4..].trim();
        let is_room = (1..=10).contains(&room.len())
            && room
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-');
        if is_room {
            return (names[..pos].trim_end(), Some(room));
        }
    }
    (names, None)
}

/// "Alice Smith, Bob Jones and Carol Lee": each part must pass `is_name`.
fn split_people(names: &str, is_name: impl Fn(&str) -> bool) -> Option<Vec<&str>> {
    let people: Vec<&str> = names
        .split(", ")
        .flat_map(|part| part.split(" and "))
        .flat_map(|part| part.split(" & "))
        .map(str::trim)
        .collect();
    (people.len() <= 6 && people.iter().all(|p| is_name(p))).then_some(people)
}

/// Peels names off the end at ", " while they pass [`is_person_name`].
fn split_comma(text: &str) -> Option<(&str, Vec<&str>)> {
    let mut end = text.len();
    let mut speakers = Vec::new();
    while let Some(pos) = memchr::memrchr_iter(b',', &text.as_bytes()[..end])
        .find(|&p| text.as_bytes().get(p + 1) == Some(&b' '))
    {
        let candidate = text[pos + 2..end].trim();
        if !is_person_name(candidate) {
            break;
        }
        speakers.push(candidate);
        end = pos;
    }
    speakers.reverse();
    (!speakers.is_empty()).then(|| (&text[..end], speakers))
}

const PARTICLES: [&str; 17] = [
    "van", "von", "de", "da", "di", "del", "der", "du", "la", "le", "den", "des", "dos", "das",
    "ter", "ten", "bin",
];

fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word)
}

/// A capitalised word: "Rhodes", "McKellar", "O’Brien", "Jean-Luc", "R.", "Pérez".
/// Acronyms of three letters or more ("SQL") are not names.
fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    first.is_uppercase()
        && chars.all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'))
        && !(word.chars().nth(2).is_some() && word.chars().all(char::is_uppercase))
}

/// Words a person's name never contains: weekdays, months, AM and PM.
fn is_calendar_word(word: &str) -> bool {
    // Calendar words are 2 to 9 ASCII letters (and dots): most words fail here.
    if !(2..=9).contains(&word.len()) || !word.bytes().all(|b| b.is_ascii_alphabetic() || b == b'.')
    {
        return false;
    }
    Day::parse_full(word).is_some()
        || is_month(word, false)
        || ["am", "pm", "a.m.", "p.m."]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word))
}

/// The shape of a person's name: one to four capitalised words, particles allowed
/// (not last), and no weekday, month, AM or PM.
pub fn name_shape(text: &str) -> bool {
    let mut count = 0;
    let mut named = 0;
    let mut last_is_particle = false;
    for word in text.split_whitespace() {
        count += 1;
        last_is_particle = is_particle(word);
        if !last_is_particle {
            named += 1;
        }
        let fits = (last_is_particle || is_capitalised(word)) && !is_calendar_word(word);
        if count > 4 || !fits {
            return false;
        }
    }
    count > 0 && named > 0 && !last_is_particle
}

/// Shape alone cannot tell "Van Lindbergh" from "Python Packaging", so this adds two
/// signals: at least two words, and either the first word is a given name (US Census
/// 1990 lists) or none of the words is a common English word (Debian's wamerican).
pub fn is_person_name(text: &str) -> bool {
    if text.split_whitespace().nth(1).is_none() || !name_shape(text) {
        return false;
    }
    let mut words = text.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    normalised(first, is_given_name)
        || std::iter::once(first)
            .chain(words)
            .filter(|w| !is_particle(w))
            .all(|w| !normalised(w, is_common_word))
}

/// Calls `f` with `word` in lower case, with ’ as ' and without a possessive 's; short
/// ASCII words (nearly all of them) are lowered on the stack.
fn normalised(word: &str, f: impl Fn(&str) -> bool) -> bool {
    let strip = |lower: &str| -> bool {
        match lower.strip_suffix("'s") {
            Some(stem) if !stem.is_empty() => f(stem),
            _ => f(lower),
        }
    };
    let mut buffer = [0u8; 32];
    if word.is_ascii() && word.len() <= buffer.len() {
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return std::str::from_utf8(lower).is_ok_and(strip);
    }
    strip(&word.to_lowercase().replace('’', "'"))
}

/// Given names from the US Census 1990 first-name lists, lower case, sorted.
static GIVEN_NAMES: &str = include_str!("data/given-names.txt");

/// Words that Debian's wamerican list has in lower case, sorted.
static COMMON_WORDS: &str = include_str!("data/common-words.txt");

include!(concat!(env!("OUT_DIR"), "/word_lists.rs"));

fn is_given_name(word: &str) -> bool {
    list_contains(GIVEN_NAMES, &GIVEN_NAMES_STARTS, word)
}

fn is_common_word(word: &str) -> bool {
    list_contains(COMMON_WORDS, &COMMON_WORDS_STARTS, word)
}

/// Binary search in a newline-separated list sorted by bytes, by the line starts that
/// build.rs computed.
fn list_contains(list: &str, starts: &[u32], word: &str) -> bool {
    let line = |i: usize| {
        let start = starts[i] as usize;
        let end = starts.get(i + 1).map_or(list.len(), |&next| next as usize);
        let line = &list.as_bytes()[start..end];
        line.strip_suffix(b"\n").unwrap_or(line)
    };
    let (mut lo, mut hi) = (0, starts.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match line(mid).cmp(word.as_bytes()) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
        }
    }
    false
}

/// A lightning talk's bullet: "Python .NET, John Gill" as a heading would be read, and
/// also the other way round, "Larry Hastings, Things You Didn’t Know", when what comes
/// before the first ", " is a person's name. A trailing ":" is not part of the title.
pub fn talk_byline(text: &str) -> Byline<'_> {
    let mut b = byline(text);
    if b.speakers.is_empty()
        && let Some((name, title)) = b.title.split_once(", ")
        && is_person_name(name)
        && !title.trim().is_empty()
    {
        b.speakers = vec![name];
        b.title = title.trim();
    }
    let trimmed = b.title.trim_end_matches([':', ' ']);
    if !trimmed.is_empty() {
        b.title = trimmed;
    }
    b
}

/// A line that only names people: "Guido van Rossum", "by Ann Lee and Bo Li". The
/// names, as they are written.
pub fn name_line(text: &str) -> Option<&str> {
    let text = text.trim().trim_end_matches(is_trailing_junk);
    let names = text
        .strip_prefix("by ")
        .or_else(|| text.strip_prefix("By "))
        .unwrap_or(text);
    // Names are short and every word of them is capitalised, a particle or a joining
    // word: most lines stop here.
    let capitalised_or_joining = |word: &str| {
        let word = word.trim_end_matches(',');
        word.chars().next().is_some_and(char::is_uppercase)
            || word == "and"
            || word == "&"
            || is_particle(word)
    };
    if names.len() > 80 || !names.split_whitespace().all(capitalised_or_joining) {
        return None;
    }
    split_people(names, is_person_name).map(|_| names)
}

/// `speaker: NAME` or `speakers: A, B` (any case, spaces around the colon allowed):
/// the names.
pub fn speaker_label(text: &str) -> Option<&str> {
    let (label, value) = text.split_once(':')?;
    let label = label.trim();
    let is_speaker = ["speaker", "speakers"]
        .iter()
        .any(|l| l.eq_ignore_ascii_case(label));
    let value = value.trim();
    (is_speaker && !value.is_empty()).then_some(value)
}

/// A `label: value` line such as `role: Chief Data Scientist` or `firm : Intel`: one
/// to three words, a colon, then text.
pub fn is_label_line(text: &str) -> bool {
    text.split_once(':').is_some_and(|(label, value)| {
        let words = label.split_whitespace().count();
        (1..=3).contains(&words)
            && label.len() <= 30
            && label
                .chars()
                .all(|c| c.is_alphanumeric() || c == ' ' || c == '-' || c == '_')
            && value.starts_with([' ', '\t'])
            && !value.trim().is_empty()
    })
}

/// The people of a `speakers:` line: "Ann Lee, Bo Li and Cy Young".
pub fn split_names(names: &str) -> Vec<&str> {
    names
        .split([',', ';', '&'])
        .flat_map(|part| part.split(" and "))
        .map(|name| name.trim().trim_start_matches("and ").trim())
        .filter(|name| !name.is_empty())
        .collect()
}

/// A heading's leading enumerator: "A. Keynote: …" is "Keynote: …", and so are
/// "C.Data-Driven Decisions" and "1. Overkill?". "J.R.R. Tolkien" keeps its initials.
pub fn strip_enumerator(text: &str) -> &str {
    // Every leading enumerator goes ("1. 1. Talk" is "Talk"), so that stripping twice
    // gives what stripping once does.
    let mut text = text.trim_start();
    while let Some(rest) = after_enumerator(text) {
        text = rest;
    }
    text
}

/// The text after one leading enumerator, if `text` starts with one.
fn after_enumerator(text: &str) -> Option<&str> {
    let b = text.as_bytes();
    let label = match b {
        [c, ..] if c.is_ascii_uppercase() => 1,
        [d, e, ..] if d.is_ascii_digit() && e.is_ascii_digit() => 2,
        [d, ..] if d.is_ascii_digit() => 1,
        _ => return None,
    };
    if !matches!(b.get(label), Some(b'.' | b')')) {
        return None;
    }
    let rest = &text[label + 1..];
    let spaced = rest.starts_with([' ', '\t']);
    let glued = {
        let mut chars = rest.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_lowercase)
    };
    let rest = rest.trim_start();
    ((spaced || glued) && !rest.is_empty()).then_some(rest)
}

/// An unindented line right after an empty session's heading is a note of that session
/// when it ends with ":" or has no speaker, unless it is itself a lightning-talks
/// heading or names a weekday.
pub fn is_note(heading: &str) -> bool {
    let text = heading.trim_end();
    !is_lightning_talks(text)
        && mentioned_day(text).is_none()
        && (ends_with_colon(text) || byline(text).speakers.is_empty())
}

fn ends_with_colon(text: &str) -> bool {
    text.ends_with(':') || text.ends_with('：')
}

/// A top-level bullet starting with "Missed" or "Partial", and the reason after it:
/// "Missed due to lunch going long" is missed, "due to lunch going long".
pub fn status(bullet: &str) -> Option<(Status, Option<&str>)> {
    let text = bullet.trim_start();
    [("missed", Status::Missed), ("partial", Status::Partial)]
        .into_iter()
        .find_map(|(keyword, status)| {
            let head = text.get(..keyword.len())?;
            let rest = &text[keyword.len()..];
            let whole_word = !rest.chars().next().is_some_and(char::is_alphanumeric);
            (head.eq_ignore_ascii_case(keyword) && whole_word).then(|| (status, reason(rest)))
        })
}

fn reason(rest: &str) -> Option<&str> {
    let rest = rest.trim_start();
    let rest = rest
        .strip_prefix([',', ':', '—', '–', '-'])
        .unwrap_or(rest)
        .trim();
    (!rest.is_empty()).then_some(rest)
}

const WISHLIST_PHRASES: [&str; 5] = [
    "did not see",
    "didn't see",
    "missed",
    "want to watch",
    "would like to see",
];

/// A heading ending in ":" that says the talks under it were not seen:
/// "Talks I did not see, but looked good:".
pub fn is_wishlist_heading(text: &str) -> bool {
    let text = text.trim_end();
    ends_with_colon(text) && {
        let lower = text.to_lowercase().replace('’', "'");
        WISHLIST_PHRASES.iter().any(|p| lower.contains(p))
    }
}

/// A wishlist item's title, without a leading "Would like to see:".
pub fn wishlist_title(text: &str) -> &str {
    const PREFIX: &str = "would like to see:";
    match text.get(..PREFIX.len()) {
        Some(head) if head.eq_ignore_ascii_case(PREFIX) => text[PREFIX.len()..].trim(),
        _ => text,
    }
}

/// Words that ask to come back to something later.
static FOLLOW_UP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i:\b(?:re-?review|review|re-?watch|watch (?:it|this|that|them|later|again|the (?:video|talk|recording))|to watch|look (?:it|this|that|them) up|look up|look into|go back|come back to|revisit|would like to see|want to watch|follow[ -]?up|check (?:it |this |that |them )?out)\b)|\bTODO\b|(?i:^todo\b)",
    )
    .expect("the follow-up pattern is valid")
});

/// A line that asks to review, watch, look up or go back to something: "review on
/// video", "look it up", "Go back – couple of fun quotes", "Would like to see: …", "TODO".
pub fn is_follow_up(text: &str) -> bool {
    FOLLOW_UP.is_match(text)
}

/// The pattern of [`is_follow_up`], for searching with.
pub fn follow_up_pattern() -> &'static Regex {
    &FOLLOW_UP
}

/// A heading containing "lightning talk", in any case.
pub fn is_lightning_talks(text: &str) -> bool {
    contains_ignore_ascii_case(text, "lightning talk")
}

/// `needle` (ASCII) in `haystack`, ignoring ASCII case, without allocating.
fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    let (hay, needle) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return true;
    };
    memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), hay).any(|at| {
        hay.get(at..at + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    })
}

/// A thematic break such as `---`, `***`, `===` or `* * *`: not a session.
pub fn is_separator(text: &str) -> bool {
    let mut chars = text.chars().filter(|c| !c.is_whitespace());
    let Some(first) = chars.next() else {
        return false;
    };
    "-=*_~".contains(first) && text.chars().filter(|&c| c == first).count() >= 3 && {
        chars.all(|c| c == first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_is_a_lone_first_heading() {
        assert!(is_title("My notes.", true));
        assert!(!is_title("My notes.", false));
        assert!(!is_title("Friday", true));
        let cases = [
            ("My notes.\n\nTalk\n  • x\n", Some(0)),
            ("Talk\n  • x\nOther\n", None),
            ("Only heading\n", None),
            ("Friday\n\nTalk\n", None),
            ("  • preamble\n# Title\n\n## Talk\n", Some(1)),
        ];
        for (src, want) in cases {
            let doc = crate::document::Document::parse(src.as_bytes());
            assert_eq!(doc.title_line(), want, "{src:?}");
        }
    }

    #[test]
    fn heading_roles_in_order() {
        use HeadingRole::*;
        let empty = Before::EmptySession {
            has_speakers: false,
        };
        let named = Before::EmptySession { has_speakers: true };
        let friday = day_heading("Friday").unwrap();
        let cases = [
            ("---", empty, Separator),
            ("Friday", empty, Day(friday)),
            ("Talks I did not see:", empty, Wishlist),
            ("Guido van Rossum", empty, Speaker),
            ("by Guido van Rossum", empty, Speaker),
            ("Guido van Rossum", named, Session),
            ("Guido van Rossum", Before::Other, Session),
            ("Further reading:", empty, Note),
            ("Further reading:", named, Note),
            ("Further reading:", Before::Other, Session),
        ];
        for (text, before, want) in cases {
            assert_eq!(heading_role(text, before), want, "{text}");
        }
    }

    #[test]
    fn speakers_from_lines() {
        assert_eq!(speaker_label("speaker: Bob Rogers"), Some("Bob Rogers"));
        assert_eq!(
            speaker_label("Speakers : Ann Lee, Bo Li"),
            Some("Ann Lee, Bo Li")
        );
        assert_eq!(speaker_label("speaker:"), None);
        assert_eq!(speaker_label("role: CEO"), None);
        assert_eq!(
            split_names("Ann Lee, Bo Li and Cy Young"),
            ["Ann Lee", "Bo Li", "Cy Young"]
        );
        assert_eq!(name_line("by Guido van Rossum"), Some("Guido van Rossum"));
        assert_eq!(name_line("Ann Lee and Bo Li"), Some("Ann Lee and Bo Li"));
        assert_eq!(name_line("Python Packaging"), None);
        assert!(is_label_line("firm : neo4j"));
        assert!(is_label_line("role: Chief Data Scientist"));
        assert!(!is_label_line(
            "the next stage after prescriptive analytics: \"cognitive\""
        ));
        assert!(!is_label_line("http://x"));
    }

    #[test]
    fn enumerators_come_off_headings() {
        for (text, want) in [
            ("A. Keynote: Sheamus McGovern", "Keynote: Sheamus McGovern"),
            ("C.Data-Driven Decisions", "Data-Driven Decisions"),
            ("1. Overkill?", "Overkill?"),
            ("12) Twelve", "Twelve"),
            ("J.R.R. Tolkien", "J.R.R. Tolkien"),
            ("A.", "A."),
            ("Keynote", "Keynote"),
            ("U.S. Politics", "U.S. Politics"),
            ("1. 1. Lightning Talks", "Lightning Talks"),
        ] {
            assert_eq!(strip_enumerator(text), want, "{text}");
        }
    }

    #[test]
    fn a_role_after_the_speaker_is_left_out() {
        let b = byline(
            "The Great Accessibility Bake-off - Cordelia McGee-Tubb, Web Developer and Accessibility specialist at Dropbox",
        );
        assert_eq!(b.title, "The Great Accessibility Bake-off");
        assert_eq!(b.speakers, ["Cordelia McGee-Tubb"]);
        let b = byline("Designing for Growth - Mike Sharp, Web Developer");
        assert_eq!(b.speakers, ["Mike Sharp"]);
        assert!(byline("Python - Batteries, included").speakers.is_empty());
    }

    #[test]
    fn by_separates_a_speaker() {
        let b = byline("\"Containerless Django\" by Peter Baumgartner");
        assert_eq!(b.speakers, ["Peter Baumgartner"]);
        assert_eq!(b.title, "\"Containerless Django\"");
        assert!(byline("Stand by Me").speakers.is_empty());
    }

    #[test]
    fn day_headings() {
        let weekday = |text: &str| day_heading(text).and_then(|d| d.weekday);
        let cases = [
            ("Friday", Some(Day::Friday)),
            ("friday:", Some(Day::Friday)),
            ("Day 2 — Sunday", Some(Day::Sunday)),
            ("Thursday, September 27", Some(Day::Thursday)),
            ("Tuesday, 8 September 2015", Some(Day::Tuesday)),
            ("Sat 12th April", Some(Day::Saturday)),
            ("Sunday, 13 Sept", Some(Day::Sunday)),
            ("Sunday, 13 Sep", Some(Day::Sunday)),
            ("Friday PM", Some(Day::Friday)),
            ("16 Nov 2019", Some(Day::Saturday)),
            ("2019-11-16", Some(Day::Saturday)),
            ("March 12, 2020", Some(Day::Thursday)),
            ("Day 2", None),
            ("November 16", None),
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
            "Respond 2017 - Day Two",
            "Via Siracusa 2021-12-28",
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
        assert_eq!(date("Day 2").as_deref(), None);
    }

    #[test]
    fn weekdays_of_dates() {
        let on = |year, month, day| {
            Date {
                year: Some(year),
                month,
                day,
            }
            .weekday()
        };
        assert_eq!(on(2014, 4, 11), Some(Day::Friday));
        assert_eq!(on(2000, 1, 1), Some(Day::Saturday));
        assert_eq!(on(2024, 2, 29), Some(Day::Thursday));
        assert_eq!(on(2026, 11, 24), Some(Day::Tuesday));
        assert_eq!(
            Date {
                year: None,
                month: 1,
                day: 1
            }
            .weekday(),
            None
        );
    }

    #[test]
    fn day_specs() {
        assert_eq!(DaySpec::parse("FRI"), Some(DaySpec::Weekday(Day::Friday)));
        assert_eq!(DaySpec::parse("2"), Some(DaySpec::Number(2)));
        assert_eq!(DaySpec::parse("day 2"), Some(DaySpec::Number(2)));
        assert_eq!(DaySpec::parse("Day Two"), Some(DaySpec::Number(2)));
        let date = |y, m, d| {
            Some(DaySpec::Date(Date {
                year: y,
                month: m,
                day: d,
            }))
        };
        assert_eq!(DaySpec::parse("2019-11-16"), date(Some(2019), 11, 16));
        assert_eq!(DaySpec::parse("november 16"), date(None, 11, 16));
        assert_eq!(DaySpec::parse("16 Nov 2019"), date(Some(2019), 11, 16));
        for bad in ["fridya", "0", "", "day", "someday", "-1"] {
            assert_eq!(DaySpec::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn mentioned_days() {
        assert_eq!(
            mentioned_day("Lightning Talks, Friday PM"),
            Some(Day::Friday)
        );
        assert_eq!(
            mentioned_day("Lightning Talks Saturday PM"),
            Some(Day::Saturday)
        );
        assert_eq!(mentioned_day("Sun Microsystems"), None);
        assert_eq!(mentioned_day("Fridays are for fun"), None);
    }

    #[test]
    fn people_by_name_alone() {
        for name in [
            "Hynek Schlawack",
            "Carol Willing",
            "Raymond Hettinger",
            "Grace Hopper",
            "Guido van Rossum",
            "Van Lindbergh",
            "John Perry Barlow",
            "Colton Myers",
            "Brandon Rhodes",
        ] {
            assert!(is_person_name(name), "{name}");
        }
    }

    #[test]
    fn titles_that_look_like_names() {
        for title in [
            "Python Packaging",
            "Software Gardening",
            "Machine Learning",
            "Let’s Go Shopping",
            "Let's Go Shopping",
            "Friday PM",
            "Death of JavaScript",
            "Data Structures",
            "Brandon",
            "SQL Alchemy",
            "May Contain Nuts",
            "Cache me if you can",
        ] {
            assert!(!is_person_name(title), "{title}");
        }
    }

    #[test]
    fn name_shapes() {
        assert!(name_shape("Fernando Pérez"));
        assert!(name_shape("Jessica McKellar"));
        assert!(name_shape("Guido"));
        assert!(name_shape("Conan O’Brien"));
        assert!(!name_shape("couple of fun quotes"));
        assert!(!name_shape("Guido van"));
        assert!(!name_shape("A B C D E"));
        assert!(!name_shape("Python 3"));
    }

    fn parts(heading: &str) -> (&str, Vec<&str>, Vec<&str>, Option<&str>) {
        let b = byline(heading);
        (b.title, b.speakers, b.handles, b.room)
    }

    #[test]
    fn bylines() {
        type Case<'a> = (
            &'a str,
            &'a str,
            &'a [&'a str],
            &'a [&'a str],
            Option<&'a str>,
        );
        let cases: [Case; 17] = [
            (
                "All Your Ducks In A Row: Data Structures, Brandon Rhodes",
                "All Your Ducks In A Row: Data Structures",
                &["Brandon Rhodes"],
                &[],
                None,
            ),
            (
                "Decorators: A Powerful Weapon in your Python Aresenal, Colton Myers, @basepi",
                "Decorators: A Powerful Weapon in your Python Aresenal",
                &["Colton Myers"],
                &["@basepi"],
                None,
            ),
            (
                "Python & Science – Fernando Pérez",
                "Python & Science",
                &["Fernando Pérez"],
                &[],
                None,
            ),
            (
                "Python, the next generation – Jessica McKellar",
                "Python, the next generation",
                &["Jessica McKellar"],
                &[],
                None,
            ),
            (
                "Performance Testing and Profiling: A Virtuous Cycle – Dan Crosta in AB",
                "Performance Testing and Profiling: A Virtuous Cycle",
                &["Dan Crosta"],
                &[],
                Some("AB"),
            ),
            (
                "Guido van Rossum",
                "Guido van Rossum",
                &["Guido van Rossum"],
                &[],
                None,
            ),
            (
                "Van Lindbergh",
                "Van Lindbergh",
                &["Van Lindbergh"],
                &[],
                None,
            ),
            ("Python Packaging", "Python Packaging", &[], &[], None),
            (
                "Cache me if you can,",
                "Cache me if you can",
                &[],
                &[],
                None,
            ),
            (
                "Distributed Computing Is Hard, Let’s Go Shopping",
                "Distributed Computing Is Hard, Let’s Go Shopping",
                &[],
                &[],
                None,
            ),
            (
                "Lightning Talks, Friday PM",
                "Lightning Talks, Friday PM",
                &[],
                &[],
                None,
            ),
            (
                "Go back – couple of fun quotes",
                "Go back – couple of fun quotes",
                &[],
                &[],
                None,
            ),
            (
                "Pushing Python: Building a High Throughput, Low Latency System – Kevin Ballard",
                "Pushing Python: Building a High Throughput, Low Latency System",
                &["Kevin Ballard"],
                &[],
                None,
            ),
            (
                "Testing – Alice Smith and Bob Jones",
                "Testing",
                &["Alice Smith", "Bob Jones"],
                &[],
                None,
            ),
            ("PEP3156 - asyncio", "PEP3156 - asyncio", &[], &[], None),
            ("@haxor,", "@haxor", &[], &[], None),
            (
                "Guido van Rossum,",
                "Guido van Rossum",
                &["Guido van Rossum"],
                &[],
                None,
            ),
        ];
        for (heading, title, speakers, handles, room) in cases {
            assert_eq!(
                parts(heading),
                (title, speakers.to_vec(), handles.to_vec(), room),
                "{heading:?}"
            );
        }
    }

    #[test]
    fn notes_versus_sessions() {
        for note in [
            "Further reading:",
            "Go back – couple of fun quotes",
            "Some thoughts",
            "Questions: none",
        ] {
            assert!(is_note(note), "{note}");
        }
        for session in [
            "Discovering Python – David Beazley",
            "Guido van Rossum",
            "Lightning Talks, Friday PM",
            "Keynote, Saturday",
        ] {
            assert!(!is_note(session), "{session}");
        }
    }

    #[test]
    fn statuses() {
        let cases = [
            (
                "Missed due to lunch going long",
                Some((Status::Missed, Some("due to lunch going long"))),
            ),
            (
                "Missed due to Inder meeting, review on video",
                Some((
                    Status::Missed,
                    Some("due to Inder meeting, review on video"),
                )),
            ),
            (
                "Partial, headed to Web testing",
                Some((Status::Partial, Some("headed to Web testing"))),
            ),
            ("Missed", Some((Status::Missed, None))),
            (
                "missed: talk ran over",
                Some((Status::Missed, Some("talk ran over"))),
            ),
            ("Missed – again", Some((Status::Missed, Some("again")))),
            ("Partially useful", None),
            ("Missedness", None),
            ("I missed it", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(status(text), want, "{text:?}");
        }
    }

    #[test]
    fn wishlists() {
        for text in [
            "Talks I did not see, but looked good:",
            "Talks I missed but want to watch:",
            "Talks I didn’t see:",
            "Would like to see:",
        ] {
            assert!(is_wishlist_heading(text), "{text}");
        }
        for text in ["Talks I did not see", "Further reading:", "Missed"] {
            assert!(!is_wishlist_heading(text), "{text}");
        }
        assert_eq!(
            wishlist_title("Would like to see: Upgrade your Web Development Toolchain"),
            "Upgrade your Web Development Toolchain"
        );
        assert_eq!(
            wishlist_title("Django: The good parts"),
            "Django: The good parts"
        );
    }

    #[test]
    fn talk_bylines() {
        let cases: [(&str, &str, &[&str], &[&str]); 8] = [
            ("Python .NET, John Gill", "Python .NET", &["John Gill"], &[]),
            (
                "Certificate Based SSH, Bob VanZandt",
                "Certificate Based SSH",
                &["Bob VanZandt"],
                &[],
            ),
            (
                "Larry Hastings, Things You Didn’t Know",
                "Things You Didn’t Know",
                &["Larry Hastings"],
                &[],
            ),
            ("Pandas @sarah_guido", "Pandas", &[], &["@sarah_guido"]),
            (
                "Scrape interactive: @yarkot",
                "Scrape interactive",
                &[],
                &["@yarkot"],
            ),
            (
                "Documenting history, how to write great commit messages",
                "Documenting history, how to write great commit messages",
                &[],
                &[],
            ),
            ("Software Gardening", "Software Gardening", &[], &[]),
            (
                "Speeding up EventBrite with one line:",
                "Speeding up EventBrite with one line",
                &[],
                &[],
            ),
        ];
        for (text, title, speakers, handles) in cases {
            let b = talk_byline(text);
            assert_eq!(
                (b.title, b.speakers, b.handles),
                (title, speakers.to_vec(), handles.to_vec()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn follow_ups() {
        for text in [
            "review on video",
            "Missed due to Inder meeting, review on video",
            "look it up",
            "Go back – couple of fun quotes",
            "Would like to see: Upgrade your Web Development Toolchain",
            "TODO: slides",
            "todo read the paper",
            "watch the talk later",
            "Look into docker squash",
            "Farina will follow up with docs",
            "check out wrapt",
        ] {
            assert!(is_follow_up(text), "{text}");
        }
        for text in [
            "decorators wrap functions",
            "Watch out for lack of understanding",
            "it has to do with billing",
            "reviewer guidelines",
            "Todos are a list",
            "",
        ] {
            assert!(!is_follow_up(text), "{text}");
        }
    }

    #[test]
    fn lightning_talks_and_separators() {
        assert!(is_lightning_talks("Lightning Talks, Friday PM"));
        assert!(is_lightning_talks("LIGHTNING TALK"));
        assert!(!is_lightning_talks("Lightning fast"));
        for text in ["---", "***", "* * *", "=====", "___"] {
            assert!(is_separator(text), "{text}");
        }
        for text in ["--", "-x-", "Talk", ""] {
            assert!(!is_separator(text), "{text}");
        }
    }

    #[test]
    fn word_lists_are_sorted_and_searchable() {
        for list in [GIVEN_NAMES, COMMON_WORDS] {
            let words: Vec<&str> = list.lines().collect();
            assert!(words.windows(2).all(|w| w[0] < w[1]), "list not sorted");
            let starts = if list == GIVEN_NAMES {
                &GIVEN_NAMES_STARTS[..]
            } else {
                &COMMON_WORDS_STARTS[..]
            };
            assert_eq!(starts.len(), words.len());
            for w in &words {
                assert!(list_contains(list, starts, w), "{w}");
            }
        }
        assert!(is_given_name("brandon"));
        assert!(!is_given_name("python"));
        assert!(is_common_word("shopping"));
        assert!(!is_common_word("schlawack"));
        assert!(!list_contains("", &[], "a"));
        assert!(!is_common_word("zzzzzz"));
        assert!(!is_given_name(""));
    }
}
