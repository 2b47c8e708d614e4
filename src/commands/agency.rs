//! `plan agency ID`: the per-agency task list, grouped by card and
//! priority, with co-leads, due, state and RAG; and what it sponsors.

use super::shared::{self, TaskFilter, Wanted};
use crate::catalogue::Catalogue;
use crate::cli::AgencyArgs;
use crate::context::Context;
use crate::exit::Exit;
use crate::model::Rag;
use crate::plan_texts::PlanTexts;
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
    let cat = Catalogue::of(args.lang.lang);
    let idx = shared::find_agency(plan, &args.agency)?;
    let agency = &plan.agencies[idx];
    let lead = LeadFilter::new(plan, idx);
    let cards = TaskFilter::new(plan, None, args.card.as_deref())?;
    let query = Query::new(plan, ctx.as_of);

    let mut columns = vec![Column::machine("card"), Column::machine("priority")];
    columns.extend(shared::task_columns(cat, args.notes));
    let mut tables = Vec::new();
    let (mut total, mut overdue, mut red, mut unrated) = (0_usize, 0_usize, 0_usize, 0_usize);
    for card in &plan.cards {
        for priority in &card.priorities {
            let t = PlanTexts::for_catalogue(plan, cat);
            let mut table = Table::new(columns.clone()).titled(format!(
                "{} {}: {} {}",
                card.id,
                t.text(&card.translations, "title", &card.title),
                priority.id,
                t.text(&priority.translations, "title", &priority.title)
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
                row.extend(shared::task_row(cat, plan, task, &status, Wanted::All));
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
    let t = PlanTexts::for_catalogue(plan, cat);
    let name = t.text(&agency.translations, "name", &agency.name);
    let name = name.as_ref();
    let mut who = cat.msg_with(
        "agency-what",
        &[("id", (&agency.id).into()), ("name", name.into())],
    );
    if !parts.is_empty() {
        let parts = parts.join(", ");
        who.push_str(&cat.msg_with("agency-what-parts", &[("parts", parts.as_str().into())]));
    }
    let mut notes = vec![cat.msg_with(
        "agency-counts",
        &[
            ("tasks", total.into()),
            ("overdue", overdue.into()),
            ("red", red.into()),
            ("unrated", unrated.into()),
        ],
    )];
    if tables.is_empty() {
        notes = vec![cat.msg_with("agency-leads-none", &[("id", (&agency.id).into())])];
    }
    let sponsored = crate::query::sponsored_by(plan, idx);
    if !sponsored.is_empty() {
        let what = sponsored.join("; ");
        notes.push(cat.msg_with(
            "agency-sponsor-of",
            &[("id", (&agency.id).into()), ("what", what.as_str().into())],
        ));
    }
    let report = Report {
        heading: shared::heading(cat, plan, &who, ctx.as_of, cards.describe(cat, plan)),
        tables,
        notes,
    };
    args.output
        .format
        .render(out, &report, shared::style(ctx))?;
    Ok(Exit::Success)
}
