//! What `plan apply` makes of returned rows, before anything is written:
//! each filled row becomes a task edit, or a refusal that says why (an
//! unknown id, a RAG that is no RAG, a bad or future done date, a note too
//! long, a formula, a task another agency leads, a task that changed since
//! the sheet was made, two sheets that disagree). Pure: the plan and the
//! rows in, the changes and refusals out.

use super::record;
use super::returns::{Cell, Returned, Row, Value};
use super::signature::Key;
use super::{MAX_NOTE, fingerprint};
use crate::edit::TaskEdit;
use crate::error::Error;
use crate::leads::Registry;
use crate::model::{AgencyIdx, Lead, Plan, Rag, Task, TaskStatus, Update};
use crate::query::LeadFilter;
use crate::words::either;
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;
use std::fmt;

pub struct Options {
    /// The day the sheets came back: the progress notes' date.
    pub on: NaiveDate,
    /// Take rows for tasks other agencies lead.
    pub any_lead: bool,
    /// Take rows for tasks that changed since the sheet was made.
    pub force: bool,
}

/// Says whose return `file` is, from its signature checked with the plan's
/// `key` (in `dir`), or, for a file with no signature (a CSV; a sheet whose
/// About sheet was deleted, or that an older `plan` made), from `given`
/// (`--agency`) alone: never from the file's name or an unsigned About
/// sheet, which anyone can write. A signature that does not verify refuses
/// the file.
pub fn attribute(
    file: &mut Returned,
    key: Option<&Key>,
    dir: &std::path::Path,
    given: Option<&str>,
) -> Result<(), Error> {
    let name = file.name.clone();
    match (&file.signed, given) {
        (None, None) => return Err(Error::ReturnUnsigned { file: name }),
        (None, Some(given)) => file.agency = Some(given.to_string()),
        (Some(signed), _) => {
            let key = key.ok_or_else(|| Error::NoPlanKey {
                file: name.clone(),
                dir: dir.to_path_buf(),
            })?;
            if !signed.verifies(key) {
                return Err(Error::ReturnNotSigned {
                    file: name,
                    agency: signed.agency.clone(),
                    why: "its signature does not match what its hidden About sheet says",
                });
            }
            if let Some(given) = given
                && !crate::model::same_id(given, &signed.agency)
            {
                return Err(Error::ReturnOtherAgency {
                    file: name,
                    signed: signed.agency.clone(),
                    given: given.to_string(),
                });
            }
            file.agency = Some(signed.agency.clone());
            file.plan_title = Some(signed.plan.clone());
        }
    }
    file.identify();
    Ok(())
}

/// Why a row was not applied. All the wording is here.
#[derive(Debug, Clone, PartialEq)]
pub enum Why {
    NoId,
    UnknownTask {
        id: String,
    },
    Formula {
        formula: String,
    },
    ErrorValue {
        error: String,
    },
    NotARag {
        text: String,
    },
    NotADate {
        text: String,
    },
    DoneInFuture {
        day: NaiveDate,
        on: NaiveDate,
    },
    NoteTooLong {
        chars: usize,
    },
    NoAgency {
        written: String,
    },
    OtherLead {
        task: String,
        agency: String,
        leads: String,
    },
    OtherPlan {
        title: String,
    },
    Changed {
        task: String,
        sheet: String,
        plan: String,
    },
    Clash {
        task: String,
        other: String,
    },
    Resent {
        task: String,
        agency: String,
        day: Option<NaiveDate>,
    },
    /// A row with no fingerprint: what the task was when the sheet was
    /// made cannot be told.
    NoFingerprint {
        task: String,
    },
    /// A row of a signed sheet whose id and fingerprint were not signed:
    /// typed or pasted in, or changed.
    NotSigned {
        task: String,
    },
}

