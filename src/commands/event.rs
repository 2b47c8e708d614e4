//! `plan event ID DATE`: record the day an event happened (the Executive's
//! decision, a review published), so the tasks counted from it get their
//! deadlines. The same locked, checked, comment-keeping write as `plan set`.

use super::locked;
use crate::cli::EventArgs;
use crate::context::Context;
use crate::edit;
use crate::error::Error;
use crate::exit::Exit;
use std::io::Write;

pub fn run(
    ctx: &Context,
    args: &EventArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let wanted = args.event.trim();
    let (_lock, opened, id, file) = locked::open_locked(&ctx.plan_dir()?, err, |plan| match plan
        .events
        .iter()
        .find(|e| crate::model::same_id(&e.id, wanted))
    {
        Some(event) => Ok((event.id.clone(), event.loc.file())),
        None => {
            let ids = plan.events.iter().map(|e| e.id.clone()).collect();
            Err(Error::NoEvent {
                id: wanted.to_string(),
                ids,
            })?
        }
    })?;
    let date = (!args.clear).then_some(args.date).flatten();
    let after = edit::set_event_date(&opened.sources.get(file).text, &id, date)?;
    let Some(written) = locked::check_and_write(opened, file, after, err)? else {
        return Ok(Exit::Findings);
    };
    let name = locked::file_name(&written, file);
    match date {
        Some(day) => writeln!(out, "{id}: happened on {day} ({name})")?,
        None => writeln!(out, "{id}: no date ({name})")?,
    }
    Ok(Exit::Success)
}
