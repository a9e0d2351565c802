//! Word lists and word tests shared by the rules: the given names and common words the
//! speaker rule looks names up in, and the small structural lists (particles, months).

use std::cmp::Ordering;

/// Given names from the US Census 1990 first-name lists, lower case, sorted.
static GIVEN_NAMES: &str = include_str!("../data/given-names.txt");

/// Words that Debian's wamerican list has in lower case, sorted.
static COMMON_WORDS: &str = include_str!("../data/common-words.txt");

include!(concat!(env!("OUT_DIR"), "/word_lists.rs"));

/// Splits text into words: runs of letters and digits (apostrophes kept inside words).
pub(crate) fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
}

/// The first place of `needle` in `text`, as `str::find` gives it: the needles here are
/// a few bytes and the texts a line, where a byte search and a comparison beat the
/// general substring search's set-up.
pub(crate) fn find_str(text: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (text.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return Some(0);
    };
    memchr::memchr_iter(first, hay).find(|&at| hay[at..].starts_with(needle))
}

/// `text` split at `sep` (not empty), as `str::split` splits it, with [`find_str`].
pub(crate) fn split_str<'t>(text: &'t str, sep: &'t str) -> impl Iterator<Item = &'t str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let now = rest?;
        match find_str(now, sep) {
            Some(at) if !sep.is_empty() => {
                rest = Some(&now[at + sep.len()..]);
                Some(&now[..at])
            }
            _ => {
                rest = None;
                Some(now)
            }
        }
    })
}

/// `text` without every `prefix` at its start, as `str::trim_start_matches` takes them.
pub(crate) fn trim_start_str<'t>(text: &'t str, prefix: &str) -> &'t str {
    let mut text = text;
    while !prefix.is_empty()
        && let Some(rest) = text.strip_prefix(prefix)
    {
        text = rest;
    }
    text
}

/// `needle` (ASCII) in `haystack`, ignoring ASCII case, without allocating.
pub(crate) fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    let (hay, needle) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return true;
    };
    memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), hay).any(|at| {
        hay.get(at..at + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    })
}

/// The first place in `text` where one of `needles` starts, and which one (the
/// longest there). One pass over `text`, looking further only where a needle's first
/// byte is: the texts are headings and note lines, short, and this runs on most.
pub(crate) fn first_of<'n>(text: &str, needles: &[&'n str]) -> Option<(usize, &'n str)> {
    let bytes = text.as_bytes();
    let mut firsts = [false; 256];
    for needle in needles {
        if let Some(&b) = needle.as_bytes().first() {
            firsts[usize::from(b)] = true;
        }
    }
    for (at, &b) in bytes.iter().enumerate() {
        if !firsts[usize::from(b)] {
            continue;
        }
        let rest = &bytes[at..];
        let mut found: Option<&'n str> = None;
        for &needle in needles {
            let n = needle.as_bytes();
            if n.len() > found.map_or(0, str::len) && rest.starts_with(n) {
                found = Some(needle);
            }
        }
        if let Some(needle) = found {
            return Some((at, needle));
        }
    }
    None
}

