//! What the report commands share: opening the plan (and stopping on its
//! errors), the `--lead` and `--card` filters, the heading, and the
//! columns of a task row.

use crate::catalogue::Catalogue;
use crate::cli::DiagnosticFormat;
use crate::context::Context;
use crate::error::Error;
use crate::leads::Registry;
use crate::model::{AgencyIdx, Card, Lead, Plan, Task, Update};
use crate::plan_texts::PlanTexts;
use crate::query::{LeadFilter, Query, Status};
use crate::render::report::{Cell, Column, Reader, Style};
use crate::view;
use serde_json::{Value, json};
use std::io::Write;

/// Opens the plan. With errors, prints them to `err` and returns `None`:
/// the command then exits 1. Warnings do not stop a report.
pub fn open_plan(ctx: &Context, err: &mut dyn Write) -> anyhow::Result<Option<Plan>> {
    let opened = match ctx.open_valid()? {
        Ok(plan) => {
            long_after_the_end(ctx, &plan, err)?;
            return Ok(Some(plan));
        }
        Err(opened) => opened,
    };
    let errors = opened.errors();
    DiagnosticFormat::Human.render(err, &opened.sources, &errors, false)?;
    let count = crate::words::count(errors.len(), "error");
    writeln!(
        err,
        "the plan has {count}: `plan check` lists every finding; mend them, then ask again"
    )?;
    Ok(None)
}

/// A plan reported on as of today, over a year after it ended (the bundled
/// 2012–13 plan run as is), reads thousands of days overdue: one line on
/// `err` says so, with the `--as-of` to use. Not when `--as-of` was given.
fn long_after_the_end(ctx: &Context, plan: &Plan, err: &mut dyn Write) -> anyhow::Result<()> {
    let end = plan.meta.end;
    let year_after = end.checked_add_months(chrono::Months::new(12));
    if ctx.as_of_given || year_after.is_none_or(|day| ctx.as_of <= day) {
        return Ok(());
    }
    writeln!(
        err,
        "note: as of today ({}), over a year after the plan ended on {end}; to report as of a day of the plan, add --as-of {end} (or any day up to it)",
        ctx.as_of
    )?;
    Ok(())
}

pub fn style(ctx: &Context) -> Style {
    Style {
        colour: ctx.colour,
        width: ctx.width,
    }
}

/// `"<plan title>: <what> as of <day>"`, with the filter where there is one.
pub fn heading(
    cat: &Catalogue,
    plan: &Plan,
    what: &str,
    as_of: chrono::NaiveDate,
    filter: Option<String>,
) -> String {
    let day = as_of.to_string();
    let t = PlanTexts::for_catalogue(plan, cat);
    let title = t.text(&plan.meta.translations, "title", &plan.meta.title);
    let mut heading = cat.msg_with(
        "report-heading",
        &[
            ("plan", title.as_ref().into()),
            ("what", what.into()),
            ("day", day.as_str().into()),
        ],
    );
    if let Some(filter) = filter {
        heading.push_str(&format!(" ({filter})"));
    }
    heading
}

/// An agency named on the command line, by id, name or alias.
pub fn find_agency(plan: &Plan, text: &str) -> Result<AgencyIdx, Error> {
    let (registry, _) = Registry::new(&plan.agencies);
    match registry.resolve(text) {
        Some(Lead::Agency(idx)) => Ok(idx),
        Some(_) => Err(Error::ReservedWord {
            text: text.to_string(),
        }),
        None => Err(Error::NoAgency {
            text: text.to_string(),
            near: registry.suggest(text).map(|near| {
                let agency = &plan.agencies[near];
                (agency.id.clone(), agency.name.clone())
            }),
        }),
    }
}

/// A card named on the command line, by id, any case.
pub fn find_card<'p>(plan: &'p Plan, text: &str) -> Result<&'p Card, Error> {
    match plan
        .cards
        .iter()
        .find(|c| crate::model::same_id(&c.id, text.trim()))
    {
        Some(card) => Ok(card),
        None => {
            let ids = plan.cards.iter().map(|c| c.id.clone()).collect();
            Err(Error::NoCard {
                text: text.to_string(),
                ids,
            })
        }
    }
}

