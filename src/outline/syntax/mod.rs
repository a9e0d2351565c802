//! The syntaxes an outline can be written in, and what each makes of a line.
//!
//! Every syntax answers the same questions about a line: is it a heading (and at which
//! level), a bullet, text, code or metadata, and where does it nest? Each syntax has a
//! small module here (the plain outline, Markdown, org-mode, TaskPaper) over the line
//! grammar of `outline::line`, which knows none of them; the `Classifier` keeps what
//! a line alone cannot say. The document layer only sees the answers.

pub mod markdown;
pub mod org;
pub mod plain;
pub mod taskpaper;

use std::fmt;
use std::path::Path;

use super::line::{self, after_indent, is_blank, trim_end_len};
use super::{Kind, Shape};

/// How a file writes its outline.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Syntax {
    /// Plain indented text: unindented lines are headings, bullets nest by indentation.
    #[default]
    Outline,
    /// Markdown: `#` and setext headings, `**bold**` heading lines, paragraphs, lists.
    Markdown,
    /// org-mode: `*` headings with TODO states and tags, plain lists, blocks, drawers.
    Org,
    /// TaskPaper: projects ending in `:`, `- ` tasks, notes, `@tags`.
    TaskPaper,
}

impl Syntax {
    /// Every syntax, in the order `--syntax` lists them.
    pub const ALL: [Syntax; 4] = [
        Syntax::Outline,
        Syntax::Markdown,
        Syntax::Org,
        Syntax::TaskPaper,
    ];

    /// The lower-case name: "outline", "markdown", "org", "taskpaper".
    pub fn name(self) -> &'static str {
        match self {
            Syntax::Outline => "outline",
            Syntax::Markdown => "markdown",
            Syntax::Org => "org",
            Syntax::TaskPaper => "taskpaper",
        }
    }

    /// The syntax a file's extension names: `.md` and `.markdown` are Markdown, `.org`
    /// org-mode, `.taskpaper` TaskPaper, anything else the plain outline.
    pub fn from_path(path: &Path) -> Syntax {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("md" | "markdown") => Syntax::Markdown,
            Some("org") => Syntax::Org,
            Some("taskpaper") => Syntax::TaskPaper,
            _ => Syntax::Outline,
        }
    }

    /// Guesses the syntax of text with no file name (standard input) from its first
    /// lines: org keywords or `* ` headings, Markdown `#` headings, fences or front
    /// matter, TaskPaper projects followed by `- ` tasks. Anything else is the plain
    /// outline.
    pub fn sniff(src: &[u8]) -> Syntax {
        let src = src.strip_prefix(line::BOM).unwrap_or(src);
        let lines: Vec<&[u8]> = src
            .split(|&b| b == b'\n')
            .take(200)
            .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
            .collect();
        let any = |f: fn(&[u8]) -> bool| lines.iter().any(|l| f(l));
        if any(org::is_keyword_line) {
            return Syntax::Org;
        }
        if markdown::opens_front_matter(lines.first().copied().unwrap_or_default())
            || any(markdown::is_atx_heading)
            || any(markdown::is_fence)
        {
            return Syntax::Markdown;
        }
        if any(org::is_starred_heading) {
            return Syntax::Org;
        }
        // TaskPaper indents with tabs: "Notes:" over "  - a" is just an outline.
        let projects_with_tasks = lines.windows(2).any(|pair| {
            taskpaper::is_project(pair[0])
                && pair[1].starts_with(b"\t")
                && taskpaper::is_task(line::after_indent(pair[1]))
        });
        if projects_with_tasks {
            return Syntax::TaskPaper;
        }
        Syntax::Outline
    }

    /// A line's text as the syntax means it, without its inline markup: Markdown links,
    /// emphasis, code marks and escapes; org-mode links, emphasis and progress cookies.
    /// The plain outline and TaskPaper have no inline markup.
    pub fn inline_text(self, text: &str) -> std::borrow::Cow<'_, str> {
        match self {
            Syntax::Markdown => markdown::inline_text(text),
            Syntax::Org => org::inline_text(text),
            Syntax::Outline | Syntax::TaskPaper => std::borrow::Cow::Borrowed(text),
        }
    }

    /// A link that ends `text` (`[label](url)`, `[[url][label]]`): where it starts and
    /// its label. The syntaxes without links have none.
    pub fn trailing_link(self, text: &str) -> Option<(usize, &str)> {
        match self {
            Syntax::Markdown => markdown::trailing_link(text),
            Syntax::Org => org::trailing_link(text),
            Syntax::Outline | Syntax::TaskPaper => None,
        }
    }

    /// True when headings nest by level (or indentation), so a deeper heading is a
    /// sub-section of the one above. In the plain outline every heading is a root.
    pub fn nests_headings(self) -> bool {
        self != Syntax::Outline
    }
}

