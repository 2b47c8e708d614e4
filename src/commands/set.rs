//! `plan set TASK-ID`: update one task in place. Under the lock of the plan
//! (and of the directory of the task's file, see `safe_write::lock_dir`): read
//! the plan, edit the task's file, check the whole plan as it would be, and
//! only then write the file, atomically. A change that would make the plan
//! invalid is refused and the file left byte for byte as it was.

use super::locked;
use crate::cli::SetArgs;
use crate::context::Context;
use crate::edit::{self, TaskEdit, TaskPath};
use crate::error::Error;
use crate::exit::Exit;
use crate::lang::Lang;
use crate::model::Rag;
use std::io::Write;

pub fn run(
    ctx: &Context,
    args: &SetArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let task = args.task.trim();
    let (_lock, opened, id, file) = locked::open_locked(&ctx.plan_dir()?, err, |plan| match plan
        .all_tasks()
        .find(|t| crate::model::same_id(&t.id, task))
    {
        Some(found) => Ok((found.id.clone(), found.loc.file())),
        None => Err(not_a_task(plan, task).into()),
    })?;
    let Some(path) = TaskPath::parse(&id) else {
        return Err(Error::NotAFullTaskId { id }.into());
    };
    let due_now = opened
        .plan
        .as_ref()
        .and_then(|p| p.find_task(&id))
        .and_then(|t| t.due_text.clone());
    if let (Some(due), Some(now)) = (&args.due, &due_now)
        && due.trim().eq_ignore_ascii_case(now.trim())
        && !(args.rag.is_some() || args.clear_rag || args.note.is_some())
        && args.note_cy.is_none()
        && args.note_en.is_none()
        && args.done.is_none()
        && args.lead.is_none()
    {
        writeln!(out, "{id}: due is already \"{now}\"; nothing changed")?;
        return Ok(Exit::Success);
    }
    let languages = opened
        .plan
        .as_ref()
        .map(|p| p.meta.languages.clone())
        .unwrap_or_default();
    let (note, note_twins) = notes(args, &languages)?;
    let change = TaskEdit {
        rag: match (args.rag, args.clear_rag, args.done) {
            (Some(rag), _, _) => Some(Some(rag)),
            (None, true, _) => Some(None),
            (None, false, Some(_)) => Some(Some(Rag::Blue)),
            (None, false, None) => None,
        },
        note,
        note_twins,
        done: args.done,
        due: args.due.clone(),
        leads: args.lead.clone(),
        by: None,
        correct: args.correct,
        sheet: None,
        updated: ctx.as_of,
    };
    let after = edit::edit_task(&opened.sources.get(file).text, &path, &change)?;
    let Some(written) = locked::check_and_write(opened, file, after, err)? else {
        return Ok(Exit::Findings);
    };
    let name = locked::file_name(&written, file);
    writeln!(out, "{id}: {} ({name})", describe(&change))?;
    Ok(Exit::Success)
}

/// An update's note, and its twins in the plan's other languages.
type Notes = (Option<String>, Vec<(Lang, String)>);

/// The note and its twins from `--note`, `--note-cy` and `--note-en`:
/// the first language's is the `note`, the others' `note_xx`; a language
/// the plan does not declare is refused.
fn notes(args: &SetArgs, languages: &[Lang]) -> Result<Notes, Error> {
    let mut note = args.note.clone();
    let mut twins = Vec::new();
    for (lang, text) in [(Lang::Cy, &args.note_cy), (Lang::En, &args.note_en)] {
        let Some(text) = text else { continue };
        if !languages.contains(&lang) {
            return Err(Error::NoteLanguageNotDeclared {
                lang,
                declared: languages.to_vec(),
            });
        }
        match languages.first() == Some(&lang) {
            true if note.is_some() => return Err(Error::NoteGivenTwice { lang }),
            true => note = Some(text.clone()),
            false => twins.push((lang, text.clone())),
        }
    }
    Ok((note, twins))
}

/// Why `id` names no task: it names a card, priority or action (and which
/// tasks it holds), or nothing at all.
fn not_a_task(plan: &crate::model::Plan, id: &str) -> Error {
    use crate::model::same_id;
    let first =
        |tasks: &mut dyn Iterator<Item = &crate::model::Task>| tasks.next().map(|t| t.id.clone());
    let other = |id: &str, kind, example| Error::NotATask {
        id: id.to_string(),
        kind,
        example,
    };
    for card in &plan.cards {
        if same_id(&card.id, id) {
            return other(&card.id, "a card", first(&mut card.tasks()));
        }
        for priority in &card.priorities {
            if same_id(&priority.id, id) {
                return other(&priority.id, "a priority", first(&mut priority.tasks()));
            }
            for action in &priority.actions {
                if same_id(&action.id, id) {
                    return other(&action.id, "an action", first(&mut action.tasks.iter()));
                }
            }
        }
    }
    Error::NoTask { id: id.to_string() }
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
        let corrected = if change.correct { " (corrected)" } else { "" };
        parts.push(format!("due \"{due}\"{corrected}"));
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
    for (lang, _) in &change.note_twins {
        parts.push(format!("note_{lang}"));
    }
    // A correction is no review: the last review stays.
    if !change.only_corrects() {
        parts.push(format!("updated {}", change.updated));
    }
    parts.join(", ")
}
