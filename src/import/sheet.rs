//! Spreadsheets (.xlsx, .xls, .ods) read with calamine: every sheet, or the
//! one `--sheet` names. A cell holding a real date keeps it; a cell's fill
//! colour is kept for RAG where calamine reads styles (xlsx; for .xls and
//! .ods it reads none, so there only the words R/A/G count); so is a number
//! cell's number format, in .xlsx alone (`£90,000`, not `90000`). Merged cells
//! give every cell of the merge the value (.xlsx, .xls: calamine reads no
//! merges from .ods, whose covered cells are read empty).

use super::{Cell, Row, Table, not_office};
use crate::error::FileError;
use crate::limits;
use crate::model::Rag;
use anyhow::Context;
use calamine::{Data, Reader, Sheets, Xls, Xlsx, XlsxError};
use std::io::Cursor;
use std::path::Path;
use std::rc::Rc;

type Book<'b> = Sheets<Cursor<&'b [u8]>>;

/// The tables of a workbook's sheets (or of the one `only` names). A panic
/// inside calamine is caught: the file is damaged, nothing is read.
pub fn read(
    path: &Path,
    bytes: &[u8],
    ext: &str,
    only: Option<&str>,
) -> anyhow::Result<Vec<Table>> {
    if ext != "xls" {
        super::check_zip(path, bytes)?;
    }
    match ext {
        "ods" => super::ods::check(bytes),
        "xls" => super::xls::check(bytes),
        _ => Ok(()),
    }
    .with_context(|| path.display().to_string())?;
    limits::catch(path, || read_book(path, bytes, ext, only))
}

fn read_book(
    path: &Path,
    bytes: &[u8],
    ext: &str,
    only: Option<&str>,
) -> anyhow::Result<Vec<Table>> {
    let mut book = open(bytes, ext).map_err(|e| workbook_error(path, bytes, &e))?;
    let names = book.sheet_names();
    let wanted: Vec<String> = match only {
        Some(name) => match names.iter().find(|n| n.eq_ignore_ascii_case(name)) {
            Some(n) => vec![n.clone()],
            None => {
                return Err(FileError::NoSuchSheet {
                    path: path.to_path_buf(),
                    name: name.to_string(),
                    sheets: quoted(&names),
                }
                .into());
            }
        },
        None => names.clone(),
    };
    let mut budget = Budget {
        cells: limits::CELLS as u64,
        grid: limits::GRID_CELLS,
        merged: limits::MERGED_CELLS,
    };
    let mut tables = Vec::new();
    for name in wanted {
        let cells = match &mut book {
            Sheets::Xlsx(xlsx) => xlsx_cells(xlsx, &name, &mut budget),
            _ => range_cells(&mut book, &name, &mut budget),
        }
        .map_err(|e| match e.downcast::<calamine::Error>() {
            Ok(e) => workbook_error(path, bytes, &e),
            Err(e) => e.context(path.display().to_string()),
        })?;
        let merges = merges(&mut book, &name);
        let table = table(&name, cells, &merges, &mut budget)
            .with_context(|| path.display().to_string())?;
        tables.push(table);
    }
    Ok(tables)
}

fn open<'b>(bytes: &'b [u8], ext: &str) -> Result<Book<'b>, calamine::Error> {
    let cursor = Cursor::new(bytes);
    Ok(match ext {
        "xls" => Sheets::Xls(calamine::open_workbook_from_rs::<Xls<_>, _>(cursor)?),
        "ods" => Sheets::Ods(calamine::open_workbook_from_rs::<calamine::Ods<_>, _>(
            cursor,
        )?),
        _ => Sheets::Xlsx(calamine::open_workbook_from_rs::<Xlsx<_>, _>(cursor)?),
    })
}

/// What is left of the file's budget: cells with a value, cells of the
/// tables' grids (all sheets together), cells under merges.
struct Budget {
    cells: u64,
    grid: u64,
    merged: u64,
}

impl Budget {
    fn take_cell(&mut self, sheet: &str) -> anyhow::Result<()> {
        self.cells = self.cells.checked_sub(1).with_context(|| {
            format!(
                "sheet {}: more cells with a value than plan reads from one file ({}); not read",
                quote(sheet),
                limits::CELLS
            )
        })?;
        Ok(())
    }
}

/// A cell with a value, and where it stands (row, column from 0).
struct Placed {
    pos: (u32, u32),
    cell: Cell,
}

