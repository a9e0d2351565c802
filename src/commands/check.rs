//! `notes check`: lint the notes, then a summary.

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::Result;
use notes::check::{self, Check};
use notes::render::{json, text};

use super::Ctx;
use super::input::Inputs;

pub fn run(inputs: &mut Inputs, out: &mut impl Write, ctx: Ctx) -> Result<bool> {
    let mut by_check: BTreeMap<Check, usize> = BTreeMap::new();
    let mut files = 0;
    inputs.for_each(|file| {
        files += 1;
        for finding in check::check(file.doc()) {
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
