//! Units: the headings of an outline, and the lines that stand for headings in notes
//! that have none, as one tree in file order.
//!
//! Besides headings there are three kinds of stand-in, each found only where a
//! heading's own lines (before its first sub-heading) hold them:
//!
//! - a **schedule block** copied from a programme: a quoted block (`> Title`, `> a
//!   bio`, `> Name @handle`) or a paragraph of three lines or more ending with a
//!   `Name @handle` line (Markdown);
//! - a **chunk**: under a lightning-talks heading whose lines are divided by rules, the
//!   first line of each part;
//! - a **numbered item** at column 0 over indented notes (the plain outline), in a run
//!   of them where most have notes, under no heading, the first heading, a day or a
//!   group: see [`numbered`].

use std::borrow::Cow;
use std::ops::Range;

use crate::document::rules::{day_heading, heading, speaker, status, title};
use crate::outline::syntax::setext_underline;
use crate::outline::{Kind, Marker, Outline, Syntax};

/// What stands for a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// A heading line.
    Heading,
    /// A schedule block: its lines end before `end`.
    Block {
        /// One past the block's last line.
        end: usize,
    },
    /// The first line of a part between rules under a lightning-talks heading.
    Chunk,
    /// A numbered item at column 0 over indented notes.
    Numbered,
    /// A plain line that starts a session where the notes are unindented lines.
    TitleLine,
}

/// A heading, or a line that stands for one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unit {
    /// Its (first) line.
    pub line: usize,
    /// One past the last line of what is under it.
    pub end: usize,
    /// The unit it is under.
    pub parent: Option<usize>,
    /// The units directly under it, in order.
    pub children: Vec<usize>,
    /// The heading level the syntax gives (0 for stand-ins and the plain outline).
    pub level: u8,
    /// What it is.
    pub form: Form,
    /// Its text as the syntax reads it (inline markup off).
    pub text: String,
    /// A TaskPaper project: the rules read its text with its colon.
    pub colon: bool,
}

impl Unit {
    /// A line that stands for a heading: under no unit yet, running to `end`.
    pub fn stand_in(line: usize, end: usize, form: Form, text: String) -> Unit {
        Unit {
            line,
            end,
            parent: None,
            children: Vec::new(),
            level: 0,
            form,
            text,
            colon: false,
        }
    }

    /// Its text as the heading rules read it: a TaskPaper project keeps its colon, so
    /// that "Talks I did not see:" is a wishlist.
    pub fn rule_text(&self) -> std::borrow::Cow<'_, str> {
        if self.colon {
            format!("{}:", self.text).into()
        } else {
            self.text.as_str().into()
        }
    }

    /// Its own lines, after its first and before its first child unit.
    pub fn body(&self, units: &[Unit]) -> Range<usize> {
        let first = match self.form {
            Form::Block { end } => end,
            _ => self.line + 1,
        };
        let end = self.children.first().map_or(self.end, |&c| units[c].line);
        first.min(end)..end
    }
}

/// A heading's (or bullet's) text as the reader reads it: a trailing link with a generic label
/// ("code with [Tidepool](…) [video](…)") or in parentheses ("Tracing ([GitHub](…))")
/// and the syntax's inline markup off.
pub(crate) fn line_text(outline: &Outline, line: usize) -> String {
    line_text_cow(outline, line).into_owned()
}

/// [`line_text`], borrowed from the outline where it can be (valid UTF-8 without
/// markup to take off): most note lines.
pub(crate) fn line_text_cow<'a>(outline: &Outline<'a>, line: usize) -> Cow<'a, str> {
    let syntax = outline.syntax();
    // Where the text ends without its trailing generic or parenthesised link.
    let end = |raw: &str| {
        // A link to a person's page names the speaker: "Talk ([Ann Lee](…))" stays,
        // for the byline to read "Talk (Ann Lee)".
        let in_parentheses = raw
            .trim_end()
            .strip_suffix(')')
            .and_then(|inner| {
                syntax
                    .trailing_link(inner)
                    .map(|(at, label)| (&inner[..at], label))
            })
            .filter(|(_, label)| !speaker::is_person_name(label) && !speaker::is_full_name(label))
            .and_then(|(before, _)| before.trim_end().strip_suffix('('))
            .filter(|before| !before.trim().is_empty());
        if let Some(before) = in_parentheses {
            return before.trim_end().len();
        }
        match syntax.trailing_link(raw) {
            Some((at, label)) if title::is_generic_label(label) && !raw[..at].trim().is_empty() => {
                raw[..at].trim_end().len()
            }
            _ => raw.len(),
        }
    };
    match outline.text(line) {
        Cow::Borrowed(raw) => syntax.inline_text(&raw[..end(raw)]),
        Cow::Owned(raw) => Cow::Owned(syntax.inline_text(&raw[..end(&raw)]).into_owned()),
    }
}

