//! Read conference notes kept as a plain-text bullet outline, and answer questions
//! about them.
//!
//! The work flows one way, one module per step:
//!
//! 1. [`outline`]: bytes become lines (blank, heading, bullet, text) linked into a tree
//!    by indentation. Lossless: the outline prints back byte for byte.
//! 2. [`document`]: the outline read as conference notes: title, sessions, days,
//!    speakers, missed and partial sessions, wishlists, lightning talks.
//! 3. [`query`] and [`summary`]: pure filters, searches and counts that return
//!    sessions, hits and tallies.
//! 4. [`render`]: printers that write them as text records, JSON Lines, Markdown, OPML,
//!    a tree, or the file's own bytes.
//!
//! Beside them, [`parallel`] shares the work on a big file out over the cores.
//!
//! ```
//! use talknotes::{Document, render, search};
//!
//! let src = "My notes\n\nDecorators, Colton Myers\n  • decorators wrap functions\n";
//! let doc = Document::parse(src.as_bytes());
//! assert_eq!(doc.title(), Some("My notes"));
//! assert_eq!(doc.sessions()[0].speakers(), ["Colton Myers"]);
//!
//! let pattern = regex::Regex::new("wrap").unwrap();
//! let mut printer = render::text::GrepPrinter::new(render::text::Options::default());
//! let mut out = Vec::new();
//! search::Searcher::new(&doc, &pattern, false)
//!     .search(|hit| printer.hit(&mut out, None, hit, None))?;
//! assert_eq!(out, "4:Decorators:decorators wrap functions\n".as_bytes());
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! # Examples
//!
//! Speakers with their talks (`cargo run --example speakers`):
//!
//! ```no_run
#![doc = include_str!("../examples/speakers.rs")]
//! ```
//!
//! Sessions per day (`cargo run --example days`):
//!
//! ```no_run
#![doc = include_str!("../examples/days.rs")]
//! ```
#![warn(missing_docs)]
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod check;
pub mod document;
pub mod event;
pub mod fold;
pub mod outline;
pub mod parallel;
pub mod query;
pub mod render;
pub mod search;
pub mod summary;

pub use document::{
    Day, Document, Note, Session, SessionKind, SpeakerSource, Status, StatusSource, Talk,
};
pub use outline::{Outline, Syntax};
pub use query::Filter;
pub use search::{Hit, Searcher};
