//! Speakers: who gave a talk, read from its heading ("Title – Name", "Name: Title",
//! "Title (Name)", "Title with A, B and C") and from the lines people write under it
//! ("Name, role", "Name @handle", "by Name", "Speakers: A, B").
//!
//! A name is recognised by its shape (capitalised words, particles, initials) and two
//! word lists (given names, common English words), never by knowing the person.

use super::words::{find_str, is_common_word, is_given_name, one_of, split_str, trim_start_str};
use crate::document::Day;

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

const PARTICLES: [&str; 17] = [
    "van", "von", "de", "da", "di", "del", "der", "du", "la", "le", "den", "des", "dos", "das",
    "ter", "ten", "bin",
];

fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word)
}

/// Titles written before a name: "Dr. Karl Hammer", "Rev. Ockley".
const HONORIFICS: [&str; 8] = ["dr", "prof", "rev", "mr", "mrs", "ms", "sir", "dame"];

/// Words of a job title or an organisation: after a name they start its role or
/// affiliation ("Tim Falkner Director of Engineering", "Alex Varga SE IBM"), and a name
/// never contains them.
const ROLE_WORDS: [&str; 72] = [
    "admin",
    "administrator",
    "advocate",
    "analyst",
    "architect",
    "author",
    "ceo",
    "cfo",
    "chief",
    "cio",
    "co-founder",
    "cofounder",
    "consultant",
    "consulting",
    "contributor",
    "coo",
    "core",
    "corp",
    "corporation",
    "cto",
    "designer",
    "dev",
    "developer",
    "director",
    "editor",
    "engineer",
    "engineering",
    "enterprise",
    "evangelist",
    "evp",
    "fellow",
    "founder",
    "foundation",
    "gmbh",
    "group",
    "head",
    "host",
    "inc",
    "institute",
    "intern",
    "labs",
    "lead",
    "lecturer",
    "llc",
    "ltd",
    "maintainer",
    "manager",
    "marketing",
    "member",
    "moderator",
    "officer",
    "organiser",
    "organizer",
    "partner",
    "phd",
    "president",
    "principal",
    "product",
    "professor",
    "programmer",
    "researcher",
    "sales",
    "scientist",
    "senior",
    "solutions",
    "specialist",
    "sr",
    "staff",
    "student",
    "svp",
    "university",
    "vp",
];

fn is_role_word(word: &str) -> bool {
    one_of(word, &ROLE_WORDS)
}

/// An acronym of two letters or more: "SE", "IBM", "IIT", "UCSD". A name is not one.
fn is_acronym(word: &str) -> bool {
    let letters = word.trim_end_matches(['.', ',']);
    letters.chars().count() >= 2
        && letters
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit())
        && letters.chars().any(char::is_uppercase)
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

/// A surname after an elided particle: "d'Arbois", "l’Huillier".
fn is_elided_name(word: &str) -> bool {
    ["d'", "d’", "l'", "l’"]
        .iter()
        .find_map(|p| word.strip_prefix(p))
        .is_some_and(is_capitalised)
}

/// Words a person's name never contains: weekdays, months, AM and PM.
fn is_calendar_word(word: &str) -> bool {
    // Calendar words are 2 to 9 ASCII letters (and dots): most words fail here.
    if !(2..=9).contains(&word.len()) || !word.bytes().all(|b| b.is_ascii_alphabetic() || b == b'.')
    {
        return false;
    }
    Day::parse_full(word).is_some()
        || super::day::is_month_name(word)
        || one_of(word, &["am", "pm", "a.m", "p.m"])
}

/// The shape of a person's name: one to four capitalised words, particles allowed
/// (not last), and no weekday, month, AM or PM.
pub fn name_shape(text: &str) -> bool {
    let mut count = 0;
    let mut named = 0;
    let mut last_is_particle = false;
    for word in text.split_whitespace() {
        count += 1;
        // "Marta's Wishes": a possessive is about someone, not a name.
        if word.ends_with("'s") || word.ends_with("’s") {
            return false;
        }
        last_is_particle = is_particle(word);
        if !last_is_particle {
            named += 1;
        }
        let fits = (last_is_particle || is_capitalised(word) || is_elided_name(word))
            && !is_calendar_word(word);
        if count > 4 || !fits {
            return false;
        }
    }
    count > 0 && named > 0 && !last_is_particle
}

/// Shape alone cannot tell "Van Lindbergh" from "Python Packaging", so this adds two
/// signals: at least two words, and either the first word is a given name (US Census
/// 1990 lists), or none of the words is a common English word (Debian's wamerican), or
/// two words with letters beyond ASCII are not ("Nguyễn Văn An": the lists are English).
pub fn is_person_name(text: &str) -> bool {
    if text.split_whitespace().nth(1).is_none() || !name_shape(text) {
        return false;
    }
    let Some(first) = text.split_whitespace().next() else {
        return false;
    };
    let all = text.split_whitespace().filter(|w| !is_particle(w));
    let beyond_ascii = |w: &&str| w.chars().any(|c| c.is_alphabetic() && !c.is_ascii());
    is_given_name(first)
        || all.clone().all(|w| !is_common_word(w))
        || all
            .filter(beyond_ascii)
            .filter(|w| !is_common_word(w))
            .count()
            >= 2
}

