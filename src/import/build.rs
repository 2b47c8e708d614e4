//! The rows under a header made into cards, priorities, actions and tasks:
//! section rows start a card or a priority, a new action cell starts an
//! action, sub-items that line up with the other cells become tasks.

use super::header::{Field, Mapping};
use super::{Cell, Imported, NewAction, NewCard, NewPriority, NewTask, Row, Table, When};
use crate::model::Rag;
use chrono::NaiveDate;

/// Adds the rows of `table` below its header to `imported`.
pub fn add_rows(imported: &mut Imported, table: &Table, mapping: &Mapping, first_row: usize) {
    // A sheet is a card of its own unless its first section row names one.
    let mut pending = table.new_card.then(|| table.name.clone());
    let table_heading = table
        .above
        .iter()
        .rev()
        .find_map(|l| super::years::heading_evidence(l))
        .map(std::rc::Rc::new);
    if table_heading.is_some() || table.new_card {
        imported.heading = table_heading;
    }
    heading_above(imported, table, &mut pending);
    for (i, row) in table.rows.iter().enumerate() {
        if mapping.is_header(row) || row.cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        let section = section_text(row, mapping);
        if i < first_row {
            // Above the header only a report card's title counts.
            if let Some(title) = section.filter(|s| is_card_title(s)) {
                imported.cards.push(NewCard::new(card_title(&title)));
                pending = None;
            }
            continue;
        }
        if let Some(section) = section {
            if let Some(e) = super::years::heading_evidence(&section) {
                imported.heading = Some(std::rc::Rc::new(e));
            }
            // With a priority column of its own, a table's section rows
            // are the level above: cards (unless a Word heading above the
            // table names its card).
            let above_priorities =
                mapping.column(Field::Priority).is_some() && table.heading.is_none();
            if is_card_title(&section) || above_priorities {
                imported.cards.push(NewCard::new(card_title(&section)));
                pending = None;
            } else {
                ensure_card(imported, &mut pending, &table.name);
                let card = imported.cards.last_mut().expect("a card was just made");
                card.priorities.push(NewPriority {
                    title: priority_title(&section),
                    actions: Vec::new(),
                });
            }
            continue;
        }
        ensure_card(imported, &mut pending, &table.name);
        imported.rows += 1;
        let place = format!("{}, row {}", table.name, i + 1);
        add_row(imported, row, mapping, &place);
    }
}

/// A section row or heading with no task under it (another section came
/// first) is not written: never without a word.
pub fn warn_empty_sections(imported: &mut Imported) {
    for card in &imported.cards {
        for p in &card.priorities {
            if p.actions.iter().all(|a| a.tasks.is_empty()) {
                imported.warnings.push(format!(
                    "the section {:?} (card {:?}) has no task under it before the next section: left out; if it heads the sections below it, make it a card (a row naming a \"Report Card\") or give it tasks",
                    p.title, card.title
                ));
            }
        }
    }
}

/// A heading paragraph above a table (Word): the first level seen, or a
/// higher one, starts a card; a lower one a priority. The plan's own title
/// is neither.
fn heading_above(imported: &mut Imported, table: &Table, pending: &mut Option<String>) {
    let Some((text, level)) = &table.heading else {
        return;
    };
    if imported.title.as_deref() == Some(text.as_str()) || *level == 0 {
        return;
    }
    let card_level = *imported.card_level.get_or_insert(*level);
    if *level <= card_level {
        imported.card_level = Some(*level);
        imported.cards.push(NewCard::new(card_title(text)));
        *pending = None;
    } else {
        ensure_card(imported, pending, &table.name);
        let card = imported.cards.last_mut().expect("a card was just made");
        card.priorities.push(NewPriority {
            title: priority_title(text),
            actions: Vec::new(),
        });
    }
}

fn ensure_card(imported: &mut Imported, pending: &mut Option<String>, name: &str) {
    if let Some(title) = pending.take() {
        imported.cards.push(NewCard::new(title));
    } else if imported.cards.is_empty() {
        imported.cards.push(NewCard::new(name.to_string()));
    }
}