/// `--lead` and `--card`.
pub struct TaskFilter {
    lead: Option<LeadFilter>,
    card: Option<String>,
    /// What the filter lets through, said in the heading: (message, who).
    description: Vec<(&'static str, Who)>,
}

/// Whom a filter names, said in the report's language.
enum Who {
    Unassigned,
    Agency(AgencyIdx),
    /// A card, by its place in the plan.
    Card(usize),
}

impl TaskFilter {
    pub fn new(plan: &Plan, lead: Option<&str>, card: Option<&str>) -> Result<TaskFilter, Error> {
        let mut description = Vec::new();
        let lead = match lead {
            None => None,
            Some(text)
                if crate::leads::UNASSIGNED_WORDS
                    .contains(&crate::leads::normalise(text).as_str()) =>
            {
                description.push(("filter-lead", Who::Unassigned));
                Some(LeadFilter::unassigned(plan))
            }
            Some(text) => {
                let idx = find_agency(plan, text)?;
                description.push(("filter-lead", Who::Agency(idx)));
                Some(LeadFilter::new(plan, idx))
            }
        };
        let card = match card {
            None => None,
            Some(text) => {
                let card = find_card(plan, text)?;
                let place = plan.cards.iter().position(|c| std::ptr::eq(c, card));
                description.extend(place.map(|i| ("filter-card", Who::Card(i))));
                Some(card.id.clone())
            }
        };
        Ok(TaskFilter {
            lead,
            card,
            description,
        })
    }

    /// The filter a report's `--lead` and `--card` ask for.
    pub fn from_args(plan: &Plan, args: &crate::cli::ReportArgs) -> Result<TaskFilter, Error> {
        TaskFilter::new(plan, args.lead.as_deref(), args.card.as_deref())
    }

    pub fn matches(&self, card: &Card, task: &Task) -> bool {
        self.card.as_ref().is_none_or(|id| *id == card.id)
            && self.lead.as_ref().is_none_or(|lead| lead.matches(task))
    }

    /// "lead: SWP South Wales Police; card: EJ …", in the report's language.
    pub fn describe(&self, cat: &Catalogue, plan: &Plan) -> Option<String> {
        let t = PlanTexts::for_catalogue(plan, cat);
        let said: Vec<String> = self
            .description
            .iter()
            .map(|(key, who)| {
                let who = match *who {
                    Who::Unassigned => "TBC".to_string(),
                    Who::Agency(i) => {
                        let agency = &plan.agencies[i];
                        let name = t.text(&agency.translations, "name", &agency.name);
                        format!("{} {name}", agency.id)
                    }
                    Who::Card(i) => {
                        let card = &plan.cards[i];
                        let title = t.text(&card.translations, "title", &card.title);
                        format!("{} {title}", card.id)
                    }
                };
                cat.msg_with(key, &[("who", who.as_str().into())])
            })
            .collect();
        (!said.is_empty()).then(|| said.join("; "))
    }
}

/// The columns of a task row, in order; see [`task_row`]. The task's last
/// note is always in JSON and CSV, and in a table with `notes` (`--notes`).
pub fn task_columns(cat: &'static Catalogue, notes: bool) -> Vec<Column> {
    vec![
        Column::new("id", cat.msg("column-id")),
        Column::prose("text", cat.msg("column-task")),
        Column::new("leads", cat.msg("column-leads")),
        // The due as written for programs; for people, with the first target where it moved.
        Column::machine("due_text"),
        Column::people("due", cat.msg("column-due")).at_least(20),
        Column::machine("due_kind"),
        Column::new("deadline", cat.msg("column-deadline")),
        Column::new("state", cat.msg("column-state")),
        Column::new("days_overdue", cat.msg("column-days-overdue")),
        Column::new("rag", cat.msg("column-rag")),
        if notes {
            Column::prose("note", cat.msg("column-last-note"))
        } else {
            Column::machine("note")
        },
        // The task's history, for programs (docs/history.md).
        Column::json("status"),
        Column::json("original_deadline"),
        Column::json("due_revisions"),
        Column::json("days_slipped"),
        Column::json("last_update"),
    ]
}

/// Which cells of a row to make.
#[derive(Clone, Copy)]
pub enum Wanted<'c> {
    /// Every one: the row is kept, for whichever format prints it.
    All,
    /// Those of the columns this reader sees (a row made as it is printed):
    /// the rest are left [`Cell::Empty`], unmade.
    SeenBy(&'c [Column], Reader),
}

impl Wanted<'_> {
    fn wants(self, column: usize) -> bool {
        match self {
            Wanted::All => true,
            Wanted::SeenBy(columns, reader) => {
                columns.get(column).is_some_and(|c| c.seen_by(reader))
            }
        }
    }
}

