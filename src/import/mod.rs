//! `plan import`: action-plan tables in Word, Excel, OpenDocument or CSV
//! files made into a plan directory. The pipeline: each reader (docx.rs,
//! sheet.rs, csv.rs) turns a file into plain tables of cells; header.rs finds
//! each table's header row and what its columns hold; build.rs makes the rows
//! into cards, priorities, actions and tasks; leads.rs splits the lead cells
//! and makes the agency registry; years.rs settles the plan's period and the
//! year of each target written without one; events.rs declares the events
//! targets count from; write.rs writes the directory at once.
//! Nothing here prints: the command hands down its writers.

pub mod assumed;
pub mod build;
pub mod csv;
pub mod docx;
pub mod events;
pub mod header;
pub mod leads;
pub mod number_format;
pub mod ods;
pub mod sheet;
pub mod write;
pub mod xls;
pub mod years;

use crate::error::FileError;
use crate::limits;
use crate::model::Rag;
use chrono::NaiveDate;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// One cell as read: its text (paragraphs on lines of their own), a date if
/// the spreadsheet held a real date, the RAG its fill colour shows, and the
/// items of a Word list inside it. The text and items are shared, not
/// copied, by the cells of a merge (a cell merged over thousands of rows).
#[derive(Debug, Clone, Default)]
pub struct Cell {
    pub text: Rc<str>,
    pub date: Option<NaiveDate>,
    pub fill: Option<Rag>,
    pub list: Rc<[String]>,
}

#[derive(Debug, Clone, Default)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// One cell spans the whole table (Word's `gridSpan`): a section row.
    pub spans_all: bool,
    /// The columns one cell is merged across, two or more (Word's
    /// `gridSpan`, a one-row merge in a workbook): with no text outside
    /// them, and over the task or action column, the row is a section.
    pub across: Option<std::ops::Range<usize>>,
}

/// A table as read from a file: a Word table, a sheet, a CSV file.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Where it is, for messages and for a card's title: "Sheet1", "plan.docx".
    pub name: String,
    /// A sheet starts a card of its own; the next table of a document goes on.
    pub new_card: bool,
    /// Text above the table (a document's title).
    pub above: Vec<String>,
    /// The last heading paragraph above the table (since the table before)
    /// and its level (`Title` 0, `Heading 1` 1 ...): a card or a priority.
    pub heading: Option<(String, u8)>,
    pub rows: Vec<Row>,
}

impl Cell {
    pub fn text(text: impl Into<Rc<str>>) -> Cell {
        Cell {
            text: text.into(),
            ..Cell::default()
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && self.fill.is_none() && self.date.is_none()
    }

    /// The sub-items of the cell: a Word list's items, or lines that start
    /// with `a)`, `(b)`, `1.`, `-`, `•` ...; empty when it is no list.
    pub fn items(&self) -> Vec<String> {
        if self.list.len() >= 2 {
            return self.list.to_vec();
        }
        let mut items: Vec<String> = Vec::new();
        for line in self.text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            match strip_marker(line) {
                Some(rest) => items.push(rest.to_string()),
                None if items.is_empty() => return Vec::new(),
                None => {
                    let last = items.last_mut().expect("not empty");
                    last.push('\n');
                    last.push_str(line);
                }
            }
        }
        if items.len() >= 2 { items } else { Vec::new() }
    }

    /// The items of the cell, else its lines.
    pub fn lines(&self) -> Vec<String> {
        let items = self.items();
        if !items.is_empty() {
            return items;
        }
        self.text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect()
    }
}

/// The text after a list marker (`a)`, `(b)`, `c.`, `1.`, `2)`, `(iv)`,
/// `-`, `•`), or `None` when the line starts with none.
pub fn strip_marker(line: &str) -> Option<&str> {
    marker(line).map(|(_, rest)| rest)
}

/// A list marker and the text after it: the marker's label (`a`, `1`,
/// `iv`; `None` for a bullet), or `None` when the line starts with none.
pub fn marker(line: &str) -> Option<(Option<String>, &str)> {
    let line = line.trim_start();
    for bullet in ['•', '-', '–', '*', '·', '▪', '◦'] {
        if let Some(rest) = line.strip_prefix(bullet)
            && rest.starts_with(char::is_whitespace)
        {
            return Some((None, rest.trim_start()));
        }
    }
    let body = line.strip_prefix('(').unwrap_or(line);
    let label_end = body
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(body.len());
    let label = &body[..label_end];
    let numeric =
        !label.is_empty() && label.len() <= 2 && label.chars().all(|c| c.is_ascii_digit());
    let letter = label.len() == 1 && label.chars().all(|c| c.is_ascii_lowercase());
    let roman = (2..=4).contains(&label.len()) && label.chars().all(|c| "ivx".contains(c));
    if !(numeric || letter || roman) {
        return None;
    }
    let rest = &body[label_end..];
    let rest = rest.strip_prefix(')').or_else(|| rest.strip_prefix('.'))?;
    rest.starts_with(char::is_whitespace)
        .then(|| (Some(label.to_string()), rest.trim_start()))
}

