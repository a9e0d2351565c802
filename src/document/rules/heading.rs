//! What a heading's own words say about it: a document title, a separator, a block of
//! lightning talks, a group of talks ("Interesting talks", "Track B", "Morning"), a
//! general section ("Summary", "Links", "General thoughts", "Social events"), a talk by
//! its label ("Keynote:", "Panel Discussion") or session code ("DAT307 - "), a part of
//! a talk ("Conclusions", "Q&A"). Each list is of structural words people use in
//! notes, never of titles.

use super::day::{day_heading, mentioned_day};
use super::speaker::{TALK_LABELS, byline};
use std::sync::LazyLock;

use super::words::{WordSet, contains_ignore_ascii_case, one_of, with_lower, words};

/// Rule 1 of the plain outline: the first heading is the title when nothing is under
/// it and another heading follows (`next_is_heading`), unless it is a day heading or
/// a `Speakers:` line.
pub fn is_title(first_heading: &str, next_is_heading: bool) -> bool {
    next_is_heading
        && day_heading(first_heading).is_none()
        && super::speaker::speaker_label(first_heading).is_none()
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

/// A rule line between parts of plain notes: a thematic break, or `--` and longer runs
/// of dashes. The number of characters says how strong it is (`--` divides less than
/// `----`).
pub fn rule_length(text: &str) -> Option<usize> {
    let t = text.trim();
    let first = t.chars().next()?;
    let all_same = t.chars().all(|c| c == first);
    match first {
        '-' if all_same && t.len() >= 2 => Some(t.len()),
        _ if is_separator(t) => Some(t.chars().filter(|c| !c.is_whitespace()).count()),
        _ => None,
    }
}

/// A heading containing "lightning talk", in any case.
pub fn is_lightning_talks(text: &str) -> bool {
    contains_ignore_ascii_case(text, "lightning talk")
}

/// Rule 4 of the plain outline: an unindented line right after an empty session's
/// heading is a note of that session when it ends with ":" or has no speaker, unless
/// it is itself a lightning-talks heading or names a day.
pub fn is_note(heading: &str) -> bool {
    let text = heading.trim_end();
    !is_lightning_talks(text)
        && mentioned_day(text).is_none()
        && (text.ends_with(':') || text.ends_with('：') || byline(text).speakers.is_empty())
}

/// The heading's words, lower case, without closing punctuation.
fn normal(text: &str) -> Vec<String> {
    words(text).map(str::to_lowercase).collect()
}

/// Words that may come before the noun of a section or a group: "General thoughts",
/// "Other links", "Interesting talks", "Morning sessions".
const QUALIFIERS: [&str; 26] = [
    "additional",
    "afternoon",
    "all",
    "best",
    "evening",
    "favorite",
    "favourite",
    "featured",
    "final",
    "general",
    "interesting",
    "invited",
    "main",
    "misc",
    "miscellaneous",
    "more",
    "morning",
    "my",
    "other",
    "personal",
    "random",
    "recommended",
    "selected",
    "some",
    "useful",
    "various",
];

/// Words that may follow such a phrase without making it a title: "General things
/// that popped up", "Talks I attended", "Links from the day".
const TAILS: [&str; 11] = [
    "about", "and", "from", "i", "i'd", "i've", "of", "on", "that", "we", "which",
];

/// Section nouns that may have such a tail: "Links from the day" is a section,
/// "Introduction of types" may be a talk.
const TAILED_NOUNS: [&str; 14] = [
    "comments",
    "ideas",
    "impressions",
    "links",
    "notes",
    "observations",
    "questions",
    "references",
    "remarks",
    "resources",
    "stuff",
    "takeaways",
    "things",
    "thoughts",
];

/// Nouns of general sections, which hold no talks.
const SECTION_NOUNS: [&str; 51] = [
    "about",
    "acknowledgements",
    "acknowledgments",
    "agenda",
    "appendix",
    "background",
    "conclusion",
    "conclusions",
    "contents",
    "credits",
    "foreword",
    "ideas",
    "impressions",
    "index",
    "info",
    "information",
    "intro",
    "introduction",
    "links",
    "location",
    "logistics",
    "misc",
    "miscellaneous",
    "notes",
    "observations",
    "other",
    "others",
    "overview",
    "photos",
    "pictures",
    "preface",
    "questions",
    "reading",
    "recap",
    "references",
    "remarks",
    "resources",
    "schedule",
    "sponsors",
    "stuff",
    "summary",
    "takeaways",
    "things",
    "thoughts",
    "toc",
    "travel",
    "accommodation",
    "venue",
    "wrap-up",
    "comments",
    "sources",
];

/// Section nouns that need a qualifier: "General remarks" is a section, "Closing
/// remarks" a talk; "Other things", not "Things".
const QUALIFIED_ONLY: [&str; 6] = ["remarks", "things", "stuff", "notes", "ideas", "comments"];

/// Two-word section phrases: "Further reading", "Table of contents".
const SECTION_PHRASES: [&str; 6] = [
    "further reading",
    "reading list",
    "table of contents",
    "key takeaways",
    "about me",
    "wrap up",
];

/// True when `words` are `[qualifier]* noun [tail …]` for a noun `is_noun` accepts:
/// the qualifier count, or `None`.
fn noun_phrase(
    words: &[String],
    is_noun: impl Fn(&str) -> bool,
    may_have_tail: impl Fn(&str) -> bool,
) -> Option<usize> {
    let qualifiers = words
        .iter()
        .take_while(|w| QUALIFIERS.contains(&w.as_str()))
        .count();
    let noun = words.get(qualifiers)?;
    let tail = &words[qualifiers + 1..];
    let tail_ok = tail.is_empty() || (may_have_tail(noun) && TAILS.contains(&tail[0].as_str()));
    (is_noun(noun) && tail_ok).then_some(qualifiers)
}

/// A general section heading: "Summary", "Introduction", "Links:", "References",
/// "Table of contents", "General thoughts", "General Things that have come up",
/// "Social events", "Sponsors". The talks are elsewhere.
pub fn is_section(text: &str) -> bool {
    may_be_section(text) && section_words(text)
}

/// [`is_section`] without its quick test.
fn section_words(text: &str) -> bool {
    let words = normal(text);
    if words.is_empty() || words.len() > 12 {
        return false;
    }
    let joined = words.join(" ");
    let starts_phrase = |p: &str| {
        joined
            .strip_prefix(p)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    };
    if SECTION_PHRASES.iter().any(|p| starts_phrase(p)) {
        return true;
    }
    if is_social(text) && words.len() <= 3 {
        return true;
    }
    noun_phrase(
        &words,
        |w| SECTION_NOUNS.contains(&w),
        |w| TAILED_NOUNS.contains(&w),
    )
    .is_some_and(|qualifiers| qualifiers > 0 || !QUALIFIED_ONLY.contains(&words[0].as_str()))
}

/// A quick test that [`is_section`] may hold, on the first word alone (in lower case):
/// a phrase starts with it, or a qualifier or a section noun is it (`[qualifier]*
/// noun`); else the heading must be a short social one.
fn may_be_section(text: &str) -> bool {
    let Some(first) = words(text).next() else {
        return false;
    };
    static FIRST: LazyLock<WordSet> =
        LazyLock::new(|| WordSet::of(&[&QUALIFIERS, &SECTION_NOUNS], &SECTION_PHRASES));
    let first_fits = with_lower(first, |w| FIRST.contains(w));
    first_fits || (words(text).nth(3).is_none() && is_social(text))
}

/// Words of the social side of a conference: "Social events", "Official party",
/// "Hallway track", "Conference dinner".
const SOCIAL_WORDS: [&str; 13] = [
    "afterparty",
    "breakfast",
    "dinner",
    "drinks",
    "excursion",
    "hallway",
    "karaoke",
    "lunch",
    "parties",
    "party",
    "reception",
    "sightseeing",
    "social",
];

/// A heading about the social side of a conference (a party, a dinner, the hallway
/// track): at most six words, one of them a social word.
pub fn is_social(text: &str) -> bool {
    // Split at spaces only: "Third-party packages" has no party in it. Words are
    // lowered as `to_lowercase` does (the Kelvin sign is a k).
    let words = || {
        text.split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
    };
    static SOCIAL: LazyLock<WordSet> = LazyLock::new(|| WordSet::of(&[&SOCIAL_WORDS], &[]));
    let social = |w: &str| with_lower(w, |w| SOCIAL.contains(w));
    words().nth(6).is_none() && words().any(social)
}

/// Plural nouns of the things a group heading holds.
const GROUP_NOUNS: [&str; 11] = [
    "breakouts",
    "keynotes",
    "lectures",
    "panels",
    "presentations",
    "sessions",
    "talks",
    "tracks",
    "tutorials",
    "workshops",
    "demos",
];

/// Words that name a track or room: "Track B", "Room 101", "Main hall".
const PLACE_NOUNS: [&str; 5] = ["track", "room", "hall", "stage", "auditorium"];

/// Times of day that head a group of talks alone: "Morning", "Afternoon sessions".
const TIMES_OF_DAY: [&str; 4] = ["morning", "afternoon", "evening", "night"];

/// A heading that names a group of talks: "Talks", "Interesting talks", "Talks I
/// attended", "Morning sessions", "Keynotes", "Workshops", "Track B", "Room 101",
/// "Afternoon", "Friday talks". Whether it is one depends on the headings under it.
pub fn is_group(text: &str) -> bool {
    may_be_group(text) && group_words(text)
}

/// [`is_group`] without its quick test.
fn group_words(text: &str) -> bool {
    let mut words = normal(text);
    // "Friday talks", "Day 2 sessions": the day goes.
    while words.first().is_some_and(|w| {
        crate::document::Day::parse_full(w).is_some() || w == "day" || w.parse::<u32>().is_ok()
    }) {
        words.remove(0);
    }
    if words.is_empty() || words.len() > 8 {
        return false;
    }
    if words.len() <= 2 && TIMES_OF_DAY.contains(&words[0].as_str()) {
        return true;
    }
    if PLACE_NOUNS.contains(&words[0].as_str()) && words.len() <= 3 {
        return true;
    }
    if words.len() >= 2 && PLACE_NOUNS.contains(&words[1].as_str()) && words.len() <= 3 {
        return words[0] == "main"
            || words[0].len() <= 2
            || QUALIFIERS.contains(&words[0].as_str());
    }
    noun_phrase(&words, |w| GROUP_NOUNS.contains(&w), |_| true).is_some()
}

/// A quick test that [`is_group`] may hold: after the leading day words, the first
/// word (in lower case) is a time of day, a place, a qualifier or a group noun, or the
/// second is a place. Every way to a group needs one of these.
fn may_be_group(text: &str) -> bool {
    let day_word = |w: &str| {
        with_lower(w, |w| {
            crate::document::Day::parse_full(w).is_some() || w == "day" || w.parse::<u32>().is_ok()
        })
    };
    let mut rest = words(text).skip_while(|w| day_word(w));
    let Some(first) = rest.next() else {
        return false;
    };
    static FIRST: LazyLock<WordSet> = LazyLock::new(|| {
        WordSet::of(
            &[&TIMES_OF_DAY, &PLACE_NOUNS, &QUALIFIERS, &GROUP_NOUNS],
            &[],
        )
    });
    let first_fits = with_lower(first, |w| FIRST.contains(w));
    first_fits
        || rest
            .next()
            .is_some_and(|w| with_lower(w, |w| PLACE_NOUNS.contains(&w)))
}

/// A label that makes a heading a talk: "Keynote: X", "Keynote Tuesday", "Online
/// Extra Talk - X", "PANEL DISCUSSION", "Live Q&A: X", "Workshop – X". The words before
/// the first ":" or dash (at most four) hold one of [`TALK_LABELS`].
pub fn talk_label(text: &str) -> Option<&'static str> {
    let head = super::words::first_of(text, &[": ", " - ", " – ", " — "])
        .map_or(text, |(at, _)| &text[..at]);
    let lower = head.trim().trim_end_matches(':').to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 {
        // "Keynote Tuesday: …" has its label first whatever follows.
        let first = text
            .split_whitespace()
            .next()?
            .trim_end_matches(':')
            .to_lowercase();
        return TALK_LABELS
            .iter()
            .find(|l| **l == first && !l.contains(' '))
            .copied();
    }
    TALK_LABELS
        .iter()
        .copied()
        .filter(|label| {
            let n = label.split(' ').count();
            words
                .windows(n)
                .any(|w| w.iter().copied().eq(label.split(' ')))
        })
        .max_by_key(|label| label.len())
}

