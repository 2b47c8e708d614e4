//! Spreadsheets (.xlsx, .xls, .ods) read with calamine: every sheet, or the
//! one `--sheet` names. A cell holding a real date keeps it; a cell's fill
//! colour is kept for RAG where calamine reads styles (xlsx; for .xls and
//! .ods it reads none, so there only the words R/A/G count). Merged cells
//! give every cell of the merge the value (.xlsx, .xls: calamine reads no
//! merges from .ods, whose covered cells are read empty).

use super::{Cell, Row, Table, not_office};
use crate::model::Rag;
use anyhow::bail;
use calamine::{Data, Reader, Sheets, open_workbook_auto};
use std::path::Path;

pub fn read(path: &Path, only: Option<&str>) -> anyhow::Result<Vec<Table>> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_lowercase();
    if ext != "xls" {
        super::check_unzipped_size(path)?;
    }
    let mut workbook = open_workbook_auto(path).map_err(|e| workbook_error(path, &e))?;
    let names = workbook.sheet_names();
    let wanted: Vec<String> = match only {
        Some(name) => match names.iter().find(|n| n.eq_ignore_ascii_case(name)) {
            Some(n) => vec![n.clone()],
            None => bail!(
                "{}: no sheet {name:?}; its sheets are {}",
                path.display(),
                quoted(&names)
            ),
        },
        None => names.clone(),
    };
    let mut tables = Vec::new();
    for name in wanted {
        let range = workbook
            .worksheet_range(&name)
            .map_err(|e| workbook_error(path, &e))?;
        let styles = workbook.worksheet_style(&name).ok();
        let merges = merges(&mut workbook, &name);
        tables.push(table(&name, &range, styles.as_ref(), &merges));
    }
    Ok(tables)
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("{n:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn workbook_error(path: &Path, e: &calamine::Error) -> anyhow::Error {
    let text = e.to_string();
    if text.to_lowercase().contains("password") || text.to_lowercase().contains("encrypt") {
        return anyhow::anyhow!(
            "{}: the workbook is password-protected: open it, remove the password and import that",
            path.display()
        );
    }
    not_office(path, &text)
}

type Merges = Vec<calamine::Dimensions>;

fn merges(workbook: &mut Sheets<std::io::BufReader<std::fs::File>>, name: &str) -> Merges {
    match workbook {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        _ => Vec::new(),
    }
}

fn table(
    name: &str,
    range: &calamine::Range<Data>,
    styles: Option<&calamine::StyleRange>,
    merges: &Merges,
) -> Table {
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut rows: Vec<Row> = range
        .rows()
        .enumerate()
        .map(|(r, cells)| Row {
            cells: cells
                .iter()
                .enumerate()
                .map(|(c, data)| {
                    let pos = (top + r as u32, left + c as u32);
                    let fill = styles.and_then(|s| s.get(pos)).and_then(fill_rag);
                    cell(data, fill)
                })
                .collect(),
            spans_all: false,
        })
        .collect();
    let width = range.width() as u32;
    for m in merges {
        let (r0, c0) = (
            m.start.0.saturating_sub(top) as usize,
            m.start.1.saturating_sub(left) as usize,
        );
        let Some(value) = rows.get(r0).and_then(|r| r.cells.get(c0)).cloned() else {
            continue;
        };
        if m.start.0 == m.end.0 && m.start.1 <= left && m.end.1 + 1 >= left + width {
            rows[r0].spans_all = true;
            continue;
        }
        for r in m.start.0..=m.end.0 {
            for c in m.start.1..=m.end.1 {
                let (r, c) = ((r - top.min(r)) as usize, (c - left.min(c)) as usize);
                if let Some(cell) = rows.get_mut(r).and_then(|row| row.cells.get_mut(c)) {
                    *cell = value.clone();
                }
            }
        }
    }
    Table {
        name: name.to_string(),
        new_card: true,
        above: Vec::new(),
        rows,
    }
}

fn cell(data: &Data, fill: Option<Rag>) -> Cell {
    let mut cell = Cell {
        fill,
        ..Cell::default()
    };
    match data {
        Data::String(s) => cell.text = s.clone(),
        Data::Int(i) => cell.text = i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => {
            cell.text = format!("{}", *f as i64)
        }
        Data::Float(f) => cell.text = f.to_string(),
        Data::Bool(b) => cell.text = b.to_string(),
        Data::DateTime(d) => match d.as_datetime() {
            Some(dt) if d.is_datetime() => {
                cell.date = Some(dt.date());
                cell.text = dt.date().to_string();
            }
            _ => cell.text = d.to_string(),
        },
        Data::DateTimeIso(s) => {
            cell.date =
                chrono::NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").ok();
            cell.text = s.clone();
        }
        Data::DurationIso(s) => cell.text = s.clone(),
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
