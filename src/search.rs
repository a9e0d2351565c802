//! grep: every line whose text matches, with its session and the lines above it.
//!
//! The document (the one reader) says which session a line is in and what is above
//! it; the search only finds the lines. Most lines are not hits, so it looks for the
//! pattern's literals in the raw bytes first (the regex crate's SIMD prefilters, as in
//! ripgrep), checks each candidate line with the real pattern, and only then asks the
//! document for the hit's session and context. What one hit decoded (its session, the
//! lines above it) is kept for the next.

use std::borrow::Cow;
use std::io;
use std::ops::Range;

use regex::Regex;
use regex_syntax::hir::literal::{ExtractKind, Extractor, Seq};

use crate::document::Document;
use crate::outline::syntax::org;
use crate::outline::{LineNumber, Syntax};

/// A line that matched, with what a printer needs to show it.
#[derive(Debug)]
pub struct Hit<'h> {
    /// A match, or a line shown around one (`-A`, `-B`, `-C`).
    pub kind: HitKind,
    /// Lines around hits are shown, and lines not shown lie between this one and the
    /// one shown before it (ripgrep prints `--` there).
    pub gap: bool,
    /// Its line number.
    pub line: LineNumber,
    /// Indentation and marker before the text, as in the file.
    pub lead: &'h [u8],
    /// The line's text (after indentation and marker, trailing whitespace trimmed).
    pub text: &'h str,
    /// Byte ranges of the matches in `text` (empty when the pattern matched only
    /// the empty string).
    pub matches: &'h [Range<usize>],
    /// The session the line is in, if any.
    pub session: Option<&'h SessionInfo>,
    /// The lines above the line inside its session, outermost first.
    pub context: &'h [ContextLine<'h>],
}

/// What a [`Hit`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HitKind {
    /// A line that matched (or, inverted, did not).
    Match,
    /// A line near a match, shown for context.
    Context,
}

/// A session, as much of it as a hit shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionInfo {
    /// The line number of its heading (or wishlist bullet).
    pub line: LineNumber,
    /// Its title.
    pub title: String,
    /// Its speakers.
    pub speakers: Vec<String>,
    /// Its handles.
    pub handles: Vec<String>,
}

/// A line above a hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContextLine<'s> {
    /// Its line number.
    pub line: LineNumber,
    /// Indentation and marker, as in the file.
    pub lead: &'s [u8],
    /// Its text.
    pub text: Cow<'s, str>,
}

/// A search of one document for a pattern.
pub struct Searcher<'s, 'd> {
    doc: &'d Document<'s>,
    pattern: &'d Regex,
    prefilter: Cow<'d, Prefilter>,
    states: bool,
    invert: bool,
    max_count: Option<usize>,
    before: usize,
    after: usize,
    /// The document is a piece of a file that starts at this line.
    first_line: usize,
}

impl<'s, 'd> Searcher<'s, 'd> {
    /// A search of `doc` for `pattern`; `case_insensitive` says whether `pattern` was
    /// built ignoring case, as the literals every match must contain are read from its
    /// source with the same flag.
    pub fn new(doc: &'d Document<'s>, pattern: &'d Regex, case_insensitive: bool) -> Self {
        Searcher {
            prefilter: Cow::Owned(Prefilter::new(pattern, case_insensitive)),
            ..Searcher::new_unfiltered(doc, pattern)
        }
    }

    /// A search with a prefilter made once for many documents.
    pub fn with_prefilter(
        doc: &'d Document<'s>,
        pattern: &'d Regex,
        prefilter: &'d Prefilter,
    ) -> Self {
        Searcher {
            prefilter: Cow::Borrowed(prefilter),
            ..Searcher::new_unfiltered(doc, pattern)
        }
    }

    fn new_unfiltered(doc: &'d Document<'s>, pattern: &'d Regex) -> Self {
        Searcher {
            doc,
            pattern,
            prefilter: Cow::Owned(Prefilter(None)),
            states: false,
            invert: false,
            max_count: None,
            before: 0,
            after: 0,
            first_line: 0,
        }
    }

    /// The document is a piece of a file ([`crate::document::pieces`]) that starts at
    /// line `first_line`: hits and their sessions are numbered as in the file.
    pub fn piece_at(mut self, first_line: usize) -> Self {
        self.first_line = first_line;
        self
    }

    /// The lines that do not match, instead (`-v`); blank lines are never hits.
    pub fn inverted(mut self) -> Self {
        self.invert = true;
        self
    }

