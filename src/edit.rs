//! In-place edits of a task with toml_edit: only the values that change
//! are touched; every comment, blank line and the layout of the rest of the
//! file stay as they were.

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
    pub done: Option<NaiveDate>,
    pub due: Option<String>,
    pub leads: Option<Vec<String>>,
    /// Always set: the day of the review.
    pub updated: NaiveDate,
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
    Ok(crate::line_ends::keep(text, &doc.to_string()))
}

fn apply(task: &mut Table, edit: &TaskEdit) {
    if let Some(rag) = edit.rag {
        match rag {
            Some(rag) => set(task, "rag", Value::from(rag.as_str())),
            None => {
                task.remove("rag");
            }
        }
    }
    if let Some(due) = &edit.due {
        set(task, "due", Value::from(due.as_str()));
    }
    if let Some(leads) = &edit.leads {
        let array: Array = leads.iter().map(String::as_str).collect();
        set(task, "lead", Value::Array(array));
    }
    if let Some(done) = edit.done {
        set(task, "done", date(done));
    }
    set(task, "updated", date(edit.updated));
    if let Some(note) = &edit.note {
        set(task, "note", Value::from(note.as_str()));
    }
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
            .is_some_and(|s| s.eq_ignore_ascii_case(&path.task))
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
            "rag = \"amber\" # as of the last meeting\nupdated = 2012-12-01\nnote = \"Roath briefed; Bay in January\"\n",
        );
        assert_eq!(out, expected);
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
        let out = edit_task(&crlf, &path("EJ-1.1.a"), &edit).unwrap();
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
