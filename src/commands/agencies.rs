//! `plan agencies`: every agency with its number of tasks, overdue, red and
//! not rated (counting the tasks of the agencies part of it).

use super::shared;
use crate::cli::FormatArgs;
use crate::context::Context;
use crate::model::Rag;
use crate::query::{LeadFilter, Query, State};
use crate::render::report::{Cell, Column, Report, Table};
use std::io::Write;

pub fn run(
    ctx: &Context,
    args: &FormatArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let Some(plan) = shared::open_plan(ctx, err)? else {
        return Ok(1);
    };
    let plan = &plan;
    let query = Query::new(plan, ctx.as_of);
    let states: Vec<_> = plan.tasks().map(|t| (t, query.status(t).state)).collect();
    let mut table = Table::new(vec![
        Column::new("id", "Id"),
        Column::new("name", "Name"),
        Column::new("kind", "Kind"),
        Column::new("part_of", "Part of"),
        Column::new("tasks", "Tasks"),
        Column::new("overdue", "Overdue"),
        Column::new("red", "Red"),
        Column::new("not_rated", "Not rated"),
    ])
    .when_empty("The plan declares no agency.");
    for (idx, agency) in plan.agencies.iter().enumerate() {
        let lead = LeadFilter::new(plan, idx);
        let led: Vec<_> = states.iter().filter(|(t, _)| lead.matches(t)).collect();
        let count = |f: &dyn Fn(&&(&crate::model::Task, State)) -> bool| {
            led.iter().filter(|x| f(x)).count() as i64
        };
        table.rows.push(vec![
            Cell::text(&agency.id),
            Cell::text(&agency.name),
            Cell::text(agency.kind.as_str()),
            Cell::opt_text(agency.part_of.map(|p| plan.agencies[p].id.as_str())),
            Cell::Int(led.len() as i64),
            Cell::Int(count(&|(_, s)| *s == State::Overdue)),
            Cell::Int(count(&|(t, _)| t.rag == Some(Rag::Red))),
            Cell::Int(count(&|(t, _)| t.rag.is_none())),
        ]);
    }
    let report = Report {
        heading: shared::heading(plan, "agencies", ctx.as_of, None),
        tables: vec![table],
        notes: vec![
            "An agency's tasks include those of the agencies part of it; an organisation's include those led by \"all\".".into(),
        ],
    };
    args.format.render(out, &report, shared::style(ctx))?;
    Ok(0)
}
