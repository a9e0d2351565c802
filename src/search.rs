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
    prefilter: Option<regex::bytes::Regex>,
    states: bool,
}

impl<'s, 'd> Searcher<'s, 'd> {
    /// A search of `doc` for `pattern`; `case_insensitive` says whether `pattern` was
    /// built ignoring case, as the literals every match must contain are read from its
    /// source with the same flag.
    pub fn new(doc: &'d Document<'s>, pattern: &'d Regex, case_insensitive: bool) -> Self {
        Searcher {
            doc,
            pattern,
            prefilter: prefilter(pattern.as_str(), case_insensitive),
            states: false,
        }
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
        let Some(prefilter) = self.prefilter.as_ref().filter(|_| !states) else {
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
    pub fn search(&mut self, mut emit: impl FnMut(&Hit) -> io::Result<()>) -> io::Result<()> {
        let doc = self.doc;
        let outline = doc.outline();
        let mut session: Option<(usize, SessionInfo)> = None;
        let mut matches = Vec::new();
        let mut context: Vec<ContextLine> = Vec::new();
        for i in self.candidates() {
            if outline.line(i).is_blank() {
                continue;
            }
            let text = outline.text(i);
            matches.clear();
            matches.extend(
                self.pattern
                    .find_iter(&text)
                    .map(|m| m.range())
                    .filter(|r| !r.is_empty()),
            );
            let todo = self.states
                && doc.syntax() == Syntax::Org
                && outline.line(i).is_heading()
                && org::state(outline.content(i)) == Some("TODO");
            if matches.is_empty() && !todo && !self.pattern.is_match(&text) {
                continue;
            }
            let index = doc.session_of(i);
            if let Some(s) = index
                && session.as_ref().is_none_or(|(k, _)| *k != s)
            {
                let found = &doc.sessions()[s];
                let byline = found.byline();
                session = Some((
                    s,
                    SessionInfo {
                        line: found.line_number(),
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
                .zip(&context)
                .take_while(|(line, known)| known.line == LineNumber::of(**line))
                .count();
            context.truncate(shared);
            context.extend(path[shared..].iter().map(|&c| ContextLine {
                line: LineNumber::of(c),
                lead: &outline.content(c)[..outline.text_offset(c)],
                text: outline.text(c),
            }));
            emit(&Hit {
                line: LineNumber::of(i),
                lead: &outline.content(i)[..outline.text_offset(i)],
                text: &text,
                matches: &matches,
                session: index.and(session.as_ref().map(|(_, info)| info)),
                context: &context,
            })?;
        }
        Ok(())
    }
}

/// A regex for the literals every match of `pattern` contains, when there are few
/// enough of them; `None` means every line must be tried.
fn prefilter(pattern: &str, case_insensitive: bool) -> Option<regex::bytes::Regex> {
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
    let literals = match (prefixes, suffixes) {
        (Some(p), Some(s)) => {
            let shortest = |l: &Vec<Vec<u8>>| l.iter().map(Vec::len).min().unwrap_or(0);
            if (shortest(&s), usize::MAX - s.len()) > (shortest(&p), usize::MAX - p.len()) {
                s
            } else {
                p
            }
        }
        (p, s) => p.or(s)?,
    };
    let alternation: Vec<String> = literals
        .iter()
        .map(|l| l.iter().map(|b| format!("\\x{b:02x}")).collect::<String>())
        .collect();
    regex::bytes::RegexBuilder::new(&format!("(?-u:{})", alternation.join("|")))
        .unicode(false)
        .build()
        .ok()
}