impl fmt::Display for Why {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Why::NoId => write!(f, "the row has no task id"),
            Why::UnknownTask { id } => write!(f, "no task `{id}` in the plan"),
            Why::Formula { formula } => {
                write!(
                    f,
                    "a formula (`{formula}`), not a value: type the value itself"
                )
            }
            Why::ErrorValue { error } => write!(f, "the cell holds the error {error}"),
            Why::NotARag { text } => write!(
                f,
                "`{text}` is not a RAG status: use {}",
                either(<Rag as crate::words::Words>::WORDS)
            ),
            Why::NotADate { text } => {
                write!(
                    f,
                    "`{text}` is not a date: write it as 2012-12-03 or 03/12/2012"
                )
            }
            Why::DoneInFuture { day, on } => {
                write!(f, "done on {day}, after the day the sheet came back ({on})")
            }
            Why::NoteTooLong { chars } => write!(
                f,
                "the progress note is {chars} characters long; at most {MAX_NOTE} are taken"
            ),
            Why::NoAgency { written } => write!(
                f,
                "the sheet's agency, `{written}`, is no agency of the plan: give --agency ID, or --any-lead"
            ),
            Why::OtherLead {
                task,
                agency,
                leads,
            } => write!(
                f,
                "task {task} is led by {leads}, not {agency}: give --any-lead to take it"
            ),
            Why::OtherPlan { title } => {
                write!(f, "the sheet was made from another plan (\"{title}\")")
            }
            Why::Changed { task, sheet, plan } => write!(
                f,
                "conflict: task {task} changed since the sheet was made (sheet: {sheet}; plan now: {plan}): give --force to take the row anyway"
            ),
            Why::Clash { task, other } => {
                write!(
                    f,
                    "conflict: {other} sets task {task} differently; neither is applied"
                )
            }
            Why::Resent { task, agency, day } => write!(
                f,
                "conflict: {agency} returned this sheet before with other values for task {task} (the entry of {}): give --force to record this one too",
                day.map_or("no date".to_string(), |d| d.to_string())
            ),
            Why::NoFingerprint { task } => write!(
                f,
                "stale: the row for task {task} has no fingerprint, so whether the task changed since the sheet was made cannot be told: give --force to take the row anyway"
            ),
            Why::NotSigned { task } => write!(
                f,
                "the row's Id and Fingerprint (task {task}) are not ones `plan requests` wrote into this sheet: a row typed in, pasted or changed is not taken"
            ),
        }
    }
}

/// A row not applied: where it is, and why.
#[derive(Debug, Clone)]
pub struct Refusal {
    pub file: String,
    pub sheet: String,
    pub row: usize,
    /// The cell at fault (`I7`), or empty for the row as a whole.
    pub at: String,
    pub why: Why,
}

/// A task edit a row asks for.
#[derive(Debug, Clone)]
pub struct Change {
    pub task: String,
    pub edit: TaskEdit,
    /// `SWP.xlsx row 3`.
    pub from: String,
}

#[derive(Debug, Default)]
pub struct Outcome {
    pub changes: Vec<Change>,
    pub refusals: Vec<Refusal>,
    /// Filled rows the plan already holds (a sheet applied again).
    pub unchanged: usize,
}

/// What a filled row asks for.
#[derive(Debug, Clone, PartialEq)]
struct Wanted {
    rag: Option<Rag>,
    /// "No change" picked for New RAG: reviewed, the RAG as it stands.
    no_change: bool,
    note: Option<String>,
    done: Option<NaiveDate>,
}

/// A row that passed its own checks, waiting for the checks across rows.
struct Candidate<'a, 'p> {
    file: &'a Returned,
    row: &'a Row,
    task: &'p Task,
    agency: String,
    /// The agency, where the row is one agency's (not `--any-lead`'s leads).
    by: Option<AgencyIdx>,
    wanted: Wanted,
}

/// Every filled row of every file: a change or a refusal.
pub fn decide(plan: &Plan, files: &[Returned], options: &Options) -> Outcome {
    let (registry, _) = Registry::new(&plan.agencies);
    let mut outcome = Outcome::default();
    let mut candidates = Vec::new();
    for file in files {
        let agency = file
            .agency
            .as_deref()
            .and_then(|a| match registry.resolve(a) {
                Some(Lead::Agency(idx)) => Some(idx),
                _ => None,
            });
        for row in file.rows.iter().filter(|r| is_filled(r)) {
            match candidate(plan, file, row, agency, options) {
                Ok(c) => candidates.push(c),
                Err((at, why)) => outcome.refusals.push(refusal(file, row, at, why)),
            }
        }
    }
    let mut by_task: HashMap<&str, Vec<Candidate>> = HashMap::new();
    for c in candidates {
        by_task.entry(c.task.id.as_str()).or_default().push(c);
    }
    let mut tasks: Vec<_> = by_task.into_values().collect();
    tasks.sort_by_key(|cs| (cs[0].file.name.clone(), cs[0].row.row));
    for cs in tasks {
        settle(cs, options, &mut outcome);
    }
    outcome
}

