//! Reading a plain outline in pieces: only the parts of a big file that hold some lines
//! (grep's hits), each read on its own exactly as the whole file reads it.
//!
//! The v1 rules read the headings in order, but what they decide for a heading depends
//! on what came before it only through a little state (the session they have open and
//! whether it is empty, whether notes were seen, an empty session that may be the
//! preamble). Once notes were seen and nothing is pending, a heading with notes under
//! it, right after a heading with notes under it, and not a `Speaker:` line, is read
//! the same whatever came before: it is a **resume point**, and nothing from above it
//! reaches past it. A piece runs from a resume point to the next, so the sessions in
//! it are the whole file's.
//!
//! What the rest of the file decides is found first by one quick pass over every line
//! ([`heads`]): where the unindented lines (the headings) are and which have notes
//! under them, which says whether the file's notes are indented. A file that pass
//! cannot read as the parser does (fenced blocks, front matter, rules, setext
//! underlines) or whose notes are not indented is not cut: it is read whole.

use std::borrow::Cow;

pub use super::assemble::SessionDay;
use super::assemble::{DayStep, Days};
use super::plain::{self, Settled};
use super::{Document, ReadOptions};
use crate::document::DayInfo;
use crate::document::rules::{heading, speaker};
use crate::outline::syntax::{self, opens_front_matter, opens_verbatim, setext_underline};
use crate::outline::{BOM, Kind, Outline, Syntax, after_indent, is_blank_line, is_bullet};
use crate::parallel;

/// A piece of a file, read on its own.
pub struct Piece<'a> {
    /// The line of the file it starts at (0-based).
    pub first_line: usize,
    /// Its document: line `i` of it is line `first_line + i` of the file. Its sessions
    /// have no day: [`DayTracker`] gives them theirs.
    pub doc: Document<'a>,
    /// What its units say of the days, to follow after the pieces before it.
    steps: Vec<DayStep>,
}

/// An unindented line of the plain outline: a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Head {
    /// Its byte offset.
    start: usize,
    /// Its line index.
    line: usize,
    /// Lines that are not blank are under it.
    notes: bool,
}

/// The headings of a plain outline, with one look at each line, or None when the file
/// has a line this look cannot read as the parser does: front matter, a fenced or org
/// block, a setext underline, a rule or a thematic break at the left margin. A big
/// file is cut in runs of lines looked at on every core.
fn heads(src: &[u8], threads: usize) -> Option<Vec<Head>> {
    let spans = parallel::line_runs(src, threads, BYTES_A_THREAD);
    let runs = parallel::map_runs(&spans, threads, 1, |span| {
        scan_heads(&src[span.clone()], span.start == 0)
    });
    let mut heads: Vec<Head> = Vec::new();
    let mut lines = 0;
    for (span, run) in spans.iter().zip(runs.into_iter().flatten()) {
        lines = run?.append_to(&mut heads, span.start, lines);
    }
    Some(heads)
}

/// How many headings a plain outline has, and how many of them have notes, with the
/// look [`heads`] takes (None as it says), without keeping them.
fn head_counts(src: &[u8], threads: usize) -> Option<(usize, usize)> {
    let spans = parallel::line_runs(src, threads, BYTES_A_THREAD);
    let runs = parallel::map_runs(&spans, threads, 1, |span| {
        let run = scan_heads(&src[span.clone()], span.start == 0)?;
        let with_notes = run.heads.iter().filter(|h| h.notes).count();
        Some((
            run.heads.len(),
            with_notes,
            run.heads.last().map(|h| h.notes),
            run.notes_before,
        ))
    });
    let (mut all, mut with_notes) = (0, 0);
    // Whether the last heading so far has notes.
    let mut last = None;
    for run in runs.into_iter().flatten() {
        let (heads, with, last_notes, notes_before) = run?;
        if notes_before && last == Some(false) {
            with_notes += 1;
        }
        all += heads;
        with_notes += with;
        last = last_notes.or(last.map(|notes| notes || notes_before));
    }
    Some((all, with_notes))
}

/// True when a file of `heads` headings, `with_notes` of them with notes under them,
/// writes its notes indented, as a file read in pieces must.
fn notes_indented(heads: usize, with_notes: usize) -> bool {
    with_notes * 2 >= heads
}

/// The bytes of a file looked at on a thread at least, finding its headings.
const BYTES_A_THREAD: usize = 4 << 20;

/// The headings of a run of whole lines, from [`scan_heads`].
struct Run {
    heads: Vec<Head>,
    /// The number of lines.
    lines: usize,
    /// Lines that are not blank come before the first heading.
    notes_before: bool,
}

impl Run {
    /// Adds the headings of the run, which starts at byte `from` and line `line` of the
    /// file, to those before it; gives the line after it.
    fn append_to(self, heads: &mut Vec<Head>, from: usize, line: usize) -> usize {
        if self.notes_before
            && let Some(head) = heads.last_mut()
        {
            head.notes = true;
        }
        heads.extend(self.heads.iter().map(|h| Head {
            start: from + h.start,
            line: line + h.line,
            notes: h.notes,
        }));
        line + self.lines
    }
}

