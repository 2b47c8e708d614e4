//! What `plan show` says about each kind of thing: finding the thing an id
//! names, then one small view per kind, each a list of fields.

use crate::catalogue::Arg;
use crate::catalogue::Catalogue;
use crate::dates::TargetDate;
use crate::leads::Registry;
use crate::model::{Action, AgencyIdx, Card, Lead, Measure, Plan, Priority, Recommendation, Task};
use crate::plan_texts::PlanTexts;
use crate::query::{LeadFilter, Query, RagCounts, delivering, sponsor_of, sponsored_by};
use crate::render::number::number;
use crate::render::report::Cell;
use crate::translations::{Picked, Translations};
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
    let t = PlanTexts::for_catalogue(plan, cat);
    match found {
        Found::Task(c, p, a, task_) => {
            (cat.msg("show-task"), task(cat, plan, query, c, p, a, task_))
        }
        Found::Action(c, p, a) => (cat.msg("show-action"), action(cat, t, c, p, a)),
        Found::Priority(c, p) => (cat.msg("show-priority"), priority(cat, t, c, p)),
        Found::Card(c) => (cat.msg("show-card"), card(cat, t, c)),
        Found::Recommendation(r) => (cat.msg("show-recommendation"), recommendation(cat, plan, r)),
        Found::Measure(m) => (cat.msg("show-measure"), measure(cat, plan, m)),
        Found::Agency(idx) => (cat.msg("show-agency"), agency(cat, plan, idx)),
    }
}

fn rag_of(cat: &'static Catalogue, tasks: &[&Task]) -> Cell {
    view::rollup(cat, &RagCounts::of(tasks.iter().map(|t| t.rag)))
}

