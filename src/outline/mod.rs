//! Layer 1: the outline, a lossless reading of an indented plain-text file.
//!
//! Every line of the source is a [`Line`] that keeps its byte offset, its kind (blank,
//! heading, bullet, text), its indentation column and its parent, so the tree of
//! bullets can be walked and the file printed back byte for byte. This layer knows
//! nothing about conferences, sessions or speakers, and does no I/O beyond writing
//! its own bytes to a writer it is given.

mod line;
mod number;
mod scan;
pub mod syntax;

use std::borrow::Cow;
use std::io::{self, Write};
use std::ops::Range;

pub use line::{
    BOM, GLYPHS, Shape, TAB_WIDTH, after_indent, bullet_shape, indent_column, is_blank_line,
    is_bullet, shape, verbatim_shape,
};
pub use number::LineNumber;
pub use scan::{Scanned, Sink, scan};
pub use syntax::Syntax;

/// Index of "no line" in the parent links.
const NONE: u32 = u32::MAX;

/// A bullet's marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// A glyph such as `•`, `-`, `*` or `☐`.
    Glyph(char),
    /// A number, letter or roman numeral followed by `.` or `)`, such as `1.` or `iv)`.
    Ordinal,
}

/// What a line is, judged by its indentation and first characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Only whitespace.
    Blank,
    /// Text at column 0. `level` counts Markdown `#` (or org `*`) marks, 0 for plain text.
    Heading {
        /// Number of `#` marks, 0 for a plain unindented line.
        level: u8,
    },
    /// A marker, then text.
    Bullet(Marker),
    /// An indented line without a marker (a continuation or a code line), a
    /// paragraph, or any line inside a fenced block.
    Text,
    /// Markup or metadata, not notes: front matter, a setext underline, a leading
    /// `title:` line, org `#+KEYWORD:` lines and drawers, a thematic break.
    Meta,
}

impl Kind {
    /// Two bytes: a tag and the heading level or glyph's index in [`GLYPHS`] (for text,
    /// 1 when it is code).
    fn pack(self, code: bool) -> [u8; 2] {
        match self {
            Kind::Blank => [0, 0],
            Kind::Heading { level } => [1, level],
            Kind::Bullet(Marker::Glyph(c)) => [2, line::glyph_index(c).unwrap_or(0)],
            Kind::Bullet(Marker::Ordinal) => [3, 0],
            Kind::Text => [4, u8::from(code)],
            Kind::Meta => [5, 0],
        }
    }

    fn unpack([tag, data]: [u8; 2]) -> Kind {
        match tag {
            0 => Kind::Blank,
            1 => Kind::Heading { level: data },
            2 => Kind::Bullet(Marker::Glyph(GLYPHS[usize::from(data) % GLYPHS.len()])),
            3 => Kind::Bullet(Marker::Ordinal),
            5 => Kind::Meta,
            _ => Kind::Text,
        }
    }
}

/// One line of the source: where it starts, what it is, and where it sits in the tree.
/// 24 bytes; the line's marker is worked out again from its bytes when asked, and its
/// text too when it does not start at `Line::text_start`.
#[derive(Debug, Clone)]
pub struct Line {
    start: usize,
    parent: u32,
    subtree_end: u32,
    column: u32,
    kind: [u8; 2],
    /// Where the text starts in the content, when it runs from there to the content's
    /// end without its trailing whitespace (nearly every line); else [`NO_TEXT_START`].
    text_start: u16,
}

/// [`Line::text_start`] when the text is found by shaping the line again.
const NO_TEXT_START: u16 = u16::MAX;

impl Line {
    /// What kind of line this is.
    pub fn kind(&self) -> Kind {
        Kind::unpack(self.kind)
    }

    /// Display column of the first character after the indentation.
    pub fn column(&self) -> u32 {
        self.column
    }

    /// Byte offset of the line in the source.
    pub fn start(&self) -> usize {
        self.start
    }

    /// True for blank lines.
    pub fn is_blank(&self) -> bool {
        self.kind[0] == 0
    }

    /// True for headings.
    pub fn is_heading(&self) -> bool {
        self.kind[0] == 1
    }

    /// True for bullets.
    pub fn is_bullet(&self) -> bool {
        matches!(self.kind[0], 2 | 3)
    }

    /// True for a line of code: in a fenced block (Markdown) or an org-mode block, or
    /// one of its fences. Such a line is text whatever it looks like.
    pub fn is_code(&self) -> bool {
        self.kind == [4, 1]
    }
}

