//! In-place edits of a task with toml_edit: only the values that change
//! are touched; every comment, blank line and the layout of the rest of the
//! file stay as they were. The task's keys end in the order the file format
//! declares and a plain-date `due` is a TOML date, so the file stays as
//! `plan fmt` writes it. The text returned is toml_edit's (no byte order
//! mark, "\n" line ends): the one write of a plan file,
//! `safe_write::replace`, puts back the layout of the bytes it replaces.

use crate::lang::Lang;
use crate::model::Rag;
pub use crate::model::TaskPath;
use anyhow::{Context, bail};
use chrono::{Datelike, NaiveDate};
use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, Value};

/// What `plan set` changes in one task.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TaskEdit {
    /// `Some(None)` takes the RAG status away (not yet rated).
    pub rag: Option<Option<Rag>>,
    pub note: Option<String>,
    /// The note in the plan's other languages (`--note-en`): `note_en` ...
    pub note_twins: Vec<(Lang, String)>,
    pub done: Option<NaiveDate>,
    pub due: Option<String>,
    pub leads: Option<Vec<String>>,
    /// Who gave the note (an agency's id): its update entry's `by`.
    pub by: Option<String>,
    /// `due` corrects a misread target: no revision is counted, and the
    /// correction is an entry of the history.
    pub correct: bool,
    /// A review from a return sheet ("FINGERPRINT row N"): an entry is
    /// recorded even with no note (a RAG given again is a review too).
    pub sheet: Option<String>,
    /// Always set: the day of the review.
    pub updated: NaiveDate,
}

/// One entry of a task's update history, as `plan set --note` (and
/// `plan apply`) append it.
#[derive(Debug, Clone, PartialEq)]
pub struct UpdateEntry {
    pub date: NaiveDate,
    pub rag: Option<Rag>,
    pub note: Option<String>,
    /// The note's twins in the plan's other languages.
    pub note_twins: Vec<(Lang, String)>,
    /// The agency that gave it, as written.
    pub by: Option<String>,
    pub evidence: Option<String>,
    /// The return sheet it came from: "FINGERPRINT row N".
    pub sheet: Option<String>,
    /// A correction of the record, not a review: it moves neither the
    /// task's RAG nor its last review.
    pub correction: bool,
}

/// Appends `entry` to a task's update history. A task's old single `note`
/// (with its `updated`) becomes the first entry.
fn append_to(task: &mut Table, entry: &UpdateEntry) {
    let first = !task.contains_key("update");
    let mut entries: Vec<Table> = Vec::new();
    if first
        && let (Some(note), Some(updated)) = (
            task.get("note").and_then(Item::as_str).map(str::to_string),
            task.get("updated").and_then(Item::as_value).cloned(),
        )
    {
        // The old note moves into the history, dated as it was.
        let mut old = Table::new();
        old.insert("date", Item::Value(bare(updated)));
        if let Some(rag) = task.get("rag").and_then(Item::as_value) {
            old.insert("rag", Item::Value(bare(rag.clone())));
        }
        old.insert("note", Item::Value(Value::from(note)));
        task.remove("note");
        // Its translations go with it.
        for lang in Lang::ALL {
            let twin = format!("note_{lang}");
            if let Some(text) = task.remove(&twin) {
                old.insert(&twin, text);
            }
        }
        entries.push(old);
    }
    if let Some(existing) = task.get("update").and_then(Item::as_array_of_tables) {
        entries.extend(existing.iter().cloned());
    }
    // In date order: after every entry of its day or before, so an entry
    // dated before the latest lands where it belongs and moves nothing back.
    let at = entries
        .iter()
        .rposition(|t| entry_date(t).is_none_or(|d| d <= entry.date))
        .map_or(0, |i| i + 1);
    entries.insert(at, entry_table(entry));
    let (latest, rag) = derived(&entries);
    if let Some(rag) = rag {
        set(task, "rag", Value::from(rag.as_str()));
    }
    if let Some(latest) = latest {
        set_updated(task, latest);
    }
    let mut all = ArrayOfTables::new();
    entries.into_iter().for_each(|t| all.push(t));
    task.insert("update", Item::ArrayOfTables(all));
    // A blank line before each new `[[priority.action.task.update]]`, as `plan fmt` lays it out.
    if let Some(all) = task
        .get_mut("update")
        .and_then(Item::as_array_of_tables_mut)
    {
        for t in all.iter_mut().filter(|t| t.position().is_none()) {
            t.decor_mut().set_prefix("\n");
        }
    }
}

