//! The inference rules that read an outline as conference notes, one module per
//! concern: [`day`] (calendar, day headings, `--day`), [`speaker`] (bylines, names,
//! speaker lines), [`title`] (what comes off a heading to leave its title), [`mod@status`]
//! (missed, partial, wishlists, follow-ups) and [`heading`] (what a heading's own words
//! make it: a title, a group, a section, a talk by its label).
//!
//! Each rule is a small function of a line's text, with its own tests; FORMAT.md
//! describes them. No I/O and no outline walking here: the reader in
//! `document/read/` applies them.

pub mod day;
pub mod heading;
pub mod links;
pub mod speaker;
pub mod status;
pub mod title;
mod words;

pub use day::{Date, DayHeading, DaySpec, day_heading, mentioned_day};
pub use heading::{is_lightning_talks, is_separator};
pub use links::links;
pub use speaker::{
    Byline, byline, is_label_line, name_line, speaker_label, split_names, talk_byline,
};
pub use status::{follow_up_pattern, status};
