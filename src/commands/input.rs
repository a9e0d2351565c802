//! Finding and reading the notes files: paths as ripgrep takes them (folders walked
//! with its `ignore` crate, standard input when piped), decoded, read on every core,
//! and handed to the commands in a stable order.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::io::{self, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use anyhow::{Context, Result, bail};
use encoding_rs::Encoding;
use regex::Regex;
use talknotes::document::rules::{Date, DaySpec};
use talknotes::document::{AllPieces, DayInfo, Document, Pieces, ReadOptions, all_pieces, pieces};
use talknotes::event::{Origin, Place};
use talknotes::outline::{LineNumber, Outline, Syntax, first_invalid_utf8};
use talknotes::parallel;
use talknotes::query::Filter;
use talknotes::search::{Prefilter, Searcher};

use super::Output;
use crate::cli::{InputArgs, OutputArgs, SortBy};

/// The user's PyCon 2014 notes, used when no file is named.
const BUNDLED: &[u8] = include_bytes!("../../notes/pycon2014.txt");

/// The label of the bundled notes in messages and records.
const BUNDLED_LABEL: &str = "pycon2014.txt";

/// The extensions of the files a walk reads (any case).
const EXTENSIONS: [&str; 7] = ["txt", "md", "markdown", "org", "taskpaper", "todo", "otl"];

/// How much of a file without an extension is looked at for a NUL byte.
const SNIFF_BYTES: usize = 8 * 1024;

/// A notes file read, as commands see it. Its document and origin are worked out the
/// first time they are asked for: `print` needs neither.
pub struct File<'f> {
    /// Its name in messages and JSON records.
    pub label: &'f str,
    /// Its name for text records, when names are shown (`-H`, or several files).
    pub prefix: Option<&'f str>,
    /// Its bytes as they are on disk.
    pub raw: &'f [u8],
    /// The open file `raw` is mapped from, if it is.
    pub disk: Option<&'f std::fs::File>,
    /// Its text as UTF-8 (the same bytes, unless it was decoded).
    pub src: &'f [u8],
    /// The syntax it is read in.
    pub syntax: Syntax,
    /// It is not UTF-8, and was read as Windows-1252 (`-E auto`).
    pub fallback: bool,
    /// The encoding `src` was decoded from, when it is not `raw` itself.
    decoded_from: Option<&'static Encoding>,
    line_starts_on_disk: OnceCell<Option<Vec<usize>>>,
    place: &'f Place,
    options: &'f ReadOptions,
    doc: OnceCell<Document<'f>>,
    origin: OnceCell<Origin>,
}

impl<'f> File<'f> {
    /// The file read as conference notes.
    pub fn doc(&self) -> &Document<'f> {
        self.doc
            .get_or_init(|| Document::read(Outline::parse_as(self.src, self.syntax), self.options))
    }

    /// The file read for a search that prints only its hits' sessions: those that hold
    /// one of the byte offsets `candidates` (sorted) are read in full, the others as
    /// [`ReadOptions::full_at`] says. The file's document from then on.
    pub fn doc_for_hits(&self, candidates: std::sync::Arc<[usize]>) -> &Document<'f> {
        self.doc.get_or_init(|| {
            let options = ReadOptions {
                full_at: Some(candidates),
                ..self.options.clone()
            };
            Document::read(Outline::parse_as(self.src, self.syntax), &options)
        })
    }

    /// The pieces of the file that hold the byte offsets `at` (sorted), each read on its
    /// own as the whole file reads it, when it is a plain outline that can be cut there
    /// ([`talknotes::document::pieces`]); the file's document is not read.
    pub fn pieces(&self, at: &[usize]) -> Option<Pieces<'f>> {
        (self.syntax == Syntax::Outline && self.doc.get().is_none())
            .then(|| pieces(self.src, at, self.options))
            .flatten()
    }

    /// The whole file in pieces, to be read one after another, when it is a plain
    /// outline that can be cut ([`talknotes::document::all_pieces`]); the file's
    /// document is not read.
    pub fn all_pieces(&self) -> Option<AllPieces<'f>> {
        (self.syntax == Syntax::Outline && self.doc.get().is_none())
            .then(|| all_pieces(self.src, self.options))
            .flatten()
    }

    /// Where each line of the text starts in the bytes on disk, then where those end,
    /// when the text was decoded: line `i` is `raw[starts[i]..starts[i + 1]]`. None
    /// when the text is the bytes on disk, or when its lines cannot be found there.
    pub fn line_starts_on_disk(&self) -> Option<&[usize]> {
        let encoding = self.decoded_from?;
        self.line_starts_on_disk
            .get_or_init(|| line_starts_on_disk(self.raw, encoding, self.doc().outline().len()))
            .as_deref()
    }

    /// The event and year of the file's sessions.
    pub fn origin(&self) -> &Origin {
        self.origin
            .get_or_init(|| Origin::of(self.doc(), self.place))
    }

    /// A search of the file for `pattern`, through its document. `todo` also finds
    /// org-mode TODO headings.
    pub fn search<'s>(
        &'s self,
        pattern: &'s Regex,
        prefilter: &'s Prefilter,
        todo: bool,
    ) -> Searcher<'f, 's> {
        let searcher = Searcher::with_prefilter(self.doc(), pattern, prefilter);
        if todo {
            searcher.with_states()
        } else {
            searcher
        }
    }
}

/// The filters of the command line, read against each file's days.
#[derive(Debug, Default)]
pub struct Filters {
    base: Filter,
    days: Vec<String>,
    /// For each `--day`: some file has that day.
    known: Vec<AtomicBool>,
    /// For each `--day`: what the first file that lacks it has, for the message.
    lacking: Vec<Mutex<Option<String>>>,
}

