//! How a returned progress note is recorded in a task: an entry of its
//! update history (docs/history.md), dated the day the sheet came back and
//! attributed to the agency, the edit `plan set --note` makes.

use crate::edit::TaskEdit;
use crate::model::Task;
use chrono::NaiveDate;

/// Puts the progress note `note`, returned by `agency` on `on`, into `edit`.
pub fn progress_note(edit: &mut TaskEdit, note: &str, agency: &str, on: NaiveDate) {
    edit.note = Some(note.to_string());
    edit.by = Some(agency.to_string());
    edit.updated = on;
}

/// True when `task`'s history already holds `note`: a sheet applied twice
/// changes nothing the second time. (The note alone decides: the same words
/// recorded on another day, or from another agency, count as given.)
pub fn holds(task: &Task, note: &str) -> bool {
    task.updates.iter().any(|u| u.note.as_deref() == Some(note))
}