    /// Stop after this many matches (`-m`).
    pub fn max_count(mut self, max: Option<usize>) -> Self {
        self.max_count = max;
        self
    }

    /// Also show up to `before` and `after` lines around each match, at its level or
    /// below and inside its session, as [`HitKind::Context`] hits.
    pub fn context(mut self, before: usize, after: usize) -> Self {
        self.before = before;
        self.after = after;
        self
    }

    /// Headings in an open org-mode TODO state match too (for `notes todo`).
    pub fn with_states(mut self) -> Self {
        self.states = true;
        self
    }

    /// The lines that may match, in order: those holding one of the pattern's
    /// literals, or every line.
    fn candidates(&self) -> Vec<usize> {
        let outline = self.doc.outline();
        let states = self.states && self.doc.syntax() == Syntax::Org;
        let Some(prefilter) = self
            .prefilter
            .0
            .as_ref()
            .filter(|_| !states && !self.invert)
        else {
            return (0..outline.len()).collect();
        };
        let src = outline.src();
        let lines = outline.lines();
        let mut found = Vec::new();
        let mut at = 0;
        while let Some(m) = prefilter.find_at(src, at) {
            let line = lines
                .partition_point(|l| l.start() <= m.start())
                .saturating_sub(1);
            found.push(line);
            at = lines.get(line + 1).map_or(src.len(), |l| l.start());
            if at >= src.len() {
                break;
            }
        }
        found
    }

    /// Calls `emit` with every line whose text matches, in file order.
    pub fn search(&mut self, emit: impl FnMut(&Hit) -> io::Result<()>) -> io::Result<()> {
        self.search_kept(|_| true, emit)
    }

    /// Calls `emit` with every line whose text matches and that `keep` keeps, in file
    /// order, with the lines around it when [`Searcher::context`] asks for them.
    pub fn search_kept(
        &mut self,
        keep: impl Fn(&Hit) -> bool,
        mut emit: impl FnMut(&Hit) -> io::Result<()>,
    ) -> io::Result<()> {
        let doc = self.doc;
        let outline = doc.outline();
        let mut lines = Lines {
            first_line: self.first_line,
            ..Lines::default()
        };
        let mut matches = Vec::new();
        // Lines after the last match still to show, and the last line shown.
        let mut pending: Vec<usize> = Vec::new();
        let mut shown: Option<usize> = None;
        let mut found = 0;
        for i in self.candidates() {
            if self.max_count.is_some_and(|max| found >= max) {
                break;
            }
            if outline.line(i).is_blank() {
                continue;
            }
            let text = outline.text(i);
            matches.clear();
            if !self.invert {
                matches.extend(
                    self.pattern
                        .find_iter(&text)
                        .map(|m| m.range())
                        .filter(|r| !r.is_empty()),
                );
            }
            let todo = self.states
                && doc.syntax() == Syntax::Org
                && outline.line(i).is_heading()
                && org::state(outline.content(i)) == Some("TODO");
            let hit = if self.invert {
                !self.pattern.is_match(&text)
            } else {
                !matches.is_empty() || todo || self.pattern.is_match(&text)
            };
            if !hit {
                continue;
            }
            if self.before == 0 && pending.is_empty() {
                // Nothing to show before the match: keep and show it in one go.
                let gap = self.gap(shown, i);
                let shown_now =
                    lines.with(doc, i, (HitKind::Match, gap), &text, &matches, |hit| {
                        keep(hit).then(|| emit(hit)).transpose()
                    })?;
                if shown_now.is_none() {
                    continue;
                }
            } else {
                let unshown = (HitKind::Match, false);
                if !lines.with(doc, i, unshown, &text, &matches, |hit| keep(hit)) {
                    continue;
                }
                // What is due first: the last match's lines after, this one's before.
                let mut due: Vec<usize> = pending.iter().copied().filter(|&c| c < i).collect();
                pending.retain(|&c| c > i);
                due.extend(doc.around(i, self.before, 0).0);
                due.sort_unstable();
                due.dedup();
                for c in due.into_iter().filter(|&c| c < i) {
                    let gap = self.gap(shown, c);
                    show_context(&mut lines, doc, (c, gap), &mut shown, &mut emit)?;
                }
                let gap = self.gap(shown, i);
                lines.with(doc, i, (HitKind::Match, gap), &text, &matches, |hit| {
                    emit(hit)
                })?;
            }
            found += 1;
            shown = Some(i);
            if self.after > 0 {
                pending.extend(doc.around(i, 0, self.after).1);
                pending.sort_unstable();
                pending.dedup();
            }
        }
        for c in pending {
            let gap = self.gap(shown, c);
            show_context(&mut lines, doc, (c, gap), &mut shown, &mut emit)?;
        }
        Ok(())
    }

