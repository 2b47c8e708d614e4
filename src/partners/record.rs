//! How a returned row is recorded in a task: one entry of its update
//! history (docs/history.md), dated the day the sheet came back, `by` the
//! agency, with the sheet's fingerprint and row (`sheet`), the edit `plan
//! set --note` makes. Every row that says anything is a review: a RAG given
//! again, or "No change", is recorded as one, note or not.

use crate::edit::TaskEdit;

/// Puts the review of `agency` (its progress note, if any), from the row
/// `sheet` ("FINGERPRINT row N"), into `edit`.
pub fn review(edit: &mut TaskEdit, note: Option<&str>, agency: &str, sheet: &str) {
    edit.note = note.map(str::to_string);
    edit.by = Some(agency.to_string());
    edit.sheet = Some(sheet.to_string());
}
