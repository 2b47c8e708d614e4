//! Excel workbooks with rust_xlsxwriter: the cell formats the partners'
//! sheets share (a RAG cell filled in its colour with its word in it, dates
//! as real date cells, wrapped text) and `plan export --format xlsx`, the
//! whole plan as a workbook. Every text goes in with `write_string`, never
//! as a formula, whatever it starts with.

use crate::model::{Plan, Rag, Task};
use crate::query::{Query, State, tasks_by_agency};
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    Color, DocProperties, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

/// Excel holds at most this many characters in a cell.
const CELL_LIMIT: usize = 32_767;

/// The formats of a workbook, made once.
pub struct Formats {
    pub header: Format,
    pub wrap: Format,
    pub date: Format,
    /// For the columns a partner fills in: not locked by the sheet's protection.
    pub fill: Format,
    pub fill_date: Format,
    rags: [Format; 4],
}

impl Formats {
    pub fn new() -> Formats {
        let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
        let rag = |color: u32, font: u32| {
            Format::new()
                .set_background_color(Color::RGB(color))
                .set_font_color(Color::RGB(font))
                .set_bold()
                .set_align(FormatAlign::Top)
                .set_border(FormatBorder::Thin)
        };
        Formats {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_background_color(Color::RGB(0xD9_D9_D9))
                .set_border_bottom(FormatBorder::Thin),
            date: Format::new()
                .set_num_format("yyyy-mm-dd")
                .set_align(FormatAlign::Top),
            fill: wrap
                .clone()
                .set_unlocked()
                .set_background_color(Color::RGB(0xFF_FF_E0)),
            fill_date: Format::new()
                .set_num_format("yyyy-mm-dd")
                .set_align(FormatAlign::Top)
                .set_unlocked()
                .set_background_color(Color::RGB(0xFF_FF_E0)),
            wrap,
            rags: [
                rag(0xC0_00_00, 0xFF_FF_FF),
                rag(0xFF_C0_00, 0x00_00_00),
                rag(0x00_B0_50, 0x00_00_00),
                rag(0x00_70_C0, 0xFF_FF_FF),
            ],
        }
    }

    fn rag(&self, rag: Rag) -> &Format {
        &self.rags[match rag {
            Rag::Red => 0,
            Rag::Amber => 1,
            Rag::Green => 2,
            Rag::Blue => 3,
        }]
    }
}

impl Default for Formats {
    fn default() -> Formats {
        Formats::new()
    }
}

/// Text, always as a string (a leading `=` is text, not a formula), cut to
/// what a cell holds.
pub fn text(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if text.is_empty() {
        return Ok(());
    }
    let text = match text.char_indices().nth(CELL_LIMIT - 1) {
        Some((at, _)) => &text[..at],
        None => text,
    };
    sheet.write_string_with_format(row, col, text, format)?;
    Ok(())
}

/// A date cell; a day Excel cannot show (before 1900, after 9999) as text.
pub fn date(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    day: Option<NaiveDate>,
    format: &Format,
) -> Result<(), XlsxError> {
    match day {
        Some(day) if (1900..=9999).contains(&day.year()) => {
            sheet.write_date_with_format(row, col, day, format)?;
        }
        Some(day) => {
            sheet.write_string_with_format(row, col, day.to_string(), format)?;
        }
        None => {}
    }
    Ok(())
}

/// A RAG cell: filled in its colour, with its word in it.
pub fn rag(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    rag: Option<Rag>,
    formats: &Formats,
) -> Result<(), XlsxError> {
    if let Some(rag) = rag {
        rag_in(sheet, row, col, rag, rag.as_str(), formats)?;
    }
    Ok(())
}

/// A RAG cell with its word in a language of the reader's ("coch / red").
pub fn rag_in(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    rag: Rag,
    word: &str,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.write_string_with_format(row, col, word, formats.rag(rag))?;
    Ok(())
}

