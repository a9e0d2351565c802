//! The nom grammar for one line, knowing no syntax: indentation, blank lines, bullet
//! markers (glyphs and ordinals), text.
//!
//! Every line parses: [`shape`] is total. Lines are split by hand (`memchr` on `\n`),
//! never by nom, so each keeps its byte span. What a line is in a syntax (a Markdown
//! heading, an org-mode drawer) is the syntax's business ([`super::syntax`]), and
//! nesting is the scanner's ([`super::scan`]).

use nom::branch::alt;
use nom::bytes::complete::{take_while, take_while_m_n};
use nom::character::complete::one_of;
use nom::combinator::{map, recognize};
use nom::{IResult as NomResult, Parser};

use super::{Kind, Marker};

pub(crate) type IResult<'a, O> = NomResult<&'a [u8], O>;

/// Columns a tab advances to: the next multiple of this.
pub const TAB_WIDTH: u32 = 4;

/// The UTF-8 byte order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// What one line looks like on its own, before the tree is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// Bytes of leading spaces and tabs.
    pub indent: usize,
    /// Display column after the indentation (tabs to the next multiple of 4).
    pub column: u32,
    /// Blank, heading, bullet or text.
    pub kind: Kind,
    /// End of the marker (`•`, `1.`, `##`), or `indent` when there is none.
    pub marker_end: usize,
    /// The text after indentation and marker, trailing whitespace trimmed.
    pub text: (usize, usize),
}

/// Classifies one line (without its line terminator or BOM), knowing no syntax: blank,
/// a bullet, text at column 0 (a heading of level 0, which a syntax may read otherwise)
/// or indented text. Never fails.
pub fn shape(body: &[u8]) -> Shape {
    let (rest, indent) = indentation(body).unwrap_or((body, &body[..0]));
    let indent_len = indent.len();
    let column = indent_column(indent);
    if is_blank(rest) {
        return Shape {
            indent: indent_len,
            column,
            kind: Kind::Blank,
            marker_end: indent_len,
            text: (indent_len, indent_len),
        };
    }
    let at = |after: &[u8]| body.len() - after.len();
    let (kind, after_marker) = if let Ok((after, marker)) = bullet_marker(rest) {
        (Kind::Bullet(marker), after)
    } else if indent_len == 0 {
        (Kind::Heading { level: 0 }, rest)
    } else {
        (Kind::Text, rest)
    };
    let marker_end = at(after_marker);
    // Text lines start right after their indentation, as lines in fenced blocks do.
    let text_start = match kind {
        Kind::Text => marker_end,
        _ => marker_end + leading_space(after_marker),
    };
    let text_end = text_start + trim_end_len(&body[text_start..]);
    Shape {
        indent: indent_len,
        column,
        kind,
        marker_end,
        text: (text_start, text_end),
    }
}

/// The shape of a line inside a fenced block: text after the indentation, no marker.
pub fn verbatim_shape(body: &[u8]) -> Shape {
    let (rest, indent) = indentation(body).unwrap_or((body, &body[..0]));
    let indent = indent.len();
    let column = indent_column(&body[..indent]);
    let kind = if is_blank(rest) {
        Kind::Blank
    } else {
        Kind::Text
    };
    let end = indent + trim_end_len(rest);
    Shape {
        indent,
        column,
        kind,
        marker_end: indent,
        text: (indent, end.max(indent)),
    }
}

/// The shape of a bullet line (any indentation), or `None` when it has no marker.
pub fn bullet_shape(body: &[u8]) -> Option<Shape> {
    let (rest, indent) = indentation(body).unwrap_or((body, &body[..0]));
    let (after, marker) = bullet_marker(rest).ok()?;
    let marker_end = body.len() - after.len();
    let text_start = marker_end + leading_space(after);
    Some(Shape {
        indent: indent.len(),
        column: indent_column(indent),
        kind: Kind::Bullet(marker),
        marker_end,
        text: (text_start, text_start + trim_end_len(&body[text_start..])),
    })
}

fn indentation(input: &[u8]) -> IResult<'_, &[u8]> {
    take_while(|b| b == b' ' || b == b'\t').parse(input)
}

/// The display column reached by a run of spaces and tabs.
pub fn indent_column(indent: &[u8]) -> u32 {
    indent.iter().fold(0u32, |col, &b| match b {
        b'\t' => col.saturating_add(TAB_WIDTH - col % TAB_WIDTH),
        _ => col.saturating_add(1),
    })
}

pub(crate) fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\x0b' | b'\x0c')
}

