//! Reports as rows, and the four ways to print them: a terminal table
//! (comfy-table), JSON for `jq`, CSV for spreadsheets, Markdown for GitHub.
//! Nothing here knows what a plan is: commands hand in headings, columns
//! and cells.

use super::escape;
use super::number::{decimal, number};
use crate::lang::Lang;
use chrono::NaiveDate;
use serde_json::{Value, json};
use std::io::{self, Write};

/// The colour of a badge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Red,
    Amber,
    Green,
    Blue,
}

impl Tone {
    /// The tone's name for programs (JSON, CSV) and HTML's class, in any
    /// language of the report: "red".
    pub fn name(self) -> &'static str {
        match self {
            Tone::Red => "red",
            Tone::Amber => "amber",
            Tone::Green => "green",
            Tone::Blue => "blue",
        }
    }
}

/// A status shown as a word beside its colour: never colour alone. The
/// word is the report's language's; `tone` is `None` for "not rated".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Badge {
    pub word: &'static str,
    pub tone: Option<Tone>,
}

impl Badge {
    /// The HTML class: the tone's name, or "none".
    pub fn class(self) -> &'static str {
        self.tone.map_or("none", Tone::name)
    }
}

/// One value of a report.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// A text of the plan read in another language than the plan's first:
    /// people read it as shown; programs get it as written, in every language.
    PlanText(Box<PlanText>),
    Int(i64),
    /// A measured value, which may have decimals.
    Number(f64),
    Date(Option<NaiveDate>),
    /// A status as a word on its colour (or none: "not rated").
    Badge(Badge),
    /// One of `plan`'s own words (a state, a response): people read it in
    /// the report's language; programs get `machine`, in every language.
    Word {
        shown: &'static str,
        machine: &'static str,
    },
    /// Ids such as a task's leads: a JSON array, joined elsewhere.
    List(Vec<String>),
    /// A share from 0 to 1; `None` where it has no meaning (nothing rated).
    Percent(Option<f64>),
    /// A value only JSON carries whole, such as a task's last update (an object).
    Json(Value),
    /// Yes or no: a JSON boolean; blank (null) where there is no answer.
    /// People read the words given, in the report's language.
    YesNo(Option<bool>, [&'static str; 2]),
    Empty,
}

/// See [`Cell::PlanText`].
#[derive(Debug, Clone, PartialEq)]
pub struct PlanText {
    /// In the reader's language, where the plan has it.
    pub shown: String,
    /// As the plan writes it, in its first language.
    pub written: String,
    /// Where there is no translation (`shown` is then `written`): its
    /// language, and the marker that says so ("(in Welsh only)").
    pub fell_back: Option<(Lang, String)>,
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        Cell::Text(text.into())
    }

    pub fn opt_text(text: Option<&str>) -> Cell {
        text.map_or(Cell::Empty, Cell::text)
    }

    pub fn opt_int(n: Option<i64>) -> Cell {
        n.map_or(Cell::Empty, Cell::Int)
    }

    /// As a person reads it in a table.
    pub fn display_text(&self) -> String {
        let mut text = String::new();
        self.write_text(&mut text);
        text
    }

    /// [`Cell::display_text`] into a buffer, for tables of many rows.
    pub fn write_text(&self, out: &mut String) {
        use std::fmt::Write as _;
        match self {
            Cell::Text(t) => out.push_str(t),
            Cell::PlanText(text) => {
                out.push_str(&text.shown);
                if let Some((_, marker)) = &text.fell_back {
                    out.push(' ');
                    out.push_str(marker);
                }
            }
            Cell::Int(n) => {
                let _ = write!(out, "{n}");
            }
            Cell::Number(n) => out.push_str(&number(*n)),
            Cell::Date(Some(d)) => {
                let _ = write!(out, "{d}");
            }
            Cell::Date(None) | Cell::Empty => {}
            Cell::Badge(b) => out.push_str(b.word),
            Cell::Word { shown, .. } => out.push_str(shown),
            Cell::List(items) => {
                for (n, item) in items.iter().enumerate() {
                    if n > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(item);
                }
            }
            Cell::Percent(Some(p)) => {
                out.push_str(&decimal(p * 100.0, 0));
                out.push('%');
            }
            Cell::Percent(None) => out.push('–'),
            Cell::Json(value) => {
                let _ = write!(out, "{value}");
            }
            Cell::YesNo(b, [yes, no]) => out.push_str(b.map_or("", |b| if b { yes } else { no })),
        }
    }

    pub fn json(&self) -> Value {
        match self {
            Cell::Text(t) => json!(t),
            Cell::PlanText(text) => json!(text.written),
            Cell::Int(n) => json!(n),
            Cell::Number(n) => json!(n),
            Cell::Date(d) => d.map_or(Value::Null, |d| json!(d.to_string())),
            Cell::Badge(b) => b.tone.map_or(Value::Null, |t| json!(t.name())),
            Cell::Word { machine, .. } => json!(machine),
            Cell::List(items) => json!(items),
            Cell::Percent(p) => p.map_or(Value::Null, |p| json!((p * 1000.0).round() / 10.0)),
            Cell::YesNo(b, _) => b.map_or(Value::Null, |b| json!(b)),
            Cell::Empty => Value::Null,
            Cell::Json(value) => value.clone(),
        }
    }

    fn csv(&self) -> String {
        match self {
            Cell::Text(t) => escape::csv(t),
            Cell::PlanText(text) => escape::csv(&text.written),
            Cell::List(items) => escape::csv(&items.join("; ")),
            Cell::Badge(b) => b.tone.map(Tone::name).unwrap_or_default().to_string(),
            Cell::Word { machine, .. } => escape::csv(machine),
            // A column for programs: always one decimal, so every row reads alike.
            Cell::Percent(p) => p.map(|p| format!("{:.1}", p * 100.0)).unwrap_or_default(),
            other => other.display_text(),
        }
    }

    /// Shows as nothing at all in a table.
    pub fn is_blank(&self) -> bool {
        !matches!(self, Cell::Badge(_) | Cell::Percent(_)) && self.display_text().is_empty()
    }

    pub fn is_number(&self) -> bool {
        matches!(self, Cell::Int(_) | Cell::Number(_) | Cell::Percent(_))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    All,
    /// JSON and CSV only: a section title already says it to people.
    Programs,
    /// Tables only.
    People,
}

#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// The JSON key and CSV header: stable snake_case.
    pub key: &'static str,
    /// The header people read in a table.
    pub header: &'static str,
    /// Who sees it: JSON and CSV are for programs, tables for people.
    pub audience: Audience,
    /// Long text: given at least a third of a terminal table's width.
    pub prose: bool,
    /// The fewest characters a terminal table gives it (so short phrases
    /// such as "Summer/Autumn 2012" are not broken mid-word).
    pub min_chars: u16,
    /// In JSON only (not CSV): a field a CSV file of the bundled columns
    /// does not carry, such as a task's history.
    pub json_only: bool,
}

