//! What `plan show` says of a task's history: its status beyond RAG, its
//! original and revised targets, and its updates, newest first. Fields with
//! no label are for JSON only; fields with no key, for people only.

use crate::catalogue::Catalogue;
use crate::commands::shared::update_json;
use crate::model::{Plan, Task, TaskStatus};
use crate::plan_texts::PlanTexts;
use crate::query::{Status, slipped};
use crate::render::report::Cell;
use serde_json::Value;

/// A field of the thing shown: JSON key, label, value. A field with no
/// label is for JSON only; one with no key, for people only.
pub type Field = (&'static str, &'static str, Cell);

pub fn fields(
    cat: &'static Catalogue,
    plan: &Plan,
    task: &Task,
    status: &Status,
    sponsor: Option<&str>,
) -> Vec<Field> {
    let (original, days) = slipped(task, status.deadline);
    let updates: Vec<Value> = task
        .updates
        .iter()
        .rev()
        .map(|u| update_json(plan, u))
        .collect();
    vec![
        ("sponsor", cat.msg("field-sponsor"), Cell::opt_text(sponsor)),
        ("status", "", Cell::text(task.status.as_str())),
        (
            "",
            cat.msg("field-status"),
            status_line(cat, PlanTexts::for_catalogue(plan, cat), task),
        ),
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
            cat.msg("field-review-due"),
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
        (
            "",
            cat.msg("field-target-history"),
            target_line(cat, task, original, days),
        ),
        ("updates", "", Cell::Json(Value::Array(updates))),
        ("", cat.msg("field-updates"), update_lines(cat, plan, task)),
    ]
}

/// "on hold since 2013-01-10: funding review"; nothing for an active task.
fn status_line(cat: &Catalogue, t: PlanTexts, task: &Task) -> Cell {
    let mut line = match task.status {
        TaskStatus::Active => return Cell::Empty,
        TaskStatus::OnHold => cat.msg("status-line-on-hold").to_string(),
        TaskStatus::Withdrawn => cat.msg("status-line-withdrawn").to_string(),
        TaskStatus::CarriedForward => cat.msg("status-line-carried-forward").to_string(),
    };
    if let Some(since) = task.status_since() {
        let since = since.to_string();
        line.push_str(&cat.msg_with("status-line-since", &[("day", since.as_str().into())]));
    }
    if let Some(reason) = &task.details().status_reason {
        line.push_str(&format!(
            ": {}",
            t.text(&task.translations, "status_reason", reason)
        ));
    }
    if let Some(to) = &task.details().carried_to {
        line.push_str(&cat.msg_with("status-line-to", &[("to", to.into())]));
    }
    Cell::text(line)
}

/// "first due Oct 2012 (2012-10-31); revised 2 times; slipped 61 days".
fn target_line(
    cat: &Catalogue,
    task: &Task,
    original: Option<chrono::NaiveDate>,
    days: Option<i64>,
) -> Cell {
    let Some(first) = &task.details().original_due else {
        return Cell::Empty;
    };
    let mut line = cat.msg_with("target-first-due", &[("first", first.into())]);
    if let Some(original) = original {
        line.push_str(&format!(" ({original})"));
    }
    let revisions = task.details().due_revisions;
    if revisions > 0 {
        line.push_str(&cat.msg_with("target-revised", &[("times", revisions.into())]));
    }
    if let Some(days) = days {
        line.push_str(&cat.msg_with("target-slipped", &[("days", days.into())]));
    }
    Cell::text(line)
}

/// One line an update, newest first: "2013-03-27 green (SL): note [evidence]".
fn update_lines(cat: &'static Catalogue, plan: &Plan, task: &Task) -> Cell {
    let t = PlanTexts::for_catalogue(plan, cat);
    let lines: Vec<String> = task
        .updates
        .iter()
        .rev()
        .map(|u| {
            let mut line = u
                .date
                .map_or(cat.msg("update-undated").to_string(), |d| d.to_string());
            if !u.is_review() {
                line.push_str(&format!(" {}", cat.msg("update-kind-correction")));
            }
            if let Some(rag) = u.rag {
                line.push_str(&format!(" {}", crate::view::rag_word(cat, Some(rag))));
            }
            if let Some(by) = u.by {
                line.push_str(&format!(" ({})", plan.agencies[by].id));
            }
            if let Some(note) = &u.note {
                line.push_str(&format!(": {}", t.text(&u.translations, "note", note)));
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