/// The text of a row that is a heading within the table: one cell across
/// the whole table, or a lone cell that reads like a heading.
fn section_text(row: &Row, mapping: &Mapping) -> Option<String> {
    // A workbook gives each cell of a merge its value: one cell here.
    let filled: Vec<(usize, &Cell)> = row
        .cells
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.is_empty())
        .filter(|(c, _)| {
            row.across
                .as_ref()
                .is_none_or(|a| *c == a.start || !a.contains(c))
        })
        .collect();
    let [(col, cell)] = filled.as_slice() else {
        return None;
    };
    let text = cell.text.trim().to_string();
    let lower = text.to_lowercase();
    let heading_words = [
        "we will",
        "priority",
        "objective",
        "theme",
        "report card",
        "section",
    ];
    let reads_like_heading = heading_words.iter().any(|w| {
        lower
            .strip_prefix(w)
            .is_some_and(|rest| !rest.starts_with(char::is_alphabetic))
    }) || is_card_title(&text);
    let in_task_column = Some(*col) == mapping.column(Field::Task);
    let spans = (row.spans_all || merged_over_the_task(row, mapping)) && mapping.columns.len() > 1;
    (spans || (reads_like_heading && (!in_task_column || mapping.columns.len() > 1)))
        .then_some(text)
}

/// One cell merged across two or more columns, the task's or the
/// action's among them: a section row, in Word and in a workbook alike.
fn merged_over_the_task(row: &Row, mapping: &Mapping) -> bool {
    let Some(across) = &row.across else {
        return false;
    };
    [Field::Task, Field::Action]
        .iter()
        .filter_map(|f| mapping.column(*f))
        .any(|c| across.contains(&c))
}

pub fn is_card_title(text: &str) -> bool {
    find_ascii_ignoring_case(text, "report card").is_some()
}

/// Where `phrase` (ASCII) starts in `text`, in any case. Found in the text
/// itself, not in its `to_lowercase()`: that can be longer (a dotted
/// capital `İ` becomes three bytes), and an offset found there would cut
/// the title in the wrong place or inside a character.
fn find_ascii_ignoring_case(text: &str, phrase: &str) -> Option<usize> {
    text.char_indices().map(|(at, _)| at).find(|&at| {
        text.as_bytes()[at..]
            .get(..phrase.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(phrase.as_bytes()))
    })
}

/// "Effective Justice Report Card 2012 – 2013" -> "Effective Justice".
pub fn card_title(text: &str) -> String {
    let cut = find_ascii_ignoring_case(text, "report card").unwrap_or(text.len());
    let before = text[..cut].trim_matches(|c: char| c.is_whitespace() || ":–-—&,".contains(c));
    if !before.is_empty() {
        return before.to_string();
    }
    let after = &text[(cut + "report card".len()).min(text.len())..];
    let after = after
        .trim_matches(|c: char| c.is_whitespace() || ":–-—&,".contains(c) || c.is_ascii_digit());
    if after.is_empty() {
        text.trim().to_string()
    } else {
        after.to_string()
    }
}

/// "We will.....improve the reporting" -> "improve the reporting";
/// "Priority 2: Safer streets" -> "Safer streets".
pub fn priority_title(text: &str) -> String {
    let mut rest = text.trim();
    for prefix in ["we will", "priority", "objective", "theme", "section"] {
        // Compared in the text itself, so that the cut is at a character.
        if let Some(after) = rest
            .get(..prefix.len())
            .filter(|head| head.eq_ignore_ascii_case(prefix))
            .and_then(|_| rest.get(prefix.len()..))
        {
            rest = after;
            break;
        }
    }
    let rest = rest.trim_start_matches(|c: char| {
        c.is_ascii_digit() || c.is_whitespace() || ".:–-—…)".contains(c)
    });
    if rest.is_empty() {
        text.trim().to_string()
    } else {
        rest.to_string()
    }
}