/// A task's row of [`task_columns`]: the cells `wanted`, in column order.
pub fn task_row(
    cat: &'static Catalogue,
    plan: &Plan,
    task: &Task,
    status: &Status,
    wanted: Wanted,
) -> Vec<Cell> {
    let (original, slipped) = crate::query::slipped(task, status.deadline);
    let t = PlanTexts::for_catalogue(plan, cat);
    let makers: [&dyn Fn() -> Cell; 16] = [
        &|| Cell::text(&task.id),
        &|| t.cell(&task.translations, "text", &task.text),
        &|| Cell::List(plan.lead_ids(task)),
        &|| Cell::opt_text(task.due_text.as_deref()),
        &|| due_for_people(cat, plan, task, slipped),
        &|| Cell::text(task.target.kind()),
        &|| Cell::Date(status.deadline),
        &|| view::state_cell(cat, status.state),
        &|| Cell::opt_int(status.days_overdue),
        &|| view::rag(cat, task.rag),
        &|| t.note_cell(task),
        &|| Cell::text(task.status.as_str()),
        &|| Cell::Date(original),
        &|| Cell::Int(i64::from(task.details().due_revisions)),
        &|| Cell::opt_int(slipped),
        &|| {
            Cell::Json(
                task.last_update()
                    .map_or(Value::Null, |u| update_json(plan, u)),
            )
        },
    ];
    let mut row = Vec::with_capacity(makers.len() + 4);
    for (i, make) in makers.iter().enumerate() {
        row.push(if wanted.wants(i) { make() } else { Cell::Empty });
    }
    row
}

/// "Dec 2012 (first Oct 2012; slipped 61 days)": the due, and where the
/// target was revised, the first one and how far it slipped.
fn due_for_people(cat: &Catalogue, plan: &Plan, task: &Task, slipped: Option<i64>) -> Cell {
    match (plan.due_words(task), &task.details().original_due, slipped) {
        (Some(due), Some(first), Some(days)) => Cell::text(cat.msg_with(
            "due-slipped",
            &[
                ("due", (&*due).into()),
                ("first", first.into()),
                ("days", days.into()),
            ],
        )),
        (due, _, _) => Cell::opt_text(due.as_deref()),
    }
}

/// An entry of a task's update history as JSON: date, rag, note, by (an
/// agency id), evidence, sheet (the return sheet and row it came from) and
/// kind (review or correction).
pub fn update_json(plan: &Plan, update: &Update) -> Value {
    json!({
        "date": update.date.map(|d| d.to_string()),
        "rag": update.rag.map(|r| r.as_str()),
        "note": update.note,
        "by": update.by.map(|i| plan.agencies[i].id.clone()),
        "evidence": update.evidence,
        "sheet": update.sheet,
        "kind": update.kind.as_str(),
    })
}

/// Every task the filter lets through, with its status.
pub fn filtered<'p>(
    plan: &'p Plan,
    query: &Query,
    filter: &TaskFilter,
) -> Vec<(&'p Card, &'p Task, Status)> {
    plan.task_paths()
        .filter(|(card, _, _, task)| filter.matches(card, task))
        .map(|(card, _, _, task)| (card, task, query.status(task)))
        .collect()
}
