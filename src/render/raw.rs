//! Raw printers: the notes exactly as in the file.
//!
//! They copy byte ranges of the source.

use std::io::{self, Write};

use crate::document::{Document, Session, Talk};
use crate::outline::is_blank_line;

/// Sessions with everything they cover, trailing blank lines included, as in the file.
pub fn write_sessions<'d>(
    out: &mut impl Write,
    doc: &Document,
    sessions: impl IntoIterator<Item = &'d Session>,
) -> io::Result<()> {
    for session in sessions {
        out.write_all(&doc.src()[session.bytes()])?;
    }
    Ok(())
}

/// A session as in the file: its heading and notes without trailing blank lines,
/// ending with a newline even where the file has none.
pub fn write_session(out: &mut impl Write, doc: &Document, session: &Session) -> io::Result<()> {
    write_trimmed(out, &doc.src()[session.bytes()])
}

/// A lightning talk as in the file: its session's heading line, then the talk's bullet
/// and what is under it.
pub fn write_talk(
    out: &mut impl Write,
    doc: &Document,
    session: &Session,
    talk: &Talk,
) -> io::Result<()> {
    let session_bytes = &doc.src()[session.bytes()];
    let heading = session_bytes
        .split_inclusive(|&b| b == b'\n')
        .next()
        .unwrap_or_default();
    write_trimmed(out, heading)?;
    write_trimmed(out, &doc.src()[talk.bytes()])
}

/// Whole lines `text` without trailing blank lines (the first line stays even when
/// blank), ending with a newline.
fn write_trimmed(out: &mut impl Write, text: &[u8]) -> io::Result<()> {
    let mut lines = text.split_inclusive(|&b| b == b'\n');
    let first = lines.next().map_or(0, <[u8]>::len);
    let end = first
        + lines
            .rev()
            .skip_while(|line| is_blank_line(line))
            .map(<[u8]>::len)
            .sum::<usize>();
    let kept = &text[..end];
    out.write_all(kept)?;
    if !kept.ends_with(b"\n") {
        out.write_all(b"\n")?;
    }
    Ok(())
}
/// `text` as is, or with `PREFIX:` before each line when a prefix is given.
pub fn write_prefixed(out: &mut impl Write, prefix: Option<&str>, text: &[u8]) -> io::Result<()> {
    let Some(prefix) = prefix else {
        return out.write_all(text);
    };
    for line in text.split_inclusive(|&b| b == b'\n') {
        out.write_all(prefix.as_bytes())?;
        out.write_all(b":")?;
        out.write_all(line)?;
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
    fn talks_with_their_heading_and_prefixed_lines() {
        let doc = Document::parse(b"Lightning Talks\n\n  - one\n    - detail\n\n  - two\n");
        let session = &doc.sessions()[0];
        let mut out = Vec::new();
        write_talk(&mut out, &doc, session, &session.talks()[0]).unwrap();
        assert_eq!(out, b"Lightning Talks\n  - one\n    - detail\n");
        let mut prefixed = Vec::new();
        write_prefixed(&mut prefixed, Some("a.txt"), b"x\ny").unwrap();
        assert_eq!(prefixed, b"a.txt:x\na.txt:y");
    }

    #[test]
    fn sessions_with_everything_they_cover() {
        let doc = Document::parse(NOTES);
        let mut out = Vec::new();
        write_sessions(&mut out, &doc, doc.sessions()).unwrap();
        assert_eq!(out, b"A talk\n  - x\n\n\nB talk\n  - y");
    }
}
