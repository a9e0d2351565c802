//! Indexes the word lists of the speaker rule (src/document/data): where each word
//! starts, so that looking one up is a plain binary search with nothing to build when
//! the program starts.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

const LISTS: [(&str, &str); 2] = [
    ("GIVEN_NAMES", "src/document/data/given-names.txt"),
    ("COMMON_WORDS", "src/document/data/common-words.txt"),
];

fn main() {
    let mut code = String::new();
    for (name, file) in LISTS {
        println!("cargo::rerun-if-changed={file}");
        let text = fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let mut starts = vec![0u32];
        for (i, byte) in text.bytes().enumerate() {
            if byte == b'\n' && i + 1 < text.len() {
                starts.push(u32::try_from(i + 1).expect("word list under 4 GiB"));
            }
        }
        writeln!(
            code,
            "/// Where each line of `{file}` starts.\nstatic {name}_STARTS: [u32; {}] = {starts:?};",
            starts.len()
        )
        .expect("writing to a String");
    }
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out).join("word_lists.rs"), code).expect("OUT_DIR is writable");
}
