//! How a returned progress note is recorded in a task. For now it is the
//! task's `note` (attributed and dated) and its `updated`, the edit
//! `plan set --note` makes; once tasks keep their update history this is
//! the one place to switch to appending an update entry.

use crate::edit::TaskEdit;
use crate::model::Task;
use chrono::NaiveDate;

/// Puts the progress note `note`, returned by `agency` on `on`, into `edit`.
pub fn progress_note(edit: &mut TaskEdit, note: &str, agency: &str, on: NaiveDate) {
    edit.note = Some(format!("{note} ({agency}, {on})"));
    edit.updated = on;
}

/// True when `task` already records `note` from `agency` (on any day): a
/// sheet applied twice changes nothing the second time.
pub fn holds(task: &Task, note: &str, agency: &str) -> bool {
    task.note
        .as_deref()
        .and_then(|current| current.strip_prefix(note))
        .and_then(|rest| rest.strip_prefix(&format!(" ({agency}, ")))
        .is_some_and(|rest| rest.len() == "YYYY-MM-DD)".len() && rest.ends_with(')'))
}