pub(crate) fn is_blank(rest: &[u8]) -> bool {
    rest.iter().all(|&b| is_space(b))
}

/// True for a line of the source, terminator included or not, that the outline reads as
/// blank: nothing but spaces, tabs and other whitespace.
pub fn is_blank_line(line: &[u8]) -> bool {
    line.iter().all(|&b| b == b'\n' || is_space(b))
}

fn leading_space(s: &[u8]) -> usize {
    s.iter().take_while(|&&b| is_space(b)).count()
}

pub(crate) fn trim_end_len(s: &[u8]) -> usize {
    s.len() - s.iter().rev().take_while(|&&b| is_space(b)).count()
}

/// A marker must be followed by whitespace or the end of the line: `-ve` and `+1` are text.
pub(crate) fn marker_end(input: &[u8]) -> IResult<'_, ()> {
    match input.first() {
        Some(&b) if !is_space(b) => Err(no_glyph(input)),
        _ => Ok((input, ())),
    }
}

/// The bullet glyphs, in the order `glyph_index` numbers them.
pub const GLYPHS: [char; 19] = [
    '•', '◦', '▪', '‣', '○', '●', '■', '□', '▸', '►', '*', '-', '+', '☐', '✔', '✓', '✘', '✗', '✖',
];

/// The position of `c` in [`GLYPHS`].
pub fn glyph_index(c: char) -> Option<u8> {
    GLYPHS.iter().position(|&g| g == c).map(|i| i as u8)
}

pub(crate) fn no_glyph(input: &[u8]) -> nom::Err<nom::error::Error<&[u8]>> {
    nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Char))
}

/// `•` `◦` `▪` `‣` `○` `●` `■` `□` `▸` `►` `*` `-` `+`, and the task glyphs `☐` `✔` `✓` `✘` `✗` `✖`.
/// Dispatches on the first byte: the multi-byte glyphs all start with 0xE2.
fn glyph(input: &[u8]) -> IResult<'_, char> {
    let (len, c) = match *input {
        [b'*', ..] => (1, '*'),
        [b'-', ..] => (1, '-'),
        [b'+', ..] => (1, '+'),
        [0xE2, b1, b2, ..] => match (b1, b2) {
            (0x80, 0xA2) => (3, '•'),
            (0x97, 0xA6) => (3, '◦'),
            (0x96, 0xAA) => (3, '▪'),
            (0x80, 0xA3) => (3, '‣'),
            (0x97, 0x8B) => (3, '○'),
            (0x97, 0x8F) => (3, '●'),
            (0x96, 0xA0) => (3, '■'),
            (0x96, 0xA1) => (3, '□'),
            (0x96, 0xB8) => (3, '▸'),
            (0x96, 0xBA) => (3, '►'),
            (0x98, 0x90) => (3, '☐'),
            (0x9C, 0x94) => (3, '✔'),
            (0x9C, 0x93) => (3, '✓'),
            (0x9C, 0x98) => (3, '✘'),
            (0x9C, 0x97) => (3, '✗'),
            (0x9C, 0x96) => (3, '✖'),
            _ => return Err(no_glyph(input)),
        },
        _ => return Err(no_glyph(input)),
    };
    Ok((&input[len..], c))
}

/// `1.` `12)` `a.` `B)` `iv.` `XII.`: digits, one letter, or a roman numeral, then `.` or `)`.
fn ordinal(input: &[u8]) -> IResult<'_, &[u8]> {
    if !input.first().is_some_and(u8::is_ascii_alphanumeric) {
        return Err(no_glyph(input));
    }
    // Every ordinal ends with "." or ")" in its first ten bytes; most lines have neither.
    if !input[1..input.len().min(10)]
        .iter()
        .any(|&b| b == b'.' || b == b')')
    {
        return Err(no_glyph(input));
    }
    recognize((
        alt((
            take_while_m_n(1, 9, |b: u8| b.is_ascii_digit()),
            take_while_m_n(1, 8, |b| b"ivxlcdm".contains(&b)),
            take_while_m_n(1, 8, |b| b"IVXLCDM".contains(&b)),
            take_while_m_n(1, 1, |b: u8| b.is_ascii_alphabetic()),
        )),
        one_of(".)"),
    ))
    .parse(input)
}

