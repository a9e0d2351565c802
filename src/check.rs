//! `notes check`: how the parser read a file, and what looks wrong in it.
//!
//! Pure, like [`crate::query`]: the checks return findings and the printers show them.
//! Each check is a small function over the outline or the document.

use crate::document::{Document, Session, SessionKind, rules};
use crate::outline::{LineNumber, Outline, TAB_WIDTH};

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Check {
    /// Bytes that are not UTF-8.
    InvalidUtf8,
    /// Indented lines before the first heading belong to no session.
    IndentedPreamble,
    /// Some bullets are indented with tabs and others with spaces.
    MixedIndentation,
    /// A bullet dedented to a column no open level has.
    UnmatchedDedent,
    /// A bullet indented more than one level below its parent.
    SkippedLevel,
    /// A "Missed" or "Partial" bullet that does not say why.
    StatusWithoutReason,
    /// A session heading ending in a comma or a long dash, as if its speaker were missing.
    EmptySpeaker,
}

impl Check {
    /// A short name for machines: "mixed-indentation".
    pub fn name(self) -> &'static str {
        match self {
            Check::InvalidUtf8 => "invalid-utf8",
            Check::IndentedPreamble => "indented-preamble",
            Check::MixedIndentation => "mixed-indentation",
            Check::UnmatchedDedent => "unmatched-dedent",
            Check::SkippedLevel => "skipped-level",
            Check::StatusWithoutReason => "status-without-reason",
            Check::EmptySpeaker => "empty-speaker",
        }
    }
}

/// One thing that looks wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Its line number.
    pub line: LineNumber,
    /// 1-based byte column.
    pub column: usize,
    /// Which check found it.
    pub check: Check,
    /// What is wrong, and how the parser read it.
    pub message: String,
}

/// Every finding for `doc`, in line order.
pub fn check(doc: &Document) -> Vec<Finding> {
    let outline = doc.outline();
    let mut findings = Vec::new();
    findings.extend(not_utf8(outline.src(), "shown as U+FFFD"));
    findings.extend(indented_preamble(doc));
    findings.extend(mixed_indentation(outline));
    findings.extend(unmatched_dedents(outline));
    findings.extend(skipped_levels(outline));
    findings.extend(statuses_without_reason(doc));
    findings.extend(empty_speakers(doc));
    findings.sort_by_key(|f| (f.line, f.column, f.check));
    findings
}

/// Every finding for `doc`, read from `raw` decoded as `encoding` because it is not
/// UTF-8: the findings of [`check`], and each line that is not UTF-8 in `raw`.
pub fn check_decoded(doc: &Document, raw: &[u8], encoding: &str) -> Vec<Finding> {
    let mut findings = check(doc);
    findings.extend(not_utf8(raw, &format!("read as {encoding}")));
    findings.sort_by_key(|f| (f.line, f.column, f.check));
    findings
}

/// Each line of `src` with bytes that are not UTF-8, once, at its first bad byte;
/// `how` says how they are read.
fn not_utf8(src: &[u8], how: &str) -> Vec<Finding> {
    let mut findings: Vec<Finding> = Vec::new();
    let mut offset = 0;
    let mut line = 0;
    let mut counted = 0;
    let mut bad_on_line = 0;
    while let Err(error) = std::str::from_utf8(&src[offset..]) {
        let at = offset + error.valid_up_to();
        let len = error.error_len().unwrap_or(src.len() - at);
        line += memchr::memchr_iter(b'\n', &src[counted..at]).count();
        counted = at;
        let line_start = memchr::memrchr(b'\n', &src[..at]).map_or(0, |p| p + 1);
        match findings.last_mut() {
            Some(last) if last.line == LineNumber::of(line) => {
                bad_on_line += 1;
                last.message = format!(
                    "not valid UTF-8 from byte 0x{:02x} ({} bad sequences on this line); {how}",
                    src[line_start + last.column - 1],
                    bad_on_line
                );
            }
            _ => {
                bad_on_line = 1;
                findings.push(Finding {
                    line: LineNumber::of(line),
                    column: at - line_start + 1,
                    check: Check::InvalidUtf8,
                    message: format!("not valid UTF-8 from byte 0x{:02x}; {how}", src[at]),
                });
            }
        }
        offset = at + len.max(1);
    }
    findings
}

/// Indented lines before the first heading and the first session (numbered items may
/// start sessions where there is no heading): once, with how many there are.
fn indented_preamble(doc: &Document) -> Option<Finding> {
    let outline = doc.outline();
    let first_session = doc.sessions().first().map(Session::line);
    let first_heading = (0..outline.len())
        .find(|&i| outline.line(i).is_heading())
        .into_iter()
        .chain(first_session)
        .min();
    let end = first_heading.unwrap_or(outline.len());
    let indented: Vec<usize> = (0..end)
        .filter(|&i| !outline.line(i).is_blank() && outline.line(i).column() > 0)
        .collect();
    let &first = indented.first()?;
    let message = match first_heading {
        Some(h) => format!(
            "indented line before any heading or session: this and {} more lines before line {} belong to no session",
            indented.len() - 1,
            LineNumber::of(h)
        ),
        None => format!(
            "indented lines but no unindented heading: the file has no sessions ({} lines)",
            indented.len()
        ),
    };
    Some(Finding {
        line: LineNumber::of(first),
        column: 1,
        check: Check::IndentedPreamble,
        message,
    })
}

