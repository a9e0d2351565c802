//! Matching that ignores case and accents: `perez` finds Pérez.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// `text` decomposed, without combining marks, in lower case: "Pérez" becomes "perez".
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|&c| !is_combining_mark(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// True when `haystack` contains `needle`, ignoring case and accents. `needle` must
/// already be folded.
pub fn contains_folded(haystack: &str, needle: &str) -> bool {
    fold(haystack).contains(needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Fernando Pérez"), "fernando perez");
        assert_eq!(fold("ÅNGSTRÖM"), "angstrom");
        assert_eq!(fold("Straße"), "straße");
        assert!(contains_folded(
            "Python & Science – Fernando Pérez",
            "perez"
        ));
        assert!(contains_folded("Crème Brûlée", &fold("BRULEE")));
        assert!(!contains_folded("Perry", "perez"));
    }
}
