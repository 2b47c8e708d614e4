//! `plan agency ID`: the per-agency task list, grouped by card and
//! priority, with co-leads, due, state and RAG; and what it sponsors.

use super::shared::{self, TaskFilter, Wanted};
use crate::cli::AgencyArgs;
use crate::context::Context;
use crate::exit::Exit;
use crate::model::Rag;
use crate::query::{LeadFilter, Query, State};
use crate::render::report::{Cell, Column, Report, Table};
use std::io::Write;

pub fn run(
    ctx: &Context,
    args: &AgencyArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let Some(plan) = shared::open_plan(ctx, err)? else {
        return Ok(Exit::Findings);
    };
    let plan = &plan;
    let idx = shared::find_agency(plan, &args.agency)?;
    let agency = &plan.agencies[idx];
    let lead = LeadFilter::new(plan, idx);
    let cards = TaskFilter::new(plan, None, args.card.as_deref())?;
    let query = Query::new(plan, ctx.as_of);

    let mut columns = vec![Column::machine("card"), Column::machine("priority")];
    columns.extend(shared::task_columns(args.notes));
    let mut tables = Vec::new();
    let (mut total, mut overdue, mut red, mut unrated) = (0, 0, 0, 0);
    for card in &plan.cards {
        for priority in &card.priorities {
            let mut table = Table::new(columns.clone()).titled(format!(
                "{} {}: {} {}",
                card.id, card.title, priority.id, priority.title
            ));
            for task in priority.tasks() {
                if !lead.matches(task) || !cards.matches(card, task) {
                    continue;
                }
                let status = query.status(task);
                total += 1;
                overdue += usize::from(status.state == State::Overdue);
                red += usize::from(task.rag == Some(Rag::Red));
                unrated += usize::from(task.rag.is_none());
                let mut row = vec![Cell::text(&card.id), Cell::text(&priority.id)];
                row.extend(shared::task_row(plan, task, &status, Wanted::All));
                table.rows.push(row);
            }
            if !table.rows.is_empty() {
                tables.push(table);
            }
        }
    }
    let members = crate::leads::with_parts(&plan.agencies, idx);
    let parts: Vec<&str> = plan
        .agencies
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != idx && members[*i])
        .map(|(_, a)| a.id.as_str())
        .collect();
    let mut who = format!("tasks of {} ({})", agency.id, agency.name);
    if !parts.is_empty() {
        who.push_str(&format!(" and of {}", parts.join(", ")));
    }
    let mut notes = vec![format!(
        "{}: {overdue} overdue, {red} red, {unrated} not rated.",
        crate::words::count(total, "task")
    )];
    if tables.is_empty() {
        notes = vec![format!("{} leads no task.", agency.id)];
    }
    let sponsored = crate::query::sponsored_by(plan, idx);
    if !sponsored.is_empty() {
        notes.push(format!(
            "{} is the sponsor of: {}.",
            agency.id,
            sponsored.join("; ")
        ));
    }
    let report = Report {
        heading: shared::heading(plan, &who, ctx.as_of, cards.describe()),
        tables,
        notes,
    };
    args.output
        .format
        .render(out, &report, shared::style(ctx))?;
    Ok(Exit::Success)
}
