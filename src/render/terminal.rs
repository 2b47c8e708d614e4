//! Reports for a person at a terminal: a comfy-table per table (RAG in
//! colour where colour is on), or plain aligned columns for long ones.
//! Every piece of text goes through `escape::terminal` (or `line`), and a
//! cell is cut at [`MAX_CELL_CHARS`]: laying out a megabyte cell took
//! minutes, and nobody reads it in a table. Column widths come from
//! `widths::share`: ids and dates never wrap, the prose takes the width
//! left. Where the columns' longest words cannot stand side by side, a table
//! is a block per row, folded to the width at word boundaries (`wrap`).

use super::escape;
use super::report::{Badge, Cell, Reader, Report, Style, Table, Tone};
use super::widths::{self, Measure};
use super::wrap;
use comfy_table::{
    Cell as TermCell, CellAlignment, Color, ColumnConstraint, ContentArrangement, Width, presets,
};
use std::io::{self, Write};

pub fn render(out: &mut dyn Write, report: &Report, style: Style) -> io::Result<()> {
    let width = usize::from(style.width);
    folded(out, &escape::line(&report.heading), width)?;
    for table in &report.tables {
        writeln!(out)?;
        if let Some(title) = &table.title {
            folded(out, &escape::line(title), width)?;
        }
        if table.row_count() == 0 {
            folded(out, &escape::terminal(&table.empty), width)?;
            continue;
        }
        let shown: Vec<usize> = (0..table.columns.len())
            .filter(|&i| table.columns[i].seen_by(Reader::People))
            .collect();
        if table.row_count() > PLAIN_ABOVE_ROWS {
            plain_table(out, table, &shown)?;
            continue;
        }
        let mut rows: Vec<Vec<(String, &'static str)>> = Vec::new();
        let mut cells: Vec<Vec<TermCell>> = Vec::new();
        table.each_row(Reader::People, true, |row| {
            rows.push(
                shown
                    .iter()
                    .map(|&i| (shown_text(&row[i]), table.columns[i].header))
                    .collect(),
            );
            cells.push(
                shown
                    .iter()
                    .map(|&i| term_cell(&row[i], style.colour))
                    .collect(),
            );
            Ok(())
        })?;
        let mut term = comfy_table::Table::new();
        term.load_style(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(style.width);
        if style.colour {
            term.enforce_styling();
        } else {
            term.force_no_tty();
        }
        term.set_header(shown.iter().map(|&i| table.columns[i].header));
        let measures: Vec<Measure> = shown
            .iter()
            .enumerate()
            .map(|(at, &i)| {
                let column = &table.columns[i];
                let mut m = Measure::of_header(column.header, column.prose);
                rows.iter().for_each(|row| m.add(&row[at].0));
                m
            })
            .collect();
        // Each column has a space either side and a border after it, and the table one before.
        let overhead = 3 * shown.len() + 1;
        // Where even the longest words do not fit side by side, a block a row.
        let Some(widths) = widths::share(&measures, usize::from(style.width), overhead) else {
            blocks(out, &rows, table, &shown, width)?;
            continue;
        };
        for (at, width) in widths.into_iter().enumerate() {
            let fixed = u16::try_from(width + 2).unwrap_or(u16::MAX);
            if let Some(column) = term.column_mut(at) {
                column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(fixed)));
            }
        }
        for row in cells {
            term.add_row(row);
        }
        writeln!(out, "{term}")?;
    }
    for note in &report.notes {
        writeln!(out)?;
        folded(out, &escape::terminal(note), width)?;
    }
    Ok(())
}

/// Text folded to the width at word boundaries, each of its own lines
/// apart (a blank line stays).
fn folded(out: &mut dyn Write, text: &str, width: usize) -> io::Result<()> {
    for line in text.lines() {
        let indent: String = line.chars().take_while(|c| *c == ' ').collect();
        for part in wrap::fold(line, width, &indent, &indent) {
            writeln!(out, "{}", part.trim_end())?;
        }
    }
    Ok(())
}

/// Past this many rows a terminal table is printed as plain columns: boxes
/// and wrapping help reading a page, not scrolling through thousands of rows,
/// and they cost time and memory in proportion.
pub const PLAIN_ABOVE_ROWS: usize = 1000;

/// The most characters of a cell a terminal table shows (the last one `…`).
pub const MAX_CELL_CHARS: usize = 2000;

/// The longest run without a space handed to comfy-table, which breaks such
/// a run one character at a time: wider than any column, far shorter than
/// what made it slow.
const MAX_WORD_CHARS: usize = 200;

/// A cell of plain columns: one line, cut at [`MAX_CELL_CHARS`].
fn plain_cell(cell: &Cell, text: &mut String) {
    text.clear();
    cell.write_text(text);
    let escaped = match escape::line(text) {
        std::borrow::Cow::Owned(shown) => Some(shown),
        std::borrow::Cow::Borrowed(_) => None,
    };
    if let Some(shown) = escaped {
        *text = shown;
    }
    if text.len() > MAX_CELL_CHARS {
        let mut starts = text.char_indices().map(|(at, _)| at);
        if let (Some(at), Some(_)) = (starts.nth(MAX_CELL_CHARS - 1), starts.next()) {
            text.truncate(at);
            text.push('…');
        }
    }
}

