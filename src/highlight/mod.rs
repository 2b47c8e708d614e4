//! The quarterly Highlight Report for the Partnership Board, as data: the
//! headline figures, per card its RAG roll-up and the change since the
//! previous quarter, what was completed in the quarter, every task overdue
//! on the report's day (those that became overdue in the quarter and those
//! still overdue from earlier ones), the tasks rated on track yet overdue,
//! the red and amber tasks, the measures, and the recommendations'
//! progress. Pure: the plan (and, where git has it, the plan as it stood at
//! the end of the previous quarter) in; the renderers in
//! `render/highlight.rs` print it.

pub mod history;
pub mod history_layout;
pub mod layout;

use crate::catalogue::Catalogue;
use crate::dates::Quarter;
use crate::model::{Card, Measure, Plan, Rag, Recommendation, Task};
use crate::query::{Query, RagCounts, State, Status, delivering, rollup};
use chrono::NaiveDate;

pub struct Highlight<'p> {
    pub plan: &'p Plan,
    pub quarter: Quarter,
    pub as_of: NaiveDate,
    pub headline: Headline,
    pub cards: Vec<CardSection<'p>>,
    pub recommendations: Vec<RecommendationLine<'p>>,
    /// Where the previous quarter's RAG came from, said once for all cards.
    pub history: History,
    /// The agencies and cards that have gone quiet (src/highlight/history.rs).
    pub quiet: Vec<crate::highlight::history::Quiet<'p>>,
}

/// The plan as it stood at the end of the previous quarter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum History {
    /// Read from git at this commit, of this day.
    Commit { id: String, day: NaiveDate },
    /// The plan is not in a git repository.
    NotInGit,
    /// The repository has no commit from before the previous quarter ended.
    NoCommitBefore(NaiveDate),
    /// The plan as committed then had errors, so it is not compared.
    HadErrors {
        id: String,
        day: NaiveDate,
        errors: usize,
    },
    /// git is not installed here.
    NoGit,
    /// git failed otherwise (a repository owned by another user, a damaged
    /// one): what it said.
    GitFailed(String),
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Headline {
    pub tasks: usize,
    pub rag: RagCounts,
    pub overdue: usize,
    pub stale: usize,
    pub waiting: usize,
    pub completed_in_quarter: usize,
    pub became_overdue_in_quarter: usize,
    pub recommendations: usize,
    pub accepted: usize,
    /// Accepted (or partially) recommendations with actions that deliver them.
    pub tracked: usize,
}

pub struct CardSection<'p> {
    pub card: &'p Card,
    pub rag: Option<Rag>,
    /// The card's tasks by RAG: what its roll-up rests on.
    pub counts: RagCounts,
    /// `Some(rag)` when the previous quarter is known (`Some(None)`: not rated then).
    pub previous_rag: Option<Option<Rag>>,
    pub completed: Vec<TaskLine<'p>>,
    pub became_overdue: Vec<TaskLine<'p>>,
    /// Overdue since before the quarter began.
    pub still_overdue: Vec<TaskLine<'p>>,
    /// Rated green or amber, yet past their deadline: a contradiction.
    pub rated_but_overdue: Vec<TaskLine<'p>>,
    pub red_and_amber: Vec<TaskLine<'p>>,
    pub measures: Vec<&'p Measure>,
    /// Its tasks on hold, dropped and rated, and its sponsors (src/highlight/history.rs).
    pub story: crate::highlight::history::CardHistory<'p>,
}

pub struct TaskLine<'p> {
    pub task: &'p Task,
    pub leads: Vec<String>,
    pub status: Status,
    /// Each co-lead's latest word, or its latest note (`query::latest_words`).
    pub words: Option<String>,
}

pub struct RecommendationLine<'p> {
    pub recommendation: &'p Recommendation,
    pub tasks: usize,
    pub done: usize,
    pub overdue: usize,
    pub rag: Option<Rag>,
    /// What the roll-up rests on.
    pub counts: RagCounts,
}

/// Builds the report of `quarter`, judged on `as_of`; `previous` is the plan
/// at the end of the previous quarter, where history has it.
pub fn build<'p>(
    plan: &'p Plan,
    quarter: Quarter,
    as_of: NaiveDate,
    previous: Option<&Plan>,
    history: History,
) -> Highlight<'p> {
    let query = Query::new(plan, as_of);
    let mut headline = Headline::default();
    let cards: Vec<CardSection> = plan
        .cards
        .iter()
        .map(|card| card_section(plan, card, &query, &quarter, previous, &mut headline))
        .collect();
    let recommendations = recommendation_lines(plan, &query);
    headline.recommendations = recommendations.len();
    let delivers = |r: &&RecommendationLine| r.recommendation.response.delivers();
    headline.accepted = recommendations.iter().filter(delivers).count();
    headline.tracked = recommendations
        .iter()
        .filter(delivers)
        .filter(|r| !r.recommendation.actions.is_empty())
        .count();

    Highlight {
        plan,
        quarter,
        as_of,
        headline,
        cards,
        recommendations,
        history,
        quiet: crate::highlight::history::quiet(plan, &query),
    }
}

