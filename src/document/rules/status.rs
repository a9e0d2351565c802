//! Status: whether the note taker saw a talk ("Missed due to lunch going long",
//! "missed this one but got the slides", "Partial, headed to Web testing"), wishlists of
//! talks not seen, and follow-ups ("review on video").

use std::sync::LazyLock;

use regex::Regex;

use crate::document::Status;

/// A line starting with "Missed" or "Partial" (a whole word, any case), and the reason
/// after it: "Missed due to lunch going long" is missed, "due to lunch going long".
pub fn status(line: &str) -> Option<(Status, Option<&str>)> {
    let text = line.trim_start();
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

/// What people write when they did not see a talk (or saw part of it), in the first
/// person or as a note to themselves: "I missed this one", "skipped it", "didn't make
/// it", "went to X instead", "left early".
static ABSENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            (?P<missed>
                (?:i\s+)?missed\s+(?:this|it|the\s+(?:talk|session|keynote)|most\s+of\s+it)\b
              | (?:i\s+)?skipped\s+(?:this|it|the\s+(?:talk|session|keynote))\b
              | (?:i\s+)?(?:didn'?t|did\s+not|couldn'?t|could\s+not)\s+
                (?:go(?:\s+to\s+(?:it|this|the\s+\w+))?|attend|make\s+it|see\s+(?:it|this))
                (?:$|[,.;:!(]|\s+(?:because|since|due|as|but|-|–))
              | (?:i\s+)?(?:went|watched)\s+.{1,60}\s+instead\b
              | not\s+attended\b
            )
          | (?P<partial>
                (?:i\s+)?(?:left|had\s+to\s+leave)\s+(?:early|halfway|half\s+way)\b
              | (?:i\s+)?(?:arrived|came\s+in|got\s+there)\s+late\b
            )
        )",
    )
    .expect("the absence pattern is valid")
});

/// A note line that says the author did not see the talk, or saw part of it: the v1
/// "Missed …"/"Partial …" lines, and the sentences of `ABSENCE`. The reason is the
/// line itself for a sentence.
pub fn absence(line: &str) -> Option<(Status, Option<&str>)> {
    if let Some(found) = status(line) {
        return Some(found);
    }
    let text = line.trim();
    // Most lines are not such a sentence: their first word rules them out before the
    // pattern (costly to build) is built or run.
    if !may_be_absence(text) || !ABSENCE.is_match(text) {
        return None;
    }
    let captures = ABSENCE.captures(text)?;
    let status = if captures.name("partial").is_some() {
        Status::Partial
    } else {
        Status::Missed
    };
    Some((status, Some(text)))
}

/// The words an [`ABSENCE`] sentence can start with, each followed by white space.
const ABSENCE_FIRST_WORDS: [&str; 17] = [
    "arrived", "came", "could", "couldn't", "couldnt", "did", "didn't", "didnt", "got", "had", "i",
    "left", "missed", "not", "skipped", "watched", "went",
];

/// A quick test that `text` could match [`ABSENCE`]: its first word is one of
/// [`ABSENCE_FIRST_WORDS`] in any case, as the pattern's Unicode case folding sees it
/// (where `ſ` is an `s` and the Kelvin sign a `k`), and white space follows it.
fn may_be_absence(text: &str) -> bool {
    // The word, folded, in a buffer as long as the longest of them.
    let mut word = [0u8; 8];
    for (len, c) in text.chars().enumerate() {
        if c.is_whitespace() {
            return ABSENCE_FIRST_WORDS
                .iter()
                .any(|w| w.as_bytes() == &word[..len]);
        }
        let folded = match c {
            '\u{17F}' => b's',
            '\u{212A}' => b'k',
            c if c.is_ascii() => (c as u8).to_ascii_lowercase(),
            _ => return false,
        };
        if len == word.len() {
            return false;
        }
        word[len] = folded;
    }
    false
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
    (text.ends_with(':') || text.ends_with('：')) && {
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

/// A heading for a talk not seen yet, to watch later. In org-mode, a `TODO` heading
/// that says to watch it ("TODO watch: X", "TODO Watch the recording of X"); a `DONE`
/// one was watched. Without a state, a "watch: X" heading with no notes under it
/// (`has_notes`). "rewatch: X" was seen.
pub fn still_to_watch(heading: &str, todo: Option<bool>, has_notes: bool) -> bool {
    let again = watch_prefix(heading).is_some_and(|(_, again)| again);
    match todo {
        Some(true) => is_watch_later(heading) && !again,
        Some(false) => false,
        None => watch_prefix(heading).is_some_and(|(_, again)| !again) && !has_notes,
    }
}

/// A heading that says to watch a talk: "watch: Async in depth", "Watch the recording
/// of X".
fn is_watch_later(heading: &str) -> bool {
    let text = heading.trim_start();
    ["watch ", "watch:", "see the recording", "see the video"]
        .iter()
        .any(|w| starts_with_ignoring_case(text, w))
}

fn starts_with_ignoring_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// The talk a watch-later heading names, and whether it is to watch again:
/// "watch: Async in depth" is "Async in depth", "rewatch: X" is X again.
pub fn watch_prefix(heading: &str) -> Option<(&str, bool)> {
    let text = heading.trim_start();
    [("watch:", false), ("rewatch:", true), ("re-watch:", true)]
        .iter()
        .find(|(prefix, _)| starts_with_ignoring_case(text, prefix))
        .map(|&(prefix, again)| (text[prefix.len()..].trim_start(), again))
        .filter(|(rest, _)| !rest.is_empty())
}

/// Words that ask to come back to something later.
static FOLLOW_UP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i:\b(?:re-?review|review|re-?watch|watch (?:it|this|that|them|later|again|the (?:video|talk|recording))|to watch|look (?:it|this|that|them) up|look up|look into|go back|come back to|revisit|would like to see|want to watch|follow[ -]?up|check (?:it |this |that |them )?out)\b)|\bTODO\b|(?i:^todo\b)",
    )
    .expect("the follow-up pattern is valid")
});

