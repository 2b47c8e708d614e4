//! `plan overdue`: tasks past their deadline, most overdue first; then the
//! ongoing tasks gone stale and the tasks waiting for another.

use super::shared::{self, TaskFilter};
use crate::cli::OverdueArgs;
use crate::context::Context;
use crate::model::{Card, Plan, Task};
use crate::query::{Query, State, Status};
use crate::render::report::{self, Cell, Column, Report, Table};
use std::io::Write;

pub fn run(
    ctx: &Context,
    args: &OverdueArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let Some(opened) = shared::open_plan(ctx, err)? else {
        return Ok(1);
    };
    let plan = &opened.plan;
    let filter = TaskFilter::from_args(plan, &args.report)?;
    let query = Query::new(plan, ctx.as_of);
    let tasks = shared::filtered(plan, &query, &filter);
    let in_state = |state: State| -> Vec<&(&Card, &Task, Status)> {
        tasks.iter().filter(|(_, _, s)| s.state == state).collect()
    };

    let mut overdue = in_state(State::Overdue);
    overdue.sort_by_key(|(_, _, s)| std::cmp::Reverse(s.days_overdue));
    let mut stale = in_state(State::Stale);
    stale.sort_by_key(|(_, _, s)| s.last_review);
    let waiting = in_state(State::Waiting);

    let review_days = plan.meta.review_days;
    let report = Report {
        heading: shared::heading(plan, "overdue tasks", ctx.as_of, filter.describe()),
        tables: vec![
            section(plan, &overdue, &["last_review"])
                .titled(format!("Overdue ({})", overdue.len()))
                .when_empty("No task is overdue."),
            section(plan, &stale, &["deadline", "days_overdue"])
                .titled(format!(
                    "Stale: ongoing, not reviewed for over {review_days} days ({})",
                    stale.len()
                ))
                .when_empty("No ongoing task is stale."),
            section(plan, &waiting, &["deadline", "days_overdue", "last_review"])
                .titled(format!(
                    "Waiting for another task to be done ({})",
                    waiting.len()
                ))
                .when_empty("No task is waiting."),
        ],
        notes: Vec::new(),
    };
    report::render(out, &report, args.report.output.format, shared::style(ctx))?;
    Ok(if args.fail_if_any && !overdue.is_empty() {
        1
    } else {
        0
    })
}

/// The three sections share one set of columns (and JSON keys); each shows
/// people only the columns that can hold something in it.
fn section(plan: &Plan, rows: &[&(&Card, &Task, Status)], hidden: &[&str]) -> Table {
    let mut columns = shared::task_columns();
    columns.push(Column::new("last_review", "Last review"));
    for column in &mut columns {
        if column.key == "state" || hidden.contains(&column.key) {
            *column = Column::machine(column.key);
        }
    }
    let mut table = Table::new(columns);
    for (_, task, status) in rows {
        let mut row = shared::task_row(plan, task, status);
        row.push(Cell::Date(status.last_review));
        table.rows.push(row);
    }
    table
}
