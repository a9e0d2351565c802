//! org-mode: `*` headings with TODO states, priorities and tags, `#+KEYWORD:` lines,
//! drawers and blocks.

use super::super::line::{after_indent, is_space, trim_end_len};
use super::super::{Kind, Shape};

/// The TODO keywords org-mode knows without configuration.
pub const STATES: [&str; 2] = ["TODO", "DONE"];

/// One or more `*` at column 0, then a space or the end: a heading of that level.
pub fn heading_level(body: &[u8]) -> Option<u8> {
    let stars = body.iter().take_while(|&&b| b == b'*').count();
    let after = &body[stars..];
    (stars > 0 && after.first().is_none_or(|&b| b == b' ' || b == b'\t'))
        .then(|| stars.min(usize::from(u8::MAX)) as u8)
}

/// Two or more `*` at column 0 followed by a space or a tab: the level. The plain
/// outline reads such a line as a heading (`** Org heading`); a single `* ` is a bullet
/// there.
pub fn starred(body: &[u8]) -> Option<u8> {
    let stars = body.iter().take_while(|&&b| b == b'*').count();
    (stars >= 2 && matches!(body.get(stars), Some(b' ' | b'\t')))
        .then(|| stars.min(usize::from(u8::MAX)) as u8)
}

/// A heading with a TODO state or of level two or more: `* TODO x`, `** x`. A lone
/// `* x` could be a Markdown bullet, so sniffing does not count it.
pub fn is_starred_heading(body: &[u8]) -> bool {
    match heading_level(body) {
        Some(1) => state_len(after_stars(body)) > 0,
        Some(_) => true,
        None => false,
    }
}

fn after_stars(body: &[u8]) -> &[u8] {
    let stars = body.iter().take_while(|&&b| b == b'*').count();
    let rest = &body[stars..];
    &rest[rest.iter().take_while(|&&b| is_space(b)).count()..]
}

/// The length of a TODO keyword at the beginning of `text`, with the spaces after it.
fn state_len(text: &[u8]) -> usize {
    STATES
        .iter()
        .find(|s| {
            text.starts_with(s.as_bytes())
                && text.get(s.len()).is_none_or(|&b| b == b' ' || b == b'\t')
        })
        .map_or(0, |s| {
            s.len() + text[s.len()..].iter().take_while(|&&b| is_space(b)).count()
        })
}

/// The length of a priority cookie `[#A]` at the beginning of `text`, with the spaces
/// after.
fn priority_len(text: &[u8]) -> usize {
    match text {
        [b'[', b'#', p, b']', rest @ ..] if p.is_ascii_alphanumeric() => {
            4 + rest.iter().take_while(|&&b| is_space(b)).count()
        }
        _ => 0,
    }
}

/// The length of trailing tags ` :work:urgent:` (with the spaces before them).
fn tags_len(text: &[u8]) -> usize {
    let t = &text[..trim_end_len(text)];
    if t.len() < 3 || !t.ends_with(b":") {
        return 0;
    }
    let start = t
        .iter()
        .rposition(|&b| b == b' ' || b == b'\t')
        .map_or(0, |p| p + 1);
    let word = &t[start..];
    let tag_char = |b: u8| b.is_ascii_alphanumeric() || b"_@#%:".contains(&b) || b >= 0x80;
    let is_tags = word.len() >= 3 && word.starts_with(b":") && word.iter().all(|&b| tag_char(b));
    if !is_tags || start == 0 {
        return 0;
    }
    text.len() - trim_end_len(&text[..start])
}

/// The shape of a heading line: the marker is the stars, the TODO state and the
/// priority; the text leaves out the tags.
pub fn heading_shape(body: &[u8]) -> Shape {
    let level = heading_level(body).unwrap_or(1);
    let stars = body.iter().take_while(|&&b| b == b'*').count();
    let mut at = stars + body[stars..].iter().take_while(|&&b| is_space(b)).count();
    let mut marker_end = stars;
    let state = state_len(&body[at..]);
    if state > 0 {
        marker_end = at + trim_end_len(&body[at..at + state]);
        at += state;
    }
    let priority = priority_len(&body[at..]);
    if priority > 0 {
        marker_end = at + 4;
        at += priority;
    }
    let end = at + trim_end_len(&body[at..]);
    let end = end - tags_len(&body[at..end]);
    Shape {
        indent: 0,
        column: 0,
        kind: Kind::Heading { level },
        marker_end,
        text: (at.min(end), end),
    }
}

/// The TODO state of a heading line, if it has one.
pub fn state(body: &[u8]) -> Option<&'static str> {
    heading_level(body)?;
    let text = after_stars(body);
    if state_len(text) == 0 {
        return None;
    }
    STATES.into_iter().find(|s| text.starts_with(s.as_bytes()))
}

