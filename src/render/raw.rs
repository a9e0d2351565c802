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

/// Sessions as [`write_sessions`] writes them, but from the file's bytes on disk, for a
/// file that was decoded: line `i` of the text is `raw[starts[i]..starts[i + 1]]`.
pub fn write_sessions_on_disk<'d>(
    out: &mut impl Write,
    raw: &[u8],
    starts: &[usize],
    sessions: impl IntoIterator<Item = &'d Session>,
) -> io::Result<()> {
    for session in sessions {
        let lines = session.lines();
        let on_disk = starts.get(lines.start).zip(starts.get(lines.end));
        if let Some((&start, &end)) = on_disk {
            out.write_all(&raw[start..end])?;
        }
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
    fn sessions_from_the_bytes_on_disk() {
        // Windows-1252 on disk: "Caf\xe9 talk"; the text has it decoded.
        let raw = b"Title\n\nCaf\xe9 talk\n  - x\nB talk\n";
        let text = "Title\n\nCaf\u{e9} talk\n  - x\nB talk\n";
        let doc = Document::parse(text.as_bytes());
        let starts = [0, 6, 7, 17, 23, 30];
        let mut out = Vec::new();
        write_sessions_on_disk(&mut out, raw, &starts, &doc.sessions()[..1]).unwrap();
        assert_eq!(out, b"Caf\xe9 talk\n  - x\n");
    }

    #[test]
    fn sessions_with_everything_they_cover() {
        let doc = Document::parse(NOTES);
        let mut out = Vec::new();
        write_sessions(&mut out, &doc, doc.sessions()).unwrap();
        assert_eq!(out, b"A talk\n  - x\n\n\nB talk\n  - y");
    }
}