/// A parsed outline: the source bytes and one [`Line`] per line, linked into a tree.
///
/// The tree is stored flat, in file order: a line's subtree is the run of lines
/// right after it up to [`Outline::subtree_end`], so walking it needs no recursion.
#[derive(Debug, Clone)]
pub struct Outline<'a> {
    src: &'a [u8],
    syntax: Syntax,
    lines: Vec<Line>,
}

/// Stores every scanned line.
struct Builder {
    lines: Vec<Line>,
}

impl Sink for Builder {
    fn line(&mut self, line: &Scanned) {
        let (from, to) = line.shape.text;
        let plain_end = line
            .body
            .get(from..)
            .is_some_and(|text| from + line::trim_end_len(text) == to);
        let text_start = match u16::try_from(from) {
            Ok(from) if plain_end && from != NO_TEXT_START => from,
            _ => NO_TEXT_START,
        };
        self.lines.push(Line {
            start: line.start,
            parent: line.parent.map_or(NONE, |p| p as u32),
            subtree_end: line.index as u32 + 1,
            column: line.shape.column,
            kind: line.shape.kind.pack(line.code),
            text_start,
        });
    }

    fn close(&mut self, index: usize, end: usize) {
        self.lines[index].subtree_end = end as u32;
    }
}

impl<'a> Outline<'a> {
    /// Parses `src` as a plain outline. Total: any bytes give an outline, and
    /// [`Outline::write_to`] gives them back unchanged.
    pub fn parse(src: &'a [u8]) -> Outline<'a> {
        Outline::parse_as(src, Syntax::Outline)
    }

    /// Parses `src` written in `syntax`. Total, like [`Outline::parse`].
    pub fn parse_as(src: &'a [u8], syntax: Syntax) -> Outline<'a> {
        let lines = memchr::memchr_iter(b'\n', src).count() + 1;
        let mut builder = Builder {
            lines: Vec::with_capacity(lines),
        };
        scan(src, syntax, &mut builder);
        Outline {
            src,
            syntax,
            lines: builder.lines,
        }
    }

    /// The syntax the outline was read in.
    pub fn syntax(&self) -> Syntax {
        self.syntax
    }

    /// The source bytes.
    pub fn src(&self) -> &'a [u8] {
        self.src
    }

    /// All lines, in file order.
    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    /// Number of lines.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// True when the source is empty.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Line `index` (0-based; its line number is `index + 1`).
    pub fn line(&self, index: usize) -> &Line {
        &self.lines[index]
    }

    /// Byte span of line `index`, line terminator included.
    pub fn span(&self, index: usize) -> Range<usize> {
        let end = self
            .lines
            .get(index + 1)
            .map_or(self.src.len(), |l| l.start);
        self.lines[index].start..end
    }

    /// The whole line as in the file, line terminator included.
    pub fn raw(&self, index: usize) -> &'a [u8] {
        &self.src[self.span(index)]
    }

