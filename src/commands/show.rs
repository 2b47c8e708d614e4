//! `plan show ID`: everything about one card, priority, action, task,
//! agency, recommendation or measure.

use super::shared;
use crate::cli::ShowArgs;
use crate::context::Context;
use crate::leads::Registry;
use crate::model::{Better, Lead, Plan, Task};
use crate::query::{LeadFilter, Query, delivering, rollup};
use crate::render::report::{self, Cell, Column, Format, Report, Table};
use anyhow::bail;
use serde_json::{Map, Value};
use std::io::Write;

/// A field of the thing shown: JSON key, label, value.
type Field = (&'static str, &'static str, Cell);

pub fn run(
    ctx: &Context,
    args: &ShowArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    let Some(opened) = shared::open_plan(ctx, err)? else {
        return Ok(1);
    };
    let plan = &opened.plan;
    let query = Query::new(plan, ctx.as_of);
    let Some((what, fields)) = describe(plan, &query, args.id.trim()) else {
        bail!(
            "nothing in the plan has the id `{}`: give a card (EJ), priority (EJ-1), action (EJ-1.1), \
             task (EJ-1.1.a), agency, recommendation (R1) or measure (M3)",
            args.id
        );
    };
    if args.output.format == Format::Json {
        let object: Map<String, Value> = fields
            .iter()
            .map(|(key, _, cell)| (key.to_string(), cell.json()))
            .collect();
        serde_json::to_writer_pretty(&mut *out, &Value::Object(object))?;
        writeln!(out)?;
        return Ok(0);
    }
    let mut table = Table::new(vec![
        Column::new("field", "Field"),
        Column::prose("value", "Value"),
    ]);
    for (_, label, cell) in fields {
        if cell.is_blank() {
            continue;
        }
        // Values read as text here: a number is not lined up in a column.
        let value = match cell {
            Cell::Int(n) => Cell::text(n.to_string()),
            other => other,
        };
        table.rows.push(vec![Cell::text(label), value]);
    }
    let report = Report {
        heading: shared::heading(plan, what, ctx.as_of, None),
        tables: vec![table],
        notes: Vec::new(),
    };
    report::render(out, &report, args.output.format, shared::style(ctx))?;
    Ok(0)
}