impl Filters {
    /// `base` and the days `--day` asks for.
    pub fn new(base: Filter, days: &[String]) -> Filters {
        Filters {
            base,
            days: days.to_vec(),
            known: days.iter().map(|_| AtomicBool::new(false)).collect(),
            lacking: days.iter().map(|_| Mutex::new(None)).collect(),
        }
    }

    /// True when the filters keep every session of every file.
    pub fn keeps_all(&self) -> bool {
        self.days.is_empty() && self.base.is_empty()
    }

    /// These filters, with what a command adds to the base filter.
    pub fn with(self, f: impl FnOnce(Filter) -> Filter) -> Filters {
        Filters {
            base: f(self.base),
            ..self
        }
    }

    /// The filter for `file`: `None` when it has none of the days asked for.
    pub fn of(&self, file: &File) -> Option<Filter> {
        if self.days.is_empty() {
            return Some(self.base.clone());
        }
        let doc = file.doc();
        let names_a_day = |spec: &DaySpec| doc.days().any(|d| d.matches(spec));
        let mut days = Vec::new();
        for (i, value) in self.days.iter().enumerate() {
            let label = DaySpec::Label(value.to_string());
            // A label as written ("3/11/2020") wins over a reading of it that no day has.
            // A weekday, number or date is a day to ask for even where no day has it.
            let spec = match DaySpec::parse(value) {
                Some(spec) if names_a_day(&spec) || !names_a_day(&label) => Some(spec),
                _ if names_a_day(&label) => Some(label),
                _ => None,
            };
            match spec {
                Some(spec) => {
                    self.known[i].store(true, Ordering::Relaxed);
                    days.push(spec);
                }
                None => {
                    let mut lacking = self.lacking[i].lock().unwrap_or_else(|e| e.into_inner());
                    if lacking.is_none() {
                        let days: Vec<String> = doc.days().map(DayInfo::describe).collect();
                        let has = if days.is_empty() {
                            "no days".to_string()
                        } else {
                            format!("days {}", days.join(", "))
                        };
                        *lacking = Some(format!("{} has {has}", file.label));
                    }
                }
            }
        }
        (!days.is_empty()).then(|| Filter {
            days,
            ..self.base.clone()
        })
    }

    /// Fails for a `--day` that no file read has; `files` is how many were read.
    pub fn check(&self, files: usize) -> Result<()> {
        for (i, value) in self.days.iter().enumerate() {
            if self.known[i].load(Ordering::Relaxed) || files == 0 {
                continue;
            }
            let lacking = self.lacking[i].lock().unwrap_or_else(|e| e.into_inner());
            let has = match (files, lacking.as_deref()) {
                (1, Some(has)) => has.to_string(),
                _ => format!("none of the {files} files has it"),
            };
            bail!(
                "unknown day `{value}`: expected a weekday (monday or mon, tuesday or tue, \
                 ..., sunday or sun), a day number (2, day 2), a date (2019-11-16, \
                 November 16) or a day's heading as written; {has}"
            );
        }
        Ok(())
    }
}

/// Where one notes file comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Where {
    Bundled,
    Stdin,
    Path(PathBuf),
}

/// A file to read: where it is, and where it sits below the path that was given.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Source {
    from: Where,
    place: Place,
}

impl Source {
    fn bundled() -> Source {
        Source {
            from: Where::Bundled,
            place: Place {
                stem: Some("pycon2014".to_string()),
                ..Place::default()
            },
        }
    }

    fn stdin() -> Source {
        Source {
            from: Where::Stdin,
            place: Place::default(),
        }
    }

    /// `path`, found by walking `root` (or given itself when `root` is `path`).
    fn path(path: PathBuf, root: &Path) -> Source {
        let names = |p: &Path| -> Vec<String> {
            p.components()
                .filter_map(|c| match c {
                    Component::Normal(name) => Some(name.to_string_lossy().into_owned()),
                    _ => None,
                })
                .collect()
        };
        let parent = path.parent().unwrap_or(Path::new(""));
        let below = parent.strip_prefix(root).map(names).unwrap_or_default();
        let given = (root != path)
            .then(|| root.file_name().map(|n| n.to_string_lossy().into_owned()))
            .flatten();
        let place = Place {
            below,
            given,
            folders: names(parent),
            stem: path.file_stem().map(|s| s.to_string_lossy().into_owned()),
        };
        Source {
            from: Where::Path(path),
            place,
        }
    }

    fn label(&self) -> String {
        match &self.from {
            Where::Bundled => BUNDLED_LABEL.to_string(),
            Where::Stdin => "<stdin>".to_string(),
            Where::Path(path) => path.display().to_string(),
        }
    }

    /// The syntax of the file: by its extension, else (standard input, a file without
    /// an extension) by a look at its first lines.
    fn syntax(&self, bytes: &[u8]) -> Syntax {
        match &self.from {
            Where::Bundled => Syntax::Outline,
            Where::Path(path) if path.extension().is_some() => Syntax::from_path(path),
            Where::Stdin | Where::Path(_) => Syntax::sniff(bytes),
        }
    }

    fn read(&self) -> Result<Bytes> {
        match &self.from {
            Where::Bundled => Ok(Bytes::Static(BUNDLED)),
            Where::Stdin => read_stdin()
                .map(Bytes::Owned)
                .context("could not read notes from standard input"),
            Where::Path(path) => read_file(path)
                .with_context(|| format!("could not read notes file `{}`", path.display())),
        }
    }
}