/// A session code before the title: "DAT307 - Pipelines as Code.", "MOB212-R -
/// NEW RELEASE", "NET306: Tuning". Two to five capitals, two to four digits, perhaps a
/// suffix, then a dash or a colon.
pub fn session_code(text: &str) -> bool {
    let Some(at) = text.find([' ', ':']) else {
        return false;
    };
    let rest = &text[at..];
    super::speaker::is_session_code(&text[..at])
        && (rest.starts_with(" - ") || rest.starts_with(" – ") || rest.starts_with(": "))
}

/// Words that name an event or a set of notes: a document title has them ("My notes
/// from PyCon 2014.", "Svelte Conf NL notes.", "OPS-X-CON 2019").
const EVENT_WORDS: [&str; 12] = [
    "conf",
    "conference",
    "congress",
    "convention",
    "meetup",
    "notes",
    "summit",
    "symposium",
    "unconference",
    "expo",
    "festival",
    "camp",
];

/// A heading that names the event or the notes: a year (1990 to 2099), an event word,
/// or a word ending in "Con" or "Conf" (PyCon, GopherCon).
pub fn names_event(text: &str) -> bool {
    words(text).any(|w| {
        let year = w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1990..=2099).contains(&y));
        let con = w.len() > 4
            && w.chars().next().is_some_and(char::is_uppercase)
            && (w.ends_with("Con") || w.ends_with("CON") || w.ends_with("Conf"));
        year || con || one_of(w, &EVENT_WORDS)
    })
}

