//! `notes speakers`, `notes days` and `notes stats`, over every file read.

use std::io::Write;

use anyhow::Result;
use talknotes::Session;
use talknotes::query;
use talknotes::render::{json, text};
use talknotes::summary::{self, Row, Scope, Speakers, Tally};

use super::Ctx;
use super::input::{File, Filters, Inputs, Layout};

/// The sessions of `file` the filters keep.
fn kept<'f>(file: &'f File, filters: &Filters) -> Vec<&'f Session> {
    let Some(filter) = filters.of(file) else {
        return Vec::new();
    };
    query::sessions(file.doc(), file.origin(), &filter).collect()
}

pub fn speakers(
    inputs: &mut Inputs,
    filters: Filters,
    out: &mut impl Write,
    ctx: Ctx,
) -> Result<bool> {
    let several = inputs.names();
    let mut speakers = Speakers::default();
    inputs.map(
        |file| {
            let mut found = Speakers::default();
            found.add(file.label, file.origin(), kept(file, &filters));
            Ok(found)
        },
        |found| {
            speakers.merge(found);
            Ok(())
        },
    )?;
    filters.check(inputs.len())?;
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

pub fn days(inputs: &mut Inputs, filters: Filters, out: &mut impl Write, ctx: Ctx) -> Result<bool> {
    let found = inputs.print(out, Layout::Lines, |file, records| {
        let sessions = kept(file, &filters);
        for row in summary::stats(file.doc(), sessions) {
            if let Scope::Day(_) = row.scope {
                let mut out = records.record(None)?;
                if ctx.json {
                    json::write_day(&mut out, file.label, &row)?;
                } else {
                    text::write_day(&mut out, ctx.opts, file.prefix, &row)?;
                }
            }
        }
        Ok(())
    })?;
    filters.check(inputs.len())?;
    Ok(found)
}

pub fn stats(
    inputs: &mut Inputs,
    filters: Filters,
    out: &mut impl Write,
    ctx: Ctx,
) -> Result<bool> {
    // Each file's rows but its total, then one total over them all.
    let mut rows: Vec<(String, Option<String>, Row)> = Vec::new();
    let mut total = Tally::default();
    let mut files = 0;
    inputs.map(
        |file| {
            let sessions = kept(file, &filters);
            let rows = if sessions.is_empty() {
                Vec::new()
            } else {
                summary::stats(file.doc(), sessions)
            };
            Ok((file.label.to_string(), file.prefix.map(String::from), rows))
        },
        |(label, prefix, file_rows)| {
            if file_rows.is_empty() {
                return Ok(());
            }
            files += 1;
            for row in file_rows {
                if row.scope == Scope::Total {
                    total.merge(&row.tally);
                } else {
                    rows.push((label.clone(), prefix.clone(), row));
                }
            }
            Ok(())
        },
    )?;
    filters.check(inputs.len())?;
    if files == 0 {
        return Ok(false);
    }
    let total = Row {
        scope: Scope::Total,
        day: None,
        tally: total,
    };
    // One file: its total names it, as its other rows do.
    let (total_label, total_prefix) = match rows.first() {
        Some((label, prefix, _)) if files == 1 => (Some(label.as_str()), prefix.as_deref()),
        _ => (None, None),
    };
    if ctx.json {
        for (label, _, row) in &rows {
            json::write_stats(out, Some(label), row)?;
        }
        json::write_stats(out, total_label, &total)?;
    } else {
        let mut table: Vec<(Option<&str>, &Row)> = rows
            .iter()
            .map(|(_, prefix, row)| (prefix.as_deref(), row))
            .collect();
        table.push((total_prefix, &total));
        text::write_stats(out, ctx.opts, &table)?;
    }
    Ok(true)
}
