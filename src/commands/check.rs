//! `notes check`: lint the notes, then a summary.

use std::collections::BTreeMap;
use std::io::Write;
use std::ops::Range;

use anyhow::Result;
use talknotes::Document;
use talknotes::check::{self, Check};
use talknotes::outline::LineNumber;
use talknotes::query;
use talknotes::render::{json, text};

use super::Ctx;
use super::input::{File, Filters, Inputs};

pub fn run(
    inputs: &mut Inputs,
    explain: bool,
    filters: Filters,
    out: &mut impl Write,
    ctx: Ctx,
) -> Result<bool> {
    let mut by_check: BTreeMap<Check, usize> = BTreeMap::new();
    let mut files = 0;
    if explain {
        inputs.explain();
    }
    inputs.map(
        |file| {
            let Some(kept) = kept_lines(file, &filters) else {
                return Ok(None);
            };
            let doc = file.doc();
            let mut text = Vec::new();
            let mut checks = Vec::new();
            let findings = if file.fallback {
                check::check_decoded(doc, file.raw, "Windows-1252")
            } else {
                check::check(doc)
            };
            let mut findings = findings
                .into_iter()
                .filter(|f| kept.holds(f.line.index()))
                .peekable();
            let mut notes = doc
                .explanations()
                .iter()
                .filter(|n| kept.holds(n.line))
                .peekable();
            // Findings and notes in line order, a note before a finding on its line.
            loop {
                let note_first = match (notes.peek(), findings.peek()) {
                    (Some(n), Some(f)) => LineNumber::of(n.line) <= f.line,
                    (Some(_), None) => true,
                    (None, Some(_)) => false,
                    (None, None) => break,
                };
                if let Some(note) = notes.next_if(|_| note_first) {
                    if ctx.json {
                        json::write_note(&mut text, file.label, note)?;
                    } else {
                        text::write_note(&mut text, ctx.opts, file.label, note)?;
                    }
                } else if let Some(finding) = findings.next() {
                    checks.push(finding.check);
                    if ctx.json {
                        json::write_finding(&mut text, file.label, &finding)?;
                    } else {
                        text::write_finding(&mut text, ctx.opts, file.label, &finding)?;
                    }
                }
            }
            Ok(Some((text, checks)))
        },
        |checked| {
            let Some((text, checks)) = checked else {
                return Ok(());
            };
            files += 1;
            for check in checks {
                *by_check.entry(check).or_default() += 1;
            }
            Ok(out.write_all(&text)?)
        },
    )?;
    if !ctx.json {
        text::write_check_summary(out, ctx.opts, &by_check, files)?;
    }
    filters.check(inputs.len())?;
    // Exit status 0 when clean ("found" nothing wrong), 1 with warnings.
    Ok(by_check.is_empty())
}

/// The lines of a file whose findings and notes are shown.
enum Kept<'d> {
    All,
    /// The lines of the sessions the filters keep (in order), and those outside every
    /// session of `doc`.
    Sessions(&'d Document<'d>, Vec<Range<usize>>),
}

impl Kept<'_> {
    fn holds(&self, line: usize) -> bool {
        match self {
            Kept::All => true,
            Kept::Sessions(doc, kept) => {
                let after = kept.partition_point(|lines| lines.start <= line);
                doc.session_of(line).is_none() || after > 0 && kept[after - 1].contains(&line)
            }
        }
    }
}

/// What of `file` the filters keep: None when they keep none of its sessions.
fn kept_lines<'d>(file: &'d File, filters: &Filters) -> Option<Kept<'d>> {
    if filters.keeps_all() {
        return Some(Kept::All);
    }
    let filter = filters.of(file)?;
    let doc = file.doc();
    let kept: Vec<Range<usize>> = query::sessions(doc, file.origin(), &filter)
        .map(|session| session.lines())
        .collect();
    (!kept.is_empty()).then_some(Kept::Sessions(doc, kept))
}
