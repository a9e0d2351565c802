//! Printers. [`text`] writes records for people and pipes, [`json`] JSON Lines and the
//! JSON tree, [`raw`] the file's own bytes, [`markdown`] and [`opml`] exports, [`tree`]
//! the outline drawn with guides, [`escape`] keeps notes from steering a terminal.
//! They never filter and never look at the terminal themselves.

pub mod escape;
pub mod json;
pub mod markdown;
pub mod opml;
pub mod raw;
pub mod text;
pub mod tree;
