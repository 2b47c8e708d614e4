//! `plan rag`: per card, priority or agency, how many tasks are red, amber,
//! green, blue and not rated, the share on track, and the roll-up.

use super::shared::{self, TaskFilter};
use crate::catalogue::Catalogue;
use crate::cli::{GroupBy, RagArgs};
use crate::context::Context;
use crate::exit::Exit;
use crate::model::{Lead, Plan, Task};
use crate::plan_texts::PlanTexts;
use crate::query::{self, RagCounts};
use crate::render::report::{Cell, Column, Report, Table};
use crate::view;
use std::io::Write;

pub fn run(
    ctx: &Context,
    args: &RagArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let Some(plan) = shared::open_plan(ctx, err)? else {
        return Ok(Exit::Findings);
    };
    let plan = &plan;
    let cat = Catalogue::of(args.report.lang.lang);
    let filter = TaskFilter::from_args(plan, &args.report)?;
    let tasks: Vec<(&str, &str, &Task)> = plan
        .task_paths()
        .filter(|(card, _, _, task)| filter.matches(card, task))
        .map(|(card, priority, _, task)| (card.id.as_str(), priority.id.as_str(), task))
        .collect();

    let mut groups = groups(cat, plan, args.by, &filter, &tasks);
    // A group with no task (after filtering) says nothing.
    groups.retain(|(_, _, of)| !of.is_empty());

    let mut table = Table::new(vec![
        Column::new("id", cat.msg("column-id")),
        Column::prose("name", cat.msg("column-name")),
        Column::new("red", cat.msg("column-red")),
        Column::new("amber", cat.msg("column-amber")),
        Column::new("green", cat.msg("column-green")),
        Column::new("blue", cat.msg("column-blue")),
        Column::new("not_rated", cat.msg("column-not-rated")),
        Column::new("total", cat.msg("column-total")),
        Column::new("rated", cat.msg("column-rated")),
        Column::new("on_track", cat.msg("column-on-track")),
        Column::machine("rag"),
        Column::people("rag_shown", cat.msg("column-rag")),
    ])
    .when_empty(cat.msg("tasks-none"));
    for (id, name, of) in &groups {
        table
            .rows
            .push(counts(cat, Cell::text(id), name.clone(), of));
    }
    let all: Vec<&Task> = tasks.iter().map(|t| t.2).collect();
    table.total = Some(counts(
        cat,
        Cell::text(cat.msg("column-total")),
        Cell::Empty,
        &all,
    ));

    let by = match args.by {
        GroupBy::Card => cat.msg("rag-by-card"),
        GroupBy::Priority => cat.msg("rag-by-priority"),
        GroupBy::Agency => cat.msg("rag-by-agency"),
    };
    let mut notes = vec![cat.msg("rag-note-on-track").to_string()];
    if args.by == GroupBy::Agency {
        notes.push(cat.msg("rag-note-agency").into());
    }
    let report = Report {
        heading: shared::heading(cat, plan, by, ctx.as_of, filter.describe(cat, plan)),
        tables: vec![table],
        notes,
    };
    args.report
        .output
        .format
        .render(out, &report, shared::style(ctx))?;
    Ok(Exit::Success)
}

/// One row: the counts by RAG, the share on track and the roll-up.
fn counts(cat: &'static Catalogue, id: Cell, name: Cell, tasks: &[&Task]) -> Vec<Cell> {
    let counts = RagCounts::of(tasks.iter().map(|t| t.rag));
    let int = |n: usize| Cell::Int(n as i64);
    vec![
        id,
        name,
        int(counts.red),
        int(counts.amber),
        int(counts.green),
        int(counts.blue),
        int(counts.not_rated),
        int(counts.total()),
        int(counts.rated()),
        Cell::Percent(counts.on_track()),
        view::rag(cat, counts.rollup()),
        view::rollup(cat, &counts),
    ]
}

/// A group of tasks: its id, its name and its tasks.
type Group<'p> = (String, Cell, Vec<&'p Task>);

/// The tasks the filter lets through, by card, priority or agency; each task
/// is visited once, whatever the grouping.
fn groups<'p>(
    cat: &Catalogue,
    plan: &'p Plan,
    by: GroupBy,
    filter: &TaskFilter,
    tasks: &[(&str, &str, &'p Task)],
) -> Vec<Group<'p>> {
    let mut groups: Vec<Group<'p>> = Vec::new();
    let t = PlanTexts::for_catalogue(plan, cat);
    match by {
        GroupBy::Card => {
            for card in &plan.cards {
                let of = card.tasks().filter(|t| filter.matches(card, t)).collect();
                groups.push((
                    card.id.clone(),
                    t.cell(&card.translations, "title", &card.title),
                    of,
                ));
            }
        }
        GroupBy::Priority => {
            for card in &plan.cards {
                for priority in &card.priorities {
                    let of = priority
                        .tasks()
                        .filter(|t| filter.matches(card, t))
                        .collect();
                    let title = t.cell(&priority.translations, "title", &priority.title);
                    groups.push((priority.id.clone(), title, of));
                }
            }
        }
        GroupBy::Agency => {
            let mut by_agency = query::tasks_by_agency(plan, tasks.iter().map(|t| t.2));
            for (idx, agency) in plan.agencies.iter().enumerate() {
                let of = std::mem::take(&mut by_agency[idx]);
                groups.push((
                    agency.id.clone(),
                    t.cell(&agency.translations, "name", &agency.name),
                    of,
                ));
            }
            let unassigned: Vec<&Task> = tasks
                .iter()
                .map(|t| t.2)
                .filter(|t| t.leads.iter().any(|l| matches!(l, Lead::Unassigned(_))))
                .collect();
            groups.push(("TBC".into(), Cell::text(cat.msg("no-lead-yet")), unassigned));
        }
    }
    groups
}