/// The rows one task got. Each agency's row is a review of its own (co-leads
/// report side by side); two rows of one agency that differ are a conflict.
fn settle(cs: Vec<Candidate>, options: &Options, outcome: &mut Outcome) {
    let mut by_agency: Vec<Vec<Candidate>> = Vec::new();
    for c in cs {
        match by_agency.iter_mut().find(|g| g[0].agency == c.agency) {
            Some(group) => group.push(c),
            None => by_agency.push(vec![c]),
        }
    }
    for mut group in by_agency {
        if clash(&group, outcome) {
            continue;
        }
        review(group.swap_remove(0), options, outcome);
    }
}

/// Refuses every row of one agency's rows for a task when they differ.
fn clash(cs: &[Candidate], outcome: &mut Outcome) -> bool {
    let Some(other) = cs.iter().find(|c| c.wanted != cs[0].wanted) else {
        return false;
    };
    let first = from(cs[0].file, cs[0].row);
    let second = from(other.file, other.row);
    for c in cs {
        let other = if from(c.file, c.row) == first {
            &second
        } else {
            &first
        };
        let why = Why::Clash {
            task: c.task.id.clone(),
            other: other.clone(),
        };
        outcome
            .refusals
            .push(refusal(c.file, c.row, String::new(), why));
    }
    true
}

/// One agency's row for one task: a new entry, nothing (this sheet's row is
/// already in the history), or a refusal.
fn review(c: Candidate, options: &Options, outcome: &mut Outcome) {
    let sheet = &c.file.fingerprint;
    let earlier = c.task.updates.iter().rev().find(|u| {
        u.sheet.as_deref().and_then(|s| s.split_whitespace().next()) == Some(sheet.as_str())
    });
    if earlier.is_none() && c.task.reviews().any(|u| same_old_review(u, &c, options.on)) {
        outcome.unchanged += 1;
        return;
    }
    let refuse = |why| refusal(c.file, c.row, String::new(), why);
    if let Some(earlier) = earlier {
        if says(earlier, &c.wanted, c.task) {
            outcome.unchanged += 1;
            return;
        }
        if !options.force {
            let why = Why::Resent {
                task: c.task.id.clone(),
                agency: c.agency.clone(),
                day: earlier.date,
            };
            outcome.refusals.push(refuse(why));
            return;
        }
    } else if !options.force
        && let Some(why) = changed(c.task, c.row, &c.wanted)
    {
        outcome.refusals.push(refuse(why));
        return;
    }
    let rag = c.wanted.rag.or(c.wanted.done.map(|_| Rag::Blue));
    let rag = if c.wanted.no_change { c.task.rag } else { rag };
    let mut edit = TaskEdit {
        rag: rag.map(Some),
        done: c.wanted.done,
        updated: options.on,
        ..TaskEdit::default()
    };
    record::review(
        &mut edit,
        c.wanted.note.as_deref(),
        &c.agency,
        &format!("{sheet} row {}", c.row.row),
    );
    outcome.changes.push(Change {
        task: c.task.id.clone(),
        edit,
        from: from(c.file, c.row),
    });
}

/// True for an entry written before entries kept their sheet (no `sheet`)
/// that is this row's review: the same day, the same agency, saying the
/// same (its RAG and note). Applying that return again doubles nothing.
fn same_old_review(entry: &Update, c: &Candidate, on: NaiveDate) -> bool {
    entry.sheet.is_none()
        && entry.date == Some(on)
        && c.by.is_some()
        && entry.by == c.by
        && says(entry, &c.wanted, c.task)
}

