//! Markdown: ATX (`## Title`) and setext headings, `**bold**` heading lines,
//! paragraphs, lists, fences, front matter and a leading `title:` line, and the inline
//! markup of a line's text.

use std::borrow::Cow;

use nom::Parser;
use nom::bytes::complete::take_while_m_n;

use super::super::line::{self, IResult, after_indent, is_blank, is_space, trim_end_len};
use super::super::{Kind, Shape};

/// `#` to `######` followed by a space or the end, or two or more glued to the text
/// (`##Title`, which notes written by hand often have): the level. A lone `#word` is a
/// hashtag, not a heading.
pub(crate) fn atx_marks(input: &[u8]) -> IResult<'_, u8> {
    let (rest, hashes) = take_while_m_n(1, 6, |b| b == b'#').parse(input)?;
    let spaced = line::marker_end(rest).is_ok();
    let glued = hashes.len() >= 2 && rest.first().is_some_and(|&b| b != b'#');
    if spaced || glued {
        Ok((rest, hashes.len() as u8))
    } else {
        Err(line::no_glyph(input))
    }
}

/// `Tuesday##` and `Tuesday ##` lose their closing marks; `C#` keeps its one.
fn strip_closing_hashes(text: &[u8]) -> &[u8] {
    let kept = text.len() - text.iter().rev().take_while(|&&b| b == b'#').count();
    let run = text.len() - kept;
    let spaced = kept > 0 && is_space(text[kept - 1]);
    if run == 0 || kept == 0 || !(run >= 2 || spaced) {
        return text;
    }
    &text[..trim_end_len(&text[..kept])]
}

/// `#Title` and `#Dale Whitcomb`: one mark glued to a letter or digit, and no other word
/// of the line a hashtag. A heading only in a file that glues its other headings too
/// (`##Title`); elsewhere it is a hashtag.
pub fn is_glued_single(body: &[u8]) -> bool {
    body.first() == Some(&b'#')
        && body.get(1).is_some_and(|b| b.is_ascii_alphanumeric())
        && !body[1..]
            .split(|&b| b == b' ' || b == b'\t')
            .any(|word| word.first() == Some(&b'#'))
}

/// The shape of an ATX heading line (at column 0): the marks, then the text without
/// closing marks. `None` when the line is not one.
pub fn atx_shape(body: &[u8]) -> Option<Shape> {
    let (after, level) = atx_marks(body).ok()?;
    let marker_end = body.len() - after.len();
    let text_start = marker_end + after.iter().take_while(|&&b| is_space(b)).count();
    let text_end = text_start + trim_end_len(&body[text_start..]);
    let text_end = text_start + strip_closing_hashes(&body[text_start..text_end]).len();
    Some(Shape {
        indent: 0,
        column: 0,
        kind: Kind::Heading { level },
        marker_end,
        text: (text_start, text_end),
    })
}

/// `#` to `######` then a space or the end, or two or more glued to the text
/// (`##Pick Polars`). A lone `#word` is a hashtag, not a heading.
pub fn is_atx_heading(body: &[u8]) -> bool {
    atx_marks(body).is_ok()
}

/// Three or more backticks or tildes, after at most some indentation.
pub fn is_fence(body: &[u8]) -> bool {
    matches!(
        super::opens_verbatim(after_indent(body)),
        Some(super::Verbatim::Fence(..))
    )
}

/// A first line that may open front matter: `---` (YAML) or `+++` (TOML).
pub fn opens_front_matter(first: &[u8]) -> bool {
    let t = &first[..trim_end_len(first)];
    t == b"---" || t == b"+++"
}

/// The shape of a heading line: an ATX heading without its marks (and closing marks),
/// a `**bold**` line without its stars, or a setext heading's text. Bold wrapping is
/// dropped from every heading's text: `### **Keynote**` is "Keynote".
pub fn heading_shape(body: &[u8]) -> Shape {
    let mut shape = atx_shape(body).unwrap_or_else(|| {
        let mut shape = line::verbatim_shape(body);
        if is_glued_single(body) {
            shape.marker_end = 1;
            shape.text.0 = 1;
        }
        shape
    });
    let (start, end) = unwrap_bold(body, shape.text);
    shape.text = (start, end);
    shape.kind = Kind::Heading { level: 0 };
    shape
}

