//! The shape docs/architecture.md promises, checked on every test run:
//! no module imports one that imports it back (directly or round a longer
//! loop), and no function is over 100 lines.
//!
//! Both read the source as text. The code is kept in rustfmt's layout (CI
//! checks `cargo fmt`), so a function ends at the first line that closes
//! its brace at the indent it opened with; and a module's imports are the
//! `crate::` and `super::` paths it names, taken to the longest prefix that
//! is a module of the crate.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const LONGEST_FUNCTION: usize = 100;

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
    found.sort();
}

/// `src/a/b.rs` → `a::b`; `src/a/mod.rs` → `a`; `src/lib.rs` → `` (the crate).
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts.join("::")
}

/// The text of a file without its inline unit tests (a `#[cfg(test)]`
/// module with a body, last in the file by custom), which may reach anywhere
/// in the crate.
fn without_tests(text: &str) -> &str {
    text.match_indices("#[cfg(test)]")
        .find(|(at, cfg)| {
            let next = text[at + cfg.len()..].trim_start();
            next.starts_with("mod ") && next.lines().next().is_some_and(|l| l.ends_with('{'))
        })
        .map_or(text, |(at, _)| &text[..at])
}

/// The paths a file names that start at `crate::` or `super::`, resolved
/// to absolute paths (`a::b::c`). A `use crate::{a, b::c}` group gives each.
fn named_paths(module: &str, text: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let code: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    for (root, absolute) in [("crate::", String::new()), ("super::", parent(module))] {
        for (at, _) in code.match_indices(root) {
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let rest = &code[at + root.len()..];
            for tail in expand(rest) {
                let full = if absolute.is_empty() {
                    tail
                } else {
                    format!("{absolute}::{tail}")
                };
                paths.push(full);
            }
        }
    }
    paths
}

fn parent(module: &str) -> String {
    module.rsplit_once("::").map_or("", |(p, _)| p).to_string()
}

/// `a::b::{c, d::{e, f}}` → `a::b::c`, `a::b::d::e`, `a::b::d::f`;
/// `a::b::c(...)` → `a::b::c`.
fn expand(rest: &str) -> Vec<String> {
    let taken: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
        .collect();
    let path = taken.trim_end_matches(':');
    let Some(group) = rest[taken.len()..]
        .strip_prefix('{')
        .filter(|_| taken.ends_with("::"))
    else {
        return vec![path.to_string()];
    };
    // The group's items, split at its own commas (not those of a nested group).
    let (mut depth, mut start, mut items) = (0, 0, Vec::new());
    for (at, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.push(&group[start..at]);
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&group[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    items
        .into_iter()
        .map(str::trim)
        .filter(|item| !item.is_empty() && *item != "self")
        .flat_map(|item| {
            expand(item)
                .into_iter()
                .map(|tail| format!("{path}::{tail}"))
        })
        .collect()
}

/// The module a path names: its longest prefix that is a module.
fn resolve<'m>(path: &str, modules: &'m BTreeSet<String>) -> Option<&'m String> {
    let mut prefix = path.to_string();
    loop {
        if let Some(found) = modules.get(&prefix) {
            return Some(found);
        }
        prefix = prefix.rsplit_once("::")?.0.to_string();
    }
}

/// Module → the modules it imports, from every file under src/.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(&src, f)).collect();
    let mut graph = BTreeMap::new();
    for file in &files {
        let module = module_of(&src, file);
        let text = fs::read_to_string(file).unwrap();
        let edges: BTreeSet<String> = named_paths(&module, without_tests(&text))
            .iter()
            .filter_map(|p| resolve(p, &modules))
            // A module reaching into its own children is its wiring, and
            // the crate root is every module's parent.
            .filter(|m| **m != module && !m.starts_with(&format!("{module}::")) && !m.is_empty())
            .filter(|_| !module.is_empty())
            .cloned()
            .collect();
        graph.insert(module, edges);
    }
    graph
}