impl fmt::Display for Syntax {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A region of lines that are code or metadata, whatever they look like.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verbatim {
    /// Markdown fence: the fence character and how many of it opened the block.
    Fence(u8, usize),
    /// Org-mode `#+BEGIN_...` block.
    OrgBlock,
    /// YAML front matter opened by `---` on the first line.
    FrontMatter,
    /// TOML front matter opened by `+++` on the first line (Markdown).
    TomlFrontMatter,
    /// An org-mode drawer such as `:PROPERTIES:`, closed by `:END:`.
    Drawer,
}

/// A line (after its indentation) that opens a fenced code block: three or more
/// backticks or tildes, or `#+BEGIN_`.
pub fn opens_verbatim(rest: &[u8]) -> Option<Verbatim> {
    if !matches!(rest.first(), Some(b'`' | b'~' | b'#')) {
        return None;
    }
    for fence in [b'`', b'~'] {
        let run = rest.iter().take_while(|&&b| b == fence).count();
        if run >= 3 {
            return Some(Verbatim::Fence(fence, run));
        }
    }
    starts_with_ignore_case(rest, b"#+begin_").then_some(Verbatim::OrgBlock)
}

/// A line (after its indentation) that closes the block `open`.
pub fn closes_verbatim(open: &Verbatim, rest: &[u8]) -> bool {
    match *open {
        Verbatim::Fence(fence, len) => {
            let run = rest.iter().take_while(|&&b| b == fence).count();
            run >= len && is_blank(&rest[run..])
        }
        Verbatim::OrgBlock => starts_with_ignore_case(rest, b"#+end_"),
        Verbatim::FrontMatter => {
            let t = &rest[..trim_end_len(rest)];
            t == b"---" || t == b"..."
        }
        Verbatim::TomlFrontMatter => rest[..trim_end_len(rest)] == *b"+++",
        Verbatim::Drawer => rest[..trim_end_len(rest)].eq_ignore_ascii_case(b":end:"),
    }
}

pub(crate) fn starts_with_ignore_case(s: &[u8], prefix: &[u8]) -> bool {
    s.len() >= prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// A first line that may open front matter: `---`.
pub fn opens_front_matter(first_body: &[u8]) -> bool {
    first_body[..trim_end_len(first_body)] == *b"---"
}

/// Where a line goes in the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Nest {
    /// Under the line open above it, whatever its indentation; opens nothing (text,
    /// blank and metadata lines, code in blocks).
    Attach,
    /// A paragraph: closes the bullets above and goes under the nearest heading.
    Paragraph,
    /// Closes every open line whose key is at least this one, goes under the line
    /// left on top, and opens a level with this key. Bullets use their column;
    /// headings of a level use a negative key, so bullets never close them.
    Open(i64),
    /// A TaskPaper project: closes every open line at its column or deeper, goes
    /// under the line left on top, and opens a heading one level below the projects
    /// still open.
    Project(i64),
}

/// The key of a heading of `level` in syntaxes where headings nest by level: below
/// every column, and deeper levels above shallower ones.
pub(crate) fn level_key(level: u8) -> i64 {
    i64::from(level) - 1_000
}

/// A line of only `=` or only `-` (three or more), indented at most three spaces,
/// trailing whitespace allowed: it underlines the line above into a heading of level
/// 1 (`=`) or 2 (`-`).
pub fn setext_underline(body: &[u8]) -> Option<u8> {
    let indent = body.iter().take_while(|&&b| b == b' ').count();
    if !matches!(body.get(indent), Some(b'=' | b'-')) {
        return None;
    }
    let rest = &body[indent..];
    let rest = &rest[..trim_end_len(rest)];
    let level = match rest.first()? {
        b'=' => 1,
        b'-' => 2,
        _ => return None,
    };
    (indent <= 3 && rest.len() >= 3 && rest.iter().all(|&b| b == rest[0])).then_some(level)
}

/// The shape of a metadata line: text, but not notes.
pub(crate) fn meta(body: &[u8]) -> Shape {
    let mut shape = line::verbatim_shape(body);
    if shape.kind == Kind::Text {
        shape.kind = Kind::Meta;
    }
    shape
}

/// True when `text` (trimmed) is a thematic break: three or more `-`, `*` or `_`, with
/// spaces allowed between them.
pub fn is_thematic_break(text: &[u8]) -> bool {
    let mut marks = text.iter().filter(|&&b| b != b' ' && b != b'\t');
    let Some(&first) = marks.next() else {
        return false;
    };
    matches!(first, b'-' | b'*' | b'_')
        && marks.clone().count() >= 2
        && marks.all(|&b| b == first)
        && !is_blank(text)
}

/// `@tag` and `@tag(value)` words of a line: (name, value), in order.
pub fn tags(text: &str) -> Vec<(&str, Option<&str>)> {
    taskpaper::tags(text)
}

/// Where the reader stands in a Markdown file's leading `title: …` block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Leading {
    /// Nothing but blank lines yet.
    Start,
    /// Inside a block that began with `title:`.
    Metadata,
    /// Past it.
    Done,
}

