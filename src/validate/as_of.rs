//! The checks that depend on the as-of day rather than on the files alone:
//! `plan check` runs them after validating, with the day it is asked on.

use crate::diag::{Diagnostic, Finding};
use crate::model::Plan;
use chrono::NaiveDate;

/// Findings about `plan` as of `as_of`: updates dated after it.
pub fn check(plan: &Plan, as_of: NaiveDate) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for task in plan.all_tasks() {
        for update in &task.updates {
            if let Some(date) = update.date.filter(|d| *d > as_of) {
                found.push(Diagnostic::new(
                    Finding::UpdateInFuture {
                        task: task.id.clone(),
                        date,
                        as_of,
                    },
                    update.loc,
                ));
            }
        }
    }
    found
}
