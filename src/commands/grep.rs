//! `notes grep PATTERN` (every line whose text matches, with its session and ancestors)
//! and `notes todo` (every follow-up line, printed the same way, with its link).

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::io::{self, Write};

use anyhow::{Result, anyhow};
use regex::{Regex, RegexBuilder};
use talknotes::document::{Pieces, rules};
use talknotes::outline::LineNumber;
use talknotes::query::{self, Filter};
use talknotes::render::json::{self, FileRef, HitExtra};
use talknotes::render::text::{self, GrepPrinter, Options};
use talknotes::search::{Hit, HitKind, Prefilter, Searcher, SessionInfo};

use super::Ctx;
use super::input::{File, Filters, Inputs, Layout, Records};
use crate::cli::GrepArgs;

/// How hits are printed.
#[derive(Debug, Clone, Copy)]
struct Show {
    ctx: Ctx,
    /// `-o`.
    only_matching: bool,
    /// `todo`: each follow-up with its first link.
    links: bool,
}

pub fn run(
    inputs: &mut Inputs,
    args: &GrepArgs,
    filters: Filters,
    out: &mut impl Write,
    ctx: Ctx,
) -> Result<bool> {
    let (patterns, _) = args.patterns_and_paths();
    let (pattern, case_insensitive) = build_regex(args, &patterns)?;
    let filters = filters.with(|f| Filter {
        session: args.session.clone(),
        ..f
    });
    let heading = if args.heading || args.no_heading {
        args.heading
    } else {
        ctx.opts.heading
    };
    let ctx = Ctx {
        opts: Options {
            heading,
            ..ctx.opts
        },
        ..ctx
    };
    let show = Show {
        ctx,
        only_matching: args.only_matching,
        links: false,
    };
    let before = args.before_context.or(args.context).unwrap_or(0);
    let after = args.after_context.or(args.context).unwrap_or(0);
    let prefilter = Prefilter::new(&pattern, case_insensitive);
    let grouped = heading && !ctx.json && !args.count && !args.sessions_with_matches;
    let layout = if grouped {
        Layout::Blocks
    } else {
        Layout::Lines
    };
    let found = inputs.print(out, layout, |file: &File, records: &mut Records| {
        // A file without the pattern's literals has no hit: it is not read at all. (Its
        // days still count for --day, as in any command.)
        if !args.invert_match && !prefilter.may_match(file.src) && filters.keeps_all() {
            return Ok(());
        }
        let Some(filter) = filters.of(file) else {
            return Ok(());
        };
        // Only the sessions of hits are printed when nothing filters sessions and no
        // other line is printed: only those need reading in full.
        let only_hits = filters.keeps_all() && !args.invert_match && before == 0 && after == 0;
        let candidates = prefilter.candidates(file.src).filter(|_| only_hits);
        // Hits printed or counted as text, each on its own, need only the pieces of the
        // file around them.
        let plain_hits = !ctx.json
            && !records.by_date()
            && !args.sessions_with_matches
            && args.tag.is_none()
            && args.max_count.is_none();
        if let Some(pieces) = candidates
            .as_deref()
            .filter(|_| plain_hits)
            .and_then(|at| file.pieces(at))
        {
            let pattern = (&pattern, &prefilter);
            if args.count {
                return count_pieces(file, pieces, pattern, records, ctx);
            }
            return print_pieces(file, pieces, pattern, records, show);
        }
        let doc = match candidates {
            Some(candidates) => file.doc_for_hits(candidates.into()),
            None => file.doc(),
        };
        let allowed = Allowed::of(file, &filter);
        let keep = |hit: &Hit| {
            allowed.keeps(hit)
                && args
                    .tag
                    .as_deref()
                    .is_none_or(|tag| doc.line_has_tag(hit.line.index(), tag))
        };
        let mut searcher = file
            .search(&pattern, &prefilter, false)
            .max_count(args.max_count);
        if args.invert_match {
            searcher = searcher.inverted();
        }
        if args.count {
            counts(file, &mut searcher, keep, records, ctx)
        } else if args.sessions_with_matches {
            sessions_with_hits(file, &mut searcher, keep, records, ctx)
        } else {
            let mut searcher = searcher.context(before, after);
            print_hits(file, &mut searcher, keep, records, show)
        }
    })?;
    filters.check(inputs.len())?;
    Ok(found)
}

