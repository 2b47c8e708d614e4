//! Who has gone quiet: per agency (or card), how many of its open tasks are
//! rated, reviewed within `review_days`, and given a progress note in the
//! last three months, and one score from 0 to 100, the mean of the three
//! shares (docs/history.md states the formula).

use super::{Query, State};
use crate::model::Task;
use chrono::{Months, NaiveDate};

/// How a group of tasks is kept up to date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Accountability {
    /// Open tasks: not done and not on hold.
    pub open: usize,
    /// Shares of the open tasks, 0 to 1; `None` with no open task.
    pub rated: Option<f64>,
    pub reviewed: Option<f64>,
    pub noted: Option<f64>,
    /// Days since the last update of any of the tasks (done ones too).
    pub days_since_update: Option<i64>,
    /// The mean of the three shares, 0 to 100; `None` with no open task.
    pub score: Option<u32>,
}

impl Query<'_> {
    /// The accountability of a group of tasks (see the module's comment).
    pub fn accountability<'t>(&self, tasks: impl IntoIterator<Item = &'t Task>) -> Accountability {
        let review_days = i64::from(self.plan.meta.review_days);
        let quarter_ago = self
            .as_of
            .checked_sub_months(Months::new(3))
            .unwrap_or(self.as_of);
        let (mut open, mut rated, mut reviewed, mut noted) = (0, 0, 0, 0);
        let mut last: Option<NaiveDate> = None;
        for task in tasks {
            let latest = task.updated.max(task.done).filter(|d| *d <= self.as_of);
            last = last.max(latest);
            if matches!(self.status(task).state, State::Done | State::OnHold) {
                continue;
            }
            open += 1;
            rated += usize::from(task.rag.is_some());
            reviewed +=
                usize::from(task.updated.is_some_and(|d| {
                    d <= self.as_of && (self.as_of - d).num_days() <= review_days
                }));
            noted += usize::from(task.reviews().any(|u| {
                u.note.is_some() && u.date.is_some_and(|d| d > quarter_ago && d <= self.as_of)
            }));
        }
        let share = |n: usize| (open > 0).then(|| n as f64 / open as f64);
        let score = (open > 0).then(|| {
            let mean = (rated + reviewed + noted) as f64 / (3 * open) as f64;
            (mean * 100.0).round() as u32
        });
        Accountability {
            open,
            rated: share(rated),
            reviewed: share(reviewed),
            noted: share(noted),
            days_since_update: last.map(|d| (self.as_of - d).num_days()),
            score,
        }
    }
}