/// `**text**`, `__text__` and an unclosed `**text` lose their marks (and the spaces
/// inside them). An unclosed `** text` is not bold: its marks stay.
fn unwrap_bold(body: &[u8], (start, end): (usize, usize)) -> (usize, usize) {
    let text = &body[start..end];
    for mark in [&b"**"[..], b"__"] {
        if let Some(inner) = text.strip_prefix(mark) {
            // As in CommonMark, `** x` is not bold; `** x **` is read as sloppy bold.
            let closed = inner.len() >= 2 && inner.ends_with(mark);
            let spaced_open = inner.first().is_none_or(|&b| is_space(b));
            let spaced_close = closed && inner.len() > 2 && is_space(inner[inner.len() - 3]);
            if spaced_open && !spaced_close {
                return (start, end);
            }
            let inner = inner.strip_suffix(mark).unwrap_or(inner);
            if inner.contains(&mark[0]) && inner.windows(2).any(|w| w == mark) {
                // "**a** and **b**": bold words, not a bold line.
                return (start, end);
            }
            let lead = start + mark.len();
            let skip = inner.iter().take_while(|&&b| b == b' ').count();
            let len = trim_end_len(&inner[skip..]);
            return (lead + skip, lead + skip + len);
        }
    }
    (start, end)
}

/// A heading's text as Markdown means it: links and images read as their text
/// (`[Hugh Marsh](http://twitter.com/x)` is "Hugh Marsh"), emphasis and code marks go
/// (`*The Sea Wall*`, `**Name**`, `` `code` ``, `_x_`), and backslash escapes read as
/// the character escaped (`\*` is `*`). Marks inside words stay (`snake_case`, `2*3`).
pub fn inline_text(text: &str) -> Cow<'_, str> {
    if !text.contains(['[', '\\', '*', '_', '`']) {
        return Cow::Borrowed(text);
    }
    // Pieces of the text: literal text, or a run of `*` or `_` that may be emphasis.
    let mut pieces: Vec<Piece> = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '\\'
            && let Some(&next) = rest.as_bytes().get(1)
            && next.is_ascii_punctuation()
        {
            pieces.push(Piece::Text(char::from(next).to_string()));
            rest = &rest[2..];
        } else if c == '!'
            && rest[1..].starts_with('[')
            && let Some((label, len)) = link(&rest[1..])
        {
            pieces.push(Piece::Text(inline_text(label).into_owned()));
            rest = &rest[1 + len..];
        } else if c == '['
            && let Some((label, len)) = link(rest)
        {
            pieces.push(Piece::Text(inline_text(label).into_owned()));
            rest = &rest[len..];
        } else if c == '`'
            && let Some(close) = rest[1..].find('`')
            && close > 0
        {
            pieces.push(Piece::Text(rest[1..1 + close].to_string()));
            rest = &rest[close + 2..];
        } else if c == '*' || c == '_' {
            let run = rest.bytes().take_while(|&b| b == c as u8).count();
            let before = text[..text.len() - rest.len()].chars().next_back();
            let after = rest[run..].chars().next();
            pieces.push(Piece::Run {
                mark: c,
                len: run,
                opens: opens(c, before, after),
                closes: closes(c, before, after),
            });
            rest = &rest[run..];
        } else {
            pieces.push(Piece::Text(c.to_string()));
            rest = &rest[c.len_utf8()..];
        }
    }
    // Pair each opening run with the next closing run of the same mark and length
    // (found in one pass from the end, so that a line of unclosed runs stays linear).
    let mut next_close = vec![None; pieces.len()];
    let mut seen: std::collections::HashMap<(char, usize), usize> = Default::default();
    for j in (0..pieces.len()).rev() {
        if let Piece::Run { mark, len, .. } = pieces[j] {
            next_close[j] = seen.get(&(mark, len)).copied();
            if let Piece::Run { closes: true, .. } = pieces[j] {
                seen.insert((mark, len), j);
            }
        }
    }
    let mut keep = vec![true; pieces.len()];
    let mut i = 0;
    while i < pieces.len() {
        if let Piece::Run { opens: true, .. } = pieces[i]
            && let Some(j) = next_close[i]
            && j > i + 1
        {
            keep[i] = false;
            keep[j] = false;
            i = j + 1;
            continue;
        }
        i += 1;
    }
    let mut out = String::with_capacity(text.len());
    for (piece, kept) in pieces.iter().zip(keep) {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Run { mark, len, .. } if kept => out.extend(std::iter::repeat_n(*mark, *len)),
            Piece::Run { .. } => {}
        }
    }
    Cow::Owned(out)
}