/// The headings of a run of whole lines (`first`: the file's first), numbered from
/// its start; None as [`heads`] says.
fn scan_heads(src: &[u8], first: bool) -> Option<Run> {
    let mut heads: Vec<Head> = Vec::new();
    let mut notes_before = false;
    // The heading open has notes (or, before any, lines came before it).
    let mut has_notes = false;
    let mut start = 0;
    let mut ends = Newlines::of(src);
    let mut lines = 0;
    for line in 0.. {
        if start >= src.len() {
            lines = line;
            break;
        }
        let end = ends.next().unwrap_or(src.len());
        let at = start;
        start = end + 1;
        // Most lines are notes under a heading that has some already: an indented line
        // decides nothing unless it opens a fenced block, and none can where no fence
        // character is near.
        if has_notes && matches!(src[at], b' ' | b'\t') && ends.quiet_since(at) {
            continue;
        }
        let mut body = &src[at..end];
        if line == 0 && first {
            body = body.strip_prefix(BOM).unwrap_or(body);
            if opens_front_matter(body.strip_suffix(b"\r").unwrap_or(body)) {
                return None;
            }
        }
        let rest = after_indent(body);
        // Blank as the parser has it: spaces, tabs, `\r`, `\x0b` and `\x0c`.
        let first = match rest.first() {
            Some(&b) if !is_blank_line(&[b]) => b,
            _ if is_blank_line(rest) => continue,
            _ => rest[0],
        };
        let indent = body.len() - rest.len();
        let body = body.strip_suffix(b"\r").unwrap_or(body);
        let rest = &body[indent..];
        let underline = matches!(first, b'-' | b'=') && rest.get(1) == Some(&first);
        if matches!(first, b'`' | b'~' | b'#') && opens_verbatim(rest).is_some()
            || underline && setext_underline(body).is_some()
        {
            return None;
        }
        if rest.len() == body.len() && is_heading(body)? {
            heads.push(Head {
                start: at,
                line,
                notes: false,
            });
            has_notes = false;
        } else {
            match heads.last_mut() {
                Some(head) => head.notes = true,
                None => notes_before = true,
            }
            has_notes = true;
        }
    }
    Some(Run {
        heads,
        lines,
        notes_before,
    })
}

/// Where the `\n` bytes of a text are, in order. Lines of notes are short, so rather
/// than a search for each, 64 bytes at a time are compared in one go (SSE2 on x86-64)
/// and each found by its bit. The blocks with a character that can open a fenced or
/// org block (`` ` ``, `~`, `#`) are noted on the way.
struct Newlines<'a> {
    src: &'a [u8],
    /// The offset of the block `mask` is of.
    block: usize,
    /// The newlines of the block not yet given, a bit each.
    mask: u64,
    /// The offset of the last block read that has a fence character.
    loud: Option<usize>,
}

impl<'a> Newlines<'a> {
    fn of(src: &'a [u8]) -> Newlines<'a> {
        let mut newlines = Newlines {
            src,
            block: 0,
            mask: 0,
            loud: None,
        };
        newlines.read_block();
        newlines
    }

    fn read_block(&mut self) {
        let (mask, fences) = block_masks(&self.src[self.block..]);
        self.mask = mask;
        if fences {
            self.loud = Some(self.block);
        }
    }

    /// True when no fence character is in the text from `at` to the last newline
    /// given (every block read so far that reaches past `at` is without one).
    fn quiet_since(&self, at: usize) -> bool {
        self.loud.is_none_or(|loud| loud + 64 <= at)
    }
}

impl Iterator for Newlines<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        while self.mask == 0 {
            self.block += 64;
            if self.block >= self.src.len() {
                return None;
            }
            self.read_block();
        }
        let at = self.block + self.mask.trailing_zeros() as usize;
        self.mask &= self.mask - 1;
        Some(at)
    }
}

/// A bit for each `\n` among the first 64 bytes of `bytes`, and whether a fence
/// character is among them.
fn block_masks(bytes: &[u8]) -> (u64, bool) {
    match bytes.first_chunk::<64>() {
        Some(block) => block_mask(block),
        None => scalar_masks(bytes),
    }
}

/// [`block_masks`] a byte at a time.
fn scalar_masks(bytes: &[u8]) -> (u64, bool) {
    bytes
        .iter()
        .take(64)
        .enumerate()
        .fold((0, false), |(m, f), (i, &b)| {
            (m | u64::from(b == b'\n') << i, f || is_fence_char(b))
        })
}

/// A character a fenced or org block opens with.
fn is_fence_char(b: u8) -> bool {
    matches!(b, b'`' | b'~' | b'#')
}

/// [`block_masks`] of a block, with SSE2: 16 bytes compared at once.
#[cfg(target_arch = "x86_64")]
fn block_mask(block: &[u8; 64]) -> (u64, bool) {
    // SAFETY: SSE2 is part of x86-64; every processor that runs this has it.
    unsafe { sse2_block_mask(block) }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn sse2_block_mask(block: &[u8; 64]) -> (u64, bool) {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    let newline = _mm_set1_epi8(b'\n' as i8);
    let [tick, tilde, hash] = [b'`', b'~', b'#'].map(|c| _mm_set1_epi8(c as i8));
    let mut mask = 0;
    let mut fenced = 0;
    for (i, part) in block.chunks_exact(16).enumerate() {
        // SAFETY: `part` is 16 bytes, what an unaligned load reads.
        let v = unsafe { _mm_loadu_si128(part.as_ptr().cast::<__m128i>()) };
        let found = _mm_movemask_epi8(_mm_cmpeq_epi8(v, newline)) as u16;
        mask |= u64::from(found) << (16 * i);
        let fence = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(v, tick), _mm_cmpeq_epi8(v, tilde)),
            _mm_cmpeq_epi8(v, hash),
        );
        fenced |= _mm_movemask_epi8(fence);
    }
    (mask, fenced != 0)
}

