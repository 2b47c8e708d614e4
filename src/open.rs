//! Opening a plan: read its files, parse each, validate the whole. The one
//! entry point every command uses, so that all of them see the same plan and
//! the same findings.

use crate::diag::{Code, Diagnostic, Tally};
use crate::error::Error;
use crate::git::Repository;
use crate::levels::Levels;
use crate::model::Plan;
use crate::raw::RawFile;
use crate::source::{FileId, SourceFile, Sources};
use crate::{load, read, validate};
use std::borrow::Cow;
use std::collections::HashSet;
use std::path::Path;

/// Where a plan's files are read from. Both go through the same checks of
/// size, encoding and binary content (`load::add_source`) and the same
/// parsing and validation: history is read as the work tree is.
#[derive(Clone, Copy)]
pub enum Location<'a> {
    /// The plan directory on disk.
    WorkTree(&'a Path),
    /// The plan directory as committed.
    Commit(&'a Repository, &'a str),
}

impl Location<'_> {
    fn read(&self) -> Result<(Sources, Vec<Diagnostic>), Error> {
        let (sources, diagnostics) = match self {
            Location::WorkTree(dir) => load::read_plan_files(dir)?,
            Location::Commit(repo, commit) => repo.read_plan_files(commit)?,
        };
        if sources.files.is_empty() {
            match self {
                Location::WorkTree(dir) => {
                    return Err(Error::NoPlanFiles {
                        dir: dir.to_path_buf(),
                    });
                }
                Location::Commit(repo, commit) => {
                    return Err(Error::NoPlanFilesAt {
                        prefix: repo.prefix().to_string(),
                        commit: commit.to_string(),
                    });
                }
            }
        }
        Ok((sources, diagnostics))
    }
}

pub struct Opened {
    pub sources: Sources,
    /// The plan, once its files could be read into its tables; `None` when
    /// their shape was too broken to check their meaning. A plan here may
    /// still have errors: [`Opened::valid`] is the one to report on.
    pub plan: Option<Plan>,
    /// Every finding, in file and position order.
    pub diagnostics: Vec<Diagnostic>,
    /// The levels the plan's `[check]` tables give codes.
    pub levels: Levels,
}

/// A plan from files' names and bytes, as if read from a directory (for
/// tests and fuzzing: no file system involved).
pub fn from_bytes(files: Vec<(String, Vec<u8>)>) -> Opened {
    let mut sources = Sources::default();
    let mut diagnostics = Vec::new();
    for (name, bytes) in files {
        load::add_source(
            name.clone(),
            name.into(),
            bytes,
            &mut sources,
            &mut diagnostics,
        );
    }
    check(sources, diagnostics)
}

impl Opened {
    pub fn tally(&self) -> Tally {
        Tally::of(&self.diagnostics)
    }

    /// The findings that are errors (not warnings), in order.
    pub fn errors(&self) -> Vec<Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity() == crate::diag::Severity::Error)
            .cloned()
            .collect()
    }

    /// The plan, when it has no errors (warnings do not count).
    pub fn valid(&self) -> Option<&Plan> {
        self.plan.as_ref().filter(|_| self.tally().errors == 0)
    }
}

/// Reads and checks the plan, keeping each file's text to quote.
pub fn open(at: Location) -> Result<Opened, Error> {
    let (sources, diagnostics) = at.read()?;
    Ok(check(sources, diagnostics))
}

/// The plan to report on: `Ok` when it has no errors; else the plan read
/// again whole (`Err`), with the texts its findings quote. The first
/// reading lets each file's text go as soon as it is parsed (a report
/// quotes no file), so a large plan needs less memory.
pub fn open_valid(at: Location) -> Result<Result<Plan, Opened>, Error> {
    let (sources, diagnostics) = at.read()?;
    let lean = check_with(sources, diagnostics, Texts::Forget);
    if lean.tally().errors == 0
        && let Some(plan) = lean.plan
    {
        return Ok(Ok(plan));
    }
    Ok(Err(open(at)?))
}

/// Whether the files' text outlives parsing.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Texts {
    Keep,
    Forget,
}