/// The cells of an .xlsx sheet, read one at a time: its extent is the
/// cells it has, never the dimension it declares.
fn xlsx_cells(
    book: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
    budget: &mut Budget,
) -> anyhow::Result<Vec<Placed>> {
    let mut reader = match book.worksheet_cells_reader(name) {
        Ok(reader) => reader,
        Err(XlsxError::NotAWorksheet(_)) => return Ok(Vec::new()),
        Err(e) => return Err(calamine::Error::from(e).into()),
    };
    let fills: Vec<Option<Rag>> = reader.styles().iter().map(fill_rag).collect();
    // calamine gives a number cell its value (90000) and, in .xlsx alone,
    // its style's number format (`"£"#,##0`, built-in ones by their code):
    // the cell is written as the sheet shows it, `£90,000`. From .xls and
    // .ods it reads no styles, so there numbers come in plain.
    let formats: Vec<Option<String>> = reader
        .styles()
        .iter()
        .map(|s| s.number_format.as_ref().map(|f| f.format_code.clone()))
        .collect();
    let mut cells = Vec::new();
    while let Some((read, style)) = reader
        .next_cell_with_style_id()
        .map_err(calamine::Error::from)?
    {
        let fill = fills.get(style).copied().flatten();
        let format = formats.get(style).and_then(|f| f.as_deref());
        let cell = cell(&Data::from(read.get_value().clone()), fill, format);
        if cell.is_empty() {
            continue;
        }
        budget.take_cell(name)?;
        cells.push(Placed {
            pos: read.get_position(),
            cell,
        });
    }
    Ok(cells)
}

/// The cells of an .xls or .ods sheet (calamine reads these whole; the
/// formats bound them: 65,536 × 256 cells in .xls).
fn range_cells(book: &mut Book, name: &str, budget: &mut Budget) -> anyhow::Result<Vec<Placed>> {
    let range = book.worksheet_range(name)?;
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut cells = Vec::new();
    for (r, c, data) in range.used_cells() {
        let cell = cell(data, None, None);
        if cell.is_empty() {
            continue;
        }
        budget.take_cell(name)?;
        cells.push(Placed {
            pos: (top + r as u32, left + c as u32),
            cell,
        });
    }
    Ok(cells)
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| quote(n))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A sheet's name in a message: quoted, anything hidden in it escaped.
fn quote(name: &str) -> String {
    format!("{name:?}")
}

fn workbook_error(path: &Path, bytes: &[u8], e: &calamine::Error) -> anyhow::Error {
    let text = e.to_string();
    if text.to_lowercase().contains("password") || text.to_lowercase().contains("encrypt") {
        return FileError::PasswordWorkbook {
            path: path.to_path_buf(),
        }
        .into();
    }
    not_office(path, bytes, &text)
}

type Merges = Vec<calamine::Dimensions>;