/// [`block_masks`] of a block.
#[cfg(not(target_arch = "x86_64"))]
fn block_mask(block: &[u8; 64]) -> (u64, bool) {
    scalar_masks(block)
}

/// True when a line at the left margin is a heading, as [`syntax::plain::shape`] reads
/// it; None when it is a rule or a thematic break. Most headings start with a letter or
/// a digit, so cannot be a rule, and are told from a numbered item by its marker alone;
/// any other is read in full (a rule's text may start after white space the parser
/// drops, such as a no-break space).
fn is_heading(body: &[u8]) -> Option<bool> {
    if body[0].is_ascii_alphanumeric() {
        return Some(!is_bullet(body));
    }
    let shape = syntax::plain::shape(body);
    if !matches!(shape.kind, Kind::Heading { .. }) {
        return Some(false);
    }
    (!is_rule(body, &body[shape.text.0..shape.text.1])).then_some(true)
}

/// A heading that is a rule or a thematic break, which divides plain notes into parts.
fn is_rule(body: &[u8], text: &[u8]) -> bool {
    let text = String::from_utf8_lossy(text);
    syntax::is_thematic_break(body)
        || heading::rule_length(&text).is_some()
        || heading::is_separator(&text)
}

/// True when a piece can start at `head`, the heading after `before` (the file's third
/// or later), as far as their own lines say.
fn resumes_at(src: &[u8], before: &Head, head: &Head) -> bool {
    head.notes
        && before.notes
        && !src[head.start..].starts_with(BOM)
        && speaker::speaker_label(&head_text(src, head)).is_none()
}

/// The text of a heading, as the parser reads it.
fn head_text<'a>(src: &'a [u8], head: &Head) -> Cow<'a, str> {
    let start = head.start;
    let end = memchr::memchr(b'\n', &src[start..]).map_or(src.len(), |n| start + n);
    let body = &src[start..end];
    let body = body.strip_suffix(b"\r").unwrap_or(body);
    let shape = syntax::plain::shape(body);
    String::from_utf8_lossy(&body[shape.text.0..shape.text.1])
}

/// The file's headings and how far a piece can be cut.
struct Cuts<'a> {
    src: &'a [u8],
    heads: Vec<Head>,
}

impl Cuts<'_> {
    /// True when a piece can start at heading `k`, as far as its own lines and the one
    /// before say (the state of the rules is the caller's to know).
    fn resumes_at(&self, k: usize) -> bool {
        k >= 2
            && self
                .heads
                .get(k)
                .is_some_and(|head| resumes_at(self.src, &self.heads[k - 1], head))
    }

    /// Where heading `k` starts, or the end of the file past the last.
    fn offset(&self, k: usize) -> usize {
        self.heads.get(k).map_or(self.src.len(), |h| h.start)
    }

    /// The line heading `k` is on.
    fn line(&self, k: usize) -> usize {
        self.heads[k].line
    }

    /// The first resume point after heading `k`, or the number of headings.
    fn next_resume(&self, k: usize) -> usize {
        (k + 1..self.heads.len())
            .find(|&j| self.resumes_at(j))
            .unwrap_or(self.heads.len())
    }

    /// The last resume point at or before heading `k`, at `floor` at least.
    fn last_resume(&self, k: usize, floor: usize) -> usize {
        (floor..=k)
            .rev()
            .find(|&j| self.resumes_at(j))
            .unwrap_or(floor)
    }
}

/// A plain outline cut into pieces around some byte offsets, to be read one batch at a
/// time ([`Pieces::read_each`]).
pub struct Pieces<'a> {
    /// The first piece, when an offset is in it.
    first: Option<Piece<'a>>,
    plan: Plan<'a>,
}

/// Where the pieces after the first are.
struct Plan<'a> {
    cuts: Cuts<'a>,
    options: ReadOptions,
    /// The headings each piece runs over.
    spans: Vec<(usize, usize)>,
}

impl<'a> Plan<'a> {
    /// Reads headings `from..to` as a piece, `resumed` at a resume point, else with the
    /// lines before the first heading; and whether the rules stand settled after it.
    fn read(&self, from: usize, to: usize, resumed: bool) -> (Piece<'a>, Settled) {
        let cuts = &self.cuts;
        let span = if resumed {
            Span {
                start: cuts.offset(from),
                end: cuts.offset(to),
                line: cuts.line(from),
            }
        } else {
            Span {
                start: 0,
                end: cuts.offset(to),
                line: 0,
            }
        };
        span.read(cuts.src, &self.options)
    }
}