/// A stricter test for the forms that put a name first or after "with": the shape of a
/// name, no role or organisation word, and a given name first (after an honorific):
/// "Andrew Pellow", "Dr. Karl Hammer", not "Apache Hudi".
pub fn is_full_name(text: &str) -> bool {
    let mut words = text
        .split_whitespace()
        .skip_while(|w| one_of(w, &HONORIFICS));
    let first = words.next();
    name_shape(text)
        && words.next().is_some()
        && first.is_some_and(is_given_name)
        && !text.split_whitespace().any(is_role_word)
}

/// A name written in lower case, as some people type them: "pete van hoorn",
/// "e. marta rovelle". Two to four words of letters (an initial may have a dot), the
/// first full word a given name and the last no common word.
pub fn is_lower_case_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let initial =
        |w: &str| w.len() == 2 && w.ends_with('.') && w.as_bytes()[0].is_ascii_alphabetic();
    let lettered = |w: &str| {
        w.chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
    };
    let Some(first) = words.iter().find(|w| !initial(w)) else {
        return false;
    };
    let last = words.last().copied().unwrap_or("");
    (2..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| initial(w) || (lettered(w) && !w.chars().any(char::is_uppercase)))
        && is_given_name(first)
        && !initial(last)
        && !is_common_word(last)
        && !words.iter().any(|w| is_role_word(w))
}

/// Words that never stand in a name written after "by" (the marker that makes even a
/// lower-case "by franz obermaier" a name): articles, pronouns, prepositions.
const FUNCTION_WORDS: [&str; 30] = [
    "a", "an", "and", "are", "as", "at", "be", "but", "default", "design", "far", "for", "from",
    "he", "in", "is", "it", "me", "my", "no", "of", "on", "or", "she", "that", "the", "they", "to",
    "way", "we",
];

/// A name after "by" or a `Speaker:` label, where the label says a name follows: one to
/// four words of letters (initials and particles allowed, "Nils k"), no function word,
/// no role word, at most 40 characters.
fn is_labelled_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && text.len() <= 40
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
                && !one_of(w, &FUNCTION_WORDS)
                && !is_role_word(w)
        })
        && (words.len() > 1 || words[0].chars().next().is_some_and(char::is_uppercase))
}

/// Splits a heading into title, speakers, handles and room.
///
/// Handles come off the end first. Then, in order: a trailing parenthesised name
/// ("Cython (Dr. Karl Hammer)"); the last long dash (" -- ", " — ", " – ") or " - "
/// or " by " when names follow; a trailing " with A, B and C"; names peeled off the end
/// at ", " (a last affiliation allowed: "query planning, Keith Pelham, PgWorks."); a name
/// after the last ". " ("vector search in pg. Alexander Volnov MIPT"); a name first
/// ("Andrew Pellow: 80% data reduction", "Ann Lee - Title"); a label and a name
/// ("Keynote: Ada Lovelace" keeps its whole heading as its title). A heading that is
/// itself a person's name (perhaps with a role after it) is a session by that person.
pub fn byline(heading: &str) -> Byline<'_> {
    let (rest, handles) = split_handles(heading.trim());
    let rest = rest.trim_end_matches(is_trailing_junk);
    let split = split_parenthesised(rest)
        .or_else(|| split_dash(rest))
        .or_else(|| split_with(rest))
        .or_else(|| split_comma(rest).map(|(title, speakers)| (title, speakers, None)))
        .or_else(|| split_sentence(rest))
        .or_else(|| name_first(rest))
        .or_else(|| label_and_name(rest))
        .or_else(|| speaker_only(rest));
    let (title, speakers, room) = split.unwrap_or((rest, Vec::new(), None));
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

/// `@name`: an at sign, then letters, digits and underscores.
pub fn is_handle(word: &str) -> bool {
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

/// "Cython (Dr. Karl Hammer)", "Talk (Ann Lee and Bo Li)": names in parentheses at the
/// end.
fn split_parenthesised(text: &str) -> Option<Split<'_>> {
    let inner = text.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let (title, names) = (inner[..open].trim_end(), inner[open + 1..].trim());
    if title.is_empty() || names.contains(['(', ')']) {
        return None;
    }
    let names = names
        .strip_prefix("by ")
        .or_else(|| names.strip_prefix("with "))
        .unwrap_or(names);
    let speakers = split_people(names, |p| is_person_name(p) || is_full_name(p))?;
    Some((title, speakers, None))
}

/// A name after a long dash: the shape of a name, and two words or more unless the one
/// word is a given name ("Restores are hard -- ByteVault" names no one).
fn dashed_name(text: &str) -> bool {
    name_shape(text)
        && (text.split_whitespace().nth(1).is_some()
            || (is_given_name(text) && !is_common_word(text)))
}

/// Splits at the last long dash when names follow; else at the last " - " or " by "
/// when what follows passes the stricter person test.
fn split_dash(text: &str) -> Option<Split<'_>> {
    let strong = last_of(text, &[" -- ", " — ", " – "]);
    let weak = last_of(text, &[" - "]);
    let by = last_of(text, &[" by "]);
    [
        (strong, dashed_name as fn(&str) -> bool),
        (weak, is_person_name),
        (by, |p: &str| is_person_name(p) || is_lower_case_name(p)),
    ]
    .into_iter()
    .find_map(|(at, is_name)| {
        let (pos, len) = at?;
        // "DAT318 - Real-World Low-Latency Analytics": a session code, then the title.
        if is_session_code(text[..pos].trim()) {
            return None;
        }
        let rest = text[pos + len..].trim();
        let (names, room) = split_room(rest);
        if let Some(speakers) = split_people(names, is_name) {
            return Some((&text[..pos], speakers, room));
        }
        // "Rosalind McAvoy-Pratt, Web Developer at Boxly": a person, then a role.
        let (name, role) = rest.split_once(", ")?;
        (is_person_name(name) && !role.trim().is_empty()).then(|| (&text[..pos], vec![name], None))
    })
}

