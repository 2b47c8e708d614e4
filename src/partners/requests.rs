//! `plan requests`: for each agency that leads open tasks, the tasks to ask
//! it about (overdue first, then stale, then due soon, then the rest) and
//! the return sheet it fills in: the current values locked, New RAG (a
//! drop-down), Progress note and Done on open, and a hidden sheet saying
//! what the sheet was made from, with each task's fingerprint.

use super::signature::{Key, Signed};
use super::workbook::{self, Formats};
use super::{ABOUT_SHEET, MAX_NOTE, RETURN_SHEET, column, fingerprint};
use crate::model::{AgencyIdx, Plan, Rag, Task};
use crate::query::{self, Query, State, Status};
use chrono::NaiveDate;
use rust_xlsxwriter::{
    DataValidation, DataValidationRule, ProtectionOptions, Workbook, Worksheet, XlsxError,
};

/// Why a task is asked about, in the order the sheet lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Why {
    Overdue,
    Stale,
    DueSoon,
    Open,
}

/// One agency's request: its open tasks, in the sheet's order.
pub struct Request<'p> {
    pub agency: AgencyIdx,
    pub tasks: Vec<(&'p Task, Status, Why)>,
}

impl Request<'_> {
    pub fn count(&self, why: Why) -> usize {
        self.tasks.iter().filter(|t| t.2 == why).count()
    }
}

/// The requests of every agency that counts at least one open task (the
/// rule of `query::tasks_by_agency`), or of `only`.
pub fn requests<'p>(query: &Query<'p>, only: Option<AgencyIdx>, within: u32) -> Vec<Request<'p>> {
    let plan = query.plan;
    let by_agency = query::tasks_by_agency(plan, plan.tasks());
    by_agency
        .into_iter()
        .enumerate()
        .filter(|(idx, _)| only.is_none_or(|only| only == *idx))
        .map(|(agency, tasks)| Request {
            agency,
            tasks: ordered(query, tasks, within),
        })
        .filter(|request| !request.tasks.is_empty() || only.is_some())
        .collect()
}

/// The open tasks, each with why it is asked about: overdue (most days
/// first), stale (longest unreviewed first), due within `within` days
/// (soonest first), then the rest in plan order.
fn ordered<'p>(query: &Query, tasks: Vec<&'p Task>, within: u32) -> Vec<(&'p Task, Status, Why)> {
    let soon = query.as_of + chrono::Days::new(u64::from(within));
    let mut rows: Vec<(&Task, Status, Why)> = tasks
        .into_iter()
        .map(|task| (task, query.status(task)))
        .filter(|(_, status)| status.state != State::Done)
        .map(|(task, status)| {
            let why = match (status.state, status.deadline) {
                (State::Overdue, _) => Why::Overdue,
                (State::Stale, _) => Why::Stale,
                (_, Some(deadline)) if deadline <= soon => Why::DueSoon,
                _ => Why::Open,
            };
            (task, status, why)
        })
        .collect();
    rows.sort_by_key(|(_, status, why)| {
        let key = match why {
            Why::Overdue => -status.days_overdue.unwrap_or(0),
            Why::Stale => status
                .last_review
                .map_or(0, |d| d.num_days_from_ce().into()),
            Why::DueSoon => status.deadline.map_or(0, |d| d.num_days_from_ce().into()),
            Why::Open => 0,
        };
        (*why, key)
    });
    rows
}

use chrono::Datelike;

/// What a request sheet says about where it came from.
pub struct Made<'a> {
    pub plan: &'a Plan,
    pub as_of: NaiveDate,
    pub reply_by: NaiveDate,
    /// The plan's key, that signs each sheet.
    pub key: &'a Key,
}

/// The widths of the return sheet's columns, in the order of `column::ALL`.
const WIDTHS: [f64; 12] = [
    12.0, 44.0, 18.0, 11.0, 9.0, 10.0, 40.0, 11.0, 10.0, 44.0, 11.0, 18.0,
];

