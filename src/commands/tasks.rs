//! `plan tasks`: every task, filtered by lead, card, RAG and state.

use super::shared::{self, TaskFilter, Wanted};
use crate::catalogue::Catalogue;
use crate::cli::TasksArgs;
use crate::context::Context;
use crate::exit::Exit;
use crate::query::Query;
use crate::render::report::{Report, Table};
use std::io::Write;

pub fn run(
    ctx: &Context,
    args: &TasksArgs,
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
    let mut description: Vec<String> = filter.describe(cat, plan).into_iter().collect();
    if let Some(rag) = args.rag {
        let word = crate::view::rag_word(cat, rag.rag());
        description.push(cat.msg_with("filter-rag", &[("who", word.into())]));
    }
    if let Some(state) = args.state {
        let word = crate::view::state(cat, state.state());
        description.push(cat.msg_with("filter-state", &[("who", word.into())]));
    }
    let chosen: Vec<_> = shared::filtered(plan, &query, &filter)
        .into_iter()
        .filter(|(_, task, status)| {
            args.rag.is_none_or(|r| r.rag() == task.rag)
                && args.state.is_none_or(|s| s.state() == status.state)
        })
        .collect();
    let what = cat.msg_with("count-tasks", &[("count", chosen.len().into())]);
    // Rows are made as they are printed: there may be 100,000 of them.
    let columns = shared::task_columns(cat, args.notes);
    let table = Table::new(columns.clone())
        .when_empty(cat.msg("tasks-none"))
        .with_rows_made(chosen.len(), move |i, reader| {
            let (_, task, status) = &chosen[i];
            shared::task_row(cat, plan, task, status, Wanted::SeenBy(&columns, reader))
        });
    let filter_text = (!description.is_empty()).then(|| description.join("; "));
    let report = Report {
        heading: shared::heading(cat, plan, &what, ctx.as_of, filter_text),
        tables: vec![table],
        notes: Vec::new(),
    };
    args.report
        .output
        .format
        .render(out, &report, shared::style(ctx))?;
    Ok(Exit::Success)
}