/// A file's bytes: built in, read, or mapped.
enum Bytes {
    Static(&'static [u8]),
    Owned(Vec<u8>),
    /// Mapped, with the open file (which `print` copies from).
    Mapped(memmap2::Mmap, std::fs::File),
}

impl Bytes {
    /// The open file the bytes are mapped from.
    fn disk(&self) -> Option<&std::fs::File> {
        match self {
            Bytes::Mapped(_, file) => Some(file),
            Bytes::Static(_) | Bytes::Owned(_) => None,
        }
    }
}

impl std::ops::Deref for Bytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Static(bytes) => bytes,
            Bytes::Owned(bytes) => bytes,
            Bytes::Mapped(map, _) => map,
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
    if metadata.is_dir() {
        return Err(io::Error::other("it is a folder"));
    }
    if metadata.is_file() && metadata.len() >= MAP_AT {
        // SAFETY: the map is only read. As with ripgrep, a file truncated by another
        // process while it is mapped can still end the process with SIGBUS; notes never
        // writes to the files it reads.
        if let Ok(map) = unsafe { memmap2::Mmap::map(&file) } {
            return Ok(Bytes::Mapped(map, file));
        }
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    (&file).read_to_end(&mut bytes)?;
    Ok(Bytes::Owned(bytes))
}

/// The text encoding of the files (`-E`).
#[derive(Debug, Clone, Copy, Default)]
pub enum TextEncoding {
    /// A BOM, else UTF-8, else Windows-1252.
    #[default]
    Auto,
    /// UTF-8 whatever the bytes: bad bytes read as U+FFFD, with a warning.
    Utf8,
    /// This encoding (a BOM still wins, as WHATWG decoders do).
    Other(&'static Encoding),
}

impl TextEncoding {
    /// Reads `-E`'s value: `auto`, or any WHATWG label.
    pub fn parse(value: &str) -> Result<TextEncoding> {
        if value.eq_ignore_ascii_case("auto") {
            return Ok(TextEncoding::Auto);
        }
        // As in rg: no decoding at all.
        if value.eq_ignore_ascii_case("none") {
            return Ok(TextEncoding::Utf8);
        }
        match Encoding::for_label(value.trim().as_bytes()) {
            Some(encoding) if encoding == encoding_rs::UTF_8 => Ok(TextEncoding::Utf8),
            Some(encoding) => Ok(TextEncoding::Other(encoding)),
            None => bail!(
                "unknown encoding `{value}`: expected auto or a label such as utf-8, \
                 utf-16le, utf-16be, windows-1252, latin1, shift_jis"
            ),
        }
    }

    /// Whether `raw` is in an encoding of two-byte units, where a NUL byte is text.
    fn is_wide(self, raw: &[u8]) -> bool {
        match Encoding::for_bom(raw) {
            Some((encoding, _)) => is_utf16(encoding),
            None => matches!(self, TextEncoding::Other(e) if is_utf16(e)),
        }
    }

    /// `raw` as UTF-8, and what to warn about; a big file is checked on `threads`
    /// threads (as [`ReadOptions::threads`]).
    fn decode<'b>(self, raw: &'b [u8], label: &str, threads: usize) -> Decoded<'b> {
        let utf16 = Encoding::for_bom(raw).filter(|(e, _)| *e != encoding_rs::UTF_8);
        let as_is = |warning| Decoded {
            text: Cow::Borrowed(raw),
            warning,
            from: None,
        };
        match self {
            TextEncoding::Auto if utf16.is_some() => to_utf8(encoding_rs::UTF_8, raw),
            TextEncoding::Auto if is_utf8(raw, threads) => as_is(None),
            TextEncoding::Auto => {
                let line = first_invalid_utf8(raw).unwrap_or(0);
                let warning = format!(
                    "{label}: line {} is not valid UTF-8; bytes that are not are read as \
                     Windows-1252 (-E chooses the encoding)",
                    LineNumber::of(line)
                );
                Decoded {
                    text: Cow::Owned(utf8_else_cp1252(raw)),
                    warning: Some(warning),
                    from: Some(encoding_rs::WINDOWS_1252),
                }
            }
            TextEncoding::Utf8 => {
                let warning = first_invalid_utf8(raw).map(|line| {
                    format!(
                        "{label}: line {} is not valid UTF-8; invalid bytes are shown as U+FFFD",
                        LineNumber::of(line)
                    )
                });
                as_is(warning)
            }
            TextEncoding::Other(encoding) => to_utf8(encoding, raw),
        }
    }
}

/// The size of a run of a file checked on a thread of its own for UTF-8 and NUL bytes.
const CHECKED_A_THREAD: usize = 8 << 20;

/// True when `raw` is UTF-8: runs of its lines are checked on `threads` threads (a line
/// end is never inside a character, so each run is valid when the whole is).
fn is_utf8(raw: &[u8], threads: usize) -> bool {
    let runs = parallel::line_runs(raw, threads, CHECKED_A_THREAD);
    parallel::map_runs(&runs, threads, 1, |run| {
        simdutf8::basic::from_utf8(&raw[run.clone()]).is_ok()
    })
    .into_iter()
    .flatten()
    .all(|valid| valid)
}

/// The offset of the first NUL byte of `src`, looked for in runs of its lines on
/// `threads` threads.
fn first_nul(src: &[u8], threads: usize) -> Option<usize> {
    let runs = parallel::line_runs(src, threads, CHECKED_A_THREAD);
    parallel::map_runs(&runs, threads, 1, |run| {
        memchr::memchr(0, &src[run.clone()]).map(|at| run.start + at)
    })
    .into_iter()
    .flatten()
    .flatten()
    .next()
}