/// One card's section, counting its tasks into the headline as it goes.
fn card_section<'p>(
    plan: &'p Plan,
    card: &'p Card,
    query: &Query,
    quarter: &Quarter,
    previous: Option<&Plan>,
    headline: &mut Headline,
) -> CardSection<'p> {
    let in_quarter = |day: NaiveDate| day >= quarter.interval.from && day <= quarter.interval.to;
    let line = |task: &'p Task, status: Status| TaskLine {
        task,
        leads: plan.lead_ids(task),
        status,
        words: crate::query::latest_words(plan, task),
    };
    let mut section = CardSection {
        card,
        rag: rollup(card.tasks().map(|t| t.rag)),
        counts: RagCounts::of(card.tasks().map(|t| t.rag)),
        previous_rag: previous.map(|old| card_rag(old, &card.id)),
        completed: Vec::new(),
        became_overdue: Vec::new(),
        still_overdue: Vec::new(),
        rated_but_overdue: Vec::new(),
        red_and_amber: Vec::new(),
        measures: plan
            .measures
            .iter()
            .filter(|m| {
                card.measures
                    .iter()
                    .any(|id| crate::model::same_id(id, &m.id))
            })
            .collect(),
        story: crate::highlight::history::card_history(card, query),
    };
    for task in card.tasks() {
        let status = query.status(task);
        headline.tasks += 1;
        headline.rag.add(task.rag);
        match status.state {
            State::Overdue => headline.overdue += 1,
            State::Stale => headline.stale += 1,
            State::Waiting => headline.waiting += 1,
            State::Open | State::Done | State::OnHold => {}
        }
        if task.rag == Some(Rag::Blue) && task.done.is_some_and(in_quarter) {
            section.completed.push(line(task, status));
        }
        if status.state == State::Overdue {
            if matches!(task.rag, Some(Rag::Green | Rag::Amber)) {
                section.rated_but_overdue.push(line(task, status));
            }
            if status.deadline.is_some_and(in_quarter) {
                section.became_overdue.push(line(task, status));
            } else {
                section.still_overdue.push(line(task, status));
            }
        }
        if matches!(task.rag, Some(Rag::Red | Rag::Amber)) {
            section.red_and_amber.push(line(task, status));
        }
    }
    headline.completed_in_quarter += section.completed.len();
    headline.became_overdue_in_quarter += section.became_overdue.len();
    // Red first, then amber; within each, plan order.
    section.red_and_amber.sort_by_key(|l| l.task.rag);
    // Most overdue first.
    section
        .still_overdue
        .sort_by_key(|l| std::cmp::Reverse(l.status.days_overdue));
    section
}

/// Each recommendation with how the tasks delivering it stand.
fn recommendation_lines<'p>(plan: &'p Plan, query: &Query) -> Vec<RecommendationLine<'p>> {
    plan.recommendations
        .iter()
        .map(|recommendation| {
            let tasks = delivering(plan, &recommendation.actions);
            RecommendationLine {
                recommendation,
                tasks: tasks.len(),
                done: tasks.iter().filter(|t| t.rag == Some(Rag::Blue)).count(),
                overdue: tasks
                    .iter()
                    .filter(|t| query.status(t).state == State::Overdue)
                    .count(),
                rag: rollup(tasks.iter().map(|t| t.rag)),
                counts: RagCounts::of(tasks.iter().map(|t| t.rag)),
            }
        })
        .collect()
}

/// A card's roll-up in another version of the plan (`None`: not rated, or
/// the card was not there).
fn card_rag(plan: &Plan, card_id: &str) -> Option<Rag> {
    let card = plan
        .cards
        .iter()
        .find(|c| crate::model::same_id(&c.id, card_id))?;
    rollup(card.tasks().map(|t| t.rag))
}

/// How a roll-up moved: "better (was amber)", "no change", "worse (was green)".
pub fn rag_change(cat: &'static Catalogue, now: Option<Rag>, then: Option<Option<Rag>>) -> String {
    let Some(then) = then else {
        return cat.msg("change-no-history").into();
    };
    let was = [("was", crate::view::rag_word(cat, then).into())];
    // Red < amber < green < blue, as the enum orders them: higher is better.
    let worth = |r: Option<Rag>| r.map(|r| r as i32);
    match (worth(then), worth(now)) {
        (a, b) if a == b => cat.msg("change-none").into(),
        (Some(a), Some(b)) if b > a => cat.msg_with("change-better", &was),
        (Some(_), Some(_)) => cat.msg_with("change-worse", &was),
        _ => cat.msg_with("change-was", &was),
    }
}

#[cfg(test)]
mod tests {
    use super::rag_change;
    use crate::catalogue::Catalogue;
    use crate::lang::Lang;
    use crate::model::Rag::*;

    #[test]
    fn a_roll_up_moves_better_or_worse() {
        let en = Catalogue::of(Lang::En);
        assert_eq!(
            rag_change(en, Some(Red), Some(Some(Amber))),
            "worse (was amber)"
        );
        assert_eq!(
            rag_change(en, Some(Green), Some(Some(Red))),
            "better (was red)"
        );
        assert_eq!(
            rag_change(en, Some(Blue), Some(Some(Green))),
            "better (was green)"
        );
        assert_eq!(rag_change(en, Some(Amber), Some(Some(Amber))), "no change");
        assert_eq!(rag_change(en, Some(Amber), Some(None)), "was not rated");
        assert_eq!(rag_change(en, Some(Amber), None), "no history");
        let cy = Catalogue::of(Lang::Cy);
        assert_eq!(
            rag_change(cy, Some(Red), Some(Some(Amber))),
            "wedi dirywio (ambr cyn hynny)"
        );
    }
}
