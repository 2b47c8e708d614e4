//! Word (.docx) tables: `word/document.xml` read from the zip (through a
//! size limit) with quick-xml. Cells merged vertically (`w:vMerge`) give
//! each row the merged value; a cell spanning every column (`w:gridSpan`)
//! marks a section row; a row that skips grid columns before or after its
//! cells (`w:gridBefore`, `w:gridAfter`) keeps each cell in its own column;
//! a cell's fill (`w:shd w:fill`) is kept for RAG; the
//! paragraphs of a Word list inside a cell are its items. The paragraphs
//! above a table are kept as its title.

use super::{Cell, Row, Table, not_office};
use crate::error::FileError;
use crate::limits;
use quick_xml::events::{BytesStart, Event};
use std::io::Read;
use std::path::Path;
use std::rc::Rc;

/// Every table of the document, in order.
pub fn read(path: &Path, bytes: &[u8]) -> anyhow::Result<Vec<Table>> {
    super::check_zip(path, bytes)?;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| not_office(path, bytes, &e.to_string()))?;
    let entry = archive
        .by_name("word/document.xml")
        .map_err(|_| not_office(path, bytes, "no word/document.xml in it"))?;
    let mut xml = String::new();
    entry
        .take(limits::UNZIPPED_BYTES)
        .read_to_string(&mut xml)
        .map_err(|e| not_office(path, bytes, &e.to_string()))?;
    let raw = parse(&xml).map_err(|e| match e {
        Parse::Xml(e) => not_office(path, bytes, &format!("its XML: {e}")),
        Parse::TooMany => anyhow::Error::from(FileError::TooManyCells {
            path: path.to_path_buf(),
            limit: limits::CELLS,
        }),
    })?;
    let mut resolved = Vec::with_capacity(raw.len());
    let mut grid_left = limits::GRID_CELLS;
    for (i, t) in raw.iter().enumerate() {
        resolved.push(resolve(t, &mut grid_left).map_err(|e| FileError::InTable {
            path: path.to_path_buf(),
            table: i + 1,
            error: e.to_string(),
        })?);
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let tables: Vec<Table> = raw
        .into_iter()
        .zip(resolved)
        .enumerate()
        .map(|(i, (t, rows))| Table {
            name: if i == 0 {
                stem.clone()
            } else {
                format!("{stem} table {}", i + 1)
            },
            new_card: i == 0,
            above: t.above,
            heading: t.heading,
            rows,
        })
        .collect();
    if tables.is_empty() {
        return Err(FileError::NoTableInDocument {
            path: path.to_path_buf(),
        }
        .into());
    }
    Ok(tables)
}

#[derive(Debug, Default, Clone, Copy, PartialEq)]
enum Merge {
    #[default]
    None,
    Restart,
    Continue,
}

#[derive(Debug, Default)]
struct RawCell {
    paras: Vec<(String, bool)>,
    span: usize,
    merge: Merge,
    fill: Option<String>,
    /// Grid columns a row skips (`w:gridBefore`, `w:gridAfter`): no cell.
    filler: bool,
}

#[derive(Debug, Default)]
struct RawTable {
    above: Vec<String>,
    heading: Option<(String, u8)>,
    /// Its columns as `w:tblGrid` declares them (`w:gridCol`s), if it does.
    grid: usize,
    rows: Vec<Vec<RawCell>>,
}

#[derive(Default)]
struct Parser {
    depth: usize,
    tables: Vec<RawTable>,
    current: RawTable,
    outside: Vec<String>,
    row: Vec<RawCell>,
    cell: Option<RawCell>,
    para: String,
    listed: bool,
    /// The paragraph's heading level, from its style (`Heading2`: 2).
    level: Option<u8>,
    /// The last heading paragraph outside a table since the last table.
    heading: Option<(String, u8)>,
    in_text: bool,
    /// Table cells read so far, against [`limits::CELLS`].
    cells: usize,
    /// The grid columns the row leaves empty after its last cell
    /// (`w:gridAfter`, written before its cells).
    after: usize,
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| a.value.to_string())
}

