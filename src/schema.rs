//! `plan schema`: a JSON Schema (draft 2020-12) of the plan files, for
//! editors (taplo, "Even Better TOML") to complete and check them as people
//! type. Its keys are tested against the reader's own lists (read.rs), so
//! the two cannot drift apart.

use serde_json::{Map, Value, json};

/// A key of a table: its name and its schema.
type Key = (&'static str, Value);

fn text(description: &str) -> Value {
    json!({"type": "string", "description": description})
}

fn texts(description: &str) -> Value {
    json!({"type": "array", "items": {"type": "string"}, "description": description})
}

fn date(description: &str) -> Value {
    json!({"type": "string", "format": "date", "description": description})
}

fn table(description: &str, required: &[&str], keys: Vec<Key>) -> Value {
    let properties: Map<String, Value> =
        keys.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    json!({
        "type": "object",
        "description": description,
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

fn array_of(reference: &str, description: &str) -> Value {
    json!({"type": "array", "items": {"$ref": format!("#/$defs/{reference}")}, "description": description})
}

pub fn plan_table() -> Vec<Key> {
    vec![
        ("title", text("The plan's title")),
        (
            "owner",
            text("Who owns the plan, e.g. the partnership forum"),
        ),
        (
            "start",
            date(
                "First day of the plan: relative target dates (\"6 months\", \"ASAP\") count from it",
            ),
        ),
        ("end", date("Last day of the plan")),
        (
            "asap_days",
            json!({"type": "integer", "minimum": 0, "description": "Deadline of \"ASAP\"/\"Immediate\" = start + asap_days (default 30)"}),
        ),
        (
            "year_start",
            json!({"type": "integer", "minimum": 1, "maximum": 12, "description": "First month of the financial year (default 4, April)"}),
        ),
        (
            "review_days",
            json!({"type": "integer", "minimum": 1, "description": "An ongoing task not reviewed for this many days is stale (default 92)"}),
        ),
    ]
}

pub fn agency_table() -> Vec<Key> {
    vec![
        ("id", text("Unique id, used in `lead` (e.g. \"SWP\")")),
        ("name", text("The agency's name")),
        (
            "kind",
            json!({"enum": ["organisation", "team", "person", "role"], "description": "What kind of lead it is (default organisation)"}),
        ),
        (
            "aliases",
            texts("Other spellings of the agency in `lead`, matched ignoring case"),
        ),
        (
            "part_of",
            text("Id of the agency this one belongs to: its tasks count for that one too"),
        ),
    ]
}

pub fn card_table() -> Vec<Key> {
    vec![
        (
            "id",
            text("Short unique code, used in task ids (e.g. \"EJ\")"),
        ),
        ("title", text("The report card's theme")),
        ("outcomes", texts("The population outcomes the card serves")),
        ("area", text("Neighbourhood management area")),
        ("measures", texts("Ids of the [[measure]] curves to turn")),
        ("main_actions", texts("\"What are our main actions?\"")),
        ("story", text("The story behind the curve")),
        ("challenges", texts("The challenges to address")),
    ]
}

pub fn priority_table() -> Vec<Key> {
    vec![
        (
            "id",
            json!({"type": "integer", "minimum": 1, "description": "Number of the priority within its card"}),
        ),
        ("title", text("\"We will ...\"")),
        ("action", array_of("action", "The actions of this priority")),
    ]
}

pub fn action_table() -> Vec<Key> {
    vec![
        (
            "id",
            json!({"type": "integer", "minimum": 1, "description": "Number of the action within its priority"}),
        ),
        ("title", text("What the action is")),
        ("task", array_of("task", "The tasks of this action")),
    ]
}

pub fn task_table() -> Vec<Key> {
    vec![
        (
            "id",
            json!({"type": "string", "pattern": "^[A-Za-z0-9_]+$", "description": "Letter(s) of the task within its action: the full id is CARD-PRIORITY.ACTION.TASK"}),
        ),
        (
            "ref",
            text(
                "The source document's own reference for the task (\"1.1a\", \"SR (25/26) 01\"), kept as text",
            ),
        ),
        ("text", text("What is to be done")),
        (
            "lead",
            json!({
                "description": "Lead agencies: ids, names or aliases; \"TBC\" for none yet; \"all\" for every organisation",
                "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}, "minItems": 1}],
            }),
        ),
        (
            "due",
            json!({
                "description": "Target date: a date, or text such as \"Summer 2012 & On-going\", \"6 months\", \"ASAP\", \"By end of March 2013\", \"6 months after EJ-4.3.a\", \"TBC\"",
                "type": "string",
            }),
        ),
        ("resources", text("Resources required")),
        (
            "rag",
            json!({"enum": ["red", "amber", "green", "blue", "complete"], "description": "RAG status: red off track, amber at risk, green on track, blue complete; absent = not yet rated"}),
        ),
        (
            "done",
            date("Day the task was completed (with rag = \"blue\")"),
        ),
        ("updated", date("Day of the last review")),
        ("note", text("Progress note")),
    ]
}

pub fn recommendation_table() -> Vec<Key> {
    vec![
        ("id", text("Unique id, e.g. \"R1\"")),
        ("text", text("The recommendation")),
        (
            "response",
            json!({"enum": ["accepted", "partially-accepted", "not-accepted", "noted"], "description": "The response to it"}),
        ),
        ("response_text", text("The response in full")),
        ("owner", text("Who owns the response")),
        (
            "actions",
            texts("Full ids of the actions (or tasks) that deliver it, e.g. \"EJ-1.1\""),
        ),
    ]
}

pub fn measure_table() -> Vec<Key> {
    vec![
        ("id", text("Unique id, e.g. \"M3\"")),
        ("title", text("The curve to turn")),
        (
            "better",
            json!({"enum": ["higher", "lower"], "description": "Which way the curve should turn"}),
        ),
        ("unit", text("Unit of the values")),
        ("values", array_of("measure_value", "The time series")),
        (
            "target",
            json!({"$ref": "#/$defs/measure_value", "description": "The value aimed at, and by when"}),
        ),
    ]
}

pub fn measure_value_table() -> Vec<Key> {
    vec![
        (
            "period",
            json!({"type": "string", "description": "A date or a period such as \"Q1 2012-13\""}),
        ),
        ("value", json!({"type": "number"})),
        ("note", text("About this value")),
    ]
}

/// The whole schema of a plan file.
pub fn schema() -> Value {
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "plan file",
        "description": "A file of a multi-agency action plan kept with `plan`; a plan is a directory of such files.",
        "type": "object",
        "properties": {
            "plan": {"$ref": "#/$defs/plan"},
            "agency": array_of("agency", "The registry of leads"),
            "card": {"$ref": "#/$defs/card"},
            "priority": array_of("priority", "The card's priorities (\"We will ...\")"),
            "recommendation": array_of("recommendation", "The scrutiny recommendations and the responses"),
            "measure": array_of("measure", "The curves to turn"),
        },
        "additionalProperties": false,
        "$defs": {
            "plan": table("The plan itself: exactly one file holds it", &["title", "start", "end"], plan_table()),
            "agency": table("An agency, team, person or role that leads tasks", &["id", "name"], agency_table()),
            "card": table("A report card", &["id", "title"], card_table()),
            "priority": table("A priority: \"We will ...\"", &["id", "title"], priority_table()),
            "action": table("An action of a priority", &["id", "title"], action_table()),
            "task": table("A task of an action", &["id", "text", "lead"], task_table()),
            "recommendation": table("A scrutiny recommendation", &["id", "text", "response"], recommendation_table()),
            "measure": table("A measure: a curve to turn", &["id", "title", "better"], measure_table()),
            "measure_value": table("A value of a measure in a period", &["period", "value"], measure_value_table()),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read;

    fn names(keys: Vec<Key>) -> Vec<&'static str> {
        keys.into_iter().map(|(k, _)| k).collect()
    }

    /// The schema offers exactly the keys the reader accepts.
    #[test]
    fn the_schema_has_the_reader_s_keys() {
        assert_eq!(names(plan_table()), read::PLAN_KEYS);
        assert_eq!(names(agency_table()), read::AGENCY_KEYS);
        assert_eq!(names(card_table()), read::CARD_KEYS);
        assert_eq!(names(priority_table()), read::PRIORITY_KEYS);
        assert_eq!(names(action_table()), read::ACTION_KEYS);
        assert_eq!(names(task_table()), read::TASK_KEYS);
        assert_eq!(names(recommendation_table()), read::RECOMMENDATION_KEYS);
        assert_eq!(names(measure_table()), read::MEASURE_KEYS);
        assert_eq!(names(measure_value_table()), read::MEASURE_VALUE_KEYS);
        let whole = schema();
        let top: Vec<&str> = whole["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(top, read::FILE_KEYS);
    }
}
