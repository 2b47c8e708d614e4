//! Finding the plan directory (SPEC section 2) and reading its `*.toml` files
//! into [`Sources`]. What is wrong with one file's bytes (not UTF-8, binary,
//! too large) is a finding; what stops us reading at all (no plan, a
//! directory loop, a FIFO, permissions) is a fatal error.

use crate::diag::{Code, Diagnostic, Finding};
use crate::source::{Loc, SourceFile, Sources};
use anyhow::{Context, bail};
use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// A plan file larger than this is refused unread.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// The plan directory: `explicit` (from `--dir` or `PLAN_DIR`), else the
/// nearest directory at or above `cwd` holding `plan.toml` (or `plans/plan.toml`).
pub fn find_plan_dir(explicit: Option<&Path>, cwd: &Path) -> anyhow::Result<PathBuf> {
    if let Some(dir) = explicit {
        let meta = fs::metadata(dir)
            .with_context(|| format!("cannot use plan directory {}", dir.display()))?;
        if !meta.is_dir() {
            bail!("plan directory {} is not a directory", dir.display());
        }
        return Ok(dir.to_path_buf());
    }
    for ancestor in cwd.ancestors() {
        for candidate in [ancestor.to_path_buf(), ancestor.join("plans")] {
            if candidate.join("plan.toml").is_file() {
                return Ok(relative_to(&candidate, cwd));
            }
        }
    }
    bail!(
        "no plan found: looked for plan.toml and plans/plan.toml in {} and every directory above it; \
         name the plan directory with --dir DIR or PLAN_DIR",
        cwd.display()
    )
}

/// Every `*.toml` file under `dir`, in sorted path order.
pub fn plan_file_paths(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut paths = Vec::new();
    let mut visited = HashSet::new();
    collect_toml_files(dir, &mut paths, &mut visited)?;
    paths.sort();
    Ok(paths)
}

/// Reads every `*.toml` file under `dir`, in sorted path order.
pub fn read_plan_files(dir: &Path) -> anyhow::Result<(Sources, Vec<Diagnostic>)> {
    let paths = plan_file_paths(dir)?;
    let mut sources = Sources::default();
    let mut diagnostics = Vec::new();
    for path in paths {
        read_one(&path, &mut sources, &mut diagnostics)?;
    }
    Ok((sources, diagnostics))
}

fn collect_toml_files(
    dir: &Path,
    paths: &mut Vec<PathBuf>,
    visited: &mut HashSet<PathBuf>,
) -> anyhow::Result<()> {
    let real = fs::canonicalize(dir).with_context(|| format!("cannot read {}", dir.display()))?;
    if !visited.insert(real) {
        bail!(
            "directory loop: {} leads back to a directory already read",
            dir.display()
        );
    }
    let entries = fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("cannot read {}", dir.display()))?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let meta =
            fs::metadata(&path).with_context(|| format!("cannot read {}", path.display()))?;
        if meta.is_dir() {
            if name != "target" {
                collect_toml_files(&path, paths, visited)?;
            }
        } else if name.ends_with(".toml") {
            if !meta.is_file() {
                bail!(
                    "{} is not a regular file (a FIFO or device?)",
                    path.display()
                );
            }
            paths.push(path);
        }
    }
    Ok(())
}

fn read_one(
    path: &Path,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> anyhow::Result<()> {
    let name = display_name(path);
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|f| {
            // Sized up front: a buffer grown by doubling can hold twice the file.
            let size = f.metadata().map_or(0, |m| m.len()).min(MAX_FILE_BYTES + 1);
            bytes.reserve_exact(size as usize + 1);
            f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)
        })
        .with_context(|| format!("cannot read {}", path.display()))?;
    add_source(name, path.into(), bytes, sources, diagnostics);
    Ok(())
}

/// Adds a file's bytes to the plan's sources, with a finding when they are
/// too many, binary or not UTF-8 (then the file is not parsed).
pub fn add_source(
    name: String,
    path: PathBuf,
    bytes: Vec<u8>,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let file = sources.add(SourceFile::new(name, path, String::new()));
        diagnostics.push(Diagnostic::new(
            Finding::FileTooLarge {
                limit_mib: MAX_FILE_BYTES / (1024 * 1024),
            },
            Loc::new(file, 0..0),
        ));
        return;
    }
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        let text = String::from_utf8_lossy(&bytes[..nul]).into_owned();
        let at = text.len();
        let file = sources.add(SourceFile::new(name, path, text));
        diagnostics.push(Diagnostic::new(Finding::BinaryFile, Loc::new(file, at..at)));
        return;
    }
    match String::from_utf8(bytes) {
        Ok(text) => {
            sources.add(SourceFile::new(name, path, text));
        }
        Err(err) => {
            let at = err.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(err.as_bytes()).into_owned();
            let file = sources.add(SourceFile::new(name, path, text));
            diagnostics.push(Diagnostic::new(
                Finding::NotUtf8,
                Loc::new(file, at..at + char::REPLACEMENT_CHARACTER.len_utf8()),
            ));
        }
    }
}

/// The findings reading a file's bytes can make (before any parsing).
pub fn is_reading_finding(code: Code) -> bool {
    matches!(code, Code::NotUtf8 | Code::BinaryFile | Code::FileTooLarge)
}

/// A path as shown to people: relative to the current directory where it can be.
pub fn display_name(path: &Path) -> String {
    let path = match std::env::current_dir() {
        Ok(cwd) => relative_to(path, &cwd),
        Err(_) => path.to_path_buf(),
    };
    // `./plan.toml` is shown as `plan.toml`.
    let path: PathBuf = path
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect();
    path.display().to_string()
}

fn relative_to(path: &Path, base: &Path) -> PathBuf {
    match path.strip_prefix(base) {
        Ok(rel) if rel.as_os_str().is_empty() => PathBuf::from("."),
        Ok(rel) => rel.to_path_buf(),
        Err(_) => path.to_path_buf(),
    }
}
