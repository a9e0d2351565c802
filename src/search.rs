//! grep without reading the whole document.
//!
//! A hit needs its session and the bullets above it, but most lines are not hits, so
//! the search works the other way round from the document reader: it looks for the
//! pattern's literals in the raw bytes first (the regex crate's SIMD prefilters, as in
//! ripgrep), checks each candidate line with the real pattern, and only then works out
//! the hit's ancestors by walking back from it. What one hit resolved (its chain of open
//! lines, the roles of headings) is kept for the next, so dense hits cost a short walk
//! each and sparse ones a walk to their session's heading.
//!
//! Fenced blocks and front matter change what a line is and need state from the start
//! of the file, so their regions are found first, in one pass over the few bytes that
//! can open or close them.
//!
//! The rules are the document reader's ([`crate::document`]): a test checks that every
//! hit gets the session and context the full document gives it.

use std::borrow::Cow;
use std::io;
use std::ops::Range;

use regex::Regex;
use regex_syntax::hir::literal::{ExtractKind, Extractor, Seq};

use crate::document::rules::{self, Before, HeadingRole};
use crate::document::{Document, SpeakerProbe};
use crate::outline::syntax::{is_thematic_break, setext_underline};
use crate::outline::{
    BOM, Kind, Scanned, Shape, Sink, Syntax, Verbatim, after_indent, closes_verbatim,
    opens_front_matter, opens_verbatim, scan, shape, verbatim_shape,
};

/// A line that matched, with what a printer needs to show it.
#[derive(Debug)]
pub struct Hit<'h> {
    /// 1-based line number.
    pub line: usize,
    /// Indentation and marker before the text, as in the file.
    pub lead: &'h [u8],
    /// The line's text (after indentation and marker, trailing whitespace trimmed).
    pub text: &'h str,
    /// Byte ranges of the matches in `text` (empty when the pattern matched only
    /// the empty string).
    pub matches: &'h [Range<usize>],
    /// The session the line is in, if any.
    pub session: Option<&'h SessionInfo>,
    /// The bullets above the line inside its session, outermost first.
    pub context: &'h [ContextLine<'h>],
}

/// A session, as much of it as a hit shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionInfo {
    /// 1-based line number of its heading (or wishlist bullet).
    pub line: usize,
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
    /// 1-based line number.
    pub line: usize,
    /// Indentation and marker, as in the file.
    pub lead: &'s [u8],
    /// Its text.
    pub text: Cow<'s, str>,
}

/// An open line: a heading or a bullet that later lines may nest under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Node<'s> {
    /// Its text, once decoded (it is valid UTF-8 when set).
    decoded: Option<&'s str>,
    /// Byte offset of the line.
    start: usize,
    /// 1-based line number.
    number: usize,
    /// Indentation column; -1 for a heading.
    column: i64,
    /// Byte ranges (in the source) of the lead and the text.
    lead: (usize, usize),
    text: (usize, usize),
}

impl Node<'_> {
    fn is_heading(&self) -> bool {
        self.column < 0
    }
}

/// What a heading is to the document reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Title,
    Separator,
    Day,
    Wishlist,
    Note,
    Session,
}

/// What a hit's session depends on: its root heading, or the wishlist bullet it is under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    None,
    Root(usize),
    Item(usize),
}

/// The roles of the last heading resolved, to carry on from.
#[derive(Debug, Clone, Copy)]
struct Resolved<'s> {
    heading: Node<'s>,
    role: Role,
    /// The reader's "last session has nothing under it yet" after this heading.
    open_and_empty: bool,
    /// The last session heading at or before this one.
    session: Option<Node<'s>>,
}

