//! `plan diff REV [REV2]`: the plan at a git revision against another, or
//! against the work tree. A revision is judged as of its commit day, the
//! work tree as of `--as-of`.

use super::shared;
use crate::cli::DiffArgs;
use crate::compare::{ChangeKind, Version, compare};
use crate::context::Context;
use crate::git::Repository;
use crate::open::Opened;
use crate::render::report::{self, Cell, Column, Report, Table};
use std::io::Write;

pub fn run(
    ctx: &Context,
    args: &DiffArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let dir = ctx.plan_dir()?;
    let repo = Repository::of(&dir)?;
    let from = repo.resolve(&args.from)?;
    let old = repo.open_at(&from)?;
    let old_day = repo.day(&from)?;
    let (new, new_day, new_label) = match &args.to {
        Some(rev) => {
            let to = repo.resolve(rev)?;
            (
                repo.open_at(&to)?,
                repo.day(&to)?,
                format!("{rev} ({})", repo.day(&to)?),
            )
        }
        None => (
            crate::open::open(&dir)?,
            ctx.as_of,
            format!("the work tree ({})", ctx.as_of),
        ),
    };
    warn_of_errors(err, &old, &args.from)?;
    warn_of_errors(err, &new, args.to.as_deref().unwrap_or("the work tree"))?;

    let changes = compare(
        Version {
            plan: &old.plan,
            as_of: old_day,
        },
        Version {
            plan: &new.plan,
            as_of: new_day,
        },
    );
    let section = |title: &str, empty: &str, kinds: &[ChangeKind]| {
        let mut table = Table::new(vec![
            Column::new("id", "Task"),
            Column::new("change", "Change"),
            Column::prose("before", "Before"),
            Column::prose("after", "After"),
        ])
        .when_empty(empty);
        for change in changes.iter().filter(|c| kinds.contains(&c.kind)) {
            table.rows.push(vec![
                Cell::text(&change.task),
                Cell::text(change.kind.as_str()),
                Cell::opt_text(change.before.as_deref()),
                Cell::opt_text(change.after.as_deref()),
            ]);
        }
        let count = table.rows.len();
        table.titled(format!("{title} ({count})"))
    };
    use ChangeKind::*;
    let report = Report {
        heading: format!(
            "{}: changes from {} ({old_day}) to {new_label}",
            new.plan.meta.title, args.from
        ),
        tables: vec![
            section("Tasks added", "No task added.", &[Added]),
            section("Tasks removed", "No task removed.", &[Removed]),
            section(
                "Tasks changed",
                "No task changed.",
                &[Rag, Due, Lead, Done, Note],
            ),
            section(
                "Became overdue",
                "No task became overdue.",
                &[BecameOverdue],
            ),
        ],
        notes: Vec::new(),
    };
    report::render(out, &report, args.output.format, shared::style(ctx))?;
    Ok(0)
}

fn warn_of_errors(err: &mut dyn Write, opened: &Opened, which: &str) -> anyhow::Result<()> {
    let errors = opened.tally().errors;
    if errors > 0 {
        writeln!(
            err,
            "warning: the plan at {which} has {errors} error(s); what could not be read is left out of the comparison"
        )?;
    }
    Ok(())
}