/// One row of tasks.
fn add_row(imported: &mut Imported, row: &Row, mapping: &Mapping, place: &str) {
    let cell = |field: Field| mapping.column(field).and_then(|c| row.cells.get(c));
    let text_of = |field: Field| {
        cell(field)
            .map(|c| c.text.trim().to_string())
            .unwrap_or_default()
    };
    let action_text = text_of(Field::Action);
    let task_cell = cell(Field::Task).cloned().unwrap_or_default();
    let priority_text = text_of(Field::Priority);
    if action_text.is_empty() && task_cell.text.trim().is_empty() {
        continued_row(imported, row, mapping, place);
        return;
    }
    let heading = imported.heading.clone();
    let card = imported.cards.last_mut().expect("add_rows made a card");
    if !priority_text.is_empty()
        && card
            .priorities
            .last()
            .is_none_or(|p| p.title != priority_text)
    {
        card.priorities.push(NewPriority {
            title: priority_text,
            actions: Vec::new(),
        });
    }
    if card.priorities.is_empty() {
        card.priorities.push(NewPriority {
            title: card.title.clone(),
            actions: Vec::new(),
        });
    }
    let priority = card
        .priorities
        .last_mut()
        .expect("a priority was just made");
    let task_text = task_cell.text.trim().to_string();
    let new_action = if mapping.column(Field::Action).is_some() {
        !action_text.is_empty()
            && priority
                .actions
                .last()
                .is_none_or(|a| a.title != action_text)
    } else {
        true
    };
    if new_action || priority.actions.is_empty() {
        let title = if action_text.is_empty() {
            first_line(&task_text)
        } else {
            action_text.clone()
        };
        priority.actions.push(NewAction {
            title,
            tasks: Vec::new(),
        });
    }
    let action = priority
        .actions
        .last_mut()
        .expect("an action was just made");
    let text = if task_text.is_empty() {
        action_text
    } else {
        task_text
    };
    let mut tasks = split_tasks(
        row,
        mapping,
        &task_cell,
        &text,
        place,
        &mut imported.warnings,
    );
    for task in &mut tasks {
        task.place = place.to_string();
        task.heading = heading.clone();
        if task.done_unknown {
            imported.warnings.push(format!(
                "{place}: the target says the task is done: it is blue; add the day it was done as `done = YYYY-MM-DD`"
            ));
        }
    }
    action.tasks.extend(tasks);
}

/// A row with no task and no action text: what it holds goes to the note
/// of the task above (a comment run on to the next row), else it is left out.
fn continued_row(imported: &mut Imported, row: &Row, mapping: &Mapping, place: &str) {
    imported.rows -= 1;
    let notes: Vec<String> = mapping
        .columns
        .iter()
        .enumerate()
        .filter(|(_, (_, f))| !matches!(f, None | Some(Field::Ignore)))
        .filter_map(|(c, (heading, _))| {
            let text = row.cells.get(c)?.text.trim();
            (!text.is_empty()).then(|| format!("{}: {text}", super::header::label(heading, c)))
        })
        .collect();
    let last = imported
        .cards
        .iter_mut()
        .rev()
        .flat_map(|c| c.priorities.iter_mut().rev())
        .flat_map(|p| p.actions.iter_mut().rev())
        .find_map(|a| a.tasks.last_mut());
    match last {
        Some(task) if !notes.is_empty() => {
            task.note.extend(notes);
            imported.warnings.push(format!(
                "{place}: no task text; its cells were added to the note of the task above"
            ));
        }
        _ => imported
            .warnings
            .push(format!("{place}: no task text; left out")),
    }
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or("").trim().to_string()
}