/// Where a piece is in its file.
#[derive(Debug, Clone, Copy)]
struct Span {
    /// Its first byte: a resume point, or the start of the file.
    start: usize,
    /// Where it ends: a resume point, or the end of the file.
    end: usize,
    /// The line it starts at.
    line: usize,
}

impl Span {
    /// Reads the piece of `src`, and says whether the rules stand settled after it.
    fn read<'a>(self, src: &'a [u8], options: &ReadOptions) -> (Piece<'a>, Settled) {
        let facts = plain::PieceFacts {
            indented: true,
            resumed: self.start > 0,
        };
        let outline = Outline::parse_as(&src[self.start..self.end], Syntax::Outline);
        let (doc, steps, settled) = Document::read_piece(outline, options, facts);
        let piece = Piece {
            first_line: self.line,
            doc,
            steps,
        };
        (piece, settled)
    }
}

impl<'a> Pieces<'a> {
    /// The pieces given to a thread at once, at most.
    const PIECES_A_GROUP: usize = 64;

    /// Calls `each` with every piece, in file order. They are read on every core while
    /// `each` takes them, and only the few read ahead are kept.
    pub fn read_each<E>(self, mut each: impl FnMut(Piece<'a>) -> Result<(), E>) -> Result<(), E> {
        let Pieces { first, plan } = self;
        if let Some(first) = first {
            each(first)?;
        }
        let plan = &plan;
        let threads = if plan.cuts.src.len() < AllPieces::BYTES_ON_THREADS {
            1
        } else {
            plan.options.threads
        };
        // Pieces a heading or so long go to the threads some at a time: a message a piece
        // would cost more than reading it.
        let cuts = &plan.cuts;
        let mut spans = plan.spans.as_slice();
        let groups = std::iter::from_fn(|| {
            let first = spans.first()?;
            let end = spans
                .iter()
                .take(Self::PIECES_A_GROUP)
                .position(|&(_, to)| {
                    cuts.offset(to) - cuts.offset(first.0) >= AllPieces::PIECE_BYTES
                })
                .map_or(spans.len().min(Self::PIECES_A_GROUP), |i| i + 1);
            let (group, rest) = spans.split_at(end);
            spans = rest;
            Some(group)
        });
        let read = |group: &[(usize, usize)]| -> Vec<Piece<'a>> {
            group
                .iter()
                .map(|&(from, to)| plan.read(from, to, true).0)
                .collect()
        };
        parallel::map_in_order(groups, threads, AllPieces::PIECES_AHEAD, read, |pieces| {
            pieces.into_iter().try_for_each(&mut each)
        })
    }
}

/// The pieces of a plain outline that hold the byte offsets `at` (sorted), each to be
/// read on its own as the whole file reads it; None when the file is read whole: it
/// cannot be cut (see the module), or `options` ask for a reading of the whole file.
pub fn pieces<'a>(src: &'a [u8], at: &[usize], options: &ReadOptions) -> Option<Pieces<'a>> {
    pieces_joined(src, at, options, AllPieces::PIECE_BYTES)
}

/// [`pieces`], pieces that meet joined up to `join_bytes` (0: none joined).
fn pieces_joined<'a>(
    src: &'a [u8],
    at: &[usize],
    options: &ReadOptions,
    join_bytes: usize,
) -> Option<Pieces<'a>> {
    if options.one_talk || options.session_level.is_some() || options.explain {
        return None;
    }
    let heads = heads(src, options.threads)?;
    let with_notes = heads.iter().filter(|h| h.notes).count();
    if !notes_indented(heads.len(), with_notes) {
        return None;
    }
    let mut plan = Plan {
        cuts: Cuts { src, heads },
        options: ReadOptions {
            full_at: None,
            ..options.clone()
        },
        spans: Vec::new(),
    };
    let cuts = &plan.cuts;
    // The first piece runs from the start to a resume point where the rules stand
    // settled; it is read longer and longer until they do.
    let mut first_end = cuts.next_resume(1);
    let first = loop {
        if first_end >= cuts.heads.len() {
            return None;
        }
        let (piece, Settled(settled)) = plan.read(0, first_end, false);
        if settled {
            break piece;
        }
        first_end = cuts.next_resume(first_end.saturating_mul(2));
    };
    let first = at
        .first()
        .is_some_and(|&a| a < cuts.offset(first_end))
        .then_some(first);
    // Then a piece around each offset after it, from the last resume point before it to
    // the next after it; pieces that meet are one, up to a size.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut next = at.partition_point(|&a| a < cuts.offset(first_end));
    while let Some(&offset) = at.get(next) {
        let k = cuts
            .heads
            .partition_point(|h| h.start <= offset)
            .saturating_sub(1);
        let from = cuts.last_resume(k, first_end);
        let to = cuts.next_resume(k);
        match spans.last_mut() {
            Some(last) if last.1 == from && cuts.offset(to) - cuts.offset(last.0) <= join_bytes => {
                last.1 = to;
            }
            _ => spans.push((from, to)),
        }
        next += at[next..].partition_point(|&a| a < cuts.offset(to));
    }
    plan.spans = spans;
    Some(Pieces { first, plan })
}