/// A file's text as UTF-8.
struct Decoded<'b> {
    text: Cow<'b, [u8]>,
    /// What to tell the user about it.
    warning: Option<String>,
    /// The encoding it was decoded from; None when it is the bytes as they are.
    from: Option<&'static Encoding>,
}

fn is_utf16(encoding: &'static Encoding) -> bool {
    encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE
}

/// `raw` with what is valid UTF-8 kept and every other byte read as Windows-1252: a
/// file written in Windows-1252 comes out whole, and so does one where a few lines
/// pasted from elsewhere are.
fn utf8_else_cp1252(raw: &[u8]) -> Vec<u8> {
    let mut text = Vec::with_capacity(raw.len() + raw.len() / 8);
    let mut rest = raw;
    while let Err(error) = simdutf8::compat::from_utf8(rest) {
        let valid = error.valid_up_to();
        text.extend_from_slice(&rest[..valid]);
        let bad = error.error_len().unwrap_or(rest.len() - valid);
        let (decoded, _) =
            encoding_rs::WINDOWS_1252.decode_without_bom_handling(&rest[valid..valid + bad]);
        text.extend_from_slice(decoded.as_bytes());
        rest = &rest[valid + bad..];
    }
    text.extend_from_slice(rest);
    text
}

/// Where each of a decoded file's `lines` starts in its bytes on disk `raw`, then
/// where the last ends (see [`File::line_starts_on_disk`]): after each newline of
/// `encoding`, which decoding keeps one for one. None for an encoding whose newline is
/// not one unit, or when the count of lines differs from the text's.
fn line_starts_on_disk(
    raw: &[u8],
    encoding: &'static Encoding,
    lines: usize,
) -> Option<Vec<usize>> {
    let mut starts = vec![0];
    if is_utf16(encoding) {
        let newline: [u8; 2] = if encoding == encoding_rs::UTF_16LE {
            *b"\n\0"
        } else {
            *b"\0\n"
        };
        let units = raw.chunks_exact(2).enumerate();
        starts.extend(
            units
                .filter(|(_, unit)| *unit == newline)
                .map(|(i, _)| 2 * i + 2),
        );
    } else if encoding.is_ascii_compatible() {
        starts.extend(memchr::memchr_iter(b'\n', raw).map(|i| i + 1));
    } else {
        return None;
    }
    if starts.last() != Some(&raw.len()) {
        starts.push(raw.len());
    }
    (starts.len() == lines + 1).then_some(starts)
}