    /// The line without its terminator (and without the BOM on line 1).
    pub fn content(&self, index: usize) -> &'a [u8] {
        let mut raw = self.raw(index);
        if let Some(line) = raw.strip_suffix(b"\n") {
            raw = line.strip_suffix(b"\r").unwrap_or(line);
        }
        if index == 0 {
            raw.strip_prefix(BOM).unwrap_or(raw)
        } else {
            raw
        }
    }

    /// The line's shape (indentation, marker and text ranges within [`Outline::content`]).
    pub fn shape(&self, index: usize) -> Shape {
        syntax::reshape(self.syntax, self.lines[index].kind(), self.content(index))
    }

    /// The indentation of the line, as bytes.
    pub fn indent(&self, index: usize) -> &'a [u8] {
        &self.content(index)[..self.shape(index).indent]
    }

    /// The marker of a bullet (`•`, `1.`) or heading (`##`), empty for other lines.
    pub fn marker(&self, index: usize) -> &'a [u8] {
        let s = self.shape(index);
        &self.content(index)[s.indent..s.marker_end]
    }

    /// The text after indentation and marker, trailing whitespace trimmed, as bytes.
    pub fn text_bytes(&self, index: usize) -> &'a [u8] {
        let content = self.content(index);
        match self.lines[index].text_start {
            NO_TEXT_START => {
                let s = self.shape(index);
                &content[s.text.0..s.text.1]
            }
            from => {
                let text = &content[usize::from(from)..];
                &text[..line::trim_end_len(text)]
            }
        }
    }

    /// The text after indentation and marker, decoded (invalid UTF-8 becomes U+FFFD).
    pub fn text(&self, index: usize) -> Cow<'a, str> {
        let bytes = self.text_bytes(index);
        // The std check has a fast path for ASCII that the lossy decoder lacks.
        match std::str::from_utf8(bytes) {
            Ok(text) => Cow::Borrowed(text),
            Err(_) => String::from_utf8_lossy(bytes),
        }
    }

    /// Byte offset, within [`Outline::content`], where the text starts.
    pub fn text_offset(&self, index: usize) -> usize {
        self.shape(index).text.0
    }

    /// The parent of line `index`: the bullet or heading it nests under.
    pub fn parent(&self, index: usize) -> Option<usize> {
        match self.lines[index].parent {
            NONE => None,
            p => Some(p as usize),
        }
    }

    /// One past the last line of the subtree of line `index`.
    pub fn subtree_end(&self, index: usize) -> usize {
        self.lines[index].subtree_end as usize
    }

    /// The lines nested under line `index`, blank lines included.
    pub fn subtree(&self, index: usize) -> Range<usize> {
        index + 1..self.subtree_end(index)
    }

    /// The non-blank lines directly under line `index`, in order.
    pub fn children(&self, index: usize) -> Children<'_, 'a> {
        Children {
            outline: self,
            parent: index,
            next: index + 1,
            end: self.subtree_end(index),
        }
    }

    /// The non-blank lines that have no parent, in order.
    pub fn roots(&self) -> impl Iterator<Item = usize> + '_ {
        self.lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.parent == NONE && !l.is_blank())
            .map(|(i, _)| i)
    }

    /// The parent, grandparent, ... of line `index`, nearest first.
    pub fn ancestors(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.parent(index), |&i| self.parent(i))
    }

    /// The first non-blank line at or after `index`.
    pub fn next_non_blank(&self, index: usize) -> Option<usize> {
        (index..self.len()).find(|&i| !self.lines[i].is_blank())
    }

    /// The first line that is not valid UTF-8, if any.
    pub fn first_invalid_utf8(&self) -> Option<usize> {
        first_invalid_utf8(self.src)
    }

    /// Writes the source back, byte for byte.
    pub fn write_to(&self, mut out: impl Write) -> io::Result<()> {
        out.write_all(self.src)
    }
}

/// The index of the first line of `src` that is not valid UTF-8, if any; no outline
/// needed.
pub fn first_invalid_utf8(src: &[u8]) -> Option<usize> {
    if simdutf8::basic::from_utf8(src).is_ok() {
        return None;
    }
    let bad = simdutf8::compat::from_utf8(src).err()?.valid_up_to();
    Some(memchr::memchr_iter(b'\n', &src[..bad]).count())
}

/// Iterator over the children of a line; see [`Outline::children`].
#[derive(Debug, Clone)]
pub struct Children<'o, 'a> {
    outline: &'o Outline<'a>,
    parent: usize,
    next: usize,
    end: usize,
}