/// A search of one file: byte first for the plain outline, line by line through the
/// document for the other syntaxes (their headings and paragraphs need the whole file
/// read before a line can be placed).
pub enum Search<'s, 'd> {
    /// The byte-first search.
    Bytes(Box<Searcher<'d>>),
    /// The search through a document.
    Document(DocumentSearch<'s, 'd>),
}

impl<'s, 'd> Search<'s, 'd> {
    /// Calls `emit` with every line whose text matches, in file order.
    pub fn search(&mut self, emit: impl FnMut(&Hit) -> io::Result<()>) -> io::Result<()> {
        match self {
            Search::Bytes(searcher) => searcher.search(emit),
            Search::Document(search) => search.search(emit),
        }
    }
}

/// Searches a document line by line. For the plain outline it finds exactly what
/// [`Searcher`] finds (a test holds them to it); for the other syntaxes it is the search.
pub struct DocumentSearch<'s, 'd> {
    doc: &'d Document<'s>,
    pattern: &'d Regex,
    states: bool,
}

impl<'s, 'd> DocumentSearch<'s, 'd> {
    /// A search of `doc` for `pattern`. With `states`, headings in an open org-mode
    /// TODO state match too (for `notes todo`).
    pub fn new(doc: &'d Document<'s>, pattern: &'d Regex, states: bool) -> Self {
        DocumentSearch {
            doc,
            pattern,
            states,
        }
    }

