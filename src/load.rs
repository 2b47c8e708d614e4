//! Finding the plan directory (SPEC section 2) and reading its `*.toml` files
//! into `Sources`. What is wrong with one file (not UTF-8, binary, too
//! large, unreadable: a link to nowhere) is a finding; what stops us reading
//! at all (no plan, a directory loop, directories nested too deep, a FIFO,
//! an unreadable directory) is a fatal error. Only `*.toml` files matter:
//! a link to nowhere by any other name is ignored.

use crate::diag::{Code, Diagnostic, Finding};
use crate::error::Error;
use crate::source::{Loc, SourceFile, Sources};
use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// A plan file larger than this is refused unread.
pub const MAX_FILE_BYTES: u64 = crate::limits::PLAN_FILE_BYTES;

/// The plan directory: `explicit` (from `--dir` or `PLAN_DIR`), else the
/// nearest directory at or above `cwd` holding `plan.toml` (or `plans/plan.toml`).
pub fn find_plan_dir(explicit: Option<&Path>, cwd: &Path) -> Result<PathBuf, Error> {
    if let Some(dir) = explicit {
        let meta = fs::metadata(dir).map_err(|source| Error::UnusablePlanDir {
            dir: dir.to_path_buf(),
            source,
        })?;
        if !meta.is_dir() {
            return Err(Error::PlanDirNotADirectory {
                dir: dir.to_path_buf(),
            });
        }
        // A repository's root named for its plans/ would read every TOML
        // file of the repository (Cargo.toml ...) as the plan.
        let plans = dir.join("plans");
        if !dir.join("plan.toml").is_file() && plans.join("plan.toml").is_file() {
            return Err(Error::PlanIsInPlans {
                dir: dir.to_path_buf(),
                plans,
            });
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
    Err(Error::NoPlanFound {
        cwd: cwd.to_path_buf(),
    })
}

/// Directories nested deeper than this under the plan directory are
/// refused: no plan is laid out so deep, and a walk must end.
pub const MAX_DEPTH: usize = 64;

/// Every `*.toml` file under `dir`, in sorted path order. A directory or
/// file reached two ways (two links to one directory) is listed once; a
/// link back to a directory that holds it is a loop, an error.
pub fn plan_file_paths(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let meta = fs::metadata(dir).map_err(|e| cannot_read(dir, e))?;
    let mut walk = Walk::default();
    walk.directory(dir, &meta)?;
    let mut paths = walk.paths;
    paths.sort();
    Ok(paths)
}

/// Reads every `*.toml` file under `dir`, in sorted path order (on every
/// core, when there are many).
pub fn read_plan_files(dir: &Path) -> Result<(Sources, Vec<Diagnostic>), Error> {
    let paths = plan_file_paths(dir)?;
    let read = crate::parallel::in_order(
        paths,
        64,
        |_| 1,
        |_, paths| paths.iter().map(|path| read_one(path)).collect::<Vec<_>>(),
    );
    let mut sources = Sources::default();
    let mut diagnostics = Vec::new();
    for file in read.into_iter().flatten() {
        add(file, &mut sources, &mut diagnostics);
    }
    Ok((sources, diagnostics))
}

/// A file as read, with what is wrong with its bytes and where.
type FileRead = (SourceFile, Option<(Finding, std::ops::Range<usize>)>);

/// Adds a file read to the plan's sources, with its finding.
fn add((source, finding): FileRead, sources: &mut Sources, diagnostics: &mut Vec<Diagnostic>) {
    let file = sources.add(source);
    if let Some((finding, span)) = finding {
        diagnostics.push(Diagnostic::new(finding, Loc::new(file, span)));
    }
}

/// A file or directory as the file system knows it: (device, inode). Kept
/// rather than canonical paths, which cost a look-up of every component
/// and made a deep walk cubic.
#[cfg(unix)]
type Identity = (u64, u64);

#[cfg(unix)]
fn identity(_path: &Path, meta: &fs::Metadata) -> Result<Identity, Error> {
    use std::os::unix::fs::MetadataExt;
    Ok((meta.dev(), meta.ino()))
}

/// Elsewhere, the canonical path.
#[cfg(not(unix))]
type Identity = PathBuf;

#[cfg(not(unix))]
fn identity(path: &Path, _meta: &fs::Metadata) -> Result<Identity, Error> {
    fs::canonicalize(path).map_err(|e| cannot_read(path, e))
}

#[derive(Default)]
struct Walk {
    paths: Vec<PathBuf>,
    seen_dirs: HashSet<Identity>,
    seen_files: HashSet<Identity>,
    /// The directories being read, outermost first: a link to one of
    /// them is a loop.
    open: Vec<(Identity, PathBuf)>,
}

impl Walk {
    fn directory(&mut self, dir: &Path, meta: &fs::Metadata) -> Result<(), Error> {
        let id = identity(dir, meta)?;
        if let Some((_, holder)) = self.open.iter().find(|(open, _)| *open == id) {
            return Err(Error::DirectoryLoop {
                dir: dir.to_path_buf(),
                holder: holder.clone(),
            });
        }
        // (Asked again rather than cloned: on Unix it is a copy, elsewhere a path.)
        if !self.seen_dirs.insert(identity(dir, meta)?) {
            return Ok(()); // read already, by another way
        }
        if self.open.len() > MAX_DEPTH {
            return Err(Error::TooDeep {
                dir: dir.to_path_buf(),
                max: MAX_DEPTH,
            });
        }
        let mut entries = fs::read_dir(dir)
            .and_then(|entries| entries.collect::<std::io::Result<Vec<_>>>())
            .map_err(|e| cannot_read(dir, e))?;
        // The first way to a file in sorted order is the one kept.
        entries.sort_by_key(|entry| entry.file_name());
        self.open.push((id, dir.to_path_buf()));
        for entry in entries {
            self.entry(&entry)?;
        }
        self.open.pop();
        Ok(())
    }

    fn entry(&mut self, entry: &fs::DirEntry) -> Result<(), Error> {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            return Ok(());
        }
        let path = entry.path();
        let is_toml = name.ends_with(".toml");
        let kind = entry.file_type().map_err(|e| cannot_read(&path, e))?;
        let meta = if kind.is_symlink() || kind.is_dir() {
            match fs::metadata(&path) {
                Ok(meta) => meta,
                // A link to nowhere: a finding when it is a plan file (made
                // when it is read); anything else is none of the plan's business.
                Err(_) if kind.is_symlink() => {
                    if is_toml {
                        self.paths.push(path);
                    }
                    return Ok(());
                }
                Err(e) => return Err(cannot_read(&path, e)),
            }
        } else if is_toml {
            entry.metadata().map_err(|e| cannot_read(&path, e))?
        } else {
            return Ok(());
        };
        if meta.is_dir() {
            if name != "target" {
                self.directory(&path, &meta)?;
            }
        } else if is_toml {
            if !meta.is_file() {
                return Err(Error::NotARegularFile { path });
            }
            if self.seen_files.insert(identity(&path, &meta)?) {
                self.paths.push(path);
            }
        }
        Ok(())
    }
}

/// Reads one plan file; one that cannot be read (a link to nowhere, no
/// permission) is a finding about that file, not the end of the run.
fn read_one(path: &Path) -> FileRead {
    let name = display_name(path);
    let mut bytes = Vec::new();
    let read = fs::File::open(path).and_then(|f| {
        // Sized up front: a buffer grown by doubling can hold twice the file.
        let size = f.metadata().map_or(0, |m| m.len()).min(MAX_FILE_BYTES + 1);
        bytes.reserve_exact(size as usize + 1);
        f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)
    });
    match read {
        Ok(_) => source(name, path.into(), bytes),
        Err(err) => {
            let finding = match fs::read_link(path) {
                Ok(target) if err.kind() == std::io::ErrorKind::NotFound => Finding::DanglingLink {
                    target: target.display().to_string(),
                },
                _ => Finding::UnreadableFile {
                    error: err.to_string(),
                },
            };
            let file = SourceFile::new(name, path.into(), String::new());
            (file, Some((finding, 0..0)))
        }
    }
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
    add(source(name, path, bytes), sources, diagnostics);
}

