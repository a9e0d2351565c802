//! Line indices and line numbers as distinct things: the outline indexes its lines
//! from 0 (a bare `usize`, so that ranges of lines iterate as ranges), and people count
//! them from 1. A [`LineNumber`] is made only from an index, so the two never mix, and
//! every message and record shows a `LineNumber`.

use std::fmt;
use std::num::NonZeroUsize;

/// A line's number as an editor shows it, counting from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineNumber(NonZeroUsize);

impl LineNumber {
    /// The number of the line at 0-based `index`.
    pub fn of(index: usize) -> LineNumber {
        LineNumber(NonZeroUsize::MIN.saturating_add(index))
    }

    /// The number, from 1.
    pub fn get(self) -> usize {
        self.0.get()
    }

    /// The 0-based index of the line.
    pub fn index(self) -> usize {
        self.0.get() - 1
    }
}

impl fmt::Display for LineNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl serde::Serialize for LineNumber {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(self.get() as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_count_from_one() {
        assert_eq!(LineNumber::of(0).get(), 1);
        assert_eq!(LineNumber::of(41).to_string(), "42");
        assert_eq!(LineNumber::of(41).index(), 41);
        assert_eq!(LineNumber::of(usize::MAX).get(), usize::MAX);
        assert!(LineNumber::of(2) < LineNumber::of(10));
        assert_eq!(serde_json::to_string(&LineNumber::of(6)).unwrap(), "7");
    }
}
