//! The questions a coordinator asks, as pure functions of the plan and an
//! as-of day (SPEC section 5): each task's deadline and state, days overdue,
//! the RAG roll-up of a group, and which tasks an agency leads.

use crate::dates::{Interval, Recurrence, TargetDate};
use crate::leads;
use crate::model::{AgencyIdx, AgencyKind, Lead, Plan, Rag, Task, TaskStatus};
use chrono::NaiveDate;
use std::collections::HashMap;

mod accountability;
mod sponsors;
pub use sponsors::{sponsor_of, sponsored_by};

/// Where a task stands on the as-of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// Past its deadline and not complete.
    Overdue,
    /// Ongoing and not reviewed for `review_days`.
    Stale,
    /// Due "after" a task that is not done yet.
    Waiting,
    /// Not yet due, ongoing and reviewed, or with no date.
    Open,
    /// RAG blue.
    Done,
    /// `status = "on-hold"`: never overdue.
    OnHold,
}

impl State {
    pub const ALL: [State; 6] = [
        State::Overdue,
        State::Stale,
        State::Waiting,
        State::Open,
        State::Done,
        State::OnHold,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            State::Overdue => "overdue",
            State::Stale => "stale",
            State::Waiting => "waiting",
            State::Open => "open",
            State::Done => "done",
            State::OnHold => "on-hold",
        }
    }
}

/// A task's standing on the as-of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Status {
    pub state: State,
    /// The deadline in force: a dated task's, a milestone's, or one counted
    /// from the `done` date of the task it waits for.
    pub deadline: Option<NaiveDate>,
    /// Days past the deadline, for overdue tasks.
    pub days_overdue: Option<i64>,
    /// For stale tasks: the day it was last reviewed; `None` for one never
    /// reviewed (its staleness then counts from the plan start, or from
    /// the day an ongoing task starts).
    pub last_review: Option<NaiveDate>,
}

/// Answers about one plan on one day. Built once; cheap to ask.
pub struct Query<'p> {
    pub plan: &'p Plan,
    pub as_of: NaiveDate,
    /// The RAG and `done` date of each task another is due "after", by full id.
    done: HashMap<&'p str, (Option<Rag>, Option<NaiveDate>)>,
    /// Judge tasks against their original target dates (`overdue --original`).
    original: bool,
}

impl<'p> Query<'p> {
    pub fn new(plan: &'p Plan, as_of: NaiveDate) -> Query<'p> {
        // Only the tasks others wait for (`6 months after EJ-4.3.a`) are needed.
        let done = plan
            .tasks()
            .filter_map(|t| match &t.target {
                TargetDate::After { task, .. } => plan.find_task(task),
                _ => None,
            })
            .map(|t| (t.id.as_str(), (t.rag, t.done)))
            .collect();
        Query {
            plan,
            as_of,
            done,
            original: false,
        }
    }

    /// The same questions, judging each task against its original target
    /// date where it was revised.
    pub fn against_original(mut self) -> Query<'p> {
        self.original = true;
        self
    }

