//! What `plan apply` makes of returned rows, before anything is written:
//! each filled row becomes a task edit, or a refusal that says why (an
//! unknown id, a RAG that is no RAG, a bad or future done date, a note too
//! long, a formula, a task another agency leads, a task that changed since
//! the sheet was made, two sheets that disagree). Pure: the plan and the
//! rows in, the changes and refusals out.

use super::record;
use super::returns::{Cell, Returned, Row, Value};
use super::{MAX_NOTE, fingerprint};
use crate::edit::TaskEdit;
use crate::leads::Registry;
use crate::model::{AgencyIdx, Lead, Plan, Rag, Task};
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
                "the sheet does not say which agency returned it (`{written}` is none): rename the file ID.xlsx, or give --any-lead"
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
    note: Option<String>,
    done: Option<NaiveDate>,
}

/// A row that passed its own checks, waiting for the checks across rows.
struct Candidate<'a, 'p> {
    file: &'a Returned,
    row: &'a Row,
    task: &'p Task,
    agency: String,
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

/// The rows one task got: one change, nothing (already applied), or refusals.
fn settle(mut cs: Vec<Candidate>, options: &Options, outcome: &mut Outcome) {
    if let Some(other) = cs.iter().find(|c| c.wanted != cs[0].wanted) {
        let first = from(cs[0].file, cs[0].row);
        let second = from(other.file, other.row);
        for c in &cs {
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
        return;
    }
    let c = cs.swap_remove(0);
    if holds(c.task, &c.wanted) {
        outcome.unchanged += 1;
        return;
    }
    if !options.force
        && let Some(why) = changed(c.task, c.row)
    {
        outcome
            .refusals
            .push(refusal(c.file, c.row, String::new(), why));
        return;
    }
    let mut edit = TaskEdit {
        rag: c.wanted.rag.or(c.wanted.done.map(|_| Rag::Blue)).map(Some),
        done: c.wanted.done,
        updated: options.on,
        ..TaskEdit::default()
    };
    if let Some(note) = &c.wanted.note {
        record::progress_note(&mut edit, note, &c.agency, options.on);
    }
    outcome.changes.push(Change {
        task: c.task.id.clone(),
        edit,
        from: from(c.file, c.row),
    });
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
    let rag = match plain(&row.new_rag)? {
        None => None,
        Some(text) => {
            Some(Rag::parse(&text).ok_or_else(|| (row.new_rag.at.clone(), Why::NotARag { text }))?)
        }
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
    Ok(Wanted { rag, note, done })
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

/// True when the task already is as the row asks.
fn holds(task: &Task, wanted: &Wanted) -> bool {
    let rag = wanted.rag.or(wanted.done.map(|_| Rag::Blue));
    rag.is_none_or(|r| task.rag == Some(r))
        && wanted.done.is_none_or(|d| task.done == Some(d))
        && wanted
            .note
            .as_deref()
            .is_none_or(|n| record::holds(task, n))
}

/// Whether the task changed since the sheet was made: by its fingerprint,
/// or, in a sheet without one, by the RAG and note the sheet shows.
fn changed(task: &Task, row: &Row) -> Option<Why> {
    let now = fingerprint(task);
    let sheet_rag = row.sheet_rag.as_deref().unwrap_or("");
    let plan_rag = task.rag.map_or("", |r| r.as_str());
    let sheet_note = row.sheet_note.as_deref().unwrap_or("");
    let plan_note = task.note().unwrap_or("");
    let differs = match &row.fingerprint {
        Some(then) => *then != now,
        None => !sheet_rag.eq_ignore_ascii_case(plan_rag) || sheet_note != plan_note,
    };
    differs.then(|| Why::Changed {
        task: task.id.clone(),
        sheet: describe(sheet_rag, sheet_note),
        plan: describe(plan_rag, plan_note),
    })
}

/// "rag amber, note \"Roath briefed; ...\"".
fn describe(rag: &str, note: &str) -> String {
    let rag = if rag.is_empty() { "not rated" } else { rag };
    let mut short: String = note.chars().take(60).collect();
    if short.len() < note.len() {
        short.push('…');
    }
    match note {
        "" => format!("rag {rag}, no note"),
        _ => format!("rag {rag}, note \"{short}\""),
    }
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
        let on = day(2012, 12, 3).unwrap();
        record::progress_note(&mut edit, "Briefed", "SWP", on);
        assert_eq!(edit.note.as_deref(), Some("Briefed"));
        assert_eq!(edit.by.as_deref(), Some("SWP"));
        assert_eq!(edit.updated, on);
    }
}
