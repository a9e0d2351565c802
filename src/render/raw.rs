//! Raw printers: the notes exactly as in the file.

use std::io::{self, Write};

use crate::document::{Document, Session};

/// The whole file, byte for byte.
pub fn write_document(out: &mut impl Write, doc: &Document) -> io::Result<()> {
    doc.outline().write_to(out)
}

/// Sessions with everything they cover, trailing blank lines included, as in the file.
pub fn write_sessions<'d>(
    out: &mut impl Write,
    doc: &Document,
    sessions: impl IntoIterator<Item = &'d Session>,
) -> io::Result<()> {
    for session in sessions {
        doc.outline().write_lines(session.lines(), &mut *out)?;
    }
    Ok(())
}

/// A session as in the file: its heading and notes without trailing blank lines,
/// ending with a newline even where the file has none.
pub fn write_session(out: &mut impl Write, doc: &Document, session: &Session) -> io::Result<()> {
    let outline = doc.outline();
    let lines = session.lines();
    let end = lines
        .clone()
        .rev()
        .find(|&i| !outline.line(i).is_blank())
        .map_or(lines.start + 1, |i| i + 1);
    outline.write_lines(session.line()..end, &mut *out)?;
    if !outline.raw(end - 1).ends_with(b"\n") {
        out.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOTES: &[u8] = b"Title\n\nA talk\n  - x\n\n\nFriday\nB talk\n  - y";

    #[test]
    fn sessions_verbatim_without_trailing_blanks() {
        let doc = Document::parse(NOTES);
        let mut out = Vec::new();
        for s in doc.sessions() {
            write_session(&mut out, &doc, s).unwrap();
        }
        assert_eq!(out, b"A talk\n  - x\nB talk\n  - y\n");
    }

    #[test]
    fn sessions_with_everything_they_cover() {
        let doc = Document::parse(NOTES);
        let mut out = Vec::new();
        write_sessions(&mut out, &doc, doc.sessions()).unwrap();
        assert_eq!(out, b"A talk\n  - x\n\n\nB talk\n  - y");
        let mut all = Vec::new();
        write_document(&mut all, &doc).unwrap();
        assert_eq!(all, NOTES);
    }
}