/// The tasks of a row: one per sub-item of the task cell when every other
/// cell with several lines has as many, else one.
fn split_tasks(
    row: &Row,
    mapping: &Mapping,
    task_cell: &Cell,
    text: &str,
    place: &str,
    warnings: &mut Vec<String>,
) -> Vec<NewTask> {
    let items = task_cell.items();
    let per_item = [
        Field::Lead,
        Field::Due,
        Field::Resources,
        Field::Rag,
        Field::Ref,
    ];
    if items.len() >= 2 {
        let n = items.len();
        let misfit = mapping.columns.iter().enumerate().find(|(c, (_, f))| {
            f.is_some_and(|f| per_item.contains(&f))
                && row.cells.get(*c).is_some_and(|cell| {
                    let lines = cell.lines().len();
                    lines > 1 && lines != n
                })
        });
        if let Some((c, (heading, _))) = misfit {
            let lines = row.cells[c].lines().len();
            warnings.push(format!(
                "{place}: the task cell holds {n} sub-items but the {heading} cell has {lines} lines: kept as one task"
            ));
        } else {
            let labels = item_labels(task_cell, n);
            return (0..n)
                .map(|i| {
                    let mut t = task(row, mapping, items[i].clone(), Some((i, n)));
                    t.marker = labels.get(i).cloned().flatten();
                    t
                })
                .collect();
        }
    }
    // A lone item keeps its marker as its id, not in its text.
    let (marker, rest) = match super::marker(text) {
        Some((label, rest)) if !rest.is_empty() && items.len() < 2 => (label, rest),
        _ => (None, text),
    };
    let mut one = task(row, mapping, rest.trim().to_string(), None);
    one.marker = marker;
    vec![one]
}

/// The label of each of a cell's `n` items, where its lines write them.
fn item_labels(cell: &Cell, n: usize) -> Vec<Option<String>> {
    let labels: Vec<Option<String>> = cell
        .text
        .lines()
        .filter_map(super::marker)
        .map(|(label, _)| label)
        .collect();
    if labels.len() == n {
        labels
    } else {
        Vec::new()
    }
}

/// One task from a row; with `item`, the `i`th of `n` sub-items takes the
/// `i`th line of each cell that has `n` lines.
fn task(row: &Row, mapping: &Mapping, text: String, item: Option<(usize, usize)>) -> NewTask {
    let mut task = NewTask {
        text,
        ..NewTask::default()
    };
    for (c, (heading, field)) in mapping.columns.iter().enumerate() {
        let (Some(field), Some(cell)) = (field, row.cells.get(c)) else {
            continue;
        };
        let value = match item {
            Some((i, n)) if cell.lines().len() == n => cell.lines()[i].clone(),
            _ => cell.text.trim().to_string(),
        };
        match field {
            Field::Ref if !value.is_empty() => task.reference = Some(value),
            Field::Lead => task.lead = value,
            Field::Due => {
                task.due = match cell.date {
                    Some(d) if item.is_none() || cell.lines().len() <= 1 => Some(When::Date(d)),
                    _ if value.is_empty() => None,
                    _ => Some(When::Text(value)),
                }
            }
            Field::Resources if !value.is_empty() => task.resources = Some(value),
            Field::Rag => {
                match rag_of(&value).or(if value.is_empty() { cell.fill } else { None }) {
                    Some(rag) => task.rag = Some(rag),
                    None if !value.is_empty() => task.note.push(format!("{heading}: {value}")),
                    None => {}
                }
            }
            Field::Done => match cell.date.or_else(|| day_of(&value)) {
                Some(day) => task.done = Some(day),
                None if !value.is_empty() => task.note.push(format!("{heading}: {value}")),
                None => {}
            },
            Field::Updated => match cell.date.or_else(|| day_of(&value)) {
                Some(day) => task.updated = Some(day),
                None if !value.is_empty() => task.note.push(format!("{heading}: {value}")),
                None => {}
            },
            Field::Response | Field::Accepted | Field::Owner if !value.is_empty() => {
                let rec = task.recommendation.get_or_insert_with(Default::default);
                match field {
                    Field::Response => rec.response_text = Some(value),
                    Field::Accepted => rec.decision = Some(value),
                    _ => rec.owner = Some(value),
                }
            }
            Field::Progress | Field::Note | Field::Outcome if !value.is_empty() => {
                if *field == Field::Progress {
                    task.progress.push(value.clone());
                }
                task.note
                    .push(format!("{}: {value}", super::header::label(heading, c)));
            }
            _ => {}
        }
    }
    done_in_target(&mut task);
    if mapping.recommendations && item.is_none_or(|(i, _)| i == 0) {
        let rec = task.recommendation.get_or_insert_with(Default::default);
        rec.text = task.text.clone();
        rec.reference = task.reference.clone();
    } else {
        task.recommendation = None;
    }
    task
}