    /// With lines around hits shown, whether a line that is not shown lies between the
    /// last line shown and line `i`.
    fn gap(&self, shown: Option<usize>, i: usize) -> bool {
        let outline = self.doc.outline();
        (self.before > 0 || self.after > 0)
            && shown.is_some_and(|s| (s + 1..i).any(|l| !outline.line(l).is_blank()))
    }
}

/// Shows line `c` as context (after a `gap`), unless a line at or after it was shown
/// already.
fn show_context<'s>(
    lines: &mut Lines<'s>,
    doc: &Document<'s>,
    (c, gap): (usize, bool),
    shown: &mut Option<usize>,
    emit: &mut impl FnMut(&Hit) -> io::Result<()>,
) -> io::Result<()> {
    if shown.is_some_and(|s| c <= s) {
        return Ok(());
    }
    *shown = Some(c);
    let text = doc.outline().text(c);
    lines.with(doc, c, (HitKind::Context, gap), &text, &[], |hit| emit(hit))
}

/// What hits in a row share: the session of the last, and the lines above it, decoded
/// once.
#[derive(Debug, Default)]
struct Lines<'s> {
    session: Option<(usize, SessionInfo)>,
    context: Vec<ContextLine<'s>>,
    /// What line `0` of the document is in the file.
    first_line: usize,
}

impl<'s> Lines<'s> {
    /// Calls `f` with line `i` of `doc` as a hit.
    fn with<T>(
        &mut self,
        doc: &Document<'s>,
        i: usize,
        (kind, gap): (HitKind, bool),
        text: &str,
        matches: &[Range<usize>],
        f: impl FnOnce(&Hit) -> T,
    ) -> T {
        let outline = doc.outline();
        let number = |line: usize| LineNumber::of(self.first_line + line);
        let index = doc.session_of(i);
        if let Some(s) = index
            && self.session.as_ref().is_none_or(|(k, _)| *k != s)
        {
            let found = &doc.sessions()[s];
            let byline = found.byline();
            self.session = Some((
                s,
                SessionInfo {
                    line: number(found.line()),
                    title: byline.title.to_string(),
                    speakers: byline.speakers.iter().map(|s| s.to_string()).collect(),
                    handles: byline.handles.iter().map(|s| s.to_string()).collect(),
                },
            ));
        }
        // Hits in a row share most of their ancestors: decode each line once.
        let path = doc.context(i);
        let shared = path
            .iter()
            .zip(&self.context)
            .take_while(|(line, known)| known.line == number(**line))
            .count();
        self.context.truncate(shared);
        self.context
            .extend(path[shared..].iter().map(|&c| ContextLine {
                line: number(c),
                lead: &outline.content(c)[..outline.text_offset(c)],
                text: outline.text(c),
            }));
        f(&Hit {
            kind,
            gap,
            line: number(i),
            lead: &outline.content(i)[..outline.text_offset(i)],
            text,
            matches,
            session: index.and(self.session.as_ref().map(|(_, info)| info)),
            context: &self.context,
        })
    }
}

/// The literals every match of a pattern contains, looked for in the raw bytes before
/// any line is: a file without them has no hit.
#[derive(Debug, Clone)]
pub struct Prefilter(Option<regex::bytes::Regex>);

impl Prefilter {
    /// The prefilter of `pattern`, built ignoring case when `case_insensitive` (as the
    /// literals are read from its source with the same flag).
    pub fn new(pattern: &Regex, case_insensitive: bool) -> Prefilter {
        Prefilter(prefilter(pattern.as_str(), case_insensitive))
    }

    /// False when no line of `src` can match, so the file need not be read.
    pub fn may_match(&self, src: &[u8]) -> bool {
        self.0.as_ref().is_none_or(|p| p.is_match(src))
    }

    /// Places in `src`, in order, such that every line on which the pattern matches
    /// holds one: where each of the literals starts, and the start of every further
    /// line a literal runs into (a literal may hold a line end: `\nFoo` starts on the
    /// line before the one it finds). `None` when the pattern has no literals to look
    /// for.
    pub fn candidates(&self, src: &[u8]) -> Option<Vec<usize>> {
        let p = self.0.as_ref()?;
        let mut at = Vec::new();
        for m in p.find_iter(src) {
            at.push(m.start());
            let found = &src[m.start()..m.end()];
            at.extend(
                memchr::memchr_iter(b'\n', found)
                    .map(|nl| m.start() + nl + 1)
                    .filter(|&next| next < m.end()),
            );
        }
        Some(at)
    }
}