/// An update entry as a table, its keys in the format's order.
fn entry_table(entry: &UpdateEntry) -> Table {
    let mut new = Table::new();
    new.insert("date", Item::Value(date(entry.date)));
    if entry.correction {
        let kind = crate::model::UpdateKind::Correction.as_str();
        new.insert("kind", Item::Value(Value::from(kind)));
    }
    if let Some(rag) = entry.rag {
        new.insert("rag", Item::Value(Value::from(rag.as_str())));
    }
    if let Some(note) = &entry.note {
        new.insert("note", Item::Value(Value::from(note.as_str())));
    }
    for (lang, text) in &entry.note_twins {
        let twin = format!("note_{lang}");
        new.insert(&twin, Item::Value(Value::from(text.as_str())));
    }
    for (key, value) in [
        ("by", &entry.by),
        ("evidence", &entry.evidence),
        ("sheet", &entry.sheet),
    ] {
        if let Some(value) = value {
            new.insert(key, Item::Value(Value::from(value.as_str())));
        }
    }
    new
}

/// What the entries say of the task now: the day of the latest review,
/// and its RAG: on that day, each agency's last word, and of those the
/// worst (two co-leads who disagree on one day leave the task at the worse
/// RAG). A correction is no review: it moves neither.
fn derived(entries: &[Table]) -> (Option<NaiveDate>, Option<Rag>) {
    let reviews: Vec<&Table> = entries.iter().filter(|t| is_review(t)).collect();
    let latest = reviews.iter().filter_map(|t| entry_date(t)).max();
    let mut last_by: Vec<(String, Rag)> = Vec::new();
    for t in reviews.into_iter().filter(|t| entry_date(t) == latest) {
        let Some(rag) = t.get("rag").and_then(Item::as_str).and_then(Rag::parse) else {
            continue;
        };
        let by = t
            .get("by")
            .and_then(Item::as_str)
            .unwrap_or("")
            .to_lowercase();
        last_by.retain(|(b, _)| *b != by);
        last_by.push((by, rag));
    }
    (latest, last_by.into_iter().map(|(_, rag)| rag).min())
}

/// True for an entry that is a review: no `kind`, or `kind = "review"`.
fn is_review(t: &Table) -> bool {
    t.get("kind")
        .and_then(Item::as_str)
        .and_then(crate::model::UpdateKind::parse)
        .is_none_or(|kind| kind == crate::model::UpdateKind::Review)
}

/// An entry's `date`, where it is a plain date.
fn entry_date(t: &Table) -> Option<NaiveDate> {
    value_date(t.get("date")?.as_value()?)
}

fn value_date(value: &Value) -> Option<NaiveDate> {
    let d = value.as_datetime()?.date?;
    NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
}

/// Makes `updated` the day `day`, unless it already is a later one: a
/// back-dated edit never moves the last review backwards.
fn set_updated(task: &mut Table, day: NaiveDate) {
    let later = task
        .get("updated")
        .and_then(Item::as_value)
        .and_then(value_date)
        .is_some_and(|d| d > day);
    if !later {
        set(task, "updated", date(day));
    }
}

