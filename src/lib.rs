//! notes
#![warn(missing_docs)]
pub mod document;
pub mod outline;
pub mod query;
pub mod render;
