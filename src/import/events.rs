//! Targets that count from something: an event named in words ("3 months
//! after first pilot completed") becomes an `[[event]]` with no date, so the
//! imported plan checks and those tasks wait; a span with no anchor ("6
//! months") counts from the plan's start, which a warning says, unless
//! `--decided DATE` names the day it counts from.

use super::{Imported, NewTask, When};
use crate::dates::{self, Calendar, TargetDate};
use chrono::NaiveDate;

/// An event the imported plan declares.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEvent {
    pub id: String,
    pub title: String,
    pub date: Option<NaiveDate>,
}

/// The id of the event `--decided` dates.
pub const DECISION: &str = "decision";

fn calendar(year: i32) -> Calendar {
    let day = |m, d| NaiveDate::from_ymd_opt(year, m, d).unwrap_or_default();
    Calendar {
        start: day(4, 1),
        end: day(12, 31),
        asap_days: 30,
        year_start: 4,
    }
}

/// Counted from the plan's start: read in two periods, it moves with them.
fn from_plan_start(text: &str) -> bool {
    // "ASAP" and "Immediate" mean the start itself; a span names its length.
    let lower = text.to_lowercase();
    if !["day", "week", "month", "year"]
        .iter()
        .any(|unit| lower.contains(unit))
    {
        return false;
    }
    let (a, b) = (calendar(2000), calendar(2010));
    match (dates::parse(text, &a), dates::parse(text, &b)) {
        (Ok(TargetDate::Dated(x)), Ok(TargetDate::Dated(y))) => {
            x.from == a.start && y.from == b.start && x.to != y.to
        }
        _ => false,
    }
}

/// An id made of an event's words: "first pilot completed" ->
/// "first-pilot-completed".
fn event_id(words: &str) -> String {
    let mut id = String::new();
    for word in words
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(6)
    {
        if !id.is_empty() {
            id.push('-');
        }
        id.push_str(&word.to_lowercase());
    }
    id
}

/// "3 months after first pilot completed", "within six months of the
/// Executive decision": the span and the event's words.
fn span_and_event(text: &str) -> Option<(String, String)> {
    let lower = text.to_lowercase();
    // Offsets found in the lower-case text hold in the text only when the
    // two are as long (a dotted capital `İ` is not).
    if lower.len() != text.len() {
        return None;
    }
    let (at, word) = [" after ", " following ", " of ", " from "]
        .iter()
        .filter_map(|w| lower.find(w).map(|at| (at, *w)))
        .min_by_key(|(at, _)| *at)?;
    let span = text.get(..at)?.trim();
    let span = ["within ", "in "]
        .iter()
        .find_map(|w| {
            span.get(..w.len())
                .filter(|head| head.eq_ignore_ascii_case(w))
                .and_then(|_| span.get(w.len()..))
        })
        .unwrap_or(span);
    let event = text.get(at + word.len()..)?.trim().trim_end_matches('.');
    let event = event
        .get(..4)
        .filter(|h| h.eq_ignore_ascii_case("the "))
        .and_then(|_| event.get(4..))
        .unwrap_or(event);
    (!event.is_empty()).then(|| (span.to_string(), event.to_string()))
}

/// The target rewritten to count from an event, when the words name one.
fn after_event(text: &str) -> Option<(String, NewEvent)> {
    let probe = calendar(2010);
    match dates::parse(text, &probe) {
        Ok(TargetDate::After { .. }) | Err(_) => {}
        Ok(_) => return None,
    }
    let (span, words) = span_and_event(text)?;
    let id = event_id(&words);
    if id.is_empty() || id.len() > 60 {
        return None;
    }
    let target = format!("{span} after {id}");
    matches!(dates::parse(&target, &probe), Ok(TargetDate::After { .. })).then(|| {
        (
            target,
            NewEvent {
                id,
                title: words,
                date: None,
            },
        )
    })
}