/// The units of an outline whose headings nest (Markdown, org-mode, TaskPaper).
pub(crate) fn tree(outline: &Outline) -> Vec<Unit> {
    let syntax = outline.syntax();
    let mut units: Vec<Unit> = (0..outline.len())
        .filter_map(|i| match outline.line(i).kind() {
            Kind::Heading { level } => Some(Unit {
                line: i,
                end: outline.subtree_end(i),
                parent: None,
                children: Vec::new(),
                level,
                form: Form::Heading,
                text: line_text(outline, i),
                colon: syntax == Syntax::TaskPaper
                    && crate::outline::syntax::taskpaper::is_project(outline.content(i)),
            }),
            _ => None,
        })
        .collect();
    link(&mut units);
    let mut found = Vec::new();
    let owners: Vec<Option<usize>> = std::iter::once(None)
        .chain((0..units.len()).map(Some))
        .collect();
    for owner in owners {
        let body = match owner {
            Some(u) => units[u].body(&units),
            None => 0..units.first().map_or(outline.len(), |u| u.line),
        };
        let owner_text = owner.map(|u| units[u].text.as_str());
        let owner_line = owner.map(|u| units[u].line);
        let mut stand_ins = Vec::new();
        // A wishlist's bullets are its talks, lightning or not: no parts stand for any.
        if let Some(text) = owner_text
            && heading::is_lightning_talks(text)
            && !status::is_wishlist_heading(text)
        {
            stand_ins = chunks(outline, body.clone(), owner_line);
        }
        if stand_ins.is_empty() && syntax == Syntax::Markdown {
            stand_ins = blocks(outline, body.clone());
        }
        found.extend(stand_ins);
    }
    if !found.is_empty() {
        units.extend(found);
        units.sort_by_key(|u| u.line);
        link(&mut units);
    }
    units
}

/// A heading of the plain outline under which numbered items at column 0 may be talks:
/// a day, a group, or the first heading (a lightning-talks heading only there: under
/// one anywhere else, numbered items are its talks, as bullets are).
pub(crate) fn holds_numbered_talks(text: &str, first: bool) -> bool {
    let over = day_heading(text).is_some()
        || (heading::is_group(text) && !heading::is_lightning_talks(text))
        || first;
    over && speaker::speaker_label(text).is_none()
}

/// Sets every unit's parent and children from the lines they cover, and ends each
/// stand-in where the next unit under the same parent starts.
pub(crate) fn link(units: &mut [Unit]) {
    let mut stack: Vec<usize> = Vec::new();
    for unit in units.iter_mut() {
        unit.children.clear();
        unit.parent = None;
    }
    for i in 0..units.len() {
        let line = units[i].line;
        while let Some(&top) = stack.last() {
            if units[top].end > line && units[top].form == Form::Heading {
                break;
            }
            stack.pop();
        }
        if let Some(&parent) = stack.last() {
            units[i].parent = Some(parent);
            units[parent].children.push(i);
            if units[i].form != Form::Heading {
                units[i].end = units[i].end.min(units[parent].end);
            }
        }
        stack.push(i);
    }
    // A stand-in runs to the next unit under the same parent (or what ends it).
    for i in 0..units.len() {
        if units[i].form == Form::Heading {
            continue;
        }
        if let Some(next) = units.get(i + 1)
            && next.line < units[i].end
        {
            units[i].end = next.line;
        }
    }
}

/// The text of a line without a leading `>` quote mark.
fn unquoted(text: &str) -> Option<&str> {
    text.strip_prefix('>').map(str::trim)
}

/// Schedule blocks among the lines `body` (Markdown).
fn blocks(outline: &Outline, body: Range<usize>) -> Vec<Unit> {
    let mut found = Vec::new();
    let mut i = body.start;
    while i < body.end {
        let paragraph = |j: usize| {
            let line = outline.line(j);
            line.kind() == Kind::Text && line.column() == 0 && !line.is_code()
        };
        if !paragraph(i) {
            i += 1;
            continue;
        }
        let start = i;
        while i < body.end && paragraph(i) {
            i += 1;
        }
        let lines: Vec<String> = (start..i).map(|j| outline.text(j).into_owned()).collect();
        if let Some(title) = schedule_block(&lines) {
            found.push(Unit::stand_in(
                start,
                body.end,
                Form::Block { end: i },
                title,
            ));
        }
    }
    found
}

