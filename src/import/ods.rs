//! The extent of an OpenDocument spreadsheet's sheets, measured before
//! calamine reads them. calamine reads an `.ods` sheet whole and expands its
//! repeated rows and cells (`number-rows-repeated`, `number-columns-repeated`)
//! into a grid, up to 100,000,000 cells: a few bytes can ask for gigabytes.
//! This streams `content.xml` once and refuses a sheet whose grid, from its
//! first to its last cell with something in it, is past
//! [`limits::GRID_CELLS`].

use crate::limits;
use anyhow::Context;
use quick_xml::events::{BytesStart, Event};
use std::io::{BufReader, Read};

/// Refuses an `.ods` with a sheet that would expand past the limit.
pub fn check(bytes: &[u8]) -> anyhow::Result<()> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))?;
    let content = archive
        .by_name("content.xml")
        .context("no content.xml in it")?;
    let mut reader =
        quick_xml::Reader::from_reader(BufReader::new(content.take(limits::UNZIPPED_BYTES)));
    let mut sheet = Sheet::default();
    // calamine reads every sheet of an .ods when it opens it: their grids
    // count together.
    let mut cells = 0u64;
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf)? {
            Event::Start(e) => sheet.start(&e, false),
            Event::Empty(e) => sheet.start(&e, true),
            Event::End(e) => match e.local_name().as_ref() {
                "table-row" => sheet.end_row(),
                "table" => cells += sheet.end(cells)?,
                _ => {}
            },
            Event::Eof => return Ok(()),
            _ => {}
        }
        buf.clear();
    }
}

/// What is known of the sheet being read: rows and columns from 0, as
/// calamine would count them once expanded.
#[derive(Default)]
struct Sheet {
    name: String,
    /// Rows so far, repeats counted.
    rows: u64,
    /// The first row with something in it, and the end of the last.
    first: Option<u64>,
    end: u64,
    /// The columns with something in them, over every row.
    left: u64,
    right: Option<u64>,
    /// The row being read: its repeats, its next column, its filled columns.
    repeats: u64,
    column: u64,
    filled: Option<(u64, u64)>,
}

fn number(e: &BytesStart, name: &str, most: u64) -> u64 {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.value.trim().parse::<u64>().ok())
        .unwrap_or(1)
        .clamp(1, most)
}

impl Sheet {
    fn start(&mut self, e: &BytesStart, empty: bool) {
        match e.local_name().as_ref() {
            "table" if !empty => {
                let name = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.local_name().as_ref() == "name")
                    .map(|a| a.value.to_string())
                    .unwrap_or_default();
                *self = Sheet {
                    name,
                    left: u64::MAX,
                    ..Sheet::default()
                };
            }
            "table-row" => {
                self.repeats = number(e, "number-rows-repeated", 1 << 20);
                self.column = 0;
                self.filled = None;
                if empty {
                    self.end_row();
                }
            }
            "table-cell" | "covered-table-cell" => {
                let repeats = number(e, "number-columns-repeated", 1 << 14);
                // A cell with content (an element, not an empty one) or a
                // value counts as filled, as calamine keeps it.
                let valued = e
                    .attributes()
                    .flatten()
                    .any(|a| matches!(a.key.local_name().as_ref(), "value-type" | "formula"));
                if !empty || valued {
                    let (first, _) = self.filled.unwrap_or((self.column, 0));
                    self.filled = Some((first, self.column + repeats - 1));
                }
                self.column += repeats;
            }
            _ => {}
        }
    }

    fn end_row(&mut self) {
        if let Some((first, last)) = self.filled.take() {
            self.first.get_or_insert(self.rows);
            self.end = self.rows + self.repeats;
            self.left = self.left.min(first);
            self.right = Some(self.right.map_or(last, |r| r.max(last)));
        }
        self.rows += self.repeats;
        self.repeats = 1;
    }

    /// The sheet's grid cells, refused when with `before` (the sheets
    /// before it) they are past the limit.
    fn end(&mut self, before: u64) -> anyhow::Result<u64> {
        let (Some(first), Some(right)) = (self.first, self.right) else {
            return Ok(0);
        };
        let height = self.end - first;
        let width = right + 1 - self.left.min(right);
        let cells = height.saturating_mul(width);
        limits::within(before.saturating_add(cells), limits::GRID_CELLS, || {
            format!(
                "sheet {:?}: its repeated rows and cells make {height} rows of {width} columns",
                self.name
            )
        })?;
        Ok(cells)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(rows: &str) -> Sheet {
        let xml = format!(
            r#"<office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x"><table:table table:name="S">{rows}</table:table></office:document-content>"#
        );
        let mut reader = quick_xml::Reader::from_str(&xml);
        let mut sheet = Sheet::default();
        loop {
            match reader.read_event().unwrap() {
                Event::Start(e) => sheet.start(&e, false),
                Event::Empty(e) => sheet.start(&e, true),
                Event::End(e) if e.local_name().as_ref() == "table-row" => sheet.end_row(),
                Event::Eof => return sheet,
                _ => {}
            }
        }
    }

    #[test]
    fn trailing_empty_repeats_do_not_count() {
        let s = sheet(
            r#"<table:table-row><table:table-cell office:value-type="string"><text:p>Action</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1020"/></table:table-row>
            <table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#,
        );
        assert_eq!((s.first, s.end, s.left, s.right), (Some(0), 1, 0, Some(0)));
    }

    #[test]
    fn repeated_filled_cells_count_in_full() {
        let mut s = sheet(
            r#"<table:table-row table:number-rows-repeated="10000"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="16384"/></table:table-row>"#,
        );
        assert_eq!((s.first, s.end, s.right), (Some(0), 10_000, Some(16_383)));
        assert!(
            s.end(0)
                .unwrap_err()
                .to_string()
                .contains("10000 rows of 16384 columns")
        );
    }
}
