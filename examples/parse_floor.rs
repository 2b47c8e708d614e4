//! The parse floor for benchmarks: read every `*.toml` file of a plan
//! directory and parse each into a `toml::Table`, on one thread, and nothing
//! else. `plan check` cannot do less work than this.
//!
//!     cargo run --release --example parse_floor -- DIR

#![allow(clippy::print_stdout, clippy::print_stderr)] // a program of its own

use std::path::{Path, PathBuf};

fn files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read the directory") {
        let path = entry.expect("read the directory").path();
        if path.is_dir() {
            files(&path, found);
        } else if path.extension().is_some_and(|e| e == "toml") {
            found.push(path);
        }
    }
}

fn main() {
    let dir = std::env::args().nth(1).expect("usage: parse_floor DIR");
    let mut found = Vec::new();
    files(Path::new(&dir), &mut found);
    found.sort();
    let mut keys = 0;
    for path in &found {
        let text = std::fs::read_to_string(path).expect("read a file");
        let table: toml::Table = text.parse().expect("valid TOML");
        keys += table.len();
    }
    println!("{} files, {keys} top-level keys", found.len());
}