/// `raw` decoded as `encoding` (a BOM decides first), as UTF-8 bytes.
fn to_utf8(encoding: &'static Encoding, raw: &[u8]) -> Decoded<'static> {
    let (text, from, _) = encoding.decode(raw);
    Decoded {
        text: Cow::Owned(text.into_owned().into_bytes()),
        warning: None,
        from: Some(from),
    }
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
    /// The text encoding.
    pub encoding: TextEncoding,
    /// Only the bytes on disk are wanted (`print` of whole files): nothing is decoded.
    pub raw: bool,
    /// How the reader reads the structure (`--session-level`, `--one-talk`,
    /// `check --explain`).
    pub options: ReadOptions,
}

/// Which paths to read, and how to walk folders.
#[derive(Debug, Clone, Default)]
pub struct Wanted {
    /// The paths the command line names.
    pub paths: Vec<PathBuf>,
    /// Read standard input (no path named, and it is piped).
    pub stdin: bool,
    /// The paths of NOTES_FILE, then the config file, read when nothing else is.
    pub defaults: Vec<PathBuf>,
    /// How to walk folders.
    pub input: InputArgs,
}

/// The notes files to read, in order, and what went wrong finding or reading them.
#[derive(Debug)]
pub struct Inputs {
    files: Files,
    failed: bool,
    /// Some file was read; some was refused as binary.
    read_any: bool,
    refused_binary: bool,
    diagnostics: Vec<Diagnostic>,
}

/// The files and how to read them: what the reading threads share.
#[derive(Debug)]
struct Files {
    sources: Vec<Result<Source, String>>,
    labels: Vec<String>,
    read_as: ReadAs,
    threads: usize,
    by_date: bool,
    names: bool,
}

/// What reading one file came to, on whichever thread read it.
struct Loaded<T> {
    value: Option<Result<T>>,
    diagnostics: Vec<Diagnostic>,
    failed: bool,
    refused_binary: bool,
}

impl Inputs {
    /// The files `wanted` names (folders walked), else standard input, else the
    /// defaults, else the bundled notes.
    pub fn new(wanted: &Wanted, mut read_as: ReadAs, output: &OutputArgs) -> Inputs {
        let input = &wanted.input;
        let mut sources: Vec<Result<Source, String>> = if !wanted.paths.is_empty() {
            wanted.paths.iter().flat_map(|p| expand(p, input)).collect()
        } else if wanted.stdin {
            vec![Ok(Source::stdin())]
        } else if !wanted.defaults.is_empty() {
            wanted
                .defaults
                .iter()
                .flat_map(|p| expand(p, input))
                .collect()
        } else {
            vec![Ok(Source::bundled())]
        };
        if input.sort == Some(SortBy::Modified) {
            let modified = |s: &Result<Source, String>| match s {
                Ok(Source {
                    from: Where::Path(p),
                    ..
                }) => std::fs::metadata(p).and_then(|m| m.modified()).ok(),
                _ => None,
            };
            sources.sort_by_cached_key(modified);
        }
        let labels = sources
            .iter()
            .map(|s| s.as_ref().map(Source::label).unwrap_or_default())
            .collect();
        let names = if output.with_filename {
            true
        } else if output.no_filename {
            false
        } else {
            sources.len() > 1
        };
        // One file is read on one thread (its reader may share out its sessions): the
        // count of cores, which takes a few system calls, is only wanted for several.
        let cores = if sources.len() > 1 {
            parallel::cores()
        } else {
            1
        };
        // Several files are read on a thread each; one file reads its sessions on many.
        if sources.len() > 1 {
            read_as.options.threads = 1;
        }
        Inputs {
            files: Files {
                threads: input.threads.filter(|&n| n > 0).unwrap_or(cores),
                by_date: input.sort == Some(SortBy::Date),
                sources,
                labels,
                read_as,
                names,
            },
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
        self.files.read_as.options.explain = true;
    }

    /// Only the bytes on disk will be used: do not decode them (nor warn about them).
    pub fn raw(&mut self) {
        self.files.read_as.raw = true;
    }

    /// True when records start with their file's name (several files, or `-H`).
    pub fn names(&self) -> bool {
        self.files.names
    }

    /// How many files there are to read.
    pub fn len(&self) -> usize {
        self.files.sources.len()
    }

    /// True when a file could not be found or read, or when every file read was refused
    /// as binary.
    pub fn failed(&self) -> bool {
        self.failed || (self.refused_binary && !self.read_any)
    }

    /// Runs `map` on every file, on several threads when there are several files, and
    /// `reduce` on what it returns, in the order of the files. A file that cannot be
    /// read is kept as a diagnostic and skipped.
    pub fn map<T: Send>(
        &mut self,
        map: impl Fn(&File) -> Result<T> + Sync,
        mut reduce: impl FnMut(T) -> Result<()>,
    ) -> Result<()> {
        let count = self.files.sources.len();
        let workers = self.files.threads.min(count);
        if workers <= 1 {
            for index in 0..count {
                let loaded = self.files.load(index, &map);
                if let Some(value) = self.take(loaded)? {
                    reduce(value)?;
                }
            }
            return Ok(());
        }
        let next = AtomicUsize::new(0);
        let files = &self.files;
        let (sent, received) = mpsc::sync_channel(workers * 16);
        std::thread::scope(|scope| {
            // The main thread reads files too, between handing over what is due: one
            // thread a core, and no waking up for every file another thread read.
            for _ in 1..workers {
                let (sent, next, map) = (sent.clone(), &next, &map);
                scope.spawn(move || {
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        if index >= count || sent.send((index, files.load(index, map))).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(sent);
            // Owned here, so that leaving early (a closed pipe) drops it before the
            // scope waits for the threads: their sends then fail and they stop.
            let received = received;
            // In file order, whatever order the threads finish in.
            let mut pending = BTreeMap::new();
            let mut due = 0;
            // What is read here waits for the files before it, as many as the channel
            // holds at most.
            let ahead = workers * 16;
            while due < count {
                let index = if pending.len() < ahead {
                    next.fetch_add(1, Ordering::Relaxed)
                } else {
                    count
                };
                if index < count {
                    pending.insert(index, files.load(index, &map));
                    pending.extend(received.try_iter());
                } else if !pending.contains_key(&due) {
                    // Nothing left to read here: wait for the file that is due.
                    match received.recv() {
                        Ok((index, loaded)) => pending.insert(index, loaded),
                        Err(_) => break,
                    };
                    continue;
                }
                while let Some(loaded) = pending.remove(&due) {
                    due += 1;
                    let state = (
                        &mut self.diagnostics,
                        &mut self.failed,
                        &mut self.read_any,
                        &mut self.refused_binary,
                    );
                    if let Some(value) = absorb(state, loaded)? {
                        reduce(value)?;
                    }
                }
            }
            Ok(())
        })
    }

    /// Runs `print` on every file as [`Inputs::map`] does, writing what it prints to
    /// `out` in the order of the files (or of the sessions' dates, with `--sort date`),
    /// laid out by `layout`. True when something was printed.
    pub fn print(
        &mut self,
        out: &mut dyn Write,
        layout: Layout,
        print: impl Fn(&File, &mut Records) -> Result<()> + Sync,
    ) -> Result<bool> {
        let mut joiner = Joiner {
            layout,
            written: false,
        };
        let count = self.files.sources.len();
        let by_date = self.files.by_date;
        let direct = !by_date && self.files.threads.min(count) <= 1;
        if direct {
            for index in 0..count {
                let loaded = self.files.load(index, |file| {
                    let mut records = Records {
                        sink: Sink::Direct(&mut *out, &mut joiner),
                        nowhere: io::sink(),
                    };
                    print(file, &mut records)
                });
                self.take(loaded)?;
            }
            return Ok(joiner.written);
        }
        let mut kept = Vec::new();
        self.map(
            |file| {
                let mut records = Records {
                    sink: Sink::Buffer(Vec::new(), by_date),
                    nowhere: io::sink(),
                };
                print(file, &mut records)?;
                Ok(match records.sink {
                    Sink::Buffer(chunks, _) => chunks,
                    Sink::Direct(..) => Vec::new(),
                })
            },
            |chunks| {
                if by_date {
                    kept.extend(chunks);
                    return Ok(());
                }
                for chunk in chunks {
                    joiner.write(out, &chunk)?;
                }
                Ok(())
            },
        )?;
        // Sessions with a date by date, then those without; ties in file order.
        kept.sort_by_key(|c| (c.date.is_none(), c.date.map(|d| (d.year, d.month, d.day))));
        for chunk in &kept {
            joiner.write(out, chunk)?;
        }
        Ok(joiner.written)
    }

    /// Writes every file's bytes as they are on disk, one after the other, a mapped
    /// file by [`Output::write_file`]. True when a file was read.
    pub fn copy_each(&mut self, out: &mut dyn Output) -> Result<bool> {
        self.raw();
        let mut copied = false;
        for index in 0..self.files.sources.len() {
            let loaded = self.files.load(index, |file| {
                match file.disk {
                    Some(disk) => out.write_file(disk, file.raw.len() as u64)?,
                    None => out.write_all(file.raw)?,
                }
                Ok(())
            });
            copied |= self.take(loaded)?.is_some();
        }
        Ok(copied)
    }

    /// Takes in what reading one file came to: its diagnostics, and its value.
    fn take<T>(&mut self, loaded: Loaded<T>) -> Result<Option<T>> {
        let state = (
            &mut self.diagnostics,
            &mut self.failed,
            &mut self.read_any,
            &mut self.refused_binary,
        );
        absorb(state, loaded)
    }
}

/// The diagnostics and flags of [`Inputs`], and what is read into them.
type State<'s> = (
    &'s mut Vec<Diagnostic>,
    &'s mut bool,
    &'s mut bool,
    &'s mut bool,
);

fn absorb<T>(state: State, loaded: Loaded<T>) -> Result<Option<T>> {
    let (diagnostics, failed, read_any, refused_binary) = state;
    diagnostics.extend(loaded.diagnostics);
    *failed |= loaded.failed;
    *refused_binary |= loaded.refused_binary;
    match loaded.value {
        Some(value) => {
            *read_any = true;
            value.map(Some)
        }
        None => Ok(None),
    }
}

impl Files {
    /// Reads file `index` and runs `f` on it (on any thread).
    fn load<T>(&self, index: usize, f: impl FnOnce(&File) -> Result<T>) -> Loaded<T> {
        let mut loaded = Loaded {
            value: None,
            diagnostics: Vec::new(),
            failed: false,
            refused_binary: false,
        };
        let source = match &self.sources[index] {
            Ok(source) => source,
            Err(message) => {
                loaded.failed = true;
                loaded.diagnostics.push(Diagnostic::Error(message.clone()));
                return loaded;
            }
        };
        let raw = match source.read() {
            Ok(raw) => raw,
            Err(err) => {
                loaded.failed = true;
                loaded
                    .diagnostics
                    .push(Diagnostic::Error(format!("{err:#}")));
                return loaded;
            }
        };
        let label = &self.labels[index];
        let threads = self.read_as.options.threads;
        // `print` of a whole file writes its bytes on disk, so they need no decoding,
        // except to look for NUL bytes in text of two-byte units.
        let Decoded {
            text: src,
            warning,
            from: decoded_from,
        } = if self.read_as.raw && !self.read_as.encoding.is_wide(&raw) {
            Decoded {
                text: Cow::Borrowed(&raw[..]),
                warning: None,
                from: None,
            }
        } else {
            self.read_as.encoding.decode(&raw, label, threads)
        };
        let fallback = matches!(self.read_as.encoding, TextEncoding::Auto) && warning.is_some();
        if !self.read_as.text
            && let Some(at) = first_nul(&src, threads)
        {
            loaded.refused_binary = true;
            loaded.diagnostics.push(Diagnostic::Error(format!(
                "{label} looks like a binary file (NUL at byte {at})"
            )));
            return loaded;
        }
        loaded.diagnostics.extend(warning.map(Diagnostic::Warning));
        let file = File {
            label,
            prefix: self.names.then_some(label.as_str()),
            raw: &raw,
            disk: raw.disk(),
            src: &src,
            syntax: self.read_as.syntax.unwrap_or_else(|| source.syntax(&src)),
            fallback,
            decoded_from,
            line_starts_on_disk: OnceCell::new(),
            place: &source.place,
            options: &self.read_as.options,
            doc: OnceCell::new(),
            origin: OnceCell::new(),
        };
        loaded.value = Some(f(&file));
        loaded
    }
}

/// How records fit together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Records of lines, one after the other.
    Lines,
    /// Blocks of lines with a blank line between them.
    Blocks,
}

/// Where a command's records go: straight out, or kept to be put in order.
pub struct Records<'r> {
    sink: Sink<'r>,
    nowhere: io::Sink,
}

enum Sink<'r> {
    Direct(&'r mut dyn Write, &'r mut Joiner),
    /// Kept records, and whether they are to be sorted by date.
    Buffer(Vec<Chunk>, bool),
}

/// One record, kept.
struct Chunk {
    date: Option<Date>,
    bytes: Vec<u8>,
}

impl Records<'_> {
    /// Starts a record, of a session on `date` (for `--sort date`), and gives where to
    /// write it.
    pub fn record(&mut self, date: Option<Date>) -> io::Result<&mut dyn Write> {
        match &mut self.sink {
            Sink::Direct(out, joiner) => {
                joiner.before(&mut **out)?;
                Ok(&mut **out)
            }
            Sink::Buffer(chunks, _) => {
                chunks.push(Chunk {
                    date,
                    bytes: Vec::new(),
                });
                Ok(&mut chunks.last_mut().expect("pushed").bytes)
            }
        }
    }

    /// Where the record started last goes on.
    pub fn out(&mut self) -> &mut dyn Write {
        match &mut self.sink {
            Sink::Direct(out, _) => &mut **out,
            Sink::Buffer(chunks, _) => match chunks.last_mut() {
                Some(chunk) => &mut chunk.bytes,
                None => &mut self.nowhere,
            },
        }
    }

    /// True when records are put in the order of their sessions' dates: each
    /// session's records must then stand on their own.
    pub fn by_date(&self) -> bool {
        matches!(self.sink, Sink::Buffer(_, true))
    }
}

