//! `plan set TASK-ID`: update one task in place. Under the plan's lock: read
//! the plan, edit the task's file, check the whole plan as it would be, and
//! only then write the file, atomically. A change that would make the plan
//! invalid is refused and the file left byte for byte as it was.

use crate::cli::SetArgs;
use crate::context::Context;
use crate::edit::{self, TaskEdit, TaskPath};
use crate::model::Rag;
use crate::open::{self, Location};
use crate::render::diagnostics::{self, DiagnosticFormat};
use crate::safe_write::{self, PlanLock};
use anyhow::bail;
use std::io::Write;

pub fn run(
    ctx: &Context,
    args: &SetArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let dir = ctx.plan_dir()?;
    let _lock = PlanLock::acquire(&dir)?;
    let opened = open::open(Location::WorkTree(&dir))?;
    let Some(plan) = &opened.plan else {
        bail!(
            "the plan's files cannot all be read (`plan check` says where): mend them before editing a task"
        );
    };
    let Some(task) = plan
        .tasks()
        .find(|t| t.id.eq_ignore_ascii_case(args.task.trim()))
    else {
        bail!(
            "no task `{}` in the plan: give a full task id such as EJ-1.1.a",
            args.task
        );
    };
    let id = task.id.clone();
    let file = task.loc.file();
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
        diagnostics::render(
            err,
            DiagnosticFormat::Human,
            &checked.sources,
            &errors,
            false,
        )?;
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
