//! The nom grammar for one line, and the scanner that turns lines into a tree.
//!
//! Every line parses: [`shape`] is total. Lines are split by hand (`memchr` on `\n`),
//! never by nom, so each keeps its byte span; nesting is built with a stack of open
//! columns, since nom has no notion of indentation. [`scan`] reports each line, with its
//! parent, to a [`Sink`]: the outline stores them, the document reader keeps only what it
//! needs, so one pass serves both.

use nom::branch::alt;
use nom::bytes::complete::{take_while, take_while_m_n, take_while1};
use nom::character::complete::one_of;
use nom::combinator::{map, recognize};
use nom::{IResult as NomResult, Parser};

use super::syntax::{Classifier, Nest, Syntax};
use super::{Kind, Marker};

type IResult<'a, O> = NomResult<&'a [u8], O>;

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

/// Classifies one line (without its line terminator or BOM). Never fails.
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
    let (kind, after_marker) = if indent_len == 0 {
        if let Ok((after, level)) = heading_marks(rest) {
            (Kind::Heading { level }, after)
        } else if let Ok((after, marker)) = bullet_marker(rest) {
            (Kind::Bullet(marker), after)
        } else {
            (Kind::Heading { level: 0 }, rest)
        }
    } else if let Ok((after, marker)) = bullet_marker(rest) {
        (Kind::Bullet(marker), after)
    } else {
        (Kind::Text, rest)
    };
    let marker_end = at(after_marker);
    // Text lines start right after their indentation, as lines in fenced blocks do.
    let text_start = match kind {
        Kind::Text => marker_end,
        _ => marker_end + leading_space(after_marker),
    };
    let mut text_end = text_start + trim_end_len(&body[text_start..]);
    if let Kind::Heading { level } = kind
        && level > 0
    {
        text_end = text_start + strip_closing_hashes(&body[text_start..text_end]).len();
    }
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
fn marker_end(input: &[u8]) -> IResult<'_, ()> {
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

fn no_glyph(input: &[u8]) -> nom::Err<nom::error::Error<&[u8]>> {
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

/// Markdown `#` to `######` followed by a space or the end (also `##Title`, which notes
/// written by hand often have), and org-mode `**`, `***`, ... followed by a space.
/// A lone `#word` stays text: it is a hashtag.
fn heading_marks(input: &[u8]) -> IResult<'_, u8> {
    match input.first() {
        Some(b'#') => markdown_marks(input),
        Some(b'*') => org_stars(input),
        _ => Err(no_glyph(input)),
    }
}

pub(crate) fn markdown_marks(input: &[u8]) -> IResult<'_, u8> {
    let (rest, hashes) = take_while_m_n(1, 6, |b| b == b'#').parse(input)?;
    let spaced = marker_end(rest).is_ok();
    let glued = hashes.len() >= 2 && rest.first().is_some_and(|&b| b != b'#');
    if spaced || glued {
        Ok((rest, hashes.len() as u8))
    } else {
        Err(no_glyph(input))
    }
}

fn org_stars(input: &[u8]) -> IResult<'_, u8> {
    let (rest, stars) = take_while1(|b| b == b'*').parse(input)?;
    if stars.len() < 2 {
        return Err(no_glyph(input));
    }
    take_while1(|b| b == b' ' || b == b'\t').parse(rest)?;
    Ok((rest, stars.len().min(u8::MAX as usize) as u8))
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

/// A region of lines that are code or metadata, whatever they look like.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verbatim {
    /// Markdown fence: the fence character and how many of it opened the block.
    Fence(u8, usize),
    /// Org-mode `#+BEGIN_...` block.
    OrgBlock,
    /// YAML front matter opened by `---` on the first line.
    FrontMatter,
    /// TOML front matter opened by `+++` on the first line (Markdown).
    TomlFrontMatter,
    /// An org-mode drawer such as `:PROPERTIES:`, closed by `:END:`.
    Drawer,
}