/// A glyph or an ordinal, followed by whitespace or the end. The first byte says which
/// to try, so the common line costs one comparison.
fn bullet_marker(input: &[u8]) -> IResult<'_, Marker> {
    let (rest, marker) = match input.first() {
        Some(b'*' | b'-' | b'+' | 0xE2) => map(glyph, Marker::Glyph).parse(input)?,
        Some(b) if b.is_ascii_alphanumeric() => map(ordinal, |_| Marker::Ordinal).parse(input)?,
        _ => return Err(no_glyph(input)),
    };
    marker_end(rest)?;
    Ok((rest, marker))
}

/// True when the line is a bullet: after its indentation, a marker.
pub fn is_bullet(body: &[u8]) -> bool {
    bullet_marker(after_indent(body)).is_ok()
}

/// The line's body after spaces and tabs.
pub fn after_indent(body: &[u8]) -> &[u8] {
    let n = body
        .iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count();
    &body[n..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(line: &str) -> Kind {
        shape(line.as_bytes()).kind
    }

    fn text(line: &str) -> &str {
        let s = shape(line.as_bytes());
        &line[s.text.0..s.text.1]
    }

    #[test]
    fn blank_lines() {
        for line in ["", " ", "\t", "  \t  ", "\r", " \x0c"] {
            assert_eq!(kind(line), Kind::Blank, "{line:?}");
            assert!(is_blank_line(line.as_bytes()), "{line:?}");
        }
        assert!(is_blank_line(b"  \r\n"));
        for line in ["x", "  - \n", "\u{a0}", "\u{feff}"] {
            assert!(!is_blank_line(line.as_bytes()), "{line:?}");
        }
    }

    #[test]
    fn bullets_have_a_marker_then_space() {
        let cases = [
            (
                "  • decorators wrap functions",
                '•',
                "decorators wrap functions",
            ),
            ("    ◦ sub", '◦', "sub"),
            ("\t- task", '-', "task"),
            ("* star at column 0", '*', "star at column 0"),
            ("  + plus", '+', "plus"),
            ("  ▪ square", '▪', "square"),
            ("  ‣ triangle", '‣', "triangle"),
            ("  ○ circle", '○', "circle"),
            ("  ☐ open task @today", '☐', "open task @today"),
            ("  -", '-', ""),
            ("- ", '-', ""),
        ];
        for (line, glyph, want) in cases {
            assert_eq!(kind(line), Kind::Bullet(Marker::Glyph(glyph)), "{line:?}");
            assert_eq!(text(line), want, "{line:?}");
        }
    }

    #[test]
    fn ordinals_are_bullets() {
        for (line, want) in [
            ("    1. fetch", "fetch"),
            ("  12) twelve", "twelve"),
            ("  a. letter", "letter"),
            ("  B) letter", "letter"),
            ("  iv. roman", "roman"),
            ("  XII. roman", "roman"),
            ("1. at column zero", "at column zero"),
        ] {
            assert_eq!(kind(line), Kind::Bullet(Marker::Ordinal), "{line:?}");
            assert_eq!(text(line), want, "{line:?}");
        }
    }

    #[test]
    fn indented_lines_without_marker_are_text() {
        for (line, want) in [
            ("      def myfunc():", "def myfunc():"),
            ("  +ve", "+ve"),
            ("  1: numbered with colon", "1: numbered with colon"),
            ("  e.g. this", "e.g. this"),
            ("  •no space", "•no space"),
            ("    trailing   ", "trailing"),
        ] {
            assert_eq!(kind(line), Kind::Text, "{line:?}");
            assert_eq!(text(line), want, "{line:?}");
        }
    }

    #[test]
    fn every_glyph_is_a_bullet() {
        for glyph in GLYPHS {
            let line = format!("  {glyph} text");
            assert_eq!(kind(&line), Kind::Bullet(Marker::Glyph(glyph)), "{glyph}");
        }
        assert_eq!(kind("  \u{2022}\u{2022} text"), Kind::Text);
        assert_eq!(kind("  \u{2013} dash"), Kind::Text);
    }

    #[test]
    fn tabs_advance_to_the_next_multiple_of_four() {
        for (indent, column) in [
            ("", 0),
            (" ", 1),
            ("\t", 4),
            ("  \t", 4),
            ("    \t", 8),
            ("\t  ", 6),
            ("\t\t", 8),
        ] {
            assert_eq!(indent_column(indent.as_bytes()), column, "{indent:?}");
        }
    }

    #[test]
    fn every_byte_string_has_a_shape() {
        for line in [
            &b"\xff\xfe"[..],
            b"  \x80 x",
            b"\xe2\x80",
            b"1.",
            b"#######",
        ] {
            let s = shape(line);
            assert!(s.text.0 <= s.text.1 && s.text.1 <= line.len());
        }
    }
}