impl Opened {
    /// The plan as it would be with `text` in place of `file`'s text: how
    /// `plan set` checks an edit before writing it.
    pub fn with_text(self, file: FileId, text: String) -> Opened {
        self.with_texts(vec![(file, text)])
    }

    /// The plan as it would be with each of these files' text changed,
    /// checked whole once.
    pub fn with_texts(self, texts: Vec<(FileId, String)>) -> Opened {
        let mut sources = self.sources;
        let changed: HashSet<FileId> = texts.iter().map(|(file, _)| *file).collect();
        for (file, text) in texts {
            let old = &sources.files[file];
            sources.files[file] = SourceFile::new(old.name.clone(), old.path.clone(), text);
        }
        // What reading the other files found still holds.
        let loaded = self
            .diagnostics
            .into_iter()
            .filter(|d| !changed.contains(&d.loc.file()) && load::is_reading_finding(d.code()))
            .collect();
        check(sources, loaded)
    }
}

/// Parses and validates files already read; `diagnostics` holds what
/// reading them found.
pub fn check(sources: Sources, diagnostics: Vec<Diagnostic>) -> Opened {
    check_with(sources, diagnostics, Texts::Keep)
}

fn check_with(mut sources: Sources, mut diagnostics: Vec<Diagnostic>, texts: Texts) -> Opened {
    // A file whose bytes are not text is not parsed as well.
    let unreadable: HashSet<FileId> = diagnostics.iter().map(|d| d.loc.file()).collect();
    let readable: Vec<FileId> = (0..sources.files.len())
        .filter(|id| !unreadable.contains(id))
        .collect();
    let raw = match texts {
        Texts::Keep => {
            let files = readable
                .iter()
                .map(|&id| (id, Cow::Borrowed(sources.get(id).text.as_str())));
            read_in_parallel(files.collect(), &mut diagnostics)
        }
        Texts::Forget => {
            // Each text goes as soon as its file is parsed.
            let files = readable
                .iter()
                .map(|&id| (id, Cow::Owned(std::mem::take(&mut sources.files[id].text))))
                .collect();
            let raw = read_in_parallel(files, &mut diagnostics);
            sources.forget_texts();
            raw
        }
    };
    // Shape first: while a file cannot be read into the plan's tables, the
    // checks of meaning would only report what follows from that.
    let levels = raw
        .iter()
        .filter_map(|(_, file)| file.check.as_ref())
        .fold(Levels::default(), |levels, file| levels.overridden_by(file));
    let readable = !diagnostics.iter().any(|d| blocks_validation(d.code()));
    let plan = readable.then(|| validate::validate(raw, &mut diagnostics));
    diagnostics.sort_by_key(|d| (d.loc.file(), d.loc.start(), d.loc.end()));
    Opened {
        sources,
        plan,
        diagnostics,
        levels,
    }
}

/// Parses the files on every core: each thread takes a share of the bytes.
/// The result (and the findings) come back in file order, as if read one
/// by one. An owned text is dropped once its file is parsed.
fn read_in_parallel(
    files: Vec<(FileId, Cow<'_, str>)>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(FileId, RawFile)> {
    // Measured side by side: at 330 KB (1,000 tasks) a second thread cost
    // 15% more than it saved; at 3.3 MB one thread took 7 to 39% longer.
    let shares = crate::parallel::in_order(
        files,
        1024 * 1024,
        |(_, text)| text.len(),
        |_, files| {
            let mut found = Vec::new();
            let raw: Vec<_> = files
                .into_iter()
                .map(|(id, text)| (id, read::read_file(id, &text, &mut found)))
                .collect();
            (raw, found)
        },
    );
    let mut raw = Vec::new();
    for (files, found) in shares {
        raw.extend(files);
        diagnostics.extend(found);
    }
    raw
}

/// Findings after which some of the plan is missing from what was read.
fn blocks_validation(code: Code) -> bool {
    matches!(
        code,
        Code::TomlSyntax
            | Code::NotUtf8
            | Code::BinaryFile
            | Code::FileTooLarge
            | Code::UnreadableFile
            | Code::EmptyFile
            | Code::MissingKey
            | Code::WrongType
            | Code::BadValue
    )
}
