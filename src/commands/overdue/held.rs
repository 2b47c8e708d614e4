//! The sections of `plan overdue` for tasks that are not late but need a
//! look: those on hold (with why and for how long) and the done tasks whose
//! `next_review` has passed.

use super::shared::Wanted;
use crate::catalogue::Catalogue;
use crate::model::{Card, Plan, Task};
use crate::query::Status;
use crate::render::report::{Cell, Column, Table};
use chrono::NaiveDate;

type Row<'a> = &'a (&'a Card, &'a Task, Status);

/// "On hold (N)": each task with its reason, since when, and for how many days.
pub fn on_hold<'a>(
    cat: &'static Catalogue,
    plan: &'a Plan,
    rows: Vec<Row<'a>>,
    as_of: NaiveDate,
) -> Table<'a> {
    let mut columns = super::shared::task_columns(cat, false);
    for column in &mut columns {
        if matches!(column.key, "state" | "deadline" | "days_overdue") {
            *column = Column::machine(column.key);
        }
    }
    columns.push(Column::prose("status_reason", cat.msg("column-reason")));
    columns.push(Column::new(
        "on_hold_since",
        cat.msg("column-on-hold-since"),
    ));
    columns.push(Column::new("days_on_hold", cat.msg("column-days-on-hold")));
    Table::new(columns.clone())
        .titled(cat.msg_with("on-hold-title", &[("count", rows.len().into())]))
        .with_rows_made(rows.len(), move |i, reader| {
            let (_, task, status) = rows[i];
            let since = task.status_since();
            let mut row =
                super::shared::task_row(cat, plan, task, status, Wanted::SeenBy(&columns, reader));
            row.push(match task.details().status_reason.as_deref() {
                Some(reason) => crate::plan_texts::PlanTexts::for_catalogue(plan, cat).cell(
                    &task.translations,
                    "status_reason",
                    reason,
                ),
                None => Cell::Empty,
            });
            row.push(Cell::Date(since));
            row.push(Cell::opt_int(since.map(|d| (as_of - d).num_days())));
            row
        })
}

/// "Review due (N)": done tasks whose `next_review` has passed.
pub fn review_due<'a>(cat: &'static Catalogue, plan: &'a Plan, rows: Vec<Row<'a>>) -> Table<'a> {
    let mut columns = super::shared::task_columns(cat, false);
    for column in &mut columns {
        if matches!(column.key, "deadline" | "days_overdue") {
            *column = Column::machine(column.key);
        }
    }
    let state = columns.iter().position(|c| c.key == "state").unwrap_or(0);
    columns.push(Column::new("done", cat.msg("column-done")));
    columns.push(Column::new("next_review", cat.msg("column-review-due")));
    Table::new(columns.clone())
        .titled(cat.msg_with("review-due-title", &[("count", rows.len().into())]))
        .with_rows_made(rows.len(), move |i, reader| {
            let (_, task, status) = rows[i];
            let mut row =
                super::shared::task_row(cat, plan, task, status, Wanted::SeenBy(&columns, reader));
            // The state column reads "review due" here: the task is done, its review is not.
            row[state] = Cell::Word {
                shown: cat.msg("state-review-due"),
                machine: "review-due",
            };
            row.push(Cell::Date(task.done));
            row.push(Cell::Date(task.details().next_review));
            row
        })
}