impl Column {
    pub const fn new(key: &'static str, header: &'static str) -> Column {
        Column {
            key,
            header,
            audience: Audience::All,
            prose: false,
            min_chars: 0,
            json_only: false,
        }
    }

    pub const fn at_least(mut self, chars: u16) -> Column {
        self.min_chars = chars;
        self
    }

    pub const fn prose(key: &'static str, header: &'static str) -> Column {
        Column {
            prose: true,
            ..Column::new(key, header)
        }
    }

    pub const fn machine(key: &'static str) -> Column {
        Column {
            audience: Audience::Programs,
            ..Column::new(key, key)
        }
    }

    /// Whether `reader` is shown this column: tables show what is for
    /// people, CSV what is for programs (but JSON's own), JSON all that is
    /// for programs.
    pub fn seen_by(&self, reader: Reader) -> bool {
        match reader {
            Reader::People => self.audience != Audience::Programs,
            Reader::Csv => self.audience != Audience::People && !self.json_only,
            Reader::Json => self.audience != Audience::People,
        }
    }

    /// Only in JSON.
    pub const fn json(key: &'static str) -> Column {
        Column {
            json_only: true,
            ..Column::machine(key)
        }
    }

    /// Only in terminal and Markdown tables, such as a shortened text.
    pub const fn people(key: &'static str, header: &'static str) -> Column {
        Column {
            audience: Audience::People,
            ..Column::new(key, header)
        }
    }
}

/// Who reads the rows a renderer asks for. A row made on demand may leave
/// empty ([`Cell::Empty`]) the cells of columns its reader never sees,
/// rather than build them (a task's update history as JSON, say).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// A terminal or Markdown table.
    People,
    Csv,
    Json,
}

/// Rows made one at a time, on demand: `(how many, make row i for a reader)`.
type MadeRows<'a> = (usize, Box<dyn Fn(usize, Reader) -> Vec<Cell> + 'a>);