/// A regex for the literals every match of `pattern` contains, when there are few
/// enough of them; `None` means every line must be tried.
fn prefilter(pattern: &str, case_insensitive: bool) -> Option<regex::bytes::Regex> {
    // Ignoring case, the literals of the pattern read with case are each looked for
    // ignoring case (every match ignoring case is a match with case of the same text
    // folded, so it holds one of them folded): the case variants of the pattern's
    // literals are too many to look for whole, and their short prefixes find many more
    // lines than match.
    if case_insensitive
        && let Some(literals) = literals(pattern, false)
        && let Ok(texts) = literals
            .iter()
            .map(|l| std::str::from_utf8(l))
            .collect::<Result<Vec<&str>, _>>()
    {
        let alternation: Vec<String> = texts.iter().map(|t| regex_syntax::escape(t)).collect();
        return regex::bytes::RegexBuilder::new(&alternation.join("|"))
            .case_insensitive(true)
            .build()
            .ok();
    }
    let literals = literals(pattern, case_insensitive)?;
    let alternation: Vec<String> = literals
        .iter()
        .map(|l| l.iter().map(|b| format!("\\x{b:02x}")).collect::<String>())
        .collect();
    regex::bytes::RegexBuilder::new(&format!("(?-u:{})", alternation.join("|")))
        .unicode(false)
        .build()
        .ok()
}

/// The literals one of which every match of `pattern` holds, when there are few
/// enough of them: its prefixes or its suffixes, whichever are longer.
fn literals(pattern: &str, case_insensitive: bool) -> Option<Vec<Vec<u8>>> {
    let hir = regex_syntax::ParserBuilder::new()
        .case_insensitive(case_insensitive)
        .build()
        .parse(pattern)
        .ok()?;
    let usable = |mut seq: Seq, prefix: bool| -> Option<Vec<Vec<u8>>> {
        if prefix {
            seq.optimize_for_prefix_by_preference();
        } else {
            seq.optimize_for_suffix_by_preference();
        }
        let literals = seq.literals()?;
        let ok = !literals.is_empty()
            && literals.len() <= 64
            && literals.iter().all(|l| !l.as_bytes().is_empty());
        ok.then(|| literals.iter().map(|l| l.as_bytes().to_vec()).collect())
    };
    let prefixes = usable(
        Extractor::new().kind(ExtractKind::Prefix).extract(&hir),
        true,
    );
    let suffixes = usable(
        Extractor::new().kind(ExtractKind::Suffix).extract(&hir),
        false,
    );
    match (prefixes, suffixes) {
        (Some(p), Some(s)) => {
            let shortest = |l: &Vec<Vec<u8>>| l.iter().map(Vec::len).min().unwrap_or(0);
            if (shortest(&s), usize::MAX - s.len()) > (shortest(&p), usize::MAX - p.len()) {
                Some(s)
            } else {
                Some(p)
            }
        }
        (p, s) => p.or(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidates(pattern: &str, case_insensitive: bool, src: &str) -> Option<Vec<usize>> {
        let regex = regex::RegexBuilder::new(pattern)
            .case_insensitive(case_insensitive)
            .build()
            .expect("pattern");
        Prefilter::new(&regex, case_insensitive).candidates(src.as_bytes())
    }

    #[test]
    fn ignoring_case_the_whole_literal_is_looked_for() {
        let src = "December\nDECORATOR\ndecorations\nDecorator\n";
        assert_eq!(candidates("decorator", true, src), Some(vec![9, 31]));
        assert_eq!(candidates("decorator", false, src), Some(vec![]));
    }

    #[test]
    fn ignoring_case_finds_what_unicode_folds_to_the_letters() {
        // The Kelvin sign folds to k, and the long s to s, as the pattern's matching has it.
        let src = "\u{212A}ernel\npasſ\n";
        assert_eq!(candidates("kernel", true, src), Some(vec![0]));
        assert_eq!(candidates("pass", true, src), Some(vec![9]));
        let pattern = regex::RegexBuilder::new("pass")
            .case_insensitive(true)
            .build();
        assert!(pattern.is_ok_and(|p| p.is_match("pasſ")));
    }

    #[test]
    fn a_pattern_without_literals_has_no_prefilter() {
        assert_eq!(candidates(".", true, "a\n"), None);
        assert_eq!(candidates(r"\w+", false, "a\n"), None);
    }
}
