//! Opening a plan: read its files, parse each, validate the whole. The one
//! entry point every command uses, so that all of them see the same plan and
//! the same findings.

use crate::diag::{Code, Diagnostic, Tally};
use crate::model::Plan;
use crate::source::{FileId, SourceFile, Sources};
use crate::{load, read, validate};
use anyhow::bail;
use std::collections::HashSet;
use std::path::Path;

pub struct Opened {
    pub sources: Sources,
    pub plan: Plan,
    /// Every finding, in file and position order.
    pub diagnostics: Vec<Diagnostic>,
    /// False when the files' shape was too broken to check their meaning.
    pub validated: bool,
}

impl Opened {
    pub fn tally(&self) -> Tally {
        Tally::of(&self.diagnostics)
    }
}

pub fn open(dir: &Path) -> anyhow::Result<Opened> {
    let (sources, diagnostics) = load::read_plan_files(dir)?;
    if sources.files.is_empty() {
        bail!("no *.toml files in plan directory {}", dir.display());
    }
    Ok(check(sources, diagnostics))
}

impl Opened {
    /// The plan as it would be with `text` in place of `file`'s text: how
    /// `plan set` checks an edit before writing it.
    pub fn with_text(self, file: FileId, text: String) -> Opened {
        let mut sources = self.sources;
        let old = &sources.files[file];
        sources.files[file] = SourceFile::new(old.name.clone(), old.path.clone(), text);
        // What reading the other files found still holds.
        let loaded = self
            .diagnostics
            .into_iter()
            .filter(|d| d.loc.file != file && load::is_reading_finding(d.code))
            .collect();
        check(sources, loaded)
    }
}

/// Parses and validates files already read; `diagnostics` holds what
/// reading them found.
pub fn check(sources: Sources, mut diagnostics: Vec<Diagnostic>) -> Opened {
    // A file whose bytes are not text is not parsed as well.
    let unreadable: HashSet<FileId> = diagnostics.iter().map(|d| d.loc.file).collect();
    let raw = sources
        .files
        .iter()
        .enumerate()
        .filter(|(id, _)| !unreadable.contains(id))
        .map(|(id, file)| (id, read::read_file(id, &file.text, &mut diagnostics)))
        .collect();
    // Shape first: while a file cannot be read into the plan's tables, the
    // checks of meaning would only report what follows from that.
    let validated = !diagnostics.iter().any(|d| blocks_validation(d.code));
    let plan = if validated {
        validate::validate(raw, &mut diagnostics)
    } else {
        Plan::default()
    };
    diagnostics.sort_by_key(|d| (d.loc.file, d.loc.start, d.loc.end));
    Opened {
        sources,
        plan,
        diagnostics,
        validated,
    }
}

/// Findings after which some of the plan is missing from what was read.
fn blocks_validation(code: Code) -> bool {
    matches!(
        code,
        Code::TomlSyntax
            | Code::NotUtf8
            | Code::BinaryFile
            | Code::FileTooLarge
            | Code::EmptyFile
            | Code::MissingKey
            | Code::WrongType
            | Code::BadValue
    )
}
