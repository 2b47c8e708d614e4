//! `plan requests`: for each agency that leads open tasks, the tasks to ask
//! it about (overdue first, then stale, then due soon, then the rest) and
//! the return sheet it fills in: the current values locked, New RAG (a
//! drop-down), Progress note and Done on open, and a hidden sheet saying
//! what the sheet was made from, with each task's fingerprint.

use super::signature::{Key, Signed};
use super::words::Languages;
use super::workbook::{self, Formats};
use super::{ABOUT_SHEET, MAX_NOTE, column, fingerprint};
use crate::catalogue::Catalogue;
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

/// The request workbook of one agency, in its language (or languages).
pub fn workbook(made: &Made, request: &Request) -> Result<Vec<u8>, XlsxError> {
    let plan = made.plan;
    let agency = &plan.agencies[request.agency];
    let langs = Languages::of(plan, agency);
    let formats = Formats::new();
    let mut book = Workbook::new();
    let subject = langs
        .langs
        .iter()
        .map(|lang| {
            let name = super::words::text_in(
                *lang,
                langs.first,
                &agency.translations,
                "name",
                &agency.name,
            );
            Catalogue::of(*lang).msg_with(
                "partners-workbook-subject",
                &[
                    ("agency", name.as_str().into()),
                    ("id", agency.id.as_str().into()),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join(super::words::BETWEEN);
    book.set_properties(&workbook::properties(plan, made.as_of, &subject));
    // A sheet's name holds no `/`.
    let name = langs
        .say("partners-sheet-name")
        .replace(super::words::BETWEEN, " - ");
    let sheet = book.add_worksheet().set_name(name)?;
    return_sheet(sheet, request, &langs, &formats)?;
    let about = book.add_worksheet().set_name(ABOUT_SHEET)?;
    about_sheet(about, made, request)?;
    about.set_hidden(true);
    book.save_to_buffer()
}

fn return_sheet(
    sheet: &mut Worksheet,
    request: &Request,
    langs: &Languages,
    f: &Formats,
) -> Result<(), XlsxError> {
    let headings: Vec<String> = column::KEYS.into_iter().map(|key| langs.say(key)).collect();
    let columns: Vec<(&str, f64)> = headings.iter().map(String::as_str).zip(WIDTHS).collect();
    let rows = request.tasks.len() as u32;
    workbook::header(sheet, &columns, rows, f)?;
    for (row, (task, status, _)) in (1u32..).zip(&request.tasks) {
        workbook::text(sheet, row, 0, &task.id, &f.wrap)?;
        let text = langs.text(&task.translations, "text", &task.text);
        workbook::text(sheet, row, 1, &text, &f.wrap)?;
        let due = task.due_text.as_deref().unwrap_or("");
        workbook::text(sheet, row, 2, due, &f.wrap)?;
        workbook::date(sheet, row, 3, status.deadline, &f.date)?;
        workbook::text(sheet, row, 4, &langs.state(status.state), &f.wrap)?;
        if let Some(rag) = task.rag {
            workbook::rag_in(sheet, row, 5, rag, &langs.rag(rag), f)?;
        }
        if let Some(note) = task.note() {
            let twins = super::words::note_twins(task);
            workbook::text(sheet, row, 6, &langs.text(twins, "note", note), &f.wrap)?;
        }
        workbook::date(sheet, row, 7, task.note_day(), &f.date)?;
        sheet.write_blank(row, 8, &f.fill)?;
        sheet.write_blank(row, 9, &f.fill)?;
        sheet.write_blank(row, 10, &f.fill_date)?;
        workbook::text(sheet, row, 11, &fingerprint(task), &f.wrap)?;
    }
    checks(sheet, rows.max(1), langs)?;
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

/// What Excel and LibreOffice check as a partner types: New RAG from its
/// drop-down (the RAG words and "No change", in the sheet's languages), a
/// progress note no longer than `plan apply` takes.
fn checks(sheet: &mut Worksheet, last: u32, langs: &Languages) -> Result<(), XlsxError> {
    let mut words: Vec<String> = [Rag::Red, Rag::Amber, Rag::Green, Rag::Blue]
        .into_iter()
        .map(|rag| langs.rag(rag))
        .collect();
    words.push(langs.say("partners-no-change"));
    let rag = DataValidation::new()
        .allow_list_strings(&words)?
        .set_error_title(title(langs, "partners-not-a-rag-title"))?
        .set_error_message(message(langs, "partners-not-a-rag"))?;
    sheet.add_data_validation(1, 8, last, 8, &rag)?;
    let note = DataValidation::new()
        .allow_text_length(DataValidationRule::LessThanOrEqualTo(MAX_NOTE as u32))
        .set_error_title(title(langs, "partners-too-long-title"))?
        .set_error_message(message(langs, "partners-too-long"))?;
    sheet.add_data_validation(1, 9, last, 9, &note)?;
    Ok(())
}

/// A check's title in each language where Excel's 32 characters hold
/// them, else in the first (its message is in each).
fn title(langs: &Languages, key: &'static str) -> String {
    let both = langs.say(key);
    if both.chars().count() <= 32 {
        return both;
    }
    Catalogue::of(langs.langs[0]).msg(key).to_string()
}

/// A check's message, each language a paragraph.
fn message(langs: &Languages, key: &'static str) -> String {
    langs
        .langs
        .iter()
        .map(|lang| Catalogue::of(*lang).msg(key))
        .collect::<Vec<_>>()
        .join("\n\n")
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
