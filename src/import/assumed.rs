//! A target whose year the import assumed ("Due Oct 12th.") written so that
//! `plan check` still flags it at its task: the words as written when the
//! plan's period reads them as the import did (check then reports
//! `year-assumed`, with the year to write); else the words with the year
//! and "(year assumed)" after them, which check reads as the import did and
//! reports as `date-in-words`, the words as written kept in the note.

use super::years::{Evidence, Period, calendar, tasks_mut, yearless};
use super::{Imported, When};
use crate::dates::{self, Interval, Note};
use chrono::Datelike;

/// Each assumed target's `due`, once the plan's period is settled.
pub fn write_back(imported: &mut Imported, period: &Period) {
    let plan = Evidence {
        start: period.start,
        end: period.end,
        words: String::new(),
    };
    for task in tasks_mut(imported) {
        let Some(assumed) = task.assumed.take() else {
            continue;
        };
        // The deadline is what must agree ("End of May" runs from the start
        // of whatever period reads it).
        let deadline = |i: Option<Interval>| i.map(|i| i.to);
        if deadline(yearless(&assumed.written, &plan)) == Some(assumed.read.to) {
            task.due = Some(When::Text(assumed.written));
            continue;
        }
        let Some(exact) = &assumed.exact else {
            continue;
        };
        let marked = format!("{exact} (year assumed)");
        let due = if deadline(flagged_as(&marked, period)) == Some(assumed.read.to) {
            marked
        } else {
            exact.clone()
        };
        task.due = Some(When::Text(due));
        task.note.push(format!(
            "Target as written: {} (year assumed: {})",
            assumed.written,
            assumed.read.to.year()
        ));
    }
}

/// The days `plan check` reads `text` as in the plan's period, when it
/// reads them out of words (a `date-in-words` finding).
fn flagged_as(text: &str, period: &Period) -> Option<Interval> {
    let reading = dates::read(text, &calendar(period.start, period.end)).ok()?;
    reading
        .notes
        .iter()
        .any(|n| matches!(n, Note::InWords { .. }))
        .then(|| reading.target.interval())?
}