/// True when an entry says what the row asks (the row applied before).
fn says(entry: &Update, wanted: &Wanted, task: &Task) -> bool {
    let rag = wanted.rag.or(wanted.done.map(|_| Rag::Blue));
    entry.note == wanted.note
        && (wanted.no_change || rag.is_none_or(|r| entry.rag == Some(r)))
        && wanted.done.is_none_or(|d| task.done == Some(d))
}

fn from(file: &Returned, row: &Row) -> String {
    format!("{} row {}", file.name, row.row)
}

fn refusal(file: &Returned, row: &Row, at: String, why: Why) -> Refusal {
    Refusal {
        file: file.name.clone(),
        sheet: file.sheet.clone(),
        row: row.row,
        at,
        why,
    }
}

fn is_filled(row: &Row) -> bool {
    !(row.new_rag.value.is_empty() && row.progress.value.is_empty() && row.done_on.value.is_empty())
}

type Refused = (String, Why);

/// A row's own checks: its task, its values, its agency.
fn candidate<'a, 'p>(
    plan: &'p Plan,
    file: &'a Returned,
    row: &'a Row,
    agency: Option<AgencyIdx>,
    options: &Options,
) -> Result<Candidate<'a, 'p>, Refused> {
    if let Some(title) = &file.plan_title
        && title.trim() != plan.meta.title.trim()
    {
        return Err((
            String::new(),
            Why::OtherPlan {
                title: title.clone(),
            },
        ));
    }
    let id = plain(&row.id)?.ok_or((row.id.at.clone(), Why::NoId))?;
    let task = plan
        .find_task(&id)
        .ok_or_else(|| (row.id.at.clone(), Why::UnknownTask { id: id.clone() }))?;
    let wanted = wanted(row, options.on)?;
    if let Some(signed) = &file.signed
        && let Some(print) = &row.fingerprint
        && !signed.holds(&id, print)
    {
        let at = row.id.at.clone();
        return Err((
            at,
            Why::NotSigned {
                task: task.id.clone(),
            },
        ));
    }
    let agency_id = match agency {
        Some(idx) if options.any_lead || LeadFilter::new(plan, idx).matches(task) => {
            plan.agencies[idx].id.clone()
        }
        Some(idx) => {
            return Err((
                row.id.at.clone(),
                Why::OtherLead {
                    task: task.id.clone(),
                    agency: plan.agencies[idx].id.clone(),
                    leads: plan.lead_ids(task).join(", "),
                },
            ));
        }
        None if options.any_lead => plan.lead_ids(task).join(", "),
        None => {
            let written = file.agency.clone().unwrap_or_default();
            return Err((String::new(), Why::NoAgency { written }));
        }
    };
    Ok(Candidate {
        file,
        row,
        task,
        agency: agency_id,
        by: agency,
        wanted,
    })
}

/// The text of a cell, refusing formulas and error values.
fn plain(cell: &Cell) -> Result<Option<String>, Refused> {
    match &cell.value {
        Value::Formula(formula) => Err((
            cell.at.clone(),
            Why::Formula {
                formula: formula.clone(),
            },
        )),
        Value::Error(error) => Err((
            cell.at.clone(),
            Why::ErrorValue {
                error: error.clone(),
            },
        )),
        value => Ok(value.text().filter(|t| !t.is_empty())),
    }
}

fn wanted(row: &Row, on: NaiveDate) -> Result<Wanted, Refused> {
    let no_change = plain(&row.new_rag)?.is_some_and(|t| super::is_no_change(&t));
    let rag = match plain(&row.new_rag)? {
        None => None,
        Some(_) if no_change => None,
        Some(text) => Some(
            super::words::rag(&text)
                .ok_or_else(|| (row.new_rag.at.clone(), Why::NotARag { text }))?,
        ),
    };
    let note = plain(&row.progress)?;
    if let Some(note) = &note {
        let chars = note.chars().count();
        if chars > MAX_NOTE {
            return Err((row.progress.at.clone(), Why::NoteTooLong { chars }));
        }
    }
    let done = match (&row.done_on.value, plain(&row.done_on)?) {
        (Value::Date(day), _) => Some(*day),
        (_, None) => None,
        (_, Some(text)) => Some(
            day_in_a_cell(&text).ok_or_else(|| (row.done_on.at.clone(), Why::NotADate { text }))?,
        ),
    };
    if let Some(day) = done
        && day > on
    {
        return Err((row.done_on.at.clone(), Why::DoneInFuture { day, on }));
    }
    Ok(Wanted {
        rag,
        no_change,
        note,
        done,
    })
}

