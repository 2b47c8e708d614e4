//! Finding the header row of a table and what each column holds, by the
//! words real action plans use for their headings (`Lead Officer`,
//! `Timescale`, `BY WHOM`, `RAG rating` ...), or as `--map` says.

use super::Row;
use crate::error::Error;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Ref,
    Priority,
    Action,
    Task,
    Lead,
    Due,
    Resources,
    Rag,
    Progress,
    Outcome,
    /// The day the progress was written: the day of the note's entry.
    Updated,
    /// Nothing of the plan: kept in the task's note as `Heading: value`.
    Note,
    /// Left out on purpose (`--map "Heading=ignore"`).
    Ignore,
}

impl Field {
    /// The key or place it goes to, for the summary and `--dry-run`.
    pub fn name(self) -> &'static str {
        match self {
            Field::Ref => "ref",
            Field::Priority => "priority",
            Field::Action => "action",
            Field::Task => "task",
            Field::Lead => "lead",
            Field::Due => "due",
            Field::Resources => "resources",
            Field::Rag => "rag",
            Field::Progress => "note",
            Field::Outcome => "note (outcome)",
            Field::Updated => "the note's day",
            Field::Note => "note",
            Field::Ignore => "ignored",
        }
    }

    /// The field a `--map` names.
    pub fn parse(name: &str) -> Option<Field> {
        Some(match name.trim().to_lowercase().as_str() {
            "ref" | "reference" | "id" => Field::Ref,
            "priority" | "objective" => Field::Priority,
            "action" => Field::Action,
            "task" | "text" => Field::Task,
            "lead" | "leads" | "owner" => Field::Lead,
            "due" | "date" | "target" => Field::Due,
            "resources" | "cost" => Field::Resources,
            "rag" | "status" => Field::Rag,
            "note" | "progress" => Field::Progress,
            "outcome" => Field::Outcome,
            "updated" | "reviewed" => Field::Updated,
            "ignore" | "skip" => Field::Ignore,
            _ => return None,
        })
    }

    pub const NAMES: &'static str =
        "ref, priority, action, task, lead, due, resources, rag, note, outcome, updated, ignore";
}

