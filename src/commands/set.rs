//! `plan set TASK-ID`: update one task in place. Under the lock of the plan
//! (and of the directory of the task's file, see `safe_write::lock_dir`): read
//! the plan, edit the task's file, check the whole plan as it would be, and
//! only then write the file, atomically. A change that would make the plan
//! invalid is refused and the file left byte for byte as it was.

use crate::cli::DiagnosticFormat;
use crate::cli::SetArgs;
use crate::context::Context;
use crate::edit::{self, TaskEdit, TaskPath};
use crate::model::Rag;
use crate::open::{self, Location, Opened};
use crate::safe_write::{self, PlanLock};
use crate::source::FileId;
use anyhow::bail;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;

pub fn run(
    ctx: &Context,
    args: &SetArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let (_lock, opened, id, file) = open_locked(&ctx.plan_dir()?, &args.task, err)?;
    let Some(path) = TaskPath::parse(&id) else {
        bail!("`{id}` is not a full task id");
    };
    let change = TaskEdit {
        rag: match (args.rag, args.clear_rag, args.done) {
            (Some(rag), _, _) => Some(Some(rag.rag())),
            (None, true, _) => Some(None),
            (None, false, Some(_)) => Some(Some(Rag::Blue)),
            (None, false, None) => None,
        },
        note: args.note.clone(),
        done: args.done,
        due: args.due.clone(),
        leads: args.lead.clone(),
        updated: ctx.as_of,
    };
    let errors_before = opened.tally().errors;
    let before = opened.sources.get(file).text.clone();
    let file_path = opened.sources.get(file).path.clone();
    let after = edit::edit_task(&before, &path, &change)?;

    let checked = opened.with_text(file, after.clone());
    let errors: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity() == crate::diag::Severity::Error)
        .cloned()
        .collect();
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
        return Ok(1);
    }
    safe_write::replace(&file_path, &before, &after)?;
    writeln!(
        out,
        "{id}: {} ({})",
        describe(&change),
        crate::render::escape::line(&checked.sources.get(file).name)
    )?;
    Ok(0)
}

/// Opens the plan under the lock of the plan directory and of the directory
/// of the file holding `task` (the same one, unless that file lies outside
/// the plan or under a plan.toml of its own: then both are taken, in order,
/// and the plan read again). The lock, the plan, the task's full id and
/// its file.
fn open_locked(
    dir: &Path,
    task: &str,
    err: &mut dyn Write,
) -> anyhow::Result<(PlanLock, Opened, String, FileId)> {
    let mut dirs = BTreeSet::from([safe_write::plan_lock_dir(dir)?]);
    loop {
        let lock = PlanLock::acquire(dirs.clone(), err)?;
        let opened = open::open(Location::WorkTree(dir))?;
        let Some(plan) = &opened.plan else {
            bail!(
                "the plan's files cannot all be read (`plan check` says where): mend them before editing a task"
            );
        };
        let Some(found) = plan
            .tasks()
            .find(|t| t.id.eq_ignore_ascii_case(task.trim()))
        else {
            bail!("no task `{task}` in the plan: give a full task id such as EJ-1.1.a");
        };
        let (id, file) = (found.id.clone(), found.loc.file());
        if dirs.insert(safe_write::lock_dir(&opened.sources.get(file).path)?) {
            continue;
        }
        return Ok((lock, opened, id, file));
    }
}

/// "rag amber, note, updated 2012-12-01".
pub fn describe(change: &TaskEdit) -> String {
    let mut parts = Vec::new();
    match change.rag {
        Some(Some(rag)) => parts.push(format!("rag {}", rag.as_str())),
        Some(None) => parts.push("rag cleared".into()),
        None => {}
    }
    if let Some(due) = &change.due {
        parts.push(format!("due \"{due}\""));
    }
    if let Some(leads) = &change.leads {
        parts.push(format!("lead {}", leads.join(", ")));
    }
    if let Some(done) = change.done {
        parts.push(format!("done {done}"));
    }
    if change.note.is_some() {
        parts.push("note".into());
    }
    parts.push(format!("updated {}", change.updated));
    parts.join(", ")
}
