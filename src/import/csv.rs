//! CSV and TSV files: UTF-8 with or without a byte-order mark, UTF-16 with
//! one (Excel's "Unicode Text"), else Windows-1252 (what Excel on Windows
//! saves as "CSV"), told apart by the mark and by whether the bytes are
//! valid UTF-8. Tabs or commas, by the extension and the first line. A quote
//! that is never closed is an error at its line, not a last cell holding
//! the rest of the file.

use super::{Cell, Row, Table};
use crate::error::FileError;
use crate::limits;
use anyhow::Context;
use std::path::Path;

pub fn read(path: &Path, bytes: &[u8]) -> anyhow::Result<Vec<Table>> {
    let text = decode(bytes);
    let first = text.lines().next().unwrap_or("");
    let tsv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv"))
        || first.matches('\t').count() > first.matches(',').count();
    let delimiter = if tsv {
        b'\t'
    } else if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    if let Some(line) = unclosed_quote(&text, delimiter) {
        return Err(FileError::UnclosedQuote {
            path: path.to_path_buf(),
            line,
        }
        .into());
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut cells = 0u64;
    let mut width = 0u64;
    for record in reader.records() {
        let record =
            record.with_context(|| format!("{}: not a readable CSV file", path.display()))?;
        let line = record.position().map_or(0, |p| p.line());
        cells += record.len() as u64;
        width = width.max(record.len() as u64);
        limits::within(width, limits::COLUMNS as u64, || {
            format!("{}: line {line}: {} columns", path.display(), record.len())
        })?;
        limits::within(width * (rows.len() as u64 + 1), limits::GRID_CELLS, || {
            format!("{}: line {line}: {cells} cells", path.display())
        })?;
        rows.push(Row {
            cells: record
                .iter()
                .map(|f| Cell::text(f.replace("\r\n", "\n")))
                .collect(),
            ..Row::default()
        });
    }
    let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    for row in &mut rows {
        row.cells.resize(width, Cell::default());
    }
    let name = path
        .file_stem()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    Ok(vec![Table {
        name,
        new_card: true,
        above: Vec::new(),
        heading: None,
        rows,
    }])
}

/// The line (from 1) where a quoted cell opens and is never closed, if one
/// is: a quote opens a cell only at its start, `""` inside is a quote.
fn unclosed_quote(text: &str, delimiter: u8) -> Option<usize> {
    let (mut line, mut opened) = (1, None);
    let mut at_start = true;
    let mut chars = text.bytes().peekable();
    while let Some(b) = chars.next() {
        match (opened, b) {
            (Some(_), b'"') if chars.peek() == Some(&b'"') => {
                chars.next();
            }
            (Some(_), b'"') => opened = None,
            (None, b'"') if at_start => opened = Some(line),
            _ => {}
        }
        if b == b'\n' {
            line += 1;
        }
        at_start = opened.is_none() && (b == delimiter || b == b'\n' || b == b'\r');
    }
    opened
}

/// The text of the bytes: UTF-16 with its BOM, UTF-8 (a BOM dropped), else
/// Windows-1252.
pub fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes)
        && encoding != encoding_rs::UTF_8
    {
        return encoding
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn encodings() {
        assert_eq!(decode(b"\xEF\xBB\xBFAction"), "Action");
        assert_eq!(decode(b"Women\x92s \x96 \x80"), "Women’s – €");
        assert_eq!(decode("Café".as_bytes()), "Café");
        assert_eq!(decode(b"\xFF\xFEA\0\xE9\0\t\0"), "Aé\t");
        assert_eq!(decode(b"\xFE\xFF\0A\0\xE9"), "Aé");
    }

    #[test]
    fn an_unclosed_quote_is_found_at_its_line() {
        use super::unclosed_quote;
        assert_eq!(unclosed_quote("a,b\n\"x,y\nz\n", b','), Some(2));
        assert_eq!(
            unclosed_quote("a,\"b \"\"c\"\" d\"\n\"two\nlines\",e\n", b','),
            None
        );
        assert_eq!(unclosed_quote("a,b\"c\nd\n", b','), None);
        assert_eq!(unclosed_quote("a\t\"b\n", b'\t'), Some(1));
    }
}
