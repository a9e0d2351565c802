//! `notes export --to json|markdown|opml [--day DAY]`: the whole document, or one day.

use std::io::Write;

use anyhow::Result;
use notes::query::{self, Filter};
use notes::render::{json, markdown, opml};

use super::input::Inputs;
use crate::cli::ExportFormat;

pub fn run(
    inputs: &mut Inputs,
    to: ExportFormat,
    day: Option<&str>,
    out: &mut impl Write,
) -> Result<bool> {
    let filter = Filter::default();
    let several = inputs.several();
    let mut found = false;
    let mut opml_started = false;
    inputs.for_each(|file| {
        let filter = file.filter(&filter, day)?;
        let sessions: Vec<_> = query::sessions(file.doc(), &filter).collect();
        if sessions.is_empty() {
            return Ok(());
        }
        found = true;
        match to {
            ExportFormat::Json => json::write_tree(out, file.label, file.doc(), sessions)?,
            ExportFormat::Markdown => {
                markdown::write_document(out, file.label, file.doc(), sessions)?
            }
            ExportFormat::Opml => {
                if !opml_started {
                    let title = match file.doc().title() {
                        Some(title) if !several => title.to_string(),
                        _ if several => "notes".to_string(),
                        _ => file.label.to_string(),
                    };
                    opml::write_head(out, &title)?;
                    opml_started = true;
                }
                opml::write_document(out, several, file.label, file.doc(), sessions)?;
            }
        }
        Ok(())
    })?;
    if opml_started {
        opml::write_end(out)?;
    }
    Ok(found)
}