/// Writes records in order, with what goes between them.
struct Joiner {
    layout: Layout,
    written: bool,
}

impl Joiner {
    fn before(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.written && self.layout == Layout::Blocks {
            out.write_all(b"\n")?;
        }
        self.written = true;
        Ok(())
    }

    fn write(&mut self, out: &mut dyn Write, chunk: &Chunk) -> io::Result<()> {
        self.before(out)?;
        out.write_all(&chunk.bytes)
    }
}

/// A path from the command line: `-` is standard input, a folder is walked, anything
/// else is a file, read whatever its name.
fn expand(path: &Path, input: &InputArgs) -> Vec<Result<Source, String>> {
    if path == Path::new("-") {
        return vec![Ok(Source::stdin())];
    }
    if !path.is_dir() {
        return vec![Ok(Source::path(path.to_path_buf(), path))];
    }
    let filtered = !input.glob.is_empty() || !input.types.is_empty() || input.max_depth.is_some();
    match walk(path, input) {
        Ok(found) if found.is_empty() => vec![Err(format!(
            "no notes files (.{}) in folder `{}`{}",
            EXTENSIONS.join(", ."),
            path.display(),
            if filtered {
                " that -g, -t and --max-depth keep"
            } else {
                ""
            }
        ))],
        Ok(found) => found,
        Err(message) => vec![Err(message)],
    }
}

