//! `plan export`: the plan for other programs. `ics`: an all-day calendar
//! entry per open task with a deadline; `csv`: every task with every field,
//! safe to open in a spreadsheet. Both take `--lead` and `--card`, so an
//! agency can have its own calendar. A CSV file written with `-o` starts with
//! a UTF-8 byte-order mark (Excel on Windows misreads "–" and "ŵ" without
//! one); CSV on standard output, for other programs, has none.
//! `xlsx`: the plan as an Excel workbook (partners/workbook.rs).

use super::shared::{self, TaskFilter};
use crate::cli::{ExportArgs, ExportFormat};
use crate::context::Context;
use crate::exit::Exit;
use crate::model::Plan;
use crate::query::{Query, State};
use crate::render::escape;
use crate::render::ics::{self, Event};
use crate::render::report::{self, Cell, Column, Report, Table};
use crate::view;
use std::io::Write;

pub fn run(
    ctx: &Context,
    args: &ExportArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let Some(plan) = shared::open_plan(ctx, err)? else {
        return Ok(Exit::Findings);
    };
    let plan = &plan;
    let query = Query::new(plan, ctx.as_of);
    let filter = TaskFilter::new(plan, args.lead.as_deref(), args.card.as_deref())?;
    let bytes = match args.format {
        ExportFormat::Xlsx if args.output.is_none() => {
            return Err(crate::error::Error::XlsxNeedsAFile.into());
        }
        ExportFormat::Xlsx => crate::partners::workbook::export(plan, ctx.as_of)?,
        ExportFormat::Ics => calendar(plan, &query, &filter, err)?.into_bytes(),
        // A file for a spreadsheet starts with a byte order mark (Excel on
        // Windows reads "–" and "ŵ" wrongly without one); stdout has none.
        ExportFormat::Csv if args.output.is_some() => {
            let mut bytes = "\u{feff}".as_bytes().to_vec();
            bytes.extend(csv(plan, &query, &filter)?);
            bytes
        }
        ExportFormat::Csv => csv(plan, &query, &filter)?,
    };
    match &args.output {
        Some(path) => crate::safe_write::write_output(path, &bytes)?,
        None => out.write_all(&bytes)?,
    }
    Ok(Exit::Success)
}

/// Every task with every field, as CSV for a spreadsheet (also the site's `tasks.csv`).
pub fn csv(plan: &Plan, query: &Query, filter: &TaskFilter) -> anyhow::Result<Vec<u8>> {
    let mut table = Table::new(
        [
            "card",
            "priority",
            "action",
            "id",
            "text",
            "leads",
            "due_text",
            "deadline",
            "state",
            "days_overdue",
            "rag",
            "done",
            "updated",
            "resources",
            "note",
        ]
        .into_iter()
        .map(|key| Column::new(key, key))
        .collect(),
    );
    let chosen = plan
        .task_paths()
        .filter(|(card, _, _, task)| filter.matches(card, task));
    for (card, priority, action, task) in chosen {
        let status = query.status(task);
        table.rows.push(vec![
            Cell::text(&card.id),
            Cell::text(&priority.id),
            Cell::text(&action.id),
            Cell::text(&task.id),
            Cell::text(&task.text),
            Cell::List(plan.lead_ids(task)),
            Cell::opt_text(task.due_text.as_deref()),
            Cell::Date(status.deadline),
            Cell::text(status.state.as_str()),
            Cell::opt_int(status.days_overdue),
            view::rag(crate::catalogue::Catalogue::english(), task.rag),
            Cell::Date(task.done),
            Cell::Date(task.updated),
            Cell::opt_text(task.resources.as_deref()),
            Cell::opt_text(task.note()),
        ]);
    }
    let report = Report {
        tables: vec![table],
        ..Report::default()
    };
    let mut bytes = Vec::new();
    report::csv_rows(&mut bytes, &report)?;
    Ok(bytes)
}

/// An event per open task with a deadline; a deadline the calendar cannot
/// hold (past year 9999) gets a note on `err` instead.
pub fn calendar(
    plan: &Plan,
    query: &Query,
    filter: &TaskFilter,
    err: &mut dyn Write,
) -> anyhow::Result<String> {
    let events: Vec<Event> = plan
        .task_paths()
        .filter(|(card, _, _, task)| filter.matches(card, task))
        .filter_map(|(_, _, _, task)| {
            let status = query.status(task);
            let day = status
                .deadline
                .filter(|_| !matches!(status.state, State::Done | State::OnHold))?;
            Some(Event {
                task: task.id.clone(),
                summary: format!("{}: {}", task.id, task.text),
                description: format!(
                    "Leads: {}\nDue: {}\nRAG: {}\nState on {}: {}",
                    plan.lead_ids(task).join(", "),
                    task.due_text.as_deref().unwrap_or("-"),
                    task.rag.map_or("not rated", |r| r.as_str()),
                    query.as_of,
                    status.state.as_str()
                ),
                day,
            })
        })
        .collect();
    let (events, beyond): (Vec<Event>, Vec<Event>) =
        events.into_iter().partition(|e| ics::holds(e.day));
    if !beyond.is_empty() {
        let tasks: Vec<String> = beyond
            .iter()
            .map(|e| format!("{} ({})", e.task, e.day))
            .collect();
        writeln!(
            err,
            "note: no event for {}: a calendar holds years 0000 to 9999 only",
            escape::line(&tasks.join(", "))
        )?;
    }
    let domain = format!("{}.plan", slug(&plan.meta.title));
    Ok(ics::calendar(
        &plan.meta.title,
        &events,
        query.as_of,
        &domain,
    ))
}

/// "Street Sex Work Report Card" -> "street-sex-work-report-card".
fn slug(text: &str) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        "plan".into()
    } else {
        words.join("-")
    }
}
