//! Finding and reading the notes files.

use std::cell::OnceCell;
use std::ffi::OsStr;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context, Result, bail};
use notes::document::rules::DaySpec;
use notes::document::{DayInfo, Document, ReadOptions};
use notes::outline::{LineNumber, Outline, Syntax, first_invalid_utf8};
use notes::query::Filter;
use notes::search::Searcher;
use regex::Regex;

/// The user's PyCon 2014 notes, used when no file is named.
const BUNDLED: &[u8] = include_bytes!("../../notes/pycon2014.txt");

/// The label of the bundled notes in messages and records.
const BUNDLED_LABEL: &str = "pycon2014.txt";

/// The extensions of notes files, for directories.
const EXTENSIONS: [&str; 6] = ["txt", "md", "markdown", "org", "taskpaper", "todo"];

/// A notes file read, as commands see it. Its document is read the first time it is
/// asked for: `print` never needs it.
pub struct File<'f, 'a> {
    /// Its name in messages and JSON records.
    pub label: &'f str,
    /// Its name for text records: only when several files are read.
    pub prefix: Option<&'f str>,
    /// Its bytes.
    pub src: &'a [u8],
    /// The syntax it is read in.
    pub syntax: Syntax,
    options: &'f ReadOptions,
    doc: &'f OnceCell<Document<'a>>,
}

impl<'a> File<'_, 'a> {
    /// The file read as conference notes.
    pub fn doc(&self) -> &Document<'a> {
        self.doc
            .get_or_init(|| Document::read(Outline::parse_as(self.src, self.syntax), self.options))
    }

    /// `filter` with the day `--day` asks for, read against this file's days.
    pub fn filter(&self, base: &Filter, day: Option<&str>) -> Result<Filter> {
        let Some(value) = day else {
            return Ok(base.clone());
        };
        let parsed = DaySpec::parse(value);
        let names_a_day = |spec: &DaySpec| self.doc().days().any(|d| d.matches(spec));
        let label = DaySpec::Label(value.to_string());
        // A label as written ("3/11/2020") wins over a reading of it that no day has.
        let spec = match parsed {
            Some(spec) if names_a_day(&spec) || !names_a_day(&label) => Some(spec),
            _ if names_a_day(&label) => Some(label),
            _ => None,
        };
        let Some(spec) = spec else {
            let days: Vec<String> = self.doc().days().map(DayInfo::describe).collect();
            let has = if days.is_empty() {
                "no days".to_string()
            } else {
                format!("days {}", days.join(", "))
            };
            bail!(
                "unknown day `{value}`: expected a weekday (monday or mon, tuesday or tue, \
                 ..., sunday or sun), a day number (2, day 2), a date (2019-11-16, \
                 November 16) or a day's heading as written; {} has {has}",
                self.label
            );
        };
        Ok(Filter {
            day: Some(spec),
            ..base.clone()
        })
    }

    /// A search of the file for `pattern`, through its document. `todo` also finds
    /// org-mode TODO headings.
    pub fn search<'s>(
        &'s self,
        pattern: &'s Regex,
        case_insensitive: bool,
        todo: bool,
    ) -> Searcher<'a, 's> {
        let searcher = Searcher::new(self.doc(), pattern, case_insensitive);
        if todo {
            searcher.with_states()
        } else {
            searcher
        }
    }
}

/// Where one notes file comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Source {
    Bundled,
    Stdin,
    Path(PathBuf),
}

impl Source {
    fn label(&self) -> String {
        match self {
            Source::Bundled => BUNDLED_LABEL.to_string(),
            Source::Stdin => "<stdin>".to_string(),
            Source::Path(path) => path.display().to_string(),
        }
    }

    /// The syntax of the file: by its extension, by a look at standard input.
    fn syntax(&self, bytes: &[u8]) -> Syntax {
        match self {
            Source::Bundled => Syntax::Outline,
            Source::Stdin => Syntax::sniff(bytes),
            Source::Path(path) => Syntax::from_path(path),
        }
    }

    fn read(&self) -> Result<Bytes> {
        match self {
            Source::Bundled => Ok(Bytes::Static(BUNDLED)),
            Source::Stdin => read_stdin()
                .map(Bytes::Owned)
                .context("could not read notes from standard input"),
            Source::Path(path) => read_file(path)
                .with_context(|| format!("could not read notes file `{}`", path.display())),
        }
    }
}

/// A file's bytes: built in, read, or mapped.
enum Bytes {
    Static(&'static [u8]),
    Owned(Vec<u8>),
    Mapped(memmap2::Mmap),
}

impl std::ops::Deref for Bytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Static(bytes) => bytes,
            Bytes::Owned(bytes) => bytes,
            Bytes::Mapped(map) => map,
        }
    }
}

