//! `plan recs`: each scrutiny recommendation, the Cabinet's response, its
//! owner, the actions that deliver it and how they stand.

use super::shared;
use crate::cli::FormatArgs;
use crate::context::Context;
use crate::model::{Plan, Response, Task};
use crate::query::{Query, State, rollup};
use crate::render::report::{self, Cell, Column, Report, Table};
use std::io::Write;

pub fn run(
    ctx: &Context,
    args: &FormatArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let Some(opened) = shared::open_plan(ctx, err)? else {
        return Ok(1);
    };
    let plan = &opened.plan;
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
            Cell::Rag(rollup(tasks.iter().map(|t| t.rag))),
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
        (n > 0).then(|| format!("{n} {}", response.as_str().replace('-', " ")))
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
    report::render(out, &report, args.format, shared::style(ctx))?;
    Ok(0)
}

/// The tasks of the actions (or tasks, priorities, cards) a recommendation names.
pub fn delivering<'p>(plan: &'p Plan, ids: &[String]) -> Vec<&'p Task> {
    plan.tasks()
        .filter(|task| ids.iter().any(|id| within(&task.id, id)))
        .collect()
}

/// True when `task` is `id` or lies inside it (`EJ-1.1.a` inside `EJ-1.1`, `EJ-1`, `EJ`).
fn within(task: &str, id: &str) -> bool {
    task == id
        || task
            .strip_prefix(id)
            .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('-'))
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

#[cfg(test)]
mod tests {
    use super::within;

    #[test]
    fn a_task_lies_within_its_action_priority_and_card_only() {
        assert!(within("EJ-1.1.a", "EJ-1.1.a"));
        assert!(within("EJ-1.1.a", "EJ-1.1"));
        assert!(within("EJ-1.1.a", "EJ-1"));
        assert!(within("EJ-1.1.a", "EJ"));
        assert!(!within("EJ-1.10.a", "EJ-1.1"));
        assert!(!within("EJ-11.1.a", "EJ-1"));
        assert!(!within("EJX-1.1.a", "EJ"));
    }
}