/// A loop of imports, if the graph has one: depth-first, three colours.
fn a_loop(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        done: &mut BTreeSet<String>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut found = path[at..].to_vec();
            found.push(node.to_string());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, done, path) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut done, &mut Vec::new()))
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let graph = imports();
    assert!(
        graph.values().map(BTreeSet::len).sum::<usize>() > 50,
        "the import scan found almost no imports: it is broken"
    );
    if let Some(found) = a_loop(&graph) {
        panic!(
            "modules import each other round a loop: {}",
            found.join(" → ")
        );
    }
}

#[test]
fn the_loop_finder_finds_a_loop() {
    let mut graph = BTreeMap::new();
    graph.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    graph.insert("b".to_string(), BTreeSet::from(["c".to_string()]));
    graph.insert("c".to_string(), BTreeSet::from(["a".to_string()]));
    assert_eq!(a_loop(&graph).unwrap(), ["a", "b", "c", "a"]);
    graph.insert("c".to_string(), BTreeSet::new());
    assert_eq!(a_loop(&graph), None);
    let modules: BTreeSet<String> = ["x".into(), "x::y".into()].into();
    let named = named_paths(
        "v::z",
        "use crate::x::{y::{Thing, Two}, Other};\nlet v = super::w::f();",
    );
    assert_eq!(named, ["x::y::Thing", "x::y::Two", "x::Other", "v::w::f"]);
    assert_eq!(resolve("x::y::Thing", &modules).unwrap(), "x::y");
}

/// Functions over the limit: (file, line, name, lines).
fn long_functions(text: &str) -> Vec<(usize, String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (at, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let Some(name) = function_name(trimmed) else {
            continue;
        };
        // A declaration without a body (a trait's) ends in `;`.
        let Some(open) = (at..lines.len()).find(|&i| {
            let l = lines[i].trim_end();
            l.ends_with('{') || l.ends_with(';')
        }) else {
            continue;
        };
        if lines[open].trim_end().ends_with(';') {
            continue;
        }
        let close = format!("{}}}", " ".repeat(indent));
        let Some(end) = (open + 1..lines.len()).find(|&i| lines[i].trim_end() == close) else {
            continue;
        };
        let length = end - at + 1;
        if length > LONGEST_FUNCTION {
            found.push((at + 1, name, length));
        }
    }
    found
}

/// `pub(crate) async fn name<...>(` → `name`.
fn function_name(line: &str) -> Option<String> {
    let mut rest = line;
    for prefix in [
        "pub(crate) ",
        "pub(super) ",
        "pub ",
        "const ",
        "async ",
        "unsafe ",
    ] {
        rest = rest.strip_prefix(prefix).unwrap_or(rest);
    }
    let rest = rest.strip_prefix("fn ")?;
    Some(
        rest.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect(),
    )
}

#[test]
fn no_function_is_over_100_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "tests", "benches", "examples", "fuzz/fuzz_targets"] {
        if root.join(dir).is_dir() {
            rust_files(&root.join(dir), &mut files);
        }
    }
    let mut long = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        for (line, name, length) in long_functions(&text) {
            let file = file.strip_prefix(root).unwrap().display().to_string();
            long.push(format!("{file}:{line}: fn {name} is {length} lines"));
        }
    }
    assert!(
        long.is_empty(),
        "functions over {LONGEST_FUNCTION} lines:\n{}",
        long.join("\n")
    );
}

#[test]
fn the_length_check_sees_a_long_function() {
    let body = "    let x = 1;\n".repeat(LONGEST_FUNCTION);
    let text = format!("fn short() {{\n}}\n\npub(crate) fn long(a: u8) -> u8 {{\n{body}}}\n");
    assert_eq!(
        long_functions(&text),
        [(4, "long".to_string(), LONGEST_FUNCTION + 2)]
    );
}