/// The notes files under `root`, as ripgrep walks: ignore files and hidden files
/// honoured unless asked otherwise, globs, types and a depth.
fn walk(root: &Path, input: &InputArgs) -> Result<Vec<Result<Source, String>>, String> {
    let mut overrides = ignore::overrides::OverrideBuilder::new(root);
    for glob in &input.glob {
        overrides
            .add(glob)
            .map_err(|e| format!("invalid glob `{glob}`: {e}"))?;
    }
    let overrides = overrides
        .build()
        .map_err(|e| format!("invalid globs: {e}"))?;
    let mut builder = ignore::WalkBuilder::new(root);
    builder
        .hidden(!input.hidden)
        .ignore(!input.no_ignore)
        .git_ignore(!input.no_ignore)
        .git_global(!input.no_ignore)
        .git_exclude(!input.no_ignore)
        .parents(!input.no_ignore)
        .max_depth(input.max_depth)
        .overrides(overrides)
        // A repository's own files are never notes, even with --hidden.
        .filter_entry(|entry| entry.file_name() != ".git");
    if input.sort != Some(SortBy::None) {
        builder.sort_by_file_path(|a, b| a.cmp(b));
    }
    let types: Vec<Syntax> = input.types.iter().map(|&t| t.into()).collect();
    let mut found = Vec::new();
    for entry in builder.build() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                found.push(Err(format!("{err}")));
                continue;
            }
        };
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        let path = entry.path();
        let Some(syntax) = notes_syntax(path) else {
            continue;
        };
        if !types.is_empty() && !types.contains(&syntax) {
            continue;
        }
        found.push(Ok(Source::path(path.to_path_buf(), root)));
    }
    Ok(found)
}

