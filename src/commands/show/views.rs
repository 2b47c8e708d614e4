//! What `plan show` says about each kind of thing: finding the thing an id
//! names, then one small view per kind, each a list of fields.

use crate::catalogue::Catalogue;
use crate::dates::TargetDate;
use crate::leads::Registry;
use crate::model::{Action, AgencyIdx, Card, Lead, Measure, Plan, Priority, Recommendation, Task};
use crate::query::{LeadFilter, Query, RagCounts, delivering, sponsor_of, sponsored_by};
use crate::render::number::number;
use crate::render::report::Cell;
use crate::view;

pub use super::history::Field;

/// The thing an id names, with what it belongs to.
pub enum Found<'p> {
    Task(&'p Card, &'p Priority, &'p Action, &'p Task),
    Action(&'p Card, &'p Priority, &'p Action),
    Priority(&'p Card, &'p Priority),
    Card(&'p Card),
    Recommendation(&'p Recommendation),
    Measure(&'p Measure),
    Agency(AgencyIdx),
}

/// The thing `id` names (any case): a task, action, priority, card,
/// recommendation, measure or agency (by id, name or alias).
pub fn find<'p>(plan: &'p Plan, id: &str) -> Option<Found<'p>> {
    let same = |a: &str| crate::model::same_id(a, id);
    if let Some((c, p, a, t)) = plan.all_task_paths().find(|(_, _, _, t)| same(&t.id)) {
        return Some(Found::Task(c, p, a, t));
    }
    for card in &plan.cards {
        for priority in &card.priorities {
            if let Some(action) = priority.actions.iter().find(|a| same(&a.id)) {
                return Some(Found::Action(card, priority, action));
            }
            if same(&priority.id) {
                return Some(Found::Priority(card, priority));
            }
        }
        if same(&card.id) {
            return Some(Found::Card(card));
        }
    }
    if let Some(rec) = plan.recommendations.iter().find(|r| same(&r.id)) {
        return Some(Found::Recommendation(rec));
    }
    if let Some(measure) = plan.measures.iter().find(|m| same(&m.id)) {
        return Some(Found::Measure(measure));
    }
    match Registry::new(&plan.agencies).0.resolve(id) {
        Some(Lead::Agency(idx)) => Some(Found::Agency(idx)),
        _ => None,
    }
}

/// What kind of thing it is, and its fields.
pub fn view(
    cat: &'static Catalogue,
    plan: &Plan,
    query: &Query,
    found: Found,
) -> (&'static str, Vec<Field>) {
    match found {
        Found::Task(c, p, a, t) => (cat.msg("show-task"), task(cat, plan, query, c, p, a, t)),
        Found::Action(c, p, a) => (cat.msg("show-action"), action(cat, c, p, a)),
        Found::Priority(c, p) => (cat.msg("show-priority"), priority(cat, c, p)),
        Found::Card(c) => (cat.msg("show-card"), card(cat, c)),
        Found::Recommendation(r) => (
            cat.msg("show-recommendation"),
            recommendation(cat, plan, r),
        ),
        Found::Measure(m) => (cat.msg("show-measure"), measure(plan, m)),
        Found::Agency(idx) => (cat.msg("show-agency"), agency(cat, plan, idx)),
    }
}

fn rag_of(cat: &'static Catalogue, tasks: &[&Task]) -> Cell {
    view::rollup(cat, &RagCounts::of(tasks.iter().map(|t| t.rag)))
}

/// What a roll-up rests on: "2 of 19 tasks rated".
fn rated_of(tasks: &[&Task]) -> Cell {
    Cell::text(RagCounts::of(tasks.iter().map(|t| t.rag)).basis())
}

fn ids(tasks: &[&Task]) -> Cell {
    Cell::List(tasks.iter().map(|t| t.id.clone()).collect())
}

/// Lines of text, one a line; nothing when there are none.
fn lines(items: &[String]) -> Cell {
    if items.is_empty() {
        Cell::Empty
    } else {
        Cell::text(items.join("\n"))
    }
}

fn titled(id: &str, title: &str) -> Cell {
    Cell::text(format!("{id} {title}"))
}

#[allow(clippy::too_many_arguments)]
fn task(
    cat: &'static Catalogue,
    plan: &Plan,
    query: &Query,
    card: &Card,
    priority: &Priority,
    action: &Action,
    task: &Task,
) -> Vec<Field> {
    let status = query.status(task);
    let lead_names = task
        .leads
        .iter()
        .map(|lead| match lead {
            Lead::Agency(i) => plan.agencies[*i].name.clone(),
            Lead::Unassigned(word) => format!("{} (no lead yet)", word.as_str()),
            Lead::All => "every partner organisation".into(),
        })
        .collect();
    vec![
        ("id", "Task", Cell::text(&task.id)),
        (
            "ref",
            "Ref",
            Cell::opt_text(task.details().reference.as_deref()),
        ),
        ("text", "Text", Cell::text(&task.text)),
        ("card", "Card", titled(&card.id, &card.title)),
        ("priority", "We will", titled(&priority.id, &priority.title)),
        ("action", "Action", titled(&action.id, &action.title)),
        ("leads", "Leads", Cell::List(plan.lead_ids(task))),
        ("lead_names", "Lead names", Cell::List(lead_names)),
        ("due_text", "Due", Cell::opt_text(task.due_text.as_deref())),
        (
            "read_as",
            "Read as",
            Cell::text(read_as(plan, task, status.deadline)),
        ),
        ("deadline", "Deadline", Cell::Date(status.deadline)),
        ("state", "State", view::state_cell(cat, status.state)),
        (
            "days_overdue",
            "Days overdue",
            Cell::opt_int(status.days_overdue),
        ),
        ("rag", "RAG", view::rag(cat, task.rag)),
        ("done", "Done", Cell::Date(task.done)),
        ("updated", "Last review", Cell::Date(task.updated)),
        (
            "resources",
            "Resources",
            Cell::opt_text(task.resources.as_deref()),
        ),
        (
            "note",
            "Note",
            Cell::opt_text(crate::query::latest_words(plan, task).as_deref()),
        ),
    ]
    .into_iter()
    .chain(super::history::fields(
        plan,
        task,
        &status,
        sponsor_of(card, priority, action),
    ))
    .collect()
}

/// How the target date was read: what a coordinator checks a guess against.
fn read_as(plan: &Plan, task: &Task, deadline: Option<chrono::NaiveDate>) -> String {
    let by = |day: Option<chrono::NaiveDate>| day.map_or("not yet known".into(), |d| d.to_string());
    match &task.target {
        TargetDate::Unset => "no target date yet".into(),
        TargetDate::Ongoing => "ongoing: never overdue, stale when not reviewed".into(),
        TargetDate::OngoingFrom(from) => format!("ongoing from {from}"),
        TargetDate::Dated(i) if i.from == i.to => format!("due by {}", i.to),
        TargetDate::Dated(i) => format!("{} to {}: due by {}", i.from, i.to, i.to),
        TargetDate::MilestoneThenOngoing(i) => format!("due by {}, then ongoing", i.to),
        TargetDate::Recurring(_) => format!("recurring; the occurrence judged: {}", by(deadline)),
        TargetDate::After { span, task: first } => {
            format!("{span} after {first} is done: due by {}", by(deadline))
        }
        TargetDate::AfterEvent { span, event } => {
            let title = plan
                .events
                .iter()
                .find(|e| e.id == *event)
                .map_or(event.as_str(), |e| e.title.as_str());
            match deadline {
                Some(day) => format!("{span} after the event {event} ({title}): due by {day}"),
                None => format!("{span} after the event {event} ({title}), which has no date yet"),
            }
        }
    }
}

fn action(cat: &'static Catalogue, card: &Card, priority: &Priority, action: &Action) -> Vec<Field> {
    let tasks: Vec<&Task> = action.tasks.iter().filter(|t| t.counts()).collect();
    vec![
        ("id", "Action", Cell::text(&action.id)),
        ("title", "Title", Cell::text(&action.title)),
        ("card", "Card", titled(&card.id, &card.title)),
        ("priority", "We will", titled(&priority.id, &priority.title)),
        ("tasks", "Tasks", ids(&tasks)),
        ("rag", "RAG", rag_of(cat, &tasks)),
        (
            "sponsor",
            "Sponsor",
            Cell::opt_text(action.sponsor.as_deref()),
        ),
        ("rated", "Rated", rated_of(&tasks)),
    ]
}

fn priority(cat: &'static Catalogue, card: &Card, priority: &Priority) -> Vec<Field> {
    let tasks: Vec<&Task> = priority.tasks().collect();
    let actions: Vec<String> = priority
        .actions
        .iter()
        .map(|a| format!("{} {}", a.id, a.title))
        .collect();
    vec![
        ("id", "Priority", Cell::text(&priority.id)),
        ("title", "We will", Cell::text(&priority.title)),
        ("card", "Card", titled(&card.id, &card.title)),
        ("actions", "Actions", lines(&actions)),
        ("tasks", "Tasks", ids(&tasks)),
        ("rag", "RAG", rag_of(cat, &tasks)),
        (
            "sponsor",
            "Sponsor",
            Cell::opt_text(priority.sponsor.as_deref()),
        ),
        ("rated", "Rated", rated_of(&tasks)),
    ]
}

fn card(cat: &'static Catalogue, card: &Card) -> Vec<Field> {
    let tasks: Vec<&Task> = card.tasks().collect();
    let priorities: Vec<String> = card
        .priorities
        .iter()
        .map(|p| format!("{} {}", p.id, p.title))
        .collect();
    let story = card.story.as_deref().map(str::trim);
    vec![
        ("id", "Card", Cell::text(&card.id)),
        ("title", "Title", Cell::text(&card.title)),
        ("outcomes", "Outcomes", lines(&card.outcomes)),
        ("area", "Area", Cell::opt_text(card.area.as_deref())),
        ("measures", "Measures", Cell::List(card.measures.clone())),
        ("main_actions", "Main actions", lines(&card.main_actions)),
        ("story", "Story behind the curve", Cell::opt_text(story)),
        ("challenges", "Challenges", lines(&card.challenges)),
        ("priorities", "We will", lines(&priorities)),
        ("tasks", "Tasks", Cell::Int(tasks.len() as i64)),
        ("rag", "RAG", rag_of(cat, &tasks)),
        (
            "sponsor",
            "Sponsor",
            Cell::opt_text(card.sponsor.as_deref()),
        ),
        ("rated", "Rated", rated_of(&tasks)),
    ]
}

fn recommendation(cat: &'static Catalogue, plan: &Plan, rec: &Recommendation) -> Vec<Field> {
    let tasks = delivering(plan, &rec.actions);
    vec![
        ("id", "Recommendation", Cell::text(&rec.id)),
        ("text", "Text", Cell::text(&rec.text)),
        ("response", "Response", view::response_cell(cat, rec.response)),
        (
            "response_text",
            "Cabinet response",
            Cell::opt_text(rec.response_text.as_deref()),
        ),
        ("owner", "Owner", Cell::opt_text(rec.owner.as_deref())),
        ("actions", "Actions", Cell::List(rec.actions.clone())),
        ("tasks", "Tasks", ids(&tasks)),
        ("rag", "RAG", rag_of(cat, &tasks)),
        ("rated", "Rated", rated_of(&tasks)),
    ]
}

fn measure(plan: &Plan, measure: &Measure) -> Vec<Field> {
    let values: Vec<String> = measure
        .values
        .iter()
        .map(|v| format!("{}: {}", v.period, number(v.value)))
        .collect();
    let target = measure
        .target
        .as_ref()
        .map(|t| format!("{}: {}", t.period, number(t.value)));
    vec![
        ("id", "Measure", Cell::text(&measure.id)),
        ("title", "Title", Cell::text(&measure.title)),
        ("better", "Better", Cell::text(measure.better.as_str())),
        ("unit", "Unit", Cell::opt_text(measure.unit.as_deref())),
        ("values", "Values", lines(&values)),
        ("target", "Target", Cell::opt_text(target.as_deref())),
        (
            "cards",
            "Cards",
            Cell::List(plan.cards_listing(&measure.id)),
        ),
    ]
}

fn agency(cat: &'static Catalogue, plan: &Plan, idx: AgencyIdx) -> Vec<Field> {
    let agency = &plan.agencies[idx];
    let lead = LeadFilter::new(plan, idx);
    let tasks: Vec<&Task> = plan.tasks().filter(|t| lead.matches(t)).collect();
    let part_of = agency.part_of.map(|p| plan.agencies[p].id.as_str());
    vec![
        ("id", "Agency", Cell::text(&agency.id)),
        ("name", "Name", Cell::text(&agency.name)),
        ("kind", "Kind", view::kind_cell(cat, agency.kind)),
        ("aliases", "Aliases", Cell::List(agency.aliases.clone())),
        ("part_of", "Part of", Cell::opt_text(part_of)),
        ("tasks", "Tasks", ids(&tasks)),
        ("rag", "RAG", rag_of(cat, &tasks)),
        ("sponsor_of", "Sponsor of", lines(&sponsored_by(plan, idx))),
        ("rated", "Rated", rated_of(&tasks)),
    ]
}