/// What `--map`, `--sheet` and the other flags ask for.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub files: Vec<PathBuf>,
    pub out: PathBuf,
    pub sheet: Option<String>,
    pub maps: Vec<String>,
    pub agencies: Option<PathBuf>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// The day targets with no anchor ("6 months") count from.
    pub decided: Option<NaiveDate>,
    pub title: Option<String>,
    /// `--as`: a table of recommendations read as them or as actions.
    pub as_kind: Option<crate::cli::ImportAs>,
    pub dry_run: bool,
    pub force: bool,
}

/// A target date as read: text for the date grammar, or a spreadsheet date.
#[derive(Debug, Clone, PartialEq)]
pub enum When {
    Text(String),
    Date(NaiveDate),
}

#[derive(Debug, Clone, Default)]
pub struct NewTask {
    pub reference: Option<String>,
    pub text: String,
    /// The lead cell as written; leads.rs splits it.
    pub lead: String,
    pub due: Option<When>,
    pub resources: Option<String>,
    pub rag: Option<Rag>,
    /// `Heading: value` of each column with no key of its own.
    pub note: Vec<String>,
    /// The progress cells ("Progress to date", "Update") as written: who
    /// wrote them may be said there ("Police: ...").
    pub progress: Vec<String>,
    /// The day the source says its progress was written (a "Last updated" column).
    pub updated: Option<NaiveDate>,
    /// The day it was done ("Date completed", or "Completed 3 May 2012" as
    /// its target).
    pub done: Option<NaiveDate>,
    /// Its target said it was done without saying when: a warning asks.
    pub done_unknown: bool,
    /// The recommendation the task delivers, read from its row.
    pub recommendation: Option<Box<NewRecommendation>>,
    /// The list marker its text began with (`a`, `1`, `iv`): its id.
    pub marker: Option<String>,
    /// Where it was read ("Sheet1, row 4"), for warnings.
    pub place: String,
    /// The year the nearest heading gives (a section row, the table's
    /// heading), for a target written without one.
    pub heading: Option<Rc<years::Evidence>>,
    /// Its target has no year and one was assumed: the words and the days read.
    pub assumed: Option<years::Assumed>,
}

/// A recommendation and the response to it, as a row of a response table gives.
#[derive(Debug, Clone, Default)]
pub struct NewRecommendation {
    pub reference: Option<String>,
    pub text: String,
    pub response_text: Option<String>,
    /// The decision as written ("Accepted", "Partly", "Rejected").
    pub decision: Option<String>,
    pub owner: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct NewAction {
    pub title: String,
    pub tasks: Vec<NewTask>,
}

#[derive(Debug, Clone, Default)]
pub struct NewPriority {
    pub title: String,
    pub actions: Vec<NewAction>,
}

#[derive(Debug, Clone, Default)]
pub struct NewCard {
    pub title: String,
    pub priorities: Vec<NewPriority>,
}

impl NewCard {
    pub fn new(title: String) -> NewCard {
        NewCard {
            title,
            priorities: Vec::new(),
        }
    }