/// The headings of a file, found a window of it at a time as they are asked for
/// ([`all_pieces`]), and kept only from the piece being planned on.
struct HeadStream<'a> {
    src: &'a [u8],
    /// The headings found and kept: `heads[0]` is the file's heading `base`.
    heads: Vec<Head>,
    base: usize,
    /// How far the file has been looked at, in bytes and in lines.
    scanned: usize,
    lines: usize,
}

impl<'a> HeadStream<'a> {
    /// The bytes looked at a time.
    const WINDOW: usize = 1 << 20;

    fn new(src: &'a [u8]) -> HeadStream<'a> {
        HeadStream {
            src,
            heads: Vec::new(),
            base: 0,
            scanned: 0,
            lines: 0,
        }
    }

    /// Heading `k` (not one already forgotten), looking further as needed; None past
    /// the last.
    fn get(&mut self, k: usize) -> Option<Head> {
        let i = k.checked_sub(self.base)?;
        while i >= self.heads.len() && self.scanned < self.src.len() {
            self.scan();
        }
        self.heads.get(i).copied()
    }

    /// Looks at the next window of whole lines.
    fn scan(&mut self) {
        let from = self.scanned;
        let end = match self.src.get(from + Self::WINDOW..) {
            Some(rest) => {
                memchr::memchr(b'\n', rest).map_or(self.src.len(), |n| from + Self::WINDOW + n + 1)
            }
            None => self.src.len(),
        };
        self.scanned = end;
        // The whole file was looked at so before it was cut ([`head_counts`]), so this
        // finds its headings; were it not to, the rest is read as one piece, which is
        // right, if slower.
        match scan_heads(&self.src[from..end], from == 0) {
            Some(run) => self.lines = run.append_to(&mut self.heads, from, self.lines),
            None => self.scanned = self.src.len(),
        }
    }

    /// Where heading `k` starts, or the end of the file past the last.
    fn offset(&mut self, k: usize) -> usize {
        self.get(k).map_or(self.src.len(), |h| h.start)
    }

    /// True when a piece can start at heading `k`, as far as its own lines and the one
    /// before say: its notes are known once the heading after it is found.
    fn resumes_at(&mut self, k: usize) -> bool {
        self.get(k + 1);
        k >= 2
            && k > self.base
            && match (self.get(k - 1), self.get(k)) {
                (Some(before), Some(head)) => resumes_at(self.src, &before, &head),
                _ => false,
            }
    }

    /// The first resume point after heading `k`, or the number of headings.
    fn next_resume(&mut self, k: usize) -> usize {
        let mut j = k + 1;
        while self.get(j).is_some() && !self.resumes_at(j) {
            j += 1;
        }
        j
    }

    /// Forgets the headings before the one before `k`.
    fn forget_before(&mut self, k: usize) {
        let keep = k.saturating_sub(1).max(self.base);
        let drop = (keep - self.base).min(self.heads.len());
        self.heads.drain(..drop);
        self.base += drop;
    }
}

/// A plain outline read whole, a piece at a time ([`all_pieces`]).
pub struct AllPieces<'a> {
    first: Piece<'a>,
    /// The headings from where the first piece ends, a resume point.
    heads: HeadStream<'a>,
    from: usize,
    options: ReadOptions,
    /// The bytes of a piece, at least: a piece ends at the first resume point past
    /// them.
    piece_bytes: usize,
}

impl<'a> AllPieces<'a> {
    /// The bytes of a piece, at least, unless told otherwise.
    const PIECE_BYTES: usize = 256 << 10;
    /// The pieces read ahead of the one given, on the other cores.
    const PIECES_AHEAD: usize = 16;
    /// The bytes of a file worth reading on more than one core.
    const BYTES_ON_THREADS: usize = 1 << 20;

    /// Calls `each` with every piece of the file, in order. They are read on every
    /// core while `each` takes them, and only the few read ahead are kept.
    pub fn read_each<E>(self, mut each: impl FnMut(Piece<'a>) -> Result<(), E>) -> Result<(), E> {
        let AllPieces {
            first,
            mut heads,
            mut from,
            options,
            piece_bytes,
        } = self;
        each(first)?;
        let src = heads.src;
        // Each piece from a resume point to the first past `piece_bytes` from it.
        let spans = std::iter::from_fn(|| {
            let head = heads.get(from)?;
            let mut to = from + 1;
            while heads
                .get(to)
                .is_some_and(|next| next.start - head.start < piece_bytes)
                || heads.get(to).is_some() && !heads.resumes_at(to)
            {
                to += 1;
            }
            let span = Span {
                start: head.start,
                end: heads.offset(to),
                line: head.line,
            };
            from = to;
            heads.forget_before(from);
            Some(span)
        });
        let threads = if src.len() < Self::BYTES_ON_THREADS {
            1
        } else {
            options.threads
        };
        let read = |span: Span| span.read(src, &options).0;
        parallel::map_in_order(spans, threads, Self::PIECES_AHEAD, read, each)
    }
}

/// A plain outline cut into pieces to be read one after another ([`AllPieces`]), each
/// read on its own as the whole file reads it; None when the file is read whole, as
/// [`pieces`] says.
pub fn all_pieces<'a>(src: &'a [u8], options: &ReadOptions) -> Option<AllPieces<'a>> {
    if options.one_talk || options.session_level.is_some() || options.explain {
        return None;
    }
    let (all, with_notes) = head_counts(src, options.threads)?;
    if !notes_indented(all, with_notes) {
        return None;
    }
    let options = ReadOptions {
        full_at: None,
        ..options.clone()
    };
    let mut heads = HeadStream::new(src);
    // The first piece runs from the start to a resume point where the rules stand
    // settled; it is read longer and longer until they do.
    let mut first_end = heads.next_resume(1);
    let first = loop {
        let end = heads.get(first_end)?.start;
        let span = Span {
            start: 0,
            end,
            line: 0,
        };
        let (piece, Settled(settled)) = span.read(src, &options);
        if settled {
            break piece;
        }
        first_end = heads.next_resume(first_end.saturating_mul(2));
    };
    Some(AllPieces {
        first,
        heads,
        from: first_end,
        options,
        piece_bytes: AllPieces::PIECE_BYTES,
    })
}