/// A session code alone: two to five capitals, two to four digits, perhaps a short
/// suffix after a hyphen ("DAT307", "MOB212-R").
pub fn is_session_code(word: &str) -> bool {
    let b = word.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    let digits = b[letters..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let rest = &word[letters + digits..];
    let suffix_ok = rest.is_empty()
        || rest.strip_prefix('-').is_some_and(|s| {
            (1..=3).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_alphanumeric())
        });
    (2..=5).contains(&letters) && (2..=4).contains(&digits) && suffix_ok
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

/// The people of a list joined by ", ", " and ", " & " (", and" too): each part must
/// pass `is_name`.
fn split_people(names: &str, is_name: impl Fn(&str) -> bool) -> Option<Vec<&str>> {
    let people = people(names);
    (people.len() <= 6 && !people.is_empty() && people.iter().all(|p| is_name(p))).then_some(people)
}

/// The parts of a list of people: "Ann Lee, Bo Li, & Cy Young" is three.
fn people(names: &str) -> Vec<&str> {
    each_person(names).collect()
}

/// The parts of [`people`], one at a time.
fn each_person(names: &str) -> impl Iterator<Item = &str> {
    split_str(names, ", ")
        .flat_map(|part| split_str(part, " and "))
        .flat_map(|part| split_str(part, " & "))
        .map(|part| trim_start_str(trim_start_str(part.trim(), "and "), "& ").trim())
        .filter(|part| !part.is_empty())
}

/// "Town Hall with Pulumi Engineers Jason McAllan, Aaron Pettigrew, and Adam Fisher":
/// the people after the last " with ", each a full name (a description such as
/// "Pulumi Engineers" may come before the first).
fn split_with(text: &str) -> Option<Split<'_>> {
    let (pos, len) = last_of(text, &[" with "])?;
    let list = &text[pos + len..];
    // "Interview with …", "Fireside chat with …": a conversation is with people, so a
    // name there needs only the person test.
    let before = text[..pos].to_lowercase();
    let last_word = before.rsplit(' ').next().unwrap_or("");
    let conversation = [
        "interview",
        "chat",
        "conversation",
        "q&a",
        "ama",
        "panel",
        "discussion",
    ]
    .contains(&last_word);
    let is_name = |p: &str| is_full_name(p) || (conversation && is_person_name(p));
    let mut speakers = people(list);
    if speakers.is_empty() || speakers.len() > 6 {
        return None;
    }
    speakers[0] = if is_name(speakers[0]) {
        speakers[0]
    } else {
        trailing_name(speakers[0])?
    };
    // After a first full name, the others of the list need only be names of people
    // ("with Anna Smith, Bo Chen and Cy Dunn").
    speakers[1..]
        .iter()
        .all(|p| is_name(p) || is_person_name(p))
        .then(|| (&text[..pos], speakers, None))
}

/// The last two or three words of `text` when they are a full name: "Pulumi Engineers
/// Jason McAllan" ends in "Jason McAllan".
fn trailing_name(text: &str) -> Option<&str> {
    if is_full_name(text) {
        return Some(text);
    }
    let starts: Vec<usize> = text
        .char_indices()
        .filter(|&(i, c)| c == ' ' && i + 1 < text.len())
        .map(|(i, _)| i + 1)
        .collect();
    starts
        .iter()
        .rev()
        .skip(1)
        .take(2)
        .map(|&i| &text[i..])
        .find(|name| is_full_name(name))
}

/// Peels names off the end at ", " while they pass [`is_person_name`]. The last part
/// may be an affiliation when a name comes right before it: "query planning, Keith
/// Pelham, PgWorks." is by Keith Pelham.
fn split_comma(text: &str) -> Option<(&str, Vec<&str>)> {
    let commas: Vec<usize> = memchr::memrchr_iter(b',', text.as_bytes())
        .filter(|&p| text.as_bytes().get(p + 1) == Some(&b' '))
        .collect();
    let peel = |mut end: usize, commas: &[usize]| {
        let mut speakers = Vec::new();
        for &pos in commas {
            let candidate = text[pos + 2..end].trim();
            if !is_person_name(candidate) {
                break;
            }
            speakers.push(candidate);
            end = pos;
        }
        speakers.reverse();
        (!speakers.is_empty()).then(|| (&text[..end], speakers))
    };
    peel(text.len(), &commas).or_else(|| {
        let (&last, before) = commas.split_first()?;
        is_affiliation(&text[last + 2..]).then_some(())?;
        let (title, speakers) = peel(last, before)?;
        speakers
            .iter()
            .all(|s| is_full_name(s))
            .then_some((title, speakers))
    })
}