/// Sets a new `due`, keeping the first target in `original_due` (written
/// once, never changed) and counting the revision in `due_revisions`. A
/// correction (`correct`) counts none, and corrects `original_due` too
/// where it holds the same misreading. The old target, where it changed.
fn revise_due(task: &mut Table, due: &str, correct: bool) -> Option<String> {
    let old = task.get("due").and_then(Item::as_value).cloned();
    let text = |v: &Value| {
        v.as_str()
            .map(|s| s.trim().to_string())
            .or_else(|| v.as_datetime().map(|d| d.to_string()))
            .unwrap_or_default()
    };
    let old_text = old.as_ref().map(text);
    let changed = old_text
        .as_deref()
        .is_some_and(|o| !o.eq_ignore_ascii_case(due.trim()));
    let written = crate::format::plain_date(&Value::from(due)).unwrap_or(Value::from(due));
    if let Some(old) = old.filter(|_| changed) {
        let original = task.get("original_due").and_then(Item::as_value).map(text);
        if correct {
            if original.is_some() && original == old_text {
                set(task, "original_due", written.clone());
            }
        } else {
            if original.is_none() {
                task.insert("original_due", Item::Value(bare(old)));
            }
            let revisions = task
                .get("due_revisions")
                .and_then(Item::as_integer)
                .unwrap_or(0);
            set(task, "due_revisions", Value::from(revisions + 1));
        }
    }
    // A plain date is written as a TOML date, as `plan fmt` writes it.
    set(task, "due", written);
    old_text.filter(|_| changed)
}

/// A value without the spacing and comment it had where it was written.
fn bare(mut value: Value) -> Value {
    value.decor_mut().clear();
    value
}

/// The task's keys in the order the file format declares them (as `plan
/// fmt` puts them), so a key `plan` adds lands where `fmt` would put it.
fn in_format_order(task: &mut Table) {
    let rank = |key: &str| crate::file_format::TASK.rank(key);
    task.sort_values_by(|k1, _, k2, _| rank(k1.get()).cmp(&rank(k2.get())));
}

/// Applies `edit` to the task at `path` in a file's text.
pub fn edit_task(text: &str, path: &TaskPath, edit: &TaskEdit) -> anyhow::Result<String> {
    edit_tasks(text, &[(path, edit)])
}

/// Applies each edit to its task in a file's text, reading and writing the
/// file once however many tasks change (`plan apply`).
pub fn edit_tasks(text: &str, edits: &[(&TaskPath, &TaskEdit)]) -> anyhow::Result<String> {
    let mut doc: DocumentMut = text.parse().context("the file is not valid TOML")?;
    for (path, edit) in edits {
        apply(find_task(&mut doc, path)?, edit);
    }
    Ok(doc.to_string())
}

fn apply(task: &mut Table, edit: &TaskEdit) {
    // First, while the task's old note, rag and updated are as they were.
    // An entry carries the RAG: the task's is then what its entries say.
    let entry = edit.note.is_some() || !edit.note_twins.is_empty() || edit.sheet.is_some();
    if entry {
        let entry = UpdateEntry {
            date: edit.updated,
            rag: edit.rag.flatten(),
            note: edit.note.clone(),
            note_twins: edit.note_twins.clone(),
            by: edit.by.clone(),
            evidence: None,
            sheet: edit.sheet.clone(),
            correction: false,
        };
        append_to(task, &entry);
    }
    match edit.rag {
        Some(Some(rag)) if !entry => set(task, "rag", Value::from(rag.as_str())),
        Some(None) => {
            task.remove("rag");
        }
        _ => {}
    }
    if let Some(due) = &edit.due
        && let Some(old) = revise_due(task, due, edit.correct)
        && edit.correct
    {
        let entry = UpdateEntry {
            date: edit.updated,
            rag: None,
            note: Some(format!(
                "Target corrected from \"{old}\" to \"{}\": a misreading, not a revision",
                due.trim()
            )),
            note_twins: Vec::new(),
            by: None,
            evidence: None,
            sheet: None,
            correction: true,
        };
        append_to(task, &entry);
    }
    if let Some(leads) = &edit.leads {
        let array: Array = leads.iter().map(String::as_str).collect();
        set(task, "lead", Value::Array(array));
    }
    if let Some(done) = edit.done {
        set(task, "done", date(done));
    }
    if !edit.only_corrects() {
        set_updated(task, edit.updated);
    }
    in_format_order(task);
}

