//! `plan agencies`: every agency with its number of tasks, overdue, red and
//! not rated (counting the tasks of the agencies part of it), and how well
//! it keeps them up to date: its accountability (docs/history.md).

use super::shared;
use crate::catalogue::Catalogue;
use crate::cli::{AgenciesArgs, AgencySort};
use crate::context::Context;
use crate::exit::Exit;
use crate::model::{Rag, Task};
use crate::plan_texts::PlanTexts;
use crate::query::{Query, State, tasks_by_agency};
use crate::render::report::{Cell, Column, Report, Table};
use std::io::Write;

pub fn run(
    ctx: &Context,
    args: &AgenciesArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let Some(plan) = shared::open_plan(ctx, err)? else {
        return Ok(Exit::Findings);
    };
    let plan = &plan;
    let cat = Catalogue::of(args.lang.lang);
    let query = Query::new(plan, ctx.as_of);
    let by_agency = tasks_by_agency(plan, plan.tasks());
    let mut table = Table::new(vec![
        Column::new("id", cat.msg("column-id")),
        Column::new("name", cat.msg("column-name")).at_least(20),
        Column::new("kind", cat.msg("column-kind")).at_least(12),
        Column::new("part_of", cat.msg("column-part-of")),
        Column::new("tasks", cat.msg("column-tasks")),
        Column::new("overdue", cat.msg("column-overdue")),
        Column::new("red", cat.msg("column-red")),
        Column::new("not_rated", cat.msg("column-not-rated")),
        Column::new("rated_share", cat.msg("column-rated")),
        Column::new("reviewed_share", cat.msg("column-reviewed")),
        Column::new("noted_share", cat.msg("column-noted")),
        Column::new("days_since_update", cat.msg("column-days-quiet")),
        Column::new("score", cat.msg("column-score")),
    ])
    .when_empty(cat.msg("agencies-none"));
    let mut rows = Vec::with_capacity(plan.agencies.len());
    for (agency, led) in plan.agencies.iter().zip(&by_agency) {
        let count = |f: &dyn Fn(&Task) -> bool| led.iter().filter(|t| f(t)).count() as i64;
        let account = query.accountability(led.iter().copied());
        let row = vec![
            Cell::text(&agency.id),
            PlanTexts::for_catalogue(plan, cat).cell(&agency.translations, "name", &agency.name),
            crate::view::kind_cell(cat, agency.kind),
            Cell::opt_text(agency.part_of.map(|p| plan.agencies[p].id.as_str())),
            Cell::Int(led.len() as i64),
            Cell::Int(count(&|t| query.status(t).state == State::Overdue)),
            Cell::Int(count(&|t| t.rag == Some(Rag::Red))),
            Cell::Int(count(&|t| t.rag.is_none())),
            Cell::Percent(account.rated),
            Cell::Percent(account.reviewed),
            Cell::Percent(account.noted),
            Cell::opt_int(account.days_since_update),
            Cell::opt_int(account.score.map(i64::from)),
        ];
        rows.push((account.score, row));
    }
    if args.sort == AgencySort::Score {
        // Lowest first; agencies with no open task (no score) last.
        rows.sort_by_key(|(score, _)| score.map_or(u32::MAX, |s| s));
    }
    table.rows = rows.into_iter().map(|(_, row)| row).collect();
    let report = Report {
        heading: shared::heading(cat, plan, cat.msg("agencies-what"), ctx.as_of, None),
        tables: vec![table],
        notes: vec![
            cat.msg("agencies-note-parts").into(),
            cat.msg("agencies-note-score").into(),
        ],
    };
    args.output
        .format
        .render(out, &report, shared::style(ctx))?;
    Ok(Exit::Success)
}