/// A heading's words: lower case, punctuation made spaces, one space between words.
pub fn words(heading: &str) -> String {
    let spaced: String = heading
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '#' {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn has(words: &str, phrase: &str) -> bool {
    format!(" {words} ").contains(&format!(" {phrase} "))
}

fn starts(words: &str, stem: &str) -> bool {
    words.split(' ').any(|w| w.starts_with(stem))
}

/// What a heading says, in the order that settles overlaps: `Action by`
/// is a lead, `Progress to Date` progress and `Action Completed by` a date,
/// before anything with "action" in it is an action. Each rule: the field,
/// whole words or phrases, and word stems.
const RULES: &[(Field, &[&str], &[&str])] = &[
    (
        Field::Updated,
        &[
            "last updated",
            "date updated",
            "updated",
            "update date",
            "date of update",
            "date of last update",
            "last reviewed",
            "date reviewed",
            "reviewed",
            "as at",
        ],
        &[],
    ),
    (
        Field::Lead,
        &[
            "action by",
            "by whom",
            "addressed to",
            "who",
            "agency",
            "officer",
            "representative",
        ],
        &["lead", "owner", "responsib"],
    ),
    (
        Field::Progress,
        &[
            "progress",
            "update",
            "comment",
            "comments",
            "work to date",
            "action taken",
            "notes",
            "note",
        ],
        &[],
    ),
    (
        Field::Due,
        &[
            "target date",
            "timescale",
            "timescales",
            "timetable",
            "by when",
            "deadline",
            "completion",
            "completed by",
            "when",
            "date",
            "timeframe",
            "due",
            "target",
        ],
        &[],
    ),
    (Field::Rag, &["rag", "status"], &[]),
    (
        Field::Resources,
        &["funding", "budget"],
        &["resource", "cost"],
    ),
    (
        Field::Outcome,
        &["success", "indicator", "impact"],
        &["outcome", "output"],
    ),
    (
        Field::Priority,
        &["objective", "priority", "theme", "area for development"],
        &[],
    ),
    (Field::Task, &["sub action", "activity", "how"], &["task"]),
    (
        Field::Action,
        &[
            "what",
            "measure",
            "recommendation",
            "milestone",
            "milestones",
        ],
        &["action"],
    ),
];

/// The field a heading names by itself.
pub fn guess(heading: &str) -> Option<Field> {
    // No heading is a page long; a cell that is (merged down the first
    // rows, say) would be searched for every phrase of every rule.
    if heading.len() > 1_000 {
        return None;
    }
    let w = words(heading);
    let ref_words = [
        "ref",
        "ref no",
        "reference",
        "no",
        "number",
        "#",
        "id",
        "item",
    ];
    if ref_words.contains(&w.as_str()) || w.starts_with("ref ") {
        return Some(Field::Ref);
    }
    RULES
        .iter()
        .find(|(_, phrases, stems)| {
            phrases.iter().any(|p| has(&w, p)) || stems.iter().any(|s| starts(&w, s))
        })
        .map(|(field, _, _)| *field)
}

/// Which field each column of a table holds.
#[derive(Debug, Clone)]
pub struct Mapping {
    /// The header row's index in the table.
    pub row: usize,
    /// The table has no header of its own: it goes on under the previous one's.
    pub continued: bool,
    /// Per column: its heading and the field it goes to (`None`: an empty heading).
    pub columns: Vec<(String, Option<Field>)>,
}

impl Mapping {
    pub fn column(&self, field: Field) -> Option<usize> {
        self.columns.iter().position(|(_, f)| *f == Some(field))
    }

    /// The headings, to recognise the header repeated on a later page.
    pub fn is_header(&self, row: &Row) -> bool {
        // No heading is a page long: a long cell (one merged down every
        // row) is not normalised again for each row.
        if row.cells.iter().any(|c| c.text.len() > 1_000) {
            return false;
        }
        let texts: Vec<String> = row.cells.iter().map(|c| words(&c.text)).collect();
        let heads: Vec<String> = self.columns.iter().map(|(h, _)| words(h)).collect();
        let filled = heads.iter().filter(|h| !h.is_empty()).count();
        filled > 0
            && texts
                .iter()
                .filter(|t| !t.is_empty())
                .eq(heads.iter().filter(|h| !h.is_empty()))
    }
}

/// How a column is named in notes and summaries: its heading, or its number.
pub fn label(heading: &str, column: usize) -> String {
    if heading.is_empty() {
        format!("Column {}", column + 1)
    } else {
        heading.to_string()
    }
}

/// `--map "Heading=field"` pairs, parsed.
pub fn parse_maps(maps: &[String]) -> Result<Vec<(String, Field)>, Error> {
    maps.iter()
        .map(|m| {
            let (heading, field) = m
                .rsplit_once('=')
                .ok_or_else(|| Error::MapWithoutEquals { map: m.clone() })?;
            let field = Field::parse(field).ok_or_else(|| Error::MapNoSuchField {
                map: m.clone(),
                field: field.trim().to_string(),
                fields: Field::NAMES,
            })?;
            Ok((words(heading), field))
        })
        .collect()
}

/// The fields of one row read as a header, each field to one column
/// (later columns of a field already taken go to the note).
fn read_header(row: &Row, maps: &[(String, Field)]) -> Vec<(String, Option<Field>)> {
    let mut taken = Vec::new();
    let mut guessed: Vec<(String, Option<Field>)> = row
        .cells
        .iter()
        .map(|c| {
            let heading = if c.text.len() > 1_000 {
                String::from("…")
            } else {
                c.text.split_whitespace().collect::<Vec<_>>().join(" ")
            };
            let mapped = maps
                .iter()
                .find(|(h, _)| *h == words(&heading))
                .map(|(_, f)| *f);
            (heading, mapped)
        })
        .collect();
    // A set of the few fields, not a list of every column's: a row of
    // 600,000 columns once took minutes here.
    for field in guessed.iter().filter_map(|(_, f)| *f) {
        if !taken.contains(&field) {
            taken.push(field);
        }
    }
    for (heading, field) in guessed.iter_mut() {
        if field.is_some() {
            continue;
        }
        if heading.is_empty() {
            // An unlabelled column still goes to the note: nothing is lost.
            *field = Some(Field::Note);
            continue;
        }
        let wanted = guess(heading).unwrap_or(Field::Note);
        *field = Some(match wanted {
            Field::Progress | Field::Outcome | Field::Note => wanted,
            f if taken.contains(&f) => Field::Note,
            f => f,
        });
        if !taken.contains(&wanted) {
            taken.push(wanted);
        }
    }
    settle_actions(&mut guessed);
    guessed
}

/// One action-like column is the task; with two, the first is the action
/// (`Recommendation`, `Action`) and the second its tasks.
fn settle_actions(columns: &mut [(String, Option<Field>)]) {
    let action = columns.iter().position(|(_, f)| *f == Some(Field::Action));
    let task = columns.iter().position(|(_, f)| *f == Some(Field::Task));
    if let (Some(a), Some(t)) = (action, task)
        && t < a
    {
        columns[t].1 = Some(Field::Action);
        columns[a].1 = Some(Field::Task);
    }
    if let (Some(a), None) = (action, task) {
        columns[a].1 = Some(Field::Task);
    }
}

/// How many fields of the plan a row read as a header names.
fn score(columns: &[(String, Option<Field>)]) -> usize {
    let mut fields: Vec<Field> = columns
        .iter()
        .filter_map(|(_, f)| *f)
        .filter(|f| !matches!(f, Field::Note | Field::Ignore))
        .collect();
    fields.sort_by_key(|f| *f as u8);
    fields.dedup();
    if fields.contains(&Field::Task) {
        fields.len()
    } else {
        0
    }
}

/// The header row among the first rows of a table: the one naming most
/// fields, with a task column and at least one other.
pub fn find(rows: &[Row], maps: &[(String, Field)]) -> Option<Mapping> {
    let mut best: Option<(usize, Mapping)> = None;
    for (i, row) in rows.iter().enumerate().take(20) {
        let columns = read_header(row, maps);
        let score = score(&columns);
        if score >= 2 && best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((
                score,
                Mapping {
                    row: i,
                    continued: false,
                    columns,
                },
            ));
        }
    }
    best.map(|(_, m)| m)
}

/// The headings of a table's first rows, for the message when none is a header.
pub fn seen(rows: &[Row]) -> Vec<String> {
    rows.iter()
        .take(5)
        .flat_map(|r| r.cells.iter())
        .map(|c| c.text.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty() && t.chars().count() <= 60)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_headings_are_recognised() {
        let cases = [
            ("Lead Officer", Field::Lead),
            ("Lead Agency / Officer", Field::Lead),
            ("BY WHOM", Field::Lead),
            ("Action by:", Field::Lead),
            ("Responsible lead/ group", Field::Lead),
            ("Timescale", Field::Due),
            ("Timescales (when achieved by)", Field::Due),
            ("Action Completed by:", Field::Due),
            ("By when", Field::Due),
            ("Target date", Field::Due),
            ("BUDGET COST", Field::Resources),
            ("Indicative costs", Field::Resources),
            ("RAG rating", Field::Rag),
            ("Status", Field::Rag),
            ("Progress to Date", Field::Progress),
            ("Action taken", Field::Progress),
            ("EXPECTED OUTCOME", Field::Outcome),
            ("Performance Indicator", Field::Outcome),
            ("No.", Field::Ref),
            ("Reference", Field::Ref),
            ("OBJECTIVE", Field::Priority),
            ("ACTION(s) REQUIRED", Field::Action),
            ("What will it do?", Field::Action),
            ("Sub Action:", Field::Task),
            ("How/what activity?", Field::Task),
            ("Tasks", Field::Task),
        ];
        for (heading, field) in cases {
            assert_eq!(guess(heading), Some(field), "{heading}");
        }
    }
}