/// Decides, line by line, what each line of a file is in one syntax. It keeps what a
/// line alone cannot say: an open fence, block, drawer or front matter, a setext
/// underline seen ahead, the level of the last Markdown `#` heading.
pub(crate) struct Classifier<'s> {
    syntax: Syntax,
    src: &'s [u8],
    verbatim: Option<Verbatim>,
    underline_next: bool,
    last_atx: u8,
    leading: Leading,
    /// Markdown: whether the file writes headings glued to their marks (`##Title`),
    /// found the first time it matters.
    glued: Option<bool>,
}

impl<'s> Classifier<'s> {
    pub(crate) fn new(syntax: Syntax, src: &'s [u8]) -> Self {
        Classifier {
            syntax,
            src,
            verbatim: None,
            underline_next: false,
            last_atx: 0,
            leading: Leading::Start,
            glued: None,
        }
    }

    /// True when the file has a heading glued to two or more marks (`##Title`): its
    /// author writes headings that way, so `#Title` is a heading too, not a hashtag.
    fn writes_glued_headings(&mut self) -> bool {
        let src = self.src;
        *self.glued.get_or_insert_with(|| {
            src.split(|&b| b == b'\n').any(|line| {
                let hashes = line.iter().take_while(|&&b| b == b'#').count();
                (2..=6).contains(&hashes)
                    && line
                        .get(hashes)
                        .is_some_and(|&b| b != b'#' && !b.is_ascii_whitespace())
            })
        })
    }

