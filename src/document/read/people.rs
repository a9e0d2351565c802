//! Who gave a session, from the lines people write under its heading: a `Speaker:`
//! line, a first line (or first bullets) of names ("Name, role", "**Name**
//! ([video](…))", "by [Name](…)", "Name @handle"), a later line in the same form as
//! the first (names indented one space in a vim-outliner file), the names of a copied
//! schedule block, and sub-headings that are only a name or hold a list of speakers.

use std::ops::Range;

use crate::document::rules::{heading, speaker, title};
use crate::fold::fold;
use crate::outline::{Kind, Outline, Syntax};

/// The people a session's lines name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct People {
    /// Names, as written, without repeats.
    pub names: Vec<String>,
    /// `@handles`, without repeats.
    pub handles: Vec<String>,
    /// A `Speaker:` line named them: they stand whatever the heading says.
    pub labelled: bool,
    /// Some of them come from later lines in the form of the first speaker line.
    pub later: bool,
    /// One past the last of the first lines that named them.
    pub lead_end: usize,
}

impl People {
    fn add_name(&mut self, name: &str) {
        let key = fold(name);
        if !self.names.iter().any(|n| fold(n) == key) {
            self.names.push(name.to_string());
        }
    }

    fn add_handle(&mut self, handle: &str) {
        if !self.handles.iter().any(|h| h.eq_ignore_ascii_case(handle)) {
            self.handles.push(handle.to_string());
        }
    }

    /// Adds what a speaker line says.
    pub fn add(&mut self, line: &speaker::SpeakerLine) {
        for name in &line.names {
            self.add_name(name);
        }
        for handle in &line.handles {
            self.add_handle(handle);
        }
    }