    /// The target a task is judged against: its original one with
    /// [`Query::against_original`], else the one in force.
    fn target<'t>(&self, task: &'t Task) -> &'t TargetDate {
        match (&task.details().original_target, self.original) {
            (Some(original), true) => original,
            _ => &task.target,
        }
    }

    /// For a done task: true when its `next_review` has passed.
    pub fn review_due(&self, task: &Task) -> bool {
        task.rag == Some(Rag::Blue) && task.details().next_review.is_some_and(|r| r < self.as_of)
    }

    pub fn status(&self, task: &Task) -> Status {
        let open = |deadline| Status {
            state: State::Open,
            deadline,
            days_overdue: None,
            last_review: None,
        };
        let dated = |deadline: NaiveDate| {
            if self.as_of > deadline {
                Status {
                    state: State::Overdue,
                    deadline: Some(deadline),
                    days_overdue: Some((self.as_of - deadline).num_days()),
                    last_review: None,
                }
            } else {
                open(Some(deadline))
            }
        };
        let ongoing = |deadline| {
            let reviewed = task.updated.unwrap_or(self.plan.meta.start);
            if (self.as_of - reviewed).num_days() > i64::from(self.plan.meta.review_days) {
                Status {
                    state: State::Stale,
                    deadline,
                    days_overdue: None,
                    last_review: task.updated,
                }
            } else {
                open(deadline)
            }
        };
        let deadline = self.deadline(task);
        if task.rag == Some(Rag::Blue) {
            return Status {
                state: State::Done,
                ..open(deadline)
            };
        }
        if task.status == TaskStatus::OnHold {
            return Status {
                state: State::OnHold,
                ..open(deadline)
            };
        }
        match self.target(task) {
            TargetDate::Dated(interval) => dated(interval.to),
            TargetDate::MilestoneThenOngoing(interval) => {
                if self.as_of <= interval.to {
                    open(Some(interval.to))
                } else if task.rag.is_none() {
                    // The first delivery was never reported.
                    dated(interval.to)
                } else {
                    ongoing(Some(interval.to))
                }
            }
            TargetDate::Ongoing => ongoing(None),
            TargetDate::OngoingFrom(from) if self.as_of < *from => open(None),
            TargetDate::OngoingFrom(from) => {
                // Reviews count from the day it starts, not the plan start.
                let reviewed = task.updated.unwrap_or(*from).max(*from);
                if (self.as_of - reviewed).num_days() > i64::from(self.plan.meta.review_days) {
                    Status {
                        state: State::Stale,
                        deadline: None,
                        days_overdue: None,
                        last_review: task.updated.map(|day| day.max(*from)),
                    }
                } else {
                    open(None)
                }
            }
            TargetDate::Recurring(recurrence) => self.recurring(task, recurrence),
            TargetDate::After { .. } | TargetDate::AfterEvent { .. } => match deadline {
                Some(deadline) => dated(deadline),
                None if self.waits(task) => Status {
                    state: State::Waiting,
                    ..open(None)
                },
                None => open(None),
            },
            TargetDate::Unset => open(None),
        }
    }

    /// A recurring task is overdue when its latest occurrence has passed with
    /// no `updated` (or `done`) on or after that occurrence began; otherwise it
    /// is open, due by the next occurrence.
    fn recurring(&self, task: &Task, recurrence: &Recurrence) -> Status {
        match self.occurrence_due(task, recurrence) {
            Ok(missed) => Status {
                state: State::Overdue,
                deadline: Some(missed.to),
                days_overdue: Some((self.as_of - missed.to).num_days()),
                last_review: task.updated.max(task.done),
            },
            Err(next) => Status {
                state: State::Open,
                deadline: next.map(|n| n.to),
                days_overdue: None,
                last_review: None,
            },
        }
    }

    /// The occurrence missed (`Ok`), or else the next one, if any (`Err`).
    fn occurrence_due(
        &self,
        task: &Task,
        recurrence: &Recurrence,
    ) -> Result<Interval, Option<Interval>> {
        let (last, next) = recurrence.around(self.as_of);
        let seen = task.updated.max(task.done);
        match last {
            Some(missed) if seen.is_none_or(|seen| seen < missed.from) => Ok(missed),
            _ => Err(next),
        }
    }

    /// The deadline in force, if any.
    pub fn deadline(&self, task: &Task) -> Option<NaiveDate> {
        self.deadline_of(task, self.target(task))
    }

    fn deadline_of(&self, task: &Task, target: &TargetDate) -> Option<NaiveDate> {
        match target {
            TargetDate::Recurring(recurrence) => match self.occurrence_due(task, recurrence) {
                Ok(missed) => Some(missed.to),
                Err(next) => next.map(|n| n.to),
            },
            TargetDate::After { span, task: first } => {
                let (_, done) = self.done.get(first.as_str())?;
                span.add_to((*done)?)
            }
            TargetDate::AfterEvent { span, event } => span.add_to(self.event_date(event)?),
            target => target.deadline(),
        }
    }

    /// True while the task it is due after is not complete.
    fn waits(&self, task: &Task) -> bool {
        match &task.target {
            TargetDate::After { task: first, .. } => {
                !matches!(self.done.get(first.as_str()), Some((Some(Rag::Blue), _)))
            }
            TargetDate::AfterEvent { event, .. } => self.event_date(event).is_none(),
            _ => false,
        }
    }

    /// The day an event happened, once it has (validation checked the id).
    fn event_date(&self, event: &str) -> Option<NaiveDate> {
        self.plan.events.iter().find(|e| e.id == event)?.date
    }
}

/// What a task's leads last said: where two or more agencies have given
/// notes (co-leads reporting side by side), each one's latest, newest
/// first, "SWP: Log shared\nSW: Two months missing"; else its latest note.
/// A `note` written by hand beside entries that have notes of their own is
/// the last line, so nothing written is out of sight.
pub fn latest_words(plan: &Plan, task: &Task) -> Option<String> {
    let words = co_lead_words(plan, task).or_else(|| task.note().map(str::to_string));
    match (&task.own_note, words) {
        (Some(own), Some(words)) if words != *own => Some(format!("{words}\n{own}")),
        (_, words) => words,
    }
}

fn co_lead_words(plan: &Plan, task: &Task) -> Option<String> {
    let mut latest: Vec<(AgencyIdx, &str)> = Vec::new();
    for update in task.reviews().rev() {
        if let (Some(by), Some(note)) = (update.by, update.note.as_deref())
            && !latest.iter().any(|(b, _)| *b == by)
        {
            latest.push((by, note));
        }
    }
    if latest.len() < 2 {
        return None;
    }
    let lines: Vec<String> = latest
        .iter()
        .map(|(by, note)| format!("{}: {note}", plan.agencies[*by].id))
        .collect();
    Some(lines.join("\n"))
}

/// The original deadline of a task whose target was revised, and the days
/// `deadline` (the one in force) is later than it, where they differ.
pub fn slipped(task: &Task, deadline: Option<NaiveDate>) -> (Option<NaiveDate>, Option<i64>) {
    let original = task
        .details()
        .original_target
        .as_ref()
        .and_then(|t| t.deadline());
    let days = match (original, deadline) {
        (Some(first), Some(now)) if first != now => Some((now - first).num_days()),
        _ => None,
    };
    (original, days)
}

