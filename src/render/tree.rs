//! `notes tree`: the outline drawn with guides, sessions coloured by role.
//!
//! The root is the document's title (or the file's name), sessions are its children,
//! and each session's notes hang under it. Bullet glyphs give way to the guides;
//! ordinals keep their number. Drawn line by line from a stack of "has a later
//! sibling" flags, so depth costs no recursion.

use std::io::{self, Write};

use crate::document::{Document, Note, Session};
use crate::outline::{Kind, Marker};
use crate::render::text::{Options, Role, put, write_session_label, write_status};

/// How the tree is drawn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TreeOptions {
    /// Draw with `|-`, `` `- `` and `|` instead of box-drawing characters.
    pub ascii: bool,
    /// Show this many levels below the root (1: sessions only); all when `None`.
    pub depth: Option<usize>,
}

struct Guides {
    branch: &'static str,
    last: &'static str,
    through: &'static str,
    blank: &'static str,
}

const UNICODE: Guides = Guides {
    branch: "├─ ",
    last: "└─ ",
    through: "│  ",
    blank: "   ",
};

const ASCII: Guides = Guides {
    branch: "|- ",
    last: "`- ",
    through: "|  ",
    blank: "   ",
};

/// Draws the sessions of `doc` under a root named after its title or `label`.
pub fn write_tree(
    out: &mut impl Write,
    opts: Options,
    tree: TreeOptions,
    label: &str,
    doc: &Document,
    sessions: &[&Session],
) -> io::Result<()> {
    let guides = if tree.ascii { &ASCII } else { &UNICODE };
    let max = tree.depth.unwrap_or(usize::MAX);
    let title = doc.title();
    put(out, opts, Role::Header, title.unwrap_or(label))?;
    out.write_all(b"\n")?;
    if max == 0 {
        return Ok(());
    }
    // later[k]: the node open at level k has a later sibling, so its guide continues.
    let mut later: Vec<bool> = Vec::new();
    for (i, session) in sessions.iter().enumerate() {
        let last = i + 1 == sessions.len();
        draw_guides(out, opts, guides, &later, last)?;
        write_session_label(out, opts, session)?;
        if let Some(day) = session.day_info() {
            out.write_all(b" (")?;
            put(out, opts, Role::Day, &day.name())?;
            out.write_all(b")")?;
        }
        write_status(out, opts, session)?;
        out.write_all(b"\n")?;
        if max < 2 {
            continue;
        }
        later.clear();
        later.push(!last);
        let notes: Vec<Note> = doc
            .notes(session)
            .into_iter()
            .filter(|n| n.depth < max)
            .collect();
        let lasts = last_siblings(&notes);
        for (note, is_last) in notes.iter().zip(lasts) {
            later.truncate(note.depth);
            draw_guides(out, opts, guides, &later, is_last)?;
            later.push(!is_last);
            write_node(out, opts, doc, note.line)?;
        }
        later.clear();
    }
    Ok(())
}

fn draw_guides(
    out: &mut impl Write,
    opts: Options,
    guides: &Guides,
    later: &[bool],
    last: bool,
) -> io::Result<()> {
    let mut prefix = String::with_capacity(4 * (later.len() + 1));
    for &continues in later {
        prefix.push_str(if continues {
            guides.through
        } else {
            guides.blank
        });
    }
    prefix.push_str(if last { guides.last } else { guides.branch });
    put(out, opts, Role::Guide, &prefix)
}

/// A note's text; ordinals keep their number, glyphs give way to the guides.
fn write_node(out: &mut impl Write, opts: Options, doc: &Document, line: usize) -> io::Result<()> {
    let outline = doc.outline();
    if let Kind::Bullet(Marker::Ordinal) = outline.line(line).kind() {
        put(
            out,
            opts,
            Role::Plain,
            &String::from_utf8_lossy(outline.marker(line)),
        )?;
        out.write_all(b" ")?;
    }
    put(out, opts, Role::Plain, &outline.text(line))?;
    out.write_all(b"\n")
}

/// For each note, whether no later sibling follows it (pre-order, depths step down
/// freely but up by one). One backward pass.
fn last_siblings(notes: &[Note]) -> Vec<bool> {
    let mut lasts = vec![true; notes.len()];
    // sibling_below[d]: a node at depth d was seen after this point, under the same parent.
    let mut sibling_below: Vec<bool> = Vec::new();
    for (i, note) in notes.iter().enumerate().rev() {
        sibling_below.truncate(note.depth + 1);
        sibling_below.resize(note.depth + 1, false);
        lasts[i] = !sibling_below[note.depth];
        sibling_below[note.depth] = true;
    }
    lasts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draw(src: &str, tree: TreeOptions) -> String {
        let doc = Document::parse(src.as_bytes());
        let sessions: Vec<&Session> = doc.sessions().iter().collect();
        let mut out = Vec::new();
        write_tree(&mut out, Options::default(), tree, "x.txt", &doc, &sessions).unwrap();
        String::from_utf8(out).unwrap()
    }

    const NOTES: &str = "Notes\n\nFriday\nTalk – Ann Lee\n  • a\n    1. b\n    2. c\n  • d\n\
                         Other\n  • Missed\n";

    #[test]
    fn draws_box_guides() {
        assert_eq!(
            draw(NOTES, TreeOptions::default()),
            "Notes\n\
             ├─ Talk — Ann Lee (friday)\n\
             │  ├─ a\n\
             │  │  ├─ 1. b\n\
             │  │  └─ 2. c\n\
             │  └─ d\n\
             └─ Other (friday) (missed)\n\
             \x20  └─ Missed\n"
        );
    }

    #[test]
    fn ascii_and_depth() {
        assert_eq!(
            draw(
                NOTES,
                TreeOptions {
                    ascii: true,
                    depth: Some(2)
                }
            ),
            "Notes\n|- Talk — Ann Lee (friday)\n|  |- a\n|  `- d\n`- Other (friday) (missed)\n   `- Missed\n"
        );
        assert_eq!(
            draw(
                NOTES,
                TreeOptions {
                    ascii: false,
                    depth: Some(1)
                }
            ),
            "Notes\n├─ Talk — Ann Lee (friday)\n└─ Other (friday) (missed)\n"
        );
    }

    #[test]
    fn last_siblings_in_one_pass() {
        let notes = |depths: &[usize]| -> Vec<Note> {
            depths
                .iter()
                .enumerate()
                .map(|(line, &depth)| Note { line, depth })
                .collect()
        };
        assert_eq!(
            last_siblings(&notes(&[1, 2, 2, 1, 2])),
            [false, false, true, true, true]
        );
        assert_eq!(
            last_siblings(&notes(&[1, 2, 3, 1])),
            [false, true, true, true]
        );
    }
}
