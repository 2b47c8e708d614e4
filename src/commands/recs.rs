//! `plan recs`: each scrutiny recommendation, the Cabinet's response, its
//! owner, the actions that deliver it and how they stand.

use super::shared;
use crate::catalogue::Catalogue;
use crate::cli::ListArgs;
use crate::context::Context;
use crate::exit::Exit;
use crate::model::Response;
use crate::plan_texts::PlanTexts;
use crate::query::{Query, State, delivering, rollup};
use crate::render::report::{Cell, Column, Report, Table};
use crate::view;
use std::io::Write;

pub fn run(
    ctx: &Context,
    args: &ListArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let Some(plan) = shared::open_plan(ctx, err)? else {
        return Ok(Exit::Findings);
    };
    let plan = &plan;
    let cat = Catalogue::of(args.lang.lang);
    let query = Query::new(plan, ctx.as_of);
    let t = PlanTexts::new(plan, args.lang.lang);
    let mut table = Table::new(vec![
        Column::new("id", cat.msg("column-id")),
        Column::machine("text"),
        Column::people("summary", cat.msg("column-recommendation")),
        Column::new("response", cat.msg("column-response")),
        Column::new("owner", cat.msg("column-owner")),
        Column::new("actions", cat.msg("column-actions")),
        Column::new("tasks", cat.msg("column-tasks")),
        Column::new("overdue", cat.msg("column-overdue")),
        Column::new("rag", cat.msg("column-rag")),
    ])
    .when_empty(cat.msg("recs-none"));
    for rec in &plan.recommendations {
        let tasks = delivering(plan, &rec.actions);
        let overdue = tasks
            .iter()
            .filter(|t| query.status(t).state == State::Overdue)
            .count();
        table.rows.push(vec![
            Cell::text(&rec.id),
            t.cell(&rec.translations, "text", &rec.text),
            t.composed(
                short(&t.text(&rec.translations, "text", &rec.text)),
                short(&rec.text),
                None,
            ),
            view::response_cell(cat, rec.response),
            Cell::opt_text(rec.owner.as_deref()),
            Cell::List(rec.actions.clone()),
            Cell::Int(tasks.len() as i64),
            Cell::Int(overdue as i64),
            view::rag(cat, rollup(tasks.iter().map(|t| t.rag))),
        ]);
    }
    let counts: Vec<String> = [
        Response::Accepted,
        Response::PartiallyAccepted,
        Response::NotAccepted,
        Response::Noted,
    ]
    .iter()
    .filter_map(|response| {
        let n = plan
            .recommendations
            .iter()
            .filter(|r| r.response == *response)
            .count();
        (n > 0).then(|| format!("{n} {}", crate::view::response(cat, *response)))
    })
    .collect();
    let report = Report {
        heading: shared::heading(cat, plan, cat.msg("recs-what"), ctx.as_of, None),
        tables: vec![table],
        notes: vec![cat.msg_with(
            "recs-counts",
            &[
                ("count", plan.recommendations.len().into()),
                ("counts", counts.join(", ").as_str().into()),
            ],
        )],
    };
    args.output
        .format
        .render(out, &report, shared::style(ctx))?;
    Ok(Exit::Success)
}

/// The first sentence or 80 characters of a long text.
fn short(text: &str) -> String {
    let first_line = text.lines().next().unwrap_or("");
    if first_line.chars().count() <= 80 {
        return first_line.to_string();
    }
    let cut: String = first_line.chars().take(79).collect();
    format!("{}…", cut.trim_end())
}
