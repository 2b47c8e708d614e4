//! CSV and TSV files: UTF-8 with or without a byte-order mark, else
//! Windows-1252 (what Excel on Windows saves as "CSV"), told apart by whether
//! the bytes are valid UTF-8. Tabs or commas, by the extension and the first line.

use super::{Cell, Row, Table};
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
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record =
            record.with_context(|| format!("{}: not a readable CSV file", path.display()))?;
        rows.push(Row {
            cells: record
                .iter()
                .map(|f| Cell::text(f.replace("\r\n", "\n")))
                .collect(),
            spans_all: false,
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
        rows,
    }])
}

/// The text of the bytes: UTF-8 (a BOM dropped), else Windows-1252.
pub fn decode(bytes: &[u8]) -> String {
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
    }
}