/// The tags of a heading line: `* Talk   :python:web:` has `python` and `web`.
pub fn heading_tags(body: &[u8]) -> Vec<&str> {
    let t = &body[..trim_end_len(body)];
    let len = tags_len(t);
    let tags = &t[t.len() - len..];
    std::str::from_utf8(tags)
        .map(|t| t.trim().split(':').filter(|t| !t.is_empty()).collect())
        .unwrap_or_default()
}

/// `#+TITLE: x`, `#+OPTIONS: …`: a keyword line (not a block's begin or end).
pub fn is_keyword_line(body: &[u8]) -> bool {
    let rest = after_indent(body);
    let Some(word) = rest.strip_prefix(b"#+") else {
        return false;
    };
    let key = word
        .iter()
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        .count();
    key > 0 && word.get(key) == Some(&b':')
}

/// `:PROPERTIES:`, `:LOGBOOK:`: a line that opens a drawer, closed by `:END:`.
pub fn opens_drawer(rest: &[u8]) -> bool {
    let t = &rest[..trim_end_len(rest)];
    t.len() >= 3
        && t.starts_with(b":")
        && t.ends_with(b":")
        && !t.eq_ignore_ascii_case(b":end:")
        && t[1..t.len() - 1]
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// A heading's text as org-mode means it: links read as their description
/// (`[[https://x][the talk]]` is "the talk", `[[https://x]]` the address), emphasis marks
/// go (`*unshackling*`, `/italic/`, `=code=`, `~code~`, `+strike+`, `_under_`), and
/// progress cookies (`[2/7]`, `[30%]`) with them. Marks inside words stay
/// (`picoruby/c`, `PIP/Pyenv`).
pub fn inline_text(text: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if !text.contains(['[', '*', '/', '=', '~', '+', '_']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut before: Option<char> = None;
    while let Some(c) = rest.chars().next() {
        if c == '['
            && let Some((shown, len)) = link(rest).or_else(|| cookie(rest).map(|n| ("", n)))
        {
            if shown.is_empty() && out.ends_with(' ') && rest[len..].starts_with(' ') {
                out.pop();
            }
            out.push_str(shown);
            rest = &rest[len..];
            before = out.chars().next_back();
            continue;
        }
        if EMPHASIS.contains(c)
            && before.is_none_or(|b| b.is_whitespace() || "-('\"{".contains(b))
            && let Some(len) = emphasis(rest, c)
        {
            out.push_str(&rest[c.len_utf8()..len - c.len_utf8()]);
            rest = &rest[len..];
            before = out.chars().next_back();
            continue;
        }
        out.push(c);
        before = Some(c);
        rest = &rest[c.len_utf8()..];
    }
    out.truncate(out.trim_end().len());
    Cow::Owned(out)
}

/// The marks of org-mode emphasis.
const EMPHASIS: &str = "*/_=~+";

/// `*text*` at the beginning of `rest` (for mark `c`): text that neither starts nor ends
/// with a space, then the mark followed by a space, punctuation or the end. Its length.
fn emphasis(rest: &str, c: char) -> Option<usize> {
    let inner = &rest[c.len_utf8()..];
    if inner.starts_with(char::is_whitespace) || inner.starts_with(c) {
        return None;
    }
    // Emphasis spans a few words: looking no further keeps a line of unclosed marks
    // linear.
    const LONGEST: usize = 256;
    let mut search = 0;
    while let Some(at) = inner[search..].find(c).map(|p| p + search)
        && at <= LONGEST
    {
        let after = inner[at + c.len_utf8()..].chars().next();
        let before = inner[..at].chars().next_back();
        let closes = at > 0
            && before.is_some_and(|b| !b.is_whitespace())
            && after.is_none_or(|a| a.is_whitespace() || "-.,;:!?'\")}[".contains(a));
        if closes {
            return Some(c.len_utf8() + at + c.len_utf8());
        }
        search = at + c.len_utf8();
    }
    None
}

/// A link (`[[target][description]]`, `[[target]]`) that ends `text`: where it starts
/// and what it shows.
pub fn trailing_link(text: &str) -> Option<(usize, &str)> {
    let text = text.trim_end();
    if !text.ends_with("]]") {
        return None;
    }
    text.rmatch_indices("[[").find_map(|(at, _)| {
        link(&text[at..])
            .filter(|&(_, len)| at + len == text.len())
            .map(|(shown, _)| (at, shown))
    })
}

/// `[[target][description]]` or `[[target]]` at the beginning of `text`: what it shows, and
/// its length. A link holds no `[[`, so the search stops there: reading a line stays
/// linear however many brackets it has.
fn link(text: &str) -> Option<(&str, usize)> {
    let inner = text.strip_prefix("[[")?;
    let bytes = inner.as_bytes();
    let end =
        (0..bytes.len().saturating_sub(1)).find(|&i| matches!(&bytes[i..i + 2], b"]]" | b"[["))?;
    if &bytes[end..end + 2] == b"[[" {
        return None;
    }
    let body = &inner[..end];
    let shown = match body.split_once("][") {
        Some((_, description)) => description,
        None => body,
    };
    Some((shown, end + 4))
}

/// A progress cookie at the beginning of `text`: `[2/7]`, `[30%]`, `[/]`, `[%]`. Its
/// length.
fn cookie(text: &str) -> Option<usize> {
    let inner = text.strip_prefix('[')?;
    // "[100/100]" at most: looking no further keeps the search linear.
    let end = inner.bytes().take(16).position(|b| b == b']')?;
    let body = &inner[..end];
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let is_cookie = match body.split_once('/') {
        Some((a, b)) => digits(a) && digits(b),
        None => body.strip_suffix('%').is_some_and(digits),
    };
    is_cookie.then_some(end + 2)
}

/// The value of a `#+TITLE:` line.
pub fn title(body: &[u8]) -> Option<&[u8]> {
    let rest = after_indent(body);
    let value = rest
        .get(..8)
        .filter(|k| k.eq_ignore_ascii_case(b"#+title:"))?;
    let value = &rest[value.len()..];
    let value = &value[value.iter().take_while(|&&b| is_space(b)).count()..];
    let value = &value[..trim_end_len(value)];
    (!value.is_empty()).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(line: &str) -> (&str, &str) {
        let s = heading_shape(line.as_bytes());
        (&line[..s.marker_end], &line[s.text.0..s.text.1])
    }

    #[test]
    fn headings_have_levels() {
        assert_eq!(heading_level(b"* Talk"), Some(1));
        assert_eq!(heading_level(b"*** Deep"), Some(3));
        assert_eq!(heading_level(b"*"), Some(1));
        assert_eq!(heading_level(b"*bold* text"), None);
        assert_eq!(heading_level(b" * item"), None);
    }

    #[test]
    fn state_priority_and_tags_are_not_text() {
        for (line, marker, want) in [
            ("* Retro", "*", "Retro"),
            ("* TODO ask about pricing", "* TODO", "ask about pricing"),
            ("** DONE [#A] Ship it", "** DONE [#A]", "Ship it"),
            ("* Talk   :python:web:", "*", "Talk"),
            ("* TODO [#B] Read :@home:task:", "* TODO [#B]", "Read"),
            ("* TODOS are not states", "*", "TODOS are not states"),
            ("* TODO", "* TODO", ""),
            ("* a:b:", "*", "a:b:"),
        ] {
            assert_eq!(text(line), (marker, want), "{line:?}");
        }
    }

    #[test]
    fn states_and_tags_are_read() {
        assert_eq!(state(b"* TODO x"), Some("TODO"));
        assert_eq!(state(b"** DONE x"), Some("DONE"));
        assert_eq!(state(b"* TODOS"), None);
        assert_eq!(state(b"- TODO x"), None);
        assert_eq!(heading_tags(b"* Talk  :python:web:  "), ["python", "web"]);
        assert!(heading_tags(b"* Talk").is_empty());
    }

    #[test]
    fn trailing_links() {
        assert_eq!(
            trailing_link("Talk [[https://x][video]]"),
            Some((5, "video"))
        );
        assert_eq!(trailing_link("[[https://x]] and more"), None);
        assert_eq!(trailing_link("Talk"), None);
    }

    #[test]
    fn inline_markup() {
        for (text, want) in [
            (
                "Nora Kesting and the *unshackling*",
                "Nora Kesting and the unshackling",
            ),
            ("[[https://x.org][the talk]] notes", "the talk notes"),
            ("see [[https://x.org]]", "see https://x.org"),
            ("Reading list [2/7]", "Reading list"),
            ("Done [100%] now", "Done now"),
            ("picoruby/c and PIP/Pyenv", "picoruby/c and PIP/Pyenv"),
            ("LLDB9 -> Python", "LLDB9 -> Python"),
            ("a /slanted/ and =code= word", "a slanted and code word"),
            ("2 * 3 * 4", "2 * 3 * 4"),
            ("snake_case_name", "snake_case_name"),
        ] {
            assert_eq!(inline_text(text), want, "{text}");
        }
    }

    #[test]
    fn keywords_and_drawers() {
        assert!(is_keyword_line(b"#+TITLE: Notes"));
        assert!(is_keyword_line(b"  #+options: toc:nil"));
        assert!(!is_keyword_line(b"#+BEGIN_SRC python"));
        assert_eq!(title(b"#+TITLE:  RustFest  "), Some(&b"RustFest"[..]));
        assert_eq!(title(b"#+title:"), None);
        assert!(opens_drawer(b":PROPERTIES:"));
        assert!(!opens_drawer(b":END:"));
        assert!(!opens_drawer(b": x :"));
    }
}
