//! TaskPaper: a line ending with `:` (tags aside) is a project, a line starting with
//! `- ` is a task, anything else is a note; `@tag` and `@tag(value)` tag their line.

use super::super::line::{self, after_indent, is_space, trim_end_len};
use super::super::{Kind, Shape};

/// `- task` or a lone `-`, after the indentation.
pub fn is_task(rest: &[u8]) -> bool {
    rest.first() == Some(&b'-') && rest.get(1).is_none_or(|&b| is_space(b))
}

/// A line (any indentation) that is not a task and ends with `:` once its tags are
/// taken off: `open items:`, `Via Lucca 2021-12-28:`, `Inbox: @today`.
pub fn is_project(body: &[u8]) -> bool {
    let rest = after_indent(body);
    if is_task(rest) {
        return false;
    }
    let text = &rest[..untagged_len(rest)];
    text.len() > 1 && text.ends_with(b":")
}

/// The length of `text` without trailing whitespace and `@tags`.
fn untagged_len(text: &[u8]) -> usize {
    let mut end = trim_end_len(text);
    loop {
        let word_start = text[..end]
            .iter()
            .rposition(|&b| is_space(b))
            .map_or(0, |p| p + 1);
        if word_start == 0 || !is_tag(&text[word_start..end]) {
            return end;
        }
        end = trim_end_len(&text[..word_start]);
    }
}

/// `@name` or `@name(value)`, the whole word.
fn is_tag(word: &[u8]) -> bool {
    let Some(rest) = word.strip_prefix(b"@") else {
        return false;
    };
    let name = rest.iter().take_while(|&&b| is_tag_char(b)).count();
    name > 0 && {
        let after = &rest[name..];
        after.is_empty() || (after.starts_with(b"(") && after.ends_with(b")"))
    }
}

fn is_tag_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.' || b >= 0x80
}

/// The shape of a project line: the text leaves out its tags and the final `:`.
pub fn project_shape(body: &[u8]) -> Shape {
    let mut shape = line::verbatim_shape(body);
    let (start, end) = shape.text;
    let mut len = untagged_len(&body[start..end]);
    if body[start..start + len].ends_with(b":") && len > 1 {
        len = trim_end_len(&body[start..start + len - 1]);
    }
    shape.text = (start, start + len);
    shape.kind = Kind::Heading { level: 0 };
    shape
}

/// The `@tag` and `@tag(value)` words of a line, in order: (name, value).
pub fn tags(text: &str) -> Vec<(&str, Option<&str>)> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(pos) = memchr::memchr(b'@', &bytes[at..]).map(|p| p + at) {
        at = pos + 1;
        if pos > 0 && !is_space(bytes[pos - 1]) && bytes[pos - 1] != b'(' {
            continue;
        }
        let name_len = bytes[at..].iter().take_while(|&&b| is_tag_char(b)).count();
        // A trailing dot ends a sentence, not the tag.
        let name_len = name_len
            - bytes[at..at + name_len]
                .iter()
                .rev()
                .take_while(|&&b| b == b'.')
                .count();
        if name_len == 0 {
            continue;
        }
        let name = &text[at..at + name_len];
        at += name_len;
        let mut value = None;
        if bytes.get(at) == Some(&b'(')
            && let Some(close) = memchr::memchr(b')', &bytes[at..])
        {
            value = Some(&text[at + 1..at + close]);
            at += close + 1;
        }
        found.push((name, value));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projects_tasks_and_notes() {
        for line in [
            "open items:",
            "\tShareSheetHelper:",
            "Inbox: @today",
            "Done: @done(2020-01-01)  ",
        ] {
            assert!(is_project(line.as_bytes()), "{line:?}");
        }
        for line in [
            "- task:",
            "\t- crash: @done(2010-08-15)",
            "a note",
            ":",
            "Note: with text",
            "\t",
        ] {
            assert!(!is_project(line.as_bytes()), "{line:?}");
        }
        assert!(is_task(b"- x"));
        assert!(is_task(b"-"));
        assert!(!is_task(b"-x"));
    }

    #[test]
    fn project_text_loses_colon_and_tags() {
        for (line, text) in [
            ("open items:", "open items"),
            ("\tShareSheetHelper:", "ShareSheetHelper"),
            ("Inbox: @today @flag(red)", "Inbox"),
            ("Via Lucca 2021-12-28:", "Via Lucca 2021-12-28"),
            ("Setext", "Setext"),
        ] {
            let s = project_shape(line.as_bytes());
            assert_eq!(&line[s.text.0..s.text.1], text, "{line:?}");
        }
    }

    #[test]
    fn tags_with_and_without_values() {
        assert_eq!(
            tags("crash: @done(2010-08-15) @project(open items)"),
            [
                ("done", Some("2010-08-15")),
                ("project", Some("open items"))
            ]
        );
        assert_eq!(
            tags("Now and then @build3.18 @ios9"),
            [("build3.18", None), ("ios9", None)]
        );
        assert_eq!(tags("ask me@example.com, or @today."), [("today", None)]);
        assert!(tags("no tags @ all").is_empty());
    }
}