fn describe(plan: &Plan, query: &Query, id: &str) -> Option<(&'static str, Vec<Field>)> {
    let same = |a: &str| a.eq_ignore_ascii_case(id);
    let rag_of = |tasks: &[&Task]| Cell::Rag(rollup(tasks.iter().map(|t| t.rag)));
    let ids = |tasks: &[&Task]| Cell::List(tasks.iter().map(|t| t.id.clone()).collect());
    let texts = |items: &[String]| {
        if items.is_empty() {
            Cell::Empty
        } else {
            Cell::text(items.join("\n"))
        }
    };

    for (card, priority, action, task) in plan.task_paths() {
        if same(&task.id) {
            let status = query.status(task);
            let lead_names = task
                .leads
                .iter()
                .map(|lead| match lead {
                    Lead::Agency(i) => plan.agencies[*i].name.clone(),
                    Lead::Unassigned => "not identified yet".into(),
                    Lead::All => "every partner organisation".into(),
                })
                .collect();
            return Some((
                "task",
                vec![
                    ("id", "Task", Cell::text(&task.id)),
                    ("ref", "Ref", Cell::opt_text(task.reference.as_deref())),
                    ("text", "Text", Cell::text(&task.text)),
                    (
                        "card",
                        "Card",
                        Cell::text(format!("{} {}", card.id, card.title)),
                    ),
                    (
                        "priority",
                        "We will",
                        Cell::text(format!("{} {}", priority.id, priority.title)),
                    ),
                    (
                        "action",
                        "Action",
                        Cell::text(format!("{} {}", action.id, action.title)),
                    ),
                    ("leads", "Leads", Cell::List(plan.lead_ids(task))),
                    ("lead_names", "Lead names", Cell::List(lead_names)),
                    ("due_text", "Due", Cell::opt_text(task.due_text.as_deref())),
                    ("deadline", "Deadline", Cell::Date(status.deadline)),
                    ("state", "State", Cell::text(status.state.as_str())),
                    (
                        "days_overdue",
                        "Days overdue",
                        Cell::opt_int(status.days_overdue),
                    ),
                    ("rag", "RAG", Cell::Rag(task.rag)),
                    ("done", "Done", Cell::Date(task.done)),
                    ("updated", "Last review", Cell::Date(task.updated)),
                    (
                        "resources",
                        "Resources",
                        Cell::opt_text(task.resources.as_deref()),
                    ),
                    ("note", "Note", Cell::opt_text(task.note.as_deref())),
                ],
            ));
        }
    }
    for card in &plan.cards {
        for priority in &card.priorities {
            for action in &priority.actions {
                if same(&action.id) {
                    let tasks: Vec<&Task> = action.tasks.iter().collect();
                    return Some((
                        "action",
                        vec![
                            ("id", "Action", Cell::text(&action.id)),
                            ("title", "Title", Cell::text(&action.title)),
                            (
                                "card",
                                "Card",
                                Cell::text(format!("{} {}", card.id, card.title)),
                            ),
                            (
                                "priority",
                                "We will",
                                Cell::text(format!("{} {}", priority.id, priority.title)),
                            ),
                            ("tasks", "Tasks", ids(&tasks)),
                            ("rag", "RAG", rag_of(&tasks)),
                        ],
                    ));
                }
            }
            if same(&priority.id) {
                let tasks: Vec<&Task> = priority.actions.iter().flat_map(|a| &a.tasks).collect();
                let actions = priority
                    .actions
                    .iter()
                    .map(|a| format!("{} {}", a.id, a.title))
                    .collect::<Vec<_>>();
                return Some((
                    "priority",
                    vec![
                        ("id", "Priority", Cell::text(&priority.id)),
                        ("title", "We will", Cell::text(&priority.title)),
                        (
                            "card",
                            "Card",
                            Cell::text(format!("{} {}", card.id, card.title)),
                        ),
                        ("actions", "Actions", texts(&actions)),
                        ("tasks", "Tasks", ids(&tasks)),
                        ("rag", "RAG", rag_of(&tasks)),
                    ],
                ));
            }
        }
        if same(&card.id) {
            let tasks: Vec<&Task> = card
                .priorities
                .iter()
                .flat_map(|p| &p.actions)
                .flat_map(|a| &a.tasks)
                .collect();
            let priorities = card
                .priorities
                .iter()
                .map(|p| format!("{} {}", p.id, p.title))
                .collect::<Vec<_>>();
            return Some((
                "report card",
                vec![
                    ("id", "Card", Cell::text(&card.id)),
                    ("title", "Title", Cell::text(&card.title)),
                    ("outcomes", "Outcomes", texts(&card.outcomes)),
                    ("area", "Area", Cell::opt_text(card.area.as_deref())),
                    ("measures", "Measures", Cell::List(card.measures.clone())),
                    ("main_actions", "Main actions", texts(&card.main_actions)),
                    (
                        "story",
                        "Story behind the curve",
                        Cell::opt_text(card.story.as_deref().map(str::trim)),
                    ),
                    ("challenges", "Challenges", texts(&card.challenges)),
                    ("priorities", "We will", texts(&priorities)),
                    ("tasks", "Tasks", Cell::Int(tasks.len() as i64)),
                    ("rag", "RAG", rag_of(&tasks)),
                ],
            ));
        }
    }
    for rec in &plan.recommendations {
        if same(&rec.id) {
            let tasks = delivering(plan, &rec.actions);
            return Some((
                "recommendation",
                vec![
                    ("id", "Recommendation", Cell::text(&rec.id)),
                    ("text", "Text", Cell::text(&rec.text)),
                    ("response", "Response", Cell::text(rec.response.as_str())),
                    (
                        "response_text",
                        "Cabinet response",
                        Cell::opt_text(rec.response_text.as_deref()),
                    ),
                    ("owner", "Owner", Cell::opt_text(rec.owner.as_deref())),
                    ("actions", "Actions", Cell::List(rec.actions.clone())),
                    ("tasks", "Tasks", ids(&tasks)),
                    ("rag", "RAG", rag_of(&tasks)),
                ],
            ));
        }
    }
    for measure in &plan.measures {
        if same(&measure.id) {
            let values: Vec<String> = measure
                .values
                .iter()
                .map(|v| format!("{}: {}", v.period, v.value))
                .collect();
            let cards = plan.cards_listing(&measure.id);
            return Some((
                "measure",
                vec![
                    ("id", "Measure", Cell::text(&measure.id)),
                    ("title", "Title", Cell::text(&measure.title)),
                    (
                        "better",
                        "Better",
                        Cell::text(match measure.better {
                            Better::Higher => "higher",
                            Better::Lower => "lower",
                        }),
                    ),
                    ("unit", "Unit", Cell::opt_text(measure.unit.as_deref())),
                    ("values", "Values", texts(&values)),
                    (
                        "target",
                        "Target",
                        Cell::opt_text(
                            measure
                                .target
                                .as_ref()
                                .map(|t| format!("{}: {}", t.period, t.value))
                                .as_deref(),
                        ),
                    ),
                    ("cards", "Cards", Cell::List(cards)),
                ],
            ));
        }
    }
    let (registry, _) = Registry::new(&plan.agencies);
    if let Some(Lead::Agency(idx)) = registry.resolve(id) {
        let agency = &plan.agencies[idx];
        let lead = LeadFilter::new(plan, idx);
        let tasks: Vec<&Task> = plan.tasks().filter(|t| lead.matches(t)).collect();
        return Some((
            "agency",
            vec![
                ("id", "Agency", Cell::text(&agency.id)),
                ("name", "Name", Cell::text(&agency.name)),
                ("kind", "Kind", Cell::text(agency.kind.as_str())),
                ("aliases", "Aliases", Cell::List(agency.aliases.clone())),
                (
                    "part_of",
                    "Part of",
                    Cell::opt_text(agency.part_of.map(|p| plan.agencies[p].id.as_str())),
                ),
                ("tasks", "Tasks", ids(&tasks)),
                ("rag", "RAG", rag_of(&tasks)),
            ],
        ));
    }
    None
}
