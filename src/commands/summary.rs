//! `notes speakers`, `notes days` and `notes stats`.

use std::io::Write;

use anyhow::Result;
use notes::render::{json, text};
use notes::summary::{self, Scope, Speakers};

use super::Ctx;
use super::input::Inputs;

pub fn speakers(inputs: &mut Inputs, out: &mut impl Write, ctx: Ctx) -> Result<bool> {
    let several = inputs.several();
    let mut speakers = Speakers::default();
    inputs.for_each(|file| {
        speakers.add(file.label, file.doc());
        Ok(())
    })?;
    let speakers = speakers.into_sorted();
    for speaker in &speakers {
        if ctx.json {
            json::write_speaker(out, speaker)?;
        } else {
            text::write_speaker(out, ctx.opts, speaker, several)?;
        }
    }
    Ok(!speakers.is_empty())
}

pub fn days(inputs: &mut Inputs, out: &mut impl Write, ctx: Ctx) -> Result<bool> {
    let mut found = false;
    inputs.for_each(|file| {
        for row in summary::stats(file.doc(), file.doc().sessions()) {
            if let Scope::Day(_) = row.scope {
                if ctx.json {
                    json::write_day(out, file.label, &row)?;
                } else {
                    text::write_day(out, ctx.opts, file.prefix, &row)?;
                }
                found = true;
            }
        }
        Ok(())
    })?;
    Ok(found)
}

pub fn stats(inputs: &mut Inputs, out: &mut impl Write, ctx: Ctx) -> Result<bool> {
    let mut found = false;
    inputs.for_each(|file| {
        let rows = summary::stats(file.doc(), file.doc().sessions());
        if file.doc().sessions().is_empty() {
            return Ok(());
        }
        found = true;
        if ctx.json {
            for row in &rows {
                json::write_stats(out, file.label, row)?;
            }
        } else {
            text::write_stats(out, ctx.opts, file.prefix, &rows)?;
        }
        Ok(())
    })?;
    Ok(found)
}