impl TaskEdit {
    /// True when the edit corrects the target and does nothing else: no
    /// review, so the task's last review stays where it was.
    pub fn only_corrects(&self) -> bool {
        self.correct
            && self.due.is_some()
            && self.rag.is_none()
            && self.note.is_none()
            && self.done.is_none()
            && self.leads.is_none()
            && self.sheet.is_none()
            && self.note_twins.is_empty()
    }
}

/// A value of a measure, as `plan record` writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureRecord {
    pub period: String,
    pub value: f64,
    pub note: Option<String>,
}

/// Adds `record` to the values of the measure `id` in a file's text, or
/// replaces the value whose period `same_period` says is the same one.
/// Values written inline (`values = [{ ... }]`) or as
/// `[[measure.values]]` tables both work. True in the second place when a
/// value was replaced.
pub fn record_value(
    text: &str,
    id: &str,
    record: &MeasureRecord,
    same_period: impl Fn(&str) -> bool,
) -> anyhow::Result<(String, bool)> {
    let mut doc: DocumentMut = text.parse().context("the file is not valid TOML")?;
    let measure = find_in(doc.as_table_mut(), "measure", |v| {
        v.as_str().is_some_and(|s| crate::model::same_id(s, id))
    })
    .with_context(|| format!("measure {id} is not written as [[measure]]"))?;
    let period_of = |v: Option<&Value>| match v {
        Some(Value::String(s)) => Some(s.value().clone()),
        Some(Value::Datetime(d)) => Some(d.value().to_string()),
        _ => None,
    };
    let number = if record.value.fract() == 0.0 && record.value.abs() < 9e15 {
        Value::from(record.value as i64)
    } else {
        Value::from(record.value)
    };
    let mut replaced = false;
    match measure.get_mut("values") {
        Some(Item::ArrayOfTables(tables)) => {
            let found = tables.iter_mut().find(|t| {
                period_of(t.get("period").and_then(Item::as_value)).is_some_and(|p| same_period(&p))
            });
            match found {
                Some(table) => {
                    replaced = true;
                    fill_value(table, record, number);
                }
                None => {
                    let mut table = Table::new();
                    table.insert("period", Item::Value(Value::from(record.period.as_str())));
                    fill_value(&mut table, record, number);
                    table.decor_mut().set_prefix("\n");
                    tables.push(table);
                }
            }
        }
        Some(Item::Value(Value::Array(values))) => {
            let found = values.iter_mut().find_map(|v| match v {
                Value::InlineTable(t)
                    if period_of(t.get("period")).is_some_and(|p| same_period(&p)) =>
                {
                    Some(t)
                }
                _ => None,
            });
            match found {
                Some(inline) => {
                    replaced = true;
                    inline.insert("value", number);
                    match &record.note {
                        Some(note) => {
                            inline.insert("note", Value::from(note.as_str()));
                        }
                        None => {
                            inline.remove("note");
                        }
                    }
                    // An inline table holds no comment: its own layout is the canonical one.
                    inline.fmt();
                }
                None => push_inline(values, record, number),
            }
        }
        Some(_) => {
            bail!("measure {id}'s `values` is neither an array nor [[measure.values]] tables")
        }
        None => {
            let mut values = Array::new();
            push_inline(&mut values, record, number);
            measure.insert("values", Item::Value(Value::Array(values)));
            in_order(measure, crate::file_format::MEASURE.keys);
        }
    }
    Ok((doc.to_string(), replaced))
}

/// Sets a value's `value` and `note` (a value recorded again without a note loses the old one).
fn fill_value(table: &mut Table, record: &MeasureRecord, number: Value) {
    set(table, "value", number);
    match &record.note {
        Some(note) => set(table, "note", Value::from(note.as_str())),
        None => {
            table.remove("note");
        }
    }
}