pub struct Table<'a> {
    pub title: Option<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// A closing row for people (terminal and Markdown only).
    pub total: Option<Vec<Cell>>,
    /// Said instead of an empty table.
    pub empty: String,
    /// Instead of `rows`: a report of 100,000 tasks need not hold them all.
    made: Option<MadeRows<'a>>,
}

impl<'a> Table<'a> {
    pub fn new(columns: Vec<Column>) -> Table<'a> {
        Table {
            title: None,
            columns,
            rows: Vec::new(),
            total: None,
            empty: "None.".into(),
            made: None,
        }
    }

    /// `count` rows, each made by `make(i, reader)` when it is printed.
    pub fn with_rows_made(
        mut self,
        count: usize,
        make: impl Fn(usize, Reader) -> Vec<Cell> + 'a,
    ) -> Table<'a> {
        self.made = Some((count, Box::new(make)));
        self
    }

    pub fn row_count(&self) -> usize {
        self.made
            .as_ref()
            .map_or(self.rows.len(), |(count, _)| *count)
    }

    /// Each row in turn (made on demand where they are), then the total if `with_total`.
    pub(super) fn each_row(
        &self,
        reader: Reader,
        with_total: bool,
        mut f: impl FnMut(&[Cell]) -> io::Result<()>,
    ) -> io::Result<()> {
        match &self.made {
            Some((count, make)) => {
                for i in 0..*count {
                    f(&make(i, reader))?;
                }
            }
            None => {
                for row in &self.rows {
                    f(row)?;
                }
            }
        }
        match (&self.total, with_total) {
            (Some(total), true) => f(total),
            _ => Ok(()),
        }
    }

    /// The first `n` rows (not the total), made where they are made.
    pub(super) fn first_rows(&self, reader: Reader, n: usize, mut f: impl FnMut(&[Cell])) {
        match &self.made {
            Some((count, make)) => (0..n.min(*count)).for_each(|i| f(&make(i, reader))),
            None => self.rows.iter().take(n).for_each(|row| f(row)),
        }
    }

    /// Whether column `i` holds numbers (judged by the first row).
    fn numeric(&self, i: usize) -> bool {
        let mut numeric = false;
        self.first_rows(Reader::People, 1, |row| numeric = row[i].is_number());
        numeric
    }

    pub fn titled(mut self, title: impl Into<String>) -> Table<'a> {
        self.title = Some(title.into());
        self
    }

    pub fn when_empty(mut self, text: impl Into<String>) -> Table<'a> {
        self.empty = text.into();
        self
    }
}

/// A heading, tables, and closing lines. JSON and CSV carry the tables'
/// rows only, all tables' rows in one array.
#[derive(Default)]
pub struct Report<'a> {
    pub heading: String,
    pub tables: Vec<Table<'a>>,
    pub notes: Vec<String>,
}

/// How the terminal table looks.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub colour: bool,
    pub width: u16,
}

/// All tables' rows as one JSON array, written as it goes (no tree of values
/// is built: a report of 100,000 rows streams out).
pub fn json_rows(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    use serde::ser::{SerializeMap, SerializeSeq, Serializer};
    struct Row<'r, 'a>(&'r Table<'a>, &'r [Cell]);
    impl serde::Serialize for Row<'_, '_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(None)?;
            for (column, cell) in self.0.columns.iter().zip(self.1) {
                if column.seen_by(Reader::Json) {
                    map.serialize_entry(column.key, &cell.json())?;
                }
            }
            map.end()
        }
    }
    let mut serializer = serde_json::Serializer::pretty(&mut *out);
    let mut seq = serializer.serialize_seq(None).map_err(io::Error::from)?;
    for table in &report.tables {
        table.each_row(Reader::Json, false, |row| {
            seq.serialize_element(&Row(table, row))
                .map_err(io::Error::from)
        })?;
    }
    SerializeSeq::end(seq).map_err(io::Error::from)?;
    writeln!(out)
}

pub fn csv_rows(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    let mut header: Option<Vec<&str>> = None;
    for table in &report.tables {
        let wanted = |column: &Column| column.seen_by(Reader::Csv);
        let keys: Vec<&str> = table
            .columns
            .iter()
            .filter(|c| wanted(c))
            .map(|c| c.key)
            .collect();
        if header.as_ref() != Some(&keys) {
            writer.write_record(&keys).map_err(csv_error)?;
            header = Some(keys);
        }
        table.each_row(Reader::Csv, false, |row| {
            let cells = table.columns.iter().zip(row).filter(|(c, _)| wanted(c));
            writer
                .write_record(cells.map(|(_, cell)| cell.csv()))
                .map_err(csv_error)
        })?;
    }
    writer.flush()
}