/// What follows a name as its company or school: one to three words, each capitalised
/// or an acronym ("PgWorks.", "MIPT PhysTech", "Acme Cloud Services", "IIT Delhi").
fn is_affiliation(text: &str) -> bool {
    let text = text.trim().trim_end_matches(['.', ',']);
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '&'))
        })
}

/// "vector search in pg. Alexander Volnov MIPT PhysTech": a full name (and perhaps an
/// affiliation) after the last ". ".
fn split_sentence(text: &str) -> Option<Split<'_>> {
    let pos = text.rfind(". ")?;
    let (title, rest) = (text[..pos].trim_end(), text[pos + 2..].trim());
    let name = leading_name(rest)?;
    let after = rest[name.len()..].trim();
    (!title.is_empty() && is_full_name(name) && (after.is_empty() || is_affiliation(after)))
        .then(|| (title, vec![name], None))
}

/// The name at the start of a speaker line without separators: the capitalised words
/// up to the first role word or acronym, keeping at least two ("David Hunter
/// Enterprise Sales" is David Hunter, "Alex Varga SE IBM" Alex Varga).
pub fn leading_name(text: &str) -> Option<&str> {
    let (mut end, mut count, mut at) = (0, 0, 0);
    for word in text.split(' ') {
        let start = at;
        at += word.len() + 1;
        let stop = word.is_empty()
            || is_acronym(word)
            || (count >= 2 && (is_role_word(word) || count >= 4))
            || !(is_capitalised(word) || is_particle(word));
        if stop {
            break;
        }
        count += 1;
        end = start + word.len();
    }
    let name = text[..end].trim_end();
    (count >= 2 && name_shape(name)).then_some(name)
}

/// "Andrew Pellow: 80% data reduction", "Ann Lee - Title", "Ann Lee – Title": a
/// full name first, then the title.
fn name_first(text: &str) -> Option<Split<'_>> {
    [": ", " - ", " – ", " — "].into_iter().find_map(|sep| {
        let (name, title) = text.split_once(sep)?;
        let title = title.trim();
        (is_full_name(name.trim())
            && !title.is_empty()
            && !is_person_name(title)
            && !starts_with_role(title))
        .then(|| (title, vec![name.trim()], None))
    })
}

/// True when `text` starts with a role word: "CTO, LedgerNook", "VP IT Platform".
fn starts_with_role(text: &str) -> bool {
    text.split([' ', ',']).next().is_some_and(is_role_word)
}

/// Words that label a session before its subject: "Keynote: Ada Lovelace".
pub const TALK_LABELS: [&str; 19] = [
    "ama",
    "bof",
    "case study",
    "closing keynote",
    "fireside chat",
    "interview",
    "invited talk",
    "keynote",
    "keynote address",
    "lecture",
    "lightning talk",
    "live q&a",
    "opening keynote",
    "panel",
    "panel discussion",
    "plenary",
    "talk",
    "tutorial",
    "workshop",
];

/// "Keynote: Ada Lovelace": a label, a colon, then only names. The whole heading stays
/// the title; the names are its speakers.
fn label_and_name(text: &str) -> Option<Split<'_>> {
    let (label, names) = text.split_once(": ")?;
    let label = label.trim().to_lowercase();
    let labelled = TALK_LABELS.contains(&label.as_str())
        || TALK_LABELS
            .iter()
            .any(|l| label.ends_with(&format!(" {l}")));
    let speakers = split_people(names.trim(), is_person_name)?;
    labelled.then_some((text, speakers, None))
}

/// A heading that is only a person's name, perhaps with a role and company after it
/// ("Jonathan R. Pell, CTO, LedgerNook (no homepage?!)"): a session by that person,
/// titled by the name.
fn speaker_only(text: &str) -> Option<Split<'_>> {
    if is_person_name(text) {
        return Some((text, vec![text], None));
    }
    let (name, rest) = text.split_once(", ")?;
    (is_full_name(name) && starts_with_role(rest.trim())).then(|| (name, vec![name], None))
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

/// The names and handles a line under a heading gives, when it is a speaker line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpeakerLine<'t> {
    /// The people, as written.
    pub names: Vec<&'t str>,
    /// `@handles` on the line.
    pub handles: Vec<&'t str>,
    /// A label ("Speaker:", "Presented by") or "by" says that names follow.
    pub labelled: bool,
}

/// Labels that introduce the people giving a talk, before a colon.
const SPEAKER_LABELS: [&str; 12] = [
    "by",
    "panelist",
    "panelists",
    "presented by",
    "presenter",
    "presenters",
    "speaker",
    "speakers",
    "instructor",
    "instructors",
    "lecturer",
    "talk by",
];

/// `speaker: NAME`, `Speakers : A, B`, `Presenter: X`, `Panelists: …` (any case,
/// spaces around the colon allowed): the names.
pub fn speaker_label(text: &str) -> Option<&str> {
    let (label, value) = text.split_once(':')?;
    let label = label.trim().to_lowercase();
    let value = value.trim();
    (SPEAKER_LABELS.contains(&label.as_str()) && !value.is_empty()).then_some(value)
}

/// How sure the place of a line makes it that a name is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Position {
    /// Any line: a name must pass the person test.
    Plain,
    /// Marked as a name (bold, italic, a link, a handle after it) or a sub-heading
    /// right under the session's heading: the first name needs only a name's shape.
    Marked,
}

