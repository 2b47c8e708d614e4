//! `plan apply FILE...`: the update round's returning half. Every file and
//! row is read and checked first (partners/returns.rs, partners/apply.rs);
//! then, under the plan's lock, each plan file is edited once, the whole
//! plan checked as it would be, and only with no error written, one
//! atomic write per file. Exit 0: every filled row applied; 1: some row
//! refused (the rest applied unless --all-or-nothing) or the result would
//! have errors; 2: a file that cannot be read as a return sheet.

use crate::cli::{ApplyArgs, DiagnosticFormat};
use crate::context::Context;
use crate::edit::{self, TaskPath};
use crate::error::Error;
use crate::exit::Exit;
use crate::open::Opened;
use crate::partners::apply::{self, Change, Options, Outcome};
use crate::partners::returns;
use crate::partners::signature::Key;
use crate::render::escape;
use crate::safe_write::{self};
use crate::source::FileId;
use std::collections::BTreeMap;
use std::io::Write;

pub fn run(
    ctx: &Context,
    args: &ApplyArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let (_lock, opened) = super::locked::open_locked_whole(&ctx.plan_dir()?, err)?;
    let Some(plan) = opened.valid() else {
        return Err(Error::PlanHasErrorsForApply.into());
    };
    // A return sheet has a row per task at most; some blank rows are no harm.
    let max_rows = plan.tasks().count() + 100;
    let dir = ctx.plan_dir()?;
    let key = Key::load(&dir)?;
    let given = match &args.agency {
        Some(text) => Some(
            plan.agencies[super::shared::find_agency(plan, text)?]
                .id
                .clone(),
        ),
        None => None,
    };
    let mut files = Vec::new();
    for path in &args.files {
        let read = returns::read(path, max_rows).and_then(|mut file| {
            apply::attribute(&mut file, key.as_ref(), &dir, given.as_deref())?;
            Ok(file)
        });
        match read {
            Ok(file) => files.push(file),
            Err(e) => {
                writeln!(err, "error: {}", escape::line(&format!("{e:#}")))?;
                writeln!(err, "nothing was applied")?;
                return Ok(Exit::Failure);
            }
        }
    }
    let options = Options {
        on: args.on.unwrap_or(ctx.as_of),
        any_lead: args.any_lead,
        force: args.force,
    };
    let outcome = apply::decide(plan, &files, &options);
    report_refusals(&outcome, err)?;
    warn_first_day(&outcome, err)?;
    let refused = !outcome.refusals.is_empty();
    if refused && args.all_or_nothing {
        writeln!(err, "nothing was written (--all-or-nothing)")?;
        return Ok(Exit::Findings);
    }
    let edits = edit_files(&opened, &outcome.changes)?;
    let changed: Vec<(FileId, String)> = edits.iter().map(|(f, (_, a))| (*f, a.clone())).collect();
    let before: Vec<(FileId, String)> = edits.iter().map(|(f, (b, _))| (*f, b.clone())).collect();
    let checked = opened.with_texts(changed.clone());
    let errors = checked.errors();
    if !errors.is_empty() {
        DiagnosticFormat::Human.render(err, &checked.sources, &errors, false)?;
        writeln!(
            err,
            "refused: with these returns the plan would have errors; nothing was written"
        )?;
        return Ok(Exit::Findings);
    }
    if !args.dry_run {
        for ((file, after), (_, text_before)) in changed.iter().zip(&before) {
            safe_write::replace(&checked.sources.get(*file).path, text_before, after)?;
        }
    }
    report_changes(&outcome, args.dry_run, out)?;
    Ok(Exit::findings_if(refused))
}

/// Each plan file's text before and after its tasks' edits, all at once.
fn edit_files(
    opened: &Opened,
    changes: &[Change],
) -> anyhow::Result<BTreeMap<FileId, (String, String)>> {
    let Some(plan) = &opened.plan else {
        return Ok(BTreeMap::new());
    };
    let mut by_file: BTreeMap<FileId, Vec<(TaskPath, &Change)>> = BTreeMap::new();
    for change in changes {
        let Some(task) = plan.find_task(&change.task) else {
            continue;
        };
        let Some(path) = TaskPath::parse(&task.id) else {
            continue;
        };
        by_file
            .entry(task.loc.file())
            .or_default()
            .push((path, change));
    }
    let mut texts = BTreeMap::new();
    for (file, edits) in by_file {
        let before = opened.sources.get(file).text.clone();
        let pairs: Vec<_> = edits.iter().map(|(p, c)| (p, &c.edit)).collect();
        let after = edit::edit_tasks(&before, &pairs)?;
        texts.insert(file, (before, after));
    }
    Ok(texts)
}

fn report_refusals(outcome: &Outcome, err: &mut dyn Write) -> std::io::Result<()> {
    for r in &outcome.refusals {
        let place = if r.at.is_empty() {
            format!("{}, sheet {}, row {}", r.file, r.sheet, r.row)
        } else {
            format!(
                "{}, sheet {}, row {}, cell {}",
                r.file, r.sheet, r.row, r.at
            )
        };
        writeln!(
            err,
            "not applied: {}: {}",
            escape::line(&place),
            escape::line(&r.why.to_string())
        )?;
    }
    Ok(())
}

/// A done date of 1900-01-01 is a spreadsheet's day 1: far more likely a
/// date cell holding 1 (or a day typed as 0) than the day a task was done.
fn warn_first_day(outcome: &Outcome, err: &mut dyn Write) -> std::io::Result<()> {
    let first = chrono::NaiveDate::from_ymd_opt(1900, 1, 1);
    for change in outcome.changes.iter().filter(|c| c.edit.done == first) {
        writeln!(
            err,
            "warning: {}: done on 1900-01-01 ({}), a spreadsheet's first day: check the cell",
            change.task,
            escape::line(&change.from)
        )?;
    }
    Ok(())
}

fn report_changes(outcome: &Outcome, dry_run: bool, out: &mut dyn Write) -> std::io::Result<()> {
    for change in &outcome.changes {
        writeln!(
            out,
            "{}{}: {} ({})",
            if dry_run { "would change " } else { "" },
            change.task,
            escape::line(&crate::commands::set::describe(&change.edit)),
            escape::line(&change.from)
        )?;
    }
    writeln!(
        out,
        "{} {}, {} already applied, {} refused",
        crate::words::count(outcome.changes.len(), "task"),
        if dry_run { "would change" } else { "changed" },
        crate::words::count(outcome.unchanged, "row"),
        outcome.refusals.len()
    )
}