/// Lines that ask to review, watch, look up or go back to something: "review on
/// video", "look it up", "Go back – couple of fun quotes", "Would like to see: …", "TODO".
pub fn follow_up_pattern() -> &'static Regex {
    &FOLLOW_UP
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn absences() {
        for text in [
            "missed this one but got the slides",
            "I missed most of it",
            "skipped it for lunch",
            "didn't make it, the room was full",
            "I did not attend",
            "went to the Rust talk instead",
            "watched the keynote replay instead",
        ] {
            assert_eq!(absence(text).map(|a| a.0), Some(Status::Missed), "{text}");
        }
        for text in ["left early", "had to leave halfway", "arrived late"] {
            assert_eq!(absence(text).map(|a| a.0), Some(Status::Partial), "{text}");
        }
        for text in [
            "review on video",
            "the speaker missed the deadline",
            "skipping tests is bad",
            "we left early binding for later",
            "didn't go well for them",
            "Go back – couple of fun quotes",
        ] {
            assert_eq!(absence(text).map(|a| a.0), None, "{text}");
        }
    }

    /// The quick test is at least as wide as the pattern: every line the pattern
    /// matches starts with one of the words, in any case folding the pattern knows.
    #[test]
    fn the_absence_prefilter_lets_every_match_through() {
        // Only these characters fold to ASCII letters besides the letters themselves.
        let any_letter = Regex::new("(?i)^[a-z]$").unwrap();
        let letters: Vec<(char, Regex)> = ('a'..='z')
            .map(|l| (l, Regex::new(&format!("(?i)^{l}$")).unwrap()))
            .collect();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = c.to_string();
            if !any_letter.is_match(&text) {
                continue;
            }
            let letter = letters.iter().find(|(_, re)| re.is_match(&text)).unwrap().0;
            let folded = match c {
                '\u{17F}' => 's',
                '\u{212A}' => 'k',
                c => c.to_ascii_lowercase(),
            };
            assert_eq!(folded, letter, "{c:?}");
        }
        for text in [
            "I missed it",
            "i\u{a0}missed it",
            "ſkipped the talk",
            "SKIPPED IT",
            "Didn't attend",
            "couldnt go",
            "could not see it",
            "Watched the other talk instead",
            "not attended",
            "Had to leave early",
            "came in late",
            "Got there late",
            "arrived late",
            "left early",
        ] {
            assert!(ABSENCE.is_match(text), "{text}");
            assert!(may_be_absence(text), "{text}");
        }
        for text in ["missed", "the talk was missed", "Mist it", "", "I"] {
            assert!(!may_be_absence(text), "{text}");
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
    fn watch_later() {
        assert!(is_watch_later("watch: Async in depth"));
        assert!(is_watch_later("Watch the recording of the keynote"));
        assert!(!is_watch_later("add links to all the good demos"));
        assert!(!is_watch_later("Watchdogs in Go"));
        assert_eq!(
            watch_prefix("watch: Async in depth"),
            Some(("Async in depth", false))
        );
        assert_eq!(
            watch_prefix("Rewatch: the keynote"),
            Some(("the keynote", true))
        );
        assert_eq!(watch_prefix("watch:"), None);
        assert_eq!(watch_prefix("Watchdogs in Go"), None);
        assert_eq!(watch_prefix("wätch: x"), None);
        // Without a state: only when nothing is under it.
        assert!(still_to_watch("watch: Async in depth", None, false));
        assert!(!still_to_watch("watch: Async in depth", None, true));
        assert!(!still_to_watch("Rewatch: the keynote", None, false));
        assert!(!still_to_watch(
            "Watch the recording of the keynote",
            None,
            false
        ));
        // In org-mode, TODO says it is still to watch, DONE that it was watched.
        assert!(still_to_watch(
            "Watch the recording of the keynote",
            Some(true),
            true
        ));
        assert!(!still_to_watch("Rewatch: the keynote", Some(true), false));
        assert!(!still_to_watch("watch: Async in depth", Some(false), false));
    }

    #[test]
    fn follow_ups() {
        let is_follow_up = |t: &str| follow_up_pattern().is_match(t);
        for text in [
            "review on video",
            "Missed due to Inder meeting, review on video",
            "look it up",
            "Go back – couple of fun quotes",
            "Would like to see: Upgrade your Web Development Toolchain",
            "TODO: slides",
            "todo read the paper",
            "watch the talk later",
            "Look into podman prune",
            "Mendez will follow up with docs",
            "check out wrapt",
        ] {
            assert!(is_follow_up(text), "{text}");
        }
        for text in [
            "decorators wrap functions",
            "Watch out for lack of coverage",
            "it has to do with billing",
            "reviewer guidelines",
            "Todos are a list",
            "",
        ] {
            assert!(!is_follow_up(text), "{text}");
        }
    }
}