/// Standard input, whole. Memory is asked for as it comes, so input too big to hold is
/// an error, not an abort.
fn read_stdin() -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; 1 << 16];
    let mut stdin = io::stdin().lock();
    loop {
        let n = match stdin.read(&mut chunk) {
            Ok(0) => return Ok(bytes),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        bytes.try_reserve(n).map_err(|_| {
            io::Error::new(
                io::ErrorKind::OutOfMemory,
                format!("not enough memory for more than {} bytes", bytes.len()),
            )
        })?;
        bytes.extend_from_slice(&chunk[..n]);
    }
}

/// Files at least this big are mapped rather than read: no copy, and pages come in as
/// they are touched.
const MAP_AT: u64 = 256 * 1024;

fn read_file(path: &Path) -> io::Result<Bytes> {
    let file = std::fs::File::open(path)?;
    let metadata = file.metadata()?;
    if metadata.is_file() && metadata.len() >= MAP_AT {
        // SAFETY: the map is only read. As with ripgrep, a file truncated by another
        // process while it is mapped can still end the process with SIGBUS; notes never
        // writes to the files it reads.
        if let Ok(map) = unsafe { memmap2::Mmap::map(&file) } {
            return Ok(Bytes::Mapped(map));
        }
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    (&file).read_to_end(&mut bytes)?;
    Ok(Bytes::Owned(bytes))
}

/// Something to tell the user on standard error, once the command is done: a file
/// that could not be read (`error:`), or bytes that are not UTF-8 (`warning:`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Diagnostic {
    /// A file could not be found, read or used.
    Error(String),
    /// A file was read, with something worth knowing.
    Warning(String),
}

/// How the files are to be read.
#[derive(Debug, Clone, Default)]
pub struct ReadAs {
    /// Read files with NUL bytes too (`--text`).
    pub text: bool,
    /// The syntax `--syntax` forces, else each file's own.
    pub syntax: Option<Syntax>,
    /// How the reader reads the structure (`--session-level`, `--one-talk`,
    /// `check --explain`).
    pub options: ReadOptions,
}

/// The notes files to read, in order, and what went wrong finding or reading them.
#[derive(Debug)]
pub struct Inputs {
    sources: Vec<Result<Source, String>>,
    read_as: ReadAs,
    failed: bool,
    /// Some file was read; some was refused as binary.
    read_any: bool,
    refused_binary: bool,
    diagnostics: Vec<Diagnostic>,
}

impl Inputs {
    /// The files named by `paths` (directories expanded), or the bundled notes when
    /// `paths` is empty.
    pub fn new(paths: &[PathBuf], read_as: ReadAs) -> Inputs {
        let sources = if paths.is_empty() {
            vec![Ok(Source::Bundled)]
        } else {
            paths.iter().flat_map(|p| expand(p)).collect()
        };
        Inputs {
            sources,
            read_as,
            failed: false,
            read_any: false,
            refused_binary: false,
            diagnostics: Vec::new(),
        }
    }

    /// What to tell the user on standard error, in the order it happened.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Explain how each file's structure is read (`check --explain`).
    pub fn explain(&mut self) {
        self.read_as.options.explain = true;
    }

    /// True when more than one file is read: records then start with the file's name.
    pub fn several(&self) -> bool {
        self.sources.len() > 1
    }

    /// True when a file could not be found or read, or when every file read was refused
    /// as binary.
    pub fn failed(&self) -> bool {
        self.failed || (self.refused_binary && !self.read_any)
    }

    /// Reads each file in turn and calls `f` with it. A file that cannot be read is
    /// kept as a diagnostic and skipped.
    pub fn for_each(&mut self, mut f: impl FnMut(&File) -> Result<()>) -> Result<()> {
        let several = self.several();
        for source in &self.sources {
            let loaded = match source {
                Ok(source) => source
                    .read()
                    .map(|bytes| (source.label(), source.syntax(&bytes), bytes)),
                Err(message) => Err(anyhow::anyhow!("{message}")),
            };
            let (label, syntax, bytes) = match loaded {
                Ok(loaded) => loaded,
                Err(err) => {
                    self.failed = true;
                    self.diagnostics.push(Diagnostic::Error(format!("{err:#}")));
                    continue;
                }
            };
            if !self.read_as.text
                && let Some(at) = memchr::memchr(0, &bytes)
            {
                self.refused_binary = true;
                self.diagnostics.push(Diagnostic::Error(format!(
                    "{label} looks like a binary file (NUL at byte {at})"
                )));
                continue;
            }
            self.read_any = true;
            let doc = OnceCell::new();
            let invalid = with_utf8_check(&bytes, || {
                f(&File {
                    label: &label,
                    prefix: several.then_some(&label),
                    src: &bytes,
                    syntax: self.read_as.syntax.unwrap_or(syntax),
                    options: &self.read_as.options,
                    doc: &doc,
                })
            });
            if let Some(line) = invalid.1 {
                self.diagnostics.push(Diagnostic::Warning(format!(
                    "{label}: line {} is not valid UTF-8; invalid bytes are shown as U+FFFD",
                    LineNumber::of(line)
                )));
            }
            invalid.0?;
        }
        Ok(())
    }
}

