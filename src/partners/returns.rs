//! Reading a returned sheet: an `.xlsx` (as `plan requests` wrote it, or
//! after Excel or LibreOffice saved it, read with calamine) or a `.csv`
//! with the same columns, into rows of cells that say where they stood.
//! Columns are found by their header wherever they are; a renamed sheet is
//! found by its header row. Nothing here knows the plan: whether a row makes
//! sense is `apply.rs`'s question. A file that is no return sheet (not a
//! workbook, a zip bomb, no `Id` column, more rows than any request) is an
//! error: nothing of it is applied.

use super::signature::Signed;
use super::{ABOUT_SHEET, column};
use crate::error::{FileError, SAVE_AS};
use crate::limits;
use anyhow::Context;
use calamine::{Data, Reader, Sheets, Xlsx};
use chrono::NaiveDate;
use std::io::Cursor;
use std::path::Path;

/// A cell's value as read.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Date(NaiveDate),
    Number(f64),
    /// A formula (its text): a return sheet holds values, not formulas.
    Formula(String),
    /// An error value such as `#REF!`.
    Error(String),
}

impl Value {
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }

    /// As text, for values that are read as text (an id, a note).
    pub fn text(&self) -> Option<String> {
        match self {
            Value::Text(text) => Some(text.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            Value::Date(day) => Some(day.to_string()),
            _ => None,
        }
    }
}

/// A cell and where it stood: `I7`.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub at: String,
    pub value: Value,
}

/// A row of a return sheet, numbered as the spreadsheet shows it.
#[derive(Debug, Clone)]
pub struct Row {
    pub row: usize,
    pub id: Cell,
    pub new_rag: Cell,
    pub progress: Cell,
    pub done_on: Cell,
    /// What the sheet showed: the RAG and note when it was made.
    pub sheet_rag: Option<String>,
    pub sheet_note: Option<String>,
    /// The target and state the sheet showed (its Due and State columns).
    pub sheet_due: Option<String>,
    pub sheet_state: Option<String>,
    pub fingerprint: Option<String>,
}

/// A returned file, read.
#[derive(Debug, Clone)]
pub struct Returned {
    /// The file as named on the command line.
    pub name: String,
    /// The sheet its rows came from (`Return`, or what it was renamed to).
    pub sheet: String,
    /// From the hidden About sheet, where there is one.
    pub plan_title: Option<String>,
    /// The agency whose return it is: the signed one (set by
    /// `apply::attribute` once the signature is checked), or `--agency`.
    pub agency: Option<String>,
    /// What the About sheet says was signed, with its signature, where it
    /// has one (a sheet `plan requests` made, re-saved by any program).
    pub signed: Option<Signed>,
    pub rows: Vec<Row>,
    /// What identifies the request this sheet answers, whoever re-saved it
    /// and however its rows were sorted: see [`Returned::identify`].
    pub fingerprint: String,
}

impl Returned {
    /// A hash of the agency and of what the sheet showed of each task (its
    /// id, fingerprint, RAG and note), in id order. The same request,
    /// re-saved as xlsx or CSV, sorted or filled in again, keeps it; the
    /// next round's request (its tasks reviewed since) gets another.
    pub fn identify(&mut self) {
        // Rows without an id (blank rows a program kept or dropped) are not part of it.
        let mut shown: Vec<String> = self
            .rows
            .iter()
            .filter_map(|r| Some((r, r.id.value.text().filter(|t| !t.is_empty())?)))
            .map(|(r, id)| {
                let id = id.to_uppercase();
                let field = |f: &Option<String>| f.clone().unwrap_or_default();
                let fields = [
                    id,
                    field(&r.fingerprint),
                    field(&r.sheet_rag).to_lowercase(),
                    field(&r.sheet_note),
                ];
                fields.join("\u{1f}")
            })
            .collect();
        shown.sort();
        let agency = self.agency.clone().unwrap_or_default().to_uppercase();
        let fields = std::iter::once(Some(agency)).chain(shown.into_iter().map(Some));
        self.fingerprint = super::fnv(fields);
    }
}