/// Bullets indented with tabs and others with spaces: once, at the first line that
/// brings the second kind in.
fn mixed_indentation(outline: &Outline) -> Option<Finding> {
    let mut first: [Option<usize>; 2] = [None, None];
    let mut counts = [0usize; 2];
    for i in 0..outline.len() {
        if !outline.line(i).is_bullet() {
            continue;
        }
        let indent = outline.indent(i);
        for (k, byte) in [b'\t', b' '].into_iter().enumerate() {
            if indent.contains(&byte) {
                counts[k] += 1;
                first[k].get_or_insert(i);
            }
        }
    }
    let (Some(tab), Some(space)) = (first[0], first[1]) else {
        return None;
    };
    let (line, other, kind, other_kind) = if tab < space {
        (space, tab, "spaces", "a tab")
    } else {
        (tab, space, "a tab", "spaces")
    };
    Some(Finding {
        line: LineNumber::of(line),
        column: 1,
        check: Check::MixedIndentation,
        message: format!(
            "indented with {kind} where line {} is indented with {other_kind} ({} with tabs, {} with spaces); a tab counts as {TAB_WIDTH} columns, so levels may not line up",
            LineNumber::of(other),
            bullets(counts[0]),
            bullets(counts[1])
        ),
    })
}

fn bullets(n: usize) -> String {
    format!("{n} bullet{}", if n == 1 { "" } else { "s" })
}

/// The line a bullet or heading line `i` is read under, described.
fn parent_description(outline: &Outline, i: usize) -> String {
    match outline.parent(i) {
        Some(p) if outline.line(p).is_heading() => {
            format!("the heading on line {}", LineNumber::of(p))
        }
        Some(p) => format!(
            "line {} (column {})",
            LineNumber::of(p),
            outline.line(p).column()
        ),
        None => "no line: it starts the outline".to_string(),
    }
}

/// A bullet dedented to a column between two open levels: the parser puts it under the
/// shallower one.
fn unmatched_dedents(outline: &Outline) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut previous: Option<usize> = None;
    for i in 0..outline.len() {
        let line = outline.line(i);
        if line.is_heading() {
            previous = Some(i);
            continue;
        }
        if !line.is_bullet() {
            continue;
        }
        let column = line.column();
        if let Some(prev) = previous.filter(|&p| outline.line(p).is_bullet())
            && column < outline.line(prev).column()
        {
            // The open levels are `prev` and its bullet ancestors; walk up while they
            // are deeper than this bullet.
            let mut open = Vec::new();
            let mut matched = false;
            for level in std::iter::once(prev).chain(outline.ancestors(prev)) {
                let l = outline.line(level);
                if !l.is_bullet() {
                    break;
                }
                if l.column() == column {
                    matched = true;
                }
                open.push(l.column());
                if l.column() <= column {
                    break;
                }
            }
            // Back to a column left of every open bullet is a new top level: normal.
            let between = outline
                .parent(i)
                .is_some_and(|p| outline.line(p).is_bullet());
            if !matched && between {
                open.reverse();
                let levels: Vec<String> = open.iter().map(u32::to_string).collect();
                findings.push(Finding {
                    line: LineNumber::of(i),
                    column: 1,
                    check: Check::UnmatchedDedent,
                    message: format!(
                        "dedented to column {column}, which matches no open level (columns {}); read as under {}",
                        levels.join(", "),
                        parent_description(outline, i)
                    ),
                });
            }
        }
        previous = Some(i);
    }
    findings
}