/// True when `word` is one of `list` (lower-case ASCII), ignoring case and a trailing
/// `.` or `:`.
pub(crate) fn one_of(word: &str, list: &[&str]) -> bool {
    let word = word.trim_end_matches(['.', ':']);
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// English words the census lists as given names but that start sentences far more
/// often than names: "In Brno.", "Will it scale?", "May the force".
const NOT_NAMES: [&str; 30] = [
    "an", "and", "as", "at", "by", "for", "hope", "how", "in", "is", "it", "long", "love", "man",
    "many", "may", "miss", "my", "no", "ok", "on", "see", "so", "the", "to", "un", "we", "what",
    "why", "will",
];

/// A given name (US Census 1990), in any case, unless it is one of a few words that
/// start sentences far more often.
pub(crate) fn is_given_name(word: &str) -> bool {
    !one_of(word, &NOT_NAMES)
        && normalised(word, |w| list_contains(GIVEN_NAMES, &GIVEN_NAMES_STARTS, w))
}

/// A word that Debian's wamerican list has in lower case, in any case.
pub(crate) fn is_common_word(word: &str) -> bool {
    normalised(word, |w| {
        list_contains(COMMON_WORDS, &COMMON_WORDS_STARTS, w)
    })
}

/// A set of lower-case words, built once from word lists, that answers membership with
/// a binary search: the quick tests ask it for every heading, where a walk along each
/// list was a tenth of reading a file.
pub(crate) struct WordSet(Vec<&'static str>);

impl WordSet {
    /// The words of every list, and the first word of every phrase in `phrases`.
    pub(crate) fn of(lists: &[&[&'static str]], phrases: &[&'static str]) -> WordSet {
        let mut words: Vec<&'static str> = lists.iter().flat_map(|l| l.iter().copied()).collect();
        words.extend(phrases.iter().filter_map(|p| p.split(' ').next()));
        words.sort_unstable();
        words.dedup();
        WordSet(words)
    }

    pub(crate) fn contains(&self, word: &str) -> bool {
        self.0.binary_search(&word).is_ok()
    }
}

/// Calls `f` with `word` in lower case (as `str::to_lowercase` gives it): short ASCII
/// words on the stack.
pub(crate) fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buffer = [0u8; 32];
    if word.is_ascii() && word.len() <= buffer.len() {
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(lower) {
            return f(lower);
        }
    }
    f(&word.to_lowercase())
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
    if word.is_ascii() {
        with_lower(word, strip)
    } else {
        strip(&word.to_lowercase().replace('’', "'"))
    }
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
            Ordering::Equal => return true,
            Ordering::Less => lo = mid + 1,
            Ordering::Greater => hi = mid,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_and_searchable() {
        for (list, starts) in [
            (GIVEN_NAMES, &GIVEN_NAMES_STARTS[..]),
            (COMMON_WORDS, &COMMON_WORDS_STARTS[..]),
        ] {
            let words: Vec<&str> = list.lines().collect();
            assert!(words.windows(2).all(|w| w[0] < w[1]), "list not sorted");
            assert_eq!(starts.len(), words.len());
            for w in &words {
                assert!(list_contains(list, starts, w), "{w}");
            }
        }
        assert!(is_given_name("Brandon"));
        assert!(!is_given_name("In"));
        assert!(!is_given_name("Will"));
        assert!(!is_given_name("python"));
        assert!(is_common_word("Shopping"));
        assert!(is_common_word("let’s"));
        assert!(!is_common_word("schlawack"));
        assert!(!list_contains("", &[], "a"));
        assert!(!is_common_word("zzzzzz"));
        assert!(!is_given_name(""));
    }

    #[test]
    fn string_searches_as_std_does_them() {
        let texts = [
            "",
            ", ",
            "Ann Lee, Bo Li and Cy & Di",
            "and and Ann",
            ", , ,,",
            "a  and  b and",
            "x @ y @ z",
            "aaaa",
            "Pérez, Łukasz and Ørsted",
        ];
        let needles = [", ", " and ", " & ", "and ", "aa", " @ ", "a", "é"];
        for text in texts {
            for needle in needles {
                assert_eq!(
                    find_str(text, needle),
                    text.find(needle),
                    "{text:?} {needle:?}"
                );
                assert_eq!(
                    split_str(text, needle).collect::<Vec<_>>(),
                    text.split(needle).collect::<Vec<_>>(),
                    "{text:?} {needle:?}"
                );
                assert_eq!(
                    trim_start_str(text, needle),
                    text.trim_start_matches(needle),
                    "{text:?} {needle:?}"
                );
            }
        }
    }

    #[test]
    fn words_and_lists() {
        assert_eq!(
            words("Day 2 — Sunday, it’s").collect::<Vec<_>>(),
            ["Day", "2", "Sunday", "it’s"]
        );
        assert!(contains_ignore_ascii_case(
            "Lightning TALKS",
            "lightning talk"
        ));
        assert!(!contains_ignore_ascii_case("Light", "lightning"));
        assert!(one_of("Summary:", &["summary"]));
        let seps = [" - ", " -- ", "(", " ("];
        assert_eq!(first_of("Ann Lee -- Acme (x)", &seps), Some((7, " -- ")));
        assert_eq!(first_of("Ann Lee (Acme)", &seps), Some((7, " (")));
        assert_eq!(first_of("Ann(Acme)", &seps), Some((3, "(")));
        assert_eq!(first_of("Ann Lee", &seps), None);
        assert_eq!(first_of("Ann – Lee", &[" – "]), Some((3, " – ")));
        assert!(!one_of("Summaries", &["summary"]));
    }
}
