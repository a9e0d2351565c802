//! `notes export --to json|markdown|opml`: the documents, or the sessions the filters
//! keep.

use std::io::Write;

use anyhow::Result;
use talknotes::query;
use talknotes::render::json::{self, FileRef};
use talknotes::render::{markdown, opml};

use super::input::{Filters, Inputs};
use crate::cli::ExportFormat;

pub fn run(
    inputs: &mut Inputs,
    to: ExportFormat,
    filters: Filters,
    out: &mut dyn Write,
) -> Result<bool> {
    let mut out = out;
    let several = inputs.len() > 1;
    let mut found = false;
    let mut opml_started = false;
    inputs.map(
        |file| {
            let Some(filter) = filters.of(file) else {
                return Ok(None);
            };
            let (doc, origin) = (file.doc(), file.origin());
            let sessions: Vec<_> = query::sessions(doc, origin, &filter).collect();
            if sessions.is_empty() {
                return Ok(None);
            }
            let mut text = Vec::new();
            match to {
                ExportFormat::Json => {
                    let at = FileRef {
                        label: file.label,
                        origin,
                    };
                    json::write_tree(&mut text, at, doc, sessions)?
                }
                ExportFormat::Markdown => {
                    markdown::write_document(&mut text, file.label, doc, sessions)?
                }
                ExportFormat::Opml => {
                    opml::write_document(&mut text, several, file.label, doc, sessions)?
                }
            }
            let title = match doc.title() {
                Some(title) if !several => title.to_string(),
                _ if several => "notes".to_string(),
                _ => file.label.to_string(),
            };
            Ok(Some((title, text)))
        },
        |done| {
            let Some((title, text)) = done else {
                return Ok(());
            };
            if to == ExportFormat::Opml && !opml_started {
                opml::write_head(&mut out, &title)?;
                opml_started = true;
            }
            found = true;
            Ok(out.write_all(&text)?)
        },
    )?;
    if opml_started {
        opml::write_end(&mut out)?;
    }
    filters.check(inputs.len())?;
    Ok(found)
}