/// A checklist item's text: `[ ] Title`, `[x] Title` (its bullet marker already off).
pub fn is_checklist_item(text: &str) -> bool {
    let t = text.trim_start();
    ["[ ]", "[x]", "[X]", "[-]"]
        .iter()
        .any(|m| t.starts_with(m) && t[3..].starts_with([' ', '\t']))
}

/// Words of a talk's parts: sub-headings such as "Conclusions", "Q&A", "Demo",
/// "Takeaways", "Further Reading" are parts, never talks of their own.
const PART_WORDS: [&str; 28] = [
    "agenda",
    "background",
    "conclusion",
    "conclusions",
    "demo",
    "discussion",
    "example",
    "examples",
    "intro",
    "introduction",
    "links",
    "motivation",
    "notes",
    "outline",
    "overview",
    "problem",
    "q&a",
    "qa",
    "questions",
    "recap",
    "references",
    "resources",
    "slides",
    "solution",
    "summary",
    "takeaways",
    "thoughts",
    "video",
];

/// A heading that names a part of a talk: "Conclusions", "Q&A", "Questions", "Key
/// takeaways", "Further reading".
pub fn is_part(text: &str) -> bool {
    let words = normal(text);
    words.len() <= 3
        && (words.iter().any(|w| PART_WORDS.contains(&w.as_str()))
            || text.trim().eq_ignore_ascii_case("q&a"))
}