/// The days of a file read in pieces, followed piece by piece in file order.
#[derive(Debug, Default)]
pub struct DayTracker {
    days: Days,
}

impl DayTracker {
    /// Follows what `piece`, the next of its file, says of the days; gives the day of
    /// each of its sessions, as far as the file so far says.
    pub fn follow(&mut self, piece: &Piece) -> Vec<SessionDay> {
        let mut found = vec![SessionDay::None; piece.doc.sessions().len()];
        for step in &piece.steps {
            let index = match step {
                DayStep::Session { index, .. } => Some(*index),
                _ => None,
            };
            if let Some(day) = self.days.follow(step.clone())
                && let Some(slot) = index.and_then(|i| found.get_mut(i))
            {
                *slot = day;
            }
        }
        found
    }

    /// The day of a session as a record names it (its weekday, else its number), once
    /// nothing further in the file can change that: Some(None) for a session on no day.
    /// A day's number never changes, nor its weekday once it has one; the day may still
    /// get a label or a date.
    pub fn named(&self, day: SessionDay) -> Option<Option<&DayInfo>> {
        match day {
            SessionDay::None => Some(None),
            _ => {
                let d = self.days.day_of(day)?;
                let info = self.days.days.get(d)?;
                (d + 1 < self.days.days.len() || info.weekday.is_some()).then_some(Some(info))
            }
        }
    }

