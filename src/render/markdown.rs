//! `notes export --to markdown`: the document as Markdown that `notes` reads back to the
//! same sessions.
//!
//! The title is a `#` heading, each day a `##` heading, each session a `##` heading
//! (its heading as written, speakers included), notes written as unindented lines stay
//! paragraphs,
//! bullets become `-` items (ordinals keep their number) nested four spaces a level,
//! and text lines (code, continuations) become fenced code blocks.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::document::{
    DayInfo, Document, Note, Session, SessionKind, SpeakerSource, StatusSource, rules,
};
use crate::outline::syntax::markdown;
use crate::outline::{Kind, Syntax};

/// Writes the sessions of `doc` (read from the file labelled `label`) as Markdown.
/// Writes nothing when there are no sessions.
pub fn write_document<'d>(
    out: &mut impl Write,
    label: &str,
    doc: &Document,
    sessions: impl IntoIterator<Item = &'d Session>,
) -> io::Result<()> {
    let mut sessions = sessions.into_iter().peekable();
    if sessions.peek().is_none() {
        return Ok(());
    }
    // A file that is one talk is written as one: its heading at the top.
    let one_talk = doc
        .title_line()
        .is_some_and(|t| doc.sessions().len() == 1 && doc.sessions()[0].line() == t);
    if !one_talk {
        writeln!(out, "# {}\n", doc.title().unwrap_or(label))?;
    }
    // The day written last: a day of its own, even with the number of the one before
    // ("# Day 2" twice reads as two days).
    let mut day: Option<&DayInfo> = None;
    let mut in_wishlist = false;
    for session in sessions {
        let heading = heading(session);
        let notes = doc.notes(session);
        if session.kind() == SessionKind::Wishlist {
            if !in_wishlist {
                out.write_all(b"## Talks I did not see:\n\n")?;
                in_wishlist = true;
            }
            // A wishlist item is a bullet: Markdown reads its inline markup as its own.
            let item = if doc.syntax() == Syntax::Markdown {
                heading.clone()
            } else {
                let text = doc.syntax().inline_text(&heading).into_owned();
                markdown::escape_heading(&text).into_owned()
            };
            write_bullet(out, "", "-", &item)?;
            write_notes(out, doc, session, &notes, 1)?;
            continue;
        }
        if in_wishlist {
            out.write_all(b"\n")?;
            in_wishlist = false;
        }
        if let Some(info) = session.day_info().filter(|_| !one_talk)
            && !day.is_some_and(|d| std::ptr::eq(d, info))
        {
            let next = day.map_or(1, |d| d.number + 1);
            day = Some(info);
            let heading = day_heading(info, next);
            writeln!(out, "## {}\n", markdown::escape_heading(&heading))?;
        }
        write_heading(out, if one_talk { "#" } else { "##" }, &heading)?;
        // Speakers found anywhere but the heading and the lines right under it (a
        // copied schedule block, a later line in the form of the first, a sub-heading
        // or a `Speaker:` line further down) are said outright.
        let said = !matches!(
            session.speakers_from(),
            SpeakerSource::Heading | SpeakerSource::FirstLines | SpeakerSource::Nowhere
        );
        if !notes.is_empty() || said || session.status_from() == StatusSource::State {
            out.write_all(b"\n")?;
        }
        if said {
            let mut said = session.speakers().join(", ");
            for handle in session.handles() {
                said.push(' ');
                said.push_str(handle);
            }
            // Names are text: Markdown must read their backticks and stars as such.
            writeln!(out, "Speakers: {}", markdown::escape_heading(&said))?;
        }
        // So is a talk still to watch that only an org-mode TODO state says is missed:
        // a paragraph of its own after the notes, which may start with the speakers (a
        // speaker line counts only right under the heading), and before its first
        // sub-heading, under which it would say the part was missed.
        if session.status_from() == StatusSource::State {
            let outline = doc.outline();
            let parts = notes
                .iter()
                .position(|n| doc.syntax() != Syntax::Outline && outline.line(n.line).is_heading())
                .unwrap_or(notes.len());
            write_notes(out, doc, session, &notes[..parts], 0)?;
            if parts > 0 {
                out.write_all(b"\n")?;
            }
            out.write_all(b"Missed\n")?;
            write_notes(out, doc, session, &notes[parts..], 0)?;
        } else {
            write_notes(out, doc, session, &notes, 0)?;
        }
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// The session's heading (or wishlist bullet) as written, speakers and all, so that it
/// reads back the same. A "watch: X" heading whose status does not come from it (a
/// talk watched, "DONE watch: X") is written as X, which reads back as seen.
fn heading(session: &Session) -> String {
    let heading = session.heading();
    let from_heading = matches!(
        session.status_from(),
        StatusSource::Heading | StatusSource::State
    );
    match rules::status::watch_prefix(heading) {
        Some((rest, _)) if !from_heading => rest.to_string(),
        _ => heading.to_string(),
    }
}

/// A day's heading that reads back as the same day: its label, with its weekday when
/// the label does not give it ("Day 2 — Saturday").
/// `next` is the number a heading without one reads as (the day after the last written);
/// a heading without a number, for a day of another, says it ("Day 2 — Friday"). A
/// heading as written keeps its own.
fn day_heading(info: &DayInfo, next: usize) -> String {
    let heading = info.heading();
    let read = rules::day_heading(&heading);
    let heading = match info.weekday {
        Some(day) if read.and_then(|d| d.weekday) != Some(day) => {
            let name = day.name();
            format!("{heading} — {}{}", name[..1].to_uppercase(), &name[1..])
        }
        _ => heading,
    };
    if read.is_some_and(|d| d.number.is_some()) || info.number == next {
        heading
    } else {
        format!("Day {} — {heading}", info.number)
    }
}

/// A heading with `marks`; one whose text ends in `#` gets a closing ` #`, which the
/// reader strips, so that its own marks stay.
fn write_heading(out: &mut impl Write, marks: &str, text: &str) -> io::Result<()> {
    let closing = if text.ends_with('#') { " #" } else { "" };
    writeln!(out, "{marks} {}{closing}", markdown::escape_heading(text))
}

/// The notes of `session` at `base` levels of list nesting (1 under a wishlist item).
fn write_notes(
    out: &mut impl Write,
    doc: &Document,
    session: &Session,
    notes: &[Note],
    base: usize,
) -> io::Result<()> {
    let outline = doc.outline();
    let paragraphs = paragraphs(doc, session, notes);
    // A session read from a quoted schedule block is written as a heading; the rest of
    // its quote loses its marks, so that it does not read as another block.
    let block =
        doc.syntax() == Syntax::Markdown && outline.content(session.line()).starts_with(b">");
    let mut under_heading = false;
    let mut run = Paragraphs::new(doc);
    let mut i = 0;
    while i < notes.len() {
        let note = notes[i];
        if paragraphs[i] {
            let text = outline.text(note.line);
            // Markdown reads the text of other syntaxes' lines literally.
            let text = if doc.syntax() == Syntax::Markdown {
                match text.strip_prefix('>').filter(|_| block) {
                    Some(rest) => rest.trim_start().to_string().into(),
                    None => text,
                }
            } else {
                let plain = doc.syntax().inline_text(&text).into_owned();
                markdown::escape_heading(&plain).into_owned().into()
            };
            // A speaker line under a bullet stays under it, as text (escaped as a
            // paragraph is: a fence there would open a code block).
            let level = base + note.depth - 1;
            run.write(out, &" ".repeat(4 * level), text.trim(), note.line)?;
            i += 1;
            continue;
        }
        if note.depth == 1 {
            under_heading = outline.line(note.line).is_heading();
        }
        let level = base + note.depth - 1 - usize::from(under_heading && note.depth > 1);
        let indent = " ".repeat(4 * level);
        match outline.line(note.line).kind() {
            Kind::Heading { .. } => {
                // Notes written as unindented lines of a plain outline stay
                // paragraphs; sub-sections of the other syntaxes stay headings.
                let text = outline.text(note.line);
                if doc.syntax() == Syntax::Outline {
                    if !rules::is_separator(&text) {
                        run.write(out, "", &outline_links(&text), note.line)?;
                    }
                } else if !rules::is_separator(&text) {
                    run.end();
                    let marks = "#".repeat((2 + note.depth).min(6));
                    let closing = if text.ends_with('#') { " #" } else { "" };
                    // Markdown's own headings are written as they are.
                    let text = if doc.syntax() == Syntax::Markdown {
                        text
                    } else {
                        markdown::escape_heading(&text).into_owned().into()
                    };
                    writeln!(out, "\n{marks} {text}{closing}\n")?;
                }
            }
            Kind::Bullet(marker) => {
                let marker = match marker {
                    crate::outline::Marker::Ordinal => {
                        String::from_utf8_lossy(outline.marker(note.line)).into_owned()
                    }
                    crate::outline::Marker::Glyph(_) => "-".to_string(),
                };
                // Markdown reads the text of other syntaxes' bullets literally, and a
                // plain outline's "[ ] x" is text, not a checklist item (a heading with
                // only those under it would read back as a plan).
                let text = outline.text(note.line);
                let text = if doc.syntax() == Syntax::Markdown {
                    text
                } else {
                    let escaped = markdown::escape_heading(&text);
                    if doc.syntax() == Syntax::Outline
                        && rules::heading::is_checklist_item(&escaped)
                    {
                        format!("\\{}", escaped.trim_start()).into()
                    } else {
                        escaped.into_owned().into()
                    }
                };
                run.end();
                write_bullet(out, &indent, &marker, &text)?;
            }
            // A rule between notes says where something else starts: it stays.
            Kind::Meta
                if rules::heading::rule_length(&outline.text(note.line)).is_some()
                    && crate::outline::syntax::setext_underline(outline.content(note.line))
                        .is_none() =>
            {
                run.end();
                out.write_all(b"\n***\n\n")?;
            }
            Kind::Meta => {}
            Kind::Text | Kind::Blank => {
                let end = (i..notes.len())
                    .find(|&k| {
                        let n = notes[k];
                        n.depth != note.depth
                            || outline.line(n.line).kind() != Kind::Text
                            || paragraphs[k]
                    })
                    .unwrap_or(notes.len());
                let first = i == 0 && base == 0;
                write_code(out, doc, &notes[i..end], &indent, first, &mut run)?;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    Ok(())
}

/// Which notes to write as paragraphs, so that what they say reads back the same: the
/// text lines the reader read speakers from, and in Markdown and org-mode, text at
/// column 0 right under the heading (outside fenced and org blocks), which may say a
/// status.
fn paragraphs(doc: &Document, session: &Session, notes: &[Note]) -> Vec<bool> {
    let outline = doc.outline();
    let speaker_lines = session.speaker_lines();
    notes
        .iter()
        .map(|note| {
            let line = outline.line(note.line);
            let text = line.kind() == Kind::Text && !line.is_code();
            let note_paragraph = matches!(doc.syntax(), Syntax::Markdown | Syntax::Org)
                && note.depth == 1
                && line.column() == 0;
            text && (note_paragraph || speaker_lines.contains(&note.line))
        })
        .collect()
}

/// A plain outline's line with its link brackets escaped: the outline reads
/// `[label](url)` as the text it is, Markdown as a link, and the two read a speaker
/// line differently. Its emphasis stays, which both read alike.
fn outline_links(text: &str) -> Cow<'_, str> {
    if !text.contains('[') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 4);
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        if c == '[' || (c == '\\' && bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation)) {
            out.push('\\');
        }
        out.push(c);
    }
    Cow::Owned(out)
}

/// A list item. An item that would read as a rule (`- ---`) is marked `+` instead.
fn write_bullet(out: &mut impl Write, indent: &str, marker: &str, text: &str) -> io::Result<()> {
    let line = format!("{indent}{marker} {text}");
    if marker == "-" && crate::outline::syntax::is_thematic_break(line.as_bytes()) {
        writeln!(out, "{indent}+ {text}")
    } else {
        writeln!(out, "{line}")
    }
}

/// Lines of text written one after another as paragraphs. Markdown joins lines into
/// one paragraph, and reads some paragraphs as a pasted schedule block; a line of
/// another syntax is a line of its own, so each is written as a paragraph of its own.
/// Markdown's own paragraph lines join only where they did: both at column 0, one
/// right after the other.
struct Paragraphs<'d, 'a> {
    outline: &'d crate::outline::Outline<'a>,
    markdown: bool,
    /// The source line of the paragraph line written last, when nothing came after.
    open: Option<usize>,
}

impl<'d, 'a> Paragraphs<'d, 'a> {
    fn new(doc: &'d Document<'a>) -> Paragraphs<'d, 'a> {
        Paragraphs {
            outline: doc.outline(),
            markdown: doc.syntax() == Syntax::Markdown,
            open: None,
        }
    }

    /// Writes `text`, from source line `line`, as a paragraph at `indent` (as text
    /// under a bullet when there is one), after a blank line when it would join the
    /// one before where the source did not.
    fn write(
        &mut self,
        out: &mut impl Write,
        indent: &str,
        text: &str,
        line: usize,
    ) -> io::Result<()> {
        let at_zero = |i: usize| self.outline.line(i).column() == 0;
        let joined_there = self.open.is_some_and(|last| {
            self.markdown && last + 1 == line && at_zero(last) && at_zero(line)
        });
        if self.open.is_some() && indent.is_empty() && !joined_there {
            out.write_all(b"\n")?;
        }
        writeln!(out, "{indent}{}", paragraph(text))?;
        self.open = indent.is_empty().then_some(line);
        Ok(())
    }

    /// Something other than a paragraph was written.
    fn end(&mut self) {
        self.open = None;
    }
}

/// A line of text as a Markdown paragraph: a backslash before it when Markdown would
/// read it as a bullet, a heading, a rule or a fence.
fn paragraph(text: &str) -> Cow<'_, str> {
    use crate::outline::syntax::{is_thematic_break, setext_underline};
    let body = text.as_bytes();
    // A line that starts with an escape Markdown reads as one (`\[`, `\*`) is already
    // a paragraph.
    let escaped = body.first() == Some(&b'\\') && body.get(1).is_some_and(u8::is_ascii_punctuation);
    let special = crate::outline::bullet_shape(body).is_some()
        || (text.starts_with(['#', '\\']) && !escaped)
        || is_thematic_break(body)
        || setext_underline(body).is_some()
        || markdown::is_bold_heading(body)
        || markdown::is_fence(body);
    if special {
        Cow::Owned(format!("\\{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Text lines as a fenced code block, their common indentation removed. `first`: they
/// are the first notes of their session.
fn write_code(
    out: &mut impl Write,
    doc: &Document,
    lines: &[Note],
    indent: &str,
    first: bool,
    run: &mut Paragraphs,
) -> io::Result<()> {
    let outline = doc.outline();
    let mut lines = lines;
    if first {
        // The lines right under the heading that the reader looks at for speakers
        // (speaker lines, label lines, lines without letters before them) stay
        // paragraphs, so that they name the same people when read back.
        let mut seen = 0;
        while let Some(note) = lines.first().filter(|n| n.depth == 1) {
            let text = outline.text(note.line);
            let decoration = !text.chars().any(char::is_alphabetic);
            let speaker_ish = (seen == 0 && rules::name_line(&text).is_some())
                || rules::is_label_line(&text)
                || rules::speaker_label(&text).is_some()
                || rules::speaker::speaker_line(&text, rules::speaker::Position::Plain).is_some();
            // A paragraph there that says a status would say it of the session: a
            // line the source's reader did not read so stays in the code block.
            let says_status = rules::status::absence(&text).is_some();
            if says_status || (!decoration && (outline.line(note.line).is_code() || !speaker_ish)) {
                break;
            }
            let text = if doc.syntax() == Syntax::Outline {
                outline_links(&text)
            } else {
                text
            };
            run.write(out, "", text.trim(), note.line)?;
            lines = &lines[1..];
            seen += 1;
        }
        if lines.is_empty() {
            return Ok(());
        }
    }
    run.end();
    let contents: Vec<String> = lines
        .iter()
        .map(|n| String::from_utf8_lossy(outline.content(n.line)).into_owned())
        .collect();
    let common = contents
        .iter()
        .map(|c| c.len() - c.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    let longest_run = contents
        .iter()
        .flat_map(|c| c.split(|ch| ch != '`').map(str::len))
        .max()
        .unwrap_or(0);
    let fence = "`".repeat(longest_run.max(2) + 1);
    writeln!(out, "{indent}{fence}")?;
    for content in &contents {
        writeln!(out, "{indent}{}", content[common..].trim_end())?;
    }
    writeln!(out, "{indent}{fence}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn export(src: &str) -> String {
        let doc = Document::parse(src.as_bytes());
        let mut out = Vec::new();
        write_document(&mut out, "x.txt", &doc, doc.sessions()).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// `src` read in `syntax`, and its export.
    fn export_as(src: &str, syntax: Syntax) -> (Document<'_>, String) {
        let doc = Document::parse_as(src.as_bytes(), syntax);
        let mut out = Vec::new();
        write_document(&mut out, "x", &doc, doc.sessions()).unwrap();
        (doc, String::from_utf8(out).unwrap())
    }

    fn titles(doc: &Document) -> Vec<String> {
        doc.sessions()
            .iter()
            .map(|s| s.title().to_string())
            .collect()
    }

    #[test]
    fn sessions_days_bullets_and_code() {
        let src = "My notes\n\nFriday\n\nDecorators, Colton Myers, @basepi\n\n  • wrap\n    1. add\n  • sugar:\n\n      def f():\n          pass\n\
                   Talks I did not see:\n  • Fast – Alex Gaynor\n    • why\n";
        assert_eq!(
            export(src),
            "# My notes\n\n## Friday\n\n## Decorators, Colton Myers, @basepi\n\n\
             - wrap\n    1. add\n- sugar:\n    ```\n    def f():\n        pass\n    ```\n\n\
             ## Talks I did not see:\n\n- Fast – Alex Gaynor\n    - why\n"
        );
    }

    #[test]
    fn note_headings_stay_paragraphs_with_top_level_bullets() {
        let src =
            "Title\n\nTalk, Brandon Rhodes\n\nFurther reading:\n\n  • a book\n  • Missed, sorry\n";
        assert_eq!(
            export(src),
            "# Title\n\n## Talk, Brandon Rhodes\n\nFurther reading:\n- a book\n- Missed, sorry\n\n"
        );
    }

    #[test]
    fn empty_sessions_stay_sessions_when_read_back() {
        let src = "# Conf\n*Lisbon*\n\n## Wednesday\n\n### Welcome\n*Ines Duarte*\n";
        let md = export(src);
        assert_eq!(
            md,
            "# Conf\n\n## Wednesday\n\n## \\*Lisbon\\*\n\n## Welcome\n\n*Ines Duarte*\n\n"
        );
        let reread = Document::parse_as(md.as_bytes(), Syntax::Markdown);
        assert_eq!(titles(&reread), titles(&Document::parse(src.as_bytes())));
    }

    #[test]
    fn a_plain_outline_checkbox_stays_text() {
        let src = "Notes\n\nPlanning\n  • [ ] book the hotel\n  • [x] register\n";
        let md = export(src);
        assert_eq!(
            md,
            "# Notes\n\n## Planning\n\n- \\[ ] book the hotel\n- \\[x] register\n\n"
        );
        let reread = Document::parse_as(md.as_bytes(), Syntax::Markdown);
        assert_eq!(reread.sessions().len(), 1);
        assert_eq!(reread.sessions()[0].title(), "Planning");
    }

    #[test]
    fn a_fence_in_text_under_a_bullet_stays_text() {
        let src = "* A talk\n- \n ```\nSpeakers: Ann Lee, Bo Li\n";
        let (_, md) = export_as(src, Syntax::Org);
        assert!(md.contains("\n    \\```\n"), "{md}");
        let reread = Document::parse_as(md.as_bytes(), Syntax::Markdown);
        assert_eq!(reread.sessions()[0].speakers(), ["Ann Lee", "Bo Li"]);
    }

    #[test]
    fn link_syntax_in_a_plain_outline_stays_text() {
        let src =
            "Title\n\nA talk\nSpeakers: Ann Lee, Bo Li with [Tidepool](https://x)\n  * note\n";
        let md = export(src);
        assert!(md.contains("Bo Li with \\[Tidepool](https://x)\n"), "{md}");
        let speakers = |doc: &Document| -> Vec<String> {
            doc.sessions()[0]
                .speakers()
                .iter()
                .map(|s| s.to_string())
                .collect()
        };
        let reread = Document::parse_as(md.as_bytes(), Syntax::Markdown);
        assert_eq!(
            speakers(&reread),
            speakers(&Document::parse(src.as_bytes()))
        );
    }

    #[test]
    fn a_talk_missed_by_its_todo_state_says_so_before_its_parts() {
        let src = "* A talk, Ann Lee\n* TODO watch: Another talk\n** Questions\n- one\n";
        let (doc, md) = export_as(src, Syntax::Org);
        assert!(
            md.contains("## watch: Another talk\n\nMissed\n\n### Questions\n"),
            "{md}"
        );
        let status = |doc: &Document| {
            doc.sessions()
                .iter()
                .map(|s| s.status())
                .collect::<Vec<_>>()
        };
        let reread = Document::parse_as(md.as_bytes(), Syntax::Markdown);
        assert_eq!(status(&reread), status(&doc));
    }

    #[test]
    fn lines_of_other_syntaxes_stay_lines_of_their_own() {
        // Written as one paragraph, these would read as a pasted schedule block.
        let src = "* A talk – Ann Lee\nProfiling in production\nA line about it\nBo Li @boli\n";
        let (doc, md) = export_as(src, Syntax::Org);
        assert!(
            md.contains("Profiling in production\n\nA line about it\n\nBo Li @boli\n"),
            "{md}"
        );
        let reread = Document::parse_as(md.as_bytes(), Syntax::Markdown);
        assert_eq!(titles(&reread), titles(&doc));
    }

    #[test]
    fn two_days_of_one_number_stay_two_days() {
        let src = "Notes\n\nDay 2\n\nA talk, Ann Lee\n  • x\n\nDay 2\n\nLightning Talks, Friday PM\n  • y\n";
        let md = export(src);
        assert_eq!(md.matches("## Day 2").count(), 2, "{md}");
        let days = |doc: &Document| -> Vec<String> {
            doc.sessions()
                .iter()
                .map(|s| format!("{:?}", s.day_info().map(|d| (d.number, d.weekday))))
                .collect()
        };
        let reread = Document::parse_as(md.as_bytes(), Syntax::Markdown);
        assert_eq!(days(&reread), days(&Document::parse(src.as_bytes())));
    }

    #[test]
    fn day_headings_say_the_number_a_weekday_alone_would_not() {
        use crate::document::Day;
        let day = |number, label: Option<&str>| DayInfo {
            number,
            weekday: Some(Day::Friday),
            date: None,
            label: label.map(str::to_string),
        };
        assert_eq!(day_heading(&day(2, None), 2), "Friday");
        assert_eq!(day_heading(&day(2, None), 1), "Day 2 — Friday");
        // A heading as written keeps its own number.
        assert_eq!(
            day_heading(&day(9, Some("Day 1 — Friday")), 3),
            "Day 1 — Friday"
        );
        assert_eq!(
            day_heading(&day(4, Some("Keynotes")), 4),
            "Keynotes — Friday"
        );
    }

    #[test]
    fn nothing_to_export() {
        assert_eq!(export(""), "");
    }
}