/// The request workbook of one agency.
pub fn workbook(made: &Made, request: &Request) -> Result<Vec<u8>, XlsxError> {
    let plan = made.plan;
    let agency = &plan.agencies[request.agency];
    let formats = Formats::new();
    let mut book = Workbook::new();
    let subject = format!("Update request for {} ({})", agency.name, agency.id);
    book.set_properties(&workbook::properties(plan, made.as_of, &subject));
    let sheet = book.add_worksheet().set_name(RETURN_SHEET)?;
    return_sheet(sheet, request, &formats)?;
    let about = book.add_worksheet().set_name(ABOUT_SHEET)?;
    about_sheet(about, made, request)?;
    about.set_hidden(true);
    book.save_to_buffer()
}

fn return_sheet(sheet: &mut Worksheet, request: &Request, f: &Formats) -> Result<(), XlsxError> {
    let columns: Vec<(&str, f64)> = column::ALL.into_iter().zip(WIDTHS).collect();
    let rows = request.tasks.len() as u32;
    workbook::header(sheet, &columns, rows, f)?;
    for (row, (task, status, _)) in (1u32..).zip(&request.tasks) {
        workbook::text(sheet, row, 0, &task.id, &f.wrap)?;
        workbook::text(sheet, row, 1, &task.text, &f.wrap)?;
        let due = task.due_text.as_deref().unwrap_or("");
        workbook::text(sheet, row, 2, due, &f.wrap)?;
        workbook::date(sheet, row, 3, status.deadline, &f.date)?;
        workbook::text(sheet, row, 4, status.state.as_str(), &f.wrap)?;
        workbook::rag(sheet, row, 5, task.rag, f)?;
        let note = task.note().unwrap_or("");
        workbook::text(sheet, row, 6, note, &f.wrap)?;
        workbook::date(sheet, row, 7, task.note_day(), &f.date)?;
        sheet.write_blank(row, 8, &f.fill)?;
        sheet.write_blank(row, 9, &f.fill)?;
        sheet.write_blank(row, 10, &f.fill_date)?;
        workbook::text(sheet, row, 11, &fingerprint(task), &f.wrap)?;
    }
    let last = rows.max(1);
    let mut words: Vec<&str> = [Rag::Red, Rag::Amber, Rag::Green, Rag::Blue]
        .into_iter()
        .map(Rag::as_str)
        .collect();
    words.push(super::NO_CHANGE);
    let rag = DataValidation::new()
        .allow_list_strings(&words)?
        .set_error_title("Not a RAG status")?
        .set_error_message("Pick red, amber, green, blue or No change from the list.")?;
    sheet.add_data_validation(1, 8, last, 8, &rag)?;
    let note = DataValidation::new()
        .allow_text_length(DataValidationRule::LessThanOrEqualTo(MAX_NOTE as u32))
        .set_error_title("Too long")?
        .set_error_message("A progress note is at most 2,000 characters.")?;
    sheet.add_data_validation(1, 9, last, 9, &note)?;
    sheet.set_column_hidden(11)?;
    sheet.protect_with_options(&ProtectionOptions {
        format_columns: true,
        format_rows: true,
        use_autofilter: true,
        sort: true,
        ..ProtectionOptions::new()
    });
    Ok(())
}

/// The hidden sheet: what the return sheet was made from, each task's id
/// and fingerprint, and the signature over them (`signature.rs`).
fn about_sheet(sheet: &mut Worksheet, made: &Made, request: &Request) -> Result<(), XlsxError> {
    let agency = &made.plan.agencies[request.agency];
    let signed = Signed {
        plan: made.plan.meta.title.clone(),
        agency: agency.id.clone(),
        as_of: made.as_of.to_string(),
        rows: request
            .tasks
            .iter()
            .map(|(task, _, _)| (task.id.clone(), fingerprint(task)))
            .collect(),
        signature: String::new(),
    }
    .sign(made.key);
    let mut rows = vec![
        ("plan", signed.plan.clone()),
        ("as_of", signed.as_of.clone()),
        ("agency", signed.agency.clone()),
        ("reply_by", made.reply_by.to_string()),
        ("made_by", format!("plan {}", env!("CARGO_PKG_VERSION"))),
        ("signature", signed.signature.clone()),
    ];
    for (id, print) in &signed.rows {
        rows.push(("task", format!("{print} {id}")));
    }
    let plain = rust_xlsxwriter::Format::new();
    for (row, (key, value)) in (0u32..).zip(rows) {
        workbook::text(sheet, row, 0, key, &plain)?;
        workbook::text(sheet, row, 1, &value, &plain)?;
    }
    Ok(())
}
