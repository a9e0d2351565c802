//! `notes check`: lint the notes, then a summary.

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::Result;
use notes::check::{self, Check};
use notes::outline::LineNumber;
use notes::render::{json, text};

use super::Ctx;
use super::input::Inputs;

pub fn run(inputs: &mut Inputs, explain: bool, out: &mut impl Write, ctx: Ctx) -> Result<bool> {
    let mut by_check: BTreeMap<Check, usize> = BTreeMap::new();
    let mut files = 0;
    if explain {
        inputs.explain();
    }
    inputs.for_each(|file| {
        files += 1;
        let doc = file.doc();
        let mut findings = check::check(doc).into_iter().peekable();
        let mut notes = doc.explanations().iter().peekable();
        // Findings and notes in line order, a note before a finding on its line.
        loop {
            let note_first = match (notes.peek(), findings.peek()) {
                (Some(n), Some(f)) => LineNumber::of(n.line) <= f.line,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            if note_first {
                let note = notes.next().expect("peeked");
                if ctx.json {
                    json::write_note(out, file.label, note)?;
                } else {
                    text::write_note(out, ctx.opts, file.label, note)?;
                }
                continue;
            }
            let finding = findings.next().expect("peeked");
            *by_check.entry(finding.check).or_default() += 1;
            if ctx.json {
                json::write_finding(out, file.label, &finding)?;
            } else {
                text::write_finding(out, ctx.opts, file.label, &finding)?;
            }
        }
        Ok(())
    })?;
    if !ctx.json {
        text::write_check_summary(out, ctx.opts, &by_check, files)?;
    }
    // Exit status 0 when clean ("found" nothing wrong), 1 with warnings.
    Ok(by_check.is_empty())
}
