//! `notes export --to opml`: OPML 2.0, the outline format that Workflowy, Dynalist and
//! OmniOutliner import.
//!
//! One `outline` element per node; sessions carry their fields as attributes. Every
//! text is escaped and characters XML 1.0 forbids are dropped, so the result is always
//! well-formed. Written with a stack, not recursion.

use std::io::{self, Write};

use crate::document::{Document, Session};
use crate::outline::LineNumber;

/// Indentation stops growing past this depth, so deep outlines stay linear in size.
const MAX_INDENT: usize = 32;

/// Starts an OPML document with `title` in its head.
pub fn write_head(out: &mut impl Write, title: &str) -> io::Result<()> {
    out.write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n")?;
    writeln!(
        out,
        "  <head>\n    <title>{}</title>\n  </head>",
        escape(title)
    )?;
    out.write_all(b"  <body>\n")
}

/// Writes the sessions of `doc`, read from the file labelled `label`. With `several`
/// (files in one document), they go under an outline element named after the file.
pub fn write_document<'d>(
    out: &mut impl Write,
    several: bool,
    label: &str,
    doc: &Document,
    sessions: impl IntoIterator<Item = &'d Session>,
) -> io::Result<()> {
    let base = 2 + usize::from(several);
    if several {
        writeln!(out, "    <outline text=\"{}\">", escape(label))?;
    }
    for session in sessions {
        write_session(out, base, label, doc, session)?;
    }
    if several {
        out.write_all(b"    </outline>\n")?;
    }
    Ok(())
}

/// Closes the document.
pub fn write_end(out: &mut impl Write) -> io::Result<()> {
    out.write_all(b"  </body>\n</opml>\n")
}

fn write_session(
    out: &mut impl Write,
    base: usize,
    label: &str,
    doc: &Document,
    s: &Session,
) -> io::Result<()> {
    let outline = doc.outline();
    let byline = s.byline();
    indent(out, base)?;
    write!(
        out,
        "<outline text=\"{}\" file=\"{}\" line=\"{}\" kind=\"{}\" status=\"{}\"",
        escape(byline.title),
        escape(label),
        s.line_number(),
        s.kind().name(),
        s.status().name()
    )?;
    let optional = [
        ("day", s.day().map(|d| d.name().to_string())),
        (
            "speakers",
            (!byline.speakers.is_empty()).then(|| byline.speakers.join(", ")),
        ),
        (
            "handles",
            (!byline.handles.is_empty()).then(|| byline.handles.join(" ")),
        ),
        ("room", byline.room.map(String::from)),
        ("reason", s.reason().map(String::from)),
    ];
    for (name, value) in optional {
        if let Some(value) = value {
            write!(out, " {name}=\"{}\"", escape(&value))?;
        }
    }
    let notes = doc.notes(s);
    if notes.is_empty() {
        return out.write_all(b"/>\n");
    }
    out.write_all(b">\n")?;
    for (i, note) in notes.iter().enumerate() {
        let next_depth = notes.get(i + 1).map_or(0, |n| n.depth);
        indent(out, base + note.depth)?;
        write!(
            out,
            "<outline text=\"{}\" line=\"{}\"",
            escape(&outline.text(note.line)),
            LineNumber::of(note.line)
        )?;
        if next_depth > note.depth {
            out.write_all(b">\n")?;
            continue;
        }
        out.write_all(b"/>\n")?;
        for depth in (next_depth..note.depth).rev() {
            indent(out, base + depth)?;
            out.write_all(b"</outline>\n")?;
        }
    }
    Ok(())
}

fn indent(out: &mut impl Write, depth: usize) -> io::Result<()> {
    write!(out, "{:width$}", "", width = 2 * depth.min(MAX_INDENT))
}

/// Characters XML 1.0 allows: tab, newline, carriage return, and U+0020 up, except the
/// two non-characters U+FFFE and U+FFFF.
fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

/// Escapes text for an attribute value or element content: markup characters become
/// entities, whitespace controls become character references (so attribute values keep
/// them), and characters XML forbids are dropped.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars().filter(|&c| allowed_in_xml(c)) {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            '\t' => escaped.push_str("&#9;"),
            '\n' => escaped.push_str("&#10;"),
            '\r' => escaped.push_str("&#13;"),
            c if crate::render::escape::is_dangerous(c) => {
                escaped.push_str(&format!("&#x{:X};", c as u32));
            }
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_what_xml_forbids() {
        assert_eq!(
            escape("a & b < c > \"d\" 'e'"),
            "a &amp; b &lt; c &gt; &quot;d&quot; &apos;e&apos;"
        );
        assert_eq!(
            escape("nul\0 bell\x07 esc\x1b ok\u{FFFF}"),
            "nul bell esc ok"
        );
        assert_eq!(escape("tab\tcr\r"), "tab&#9;cr&#13;");
        assert_eq!(escape("Pérez – ✓"), "Pérez – ✓");
    }

    #[test]
    fn nests_notes_and_closes_every_element() {
        let doc = Document::parse("Talk – Ann Lee\n  - a\n    - b\n  - c\nNext\n".as_bytes());
        let mut out = Vec::new();
        write_head(&mut out, "T").unwrap();
        write_document(&mut out, false, "x.txt", &doc, doc.sessions()).unwrap();
        write_end(&mut out).unwrap();
        let xml = String::from_utf8(out).unwrap();
        assert_eq!(xml.matches("<outline").count(), 5);
        assert_eq!(
            xml.matches("</outline>").count() + xml.matches("/>").count(),
            5
        );
        assert!(xml.contains("speakers=\"Ann Lee\""));
        assert!(xml.contains("      <outline text=\"a\" line=\"2\">\n        <outline text=\"b\" line=\"3\"/>\n      </outline>\n"));
    }
}