    pub fn tasks(&self) -> impl Iterator<Item = &NewTask> {
        self.priorities
            .iter()
            .flat_map(|p| &p.actions)
            .flat_map(|a| &a.tasks)
    }
}

/// Everything read from the files.
#[derive(Debug, Default)]
pub struct Imported {
    /// The plan's title: the first text above the first table.
    pub title: Option<String>,
    /// Every line above the first table: a title over two lines.
    pub title_lines: Vec<String>,
    /// The events the targets count from.
    pub events: Vec<events::NewEvent>,
    /// The plan's period, settled once every table is read.
    pub period: Option<years::Period>,
    /// The level of heading above a table that starts a card: the first seen.
    pub card_level: Option<u8>,
    /// The year the heading over the rows being read gives.
    pub heading: Option<Rc<years::Evidence>>,
    pub cards: Vec<NewCard>,
    /// Rows of tasks read.
    pub rows: usize,
    /// Each source column and where it went: (heading, field).
    pub columns: Vec<(String, String)>,
    pub warnings: Vec<String>,
}

impl Imported {
    pub fn tasks(&self) -> impl Iterator<Item = &NewTask> {
        self.cards.iter().flat_map(|c| c.tasks())
    }
}

/// Reads the tables of one file, by its extension: a regular file within
/// the budget of [`crate::limits`], read once.
pub fn read_file(path: &Path, sheet: Option<&str>) -> anyhow::Result<Vec<Table>> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_lowercase();
    if !matches!(
        ext.as_str(),
        "docx" | "xlsx" | "xlsm" | "xls" | "ods" | "csv" | "tsv" | "txt"
    ) {
        return Err(FileError::NotAnImportFormat {
            path: path.to_path_buf(),
        }
        .into());
    }
    let bytes = limits::read(path, limits::FILE_BYTES)?;
    // The zip and XML crates under docx.rs and csv.rs are third-party code
    // too: a panic in them is a damaged file, as one in calamine is.
    limits::catch(path, || match ext.as_str() {
        "docx" => docx::read(path, &bytes),
        "csv" | "tsv" | "txt" => csv::read(path, &bytes),
        _ => sheet::read(path, &bytes, &ext, sheet),
    })
}

/// Reads every file and makes the plan of its tables.
pub fn read_all(
    options: &Options,
    today: NaiveDate,
    err: &mut dyn Write,
) -> anyhow::Result<(Imported, Vec<MappedTable>)> {
    let maps = header::parse_maps(&options.maps)?;
    let mut imported = Imported::default();
    let mut mapped = Vec::new();
    for path in &options.files {
        let tables = read_file(path, options.sheet.as_deref())?;
        let (mut file_mapped, skipped) = map_tables(path, tables, &maps)?;
        for table in file_mapped.iter_mut().filter(|t| !t.mapping.continued) {
            table.mapping.settle_kind(options.as_kind);
        }
        // A table going on under another's header reads its rows as that one.
        for i in 1..file_mapped.len() {
            if file_mapped[i].mapping.continued {
                let prev = file_mapped[i - 1].mapping.clone();
                file_mapped[i].mapping.columns = prev.columns;
                file_mapped[i].mapping.recommendations = prev.recommendations;
            }
        }
        for name in skipped {
            let warning = format!(
                "{}: {name}: no header row recognised; left out (name its columns with --map, or pick a sheet with --sheet)",
                path.display()
            );
            imported.warnings.push(warning);
        }
        for table in &file_mapped {
            for warning in &table.mapping.warnings {
                let warning = format!("{}: {}: {warning}", path.display(), table.table.name);
                imported.warnings.push(warning);
            }
            if imported.title.is_none() {
                imported.title = table.table.above.first().cloned();
                imported.title_lines = table.table.above.clone();
            }
            build::add_rows(
                &mut imported,
                &table.table,
                &table.mapping,
                table.mapping.row + 1,
            );
        }
        mapped.extend(file_mapped);
    }
    build::warn_empty_sections(&mut imported);
    let period = years::settle(&mut imported, options, today);
    assumed::write_back(&mut imported, &period);
    events::declare(&mut imported, options.decided, period.start);
    imported.period = Some(period);
    for warning in &imported.warnings {
        writeln!(err, "warning: {}", crate::render::escape::line(warning))?;
    }
    if imported.tasks().next().is_none() {
        return Err(FileError::NoTaskFound {
            files: list(&options.files),
        }
        .into());
    }
    imported.columns = column_summary(&mapped);
    Ok((imported, mapped))
}