    /// The shape of line `index` (its body, without terminator or BOM), where it nests,
    /// and whether it is code (a fenced or org block, its fences included); `next` is
    /// the byte offset of the line after it.
    pub(crate) fn classify(
        &mut self,
        index: usize,
        body: &[u8],
        next: usize,
    ) -> (Shape, Nest, bool) {
        let code =
            |v: &Option<Verbatim>| matches!(v, Some(Verbatim::Fence(..) | Verbatim::OrgBlock));
        let before = code(&self.verbatim);
        let (shape, nest) = self.classify_line(index, body, next);
        let code = before || code(&self.verbatim);
        (shape, nest, code)
    }

    fn classify_line(&mut self, index: usize, body: &[u8], next: usize) -> (Shape, Nest) {
        if std::mem::take(&mut self.underline_next) {
            return (meta(body), Nest::Attach);
        }
        let rest = after_indent(body);
        if let Some(open) = &self.verbatim {
            let shape = match open {
                Verbatim::Fence(..) | Verbatim::OrgBlock => line::verbatim_shape(body),
                _ => meta(body),
            };
            if closes_verbatim(open, rest) {
                self.verbatim = None;
            }
            return (shape, Nest::Attach);
        }
        if index == 0
            && let Some(open) = self.front_matter(body)
        {
            self.verbatim = Some(open);
            return (meta(body), Nest::Attach);
        }
        match self.syntax {
            Syntax::Outline => self.outline(body, next),
            Syntax::Markdown => self.markdown(body, next),
            Syntax::Org => self.org(body, next),
            Syntax::TaskPaper => self.taskpaper(body, next),
        }
    }

    /// Front matter: `---` (or `+++` in Markdown) on the first line, closed later.
    fn front_matter(&self, first: &[u8]) -> Option<Verbatim> {
        let open = match self.syntax {
            Syntax::Outline | Syntax::Markdown if opens_front_matter(first) => {
                Verbatim::FrontMatter
            }
            Syntax::Markdown if markdown::opens_front_matter(first) => Verbatim::TomlFrontMatter,
            _ => return None,
        };
        let closed = self
            .src
            .split(|&b| b == b'\n')
            .skip(1)
            .any(|line| closes_verbatim(&open, after_indent(line)));
        closed.then_some(open)
    }

    /// The level of a setext underline on the line at `next`; the underline is then
    /// metadata of this line.
    fn underlined(&mut self, next: usize) -> Option<u8> {
        let line = self.src.get(next..)?;
        let end = memchr::memchr(b'\n', line).unwrap_or(line.len());
        let line = &line[..end];
        let level = setext_underline(line.strip_suffix(b"\r").unwrap_or(line))?;
        self.underline_next = true;
        Some(level)
    }

    fn outline(&mut self, body: &[u8], next: usize) -> (Shape, Nest) {
        let rest = after_indent(body);
        if let Some(open) = opens_verbatim(rest) {
            self.verbatim = Some(open);
            return (line::verbatim_shape(body), Nest::Attach);
        }
        let mut shape = plain::shape(body);
        match shape.kind {
            Kind::Heading { level: 0 }
                if !is_thematic_break(body) && setext_underline(body).is_none() =>
            {
                if let Some(level) = self.underlined(next) {
                    shape.kind = Kind::Heading { level };
                }
                (shape, Nest::Open(-1))
            }
            Kind::Heading { .. } => (shape, Nest::Open(-1)),
            Kind::Bullet(_) => (shape, Nest::Open(i64::from(shape.column))),
            _ => (shape, Nest::Attach),
        }
    }

