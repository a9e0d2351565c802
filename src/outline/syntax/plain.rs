//! The plain outline: every line at column 0 that is not a bullet is a heading. Marks
//! people type out of habit come off its text: Markdown `#` marks (`# Title`, `##Heading`,
//! closing `##`) and org-mode stars of level two or more (`** Heading`); they give no
//! level (every heading of the plain outline is a root).

use super::super::line;
use super::super::{Kind, Shape};
use super::{markdown, org};

/// The shape of a line of the plain outline.
pub fn shape(body: &[u8]) -> Shape {
    // Both marks start the line (a line that starts otherwise, nearly every one, is
    // spared the two parsers).
    if body.first() == Some(&b'#')
        && let Some(shape) = markdown::atx_shape(body)
    {
        return shape;
    }
    if body.starts_with(b"**")
        && let Some(level) = org::starred(body)
    {
        let mut shape = line::shape(&body[usize::from(level)..]);
        let marks = usize::from(level);
        shape.marker_end += marks;
        shape.text = (shape.text.0 + marks, shape.text.1 + marks);
        shape.indent = 0;
        shape.column = 0;
        shape.kind = Kind::Heading { level };
        return shape;
    }
    line::shape(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(line: &str) -> Kind {
        shape(line.as_bytes()).kind
    }

    fn text(line: &str) -> &str {
        let s = shape(line.as_bytes());
        &line[s.text.0..s.text.1]
    }

    #[test]
    fn headings_are_text_at_column_zero() {
        let cases = [
            ("John Perry Barlow", 0, "John Perry Barlow"),
            ("Further reading:  ", 0, "Further reading:"),
            ("# Title", 1, "Title"),
            ("### Deep", 3, "Deep"),
            ("##Heading", 2, "Heading"),
            (
                "## Tuesday, 8 September 2015##",
                2,
                "Tuesday, 8 September 2015",
            ),
            ("## Closing ##", 2, "Closing"),
            ("# C#", 1, "C#"),
            ("#", 1, ""),
            ("#positivepython", 0, "#positivepython"),
            ("#+BEGIN_SRC python", 0, "#+BEGIN_SRC python"),
            ("** Org heading", 2, "Org heading"),
            ("**Bold title**", 0, "**Bold title**"),
            ("-ve", 0, "-ve"),
            ("---", 0, "---"),
        ];
        for (line, level, want) in cases {
            assert_eq!(kind(line), Kind::Heading { level }, "{line:?}");
            assert_eq!(text(line), want, "{line:?}");
        }
    }
}
