//! Finding and reading the notes file.

use std::borrow::Cow;
use std::io::{self, Read, Write};
use std::path::Path;

use anyhow::{Context, Result, bail};
use notes::outline::Outline;

/// The user's PyCon 2014 notes, used when no file is named.
const BUNDLED: &[u8] = include_bytes!("../../notes/pycon2014.txt");

/// The label of the bundled notes in messages.
const BUNDLED_LABEL: &str = "pycon2014.txt";

/// The bytes of a notes file and the name to call it by in messages.
pub struct Notes {
    /// The path as given, `<stdin>`, or `pycon2014.txt` for the bundled notes.
    pub label: String,
    /// The file's bytes.
    pub bytes: Cow<'static, [u8]>,
}

/// Reads the notes named by `file` (`-` for standard input), or the bundled notes.
pub fn load(file: Option<&Path>) -> Result<Notes> {
    let Some(path) = file else {
        return Ok(Notes {
            label: BUNDLED_LABEL.to_string(),
            bytes: Cow::Borrowed(BUNDLED),
        });
    };
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .context("could not read notes from standard input")?;
        return Ok(Notes {
            label: "<stdin>".to_string(),
            bytes: Cow::Owned(bytes),
        });
    }
    let label = path.display().to_string();
    if path.is_dir() {
        bail!("`{label}` is a directory, not a notes file");
    }
    let bytes =
        std::fs::read(path).with_context(|| format!("could not read notes file `{label}`"))?;
    Ok(Notes {
        label,
        bytes: Cow::Owned(bytes),
    })
}

/// Warns once, on standard error, when the notes are not valid UTF-8.
pub fn warn_if_not_utf8(notes: &Notes, outline: &Outline) {
    if let Some(line) = outline.first_invalid_utf8() {
        // A warning that cannot be written is not worth failing for.
        let _ = writeln!(
            io::stderr(),
            "warning: {}: line {} is not valid UTF-8; invalid bytes are shown as U+FFFD",
            notes.label,
            line + 1
        );
    }
}