fn list(files: &[PathBuf]) -> String {
    files
        .iter()
        .map(|f| f.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A table with the header found in it.
#[derive(Debug)]
pub struct MappedTable {
    pub table: Table,
    pub mapping: header::Mapping,
}

/// The header of each table; a table with none goes on under the previous
/// table's header when it has as many columns (a Word table over pages).
/// Also the names of the tables left out, having no header.
fn map_tables(
    path: &Path,
    tables: Vec<Table>,
    maps: &[(String, header::Field)],
) -> anyhow::Result<(Vec<MappedTable>, Vec<String>)> {
    let mut mapped: Vec<MappedTable> = Vec::new();
    let mut failures = Vec::new();
    for mut table in tables {
        if table
            .rows
            .iter()
            .all(|r| r.cells.iter().all(Cell::is_empty))
        {
            continue;
        }
        if let Some(mapping) = header::find(&table.rows, maps) {
            title_above(&mut table, mapping.row);
            mapped.push(MappedTable { table, mapping });
            continue;
        }
        let previous = mapped.last().map(|m| m.mapping.clone());
        match previous {
            Some(prev)
                if !table.new_card
                    && table
                        .rows
                        .first()
                        .is_some_and(|r| r.cells.len() == prev.columns.len()) =>
            {
                let mapping = header::Mapping {
                    row: 0,
                    continued: true,
                    warnings: Vec::new(),
                    recommendations: false,
                    ..prev
                };
                // Every row is below the header: none of this table is one.
                table.rows.insert(0, Row::default());
                mapped.push(MappedTable { table, mapping });
            }
            _ => failures.push(table),
        }
    }
    if mapped.is_empty() {
        let Some(table) = failures.first() else {
            return Err(FileError::NoTableFound {
                path: path.to_path_buf(),
            }
            .into());
        };
        return Err(FileError::NoHeaderRow {
            path: path.to_path_buf(),
            table: table.name.clone(),
            seen: header::seen(&table.rows),
        }
        .into());
    }
    Ok((mapped, failures.into_iter().map(|t| t.name).collect()))
}

/// Rows above the header with text in them: the title of a sheet.
fn title_above(table: &mut Table, header_row: usize) {
    for row in &table.rows[..header_row] {
        if let Some(cell) = row.cells.iter().find(|c| !c.text.trim().is_empty()) {
            table.above.push(cell.text.trim().to_string());
        }
    }
}

/// Each distinct heading and where its column went.
fn column_summary(mapped: &[MappedTable]) -> Vec<(String, String)> {
    // A set beside the list: a table of 600,000 columns once took minutes here.
    let mut seen = std::collections::HashSet::new();
    let mut columns: Vec<(String, String)> = Vec::new();
    for m in mapped {
        for (c, (heading, field)) in m.mapping.columns.iter().enumerate() {
            let Some(field) = field else { continue };
            let pair = (header::label(heading, c), field.name().to_string());
            if seen.insert(pair.clone()) {
                columns.push(pair);
            }
        }
    }
    columns
}

/// The zip guard for an office file: a file that is no zip is "corrupt or
/// not what its name says" (or encrypted); a zip bomb is refused unread.
pub fn check_zip(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if !bytes.starts_with(b"PK") {
        return Err(not_office(path, bytes, "it is not a zip archive"));
    }
    limits::check_zip(std::io::Cursor::new(bytes)).map_err(|e| refused(path, &e))?;
    limits::check_xlsx_strings(bytes).map_err(|e| refused(path, &e))
}

/// A check of a file's parts that failed, with the file named.
fn refused(path: &Path, error: &anyhow::Error) -> anyhow::Error {
    FileError::Refused {
        path: path.to_path_buf(),
        why: format!("{error:#}"),
    }
    .into()
}

/// The error for a file that is not the zip an office file is.
pub fn not_office(path: &Path, bytes: &[u8], why: &str) -> anyhow::Error {
    let path = path.to_path_buf();
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        FileError::PasswordOrOldFormat { path }.into()
    } else {
        FileError::Corrupt {
            path,
            why: why.to_string(),
        }
        .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_markers() {
        assert_eq!(
            strip_marker("a) Meet the sergeants"),
            Some("Meet the sergeants")
        );
        assert_eq!(strip_marker("(b) Train"), Some("Train"));
        assert_eq!(strip_marker("1. First"), Some("First"));
        assert_eq!(strip_marker("• Bullet"), Some("Bullet"));
        assert_eq!(strip_marker("1.1 Not a marker"), None);
        assert_eq!(strip_marker("Ask all partners"), None);
        assert_eq!(strip_marker("A. Smith"), None);
        assert_eq!(marker("(iv) Fourth"), Some((Some("iv".into()), "Fourth")));
        assert_eq!(marker("a) One").map(|m| m.0), Some(Some("a".into())));
    }

    #[test]
    fn items_of_a_cell() {
        let cell = Cell::text("a) One\nb) Two\n   still two");
        assert_eq!(
            cell.items(),
            vec!["One".to_string(), "Two\nstill two".to_string()]
        );
        assert!(Cell::text("Just text\nb) later").items().is_empty());
        assert_eq!(Cell::text("SWP\nCSP").lines().len(), 2);
    }
}