/// `-` is standard input, a directory its notes files, anything else a file.
fn expand(path: &Path) -> Vec<Result<Source, String>> {
    if path == Path::new("-") {
        return vec![Ok(Source::Stdin)];
    }
    if !path.is_dir() {
        return vec![Ok(Source::Path(path.to_path_buf()))];
    }
    match notes_in(path) {
        Ok(files) if files.is_empty() => vec![Err(format!(
            "no notes files (.{}) in directory `{}`",
            EXTENSIONS.join(", ."),
            path.display()
        ))],
        Ok(files) => files.into_iter().map(|f| Ok(Source::Path(f))).collect(),
        Err(err) => vec![Err(format!(
            "could not read directory `{}`: {err}",
            path.display()
        ))],
    }
}

/// The notes files directly in `dir`, sorted by name, hidden files skipped.
fn notes_in(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().and_then(OsStr::to_str).unwrap_or("");
        let notes_file = path
            .extension()
            .and_then(OsStr::to_str)
            .is_some_and(|ext| EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()));
        if !name.starts_with('.') && notes_file && !path.is_dir() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Files this big are checked for UTF-8 on a second thread while they are parsed.
const CHECK_APART_AT: usize = 1 << 20;

/// Runs `f` and finds the first line of `bytes` that is not valid UTF-8 (for the
/// warning). For big files a second thread checks while `f` runs; whichever finishes
/// first checks the last part of the file, so a quick `f` does not wait for the whole
/// check.
fn with_utf8_check<T>(bytes: &[u8], f: impl FnOnce() -> T) -> (T, Option<usize>) {
    if bytes.len() < CHECK_APART_AT {
        let invalid = first_invalid_utf8(bytes);
        return (f(), invalid);
    }
    // Split at a line end, which no UTF-8 sequence spans.
    let at = bytes.len() / 2;
    let split = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |p| at + p + 1);
    let (head, tail) = bytes.split_at(split);
    let valid = |part: &[u8]| simdutf8::basic::from_utf8(part).is_ok();
    let tail_taken = AtomicBool::new(false);
    let take_tail = || !tail_taken.swap(true, Ordering::AcqRel);
    let (result, head_ok, tail_ok) = std::thread::scope(|scope| {
        let check = scope.spawn(|| (valid(head), take_tail().then(|| valid(tail))));
        let result = f();
        let mine = take_tail().then(|| valid(tail));
        let (head_ok, theirs) = check.join().unwrap_or((false, None));
        (result, head_ok, mine.or(theirs).unwrap_or(false))
    });
    // Only a file with a bad byte pays for finding its line.
    let invalid = if head_ok && tail_ok {
        None
    } else {
        first_invalid_utf8(bytes)
    };
    (result, invalid)
}

/// Fails unless exactly what `json` allows: for commands without a JSON form.
pub fn refuse_json(json: bool, command: &str, instead: &str) -> Result<()> {
    if json {
        bail!("`notes {command}` has no JSON output; {instead}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_hold_notes_files_sorted_without_hidden_ones() {
        let dir = std::env::temp_dir().join(format!("notes-dir-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub.md")).unwrap();
        for name in ["b.md", "a.txt", ".hidden.txt", "c.ORG", "d.rs", "e.todo"] {
            std::fs::write(dir.join(name), "x").unwrap();
        }
        let names: Vec<String> = notes_in(&dir)
            .unwrap()
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.txt", "b.md", "c.ORG", "e.todo"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn labels() {
        assert_eq!(Source::Bundled.label(), "pycon2014.txt");
        assert_eq!(Source::Stdin.label(), "<stdin>");
        assert!(Inputs::new(&[], ReadAs::default()).sources == vec![Ok(Source::Bundled)]);
        assert!(!Inputs::new(&[], ReadAs::default()).several());
    }
}