impl Parser {
    fn start(&mut self, e: &BytesStart, empty: bool) {
        let top = self.depth == 1;
        match e.local_name().as_ref() {
            "tbl" if !empty => {
                self.depth += 1;
                if self.depth == 1 {
                    let above = std::mem::take(&mut self.outside);
                    self.current = RawTable {
                        above: above.into_iter().filter(|p| !p.trim().is_empty()).collect(),
                        heading: self.heading.take(),
                        grid: 0,
                        rows: Vec::new(),
                    };
                }
            }
            "tr" if top && !empty => {
                self.row = Vec::new();
                self.after = 0;
            }
            "gridCol" if top => self.current.grid += 1,
            "tc" if top && !empty => {
                self.cells += 1;
                self.cell = Some(RawCell {
                    span: 1,
                    ..RawCell::default()
                })
            }
            // A row that starts past the grid's first columns, or stops
            // short of its last: an empty cell over them keeps the others
            // in their columns.
            "gridBefore" if top && self.cell.is_none() => {
                let n = grid_skip(e);
                if n > 0 {
                    self.cells += 1;
                    self.row.push(filler(n));
                }
            }
            "gridAfter" if top && self.cell.is_none() => self.after = grid_skip(e),
            "gridSpan" if top => {
                if let Some(cell) = self.cell.as_mut() {
                    // A span too large for a number is checked as the largest.
                    cell.span = attr(e, "val")
                        .map(|v| match v.trim().parse::<usize>() {
                            Ok(n) => n,
                            Err(_) if v.trim().bytes().all(|b| b.is_ascii_digit()) => usize::MAX,
                            Err(_) => 1,
                        })
                        .unwrap_or(1)
                        .max(1);
                }
            }
            "vMerge" if top => {
                if let Some(cell) = self.cell.as_mut() {
                    cell.merge = if attr(e, "val").as_deref() == Some("restart") {
                        Merge::Restart
                    } else {
                        Merge::Continue
                    };
                }
            }
            "shd" if top => {
                if let (Some(cell), Some(fill)) = (self.cell.as_mut(), attr(e, "fill")) {
                    cell.fill = Some(fill);
                }
            }
            "p" if !empty => {
                self.para.clear();
                self.listed = false;
                self.level = None;
            }
            "pStyle" => self.level = attr(e, "val").and_then(|v| heading_level(&v)),
            "numPr" => self.listed = true,
            "t" if !empty => self.in_text = true,
            "tab" if attr(e, "val").is_none() => self.para.push('\t'),
            "br" | "cr" => self.para.push('\n'),
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        let top = self.depth == 1;
        match name {
            "tbl" => {
                self.depth = self.depth.saturating_sub(1);
                if self.depth == 0 {
                    self.tables.push(std::mem::take(&mut self.current));
                }
            }
            "tr" if top => {
                if self.after > 0 {
                    self.cells += 1;
                    self.row.push(filler(std::mem::take(&mut self.after)));
                }
                let row = std::mem::take(&mut self.row);
                self.current.rows.push(row);
            }
            "tc" if top => {
                if let Some(cell) = self.cell.take() {
                    self.row.push(cell);
                }
            }
            "p" => {
                let para = std::mem::take(&mut self.para);
                match self.cell.as_mut() {
                    Some(cell) if self.depth >= 1 => cell.paras.push((para, self.listed)),
                    _ if self.depth == 0 => {
                        if let Some(level) = self.level
                            && !para.trim().is_empty()
                        {
                            self.heading = Some((para.trim().to_string(), level));
                        }
                        self.outside.push(para)
                    }
                    _ => {}
                }
            }
            "t" => self.in_text = false,
            _ => {}
        }
    }
}

/// The grid columns a `w:gridBefore` or `w:gridAfter` skips.
fn grid_skip(e: &BytesStart) -> usize {
    attr(e, "val")
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(0)
        .min(limits::COLUMNS.saturating_add(1))
}

/// The empty place of `span` grid columns a row skips.
fn filler(span: usize) -> RawCell {
    RawCell {
        span,
        filler: true,
        ..RawCell::default()
    }
}

/// The level of a heading style: `Title` 0, `Heading1` (or `Heading 1`) 1 ...
fn heading_level(style: &str) -> Option<u8> {
    let s = style.to_lowercase().replace(' ', "");
    if s == "title" {
        return Some(0);
    }
    s.strip_prefix("heading")?
        .parse::<u8>()
        .ok()
        .filter(|l| *l <= 9)
}

enum Parse {
    Xml(quick_xml::Error),
    TooMany,
}

fn parse(xml: &str) -> Result<Vec<RawTable>, Parse> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut p = Parser::default();
    loop {
        if p.cells > limits::CELLS {
            return Err(Parse::TooMany);
        }
        match reader.read_event().map_err(Parse::Xml)? {
            Event::Start(e) => p.start(&e, false),
            Event::Empty(e) => p.start(&e, true),
            Event::End(e) => p.end(e.local_name().as_ref()),
            Event::Text(t) if p.in_text => p.para.push_str(&t.xml10_content()),
            Event::CData(t) if p.in_text => p.para.push_str(&t.into_inner()),
            Event::GeneralRef(r) if p.in_text => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    p.para.push(c);
                } else {
                    let entity = match r.xml10_content().as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    };
                    p.para.push_str(entity);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(p.tables)
}

/// The grid of a table: each cell at the column it starts in, a cell merged
/// with the one above given that one's content (shared, not copied). A row
/// whose spans run past the table's grid is an error naming the cell.
/// `left` is what is left of the document's grid cells (all its tables
/// together), and is taken from.
fn resolve(table: &RawTable, left: &mut u64) -> Result<Vec<Row>, String> {
    let most = if table.grid > 0 {
        table.grid
    } else {
        limits::COLUMNS
    };
    let mut width = 0;
    for (r, raw) in table.rows.iter().enumerate() {
        let mut columns = 0usize;
        for (c, cell) in raw.iter().enumerate() {
            if cell.filler {
                // Columns skipped past the grid are no cell: nothing to place.
                columns = columns.saturating_add(cell.span).min(most.max(columns));
                continue;
            }
            columns = columns.saturating_add(cell.span);
            if columns > most {
                return Err(format!(
                    "row {}, cell {}: its w:gridSpan of {} runs past the table's {most} columns",
                    r + 1,
                    c + 1,
                    cell.span
                ));
            }
        }
        width = width.max(columns);
    }
    let area = (width as u64).saturating_mul(table.rows.len() as u64);
    *left = left.checked_sub(area).ok_or_else(|| {
        format!(
            "{} rows of {width} columns: with the tables before it, more cells than plan reads from one file ({})",
            table.rows.len(),
            limits::GRID_CELLS
        )
    })?;
    let blank = vec![Cell::default(); width];
    let mut rows: Vec<Row> = Vec::with_capacity(table.rows.len());
    for raw in &table.rows {
        let mut cells = blank.clone();
        let mut col = 0;
        let mut across = None;
        for rc in raw {
            if col >= width {
                break;
            }
            if rc.span > 1 && !rc.filler && across.is_none() && !cell_of(rc).is_empty() {
                across = Some(col..col.saturating_add(rc.span).min(width));
            }
            if !rc.filler {
                cells[col] = match (rc.merge, rows.last()) {
                    (Merge::Continue, Some(above)) => above.cells[col].clone(),
                    _ => cell_of(rc),
                };
            }
            col += rc.span;
        }
        // One cell across every column the row does not skip: a section.
        let skipped: usize = raw.iter().filter(|c| c.filler).map(|c| c.span).sum();
        let mut real = raw.iter().filter(|c| !c.filler);
        let spans_all = match (real.next(), real.next()) {
            (Some(one), None) => one.span > 1 && one.span.saturating_add(skipped) >= width,
            _ => false,
        };
        rows.push(Row {
            cells,
            spans_all,
            across,
        });
    }
    Ok(rows)
}

fn cell_of(raw: &RawCell) -> Cell {
    let text = raw
        .paras
        .iter()
        .map(|(p, _)| p.trim())
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string();
    let list: Vec<String> = raw
        .paras
        .iter()
        .filter(|(p, listed)| *listed && !p.trim().is_empty())
        .map(|(p, _)| p.trim().to_string())
        .collect();
    let fill = raw.fill.as_deref().and_then(super::sheet::rag_of_hex);
    Cell {
        text: text.into(),
        date: None,
        fill,
        list: if list.len() >= 2 {
            list.into()
        } else {
            Rc::from([])
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_and_spanning_cells() {
        let xml = r#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Plan 2012 &amp; 2013</w:t></w:r></w:p>
        <w:tbl>
        <w:tr><w:tc><w:p><w:r><w:t>Action</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Task</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>We will act</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>A1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>t1</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:tc><w:tcPr><w:vMerge/><w:shd w:val="clear" w:fill="FF0000"/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>t2</w:t><w:br/><w:t>more</w:t></w:r></w:p></w:tc></w:tr>
        </w:tbl></w:body></w:document>"#;
        let tables = parse(xml).ok().unwrap();
        assert_eq!(tables[0].above, vec!["Plan 2012 & 2013"]);
        let rows = resolve(&tables[0], &mut { limits::GRID_CELLS }).unwrap();
        assert!(rows[1].spans_all);
        assert_eq!(&*rows[1].cells[0].text, "We will act");
        assert_eq!(&*rows[3].cells[0].text, "A1");
        assert_eq!(&*rows[3].cells[1].text, "t2\nmore");
    }

    #[test]
    fn a_word_list_in_a_cell_is_its_items() {
        let item = |t: &str| {
            format!(
                r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>"#
            )
        };
        let xml = format!(
            r#"<w:document xmlns:w="w"><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Intro</w:t></w:r></w:p>{}{}</w:tc></w:tr></w:tbl></w:body></w:document>"#,
            item("Meet the sergeants"),
            item("Train the recruits")
        );
        let rows = resolve(&parse(&xml).ok().unwrap()[0], &mut { limits::GRID_CELLS }).unwrap();
        assert_eq!(
            rows[0].cells[0].items(),
            ["Meet the sergeants", "Train the recruits"]
        );
    }
}