/// Reads a line written under a heading (its markup already taken off) as a speaker
/// line: "Name", "Name, role", "Name (Company)", "Name @handle", "@handle", "by
/// Name", "Name - company - @handle", "Speakers: A, B and C", "Ann Lee & Bo Li",
/// "e. marta rovelle @ emory". Roles, companies and "@ Company" are left out.
pub fn speaker_line(text: &str, position: Position) -> Option<SpeakerLine<'_>> {
    let text = text
        .trim()
        .trim_end_matches([',', ';', '.', ':'])
        .trim_end();
    if text.is_empty() || text.len() > 160 {
        return None;
    }
    let (labelled, body) = match speaker_label(text) {
        Some(value) => (true, value),
        None => match strip_by(text) {
            Some(rest) => (true, rest),
            None => (false, text),
        },
    };
    // "Name @ Company": an affiliation. "Name @handle": a handle.
    let (body, spaced_at) = match find_str(body, " @ ") {
        Some(at) => (&body[..at], true),
        None => (body, false),
    };
    let mut handles = Vec::new();
    let mut kept = body;
    // A handle has an at sign: most lines have none, and no words to look at.
    let first_handle = if body.contains('@') {
        body.split_whitespace()
            .find(|w| is_handle(w.trim_end_matches(',')))
    } else {
        None
    };
    if let Some(first_handle) = first_handle {
        // The words from the first handle on.
        let at = first_handle.as_ptr() as usize - body.as_ptr() as usize;
        handles = body[at..]
            .split_whitespace()
            .map(|w| w.trim_end_matches(','))
            .filter(|w| is_handle(w))
            .collect();
        let cut = body.find(first_handle).unwrap_or(body.len());
        kept = body[..cut]
            .trim_end()
            .trim_end_matches(['-', '–', '—', ',', '|'])
            .trim_end();
    }
    let marked = position == Position::Marked || labelled || !handles.is_empty() || spaced_at;
    if kept.is_empty() {
        // A bare handle: a speaker only where no name is written.
        let words = body.split_whitespace().count();
        return (!handles.is_empty() && handles.len() == words).then_some(SpeakerLine {
            names: Vec::new(),
            handles,
            labelled,
        });
    }
    let names = names_before_affiliation(kept, marked, labelled)?;
    Some(SpeakerLine {
        names,
        handles,
        labelled,
    })
}

/// "by Ann Lee", "By: Ann Lee", "Presented by Ann Lee", "Talk by Ann Lee": the rest.
fn strip_by(text: &str) -> Option<&str> {
    [
        "by ",
        "By ",
        "BY ",
        "presented by ",
        "Presented by ",
        "talk by ",
        "Talk by ",
    ]
    .iter()
    .find_map(|p| text.strip_prefix(p))
    .map(str::trim)
    .filter(|rest| !rest.is_empty())
}

/// The names at the start of a speaker line, up to what says who they are: " - ", " – ",
/// " | ", " (", then ", " parts that are not names. The first name must be a person's
/// name (or only shaped like one where the place is `marked`); the others must pass the
/// person test.
fn names_before_affiliation(text: &str, marked: bool, labelled: bool) -> Option<Vec<&str>> {
    let (cut, sep) = super::words::first_of(
        text,
        &[" - ", " – ", " — ", " -- ", " | ", " (", "(", " / "],
    )
    .unwrap_or((text.len(), ""));
    // "Name (Company)" ends with its parenthesis: "Anders Falk (one of the authors) gave
    // a demo" is a sentence.
    if sep.ends_with('(') {
        let close = text[cut..].find(')')?;
        if !text[cut + close + 1..].trim().is_empty() {
            return None;
        }
    }
    let head = text[..cut].trim();
    if !marked && !labelled && !may_start_with_a_name(head) {
        return None;
    }
    let is_name = |part: &str, first: bool| {
        if labelled {
            is_labelled_name(part) || is_person_name(part)
        } else if first {
            first_name_ok(part, marked)
        } else {
            let roleless = !part
                .split_whitespace()
                .any(|w| is_role_word(w) || is_acronym(w));
            roleless && (is_person_name(part) || is_lower_case_name(part))
        }
    };
    let mut names = Vec::new();
    // Parts at ", " may be names or what says who they are ("Quentin Kovac, Square");
    // people joined by " and " or " & " must all be names.
    for (i, part) in split_str(head, ", ").enumerate() {
        let part = trim_start_str(trim_start_str(part.trim(), "and "), "& ");
        let joined: Vec<&str> = people(part)
            .into_iter()
            .map(|p| p.trim_end_matches([',', '.']).trim())
            .collect();
        let all = !joined.is_empty()
            && joined
                .iter()
                .enumerate()
                .all(|(k, p)| is_name(p, i == 0 && k == 0));
        if all {
            names.extend(joined);
            continue;
        }
        if i == 0 && joined.len() == 1 {
            // "David Hunter Enterprise Sales": a name, then a role without a separator.
            let name = leading_name(joined[0]).filter(|n| is_person_name(n))?;
            names.push(name);
        }
        break;
    }
    (!names.is_empty()).then_some(names)
}