impl Iterator for Children<'_, '_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        while self.next < self.end {
            let i = self.next;
            let line = &self.outline.lines[i];
            self.next = (line.subtree_end as usize).max(i + 1);
            if !line.is_blank() && line.parent as usize == self.parent {
                return Some(i);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text as the line's shape gives it, without the start kept at scan time.
    fn shaped_text<'a>(outline: &Outline<'a>, i: usize) -> &'a [u8] {
        let s = outline.shape(i);
        &outline.content(i)[s.text.0..s.text.1]
    }

    fn kept_text_is_shaped_text(src: &[u8]) {
        for syntax in [
            Syntax::Outline,
            Syntax::Markdown,
            Syntax::Org,
            Syntax::TaskPaper,
        ] {
            let outline = Outline::parse_as(src, syntax);
            for i in 0..outline.len() {
                assert_eq!(
                    outline.text_bytes(i),
                    shaped_text(&outline, i),
                    "{syntax:?} {i}"
                );
            }
        }
    }

    #[test]
    fn the_text_start_kept_at_scan_time_gives_the_shaped_text() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = vec![root.join("notes/pycon2014.txt")];
        for dir in [
            "tests/fixtures",
            "tests/fixtures/reading",
            "../shared/corpus",
        ] {
            if let Ok(entries) = std::fs::read_dir(root.join(dir)) {
                files.extend(entries.flatten().map(|e| e.path()));
            }
        }
        for file in files {
            if let Ok(src) = std::fs::read(&file) {
                kept_text_is_shaped_text(&src);
            }
        }
        kept_text_is_shaped_text(
            b"## Title ##\n* TODO x :tag:\n  - [ ] y\n\tz\t \r\n#+begin_src\n",
        );
        kept_text_is_shaped_text(format!("- {}x\n", " ".repeat(70_000)).as_bytes());
    }

    proptest::proptest! {
        #[test]
        fn kept_text_is_shaped_text_on_any_bytes(src in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300)) {
            kept_text_is_shaped_text(&src);
        }
    }

    fn outline(src: &str) -> Outline<'_> {
        let o = Outline::parse(src.as_bytes());
        let mut back = Vec::new();
        o.write_to(&mut back).unwrap();
        assert_eq!(back, src.as_bytes(), "roundtrip mismatch");
        let joined: Vec<u8> = (0..o.len()).flat_map(|i| o.raw(i).to_vec()).collect();
        assert_eq!(joined, src.as_bytes(), "line spans do not cover the source");
        o
    }

    /// Each line as "parent-line-number:text", 0 for a root.
    fn tree(o: &Outline) -> Vec<String> {
        (0..o.len())
            .filter(|&i| !o.line(i).is_blank())
            .map(|i| format!("{}:{}", o.parent(i).map_or(0, |p| p + 1), o.text(i)))
            .collect()
    }

    #[test]
    fn nesting_follows_indentation() {
        let o = outline("Session\n  • a\n    • b\n  • c\n      code\n\nNext\n• d\n");
        assert_eq!(
            tree(&o),
            ["0:Session", "1:a", "2:b", "1:c", "4:code", "0:Next", "7:d"]
        );
        assert_eq!(o.subtree(0), 1..6);
        assert_eq!(o.children(0).collect::<Vec<_>>(), [1, 3]);
        assert_eq!(o.ancestors(2).collect::<Vec<_>>(), [1, 0]);
    }

    #[test]
    fn a_dedent_between_levels_attaches_to_the_nearest_shallower_level() {
        let o = outline("H\n    - a\n        - b\n  - c\n    - d\n");
        assert_eq!(tree(&o), ["0:H", "1:a", "2:b", "1:c", "4:d"]);
    }

    #[test]
    fn text_lines_belong_to_the_bullet_above_whatever_their_indent() {
        let o = outline("H\n  - a\n        deep code\n    code\n  - b\n");
        assert_eq!(tree(&o), ["0:H", "1:a", "2:deep code", "2:code", "1:b"]);
    }

    #[test]
    fn tabs_and_spaces_mix() {
        let o = outline("H\n\t- a\n    - b\n\t  - c\n\t\t- d\n");
        assert_eq!(tree(&o), ["0:H", "1:a", "1:b", "3:c", "4:d"]);
    }

    #[test]
    fn line_endings_bom_and_no_final_newline() {
        let o = outline("\u{feff}Title\r\n  • one  \r\n\r\nlast");
        assert_eq!(tree(&o), ["0:Title", "1:one", "0:last"]);
        assert_eq!(o.content(0), b"Title");
        assert_eq!(o.raw(0), "\u{feff}Title\r\n".as_bytes());
        assert_eq!(o.content(1), "  • one  ".as_bytes());
        assert_eq!(o.marker(1), "•".as_bytes());
        assert_eq!(o.raw(3), b"last");
    }

    #[test]
    fn fenced_blocks_are_text() {
        let o = outline("H\n- a\n```\n# not a heading\n- not a bullet\n```\n- b\n");
        assert_eq!(o.line(3).kind(), Kind::Text);
        assert_eq!(o.line(4).kind(), Kind::Text);
        assert_eq!(o.parent(3), Some(1));
        assert_eq!(o.line(6).kind(), Kind::Bullet(Marker::Glyph('-')));
        assert_eq!(o.parent(6), Some(0));
    }

    #[test]
    fn front_matter_is_metadata_when_closed() {
        let o = outline("---\ntitle: x\n---\nHeading\n");
        assert_eq!(o.line(1).kind(), Kind::Meta);
        assert_eq!(o.line(2).kind(), Kind::Meta);
        assert!(o.line(3).is_heading());
        let o = outline("---\nHeading\n");
        assert!(o.line(1).is_heading());
    }

    #[test]
    fn invalid_utf8_is_kept_and_reported() {
        let src = b"ok\nbad \x93quote\x94\n";
        let o = Outline::parse(src);
        assert_eq!(o.first_invalid_utf8(), Some(1));
        assert_eq!(o.text(1), "bad \u{fffd}quote\u{fffd}");
        let mut back = Vec::new();
        o.write_to(&mut back).unwrap();
        assert_eq!(back, src);
    }

    #[test]
    fn empty_and_blank_sources() {
        assert!(outline("").is_empty());
        let o = outline("\n\n  \n");
        assert_eq!(o.len(), 3);
        assert_eq!(o.roots().count(), 0);
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let src: String = (0..2_000)
            .map(|d| format!("{}- x\n", " ".repeat(d)))
            .collect();
        let o = outline(&src);
        assert_eq!(o.ancestors(1_999).count(), 1_999);
    }
}
