//! `notes check`: lint the notes, then a summary.

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::Result;
use talknotes::check::{self, Check};
use talknotes::outline::LineNumber;
use talknotes::render::{json, text};

use super::Ctx;
use super::input::Inputs;

pub fn run(inputs: &mut Inputs, explain: bool, out: &mut impl Write, ctx: Ctx) -> Result<bool> {
    let mut by_check: BTreeMap<Check, usize> = BTreeMap::new();
    let mut files = 0;
    if explain {
        inputs.explain();
    }
    inputs.map(
        |file| {
            let doc = file.doc();
            let mut text = Vec::new();
            let mut checks = Vec::new();
            let findings = if file.fallback {
                check::check_decoded(doc, file.raw, "Windows-1252")
            } else {
                check::check(doc)
            };
            let mut findings = findings.into_iter().peekable();
            let mut notes = doc.explanations().iter().peekable();
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
            Ok((text, checks))
        },
        |(text, checks)| {
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
    // Exit status 0 when clean ("found" nothing wrong), 1 with warnings.
    Ok(by_check.is_empty())
}