/// A file's bytes as its text, with a finding when they are too many,
/// binary or not UTF-8.
fn source(name: String, path: PathBuf, bytes: Vec<u8>) -> FileRead {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let finding = Finding::FileTooLarge {
            limit_mib: MAX_FILE_BYTES / (1024 * 1024),
        };
        return (
            SourceFile::new(name, path, String::new()),
            Some((finding, 0..0)),
        );
    }
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        let text = String::from_utf8_lossy(&bytes[..nul]).into_owned();
        let at = text.len();
        return (
            SourceFile::new(name, path, text),
            Some((Finding::BinaryFile, at..at)),
        );
    }
    match String::from_utf8(bytes) {
        Ok(text) => (SourceFile::new(name, path, text), None),
        Err(err) => {
            let at = err.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(err.as_bytes()).into_owned();
            let span = at..at + char::REPLACEMENT_CHARACTER.len_utf8();
            (
                SourceFile::new(name, path, text),
                Some((Finding::NotUtf8, span)),
            )
        }
    }
}

/// The findings reading a file's bytes can make (before any parsing).
pub fn is_reading_finding(code: Code) -> bool {
    matches!(
        code,
        Code::NotUtf8 | Code::BinaryFile | Code::FileTooLarge | Code::UnreadableFile
    )
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

/// The error of a directory or file of the plan that cannot be read.
fn cannot_read(path: &Path, source: std::io::Error) -> Error {
    Error::CannotRead {
        path: path.to_path_buf(),
        source,
    }
}