    /// The day of a session once the whole file has been followed.
    pub fn at_end(&self, day: SessionDay) -> Option<&DayInfo> {
        self.days.days.get(self.days.day_of(day)?)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::document::{Session, Status};

    /// A session's line, title and speakers.
    type Shown = (usize, String, Vec<String>);

    /// What a search shows of line `i` of `doc`: its session, and the lines above it.
    fn shown(doc: &Document, i: usize) -> (Option<Shown>, Vec<usize>) {
        let session = doc.session_of(i).map(|s| {
            let session = &doc.sessions()[s];
            let byline = session.byline();
            let speakers = byline.speakers.iter().map(|s| s.to_string()).collect();
            (session.line(), byline.title.to_string(), speakers)
        });
        (session, doc.context(i))
    }

    /// Every line of every piece of `src` around each line start is shown as the whole
    /// file shows it, numbered in the file, with pieces that meet joined or not; the
    /// number of pieces not joined.
    fn assert_pieces_read_as_the_whole(src: &str, threads: usize) -> Option<usize> {
        assert_joined_pieces_read_as_the_whole(src, threads, 40);
        assert_joined_pieces_read_as_the_whole(src, threads, 0)
    }

    /// [`assert_pieces_read_as_the_whole`], pieces that meet joined up to `join_bytes`.
    fn assert_joined_pieces_read_as_the_whole(
        src: &str,
        threads: usize,
        join_bytes: usize,
    ) -> Option<usize> {
        let options = ReadOptions {
            threads,
            ..ReadOptions::default()
        };
        let whole = Document::read(Outline::parse(src.as_bytes()), &options);
        let starts: Vec<usize> = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', src.as_bytes()).map(|n| n + 1))
            .filter(|&s| s < src.len())
            .collect();
        let mut read = Vec::new();
        pieces_joined(src.as_bytes(), &starts, &options, join_bytes)?
            .read_each(|piece| {
                read.push(piece);
                Ok::<(), ()>(())
            })
            .ok()?;
        let mut next = 0;
        for piece in &read {
            assert!(
                piece.first_line >= next,
                "pieces overlap at {}",
                piece.first_line
            );
            let len = piece.doc.outline().len();
            for i in 0..len {
                let line = piece.first_line + i;
                let (session, context) = shown(&piece.doc, i);
                let session = session.map(|(l, t, s)| (l + piece.first_line, t, s));
                let context: Vec<usize> = context.iter().map(|c| c + piece.first_line).collect();
                assert_eq!(
                    (session, context),
                    shown(&whole, line),
                    "line {line} of {src:?}"
                );
            }
            next = piece.first_line + len;
        }
        assert_eq!(next, whole.outline().len(), "the pieces cover every line");
        Some(read.len())
    }

    /// What a list shows of a session: its line, title, speakers, status and day.
    type Listed = (usize, String, Vec<String>, Status, Option<String>);

    fn listed(session: &Session, line: usize, day: Option<&DayInfo>) -> Listed {
        let byline = session.byline();
        let speakers = byline.speakers.iter().map(|s| s.to_string()).collect();
        let title = byline.title.to_string();
        (
            line,
            title,
            speakers,
            session.status(),
            day.map(DayInfo::name),
        )
    }

    /// The sessions of `src` read in pieces of a heading or so each are the whole
    /// file's, each with the day the tracker names, once it names one, and the day it
    /// gives at the end: as a list prints them. The number of pieces, or None when the
    /// file is read whole.
    fn assert_all_pieces_read_as_the_whole(src: &str, threads: usize) -> Option<usize> {
        let options = ReadOptions {
            threads,
            ..ReadOptions::default()
        };
        let whole = Document::read(Outline::parse(src.as_bytes()), &options);
        let expected: Vec<Listed> = whole
            .sessions()
            .iter()
            .map(|s| listed(s, s.line(), s.day_info()))
            .collect();
        let mut pieces = all_pieces(src.as_bytes(), &options)?;
        pieces.piece_bytes = 1;
        let mut tracker = DayTracker::default();
        let mut found: Vec<(Listed, SessionDay)> = Vec::new();
        // The sessions whose day was not named yet, and those named, with the name.
        let mut waiting: Vec<usize> = Vec::new();
        let mut named: Vec<(usize, Option<String>)> = Vec::new();
        let (mut next, mut count) = (0, 0);
        pieces
            .read_each(|piece| {
                assert_eq!(piece.first_line, next, "pieces follow each other");
                next += piece.doc.outline().len();
                count += 1;
                let days = tracker.follow(&piece);
                for (session, day) in piece.doc.sessions().iter().zip(days) {
                    waiting.push(found.len());
                    found.push((
                        listed(session, piece.first_line + session.line(), None),
                        day,
                    ));
                }
                waiting.retain(|&i| match tracker.named(found[i].1) {
                    Some(day) => {
                        named.push((i, day.map(DayInfo::name)));
                        false
                    }
                    None => true,
                });
                Ok::<(), ()>(())
            })
            .ok()?;
        assert_eq!(next, whole.outline().len(), "the pieces cover every line");
        for (i, name) in named {
            assert_eq!(name, expected[i].4, "the day named early, {i}, of {src:?}");
        }
        let at_end: Vec<Listed> = found
            .into_iter()
            .map(|(mut s, day)| {
                s.4 = tracker.at_end(day).map(DayInfo::name);
                s
            })
            .collect();
        assert_eq!(at_end, expected, "{src:?}");
        Some(count)
    }

    #[test]
    fn the_days_are_followed_from_piece_to_piece() {
        let src = "My notes\nEarly talk, Bo Li\n  • x\nAnother early one\n  • y\n\
                   Day 1\nFirst talk\n  • a\nSecond talk\n  • b\n\
                   Friday keynote, Ann Lee\n  • c\nMore\n  • d\n\
                   Saturday\nSat talk\n  • e\nTalks I did not see\n  • Missed one\n\
                   Last\n  • f\nReally last\n  • g\n";
        let pieces = assert_all_pieces_read_as_the_whole(src, 1).expect("in pieces");
        assert!(pieces >= 4, "{pieces}");
    }

    #[test]
    fn a_file_of_indented_notes_is_cut_between_sessions() {
        let src = "My notes from PyCon 2014\n\
                   Talk one, Ann Lee\n  • a\n  • b\n\
                   Talk two, Bob Roe\n  • c\n\
                   Talk three\n  • d\n    ◦ e\n\
                   Talk four\n  • f\n";
        // The first piece runs to the second session, then one a session.
        assert_eq!(assert_pieces_read_as_the_whole(src, 1), Some(4));
    }

    #[test]
    fn a_piece_starts_only_after_a_heading_with_notes() {
        // "Ann Lee" names the speaker of the empty session above it: the piece
        // cannot start there, nor at the session after it.
        let src = "Title\nOne\n  • a\nTwo\nAnn Lee\n  • b\nThree\n  • c\nFour\n  • d\n";
        let heads = heads(src.as_bytes(), 1).expect("plain");
        let cuts = Cuts {
            src: src.as_bytes(),
            heads,
        };
        let resumes: Vec<usize> = (0..cuts.heads.len())
            .filter(|&k| cuts.resumes_at(k))
            .collect();
        assert_eq!(resumes, [4, 5]);
        assert_eq!(assert_pieces_read_as_the_whole(src, 1), Some(3));
    }

    #[test]
    fn speaker_lines_are_never_cut_at() {
        let src = "T\nA\n  • a\nB\n  • b\nSpeaker: Ann Lee\n  • c\nC\n  • d\nD\n  • e\n";
        let cuts = Cuts {
            src: src.as_bytes(),
            heads: heads(src.as_bytes(), 1).expect("plain"),
        };
        assert!(!cuts.resumes_at(3), "Speaker: line");
        assert!(cuts.resumes_at(4));
        assert_pieces_read_as_the_whole(src, 1);
    }

    #[test]
    fn files_the_quick_look_cannot_read_are_read_whole() {
        for src in [
            "---\ntitle: x\n---\nA\n  • a\nB\n  • b\nC\n  • c\n",
            "A\n  • a\n```\nB\n```\nC\n  • c\nD\n  • d\n",
            "A\n  • a\n----\nB\n  • b\nC\n  • c\nD\n  • d\n",
            "A\n  • a\nB\n===\n  • b\nC\n  • c\nD\n  • d\n",
            "A\n  ~~~\nB\n  ~~~\nC\n  • c\nD\n  • d\n",
            // Notes written unindented.
            "A\nB\nC\nD\n  • d\n",
        ] {
            assert!(
                heads(src.as_bytes(), 1).is_none()
                    || pieces(src.as_bytes(), &[0], &ReadOptions::default()).is_none(),
                "{src:?}"
            );
        }
    }

    #[test]
    fn lines_the_parser_reads_as_rules_or_blank_are_read_so() {
        // A rule after a no-break space is a rule, which divides the notes: read whole.
        let src = "T\nIntro\n  • x\nSecond\n  • w\nEmpty talk\n\u{a0}----\n  • stray\n\
                   Ann Lee\n  • y\nLast\n  • z\n";
        assert_eq!(heads(src.as_bytes(), 1), None);
        for src in [
            // A line of a vertical tab is blank, at the margin or under a heading.
            "T\nIntro\n  • x\nA\n  • a\n\x0b\n  • b\nB\n  • c\n",
            "T\nIntro\n  • x\nA\n  \x0b\nB\n  • c\nC\n  • d\n",
            "T\nIntro\n  • x\nA\n  • a\n\x0cB\n  • b\nC\n  • c\nD\n  • d\n",
        ] {
            assert_pieces_read_as_the_whole(src, 1);
        }
        let heads = heads(b"A\n  \x0b\n\x0b\nB\n  b\n", 1).expect("plain");
        assert_eq!(heads.len(), 2);
        assert!(!heads[0].notes && heads[1].notes);
    }

    #[test]
    fn headings_are_told_from_numbered_items_and_rules() {
        assert_eq!(is_heading(b"Decorators, Colton Myers"), Some(true));
        assert_eq!(is_heading(b"1. A numbered talk"), Some(false));
        assert_eq!(is_heading(b"- a bullet"), Some(false));
        assert_eq!(is_heading(b"# Friday"), Some(true));
        assert_eq!(is_heading(b"***"), None);
        assert_eq!(is_heading(b"--"), None);
    }

    #[test]
    fn newlines_are_found_across_blocks() {
        let mut src = vec![b'x'; 200];
        for at in [0, 63, 64, 127, 128, 199] {
            src[at] = b'\n';
        }
        assert_eq!(
            Newlines::of(&src).collect::<Vec<_>>(),
            [0, 63, 64, 127, 128, 199]
        );
        assert_eq!(Newlines::of(b"").count(), 0);
        assert_eq!(Newlines::of(b"a\nb").collect::<Vec<_>>(), [1]);
    }

    #[test]
    fn a_big_file_looked_at_on_two_cores_has_the_same_heads() {
        let mut src = String::new();
        for i in 0..200_000 {
            src.push_str(&format!("Session {i}\n  • a note\n\n"));
        }
        assert_eq!(heads(src.as_bytes(), 2), heads(src.as_bytes(), 1));
        assert!(heads(src.as_bytes(), 1).is_some_and(|h| h.len() == 200_000));
    }

    /// Unindented lines of plain notes, of the kinds the v1 rules tell apart.
    fn heading() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "Decorators, Colton Myers\n",
            "Keynote – Ann Lee\n",
            "Friday\n",
            "Day 2 — Saturday\n",
            "Day 1\n",
            "Sunday keynote, Ann Lee\n",
            "Speaker: Ann Lee\n",
            "Ann Lee\n",
            "Questions:\n",
            "Lunch\n",
            "Lightning Talks, Friday AM\n",
            "Talks I did not see, but looked good:\n",
            "1. A numbered talk\n",
            "2. Another talk, Bob Roe\n",
            "- a bullet at the margin\n",
            "Talks\n",
            "\x0b\n",
            "\u{a0}***\n",
            "\x0cA talk after a form feed\n",
        ])
    }

    /// Lines under them.
    fn note() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "  • a note\n",
            "    ◦ a sub-note\n",
            "  1. a numbered note\n",
            "  2. another numbered note\n",
            "  • Missed it, sadly\n",
            "\tnote after a tab\n",
            "  \x0b\n",
            "\n",
            "  \n",
        ])
    }

    /// Headings with notes under most of them.
    fn notes() -> impl Strategy<Value = String> {
        let block = (heading(), prop::collection::vec(note(), 0..4));
        prop::collection::vec(block, 0..30).prop_map(|blocks| {
            blocks
                .into_iter()
                .map(|(heading, notes)| format!("{heading}{}", notes.concat()))
                .collect()
        })
    }

    proptest! {
        #[test]
        fn pieces_read_as_the_whole_file(src in notes()) {
            assert_pieces_read_as_the_whole(&src, 1);
            assert_pieces_read_as_the_whole(&src, 2);
        }

        #[test]
        fn a_file_read_in_pieces_reads_as_the_whole(src in notes()) {
            assert_all_pieces_read_as_the_whole(&src, 1);
            assert_all_pieces_read_as_the_whole(&src, 2);
        }
    }
}
