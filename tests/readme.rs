//! The README's tour stays true: every `$ notes ...` example in a code block is run
//! (with `sh`, from the repository's top, the built binary first on PATH) and must print
//! what the README shows.

use std::path::Path;
use std::process::Command;

/// (command, expected output) for each example.
fn examples(readme: &str) -> Vec<(String, String)> {
    let mut examples = Vec::new();
    let mut in_block = false;
    let mut current: Option<(String, String)> = None;
    for line in readme.lines() {
        if line.starts_with("```") {
            if let Some(example) = current.take() {
                examples.push(example);
            }
            in_block = !in_block;
            continue;
        }
        if !in_block {
            continue;
        }
        if let Some(command) = line.strip_prefix("$ ") {
            if let Some(example) = current.take() {
                examples.push(example);
            }
            if command.starts_with("notes") {
                current = Some((command.to_string(), String::new()));
            }
        } else if let Some((_, output)) = current.as_mut() {
            output.push_str(line);
            output.push('\n');
        }
    }
    examples
}

#[test]
fn every_example_prints_what_the_readme_shows() {
    let top = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(top.join("README.md")).unwrap();
    let examples = examples(&readme);
    assert!(
        examples.len() >= 20,
        "found only {} examples",
        examples.len()
    );
    let bin = Path::new(env!("CARGO_BIN_EXE_notes")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for (command, expected) in examples {
        let out = Command::new("sh")
            .args(["-c", &command])
            .current_dir(top)
            .env("PATH", &path)
            .env_remove("NOTES_FILE")
            .env_remove("CLICOLOR_FORCE")
            .output()
            .unwrap();
        let actual = String::from_utf8_lossy(&out.stdout);
        // Markdown trims trailing spaces, so compare line ends without them.
        let trim =
            |s: &str| -> Vec<String> { s.lines().map(|l| l.trim_end().to_string()).collect() };
        assert_eq!(trim(&actual), trim(&expected), "$ {command}");
    }
}