/// The syntax of a file a walk reads, or `None` for a file it skips: one with a notes
/// extension, by the extension; one without (and not a dotfile such as `.gitignore`)
/// that has no NUL in its first 8 KB, by a look at them.
fn notes_syntax(path: &Path) -> Option<Syntax> {
    match path.extension() {
        Some(ext) => {
            let ext = ext.to_str()?.to_ascii_lowercase();
            EXTENSIONS
                .contains(&ext.as_str())
                .then(|| Syntax::from_path(path))
        }
        None => {
            let name = path.file_name()?.to_str()?;
            if name.starts_with('.') {
                return None;
            }
            let file = std::fs::File::open(path).ok()?;
            let mut head = Vec::with_capacity(SNIFF_BYTES);
            file.take(SNIFF_BYTES as u64).read_to_end(&mut head).ok()?;
            memchr::memchr(0, &head)
                .is_none()
                .then(|| Syntax::sniff(&head))
        }
    }
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

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("notes-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn lines_of_a_decoded_file_are_found_on_disk() {
        let cp1252 = encoding_rs::WINDOWS_1252;
        // Each line's start, then the end; a last line without a newline counts.
        assert_eq!(
            line_starts_on_disk(b"a\xe9\nb", cp1252, 2),
            Some(vec![0, 3, 4])
        );
        assert_eq!(
            line_starts_on_disk(b"a\nb\n", cp1252, 2),
            Some(vec![0, 2, 4])
        );
        // A UTF-8 BOM is in the first line.
        let bom = b"\xef\xbb\xbfa\nb\n";
        assert_eq!(
            line_starts_on_disk(bom, encoding_rs::UTF_8, 2),
            Some(vec![0, 5, 7])
        );
        // UTF-16: newlines are units at even offsets, in either byte order; an odd byte
        // at the end is in the last line.
        let le = b"\xff\xfea\0\n\0b\0";
        assert_eq!(
            line_starts_on_disk(le, encoding_rs::UTF_16LE, 2),
            Some(vec![0, 6, 8])
        );
        let be = b"\xfe\xff\0a\0\n\0b\x01";
        assert_eq!(
            line_starts_on_disk(be, encoding_rs::UTF_16BE, 2),
            Some(vec![0, 6, 9])
        );
        // "\n\0" across a unit boundary is no newline.
        assert_eq!(
            line_starts_on_disk(b"\0\n\0a", encoding_rs::UTF_16LE, 1),
            Some(vec![0, 4])
        );
        // A count that differs from the text's is no mapping.
        assert_eq!(line_starts_on_disk(b"a\nb", cp1252, 3), None);
        assert_eq!(line_starts_on_disk(b"a", encoding_rs::ISO_2022_JP, 1), None);
    }

    fn walked(dir: &Path, input: &InputArgs) -> Vec<String> {
        walk(dir, input)
            .unwrap()
            .into_iter()
            .map(|s| {
                let s = s.unwrap();
                let Where::Path(p) = s.from else { panic!() };
                p.strip_prefix(dir).unwrap().display().to_string()
            })
            .collect()
    }

    #[test]
    fn walks_notes_files_sorted_without_hidden_or_ignored_ones() {
        let dir = temp("walk");
        std::fs::create_dir_all(dir.join("2014/pycon")).unwrap();
        std::fs::create_dir_all(dir.join(".git")).unwrap();
        for (name, text) in [
            ("b.md", "x"),
            ("a.txt", "x"),
            (".hidden.txt", "x"),
            ("c.ORG", "x"),
            ("d.rs", "x"),
            ("e.todo", "x"),
            ("README", "plain text"),
            ("blob", "\0binary"),
            ("skip.md", "x"),
            ("2014/pycon/day1.otl", "x"),
            (".gitignore", "skip.md\n"),
        ] {
            std::fs::write(dir.join(name), text).unwrap();
        }
        let all = InputArgs::default();
        assert_eq!(
            walked(&dir, &all),
            [
                "2014/pycon/day1.otl",
                "README",
                "a.txt",
                "b.md",
                "c.ORG",
                "e.todo"
            ]
        );
        let hidden = InputArgs {
            hidden: true,
            no_ignore: true,
            ..InputArgs::default()
        };
        assert!(walked(&dir, &hidden).contains(&".hidden.txt".to_string()));
        assert!(walked(&dir, &hidden).contains(&"skip.md".to_string()));
        let shallow = InputArgs {
            max_depth: Some(1),
            glob: vec!["!*.txt".to_string()],
            ..InputArgs::default()
        };
        assert_eq!(
            walked(&dir, &shallow),
            ["README", "b.md", "c.ORG", "e.todo"]
        );
        let org = InputArgs {
            types: vec![crate::cli::SyntaxArg::Org],
            ..InputArgs::default()
        };
        assert_eq!(walked(&dir, &org), ["c.ORG"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_place_is_what_lies_below_the_path_given() {
        let source = Source::path(
            PathBuf::from("notes/2014/pycon/day1.md"),
            Path::new("notes"),
        );
        assert_eq!(source.place.below, ["2014", "pycon"]);
        assert_eq!(source.place.folders, ["notes", "2014", "pycon"]);
        assert_eq!(source.place.stem.as_deref(), Some("day1"));
        let given = Source::path(PathBuf::from("talk.md"), Path::new("talk.md"));
        assert!(given.place.below.is_empty());
    }

    #[test]
    fn big_files_are_checked_on_two_threads_as_one() {
        let mut big = "a line \u{2013} of text\n"
            .as_bytes()
            .repeat(CHECKED_A_THREAD / 8);
        assert_eq!(parallel::line_runs(&big, 2, CHECKED_A_THREAD).len(), 2);
        assert!(is_utf8(&big, 2));
        assert_eq!(first_nul(&big, 2), None);
        let late = big.len() - 3;
        big[late] = 0;
        assert_eq!(first_nul(&big, 2), Some(late));
        big[9] = 0;
        assert_eq!(first_nul(&big, 2), Some(9));
        big[late] = 0xff;
        assert!(!is_utf8(&big, 2));
        assert!(!is_utf8(&big, 1));
    }

    #[test]
    fn encodings() {
        let cp1252 = b"Talk \x96 Ann Lee\n";
        let Decoded { text, warning, .. } = TextEncoding::Auto.decode(cp1252, "a.txt", 1);
        assert_eq!(std::str::from_utf8(&text).unwrap(), "Talk – Ann Lee\n");
        assert!(warning.unwrap().contains("Windows-1252"));
        let mixed = ["Talk \u{2022} ".as_bytes(), b"\x93quoted\x94 \x81\n"].concat();
        let Decoded { text, .. } = TextEncoding::Auto.decode(&mixed, "a.txt", 1);
        assert_eq!(
            std::str::from_utf8(&text).unwrap(),
            "Talk \u{2022} \u{201c}quoted\u{201d} \u{81}\n"
        );
        let Decoded { text, warning, .. } = TextEncoding::Utf8.decode(cp1252, "a.txt", 1);
        assert_eq!(&*text, cp1252);
        assert!(warning.unwrap().contains("U+FFFD"));
        let utf16 = b"\xff\xfeT\0a\0";
        let Decoded { text, .. } = TextEncoding::Auto.decode(utf16, "a.txt", 1);
        assert_eq!(&*text, b"Ta");
        let latin1 = TextEncoding::parse("latin1").unwrap();
        assert_eq!(&*latin1.decode(b"caf\xe9", "x", 1).text, "café".as_bytes());
        assert!(TextEncoding::parse("klingon").is_err());
        let Decoded { text, warning, .. } =
            TextEncoding::Auto.decode("ok – fine".as_bytes(), "x", 1);
        assert!(matches!(text, Cow::Borrowed(_)) && warning.is_none());
    }
}