    fn markdown(&mut self, body: &[u8], next: usize) -> (Shape, Nest) {
        let rest = after_indent(body);
        let indented = rest.len() < body.len();
        if is_blank(rest) {
            if self.leading == Leading::Metadata {
                self.leading = Leading::Done;
            }
            return (line::verbatim_shape(body), Nest::Attach);
        }
        match self.leading {
            Leading::Start => {
                self.leading = Leading::Done;
                if !indented && markdown::is_title_line(body) {
                    self.leading = Leading::Metadata;
                    return (meta(body), Nest::Attach);
                }
            }
            Leading::Metadata if !indented && markdown::is_metadata_line(body) => {
                return (meta(body), Nest::Attach);
            }
            Leading::Metadata => self.leading = Leading::Done,
            Leading::Done => {}
        }
        if let Some(open @ Verbatim::Fence(..)) = opens_verbatim(rest) {
            self.verbatim = Some(open);
            return (line::verbatim_shape(body), Nest::Attach);
        }
        if !indented {
            if let Ok((_, level)) = markdown::atx_marks(body) {
                self.last_atx = level;
                return heading(markdown::heading_shape(body), level);
            }
            if markdown::is_glued_single(body) && self.writes_glued_headings() {
                self.last_atx = 1;
                return heading(markdown::heading_shape(body), 1);
            }
            if is_thematic_break(body) {
                return (meta(body), Nest::Attach);
            }
            if markdown::is_bold_heading(body) {
                let level = self.last_atx.saturating_add(1);
                return heading(markdown::heading_shape(body), level);
            }
        }
        if let Some(shape) = line::bullet_shape(body) {
            return (shape, Nest::Open(i64::from(shape.column)));
        }
        if !indented {
            if let Some(level) = self.underlined(next) {
                self.last_atx = level;
                return heading(markdown::heading_shape(body), level);
            }
            return (line::verbatim_shape(body), Nest::Paragraph);
        }
        (line::verbatim_shape(body), Nest::Attach)
    }

    fn org(&mut self, body: &[u8], next: usize) -> (Shape, Nest) {
        let rest = after_indent(body);
        let indented = rest.len() < body.len();
        if is_blank(rest) {
            return (line::verbatim_shape(body), Nest::Attach);
        }
        if !indented && let Some(level) = org::heading_level(body) {
            return heading(org::heading_shape(body), level);
        }
        if let Some(open @ Verbatim::OrgBlock) = opens_verbatim(rest) {
            self.verbatim = Some(open);
            return (line::verbatim_shape(body), Nest::Attach);
        }
        if org::is_keyword_line(body) || (!indented && is_thematic_break(body)) {
            return (meta(body), Nest::Attach);
        }
        if org::opens_drawer(rest) {
            self.verbatim = Some(Verbatim::Drawer);
            return (meta(body), Nest::Attach);
        }
        if let Some(shape) = line::bullet_shape(body) {
            return (shape, Nest::Open(i64::from(shape.column)));
        }
        if !indented {
            if let Some(level) = self.underlined(next) {
                return heading(line::verbatim_shape(body), level);
            }
            return (line::verbatim_shape(body), Nest::Paragraph);
        }
        (line::verbatim_shape(body), Nest::Attach)
    }

    fn taskpaper(&mut self, body: &[u8], next: usize) -> (Shape, Nest) {
        let rest = after_indent(body);
        let indented = rest.len() < body.len();
        if is_blank(rest) {
            return (line::verbatim_shape(body), Nest::Attach);
        }
        if taskpaper::is_task(rest)
            && let Some(shape) = line::bullet_shape(body)
        {
            return (shape, Nest::Open(i64::from(shape.column)));
        }
        if taskpaper::is_project(body) {
            let shape = taskpaper::project_shape(body);
            return (shape, Nest::Project(i64::from(shape.column)));
        }
        if !indented {
            if self.underlined(next).is_some() {
                return (taskpaper::project_shape(body), Nest::Project(0));
            }
            return (line::verbatim_shape(body), Nest::Paragraph);
        }
        (line::verbatim_shape(body), Nest::Attach)
    }
}

/// A heading of `level` in a syntax whose headings nest by level.
fn heading(mut shape: Shape, level: u8) -> (Shape, Nest) {
    shape.kind = Kind::Heading { level };
    (shape, Nest::Open(level_key(level)))
}