/// What a roll-up rests on: "2 of 19 tasks rated".
fn rated_of(cat: &Catalogue, tasks: &[&Task]) -> Cell {
    let counts = RagCounts::of(tasks.iter().map(|t| t.rag));
    Cell::text(cat.msg_with(
        "rated-basis",
        &[
            ("rated", counts.rated().into()),
            ("total", counts.total().into()),
        ],
    ))
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

/// Titles after their ids ("EJ-1.1 Map the routes"), one a line: for
/// people in the reader's language, for programs as written.
fn titled_lines<'a>(
    t: PlanTexts,
    items: impl Iterator<Item = (&'a str, &'a Translations, &'a str)>,
) -> Cell {
    let (mut shown, mut written) = (Vec::new(), Vec::new());
    for (id, translations, title) in items {
        shown.push(format!("{id} {}", t.text(translations, "title", title)));
        written.push(format!("{id} {title}"));
    }
    match written.is_empty() {
        true => Cell::Empty,
        false => t.composed(shown.join("\n"), written.join("\n"), None),
    }
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
    let t = PlanTexts::for_catalogue(plan, cat);
    vec![
        ("id", cat.msg("field-task"), Cell::text(&task.id)),
        (
            "ref",
            cat.msg("field-ref"),
            Cell::opt_text(task.details().reference.as_deref()),
        ),
        (
            "text",
            cat.msg("field-text"),
            t.cell(&task.translations, "text", &task.text),
        ),
    ]
    .into_iter()
    .chain(place(cat, t, card, priority, action))
    .chain([
        (
            "leads",
            cat.msg("field-leads"),
            Cell::List(plan.lead_ids(task)),
        ),
        (
            "lead_names",
            cat.msg("field-lead-names"),
            Cell::List(lead_names(cat, plan, task)),
        ),
        (
            "due_text",
            cat.msg("field-due"),
            Cell::opt_text(task.due_text.as_deref()),
        ),
        (
            "read_as",
            cat.msg("field-read-as"),
            Cell::text(read_as(cat, plan, task, status.deadline)),
        ),
        (
            "deadline",
            cat.msg("field-deadline"),
            Cell::Date(status.deadline),
        ),
        (
            "state",
            cat.msg("field-state"),
            view::state_cell(cat, status.state),
        ),
        (
            "days_overdue",
            cat.msg("field-days-overdue"),
            Cell::opt_int(status.days_overdue),
        ),
        ("rag", cat.msg("field-rag"), view::rag(cat, task.rag)),
        ("done", cat.msg("field-done"), Cell::Date(task.done)),
        (
            "updated",
            cat.msg("field-last-review"),
            Cell::Date(task.updated),
        ),
        (
            "resources",
            cat.msg("field-resources"),
            Cell::opt_text(task.resources.as_deref()),
        ),
        ("note", cat.msg("field-note"), latest_words(plan, t, task)),
    ])
    .chain(super::history::fields(
        cat,
        plan,
        task,
        &status,
        sponsor_of(card, priority, action),
    ))
    .collect()
}

/// The card an item is in: its id and title.
fn card_field(cat: &'static Catalogue, t: PlanTexts, card: &Card) -> Field {
    (
        "card",
        cat.msg("field-card"),
        t.cell_after(&card.id, &card.translations, "title", &card.title),
    )
}

/// The priority an item is in: its id and "We will ...".
fn priority_field(cat: &'static Catalogue, t: PlanTexts, priority: &Priority) -> Field {
    (
        "priority",
        cat.msg("field-we-will"),
        t.cell_after(
            &priority.id,
            &priority.translations,
            "title",
            &priority.title,
        ),
    )
}

/// Where a task is: its card, priority and action, each titled.
fn place(
    cat: &'static Catalogue,
    t: PlanTexts,
    card: &Card,
    priority: &Priority,
    action: &Action,
) -> [Field; 3] {
    [
        card_field(cat, t, card),
        priority_field(cat, t, priority),
        (
            "action",
            cat.msg("field-action"),
            t.cell_after(&action.id, &action.translations, "title", &action.title),
        ),
    ]
}

/// The task's latest note, in the reader's language; co-leads' words,
/// side by side, as written.
fn latest_words(plan: &Plan, t: PlanTexts, task: &Task) -> Cell {
    match crate::query::latest_words(plan, task) {
        Some(words) if task.note() == Some(words.as_str()) => t.note_cell(task),
        words => Cell::opt_text(words.as_deref()),
    }
}

/// The names of a task's leads: "Safer Wales StreetLife", "TBC (no lead yet)".
fn lead_names(cat: &Catalogue, plan: &Plan, task: &Task) -> Vec<String> {
    let t = PlanTexts::for_catalogue(plan, cat);
    task.leads
        .iter()
        .map(|lead| match lead {
            Lead::Agency(i) => {
                let agency = &plan.agencies[*i];
                t.text(&agency.translations, "name", &agency.name)
                    .into_owned()
            }
            Lead::Unassigned(word) => {
                cat.msg_with("lead-unassigned", &[("word", word.as_str().into())])
            }
            Lead::All => cat.msg("lead-all").into(),
        })
        .collect()
}

/// How the target date was read: what a coordinator checks a guess against.
/// A span ("6 months") is the plan's own words, as written.
fn read_as(
    cat: &Catalogue,
    plan: &Plan,
    task: &Task,
    deadline: Option<chrono::NaiveDate>,
) -> String {
    let by = |day: Option<chrono::NaiveDate>| {
        day.map_or(cat.msg("read-not-yet-known").into(), |d| d.to_string())
    };
    let say = |key, args: &[(&str, &str)]| {
        let args: Vec<(&str, Arg)> = args.iter().map(|(k, v)| (*k, Arg::Text(v))).collect();
        cat.msg_with(key, &args)
    };
    let day = |d: chrono::NaiveDate| d.to_string();
    match &task.target {
        TargetDate::Unset => cat.msg("read-unset").into(),
        TargetDate::Ongoing => cat.msg("read-ongoing").into(),
        TargetDate::OngoingFrom(from) => say("read-ongoing-from", &[("from", &day(*from))]),
        TargetDate::Dated(i) if i.from == i.to => say("read-due-by", &[("to", &day(i.to))]),
        TargetDate::Dated(i) => say(
            "read-span-due-by",
            &[("from", &day(i.from)), ("to", &day(i.to))],
        ),
        TargetDate::MilestoneThenOngoing(i) => {
            say("read-due-by-then-ongoing", &[("to", &day(i.to))])
        }
        TargetDate::Recurring(_) => say("read-recurring", &[("day", &by(deadline))]),
        TargetDate::After { span, task: first } => say(
            "read-after-task",
            &[
                ("span", &span.to_string()),
                ("first", first),
                ("day", &by(deadline)),
            ],
        ),
        TargetDate::AfterEvent { span, event } => {
            let t = PlanTexts::for_catalogue(plan, cat);
            let title = plan
                .events
                .iter()
                .find(|e| e.id == *event)
                .map_or(event.as_str().into(), |e| {
                    t.text(&e.translations, "title", &e.title)
                });
            let title = &*title;
            let span = span.to_string();
            let known = [("span", span.as_str()), ("event", event), ("title", title)];
            match deadline {
                Some(d) => say(
                    "read-after-event",
                    &[known[0], known[1], known[2], ("day", &day(d))],
                ),
                None => say("read-after-event-undated", &known),
            }
        }
    }
}

fn action(
    cat: &'static Catalogue,
    t: PlanTexts,
    card: &Card,
    priority: &Priority,
    action: &Action,
) -> Vec<Field> {
    let tasks: Vec<&Task> = action.tasks.iter().filter(|t| t.counts()).collect();
    vec![
        ("id", cat.msg("field-action"), Cell::text(&action.id)),
        (
            "title",
            cat.msg("field-title"),
            t.cell(&action.translations, "title", &action.title),
        ),
        card_field(cat, t, card),
        priority_field(cat, t, priority),
        ("tasks", cat.msg("field-tasks"), ids(&tasks)),
        ("rag", cat.msg("field-rag"), rag_of(cat, &tasks)),
        (
            "sponsor",
            cat.msg("field-sponsor"),
            Cell::opt_text(action.sponsor.as_deref()),
        ),
        ("rated", cat.msg("field-rated"), rated_of(cat, &tasks)),
    ]
}

fn priority(cat: &'static Catalogue, t: PlanTexts, card: &Card, priority: &Priority) -> Vec<Field> {
    let tasks: Vec<&Task> = priority.tasks().collect();
    let actions = titled_lines(
        t,
        priority
            .actions
            .iter()
            .map(|a| (&*a.id, &a.translations, &*a.title)),
    );
    vec![
        ("id", cat.msg("field-priority"), Cell::text(&priority.id)),
        (
            "title",
            cat.msg("field-we-will"),
            t.cell(&priority.translations, "title", &priority.title),
        ),
        card_field(cat, t, card),
        ("actions", cat.msg("field-actions"), actions),
        ("tasks", cat.msg("field-tasks"), ids(&tasks)),
        ("rag", cat.msg("field-rag"), rag_of(cat, &tasks)),
        (
            "sponsor",
            cat.msg("field-sponsor"),
            Cell::opt_text(priority.sponsor.as_deref()),
        ),
        ("rated", cat.msg("field-rated"), rated_of(cat, &tasks)),
    ]
}

fn card(cat: &'static Catalogue, t: PlanTexts, card: &Card) -> Vec<Field> {
    let tasks: Vec<&Task> = card.tasks().collect();
    let priorities = titled_lines(
        t,
        card.priorities
            .iter()
            .map(|p| (&*p.id, &p.translations, &*p.title)),
    );
    let story = card.story.as_deref().map(str::trim);
    vec![
        ("id", cat.msg("field-card"), Cell::text(&card.id)),
        (
            "title",
            cat.msg("field-title"),
            t.cell(&card.translations, "title", &card.title),
        ),
        (
            "outcomes",
            cat.msg("field-outcomes"),
            t.lines_cell(&card.translations, "outcomes", &card.outcomes),
        ),
        (
            "area",
            cat.msg("field-area"),
            Cell::opt_text(card.area.as_deref()),
        ),
        (
            "measures",
            cat.msg("field-measures"),
            Cell::List(card.measures.clone()),
        ),
        (
            "main_actions",
            cat.msg("field-main-actions"),
            t.lines_cell(&card.translations, "main_actions", &card.main_actions),
        ),
        (
            "story",
            cat.msg("field-story-behind-the-curve"),
            story.map_or(Cell::Empty, |story| story_cell(t, card, story)),
        ),
        (
            "challenges",
            cat.msg("field-challenges"),
            t.lines_cell(&card.translations, "challenges", &card.challenges),
        ),
        ("priorities", cat.msg("field-we-will"), priorities),
        (
            "tasks",
            cat.msg("field-tasks"),
            Cell::Int(tasks.len() as i64),
        ),
        ("rag", cat.msg("field-rag"), rag_of(cat, &tasks)),
        (
            "sponsor",
            cat.msg("field-sponsor"),
            Cell::opt_text(card.sponsor.as_deref()),
        ),
        ("rated", cat.msg("field-rated"), rated_of(cat, &tasks)),
    ]
}

/// The story behind the curve, trimmed, in the reader's language.
fn story_cell(t: PlanTexts, card: &Card, story: &str) -> Cell {
    let picked = t.pick(&card.translations, "story", story);
    let trimmed = Picked {
        text: picked.text.trim(),
        ..picked
    };
    t.picked_cell(trimmed, story)
}

fn recommendation(cat: &'static Catalogue, plan: &Plan, rec: &Recommendation) -> Vec<Field> {
    let tasks = delivering(plan, &rec.actions);
    let t = PlanTexts::for_catalogue(plan, cat);
    vec![
        ("id", cat.msg("field-recommendation"), Cell::text(&rec.id)),
        (
            "text",
            cat.msg("field-text"),
            t.cell(&rec.translations, "text", &rec.text),
        ),
        (
            "response",
            cat.msg("field-response"),
            view::response_cell(cat, rec.response),
        ),
        (
            "response_text",
            cat.msg("field-cabinet-response"),
            match rec.response_text.as_deref() {
                Some(text) => t.cell(&rec.translations, "response_text", text),
                None => Cell::Empty,
            },
        ),
        (
            "owner",
            cat.msg("field-owner"),
            Cell::opt_text(rec.owner.as_deref()),
        ),
        (
            "actions",
            cat.msg("field-actions"),
            Cell::List(rec.actions.clone()),
        ),
        ("tasks", cat.msg("field-tasks"), ids(&tasks)),
        ("rag", cat.msg("field-rag"), rag_of(cat, &tasks)),
        ("rated", cat.msg("field-rated"), rated_of(cat, &tasks)),
    ]
}

fn measure(cat: &'static Catalogue, plan: &Plan, measure: &Measure) -> Vec<Field> {
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
        ("id", cat.msg("field-measure"), Cell::text(&measure.id)),
        (
            "title",
            cat.msg("field-title"),
            PlanTexts::for_catalogue(plan, cat).cell(
                &measure.translations,
                "title",
                &measure.title,
            ),
        ),
        (
            "better",
            cat.msg("field-better"),
            Cell::Word {
                shown: match measure.better {
                    crate::model::Better::Higher => cat.msg("better-higher"),
                    crate::model::Better::Lower => cat.msg("better-lower"),
                },
                machine: measure.better.as_str(),
            },
        ),
        (
            "unit",
            cat.msg("field-unit"),
            Cell::opt_text(measure.unit.as_deref()),
        ),
        ("values", cat.msg("field-values"), lines(&values)),
        (
            "target",
            cat.msg("field-target"),
            Cell::opt_text(target.as_deref()),
        ),
        (
            "cards",
            cat.msg("field-cards"),
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
        ("id", cat.msg("field-agency"), Cell::text(&agency.id)),
        (
            "name",
            cat.msg("field-name"),
            PlanTexts::for_catalogue(plan, cat).cell(&agency.translations, "name", &agency.name),
        ),
        (
            "kind",
            cat.msg("field-kind"),
            view::kind_cell(cat, agency.kind),
        ),
        (
            "aliases",
            cat.msg("field-aliases"),
            Cell::List(agency.aliases.clone()),
        ),
        ("part_of", cat.msg("field-part-of"), Cell::opt_text(part_of)),
        ("tasks", cat.msg("field-tasks"), ids(&tasks)),
        ("rag", cat.msg("field-rag"), rag_of(cat, &tasks)),
        (
            "sponsor_of",
            cat.msg("field-sponsor-of"),
            lines(&sponsored_by(plan, idx)),
        ),
        ("rated", cat.msg("field-rated"), rated_of(cat, &tasks)),
    ]
}
