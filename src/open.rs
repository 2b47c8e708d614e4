//! Opening a plan: read its files, parse each, validate the whole. The one
//! entry point every command uses, so that all of them see the same plan and
//! the same findings.

use crate::diag::{Diagnostic, Tally};
use crate::model::Plan;
use crate::source::{FileId, Sources};
use crate::{load, read, validate};
use anyhow::bail;
use std::collections::HashSet;
use std::path::Path;

pub struct Opened {
    pub sources: Sources,
    pub plan: Plan,
    /// Every finding, in file and position order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Opened {
    pub fn tally(&self) -> Tally {
        Tally::of(&self.diagnostics)
    }
}

pub fn open(dir: &Path) -> anyhow::Result<Opened> {
    let (sources, mut diagnostics) = load::read_plan_files(dir)?;
    if sources.files.is_empty() {
        bail!("no *.toml files in plan directory {}", dir.display());
    }
    // A file whose bytes are not text is not parsed as well.
    let unreadable: HashSet<FileId> = diagnostics.iter().map(|d| d.loc.file).collect();
    let raw = sources
        .files
        .iter()
        .enumerate()
        .filter(|(id, _)| !unreadable.contains(id))
        .map(|(id, file)| (id, read::read_file(id, &file.text, &mut diagnostics)))
        .collect();
    let plan = validate::validate(raw, &mut diagnostics);
    diagnostics.sort_by_key(|d| (d.loc.file, d.loc.start, d.loc.end));
    Ok(Opened {
        sources,
        plan,
        diagnostics,
    })
}
