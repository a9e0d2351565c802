//! Links in a line's text: the URLs a talk's notes give (a bare `https://…`, a
//! Markdown `[label](url)` or `<url>`, an org `[[url][label]]`), for a watch list.

/// The URLs in `text`, in order: each `http://` or `https://` up to the first space,
/// quote or bracket that closes what opened before it, with trailing punctuation off.
/// A `)` ends the URL unless the URL opened a `(` itself (`…/wiki/Rust_(language)`).
pub fn links(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = 0;
    while let Some(at) = next_scheme(&text[rest..]) {
        let start = rest + at;
        let end = start + url_len(&text[start..]);
        let url = text[start..end].trim_end_matches(['.', ',', ';', ':', '!', '?', '*', '_']);
        if url.len() > "https://".len() && !url.ends_with("://") {
            found.push(url);
        }
        rest = end.max(start + 1);
        while !text.is_char_boundary(rest) {
            rest += 1;
        }
    }
    found
}

/// Where the next `http://` or `https://` (in any case) starts, at a word's start.
fn next_scheme(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    memchr::memchr2_iter(b'h', b'H', b).find(|&at| {
        let scheme = |s: &[u8]| {
            b.get(at..at + s.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(s))
        };
        let word_start = at == 0 || !b[at - 1].is_ascii_alphanumeric();
        word_start && (scheme(b"http://") || scheme(b"https://"))
    })
}

/// How long the URL at the start of `text` is.
fn url_len(text: &str) -> usize {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            ')' | ']' | '>' | '"' | '\'' | '<' | '[' | '`' => return i,
            c if c.is_whitespace() => return i,
            _ => {}
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_markdown_and_org_links() {
        assert_eq!(
            links("video: https://example.com/v/1."),
            ["https://example.com/v/1"]
        );
        assert_eq!(
            links("[slides](https://example.com/s.pdf) and <http://example.org/x>"),
            ["https://example.com/s.pdf", "http://example.org/x"]
        );
        assert_eq!(
            links("[[https://example.com/talk][the talk]]"),
            ["https://example.com/talk"]
        );
        assert_eq!(
            links("see https://en.wikipedia.org/wiki/Rust_(language), then"),
            ["https://en.wikipedia.org/wiki/Rust_(language)"]
        );
        assert_eq!(links("(https://example.com/a)"), ["https://example.com/a"]);
        assert_eq!(links("HTTPS://Example.com/A"), ["HTTPS://Example.com/A"]);
    }

    #[test]
    fn no_links() {
        assert!(links("nothing here").is_empty());
        assert!(links("https:// alone").is_empty());
        assert!(links("xhttps://example.com").is_empty());
        assert!(links("ünïcödé https").is_empty());
        assert_eq!(links("«https://example.com/é»"), ["https://example.com/é»"]);
    }
}
