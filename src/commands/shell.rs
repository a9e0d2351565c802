//! `notes completions SHELL` and `notes man`: shell integration, generated from the
//! command-line definition so they never drift from it.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;

pub fn completions(shell: Shell, out: &mut impl Write) -> Result<bool> {
    clap_complete::generate(shell, &mut Cli::command(), "notes", out);
    Ok(true)
}

pub fn man(out: &mut impl Write) -> Result<bool> {
    out.write_all(super::man::page().render().as_bytes())?;
    Ok(true)
}