/// The worst rated status among some tasks: red > amber > green > blue.
/// `None` when none of them is rated.
pub fn rollup(rags: impl IntoIterator<Item = Option<Rag>>) -> Option<Rag> {
    rags.into_iter().flatten().min()
}

/// How many of some tasks are of each RAG status, and what follows.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct RagCounts {
    pub red: usize,
    pub amber: usize,
    pub green: usize,
    pub blue: usize,
    pub not_rated: usize,
}

impl RagCounts {
    pub fn of(rags: impl IntoIterator<Item = Option<Rag>>) -> RagCounts {
        let mut counts = RagCounts::default();
        for rag in rags {
            counts.add(rag);
        }
        counts
    }

    pub fn add(&mut self, rag: Option<Rag>) {
        *match rag {
            Some(Rag::Red) => &mut self.red,
            Some(Rag::Amber) => &mut self.amber,
            Some(Rag::Green) => &mut self.green,
            Some(Rag::Blue) => &mut self.blue,
            None => &mut self.not_rated,
        } += 1;
    }

    pub fn rated(&self) -> usize {
        self.red + self.amber + self.green + self.blue
    }

    pub fn total(&self) -> usize {
        self.rated() + self.not_rated
    }

    /// Whether a roll-up of these rests on under half of the tasks: it is
    /// then shown as such ("green (2 of 19 rated)"), never as a bare green.
    pub fn thinly_rated(&self) -> bool {
        self.rated() > 0 && self.rated() * 2 < self.total()
    }

    /// The share of rated tasks that are on track: (green + blue) / rated.
    pub fn on_track(&self) -> Option<f64> {
        let rated = self.rated();
        (rated > 0).then(|| (self.green + self.blue) as f64 / rated as f64)
    }

    /// The worst rated status: see [`rollup`].
    pub fn rollup(&self) -> Option<Rag> {
        [
            (self.red, Rag::Red),
            (self.amber, Rag::Amber),
            (self.green, Rag::Green),
            (self.blue, Rag::Blue),
        ]
        .into_iter()
        .find(|(n, _)| *n > 0)
        .map(|(_, rag)| rag)
    }
}

/// Which tasks count for an agency: those it, or an agency part of it,
/// leads or co-leads; and, for an organisation, those led by "all".
pub struct LeadFilter {
    member: Vec<bool>,
    organisation: bool,
    unassigned: bool,
}

impl LeadFilter {
    pub fn new(plan: &Plan, agency: AgencyIdx) -> LeadFilter {
        LeadFilter {
            member: leads::with_parts(&plan.agencies, agency),
            organisation: plan.agencies[agency].kind == AgencyKind::Organisation,
            unassigned: false,
        }
    }

    /// The tasks with a lead still "TBC".
    pub fn unassigned(plan: &Plan) -> LeadFilter {
        LeadFilter {
            member: vec![false; plan.agencies.len()],
            organisation: false,
            unassigned: true,
        }
    }

    pub fn matches(&self, task: &Task) -> bool {
        task.leads.iter().any(|lead| match lead {
            Lead::Agency(i) => self.member[*i],
            Lead::All => self.organisation,
            Lead::Unassigned(_) => self.unassigned,
        })
    }
}

/// For each agency, the tasks that count for it (the rule of [`LeadFilter`]),
/// in one pass over the tasks.
pub fn tasks_by_agency<'p>(
    plan: &Plan,
    tasks: impl Iterator<Item = &'p Task>,
) -> Vec<Vec<&'p Task>> {
    let count = plan.agencies.len();
    let mut by_agency: Vec<Vec<&Task>> = vec![Vec::new(); count];
    // The task last added to each agency, so a task counts once however it gets there.
    let mut last: Vec<usize> = vec![usize::MAX; count];
    let organisations: Vec<usize> = (0..count)
        .filter(|&i| plan.agencies[i].kind == AgencyKind::Organisation)
        .collect();
    for (n, task) in tasks.enumerate() {
        let mut add = |agency: usize| {
            if last[agency] != n {
                last[agency] = n;
                by_agency[agency].push(task);
            }
        };
        for lead in &task.leads {
            match lead {
                Lead::Agency(first) => plan.agency_and_parents(*first).for_each(&mut add),
                Lead::All => organisations.iter().for_each(|&o| add(o)),
                Lead::Unassigned(_) => {}
            }
        }
    }
    by_agency
}

/// The tasks of the actions (or tasks, priorities, cards) a recommendation names.
pub fn delivering<'p>(plan: &'p Plan, ids: &[String]) -> Vec<&'p Task> {
    plan.tasks()
        .filter(|task| ids.iter().any(|id| within(&task.id, id)))
        .collect()
}

/// True when `task` is `id` or lies inside it (`EJ-1.1.a` inside `EJ-1.1`, `EJ-1`, `EJ`).
fn within(task: &str, id: &str) -> bool {
    task == id
        || task
            .strip_prefix(id)
            .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('-'))
}

#[cfg(test)]
mod tests;