/// The header row, frozen, with an autofilter over `rows` rows, and each
/// column's width.
pub fn header(
    sheet: &mut Worksheet,
    columns: &[(&str, f64)],
    rows: u32,
    formats: &Formats,
) -> Result<(), XlsxError> {
    for (col, (name, width)) in (0u16..).zip(columns) {
        sheet.write_string_with_format(0, col, *name, &formats.header)?;
        sheet.set_column_width(col, *width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let last = u16::try_from(columns.len().saturating_sub(1)).unwrap_or(0);
    sheet.autofilter(0, 0, rows.max(1), last)?;
    Ok(())
}

/// The document properties: the plan's title, the as-of day, made by plan.
pub fn properties(plan: &Plan, as_of: NaiveDate, subject: &str) -> DocProperties {
    DocProperties::new()
        .set_title(&plan.meta.title)
        .set_subject(subject)
        .set_author(plan.meta.owner.as_deref().unwrap_or(""))
        .set_comment(format!(
            "made by plan {} as of {as_of}",
            env!("CARGO_PKG_VERSION")
        ))
        .set_keywords(format!("as of {as_of}"))
}

/// The columns of the Tasks sheet and of each card's sheet.
const TASK_COLUMNS: [(&str, f64); 17] = [
    ("card", 7.0),
    ("priority", 9.0),
    ("priority_title", 30.0),
    ("action", 9.0),
    ("action_title", 30.0),
    ("id", 12.0),
    ("text", 50.0),
    ("leads", 14.0),
    ("due_text", 20.0),
    ("deadline", 11.0),
    ("state", 9.0),
    ("days_overdue", 8.0),
    ("rag", 8.0),
    ("done", 11.0),
    ("updated", 11.0),
    ("resources", 20.0),
    ("note", 50.0),
];

/// `plan export --format xlsx`: Tasks, a sheet per report card, Agencies
/// and Recommendations.
pub fn export(plan: &Plan, as_of: NaiveDate) -> Result<Vec<u8>, XlsxError> {
    let query = Query::new(plan, as_of);
    let formats = Formats::new();
    let mut book = Workbook::new();
    book.set_properties(&properties(plan, as_of, "The plan's tasks"));
    let all: Vec<_> = plan.task_paths().collect();
    task_sheet(
        book.add_worksheet().set_name("Tasks")?,
        &all,
        &query,
        &formats,
    )?;
    for card in &plan.cards {
        let tasks: Vec<_> = all.iter().filter(|t| t.0.id == card.id).copied().collect();
        let name = match card.id.to_lowercase().as_str() {
            "tasks" | "agencies" | "recommendations" => format!("Card {}", card.id),
            _ => card.id.clone(),
        };
        task_sheet(
            book.add_worksheet().set_name(name)?,
            &tasks,
            &query,
            &formats,
        )?;
    }
    agency_sheet(book.add_worksheet().set_name("Agencies")?, &query, &formats)?;
    recommendation_sheet(
        book.add_worksheet().set_name("Recommendations")?,
        plan,
        &formats,
    )?;
    book.save_to_buffer()
}

type TaskPath<'p> = (
    &'p crate::model::Card,
    &'p crate::model::Priority,
    &'p crate::model::Action,
    &'p Task,
);

fn task_sheet(
    sheet: &mut Worksheet,
    tasks: &[TaskPath],
    query: &Query,
    f: &Formats,
) -> Result<(), XlsxError> {
    let plan = query.plan;
    header(sheet, &TASK_COLUMNS, tasks.len() as u32, f)?;
    for (row, (card, priority, action, task)) in (1u32..).zip(tasks) {
        let status = query.status(task);
        let texts = [
            (0, card.id.as_str()),
            (1, priority.id.as_str()),
            (2, priority.title.as_str()),
            (3, action.id.as_str()),
            (4, action.title.as_str()),
            (5, task.id.as_str()),
            (6, task.text.as_str()),
            (8, task.due_text.as_deref().unwrap_or("")),
            (10, status.state.as_str()),
            (15, task.resources.as_deref().unwrap_or("")),
            (16, task.note().unwrap_or("")),
        ];
        for (col, value) in texts {
            text(sheet, row, col, value, &f.wrap)?;
        }
        text(sheet, row, 7, &plan.lead_ids(task).join(", "), &f.wrap)?;
        date(sheet, row, 9, status.deadline, &f.date)?;
        if let Some(days) = status.days_overdue {
            sheet.write_number(row, 11, days as f64)?;
        }
        rag(sheet, row, 12, task.rag, f)?;
        date(sheet, row, 13, task.done, &f.date)?;
        date(sheet, row, 14, task.updated, &f.date)?;
    }
    Ok(())
}

fn agency_sheet(sheet: &mut Worksheet, query: &Query, f: &Formats) -> Result<(), XlsxError> {
    let plan = query.plan;
    let columns = [
        ("id", 10.0),
        ("name", 36.0),
        ("kind", 13.0),
        ("part_of", 10.0),
        ("email", 30.0),
        ("contact", 24.0),
        ("tasks", 7.0),
        ("open", 7.0),
        ("overdue", 8.0),
    ];
    header(sheet, &columns, plan.agencies.len() as u32, f)?;
    let by_agency = tasks_by_agency(plan, plan.tasks());
    for ((idx, agency), tasks) in plan.agencies.iter().enumerate().zip(by_agency) {
        let row = idx as u32 + 1;
        let states: Vec<State> = tasks.iter().map(|t| query.status(t).state).collect();
        let part_of = agency.part_of.map(|p| plan.agencies[p].id.as_str());
        text(sheet, row, 0, &agency.id, &f.wrap)?;
        text(sheet, row, 1, &agency.name, &f.wrap)?;
        text(sheet, row, 2, agency.kind.as_str(), &f.wrap)?;
        text(sheet, row, 3, part_of.unwrap_or(""), &f.wrap)?;
        text(sheet, row, 4, &agency.email.join(", "), &f.wrap)?;
        text(
            sheet,
            row,
            5,
            agency.contact.as_deref().unwrap_or(""),
            &f.wrap,
        )?;
        sheet.write_number(row, 6, states.len() as f64)?;
        let open = states.iter().filter(|s| **s != State::Done).count();
        sheet.write_number(row, 7, open as f64)?;
        let overdue = states.iter().filter(|s| **s == State::Overdue).count();
        sheet.write_number(row, 8, overdue as f64)?;
    }
    Ok(())
}

fn recommendation_sheet(sheet: &mut Worksheet, plan: &Plan, f: &Formats) -> Result<(), XlsxError> {
    let columns = [
        ("id", 7.0),
        ("text", 60.0),
        ("response", 18.0),
        ("owner", 20.0),
        ("actions", 20.0),
        ("response_text", 50.0),
    ];
    header(sheet, &columns, plan.recommendations.len() as u32, f)?;
    for (row, rec) in (1u32..).zip(&plan.recommendations) {
        text(sheet, row, 0, &rec.id, &f.wrap)?;
        text(sheet, row, 1, &rec.text, &f.wrap)?;
        text(sheet, row, 2, rec.response.as_str(), &f.wrap)?;
        text(sheet, row, 3, rec.owner.as_deref().unwrap_or(""), &f.wrap)?;
        text(sheet, row, 4, &rec.actions.join(", "), &f.wrap)?;
        let response = rec.response_text.as_deref().unwrap_or("");
        text(sheet, row, 5, response, &f.wrap)?;
    }
    Ok(())
}