/// The shape of a line of kind `kind` in `syntax`, worked out again from its bytes
/// alone (the scanner's answer, for a line already classified).
pub(crate) fn reshape(syntax: Syntax, kind: Kind, body: &[u8]) -> Shape {
    let mut shape = match kind {
        Kind::Text | Kind::Blank | Kind::Meta => return line::verbatim_shape(body),
        Kind::Bullet(_) => line::bullet_shape(body).unwrap_or_else(|| line::shape(body)),
        Kind::Heading { .. } => match syntax {
            Syntax::Outline => plain::shape(body),
            Syntax::Markdown => markdown::heading_shape(body),
            Syntax::Org if org::heading_level(body).is_some() => org::heading_shape(body),
            Syntax::Org => line::verbatim_shape(body),
            Syntax::TaskPaper => taskpaper::project_shape(body),
        },
    };
    shape.kind = kind;
    shape
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fences_open_and_close() {
        assert_eq!(opens_verbatim(b"```rust"), Some(Verbatim::Fence(b'`', 3)));
        assert_eq!(opens_verbatim(b"~~~~"), Some(Verbatim::Fence(b'~', 4)));
        assert_eq!(
            opens_verbatim(b"#+begin_src python"),
            Some(Verbatim::OrgBlock)
        );
        assert_eq!(opens_verbatim(b"``not"), None);
        let fence = Verbatim::Fence(b'`', 3);
        assert!(closes_verbatim(&fence, b"```"));
        assert!(closes_verbatim(&fence, b"````  "));
        assert!(!closes_verbatim(&fence, b"```rust"));
        assert!(!closes_verbatim(&fence, b"~~~"));
        assert!(closes_verbatim(&Verbatim::OrgBlock, b"#+END_SRC"));
    }

    #[test]
    fn syntax_from_extension() {
        for (path, syntax) in [
            ("a.md", Syntax::Markdown),
            ("a.MARKDOWN", Syntax::Markdown),
            ("dir/notes.org", Syntax::Org),
            ("todo.taskpaper", Syntax::TaskPaper),
            ("notes.txt", Syntax::Outline),
            ("todo.todo", Syntax::Outline),
            ("README", Syntax::Outline),
        ] {
            assert_eq!(Syntax::from_path(Path::new(path)), syntax, "{path}");
        }
    }

    #[test]
    fn sniffing() {
        for (src, syntax) in [
            ("#+TITLE: x\n* a\n", Syntax::Org),
            ("* TODO a\n** b\n", Syntax::Org),
            ("# Title\n\n- a\n", Syntax::Markdown),
            ("---\ntitle: x\n---\ntext\n", Syntax::Markdown),
            ("Talk\n```\ncode\n```\n", Syntax::Markdown),
            ("Inbox:\n\t- a @today\n", Syntax::TaskPaper),
            ("Talk, Ann Lee\n  • a\n", Syntax::Outline),
            ("Further reading:\n  • a\n", Syntax::Outline),
            ("Notes:\n  - a\n", Syntax::Outline),
            ("** What you learn **\n# Title\n", Syntax::Markdown),
            ("", Syntax::Outline),
        ] {
            assert_eq!(Syntax::sniff(src.as_bytes()), syntax, "{src:?}");
        }
    }

    #[test]
    fn setext_underlines() {
        assert_eq!(setext_underline(b"==="), Some(1));
        assert_eq!(setext_underline(b"---  "), Some(2));
        assert_eq!(setext_underline(b"   -----"), Some(2));
        for line in ["--", "- - -", "=-=", "    ---", "---x", ""] {
            assert_eq!(setext_underline(line.as_bytes()), None, "{line:?}");
        }
    }

    #[test]
    fn thematic_breaks() {
        for line in ["---", "***", "* * *", "___", "- - - -"] {
            assert!(is_thematic_break(line.as_bytes()), "{line:?}");
        }
        for line in ["--", "-a-", "", "**bold**", "=="] {
            assert!(!is_thematic_break(line.as_bytes()), "{line:?}");
        }
    }
}
