//! `notes grep PATTERN` (every line whose text matches, with its session and ancestors)
//! and `notes todo` (every follow-up line, printed the same way).

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::io::Write;

use anyhow::{Result, anyhow};
use notes::document::rules;
use notes::outline::LineNumber;
use notes::query::{self, Filter};
use notes::render::json;
use notes::render::text::{self, GrepPrinter, Options};
use notes::search::{Hit, Searcher, SessionInfo};
use regex::{Regex, RegexBuilder};

use super::Ctx;
use super::input::{File, Inputs};
use crate::cli::GrepArgs;

pub fn run(inputs: &mut Inputs, args: &GrepArgs, out: &mut impl Write, ctx: Ctx) -> Result<bool> {
    let (pattern, case_insensitive) = build_regex(args)?;
    let filter = Filter {
        session: args.session.clone(),
        ..Filter::default()
    };
    let ctx = Ctx {
        opts: Options {
            heading: if args.heading || args.no_heading {
                args.heading
            } else {
                ctx.opts.heading
            },
            ..ctx.opts
        },
        ..ctx
    };
    let mut printer = GrepPrinter::new(ctx.opts);
    let mut found = false;
    inputs.for_each(|file| {
        // Filters need the document's days and headings; plain searches do not.
        let filter = file.filter(&filter, args.day.as_deref())?;
        let allowed: Option<HashSet<LineNumber>> = (!filter.is_empty()).then(|| {
            query::sessions(file.doc(), &filter)
                .map(|s| s.line_number())
                .collect()
        });
        let keep = |hit: &Hit| {
            allowed
                .as_ref()
                .is_none_or(|a| hit.session.is_some_and(|s| a.contains(&s.line)))
                && args
                    .tag
                    .as_deref()
                    .is_none_or(|tag| file.doc().line_has_tag(hit.line.index(), tag))
        };
        let mut searcher = file.search(&pattern, case_insensitive, false);
        found |= if args.count {
            counts(file, &mut searcher, keep, out, ctx)?
        } else if args.sessions_with_matches {
            sessions_with_hits(file, &mut searcher, keep, out, ctx)?
        } else {
            print_hits(file, &mut searcher, keep, &mut printer, out, ctx)?
        };
        Ok(())
    })?;
    Ok(found)
}

pub fn todo(inputs: &mut Inputs, out: &mut impl Write, ctx: Ctx) -> Result<bool> {
    let mut printer = GrepPrinter::new(ctx.opts);
    let mut found = false;
    inputs.for_each(|file| {
        let mut searcher = file.search(rules::follow_up_pattern(), false, true);
        found |= print_hits(file, &mut searcher, |_| true, &mut printer, out, ctx)?;
        Ok(())
    })?;
    Ok(found)
}

fn print_hits(
    file: &File,
    searcher: &mut Searcher,
    keep: impl Fn(&Hit) -> bool,
    printer: &mut GrepPrinter,
    out: &mut impl Write,
    ctx: Ctx,
) -> Result<bool> {
    let mut found = false;
    searcher.search(|hit| {
        if !keep(hit) {
            return Ok(());
        }
        found = true;
        if ctx.json {
            json::write_hit(out, file.label, hit)
        } else {
            printer.hit(out, file.prefix, hit)
        }
    })?;
    Ok(found)
}

/// Hits per session, sessions in file order (lines outside any session first).
fn counts(
    file: &File,
    searcher: &mut Searcher,
    keep: impl Fn(&Hit) -> bool,
    out: &mut impl Write,
    ctx: Ctx,
) -> Result<bool> {
    let mut counts: BTreeMap<Option<LineNumber>, (Option<SessionInfo>, usize)> = BTreeMap::new();
    searcher.search(|hit| {
        if keep(hit) {
            let entry = counts
                .entry(hit.session.map(|s| s.line))
                .or_insert_with(|| (hit.session.cloned(), 0));
            entry.1 += 1;
        }
        Ok(())
    })?;
    for (session, count) in counts.values() {
        if ctx.json {
            json::write_count(out, file.label, session.as_ref(), *count)?;
        } else {
            text::write_count(out, ctx.opts, file.prefix, session.as_ref(), *count)?;
        }
    }
    Ok(!counts.is_empty())
}

/// The sessions with at least one hit, as `list` prints them.
fn sessions_with_hits(
    file: &File,
    searcher: &mut Searcher,
    keep: impl Fn(&Hit) -> bool,
    out: &mut impl Write,
    ctx: Ctx,
) -> Result<bool> {
    let mut lines = BTreeSet::new();
    searcher.search(|hit| {
        if let Some(session) = hit.session.filter(|_| keep(hit)) {
            lines.insert(session.line);
        }
        Ok(())
    })?;
    for session in file.doc().sessions() {
        if lines.contains(&session.line_number()) {
            if ctx.json {
                json::write_session(out, file.label, session, None)?;
            } else {
                text::write_session(out, ctx.opts, file.prefix, session)?;
            }
        }
    }
    Ok(!lines.is_empty())
}

/// The pattern as asked for, and whether it ignores case (for the search's prefilter).
fn build_regex(args: &GrepArgs) -> Result<(Regex, bool)> {
    let mut pattern = if args.fixed_strings {
        regex::escape(&args.pattern)
    } else {
        args.pattern.clone()
    };
    if args.word_regexp {
        pattern = format!(r"\b(?:{pattern})\b");
    }
    let smart = args.smart_case && !has_uppercase(&args.pattern, args.fixed_strings);
    let case_insensitive = args.ignore_case || smart;
    let regex = RegexBuilder::new(&pattern)
        .case_insensitive(case_insensitive)
        .build()
        .map_err(|e| {
            anyhow!(
                "invalid pattern `{}`: {}",
                args.pattern,
                one_line(&e.to_string())
            )
        })?;
    Ok((regex, case_insensitive))
}

/// Smart case: does the pattern have an upper-case letter of its own? Escapes such as
/// `\S`, `\W` or `\p{Lu}` do not count, unless the pattern is literal.
fn has_uppercase(pattern: &str, literal: bool) -> bool {
    if literal {
        return pattern.chars().any(char::is_uppercase);
    }
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            let escaped = chars.next();
            if matches!(escaped, Some('p' | 'P')) && chars.clone().next() == Some('{') {
                chars.by_ref().find(|&c| c == '}');
            } else if matches!(escaped, Some('p' | 'P')) {
                chars.next();
            }
        } else if c.is_uppercase() {
            return true;
        }
    }
    false
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

    #[test]
    fn smart_case_looks_past_escapes() {
        for (pattern, literal, upper) in [
            ("decorator", false, false),
            ("Decorator", false, true),
            (r"\Sfoo\W", false, false),
            (r"\p{Lu}x", false, false),
            (r"\pLx", false, false),
            (r"\\Sx", false, true),
            (r"\S", true, true),
            ("ÉTÉ", false, true),
        ] {
            assert_eq!(has_uppercase(pattern, literal), upper, "{pattern}");
        }
    }
}
