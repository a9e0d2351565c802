//! `notes list` and `notes missed`: the sessions that pass the filters, one per line.

use std::collections::VecDeque;
use std::io::Write;

use anyhow::Result;
use talknotes::document::{AllPieces, DayInfo, DayTracker, SessionDay, Status};
use talknotes::outline::LineNumber;
use talknotes::query::{self, Filter};
use talknotes::render::json::{self, FileRef};
use talknotes::render::text;

use super::Ctx;
use super::input::{File, Filters, Inputs, Layout, Records};
use crate::cli::ListArgs;

pub fn run(
    inputs: &mut Inputs,
    args: &ListArgs,
    filters: Filters,
    out: &mut impl Write,
    ctx: Ctx,
) -> Result<bool> {
    let filters = filters.with(|f| Filter {
        statuses: args.status.iter().map(|&s| s.into()).collect(),
        speaker: args.speaker.clone(),
        tag: args.tag.clone(),
        ..f
    });
    sessions(inputs, &filters, false, out, ctx)
}

/// The sessions missed, left early or not seen, each with the first link its notes
/// give: a watch list.
pub fn missed(
    inputs: &mut Inputs,
    statuses: Vec<Status>,
    filters: Filters,
    out: &mut impl Write,
    ctx: Ctx,
) -> Result<bool> {
    let filters = filters.with(|f| Filter { statuses, ..f });
    sessions(inputs, &filters, true, out, ctx)
}

/// Prints the sessions `filters` keeps, `links` saying whether text records end with
/// the session's first link.
fn sessions(
    inputs: &mut Inputs,
    filters: &Filters,
    links: bool,
    out: &mut impl Write,
    ctx: Ctx,
) -> Result<bool> {
    let found = inputs.print(out, Layout::Lines, |file: &File, records| {
        let Some(filter) = filters.of(file) else {
            return Ok(());
        };
        // Text records that need nothing of the file but its sessions and their days
        // are written as the file is read, a piece at a time: memory stays flat.
        if !ctx.json
            && !records.by_date()
            && filter.is_of_sessions_alone()
            && let Some(pieces) = file.all_pieces()
        {
            return stream(file, pieces, &filter, links, records, ctx);
        }
        let doc = file.doc();
        let origin = file.origin();
        let at = FileRef {
            label: file.label,
            origin,
        };
        for session in query::sessions(doc, origin, &filter) {
            let mut out = records.record(origin.session_date(session))?;
            if ctx.json {
                json::write_session(&mut out, at, doc, session, None)?;
            } else {
                let link = if links {
                    doc.links(session)
                } else {
                    Vec::new()
                };
                text::write_session(
                    &mut out,
                    ctx.opts,
                    file.prefix,
                    session,
                    link.first().map(String::as_str),
                )?;
            }
        }
        Ok(())
    })?;
    filters.check(inputs.len())?;
    Ok(found)
}

/// Prints the sessions `filter` keeps of a file read in pieces, as text: each record
/// once the day it names is known for good, which may be further on in the file.
fn stream(
    file: &File,
    pieces: AllPieces,
    filter: &Filter,
    links: bool,
    records: &mut Records,
    ctx: Ctx,
) -> Result<()> {
    let mut days = DayTracker::default();
    let mut waiting = Waiting::default();
    pieces.read_each(|piece| -> Result<()> {
        let found = days.follow(&piece);
        for (session, day) in piece.doc.sessions().iter().zip(found) {
            if !filter.matches_alone(session) {
                continue;
            }
            let link = if links {
                piece.doc.links(session).into_iter().next()
            } else {
                None
            };
            let line = LineNumber::of(piece.first_line + session.line());
            let bytes = &mut waiting.bytes;
            text::write_session_start(bytes, ctx.opts, file.prefix, line)?;
            let split = bytes.len();
            text::write_session_end(bytes, ctx.opts, session, link.as_deref())?;
            waiting.records.push_back(Record {
                day,
                split,
                end: bytes.len(),
            });
        }
        waiting.write(records, ctx, |day| days.named(day))
    })?;
    waiting.write(records, ctx, |day| Some(days.at_end(day)))
}

/// Records written but for their day, waiting for it to be known.
#[derive(Default)]
struct Waiting {
    /// The records, one after the other, from `written` on.
    bytes: Vec<u8>,
    written: usize,
    records: VecDeque<Record>,
}

/// A record in [`Waiting::bytes`]: its day goes at `split`, and it ends at `end`.
struct Record {
    day: SessionDay,
    split: usize,
    end: usize,
}

impl Waiting {
    /// Writes the records whose day `known` gives, in order, up to the first it does
    /// not.
    fn write<'d>(
        &mut self,
        records: &mut Records,
        ctx: Ctx,
        known: impl Fn(SessionDay) -> Option<Option<&'d DayInfo>>,
    ) -> Result<()> {
        while let Some(record) = self.records.front()
            && let Some(day) = known(record.day)
        {
            let mut out = records.record(None)?;
            out.write_all(&self.bytes[self.written..record.split])?;
            text::write_session_day(&mut out, ctx.opts, day)?;
            out.write_all(&self.bytes[record.split..record.end])?;
            self.written = record.end;
            self.records.pop_front();
        }
        if self.records.is_empty() {
            self.bytes.clear();
            self.written = 0;
        } else if self.written > self.bytes.len() / 2 {
            self.bytes.drain(..self.written);
            for record in &mut self.records {
                record.split -= self.written;
                record.end -= self.written;
            }
            self.written = 0;
        }
        Ok(())
    }
}
