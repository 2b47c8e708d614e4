//! What changed between two versions of a plan (`plan diff`): tasks added
//! and removed, and per task the RAG, due, lead, done, note and status changes, and
//! the tasks that became overdue or are no longer overdue. Pure: two plans and their as-of days in,
//! a list of changes out.

use crate::model::{Plan, Task};
use crate::query::{Query, State};
use chrono::NaiveDate;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChangeKind {
    Added,
    Removed,
    Rag,
    Due,
    Lead,
    Done,
    Note,
    /// `status` (on hold, withdrawn, carried forward; docs/history.md).
    Status,
    BecameOverdue,
    NoLongerOverdue,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Rag => "rag",
            ChangeKind::Due => "due",
            ChangeKind::Lead => "lead",
            ChangeKind::Done => "done",
            ChangeKind::Note => "note",
            ChangeKind::Status => "status",
            ChangeKind::BecameOverdue => "became-overdue",
            ChangeKind::NoLongerOverdue => "no-longer-overdue",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub task: String,
    pub kind: ChangeKind,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// A version of a plan and the day to judge it on.
pub struct Version<'p> {
    pub plan: &'p Plan,
    pub as_of: NaiveDate,
}

pub fn compare(old: Version, new: Version) -> Vec<Change> {
    let old_tasks: HashMap<&str, &Task> =
        old.plan.all_tasks().map(|t| (t.id.as_str(), t)).collect();
    let new_ids: HashMap<&str, &Task> = new.plan.all_tasks().map(|t| (t.id.as_str(), t)).collect();
    let (old_query, new_query) = (
        Query::new(old.plan, old.as_of),
        Query::new(new.plan, new.as_of),
    );
    let mut changes = Vec::new();
    let change = |task: &Task, kind, before: Option<String>, after: Option<String>| Change {
        task: task.id.clone(),
        kind,
        before,
        after,
    };
    for task in new.plan.all_tasks() {
        let Some(was) = old_tasks.get(task.id.as_str()) else {
            changes.push(change(
                task,
                ChangeKind::Added,
                None,
                Some(task.text.clone()),
            ));
            continue;
        };
        let rag = |t: &Task| t.rag.map(|r| r.as_str().to_string());
        let fields = [
            (ChangeKind::Rag, rag(was), rag(task)),
            (ChangeKind::Due, was.due_text.clone(), task.due_text.clone()),
            (
                ChangeKind::Lead,
                leads(old.plan, was),
                leads(new.plan, task),
            ),
            (
                ChangeKind::Done,
                was.done.map(|d| d.to_string()),
                task.done.map(|d| d.to_string()),
            ),
            (
                ChangeKind::Note,
                was.note().map(str::to_string),
                task.note().map(str::to_string),
            ),
            (
                ChangeKind::Status,
                Some(was.status.as_str().to_string()),
                Some(task.status.as_str().to_string()),
            ),
        ];
        for (kind, before, after) in fields {
            if before != after {
                changes.push(change(task, kind, before, after));
            }
        }
        let (then, now) = (old_query.status(was), new_query.status(task));
        if now.state == State::Overdue && then.state != State::Overdue {
            changes.push(change(
                task,
                ChangeKind::BecameOverdue,
                Some(then.state.as_str().to_string()),
                Some(overdue_by(now.days_overdue)),
            ));
        }
        if then.state == State::Overdue && now.state != State::Overdue {
            changes.push(change(
                task,
                ChangeKind::NoLongerOverdue,
                Some(overdue_by(then.days_overdue)),
                Some(now.state.as_str().to_string()),
            ));
        }
    }
    for task in old.plan.all_tasks() {
        if !new_ids.contains_key(task.id.as_str()) {
            changes.push(change(
                task,
                ChangeKind::Removed,
                Some(task.text.clone()),
                None,
            ));
        }
    }
    changes
}

/// "overdue by 1 day", "overdue by 61 days".
fn overdue_by(days: Option<i64>) -> String {
    let days = usize::try_from(days.unwrap_or(0)).unwrap_or(0);
    format!("overdue by {}", crate::words::count(days, "day"))
}

fn leads(plan: &Plan, task: &Task) -> Option<String> {
    Some(plan.lead_ids(task).join(", "))
}
