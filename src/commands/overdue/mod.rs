//! `plan overdue`: tasks past their deadline, most overdue first; then the
//! ongoing tasks gone stale and the tasks waiting for another; then, where
//! there are any, the tasks on hold and the done tasks whose review is due.
//! A task rated green or amber yet overdue is named in a note: "rated
//! green, 61 days overdue".

use super::shared::{self, TaskFilter, Wanted};
use crate::catalogue::Catalogue;
use crate::cli::OverdueArgs;
use crate::context::Context;
use crate::exit::Exit;
use crate::model::{Card, Plan, Task};
use crate::query::{Query, State, Status};
use crate::render::report::{Cell, Column, Reader, Report, Table};
use std::io::Write;

mod held;

pub fn run(
    ctx: &Context,
    args: &OverdueArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let Some(plan) = shared::open_plan(ctx, err)? else {
        return Ok(Exit::Findings);
    };
    let plan = &plan;
    let cat = Catalogue::of(args.report.lang.lang);
    let filter = TaskFilter::from_args(plan, &args.report)?;
    let query = match args.original {
        true => Query::new(plan, ctx.as_of).against_original(),
        false => Query::new(plan, ctx.as_of),
    };
    let tasks = shared::filtered(plan, &query, &filter);
    let in_state = |state: State| -> Vec<&(&Card, &Task, Status)> {
        tasks.iter().filter(|(_, _, s)| s.state == state).collect()
    };

    let mut overdue = in_state(State::Overdue);
    overdue.sort_by_key(|(_, _, s)| std::cmp::Reverse(s.days_overdue));
    let mut stale = in_state(State::Stale);
    stale.sort_by_key(|(_, _, s)| s.last_review);
    let waiting = in_state(State::Waiting);

    let mut notes = Vec::new();
    notes.extend(rated_but_overdue(cat, &overdue));
    let review_days = plan.meta.review_days;
    let counts = (overdue.len(), stale.len(), waiting.len());
    let any_overdue = counts.0 > 0;
    let on_hold = in_state(State::OnHold);
    let review_due: Vec<_> = tasks
        .iter()
        .filter(|(_, t, _)| query.review_due(t))
        .collect();
    let what = match args.original {
        true => cat.msg("overdue-what-original"),
        false => cat.msg("overdue-what"),
    };
    let titled = |key, count: usize| cat.msg_with(key, &[("count", count.into())]);
    let mut report = Report {
        heading: shared::heading(cat, plan, what, ctx.as_of, filter.describe(cat, plan)),
        tables: vec![
            section(cat, args.notes, plan, overdue, &["last_review"])
                .titled(titled("overdue-title", counts.0))
                .when_empty(cat.msg("overdue-none")),
            section(cat, args.notes, plan, stale, &["deadline", "days_overdue"])
                .titled(cat.msg_with(
                    "stale-title",
                    &[("days", review_days.into()), ("count", counts.1.into())],
                ))
                .when_empty(cat.msg("stale-none")),
            section(
                cat,
                args.notes,
                plan,
                waiting,
                &["deadline", "days_overdue", "last_review"],
            )
            .titled(titled("waiting-title", counts.2))
            .when_empty(cat.msg("waiting-none")),
        ],
        notes,
    };
    // Only where there are any, so a plan without them reads as it did.
    if !on_hold.is_empty() {
        report
            .tables
            .push(held::on_hold(cat, plan, on_hold, ctx.as_of));
    }
    if !review_due.is_empty() {
        report.tables.push(held::review_due(cat, plan, review_due));
    }
    args.report
        .output
        .format
        .render(out, &report, shared::style(ctx))?;
    Ok(Exit::findings_if(args.fail_if_any && any_overdue))
}

/// The most a note names of the tasks rated on track yet overdue.
const NAMED: usize = 10;

/// Rated green or amber, yet past the deadline: the reader must see it.
/// The most overdue are named (`overdue` is most overdue first); past
/// [`NAMED`], the note says how many more and how to list them.
fn rated_but_overdue(
    cat: &'static Catalogue,
    overdue: &[&(&Card, &Task, Status)],
) -> Option<String> {
    let mut said = overdue.iter().filter_map(|(_, task, status)| {
        let said = crate::view::rated_but_overdue(cat, task.rag, status.days_overdue);
        (!said.is_empty()).then(|| format!("{} ({said})", task.id))
    });
    let named: Vec<String> = said.by_ref().take(NAMED).collect();
    let more = said.count();
    match (named.is_empty(), more) {
        (true, _) => None,
        (false, 0) => Some(cat.msg_with(
            "rated-but-overdue-note",
            &[("tasks", named.join("; ").as_str().into())],
        )),
        (false, more) => Some(cat.msg_with(
            "rated-but-overdue-note-more",
            &[
                ("tasks", named.join("; ").as_str().into()),
                ("more", more.into()),
            ],
        )),
    }
}

/// The three sections share one set of columns (and JSON keys); each shows
/// people only the columns that can hold something in it. Rows are made as
/// they are printed: a plan of 100,000 tasks has as many overdue.
fn section<'a>(
    cat: &'static Catalogue,
    notes: bool,
    plan: &'a Plan,
    rows: Vec<&'a (&'a Card, &'a Task, Status)>,
    hidden: &[&str],
) -> Table<'a> {
    let mut columns = shared::task_columns(cat, notes);
    columns.push(Column::new("last_review", cat.msg("column-last-review")));
    for column in &mut columns {
        if column.key == "state" || hidden.contains(&column.key) {
            *column = Column::machine(column.key);
        }
    }
    Table::new(columns.clone()).with_rows_made(rows.len(), move |i, reader| {
        let (_, task, status) = rows[i];
        let mut row = shared::task_row(cat, plan, task, status, Wanted::SeenBy(&columns, reader));
        // A stale task never reviewed says so to people; programs get null.
        row.push(match (status.last_review, reader) {
            (None, Reader::People) if status.state == State::Stale => {
                Cell::text(cat.msg("never-reviewed"))
            }
            (day, _) => Cell::Date(day),
        });
        row
    })
}