pub fn todo(inputs: &mut Inputs, filters: Filters, out: &mut impl Write, ctx: Ctx) -> Result<bool> {
    let show = Show {
        ctx,
        only_matching: false,
        links: true,
    };
    let layout = if ctx.opts.heading && !ctx.json {
        Layout::Blocks
    } else {
        Layout::Lines
    };
    let prefilter = Prefilter::new(rules::follow_up_pattern(), false);
    let found = inputs.print(out, layout, |file: &File, records: &mut Records| {
        let Some(filter) = filters.of(file) else {
            return Ok(());
        };
        let allowed = Allowed::of(file, &filter);
        let mut searcher = file.search(rules::follow_up_pattern(), &prefilter, true);
        print_hits(file, &mut searcher, |hit| allowed.keeps(hit), records, show)
    })?;
    filters.check(inputs.len())?;
    Ok(found)
}

/// The sessions whose lines a search keeps: every line when the filter keeps every
/// session (filters need the document's days and headings; plain searches do not).
struct Allowed(Option<HashSet<LineNumber>>);

impl Allowed {
    fn of(file: &File, filter: &Filter) -> Allowed {
        Allowed((!filter.is_empty()).then(|| {
            query::sessions(file.doc(), file.origin(), filter)
                .map(|s| s.line_number())
                .collect()
        }))
    }

    fn keeps(&self, hit: &Hit) -> bool {
        self.0
            .as_ref()
            .is_none_or(|a| hit.session.is_some_and(|s| a.contains(&s.line)))
    }
}

/// The hit's session's date and year, and for a follow-up its links: its own line's,
/// then its session's; and how many are its own line's.
fn extra(file: &File, hit: &Hit, links: bool) -> (HitExtra<'static>, Vec<String>, usize) {
    let doc = file.doc();
    let session = doc.session_of(hit.line.index()).map(|s| &doc.sessions()[s]);
    let origin = file.origin();
    let mut found = Vec::new();
    let mut own = 0;
    if links {
        found = doc.links_in(hit.line.index()..hit.line.index() + 1);
        own = found.len();
        for link in session.map(|s| doc.links(s)).unwrap_or_default() {
            if !found.contains(&link) {
                found.push(link);
            }
        }
    }
    let extra = HitExtra {
        date: session.and_then(|s| origin.session_date(s)),
        year: session.map_or(origin.year, |s| origin.session_year(s)),
        links: None,
    };
    (extra, found, own)
}

fn print_hits(
    file: &File,
    searcher: &mut Searcher,
    keep: impl Fn(&Hit) -> bool,
    records: &mut Records,
    show: Show,
) -> Result<()> {
    let mut printer = HitPrinter::new(show);
    searcher.search_kept(keep, |hit| {
        let (extra, links, own) = extra(file, hit, show.links);
        printer.print(file, records, hit, extra, (&links, own))
    })?;
    Ok(())
}

/// Prints the hits of a file read in pieces ([`talknotes::document::pieces`]): as
/// [`print_hits`] does, where nothing filters them and no record needs a date.
fn print_pieces(
    file: &File,
    pieces: Pieces,
    (pattern, prefilter): (&Regex, &Prefilter),
    records: &mut Records,
    show: Show,
) -> Result<()> {
    let mut printer = HitPrinter::new(show);
    search_pieces(pieces, (pattern, prefilter), |hit| {
        printer.print(file, records, hit, HitExtra::default(), (&[], 0))
    })
}

/// Calls `each` with every hit of the pieces, in order, numbered in their file.
fn search_pieces(
    pieces: Pieces,
    (pattern, prefilter): (&Regex, &Prefilter),
    mut each: impl FnMut(&Hit) -> io::Result<()>,
) -> Result<()> {
    pieces.read_each(|piece| {
        Searcher::with_prefilter(&piece.doc, pattern, prefilter)
            .piece_at(piece.first_line)
            .search(&mut each)
    })?;
    Ok(())
}

/// Writes hits as records, a record per session when hits are grouped.
struct HitPrinter {
    show: Show,
    printer: GrepPrinter,
    /// The session of the record being written, once one is started.
    current: Option<Option<LineNumber>>,
}

impl HitPrinter {
    fn new(show: Show) -> HitPrinter {
        HitPrinter {
            show,
            printer: HitPrinter::fresh(show),
            current: None,
        }
    }

    fn fresh(show: Show) -> GrepPrinter {
        let printer = GrepPrinter::new(show.ctx.opts);
        if show.only_matching {
            printer.only_matching()
        } else {
            printer
        }
    }

