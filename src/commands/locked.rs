//! The checked, locked write of every command that edits one file of the
//! plan (`plan set`, `plan record`, `plan event`): under the lock
//! of the plan (and of the directory of the file edited) read the plan, edit
//! the file, check the whole plan as it would be, and only then write the
//! file, atomically. A change that would make the plan invalid is refused
//! and the file left byte for byte as it was.

use crate::cli::DiagnosticFormat;
use crate::error::Error;
use crate::model::Plan;
use crate::open::{self, Location, Opened};
use crate::safe_write::{self, PlanLock};
use crate::source::FileId;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;

/// Opens the plan under the lock of the plan directory and of the directory
/// of the file `find` picks in it (and reads it again when that adds a lock).
pub fn open_locked<T>(
    dir: &Path,
    err: &mut dyn Write,
    find: impl Fn(&Plan) -> anyhow::Result<(T, FileId)>,
) -> anyhow::Result<(PlanLock, Opened, T, FileId)> {
    let (lock, opened, (found, file)) = lock_and_open(dir, err, |opened| {
        let Some(plan) = &opened.plan else {
            return Err(Error::PlanUnreadable.into());
        };
        let (found, file) = find(plan)?;
        Ok(((found, file), vec![file]))
    })?;
    Ok((lock, opened, found, file))
}

/// Opens the plan under the lock of its directory and of every directory
/// holding one of its files (`plan apply` may write any of them).
pub fn open_locked_whole(dir: &Path, err: &mut dyn Write) -> anyhow::Result<(PlanLock, Opened)> {
    let (lock, opened, ()) = lock_and_open(dir, err, |opened| {
        Ok(((), (0..opened.sources.files.len()).collect()))
    })?;
    Ok((lock, opened))
}

/// Locks the plan directory, reads the plan, and asks `pick` which files
/// will be written: while their directories add locks, takes those too and
/// reads the plan again, so no other writer runs between reading and writing.
fn lock_and_open<T>(
    dir: &Path,
    err: &mut dyn Write,
    pick: impl Fn(&Opened) -> anyhow::Result<(T, Vec<FileId>)>,
) -> anyhow::Result<(PlanLock, Opened, T)> {
    let mut dirs = BTreeSet::from([safe_write::plan_lock_dir(dir)?]);
    loop {
        let lock = PlanLock::acquire(dirs.clone(), err)?;
        let opened = open::open(Location::WorkTree(dir))?;
        let (found, files) = pick(&opened)?;
        let mut grew = false;
        for file in files {
            grew |= dirs.insert(safe_write::lock_dir(&opened.sources.get(file).path)?);
        }
        if !grew {
            return Ok((lock, opened, found));
        }
    }
}

/// Checks the plan with `after` as `file`'s text and writes it when it has
/// no errors. The plan as written (`Ok(Some)`), or `Ok(None)` when refused
/// (the errors printed to `err`).
pub fn check_and_write(
    opened: Opened,
    file: FileId,
    after: String,
    err: &mut dyn Write,
) -> anyhow::Result<Option<Opened>> {
    let errors_before = opened.tally().errors;
    let before = opened.sources.get(file).text.clone();
    let path = opened.sources.get(file).path.clone();
    let checked = opened.with_text(file, after.clone());
    let errors = checked.errors();
    if !errors.is_empty() {
        DiagnosticFormat::Human.render(err, &checked.sources, &errors, false)?;
        let why = if errors_before > 0 {
            "the plan has errors already, not from this change: mend them first"
        } else {
            "with this change the plan would have errors"
        };
        writeln!(
            err,
            "refused: {why}; {} is unchanged",
            crate::render::escape::line(&checked.sources.get(file).name)
        )?;
        return Ok(None);
    }
    safe_write::replace(&path, &before, &after)?;
    Ok(Some(checked))
}

/// The name of a file of the plan, as a message shows it.
pub fn file_name(opened: &Opened, file: FileId) -> String {
    crate::render::escape::line(&opened.sources.get(file).name).into_owned()
}
