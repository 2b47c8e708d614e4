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
    /// The day the task was done ("Date completed").
    Done,
    /// A recommendation's response text ("Cabinet Response").
    Response,
    /// Whether a recommendation was accepted ("Accepted / Rejected").
    Accepted,
    /// Who answers for a recommendation ("Cabinet Member", "Portfolio Holder").
    Owner,
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
            Field::Done => "done",
            Field::Response => "response_text",
            Field::Accepted => "response",
            Field::Owner => "owner",
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
            "done" | "completed" => Field::Done,
            "response" | "response_text" => Field::Response,
            "accepted" => Field::Accepted,
            "owner_of_recommendation" | "cabinet_member" => Field::Owner,
            "ignore" | "skip" => Field::Ignore,
            _ => return None,
        })
    }

    pub const NAMES: &'static str = "ref, priority, action, task, lead, due, resources, rag, note, outcome, updated, done, response, accepted, cabinet_member, ignore";
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
        Field::Done,
        &[
            "date completed",
            "completed on",
            "date of completion",
            "actual completion date",
            "date achieved",
            "date closed",
        ],
        &[],
    ),
    (
        Field::Owner,
        &[
            "cabinet member",
            "portfolio holder",
            "executive member",
            "lead member",
        ],
        &[],
    ),
    (
        Field::Accepted,
        &[
            "accepted",
            "accepted rejected",
            "accepted or rejected",
            "agreed rejected",
            "accept reject",
        ],
        &[],
    ),
    (
        Field::Response,
        &[
            "response",
            "cabinet response",
            "executive response",
            "management response",
        ],
        &[],
    ),
    (
        // Days that are no target: kept in the note.
        Field::Note,
        &[
            "start date",
            "date started",
            "date raised",
            "date agreed",
            "date identified",
            "date added",
            "date opened",
        ],
        &[],
    ),
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
            "to be achieved by",
            "achieved by",
            "complete by",
            "to be completed by",
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
            "improvement",
            "improvements",
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
    /// What was decided that may be wrong: a column taken by its cells, a
    /// column that looks like a target or task going to the note.
    pub warnings: Vec<String>,
    /// Each row is a recommendation (with its response) and its delivering task.
    pub recommendations: bool,
}

impl Mapping {
    /// A table of recommendations: its task column says Recommendation and
    /// a column holds a response, a decision or a Cabinet Member; `as_kind`
    /// (`--as`) decides. Read as actions, those columns go to the note.
    pub fn settle_kind(&mut self, as_kind: Option<crate::cli::ImportAs>) {
        use crate::cli::ImportAs;
        let named = self
            .column(Field::Task)
            .is_some_and(|c| words(&self.columns[c].0).contains("recommendation"));
        let answered = [Field::Response, Field::Accepted, Field::Owner]
            .iter()
            .any(|f| self.column(*f).is_some());
        self.recommendations = match as_kind {
            Some(ImportAs::Recommendations) => named || answered,
            Some(ImportAs::Actions) => false,
            None => named && answered,
        };
        if !self.recommendations {
            for (_, field) in &mut self.columns {
                if matches!(
                    field,
                    Some(Field::Response | Field::Accepted | Field::Owner)
                ) {
                    *field = Some(Field::Note);
                }
            }
        }
    }
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

/// A column as a header row names it: its heading and field.
pub type Column = (String, Option<Field>);

/// How strongly a heading names its field: "Target date" beats a bare
/// "Date", and a "Measure" is task text only when nothing else is.
fn rank(heading: &str, field: Field) -> u8 {
    let w = words(heading);
    match field {
        Field::Due if matches!(w.as_str(), "date" | "dates" | "when") => 1,
        Field::Action if starts(&w, "measure") => 1,
        _ => 2,
    }
}

/// The fields of one row read as a header, each field to its best column
/// (the others go to the note, with a warning when one looks like a target
/// date or task text), and those warnings.
fn read_header(row: &Row, maps: &[(String, Field)]) -> (Vec<Column>, Vec<String>) {
    let mut columns: Vec<Column> = row
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
    let mut mapped: Vec<Field> = Vec::new();
    for field in columns.iter().filter_map(|(_, f)| *f) {
        if !mapped.contains(&field) {
            mapped.push(field);
        }
    }
    let guesses: Vec<Option<Field>> = columns
        .iter()
        .map(|(h, f)| if f.is_some() { None } else { guess(h) })
        .collect();
    let mut warnings = Vec::new();
    let mut best: Vec<(Field, usize, u8)> = Vec::new();
    for (c, guessed) in guesses.iter().enumerate() {
        let Some(f) = guessed else { continue };
        let r = rank(&columns[c].0, *f);
        match best.iter_mut().find(|(g, _, _)| g == f) {
            Some(b) if r > b.2 => *b = (*f, c, r),
            Some(_) => {}
            None => best.push((*f, c, r)),
        }
    }
    for (c, guessed) in guesses.iter().enumerate() {
        if columns[c].1.is_some() {
            continue;
        }
        columns[c].1 = Some(match guessed {
            None => Field::Note,
            Some(f @ (Field::Progress | Field::Outcome | Field::Note | Field::Response)) => *f,
            Some(Field::Action | Field::Task) => continue,
            Some(f) if !mapped.contains(f) && best.iter().any(|b| b.0 == *f && b.1 == c) => *f,
            Some(f) => {
                if *f == Field::Due {
                    warnings.push(format!(
                        "the column {:?} looks like a target date but another is the target: it goes to the note (say which with --map \"{}=due\")",
                        columns[c].0, columns[c].0
                    ));
                }
                Field::Note
            }
        });
    }
    settle_tasks(&mut columns, &guesses, &mapped, &mut warnings);
    (columns, warnings)
}

/// The columns that could be the task text: with two, the finer (the
/// right-hand one) is the task and the other its action, carried down the
/// rows it spans; any more go to the note with a warning.
fn settle_tasks(
    columns: &mut [Column],
    guesses: &[Option<Field>],
    mapped: &[Field],
    warnings: &mut Vec<String>,
) {
    let candidates: Vec<usize> = (0..columns.len())
        .filter(|c| matches!(guesses[*c], Some(Field::Action | Field::Task)))
        .filter(|c| columns[*c].1.is_none())
        .collect();
    let strong: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|c| {
            let field = guesses[*c].unwrap_or(Field::Note);
            rank(&columns[*c].0, field) > 1
        })
        .collect();
    let mut pool = if strong.is_empty() {
        candidates.clone()
    } else {
        strong
    };
    for field in [Field::Task, Field::Action] {
        if !mapped.contains(&field)
            && let Some(c) = pool.pop()
        {
            columns[c].1 = Some(field);
        }
    }
    for c in candidates {
        if columns[c].1.is_none() {
            columns[c].1 = Some(Field::Note);
            warnings.push(format!(
                "the column {:?} looks like task text but others are the action and the task: it goes to the note (say which with --map)",
                columns[c].0
            ));
        }
    }
}