/// The I/O error inside a CSV error, as itself: `csv`'s own conversion
/// wraps it as "other", which hides a closed pipe (exit 0) behind a failure.
pub fn csv_error(err: csv::Error) -> io::Error {
    if !matches!(err.kind(), csv::ErrorKind::Io(_)) {
        return io::Error::other(err);
    }
    match err.into_kind() {
        csv::ErrorKind::Io(err) => err,
        kind => io::Error::other(format!("{kind:?}")),
    }
}

pub fn markdown(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    use super::escape::markdown as escape;
    writeln!(out, "## {}", escape(&report.heading))?;
    for table in &report.tables {
        writeln!(out)?;
        if let Some(title) = &table.title {
            writeln!(out, "### {}\n", escape(title))?;
        }
        if table.row_count() == 0 {
            writeln!(out, "_{}_", escape(&table.empty))?;
            continue;
        }
        let index: Vec<usize> = (0..table.columns.len())
            .filter(|&i| table.columns[i].seen_by(Reader::People))
            .collect();
        let shown: Vec<&Column> = index.iter().map(|&i| &table.columns[i]).collect();
        let header: Vec<String> = shown.iter().map(|c| escape(c.header)).collect();
        writeln!(out, "| {} |", header.join(" | "))?;
        let rule: Vec<&str> = index
            .iter()
            .map(|&i| match table.numeric(i) {
                true => "---:",
                false => "---",
            })
            .collect();
        writeln!(out, "| {} |", rule.join(" | "))?;
        table.each_row(Reader::People, false, |row| {
            let cells: Vec<String> = index
                .iter()
                .map(|&i| escape(&row[i].display_text()))
                .collect();
            writeln!(out, "| {} |", cells.join(" | "))
        })?;
        if let Some(total) = &table.total {
            let cells: Vec<String> = index
                .iter()
                .map(|&i| match total[i].display_text() {
                    text if text.is_empty() => String::new(),
                    text => format!("**{}**", escape(&text)),
                })
                .collect();
            writeln!(out, "| {} |", cells.join(" | "))?;
        }
    }
    for note in &report.notes {
        writeln!(out, "\n{}", escape(note))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Report<'static> {
        let mut table = Table::new(vec![
            Column::new("id", "Id"),
            Column::new("note", "Note"),
            Column::machine("state"),
            Column::new("days", "Days"),
        ]);
        table.rows.push(vec![
            Cell::text("EJ-1.1.a"),
            Cell::text("=HYPERLINK(\"x\") | <b>"),
            Cell::text("overdue"),
            Cell::Int(3),
        ]);
        Report {
            heading: "Plan".into(),
            tables: vec![table],
            notes: vec![],
        }
    }

    fn rendered(write: fn(&mut dyn Write, &Report) -> io::Result<()>) -> String {
        let mut out = Vec::new();
        write(&mut out, &report()).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn csv_neutralises_formulas() {
        assert_eq!(
            rendered(csv_rows),
            "id,note,state,days\nEJ-1.1.a,\"'=HYPERLINK(\"\"x\"\") | <b>\",overdue,3\n"
        );
    }

    #[test]
    fn csv_numbers_stay_numbers_and_text_behind_blanks_is_neutralised() {
        let cells = [
            Cell::Int(-3),
            Cell::Number(-2.5),
            Cell::text(" -3"),
            Cell::text("\u{feff}＋1"),
        ];
        let csv: Vec<String> = cells.iter().map(Cell::csv).collect();
        assert_eq!(csv, ["-3", "-2.5", "' -3", "'\u{feff}＋1"]);
    }

    #[test]
    fn markdown_escapes_pipes_and_html_and_hides_machine_columns() {
        assert_eq!(
            rendered(markdown),
            "## Plan\n\n| Id | Note | Days |\n| --- | --- | ---: |\n| EJ-1.1.a | \\=HYPERLINK(\"x\") \\| &lt;b&gt; | 3 |\n"
        );
    }

    #[test]
    fn json_keeps_every_column_with_its_type() {
        let value: Value = serde_json::from_str(&rendered(json_rows)).unwrap();
        assert_eq!(
            value,
            json!([{"id": "EJ-1.1.a", "note": "=HYPERLINK(\"x\") | <b>", "state": "overdue", "days": 3}])
        );
    }
}