/// Appends `{ period = ..., value = ... }` to an inline array, laid out as
/// its last element is (one a line, or all on one).
fn push_inline(values: &mut Array, record: &MeasureRecord, number: Value) {
    let mut table = toml_edit::InlineTable::new();
    table.insert("period", Value::from(record.period.as_str()));
    table.insert("value", number);
    if let Some(note) = &record.note {
        table.insert("note", Value::from(note.as_str()));
    }
    table.fmt();
    let prefix = values
        .iter()
        .last()
        .and_then(|v| v.decor().prefix())
        .and_then(|p| p.as_str())
        // Its line's indentation, not a comment written before it.
        .map(|p| match p.rfind('\n') {
            Some(at) => p[at..].to_string(),
            None => " ".to_string(),
        });
    values.push(Value::InlineTable(table));
    if let (Some(prefix), Some(last)) = (prefix, values.iter_mut().last()) {
        last.decor_mut().set_prefix(prefix);
    }
}

/// A table's values in the order the file format declares them.
fn in_order(table: &mut Table, keys: &'static [crate::file_format::Key]) {
    let rank = |key: &str| {
        keys.iter()
            .position(|k| k.name == key)
            .unwrap_or(keys.len())
    };
    table.sort_values_by(|k1, _, k2, _| rank(k1.get()).cmp(&rank(k2.get())));
}

fn date(day: NaiveDate) -> Value {
    let datetime = toml_edit::Datetime {
        date: Some(toml_edit::Date {
            year: u16::try_from(day.year()).unwrap_or_default(),
            month: day.month() as u8,
            day: day.day() as u8,
        }),
        time: None,
        offset: None,
    };
    Value::from(datetime)
}

/// Sets `key` to `value`, keeping the spacing and any comment around an old value.
fn set(table: &mut Table, key: &str, mut value: Value) {
    match table.get_mut(key) {
        Some(Item::Value(old)) => {
            *value.decor_mut() = old.decor().clone();
            *old = value;
        }
        _ => {
            table.insert(key, Item::Value(value));
            keep_canonical_order(table);
        }
    }
}

/// A key added to a task written in the canonical key order (`plan fmt`'s)
/// goes to its place in that order, not to the end; a task written in an
/// order of its own is left in it.
fn keep_canonical_order(table: &mut Table) {
    let rank = |key: &str| {
        crate::file_format::TASK
            .key_names()
            .position(|k| k == key)
            .unwrap_or(usize::MAX)
    };
    let ranks: Vec<usize> = table.iter().map(|(k, _)| rank(k)).collect();
    let added_last = ranks.len().saturating_sub(1);
    if ranks[..added_last].is_sorted() {
        table.sort_values_by(|a, _, b, _| rank(a.get()).cmp(&rank(b.get())));
    }
}

fn find_task<'d>(doc: &'d mut DocumentMut, path: &TaskPath) -> anyhow::Result<&'d mut Table> {
    let priority = find_in(doc.as_table_mut(), "priority", |id| {
        id.as_integer() == Some(path.priority)
    })
    .with_context(|| format!("priority {} is not written as [[priority]]", path.priority))?;
    let action = find_in(priority, "action", |id| {
        id.as_integer() == Some(path.action)
    })
    .with_context(|| {
        format!(
            "action {} is not written as [[priority.action]]",
            path.action
        )
    })?;
    let task = find_in(action, "task", |id| {
        id.as_str()
            .is_some_and(|s| crate::model::same_id(s, &path.task))
    })
    .with_context(|| {
        format!(
            "task {} is not written as [[priority.action.task]]",
            path.task
        )
    })?;
    Ok(task)
}

/// The table of the array of tables `key` whose `id` fits.
fn find_in<'t>(
    table: &'t mut Table,
    key: &str,
    fits: impl Fn(&Value) -> bool,
) -> anyhow::Result<&'t mut Table> {
    let Some(tables) = table.get_mut(key).and_then(Item::as_array_of_tables_mut) else {
        bail!("no [[{key}]] tables");
    };
    let found = ArrayOfTables::iter_mut(tables)
        .find(|t| t.get("id").and_then(Item::as_value).is_some_and(&fits));
    match found {
        Some(table) => Ok(table),
        None => bail!("no such id"),
    }
}