/// A piece of inline text: see [`inline_text`].
enum Piece {
    Text(String),
    Run {
        mark: char,
        len: usize,
        opens: bool,
        closes: bool,
    },
}

/// A run of `mark` between `before` and `after` can open emphasis: text follows it,
/// and (for `_`) no letter or digit comes before it.
fn opens(mark: char, before: Option<char>, after: Option<char>) -> bool {
    after.is_some_and(|c| !c.is_whitespace())
        && (mark == '*' || !before.is_some_and(char::is_alphanumeric))
}

/// A run of `mark` can close emphasis: text comes before it, and (for `_`) no letter or
/// digit follows it.
fn closes(mark: char, before: Option<char>, after: Option<char>) -> bool {
    before.is_some_and(|c| !c.is_whitespace())
        && (mark == '*' || !after.is_some_and(char::is_alphanumeric))
}

/// A link (`[label](url)`, or an image) that ends `text`: where it starts and its
/// label.
pub fn trailing_link(text: &str) -> Option<(usize, &str)> {
    let text = text.trim_end();
    if !text.ends_with(')') {
        return None;
    }
    // Its label holds no brackets: it opens at the last `[` before the last `](`.
    let close = text.rfind("](")?;
    let start = text[..close].rfind('[')?;
    let (label, len) = link(&text[start..])?;
    // `\[` is a bracket, not a link.
    let escaped = text[..start]
        .bytes()
        .rev()
        .take_while(|&b| b == b'\\')
        .count()
        % 2
        == 1;
    if start + len != text.len() || escaped {
        return None;
    }
    let start = if text[..start].ends_with('!') {
        start - 1
    } else {
        start
    };
    Some((start, label))
}

/// `[label](url)` at the beginning of `text`: the label and the link's length.
/// The label holds no brackets and the address no whitespace or `[`, so each search
/// stops at the first of them: reading a line stays linear however many `[` it has.
fn link(text: &str) -> Option<(&str, usize)> {
    let close = text[1..].find(['[', ']'])? + 1;
    if !text[close..].starts_with("](") {
        return None;
    }
    let label = &text[1..close];
    let url = &text[close + 2..];
    let end = url.find(|c: char| c == ')' || c == '[' || c.is_whitespace())?;
    url[end..]
        .starts_with(')')
        .then_some((label, close + 2 + end + 1))
}

/// Text for a heading that [`heading_shape`] and [`inline_text`] read back as it is:
/// backslashes before punctuation, link brackets, emphasis and code marks are escaped.
pub fn escape_heading(text: &str) -> Cow<'_, str> {
    // Text that reads back as itself needs no escapes: "*args and **kwargs" does,
    // "__slots__" does not (it would read as bold "slots").
    let bold = text.starts_with("**") || text.starts_with("__");
    if !bold && inline_text(text) == text {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 4);
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        let escape = (c == '\\' && bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation))
            || matches!(c, '[' | '*' | '_' | '`');
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    Cow::Owned(out)
}

/// A line at column 0 that starts with `**` and has nothing after its closing `**`
/// (or has no closing `**`), with text inside: `**A. Keynote: Orla Brennigan**`.
pub fn is_bold_heading(body: &[u8]) -> bool {
    let Some(inner) = body.strip_prefix(b"**") else {
        return false;
    };
    if inner.first() == Some(&b'*') {
        return false;
    }
    let (text, after) = match inner.windows(2).position(|w| w == b"**") {
        Some(close) => (&inner[..close], &inner[close + 2..]),
        None => (inner, &b""[..]),
    };
    !is_blank(text) && is_blank(after)
}

/// The first line of a leading metadata block: `title: …` (any case).
pub fn is_title_line(body: &[u8]) -> bool {
    body.len() > 6 && body[..6].eq_ignore_ascii_case(b"title:") && !is_blank(&body[6..])
}

