//! What `plan show` says of a task's history: its status beyond RAG, its
//! original and revised targets, and its updates, newest first. Fields with
//! no label are for JSON only; fields with no key, for people only.

use crate::commands::shared::update_json;
use crate::model::{Plan, Task, TaskStatus};
use crate::query::{Status, slipped};
use crate::render::report::Cell;
use serde_json::Value;

/// A field of the thing shown: JSON key, label, value. A field with no
/// label is for JSON only; one with no key, for people only.
pub type Field = (&'static str, &'static str, Cell);

pub fn fields(plan: &Plan, task: &Task, status: &Status, sponsor: Option<&str>) -> Vec<Field> {
    let (original, days) = slipped(task, status.deadline);
    let updates: Vec<Value> = task
        .updates
        .iter()
        .rev()
        .map(|u| update_json(plan, u))
        .collect();
    vec![
        ("sponsor", "Sponsor", Cell::opt_text(sponsor)),
        ("status", "", Cell::text(task.status.as_str())),
        ("", "Status", status_line(task)),
        (
            "status_reason",
            "",
            Cell::opt_text(task.details().status_reason.as_deref()),
        ),
        ("status_date", "", Cell::Date(task.details().status_date)),
        (
            "carried_to",
            "",
            Cell::opt_text(task.details().carried_to.as_deref()),
        ),
        (
            "next_review",
            "Review due",
            Cell::Date(task.details().next_review),
        ),
        (
            "original_due",
            "",
            Cell::opt_text(task.details().original_due.as_deref()),
        ),
        ("original_deadline", "", Cell::Date(original)),
        (
            "due_revisions",
            "",
            Cell::Int(i64::from(task.details().due_revisions)),
        ),
        ("days_slipped", "", Cell::opt_int(days)),
        ("", "Target history", target_line(task, original, days)),
        ("updates", "", Cell::Json(Value::Array(updates))),
        ("", "Updates", update_lines(plan, task)),
    ]
}

/// "on hold since 2013-01-10: funding review"; nothing for an active task.
fn status_line(task: &Task) -> Cell {
    if task.status == TaskStatus::Active {
        return Cell::Empty;
    }
    let mut line = task.status.as_str().replace('-', " ");
    if let Some(since) = task.status_since() {
        line.push_str(&format!(" since {since}"));
    }
    if let Some(reason) = &task.details().status_reason {
        line.push_str(&format!(": {reason}"));
    }
    if let Some(to) = &task.details().carried_to {
        line.push_str(&format!(" (to {to})"));
    }
    Cell::text(line)
}

/// "first due Oct 2012 (2012-10-31); revised 2 times; slipped 61 days".
fn target_line(task: &Task, original: Option<chrono::NaiveDate>, days: Option<i64>) -> Cell {
    let Some(first) = &task.details().original_due else {
        return Cell::Empty;
    };
    let mut line = format!("first due {first}");
    if let Some(original) = original {
        line.push_str(&format!(" ({original})"));
    }
    if task.details().due_revisions > 0 {
        let times = match task.details().due_revisions {
            1 => "once".to_string(),
            n => format!("{n} times"),
        };
        line.push_str(&format!("; revised {times}"));
    }
    if let Some(days) = days {
        line.push_str(&format!("; slipped {}", crate::words::count(days, "day")));
    }
    Cell::text(line)
}

/// One line an update, newest first: "2013-03-27 green (SL): note [evidence]".
fn update_lines(plan: &Plan, task: &Task) -> Cell {
    let lines: Vec<String> = task
        .updates
        .iter()
        .rev()
        .map(|u| {
            let mut line = u.date.map_or("undated".to_string(), |d| d.to_string());
            if !u.is_review() {
                line.push_str(&format!(" {}", u.kind.as_str()));
            }
            if let Some(rag) = u.rag {
                line.push_str(&format!(" {}", rag.as_str()));
            }
            if let Some(by) = u.by {
                line.push_str(&format!(" ({})", plan.agencies[by].id));
            }
            if let Some(note) = &u.note {
                line.push_str(&format!(": {note}"));
            }
            if let Some(evidence) = &u.evidence {
                line.push_str(&format!(" [{evidence}]"));
            }
            line
        })
        .collect();
    // An only entry that says no more than the Note and Last review rows is not repeated.
    let says_more = |u: &crate::model::Update| {
        u.by.is_some()
            || !u.is_review()
            || u.evidence.is_some()
            || u.note.as_deref() != task.note()
            || u.date != task.updated
    };
    if lines.is_empty() || (lines.len() == 1 && !says_more(&task.updates[0])) {
        return Cell::Empty;
    }
    Cell::text(lines.join("\n"))
}