/// Sets (or with `None` takes away) the `date` of the `[[event]]` with `id`
/// (any case) in a file's text: the day it happened.
pub fn set_event_date(text: &str, id: &str, date: Option<NaiveDate>) -> anyhow::Result<String> {
    let mut doc: DocumentMut = text.parse().context("the file is not valid TOML")?;
    let Some(Item::ArrayOfTables(events)) = doc.get_mut("event") else {
        bail!("no [[event]] in the file");
    };
    let Some(event) = events.iter_mut().find(|e| {
        e.get("id")
            .and_then(Item::as_str)
            .is_some_and(|e| crate::model::same_id(e, id))
    }) else {
        bail!("no [[event]] `{id}` in the file");
    };
    match date {
        Some(day) => set(event, "date", self::date(day)),
        None => {
            event.remove("date");
        }
    }
    Ok(doc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"[card]
id = "EJ"
title = "Effective Justice"

[[priority]]
id = 1
title = "P"

[[priority.action]]
id = 1
title = "A"

[[priority.action.task]]
id = "a"
text = "Meet the sergeants"
lead = ["SL", "NE"]   # both sectors
# agreed at the March forum
due = "Summer 2012 & On-going"
rag = "green" # as of the last meeting

# The next task.
[[priority.action.task]]
id = "b"
text = "Brief recruits"
lead = "SWP"
"#;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    const MEASURES: &str = r#"# Invented values.
[[measure]]
id = "M3"
title = "Reports"
better = "higher"
values = [
  { period = "Q1 2012-13", value = 4 }, # first
  { period = "Q2 2012-13", value = 6, note = "A good quarter" },
]

[[measure]]
id = "M4"
title = "Referrals"
better = "higher"

[[measure.values]]
period = "Q1 2012-13"
value = 1.5
"#;

    #[test]
    fn a_value_is_added_or_replaced_keeping_comments() {
        let record = |period: &str, value, note: Option<&str>| MeasureRecord {
            period: period.into(),
            value,
            note: note.map(str::to_string),
        };
        let q3 = record("Q3 2012-13", 7.0, Some("Invented"));
        let (added, replaced) = record_value(MEASURES, "m3", &q3, |p| p == "Q3 2012-13").unwrap();
        assert!(!replaced);
        assert!(added.contains("  { period = \"Q1 2012-13\", value = 4 }, # first\n  { period = \"Q2 2012-13\", value = 6, note = \"A good quarter\" },\n  { period = \"Q3 2012-13\", value = 7, note = \"Invented\" },\n]"), "{added}");
        let q2 = record("Q2 2012-13", 5.0, None);
        let (again, replaced) = record_value(&added, "M3", &q2, |p| p == "Q2 2012-13").unwrap();
        assert!(replaced);
        assert!(
            again.contains("  { period = \"Q2 2012-13\", value = 5 },\n"),
            "{again}"
        );
        let (tables, replaced) =
            record_value(MEASURES, "M4", &record("Q2 2012-13", 2.5, None), |_| false).unwrap();
        assert!(!replaced);
        assert!(
            tables.ends_with(
                "value = 1.5\n\n[[measure.values]]\nperiod = \"Q2 2012-13\"\nvalue = 2.5\n"
            ),
            "{tables}"
        );
        for text in [&added, &again, &tables] {
            assert_eq!(&crate::format::format_text(text).unwrap(), text);
        }
        assert!(record_value(MEASURES, "M9", &q3, |_| false).is_err());
    }

    fn path(id: &str) -> TaskPath {
        TaskPath::parse(id).unwrap()
    }

    #[test]
    fn full_ids_come_apart() {
        assert_eq!(
            TaskPath::parse("EJ-1.12.a2"),
            Some(TaskPath {
                card: "EJ".into(),
                priority: 1,
                action: 12,
                task: "a2".into()
            })
        );
        assert_eq!(TaskPath::parse("EJ-1.1"), None);
        assert_eq!(TaskPath::parse("EJ"), None);
    }

    #[test]
    fn only_the_changed_values_change() {
        let edit = TaskEdit {
            rag: Some(Some(Rag::Amber)),
            note: Some("Roath briefed; Bay in January".into()),
            updated: day("2012-12-01"),
            ..TaskEdit::default()
        };
        let out = edit_task(TEXT, &path("EJ-1.1.a"), &edit).unwrap();
        let expected = TEXT.replace(
            "rag = \"green\" # as of the last meeting\n",
            "rag = \"amber\" # as of the last meeting\nupdated = 2012-12-01\n\n[[priority.action.task.update]]\ndate = 2012-12-01\nrag = \"amber\"\nnote = \"Roath briefed; Bay in January\"\n",
        );
        assert_eq!(out, expected);
        fmt_clean(|text| edit_task(text, &path("EJ-1.1.a"), &edit).unwrap());
    }

    /// An edit of a file in `plan fmt`'s layout leaves it in that layout.
    fn fmt_clean(edit: impl Fn(&str) -> String) {
        let tidy = crate::format::format_text(TEXT).unwrap();
        let out = edit(&tidy);
        assert_eq!(crate::format::format_text(&out).unwrap(), out);
    }

    /// One entry appended as `plan set --note` and `plan apply` append it,
    /// with the evidence link that neither gives yet.
    fn append_update(text: &str, path: &TaskPath, entry: &UpdateEntry) -> anyhow::Result<String> {
        let mut doc: DocumentMut = text.parse()?;
        let task = find_task(&mut doc, path)?;
        append_to(task, entry);
        in_format_order(task);
        Ok(doc.to_string())
    }

    #[test]
    fn an_old_note_becomes_the_first_entry_and_entries_append() {
        let old = TEXT.replace(
            "rag = \"green\" # as of the last meeting\n",
            "rag = \"green\" # as of the last meeting\nupdated = 2012-09-30\nnote = \"Roath briefed\"\n",
        );
        let entry = UpdateEntry {
            date: day("2012-12-01"),
            rag: None,
            note: Some("Bay briefed".into()),
            note_twins: Vec::new(),
            by: Some("SL".into()),
            evidence: Some("https://example.org/minutes".into()),
            sheet: None,
            correction: false,
        };
        let out = append_update(&old, &path("EJ-1.1.a"), &entry).unwrap();
        assert!(out.contains(
            "rag = \"green\" # as of the last meeting\nupdated = 2012-12-01\n\n[[priority.action.task.update]]\ndate = 2012-09-30\nrag = \"green\"\nnote = \"Roath briefed\"\n\n[[priority.action.task.update]]\ndate = 2012-12-01\nnote = \"Bay briefed\"\nby = \"SL\"\nevidence = \"https://example.org/minutes\"\n\n# The next task."
        ), "{out}");
        let again = UpdateEntry {
            date: day("2013-01-10"),
            rag: Some(Rag::Blue),
            note: Some("Done".into()),
            note_twins: vec![(Lang::Cy, "Wedi’i gwblhau".into())],
            by: None,
            evidence: None,
            sheet: None,
            correction: false,
        };
        let twice = append_update(&out, &path("EJ-1.1.a"), &again).unwrap();
        assert_eq!(twice.matches("[[priority.action.task.update]]").count(), 3);
        assert!(
            twice.contains("rag = \"blue\" # as of the last meeting\nupdated = 2013-01-10\n"),
            "{twice}"
        );
        assert!(twice.ends_with("note = \"Done\"\nnote_cy = \"Wedi’i gwblhau\"\n\n# The next task.\n[[priority.action.task]]\nid = \"b\"\ntext = \"Brief recruits\"\nlead = \"SWP\"\n"), "{twice}");
        fmt_clean(|text| {
            let old = text.replace(
                "rag = \"green\" # as of the last meeting\n",
                "rag = \"green\" # as of the last meeting\nupdated = 2012-09-30\nnote = \"Roath briefed\"\n",
            );
            let out = append_update(&old, &path("EJ-1.1.a"), &entry).unwrap();
            append_update(&out, &path("EJ-1.1.a"), &again).unwrap()
        });
    }

    #[test]
    fn a_revised_due_keeps_the_first_target_and_counts() {
        let edit = |due: &str| TaskEdit {
            due: Some(due.into()),
            updated: day("2012-12-01"),
            ..TaskEdit::default()
        };
        let once = edit_task(TEXT, &path("EJ-1.1.a"), &edit("Oct 2012")).unwrap();
        assert!(once.contains("due = \"Oct 2012\"\nrag = \"green\" # as of the last meeting\nupdated = 2012-12-01\noriginal_due = \"Summer 2012 & On-going\"\ndue_revisions = 1\n"), "{once}");
        let twice = edit_task(&once, &path("EJ-1.1.a"), &edit("Dec 2012")).unwrap();
        assert!(
            twice.contains("original_due = \"Summer 2012 & On-going\"\ndue_revisions = 2\n"),
            "{twice}"
        );
        let same = edit_task(&twice, &path("EJ-1.1.a"), &edit("Dec 2012")).unwrap();
        assert!(same.contains("due_revisions = 2\n"), "{same}");
        fmt_clean(|text| {
            let once = edit_task(text, &path("EJ-1.1.a"), &edit("Oct 2012")).unwrap();
            edit_task(&once, &path("EJ-1.1.a"), &edit("Dec 2012")).unwrap()
        });
    }

    #[test]
    fn leads_due_done_and_clearing_the_rag() {
        let edit = TaskEdit {
            rag: Some(None),
            due: Some("Oct 2012".into()),
            leads: Some(vec!["SWP".into(), "DIPP".into()]),
            done: Some(day("2012-10-20")),
            updated: day("2012-12-01"),
            ..TaskEdit::default()
        };
        let out = edit_task(TEXT, &path("ej-1.1.B"), &edit).unwrap();
        assert!(out.ends_with(
            "lead = [\"SWP\", \"DIPP\"]\ndue = \"Oct 2012\"\ndone = 2012-10-20\nupdated = 2012-12-01\n"
        ), "{out}");
        let cleared = edit_task(TEXT, &path("EJ-1.1.a"), &edit).unwrap();
        assert!(!cleared.contains("rag ="), "{cleared}");
        assert!(
            cleared.contains("# agreed at the March forum\ndue = \"Oct 2012\"\n"),
            "{cleared}"
        );
    }

    #[test]
    fn windows_line_ends_stay() {
        let crlf = TEXT.replace('\n', "\r\n");
        let edit = TaskEdit {
            rag: Some(Some(Rag::Red)),
            updated: day("2012-12-01"),
            ..TaskEdit::default()
        };
        // As `safe_write::replace` writes it.
        let out =
            crate::line_ends::keep(&crlf, &edit_task(&crlf, &path("EJ-1.1.a"), &edit).unwrap());
        assert_eq!(out.matches('\n').count(), out.matches("\r\n").count());
        let expected = TEXT.replace(
            "rag = \"green\" # as of the last meeting\n",
            "rag = \"red\" # as of the last meeting\nupdated = 2012-12-01\n",
        );
        assert_eq!(out, expected.replace('\n', "\r\n"));
    }

    #[test]
    fn a_task_that_is_not_there() {
        let edit = TaskEdit {
            updated: day("2012-12-01"),
            ..TaskEdit::default()
        };
        let err = edit_task(TEXT, &path("EJ-1.1.z"), &edit).unwrap_err();
        assert!(err.to_string().contains("task z"), "{err}");
        assert!(edit_task(TEXT, &path("EJ-2.1.a"), &edit).is_err());
    }
}