/// The title of a block of lines copied from a programme, when they are one: a quoted
/// block of two lines or more, or a paragraph of three or more, whose first line is a
/// title and a later line names the speaker with a handle ("Lena Vogt
/// @lenavogt"; a quoted block may end with a name alone).
pub(crate) fn schedule_block(lines: &[String]) -> Option<String> {
    let quoted = lines.iter().all(|l| l.starts_with('>'));
    let texts: Vec<&str> = lines
        .iter()
        .map(|l| unquoted(l).unwrap_or(l.as_str()))
        .collect();
    let first = texts.first()?;
    let long_enough = if quoted {
        texts.len() >= 2
    } else {
        texts.len() >= 3
    };
    // Its first line is a title: words (not a date or a rating), not a `Speakers:`
    // line, and in a paragraph not a sentence with its full stop (a bio).
    let title_like = first.chars().any(char::is_alphabetic)
        && speaker::speaker_label(first).is_none()
        && (quoted || !first.trim_end().ends_with('.'));
    if !long_enough || !title_like || first.is_empty() || first.len() > 200 {
        return None;
    }
    let named = texts[1..].iter().enumerate().any(|(k, t)| {
        speaker::speaker_line(t, speaker::Position::Plain).is_some_and(|l| {
            let handled = !l.handles.is_empty() && !l.names.is_empty();
            let last = k + 2 == texts.len();
            handled || (quoted && last && !l.names.is_empty())
        })
    });
    named.then(|| (*first).to_string())
}

/// The parts of a lightning-talks heading's lines `body` between rules, each standing
/// for a talk by its first line, when there are two or more.
fn chunks(outline: &Outline, body: Range<usize>, owner: Option<usize>) -> Vec<Unit> {
    let is_rule = |i: usize| {
        let line = outline.line(i);
        let underline =
            owner == Some(i.wrapping_sub(1)) && setext_underline(outline.content(i)).is_some();
        matches!(line.kind(), Kind::Meta | Kind::Heading { .. } | Kind::Text)
            && !line.is_code()
            && line.column() == 0
            && !underline
            && heading::rule_length(&String::from_utf8_lossy(outline.content(i))).is_some()
    };
    let mut starts = Vec::new();
    let mut want = true;
    let mut rules = 0;
    for i in body.clone() {
        if outline.line(i).is_blank() {
            continue;
        }
        if is_rule(i) {
            want = true;
            rules += 1;
            continue;
        }
        if want && !matches!(outline.line(i).kind(), Kind::Meta) {
            starts.push(i);
            want = false;
        }
    }
    if rules == 0 || starts.len() < 2 {
        return Vec::new();
    }
    starts
        .into_iter()
        .map(|line| Unit::stand_in(line, body.end, Form::Chunk, line_text(outline, line)))
        .collect()
}

/// Numbered items at column 0 among the lines `body` that stand for talks: two or
/// more, most of them with indented notes under them.
pub(crate) fn numbered(outline: &Outline, body: Range<usize>) -> Vec<Unit> {
    if !two_numbered_items(outline, body.clone()) {
        return Vec::new();
    }
    let items: Vec<usize> = body
        .clone()
        .filter(|&i| {
            let line = outline.line(i);
            line.kind() == Kind::Bullet(Marker::Ordinal)
                && line.column() == 0
                && speaker::speaker_label(&outline.text(i)).is_none()
        })
        .collect();
    let with_notes = items
        .iter()
        .filter(|&&i| {
            outline
                .subtree(i)
                .any(|j| !outline.line(j).is_blank() && outline.line(j).column() > 0)
        })
        .count();
    if items.len() < 2 || with_notes * 2 < items.len() {
        return Vec::new();
    }
    items
        .into_iter()
        .map(|line| Unit::stand_in(line, body.end, Form::Numbered, line_text(outline, line)))
        .collect()
}

/// The quick test of [`numbered`]: it finds nothing in `body` without two numbered
/// items at column 0 there. (A heading's body rarely has any, and asking first spares
/// the heading's own rules.)
pub(crate) fn two_numbered_items(outline: &Outline, body: Range<usize>) -> bool {
    body.filter(|&i| {
        let line = outline.line(i);
        line.column() == 0 && line.kind() == Kind::Bullet(Marker::Ordinal)
    })
    .nth(1)
    .is_some()
}

