//! The scanner: reads every line of a file in order, classifies it in its syntax and
//! works out what it nests under, with a stack of open lines (nom has no notion of
//! indentation). It reports each line to a [`Sink`]: the outline stores them.

use super::Kind;
use super::line::{BOM, Shape};
use super::syntax::{Classifier, Nest, Syntax};

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