/// The usual step between a bullet and its parent bullet: the most common difference
/// of columns.
fn indentation_step(outline: &Outline) -> Option<u32> {
    let mut counts = std::collections::BTreeMap::new();
    for i in 0..outline.len() {
        if let (true, Some(p)) = (outline.line(i).is_bullet(), outline.parent(i))
            && outline.line(p).is_bullet()
        {
            let step = outline.line(i).column() - outline.line(p).column();
            *counts.entry(step).or_insert(0usize) += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(step, n)| (n, u32::MAX - step))
        .map(|(step, _)| step)
}

/// A bullet at least two steps deeper than its parent bullet.
fn skipped_levels(outline: &Outline) -> Vec<Finding> {
    let Some(step) = indentation_step(outline).filter(|&s| s > 0) else {
        return Vec::new();
    };
    let mut findings = Vec::new();
    for i in 0..outline.len() {
        let line = outline.line(i);
        let Some(p) = outline
            .parent(i)
            .filter(|&p| line.is_bullet() && outline.line(p).is_bullet())
        else {
            continue;
        };
        let depth = line.column() - outline.line(p).column();
        if depth >= 2 * step {
            findings.push(Finding {
                line: LineNumber::of(i),
                column: 1,
                check: Check::SkippedLevel,
                message: format!(
                    "indented {depth} columns below line {} where this file steps by {step}; read as one level below it",
                    LineNumber::of(p)
                ),
            });
        }
    }
    findings
}

/// "Missed" or "Partial" with nothing after it.
fn statuses_without_reason(doc: &Document) -> Vec<Finding> {
    let outline = doc.outline();
    let mut findings = Vec::new();
    for session in doc.sessions() {
        if session.kind() == SessionKind::Wishlist {
            continue;
        }
        for bullet in doc.top_level_bullets(session) {
            let text = outline.text(bullet);
            if let Some((status, None)) = rules::status(&text) {
                findings.push(Finding {
                    line: LineNumber::of(bullet),
                    column: outline.text_offset(bullet) + 1,
                    check: Check::StatusWithoutReason,
                    message: format!(
                        "\"{}\" without a reason: {} is {status}, but the notes do not say why",
                        text.trim(),
                        session.title()
                    ),
                });
            }
        }
    }
    findings
}

/// A session heading that ends in a comma or a long dash (` –`, ` —`, ` --`): the
/// speaker seems to be missing. (A plain ` -` often ends a line of minutes.)
fn empty_speakers(doc: &Document) -> Vec<Finding> {
    let outline = doc.outline();
    doc.sessions()
        .iter()
        .filter(|s| s.kind() != SessionKind::Wishlist)
        .filter_map(|session| {
            let heading = session.heading().trim_end();
            let ends = [",", " –", " —", " --"]
                .into_iter()
                .find(|end| heading.ends_with(end))?;
            let line = session.line();
            Some(Finding {
                line: LineNumber::of(line),
                column: outline.text_offset(line) + heading.len() - ends.trim_start().len() + 1,
                check: Check::EmptySpeaker,
                message: format!(
                    "heading ends with \"{}\" as if a speaker were missing; read as the session \"{}\" with no speaker",
                    ends.trim_start(),
                    session.title()
                ),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(src: &str) -> Vec<(usize, usize, Check)> {
        let doc = Document::parse(src.as_bytes());
        check(&doc)
            .into_iter()
            .map(|f| (f.line.get(), f.column, f.check))
            .collect()
    }

    #[test]
    fn a_clean_file() {
        assert!(findings("Title\n\nTalk – Ann Lee\n  - a\n    - b\n  - c\n").is_empty());
    }

    #[test]
    fn mixed_indentation_once() {
        let f = findings("Talk\n\t- a\n    - b\n\t- c\n    - d\n");
        assert_eq!(f, [(3, 1, Check::MixedIndentation)]);
    }

    #[test]
    fn unmatched_dedents_say_where_they_went() {
        let src = "Talk\n  - a\n    - b\n      - c\n     - d\n";
        let doc = Document::parse(src.as_bytes());
        let f = check(&doc);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].line.get(), f[0].check), (5, Check::UnmatchedDedent));
        assert!(f[0].message.contains("columns 4, 6"), "{}", f[0].message);
        assert!(
            f[0].message.contains("under line 3 (column 4)"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn a_new_top_level_is_no_dedent_problem() {
        assert!(findings("Talk\n    - a\n        - b\n  - c\n- d\n").is_empty());
    }

    #[test]
    fn skipped_levels() {
        let f = findings("Talk\n  - a\n    - b\n  - c\n        - d\n  - e\n    - f\n");
        assert_eq!(f, [(5, 1, Check::SkippedLevel)]);
    }

    #[test]
    fn preamble_statuses_and_speakers() {
        let f = findings(
            "  - stray\nTalk,\n  - Missed\n  - Partial, lunch\nOther –\n  - x\nMinutes -\n  - y\n",
        );
        assert_eq!(
            f,
            [
                (1, 1, Check::IndentedPreamble),
                (2, 5, Check::EmptySpeaker),
                (3, 5, Check::StatusWithoutReason),
                (5, 7, Check::EmptySpeaker),
            ]
        );
    }

    #[test]
    fn a_decoded_file_is_checked_in_its_bytes() {
        let raw = b"Talk \x96 Ann Lee\n  - caf\xe9\n";
        let doc = Document::parse("Talk – Ann Lee\n  - café\n".as_bytes());
        assert!(check(&doc).is_empty());
        let f = check_decoded(&doc, raw, "Windows-1252");
        let lines: Vec<usize> = f.iter().map(|f| f.line.get()).collect();
        assert_eq!(lines, [1, 2]);
        assert!(
            f[0].message.ends_with("read as Windows-1252"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn invalid_utf8_once_per_line() {
        let doc = Document::parse(b"Talk\n  - caf\xe9 \x93x\x94\n  - ok\n\xff\n");
        let f = check(&doc);
        let lines: Vec<(usize, usize)> = f.iter().map(|f| (f.line.get(), f.column)).collect();
        assert_eq!(lines, [(2, 8), (4, 1)]);
        assert!(
            f[0].message.contains("0xe9") && f[0].message.contains("3 bad"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn the_bundled_notes_have_one_finding() {
        let doc = Document::parse(include_bytes!("../notes/pycon2014.txt"));
        let f = check(&doc);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].line.get(), f[0].check), (35, Check::EmptySpeaker));
    }
}