    /// Calls `emit` with every line whose text matches, in file order.
    pub fn search(&mut self, mut emit: impl FnMut(&Hit) -> io::Result<()>) -> io::Result<()> {
        let doc = self.doc;
        let outline = doc.outline();
        let mut session: Option<(usize, SessionInfo)> = None;
        let mut matches = Vec::new();
        let mut context: Vec<ContextLine> = Vec::new();
        for i in 0..outline.len() {
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
                && outline.line(i).is_heading()
                && crate::outline::syntax::org::state(outline.content(i)) == Some("TODO")
                && doc.syntax() == crate::outline::Syntax::Org;
            if matches.is_empty() && !todo && !self.pattern.is_match(&text) {
                continue;
            }
            let index = doc.session_of(i);
            if let Some(s) = index
                && session.as_ref().is_none_or(|(k, _)| *k != s)
            {
                let found = &doc.sessions()[s];
                session = Some((s, info(found.line_number(), &found.byline())));
            }
            // Hits in a row share most of their ancestors: decode each line once.
            let path = doc.context(i);
            let shared = path
                .iter()
                .zip(&context)
                .take_while(|(line, known)| known.line == **line + 1)
                .count();
            context.truncate(shared);
            context.extend(path[shared..].iter().map(|&c| ContextLine {
                line: c + 1,
                lead: &outline.content(c)[..outline.text_offset(c)],
                text: outline.text(c),
            }));
            emit(&Hit {
                line: i + 1,
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

/// Searches one file's bytes for a pattern.
pub struct Searcher<'s> {
    src: &'s [u8],
    pattern: &'s Regex,
    prefilter: Option<regex::bytes::Regex>,
    /// Byte ranges of the lines inside fenced blocks and front matter, in order.
    verbatim: Vec<Range<usize>>,
    /// The document title's line start, once known.
    title: Option<Option<usize>>,
    /// Open lines after the last hit, root first, and where that hit's line ended.
    chain: Vec<Node<'s>>,
    chain_end: usize,
    /// The open lines above the hit being resolved (reused from hit to hit).
    found: Vec<Node<'s>>,
    context: Vec<ContextLine<'s>>,
    /// Line counting: the line number of the line starting at `counted`.
    counted: usize,
    number: usize,
    resolved: Option<Resolved<'s>>,
    /// The session of the last hit, and what it was found for.
    session: Option<(Key, Option<SessionInfo>)>,
    matches: Vec<Range<usize>>,
}

impl<'s> Searcher<'s> {
    /// A searcher for `pattern` in `src`; `case_insensitive` says whether `pattern` was
    /// built ignoring case, as the literals every match must contain are read from its
    /// source with the same flag.
    pub fn new(src: &'s [u8], pattern: &'s Regex, case_insensitive: bool) -> Searcher<'s> {
        Searcher {
            src,
            pattern,
            prefilter: prefilter(pattern.as_str(), case_insensitive),
            verbatim: verbatim_regions(src),
            title: None,
            chain: Vec::new(),
            chain_end: 0,
            found: Vec::new(),
            context: Vec::new(),
            counted: 0,
            number: 1,
            resolved: None,
            session: None,
            matches: Vec::new(),
        }
    }

    /// Calls `emit` with every line whose text matches, in file order.
    pub fn search(&mut self, mut emit: impl FnMut(&Hit) -> io::Result<()>) -> io::Result<()> {
        let src = self.src;
        let mut at = 0;
        while at < src.len() {
            let start = match &self.prefilter {
                Some(prefilter) => match prefilter.find_at(src, at) {
                    Some(m) => memchr::memrchr(b'\n', &src[..m.start()]).map_or(0, |p| p + 1),
                    None => break,
                },
                None => at,
            };
            let end = line_end(src, start);
            self.line(start, end, &mut emit)?;
            at = end;
        }
        Ok(())
    }

    /// The line number of the line starting at `start` (at or after the last counted).
    fn count_to(&mut self, start: usize) -> usize {
        self.number += memchr::memchr_iter(b'\n', &self.src[self.counted..start]).count();
        self.counted = start;
        self.number
    }

    fn in_verbatim(&self, start: usize) -> bool {
        let i = self.verbatim.partition_point(|r| r.end <= start);
        self.verbatim.get(i).is_some_and(|r| r.start <= start)
    }

    /// The body (without terminator or BOM) of the line at `start..end`, its offset,
    /// and its shape.
    fn classify(&self, start: usize, end: usize) -> (usize, Shape) {
        let (body_start, body) = self.body(start, end);
        let shape = if self.in_verbatim(start) {
            verbatim_shape(body)
        } else if setext_underline(body).is_some() && self.underlines(start) {
            let mut shape = verbatim_shape(body);
            shape.kind = Kind::Meta;
            shape
        } else {
            shape(body)
        };
        (body_start, shape)
    }

    /// The line at `start..end` without its terminator (or the BOM on line 1), and where
    /// that starts.
    fn body(&self, start: usize, end: usize) -> (usize, &'s [u8]) {
        let body_start = if start == 0 && self.src.starts_with(BOM) {
            BOM.len().min(end)
        } else {
            start
        };
        let mut body_end = end;
        if body_end > body_start && self.src[body_end - 1] == b'\n' {
            body_end -= 1;
            if body_end > body_start && self.src[body_end - 1] == b'\r' {
                body_end -= 1;
            }
        }
        (body_start, &self.src[body_start..body_end])
    }

    /// True when the line before the one at `start` is plain text at column 0 that a
    /// setext underline makes a heading (the line at `start` being one).
    fn underlines(&self, start: usize) -> bool {
        if start == 0 {
            return false;
        }
        let prev = memchr::memrchr(b'\n', &self.src[..start - 1]).map_or(0, |p| p + 1);
        if self.in_verbatim(prev) {
            return false;
        }
        let (_, body) = self.body(prev, start);
        shape(body).kind == (Kind::Heading { level: 0 })
            && !is_thematic_break(body)
            && setext_underline(body).is_none()
    }

    fn node(&self, start: usize, number: usize, body_start: usize, shape: &Shape) -> Node<'s> {
        Node {
            decoded: None,
            start,
            number,
            column: match shape.kind {
                Kind::Heading { .. } => -1,
                _ => i64::from(shape.column),
            },
            lead: (body_start, body_start + shape.text.0),
            text: (body_start + shape.text.0, body_start + shape.text.1),
        }
    }

    fn line(
        &mut self,
        start: usize,
        end: usize,
        emit: &mut impl FnMut(&Hit) -> io::Result<()>,
    ) -> io::Result<()> {
        let (body_start, shape) = self.classify(start, end);
        if shape.kind == Kind::Blank {
            return Ok(());
        }
        let text = decode(&self.src[body_start + shape.text.0..body_start + shape.text.1]);
        self.matches.clear();
        self.matches.extend(
            self.pattern
                .find_iter(&text)
                .map(|m| m.range())
                .filter(|r| !r.is_empty()),
        );
        if self.matches.is_empty() && !self.pattern.is_match(&text) {
            return Ok(());
        }
        let number = self.count_to(start);
        let this = self.node(start, number, body_start, &shape);
        self.ancestors(&this, shape.kind);
        let (root, item) = session_nodes(&self.found, &this, shape.kind);
        let below = self.session_info(root, item);
        self.context.clear();
        for node in &self.found {
            if !node.is_heading() && below.is_none_or(|b| node.start > b) {
                self.context.push(ContextLine {
                    line: node.number,
                    lead: &self.src[node.lead.0..node.lead.1],
                    text: node.decoded.map_or_else(
                        || String::from_utf8_lossy(&self.src[node.text.0..node.text.1]),
                        Cow::Borrowed,
                    ),
                });
            }
        }
        emit(&Hit {
            line: number,
            lead: &self.src[body_start..body_start + shape.text.0],
            text: &text,
            matches: &self.matches,
            session: self.session.as_ref().and_then(|(_, info)| info.as_ref()),
            context: &self.context,
        })?;
        std::mem::swap(&mut self.chain, &mut self.found);
        if matches!(shape.kind, Kind::Heading { .. } | Kind::Bullet(_)) {
            self.chain.push(this);
        }
        self.chain_end = end;
        Ok(())
    }

    /// The open lines above `this`, root first, into `self.found`: walk back to the last
    /// hit, then carry on from what it left open.
    fn ancestors(&mut self, this: &Node<'s>, kind: Kind) {
        self.found.clear();
        if matches!(kind, Kind::Heading { .. }) {
            return;
        }
        // A bullet's parent is the nearest line above with a smaller column; a text
        // line's is the nearest bullet or heading.
        let mut column = match kind {
            Kind::Bullet(_) => this.column,
            _ => i64::MAX,
        };
        let (mut pos, mut number) = (this.start, this.number);
        let mut rooted = false;
        while pos > self.chain_end {
            let end = pos;
            pos = memchr::memrchr(b'\n', &self.src[..end - 1]).map_or(0, |p| p + 1);
            number -= 1;
            let (body_start, shape) = self.classify(pos, end);
            let heading = matches!(shape.kind, Kind::Heading { .. });
            let bullet = matches!(shape.kind, Kind::Bullet(_));
            if heading || (bullet && i64::from(shape.column) < column) {
                let mut node = self.node(pos, number, body_start, &shape);
                node.decoded = std::str::from_utf8(&self.src[node.text.0..node.text.1]).ok();
                column = node.column;
                self.found.push(node);
                if heading {
                    rooted = true;
                    break;
                }
            }
        }
        if !rooted {
            for node in self.chain.iter().rev() {
                if node.is_heading() {
                    self.found.push(*node);
                    break;
                }
                if node.column < column {
                    column = node.column;
                    self.found.push(*node);
                }
            }
        }
        self.found.reverse();
    }

    /// Finds the session of a hit under root heading `root` (and top-level bullet
    /// `item`) into `self.session`, and returns the offset of the line the session
    /// starts at when that is the root or the item (context lies below it).
    fn session_info(&mut self, root: Option<Node<'s>>, item: Option<Node<'s>>) -> Option<usize> {
        let Some(root) = root else {
            self.session = Some((Key::None, None));
            return None;
        };
        let role = self.role(root).role;
        let key = match (role, item) {
            (Role::Wishlist, Some(item)) => Key::Item(item.start),
            (Role::Wishlist, None) => Key::None,
            _ => Key::Root(root.start),
        };
        if self.session.as_ref().is_none_or(|(k, _)| *k != key) {
            let info = self.resolve_session(root, role, item);
            self.session = Some((key, info));
        }
        let found = self
            .session
            .as_ref()
            .is_some_and(|(_, info)| info.is_some());
        match key {
            Key::Item(start) | Key::Root(start) if found => Some(start),
            _ => None,
        }
    }

    fn resolve_session(
        &mut self,
        root: Node<'s>,
        role: Role,
        item: Option<Node<'s>>,
    ) -> Option<SessionInfo> {
        let heading = match role {
            Role::Session | Role::Note => self.role(root).session?,
            Role::Wishlist => {
                let item = item?;
                let text = self.text(&item);
                let byline = rules::byline(rules::wishlist_title(&text));
                return Some(info(item.number, &byline));
            }
            Role::Separator => self.session_before(root)?,
            Role::Title | Role::Day => return None,
        };
        let text = self.text(&heading);
        let mut byline = rules::byline(rules::strip_enumerator(&text));
        let noted = self.noted_speakers(&heading, !byline.speakers.is_empty());
        if let Some(names) = &noted {
            byline.speakers = rules::split_names(names);
        }
        Some(info(heading.number, &byline))
    }

    /// The speakers the lines under a session heading give, as the document reader
    /// finds them: a `speaker:` line or a name line under the heading, or a heading
    /// right after it that only names people.
    fn noted_speakers(&self, heading: &Node<'s>, named: bool) -> Option<String> {
        // Most sessions start with a line that can name nobody: no colon, no capital.
        let mut at = line_end(self.src, heading.start);
        while at < self.src.len() {
            let end = line_end(self.src, at);
            let (body_start, shape) = self.classify(at, end);
            match shape.kind {
                Kind::Blank | Kind::Meta => at = end,
                Kind::Heading { .. } => break,
                _ => {
                    let text = &self.src[body_start + shape.text.0..body_start + shape.text.1];
                    // Without a colon, a first line that names nobody ends the probe.
                    let names =
                        SpeakerProbe::may_name(text) && rules::name_line(&decode(text)).is_some();
                    if memchr::memchr(b':', text).is_none() && !names {
                        return None;
                    }
                    break;
                }
            }
        }
        let mut lines = 4;
        loop {
            let end = (0..lines)
                .try_fold(heading.start, |at, _| {
                    memchr::memchr(b'\n', &self.src[at..]).map(|p| at + p + 1)
                })
                .unwrap_or(self.src.len());
            let mut probe = Probe {
                src: &self.src[heading.start..end],
                probe: SpeakerProbe::new(0),
                next_heading: None,
            };
            scan(probe.src, Syntax::Outline, &mut probe);
            if probe.probe.done() || end == self.src.len() {
                if let Some(names) = probe.probe.speakers(|| named) {
                    return Some(names.to_string());
                }
                let next = probe.next_heading.filter(|_| !named)?;
                return rules::speaker_label(&next)
                    .or_else(|| rules::name_line(&next))
                    .map(String::from);
            }
            lines *= 4;
        }
    }

    /// For lines under a separator: the session of the heading before it, if that
    /// session is still being read.
    fn session_before(&mut self, separator: Node<'s>) -> Option<Node<'s>> {
        let mut pos = separator.start;
        let mut number = separator.number;
        while pos > 0 {
            let end = pos;
            pos = memchr::memrchr(b'\n', &self.src[..end - 1]).map_or(0, |p| p + 1);
            number -= 1;
            let (body_start, shape) = self.classify(pos, end);
            if let Kind::Heading { .. } = shape.kind {
                let node = self.node(pos, number, body_start, &shape);
                let resolved = self.role(node);
                return match resolved.role {
                    Role::Session | Role::Note => resolved.session,
                    Role::Separator => self.session_before(node),
                    _ => None,
                };
            }
        }
        None
    }

    fn text(&self, node: &Node<'s>) -> Cow<'s, str> {
        node.decoded.map_or_else(
            || decode(&self.src[node.text.0..node.text.1]),
            Cow::Borrowed,
        )
    }

    /// The document title's line start, if the file has a title.
    fn title(&mut self) -> Option<usize> {
        if let Some(title) = self.title {
            return title;
        }
        let mut first: Option<Node<'s>> = None;
        let mut title = None;
        let (mut pos, mut number) = (0, 1);
        while pos < self.src.len() {
            let end = line_end(self.src, pos);
            let (body_start, shape) = self.classify(pos, end);
            if !matches!(shape.kind, Kind::Blank | Kind::Meta) {
                let heading = matches!(shape.kind, Kind::Heading { .. });
                match first {
                    None if heading => first = Some(self.node(pos, number, body_start, &shape)),
                    None => {}
                    Some(candidate) => {
                        let is_title = rules::is_title(&self.text(&candidate), heading);
                        title = is_title.then_some(candidate.start);
                        break;
                    }
                }
            }
            pos = end;
            number += 1;
        }
        self.title = Some(title);
        title
    }

    /// What heading `heading` is to the reader: walk back over the headings right
    /// before it (with only blank lines between) and replay the reader's rules on
    /// them, from the last heading resolved when it is among them.
    fn role(&mut self, heading: Node<'s>) -> Resolved<'s> {
        if let Some(resolved) = self.resolved
            && resolved.heading.start == heading.start
        {
            return resolved;
        }
        let title = self.title();
        let mut chain = vec![heading];
        let mut state = (false, None);
        let (mut pos, mut number) = (heading.start, heading.number);
        loop {
            if pos == 0 {
                break;
            }
            let end = pos;
            pos = memchr::memrchr(b'\n', &self.src[..end - 1]).map_or(0, |p| p + 1);
            number -= 1;
            let (body_start, shape) = self.classify(pos, end);
            match shape.kind {
                Kind::Blank | Kind::Meta => continue,
                Kind::Heading { .. } => {
                    if let Some(resolved) = self.resolved
                        && resolved.heading.start == pos
                    {
                        state = (resolved.open_and_empty, resolved.session);
                        break;
                    }
                    if Some(pos) == title {
                        break;
                    }
                    chain.push(self.node(pos, number, body_start, &shape));
                }
                _ => break,
            }
        }
        let (mut open_and_empty, mut session) = state;
        let mut last = None;
        for node in chain.into_iter().rev() {
            let text = self.text(&node);
            let role = if Some(node.start) == title {
                Role::Title
            } else {
                let before = match session {
                    Some(session) if open_and_empty => Before::EmptySession {
                        has_speakers: !rules::byline(rules::strip_enumerator(&self.text(&session)))
                            .speakers
                            .is_empty(),
                    },
                    _ => Before::Other,
                };
                let role = rules::heading_role(&text, before);
                if role != HeadingRole::Separator {
                    open_and_empty = false;
                }
                match role {
                    HeadingRole::Separator => Role::Separator,
                    HeadingRole::Day(_) => {
                        session = None;
                        Role::Day
                    }
                    HeadingRole::Wishlist => {
                        session = None;
                        Role::Wishlist
                    }
                    HeadingRole::Note | HeadingRole::Speaker => Role::Note,
                    HeadingRole::Session => {
                        open_and_empty = true;
                        session = Some(node);
                        Role::Session
                    }
                }
            };
            let resolved = Resolved {
                heading: node,
                role,
                open_and_empty,
                session,
            };
            self.resolved = Some(resolved);
            last = Some(resolved);
        }
        last.unwrap_or(Resolved {
            heading,
            role: Role::Title,
            open_and_empty: false,
            session: None,
        })
    }
}

/// Feeds the lines under a session heading (line 0 of `src`) to a [`SpeakerProbe`],
/// and keeps the text of a heading that comes right after it.
struct Probe<'s> {
    src: &'s [u8],
    probe: SpeakerProbe,
    next_heading: Option<String>,
}

impl Sink for Probe<'_> {
    fn line(&mut self, line: &Scanned) {
        let heading = matches!(line.shape.kind, Kind::Heading { .. });
        if line.index == 0 || matches!(line.shape.kind, Kind::Blank | Kind::Meta) {
            return;
        }
        let text = || {
            decode(
                &self.src[line.body_start + line.shape.text.0..line.body_start + line.shape.text.1],
            )
        };
        if heading && !self.probe.done() {
            if !self.probe.seen_any() {
                self.next_heading = Some(text().into_owned());
            }
            self.probe.feed(line, "");
        } else if self.probe.wants(line) {
            self.probe.feed(line, &text());
        }
    }
}

/// The root heading above a line, and the wishlist bullet it may be under (a
/// candidate: only a wishlist heading makes it one).
fn session_nodes<'s>(
    ancestors: &[Node<'s>],
    this: &Node<'s>,
    kind: Kind,
) -> (Option<Node<'s>>, Option<Node<'s>>) {
    let root = ancestors.first().copied().filter(Node::is_heading);
    let root = match kind {
        Kind::Heading { .. } => Some(*this),
        _ => root,
    };
    let item = match (root, ancestors.get(1), kind) {
        (Some(_), Some(item), _) => Some(*item),
        (Some(_), None, Kind::Bullet(_)) => Some(*this),
        _ => None,
    };
    (root, item)
}

fn info(line: usize, byline: &rules::Byline) -> SessionInfo {
    SessionInfo {
        line,
        title: byline.title.to_string(),
        speakers: byline.speakers.iter().map(|s| s.to_string()).collect(),
        handles: byline.handles.iter().map(|s| s.to_string()).collect(),
    }
}

/// Just past the `\n` that ends the line holding byte `at` (or the end of `src`).
fn line_end(src: &[u8], at: usize) -> usize {
    memchr::memchr(b'\n', &src[at..]).map_or(src.len(), |p| at + p + 1)
}

fn decode(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
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

/// The byte ranges of the lines inside fenced blocks and front matter: only lines
/// that start (after indentation) with `` ` ``, `~` or `#` can open or close one.
fn verbatim_regions(src: &[u8]) -> Vec<Range<usize>> {
    let mut regions = Vec::new();
    let mut from = 0;
    if let Some(end) = front_matter_end(src) {
        regions.push(0..end);
        from = end;
    }
    let mut open: Option<(Verbatim, usize)> = None;
    let mut last_line = usize::MAX;
    for p in memchr::memchr3_iter(b'`', b'~', b'#', &src[from..]).map(|p| p + from) {
        let start = memchr::memrchr(b'\n', &src[..p]).map_or(0, |q| q + 1);
        if start == last_line {
            continue;
        }
        let body_start = if start == 0 && src.starts_with(BOM) {
            BOM.len()
        } else {
            start
        };
        if body_start > p || src[body_start..p].iter().any(|&b| b != b' ' && b != b'\t') {
            continue;
        }
        last_line = start;
        let end = line_end(src, p);
        let mut rest = &src[p..end];
        rest = rest.strip_suffix(b"\n").unwrap_or(rest);
        rest = rest.strip_suffix(b"\r").unwrap_or(rest);
        match &open {
            Some((fence, opened)) => {
                if closes_verbatim(fence, rest) {
                    regions.push(*opened..end);
                    open = None;
                }
            }
            None => open = opens_verbatim(rest).map(|fence| (fence, start)),
        }
    }
    if let Some((_, opened)) = open {
        regions.push(opened..src.len());
    }
    regions
}

/// Where front matter ends, when the file has it: the first line is `---` and a later
/// line is `---` or `...`.
fn front_matter_end(src: &[u8]) -> Option<usize> {
    let body = src.strip_prefix(BOM).unwrap_or(src);
    let first_end = memchr::memchr(b'\n', body).unwrap_or(body.len());
    let first = body[..first_end]
        .strip_suffix(b"\r")
        .unwrap_or(&body[..first_end]);
    if !opens_front_matter(first) {
        return None;
    }
    let mut pos = src.len() - body.len() + first_end + 1;
    while pos < src.len() {
        let end = line_end(src, pos);
        let line = &src[pos..end];
        let line = line.strip_suffix(b"\n").unwrap_or(line);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if closes_verbatim(&Verbatim::FrontMatter, after_indent(line)) {
            return Some(end);
        }
        pos = end;
    }
    None
}