/// A quick test that most note lines fail: unmarked, a line's first person is a name
/// only when its first two words are capitalised or particles ([`is_person_name`] and
/// [`leading_name`] need two such words), or when it is a name in lower case of two to
/// four words ([`is_lower_case_name`]). Every other path needs one of these.
fn may_start_with_a_name(head: &str) -> bool {
    // The first person exactly as `names_before_affiliation` reads it.
    let first = split_str(head, ", ").next().unwrap_or("");
    let part = trim_start_str(trim_start_str(first.trim(), "and "), "& ");
    let Some(first_person) = each_person(part)
        .next()
        .map(|p| p.trim_end_matches([',', '.']).trim())
    else {
        // No one in the first part: let the full rule see.
        return true;
    };
    let name_word = |w: &str| is_capitalised(w) || is_particle(w);
    let mut words = first_person.split_whitespace();
    let two_name_words = words.next().is_some_and(name_word) && words.next().is_some_and(name_word);
    let count = first_person.split_whitespace().count();
    let lower_case = (2..=4).contains(&count) && !first_person.chars().any(char::is_uppercase);
    two_name_words || lower_case
}

/// The first name of a speaker line: a person's name, a name in lower case, or where
/// the line is marked as a name, two to four capitalised words without a role word.
fn first_name_ok(part: &str, marked: bool) -> bool {
    let roleless = !part
        .split_whitespace()
        .any(|w| is_role_word(w) || is_acronym(w));
    let some_name = part
        .split_whitespace()
        .enumerate()
        .any(|(i, w)| !is_common_word(w) || (i == 0 && is_given_name(w)));
    (is_person_name(part) && roleless)
        || is_lower_case_name(part)
        || (marked
            && roleless
            && some_name
            && name_shape(part)
            && part.split_whitespace().nth(1).is_some())
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

/// A `label: value` line such as `role: Lead Data Analyst` or `firm : Initech`: one
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

/// The people of a `speakers:` line: "Ann Lee, Bo Li and Cy Young", "Ann Lee
/// @annlee, Bo Li". Handles come off the names.
pub fn split_names(names: &str) -> SpeakerLine<'_> {
    let mut line = SpeakerLine {
        names: Vec::new(),
        handles: Vec::new(),
        labelled: true,
    };
    let parts = names
        .split([',', ';', '&'])
        .flat_map(|part| part.split(" and "))
        .map(|name| name.trim().trim_start_matches("and ").trim());
    for part in parts {
        // Words with where they end; a handle may stand in brackets ("(@annlee)").
        let mut words = Vec::new();
        let mut at = 0;
        for word in part.split_whitespace() {
            let start = at + part[at..].find(word).unwrap_or(0);
            at = start + word.len();
            words.push((
                start,
                at,
                word.trim_matches(['(', ')', '[', ']', '<', '>', '.', ',']),
            ));
        }
        line.handles
            .extend(words.iter().map(|w| w.2).filter(|w| is_handle(w)));
        // The name: the words before the first that is not one of a name (a handle, an
        // address, something in brackets), else the words after the last of those.
        let stops = |w: &&(usize, usize, &str)| {
            let raw = &part[w.0..w.1];
            raw.contains('@') || raw.starts_with(['(', '[', '<'])
        };
        let name = match words.iter().position(|w| stops(&w)) {
            None => part,
            Some(0) => match words.iter().rposition(|w| stops(&w)) {
                Some(last) if last + 1 < words.len() => part[words[last + 1].0..].trim(),
                _ => "",
            },
            Some(first) => part[..words[first - 1].1].trim(),
        };
        if !name.is_empty() && !name.contains('@') {
            line.names.push(name);
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn full_names_start_with_a_given_name() {
        for name in [
            "Andrew Pellow",
            "Dr. Karl Hammer",
            "Jason McAllan",
            "Jason R. Pell",
        ] {
            assert!(is_full_name(name), "{name}");
        }
        for name in [
            "Apache Hudi",
            "Pulumi Engineers",
            "Tim Falkner Director",
            "Andrew",
        ] {
            assert!(!is_full_name(name), "{name}");
        }
    }

    #[test]
    fn names_in_lower_case() {
        assert!(is_lower_case_name("pete van hoorn"));
        assert!(is_lower_case_name("e. marta rovelle"));
        assert!(!is_lower_case_name("waiting for release"));
        assert!(!is_lower_case_name("pete"));
        assert!(!is_lower_case_name("mark the spot"));
    }

    #[test]
    fn names_with_elided_particles_and_letters_beyond_ascii() {
        assert!(is_elided_name("d'Arbois") && is_elided_name("l’Huillier"));
        assert!(!is_elided_name("d'arbois") && !is_elided_name("don't"));
        assert!(is_person_name("Anne d'Arbois"));
        assert!(is_person_name("Nguyễn Văn An"));
        // A word beyond ASCII that is a common word is no sign.
        assert!(!is_person_name("Café Culture") && !is_person_name("Café Élysée"));
        assert!(!is_person_name("Python Packaging"));
    }

    #[test]
    fn bylines_with_lists_particles_and_lower_case() {
        let speakers = |heading: &'static str| byline(heading).speakers;
        assert_eq!(
            speakers("Scaling Rust with Anna Smith, Bo Chen and Cy Dunn"),
            ["Anna Smith", "Bo Chen", "Cy Dunn"]
        );
        assert_eq!(
            speakers("Typed configs by Anne d'Arbois"),
            ["Anne d'Arbois"]
        );
        assert_eq!(
            speakers("Bylines by e. marta rovelle"),
            ["e. marta rovelle"]
        );
        assert_eq!(byline("Bylines by e. marta rovelle").title, "Bylines");
        // The first of a "with" list must still be a full name.
        assert!(speakers("Pairing with Python and Bo Chen").is_empty());
        assert!(speakers("Stand by your tests").is_empty());
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
        let cases: [Case; 33] = [
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
            (
                "Restores are hard -- ByteVault",
                "Restores are hard -- ByteVault",
                &[],
                &[],
                None,
            ),
            (
                "Cython (Dr. Karl Hammer)",
                "Cython",
                &["Dr. Karl Hammer"],
                &[],
                None,
            ),
            (
                "Large Scale Data Cleaning (with Arrow and Polars)",
                "Large Scale Data Cleaning (with Arrow and Polars)",
                &[],
                &[],
                None,
            ),
            (
                "Live Q&A: Town Hall with Pulumi Engineers Jason McAllan, Aaron Pettigrew, and Adam Fisher",
                "Live Q&A: Town Hall",
                &["Jason McAllan", "Aaron Pettigrew", "Adam Fisher"],
                &[],
                None,
            ),
            (
                "Interview with Yusuf Demir and Aylin Kaya",
                "Interview",
                &["Yusuf Demir", "Aylin Kaya"],
                &[],
                None,
            ),
            (
                "Finding an Opening with Graph Mining with Python",
                "Finding an Opening with Graph Mining with Python",
                &[],
                &[],
                None,
            ),
            (
                "query planning, Keith Pelham, PgWorks.",
                "query planning",
                &["Keith Pelham"],
                &[],
                None,
            ),
            (
                "vector search in pg. Alexander Volnov MIPT PhysTech",
                "vector search in pg",
                &["Alexander Volnov"],
                &[],
                None,
            ),
            (
                "Andrew Pellow: 80% data reduction",
                "80% data reduction",
                &["Andrew Pellow"],
                &[],
                None,
            ),
            (
                "Jonathan R. Pell, CTO, LedgerNook (no homepage?!)",
                "Jonathan R. Pell",
                &["Jonathan R. Pell"],
                &[],
                None,
            ),
            (
                "Keynote: Ada Lovelace",
                "Keynote: Ada Lovelace",
                &["Ada Lovelace"],
                &[],
                None,
            ),
            (
                "Keynote - Ada Lovelace",
                "Keynote",
                &["Ada Lovelace"],
                &[],
                None,
            ),
            (
                "DAT318 - Real-World Low-Latency Analytics",
                "DAT318 - Real-World Low-Latency Analytics",
                &[],
                &[],
                None,
            ),
            (
                "Sep 7 2025 - Total Lunar Eclipse",
                "Sep 7 2025 - Total Lunar Eclipse",
                &[],
                &[],
                None,
            ),
            (
                "Continuous Delivery with Capsule, Pulumi, and Gitlab Pipelines",
                "Continuous Delivery with Capsule, Pulumi, and Gitlab Pipelines",
                &[],
                &[],
                None,
            ),
            (
                "Nimble Toulouse : Focus management",
                "Nimble Toulouse : Focus management",
                &[],
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
    fn a_role_after_the_speaker_is_left_out() {
        let b = byline(
            "The Big Contrast Cook-off - Rosalind McAvoy-Pratt, Web Developer and Accessibility specialist at Boxly",
        );
        assert_eq!(b.title, "The Big Contrast Cook-off");
        assert_eq!(b.speakers, ["Rosalind McAvoy-Pratt"]);
        let b = byline("Building for Change - Mike Hale, Web Developer");
        assert_eq!(b.speakers, ["Mike Hale"]);
        assert!(byline("Python - Batteries, included").speakers.is_empty());
    }

    #[test]
    fn by_separates_a_speaker() {
        let b = byline("\"Serverless Flask\" by Peter Lindahl");
        assert_eq!(b.speakers, ["Peter Lindahl"]);
        assert_eq!(b.title, "\"Serverless Flask\"");
        assert!(byline("Stand by Me").speakers.is_empty());
        assert_eq!(byline("Mythology by Gary Wendling").title, "Mythology");
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

    fn line(text: &str, position: Position) -> Option<(Vec<&str>, Vec<&str>)> {
        speaker_line(text, position).map(|l| (l.names, l.handles))
    }

    #[test]
    fn speaker_lines() {
        use Position::*;
        let cases: [(&str, Position, &[&str], &[&str]); 19] = [
            ("Niko Vogt @nikovogt", Plain, &["Niko Vogt"], &["@nikovogt"]),
            ("Robert Halvorsen", Plain, &["Robert Halvorsen"], &[]),
            ("Alan Li & Venu Rao", Plain, &["Alan Li", "Venu Rao"], &[]),
            (
                "Rebecca Albrow, Daniel Brisco, & Patrick Venn",
                Plain,
                &["Rebecca Albrow", "Daniel Brisco", "Patrick Venn"],
                &[],
            ),
            ("Quentin Kovac, Square", Marked, &["Quentin Kovac"], &[]),
            ("Wolf Morgan, Notion", Marked, &["Wolf Morgan"], &[]),
            (
                "Arjun Hale, Kirsi Kessler - Elm Ridge",
                Marked,
                &["Arjun Hale", "Kirsi Kessler"],
                &[],
            ),
            (
                "Ronnie Breckner - VP IT Platform Delivery",
                Marked,
                &["Ronnie Breckner"],
                &[],
            ),
            ("Ravi Menon, IIT Delhi", Plain, &["Ravi Menon"], &[]),
            ("Suresh Pillai - UCSD, NRSC", Plain, &["Suresh Pillai"], &[]),
            (
                "e. marta rovelle @ emory",
                Plain,
                &["e. marta rovelle"],
                &[],
            ),
            ("pete van hoorn", Plain, &["pete van hoorn"], &[]),
            ("by franz obermaier", Plain, &["franz obermaier"], &[]),
            ("by Nils k", Plain, &["Nils k"], &[]),
            (
                "Speakers: Ann Lee, Bo Li and Cy Young",
                Plain,
                &["Ann Lee", "Bo Li", "Cy Young"],
                &[],
            ),
            (
                "David Hunter Enterprise Sales",
                Plain,
                &["David Hunter"],
                &[],
            ),
            ("Alex Varga SE IBM", Plain, &["Alex Varga"], &[]),
            (
                "Gaspard Delacroix - Roche d’ocre - @gaspardelacroix",
                Marked,
                &["Gaspard Delacroix"],
                &["@gaspardelacroix"],
            ),
            ("@tealfinch", Plain, &[], &["@tealfinch"]),
        ];
        for (text, position, names, handles) in cases {
            assert_eq!(
                line(text, position),
                Some((names.to_vec(), handles.to_vec())),
                "{text:?}"
            );
        }
        for text in [
            "Oakridge National Labs",
            "Presenter has been using terraform for 8months",
            "? met just two of them who sound like",
            "http://www.example.net/x",
            "waiting for release in quokka 3.2",
            "Speaker was able to coach someone",
            "Quick Setup Guide",
            "TapFast by PT Labs",
            "Anders Falk (one of Numba authors) gave a neat short demo",
            "Frontend Build Stack & Tooling",
            "Moderator",
            "Random Mediatek guy",
            "Mediatek",
        ] {
            assert_eq!(line(text, Position::Plain), None, "{text:?}");
        }
    }

    #[test]
    fn speakers_from_lines() {
        assert_eq!(speaker_label("speaker: Bob Carver"), Some("Bob Carver"));
        assert_eq!(
            speaker_label("Speakers : Ann Lee, Bo Li"),
            Some("Ann Lee, Bo Li")
        );
        assert_eq!(speaker_label("Presenter: Ann Lee"), Some("Ann Lee"));
        assert_eq!(speaker_label("speaker:"), None);
        assert_eq!(speaker_label("role: CFO"), None);
        assert_eq!(
            split_names("Ann Lee, Bo Li and Cy Young").names,
            ["Ann Lee", "Bo Li", "Cy Young"]
        );
        let line = split_names("Ann Lee @annlee, Bo Li, Cy Young @cy @cyy");
        assert_eq!(line.names, ["Ann Lee", "Bo Li", "Cy Young"]);
        assert_eq!(line.handles, ["@annlee", "@cy", "@cyy"]);
        assert_eq!(split_names("@annlee").names, Vec::<&str>::new());
        let line = split_names("@annlee Ann Lee, Bo Li (@boli), Cy Young [@cy].");
        assert_eq!(line.names, ["Ann Lee", "Bo Li", "Cy Young"]);
        assert_eq!(line.handles, ["@annlee", "@boli", "@cy"]);
        let line = split_names("Ann Lee (ann@example.org) @al, ann@example.org");
        assert_eq!(line.names, ["Ann Lee"]);
        assert_eq!(line.handles, ["@al"]);
        assert_eq!(name_line("by Guido van Rossum"), Some("Guido van Rossum"));
        assert_eq!(name_line("Ann Lee and Bo Li"), Some("Ann Lee and Bo Li"));
        assert_eq!(name_line("Python Packaging"), None);
        assert!(is_label_line("firm : graph4u"));
        assert!(is_label_line("role: Lead Data Analyst"));
        assert!(!is_label_line(
            "the next step after predictive modelling: \"causal\""
        ));
        assert!(!is_label_line("http://x"));
    }

    #[test]
    fn the_quick_reject_keeps_every_name_the_full_rule_finds() {
        for line in [
            "Ann Lee, - Acme",
            "Ann Lee,(Acme)",
            "Ann Lee, | Acme",
            "& & Ann Lee",
            "and & Ann Lee",
            "& and Ann Lee",
            "and and Ann Lee - Acme",
        ] {
            let found = speaker_line(line, Position::Plain).map(|l| l.names);
            assert!(found.is_some_and(|n| !n.is_empty()), "{line}");
        }
        assert!(speaker_line("decorators wrap functions and more", Position::Plain).is_none());
    }

    #[test]
    fn leading_names() {
        assert_eq!(
            leading_name("David Hunter Enterprise Sales"),
            Some("David Hunter")
        );
        assert_eq!(
            leading_name("Tom Rasmusen Chief Engineer Ample"),
            Some("Tom Rasmusen")
        );
        assert_eq!(
            leading_name("Charles Edward Pemberton"),
            Some("Charles Edward Pemberton")
        );
        assert_eq!(
            leading_name("Alexander Volnov MIPT PhysTech"),
            Some("Alexander Volnov")
        );
        assert_eq!(leading_name("the end"), None);
    }
}
