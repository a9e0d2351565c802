//! `notes grep PATTERN`: every line whose text matches, with its session and ancestors.

use std::io::Write;

use anyhow::{Result, anyhow};
use notes::document::Document;
use notes::query;
use notes::render::text::{GrepPrinter, Options};
use regex::{Regex, RegexBuilder};

use crate::cli::GrepArgs;

pub fn run(doc: &Document, args: &GrepArgs, out: &mut impl Write, opts: Options) -> Result<bool> {
    let pattern = build_regex(args)?;
    let opts = Options {
        heading: if args.heading || args.no_heading {
            args.heading
        } else {
            opts.heading
        },
        ..opts
    };
    let mut printer = GrepPrinter::new(opts);
    let mut found = false;
    for hit in query::grep(doc, &pattern) {
        printer.hit(out, doc, &hit)?;
        found = true;
    }
    Ok(found)
}

fn build_regex(args: &GrepArgs) -> Result<Regex> {
    let mut pattern = if args.fixed_strings {
        regex::escape(&args.pattern)
    } else {
        args.pattern.clone()
    };
    if args.word_regexp {
        pattern = format!(r"\b(?:{pattern})\b");
    }
    RegexBuilder::new(&pattern)
        .case_insensitive(args.ignore_case)
        .build()
        .map_err(|e| {
            anyhow!(
                "invalid pattern `{}`: {}",
                args.pattern,
                one_line(&e.to_string())
            )
        })
}

/// The regex crate's messages span several lines (the pattern, a caret, the problem);
/// keep the problem.
fn one_line(message: &str) -> String {
    let lines: Vec<&str> = message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    match lines.iter().rev().find_map(|l| l.strip_prefix("error: ")) {
        Some(problem) => problem.to_string(),
        None => lines.join(" "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regex_errors_fit_on_one_line() {
        let unclosed = String::from("(unclosed");
        let err = Regex::new(&unclosed).unwrap_err().to_string();
        assert!(err.contains('\n'));
        assert_eq!(one_line(&err), "unclosed group");
        let big = Regex::new("(a{1000}){1000}").unwrap_err().to_string();
        assert!(!one_line(&big).contains('\n'));
    }
}
