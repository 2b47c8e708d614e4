//! `plan recs`: each scrutiny recommendation, the Cabinet's response, its
//! owner, the actions that deliver it and how they stand.

use super::shared;
use crate::cli::FormatArgs;
use crate::context::Context;
use crate::exit::Exit;
use crate::model::Response;
use crate::query::{Query, State, delivering, rollup};
use crate::render::report::{Cell, Column, Report, Table};
use crate::view;
use std::io::Write;

pub fn run(
    ctx: &Context,
    args: &FormatArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let Some(plan) = shared::open_plan(ctx, err)? else {
        return Ok(Exit::Findings);
    };
    let plan = &plan;
    let query = Query::new(plan, ctx.as_of);
    let mut table = Table::new(vec![
        Column::new("id", "Id"),
        Column::machine("text"),
        Column::people("summary", "Recommendation"),
        Column::new("response", "Response"),
        Column::new("owner", "Owner"),
        Column::new("actions", "Actions"),
        Column::new("tasks", "Tasks"),
        Column::new("overdue", "Overdue"),
        Column::new("rag", "RAG"),
    ])
    .when_empty("The plan records no recommendation.");
    for rec in &plan.recommendations {
        let tasks = delivering(plan, &rec.actions);
        let overdue = tasks
            .iter()
            .filter(|t| query.status(t).state == State::Overdue)
            .count();
        table.rows.push(vec![
            Cell::text(&rec.id),
            Cell::text(&rec.text),
            Cell::text(short(&rec.text)),
            Cell::text(rec.response.as_str()),
            Cell::opt_text(rec.owner.as_deref()),
            Cell::List(rec.actions.clone()),
            Cell::Int(tasks.len() as i64),
            Cell::Int(overdue as i64),
            view::rag(rollup(tasks.iter().map(|t| t.rag))),
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
        (n > 0).then(|| format!("{n} {}", crate::view::response(*response)))
    })
    .collect();
    let report = Report {
        heading: shared::heading(plan, "recommendations", ctx.as_of, None),
        tables: vec![table],
        notes: vec![format!(
            "{} recommendations: {}.",
            plan.recommendations.len(),
            counts.join(", ")
        )],
    };
    args.format.render(out, &report, shared::style(ctx))?;
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