fn merges(workbook: &mut Book, name: &str) -> Merges {
    match workbook {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// A1-style name of a cell: (0, 0) is A1.
fn a1((row, col): (u32, u32)) -> String {
    let mut letters = Vec::new();
    let mut c = col as u64 + 1;
    while c > 0 {
        letters.push(b'A' + ((c - 1) % 26) as u8);
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row as u64 + 1)
}

/// The grid from the first to the last cell with a value, checked against
/// the limits before it is made; each merge given its first cell's value
/// (shared, not copied) within the grid.
fn table(
    name: &str,
    cells: Vec<Placed>,
    merges: &Merges,
    budget: &mut Budget,
) -> anyhow::Result<Table> {
    let mut table = Table {
        name: name.to_string(),
        new_card: true,
        above: Vec::new(),
        heading: None,
        rows: Vec::new(),
    };
    let Some(first) = cells.first() else {
        return Ok(table);
    };
    let (mut top, mut left, mut bottom, mut right) =
        (first.pos.0, first.pos.1, first.pos.0, first.pos.1);
    for p in &cells {
        (top, bottom) = (top.min(p.pos.0), bottom.max(p.pos.0));
        (left, right) = (left.min(p.pos.1), right.max(p.pos.1));
    }
    let height = u64::from(bottom - top) + 1;
    let width = u64::from(right - left) + 1;
    let extent = || {
        format!(
            "sheet {}: its cells run from {} to {}, {width} columns by {height} rows",
            quote(name),
            a1((top, left)),
            a1((bottom, right))
        )
    };
    limits::within(width, limits::COLUMNS as u64, || {
        format!("{} (columns)", extent())
    })?;
    budget.grid = budget.grid.checked_sub(width * height).with_context(|| {
        format!(
            "{}: with the sheets before it, more cells than plan reads from one file ({}); not read",
            extent(),
            limits::GRID_CELLS
        )
    })?;
    let blank = Row {
        cells: vec![Cell::default(); width as usize],
        ..Row::default()
    };
    table.rows = vec![blank; height as usize];
    for p in cells {
        table.rows[(p.pos.0 - top) as usize].cells[(p.pos.1 - left) as usize] = p.cell;
    }
    for m in merges {
        merge(&mut table, m, (top, left, bottom, right), budget)?;
    }
    Ok(table)
}

/// One merge, clipped to the grid `(top, left, bottom, right)`.
fn merge(
    table: &mut Table,
    m: &calamine::Dimensions,
    (top, left, bottom, right): (u32, u32, u32, u32),
    budget: &mut Budget,
) -> anyhow::Result<()> {
    let (r0, c0) = (m.start.0.max(top), m.start.1.max(left));
    let (r1, c1) = (m.end.0.min(bottom), m.end.1.min(right));
    if r0 > r1 || c0 > c1 || m.start.0 < top || m.start.1 < left {
        return Ok(());
    }
    let first = (m.start.0 - top) as usize;
    let value = table.rows[first].cells[(m.start.1 - left) as usize].clone();
    if m.start.0 == m.end.0 && m.start.1 <= left && m.end.1 >= right {
        table.rows[first].spans_all = true;
        return Ok(());
    }
    if r0 == r1 && c1 > c0 {
        table.rows[first].across = Some((c0 - left) as usize..(c1 - left) as usize + 1);
    }
    let area = u64::from(r1 - r0 + 1) * u64::from(c1 - c0 + 1);
    budget.merged = budget.merged.checked_sub(area).with_context(|| {
        format!(
            "sheet {}: merged cells cover more than plan reads from one file ({}); not read",
            quote(&table.name),
            limits::MERGED_CELLS
        )
    })?;
    for r in r0..=r1 {
        let row = &mut table.rows[(r - top) as usize];
        for c in c0..=c1 {
            row.cells[(c - left) as usize] = value.clone();
        }
    }
    Ok(())
}

/// A cell as the sheet shows it; `format` is its number format, if read.
fn cell(data: &Data, fill: Option<Rag>, format: Option<&str>) -> Cell {
    let mut cell = Cell {
        fill,
        ..Cell::default()
    };
    let written = |n: f64| format.and_then(|f| super::number_format::as_written(n, f));
    match data {
        Data::String(s) => cell.text = Rc::from(s.as_str()),
        Data::Int(i) if let Some(text) = written(*i as f64) => cell.text = text.into(),
        Data::Float(f) if let Some(text) = written(*f) => cell.text = text.into(),
        Data::Int(i) => cell.text = i.to_string().into(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => {
            cell.text = format!("{}", *f as i64).into()
        }
        Data::Float(f) => cell.text = f.to_string().into(),
        Data::Bool(b) => cell.text = b.to_string().into(),
        // A date the calendar has not (NaN, past 9999) stays text saying
        // so: the target-date check then reports it at its task.
        Data::DateTime(d) if d.is_datetime() => match crate::excel_day::day(d) {
            Ok(day) => {
                cell.date = Some(day);
                cell.text = day.to_string().into();
            }
            Err(no_day) => cell.text = no_day.to_string().into(),
        },
        Data::DateTime(d) => cell.text = d.to_string().into(),
        Data::DateTimeIso(s) => {
            cell.date =
                chrono::NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").ok();
            cell.text = Rc::from(s.as_str());
        }
        Data::DurationIso(s) => cell.text = Rc::from(s.as_str()),
        Data::Error(_) | Data::Empty => {}
    }
    cell
}

fn fill_rag(style: &calamine::Style) -> Option<Rag> {
    let fill = style.fill.as_ref().filter(|f| f.is_visible())?;
    let c = fill.get_color()?;
    rag_of_rgb(c.red, c.green, c.blue)
}

/// The RAG a fill colour shows: strongly red, amber, green or blue; white,
/// grey and pale colours show none.
pub fn rag_of_rgb(r: u8, g: u8, b: u8) -> Option<Rag> {
    let (r, g, b) = (r as i32, g as i32, b as i32);
    let max = r.max(g).max(b);
    let min = r.min(g).min(b);
    if max - min < 35 {
        return None;
    }
    Some(if r >= g && r >= b {
        if g > 100 && b + 40 < g {
            Rag::Amber
        } else {
            Rag::Red
        }
    } else if g >= r && g >= b {
        if r > 180 && b + 60 < g {
            Rag::Amber
        } else {
            Rag::Green
        }
    } else {
        Rag::Blue
    })
}

/// The same, for Word's hex fill ("FF0000"; "auto" is none).
pub fn rag_of_hex(hex: &str) -> Option<Rag> {
    if hex.len() != 6 {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    rag_of_rgb(byte(0)?, byte(2)?, byte(4)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_colours() {
        assert_eq!(rag_of_hex("FF0000"), Some(Rag::Red));
        assert_eq!(rag_of_hex("FFC000"), Some(Rag::Amber));
        assert_eq!(rag_of_hex("FFBF00"), Some(Rag::Amber));
        assert_eq!(rag_of_hex("00B050"), Some(Rag::Green));
        assert_eq!(rag_of_hex("92D050"), Some(Rag::Green));
        assert_eq!(rag_of_hex("0070C0"), Some(Rag::Blue));
        assert_eq!(rag_of_hex("FFFFFF"), None);
        assert_eq!(rag_of_hex("D9D9D9"), None);
        assert_eq!(rag_of_hex("auto"), None);
        assert_eq!(rag_of_hex("C6EFCE"), Some(Rag::Green));
        assert_eq!(rag_of_hex("FFC7CE"), Some(Rag::Red));
        assert_eq!(rag_of_hex("FFEB9C"), Some(Rag::Amber));
    }
}
