//! What the Highlight Report says of the plan's history (docs/history.md),
//! as data: per card, its tasks on hold and those withdrawn or carried
//! forward, how many of its tasks are rated, and its sponsors; for the
//! plan, the agencies and cards that have gone quiet (an accountability
//! score below `[plan] accountability_threshold`).

use crate::catalogue::Catalogue;
use crate::model::{Card, Plan, Task, TaskStatus};
use crate::query::{Query, Status, tasks_by_agency};
use chrono::NaiveDate;

/// A card's part of the history.
#[derive(Default)]
pub struct CardHistory<'p> {
    /// Tasks that count, and how many of them are rated.
    pub tasks: usize,
    pub rated: usize,
    /// "EJ-1.1 Train officers: Cabinet Member ...": the priorities' and actions' own sponsors.
    pub sponsors: Vec<String>,
    pub on_hold: Vec<(&'p Task, Status)>,
    /// Withdrawn and carried-forward tasks: out of every count, listed so
    /// the board sees what was dropped.
    pub dropped: Vec<&'p Task>,
}

/// An agency or card whose accountability score is below the threshold.
pub struct Quiet<'p> {
    /// "SWP" or "SS", and its name or title ("South Wales Police"), with
    /// the name's translations.
    pub id: &'p str,
    pub name: &'p str,
    pub translations: &'p crate::translations::Translations,
    /// A card, not an agency: said so ("card SS Safer Streets").
    pub card: bool,
    pub score: u32,
    pub days_since_update: Option<i64>,
}

pub fn card_history<'p>(card: &'p Card, query: &Query) -> CardHistory<'p> {
    let mut history = CardHistory::default();
    for task in card.all_tasks() {
        if !task.counts() {
            history.dropped.push(task);
            continue;
        }
        history.tasks += 1;
        history.rated += usize::from(task.rag.is_some());
        if task.status == TaskStatus::OnHold {
            history.on_hold.push((task, query.status(task)));
        }
    }
    for priority in &card.priorities {
        if let Some(sponsor) = &priority.sponsor {
            history.sponsors.push(format!("{}: {sponsor}", priority.id));
        }
        for action in &priority.actions {
            if let Some(sponsor) = &action.sponsor {
                history.sponsors.push(format!("{}: {sponsor}", action.id));
            }
        }
    }
    history
}

/// The agencies, then the cards, scoring below `[plan] accountability_threshold`,
/// lowest first.
pub fn quiet<'p>(plan: &'p Plan, query: &Query) -> Vec<Quiet<'p>> {
    let threshold = plan.meta.accountability_threshold;
    let mut agencies = Vec::new();
    for (agency, tasks) in plan
        .agencies
        .iter()
        .zip(tasks_by_agency(plan, plan.tasks()))
    {
        let account = query.accountability(tasks);
        if let Some(score) = account.score.filter(|s| *s < threshold) {
            agencies.push(Quiet {
                id: &agency.id,
                name: &agency.name,
                translations: &agency.translations,
                card: false,
                score,
                days_since_update: account.days_since_update,
            });
        }
    }
    let mut cards = Vec::new();
    for card in &plan.cards {
        let account = query.accountability(card.tasks());
        if let Some(score) = account.score.filter(|s| *s < threshold) {
            cards.push(Quiet {
                id: &card.id,
                name: &card.title,
                translations: &card.translations,
                card: true,
                score,
                days_since_update: account.days_since_update,
            });
        }
    }
    agencies.sort_by_key(|q| q.score);
    cards.sort_by_key(|q| q.score);
    agencies.extend(cards);
    agencies
}

/// "slipped 61 days (2 revisions)" for a task whose target was revised.
pub fn slip_text(cat: &Catalogue, task: &Task, deadline: Option<NaiveDate>) -> Option<String> {
    let (_, days) = crate::query::slipped(task, deadline);
    let revisions = task.details().due_revisions;
    days.map(|days| {
        cat.msg_with(
            "slipped",
            &[("days", days.into()), ("revisions", revisions.into())],
        )
    })
}

/// The latest correction of a task's record, with its day: "Target
/// corrected from "Oct 2012" to "Dec 2012": a misreading, not a revision
/// (2012-12-03)". A correction is no review, but the board sees it.
pub fn correction_text(task: &Task) -> Option<String> {
    let correction = task
        .updates
        .iter()
        .filter(|u| !u.is_review() && u.note.is_some())
        .max_by_key(|u| u.date)?;
    let note = correction.note.as_deref()?;
    Some(match correction.date {
        Some(day) => format!("{note} ({day})"),
        None => note.to_string(),
    })
}