/// A `key: value` line of a leading metadata block: one word, a colon, then text.
pub fn is_metadata_line(body: &[u8]) -> bool {
    let key = body
        .iter()
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        .count();
    key > 0 && body.get(key) == Some(&b':')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(line: &str) -> &str {
        let s = heading_shape(line.as_bytes());
        &line[s.text.0..s.text.1]
    }

    #[test]
    fn heading_text_loses_marks_and_bold() {
        for (line, text) in [
            ("## Talk", "Talk"),
            ("##Pick Polars", "Pick Polars"),
            ("## Tuesday, 13 October 2015##", "Tuesday, 13 October 2015"),
            (
                "### **Keynote.  Update:  Podman Studio **",
                "Keynote.  Update:  Podman Studio",
            ),
            (
                "**A. Keynote: Orla Brennigan**",
                "A. Keynote: Orla Brennigan",
            ),
            ("**B. Keynote: \"Why ML\"", "B. Keynote: \"Why ML\""),
            ("** What you learn **", "What you learn"),
            ("Setext title", "Setext title"),
            ("## ** not bold", "** not bold"),
            ("## **a** and **b**", "**a** and **b**"),
        ] {
            assert_eq!(heading(line), text, "{line:?}");
        }
    }

    #[test]
    fn bold_lines_are_headings_only_when_nothing_follows() {
        for line in [
            "**Ibex**",
            "**Alerting basics:**",
            "**Unclosed",
            "** spaced **",
        ] {
            assert!(is_bold_heading(line.as_bytes()), "{line:?}");
        }
        for line in [
            "**Walter Pryce**: Thanks",
            "**",
            "***",
            "** **",
            "*em*",
            "text",
        ] {
            assert!(!is_bold_heading(line.as_bytes()), "{line:?}");
        }
    }

    #[test]
    fn trailing_links() {
        assert_eq!(
            trailing_link("Talk [slides](https://x) "),
            Some((5, "slides"))
        );
        assert_eq!(trailing_link("Talk ![deck](x.png)"), Some((5, "deck")));
        assert_eq!(trailing_link("[a](b) and c"), None);
        assert_eq!(trailing_link("Talk (x)"), None);
        assert_eq!(trailing_link("Talk \\[video](x)"), None);
        assert_eq!(trailing_link("Talk \\\\[video](x)"), Some((7, "video")));
        assert_eq!(trailing_link("é[ü](ß)"), Some((2, "ü")));
    }

    #[test]
    fn links_and_escapes_read_as_text() {
        for (text, want) in [
            (
                "(math) by [Hugh Marsh](http://twitter.com/x)",
                "(math) by Hugh Marsh",
            ),
            ("[a](u) and [b](v)!", "a and b!"),
            ("no [link] here", "no [link] here"),
            (
                "Scanning *The Sea Wall* at 3 µm",
                "Scanning The Sea Wall at 3 µm",
            ),
            (
                "**Robert Halvorsen** ([video](u))",
                "Robert Halvorsen (video)",
            ),
            (
                "_Gaspard Delacroix_ - **Roche**",
                "Gaspard Delacroix - Roche",
            ),
            ("snake_case and 2 * 3 * 4", "snake_case and 2 * 3 * 4"),
            ("`code` here", "code here"),
            ("a * b * c", "a * b * c"),
            ("[[wiki]](x)", "[[wiki]](x)"),
            (r"\*\*not bold\*\*", "**not bold**"),
            (r"C:\Users", r"C:\Users"),
            (r"\[a](b)", "[a](b)"),
        ] {
            assert_eq!(inline_text(text), want, "{text}");
        }
    }

    #[test]
    fn escaped_headings_read_back_as_written() {
        for text in [
            "**x**",
            "__init__",
            r"a\*b",
            "[a](b)",
            "plain",
            r"C:\Users",
            "** x",
            "*emphasis* and snake_case",
            "`code`",
        ] {
            let line = format!("## {}", escape_heading(text));
            let s = heading_shape(line.as_bytes());
            let read = inline_text(&line[s.text.0..s.text.1]);
            assert_eq!(read, text, "{line}");
        }
    }

    #[test]
    fn glued_single_marks() {
        assert!(is_glued_single(b"#Dale Whitcomb"));
        assert!(is_glued_single(b"#Vitest"));
        assert!(!is_glued_single(b"#conference #rtc #nimble-toulouse"));
        assert!(!is_glued_single(b"# spaced"));
        assert!(!is_glued_single(b"##double"));
        assert_eq!(heading("#Dale Whitcomb"), "Dale Whitcomb");
    }

    #[test]
    fn metadata_lines() {
        assert!(is_title_line(b"title: Lightning Rounds 5-12"));
        assert!(is_title_line(b"Title: x"));
        assert!(!is_title_line(b"title:"));
        assert!(!is_title_line(b"subtitle: x"));
        assert!(is_metadata_line(b"date: 2014-04-11"));
        assert!(!is_metadata_line(b"Why polars?"));
        assert!(!is_metadata_line(b"two words: x"));
    }
}