/// A line (after its indentation) that opens a fenced code block: three or more
/// backticks or tildes, or `#+BEGIN_`.
pub fn opens_verbatim(rest: &[u8]) -> Option<Verbatim> {
    if !matches!(rest.first(), Some(b'`' | b'~' | b'#')) {
        return None;
    }
    for fence in [b'`', b'~'] {
        let run = rest.iter().take_while(|&&b| b == fence).count();
        if run >= 3 {
            return Some(Verbatim::Fence(fence, run));
        }
    }
    starts_with_ignore_case(rest, b"#+begin_").then_some(Verbatim::OrgBlock)
}

/// A line (after its indentation) that closes the block `open`.
pub fn closes_verbatim(open: &Verbatim, rest: &[u8]) -> bool {
    match *open {
        Verbatim::Fence(fence, len) => {
            let run = rest.iter().take_while(|&&b| b == fence).count();
            run >= len && is_blank(&rest[run..])
        }
        Verbatim::OrgBlock => starts_with_ignore_case(rest, b"#+end_"),
        Verbatim::FrontMatter => {
            let t = &rest[..trim_end_len(rest)];
            t == b"---" || t == b"..."
        }
        Verbatim::TomlFrontMatter => rest[..trim_end_len(rest)] == *b"+++",
        Verbatim::Drawer => rest[..trim_end_len(rest)].eq_ignore_ascii_case(b":end:"),
    }
}

fn starts_with_ignore_case(s: &[u8], prefix: &[u8]) -> bool {
    s.len() >= prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// The line's body after spaces and tabs.
pub fn after_indent(body: &[u8]) -> &[u8] {
    let n = body
        .iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count();
    &body[n..]
}

/// A first line that may open front matter: `---`.
pub fn opens_front_matter(first_body: &[u8]) -> bool {
    first_body[..trim_end_len(first_body)] == *b"---"
}

/// One line as the scanner reports it.
#[derive(Debug, Clone, Copy)]
pub struct Scanned<'a> {
    /// 0-based line index.
    pub index: usize,
    /// Byte offset of the line in the source.
    pub start: usize,
    /// Byte offset just past its line terminator (the next line's start).
    pub end: usize,
    /// Byte offset of its body (after a BOM on line 1).
    pub body_start: usize,
    /// The line without terminator or BOM.
    pub body: &'a [u8],
    /// Its shape, offsets relative to the body.
    pub shape: Shape,
    /// The line it nests under, if any.
    pub parent: Option<usize>,
    /// It is code: a line of a fenced or org-mode block, or one of its fences.
    pub code: bool,
}

/// Receives the lines of a [`scan`] in order.
pub trait Sink {
    /// Line `line`, with its parent known.
    fn line(&mut self, line: &Scanned);
    /// The subtree of line `index` ends just before line `end`.
    fn close(&mut self, _index: usize, _end: usize) {}
}

/// The ends of the line that starts at `start`, given the position of its `\n` (if
/// any): (body end, next line's start).
fn line_end(src: &[u8], start: usize, newline: Option<usize>) -> (usize, usize) {
    match newline {
        Some(nl) => {
            let content_end = if nl > start && src[nl - 1] == b'\r' {
                nl - 1
            } else {
                nl
            };
            (content_end, nl + 1)
        }
        None => (src.len(), src.len()),
    }
}