/// Reads a returned `.xlsx` or `.csv`; at most `max_rows` rows.
pub fn read(path: &Path, max_rows: usize) -> anyhow::Result<Returned> {
    let name = path.display().to_string();
    let bytes = limits::read(path, limits::FILE_BYTES)?;
    // By what the file holds, not its name: partners rename files, and
    // LibreOffice names a sheet saved as CSV `SWP-Return.csv`.
    let (sheet, grid, about) = match Kind::of(&bytes) {
        Kind::Text => ("csv".to_string(), csv_grid(&bytes)?, Vec::new()),
        Kind::Workbook => limits::catch(path, || workbook_grids(&bytes))
            .with_context(|| format!("{name} is not a workbook plan can read: {SAVE_AS}"))?,
        Kind::Other => return Err(FileError::NeitherWorkbookNorCsv { name }.into()),
    };
    let mut returned = rows(&name, &sheet, &grid, max_rows)?;
    returned.plan_title = about
        .iter()
        .find(|(key, _)| key == "plan")
        .map(|(_, title)| title.clone());
    returned.signed = signed(&about);
    Ok(returned)
}

/// What the About sheet says was signed, if it holds a signature: the
/// plan, agency and as-of day, and each `task` row (`FINGERPRINT ID`).
fn signed(about: &About) -> Option<Signed> {
    let field = |name: &str| {
        about
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
    };
    let rows = about
        .iter()
        .filter(|(key, _)| key == "task")
        .map(|(_, row)| match row.split_once(' ') {
            Some((print, id)) => (id.to_string(), print.to_string()),
            None => (String::new(), row.clone()),
        })
        .collect();
    Some(Signed {
        signature: field("signature")?,
        plan: field("plan").unwrap_or_default(),
        agency: field("agency").unwrap_or_default(),
        as_of: field("as_of").unwrap_or_default(),
        rows,
    })
}

/// What a returned file is, by its first bytes.
enum Kind {
    /// A zip (`.xlsx`, `.ods`) or an OLE compound file (`.xls`).
    Workbook,
    /// Text with no control characters but line ends and tabs: a CSV.
    Text,
    Other,
}

impl Kind {
    fn of(bytes: &[u8]) -> Kind {
        if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            return Kind::Workbook;
        }
        let control = |b: &u8| *b < 0x20 && !matches!(b, b'\t' | b'\r' | b'\n');
        if bytes.iter().any(control) {
            Kind::Other
        } else {
            Kind::Text
        }
    }
}

type Grid = Vec<Vec<Value>>;

/// The About sheet's key and value pairs.
type About = Vec<(String, String)>;

/// The return sheet's grid, its name, and the About sheet's pairs, from an
/// `.xlsx`, `.ods` or `.xls`, each within the limits of files from outside.
fn workbook_grids(bytes: &[u8]) -> anyhow::Result<(String, Grid, About)> {
    let mut book = open_workbook(bytes)?;
    let mut found = None;
    let mut about = Vec::new();
    let mut budget = limits::GRID_CELLS;
    for name in book.sheet_names() {
        let grid = match &mut book {
            Sheets::Xlsx(xlsx) => sheet_grid(xlsx, &name, &mut budget)?,
            other => range_grid(other, &name, &mut budget)?,
        };
        if name == ABOUT_SHEET || is_about(&grid) {
            about = grid
                .iter()
                .filter_map(|row| Some((row.first()?.text()?, row.get(1)?.text()?)))
                .collect();
        } else if found.is_none() && header_row(&grid).is_some() {
            found = Some((name, grid));
        }
    }
    match found {
        Some((name, grid)) => Ok((name, grid, about)),
        None => Err(FileError::NoReturnSheet.into()),
    }
}

/// Opens a workbook once the checks that bound what its reader allocates
/// have passed: the zip guard; for an `.xlsx` its shared strings, for an
/// `.ods` the cells its repeats expand to, for an `.xls` its records.
fn open_workbook(bytes: &[u8]) -> anyhow::Result<Sheets<Cursor<&[u8]>>> {
    let cursor = Cursor::new(bytes);
    if !bytes.starts_with(b"PK") {
        crate::import::xls::check(bytes)?;
        return Ok(Sheets::Xls(calamine::open_workbook_from_rs(cursor)?));
    }
    limits::check_zip(Cursor::new(bytes))?;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))?;
    if zip.by_name("xl/workbook.xml").is_ok() {
        limits::check_xlsx_strings(bytes)?;
        return Ok(Sheets::Xlsx(calamine::open_workbook_from_rs(cursor)?));
    }
    crate::import::ods::check(bytes)?;
    Ok(Sheets::Ods(calamine::open_workbook_from_rs(cursor)?))
}