/// True when the unit's own lines are a checklist of items (`- [ ] Title`), perhaps
/// with a line of text: a plan, not notes. A bullet that is not an item is a note.
pub(crate) fn only_checklist(outline: &Outline, units: &[Unit], u: usize) -> bool {
    let unit = &units[u];
    let mut items = 0;
    let mut other = 0;
    for i in unit.body(units) {
        let line = outline.line(i);
        if line.is_blank() || line.kind() == Kind::Meta {
            continue;
        }
        if line.is_bullet() && heading::is_checklist_item(&outline.text(i)) {
            items += 1;
        } else if line.is_bullet() {
            return false;
        } else {
            other += 1;
        }
    }
    items >= 2 && other <= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn line_text_drops_a_generic_or_parenthesised_trailing_link() {
        let text = |src: &str, syntax: Syntax| {
            let outline = Outline::parse_as(src.as_bytes(), syntax);
            line_text(&outline, 0)
        };
        let md = Syntax::Markdown;
        assert_eq!(text("## Tracing ([GitHub](https://x))", md), "Tracing");
        assert_eq!(text("## Tracing ( [code](https://x) )", md), "Tracing");
        assert_eq!(text("## Tracing [video](https://x)", md), "Tracing");
        assert_eq!(
            text("## Code with [Kedro](https://x)", md),
            "Code with Kedro"
        );
        // A parenthesised link alone is the title's text.
        assert_eq!(text("## ([Kedro](https://x))", md), "(Kedro)");
        assert_eq!(
            text("## Tracing ([Ann Lee](https://x))", md),
            "Tracing (Ann Lee)"
        );
        assert_eq!(
            text("* Tracing ([[https://x][GitHub]])", Syntax::Org),
            "Tracing"
        );
    }

    #[test]
    fn schedule_blocks() {
        let quoted = "> Profiling in production\n> A talk about profiling.\n> Rafael Costa @rcosta";
        assert_eq!(
            schedule_block(&lines(quoted)).as_deref(),
            Some("Profiling in production")
        );
        let named = "> Profiling in production\n> Rafael Costa";
        assert!(schedule_block(&lines(named)).is_some());
        // A quoted title may end with a full stop.
        let stop = "> You do not need a framework for that.\n> Rafael Costa @rcosta";
        assert!(schedule_block(&lines(stop)).is_some());
        let plain = "Keynote: Go\nAnna is an engineer.\nAnna Lindqvist @annalind";
        assert_eq!(
            schedule_block(&lines(plain)).as_deref(),
            Some("Keynote: Go")
        );
        for not in [
            // Two plain lines are a paragraph; a name without a handle is not enough.
            "Keynote: Go\nAnna Lindqvist @annalind",
            "Keynote: Go\nAnna is an engineer.\nAnna Lindqvist",
            // A `Speakers:` line is not a title, nor a sentence in a paragraph.
            "Speakers: Anna Lindqvist\nAnna is an engineer.\nAnna Lindqvist @annalind",
            "Anna works on it at Google.\nShe likes it.\nAnna Lindqvist @annalind",
            // A title has words: a date over a speaker line is not one.
            "2019-11-16\n2019-11-17\nAnna Lindqvist @annalind",
        ] {
            assert_eq!(schedule_block(&lines(not)), None, "{not}");
        }
    }

    #[test]
    fn stand_ins_in_a_tree() {
        let src = "# Conf\n\n## Lightning talks\n\nFirst talk\n\n---\n\nSecond talk\n\n\
                   ## Day 1\n\n> Profiling\n> Rafael Costa @rcosta\n\n- notes\n";
        let outline = Outline::parse_as(src.as_bytes(), Syntax::Markdown);
        let units = tree(&outline);
        let forms: Vec<(usize, Form, Option<usize>)> =
            units.iter().map(|u| (u.line, u.form, u.parent)).collect();
        assert_eq!(
            forms,
            [
                (0, Form::Heading, None),
                (2, Form::Heading, Some(0)),
                (4, Form::Chunk, Some(1)),
                (8, Form::Chunk, Some(1)),
                (10, Form::Heading, Some(0)),
                (12, Form::Block { end: 14 }, Some(4)),
            ]
        );
        // A stand-in runs to the next unit beside it.
        assert_eq!(units[2].end, 8);
    }

    #[test]
    fn numbered_items_over_notes() {
        let src = "1. First\n   notes\n2. Second\n   more\n3. Third\n";
        let outline = Outline::parse_as(src.as_bytes(), Syntax::Outline);
        let found: Vec<usize> = numbered(&outline, 0..outline.len())
            .iter()
            .map(|u| u.line)
            .collect();
        assert_eq!(found, [0, 2, 4]);
        let list = "1. First\n2. Second\n3. Third\n   notes\n";
        let outline = Outline::parse_as(list.as_bytes(), Syntax::Outline);
        assert!(numbered(&outline, 0..outline.len()).is_empty());
    }
}