/// "Completed" (or "Completed 3 May 2012") where the target goes: the task
/// is done (blue), on the day written, else the day is asked for.
fn done_in_target(task: &mut NewTask) {
    let mut said_done = false;
    if let Some(When::Text(text)) = &task.due
        && let Some(day) = completed(text)
    {
        task.note.push(format!("Target as written: {text}"));
        task.due = None;
        task.done = task.done.or(day);
        said_done = true;
    }
    if said_done || task.done.is_some() {
        task.rag = Some(Rag::Blue);
        task.done_unknown = task.done.is_none();
    }
}

/// A target that says the task is done: `Some(day)` with the day it
/// gives, `Some(None)` with none; `None` for a target.
fn completed(text: &str) -> Option<Option<NaiveDate>> {
    let t = text.trim();
    if rag_of(t) == Some(Rag::Blue) {
        return Some(None);
    }
    let lower = t.to_lowercase();
    let word = ["completed", "complete", "achieved", "done"]
        .into_iter()
        .find(|w| lower.starts_with(w))?;
    let rest =
        t[word.len()..].trim_start_matches(|c: char| c.is_whitespace() || ":-–,".contains(c));
    let rest = rest.strip_prefix("on ").unwrap_or(rest).trim();
    day_of(rest).map(Some)
}

/// A day written as text in a "Last updated" column: ISO, or day first.
fn day_of(text: &str) -> Option<NaiveDate> {
    [
        "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y", "%d/%m/%y",
    ]
    .iter()
    .find_map(|form| NaiveDate::parse_from_str(text.trim(), form).ok())
}

/// A RAG status written in a cell.
pub fn rag_of(text: &str) -> Option<Rag> {
    Some(
        match text.trim().trim_end_matches('.').to_lowercase().as_str() {
            "r" | "red" => Rag::Red,
            "a" | "amber" | "a/r" | "amber/red" => Rag::Amber,
            "g" | "green" | "a/g" | "amber/green" => Rag::Green,
            "b" | "blue" | "complete" | "completed" | "done" | "achieved" | "fully achieved" => {
                Rag::Blue
            }
            _ => return None,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_titles() {
        assert_eq!(
            priority_title("We will.....improve the reporting"),
            "improve the reporting"
        );
        assert_eq!(priority_title("Priority 2: Safer streets"), "Safer streets");
        assert_eq!(
            card_title("Effective Justice Report Card"),
            "Effective Justice"
        );
        assert_eq!(card_title("Report Card: Reducing Harm"), "Reducing Harm");
    }

    #[test]
    fn a_dotted_capital_i_cuts_no_title_short_or_in_a_character() {
        // `İ`.to_lowercase() is three bytes for two: an offset found in the
        // lower-case text once panicked here, or cut "İstanbul R".
        assert_eq!(card_title("İstanbul Report Card"), "İstanbul");
        assert_eq!(
            card_title(&format!("{} Report Card", "İ".repeat(14))),
            "İ".repeat(14)
        );
        assert_eq!(card_title("İİ report cards é"), "İİ");
        assert!(is_card_title("İ REPORT CARD"));
        assert_eq!(priority_title("Priority İ: İzmir"), "İ: İzmir");
        assert_eq!(priority_title("İİ"), "İİ");
    }

    #[test]
    fn rag_words() {
        assert_eq!(rag_of("R"), Some(Rag::Red));
        assert_eq!(rag_of("Complete"), Some(Rag::Blue));
        assert_eq!(rag_of("Amber"), Some(Rag::Amber));
        assert_eq!(rag_of("on track"), None);
    }
}