/// A heading over the people of a talk: "Speakers", "Panelists", "Presenters".
pub fn is_speakers_heading(text: &str) -> bool {
    let t = text.trim().trim_end_matches(':');
    one_of(
        t,
        &[
            "speakers",
            "speaker",
            "panelists",
            "panellists",
            "presenters",
            "presenter",
            "panel",
        ],
    )
}

/// A heading of a turn in a discussion: "Moderator: …", "Audience: …", "Q: …".
pub fn is_dialogue(text: &str) -> bool {
    let head = text.split(':').next().unwrap_or("").trim();
    text.contains(':')
        && one_of(
            head,
            &[
                "moderator",
                "audience",
                "q",
                "a",
                "question",
                "answer",
                "host",
                "chair",
            ],
        )
        || one_of(text.trim(), &["moderator", "audience", "host", "chair"])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Headings to try the quick tests on: every list word alone, after a qualifier
    /// and a day, before a tail, in three cases; and every line of the bundled notes
    /// and the fixtures.
    fn candidates() -> Vec<String> {
        let mut words: Vec<&str> = Vec::new();
        for list in [
            &SECTION_NOUNS[..],
            &SECTION_PHRASES,
            &QUALIFIERS,
            &GROUP_NOUNS,
            &PLACE_NOUNS,
            &TIMES_OF_DAY,
            &SOCIAL_WORDS,
            &TAILS,
        ] {
            words.extend(list);
        }
        let mut out = Vec::new();
        for w in &words {
            for form in [w.to_string(), w.to_uppercase(), {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            }] {
                out.push(form.clone());
                out.push(format!("{form}:"));
                out.push(format!("General {form}"));
                out.push(format!("Friday {form}"));
                out.push(format!("Day 2 {form}"));
                out.push(format!("Main {form} B"));
                out.push(format!("B {form}"));
                out.push(format!("{form} from the day"));
                out.push(format!("Official {form}"));
                out.push(format!("{form} and more words here"));
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = vec![root.join("notes/pycon2014.txt")];
        for entry in std::fs::read_dir(root.join("tests/fixtures")).unwrap() {
            files.push(entry.unwrap().path());
        }
        for file in files {
            if let Ok(text) = std::fs::read(&file) {
                out.extend(String::from_utf8_lossy(&text).lines().map(str::to_string));
            }
        }
        out
    }

    #[test]
    fn the_quick_tests_let_every_section_and_group_through() {
        let mut sections = 0;
        let mut groups = 0;
        for text in candidates() {
            if section_words(&text) {
                sections += 1;
                assert!(may_be_section(&text), "{text:?}");
            }
            if group_words(&text) {
                groups += 1;
                assert!(may_be_group(&text), "{text:?}");
            }
        }
        // The candidates do hold sections and groups for the tests to check.
        assert!(sections > 100 && groups > 50, "{sections} {groups}");
    }

    #[test]
    fn social_words_in_any_case() {
        assert!(is_social("Conference DINNER"));
        assert!(is_social("Drin\u{212a}s"), "the Kelvin sign lowers to k");
        assert!(!is_social("Third-party packages"));
        assert!(!is_social(
            "Dinner and a very long list of other words here"
        ));
    }

    #[test]
    fn title_is_a_lone_first_heading() {
        assert!(is_title("My notes.", true));
        assert!(!is_title("My notes.", false));
        assert!(!is_title("Friday", true));
        assert!(!is_title("Speakers: Ann Lee", true));
    }

    #[test]
    fn lightning_talks_separators_and_rules() {
        assert!(is_lightning_talks("Lightning Talks, Friday PM"));
        assert!(is_lightning_talks("LIGHTNING TALK"));
        assert!(!is_lightning_talks("Lightning fast"));
        for text in ["---", "***", "* * *", "=====", "___"] {
            assert!(is_separator(text), "{text}");
        }
        for text in ["--", "-x-", "Talk", ""] {
            assert!(!is_separator(text), "{text}");
        }
        assert_eq!(rule_length("--"), Some(2));
        assert_eq!(rule_length("------------ "), Some(12));
        assert_eq!(rule_length("* * *"), Some(3));
        assert_eq!(rule_length("-"), None);
        assert_eq!(rule_length("-- x"), None);
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
    fn sections() {
        for text in [
            "Summary",
            "Introduction",
            "Links:",
            "References",
            "Table of contents",
            "General thoughts:",
            "General Things that have come up that I plan to read about",
            "Social events",
            "Sponsors",
            "Conclusion",
            "Further Reading",
            "Other notes",
            "Hallway track",
            "Oficial ElixirConfDE Party",
        ] {
            assert!(is_section(text), "{text}");
        }
        for text in [
            "Introduction to Python",
            "Summary statistics in pandas",
            "Closing remarks",
            "Opening Remarks",
            "Things I wish I knew about Django",
            "Notes on asyncio",
            "Welcome",
            "Python past and present",
            "Third-party packages for data science",
            "Numbat",
        ] {
            assert!(!is_section(text), "{text}");
        }
    }

    #[test]
    fn groups() {
        for text in [
            "Talks",
            "Interesting talks",
            "Talks I attended",
            "Morning sessions",
            "Keynotes",
            "Workshops",
            "Track B",
            "Room 101",
            "Afternoon",
            "Friday talks",
            "Main track",
        ] {
            assert!(is_group(text), "{text}");
        }
        for text in [
            "Giving better talks",
            "Why talks fail",
            "Keynote: Talks that matter",
            "Room for improvement in CI pipelines",
            "Morning routines of great programmers",
            "Python",
        ] {
            assert!(!is_group(text), "{text}");
        }
    }

    #[test]
    fn talk_labels() {
        for (text, label) in [
            ("Keynote: Coordinating at Scale", "keynote"),
            ("Keynote Tuesday:", "keynote"),
            ("Online Extra Talk - Map Your Town Budget", "talk"),
            ("PANEL DISCUSSION", "panel discussion"),
            ("Live Q&A: Carefully migrating", "live q&a"),
            ("Case Study: Securing a Security Vendor", "case study"),
            (
                "Panel Discussion: Who made me the lead?",
                "panel discussion",
            ),
        ] {
            assert_eq!(talk_label(text), Some(label), "{text}");
        }
        for text in [
            "Talking to machines",
            "Numbat",
            "Zotero",
            "Tutorials are hard to write well for beginners",
        ] {
            assert_eq!(talk_label(text), None, "{text}");
        }
    }

    #[test]
    fn session_codes() {
        for text in [
            "DAT307 - Pipelines as Code.",
            "MOB212-R - NEW RELEASE: First Steps",
            "NET306: Tuning",
        ] {
            assert!(session_code(text), "{text}");
        }
        for text in [
            "PEP3156 asyncio",
            "A1 - x",
            "LLDB9 -> Python",
            "HTTP/2 - the future",
        ] {
            assert!(!session_code(text), "{text}");
        }
    }

    #[test]
    fn events() {
        for text in [
            "My notes from PyCon 2014.",
            "Svelte Conf NL notes.",
            "OPS-X-CON 2019",
            "Vitess v2.3 Unconference notes (Mar 4-5)",
            "OpsNation Day 2021",
        ] {
            assert!(names_event(text), "{text}");
        }
        for text in [
            "morning sessions",
            "Mythology by Gary Wendling",
            "Nimble Toulouse : Focus management",
            "Python 3000",
        ] {
            assert!(!names_event(text), "{text}");
        }
    }

    #[test]
    fn parts_speakers_and_dialogue() {
        assert!(is_checklist_item("[x] Keynote"));
        assert!(is_checklist_item("[ ] Talk"));
        assert!(!is_checklist_item("[link](x)"));
        for text in ["Conclusions", "Q&A", "Questions", "Key takeaways", "Demo"] {
            assert!(is_part(text), "{text}");
        }
        assert!(!is_part(
            "Shipping CLIs: the Handmade, the Wishful and the Derived"
        ));
        assert!(is_speakers_heading("Speakers"));
        assert!(is_speakers_heading("Panelists:"));
        assert!(!is_speakers_heading("Speakers of the house"));
        assert!(is_dialogue("Moderator: Why is teaching harder?"));
        assert!(is_dialogue("Audience: "));
        assert!(is_dialogue("Moderator"));
        assert!(!is_dialogue("Ravi Menon, IIT Delhi"));
    }
}