    /// Writes `hit`, with what its record says beyond it, and its `links` (how many
    /// of them its own line's).
    fn print<'l>(
        &mut self,
        file: &File,
        records: &mut Records,
        hit: &Hit,
        mut extra: HitExtra<'l>,
        (links, own): (&'l [String], usize),
    ) -> io::Result<()> {
        let show = self.show;
        if show.ctx.json && hit.kind == HitKind::Context {
            return Ok(());
        }
        let session = hit.session.map(|s| s.line);
        // Sorted by date, each session's hits stand on their own.
        if self.current.is_none() || (records.by_date() && self.current != Some(session)) {
            records.record(extra.date)?;
            self.printer = HitPrinter::fresh(show);
            self.current = Some(session);
        }
        let mut out = records.out();
        if show.ctx.json {
            extra.links = show.links.then_some(links);
            let at = FileRef {
                label: file.label,
                origin: file.origin(),
            };
            json::write_hit(&mut out, at, hit, extra)
        } else {
            // A link the line shows already is not repeated after it.
            let link = links
                .first()
                .filter(|_| hit.kind == HitKind::Match && own == 0);
            self.printer
                .hit(&mut out, file.prefix, hit, link.map(String::as_str))
        }
    }
}

/// Hits per session, sessions in file order (lines outside any session first).
fn counts(
    file: &File,
    searcher: &mut Searcher,
    keep: impl Fn(&Hit) -> bool,
    records: &mut Records,
    ctx: Ctx,
) -> Result<()> {
    let mut counts = Counts::new();
    searcher.search_kept(keep, |hit| {
        tally(&mut counts, hit);
        Ok(())
    })?;
    let doc = file.doc();
    for (session, count) in counts.values() {
        let date = session
            .as_ref()
            .and_then(|s| doc.session_of(s.line.index()))
            .and_then(|s| file.origin().session_date(&doc.sessions()[s]));
        let mut out = records.record(date)?;
        if ctx.json {
            json::write_count(&mut out, file.label, session.as_ref(), *count)?;
        } else {
            text::write_count(&mut out, ctx.opts, file.prefix, session.as_ref(), *count)?;
        }
    }
    Ok(())
}

/// The hits of each session (and of the lines outside any), by the session's line.
type Counts = BTreeMap<Option<LineNumber>, (Option<SessionInfo>, usize)>;

fn tally(counts: &mut Counts, hit: &Hit) {
    let entry = counts
        .entry(hit.session.map(|s| s.line))
        .or_insert_with(|| (hit.session.cloned(), 0));
    entry.1 += 1;
}

/// Counts the hits of a file read in pieces, as [`counts`] does where no record needs
/// a date and they are text.
fn count_pieces(
    file: &File,
    pieces: Pieces,
    (pattern, prefilter): (&Regex, &Prefilter),
    records: &mut Records,
    ctx: Ctx,
) -> Result<()> {
    let mut counts = Counts::new();
    search_pieces(pieces, (pattern, prefilter), |hit| {
        tally(&mut counts, hit);
        Ok(())
    })?;

    for (session, count) in counts.values() {
        let mut out = records.record(None)?;
        text::write_count(&mut out, ctx.opts, file.prefix, session.as_ref(), *count)?;
    }
    Ok(())
}

/// The sessions with at least one hit, as `list` prints them.
fn sessions_with_hits(
    file: &File,
    searcher: &mut Searcher,
    keep: impl Fn(&Hit) -> bool,
    records: &mut Records,
    ctx: Ctx,
) -> Result<()> {
    let mut lines = BTreeSet::new();
    searcher.search_kept(keep, |hit| {
        if let Some(session) = hit.session {
            lines.insert(session.line);
        }
        Ok(())
    })?;
    let doc = file.doc();
    let origin = file.origin();
    let at = FileRef {
        label: file.label,
        origin,
    };
    for session in doc.sessions() {
        if lines.contains(&session.line_number()) {
            let mut out = records.record(origin.session_date(session))?;
            if ctx.json {
                json::write_session(&mut out, at, doc, session, None)?;
            } else {
                text::write_session(&mut out, ctx.opts, file.prefix, session, None)?;
            }
        }
    }
    Ok(())
}

/// The patterns as asked for, as one regex (any of them), and whether it ignores case
/// (for the search's prefilter).
fn build_regex(args: &GrepArgs, patterns: &[String]) -> Result<(Regex, bool)> {
    let one = |p: &String| {
        let p = if args.fixed_strings {
            regex::escape(p)
        } else {
            p.clone()
        };
        if args.word_regexp {
            format!(r"\b(?:{p})\b")
        } else if patterns.len() > 1 {
            format!("(?:{p})")
        } else {
            p
        }
    };
    let pattern = patterns.iter().map(one).collect::<Vec<_>>().join("|");
    let shown = patterns.join("`, `");
    let smart = args.smart_case
        && !patterns
            .iter()
            .any(|p| has_uppercase(p, args.fixed_strings));
    let case_insensitive = args.ignore_case || smart;
    let regex = RegexBuilder::new(&pattern)
        .case_insensitive(case_insensitive)
        .build()
        .map_err(|e| anyhow!("invalid pattern `{shown}`: {}", one_line(&e.to_string())))?;
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