    /// True when nobody is named (handles aside).
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// A line that is only a link, an image or an address: `![alt](x.png)`,
/// `[slides](…)`, `<img src=…>`, `https://…`, `[[https://…]]`.
pub(crate) fn is_link_line(text: &str) -> bool {
    let t = text.trim();
    let url = |s: &str| {
        !s.contains(char::is_whitespace)
            && (s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www."))
    };
    if t.is_empty() {
        return false;
    }
    if url(t) || (t.starts_with("<img") && t.ends_with('>')) {
        return true;
    }
    if let Some(rest) = t.strip_prefix("[[") {
        return rest.ends_with("]]") && !rest[..rest.len() - 2].contains("]]");
    }
    let rest = t.strip_prefix('!').unwrap_or(t);
    rest.starts_with('[')
        && rest.ends_with(')')
        && rest
            .find("](")
            .is_some_and(|at| !rest[at + 2..].contains(char::is_whitespace))
}

/// A line with no letters in it, such as a star rating (`⭐⭐⭐`): skipped before the
/// speaker line.
fn is_decoration(text: &str) -> bool {
    !text.chars().any(char::is_alphabetic)
}

/// True when the raw text marks its start as a name: bold, italic or a link.
fn is_marked(raw: &str) -> bool {
    let t = raw.trim_start();
    ["**", "__", "_", "*", "["].iter().any(|m| t.starts_with(m))
}

/// The speaker line a line's text makes, with its markup and a trailing generic link
/// label ("([video](…))") off.
fn line_speakers(outline: &Outline, i: usize, position: speaker::Position) -> Option<Speakers> {
    let raw = outline.text(i);
    let text = outline.syntax().inline_text(&raw);
    let text = title::strip_generic_label(&text);
    let position = if is_marked(&raw) {
        speaker::Position::Marked
    } else {
        position
    };
    let line = speaker::speaker_line(text, position)?;
    Some(Speakers::of(&line))
}

/// An owned [`speaker::SpeakerLine`].
#[derive(Debug, Clone, Default)]
struct Speakers {
    names: Vec<String>,
    handles: Vec<String>,
}

impl Speakers {
    fn of(line: &speaker::SpeakerLine) -> Speakers {
        Speakers {
            names: line.names.iter().map(|s| s.to_string()).collect(),
            handles: line.handles.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn as_line(&self) -> speaker::SpeakerLine<'_> {
        speaker::SpeakerLine {
            names: self.names.iter().map(String::as_str).collect(),
            handles: self.handles.iter().map(String::as_str).collect(),
            labelled: false,
        }
    }
}

/// The speakers the first lines of `lines` name (the lines right under a heading, up
/// to its first sub-heading), and the later lines of `all` written in the same form
/// as the first speaker line (text indented to the same column).
pub(crate) fn from_lines(outline: &Outline, lines: Range<usize>, all: Range<usize>) -> People {
    let mut people = People::default();
    let mut form: Option<u32> = None;
    let mut last = None;
    for i in lines {
        let line = outline.line(i);
        match line.kind() {
            Kind::Blank | Kind::Meta => continue,
            // A sub-heading ends the lines under a heading; in the plain outline an
            // unindented line is a note like any other.
            Kind::Heading { .. } if outline.syntax() != Syntax::Outline => break,
            _ => {}
        }
        let raw = outline.text(i);
        // A link is skipped, unless its label is a full name ("[Ada Lovelace](…)"; not
        // "[Apache Kafka](…)").
        let named_link = || speaker::is_full_name(outline.syntax().inline_text(&raw).trim());
        if is_decoration(&raw) || (is_link_line(&raw) && last.is_none() && !named_link()) {
            continue;
        }
        if line.is_code() {
            break;
        }
        // Without a trailing generic link ("[video](…)"), as every line is read.
        let text = super::units::line_text(outline, i);
        if let Some(names) = speaker::speaker_label(&text) {
            // "Speakers: A, B": these, whatever the heading or other lines say.
            people.names.clear();
            people.add(&speaker::split_names(names));
            people.labelled = true;
            people.lead_end = i + 1;
            break;
        }
        if last.is_none() && speaker::is_label_line(&text) {
            continue;
        }
        match line_speakers(outline, i, speaker::Position::Plain) {
            Some(found) if !found.names.is_empty() || !found.handles.is_empty() => {
                people.add(&found.as_line());
                last = Some(i);
                people.lead_end = i + 1;
                if line.kind() == Kind::Text && line.column() > 0 {
                    form = Some(line.column());
                }
            }
            _ => break,
        }
    }
    if let (Some(column), Some(last)) = (form, last)
        && distinct_form(outline, all.clone(), last, column)
    {
        for i in all.filter(|&i| i > last) {
            let line = outline.line(i);
            if line.kind() == Kind::Text
                && !line.is_code()
                && line.column() == column
                && let Some(found) = line_speakers(outline, i, speaker::Position::Plain)
            {
                let before = (people.names.len(), people.handles.len());
                people.add(&found.as_line());
                people.later |= (people.names.len(), people.handles.len()) != before;
            }
        }
    }
    people
}

/// True when the notes after line `last` are written in another form than text at
/// `column`: three or more of them at other columns, and more than at `column`. Only
/// then does a later line at `column` stand out as a speaker line.
fn distinct_form(outline: &Outline, all: Range<usize>, last: usize, column: u32) -> bool {
    let (mut same, mut other) = (0, 0);
    for i in all.filter(|&i| i > last) {
        let line = outline.line(i);
        if line.is_blank() || line.kind() == Kind::Meta || line.is_code() {
            continue;
        }
        if line.kind() == Kind::Text && line.column() == column {
            same += 1;
        } else {
            other += 1;
        }
    }
    other >= 3 && other > same
}

/// The speakers of a copied schedule block: the names on its lines after the first.
pub(crate) fn from_block(outline: &Outline, lines: Range<usize>) -> People {
    let mut people = People::default();
    for i in lines.skip(1) {
        let raw = outline.text(i);
        let text = raw.strip_prefix('>').unwrap_or(&raw).trim();
        // "Speakers: A @a, B" names them all, whatever the block's title says, as
        // under a heading.
        if let Some(names) = speaker::speaker_label(text) {
            people.add(&speaker::split_names(names));
            people.labelled = true;
            continue;
        }
        if let Some(line) = speaker::speaker_line(text, speaker::Position::Plain)
            && (!line.handles.is_empty() || text.split_whitespace().count() <= 4)
        {
            people.add(&line);
        }
    }
    people
}

/// The speakers a sub-heading names: a heading that is only a name ("Ravi Menon,
/// IIT Delhi", "Dana Pirelli and Ben Okafor"); `marked` when it comes right under
/// the session's heading, where its shape is enough.
pub(crate) fn from_sub_heading(text: &str, marked: bool) -> Option<People> {
    if heading::is_dialogue(text) {
        return None;
    }
    let position = if marked {
        speaker::Position::Marked
    } else {
        speaker::Position::Plain
    };
    let line = speaker::speaker_line(text, position)?;
    let mut people = People::default();
    people.add(&line);
    (!people.is_empty() || !people.handles.is_empty()).then_some(people)
}

/// The people of an entry under a "Speakers" heading: "Cython (Dr. Karl Hammer)" is
/// Dr. Karl Hammer, "Ann Lee, Acme" Ann Lee.
pub(crate) fn from_entry(text: &str) -> Option<People> {
    let inner = text
        .trim_end()
        .strip_suffix(')')
        .and_then(|t| t.rfind('(').map(|open| &t[open + 1..]));
    let mut people = People::default();
    if let Some(inner) = inner
        && let Some(line) = speaker::speaker_line(inner, speaker::Position::Marked)
    {
        people.add(&line);
        return Some(people);
    }
    let line = speaker::speaker_line(text, speaker::Position::Marked)?;
    people.add(&line);
    Some(people)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_lines() {
        for text in [
            "![you may pick the next gem name](https://x/1.jpg)",
            "https://example.org/schedule/#day-1",
            "[[github.com/fieldnotes]]",
            "<img src=\"x.png\" width=500>",
            "[slides](https://x)",
        ] {
            assert!(is_link_line(text), "{text}");
        }
        for text in ["see https://x", "[a](b) and more", "plain", ""] {
            assert!(!is_link_line(text), "{text}");
        }
    }

    fn names(src: &str, syntax: crate::outline::Syntax) -> Vec<String> {
        let outline = Outline::parse_as(src.as_bytes(), syntax);
        from_lines(&outline, 1..outline.len(), 1..outline.len()).names
    }

    #[test]
    fn speaker_lines_under_a_heading() {
        use crate::outline::Syntax::*;
        let md = "## Talk\n\n⭐⭐⭐\n\n**Robert Halvorsen** ([video](https://x))\n\n- notes\n";
        assert_eq!(names(md, Markdown), ["Robert Halvorsen"]);
        let md = "## Talk\n- Glen Ashby\n- Thomas Kreuzer\n\n-----\n\n- notes here\n";
        assert_eq!(names(md, Markdown), ["Glen Ashby", "Thomas Kreuzer"]);
        let md = "## Talk\nby [franz obermaier](https://x)\n\n* notes\n";
        assert_eq!(names(md, Markdown), ["franz obermaier"]);
        let md = "## Talk\n- speaker: Bob Carver\n- x\n";
        assert_eq!(names(md, Markdown), ["Bob Carver"]);
        let md = "## Talk\n- role: CFO\n- speaker: Bob Carver\n";
        assert_eq!(names(md, Markdown), ["Bob Carver"]);
        let otl = "Talk\n Amber Kowalczyk - Architect, Adidas\n Jason Pruitt - Director\n\tnotes\n\tmore\n Torvald Mendes, DataWell Corp. Peru\n\tdata\n";
        assert_eq!(
            names(otl, Outline),
            ["Amber Kowalczyk", "Jason Pruitt", "Torvald Mendes"]
        );
        let md = "## Talk\nOakridge National Labs\n\nThey had goals\n";
        assert!(names(md, Markdown).is_empty());
        let md = "## Talk\n- x, Ann Lee said\n";
        assert!(names(md, Markdown).is_empty());
        let md = "## Talk\nSpeakers: Ann Lee, Bo Li [video](https://x)\n";
        assert_eq!(names(md, Markdown), ["Ann Lee", "Bo Li"]);
    }

    #[test]
    fn a_speakers_line_in_a_schedule_block_names_them_all() {
        let md = "> Profiling in production\n> Speakers: Ann Lee @annlee, Bo Li\n";
        let outline = Outline::parse_as(md.as_bytes(), crate::outline::Syntax::Markdown);
        let people = from_block(&outline, 0..outline.len());
        assert_eq!(people.names, ["Ann Lee", "Bo Li"]);
        assert_eq!(people.handles, ["@annlee"]);
        assert!(people.labelled);
    }

    #[test]
    fn sub_headings_and_entries() {
        let names = |p: Option<People>| p.map(|p| p.names).unwrap_or_default();
        assert_eq!(
            names(from_sub_heading("Ravi Menon, IIT Delhi", false)),
            ["Ravi Menon"]
        );
        assert_eq!(
            names(from_sub_heading("Wolf Morgan, Notion", true)),
            ["Wolf Morgan"]
        );
        assert!(from_sub_heading("Moderator: Why?", false).is_none());
        assert!(from_sub_heading("Marta's Wishes", false).is_none());
        assert!(from_sub_heading("Quick Setup Guide", false).is_none());
        assert_eq!(
            names(from_entry("Cython (Dr. Karl Hammer)")),
            ["Dr. Karl Hammer"]
        );
        assert_eq!(
            names(from_entry("Numba (Wojciech Zielinski)")),
            ["Wojciech Zielinski"]
        );
    }
}