/// A column with a heading no rule knows ("When achieved?") whose cells
/// read as target dates is the target, when no column is; with a warning.
fn due_by_content(rows: &[Row], mapping: &mut Mapping) {
    if mapping.column(Field::Due).is_some() || mapping.columns.len() > 200 {
        return;
    }
    let probe = crate::dates::Calendar {
        start: chrono::NaiveDate::from_ymd_opt(2010, 4, 1).unwrap_or_default(),
        end: chrono::NaiveDate::from_ymd_opt(2011, 3, 31).unwrap_or_default(),
        asap_days: 30,
        year_start: 4,
    };
    let below = &rows[(mapping.row + 1).min(rows.len())..];
    for c in 0..mapping.columns.len() {
        let (heading, field) = &mapping.columns[c];
        if *field != Some(Field::Note) || heading.is_empty() || guess(heading).is_some() {
            continue;
        }
        let cells: Vec<&super::Cell> = below
            .iter()
            .take(50)
            .filter_map(|r| r.cells.get(c))
            .filter(|cell| !cell.is_empty())
            .collect();
        let dated = cells
            .iter()
            .filter(|cell| {
                cell.date.is_some()
                    || crate::dates::parse(&cell.text, &probe)
                        .ok()
                        .and_then(|d| d.interval())
                        .is_some()
            })
            .count();
        if !cells.is_empty() && dated * 3 >= cells.len() * 2 {
            mapping.warnings.push(format!(
                "the column {heading:?} is not a heading known for target dates, but its cells read as dates: taken as the target (`due`); say otherwise with --map \"{heading}=note\""
            ));
            mapping.columns[c].1 = Some(Field::Due);
            return;
        }
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
        let (columns, warnings) = read_header(row, maps);
        let score = score(&columns);
        if score >= 2 && best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((
                score,
                Mapping {
                    row: i,
                    continued: false,
                    columns,
                    warnings,
                    recommendations: false,
                },
            ));
        }
    }
    let mut mapping = best.map(|(_, m)| m)?;
    due_by_content(rows, &mut mapping);
    Some(mapping)
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
            ("To be Achieved by", Field::Due),
            ("Complete by", Field::Due),
            ("Date completed", Field::Done),
            ("Completed on", Field::Done),
            ("Start date", Field::Note),
            ("Date raised", Field::Note),
            ("Improvement", Field::Action),
            ("Key Milestones", Field::Action),
            ("Cabinet Member", Field::Owner),
            ("Portfolio Holder", Field::Owner),
            ("Cabinet Response", Field::Response),
            ("Accepted / Rejected", Field::Accepted),
        ];
        for (heading, field) in cases {
            assert_eq!(guess(heading), Some(field), "{heading}");
        }
    }
}