/// One `.ods` or `.xls` sheet as values, a formula cell as its formula
/// (calamine reads these whole; `open_workbook` bounded them), its cells
/// counted against `budget`.
fn range_grid(
    book: &mut Sheets<Cursor<&[u8]>>,
    name: &str,
    budget: &mut u64,
) -> anyhow::Result<Grid> {
    let range = book.worksheet_range(name)?;
    let formulas = book.worksheet_formula(name).unwrap_or_default();
    let Some((top, left)) = range.start() else {
        return Ok(Vec::new());
    };
    let (height, width) = range.get_size();
    let cells = (height as u64).saturating_mul(width as u64 + u64::from(left));
    *budget = budget.checked_sub(cells).with_context(|| {
        format!(
            "sheet {name:?}: {height} rows of {width} cells: more than a return sheet holds ({} cells); not read",
            limits::GRID_CELLS
        )
    })?;
    let mut grid = vec![Vec::new(); top as usize];
    for (r, cells) in range.rows().enumerate() {
        let mut row = vec![Value::Empty; left as usize];
        for (c, cell) in cells.iter().enumerate() {
            let at = (top + r as u32, left + c as u32);
            row.push(match formulas.get_value(at) {
                Some(formula) if !formula.is_empty() => Value::Formula(formula.clone()),
                _ => value(cell),
            });
        }
        grid.push(row);
    }
    Ok(grid)
}

fn is_about(grid: &Grid) -> bool {
    grid.first()
        .and_then(|row| row.first())
        .and_then(Value::text)
        .is_some_and(|t| t == "plan")
}

