//! Keeping a notes file from steering the terminal.
//!
//! On a terminal, characters that can control it are shown escaped instead of sent:
//! C0 controls but tab and the line ending (so every escape sequence), DEL, C1
//! controls, and the bidirectional overrides and isolates U+202A–U+202E and
//! U+2066–U+2069, which can make text read differently from what it is. A CR right
//! before a LF is a line ending and stays; bytes that are not UTF-8 are shown as
//! `\xNN`. Piped output is never touched: `main` only asks for this on a terminal.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

/// True for a character that can steer a terminal or reorder what it shows.
pub fn is_dangerous(c: char) -> bool {
    (c < ' ' && c != '\t' && c != '\n')
        || c == '\u{7f}'
        || ('\u{80}'..='\u{9f}').contains(&c)
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

fn escape_char(c: char, out: &mut String) {
    if (c as u32) < 0x80 {
        let _ = write!(out, "\\x{:02x}", c as u32);
    } else {
        let _ = write!(out, "\\u{{{:x}}}", c as u32);
    }
}

/// `text` with every dangerous character escaped: `\x1b`, `\u{202e}`. Borrowed when
/// there is nothing to escape.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_dangerous) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            out.push(c);
        } else if is_dangerous(c) {
            escape_char(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A writer that escapes what passes through it, for output that is the notes' own
/// bytes (`print`, `show`, exports). A UTF-8 sequence or a CR cut by a write boundary
/// waits for the next write; [`Escaping::finish`] writes what is left.
pub struct Escaping<W: Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: Write> Escaping<W> {
    /// Escapes into `inner`.
    pub fn new(inner: W) -> Escaping<W> {
        Escaping {
            inner,
            pending: Vec::new(),
        }
    }

    /// Writes out a held-back CR or incomplete sequence, escaped, and returns the writer.
    pub fn finish(mut self) -> io::Result<W> {
        let pending = std::mem::take(&mut self.pending);
        self.write_escaped(&pending, true)?;
        Ok(self.inner)
    }

    /// Escapes `data`; unless `last`, a trailing CR or incomplete UTF-8 sequence is
    /// kept for the next call.
    fn write_escaped(&mut self, data: &[u8], last: bool) -> io::Result<()> {
        let mut rest = data;
        while !rest.is_empty() {
            let split = std::str::from_utf8(rest).map_or_else(|e| e.valid_up_to(), |_| rest.len());
            let (valid, after) = rest.split_at(split);
            // The prefix up to `valid_up_to` is UTF-8 by definition.
            let valid = std::str::from_utf8(valid).unwrap_or_default();
            let (valid, held) = match valid.strip_suffix('\r') {
                Some(before) if after.is_empty() && !last => (before, true),
                _ => (valid, false),
            };
            let text = visible(valid);
            self.inner.write_all(text.as_bytes())?;
            if held {
                self.pending.push(b'\r');
                return Ok(());
            }
            if after.is_empty() {
                break;
            }
            let bad = match std::str::from_utf8(after) {
                Err(e) if e.error_len().is_none() && !last => {
                    self.pending.extend_from_slice(after);
                    return Ok(());
                }
                Err(e) => e.error_len().unwrap_or(after.len()),
                Ok(_) => 0,
            };
            for byte in &after[..bad] {
                write!(self.inner, "\\x{byte:02x}")?;
            }
            rest = &after[bad..];
        }
        Ok(())
    }
}

impl<W: Write> Write for Escaping<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.pending.is_empty() {
            self.write_escaped(buf, false)?;
        } else {
            let mut joined = std::mem::take(&mut self.pending);
            joined.extend_from_slice(buf);
            self.write_escaped(&joined, false)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// A JSON formatter that also escapes DEL, C1 controls and bidirectional overrides as
/// `\uXXXX` (serde_json escapes the C0 controls itself), so JSON on a terminal is as
/// safe as text. The JSON means the same either way.
#[derive(Debug, Clone, Copy, Default)]
pub struct SafeJson;

impl serde_json::ser::Formatter for SafeJson {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if is_dangerous(c) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                write!(writer, "\\u{:04x}", c as u32)?;
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dangerous_characters() {
        for c in [
            '\x1b', '\x07', '\0', '\r', '\x7f', '\u{9b}', '\u{202e}', '\u{2066}',
        ] {
            assert!(is_dangerous(c), "{c:?}");
        }
        for c in ['\t', '\n', 'a', '•', '–', '\u{a0}', '\u{202f}', '\u{200b}'] {
            assert!(!is_dangerous(c), "{c:?}");
        }
    }

    #[test]
    fn visible_escapes() {
        assert_eq!(visible("plain • text"), "plain • text");
        assert!(matches!(visible("plain"), Cow::Borrowed(_)));
        assert_eq!(visible("\x1b]0;pwned\x07title"), "\\x1b]0;pwned\\x07title");
        assert_eq!(visible("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(visible("a\rb\r\n"), "a\\x0db\r\n");
        assert_eq!(visible("del\x7f c1\u{9b}"), "del\\x7f c1\\u{9b}");
    }

    fn through(chunks: &[&[u8]]) -> String {
        let mut w = Escaping::new(Vec::new());
        for chunk in chunks {
            w.write_all(chunk).unwrap();
        }
        String::from_utf8(w.finish().unwrap()).unwrap()
    }

    #[test]
    fn the_writer_escapes_across_write_boundaries() {
        assert_eq!(through(&[b"a\x1b[2Jb\r\n"]), "a\\x1b[2Jb\r\n");
        assert_eq!(through(&[b"line\r", b"\nnext\r"]), "line\r\nnext\\x0d");
        let bullet = "•".as_bytes();
        assert_eq!(through(&[&bullet[..1], &bullet[1..], b" x"]), "• x");
        assert_eq!(
            through(&[b"bad \x93q\x94 \xe2\x80"]),
            "bad \\x93q\\x94 \\xe2\\x80"
        );
        assert_eq!(through(&["\u{202e}".as_bytes()]), "\\u{202e}");
    }

    #[test]
    fn json_escapes_what_serde_leaves() {
        let mut out = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(&mut out, SafeJson);
        serde::Serialize::serialize("a\x1b\u{7f}\u{9b}\u{202e}b", &mut ser).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#""a\u001b\u007f\u009b\u202eb""#
        );
    }
}
