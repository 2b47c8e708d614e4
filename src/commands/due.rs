//! `plan due --within DAYS`: what falls due soon, soonest first.

use super::shared::{self, TaskFilter, Wanted};
use crate::catalogue::Catalogue;
use crate::cli::DueArgs;
use crate::context::Context;
use crate::exit::Exit;
use crate::query::{Query, State};
use crate::render::report::{Cell, Column, Report, Table};
use chrono::Days;
use std::io::Write;

pub fn run(
    ctx: &Context,
    args: &DueArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let Some(plan) = shared::open_plan(ctx, err)? else {
        return Ok(Exit::Findings);
    };
    let plan = &plan;
    let cat = Catalogue::of(args.report.lang.lang);
    let filter = TaskFilter::from_args(plan, &args.report)?;
    let query = Query::new(plan, ctx.as_of);
    let until = ctx
        .as_of
        .checked_add_days(Days::new(u64::from(args.within)))
        .unwrap_or(chrono::NaiveDate::MAX);
    let mut due: Vec<_> = shared::filtered(plan, &query, &filter)
        .into_iter()
        .filter(|(_, _, s)| !matches!(s.state, State::Done | State::OnHold))
        .filter(|(_, _, s)| s.deadline.is_some_and(|d| d > ctx.as_of && d <= until))
        .collect();
    due.sort_by_key(|(_, _, s)| s.deadline);

    // Days left in place of days overdue: nothing here is overdue.
    let mut columns = shared::task_columns(cat, false);
    let at = columns
        .iter()
        .position(|c| c.key == "days_overdue")
        .unwrap_or(columns.len() - 1);
    columns[at] = Column::new("days_left", cat.msg("column-days-left"));
    let by = until.to_string();
    let mut table =
        Table::new(columns).when_empty(cat.msg_with("due-none", &[("day", by.as_str().into())]));
    for (_, task, status) in &due {
        let mut row = shared::task_row(cat, plan, task, status, Wanted::All);
        row[at] = Cell::opt_int(status.deadline.map(|d| (d - ctx.as_of).num_days()));
        table.rows.push(row);
    }
    let what = cat.msg_with(
        "due-what",
        &[("days", args.within.into()), ("day", by.as_str().into())],
    );
    let report = Report {
        heading: shared::heading(cat, plan, &what, ctx.as_of, filter.describe(cat, plan)),
        tables: vec![table],
        notes: Vec::new(),
    };
    args.report
        .output
        .format
        .render(out, &report, shared::style(ctx))?;
    Ok(Exit::Success)
}