/// One sheet as values, a formula cell as its formula, read a cell at a
/// time: a row is as long as its last cell, whatever the sheet declares, and
/// all rows together hold at most `budget` cells (what is left is returned
/// in it).
fn sheet_grid(
    book: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
    budget: &mut u64,
) -> anyhow::Result<Grid> {
    let mut reader = match book.worksheet_cells_reader(name) {
        Ok(reader) => reader,
        Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let mut grid: Grid = Vec::new();
    while let Some(cell) = reader.next_cell_with_formula()? {
        let value = match cell.formula {
            Some(formula) if !formula.is_empty() => Value::Formula(formula),
            _ => value(&Data::from(cell.value)),
        };
        if value == Value::Empty {
            continue;
        }
        let (r, c) = (cell.pos.0 as usize, cell.pos.1 as usize);
        let grows = (r + 1).saturating_sub(grid.len())
            + (c + 1).saturating_sub(grid.get(r).map_or(0, Vec::len));
        *budget = budget.checked_sub(grows as u64).with_context(|| {
            format!(
                "sheet {name:?}: cells as far as {}{}: more than a return sheet holds ({} cells); not read",
                letters(c),
                r + 1,
                limits::GRID_CELLS
            )
        })?;
        if grid.len() <= r {
            grid.resize(r + 1, Vec::new());
        }
        if grid[r].len() <= c {
            grid[r].resize(c + 1, Value::Empty);
        }
        grid[r][c] = value;
    }
    Ok(grid)
}

fn value(cell: &Data) -> Value {
    match cell {
        Data::Empty => Value::Empty,
        Data::String(text) => Value::Text(text.clone()),
        Data::Int(n) => Value::Number(*n as f64),
        Data::Float(n) => Value::Number(*n),
        Data::Bool(b) => Value::Text(b.to_string()),
        // A date that is no day (NaN, past 9999) stays text saying so: the
        // row is then refused at that cell, never given a wrong day.
        Data::DateTime(serial) => match crate::excel_day::day(serial) {
            Ok(day) => Value::Date(day),
            Err(no_day) => Value::Text(no_day.to_string()),
        },
        Data::DateTimeIso(text) => {
            match NaiveDate::parse_from_str(text.get(..10).unwrap_or(text), "%Y-%m-%d") {
                Ok(day) => Value::Date(day),
                Err(_) => Value::Text(text.clone()),
            }
        }
        Data::DurationIso(text) => Value::Text(text.clone()),
        Data::Error(e) => Value::Error(e.to_string()),
    }
}

/// A CSV in UTF-8 (with or without a byte-order mark) or Windows-1252
/// (Excel's "CSV (Comma delimited)"), separated by commas, or semicolons
/// (Excel's CSV where the decimal mark is a comma) or tabs, as its header
/// line shows.
fn csv_grid(bytes: &[u8]) -> anyhow::Result<Grid> {
    let text = crate::import::csv::decode(bytes);
    let header = text
        .lines()
        .find(|l| l.to_lowercase().contains("new rag"))
        .unwrap_or("");
    let delimiter = [b'\t', b';', b',']
        .into_iter()
        .max_by_key(|d| header.matches(char::from(*d)).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut grid = Vec::new();
    let mut cells = 0u64;
    for record in reader.records() {
        let record = record.context("not a readable CSV file")?;
        cells += record.len() as u64;
        limits::within(cells, limits::GRID_CELLS, || {
            format!("{} rows of cells", grid.len() + 1)
        })?;
        grid.push(record.iter().map(csv_value).collect());
    }
    Ok(grid)
}

/// A CSV cell: `plan export` writes a text that looks like a formula with a
/// leading `'`; that quote is not part of the value.
fn csv_value(text: &str) -> Value {
    if text.trim().is_empty() {
        return Value::Empty;
    }
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => Value::Text(rest.to_string()),
        _ if text.starts_with('=') => Value::Formula(text.to_string()),
        _ => Value::Text(text.to_string()),
    }
}

/// The header row (among the first ten) and each column's place.
fn header_row(grid: &Grid) -> Option<(usize, Vec<Option<usize>>)> {
    grid.iter().take(10).enumerate().find_map(|(r, row)| {
        let names: Vec<String> = row
            .iter()
            .map(|v| v.text().unwrap_or_default().to_lowercase())
            .collect();
        let place = |(name, key): (&str, &'static str)| {
            names
                .iter()
                .position(|n| super::words::is_heading(n, name, key))
        };
        let places: Vec<Option<usize>> = column::ALL
            .into_iter()
            .zip(column::KEYS)
            .map(place)
            .collect();
        (places[0].is_some() && places[8].is_some()).then_some((r, places))
    })
}

/// The rows below the header, by column name.
fn rows(name: &str, sheet: &str, grid: &Grid, max_rows: usize) -> anyhow::Result<Returned> {
    let Some((header, places)) = header_row(grid) else {
        return Err(FileError::NoReturnHeader {
            name: name.to_string(),
        }
        .into());
    };
    let place = |column: &str| places[column::ALL.iter().position(|c| *c == column).unwrap_or(0)];
    let needed = [column::PROGRESS, column::DONE_ON];
    if let Some(missing) = needed.iter().find(|c| place(c).is_none()) {
        return Err(FileError::NoReturnColumn {
            name: name.to_string(),
            column: missing.to_string(),
        }
        .into());
    }
    let body = &grid[header + 1..];
    if body.len() > max_rows {
        return Err(FileError::TooManyReturnRows {
            name: name.to_string(),
            rows: body.len(),
            most: max_rows,
        }
        .into());
    }
    let mut rows = Vec::new();
    for (n, values) in body.iter().enumerate() {
        let row = header + n + 2;
        let cell = |column: &str| {
            let at = place(column);
            Cell {
                at: at.map_or(String::new(), |c| format!("{}{row}", letters(c))),
                value: at
                    .and_then(|c| values.get(c))
                    .cloned()
                    .unwrap_or(Value::Empty),
            }
        };
        let text = |column: &str| cell(column).value.text().filter(|t| !t.is_empty());
        rows.push(Row {
            row,
            id: cell(column::ID),
            new_rag: cell(column::NEW_RAG),
            progress: cell(column::PROGRESS),
            done_on: cell(column::DONE_ON),
            sheet_rag: text(column::RAG),
            sheet_note: text(column::NOTE),
            sheet_due: text(column::DUE),
            sheet_state: text(column::STATE),
            fingerprint: text(column::FINGERPRINT),
        });
    }
    Ok(Returned {
        name: name.to_string(),
        sheet: sheet.to_string(),
        plan_title: None,
        agency: None,
        signed: None,
        rows,
        fingerprint: String::new(),
    })
}

/// A column's letters: 0 -> A, 26 -> AA.
fn letters(mut col: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(letters(0), "A");
        assert_eq!(letters(8), "I");
        assert_eq!(letters(26), "AA");
        assert_eq!(letters(701), "ZZ");
    }
}