/// Reads every line of `src`, written in `syntax`, in order, reporting each (with its
/// parent) to `sink`.
///
/// Nesting is built with a stack of open lines, each with a key: a bullet closes every
/// open line whose key is its column or more and nests under what is left. In the plain
/// outline a heading closes everything and counts as column −1, so a bullet at column 0
/// still nests under it; where headings have levels, a heading closes the headings of
/// its level or deeper and nests under the one above. Text and blank lines belong to
/// the line open above them and never open a level; a paragraph goes under the nearest
/// heading. Lines inside fenced blocks and front matter are text or metadata.
pub fn scan(src: &[u8], syntax: Syntax, sink: &mut impl Sink) {
    let bom = if src.starts_with(BOM) { BOM.len() } else { 0 };
    let mut classifier = Classifier::new(syntax, src);
    // Open nodes: (key, line index, headings open up to and including it).
    let mut stack: Vec<(i64, usize, u32)> = Vec::new();
    let mut newlines = memchr::memchr_iter(b'\n', src);
    let mut start = 0;
    let mut index = 0;
    while start < src.len() {
        let (content_end, end) = line_end(src, start, newlines.next());
        let skip = if index == 0 { bom } else { 0 };
        let body = &src[start + skip..content_end];
        let (mut shape, nest, code) = classifier.classify(index, body, end);
        let parent = match nest {
            Nest::Attach => stack.last().map(|&(_, i, _)| i),
            Nest::Paragraph => {
                close(&mut stack, sink, index, |key| key >= 0);
                stack.last().map(|&(_, i, _)| i)
            }
            Nest::Open(key) => {
                close(&mut stack, sink, index, |k| k >= key);
                let (parent, open) = stack.last().map_or((None, 0), |&(_, i, n)| (Some(i), n));
                let heading = matches!(shape.kind, Kind::Heading { .. });
                stack.push((key, index, open + u32::from(heading)));
                parent
            }
            Nest::Project(column) => {
                close(&mut stack, sink, index, |k| k >= column);
                let (parent, open) = stack.last().map_or((None, 0), |&(_, i, n)| (Some(i), n));
                shape.kind = Kind::Heading {
                    level: (open + 1).min(u32::from(u8::MAX)) as u8,
                };
                stack.push((column, index, open + 1));
                parent
            }
        };
        sink.line(&Scanned {
            index,
            start,
            end,
            body_start: start + skip,
            body,
            shape,
            parent,
            code,
        });
        start = end;
        index += 1;
    }
    close(&mut stack, sink, index, |_| true);
}

/// Pops open nodes while `pop(column)` holds; each popped subtree ends before line `at`.
fn close(
    stack: &mut Vec<(i64, usize, u32)>,
    sink: &mut impl Sink,
    at: usize,
    pop: impl Fn(i64) -> bool,
) {
    while let Some(&(key, index, _)) = stack.last() {
        if !pop(key) {
            break;
        }
        sink.close(index, at);
        stack.pop();
    }
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
    fn headings_are_text_at_column_zero() {
        let cases = [
            ("John Perry Barlow", 0, "John Perry Barlow"),
            ("Further reading:  ", 0, "Further reading:"),
            ("# Title", 1, "Title"),
            ("### Deep", 3, "Deep"),
            ("##Heading", 2, "Heading"),
            (
                "## Tuesday, 8 September 2015##",
                2,
                "Tuesday, 8 September 2015",
            ),
            ("## Closing ##", 2, "Closing"),
            ("# C#", 1, "C#"),
            ("#", 1, ""),
            ("#positivepython", 0, "#positivepython"),
            ("#+BEGIN_SRC python", 0, "#+BEGIN_SRC python"),
            ("** Org heading", 2, "Org heading"),
            ("**Bold title**", 0, "**Bold title**"),
            ("-ve", 0, "-ve"),
            ("---", 0, "---"),
        ];
        for (line, level, want) in cases {
            assert_eq!(kind(line), Kind::Heading { level }, "{line:?}");
            assert_eq!(text(line), want, "{line:?}");
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

    #[test]
    fn fences_open_and_close() {
        assert_eq!(opens_verbatim(b"```rust"), Some(Verbatim::Fence(b'`', 3)));
        assert_eq!(opens_verbatim(b"~~~~"), Some(Verbatim::Fence(b'~', 4)));
        assert_eq!(
            opens_verbatim(b"#+begin_src python"),
            Some(Verbatim::OrgBlock)
        );
        assert_eq!(opens_verbatim(b"``not"), None);
        let fence = Verbatim::Fence(b'`', 3);
        assert!(closes_verbatim(&fence, b"```"));
        assert!(closes_verbatim(&fence, b"````  "));
        assert!(!closes_verbatim(&fence, b"```rust"));
        assert!(!closes_verbatim(&fence, b"~~~"));
        assert!(closes_verbatim(&Verbatim::OrgBlock, b"#+END_SRC"));
    }
}