/// Declares the events the targets name, and counts spans with no anchor
/// from `--decided` when given; the warnings to print.
pub fn declare(imported: &mut Imported, decided: Option<NaiveDate>, start: NaiveDate) {
    let from_heading = decided
        .is_none()
        .then(|| decided_in_heading(imported))
        .flatten();
    let decided = decided.or(from_heading.as_ref().map(|f| f.0));
    let mut events: Vec<NewEvent> = Vec::new();
    let mut warnings = Vec::new();
    let tasks = imported
        .cards
        .iter_mut()
        .flat_map(|c| c.priorities.iter_mut())
        .flat_map(|p| p.actions.iter_mut())
        .flat_map(|a| a.tasks.iter_mut());
    // Spans with no anchor, each text once with the rows that write it.
    let mut unanchored: Vec<(String, Vec<String>)> = Vec::new();
    for task in tasks {
        match one_task(task, decided, &mut events) {
            Some(Found::Event(warning)) => warnings.push(warning),
            Some(Found::Unanchored(text)) => match unanchored.iter_mut().find(|u| u.0 == text) {
                Some(u) => u.1.push(task.place.clone()),
                None => unanchored.push((text, vec![task.place.clone()])),
            },
            None => {}
        }
    }
    for (text, places) in unanchored {
        let more = match places.len() {
            1 => String::new(),
            n => format!(" and {}", crate::words::count(n - 1, "more row")),
        };
        warnings.push(format!(
            "{}{more}: the target {text:?} is counted from the plan's start ({start}); if it counts from a decision, import with --decided DATE (the day of the decision, an [[event]]), or give the start with --start",
            places[0]
        ));
    }
    if let Some((day, words)) = from_heading
        && events.iter().any(|e| e.id == DECISION)
    {
        warnings.push(format!(
            "targets such as \"6 months\" are counted from the decision, the day the heading gives ({words:?}): an [[event]] `{DECISION}` of {day}; give another with --decided DATE"
        ));
    }
    imported.warnings.extend(warnings);
    imported.events = events;
}

/// The day of a decision a line above the first table gives ("Cabinet
/// decision: 12 June 2011", "Meeting Date: 23 August 2011"), and its words.
fn decided_in_heading(imported: &Imported) -> Option<(NaiveDate, String)> {
    let found = imported.title_lines.iter().find_map(|line| {
        let lower = line.to_lowercase();
        ["decision", "decided", "cabinet", "meeting"]
            .iter()
            .any(|w| lower.contains(w))
            .then(|| super::years::day_in(line))
            .flatten()
    })?;
    Some(found)
}

/// What a target counts from, when it is not a day of its own.
enum Found {
    /// An event was declared: the warning saying so.
    Event(String),
    /// A span with no anchor, counted from the plan's start: its text.
    Unanchored(String),
}

fn one_task(
    task: &mut NewTask,
    decided: Option<NaiveDate>,
    events: &mut Vec<NewEvent>,
) -> Option<Found> {
    let Some(When::Text(text)) = &task.due else {
        return None;
    };
    let text = text.clone();
    if from_plan_start(&text) {
        let Some(day) = decided else {
            return Some(Found::Unanchored(text));
        };
        let words = text.trim().trim_end_matches('.');
        let span = words
            .strip_prefix("within ")
            .or_else(|| words.strip_prefix("Within "))
            .unwrap_or(words);
        let target = format!("{span} after {DECISION}");
        if !matches!(
            dates::parse(&target, &calendar(2010)),
            Ok(TargetDate::After { .. })
        ) {
            return None;
        }
        push_event(events, DECISION, "the decision", Some(day));
        rewrite(task, &text, target);
        return None;
    }
    let (target, event) = after_event(&text)?;
    let warning = format!(
        "{}: the target {text:?} counts from {:?}: declared as the [[event]] `{}` with no date, so the task waits; record the day with `plan event {} YYYY-MM-DD`",
        task.place, event.title, event.id, event.id
    );
    push_event(events, &event.id, &event.title, None);
    rewrite(task, &text, target);
    Some(Found::Event(warning))
}

fn push_event(events: &mut Vec<NewEvent>, id: &str, title: &str, date: Option<NaiveDate>) {
    if !events.iter().any(|e| e.id == id) {
        events.push(NewEvent {
            id: id.to_string(),
            title: title.to_string(),
            date,
        });
    }
}

fn rewrite(task: &mut NewTask, written: &str, target: String) {
    if target == written {
        return;
    }
    task.note.push(format!("Target as written: {written}"));
    task.due = Some(When::Text(target));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_in_words() {
        let (target, event) = after_event("3 months after first pilot completed").unwrap();
        assert_eq!(target, "3 months after first-pilot-completed");
        assert_eq!(event.title, "first pilot completed");
        let (target, _) = after_event("Within six months of the Executive decision.").unwrap();
        assert_eq!(target, "six months after executive-decision");
        assert_eq!(after_event("June 2012"), None);
        assert_eq!(after_event("6 months"), None);
        assert!(from_plan_start("6 months"));
        assert!(from_plan_start("Within 3 months"));
        assert!(!from_plan_start("June 2012"));
        assert!(!from_plan_start("ASAP"));
    }
}
