//! Printers. [`text`] writes records for people and pipes, [`raw`] writes the file's
//! own bytes. They never filter and never look at the terminal.

pub mod raw;
pub mod text;
