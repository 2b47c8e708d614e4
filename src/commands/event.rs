//! `plan event ID DATE`: record the day an event happened (the Executive's
//! decision, a review published), so the tasks counted from it get their
//! deadlines. The same locked, checked, comment-keeping write as `plan set`.

use super::checked_write::write_checked;
use crate::cli::EventArgs;
use crate::context::Context;
use crate::edit;
use crate::open::{self, Location};
use crate::safe_write::{self, PlanLock};
use anyhow::bail;
use std::collections::BTreeSet;
use std::io::Write;

pub fn run(
    ctx: &Context,
    args: &EventArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let dir = ctx.plan_dir()?;
    let _lock = PlanLock::acquire(BTreeSet::from([safe_write::plan_lock_dir(&dir)?]), err)?;
    let opened = open::open(Location::WorkTree(&dir))?;
    let Some(plan) = &opened.plan else {
        bail!("the plan's files cannot all be read (`plan check` says where): mend them first");
    };
    let Some(event) = plan
        .events
        .iter()
        .find(|e| e.id.eq_ignore_ascii_case(args.event.trim()))
    else {
        let ids: Vec<&str> = plan.events.iter().map(|e| e.id.as_str()).collect();
        bail!(
            "no event `{}` in the plan{}; declare it as [[event]] id = \"...\" title = \"...\"",
            args.event,
            if ids.is_empty() {
                String::new()
            } else {
                format!(" (the events are {})", ids.join(", "))
            }
        );
    };
    let (id, file) = (event.id.clone(), event.loc.file());
    let date = (!args.clear).then_some(args.date).flatten();
    let after = edit::set_event_date(&opened.sources.get(file).text, &id, date)?;
    let Some(name) = write_checked(opened, file, after, err)? else {
        return Ok(1);
    };
    match date {
        Some(day) => writeln!(out, "{id}: happened on {day} ({name})")?,
        None => writeln!(out, "{id}: no date ({name})")?,
    }
    Ok(0)
}