/// A day typed as text in a cell of a return sheet: what `plan` reads
/// anywhere (ISO, [`crate::dates::parse_day`]), a spreadsheet's date and
/// time (`2012-11-20 00:00:00`), or a day first as a UK sheet writes it
/// (`03/12/2012`, `3-Dec-12`, `3 December 2012`).
fn day_in_a_cell(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let text = text
        .get(..10)
        .filter(|t| t.len() == 10 && text.len() > 10 && text[10..].starts_with([' ', 'T']))
        .unwrap_or(text);
    if let Ok(day) = crate::dates::parse_day(text) {
        return Some(day).filter(|day| (1900..=9999).contains(&day.year()));
    }
    // Two-digit years first: "%d/%m/%Y" would read `20/11/12` as year 12.
    [
        "%d/%m/%y", "%d/%m/%Y", "%d-%b-%y", "%d-%b-%Y", "%d %b %Y", "%d %B %Y", "%d.%m.%Y",
    ]
    .iter()
    .filter_map(|form| NaiveDate::parse_from_str(text, form).ok())
    .find(|day| (1900..=9999).contains(&day.year()))
}

/// Whether the task changed since the sheet was made in what a review
/// stands on: its target, its status or its done date. Reviews given since
/// (a co-lead's, the coordinator's) are no conflict: each is an entry. A
/// row without a fingerprint cannot tell, and is refused as stale (a blanked
/// cell must not let a row through after the target changed).
fn changed(task: &Task, row: &Row, wanted: &Wanted) -> Option<Why> {
    let Some(then) = &row.fingerprint else {
        return Some(Why::NoFingerprint {
            task: task.id.clone(),
        });
    };
    if *then == fingerprint(task) {
        return None;
    }
    let sheet_due = row.sheet_due.as_deref().unwrap_or("").trim();
    let plan_due = task.due_text.as_deref().unwrap_or("").trim();
    let on_hold = row
        .sheet_state
        .as_deref()
        .is_some_and(super::words::is_on_hold);
    let moved = sheet_due != plan_due
        || (task.done.is_some() && task.done != wanted.done)
        || !task.counts()
        || on_hold != (task.status == TaskStatus::OnHold);
    moved.then(|| Why::Changed {
        task: task.id.clone(),
        sheet: describe(sheet_due, None, if on_hold { "on-hold" } else { "active" }),
        plan: describe(plan_due, task.done, task.status.as_str()),
    })
}

/// "due Dec 2012, on-hold, done 2012-11-20".
fn describe(due: &str, done: Option<NaiveDate>, status: &str) -> String {
    let due: String = match due {
        "" => "no due".into(),
        due => format!("due \"{}\"", due.chars().take(60).collect::<String>()),
    };
    let mut parts = vec![due, status.to_string()];
    if let Some(done) = done {
        parts.push(format!("done {done}"));
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn days_typed_as_text_are_read_day_first() {
        for text in [
            "2012-11-20",
            "20/11/2012",
            "20/11/12",
            "20-Nov-12",
            "20 November 2012",
            "2012-11-20 00:00:00",
            "2012-11-20T00:00:00",
        ] {
            assert_eq!(day_in_a_cell(text), day(2012, 11, 20), "{text}");
        }
        for text in ["soon", "2012-13-01", "11/20/2012", ""] {
            assert_eq!(day_in_a_cell(text), None, "{text}");
        }
    }

    #[test]
    fn a_note_recorded_is_known_again() {
        let mut edit = TaskEdit::default();
        record::review(&mut edit, Some("Briefed"), "SWP", "0123 row 3");
        assert_eq!(edit.note.as_deref(), Some("Briefed"));
        assert_eq!(edit.by.as_deref(), Some("SWP"));
        assert_eq!(edit.sheet.as_deref(), Some("0123 row 3"));
    }
}