/// Columns padded to their widest cell (up to a cap), one row a line,
/// a long cell pushes the rest of its line along (cut only past
/// [`MAX_CELL_CHARS`]); a line break in a cell is shown as `\n`.
fn plain_table(out: &mut dyn Write, table: &Table, shown: &[usize]) -> io::Result<()> {
    const CAP: usize = 40;
    let mut widths: Vec<usize> = shown
        .iter()
        .map(|&i| table.columns[i].header.chars().count())
        .collect();
    // Widths from the first rows only: making every row twice would double
    // the cost, and a wider cell further down only pushes its own line along.
    let mut cell = String::new();
    let mut widen = |row: &[Cell]| {
        for (w, &i) in widths.iter_mut().zip(shown) {
            plain_cell(&row[i], &mut cell);
            *w = (*w).max(cell.chars().count().min(CAP));
        }
    };
    table.first_rows(Reader::People, PLAIN_ABOVE_ROWS, &mut widen);
    if let Some(total) = &table.total {
        widen(total);
    }
    let last = shown.len().saturating_sub(1);
    let put = |line: &mut String, n: usize, text: &str| {
        if n > 0 {
            line.push_str("  ");
        }
        line.push_str(text);
        if n < last {
            let pad = widths[n].saturating_sub(text.chars().count());
            line.extend(std::iter::repeat_n(' ', pad));
        }
    };
    let mut line = String::new();
    for (n, &i) in shown.iter().enumerate() {
        put(&mut line, n, table.columns[i].header);
    }
    writeln!(out, "{}", line.trim_end())?;
    line.clear();
    for (n, w) in widths.iter().enumerate() {
        put(&mut line, n, &"-".repeat(*w));
    }
    writeln!(out, "{}", line.trim_end())?;
    table.each_row(Reader::People, true, |row| {
        line.clear();
        for (n, &i) in shown.iter().enumerate() {
            plain_cell(&row[i], &mut cell);
            put(&mut line, n, &cell);
        }
        writeln!(out, "{}", line.trim_end())
    })
}

/// A cell's text as a terminal table shows it. The blanks that start a line
/// become no-break spaces, which comfy-table keeps when it wraps the line:
/// a nested list keeps its nesting (R3's "  - i.").
fn shown_text(cell: &Cell) -> String {
    let text = escape::terminal_cut(&cell.display_text(), MAX_CELL_CHARS, MAX_WORD_CHARS);
    if !text.contains("\n ") {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut indent = false;
    for c in text.chars() {
        indent = (indent || c == '\n') && matches!(c, '\n' | ' ');
        out.push(if indent && c == ' ' { '\u{a0}' } else { c });
    }
    out
}

/// A block per row for a narrow terminal: the first column and the prose
/// ("EJ-1.2.b — Develop an integrated …"), then the other cells that hold
/// something, each with its header ("Leads: SL · Deadline: 2012-05-01"),
/// indented; every line folded to the width at word boundaries.
fn blocks(
    out: &mut dyn Write,
    rows: &[Vec<(String, &'static str)>],
    table: &Table,
    shown: &[usize],
    width: usize,
) -> io::Result<()> {
    const INDENT: &str = "  ";
    let prose = shown.iter().position(|&i| table.columns[i].prose);
    for (n, row) in rows.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        let mut first = row[0].0.clone();
        if let Some(at) = prose.filter(|&at| at > 0) {
            first.push_str(" — ");
            first.push_str(&row[at].0);
        }
        for line in wrap::fold(&first, width, "", INDENT) {
            writeln!(out, "{line}")?;
        }
        let rest: Vec<String> = row
            .iter()
            .enumerate()
            .filter(|(at, (text, _))| *at > 0 && Some(*at) != prose && !text.trim().is_empty())
            .map(|(_, (text, header))| format!("{header}: {text}"))
            .collect();
        for line in wrap::fields(&rest, width, INDENT) {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

fn term_cell(cell: &Cell, colour: bool) -> TermCell {
    let text = shown_text(cell);
    let mut term = TermCell::new(text);
    if cell.is_number() {
        term = term.set_alignment(CellAlignment::Right);
    }
    if let (
        true,
        Cell::Badge(Badge {
            tone: Some(tone), ..
        }),
    ) = (colour, cell)
    {
        term = term.fg(match tone {
            Tone::Red => Color::Red,
            Tone::Amber => Color::Yellow,
            Tone::Green => Color::Green,
            Tone::Blue => Color::Blue,
        });
    }
    term
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::report::Column;

    #[test]
    fn a_long_table_is_plain_aligned_columns() {
        let rows = PLAIN_ABOVE_ROWS + 1;
        let table = Table::new(vec![Column::new("id", "Id"), Column::new("n", "N")])
            .with_rows_made(rows, |i, _| {
                vec![Cell::text(format!("T-{i}")), Cell::Int(i as i64)]
            });
        let report = Report {
            heading: "Long".into(),
            tables: vec![table],
            notes: Vec::new(),
        };
        let mut out = Vec::new();
        render(
            &mut out,
            &report,
            Style {
                colour: false,
                width: 80,
            },
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        // Heading, blank, header, rule, then a line a row: no boxes.
        assert_eq!(lines.len(), 4 + rows);
        // Widths come from the first 1,000 rows ("T-999"): the last, wider
        // id pushes its own line along, and nothing is cut.
        assert_eq!(lines[2], "Id     N");
        assert_eq!(lines[3], "-----  ---");
        assert_eq!(lines[4], "T-0    0");
        assert_eq!(lines[4 + rows - 1], "T-1000  1000");
        assert!(!text.contains('│'));
    }
}
