//! `plan set TASK-ID`: update one task in place. Under the lock of the plan
//! (and of the directory of the task's file, see `safe_write::lock_dir`): read
//! the plan, edit the task's file, check the whole plan as it would be, and
//! only then write the file, atomically. A change that would make the plan
//! invalid is refused and the file left byte for byte as it was.

use super::locked;
use crate::cli::SetArgs;
use crate::context::Context;
use crate::edit::{self, TaskEdit, TaskPath};
use crate::model::Rag;
use anyhow::bail;
use std::io::Write;

pub fn run(
    ctx: &Context,
    args: &SetArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let task = args.task.trim();
    let (_lock, opened, id, file) = locked::open_locked(&ctx.plan_dir()?, err, |plan| match plan
        .all_tasks()
        .find(|t| t.id.eq_ignore_ascii_case(task))
    {
        Some(found) => Ok((found.id.clone(), found.loc.file())),
        None => bail!("no task `{task}` in the plan: give a full task id such as EJ-1.1.a"),
    })?;
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
    let after = edit::edit_task(&opened.sources.get(file).text, &path, &change)?;
    let Some(written) = locked::check_and_write(opened, file, after, err)? else {
        return Ok(1);
    };
    let name = locked::file_name(&written, file);
    writeln!(out, "{id}: {} ({name})", describe(&change))?;
    Ok(0)
}

/// "rag amber, note, updated 2012-12-01".
fn describe(change: &TaskEdit) -> String {
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
