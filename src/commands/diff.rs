//! `plan diff REV [REV2]`: the plan at a git revision against another, or
//! against the work tree. A revision is judged as of its commit day, the
//! work tree as of `--as-of`.

use super::shared;
use crate::cli::DiffArgs;
use crate::compare::{ChangeKind, Version, compare};
use crate::context::Context;
use crate::exit::Exit;
use crate::git::Repository;
use crate::model::Plan;
use crate::open::{self, Location, Opened};
use crate::render::report::{Cell, Column, Report, Table};
use chrono::NaiveDate;
use std::io::Write;

pub fn run(
    ctx: &Context,
    args: &DiffArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let Some(sides) = open_both(ctx, args, err)? else {
        return Ok(Exit::Findings);
    };
    let Sides {
        old,
        old_day,
        new,
        new_day,
        new_label,
    } = sides;

    let changes = compare(
        Version {
            plan: &old,
            as_of: old_day,
        },
        Version {
            plan: &new,
            as_of: new_day,
        },
    );
    let section = |title: &str, empty: &str, kinds: &[ChangeKind]| {
        let mut table = Table::new(vec![
            Column::new("id", "Task"),
            Column::new("change", "Change"),
            Column::machine("before"),
            Column::machine("after"),
            Column {
                prose: true,
                ..Column::people("before_shown", "Before")
            },
            Column {
                prose: true,
                ..Column::people("after_shown", "After")
            },
        ])
        .when_empty(empty);
        let mut tasks = std::collections::BTreeSet::new();
        for change in changes.iter().filter(|c| kinds.contains(&c.kind)) {
            tasks.insert(change.task.as_str());
            // People read an absent RAG as "not rated", not as a blank.
            let shown = |value: &Option<String>| match (value, change.kind) {
                (None, ChangeKind::Rag) => Cell::text("not rated"),
                (value, _) => Cell::opt_text(value.as_deref()),
            };
            table.rows.push(vec![
                Cell::text(&change.task),
                Cell::text(change.kind.as_str()),
                Cell::opt_text(change.before.as_deref()),
                Cell::opt_text(change.after.as_deref()),
                shown(&change.before),
                shown(&change.after),
            ]);
        }
        // A task with three changes is one task changed.
        let count = tasks.len();
        table.titled(format!("{title} ({count})"))
    };
    use ChangeKind::*;
    let report = Report {
        heading: format!(
            "{}: changes from {} ({old_day}) to {new_label}",
            new.meta.title, args.from
        ),
        tables: vec![
            section("Tasks added", "No task added.", &[Added]),
            section("Tasks removed", "No task removed.", &[Removed]),
            section(
                "Tasks changed",
                "No task changed.",
                &[Rag, Due, Lead, Done, Note, Status],
            ),
            section(
                "Became overdue",
                "No task became overdue.",
                &[BecameOverdue],
            ),
            section(
                "No longer overdue",
                "No task stopped being overdue.",
                &[NoLongerOverdue],
            ),
        ],
        notes: Vec::new(),
    };
    args.output
        .format
        .render(out, &report, shared::style(ctx))?;
    Ok(Exit::Success)
}

/// A plan with errors is not compared: what could not be read would show
/// as removed, and what was misread as changed.
fn not_compared(err: &mut dyn Write, opened: &Opened, which: &str) -> anyhow::Result<()> {
    let errors = crate::words::count(opened.tally().errors, "error");
    let first = opened
        .diagnostics
        .iter()
        .find(|d| d.severity() == crate::diag::Severity::Error)
        .map(|d| {
            let file = &opened.sources.get(d.loc.file()).name;
            format!(" (first: {file}: {})", d.message())
        })
        .unwrap_or_default();
    writeln!(err, "the plan {which} had {errors}{first}: not compared")?;
    Ok(())
}

/// The two plans compared, each with the day it is judged on.
struct Sides {
    old: Plan,
    old_day: NaiveDate,
    new: Plan,
    new_day: NaiveDate,
    new_label: String,
}

/// Reads both sides through the one loader; `None` (after saying why) when
/// either has errors.
fn open_both(ctx: &Context, args: &DiffArgs, err: &mut dyn Write) -> anyhow::Result<Option<Sides>> {
    let dir = ctx.plan_dir()?;
    let repo = Repository::of(&dir)?;
    let from = repo.resolve(&args.from)?;
    let old_day = repo.day(&from)?;
    let old = open::open_valid(Location::Commit(&repo, &from))?;
    let (new, new_day, new_label) = match &args.to {
        Some(rev) => {
            let to = repo.resolve(rev)?;
            let day = repo.day(&to)?;
            let new = open::open_valid(Location::Commit(&repo, &to))?;
            (new, day, format!("{rev} ({day})"))
        }
        None => (
            open::open_valid(Location::WorkTree(&dir))?,
            ctx.as_of,
            format!("the work tree ({})", ctx.as_of),
        ),
    };
    match (old, new) {
        (Ok(old), Ok(new)) => Ok(Some(Sides {
            old,
            old_day,
            new,
            new_day,
            new_label,
        })),
        (old, new) => {
            if let Err(opened) = &old {
                let which = format!("as committed on {old_day} ({})", args.from);
                not_compared(err, opened, &which)?;
            }
            if let Err(opened) = &new {
                let which = match &args.to {
                    Some(rev) => format!("as committed on {new_day} ({rev})"),
                    None => "in the work tree".to_string(),
                };
                not_compared(err, opened, &which)?;
            }
            Ok(None)
        }
    }
}
